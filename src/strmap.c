/* strmap.c: linear probing over a power-of-two table kept at most half full,
 * FNV-1a style hashing mixed with a 64-bit finaliser; keys live in one
 * growing pool. Each slot carries 32 bits of the hash, so a probe that does
 * not match costs no second memory access (most token lookups miss). */
#include "strmap.h"

#include <stdlib.h>
#include <string.h>

uint64_t nx_hash(const void *key, size_t len, uint64_t seed) {
    const unsigned char *p = key;
    uint64_t h = 1469598103934665603ULL ^ seed;
    for (size_t i = 0; i < len; i++) {
        h ^= p[i];
        h *= 1099511628211ULL;
    }
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    return h;
}

void nx_strmap_init(nx_strmap *m) { memset(m, 0, sizeof *m); }

void nx_strmap_free(nx_strmap *m) {
    free(m->slots);
    free(m->pool);
    free(m->key_off);
    free(m->key_len);
    free(m->values);
    free(m->hashes);
    memset(m, 0, sizeof *m);
}

static uint64_t slot_value(uint64_t h, size_t i) { return (h & 0xFFFFFFFF00000000ULL) | (uint64_t)(i + 1); }

static int rehash(nx_strmap *m, size_t n_slots) {
    uint64_t *slots = calloc(n_slots, sizeof *slots);
    if (!slots) return -1;
    for (size_t i = 0; i < m->count; i++) {
        size_t s = (size_t)m->hashes[i] & (n_slots - 1);
        while (slots[s]) s = (s + 1) & (n_slots - 1);
        slots[s] = slot_value(m->hashes[i], i);
    }
    free(m->slots);
    m->slots = slots;
    m->n_slots = n_slots;
    return 0;
}

static long find(const nx_strmap *m, const char *key, size_t len, uint64_t h, size_t *slot) {
    *slot = 0;
    if (!m->n_slots) return -1;
    size_t s = (size_t)h & (m->n_slots - 1);
    uint64_t tag = h & 0xFFFFFFFF00000000ULL;
    while (m->slots[s]) {
        uint64_t v = m->slots[s];
        uint32_t i = (uint32_t)(v & 0xFFFFFFFFu) - 1;
        if ((v & 0xFFFFFFFF00000000ULL) == tag && m->key_len[i] == len &&
            memcmp(m->pool + m->key_off[i], key, len) == 0) {
            *slot = s;
            return (long)i;
        }
        s = (s + 1) & (m->n_slots - 1);
    }
    *slot = s;
    return -1;
}

static int grow_arrays(nx_strmap *m) {
    size_t cap = m->cap ? m->cap * 2 : 64;
    uint32_t *ko = realloc(m->key_off, cap * sizeof *ko);
    if (!ko) return -1;
    m->key_off = ko;
    uint32_t *kl = realloc(m->key_len, cap * sizeof *kl);
    if (!kl) return -1;
    m->key_len = kl;
    uint32_t *v = realloc(m->values, cap * sizeof *v);
    if (!v) return -1;
    m->values = v;
    uint64_t *hs = realloc(m->hashes, cap * sizeof *hs);
    if (!hs) return -1;
    m->hashes = hs;
    m->cap = cap;
    return 0;
}

int nx_strmap_put(nx_strmap *m, const char *key, size_t len, uint32_t value) {
    uint64_t h = nx_hash(key, len, 0);
    size_t slot;
    long i = find(m, key, len, h, &slot);
    if (i >= 0) {
        m->values[i] = value;
        return 0;
    }
    if ((m->count + 1) * 2 > m->n_slots) {
        if (rehash(m, m->n_slots ? m->n_slots * 2 : 64)) return -1;
        find(m, key, len, h, &slot);
    }
    if (m->count == m->cap && grow_arrays(m)) return -1;
    if (m->pool_len + len > m->pool_cap) {
        size_t cap = m->pool_cap ? m->pool_cap * 2 : 4096;
        while (cap < m->pool_len + len) cap *= 2;
        char *p = realloc(m->pool, cap);
        if (!p) return -1;
        m->pool = p;
        m->pool_cap = cap;
    }
    if (len) memcpy(m->pool + m->pool_len, key, len);
    m->key_off[m->count] = (uint32_t)m->pool_len;
    m->key_len[m->count] = (uint32_t)len;
    m->values[m->count] = value;
    m->hashes[m->count] = h;
    m->pool_len += len;
    m->slots[slot] = slot_value(h, m->count);
    m->count++;
    return 0;
}

int nx_strmap_get(const nx_strmap *m, const char *key, size_t len, uint32_t *value) {
    size_t slot;
    long i = find(m, key, len, nx_hash(key, len, 0), &slot);
    if (i < 0) return 0;
    if (value) *value = m->values[i];
    return 1;
}
