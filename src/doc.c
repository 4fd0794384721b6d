/* doc.c: the document's owner: spans added, dropped, retyped and sealed,
 * entity links, span texts, rule names and warnings (see doc.h). */
#include "doc.h"

#include <assert.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model.h"

nx_document *nx_doc_create(const struct nx_model *model, const nx_options *opts, const char *id, size_t n_stages,
                           nx_status *st) {
    nx_document *doc = calloc(1, sizeof *doc);
    *st = NX_ERR_NOMEM;
    if (!doc) return NULL;
    nx_arena_init(&doc->arena);
    doc->model = model;
    if (opts) doc->opts = *opts;
    else nx_options_init(&doc->opts);
    doc->input = "";
    doc->id = nx_arena_strdup(&doc->arena, id ? id : "");
    int ok = doc->id != NULL;
    /* the kept fields are copied: the caller's go when nx_extract() returns */
    if (ok && doc->opts.n_fields) {
        doc->fields = nx_arena_alloc_uninit(&doc->arena, 2 * doc->opts.n_fields * sizeof *doc->fields);
        for (size_t k = 0; doc->fields && k < 2 * doc->opts.n_fields; k++)
            if (!(doc->fields[k] = nx_arena_strdup(&doc->arena, doc->opts.fields[k] ? doc->opts.fields[k] : ""))) ok = 0;
        if (!doc->fields) ok = 0;
        doc->n_fields = doc->opts.n_fields;
    }
    doc->opts.fields = NULL;
    doc->opts.n_fields = 0;
    if (ok && doc->opts.time_stages) {
        doc->stage_seconds = nx_arena_alloc(&doc->arena, n_stages * sizeof *doc->stage_seconds);
        if (!doc->stage_seconds) ok = 0;
    }
    if (!ok) {
        nx_document_free(doc);
        return NULL;
    }
    *st = NX_OK;
    return doc;
}

/* nx_doc_add_span() when the vector is full: room first, at first for a
 * span per eight tokens (news makes one per 15 or so, dropped ones
 * included), so that the vector seldom grows. Apart, so that the common
 * case, a span that fits, makes no call (and saves no registers). */
static __attribute__((noinline)) int32_t add_span_grown(nx_document *doc, uint32_t t0, uint32_t t1, nx_type type, nx_rule rule,
                                                         uint16_t rule_src) {
    if (doc->spans.cap ? nx_vec_grow(&doc->spans, sizeof(nx_span))
                       : nx_vec_reserve(&doc->spans, sizeof(nx_span), doc->toks.count / 8 + 16))
        return -1;
    return nx_doc_add_span(doc, t0, t1, type, rule, rule_src);
}

int32_t nx_doc_add_span(nx_document *doc, uint32_t t0, uint32_t t1, nx_type type, nx_rule rule, uint16_t rule_src) {
    assert(doc->phase == NX_PHASE_GROWING && t0 < t1 && t1 <= doc->toks.count);
    if (doc->spans.count == doc->spans.cap) return add_span_grown(doc, t0, t1, type, rule, rule_src);
    nx_span *s = &NX_VEC_AT(&doc->spans, nx_span, doc->spans.count);
    *s = (nx_span){.t0 = t0,
                   .t1 = t1,
                   .b0 = doc->toks.items[t0].b0,
                   .b1 = doc->toks.items[t1 - 1].b1,
                   .type = (uint8_t)type,
                   .rule = (uint16_t)rule,
                   .rule_src = rule_src,
                   .entity = -1};
    return (int32_t)doc->spans.count++;
}

void nx_doc_drop_span(nx_document *doc, int32_t i) {
    assert(doc->phase == NX_PHASE_GROWING && i >= 0 && (size_t)i < doc->spans.count);
    SPAN(doc, i)->flags |= NX_SPAN_DROPPED;
}

void nx_doc_retype_span(nx_document *doc, int32_t i, nx_type type, nx_rule rule, int keep_name) {
    assert(doc->phase == NX_PHASE_GROWING && i >= 0 && (size_t)i < doc->spans.count);
    nx_span *s = SPAN(doc, i);
    s->type = (uint8_t)type;
    s->rule = (uint16_t)rule;
    s->rule_src = 0;
    if (!keep_name) s->canon = NULL;
    s->country = NULL;
    s->kind = NULL;
    s->xid = NULL;
}

