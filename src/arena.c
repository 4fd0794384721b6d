/* arena.c: see arena.h. Blocks grow geometrically so a document of any size
 * needs few mallocs; a request larger than the block size gets its own block.
 * The arena keeps a pointer to the free room of its newest block, so an
 * allocation that fits is a bump of that pointer. */
#include "arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct nx_arena_block {
    nx_arena_block *next;
    size_t size;
    _Alignas(16) unsigned char data[];
};

/* The first block holds a news-sized document whole: the pipeline uses about
 * 27 bytes of arena per input byte (CoNLL-2003 dev, median), so 64 KiB covers
 * articles up to 2-3 KB in one malloc, and stays under glibc's mmap threshold
 * (128 KiB). */
enum {
    ARENA_FIRST_BLOCK = 64 * 1024,
    ARENA_MAX_BLOCK = 4 * 1024 * 1024,
    /* a big one-off request gets its own block when the current one still
     * has this much room, which later small requests go on filling */
    ARENA_KEEP_ROOM = 4 * 1024
};

void nx_arena_init(nx_arena *a) {
    a->head = NULL;
    a->cur = NULL;
    a->left = 0;
    a->used_total = 0;
}

void nx_arena_free(nx_arena *a) {
    nx_arena_block *b = a->head;
    while (b) {
        nx_arena_block *next = b->next;
        free(b);
        b = next;
    }
    nx_arena_init(a);
}

void *nx_arena_alloc_block(nx_arena *a, size_t size) {
    nx_arena_block *b = a->head;
    size_t want = b ? b->size * 2 : ARENA_FIRST_BLOCK;
    if (want > ARENA_MAX_BLOCK) want = ARENA_MAX_BLOCK;
    if (want < size) want = size;
    if (want > SIZE_MAX - sizeof(nx_arena_block)) return NULL;
    nx_arena_block *nb = malloc(sizeof *nb + want);
    if (!nb) return NULL;
    nb->size = want;
    a->used_total += size;
    if (b && a->left >= ARENA_KEEP_ROOM && size > want / 2) {
        /* A big one-off request: keep filling the current block afterwards. */
        nb->next = b->next;
        b->next = nb;
        return nb->data;
    }
    nb->next = b;
    a->head = nb;
    a->cur = nb->data + size;
    a->left = want - size;
    return nb->data;
}

void *nx_arena_alloc(nx_arena *a, size_t size) {
    void *p = nx_arena_alloc_uninit(a, size);
    /* the padding too, as before there was an uninit variant */
    if (p) memset(p, 0, size ? (size + 15u) & ~(size_t)15u : 16);
    return p;
}

void nx_arena_shrink(nx_arena *a, void *p, size_t size, size_t keep) {
    size = size ? (size + 15u) & ~(size_t)15u : 16;
    keep = keep ? (keep + 15u) & ~(size_t)15u : 16;
    if (keep >= size || (unsigned char *)p + size != a->cur) return;
    a->cur -= size - keep;
    a->left += size - keep;
    a->used_total -= size - keep;
}

char *nx_arena_strndup(nx_arena *a, const char *s, size_t len) {
    char *p = nx_arena_alloc_uninit(a, len + 1);
    if (!p) return NULL;
    if (len) memcpy(p, s, len);
    p[len] = '\0';
    return p;
}

char *nx_arena_strdup(nx_arena *a, const char *s) { return nx_arena_strndup(a, s, strlen(s)); }

int nx_vec_grow(nx_vec *v, size_t size) {
    /* a new vector: 16 items, or as many as fill 1 KB (a block malloc's
     * per-thread cache serves): the per-document lists grow fewer times */
    size_t ncap = v->cap ? v->cap * 2 : size && size < 64 ? 1024 / size : 16;
    void *n = realloc(v->items, ncap * size);
    if (!n) return -1;
    v->items = n;
    v->cap = ncap;
    return 0;
}

int nx_vec_reserve(nx_vec *v, size_t size, size_t n) {
    if (n <= v->cap) return 0;
    if (n > SIZE_MAX / size) return -1;
    void *p = realloc(v->items, n * size);
    if (!p) return -1;
    v->items = p;
    v->cap = n;
    return 0;
}

void nx_vec_free(nx_vec *v) {
    free(v->items);
    v->items = NULL;
    v->count = v->cap = 0;
}

int nx_sbuf_add(nx_sbuf *b, const char *s, size_t n) {
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 256;
        while (cap < b->len + n + 1) cap *= 2;
        char *p = realloc(b->s, cap);
        if (!p) return -1;
        b->s = p;
        b->cap = cap;
    }
    if (n) memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
    return 0;
}

/* ---- nx_gout ---------------------------------------------------------------- */

void nx_gout_init(nx_gout *g, nx_sbuf *out) {
    g->out = out;
    g->start = out->len;
    g->failed = 0;
    g->n = 0;
}

void nx_gout_flush(nx_gout *g) {
    if (!g->failed && g->n && nx_sbuf_add(g->out, g->buf, g->n)) g->failed = 1;
    g->n = 0;
}

int nx_gout_finish(nx_gout *g) {
    nx_gout_flush(g);
    if (!g->failed) return 0;
    g->out->len = g->start;
    if (g->out->s) g->out->s[g->start] = '\0';
    return -1;
}

int nx_gout_done(nx_gout *g, int rc) {
    if (rc) g->failed = 1;
    return nx_gout_finish(g);
}

void nx_gout_put_long(nx_gout *g, const char *s, size_t n) {
    nx_gout_flush(g);
    if (n > sizeof g->buf) {
        if (!g->failed && nx_sbuf_add(g->out, s, n)) g->failed = 1;
        return;
    }
    memcpy(g->buf, s, n);
    g->n = n;
}

void nx_gout_uint(nx_gout *g, size_t v) {
    char tmp[24], *p = tmp + sizeof tmp;
    do *--p = (char)('0' + v % 10);
    while (v /= 10);
    nx_gout_put(g, p, (size_t)(tmp + sizeof tmp - p));
}
