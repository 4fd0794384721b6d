/* resolve.c: see resolve.h for the order of the rules. */
#include "resolve.h"

#include <stdlib.h>
#include <string.h>

typedef struct rctx {
    nx_document *doc;
    const nx_gazetteer *g;
    size_t n;            /* tokens */
    int32_t *gz_at;      /* span index of a gazetteer entity starting at the token, -1 */
    int32_t *owner;      /* span index covering the token, -1 */
    uint8_t *title_tok;  /* 1 inside a title span */
    uint8_t *headline;   /* 1 in an all-caps or title-case line: no guessing there */
} rctx;

static int word_in(const nx_token *t, const char *const *list) {
    for (; *list; list++)
        if (strlen(*list) == t->fold_len && memcmp(*list, t->fold, t->fold_len) == 0) return 1;
    return 0;
}

static const char *const PARTICLES[] = {"de", "van", "von", "der", "den", "da", "di", "du", "del", "della",
                                        "dos", "das", "bin", "ibn", "al", "el", "la", "le", "ter", "ten",
                                        "y", "abu", "bint", NULL};
static const char *const OF_WORDS[] = {"of", "for", "on", NULL};
static const char *const DETERMINERS[] = {"a", "an", "the", "its", "their", "his", "her", NULL};
static const char *const CAPTION_WORDS[] = {"l", "r", "c", "left", "right", "centre", "center", "front",
                                            "back", "top", "bottom", "middle", "rear", NULL};

static const nx_token *tok(const rctx *r, size_t i) { return &r->doc->toks.items[i]; }
static int feat(const rctx *r, size_t i, uint32_t f) { return i < r->n && (tok(r, i)->feat & f) != 0; }
static int is_punct(const rctx *r, size_t i, const char *p) {
    return i < r->n && tok(r, i)->kind == NX_TOK_PUNCT && strcmp(tok(r, i)->fold, p) == 0;
}
static int same_line(const rctx *r, size_t a, size_t b) {
    for (size_t i = a + 1; i <= b && i < r->n; i++)
        if (tok(r, i)->brk >= NX_BRK_LINE) return 0;
    return 1;
}

/* A capitalised common word (The, Among, It). "IT" in capitals in running
 * text is an acronym, not the pronoun. */
static int stop(const rctx *r, size_t i) {
    if (!feat(r, i, NX_FEAT(NX_G_STOP))) return 0;
    return !(tok(r, i)->shape & NX_SH_ALLCAPS) || r->headline[i];
}

static int capitalised(const nx_token *t) {
    return t->kind == NX_TOK_WORD && (t->shape & NX_SH_CAP) && !(t->shape & NX_SH_POSS) && !(t->shape & NX_SH_DIGIT);
}

/* ---- headline lines ------------------------------------------------------- */

/* Lines in capitals or Title Case carry no case evidence: only gazetteer
 * entries, organisation heads and names known from the body count there. */
static void mark_headlines(rctx *r) {
    size_t i = 0;
    while (i < r->n) {
        size_t j = i + 1;
        while (j < r->n && tok(r, j)->brk < NX_BRK_LINE) j++;
        size_t words = 0, caps = 0, allcaps = 0;
        for (size_t k = i; k < j; k++) {
            const nx_token *t = tok(r, k);
            if (t->kind != NX_TOK_WORD || !(t->shape & NX_SH_ALPHA) || (t->shape & NX_SH_POSS)) continue;
            words++;
            if (t->shape & NX_SH_CAP) caps++;
            if (t->shape & NX_SH_ALLCAPS) allcaps++;
        }
        const nx_token *last = tok(r, j - 1);
        int ends_sentence = last->kind == NX_TOK_PUNCT && (last->fold[0] == '.' || last->fold[0] == ':');
        int shout = words >= 3 && allcaps * 10 >= words * 7;
        int titlecase = words >= 4 && caps * 4 >= words * 3 && !ends_sentence;
        if (shout || titlecase)
            for (size_t k = i; k < j; k++) r->headline[k] = 1;
        i = j;
    }
}

/* ---- gazetteer entities --------------------------------------------------- */