/* A span's place in the sealed order, as one number: by start, then
 * longest first. */
typedef struct span_key {
    uint64_t key; /* b0 << 32 | (UINT32_MAX - b1) */
    uint32_t span;
} span_key;

/* Sorts k[0..n) by key, keeping the order of equal keys (as the merge sort
 * of glibc's qsort, which sealed spans before, did); tmp has room for n. */
static void sort_keys(span_key *k, span_key *tmp, size_t n) {
    if (n < 2) return;
    if (n <= 16) {
        for (size_t i = 1; i < n; i++) {
            span_key x = k[i];
            size_t j = i;
            for (; j > 0 && k[j - 1].key > x.key; j--) k[j] = k[j - 1];
            k[j] = x;
        }
        return;
    }
    size_t h = n / 2;
    sort_keys(k, tmp, h);
    sort_keys(k + h, tmp, n - h);
    if (k[h - 1].key <= k[h].key) return; /* the halves are in order already (spans come mostly by start) */
    size_t i = 0, j = h, o = 0;
    while (i < h && j < n) tmp[o++] = k[j].key < k[i].key ? k[j++] : k[i++];
    while (i < h) tmp[o++] = k[i++];
    while (j < n) tmp[o++] = k[j++];
    memcpy(k, tmp, n * sizeof *k);
}

nx_status nx_doc_seal(nx_document *doc, nx_error *err) {
    (void)err;
    assert(doc->phase == NX_PHASE_GROWING);
    size_t n = 0;
    span_key *k = nx_arena_alloc_uninit(&doc->arena, (2 * doc->spans.count + 1) * sizeof *k);
    if (!k) return NX_ERR_NOMEM;
    for (size_t i = 0; i < doc->spans.count; i++) {
        const nx_span *s = SPAN(doc, i);
        if (s->flags & NX_SPAN_DROPPED) continue;
        k[n++] = (span_key){(uint64_t)s->b0 << 32 | (UINT32_MAX - s->b1), (uint32_t)i};
    }
    sort_keys(k, k + n, n);
    /* the spans move only from the first one out of place (none: no copy) */
    size_t first = 0;
    while (first < n && k[first].span == first) first++;
    if (first < n) {
        nx_span *sorted = nx_arena_alloc_uninit(&doc->arena, (n - first) * sizeof *sorted);
        if (!sorted) return NX_ERR_NOMEM;
        for (size_t i = first; i < n; i++) sorted[i - first] = *SPAN(doc, k[i].span);
        memcpy(SPAN(doc, first), sorted, (n - first) * sizeof *sorted);
    }
    doc->spans.count = n;
    doc->phase = NX_PHASE_SEALED;
    return NX_OK;
}

void nx_doc_set_entity(nx_document *doc, uint32_t i, int32_t e) {
    assert(doc->phase >= NX_PHASE_SEALED && i < doc->spans.count);
    SPAN(doc, i)->entity = e;
}

void nx_doc_mark_attached(nx_document *doc, uint32_t i) {
    assert(doc->phase >= NX_PHASE_SEALED && i < doc->spans.count);
    SPAN(doc, i)->flags |= NX_SPAN_ATTACHED;
}

/* The input's bytes, except that invalid UTF-8 bytes become U+FFFD, so the
 * string can always be written as JSON. */
static const char *span_text(nx_document *doc, const nx_span *s) {
    const char *src = doc->text.orig + s->b0;
    size_t n = s->b1 - s->b0;
    if (doc->text.work == doc->text.orig || !memchr(doc->text.work + s->b0, 0x1A, n)) {
        /* nx_arena_strndup inline: most spans take this way */
        char *t = nx_arena_alloc_uninit(&doc->arena, n + 1);
        if (!t) return NULL;
        memcpy(t, src, n);
        t[n] = '\0';
        return t;
    }
    char *out = nx_arena_alloc_uninit(&doc->arena, 3 * n + 1);
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

const char *nx_doc_rule_name(const nx_document *doc, nx_rule rule, uint16_t rule_src) {
    return nx_model_rule_name(doc->model, rule, rule_src);
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

void nx_document_free(nx_document *doc) {
    if (!doc) return;
    nx_vec_free(&doc->spans);
    nx_vec_free(&doc->rels);
    nx_vec_free(&doc->warnings);
    nx_arena_free(&doc->arena);
    free(doc);
}
