/* text.c: UTF-8 validation and repair with utf8proc, and case folding. */
#include "text.h"

#include <string.h>
#include <utf8proc.h>

size_t nx_utf8_next(const char *s, size_t n, size_t i, int32_t *cp) {
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    utf8proc_int32_t v;
    utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(n - i), &v);
    if (k <= 0) {
        *cp = 0xFFFD;
        return 1;
    }
    *cp = v;
    return (size_t)k;
}

int nx_is_space(int32_t cp) {
    if (cp == ' ' || (cp >= 0x09 && cp <= 0x0D)) return 1;
    if (cp < 0x80) return 0;
    if (cp == 0x200B || cp == 0xFEFF || cp == 0x85 || cp == 0x2028 || cp == 0x2029) return 1;
    return utf8proc_category(cp) == UTF8PROC_CATEGORY_ZS;
}

nx_status nx_text_prepare(nx_arena *arena, const char *s, size_t len, nx_text *out) {
    memset(out, 0, sizeof *out);
    if (len >= UINT32_MAX) return NX_ERR_LIMIT;
    out->orig = s;
    out->work = s;
    out->len = len;
    out->cp_at = nx_arena_alloc_uninit(arena, (len + 1) * sizeof *out->cp_at);
    if (!out->cp_at) return NX_ERR_NOMEM;

    size_t invalid = 0, control = 0, nonspace = 0, cp = 0;
    char *work = NULL;
    for (size_t i = 0; i < len;) {
        unsigned char c = (unsigned char)s[i];
        if (c == 0) return NX_ERR_BINARY; /* text never holds NUL bytes */
        size_t k = 1;
        int32_t v = c;
        if (c >= 0x80) {
            utf8proc_int32_t u;
            utf8proc_ssize_t r = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(len - i), &u);
            if (r <= 0) {
                if (!work) {
                    work = nx_arena_alloc_uninit(arena, len + 1);
                    if (!work) return NX_ERR_NOMEM;
                    memcpy(work, s, len);
                    work[len] = '\0';
                }
                work[i] = 0x1A;
                invalid++;
                v = 0x1A;
            } else {
                k = (size_t)r;
                v = u;
            }
        } else if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') {
            control++;
        }
        if (!nx_is_space(v)) nonspace++;
        for (size_t j = 0; j < k; j++) out->cp_at[i + j] = (uint32_t)cp;
        cp++;
        i += k;
    }
    out->cp_at[len] = (uint32_t)cp;
    out->n_cp = cp;
    out->n_invalid = invalid;
    if (work) out->work = work;
    if (nonspace == 0) return NX_ERR_EMPTY;
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
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            if (o < cap) out[o] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
            o++;
            i++;
            continue;
        }
        int32_t cp;
        i += nx_utf8_next(s, len, i, &cp);
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
