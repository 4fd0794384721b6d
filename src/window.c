/* window.c: nx_window_extract(), a long document extracted window by window
 * and the windows' views merged into one document (see window.h). */
#include "window.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "error.h"
#include "relations.h"
#include "strmap.h"

static int is_blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

/* Where the window that starts at `from` ends: the last paragraph break
 * (a line of white space) in its second half, else the last line break,
 * sentence end or space there, else a character boundary. Each search
 * reads the half window once, so cutting stays linear. */
static size_t window_end(const char *s, size_t len, size_t from, size_t window) {
    if (len - from <= window) return len;
    size_t hi = from + window, lo = from + window / 2;
    for (size_t i = hi; i > lo; i--) {
        if (s[i - 1] != '\n') continue;
        size_t j = i - 1;
        while (j > lo && is_blank(s[j - 1])) j--;
        if (j > lo && s[j - 1] == '\n') return i;
    }
    for (size_t i = hi; i > lo; i--)
        if (s[i - 1] == '\n') return i;
    for (size_t i = hi; i > lo + 1; i--)
        if (is_blank(s[i - 1]) && (s[i - 2] == '.' || s[i - 2] == '?' || s[i - 2] == '!')) return i;
    for (size_t i = hi; i > lo; i--)
        if (is_blank(s[i - 1])) return i;
    size_t i = hi;
    while (i > lo && ((unsigned char)s[i] & 0xC0) == 0x80) i--;
    return i;
}

/* A merged entity while the windows come. */
typedef struct went {
    nx_entity e;
    nx_vec mentions; /* size_t */
    nx_vec aliases;  /* const char * */
} went;

/* A merged relation and its type (for its family's optional roles). */
typedef struct wrel {
    nx_relation r;
    nx_rel_type type;
} wrel;

typedef struct merger {
    nx_document *doc;
    nx_vec mentions;   /* nx_mention */
    nx_vec ents;       /* went */
    nx_vec rels;       /* wrel */
    nx_strmap by_key;  /* type and key -> index into ents */
    nx_strmap strings; /* a string -> index into interned */
    nx_vec interned;   /* const char * (the document's arena) */
    size_t byte_off, cp_off;
    size_t n_windows;
} merger;

/* One copy of each string in the merged document (names and texts repeat
 * from window to window). NULL stays NULL; *oom is set on failure. */
static const char *intern(merger *M, const char *s, int *oom) {
    if (!s) return NULL;
    size_t n = strlen(s);
    uint32_t k;
    if (nx_strmap_get(&M->strings, s, n, &k)) return NX_VEC_AT(&M->interned, const char *, k);
    const char *c = nx_arena_strndup(&M->doc->arena, s, n);
    const char **slot = c ? nx_vec_push(&M->interned, sizeof *slot) : NULL;
    if (!slot || nx_strmap_put(&M->strings, s, n, (uint32_t)(M->interned.count - 1))) {
        if (slot) M->interned.count--;
        *oom = 1;
        return NULL;
    }
    return *slot = c;
}

/* Adds a surface form to a merged entity's aliases unless it is its name or
 * one of them already. */
static int add_alias(went *w, const char *a) {
    if (!a || !strcmp(a, w->e.name)) return 0;
    for (size_t i = 0; i < w->aliases.count; i++)
        if (!strcmp(NX_VEC_AT(&w->aliases, const char *, i), a)) return 0;
    const char **slot = nx_vec_push(&w->aliases, sizeof *slot);
    if (!slot) return -1;
    *slot = a;
    return 0;
}

/* The merged entity of a window's entity: the one with its type and key,
 * else a new one. Returns its index, or -1 when out of memory. */
