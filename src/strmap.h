/*
 * strmap.h: an open-addressing hash map from byte strings to 32-bit values.
 * Keys are copied into the map's own storage. Used while building the
 * gazetteer trie (key: parent node + token), for word sets such as
 * abbreviations and for the documents' own small maps.
 * Not thread-safe to modify; safe to read from many threads once built.
 *
 * A map also has a flat form (nx_strmap_flatten), the bytes a model file
 * stores; nx_strmap_attach() makes a read-only map that reads them in place.
 */
#ifndef NX_STRMAP_H
#define NX_STRMAP_H

#include <stddef.h>
#include <stdint.h>

#include "swar.h"

typedef struct nx_strmap {
    uint64_t *slots;   /* high 32 bits: hash tag; low 32 bits: index + 1 (0 = empty) */
    size_t n_slots;    /* power of two */
    size_t count;
    char *pool;        /* key bytes */
    size_t pool_len, pool_cap;
    uint32_t *key_off, *key_len, *values;
    uint64_t *hashes;
    size_t cap;
    int borrowed;      /* attached to a flat form: read-only, owns nothing */
} nx_strmap;

/* The hash of key[0..len): eight bytes at a time. The bytes are read as
 * 64-bit little-endian words, the last one padded with zero bytes;
 * h = nx_hash_start(seed), h = nx_hash_word(h, w) for each word in turn,
 * then nx_hash_final(h, len). Every map keyed by folded words uses it (the
 * tokenizer computes nx_token.fold_hash with the inline steps below as it
 * folds, eight bytes at a time; the gazetteer edges in the model file are
 * made from it): a word costs a multiply and a shift, not eight dependent
 * multiplies as a byte-at-a-time hash. */
static inline uint64_t nx_hash_start(uint64_t seed) { return seed ^ 0x243F6A8885A308D3ULL; }
static inline uint64_t nx_hash_word(uint64_t h, uint64_t w) {
    h = (h ^ w) * 0x9E3779B97F4A7C15ULL;
    return h ^ (h >> 32); /* the next word's multiply then carries the high half too */
}
/* The length tells "a" from "a\0" (same words); the multiply and shift
 * spread every bit over the low bits, which pick a map's slot. */
static inline uint64_t nx_hash_final(uint64_t h, size_t len) {
    h = (h ^ len) * 0xff51afd7ed558ccdULL;
    return h ^ (h >> 33);
}

/* The hash itself, inline: most keys are a word or two, hashed in a few
 * instructions where a call would cost as many. */
static inline uint64_t nx_hash(const void *key, size_t len, uint64_t seed) {
    const unsigned char *p = key;
    uint64_t h = nx_hash_start(seed);
    size_t n = len;
    for (; n >= 8; n -= 8, p += 8) h = nx_hash_word(h, nx_load8(p));
    if (n) { /* the last 1 to 7 bytes, zero-padded: two loads that may overlap (the same bytes or'ed twice) */
        uint64_t w;
        if (n >= 4)
            w = nx_load4(p) | nx_load4(p + n - 4) << (8 * (n - 4));
        else
            w = p[0] | (uint64_t)p[n / 2] << (8 * (n / 2)) | (uint64_t)p[n - 1] << (8 * (n - 1));
        h = nx_hash_word(h, w);
    }
    return nx_hash_final(h, len);
}

void nx_strmap_init(nx_strmap *m);
void nx_strmap_free(nx_strmap *m);
/* Sets key -> value (replacing). Returns 0, or -1 when out of memory or
 * when the map is attached (read-only). */
int nx_strmap_put(nx_strmap *m, const char *key, size_t len, uint32_t value);
/* Returns 1 and *value when found, else 0. */
int nx_strmap_get(const nx_strmap *m, const char *key, size_t len, uint32_t *value);


/* The flat form, native byte order: u64 n_slots, count, pool_len; u64
 * slots[n_slots]; u32 key_off[count], key_len[count], values[count]; the
 * pool bytes, zero-padded to a multiple of 8. Its size in bytes: */
size_t nx_strmap_flat_size(const nx_strmap *m);
/* Writes the flat form to out (nx_strmap_flat_size bytes, 8-aligned). */
void nx_strmap_flatten(const nx_strmap *m, void *out);
/* Makes *m a read-only view of the flat form at data (8-aligned, len bytes),
 * which must outlive it; nx_strmap_free() then frees nothing. Checks every
 * count, slot and key against len first, so that no lookup can read outside
 * it or probe forever. Returns 0, or -1 with *why saying what is wrong. */
int nx_strmap_attach(nx_strmap *m, const void *data, size_t len, const char **why);

#endif
