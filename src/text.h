/*
 * text.h: the normalise stage, and the decoding and case folding every other
 * stage uses.
 *
 * Consumes: the caller's bytes.
 * Produces: an nx_text: a working copy in which invalid UTF-8 bytes are
 *   replaced by 0x1A (SUB, one byte, so byte offsets are unchanged), and a map
 *   from byte offsets to code point offsets into the original input (an
 *   invalid byte counts as one code point, as Python's surrogateescape does).
 *   The working copy is therefore always valid UTF-8; `ascii` says when it is
 *   all ASCII, so that later stages can skip decoding altogether.
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
    uint32_t *cp_at;      /* len + 1 entries: code point offset of each byte, or NULL when
                           * every byte is below 0x80 (read it through nx_text_cp) */
    size_t n_cp;          /* number of code points */
    size_t n_invalid;     /* invalid bytes replaced */
    int ascii;            /* every byte of work is below 0x80 (so byte i is code point i) */
} nx_text;

/* The code point offset of byte b (0 <= b <= len). */
static inline uint32_t nx_text_cp(const nx_text *t, uint32_t b) { return t->cp_at ? t->cp_at[b] : b; }

/* NX_OK, NX_ERR_EMPTY (only white space), NX_ERR_BINARY (NUL bytes, or mostly
 * invalid or control bytes), NX_ERR_LIMIT (over 4 GiB), NX_ERR_NOMEM.
 * `out` points into `s` (which must outlive it) and into the arena. ASCII
 * bytes take a fast path (no decoding, no Unicode tables); only the others go
 * through utf8proc. */
nx_status nx_text_prepare(nx_arena *arena, const char *s, size_t len, nx_text *out);

/* The non-ASCII half of nx_is_space() and nx_utf8_next(). */
int nx_is_space_nonascii(int32_t cp);
size_t nx_utf8_next_nonascii(const char *s, size_t n, size_t i, int32_t *cp);

/* 1 if the code point separates words: Unicode Zs (no-break spaces too), tab,
 * line breaks, and the zero-width space. */
static inline int nx_is_space(int32_t cp) {
    if (cp < 0x80) return cp == ' ' || (cp >= 0x09 && cp <= 0x0D);
    return nx_is_space_nonascii(cp);
}

/* Decodes one code point at s[i] (of n bytes); returns its length in bytes
 * (1 for an invalid byte, reported as U+FFFD). */
static inline size_t nx_utf8_next(const char *s, size_t n, size_t i, int32_t *cp) {
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    return nx_utf8_next_nonascii(s, n, i, cp);
}

/* nx_fold() of one ASCII byte: A-Z to a-z, every other byte is its own fold. */
static inline char nx_fold_ascii(unsigned char c) { return (char)((unsigned)(c - 'A') < 26u ? c + ('a' - 'A') : c); }

/* Case folding for matching: Unicode case folding, compatibility decomposition,
 * accents stripped, and look-alike punctuation lumped (’ -> ', – -> -).
 * Writes at most `cap` bytes to `out` (not NUL-terminated) and returns the
 * length of the folded form, which may exceed `cap` (then call again). */
size_t nx_fold(const char *s, size_t len, char *out, size_t cap);

/* nx_fold into the arena, NUL-terminated; *out_len gets the length. NULL when
 * out of memory. */
char *nx_fold_dup(nx_arena *arena, const char *s, size_t len, size_t *out_len);

#endif
