/*
 * patterns.h: the pattern matcher.
 *
 * Consumes (at load): the .pat files in gazetteers/patterns (see gazetteers/README.md),
 *   with {MONTH}/{WEEKDAY} and `@define NAME<TAB>regex` macros expanded.
 * Consumes (per document): the working text of the normalise stage.
 * Produces: every non-overlapping match of every pattern over the whole
 *   text, with the byte spans of the named groups the date stage reads.
 *
 * Patterns are compiled once per model with JIT (PCRE2_UTF | PCRE2_UCP);
 * a match context per document caps backtracking, so no input can stall a
 * batch (a pattern that hits the cap is skipped for that document and the
 * document gets a warning).
 */
#ifndef NX_PATTERNS_H
#define NX_PATTERNS_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "nerx.h"
#include "text.h"

/* The named groups the date stage understands. A pattern may use any subset. */
typedef enum nx_group {
    NX_GRP_YEAR = 0,
    NX_GRP_MONTH,
    NX_GRP_DAY,
    NX_GRP_WEEKDAY,
    NX_GRP_YEAR2,   /* second year of a range */
    NX_GRP_MONTH2,
    NX_GRP_DAY2,
    NX_GRP_REL,     /* last, next, this, ... */
    NX_GRP_NUM,     /* a count: two, 3 */
    NX_GRP_UNIT,    /* day, week, month, year, decade ... */
    NX_GRP_DECADE,  /* 1990s, nineties */
    NX_GRP_QUARTER,
    NX_GRP_SEASON,
    NX_GRP_PART,    /* early, mid, late */
    NX_GRP_HOUR,
    NX_GRP_MINUTE,
    NX_GRP_AMPM,
    NX_GRP_WORD,    /* a fixed word the rule interprets: today, now, ... */
    NX_GRP_MD1,     /* 07/05: month or day, in the document's date order */
    NX_GRP_MD2,
    NX_GRP_HALF,    /* H1, first half */
    NX_GRP_DPART,   /* morning, night */
    NX_GRP_HOLIDAY, /* Thanksgiving */
    NX_GRP_CENTURY, /* 20th, twentieth */
    NX_GRP_YREL,    /* a year relative to the document date: last year, year-ago */
    NX_GRP_CLOCK,   /* noon, midnight */
    NX_GRP_TSET,    /* daily, annually */
    NX_GRP_COUNT
} nx_group;

extern const char *const nx_group_names[NX_GRP_COUNT];

typedef enum nx_pat_type { NX_PAT_DATE = 0, NX_PAT_TIME, NX_PAT_DURATION, NX_PAT_SET, NX_PAT_SKIP } nx_pat_type;

typedef struct nx_pattern {
    char *name;      /* "month-day-year" */
    char *rule;      /* "date:month-day-year" */
    nx_pat_type type;
    pcre2_code *code;
    int group[NX_GRP_COUNT]; /* capture number of each named group, 0 = absent */
    char *file;
    size_t line;
} nx_pattern;

typedef struct nx_patterns {
    nx_pattern *items;
    size_t count;
    uint32_t match_limit;
    uint32_t depth_limit;
} nx_patterns;

/* Macros available to every pattern ({MONTH}, {WEEKDAY}, ...). */
typedef struct nx_pattern_macro {
    const char *name;
    const char *regex;
} nx_pattern_macro;

void nx_patterns_init(nx_patterns *p);
void nx_patterns_free(nx_patterns *p);
nx_status nx_patterns_load(nx_patterns *p, const char *const *paths, size_t n, const nx_pattern_macro *macros,
                           size_t n_macros, nx_error *err);

typedef struct nx_pmatch {
    uint32_t b0, b1;       /* bytes */
    uint16_t pattern;      /* index into nx_patterns */
    uint32_t g0[NX_GRP_COUNT], g1[NX_GRP_COUNT]; /* group byte spans; g0 == g1 == UINT32_MAX: unset */
} nx_pmatch;

/* Runs every pattern over the text; *out is sorted by start, then longest.
 * *limit_hit names the first pattern that hit its match limit, or NULL. */
nx_status nx_patterns_run(const nx_patterns *p, nx_arena *arena, const nx_text *text, nx_pmatch **out,
                          size_t *n_out, const char **limit_hit);

#endif
