/*
 * strmap.h: an open-addressing hash map from byte strings to 32-bit values.
 * Keys are copied into the map's own storage. Used for the gazetteer trie
 * (key: parent node + token) and for word sets such as abbreviations.
 * Not thread-safe to modify; safe to read from many threads once built.
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
} nx_strmap;

uint64_t nx_hash(const void *key, size_t len, uint64_t seed);

void nx_strmap_init(nx_strmap *m);
void nx_strmap_free(nx_strmap *m);
/* Sets key -> value (replacing). Returns 0, or -1 when out of memory. */
int nx_strmap_put(nx_strmap *m, const char *key, size_t len, uint32_t value);
/* Returns 1 and *value when found, else 0. */
int nx_strmap_get(const nx_strmap *m, const char *key, size_t len, uint32_t *value);

#endif
