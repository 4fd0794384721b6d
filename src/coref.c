/* coref.c: entities from the sealed spans (see coref.h). */
#include "coref.h"

#include <string.h>

#include "strmap.h"

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
static const nx_token *surname_tok(const nx_document *doc, const nx_span *s) {
    return (s->flags & NX_SPAN_FAMILY_FIRST) ? TOK(doc, s->t0) : TOK(doc, s->t1 - 1);
}

/* Maps the surname and the given name of every multi-word person mention to
 * its entity (the first entity, when several share one). */
static int index_names(const nx_document *doc, nx_strmap *surnames, nx_strmap *given) {
    for (size_t e = 0; e < doc->ents.count; e++) {
        const nx_ent *en = &NX_VEC_AT(&doc->ents, nx_ent, e);
        if (en->type != NX_PERSON) continue;
        for (size_t m = 0; m < en->mentions.count; m++) {
            const nx_span *ms = SPAN(doc, NX_VEC_AT(&en->mentions, uint32_t, m));
            if (ms->t1 - ms->t0 < 2) continue;
            const nx_token *st = surname_tok(doc, ms), *gt = TOK(doc, ms->t0);
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
static int32_t entity_for(nx_document *doc, nx_span *s, const nx_strmap *surnames, const nx_strmap *given, nx_strmap *by_key) {
    uint32_t e;
    if (s->type == NX_PERSON && s->t1 - s->t0 == 1) {
        const nx_token *t = TOK(doc, s->t0);
        if (nx_strmap_get(surnames, t->fold, t->fold_len, &e) || nx_strmap_get(given, t->fold, t->fold_len, &e))
            return (int32_t)e;
    }
    const char *name = s->canon ? s->canon : nx_doc_span_text(doc, s);
    const char *key = name ? fold_key(doc, name) : NULL;
    if (!key) return -1;
    size_t kl = strlen(key);
    char *typed = nx_arena_alloc_uninit(&doc->arena, kl + 2);
    if (!typed) return -1;
    typed[0] = (char)('0' + s->type);
    memcpy(typed + 1, key, kl + 1);
    if (nx_strmap_get(by_key, typed, kl + 1, &e)) return (int32_t)e;
    int32_t ent = new_entity(doc, (nx_type)s->type, key);
    if (ent >= 0 && nx_strmap_put(by_key, typed, kl + 1, (uint32_t)ent)) return -1;
    return ent;
}

nx_status nx_coref(nx_document *doc, nx_error *err) {
    (void)err;
    size_t n = doc->spans.count;
    nx_strmap surnames, given, by_key;
    nx_strmap_init(&surnames);
    nx_strmap_init(&given);
    nx_strmap_init(&by_key);
    nx_status st = NX_OK;
    /* full names first, so a surname alone finds its person wherever it is */
    for (int pass = 0; pass < 2 && st == NX_OK; pass++) {
        if (pass == 1 && index_names(doc, &surnames, &given)) st = NX_ERR_NOMEM;
        for (size_t k = 0; k < n && st == NX_OK; k++) {
            nx_span *s = SPAN(doc, k);
            if (s->type > NX_PLACE || s->entity >= 0) continue;
            if (pass == 0 && s->type == NX_PERSON && s->t1 - s->t0 == 1) continue;
            int32_t ent = entity_for(doc, s, &surnames, &given, &by_key);
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