static long merge_entity(merger *M, const nx_entity *e) {
    int oom = 0;
    size_t kl = strlen(e->key);
    char *k = malloc(kl + 2);
    if (!k) return -1;
    k[0] = (char)('A' + (int)e->type);
    memcpy(k + 1, e->key, kl + 1);
    uint32_t g;
    long r;
    if (nx_strmap_get(&M->by_key, k, kl + 1, &g)) {
        r = g;
    } else {
        went *w = nx_vec_push(&M->ents, sizeof *w);
        if (!w) goto fail;
        memset(w, 0, sizeof *w);
        w->e.type = e->type;
        w->e.name = intern(M, e->name, &oom);
        w->e.key = intern(M, e->key, &oom);
        w->e.kind = intern(M, e->kind, &oom);
        w->e.country = intern(M, e->country, &oom);
        const char **ids = nx_arena_alloc_uninit(&M->doc->arena, (e->n_ids + 1) * sizeof *ids);
        for (size_t i = 0; ids && i < e->n_ids; i++) ids[i] = intern(M, e->ids[i], &oom);
        w->e.ids = ids;
        w->e.n_ids = e->n_ids;
        r = (long)M->ents.count - 1;
        if (!ids || oom || nx_strmap_put(&M->by_key, k, kl + 1, (uint32_t)r)) goto fail;
    }
    went *w = &NX_VEC_AT(&M->ents, went, (size_t)r);
    if (!w->e.kind) w->e.kind = intern(M, e->kind, &oom);
    if (!w->e.country) w->e.country = intern(M, e->country, &oom);
    if (oom || add_alias(w, intern(M, e->name, &oom)) || oom) goto fail;
    for (size_t i = 0; i < e->n_aliases; i++)
        if (add_alias(w, intern(M, e->aliases[i], &oom)) || oom) goto fail;
    free(k);
    return r;
fail:
    free(k);
    return -1;
}

/* Adds one window's views, its offsets moved to the whole document's. */
static nx_status merge_window(merger *M, const nx_document *sub) {
    size_t nm, ne, nr;
    const nx_mention *ms = nx_document_mentions(sub, &nm);
    const nx_entity *es = nx_document_entities(sub, &ne);
    const nx_relation *rs = nx_document_relations(sub, &nr);
    size_t m0 = M->mentions.count;
    int oom = 0;
    long *emap = malloc((ne + 1) * sizeof *emap);
    /* doubling, so that many windows copy the mentions a few times only */
    size_t want = m0 + nm < 2 * M->mentions.cap ? 2 * M->mentions.cap : m0 + nm;
    if (!emap || (m0 + nm > M->mentions.cap && nx_vec_reserve(&M->mentions, sizeof(nx_mention), want))) goto fail;
    for (size_t j = 0; j < ne; j++) {
        if ((emap[j] = merge_entity(M, &es[j])) < 0) goto fail;
        went *w = &NX_VEC_AT(&M->ents, went, (size_t)emap[j]);
        for (size_t i = 0; i < es[j].n_mentions; i++) {
            size_t *slot = nx_vec_push(&w->mentions, sizeof *slot);
            if (!slot) goto fail;
            *slot = m0 + es[j].mentions[i];
        }
    }
    for (size_t i = 0; i < nm; i++) {
        nx_mention *m = nx_vec_push(&M->mentions, sizeof *m);
        *m = ms[i];
        m->start += M->cp_off;
        m->end += M->cp_off;
        m->byte_start += M->byte_off;
        m->byte_end += M->byte_off;
        m->text = intern(M, ms[i].text, &oom);
        m->value = intern(M, ms[i].value, &oom);
        m->entity = ms[i].entity >= 0 ? emap[ms[i].entity] : -1;
    }
    for (size_t i = 0; i < nr && !oom; i++) {
        const nx_relation *r = &rs[i];
        wrel *w = nx_vec_push(&M->rels, sizeof *w);
        nx_argument *args = nx_arena_alloc_uninit(&M->doc->arena, (r->n_arguments + 1) * sizeof *args);
        size_t *rm = nx_arena_alloc_uninit(&M->doc->arena, (r->n_mentions + 1) * sizeof *rm);
        if (!w || !args || !rm) goto fail;
        w->r = *r;
        w->type = (nx_rel_type)NX_VEC_AT(&sub->rels, nx_rel, i).type;
        for (size_t a = 0; a < r->n_arguments; a++) {
            args[a] = r->arguments[a];
            if (args[a].entity >= 0) args[a].entity = emap[args[a].entity];
            if (args[a].mention >= 0) args[a].mention += (long)m0;
        }
        for (size_t k = 0; k < r->n_mentions; k++) rm[k] = r->mentions[k] + m0;
        w->r.arguments = args;
        w->r.mentions = rm;
        w->r.value = intern(M, r->value, &oom);
        w->r.start += M->cp_off;
        w->r.end += M->cp_off;
    }
    if (oom) goto fail;
    free(emap);
    return NX_OK;
fail:
    free(emap);
    return NX_ERR_NOMEM;
}

/* A relation's identity, as relations.c's deduplication sees it: type,
 * value and entity arguments (the optional ones only when `optional`). */
