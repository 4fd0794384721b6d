/*
 * tokpat.h: token patterns, the matcher backend for temporal expressions
 * (the language is documented in gazetteers/README.md, "Patterns").
 *
 * Consumes (at load): pattern lines of the .pat files (name, type, pattern),
 *   their @define macros, and the gazetteer classes the patterns name
 *   ([month], [temporal:unit], MONTH ...), which become tries over atoms.
 * Consumes (per document): the working text.
 * Produces: every non-overlapping match of every pattern, with the byte spans
 *   of its named groups (nx_pmatch, matcher.h).
 *
 * A pattern is a sequence of elements over atoms, not characters: the text
 * is cut into atoms (a run of letters, a run of digits, one CJK character,
 * or one other character), each knowing whether white space comes before
 * it. Character-level checks happen only inside an atom (/regex/). All
 * patterns are compiled into one program for a small backtracking machine;
 * a table from an atom's folded form (and its kind) to the patterns that
 * can start with it means that an atom no pattern can start with costs one
 * lookup (one cache line, no branch), so the whole set runs in one pass
 * over the atoms. A pattern with a rare element every match holds (its
 * anchor: "quarter" in "the first quarter") is tried only near the atoms
 * that element may start at. An alternation of words ("about | more than
 * | at least ...") is one lookup of the atom's word, not a try of each.
 */
#ifndef NX_TOKPAT_H
#define NX_TOKPAT_H

#include "matcher.h"
#include "model_file.h"

extern const nx_matcher_backend nx_matcher_tokens;

/* For tests: the matches of every pattern tried at every atom, without the
 * dispatch table, the anchors and the first-atom tests that make scanning
 * fast; a correct fast path finds exactly these. */
nx_status nx_tokpat_scan_exhaustive(const nx_matcher *m, const nx_text *text, nx_vec *out);

/* The finished matcher m (the program, atom tests, word sets and switches,
 * class tries, patterns with their first tests and anchors, the dispatch
 * buckets and rows) appended to w, for a section of the model file.
 * NX_ERR_NOMEM, NX_ERR_ARG when m is not finished. */
nx_status nx_tokpat_save(const nx_matcher *m, nx_mstream *w);

/* A finished matcher read back from len bytes at data (copied: data may go
 * after), which must hold n_patterns patterns. Every count, index and jump
 * is checked; NX_ERR_PARSE with *why saying what is wrong ("has a bad
 * instruction"), NX_ERR_NOMEM. Its /regex/ tests are compiled again. */
nx_status nx_tokpat_load(const nx_matcher_limits *limits, const void *data, size_t len, size_t n_patterns,
                         nx_matcher **out, const char **why);

#endif
