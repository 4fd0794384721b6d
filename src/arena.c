/* arena.c: see arena.h. Blocks grow geometrically so a document of any size
 * needs few mallocs; a request larger than the block size gets its own block. */
#include "arena.h"

#include <stdlib.h>
#include <string.h>

struct nx_arena_block {
    nx_arena_block *next;
    size_t size;
    size_t used;
    _Alignas(16) unsigned char data[];
};

enum { ARENA_FIRST_BLOCK = 16 * 1024, ARENA_MAX_BLOCK = 4 * 1024 * 1024 };

void nx_arena_init(nx_arena *a) {
    a->head = NULL;
    a->used_total = 0;
}

void nx_arena_free(nx_arena *a) {
    nx_arena_block *b = a->head;
    while (b) {
        nx_arena_block *next = b->next;
        free(b);
        b = next;
    }
    a->head = NULL;
    a->used_total = 0;
}

void *nx_arena_alloc(nx_arena *a, size_t size) {
    size = (size + 15u) & ~(size_t)15u;
    if (size == 0) size = 16;
    nx_arena_block *b = a->head;
    if (!b || b->size - b->used < size) {
        size_t want = b ? b->size * 2 : ARENA_FIRST_BLOCK;
        if (want > ARENA_MAX_BLOCK) want = ARENA_MAX_BLOCK;
        if (want < size) want = size;
        nx_arena_block *nb = malloc(sizeof *nb + want);
        if (!nb) return NULL;
        nb->size = want;
        nb->used = 0;
        if (b && b->size - b->used >= ARENA_FIRST_BLOCK / 4 && size > want / 2) {
            /* A big one-off request: keep filling the current block afterwards. */
            nb->next = b->next;
            b->next = nb;
        } else {
            nb->next = b;
            a->head = nb;
        }
        b = nb;
    }
    void *p = b->data + b->used;
    b->used += size;
    a->used_total += size;
    memset(p, 0, size);
    return p;
}

char *nx_arena_strndup(nx_arena *a, const char *s, size_t len) {
    char *p = nx_arena_alloc(a, len + 1);
    if (!p) return NULL;
    if (len) memcpy(p, s, len);
    p[len] = '\0';
    return p;
}

char *nx_arena_strdup(nx_arena *a, const char *s) { return nx_arena_strndup(a, s, strlen(s)); }

void *nx_vec_push(nx_vec *v, size_t size) {
    if (v->count == v->cap) {
        size_t ncap = v->cap ? v->cap * 2 : 16;
        void *n = realloc(v->items, ncap * size);
        if (!n) return NULL;
        v->items = n;
        v->cap = ncap;
    }
    void *p = (unsigned char *)v->items + v->count * size;
    memset(p, 0, size);
    v->count++;
    return p;
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
