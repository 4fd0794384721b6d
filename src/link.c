/* link.c: entities and holds_title relations (see link.h). */
#include "link.h"

#include <stdlib.h>
#include <string.h>

typedef struct lctx {
    nx_document *doc;
    size_t n;              /* tokens */
    int32_t *span_at;      /* span index covering each token, -1 */
} lctx;

static const nx_token *tok(const lctx *l, size_t i) { return &l->doc->toks.items[i]; }
static int fold_is(const lctx *l, size_t i, const char *w) { return i < l->n && strcmp(tok(l, i)->fold, w) == 0; }
static int32_t span_at(const lctx *l, size_t i) { return i < l->n ? l->span_at[i] : -1; }
static nx_span *sp(const lctx *l, int32_t k) { return SPAN(l->doc, k); }

static int same_sentence(const lctx *l, size_t a, size_t b) {
    return a < l->n && b < l->n && tok(l, a)->sent == tok(l, b)->sent;
}

static int is_det(const lctx *l, size_t i) {
    static const char *const dets[] = {"a", "an", "the", NULL};
    for (const char *const *d = dets; *d; d++)
        if (fold_is(l, i, *d)) return 1;
    return 0;
}

/* ---- entities ------------------------------------------------------------------ */

static char *fold_key(nx_document *doc, const char *s) {
    size_t n;
    char *k = nx_fold_dup(&doc->arena, s, strlen(s), &n);
    if (!k) return NULL;
    /* collapse white space, drop hyphens so Al-Farabi == Al Farabi */
    size_t w = 0;
    for (size_t i = 0; i < n; i++) {
        char c = k[i] == '-' ? ' ' : k[i];
        if ((c == ' ' || c == '\n' || c == '\t') && (w == 0 || k[w - 1] == ' ')) continue;
        k[w++] = (c == '\n' || c == '\t') ? ' ' : c;
    }
    while (w && k[w - 1] == ' ') w--;
    k[w] = '\0';
    return k;
}

static int32_t new_entity(nx_document *doc, nx_type type, const char *key) {
    nx_ent *e = nx_vec_push(&doc->ents, sizeof *e);
    if (!e) return -1;
    e->type = (uint8_t)type;
    e->key = key;
    return (int32_t)(doc->ents.count - 1);
}

static int attach(nx_document *doc, int32_t ent, uint32_t span) {
    nx_ent *e = &NX_VEC_AT(&doc->ents, nx_ent, ent);
    uint32_t *m = nx_vec_push(&e->mentions, sizeof *m);
    if (!m) return -1;
    *m = span;
    SPAN(doc, span)->entity = ent;
    return 0;
}

static int32_t find_entity(nx_document *doc, nx_type type, const char *key) {
    for (size_t i = 0; i < doc->ents.count; i++) {
        const nx_ent *e = &NX_VEC_AT(&doc->ents, nx_ent, i);
        if (e->type == type && strcmp(e->key, key) == 0) return (int32_t)i;
    }
    return -1;
}

/* The surname token of a multi-word person span. */
static const nx_token *surname_tok(const lctx *l, const nx_span *s) {
    return (s->flags & NX_SPAN_FAMILY_FIRST) ? tok(l, s->t0) : tok(l, s->t1 - 1);
}