static const nx_entry *entity_entry(const rctx *r, const nx_gmatch *m) {
    static const uint8_t prio[] = {NX_G_ORG, NX_G_PLACE, NX_G_PERSON};
    const nx_document *doc = r->doc;
    for (size_t p = 0; p < sizeof prio; p++)
        for (uint32_t e = nx_gnode_first(r->g, m->node); e; e = nx_gnode_next(r->g, e)) {
            const nx_entry *en = &r->g->entries[e - 1];
            if (en->cls == prio[p] && nx_entry_case_ok(r->g, en, &doc->text, &doc->toks, m->t0, m->t1)) return en;
        }
    return NULL;
}

static const nx_entry *title_entry(const rctx *r, const nx_gmatch *m) {
    const nx_document *doc = r->doc;
    for (uint32_t e = nx_gnode_first(r->g, m->node); e; e = nx_gnode_next(r->g, e)) {
        const nx_entry *en = &r->g->entries[e - 1];
        if (en->cls == NX_G_TITLE && nx_entry_case_ok(r->g, en, &doc->text, &doc->toks, m->t0, m->t1)) return en;
    }
    return NULL;
}

static nx_type type_of_class(int cls) {
    return cls == NX_G_ORG ? NX_ORGANIZATION : cls == NX_G_PLACE ? NX_PLACE : NX_PERSON;
}

static int blocked_range(const rctx *r, size_t a, size_t b) {
    for (size_t i = a; i < b; i++)
        if (r->doc->blocked[i] || r->owner[i] >= 0) return 1;
    return 0;
}

static void own(rctx *r, size_t a, size_t b, int32_t span) {
    for (size_t i = a; i < b; i++) r->owner[i] = span;
}

static int32_t add_span(rctx *r, size_t a, size_t b, nx_type type, const char *rule) {
    nx_span *s = nx_doc_add_span(r->doc, (uint32_t)a, (uint32_t)b, type, rule);
    if (!s) return -1;
    int32_t id = (int32_t)(r->doc->spans.count - 1);
    own(r, a, b, id);
    return id;
}

static nx_status gazetteer_entities(rctx *r) {
    nx_document *doc = r->doc;
    for (size_t k = 0; k < doc->n_gm; k++) {
        const nx_gmatch *m = &doc->gm[k];
        if (blocked_range(r, m->t0, m->t1)) continue;
        const nx_entry *e = entity_entry(r, m);
        if (!e) continue;
        const nx_token *first = tok(r, m->t0), *last = tok(r, m->t1 - 1);
        /* names are capitalised in running text (or written as in the entry) */
        if (e->case_rule == NX_CASE_FOLD && (!(first->shape & (NX_SH_CAP | NX_SH_DIGIT)) || !(last->shape & (NX_SH_CAP | NX_SH_DIGIT))))
            continue;
        /* a one-word entry that is also a common capitalised word needs more
         * than its position at the start of a sentence */
        if (m->t1 - m->t0 == 1 && (first->feat & NX_FEAT(NX_G_STOP)) && first->sent_start) continue;
        int32_t id = add_span(r, m->t0, m->t1, type_of_class(e->cls), r->g->sources[e->source].rule);
        if (id < 0) return NX_ERR_NOMEM;
        nx_span *s = SPAN(doc, id);
        s->canon = nx_gstr(r->g, e->name);
        s->country = e->country[0] ? e->country : NULL;
        r->gz_at[m->t0] = id;
    }
    return NX_OK;
}

/* ---- titles ---------------------------------------------------------------- */

static void append_fold(char *buf, size_t cap, size_t *len, const char *s, size_t n) {
    if (*len && *len + 1 < cap) buf[(*len)++] = ' ';
    for (size_t i = 0; i < n && *len + 1 < cap; i++) buf[(*len)++] = s[i] == '-' ? ' ' : s[i];
    buf[*len] = '\0';
}

