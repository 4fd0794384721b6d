/*
 * text.h: the normalise stage, and the case folding every other stage uses.
 *
 * Consumes: the caller's bytes.
 * Produces: an nx_text: a working copy in which invalid UTF-8 bytes are
 *   replaced by 0x1A (SUB, one byte, so byte offsets are unchanged), and a map
 *   from byte offsets to code point offsets into the original input (an
 *   invalid byte counts as one code point, as Python's surrogateescape does).
 */
#ifndef NX_TEXT_H
#define NX_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "nerx.h"

typedef struct nx_text {
    const char *orig;     /* the caller's bytes */
    const char *work;     /* == orig when the input is valid UTF-8 */
    size_t len;
    uint32_t *cp_at;      /* len + 1 entries: code point offset of each byte */
    size_t n_cp;          /* number of code points */
    size_t n_invalid;     /* invalid bytes replaced */
} nx_text;

/* NX_OK, NX_ERR_EMPTY (only white space), NX_ERR_BINARY (NUL bytes, or mostly
 * invalid or control bytes), NX_ERR_LIMIT (over 4 GiB), NX_ERR_NOMEM. */
nx_status nx_text_prepare(nx_arena *arena, const char *s, size_t len, nx_text *out);

/* 1 if the code point separates words: Unicode Zs (no-break spaces too), tab,
 * line breaks, and the zero-width space. */
int nx_is_space(int32_t cp);

/* Decodes one code point at s[i] (of n bytes); returns its length in bytes
 * (1 for an invalid byte, reported as U+FFFD). */
size_t nx_utf8_next(const char *s, size_t n, size_t i, int32_t *cp);

/* Case folding for matching: Unicode case folding, compatibility decomposition,
 * accents stripped, and look-alike punctuation lumped (’ -> ', – -> -).
 * Writes at most `cap` bytes to `out` (not NUL-terminated) and returns the
 * length of the folded form, which may exceed `cap` (then call again). */
size_t nx_fold(const char *s, size_t len, char *out, size_t cap);

/* nx_fold into the arena, NUL-terminated; *out_len gets the length. */
char *nx_fold_dup(nx_arena *arena, const char *s, size_t len, size_t *out_len);

#endif
