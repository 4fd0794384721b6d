/* relations.c: the registry of relation families, the relation stage and
 * deduplication (see relations.h). */
#include "relations.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "strmap.h"

/* One row per relation type: its roles in output order and its finder. */
static const nx_relation_family FAMILIES[] = {
    {NX_REL_HOLDS_TITLE,
     {{NX_ROLE_PERSON, NX_ARG_ENTITY, 0}, {NX_ROLE_TITLE, NX_ARG_VALUE, 0}, {NX_ROLE_ORGANIZATION, NX_ARG_ENTITY, 1}},
     3,
     nx_holds_title_find},
};
enum { N_FAMILIES = sizeof FAMILIES / sizeof *FAMILIES };
_Static_assert((int)N_FAMILIES == (int)NX_REL_TYPE_COUNT, "every relation type needs its family");

const nx_relation_family *nx_relation_family_of(nx_rel_type type) {
    for (size_t i = 0; i < N_FAMILIES; i++)
        if (FAMILIES[i].type == type) return &FAMILIES[i];
    return NULL;
}

int nx_rel_add(nx_document *doc, const nx_rel *r) {
    nx_rel *out = nx_vec_push(&doc->rels, sizeof *out);
    if (!out) return -1;
    *out = *r;
    return 0;
}

/* The entity an argument names, or -1 (none, or a value such as a title). */
static int32_t arg_entity(const nx_document *doc, const nx_rel *r, size_t i) {
    return r->args[i].span >= 0 ? SPAN(doc, r->args[i].span)->entity : -1;
}

/* A relation's identity: its type, value and entity arguments; with
 * `optional` 0 the optional arguments are left out. */
static int rel_key(const nx_document *doc, const nx_rel *r, int optional, nx_sbuf *key) {
    const nx_relation_family *f = nx_relation_family_of((nx_rel_type)r->type);
    char num[32];
    key->len = 0;
    int n = snprintf(num, sizeof num, "%u", (unsigned)r->type);
    if (nx_sbuf_add(key, num, (size_t)n) || nx_sbuf_add(key, "\x1f", 1)) return -1;
    if (r->value && nx_sbuf_add(key, r->value, strlen(r->value))) return -1;
    for (size_t i = 0; i < r->n_args; i++) {
        if (f->roles[i].kind != NX_ARG_ENTITY || (f->roles[i].optional && !optional)) continue;
        n = snprintf(num, sizeof num, "\x1f%ld", (long)arg_entity(doc, r, i));
        if (nx_sbuf_add(key, num, (size_t)n)) return -1;
    }
    return 0;
}

/* Whether every optional argument of a relation is filled. */
static int complete(const nx_rel *r) {
    const nx_relation_family *f = nx_relation_family_of((nx_rel_type)r->type);
    for (size_t i = 0; i < r->n_args; i++)
        if (f->roles[i].optional && r->args[i].span < 0) return 0;
    return 1;
}

/* One fact per identity: the same statement made twice is one fact (the
 * first is kept), and a fact with an optional argument open is dropped when
 * the same fact is stated with it. Two passes over hash maps. */
static nx_status dedupe(nx_document *doc) {
    nx_strmap with_all, seen;
    nx_strmap_init(&with_all);
    nx_strmap_init(&seen);
    nx_sbuf key = {0};
    nx_status st = NX_OK;
    size_t n = doc->rels.count, w = 0;
    for (size_t i = 0; i < n && st == NX_OK; i++) {
        const nx_rel *r = &NX_VEC_AT(&doc->rels, nx_rel, i);
        if (!complete(r)) continue;
        if (rel_key(doc, r, 0, &key) || nx_strmap_put(&with_all, key.s, key.len, 1)) st = NX_ERR_NOMEM;
    }
    for (size_t i = 0; i < n && st == NX_OK; i++) {
        nx_rel *r = &NX_VEC_AT(&doc->rels, nx_rel, i);
        if (!complete(r)) {
            if (rel_key(doc, r, 0, &key)) st = NX_ERR_NOMEM;
            else if (nx_strmap_get(&with_all, key.s, key.len, NULL)) continue;
        }
        if (st != NX_OK || rel_key(doc, r, 1, &key)) {
            st = NX_ERR_NOMEM;
            break;
        }
        if (nx_strmap_get(&seen, key.s, key.len, NULL)) continue;
        if (nx_strmap_put(&seen, key.s, key.len, 1)) {
            st = NX_ERR_NOMEM;
            break;
        }
        NX_VEC_AT(&doc->rels, nx_rel, w++) = *r;
    }
    if (st == NX_OK) doc->rels.count = w;
    free(key.s);
    nx_strmap_free(&with_all);
    nx_strmap_free(&seen);
    return st;
}

nx_status nx_relations(nx_document *doc, nx_error *err) {
    (void)err;
    size_t n = doc->toks.count;
    if (!n) return NX_OK;
    int32_t *span_at = nx_arena_alloc_uninit(&doc->arena, n * sizeof *span_at);
    if (!span_at) return NX_ERR_NOMEM;
    for (size_t i = 0; i < n; i++) span_at[i] = -1;
    for (size_t k = 0; k < doc->spans.count; k++) {
        const nx_span *s = SPAN(doc, k);
        for (uint32_t t = s->t0; t < s->t1 && t < n; t++) span_at[t] = (int32_t)k;
    }
    nx_relctx c = {doc, n, span_at};
    for (size_t i = 0; i < N_FAMILIES; i++) {
        nx_status st = FAMILIES[i].find(&c);
        if (st != NX_OK) return st;
    }
    return dedupe(doc);
}
