/*
 * swar.h: eight bytes of text at a time in a 64-bit word ("SIMD within a
 * register"), for the scans that read every byte (normalise, tokenize).
 * Portable C: byte k of a loaded word is the k-th byte of the text on any
 * byte order, and each test gives 0x80 in the bytes it holds for and 0 in
 * the others, exactly (no carry crosses a byte).
 */
#ifndef NX_SWAR_H
#define NX_SWAR_H

#include <stdint.h>
#include <string.h>

/* The initialiser of a constant table over the ASCII bytes: F(c) for c =
 * 0 .. 127, worked out at compile time (F a function-like macro). A table
 * declared longer (256, for a lookup by any byte) is 0 past 127. */
#define NX_ASCII4_(F, c) F(c), F((c) + 1), F((c) + 2), F((c) + 3)
#define NX_ASCII16_(F, c) NX_ASCII4_(F, c), NX_ASCII4_(F, (c) + 4), NX_ASCII4_(F, (c) + 8), NX_ASCII4_(F, (c) + 12)
#define NX_ASCII_TABLE(F)                                                                                  \
    {NX_ASCII16_(F, 0),  NX_ASCII16_(F, 16), NX_ASCII16_(F, 32), NX_ASCII16_(F, 48),                        \
     NX_ASCII16_(F, 64), NX_ASCII16_(F, 80), NX_ASCII16_(F, 96), NX_ASCII16_(F, 112)}

#define NX_ONES UINT64_C(0x0101010101010101)
#define NX_HIGHS (NX_ONES * 0x80)

/* The eight bytes at p (any alignment). */
static inline uint64_t nx_load8(const unsigned char *p) {
    uint64_t x;
    memcpy(&x, p, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    x = __builtin_bswap64(x);
#endif
    return x;
}

/* The four bytes at p (any alignment), byte k the k-th as in nx_load8. */
static inline uint64_t nx_load4(const unsigned char *p) {
    uint32_t x;
    memcpy(&x, p, 4);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    x = __builtin_bswap32(x);
#endif
    return x;
}

/* Stores x as the eight bytes at p (any alignment), the inverse of nx_load8. */
static inline void nx_store8(unsigned char *p, uint64_t x) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    x = __builtin_bswap64(x);
#endif
    memcpy(p, &x, 8);
}

/* The bytes of x before byte n (n <= 8), the others zero. */
static inline uint64_t nx_first_bytes(uint64_t x, size_t n) {
    return n >= 8 ? x : x & ((UINT64_C(1) << (8 * n)) - 1);
}

/* 0x80 in each byte of x from lo to hi (1 <= lo <= hi <= 127): a byte from
 * 0x80 up is in no range (Bit Twiddling Hacks, "hasbetween"). */
static inline uint64_t nx_bytes_between(uint64_t x, unsigned lo, unsigned hi) {
    uint64_t low7 = x & NX_ONES * 127;
    return (NX_ONES * (128 + hi) - low7) & ~x & (low7 + NX_ONES * (128 - lo)) & NX_HIGHS;
}

/* 0x80 in each zero byte of x. */
static inline uint64_t nx_bytes_zero(uint64_t x) {
    uint64_t low7 = x & NX_ONES * 127;
    return ~(low7 + NX_ONES * 127) & ~x & NX_HIGHS;
}

/* The number of bytes a test marked in m. */
static inline unsigned nx_count_marked(uint64_t m) { return (unsigned)(((m >> 7) * NX_ONES) >> 56); }

/* The index of the first byte a test marked in m (m not 0). */
static inline unsigned nx_first_marked(uint64_t m) { return (unsigned)__builtin_ctzll(m) / 8; }

/* NX_MASK16[n]: the first n bytes of 16 (n = 0 .. 16) as two words' masks. */
static const uint64_t NX_MASK16[17][2] = {
    {UINT64_C(0x0000000000000000), UINT64_C(0x0000000000000000)},
    {UINT64_C(0x00000000000000FF), UINT64_C(0x0000000000000000)},
    {UINT64_C(0x000000000000FFFF), UINT64_C(0x0000000000000000)},
    {UINT64_C(0x0000000000FFFFFF), UINT64_C(0x0000000000000000)},
    {UINT64_C(0x00000000FFFFFFFF), UINT64_C(0x0000000000000000)},
    {UINT64_C(0x000000FFFFFFFFFF), UINT64_C(0x0000000000000000)},
    {UINT64_C(0x0000FFFFFFFFFFFF), UINT64_C(0x0000000000000000)},
    {UINT64_C(0x00FFFFFFFFFFFFFF), UINT64_C(0x0000000000000000)},
    {UINT64_C(0xFFFFFFFFFFFFFFFF), UINT64_C(0x0000000000000000)},
    {UINT64_C(0xFFFFFFFFFFFFFFFF), UINT64_C(0x00000000000000FF)},
    {UINT64_C(0xFFFFFFFFFFFFFFFF), UINT64_C(0x000000000000FFFF)},
    {UINT64_C(0xFFFFFFFFFFFFFFFF), UINT64_C(0x0000000000FFFFFF)},
    {UINT64_C(0xFFFFFFFFFFFFFFFF), UINT64_C(0x00000000FFFFFFFF)},
    {UINT64_C(0xFFFFFFFFFFFFFFFF), UINT64_C(0x000000FFFFFFFFFF)},
    {UINT64_C(0xFFFFFFFFFFFFFFFF), UINT64_C(0x0000FFFFFFFFFFFF)},
    {UINT64_C(0xFFFFFFFFFFFFFFFF), UINT64_C(0x00FFFFFFFFFFFFFF)},
    {UINT64_C(0xFFFFFFFFFFFFFFFF), UINT64_C(0xFFFFFFFFFFFFFFFF)}};

/* Whether a[0..n) and b[0..n) are the same bytes, n <= 16, where 16 bytes
 * may be read from both: two words masked to n bytes, with no branch on n
 * (the length of a word is as good as random). */
static inline int nx_same_bytes16(const void *a, const void *b, size_t n) {
    const unsigned char *p = a, *q = b;
    const uint64_t *m = NX_MASK16[n];
    return (((nx_load8(p) ^ nx_load8(q)) & m[0]) | ((nx_load8(p + 8) ^ nx_load8(q + 8)) & m[1])) == 0;
}

/* Whether a[0..n) and b[0..n) are the same bytes (n >= 1), for the short
 * strings of a word: a few loads of 8, 4 or 1 bytes, overlapping, none
 * outside the n bytes, and no call (memcmp's costs more than the compare
 * on words of five letters). */
static inline int nx_same_bytes(const void *a, const void *b, size_t n) {
    const unsigned char *p = a, *q = b;
    if (n >= 8) {
        uint64_t x, y;
        for (size_t k = 0; k + 8 < n; k += 8) {
            memcpy(&x, p + k, 8), memcpy(&y, q + k, 8);
            if (x != y) return 0;
        }
        memcpy(&x, p + n - 8, 8), memcpy(&y, q + n - 8, 8);
        return x == y;
    }
    if (n >= 4) {
        uint32_t x0, y0, x1, y1;
        memcpy(&x0, p, 4), memcpy(&y0, q, 4), memcpy(&x1, p + n - 4, 4), memcpy(&y1, q + n - 4, 4);
        return ((x0 ^ y0) | (x1 ^ y1)) == 0;
    }
    return p[0] == q[0] && p[n / 2] == q[n / 2] && p[n - 1] == q[n - 1];
}

#endif
