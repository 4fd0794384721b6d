/* relations.c: the registry of relation families, the relation stage and
 * deduplication (see relations.h). */
#include "relations.h"

#include <string.h>

#include "gazetteer.h"
#include "model.h"
#include "strmap.h"

/* One row per relation type: its roles in output order and its finder. */
static const nx_relation_family FAMILIES[] = {
    {NX_REL_HOLDS_TITLE,
     {{NX_ROLE_PERSON, NX_ARG_ENTITY, 0}, {NX_ROLE_TITLE, NX_ARG_VALUE, 0}, {NX_ROLE_ORGANIZATION, NX_ARG_ENTITY, 1}},
     3,
     nx_holds_title_find},
    /* after holds_title, whose facts it does not repeat */
    {NX_REL_AFFILIATED_WITH, {{NX_ROLE_PERSON, NX_ARG_ENTITY, 0}, {NX_ROLE_ORGANIZATION, NX_ARG_ENTITY, 0}}, 2,
     nx_affiliated_with_find},
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

uint8_t nx_rel_status_word(const nx_document *doc, size_t i) {
    if (i >= doc->toks.count || !(doc->toks.items[i].feat & NX_FEAT(NX_G_TITLE_MOD))) return 0;
    const nx_token *t = &doc->toks.items[i];
    return nx_gazetteer_modifier_status(&doc->model->gaz, t->fold, t->fold_len, NULL);
}

uint8_t nx_rel_status_prefix(const nx_document *doc, size_t i) {
    if (i >= doc->toks.count || !(doc->toks.items[i].shape & NX_SH_HYPHEN) || doc->toks.items[i].kind != NX_TOK_WORD) return 0;
    return nx_gazetteer_prefix_status(&doc->model->gaz, doc->toks.items[i].fold, doc->toks.items[i].fold_len);
}

int nx_rel_value_has(const nx_document *doc, const char *value, nx_gclass c) {
    const nx_gazetteer *g = &doc->model->gaz;
    for (const char *w = value; w && *w;) {
        const char *e = strchr(w, ' ');
        size_t len = e ? (size_t)(e - w) : strlen(w);
        if (nx_gazetteer_word_is(g, w, len, c, NULL)) return 1;
        w = e ? e + 1 : NULL;
    }
    return 0;
}

int nx_rel_token_is(const nx_document *doc, size_t i, nx_gclass c, const char *kind) {
    if (i >= doc->toks.count) return 0;
    const nx_token *t = &doc->toks.items[i];
    return (t->feat & NX_FEAT(c)) && nx_gazetteer_word_is(&doc->model->gaz, t->fold, t->fold_len, c, kind);
}

int32_t nx_rel_main_org(const nx_document *doc) {
    int32_t best = -1;
    size_t best_n = 2;
    for (size_t e = 0; e < doc->n_ents; e++) {
        const nx_ent *en = &doc->ents[e];
        if (en->type == NX_ORGANIZATION && en->n_mentions > best_n) {
            best_n = en->n_mentions;
            best = (int32_t)e;
        }
    }
    if (best >= 0) return (int32_t)doc->ents[best].mentions[0];
    /* (named fewer times: the organisation that opens the document as the
     * subject of its first sentence, "Rolls-Royce said on Thursday ...",
     * "The University of Melbourne has named ...": the lede's topic) */
    /* (the spans are in text order since the seal: the first that is no
     * date or title, and after it those of its sentence) */
    const nx_token *toks = doc->toks.items;
    size_t n = doc->toks.count, k = 0;
    while (k < doc->spans.count && (SPAN(doc, k)->type == NX_DATE || SPAN(doc, k)->type == NX_TITLE)) k++;
    if (k == doc->spans.count || SPAN(doc, k)->type != NX_ORGANIZATION || SPAN(doc, k)->entity < 0) return -1;
    const nx_span *o = SPAN(doc, k);
    size_t a = o->t0, b = o->t1;
    for (size_t i = 0; i < a; i++) /* (only "The" before it) */
        if (!(toks[i].feat & NX_FEAT(NX_G_DEFINITE))) return -1;
    if (b >= n || toks[b].kind != NX_TOK_WORD || !(toks[b].shape & NX_SH_LOWER) || toks[b].sent != toks[a].sent) return -1;
    /* (the only organisation its sentence names: "The Central Standing
     * Committee of the Kuomintang named the party's ..." names two) */
    for (size_t j = k + 1; j < doc->spans.count && SPAN(doc, j)->t0 < n && toks[SPAN(doc, j)->t0].sent == toks[a].sent; j++)
        if (SPAN(doc, j)->type == NX_ORGANIZATION && SPAN(doc, j)->entity != o->entity) return -1;
    best = (int32_t)k;
    return best;
}

int nx_rel_bare_head(const nx_document *doc, int32_t k) {
    const nx_span *o = SPAN(doc, k);
    if (o->rule != NX_RULE_ORG_THE_HEAD_WORD) return 0;
    if (o->entity >= 0 && (size_t)o->entity < doc->n_ents && strchr(doc->ents[o->entity].name, ' ')) return 0;
    /* (a head that alone names one body: the Senate, the Navy) */
    const nx_gazetteer *g = &doc->model->gaz;
    const nx_token *t = &doc->toks.items[o->t0];
    return !nx_gazetteer_word_is(g, t->fold, t->fold_len, NX_G_ORG_HEAD, "legislature") &&
           !nx_gazetteer_word_is(g, t->fold, t->fold_len, NX_G_ORG_HEAD, "armed-service");
}

/* Whether person span s has a given name of the other sex than pronoun
 * token i says (data: subject-pronoun and given-name kind=male|female):
 * "John Smith met Mary Jones. She ..." is not John Smith. */
static int other_sex(const nx_document *doc, size_t i, int32_t s) {
    const nx_gazetteer *g = &doc->model->gaz;
    const nx_token *p = &doc->toks.items[i];
    int she = nx_gazetteer_word_is(g, p->fold, p->fold_len, NX_G_SUBJECT_PRONOUN, "female");
    int he = nx_gazetteer_word_is(g, p->fold, p->fold_len, NX_G_SUBJECT_PRONOUN, "male");
    if (!she && !he) return 0;
    /* the first word of the person's name written with two words or more
     * (not "Burton" alone, a family name that is also a given name) */
    const nx_span *named = NULL;
    int32_t e = SPAN(doc, s)->entity;
    if (SPAN(doc, s)->t1 - SPAN(doc, s)->t0 >= 2) named = SPAN(doc, s);
    for (size_t k = 0; !named && e >= 0 && k < doc->ents[e].n_mentions; k++) {
        const nx_span *m = SPAN(doc, doc->ents[e].mentions[k]);
        if (m->t1 - m->t0 >= 2) named = m;
    }
    if (!named || (named->flags & NX_SPAN_FAMILY_FIRST)) return 0;
    const nx_token *t = &doc->toks.items[named->t0];
    if (!(t->feat & NX_FEAT(NX_G_GIVEN))) return 0;
    return she ? nx_gazetteer_word_is(g, t->fold, t->fold_len, NX_G_GIVEN, "male")
               : nx_gazetteer_word_is(g, t->fold, t->fold_len, NX_G_GIVEN, "female");
}

int32_t nx_rel_kind_referent(const nx_document *doc, const int32_t *span_at, size_t i) {
    const nx_token *toks = doc->toks.items, *noun = &toks[i];
    if (!(noun->feat & NX_FEAT(NX_G_ORG_GENERIC))) return -1;
    for (size_t k = i; k-- > 0 && toks[k].sent + 1 >= noun->sent;) {
        if (span_at[k] < 0) continue;
        const nx_span *s = SPAN(doc, span_at[k]);
        if (s->type == NX_ORGANIZATION && s->kind && strlen(s->kind) == noun->fold_len &&
            memcmp(s->kind, noun->fold, noun->fold_len) == 0)
            return span_at[k];
        k = s->t0; /* (the span's first token: the loop steps before it) */
    }
    return -1;
}

int32_t nx_rel_antecedent(const nx_document *doc, const int32_t *span_at, size_t n, size_t i) {
    const nx_token *toks = doc->toks.items;
    size_t pronoun = i;
    /* "Dr Greenspan ... He has served under Presidents A and B. He was also
     * chairman ...": a sentence that opens with a pronoun itself refers on
     * to that pronoun's antecedent (a few hops at most) */
    for (int hops = 0; hops < 4; hops++) {
        if (i >= n) return -1;
        uint32_t sent = toks[i].sent;
        size_t k = i;
        int32_t s = -1;
        while (k-- > 0 && s < 0)
            if (span_at[k] >= 0 && SPAN(doc, span_at[k])->type == NX_PERSON) s = span_at[k];
        if (s < 0) return -1;
        k++; /* (the loop stepped once past the person's last token) */
        if (toks[k].sent + 2 < sent) return -1;
        uint32_t ps = toks[k].sent;
        if (ps == sent) return other_sex(doc, pronoun, s) ? -1 : s;
        /* the first person of that sentence of the pronoun's sex (none: no
         * antecedent), and m its first token */
        int32_t first = -1;
        size_t m = k;
        for (; m > 0 && toks[m - 1].sent == ps; m--)
            if (span_at[m - 1] >= 0 && SPAN(doc, span_at[m - 1])->type == NX_PERSON && !other_sex(doc, pronoun, span_at[m - 1]))
                first = span_at[m - 1];
        if (first < 0 && !other_sex(doc, pronoun, s)) first = s;
        if (span_at[m] >= 0 || !(toks[m].feat & NX_FEAT(NX_G_SUBJECT_PRONOUN))) return first;
        i = m;
    }
    return -1;
}

/* The entity an argument names, or -1 (none, or a value such as a title). */
static int32_t arg_entity(const nx_document *doc, const nx_rel *r, size_t i) {
    return r->args[i].span >= 0 ? SPAN(doc, r->args[i].span)->entity : -1;
}

/* A relation's identity: its type, value (none is "") and entity
 * arguments; with `optional` 0 the optional arguments are left out. */
static uint64_t rel_hash(const nx_document *doc, const nx_rel *r, int optional) {
    const nx_relation_family *f = nx_relation_family_of((nx_rel_type)r->type);
    const char *v = r->value ? r->value : "";
    uint64_t h = nx_hash(v, strlen(v), r->type);
    for (size_t i = 0; i < r->n_args; i++) {
        if (f->roles[i].kind != NX_ARG_ENTITY || (f->roles[i].optional && !optional)) continue;
        h = (h ^ (uint32_t)arg_entity(doc, r, i)) * 0xbf58476d1ce4e5b9ULL;
        h ^= h >> 31;
    }
    return h;
}

static int rel_same(const nx_document *doc, const nx_rel *a, const nx_rel *b, int optional) {
    if (a->type != b->type || strcmp(a->value ? a->value : "", b->value ? b->value : "")) return 0;
    const nx_relation_family *f = nx_relation_family_of((nx_rel_type)a->type);
    for (size_t i = 0; i < a->n_args; i++) {
        if (f->roles[i].kind != NX_ARG_ENTITY || (f->roles[i].optional && !optional)) continue;
        if (arg_entity(doc, a, i) != arg_entity(doc, b, i)) return 0;
    }
    return 1;
}

/* A set of relations by identity (`optional` as above), in the arena. */
typedef struct rel_set {
    const nx_rel *rels;
    int optional;
    uint32_t *slots; /* index into rels + 1; 0 = empty */
    size_t mask;
} rel_set;

static int set_init(nx_document *doc, rel_set *s, const nx_rel *rels, size_t n, int optional) {
    s->rels = rels;
    s->optional = optional;
    s->mask = 15;
    while (s->mask + 1 < 2 * n) s->mask = s->mask * 2 + 1;
    s->slots = nx_arena_alloc(&doc->arena, (s->mask + 1) * sizeof *s->slots);
    return s->slots ? 0 : -1;
}

/* Whether a relation like rels[i] is in the set; if not and `add`, it is
 * added. */
static int set_has(const nx_document *doc, rel_set *s, size_t i, int add) {
    size_t k = (size_t)rel_hash(doc, &s->rels[i], s->optional) & s->mask;
    for (; s->slots[k]; k = (k + 1) & s->mask)
        if (rel_same(doc, &s->rels[s->slots[k] - 1], &s->rels[i], s->optional)) return 1;
    if (add) s->slots[k] = (uint32_t)i + 1;
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
 * the same fact is stated with it. Two passes over hash sets of a copy of
 * the relations (the second pass packs the kept ones in place). */
static nx_status dedupe(nx_document *doc) {
    size_t n = doc->rels.count, w = 0;
    if (!n) return NX_OK;
    nx_rel *rels = nx_arena_alloc_uninit(&doc->arena, n * sizeof *rels);
    rel_set with_all, seen;
    if (!rels || set_init(doc, &with_all, rels, n, 0) || set_init(doc, &seen, rels, n, 1)) return NX_ERR_NOMEM;
    memcpy(rels, doc->rels.items, n * sizeof *rels);
    for (size_t i = 0; i < n; i++)
        if (complete(&rels[i])) set_has(doc, &with_all, i, 1);
    for (size_t i = 0; i < n; i++) {
        if (!complete(&rels[i]) && set_has(doc, &with_all, i, 0)) continue;
        if (set_has(doc, &seen, i, 1)) continue;
        NX_VEC_AT(&doc->rels, nx_rel, w++) = rels[i];
    }
    doc->rels.count = w;
    return NX_OK;
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
    uint32_t *cues = nx_arena_alloc_uninit(&doc->arena, n * sizeof *cues);
    if (!cues) return NX_ERR_NOMEM;
    size_t n_cues = 0;
    const nx_token *t = doc->toks.items;
    /* (four tokens a test: a cue is rare) */
    for (size_t i = 0; i < n; i += 4) {
        if (i + 4 <= n && !((t[i].feat | t[i + 1].feat | t[i + 2].feat | t[i + 3].feat) & NX_REL_CUES)) continue;
        for (size_t j = i; j < i + 4 && j < n; j++)
            if (t[j].feat & NX_REL_CUES) cues[n_cues++] = (uint32_t)j;
    }
    nx_relctx c = {doc, n, span_at, nx_rel_main_org(doc), cues, n_cues};
    for (size_t i = 0; i < N_FAMILIES; i++) {
        nx_status st = FAMILIES[i].find(&c);
        if (st != NX_OK) return st;
    }
    return dedupe(doc);
}
