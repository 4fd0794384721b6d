/* link.c: entities and holds_title relations (see link.h). */
#include "link.h"

#include <stdlib.h>
#include <string.h>

#include "gazetteer.h"
#include "words.h"

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
    nx_doc_set_entity(doc, span, ent);
    return 0;
}

/* The surname token of a multi-word person span. */
static const nx_token *surname_tok(const lctx *l, const nx_span *s) {
    return (s->flags & NX_SPAN_FAMILY_FIRST) ? tok(l, s->t0) : tok(l, s->t1 - 1);
}

/* Maps the surname and the given name of every multi-word person mention to
 * its entity (the first entity, when several share one). */
static int index_names(const lctx *l, nx_strmap *surnames, nx_strmap *given) {
    nx_document *doc = l->doc;
    for (size_t e = 0; e < doc->ents.count; e++) {
        const nx_ent *en = &NX_VEC_AT(&doc->ents, nx_ent, e);
        if (en->type != NX_PERSON) continue;
        for (size_t m = 0; m < en->mentions.count; m++) {
            const nx_span *ms = SPAN(doc, NX_VEC_AT(&en->mentions, uint32_t, m));
            if (ms->t1 - ms->t0 < 2) continue;
            const nx_token *st = surname_tok(l, ms), *gt = tok(l, ms->t0);
            if (!nx_strmap_get(surnames, st->fold, st->fold_len, NULL) &&
                nx_strmap_put(surnames, st->fold, st->fold_len, (uint32_t)e))
                return -1;
            if (!(ms->flags & NX_SPAN_FAMILY_FIRST) && !nx_strmap_get(given, gt->fold, gt->fold_len, NULL) &&
                nx_strmap_put(given, gt->fold, gt->fold_len, (uint32_t)e))
                return -1;
        }
    }
    return 0;
}

/* The entity of a span: a one-word person is the person of that surname,
 * else of that given name, named in full elsewhere; other spans group by
 * their folded name (`by_key`: type and key -> entity). */
static int32_t entity_for(lctx *l, nx_span *s, const nx_strmap *surnames, const nx_strmap *given, nx_strmap *by_key) {
    nx_document *doc = l->doc;
    uint32_t e;
    if (s->type == NX_PERSON && s->t1 - s->t0 == 1) {
        const nx_token *t = tok(l, s->t0);
        if (nx_strmap_get(surnames, t->fold, t->fold_len, &e) || nx_strmap_get(given, t->fold, t->fold_len, &e))
            return (int32_t)e;
    }
    const char *name = s->canon ? s->canon : nx_doc_span_text(doc, s);
    const char *key = name ? fold_key(doc, name) : NULL;
    if (!key) return -1;
    size_t kl = strlen(key);
    char *typed = nx_arena_alloc(&doc->arena, kl + 2);
    if (!typed) return -1;
    typed[0] = (char)('0' + s->type);
    memcpy(typed + 1, key, kl + 1);
    if (nx_strmap_get(by_key, typed, kl + 1, &e)) return (int32_t)e;
    int32_t ent = new_entity(doc, (nx_type)s->type, key);
    if (ent >= 0 && nx_strmap_put(by_key, typed, kl + 1, (uint32_t)ent)) return -1;
    return ent;
}

