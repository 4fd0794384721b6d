/* text.c: UTF-8 validation and repair with utf8proc, and case folding.
 *
 * nx_text_prepare() is one pass. Runs of ASCII bytes (most of any news text)
 * are read eight bytes at a time (NUL, control and space bytes found by byte
 * masks, swar.h), or a byte at a time through a 128-entry table at their
 * end, and write the code point map; a byte from 0x80 up is decoded and
 * validated by utf8proc. */
#include "text.h"

#include <string.h>
#include <utf8proc.h>

#include "swar.h"

size_t nx_utf8_next_nonascii(const char *s, size_t n, size_t i, int32_t *cp) {
    utf8proc_int32_t v;
    utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(n - i), &v);
    if (k <= 0) {
        *cp = 0xFFFD;
        return 1;
    }
    *cp = v;
    return (size_t)k;
}

int nx_is_space_nonascii(int32_t cp) {
    if (cp < 0x80) return nx_is_space(cp);
    if (cp == 0x200B || cp == 0xFEFF || cp == 0x85 || cp == 0x2028 || cp == 0x2029) return 1;
    return utf8proc_category(cp) == UTF8PROC_CATEGORY_ZS;
}

/* What the normalise scan needs to know of an ASCII byte. */
enum { K_CONTROL = 1, K_SPACE = 2, K_NUL = 4 };
#define K_OF(c)                                                                        \
    ((c) == 0 ? K_NUL                                                                  \
     : (c) == ' ' || ((c) >= 0x09 && (c) <= 0x0D) ? K_SPACE                           \
     : (c) < 0x20 ? K_CONTROL                                                          \
                  : 0)
static const unsigned char ASCII_KIND[128] = NX_ASCII_TABLE(K_OF);
#undef K_OF

nx_status nx_text_prepare(nx_arena *arena, const char *s, size_t len, nx_text *out) {
    memset(out, 0, sizeof *out);
    if (len >= UINT32_MAX) return NX_ERR_LIMIT;
    out->orig = s;
    out->work = s;
    out->len = len;
    /* made at the first byte beyond ASCII: before it, byte i is code point i
     * (nx_text_cp), so an ASCII text (most news) needs no map */
    uint32_t *cp_at = NULL;

    const unsigned char *u = (const unsigned char *)s;
    size_t invalid = 0, control = 0, cp = 0;
    unsigned nonspace = 0; /* nonzero once a code point that is not white space is seen */
    char *work = NULL;
    for (size_t i = 0; i < len;) {
        if (u[i] < 0x80) {
            /* An ASCII run: byte i is code point i - shift throughout. */
            size_t shift = i - cp;
            unsigned seen = 0;
            /* eight bytes at a time while they are all ASCII */
            for (uint64_t x; len - i >= 8 && !((x = nx_load8(u + i)) & NX_HIGHS); i += 8) {
                /* most words hold no byte below 0x20 (adding 0x60 to an
                 * ASCII byte sets its high bit from 0x20 up, no carry out):
                 * no NUL, no control, no white space but ' ' */
                if (!(~(x + NX_ONES * 0x60) & NX_HIGHS)) {
                    nonspace |= x != NX_ONES * ' ';
                } else {
                    if (nx_bytes_zero(x)) return NX_ERR_BINARY; /* text never holds NUL bytes */
                    uint64_t space = nx_bytes_between(x, 0x09, 0x0D) | nx_bytes_between(x, ' ', ' ');
                    control += nx_count_marked(nx_bytes_between(x, 0x01, 0x1F) & ~space);
                    nonspace |= (~space & NX_HIGHS) != 0;
                }
                if (cp_at)
                    for (unsigned k = 0; k < 8; k++) cp_at[i + k] = (uint32_t)(i + k - shift);
            }
            for (; i < len && u[i] < 0x80; i++) {
                unsigned k = ASCII_KIND[u[i]];
                seen |= k;
                control += k & K_CONTROL;
                nonspace |= ~k & K_SPACE;
                if (cp_at) cp_at[i] = (uint32_t)(i - shift);
            }
            if (seen & K_NUL) return NX_ERR_BINARY; /* text never holds NUL bytes */
            cp = i - shift;
            continue;
        }
        if (!cp_at) { /* the first byte beyond ASCII: the bytes before are their own code points */
            if (!(cp_at = nx_arena_alloc_uninit(arena, (len + 1) * sizeof *cp_at))) return NX_ERR_NOMEM;
            for (size_t j = 0; j < i; j++) cp_at[j] = (uint32_t)j;
            out->cp_at = cp_at;
        }
        size_t k = 1;
        utf8proc_int32_t v;
        utf8proc_ssize_t r = utf8proc_iterate(u + i, (utf8proc_ssize_t)(len - i), &v);
        if (r <= 0) {
            if (!work) {
                work = nx_arena_alloc_uninit(arena, len + 1);
                if (!work) return NX_ERR_NOMEM;
                memcpy(work, s, len);
                work[len] = '\0';
            }
            work[i] = 0x1A;
            invalid++;
            nonspace = 1;
        } else {
            k = (size_t)r;
            if (!nonspace && !nx_is_space_nonascii(v)) nonspace = 1;
        }
        for (size_t j = 0; j < k; j++) cp_at[i + j] = (uint32_t)cp;
        cp++;
        i += k;
    }
    if (cp_at) cp_at[len] = (uint32_t)cp;
    out->n_cp = cp;
    out->n_invalid = invalid;
    out->ascii = cp == len; /* every code point one byte: invalid ones are 0x1A now */
    if (work) out->work = work;
    if (!nonspace) return NX_ERR_EMPTY;
    /* A text with many bytes that are not UTF-8 or are control codes is not
     * text at all (an image, a zip, UTF-16): refuse it rather than "find"
     * entities in noise. */
    if ((invalid + control) * 10 > cp && invalid + control >= 8) return NX_ERR_BINARY;
    return NX_OK;
}

