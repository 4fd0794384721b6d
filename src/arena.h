/*
 * arena.h: a bump allocator. One arena per document holds its tokens, spans,
 * strings and output views, and is freed as one unit, so the pipeline never
 * frees a mention on its own. Also a growable array (nx_vec) whose storage
 * comes from malloc, for lists whose final size is not known in advance.
 */
#ifndef NX_ARENA_H
#define NX_ARENA_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

typedef struct nx_arena_block nx_arena_block;

typedef struct nx_arena {
    nx_arena_block *head; /* the block being filled, then older ones */
    unsigned char *cur;   /* the free room in head: cur[0..left) */
    size_t left;
    size_t used_total;
} nx_arena;

void nx_arena_init(nx_arena *a);
/* Frees every block; the arena can be used again afterwards. */
void nx_arena_free(nx_arena *a);
/* Zero-filled, 16-byte aligned; NULL when out of memory. The memory lives
 * until nx_arena_free(). */
void *nx_arena_alloc(nx_arena *a, size_t size);
/* The slow half of nx_arena_alloc_uninit(): `size` (a multiple of 16) does
 * not fit in the current block, so a new one is made. NULL when out of
 * memory. */
void *nx_arena_alloc_block(nx_arena *a, size_t size);

/* Like nx_arena_alloc() but not zero-filled: for memory the caller writes in
 * full at once (copies, strings, arrays filled by a loop). Its contents are
 * indeterminate until written. Inline: a request that fits in the current
 * block is a bump of a pointer. */
static inline void *nx_arena_alloc_uninit(nx_arena *a, size_t size) {
    if (size > SIZE_MAX - 15u) return NULL;
    size = size ? (size + 15u) & ~(size_t)15u : 16;
    if (size > a->left) return nx_arena_alloc_block(a, size);
    void *p = a->cur;
    a->cur += size;
    a->left -= size;
    a->used_total += size;
    return p;
}
/* Gives back the end of p, the arena's latest allocation, of `size` bytes,
 * keeping its first `keep` (<= size): for an array reserved at the most it
 * can need and filled to less. Nothing happens when p is not the latest
 * allocation of the block being filled (a big request has its own block). */
void nx_arena_shrink(nx_arena *a, void *p, size_t size, size_t keep);
/* A NUL-terminated copy of s[0..len). */
char *nx_arena_strndup(nx_arena *a, const char *s, size_t len);
char *nx_arena_strdup(nx_arena *a, const char *s);

/* nx_vec: items of one type, grown by doubling with realloc. */
typedef struct nx_vec {
    void *items;
    size_t count;
    size_t cap;
} nx_vec;

/* Doubles v's room (for items of `size` bytes): 0, or -1 when out of memory. */
int nx_vec_grow(nx_vec *v, size_t size);
/* Makes v's room at least n items of `size` bytes: 0, or -1 when out of memory. */
int nx_vec_reserve(nx_vec *v, size_t size, size_t n);

/* Room for one more item of `size` bytes; returns it zero-filled or NULL.
 * Inline: `size` is a constant at every call, so the fill is a few stores. */
static inline void *nx_vec_push(nx_vec *v, size_t size) {
    if (v->count == v->cap && nx_vec_grow(v, size)) return NULL;
    void *p = (unsigned char *)v->items + v->count * size;
    memset(p, 0, size);
    v->count++;
    return p;
}
void nx_vec_free(nx_vec *v);

#define NX_VEC_AT(v, type, i) (((type *)(v)->items)[i])

/* nx_sbuf: a growing NUL-terminated string (malloc); free(b.s) when done. */
typedef struct nx_sbuf {
    char *s;
    size_t len, cap;
} nx_sbuf;

/* Appends s[0..n). Returns 0, or -1 when out of memory (b is unchanged). */
int nx_sbuf_add(nx_sbuf *b, const char *s, size_t n);

/* nx_gout: output gathered in a local buffer and added to an nx_sbuf in
 * large pieces, so writing a byte is a store and a bounds check, not a call
 * (the JSON and graph writers). After a failed allocation `failed` is set
 * and the rest dropped; nx_gout_finish() then undoes the whole record. */
typedef struct nx_gout {
    nx_sbuf *out;
    size_t start; /* out->len when the record began */
    int failed;
    size_t n;
    char buf[8192];
} nx_gout;

void nx_gout_init(nx_gout *g, nx_sbuf *out);
void nx_gout_flush(nx_gout *g);
/* Flushes; 0, or -1 (out back as it was before the record) when out of memory. */
int nx_gout_finish(nx_gout *g);
/* nx_gout_finish(), and a failure too when rc is not 0. */
int nx_gout_done(nx_gout *g, int rc);
/* nx_gout_put() of bytes that do not fit in what is left of the buffer. */
void nx_gout_put_long(nx_gout *g, const char *s, size_t n);
static inline void nx_gout_put(nx_gout *g, const char *s, size_t n) {
    if (n > sizeof g->buf - g->n) {
        nx_gout_put_long(g, s, n);
        return;
    }
    memcpy(g->buf + g->n, s, n);
    g->n += n;
}
static inline void nx_gout_byte(nx_gout *g, char c) {
    if (g->n == sizeof g->buf) nx_gout_flush(g);
    g->buf[g->n++] = c;
}
static inline void nx_gout_str(nx_gout *g, const char *s) { nx_gout_put(g, s, strlen(s)); }
void nx_gout_uint(nx_gout *g, size_t v);

#endif
