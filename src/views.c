/* views.c: the public arrays of a document (nx_mention, nx_entity,
 * nx_relation; nerx.h), built once at the end of the pipeline from its
 * spans, entities and relations, and the accessors that read them. */
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "relations.h"
#include "swar.h"
#include "views.h"

static int keep_mention(const nx_document *doc, const nx_span *s) {
    if (s->type == NX_TITLE && doc->opts.attached_titles_only) return (s->flags & NX_SPAN_ATTACHED) != 0;
    return 1;
}

/* Skips the white space at *p; returns whether there was any. Only a
 * non-ASCII character is decoded (and the bytes it may have counted). */
static int skip_space(const char **p) {
    const char *s = *p;
    for (;;) {
        int32_t c = (unsigned char)*s;
        size_t len = c < 0x80 ? 1 : nx_utf8_next(s, strnlen(s, 4), 0, &c);
        if (!c || !nx_is_space(c)) break;
        s += len;
    }
    int any = s != *p;
    *p = s;
    return any;
}

/* Equal but for the kind and amount of white space (a no-break space in
 * "Xi'an Jiaotong University" does not make another alias). */
static int same_words(const char *a, const char *b) {
    /* an entity's name is often its mention's text, or a copy of it:
     * equal strings are compared by libc's vector loop, not byte by byte */
    if (a == b || !strcmp(a, b)) return 1;
    for (;;) {
        /* the common case, one step of the loop below at a time: the same
         * ASCII byte, which is no white space (those are ' ' and below) */
        while (*a == *b && (unsigned char)*a > ' ' && (unsigned char)*a < 0x80) a++, b++;
        /* ... and where it stops, most often: two such bytes that differ,
         * or the end of both */
        unsigned ca = (unsigned char)*a, cb = (unsigned char)*b;
        if (ca - 0x21u < 0x5Fu && cb - 0x21u < 0x5Fu) return 0;
        if (!ca && !cb) return 1;
        int sa = skip_space(&a), sb = skip_space(&b);
        if (!*a || !*b) return !*a && !*b;
        if (sa != sb || *a != *b) return 0;
        a++, b++;
    }
}

/* What a byte of an ASCII name is in a slug: itself folded (a letter or a
 * digit), SLUG_DROP (an apostrophe) or SLUG_DASH (any other). */
enum { SLUG_DASH = 0, SLUG_DROP = 1 };
#define SL_(c)                                                                        \
    ((c) >= 'a' && (c) <= 'z' ? (c) : (c) >= 'A' && (c) <= 'Z' ? (c) + ('a' - 'A')  \
     : (c) >= '0' && (c) <= '9' ? (c) : (c) == '\'' ? SLUG_DROP : SLUG_DASH)
static const unsigned char SLUG_ASCII[128] = NX_ASCII_TABLE(SL_);
#undef SL_

/* prefix + the slug of s[0..n); a byte beyond ASCII is kept when s is
 * folded (letters of other scripts), else *beyond is set and NULL returned
 * (the name must be folded first). NULL too when out of memory. */
static char *slug_of(nx_arena *A, const char *prefix, const char *s, size_t n, int folded, int *beyond) {
    size_t pl = strlen(prefix);
    char *k = nx_arena_alloc_uninit(A, pl + n + 2);
    if (!k) return NULL;
    memcpy(k, prefix, pl);
    size_t w = pl;
    int dash = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i], v;
        if (c < 0x80) v = SLUG_ASCII[c];
        else if (folded) v = c;
        else return *beyond = 1, NULL;
        if (v > SLUG_DROP) {
            if (dash && w > pl) k[w++] = '-';
            dash = 0;
            k[w++] = (char)v;
        } else if (v == SLUG_DASH) {
            dash = 1;
        }
    }
    if (w == pl) k[w++] = '_';
    k[w] = '\0';
    return k;
}

/* The slug of a key: the name folded, a letter or digit kept (and any
 * non-ASCII byte: letters of other scripts), an apostrophe dropped (Xi'an:
 * xian), any other run of bytes one '-'. An ASCII name (most) is folded as
 * it is read (A-Z is all the fold does to ASCII); another is folded first. */
static char *slug(nx_arena *A, const char *prefix, const char *name) {
    size_t n = strlen(name), fl;
    int beyond = 0;
    char *k = slug_of(A, prefix, name, n, 0, &beyond);
    if (k || !beyond) return k;
    const char *f = nx_fold_dup(A, name, n, &fl);
    return f ? slug_of(A, prefix, f, fl, 1, &beyond) : NULL;
}

static const char *const KEY_PREFIX[NX_TYPE_COUNT] = {
    [NX_PERSON] = "person:", [NX_ORGANIZATION] = "org:", [NX_PLACE] = "place:"};

/* An entity's key, kind, country and external ids: from its first mention
 * that is a gazetteer entry of its name with ids (the ids and the key),
 * and the first with a kind and with a country; the key is otherwise the
 * slug of its type and name. */