enum {
    FOLD_OPTIONS = UTF8PROC_CASEFOLD | UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_STRIPMARK |
                   UTF8PROC_LUMP | UTF8PROC_IGNORE
};

size_t nx_fold(const char *s, size_t len, char *out, size_t cap) {
    size_t o = 0;
    for (size_t i = 0; i < len;) {
        if (len - i >= 8 && o <= cap && cap - o >= 8) { /* eight ASCII bytes at once: A-Z to a-z */
            uint64_t x = nx_load8((const unsigned char *)s + i);
            if (!(x & NX_HIGHS)) {
                nx_store8((unsigned char *)out + o, x | (nx_bytes_between(x, 'A', 'Z') >> 2));
                i += 8;
                o += 8;
                continue;
            }
        }
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            if (o < cap) out[o] = nx_fold_ascii(c);
            o++;
            i++;
            continue;
        }
        int32_t cp;
        i += nx_utf8_next_nonascii(s, len, i, &cp);
        utf8proc_int32_t buf[8];
        int last_boundclass = 0;
        utf8proc_ssize_t n = utf8proc_decompose_char(cp, buf, 8, (utf8proc_option_t)FOLD_OPTIONS, &last_boundclass);
        if (n < 0 || n > 8) { /* cannot happen for valid code points; keep the input */
            buf[0] = cp;
            n = 1;
        }
        for (utf8proc_ssize_t j = 0; j < n; j++) {
            utf8proc_uint8_t enc[4];
            utf8proc_ssize_t e = utf8proc_encode_char(buf[j], enc);
            for (utf8proc_ssize_t b = 0; b < e; b++) {
                if (o < cap) out[o] = (char)enc[b];
                o++;
            }
        }
    }
    return o;
}

char *nx_fold_dup(nx_arena *arena, const char *s, size_t len, size_t *out_len) {
    char stack[256];
    size_t n = nx_fold(s, len, stack, sizeof stack);
    char *p = nx_arena_alloc_uninit(arena, n + 1);
    if (!p) return NULL;
    if (n <= sizeof stack)
        memcpy(p, stack, n);
    else
        nx_fold(s, len, p, n);
    p[n] = '\0';
    if (out_len) *out_len = n;
    return p;
}