static nx_status build_entities(lctx *l) {
    nx_document *doc = l->doc;
    size_t n = doc->spans.count;
    /* full names first, so a surname alone finds its person wherever it is */
    for (int pass = 0; pass < 2; pass++) {
        for (size_t k = 0; k < n; k++) {
            nx_span *s = SPAN(doc, k);
            if (s->type > NX_PLACE || s->entity >= 0) continue;
            int single_person = s->type == NX_PERSON && s->t1 - s->t0 == 1;
            if (pass == 0 && single_person) continue;
            int32_t ent = -1;
            if (single_person) {
                const nx_token *t = tok(l, s->t0);
                for (size_t e = 0; e < doc->ents.count && ent < 0; e++) {
                    const nx_ent *en = &NX_VEC_AT(&doc->ents, nx_ent, e);
                    if (en->type != NX_PERSON) continue;
                    for (size_t m = 0; m < en->mentions.count; m++) {
                        const nx_span *ms = SPAN(doc, NX_VEC_AT(&en->mentions, uint32_t, m));
                        if (ms->t1 - ms->t0 < 2) continue;
                        const nx_token *st = surname_tok(l, ms);
                        if (st->fold_len == t->fold_len && memcmp(st->fold, t->fold, t->fold_len) == 0) {
                            ent = (int32_t)e;
                            break;
                        }
                    }
                }
            }
            if (ent < 0) {
                const char *name = s->canon ? s->canon : nx_doc_span_text(doc, s);
                if (!name) return NX_ERR_NOMEM;
                const char *key = fold_key(doc, name);
                if (!key) return NX_ERR_NOMEM;
                ent = find_entity(doc, (nx_type)s->type, key);
                if (ent < 0) ent = new_entity(doc, (nx_type)s->type, key);
                if (ent < 0) return NX_ERR_NOMEM;
            }
            if (attach(doc, ent, (uint32_t)k)) return NX_ERR_NOMEM;
        }
    }
    /* each entity's name: the canonical name when there is one, else the longest surface */
    for (size_t e = 0; e < doc->ents.count; e++) {
        nx_ent *en = &NX_VEC_AT(&doc->ents, nx_ent, e);
        const char *best = NULL;
        size_t best_len = 0;
        for (size_t m = 0; m < en->mentions.count; m++) {
            nx_span *s = SPAN(doc, NX_VEC_AT(&en->mentions, uint32_t, m));
            if (s->canon) {
                best = s->canon;
                break;
            }
            const char *t = nx_doc_span_text(doc, s);
            if (!t) return NX_ERR_NOMEM;
            size_t tl = strlen(t);
            if (tl > best_len || (tl == best_len && !(s->flags & NX_SPAN_PROPAGATED) && best && strcmp(t, best) < 0)) {
                best = t;
                best_len = tl;
            }
        }
        en->name = best ? best : "";
    }
    return NX_OK;
}

/* ---- holds_title ---------------------------------------------------------------- */

static int add_rel(nx_document *doc, uint32_t person, uint32_t title, int32_t org, const char *rule) {
    for (size_t i = 0; i < doc->rels.count; i++) {
        const nx_rel *r = &NX_VEC_AT(&doc->rels, nx_rel, i);
        if (r->title_span == title) return 0;
    }
    nx_rel *r = nx_vec_push(&doc->rels, sizeof *r);
    if (!r) return -1;
    r->person_span = person;
    r->title_span = title;
    r->org_span = org;
    r->status = SPAN(doc, title)->status;
    r->rule = rule;
    SPAN(doc, title)->flags |= NX_SPAN_ATTACHED;
    return 0;
}

static int is_type(const lctx *l, int32_t k, nx_type t) { return k >= 0 && sp(l, k)->type == t; }

static int caption_len(const lctx *l, size_t i) {
    /* (L), (R), (2nd L) */
    if (!fold_is(l, i, "(")) return 0;
    size_t j = i + 1;
    if (j < l->n && tok(l, j)->kind == NX_TOK_NUM) j++;
    if (j + 1 < l->n && tok(l, j)->kind == NX_TOK_WORD && tok(l, j)->fold_len <= 6 && fold_is(l, j + 1, ")"))
        return (int)(j + 2 - i);
    return 0;
}

/* An organisation named right after a title: "of [the] ORG", "at ORG". */
static int32_t org_after(const lctx *l, size_t i, size_t *end) {
    if (!(fold_is(l, i, "of") || fold_is(l, i, "at") || fold_is(l, i, "for"))) return -1;
    size_t j = i + 1;
    if (fold_is(l, j, "the")) j++;
    int32_t k = span_at(l, j);
    if (!is_type(l, k, NX_ORGANIZATION) || sp(l, k)->t0 != j) return -1;
    *end = sp(l, k)->t1;
    return k;
}

/* An organisation right before a title: "XJTU president", "XJTU's president". */
static int32_t org_before(const lctx *l, size_t t0) {
    if (t0 == 0) return -1;
    size_t p = t0 - 1;
    if (tok(l, p)->shape & NX_SH_POSS) {
        if (p == 0) return -1;
        p--;
    }
    int32_t k = span_at(l, p);
    return is_type(l, k, NX_ORGANIZATION) && sp(l, k)->t1 == p + 1 ? k : -1;
}