static int rel_key(const wrel *w, int optional, nx_sbuf *b) {
    const nx_relation_family *f = nx_relation_family_of(w->type);
    char num[32];
    b->len = 0;
    int n = snprintf(num, sizeof num, "%d|", (int)w->type);
    if (nx_sbuf_add(b, num, (size_t)n) || nx_sbuf_add(b, w->r.value ? w->r.value : "", strlen(w->r.value ? w->r.value : "")))
        return -1;
    for (size_t i = 0; i < w->r.n_arguments && i < f->n_roles; i++) {
        if (f->roles[i].kind != NX_ARG_ENTITY || (f->roles[i].optional && !optional)) continue;
        n = snprintf(num, sizeof num, "|%ld", w->r.arguments[i].entity);
        if (nx_sbuf_add(b, num, (size_t)n)) return -1;
    }
    return 0;
}

static int rel_complete(const wrel *w) {
    const nx_relation_family *f = nx_relation_family_of(w->type);
    for (size_t i = 0; i < w->r.n_arguments && i < f->n_roles; i++)
        if (f->roles[i].optional && w->r.arguments[i].entity < 0 && w->r.arguments[i].mention < 0) return 0;
    return 1;
}

/* The merged relations, deduplicated as within one document: a fact stated
 * in two windows is kept once (the first), and a fact with its optional
 * argument open adds nothing to the same fact with it. */
static nx_status finish_relations(merger *M) {
    nx_document *doc = M->doc;
    size_t n = M->rels.count, kept = 0;
    nx_strmap with_all, seen;
    nx_strmap_init(&with_all);
    nx_strmap_init(&seen);
    nx_sbuf b = {0};
    nx_status st = NX_ERR_NOMEM;
    doc->relations = nx_arena_alloc_uninit(&doc->arena, (n + 1) * sizeof *doc->relations);
    if (!doc->relations) goto done;
    for (size_t i = 0; i < n; i++) {
        const wrel *w = &NX_VEC_AT(&M->rels, wrel, i);
        if (rel_complete(w) && (rel_key(w, 0, &b) || nx_strmap_put(&with_all, b.s, b.len, 1))) goto done;
    }
    for (size_t i = 0; i < n; i++) {
        const wrel *w = &NX_VEC_AT(&M->rels, wrel, i);
        uint32_t v;
        if (!rel_complete(w)) {
            if (rel_key(w, 0, &b)) goto done;
            if (nx_strmap_get(&with_all, b.s, b.len, &v)) continue;
        }
        if (rel_key(w, 1, &b)) goto done;
        if (nx_strmap_get(&seen, b.s, b.len, &v)) continue;
        if (nx_strmap_put(&seen, b.s, b.len, 1)) goto done;
        doc->relations[kept++] = w->r;
    }
    doc->n_relations = kept;
    st = NX_OK;
done:
    free(b.s);
    nx_strmap_free(&with_all);
    nx_strmap_free(&seen);
    return st;
}

/* The merged views, moved into the document's arena. */
static nx_status finish(merger *M) {
    nx_document *doc = M->doc;
    size_t nm = M->mentions.count, ne = M->ents.count;
    doc->mentions = nx_arena_alloc_uninit(&doc->arena, (nm + 1) * sizeof *doc->mentions);
    doc->entities = nx_arena_alloc_uninit(&doc->arena, (ne + 1) * sizeof *doc->entities);
    if (!doc->mentions || !doc->entities) return NX_ERR_NOMEM;
    if (nm) memcpy(doc->mentions, M->mentions.items, nm * sizeof *doc->mentions);
    doc->n_mentions = nm;
    for (size_t e = 0; e < ne; e++) {
        went *w = &NX_VEC_AT(&M->ents, went, e);
        size_t *ms = nx_arena_alloc_uninit(&doc->arena, (w->mentions.count + 1) * sizeof *ms);
        const char **al = nx_arena_alloc_uninit(&doc->arena, (w->aliases.count + 1) * sizeof *al);
        if (!ms || !al) return NX_ERR_NOMEM;
        if (w->mentions.count) memcpy(ms, w->mentions.items, w->mentions.count * sizeof *ms);
        if (w->aliases.count) memcpy(al, w->aliases.items, w->aliases.count * sizeof *al);
        doc->entities[e] = w->e;
        doc->entities[e].mentions = ms;
        doc->entities[e].n_mentions = w->mentions.count;
        doc->entities[e].aliases = al;
        doc->entities[e].n_aliases = w->aliases.count;
    }
    doc->n_entities = ne;
    nx_status st = finish_relations(M);
    if (st == NX_OK) doc->phase = NX_PHASE_VIEWED;
    return st;
}