static int entity_keys(nx_document *doc, const nx_ent *en, nx_entity *out) {
    nx_arena *A = &doc->arena;
    const char *xid = NULL;
    out->kind = out->country = NULL;
    for (size_t m = 0; m < en->n_mentions; m++) {
        const nx_span *s = SPAN(doc, en->mentions[m]);
        if (!xid && s->xid && s->canon && !strcmp(s->canon, en->name)) xid = s->xid;
        if (!out->kind && s->kind) out->kind = s->kind;
        if (!out->country && s->country) out->country = s->country;
    }
    /* the ids: words between spaces, cut from one copy of them in one
     * pass (an id ends at a space or the end: at most one per two bytes) */
    size_t len = xid ? strlen(xid) : 0, n = 0;
    char *words = xid ? nx_arena_strndup(A, xid, len) : NULL;
    const char **ids = nx_arena_alloc_uninit(A, (len / 2 + 2) * sizeof *ids);
    if (!ids || (xid && !words)) return -1;
    for (char *p = words; p && *p;) {
        ids[n++] = p;
        for (p = strchr(p, ' '); p && *p == ' ';) *p++ = '\0';
    }
    out->ids = ids;
    out->n_ids = n;
    const char *prefix = en->type < NX_TYPE_COUNT && KEY_PREFIX[en->type] ? KEY_PREFIX[en->type] : "entity:";
    out->key = n ? ids[0] : slug(A, prefix, en->name);
    return out->key ? 0 : -1;
}

/* The public arrays, all in the arena. */
nx_status nx_views_build(nx_document *doc, nx_error *err) {
    (void)err;
    nx_arena *A = &doc->arena;
    size_t ns = doc->spans.count;
    long *mention_of = nx_arena_alloc_uninit(A, (ns + 1) * sizeof *mention_of);
    if (!mention_of) return NX_ERR_NOMEM;
    size_t nm = 0;
    for (size_t k = 0; k < ns; k++) mention_of[k] = keep_mention(doc, SPAN(doc, k)) ? (long)nm++ : -1;
    doc->mentions = nx_arena_alloc_uninit(A, (nm + 1) * sizeof *doc->mentions);
    if (!doc->mentions) return NX_ERR_NOMEM;
    for (size_t k = 0; k < ns; k++) {
        if (mention_of[k] < 0) continue;
        nx_span *s = SPAN(doc, k);
        nx_mention *m = &doc->mentions[mention_of[k]];
        /* "former editor": the mention is the title, its status is the
         * fact's (the relations have read the whole span) */
        if ((s->flags & NX_SPAN_LEAD_WORD) && s->t1 > s->t0 + 1) {
            s->t0++;
            s->b0 = TOK(doc, s->t0)->b0;
            s->text = NULL;
            s->flags &= (uint16_t)~NX_SPAN_LEAD_WORD;
        }
        m->type = (nx_type)s->type;
        m->byte_start = s->b0;
        m->byte_end = s->b1;
        m->start = nx_text_cp(&doc->text, s->b0);
        m->end = nx_text_cp(&doc->text, s->b1);
        m->text = nx_doc_span_text(doc, s);
        if (!m->text) return NX_ERR_NOMEM;
        m->value = s->value;
        m->rule = nx_doc_rule_name(doc, (nx_rule)s->rule, s->rule_src);
        m->entity = s->entity;
    }
    doc->n_mentions = nm;

    size_t ne = doc->n_ents;
    doc->entities = nx_arena_alloc_uninit(A, (ne + 1) * sizeof *doc->entities);
    if (!doc->entities) return NX_ERR_NOMEM;
    for (size_t e = 0; e < ne; e++) {
        const nx_ent *en = &doc->ents[e];
        nx_entity *out = &doc->entities[e];
        out->type = (nx_type)en->type;
        out->name = en->name;
        size_t *ms = nx_arena_alloc_uninit(A, (en->n_mentions + 1) * sizeof *ms);
        const char **al = nx_arena_alloc_uninit(A, (en->n_mentions + 1) * sizeof *al);
        if (!ms || !al) return NX_ERR_NOMEM;
        size_t na = 0;
        for (size_t m = 0; m < en->n_mentions; m++) {
            uint32_t k = en->mentions[m];
            ms[m] = (size_t)mention_of[k];
            const char *t = doc->mentions[mention_of[k]].text;
            if (same_words(t, en->name)) continue;
            int dup = 0;
            for (size_t a = 0; a < na && !dup; a++) dup = same_words(al[a], t);
            if (!dup) al[na++] = t;
        }
        out->mentions = ms;
        out->n_mentions = en->n_mentions;
        out->aliases = al;
        out->n_aliases = na;
        if (entity_keys(doc, en, out)) return NX_ERR_NOMEM;
    }
    doc->n_entities = ne;

    size_t nr = doc->rels.count;
    doc->relations = nx_arena_alloc_uninit(A, (nr + 1) * sizeof *doc->relations);
    if (!doc->relations) return NX_ERR_NOMEM;
    for (size_t r = 0; r < nr; r++) {
        const nx_rel *rel = &NX_VEC_AT(&doc->rels, nx_rel, r);
        const nx_relation_family *f = nx_relation_family_of((nx_rel_type)rel->type);
        nx_relation *out = &doc->relations[r];
        nx_argument *args = nx_arena_alloc_uninit(A, (rel->n_args + 1) * sizeof *args);
        size_t *ms = nx_arena_alloc_uninit(A, (rel->n_args + 1) * sizeof *ms);
        if (!args || !ms) return NX_ERR_NOMEM;
        out->type = nx_rel_type_name((nx_rel_type)rel->type);
        out->value = rel->value;
        out->value_role = NULL;
        out->status = nx_status_name((nx_title_status)rel->status);
        out->rule = nx_doc_rule_name(doc, (nx_rule)rel->rule, 0);
        size_t n = 0;
        uint32_t lo = UINT32_MAX, hi = 0;
        for (size_t i = 0; i < rel->n_args; i++) {
            int32_t k = rel->args[i].span;
            const nx_span *s = k >= 0 ? SPAN(doc, k) : NULL;
            args[i].role = nx_role_name((nx_role)rel->args[i].role);
            args[i].entity = s && f->roles[i].kind == NX_ARG_ENTITY ? s->entity : -1;
            args[i].mention = s ? mention_of[k] : -1;
            if (f->roles[i].kind == NX_ARG_VALUE) out->value_role = args[i].role;
            if (!s) continue;
            if (mention_of[k] >= 0) ms[n++] = (size_t)mention_of[k];
            if (s->b0 < lo) lo = s->b0;
            if (s->b1 > hi) hi = s->b1;
        }
        /* mention ids in text order */
        for (size_t i = 1; i < n; i++)
            for (size_t j = i; j > 0 && ms[j - 1] > ms[j]; j--) {
                size_t x = ms[j];
                ms[j] = ms[j - 1];
                ms[j - 1] = x;
            }
        out->arguments = args;
        out->n_arguments = rel->n_args;
        out->mentions = ms;
        out->n_mentions = n;
        out->start = nx_text_cp(&doc->text, lo == UINT32_MAX ? 0 : lo);
        out->end = nx_text_cp(&doc->text, hi);
    }
    doc->n_relations = nr;

    /* The text the mentions' byte offsets index, for nx_document_text(): the
     * working copy is the caller's bytes when they are valid UTF-8, and those
     * go when nx_extract() returns. */
    if (doc->text.work && doc->text.work == doc->text.orig) {
        const char *w = nx_arena_strndup(A, doc->text.work, doc->text.len);
        if (!w) return NX_ERR_NOMEM;
        doc->text.work = w;
    }
    doc->phase = NX_PHASE_VIEWED;
    return NX_OK;
}