static nx_status build_entities(lctx *l) {
    nx_document *doc = l->doc;
    size_t n = doc->spans.count;
    nx_strmap surnames, given, by_key;
    nx_strmap_init(&surnames);
    nx_strmap_init(&given);
    nx_strmap_init(&by_key);
    nx_status st = NX_OK;
    /* full names first, so a surname alone finds its person wherever it is */
    for (int pass = 0; pass < 2 && st == NX_OK; pass++) {
        if (pass == 1 && index_names(l, &surnames, &given)) st = NX_ERR_NOMEM;
        for (size_t k = 0; k < n && st == NX_OK; k++) {
            nx_span *s = SPAN(doc, k);
            if (s->type > NX_PLACE || s->entity >= 0) continue;
            if (pass == 0 && s->type == NX_PERSON && s->t1 - s->t0 == 1) continue;
            int32_t ent = entity_for(l, s, &surnames, &given, &by_key);
            if (ent < 0 || attach(doc, ent, (uint32_t)k)) st = NX_ERR_NOMEM;
        }
    }
    nx_strmap_free(&surnames);
    nx_strmap_free(&given);
    nx_strmap_free(&by_key);
    if (st != NX_OK) return st;
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

/* ---- holds_title ----------------------------------------------------------------
 *
 * Titles are read in groups: "chairman, president and chief executive",
 * "an academician of the Chinese Academy of Engineering and president of
 * XJTU". Each item is a title span with the organisation its "of/at ORG"
 * names. A group is then bound to one person by the first pattern that
 * fits, in this order: the person right after it (XJTU President Zhang
 * Liqun; Registrar of Delhi University, Vikas Gupta), an apposition before
 * it (Zhang Liqun (L), an academician of ...), a copula or appointment verb
 * (Zhang is the president of; named Thomas Burke president), a possessive
 * (Chirac's spokesman, Denis Baudouin), a plural title before a list of
 * people (Presidents Bush, Clinton and Reagan).
 */

enum { MAX_GROUP = 8 };

typedef struct title_group {
    int32_t title[MAX_GROUP];
    int32_t org[MAX_GROUP];   /* organisation span of each item, -1 */
    size_t n;
    size_t t0, t1;            /* tokens covered, complements included */
} title_group;

static int add_rel(nx_document *doc, uint32_t person, uint32_t title, int32_t org, nx_rule rule) {
    if (SPAN(doc, title)->flags & NX_SPAN_ATTACHED) return 0; /* a title states one fact */
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

static int starts(const lctx *l, size_t i, nx_type t) {
    int32_t k = span_at(l, i);
    return is_type(l, k, t) && sp(l, k)->t0 == i;
}

static int word_is_any(const lctx *l, size_t i, const char *const *words) { return i < l->n && nx_word_in(tok(l, i), words); }

static int caption_len(const lctx *l, size_t i) {
    /* (L), (R), (2nd L) */
    if (!fold_is(l, i, "(")) return 0;
    size_t j = i + 1;
    if (j < l->n && tok(l, j)->kind == NX_TOK_NUM) j++;
    if (j + 1 < l->n && tok(l, j)->kind == NX_TOK_WORD && tok(l, j)->fold_len <= 6 && fold_is(l, j + 1, ")"))
        return (int)(j + 2 - i);
    return 0;
}

/* An organisation named right after a title: "of [the] ORG", "at ORG".
 * *end is past it. A place there ("Minister of Foreign Affairs of
 * Uzbekistan") is skipped over and names no organisation. */
static int32_t org_after(const lctx *l, size_t i, size_t *end) {
    *end = i;
    if (!(fold_is(l, i, "of") || fold_is(l, i, "at") || fold_is(l, i, "for"))) return -1;
    size_t j = i + 1;
    if (fold_is(l, j, "the")) j++;
    int32_t k = span_at(l, j);
    if (k < 0 || sp(l, k)->t0 != j) return -1;
    if (!is_type(l, k, NX_PLACE) && !is_type(l, k, NX_ORGANIZATION)) return -1;
    int32_t org = is_type(l, k, NX_ORGANIZATION) ? k : -1;
    j = sp(l, k)->t1;
    /* the organisation may be placed further: "at the Higher Secretariat of
     * Brazil's Ministry of Education", "of the University Education
     * Department in South Africa's Ministry of Education" */
    for (int step = 0; step < 3; step++) {
        size_t m = j;
        if (m < l->n && (tok(l, m)->shape & NX_SH_POSS)) m++;
        else if (fold_is(l, m, "in") || fold_is(l, m, "at") || fold_is(l, m, "of")) m++;
        else break;
        if (fold_is(l, m, "the")) m++;
        int32_t n = span_at(l, m);
        if (n < 0 || sp(l, n)->t0 != m || !(is_type(l, n, NX_PLACE) || is_type(l, n, NX_ORGANIZATION))) break;
        if (org < 0 && is_type(l, n, NX_ORGANIZATION)) org = n;
        j = sp(l, n)->t1;
    }
    *end = j;
    return org;
}

/* An organisation right before token i: "XJTU president", "XJTU's
 * president", "a Bundesbank board member". */
static int32_t org_before(const lctx *l, size_t i) {
    if (i == 0) return -1;
    size_t p = i - 1;
    if (tok(l, p)->shape & NX_SH_POSS) {
        if (p == 0) return -1;
        p--;
    }
    int32_t k = span_at(l, p);
    return is_type(l, k, NX_ORGANIZATION) && sp(l, k)->t1 == p + 1 ? k : -1;
}

/* Words that may stand between a determiner or comma and a title:
 * "the new chairman", "a local trader", "the current ... State Secretary". */
static const char *const TITLE_ADJECTIVES[] = {"new", "current", "then", "longtime", "long-time", "veteran",
                                               "local", "senior", "top", "chief", "sitting", "newly",
                                               "appointed", "elected", "named", "both", NULL};

/* Skips determiners and title adjectives from i; returns the next token. */
static size_t skip_modifiers(const lctx *l, size_t i) {
    while (i < l->n && (word_is_any(l, i, NX_DETERMINERS) || word_is_any(l, i, TITLE_ADJECTIVES)) && span_at(l, i) < 0) i++;
    return i;
}

/* The title group starting with title span ti. */
static void read_group(const lctx *l, int32_t ti, title_group *g) {
    g->n = 0;
    g->t0 = sp(l, ti)->t0;
    int32_t t = ti;
    for (;;) {
        size_t end;
        int32_t org = org_after(l, sp(l, t)->t1, &end);
        g->title[g->n] = t;
        g->org[g->n] = org;
        g->n++;
        g->t1 = end;
        if (g->n == MAX_GROUP) break;
        /* ", and" / "and" / "," then another title, within the sentence */
        size_t j = end;
        int comma = fold_is(l, j, ",");
        if (comma) j++;
        if (fold_is(l, j, "and") || fold_is(l, j, "&")) j++;
        else if (comma && end > sp(l, t)->t1) break; /* "X of Y, Professor Z": the "of" part closed the title */
        if (j == end) break;
        j = skip_modifiers(l, j);
        if (!starts(l, j, NX_TITLE) || !same_sentence(l, g->t0, j) || (sp(l, span_at(l, j))->flags & NX_SPAN_PLURAL))
            break;
        t = span_at(l, j);
    }
    /* "chairman and chief executive officer of UPI": an organisation named
     * only by the last item belongs to all the items before it */
    int32_t last = g->org[g->n - 1];
    for (size_t k = g->n - 1; k-- > 0 && last >= 0;) {
        if (g->org[k] >= 0) break;
        g->org[k] = last;
    }
}

static nx_status bind(lctx *l, const title_group *g, int32_t person, int32_t org_default, nx_rule rule) {
    for (size_t k = 0; k < g->n; k++) {
        int32_t org = g->org[k] >= 0 ? g->org[k] : org_default;
        if (add_rel(l->doc, (uint32_t)person, (uint32_t)g->title[k], org, rule)) return NX_ERR_NOMEM;
    }
    return NX_OK;
}

/* The person a group is placed before: GROUP [of ORG] [Prof.|Dr.] PERSON,
 * or "GROUP of ORG , PERSON". */
static int32_t person_after(const lctx *l, const title_group *g, int *via_comma) {
    size_t j = g->t1;
    int comma = 0;
    /* a comma only after an "of" part or an organisation before the title
     * (Registrar of Delhi University, Vikas Gupta; DU Registrar, Vikas Gupta) */
    if (fold_is(l, j, ",") && (g->t1 > sp(l, g->title[g->n - 1])->t1 || org_before(l, g->t0) >= 0)) {
        j++;
        comma = 1;
    }
    while (j < l->n && span_at(l, j) < 0 && (tok(l, j)->feat & NX_FEAT(NX_G_HONORIFIC))) j++;
    /* "Executive Vice President of Hiroshima University, Professor Shinji Kaneko" */
    if (comma && starts(l, j, NX_TITLE)) j = sp(l, span_at(l, j))->t1;
    int32_t p = span_at(l, j);
    if (!is_type(l, p, NX_PERSON) || sp(l, p)->t0 != j || !same_sentence(l, g->t0, j)) return -1;
    if (via_comma) *via_comma = comma;
    return p;
}

/* PERSON [(L)] , [a|the] [new] GROUP: the person the group is apposed to. */
static int32_t person_before(const lctx *l, const title_group *g, int32_t *org_pre) {
    size_t i = g->t0;
    *org_pre = org_before(l, i);
    if (*org_pre >= 0) i = sp(l, *org_pre)->t0;
    while (i > 0 && (word_is_any(l, i - 1, NX_DETERMINERS) || word_is_any(l, i - 1, TITLE_ADJECTIVES)) && span_at(l, i - 1) < 0)
        i--;
    if (i == 0 || !fold_is(l, i - 1, ",")) return -1;
    size_t p = i - 1; /* the comma */
    if (p >= 3 && fold_is(l, p - 1, ")")) { /* a photo caption before the comma */
        size_t q = p - 1;
        while (q > 0 && !fold_is(l, q, "(") && p - q < 5) q--;
        if (fold_is(l, q, "(") && caption_len(l, q) == (int)(p - q)) p = q;
    }
    if (p == 0) return -1;
    int32_t k = span_at(l, p - 1);
    if (!is_type(l, k, NX_PERSON) || sp(l, k)->t1 != p || !same_sentence(l, p - 1, g->t0)) return -1;
    return k;
}

static const char *const COPULAS[] = {"is", "was", "became", "becomes", "remains", "remained", "serves", "served",
                                      "serving", "named", "appointed", "elected", "reelected", "re-elected", "made",
                                      "been", "as", "resigned", "retired", "joined", "become", "worked", NULL};

/* Generic nouns for the organisation a title is at: "company president". */
static const char *const ORG_NOUNS[] = {"company", "group", "agency", "bank", "party", "board", "firm",
                                        "university", "ministry", "government", "club", "team", NULL};

/* Back from a title over what may stand before it in a noun phrase: a
 * determiner, title adjectives, an adjective after a determiner (an
 * economic adviser), a generic organisation noun (company president). */
static size_t phrase_start(const lctx *l, size_t j) {
    size_t k = j;
    while (k > 0 && span_at(l, k - 1) < 0 &&
           (word_is_any(l, k - 1, NX_DETERMINERS) || word_is_any(l, k - 1, TITLE_ADJECTIVES) || word_is_any(l, k - 1, ORG_NOUNS)))
        k--;
    /* "an economic adviser", "as trade house representative", "a freelance
     * restaurant critic": up to three plain lower-case words after a
     * determiner or "as" */
    if (k == j) {
        size_t m = k;
        while (m > 0 && k - m < 3 && span_at(l, m - 1) < 0 && tok(l, m - 1)->kind == NX_TOK_WORD &&
               (tok(l, m - 1)->shape & NX_SH_LOWER) && (tok(l, m - 1)->shape & NX_SH_ALPHA) &&
               !(tok(l, m - 1)->feat & NX_FEAT(NX_G_STOP)) && !word_is_any(l, m - 1, COPULAS))
            m--;
        if (m < k && m > 0 && (word_is_any(l, m - 1, NX_DETERMINERS) || fold_is(l, m - 1, "as"))) k = word_is_any(l, m - 1, NX_DETERMINERS) ? m - 1 : m;
    }
    return k;
}

/* "he" or "she": the person the nearest earlier sentence with a person
 * starts with (its subject, as a rule): "Poehl was made an economic
 * adviser to Chancellor Willy Brandt. A year later he was appointed ...". */
static int32_t antecedent(const lctx *l, size_t i) {
    uint32_t sent = tok(l, i)->sent;
    for (size_t k = i; k-- > 0;) {
        int32_t s = span_at(l, k);
        if (!is_type(l, s, NX_PERSON)) continue;
        if (tok(l, k)->sent + 2 < sent) return -1;
        /* the first person of that sentence */
        uint32_t ps = tok(l, k)->sent;
        int32_t first = s;
        for (size_t m = k; m-- > 0 && tok(l, m)->sent == ps;)
            if (is_type(l, span_at(l, m), NX_PERSON)) first = span_at(l, m);
        return ps == sent ? s : first;
    }
    return -1;
}

/* PERSON [, who] is/was/became/was named/served as ... GROUP, within a few
 * words and with no other name in between. */
static int32_t person_copula(const lctx *l, const title_group *g) {
    size_t j = phrase_start(l, g->t0);
    if (j == 0 || !word_is_any(l, j - 1, COPULAS)) return -1;
    /* walk back over verbs, adverbs and "who" to the person, jumping over
     * an apposition between commas ("John Tafaro, owner of Tafaro
     * Brokerage, was reelected as ...") */
    size_t k = j - 1;
    for (size_t steps = 0; k > 0 && steps < 12; steps++) {
        int32_t s = span_at(l, k - 1);
        if (s >= 0 && !is_type(l, s, NX_TITLE)) {
            if (!is_type(l, s, NX_PERSON) || !same_sentence(l, k - 1, g->t0)) return -1;
            return s;
        }
        const nx_token *t = tok(l, k - 1);
        if (fold_is(l, k - 1, "he") || fold_is(l, k - 1, "she")) return antecedent(l, k - 1);
        if (fold_is(l, k - 1, ",") && k >= 2) {
            size_t q = k - 2;
            while (q > 0 && k - q < 10 && !fold_is(l, q, ",") && !(tok(l, q)->kind == NX_TOK_PUNCT && !fold_is(l, q, "-")))
                q--;
            if (fold_is(l, q, ",") && q > 0) {
                k = q;
                continue;
            }
        }
        if (t->kind == NX_TOK_PUNCT && !fold_is(l, k - 1, ",")) return -1;
        if (t->kind == NX_TOK_WORD && (t->shape & NX_SH_CAP) && !fold_is(l, k - 1, "who")) return -1;
        k--;
    }
    return -1;
}

/* "named Thomas Burke president", "appointed PERSON as GROUP". */
static int32_t person_named(const lctx *l, const title_group *g) {
    size_t j = g->t0;
    while (j > 0 && (word_is_any(l, j - 1, NX_DETERMINERS) || fold_is(l, j - 1, "as")) && span_at(l, j - 1) < 0) j--;
    int32_t p = j > 0 ? span_at(l, j - 1) : -1;
    if (!is_type(l, p, NX_PERSON) || sp(l, p)->t1 != j) return -1;
    size_t v = sp(l, p)->t0;
    static const char *const NAMING[] = {"named", "appointed", "elected", "made", "promoted", "nominated", NULL};
    if (v == 0 || !word_is_any(l, v - 1, NAMING)) return -1;
    return p;
}

/* "Chirac's spokesman, Denis Baudouin,": a possessed title apposed to the
 * person after it. */
static int32_t person_after_possessive(const lctx *l, const title_group *g) {
    size_t i = g->t0;
    while (i > 0 && word_is_any(l, i - 1, TITLE_ADJECTIVES)) i--;
    if (i == 0 || !(tok(l, i - 1)->shape & NX_SH_POSS)) return -1;
    size_t j = g->t1;
    if (!fold_is(l, j, ",")) return -1;
    int32_t p = span_at(l, j + 1);
    if (!is_type(l, p, NX_PERSON) || sp(l, p)->t0 != j + 1 || !same_sentence(l, g->t0, j + 1)) return -1;
    return p;
}

/* "Presidents George W Bush, Bill Clinton and Ronald Reagan". */
static nx_status plural_list(lctx *l, int32_t ti) {
    const nx_span *t = sp(l, ti);
    size_t j = t->t1;
    int any = 0;
    while (j < l->n) {
        int32_t p = span_at(l, j);
        if (!is_type(l, p, NX_PERSON) || sp(l, p)->t0 != j || !same_sentence(l, t->t0, j)) break;
        nx_rel *r = nx_vec_push(&l->doc->rels, sizeof *r);
        if (!r) return NX_ERR_NOMEM;
        r->person_span = (uint32_t)p;
        r->title_span = (uint32_t)ti;
        r->org_span = -1;
        r->status = t->status;
        r->rule = NX_RULE_HT_TITLE_BEFORE_NAMES;
        any = 1;
        j = sp(l, p)->t1;
        if (fold_is(l, j, ",")) j++;
        if (fold_is(l, j, "and")) j++;
    }
    if (any) SPAN(l->doc, ti)->flags |= NX_SPAN_ATTACHED;
    return NX_OK;
}

/* Whether a title was bound to person span p from right before it. */
static int titled_before(const lctx *l, int32_t p) {
    for (size_t i = 0; i < l->doc->rels.count; i++) {
        const nx_rel *r = &NX_VEC_AT(&l->doc->rels, nx_rel, i);
        if ((int32_t)r->person_span == p && SPAN(l->doc, r->title_span)->t1 <= sp(l, p)->t0 &&
            r->rule == NX_RULE_HT_TITLE_BEFORE_NAME)
            return 1;
    }
    return 0;
}

/* The organisation a document is about: the one named most often (at
 * least three times), for "company president", "the agency's chairman". */
static int32_t main_org(const lctx *l) {
    const nx_document *doc = l->doc;
    int32_t best = -1;
    size_t best_n = 2;
    for (size_t e = 0; e < doc->ents.count; e++) {
        const nx_ent *en = &NX_VEC_AT(&doc->ents, nx_ent, e);
        if (en->type == NX_ORGANIZATION && en->mentions.count > best_n) {
            best_n = en->mentions.count;
            best = (int32_t)e;
        }
    }
    if (best < 0) return -1;
    return (int32_t)NX_VEC_AT(&NX_VEC_AT(&doc->ents, nx_ent, best).mentions, uint32_t, 0);
}

/* "company president", "the agency's chairman": a generic noun naming
 * the organisation right before the title. */
static int generic_org_before(const lctx *l, size_t t0) {
    size_t p = t0;
    if (p > 0 && (tok(l, p - 1)->shape & NX_SH_POSS)) p--;
    return p > 0 && word_is_any(l, p - 1, ORG_NOUNS) && span_at(l, p - 1) < 0;
}

static nx_status link_titles(lctx *l) {
    nx_document *doc = l->doc;
    for (size_t k = 0; k < doc->spans.count; k++) {
        nx_span *t = SPAN(doc, k);
        if (t->type != NX_TITLE || (t->flags & NX_SPAN_ATTACHED)) continue;
        if (t->flags & NX_SPAN_PLURAL) {
            nx_status st = plural_list(l, (int32_t)k);
            if (st != NX_OK) return st;
            continue;
        }
        title_group g;
        read_group(l, (int32_t)k, &g);
        int32_t org_pre = org_before(l, g.t0), org_app = -1, person;
        int via_comma = 0;
        int32_t after = person_after(l, &g, &via_comma), before = person_before(l, &g, &org_app);
        nx_rule rule;
        /* "T1 P1, T2 of O2, P2": when P1 already has its title before it,
         * the title after the comma is P2's */
        if (after >= 0 && before >= 0 && via_comma && titled_before(l, before)) before = -1;
        if (after >= 0 && (before < 0 || !via_comma)) {
            /* "Professor Shinji Kaneko": a title that is also a form of
             * address (kind=address), alone before a name, says no office */
            if (g.n == 1 && t->kind && !strcmp(t->kind, "address") && !strchr(t->value, ' ') && g.t1 == t->t1)
                continue;
            if (before >= 0 && g.n >= 2) {
                /* "P1, President of AASTU, and Rector P2": the last item
                 * belongs to the name right after it, the rest to P1 */
                title_group last = g;
                last.title[0] = g.title[g.n - 1];
                last.org[0] = g.org[g.n - 1];
                last.n = 1;
                g.n--;
                nx_status st = bind(l, &g, before, org_app, NX_RULE_HT_APPOSITION);
                if (st != NX_OK) return st;
                g = last;
            }
            person = after;
            rule = NX_RULE_HT_TITLE_BEFORE_NAME;
            if (org_pre < 0) { /* President Zhang Liqun of XJTU */
                size_t e;
                org_pre = org_after(l, sp(l, person)->t1, &e);
            }
        } else if ((person = before) >= 0) {
            rule = NX_RULE_HT_APPOSITION;
            org_pre = org_app;
        } else if ((person = person_copula(l, &g)) >= 0) {
            rule = NX_RULE_HT_COPULA;
        } else if ((person = person_named(l, &g)) >= 0) {
            rule = NX_RULE_HT_NAMED;
        } else if ((person = person_after_possessive(l, &g)) >= 0) {
            rule = NX_RULE_HT_POSSESSIVE_APPOSITION;
            org_pre = org_before(l, g.t0);
        } else {
            continue;
        }
        if (org_pre < 0 && generic_org_before(l, g.t0)) org_pre = main_org(l);
        nx_status st = bind(l, &g, person, org_pre, rule);
        if (st != NX_OK) return st;
    }
    return NX_OK;
}

/* One fact per person, title and organisation: the same statement made
 * twice is one fact, and a fact without an organisation adds nothing to
 * the same fact with one. */
static void dedupe_relations(nx_document *doc) {
    size_t n = doc->rels.count, w = 0;
    for (size_t i = 0; i < n; i++) {
        nx_rel *a = &NX_VEC_AT(&doc->rels, nx_rel, i);
        const nx_span *pa = SPAN(doc, a->person_span), *ta = SPAN(doc, a->title_span);
        const nx_span *oa = a->org_span >= 0 ? SPAN(doc, a->org_span) : NULL;
        int keep = 1;
        for (size_t j = 0; j < n && keep; j++) {
            if (j == i) continue;
            const nx_rel *b = &NX_VEC_AT(&doc->rels, nx_rel, j);
            const nx_span *pb = SPAN(doc, b->person_span), *tb = SPAN(doc, b->title_span);
            const nx_span *ob = b->org_span >= 0 ? SPAN(doc, b->org_span) : NULL;
            if (pa->entity != pb->entity || strcmp(ta->value, tb->value) != 0) continue;
            int same_org = (oa ? oa->entity : -1) == (ob ? ob->entity : -1);
            if ((same_org && j < i) || (!oa && ob)) keep = 0;
        }
        if (keep) NX_VEC_AT(&doc->rels, nx_rel, w++) = *a;
    }
    doc->rels.count = w;
}

nx_status nx_link(nx_document *doc) {
    lctx l = {doc, doc->toks.count, NULL};
    if (!l.n) return NX_OK;
    l.span_at = nx_arena_alloc(&doc->arena, l.n * sizeof *l.span_at);
    if (!l.span_at) return NX_ERR_NOMEM;
    for (size_t i = 0; i < l.n; i++) l.span_at[i] = -1;
    for (size_t k = 0; k < doc->spans.count; k++) {
        nx_span *s = SPAN(doc, k);
        for (uint32_t t = s->t0; t < s->t1 && t < l.n; t++) l.span_at[t] = (int32_t)k;
    }
    nx_status st = build_entities(&l);
    if (st == NX_OK) st = link_titles(&l);
    if (st == NX_OK) dedupe_relations(doc);
    return st;
}