/* The single-token title a plural names: presidents -> president. */
static const nx_entry *plural_title(const rctx *r, const nx_token *t) {
    if (t->kind != NX_TOK_WORD || t->fold_len < 4 || t->fold[t->fold_len - 1] != 's') return NULL;
    size_t n = t->fold_len - 1;
    if (n > 3 && t->fold[n - 1] == 'e' && t->fold[n - 2] == 'i') return NULL; /* -ies: leave */
    uint32_t node = nx_gazetteer_word(r->g, t->fold, n);
    for (uint32_t e = node ? nx_gnode_first(r->g, node) : 0; e; e = nx_gnode_next(r->g, e))
        if (r->g->entries[e - 1].cls == NX_G_TITLE && r->g->entries[e - 1].case_rule == NX_CASE_FOLD)
            return &r->g->entries[e - 1];
    return NULL;
}

/* Capitalised words after "of" that name a field, not an organisation or
 * place: Minister of Foreign Affairs, Dean of Academic Affairs. */
static size_t title_complement(const rctx *r, size_t i) {
    if (i >= r->n || !word_in(tok(r, i), OF_WORDS) || tok(r, i)->fold[0] != 'o') return 0;
    size_t j = i + 1;
    if (j < r->n && strcmp(tok(r, j)->fold, "the") == 0) j++;
    size_t k = j;
    while (k < r->n && same_line(r, i, k)) {
        const nx_token *t = tok(r, k);
        if (capitalised(t) && !(t->shape & NX_SH_ALLCAPS) && r->owner[k] < 0 && !r->doc->blocked[k] &&
            !(t->feat & (NX_FEAT(NX_G_ORG_HEAD) | NX_FEAT(NX_G_ORG_SUFFIX) | NX_FEAT(NX_G_PLACE_HEAD) |
                         NX_FEAT(NX_G_DEMONYM) | NX_FEAT(NX_G_GIVEN) | NX_FEAT(NX_G_SURNAME) | NX_FEAT(NX_G_TITLE)))) {
            k++;
        } else if (k > j && k + 1 < r->n && strcmp(t->fold, "and") == 0 && capitalised(tok(r, k + 1)) &&
                   !(tok(r, k + 1)->feat & (NX_FEAT(NX_G_ORG_HEAD) | NX_FEAT(NX_G_TITLE)))) {
            k++;
        } else {
            break;
        }
    }
    if (k == j) return 0;
    /* a complement ends on a capitalised word and is followed by no more name */
    if (k < r->n && (capitalised(tok(r, k)) && r->owner[k] < 0)) return 0;
    return k - i;
}

static nx_status titles(rctx *r) {
    nx_document *doc = r->doc;
    size_t k = 0;
    for (size_t i = 0; i < r->n; i++) {
        while (k < doc->n_gm && doc->gm[k].t0 < i) k++;
        const nx_entry *e = NULL;
        size_t a = i, b = i + 1;
        int plural = 0;
        if (k < doc->n_gm && doc->gm[k].t0 == i) {
            e = title_entry(r, &doc->gm[k]);
            if (e) b = doc->gm[k].t1;
        }
        if (!e) {
            e = plural_title(r, tok(r, i));
            plural = e != NULL;
        }
        if (!e || blocked_range(r, a, b)) continue;
        /* a title word followed by 's is a possessor, still a title; one
         * followed by a capitalised organisation head is part of a name */
        if (b < r->n && (tok(r, b)->feat & NX_FEAT(NX_G_ORG_HEAD)) && capitalised(tok(r, i)) && capitalised(tok(r, b)))
            continue;
        /* modifiers before: Executive Vice President, former chairman */
        uint8_t status = NX_STATUS_CURRENT;
        while (a > 0 && (tok(r, a - 1)->feat & NX_FEAT(NX_G_TITLE_MOD)) && r->owner[a - 1] < 0 &&
               !doc->blocked[a - 1] && same_line(r, a - 1, a)) {
            a--;
        }
        char val[256];
        size_t vl = 0;
        val[0] = '\0';
        for (size_t t = a; t < i; t++) {
            const nx_token *m = tok(r, t);
            uint32_t node = nx_gazetteer_word(r->g, m->fold, m->fold_len);
            int skip_word = 0;
            for (uint32_t x = node ? nx_gnode_first(r->g, node) : 0; x; x = nx_gnode_next(r->g, x)) {
                const nx_entry *me = &r->g->entries[x - 1];
                if (me->cls != NX_G_TITLE_MOD || !me->status) continue;
                status = me->status;
                /* former/incoming say when, they are not part of the title */
                skip_word = me->status != NX_STATUS_CURRENT;
            }
            if (!skip_word) append_fold(val, sizeof val, &vl, m->fold, m->fold_len);
        }
        const char *core = e->value ? nx_gstr(r->g, e->value) : NULL;
        if (core && *core) {
            append_fold(val, sizeof val, &vl, core, strlen(core));
        } else {
            for (size_t t = i; t < b; t++) append_fold(val, sizeof val, &vl, tok(r, t)->fold, tok(r, t)->fold_len);
        }
        size_t comp = title_complement(r, b);
        for (size_t t = b; t < b + comp; t++) append_fold(val, sizeof val, &vl, tok(r, t)->fold, tok(r, t)->fold_len);
        b += comp;
        int32_t id = add_span(r, a, b, NX_TITLE, r->g->sources[e->source].rule);
        if (id < 0) return NX_ERR_NOMEM;
        nx_span *s = SPAN(doc, id);
        s->value = nx_arena_strndup(&doc->arena, val, vl);
        if (!s->value) return NX_ERR_NOMEM;
        s->status = status;
        if (plural) s->flags |= NX_SPAN_PLURAL;
        for (size_t t = a; t < b; t++) r->title_tok[t] = 1;
        i = b - 1;
    }
    return NX_OK;
}