/* The accessors take a NULL document (nothing: NULL, a count of 0) and a
 * NULL count (not wanted). */
static void set_count(size_t *count, size_t n) {
    if (count) *count = n;
}

const char *nx_document_id(const nx_document *doc) { return doc ? doc->id : NULL; }

const char *nx_document_dct(const nx_document *doc, const char **source) {
    if (source) *source = doc ? doc->dct_source : NULL;
    return doc ? doc->dct : NULL;
}

const nx_mention *nx_document_mentions(const nx_document *doc, size_t *count) {
    set_count(count, doc ? doc->n_mentions : 0);
    return doc ? doc->mentions : NULL;
}

const nx_entity *nx_document_entities(const nx_document *doc, size_t *count) {
    set_count(count, doc ? doc->n_entities : 0);
    return doc ? doc->entities : NULL;
}

const nx_relation *nx_document_relations(const nx_document *doc, size_t *count) {
    set_count(count, doc ? doc->n_relations : 0);
    return doc ? doc->relations : NULL;
}

const double *nx_document_stage_seconds(const nx_document *doc) { return doc ? doc->stage_seconds : NULL; }

const char *const *nx_document_fields(const nx_document *doc, size_t *count) {
    set_count(count, doc ? doc->n_fields : 0);
    return doc ? doc->fields : NULL;
}

/* NULL for a document merged from windows (window.c keeps no text). */
const char *nx_document_text(const nx_document *doc, size_t *len) {
    const char *text = doc ? doc->text.work : NULL;
    set_count(len, text ? doc->text.len : 0);
    return text;
}

const char *const *nx_document_warnings(const nx_document *doc, size_t *count) {
    set_count(count, doc ? doc->warnings.count : 0);
    return doc ? (const char *const *)doc->warnings.items : NULL;
}

const nx_argument *nx_relation_argument(const nx_relation *r, const char *role) {
    if (!r || !role) return NULL;
    for (size_t i = 0; i < r->n_arguments; i++)
        if (!strcmp(r->arguments[i].role, role)) return &r->arguments[i];
    return NULL;
}