/* The person a title is placed before: TITLE [of ORG] [honorific] PERSON [of ORG]. */
static nx_status premodifier(lctx *l, int32_t ti) {
    const nx_span *t = sp(l, ti);
    size_t j = t->t1, org_end;
    int32_t org = org_after(l, j, &org_end);
    if (org >= 0) j = org_end;
    while (j < l->n && (tok(l, j)->feat & NX_FEAT(NX_G_HONORIFIC)) && span_at(l, j) < 0) j++;
    int32_t p = span_at(l, j);
    if (!is_type(l, p, NX_PERSON) || sp(l, p)->t0 != j || !same_sentence(l, t->t0, j)) return NX_OK;
    if (t->flags & NX_SPAN_PLURAL) return NX_OK;
    if (org < 0) org = org_before(l, t->t0);
    if (org < 0) {
        size_t e;
        org = org_after(l, sp(l, p)->t1, &e);
    }
    return add_rel(l->doc, (uint32_t)p, (uint32_t)ti, org, "holds_title:title-before-name") ? NX_ERR_NOMEM : NX_OK;
}

/* PERSON [(L)] , [a|the] TITLE [of ORG] {and [a|the] TITLE [of ORG]} */
static nx_status apposition(lctx *l, int32_t ti) {
    const nx_span *t = sp(l, ti);
    if (t->flags & NX_SPAN_PLURAL) return NX_OK;
    size_t i = t->t0;
    if (i > 0 && is_det(l, i - 1)) i--;
    int32_t person = -1;
    if (i > 0 && fold_is(l, i - 1, ",")) {
        size_t p = i - 1; /* the comma */
        /* skip a photo caption before the comma */
        if (p >= 3 && fold_is(l, p - 1, ")")) {
            size_t q = p - 1;
            while (q > 0 && !fold_is(l, q, "(") && p - q < 5) q--;
            if (fold_is(l, q, "(") && caption_len(l, q) == (int)(p - q)) p = q;
        }
        if (p > 0) {
            int32_t k = span_at(l, p - 1);
            if (is_type(l, k, NX_PERSON) && sp(l, k)->t1 == p && same_sentence(l, p - 1, t->t0)) person = k;
        }
    } else if (i > 0 && (fold_is(l, i - 1, "and") || fold_is(l, i - 1, ","))) {
        /* a coordinated title: the person of the title before it */
        size_t q = i - 1;
        if (q > 0 && span_at(l, q - 1) >= 0 && is_type(l, span_at(l, q - 1), NX_ORGANIZATION))
            q = sp(l, span_at(l, q - 1))->t0;
        if (q > 0 && fold_is(l, q - 1, "the")) q--;
        if (q > 0 && (fold_is(l, q - 1, "of") || fold_is(l, q - 1, "at"))) q--;
        int32_t prev = q > 0 ? span_at(l, q - 1) : -1;
        if (is_type(l, prev, NX_TITLE)) {
            for (size_t r = 0; r < l->doc->rels.count; r++) {
                const nx_rel *rel = &NX_VEC_AT(&l->doc->rels, nx_rel, r);
                if ((int32_t)rel->title_span == prev && !strcmp(rel->rule, "holds_title:apposition")) {
                    person = (int32_t)rel->person_span;
                    break;
                }
            }
        }
    }
    if (person < 0) return NX_OK;
    size_t e;
    int32_t org = org_after(l, t->t1, &e);
    if (org < 0) org = org_before(l, t->t0);
    return add_rel(l->doc, (uint32_t)person, (uint32_t)ti, org, "holds_title:apposition") ? NX_ERR_NOMEM : NX_OK;
}

nx_status nx_link(nx_document *doc) {
    lctx l = {doc, doc->toks.count, NULL};
    if (!l.n) return NX_OK;
    l.span_at = nx_arena_alloc(&doc->arena, l.n * sizeof *l.span_at);
    if (!l.span_at) return NX_ERR_NOMEM;
    for (size_t i = 0; i < l.n; i++) l.span_at[i] = -1;
    for (size_t k = 0; k < doc->spans.count; k++) {
        nx_span *s = SPAN(doc, k);
        s->entity = -1;
        for (uint32_t t = s->t0; t < s->t1 && t < l.n; t++) l.span_at[t] = (int32_t)k;
    }
    nx_status st = build_entities(&l);
    for (size_t k = 0; k < doc->spans.count && st == NX_OK; k++)
        if (SPAN(doc, k)->type == NX_TITLE) st = premodifier(&l, (int32_t)k);
    for (size_t k = 0; k < doc->spans.count && st == NX_OK; k++)
        if (SPAN(doc, k)->type == NX_TITLE && !(SPAN(doc, k)->flags & NX_SPAN_ATTACHED)) st = apposition(&l, (int32_t)k);
    return st;
}