/* ---- capitalised chunks ----------------------------------------------------- */

/* A name unit at i: a gazetteer entity span, or one capitalised word.
 * Returns its end, or i when there is none. */
static size_t unit_at(const rctx *r, size_t i) {
    if (i >= r->n || r->doc->blocked[i] || r->title_tok[i]) return i;
    if (r->gz_at[i] >= 0) return SPAN(r->doc, r->gz_at[i])->t1;
    if (r->owner[i] >= 0) return i;
    const nx_token *t = tok(r, i);
    if (!capitalised(t)) return i;
    return i + 1;
}

static int head_feat(const rctx *r, size_t i) {
    return feat(r, i, NX_FEAT(NX_G_ORG_HEAD) | NX_FEAT(NX_G_ORG_SUFFIX));
}

static int range_has(const rctx *r, size_t a, size_t b, uint32_t f) {
    for (size_t i = a; i < b; i++)
        if (feat(r, i, f)) return 1;
    return 0;
}

/* Whether connector token j joins chunk [a, j) with the unit after it. */
static int joins(const rctx *r, size_t a, size_t j, size_t *next_start) {
    const nx_token *c = tok(r, j);
    *next_start = j + 1;
    if (c->kind == NX_TOK_PUNCT && strcmp(c->fold, "&") == 0) return unit_at(r, j + 1) > j + 1;
    if (c->kind != NX_TOK_WORD || !(c->shape & NX_SH_LOWER)) return 0;
    if (word_in(c, OF_WORDS)) {
        if (!range_has(r, a, j, NX_FEAT(NX_G_ORG_HEAD) | NX_FEAT(NX_G_PLACE_HEAD))) return 0;
        size_t s = j + 1;
        if (s < r->n && strcmp(tok(r, s)->fold, "the") == 0) s++;
        *next_start = s;
        return unit_at(r, s) > s;
    }
    if (strcmp(c->fold, "and") == 0) {
        /* Science and Technology University: only when an organisation head
         * closes the words that follow and none came before */
        if (range_has(r, a, j, NX_FEAT(NX_G_ORG_HEAD))) return 0;
        size_t k = j + 1, e;
        while ((e = unit_at(r, k)) > k) k = e;
        return k > j + 1 && head_feat(r, k - 1);
    }
    if (word_in(c, PARTICLES)) return unit_at(r, j + 1) > j + 1 && !range_has(r, a, j, NX_FEAT(NX_G_ORG_HEAD));
    return 0;
}

static int caption_after(const rctx *r, size_t i) {
    if (!is_punct(r, i, "(")) return 0;
    size_t j = i + 1;
    if (j < r->n && tok(r, j)->kind == NX_TOK_NUM) j++;
    if (j >= r->n || !word_in(tok(r, j), CAPTION_WORDS)) return 0;
    return is_punct(r, j + 1, ")");
}

