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

uint64_t nx_hash(const void *key, size_t len, uint64_t seed);

/* nx_hash() one byte at a time, for code that hashes bytes as it makes them
 * (the tokenizer hashes each folded form as it folds it):
 * nx_hash_final(nx_hash_byte(...nx_hash_byte(nx_hash_start(seed), k[0])..., k[len-1]))
 * is nx_hash(k, len, seed): FNV-1a, then a 64-bit finaliser, as strmap.c
 * computes it (test_tokenize checks that they agree). */
static inline uint64_t nx_hash_start(uint64_t seed) { return 1469598103934665603ULL ^ seed; }
static inline uint64_t nx_hash_byte(uint64_t h, unsigned char b) { return (h ^ b) * 1099511628211ULL; }
static inline uint64_t nx_hash_final(uint64_t h) {
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    return h;
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
