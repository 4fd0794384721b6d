/*
 * patterns.h: the pattern matcher (the "patterns" stage).
 *
 * Consumes (at load): the .pat files in gazetteers/patterns (the format is
 *   in gazetteers/README.md, "Patterns"): token patterns (tokpat.h) for
 *   dates, times, durations and sets, with their @define macros, and
 *   regular expressions (PCRE2) for skip patterns, each run only on a text
 *   that holds one of its needs= strings.
 * Consumes (per document): the working text of the normalise stage, and
 *   its tokens.
 * Produces: every non-overlapping match of every pattern over the whole
 *   text, with the byte spans of the named groups the date stage reads.
 *
 * Patterns are compiled once per model by two matcher backends (matcher.h):
 * the token engine and PCRE2 with JIT, and kept in the model file
 * (nx_patterns_save): a start reads the token program from it as it was
 * finished, and compiles only the few regexes again (nx_patterns_attach). Limits cap each pattern's work per
 * document, so no input can stall a batch (a pattern that hits the cap is
 * skipped for that document and the document gets a warning).
 */
#ifndef NX_PATTERNS_H
#define NX_PATTERNS_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "matcher.h"
#include "model_file.h"
#include "nerx.h"
#include "registry.h"
#include "text.h"
#include "tokenize.h"

struct nx_gazetteer;

typedef struct nx_pattern {
    char *name;      /* "month-day-year" */
    char *rule;      /* "date:month-day-year" */
    nx_pat_type type;
    char *file;
    size_t line;
    uint8_t engine;  /* index into nx_patterns.engines */
    uint16_t local;  /* its index inside that engine */
    char **needs;    /* strings one of which the text must hold (any case), or NULL */
    size_t n_needs;
    char *source;    /* a regex engine's pattern as written (kept for the model file), else NULL */
    size_t column;   /* of the source in its line */
} nx_pattern;

enum { NX_ENGINE_REGEX = 0, NX_ENGINE_TOKENS, NX_ENGINE_COUNT };

/* One needs= string of an engine's pattern k (its index in the engine),
 * looked for at its byte `key` (patterns.c, key_of). */
typedef struct nx_need {
    const char *s;
    size_t k, key;
} nx_need;

/* The needs of one key byte c (and its upper case up, or -1), needs[lo ..
 * hi), with the bytes they may have just after and just before their key
 * (patterns.c, meet_needs). */
typedef struct nx_need_group {
    size_t lo, hi;
    int c, up, single;
    uint8_t after_s[32], before_e[32], after_n[32], before_n[32];
} nx_need_group;

typedef struct nx_pattern_engine {
    const nx_matcher_backend *backend;
    nx_matcher *matcher;
    nx_vec global;   /* uint16_t: its patterns' indexes in nx_patterns.items */
    /* worked out once at load, for each document's needs= test: */
    uint8_t *no_needs;     /* per pattern of the engine: 1 when it has no needs= */
    size_t n_no_needs;
    nx_need *needs;        /* every needs= string, in order of key byte */
    nx_need_group *groups;
    size_t n_needs, n_groups;
} nx_pattern_engine;

typedef struct nx_patterns {
    nx_pattern *items;
    size_t count;
    uint32_t match_limit;
    uint32_t depth_limit;
    const struct nx_gazetteer *gaz; /* classes the token patterns name */
    nx_pattern_engine engines[NX_ENGINE_COUNT];
    char **files;    /* read from a model (nx_patterns_attach): the base names of the .pat files it was made from */
    size_t n_files;
} nx_patterns;

void nx_patterns_init(nx_patterns *p);
void nx_patterns_free(nx_patterns *p);
/* Loads pattern files in order; p->gaz must be set for token patterns that
 * name gazetteer classes. */
nx_status nx_patterns_load(nx_patterns *p, const char *const *paths, size_t n, nx_error *err);

/* Loads the .pat files of DIR/patterns, in name order; their token patterns
 * may name the classes of gazetteer g (MONTH, WEEKDAY, NUMBER, [temporal:unit] ...). */
nx_status nx_patterns_load_dir(nx_patterns *p, const struct nx_gazetteer *g, const char *dir, nx_error *err);

/* Adds p (loaded from the .pat files `files`, in that order) to a model
 * being written, copied: the pattern list (names, types, rules, needs=, the
 * files' base names, the regex engine's sources) and the token engine's
 * finished program (tokpat.h). NX_ERR_NOMEM. */
nx_status nx_patterns_save(const nx_patterns *p, const char *const *files, size_t n_files, nx_mfile_writer *w);

/* Reads p (nx_patterns_init'd; p->gaz set) from the model image f instead
 * of the .pat files: the token program as it was finished, the regex
 * engine's few patterns compiled again. NX_ERR_END when f holds no
 * patterns; NX_ERR_PARSE with err naming `name` and the damaged section;
 * NX_ERR_NOMEM. On error p is left as initialised. */
nx_status nx_patterns_attach(nx_patterns *p, const nx_mfile *f, const char *name, nx_error *err);

/* Whether p, read from a model, was made from these .pat files (by base
 * name, in order). */
int nx_patterns_same_files(const nx_patterns *p, const char *const *files, size_t n);

/* Runs every pattern over the text (toks: its tokens, for backends that
 * match tokens; may be NULL for the PCRE2 one); *out (arena) is sorted by
 * start, then longest, then pattern. *limit_hit names the first pattern
 * that hit its limit, or NULL. */
nx_status nx_patterns_run(const nx_patterns *p, nx_arena *arena, const nx_text *text, const nx_tokens *toks,
                          nx_pmatch **out, size_t *n_out, const char **limit_hit);

#endif
