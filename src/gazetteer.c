/* gazetteer.c: the read-only gazetteer view: word lookups, case rules,
 * token features and longest matches (gazetteer_build.c makes the view). */
#include "gazetteer.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>


void nx_gazetteer_init(nx_gazetteer *g) {
    memset(g, 0, sizeof *g);
    nx_strmap_init(&g->edges);
    nx_strmap_init(&g->abbreviations);
    nx_strmap_init(&g->no_sentence_end);
}

void nx_gazetteer_free(nx_gazetteer *g) {
    if (!g) return;
    free((void *)g->entries);
    free((void *)g->entry_next);
    free((void *)g->pool);
    free((void *)g->node_head);
    free((void *)g->sources);
    free((void *)g->endings);
    nx_strmap_free(&g->edges);
    nx_strmap_free(&g->abbreviations);
    nx_strmap_free(&g->no_sentence_end);
    memset(g, 0, sizeof *g);
}

size_t nx_gazetteer_edge_key(char *buf, size_t cap, uint32_t node, const char *fold, size_t len) {
    if (len + 4 > cap) return 0;
    memcpy(buf, &node, 4);
    memcpy(buf + 4, fold, len);
    return len + 4;
}

static long child(const nx_gazetteer *g, uint32_t node, const char *fold, size_t len) {
    char key[260];
    size_t kl = nx_gazetteer_edge_key(key, sizeof key, node, fold, len);
    uint32_t c;
    if (!kl || !nx_strmap_get(&g->edges, key, kl, &c)) return -1;
    return c;
}

uint32_t nx_gazetteer_word(const nx_gazetteer *g, const char *fold, size_t len) {
    if (!g->n_nodes) return 0;
    long c = child(g, 0, fold, len);
    return c < 0 ? 0 : (uint32_t)c;
}

/* ---- matching ------------------------------------------------------------ */

int nx_entry_case_ok(const nx_gazetteer *g, const nx_entry *e, const nx_text *text, const nx_tokens *toks,
                     uint32_t t0, uint32_t t1) {
    if (e->case_rule == NX_CASE_FOLD) return 1;
    const char *p = text->work + toks->items[t0].b0;
    const char *end = text->work + toks->items[t1 - 1].b1;
    if (e->case_rule == NX_CASE_CAP) return (toks->items[t0].shape & NX_SH_CAP) != 0;
    /* exact: compare the surface and the text with white space removed */
    const char *s = nx_gstr(g, e->surface);
    while (*s || p < end) {
        while (*s == ' ') s++;
        while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')) p++;
        if (!*s || p >= end) break;
        if (*s != *p) return 0;
        s++, p++;
    }
    while (p < end && (*p == ' ' || *p == '\n')) p++;
    return !*s && p >= end;
}

static uint64_t features_at(const nx_gazetteer *g, const nx_text *text, const nx_tokens *toks, uint32_t node,
                            uint32_t i) {
    uint64_t f = 0;
    for (uint32_t e = nx_gnode_first(g, node); e; e = nx_gnode_next(g, e)) {
        const nx_entry *en = &g->entries[e - 1];
        if (!nx_entry_case_ok(g, en, text, toks, i, i + 1)) continue;
        f |= NX_FEAT(en->cls);
        if (en->cls == NX_G_SURNAME && en->family_first) f |= NX_FEAT_FAMILY_FIRST;
    }
    return f;
}

static uint64_t ending_features(const nx_gazetteer *g, const nx_token *t) {
    if (!(t->shape & NX_SH_ALPHA) || !(t->shape & NX_SH_CAP) || t->fold_len < 5) return 0;
    uint64_t f = 0;
    for (size_t k = 0; k < g->n_endings; k++) {
        const nx_ending *e = &g->endings[k];
        if (e->len + 2 <= t->fold_len && memcmp(t->fold + t->fold_len - e->len, nx_gstr(g, e->fold), e->len) == 0) {
            f |= NX_FEAT(NX_G_NAME_ENDING);
            if (e->family_first) f |= NX_FEAT_NAME_ENDING_FAMILY_FIRST;
        }
    }
    return f;
}

nx_status nx_gazetteer_match(const nx_gazetteer *g, nx_arena *arena, const nx_text *text, nx_tokens *toks,
                             nx_gmatch **out, size_t *n_out) {
    *out = NULL;
    *n_out = 0;
    if (!toks->count || !g->n_nodes) return NX_OK;
    nx_gmatch *m = nx_arena_alloc_uninit(arena, toks->count * sizeof *m);
    if (!m) return NX_ERR_NOMEM;
    size_t nm = 0;
    for (uint32_t i = 0; i < toks->count; i++) {
        nx_token *t = &toks->items[i];
        if (t->kind == NX_TOK_PUNCT && t->b1 - t->b0 == 1 && t->fold[0] != '&') continue;
        uint32_t node = 0, best = 0, best_end = 0;
        for (uint32_t j = i; j < toks->count; j++) {
            long c = child(g, node, toks->items[j].fold, toks->items[j].fold_len);
            if (c < 0) break;
            node = (uint32_t)c;
            if (j == i) t->feat |= features_at(g, text, toks, node, i);
            for (uint32_t e = nx_gnode_first(g, node); e; e = nx_gnode_next(g, e)) {
                if (nx_entry_case_ok(g, &g->entries[e - 1], text, toks, i, j + 1)) {
                    best = node;
                    best_end = j + 1;
                    break;
                }
            }
        }
        t->feat |= ending_features(g, t);
        if (best_end) {
            m[nm].t0 = i;
            m[nm].t1 = best_end;
            m[nm].node = best;
            nm++;
        }
    }
    *out = m;
    *n_out = nm;
    return NX_OK;
}
