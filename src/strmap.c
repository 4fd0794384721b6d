/* strmap.c: linear probing over a power-of-two table kept at most half full,
 * hashing eight bytes at a time (nx_hash, strmap.h); keys live in one
 * growing pool. Each slot carries 32 bits of the hash, so a probe that does
 * not match costs no second memory access (most token lookups miss). */
#include "strmap.h"

#include <stdlib.h>
#include <string.h>

void nx_strmap_init(nx_strmap *m) { memset(m, 0, sizeof *m); }

void nx_strmap_free(nx_strmap *m) {
    if (m->borrowed) {
        memset(m, 0, sizeof *m);
        return;
    }
    free(m->slots);
    free(m->pool);
    free(m->hashes); /* the block of the four per-key arrays (grow_arrays) */
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
        /* the empty key may be in a map whose pool is still NULL: no memcmp */
        if ((v & 0xFFFFFFFF00000000ULL) == tag && m->key_len[i] == len &&
            (len == 0 || memcmp(m->pool + m->key_off[i], key, len) == 0)) {
            *slot = s;
            return (long)i;
        }
        s = (s + 1) & (m->n_slots - 1);
    }
    *slot = s;
    return -1;
}

/* The per-key arrays (hashes, key offsets and lengths, values) share one
 * block, hashes first: one malloc and one free for a map of a few keys, as
 * most of a document's maps are, instead of four. A new map starts small
 * (16 keys, 32 slots, 256 bytes of keys): blocks that malloc's per-thread
 * cache serves. */
static int grow_arrays(nx_strmap *m) {
    size_t cap = m->cap ? m->cap * 2 : 16;
    if (cap > SIZE_MAX / 20) return -1;
    uint64_t *hs = malloc(cap * 20);
    if (!hs) return -1;
    uint32_t *ko = (uint32_t *)(hs + cap), *kl = ko + cap, *v = kl + cap;
    if (m->count) {
        memcpy(hs, m->hashes, m->count * sizeof *hs);
        memcpy(ko, m->key_off, m->count * sizeof *ko);
        memcpy(kl, m->key_len, m->count * sizeof *kl);
        memcpy(v, m->values, m->count * sizeof *v);
    }
    free(m->hashes);
    m->hashes = hs;
    m->key_off = ko;
    m->key_len = kl;
    m->values = v;
    m->cap = cap;
    return 0;
}

int nx_strmap_put(nx_strmap *m, const char *key, size_t len, uint32_t value) {
    if (m->borrowed) return -1;
    uint64_t h = nx_hash(key, len, 0);
    size_t slot;
    long i = find(m, key, len, h, &slot);
    if (i >= 0) {
        m->values[i] = value;
        return 0;
    }
    if ((m->count + 1) * 2 > m->n_slots) {
        if (rehash(m, m->n_slots ? m->n_slots * 2 : 32)) return -1;
        find(m, key, len, h, &slot);
    }
    if (m->count == m->cap && grow_arrays(m)) return -1;
    if (m->pool_len + len > m->pool_cap) {
        size_t cap = m->pool_cap ? m->pool_cap * 2 : 256;
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

/* ---- the flat form ------------------------------------------------------- */

enum { FLAT_HEAD = 3 * sizeof(uint64_t) };

static size_t pad8(size_t n) { return (n + 7) & ~(size_t)7; }

/* The size of a flat form, or 0 when it would overflow (attach refuses it). */
static size_t flat_size(uint64_t n_slots, uint64_t count, uint64_t pool_len) {
    if (n_slots > SIZE_MAX / 16 || count > SIZE_MAX / 16 || pool_len > SIZE_MAX / 4) return 0;
    return FLAT_HEAD + (size_t)n_slots * 8 + pad8((size_t)count * 12) + pad8((size_t)pool_len);
}

size_t nx_strmap_flat_size(const nx_strmap *m) { return flat_size(m->n_slots, m->count, m->pool_len); }

void nx_strmap_flatten(const nx_strmap *m, void *out) {
    unsigned char *p = out;
    uint64_t head[3] = {m->n_slots, m->count, m->pool_len};
    memset(p, 0, nx_strmap_flat_size(m));
    memcpy(p, head, sizeof head);
    p += FLAT_HEAD;
    if (m->n_slots) memcpy(p, m->slots, m->n_slots * 8);
    p += m->n_slots * 8;
    if (m->count) {
        memcpy(p, m->key_off, m->count * 4);
        memcpy(p + m->count * 4, m->key_len, m->count * 4);
        memcpy(p + m->count * 8, m->values, m->count * 4);
    }
    p += pad8(m->count * 12);
    if (m->pool_len) memcpy(p, m->pool, m->pool_len);
}

int nx_strmap_attach(nx_strmap *m, const void *data, size_t len, const char **why) {
    nx_strmap_init(m);
    const unsigned char *p = data;
    uint64_t head[3];
    if (len < FLAT_HEAD) {
        *why = "map shorter than its header";
        return -1;
    }
    memcpy(head, p, sizeof head);
    uint64_t n_slots = head[0], count = head[1], pool_len = head[2];
    if (n_slots & (n_slots - 1)) {
        *why = "map slot count is not a power of two";
        return -1;
    }
    /* a free slot must remain, or a probe for a missing key never ends */
    if (n_slots ? count >= n_slots : count != 0) {
        *why = "map has more keys than free slots";
        return -1;
    }
    if (pool_len > UINT32_MAX || flat_size(n_slots, count, pool_len) != len) {
        *why = "map size does not match its counts";
        return -1;
    }
    const uint64_t *slots = (const uint64_t *)(p + FLAT_HEAD);
    const uint32_t *key_off = (const uint32_t *)(slots + n_slots);
    const uint32_t *key_len = key_off + count, *values = key_len + count;
    const char *pool = (const char *)p + FLAT_HEAD + n_slots * 8 + pad8(count * 12);
    uint64_t used = 0;
    int bad = 0;
    for (uint64_t s = 0; s < n_slots; s++) {
        /* a probe stops only at an all-zero slot; any other holds index + 1 */
        uint64_t i = slots[s] & 0xFFFFFFFFu;
        used += slots[s] != 0;
        bad |= (slots[s] != 0) & ((i == 0) | (i > count));
    }
    if (bad) {
        *why = "map slot points outside its keys";
        return -1;
    }
    if (used > count) {
        *why = "map has more full slots than keys";
        return -1;
    }
    for (uint64_t i = 0; i < count; i++) {
        if ((uint64_t)key_off[i] + key_len[i] > pool_len) {
            *why = "map key outside its key bytes";
            return -1;
        }
    }
    m->slots = (uint64_t *)slots;
    m->n_slots = (size_t)n_slots;
    m->count = (size_t)count;
    m->pool = (char *)pool;
    m->pool_len = m->pool_cap = (size_t)pool_len;
    m->key_off = (uint32_t *)key_off;
    m->key_len = (uint32_t *)key_len;
    m->values = (uint32_t *)values;
    m->borrowed = 1;
    return 0;
}
