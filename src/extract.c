/* extract.c: nx_extract() runs the stages in order on one document, then
 * builds the public views (nx_mention, nx_entity, nx_relation). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dates.h"
#include "doc.h"
#include "error.h"
#include "link.h"
#include "resolve.h"

void nx_options_init(nx_options *opts) {
    memset(opts, 0, sizeof *opts);
    opts->date_order = NX_DATE_ORDER_MDY;
    opts->attached_titles_only = 1;
}

const char *nx_type_name(nx_type type) {
    static const char *const names[NX_TYPE_COUNT] = {"person", "organization", "place", "date",
                                                     "title",  "time",         "duration", "set"};
    return (unsigned)type < NX_TYPE_COUNT ? names[type] : "unknown";
}

nx_span *nx_doc_add_span(nx_document *doc, uint32_t t0, uint32_t t1, nx_type type, const char *rule) {
    nx_span *s = nx_vec_push(&doc->spans, sizeof *s);
    if (!s) return NULL;
    s->t0 = t0;
    s->t1 = t1;
    s->b0 = doc->toks.items[t0].b0;
    s->b1 = doc->toks.items[t1 - 1].b1;
    s->type = (uint8_t)type;
    s->rule = rule;
    s->entity = -1;
    return s;
}

int nx_doc_warn(nx_document *doc, const char *fmt, ...) {
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    const char **w = nx_vec_push(&doc->warnings, sizeof *w);
    if (!w) return -1;
    *w = nx_arena_strdup(&doc->arena, buf);
    return *w ? 0 : -1;
}

/* The input's bytes, except that invalid UTF-8 bytes become U+FFFD, so the
 * string can always be written as JSON. */
static const char *span_text(nx_document *doc, const nx_span *s) {
    const char *src = doc->text.orig + s->b0;
    size_t n = s->b1 - s->b0;
    if (doc->text.work == doc->text.orig || !memchr(doc->text.work + s->b0, 0x1A, n))
        return nx_arena_strndup(&doc->arena, src, n);
    char *out = nx_arena_alloc(&doc->arena, 3 * n + 1);
    if (!out) return NULL;
    size_t w = 0;
    for (size_t i = 0; i < n; i++) {
        if (doc->text.work[s->b0 + i] == 0x1A && src[i] != 0x1A) {
            memcpy(out + w, "\xEF\xBF\xBD", 3);
            w += 3;
        } else {
            out[w++] = src[i];
        }
    }
    out[w] = '\0';
    return out;
}

const char *nx_doc_span_text(nx_document *doc, nx_span *s) {
    if (!s->text) s->text = span_text(doc, s);
    return s->text;
}

static int keep_mention(const nx_document *doc, const nx_span *s) {
    if (s->type == NX_TITLE && doc->opts.attached_titles_only) return (s->flags & NX_SPAN_ATTACHED) != 0;
    return 1;
}

/* Equal but for the kind and amount of white space (a no-break space in
 * "Xi'an Jiaotong University" does not make another alias). */
static int same_words(const char *a, const char *b) {
    for (;;) {
        int sa = 0, sb = 0;
        int32_t ca, cb;
        size_t la, lb;
        while (*a && (la = nx_utf8_next(a, strnlen(a, 4), 0, &ca), nx_is_space(ca))) a += la, sa = 1;
        while (*b && (lb = nx_utf8_next(b, strnlen(b, 4), 0, &cb), nx_is_space(cb))) b += lb, sb = 1;
        if (!*a || !*b) return !*a && !*b;
        if (sa != sb || *a != *b) return 0;
        a++, b++;
    }
}

