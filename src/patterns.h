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
#include "registry.h"
#include "text.h"

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