/* ", [a|an|the] <title>" after a name: an apposition. */
static int title_apposition_after(const rctx *r, size_t i) {
    if (caption_after(r, i)) {
        i += 3;
        while (i < r->n && !is_punct(r, i - 1, ")")) i++;
    }
    if (!is_punct(r, i, ",")) return 0;
    size_t j = i + 1;
    if (j < r->n && word_in(tok(r, j), DETERMINERS)) j++;
    return j < r->n && r->title_tok[j] && !(r->owner[j] >= 0 && (SPAN(r->doc, r->owner[j])->flags & NX_SPAN_PLURAL));
}

/* A title (or "TITLE of ORG", or an honorific) right before token i. */
static int title_before(const rctx *r, size_t i) {
    if (i == 0) return 0;
    size_t p = i - 1;
    if (r->title_tok[p] || feat(r, p, NX_FEAT(NX_G_HONORIFIC))) return 1;
    return 0;
}

static int titled_org_before(const rctx *r, size_t i) {
    /* the vice president of Carnegie Mellon University Kuen Jimmy Hsia */
    if (i == 0 || r->owner[i - 1] < 0) return 0;
    const nx_span *o = SPAN(r->doc, r->owner[i - 1]);
    if (o->type != NX_ORGANIZATION || o->t0 < 2) return 0;
    size_t of = o->t0 - 1;
    if (strcmp(tok(r, of)->fold, "the") == 0 && of > 0) of--;
    return strcmp(tok(r, of)->fold, "of") == 0 && of > 0 && r->title_tok[of - 1];
}

static int single_letter(const nx_token *t) { return t->fold_len == 1 || (t->shape & NX_SH_INITIAL); }

/* Person rules for a run of capitalised words with no gazetteer reading. */
static nx_status classify_run(rctx *r, size_t a, size_t b, int evidence) {
    nx_document *doc = r->doc;
    while (a < b && stop(r, a) && !feat(r, a, NX_FEAT(NX_G_GIVEN) | NX_FEAT(NX_G_SURNAME))) a++;
    while (a < b && stop(r, a) && tok(r, a)->sent_start) a++;
    if (a >= b) return NX_OK;
    size_t words = 0, letters_only = 1;
    for (size_t i = a; i < b; i++) {
        if (!capitalised(tok(r, i))) continue;
        words++;
        if (!single_letter(tok(r, i))) letters_only = 0;
    }
    if (letters_only || single_letter(tok(r, a)) || single_letter(tok(r, b - 1))) return NX_OK;
    if (r->headline[a]) return NX_OK;
    const nx_token *first = tok(r, a), *last = tok(r, b - 1);
    const char *rule = NULL;
    int family_first = 0;
    if (evidence) rule = "person:title-before";
    else if (caption_after(r, b)) rule = "person:photo-caption";
    else if (titled_org_before(r, a)) rule = "person:title-of-org-before";
    else if (words >= 2 && (first->feat & NX_FEAT(NX_G_GIVEN)) && !(first->shape & NX_SH_ALLCAPS)) rule = "person:given-name";
    else if (words >= 2 && words <= 3 && (first->feat & NX_FEAT_FAMILY_FIRST)) rule = "person:family-name-first";
    else if (words >= 2 && range_has(r, a, b, NX_FEAT(NX_G_NAME_ENDING))) rule = "person:name-ending";
    else if (words >= 2 && title_apposition_after(r, b)) rule = "person:title-apposition";
    if (!rule) return NX_OK;
    if (words >= 2 && (first->feat & NX_FEAT_FAMILY_FIRST) && !(first->feat & NX_FEAT(NX_G_GIVEN))) family_first = 1;
    if (words >= 2 && (last->feat & NX_FEAT_NAME_ENDING_FAMILY_FIRST)) family_first = 1;
    int32_t id = add_span(r, a, b, NX_PERSON, rule);
    if (id < 0) return NX_ERR_NOMEM;
    if (family_first) SPAN(doc, id)->flags |= NX_SPAN_FAMILY_FIRST;
    return NX_OK;
}

static void drop_range(rctx *r, size_t a, size_t b) {
    for (size_t i = a; i < b; i++) {
        if (r->owner[i] >= 0) SPAN(r->doc, r->owner[i])->flags |= NX_SPAN_DROPPED;
        r->owner[i] = -1;
        r->gz_at[i] = -1;
    }
}