/* The public arrays, all in the arena. */
static nx_status build_views(nx_document *doc) {
    nx_arena *A = &doc->arena;
    size_t ns = doc->spans.count;
    long *mention_of = nx_arena_alloc(A, (ns + 1) * sizeof *mention_of);
    if (!mention_of) return NX_ERR_NOMEM;
    size_t nm = 0;
    for (size_t k = 0; k < ns; k++) mention_of[k] = keep_mention(doc, SPAN(doc, k)) ? (long)nm++ : -1;
    doc->mentions = nx_arena_alloc(A, (nm + 1) * sizeof *doc->mentions);
    if (!doc->mentions) return NX_ERR_NOMEM;
    for (size_t k = 0; k < ns; k++) {
        if (mention_of[k] < 0) continue;
        nx_span *s = SPAN(doc, k);
        nx_mention *m = &doc->mentions[mention_of[k]];
        m->type = (nx_type)s->type;
        m->byte_start = s->b0;
        m->byte_end = s->b1;
        m->start = doc->text.cp_at[s->b0];
        m->end = doc->text.cp_at[s->b1];
        m->text = nx_doc_span_text(doc, s);
        if (!m->text) return NX_ERR_NOMEM;
        m->value = s->value;
        m->rule = s->rule;
        m->entity = s->entity;
    }
    doc->n_mentions = nm;

    size_t ne = doc->ents.count;
    doc->entities = nx_arena_alloc(A, (ne + 1) * sizeof *doc->entities);
    if (!doc->entities) return NX_ERR_NOMEM;
    for (size_t e = 0; e < ne; e++) {
        const nx_ent *en = &NX_VEC_AT(&doc->ents, nx_ent, e);
        nx_entity *out = &doc->entities[e];
        out->type = (nx_type)en->type;
        out->name = en->name;
        size_t *ms = nx_arena_alloc(A, (en->mentions.count + 1) * sizeof *ms);
        const char **al = nx_arena_alloc(A, (en->mentions.count + 1) * sizeof *al);
        if (!ms || !al) return NX_ERR_NOMEM;
        size_t na = 0;
        for (size_t m = 0; m < en->mentions.count; m++) {
            uint32_t k = NX_VEC_AT(&en->mentions, uint32_t, m);
            ms[m] = (size_t)mention_of[k];
            const char *t = doc->mentions[mention_of[k]].text;
            if (same_words(t, en->name)) continue;
            int dup = 0;
            for (size_t a = 0; a < na && !dup; a++) dup = same_words(al[a], t);
            if (!dup) al[na++] = t;
        }
        out->mentions = ms;
        out->n_mentions = en->mentions.count;
        out->aliases = al;
        out->n_aliases = na;
    }
    doc->n_entities = ne;

    size_t nr = doc->rels.count;
    doc->relations = nx_arena_alloc(A, (nr + 1) * sizeof *doc->relations);
    if (!doc->relations) return NX_ERR_NOMEM;
    static const char *const status_names[] = {"current", "current", "former", "future"};
    for (size_t r = 0; r < nr; r++) {
        const nx_rel *rel = &NX_VEC_AT(&doc->rels, nx_rel, r);
        const nx_span *p = SPAN(doc, rel->person_span), *t = SPAN(doc, rel->title_span);
        const nx_span *o = rel->org_span >= 0 ? SPAN(doc, rel->org_span) : NULL;
        nx_relation *out = &doc->relations[r];
        out->type = "holds_title";
        out->person = p->entity;
        out->title = t->value;
        out->organization = o ? o->entity : -1;
        out->status = status_names[rel->status & 3];
        out->rule = rel->rule;
        size_t *ms = nx_arena_alloc(A, 3 * sizeof *ms);
        if (!ms) return NX_ERR_NOMEM;
        size_t n = 0;
        uint32_t lo = p->b0, hi = p->b1;
        const nx_span *parts[3] = {p, t, o};
        uint32_t idx[3] = {rel->person_span, rel->title_span, rel->org_span >= 0 ? (uint32_t)rel->org_span : 0};
        for (int i = 0; i < 3; i++) {
            if (!parts[i]) continue;
            if (mention_of[idx[i]] >= 0) ms[n++] = (size_t)mention_of[idx[i]];
            if (parts[i]->b0 < lo) lo = parts[i]->b0;
            if (parts[i]->b1 > hi) hi = parts[i]->b1;
        }
        /* mention ids in text order */
        for (size_t i = 1; i < n; i++)
            for (size_t j = i; j > 0 && ms[j - 1] > ms[j]; j--) {
                size_t x = ms[j];
                ms[j] = ms[j - 1];
                ms[j - 1] = x;
            }
        out->mentions = ms;
        out->n_mentions = n;
        out->start = doc->text.cp_at[lo];
        out->end = doc->text.cp_at[hi];
    }
    doc->n_relations = nr;
    return NX_OK;
}