static void merger_free(merger *M) {
    for (size_t e = 0; e < M->ents.count; e++) {
        went *w = &NX_VEC_AT(&M->ents, went, e);
        nx_vec_free(&w->mentions);
        nx_vec_free(&w->aliases);
    }
    nx_vec_free(&M->ents);
    nx_vec_free(&M->mentions);
    nx_vec_free(&M->rels);
    nx_vec_free(&M->interned);
    nx_strmap_free(&M->by_key);
    nx_strmap_free(&M->strings);
}

/* A window's warnings, each with the bytes it covers. */
static int merge_warnings(merger *M, const nx_document *sub, size_t b0, size_t b1) {
    size_t n;
    const char *const *w = nx_document_warnings(sub, &n);
    for (size_t i = 0; i < n; i++)
        if (nx_doc_warn(M->doc, "bytes %zu-%zu: %s", b0, b1, w[i])) return -1;
    return 0;
}

nx_status nx_window_extract(const nx_model *model, const char *text, size_t len, const char *id, const nx_options *opts,
                            nx_document **out, nx_error *err) {
    *out = NULL;
    size_t window = opts->window_bytes;
    size_t n_stages = nx_stage_count();
    nx_status st;
    merger M;
    memset(&M, 0, sizeof M);
    nx_strmap_init(&M.by_key);
    nx_strmap_init(&M.strings);
    if (!(M.doc = nx_doc_create(model, opts, id, n_stages, &st))) {
        nx_error_set(err, st, id, 0, 0, "out of memory");
        return st;
    }
    nx_document *doc = M.doc;
    nx_options wopts = *opts;
    wopts.window_bytes = 0;
    wopts.fields = NULL;
    wopts.n_fields = 0;
    int any = 0;
    for (size_t b0 = 0; b0 < len;) {
        size_t b1 = window_end(text, len, b0, window);
        nx_document *sub = NULL;
        st = nx_extract(model, text + b0, b1 - b0, id, &wopts, &sub, err);
        if (st == NX_ERR_EMPTY) { /* a window of white space: nothing in it */
            if (err) memset(err, 0, sizeof *err);
            st = NX_OK;
        } else if (st == NX_OK) {
            any = 1;
            M.n_windows++;
            M.byte_off = b0;
            if (!doc->dct && sub->dct) {
                /* the first window's dct holds for the windows after it */
                int oom = 0;
                doc->dct = intern(&M, sub->dct, &oom);
                doc->dct_source = sub->dct_source; /* a static name */
                wopts.dct = doc->dct;
                wopts.dct_source = doc->dct_source;
                if (oom) st = NX_ERR_NOMEM;
            }
            if (st == NX_OK) st = merge_window(&M, sub);
            if (st == NX_OK && merge_warnings(&M, sub, b0, b1)) st = NX_ERR_NOMEM;
            for (size_t i = 0; st == NX_OK && doc->stage_seconds && i < n_stages; i++)
                doc->stage_seconds[i] += sub->stage_seconds[i];
            M.cp_off += sub->text.n_cp;
            if (st == NX_ERR_NOMEM) nx_error_set(err, st, id, 0, 0, "out of memory");
        }
        nx_document_free(sub);
        if (st != NX_OK) break;
        b0 = b1;
    }
    if (st == NX_OK && !any) {
        st = NX_ERR_EMPTY;
        nx_error_set(err, st, id, 0, 0, "empty document (no text)");
    }
    if (st == NX_OK && nx_doc_warn(doc, "a long document (%zu bytes) extracted in %zu windows of at most %zu bytes, cut at paragraph breaks: names are linked across windows only by their keys",
                                   len, M.n_windows, window))
        st = NX_ERR_NOMEM;
    if (st == NX_OK) {
        /* that note comes first */
        const char **w = doc->warnings.items;
        const char *note = w[doc->warnings.count - 1];
        memmove(w + 1, w, (doc->warnings.count - 1) * sizeof *w);
        w[0] = note;
        st = finish(&M);
        if (st != NX_OK) nx_error_set(err, st, id, 0, 0, "out of memory");
    }
    merger_free(&M);
    if (st != NX_OK) {
        nx_document_free(doc);
        return st;
    }
    *out = doc;
    return NX_OK;
}