static nx_status classify_chunk(rctx *r, size_t a, size_t b) {
    nx_document *doc = r->doc;
    int evidence = title_before(r, a);
    /* honorifics and leading common words are not part of a name */
    while (a < b && r->gz_at[a] < 0) {
        if (feat(r, a, NX_FEAT(NX_G_HONORIFIC))) {
            evidence = 1;
            a++;
        } else if (stop(r, a) && !feat(r, a, NX_FEAT(NX_G_GIVEN) | NX_FEAT(NX_G_SURNAME))) {
            a++;
        } else if (stop(r, a) && tok(r, a)->sent_start && b - a > 1) {
            a++;
        } else {
            break;
        }
    }
    while (a < b && !capitalised(tok(r, a)) && r->gz_at[a] < 0) a++;
    if (a >= b) return NX_OK;
    /* an organisation head word closes an organisation name */
    int org = 0;
    if (b - a >= 2 && head_feat(r, b - 1) && !(r->owner[b - 1] >= 0 && SPAN(doc, r->owner[b - 1])->type != NX_ORGANIZATION &&
                                                 SPAN(doc, r->owner[b - 1])->t0 == a))
        org = 1;
    for (size_t i = a; i + 1 < b && !org; i++)
        if (feat(r, i, NX_FEAT(NX_G_ORG_HEAD)) && word_in(tok(r, i + 1), OF_WORDS)) org = 1;
    /* a gazetteer organisation at the end already names the organisation:
     * "... Among Shanghai Cooperation Organisation" stays the entry */
    if (org && r->owner[b - 1] >= 0 && SPAN(doc, r->owner[b - 1])->type == NX_ORGANIZATION) org = 0;
    if (org) {
        drop_range(r, a, b);
        return add_span(r, a, b, NX_ORGANIZATION, "org:head-word") < 0 ? NX_ERR_NOMEM : NX_OK;
    }
    /* otherwise gazetteer entities stay, and the runs between them are
     * judged on their own */
    size_t i = a;
    int ev = evidence;
    while (i < b) {
        if (r->gz_at[i] >= 0) {
            i = SPAN(doc, r->gz_at[i])->t1;
            ev = 0;
            continue;
        }
        size_t j = i;
        while (j < b && r->gz_at[j] < 0) j++;
        /* connectors at the edges of a run belong to no name */
        size_t x = i, y = j;
        while (x < y && !capitalised(tok(r, x))) x++;
        while (y > x && !capitalised(tok(r, y - 1))) y--;
        if (x < y) {
            nx_status st = classify_run(r, x, y, ev);
            if (st != NX_OK) return st;
        }
        ev = 0;
        i = j;
    }
    return NX_OK;
}

static nx_status chunks(rctx *r) {
    size_t i = 0;
    while (i < r->n) {
        size_t e = unit_at(r, i);
        if (e == i) {
            i++;
            continue;
        }
        size_t a = i, b = e;
        for (;;) {
            if (b >= r->n || !same_line(r, b - 1, b) || tok(r, b)->sent != tok(r, a)->sent) break;
            /* an organisation head ends the name unless more of it follows */
            int after_head = head_feat(r, b - 1) && r->gz_at[a] < 0;
            size_t e2 = unit_at(r, b);
            /* a capitalised function word (Among, Of, The) in a title-cased
             * phrase ends the name */
            if (e2 == b + 1 && stop(r, b) && !feat(r, b, NX_FEAT(NX_G_GIVEN) | NX_FEAT(NX_G_SURNAME)))
                break;
            if (e2 > b) {
                if (after_head && !head_feat(r, b)) break;
                b = e2;
                continue;
            }
            size_t ns;
            if (joins(r, a, b, &ns)) {
                size_t e3 = unit_at(r, ns);
                if (e3 > ns) {
                    b = e3;
                    continue;
                }
            }
            break;
        }
        nx_status st = classify_chunk(r, a, b);
        if (st != NX_OK) return st;
        i = b;
    }
    return NX_OK;
}

/* ---- acronyms and one sense per document ------------------------------------ */

