/*
 * matcher.h: the pattern matching engine, behind one interface, so that a
 * faster backend can be added without touching the stages (as cmark's
 * renderers and zstd's strategies sit behind one call each).
 *
 * A backend compiles patterns one at a time (add), may then build a
 * combined automaton (finish), and scans a document for every
 * non-overlapping match of every pattern, reporting the byte span of each
 * match and of each named group the date stage understands (nx_group).
 * A compiled matcher is immutable and shared by all threads; a scan keeps
 * its own state.
 *
 * Backends: PCRE2 with JIT (matcher_pcre2.c), the first and default.
 * To add one: a file defining an nx_matcher_backend, and a row in the
 * table of matcher.c.
 */
#ifndef NX_MATCHER_H
#define NX_MATCHER_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "nerx.h"
#include "registry.h"
#include "text.h"
#include "tokenize.h"

/* One pattern to compile, in the backend's own language (PCRE2 syntax for
 * the PCRE2 backend, with macros expanded; token patterns for the tokens
 * backend, tokpat.h), and where it was written, for error messages. The
 * named groups of NX_GROUP_LIST are what the date stage reads. A def with
 * `macro` set defines a named sub-pattern for the later patterns of the
 * same file instead (backends that take macros themselves). */
typedef struct nx_pattern_def {
    const char *name;
    const char *source;
    size_t source_len;
    const char *file;
    size_t line, column; /* of the source in its file */
    int macro;
} nx_pattern_def;

/* A match: bytes [b0, b1) of the text, the pattern (its index in the order
 * added) and the span of each named group (g0 == g1 == UINT32_MAX: unset). */
typedef struct nx_pmatch {
    uint32_t b0, b1;
    uint16_t pattern;
    uint32_t g0[NX_GRP_COUNT], g1[NX_GRP_COUNT];
} nx_pmatch;

struct nx_gazetteer;

/* What a backend is created with: caps on one scan's work per pattern, so
 * no input can stall a batch, and the gazetteer whose classes patterns may
 * name. */
typedef struct nx_matcher_limits {
    uint32_t match; /* backtracking steps */
    uint32_t depth; /* nesting depth */
    const struct nx_gazetteer *gazetteer;
} nx_matcher_limits;

typedef struct nx_matcher nx_matcher; /* a backend's compiled patterns */

typedef struct nx_matcher_backend {
    const char *name;
    nx_matcher *(*create)(const nx_matcher_limits *limits);
    /* Compiles one more pattern. NX_ERR_PATTERN (err says where and why). */
    nx_status (*add)(nx_matcher *m, const nx_pattern_def *def, nx_error *err);
    /* After the last add; NULL when the backend needs no final step. */
    nx_status (*finish)(nx_matcher *m, nx_error *err);
    /* Appends every non-overlapping match of every enabled pattern (enabled:
     * one byte per pattern, in the order added) to `out` (nx_pmatch, in any
     * order). *limit_hit is set to the index of the first pattern that hit a
     * limit (and was given up for this text), or stays SIZE_MAX. */
    nx_status (*scan)(const nx_matcher *m, const nx_text *text, const nx_tokens *toks, const uint8_t *enabled,
                      nx_vec *out, size_t *limit_hit);
    void (*free)(nx_matcher *m);
} nx_matcher_backend;

/* The backend named `name`, or the default one for NULL; NULL if unknown. */
const nx_matcher_backend *nx_matcher_backend_find(const char *name);

extern const nx_matcher_backend nx_matcher_pcre2;  /* matcher_pcre2.c: regular expressions over the text */
extern const nx_matcher_backend nx_matcher_tokens; /* tokpat.c: token patterns over atoms */

#endif