static nx_status run(nx_document *doc, const char *text, size_t len, nx_error *err) {
    const nx_model *model = doc->model;
    nx_status st = nx_text_prepare(&doc->arena, text, len, &doc->text);
    if (st == NX_ERR_EMPTY) {
        nx_error_set(err, st, doc->id, 0, 0, "empty document (no text)");
        return st;
    }
    if (st == NX_ERR_BINARY) {
        nx_error_set(err, st, doc->id, 0, 0, "binary data, not text (NUL bytes, or mostly invalid UTF-8 or control codes)");
        return st;
    }
    if (st == NX_ERR_LIMIT) {
        nx_error_set(err, st, doc->id, 0, 0, "document too large (4 GiB or more)");
        return st;
    }
    if (st != NX_OK) return st;
    if (doc->text.n_invalid &&
        nx_doc_warn(doc, "%zu invalid UTF-8 byte%s replaced for processing (offsets still refer to the input)",
                    doc->text.n_invalid, doc->text.n_invalid == 1 ? "" : "s"))
        return NX_ERR_NOMEM;
    if ((st = nx_tokenize(&doc->arena, &doc->text, &model->lex, &doc->toks)) != NX_OK) return st;
    if ((st = nx_gazetteer_match(&model->gaz, &doc->arena, &doc->text, &doc->toks, &doc->gm, &doc->n_gm)) != NX_OK)
        return st;
    const char *limit_hit = NULL;
    if ((st = nx_patterns_run(&model->patterns, &doc->arena, &doc->text, &doc->pm, &doc->n_pm, &limit_hit)) != NX_OK)
        return st;
    if (limit_hit && nx_doc_warn(doc, "pattern %s hit its match limit and was skipped for this document", limit_hit))
        return NX_ERR_NOMEM;
    doc->blocked = nx_arena_alloc(&doc->arena, doc->toks.count + 1);
    if (!doc->blocked) return NX_ERR_NOMEM;
    if ((st = nx_dates_run(doc)) != NX_OK) {
        if (st == NX_ERR_ARG) nx_error_set(err, st, doc->id, 0, 0, "dct must be a date written YYYY-MM-DD");
        return st;
    }
    if ((st = nx_resolve(doc)) != NX_OK) return st;
    if ((st = nx_link(doc)) != NX_OK) return st;
    return build_views(doc);
}

nx_status nx_extract(const nx_model *model, const char *text, size_t len, const char *id, const nx_options *opts,
                     nx_document **out, nx_error *err) {
    *out = NULL;
    if (err) memset(err, 0, sizeof *err);
    if (!model || (!text && len)) {
        nx_error_set(err, NX_ERR_ARG, id, 0, 0, "no model or no text");
        return NX_ERR_ARG;
    }
    nx_document *doc = calloc(1, sizeof *doc);
    if (!doc) return NX_ERR_NOMEM;
    nx_arena_init(&doc->arena);
    doc->model = model;
    if (opts) doc->opts = *opts;
    else nx_options_init(&doc->opts);
    doc->id = nx_arena_strdup(&doc->arena, id ? id : "");
    nx_status st = doc->id ? run(doc, text ? text : "", len, err) : NX_ERR_NOMEM;
    if (st != NX_OK) {
        if (st == NX_ERR_NOMEM) nx_error_set(err, st, id, 0, 0, "out of memory");
        nx_document_free(doc);
        return st;
    }
    *out = doc;
    return NX_OK;
}

void nx_document_free(nx_document *doc) {
    if (!doc) return;
    for (size_t e = 0; e < doc->ents.count; e++) nx_vec_free(&NX_VEC_AT(&doc->ents, nx_ent, e).mentions);
    nx_vec_free(&doc->ents);
    nx_vec_free(&doc->spans);
    nx_vec_free(&doc->rels);
    nx_vec_free(&doc->warnings);
    nx_arena_free(&doc->arena);
    free(doc);
}

const char *nx_document_id(const nx_document *doc) { return doc->id; }

const char *nx_document_dct(const nx_document *doc, const char **source) {
    if (source) *source = doc->dct_source;
    return doc->dct;
}

const nx_mention *nx_document_mentions(const nx_document *doc, size_t *count) {
    *count = doc->n_mentions;
    return doc->mentions;
}

const nx_entity *nx_document_entities(const nx_document *doc, size_t *count) {
    *count = doc->n_entities;
    return doc->entities;
}

const nx_relation *nx_document_relations(const nx_document *doc, size_t *count) {
    *count = doc->n_relations;
    return doc->relations;
}

const char *const *nx_document_warnings(const nx_document *doc, size_t *count) {
    *count = doc->warnings.count;
    return (const char *const *)doc->warnings.items;
}