static int acronym_shape(const nx_token *t) {
    return t->kind == NX_TOK_WORD && (t->shape & NX_SH_CAP) && !(t->shape & NX_SH_POSS) && t->fold_len >= 2 &&
           t->fold_len <= 12;
}

static int upper_count(const rctx *r, const nx_token *t) {
    int n = 0;
    for (uint32_t i = t->b0; i < t->b1; i++) {
        char c = r->doc->text.work[i];
        if (c >= 'A' && c <= 'Z') n++;
    }
    return n;
}

static nx_status acronyms(rctx *r) {
    nx_document *doc = r->doc;
    size_t n_spans = doc->spans.count;
    for (size_t k = 0; k < n_spans; k++) {
        nx_span *s = SPAN(doc, k);
        if (s->flags & NX_SPAN_DROPPED) continue;
        if (s->type != NX_ORGANIZATION && s->type != NX_PLACE) continue;
        size_t i = s->t1;
        if (!is_punct(r, i, "(") || !is_punct(r, i + 2, ")")) continue;
        const nx_token *t = tok(r, i + 1);
        if (!acronym_shape(t) || upper_count(r, t) < 2 || r->owner[i + 1] >= 0 || doc->blocked[i + 1]) continue;
        /* the acronym starts with the initial of some word of the name */
        char c0 = t->fold[0];
        int ok = 0;
        for (size_t w = s->t0; w < s->t1; w++) {
            const char *f = tok(r, w)->fold;
            if (f[0] == c0) ok = 1;
            for (const char *h = f; *h; h++) /* Al-Farabi: initials after hyphens count */
                if (*h == '-' && h[1] == c0) ok = 1;
        }
        if (!ok) continue;
        const char *canon = s->canon ? s->canon : nx_doc_span_text(doc, s);
        if (!canon) return NX_ERR_NOMEM;
        int32_t id = add_span(r, i + 1, i + 2, (nx_type)s->type, "acronym:defined");
        if (id < 0) return NX_ERR_NOMEM;
        s = SPAN(doc, k);
        nx_span *a = SPAN(doc, id);
        a->canon = canon;
        a->flags |= NX_SPAN_ACRONYM;
        a->country = s->country;
    }
    return NX_OK;
}

typedef struct known {
    uint8_t type;
    uint8_t surname;
    const char *canon;
    const char *country;
} known;

static int key_of(const rctx *r, size_t a, size_t b, char *buf, size_t cap, size_t *len) {
    *len = 0;
    for (size_t i = a; i < b; i++) {
        const nx_token *t = tok(r, i);
        if (*len + t->fold_len + 1 >= cap) return 0;
        if (i > a) buf[(*len)++] = ' ';
        memcpy(buf + *len, t->fold, t->fold_len);
        *len += t->fold_len;
    }
    return 1;
}

static nx_status propagate(rctx *r) {
    nx_document *doc = r->doc;
    nx_strmap map;
    nx_strmap_init(&map);
    nx_vec table = {0};
    nx_status st = NX_OK;
    char key[512];
    size_t kl;
    size_t n_spans = doc->spans.count;
    for (size_t k = 0; k < n_spans && st == NX_OK; k++) {
        const nx_span *s = SPAN(doc, k);
        if ((s->flags & NX_SPAN_DROPPED) || s->type > NX_PLACE) continue;
        for (int pass = 0; pass < 2; pass++) {
            size_t a = s->t0, b = s->t1;
            if (pass == 1) { /* a person's surname alone */
                if (s->type != NX_PERSON || b - a < 2) break;
                if (s->flags & NX_SPAN_FAMILY_FIRST) b = a + 1;
                else a = b - 1;
                if (single_letter(tok(r, a))) break;
            }
            if (!key_of(r, a, b, key, sizeof key, &kl)) break;
            uint32_t idx;
            if (nx_strmap_get(&map, key, kl, &idx)) {
                known *kn = &NX_VEC_AT(&table, known, idx);
                if (kn->type != s->type) kn->type = 255; /* conflicting readings: propagate neither */
                continue;
            }
            known *kn = nx_vec_push(&table, sizeof *kn);
            if (!kn || nx_strmap_put(&map, key, kl, (uint32_t)(table.count - 1))) {
                st = NX_ERR_NOMEM;
                break;
            }
            kn->type = s->type;
            kn->surname = (uint8_t)pass;
            kn->canon = s->canon;
            kn->country = s->country;
        }
    }
    for (size_t i = 0; i < r->n && st == NX_OK && table.count; i++) {
        if (r->owner[i] >= 0 || doc->blocked[i] || r->title_tok[i]) continue;
        const nx_token *t = tok(r, i);
        if (!(t->shape & NX_SH_CAP) || t->kind != NX_TOK_WORD || (t->shape & NX_SH_POSS)) continue;
        for (size_t len = 6; len >= 1; len--) {
            if (i + len > r->n || blocked_range(r, i, i + len)) continue;
            if (!capitalised(tok(r, i + len - 1))) continue;
            if (!key_of(r, i, i + len, key, sizeof key, &kl)) continue;
            uint32_t idx;
            if (!nx_strmap_get(&map, key, kl, &idx)) continue;
            const known *kn = &NX_VEC_AT(&table, known, idx);
            if (kn->type == 255) break;
            /* Zhang Wei is not Zhang Liqun: a known name word followed by an
             * unknown capitalised word is part of another name */
            if (kn->type == NX_PERSON && len == 1 && i + 1 < r->n && r->owner[i + 1] < 0 &&
                capitalised(tok(r, i + 1)) && !r->title_tok[i + 1] && tok(r, i + 1)->brk == NX_BRK_SPACE &&
                !r->headline[i])
                break;
            int32_t id = add_span(r, i, i + len, (nx_type)kn->type, kn->surname ? "coref:surname" : "coref:same-name");
            if (id < 0) {
                st = NX_ERR_NOMEM;
                break;
            }
            SPAN(doc, id)->canon = kn->canon;
            SPAN(doc, id)->country = kn->country;
            SPAN(doc, id)->flags |= NX_SPAN_PROPAGATED;
            i += len - 1;
            break;
        }
    }
    nx_strmap_free(&map);
    nx_vec_free(&table);
    return st;
}

/* ---- driver ----------------------------------------------------------------- */

static int cmp_span(const void *a, const void *b) {
    const nx_span *x = a, *y = b;
    if (x->b0 != y->b0) return x->b0 < y->b0 ? -1 : 1;
    return x->b1 > y->b1 ? -1 : x->b1 < y->b1;
}

nx_status nx_resolve(nx_document *doc) {
    rctx r = {doc, &doc->model->gaz, doc->toks.count, NULL, NULL, NULL, NULL};
    if (!r.n) return NX_OK;
    r.gz_at = nx_arena_alloc(&doc->arena, r.n * sizeof *r.gz_at);
    r.owner = nx_arena_alloc(&doc->arena, r.n * sizeof *r.owner);
    r.title_tok = nx_arena_alloc(&doc->arena, r.n);
    r.headline = nx_arena_alloc(&doc->arena, r.n);
    if (!r.gz_at || !r.owner || !r.title_tok || !r.headline) return NX_ERR_NOMEM;
    for (size_t i = 0; i < r.n; i++) r.gz_at[i] = r.owner[i] = -1;
    /* date spans made by the date stage own their tokens */
    for (size_t k = 0; k < doc->spans.count; k++) own(&r, SPAN(doc, k)->t0, SPAN(doc, k)->t1, (int32_t)k);
    mark_headlines(&r);
    nx_status st = gazetteer_entities(&r);
    if (st == NX_OK) st = titles(&r);
    if (st == NX_OK) st = chunks(&r);
    if (st == NX_OK) st = acronyms(&r);
    if (st == NX_OK) st = propagate(&r);
    if (st != NX_OK) return st;
    /* drop what later rules replaced, then order by position */
    size_t w = 0;
    for (size_t k = 0; k < doc->spans.count; k++)
        if (!(SPAN(doc, k)->flags & NX_SPAN_DROPPED)) *SPAN(doc, w++) = *SPAN(doc, k);
    doc->spans.count = w;
    if (w) qsort(doc->spans.items, w, sizeof(nx_span), cmp_span);
    return NX_OK;
}
