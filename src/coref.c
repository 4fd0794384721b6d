/* coref.c: entities from the sealed spans (see coref.h). */
#include "coref.h"

#include <string.h>

#include "gazetteer.h"
#include "strmap.h"
#include "swar.h"

/* A key of a map below: bytes the arena holds (a token's folded form, a
 * typed key) and their nx_hash(). */
typedef struct kkey {
    const char *s;
    size_t len;
    uint64_t hash;
} kkey;

/* A token's folded form as a key: the tokenizer hashed it. */
static kkey fold_key(const nx_token *t) { return (kkey){t->fold, t->fold_len, t->fold_hash}; }

/* The m bytes at p (1 <= m <= 8) in a word, zero-padded (as nx_hash
 * reads a key's last bytes: two loads that may overlap). */
static uint64_t load_upto8(const unsigned char *p, size_t m) {
    if (m == 8) return nx_load8(p);
    if (m >= 4) return nx_load4(p) | nx_load4(p + m - 4) << (8 * (m - 4));
    return p[0] | (uint64_t)p[m / 2] << (8 * (m / 2)) | (uint64_t)p[m - 1] << (8 * (m - 1));
}

/* Writes the typed key of the n bytes at f to k (room for n + 2, n + 9
 * when `ascii`) and sets *hash; returns its length, or 0 when `ascii` and a
 * byte is not ASCII. The bytes are folded here when `ascii`, else they are
 * folded already; the key is hashed whole when written (nx_hash reads
 * eight bytes at a time). */
static size_t write_key(char *k, nx_type type, const char *f, size_t n, int ascii, uint64_t *hash) {
    size_t w = 0, i = 0;
    k[w++] = (char)('0' + type);
    /* eight bytes at a time (stored whole, the last ones zero-padded) while
     * they are ASCII and their only separator is a single space after
     * another byte, which stays as it is: most names; the first other
     * chunk goes on byte by byte */
    while (ascii && i < n) {
        size_t m = n - i < 8 ? n - i : 8;
        uint64_t x = load_upto8((const unsigned char *)f + i, m);
        if (x & NX_HIGHS) break;
        /* (the separators are among the bytes up to '-': one test for all,
         * a second for a chunk where one is, which must be all spaces) */
        uint64_t low = nx_bytes_between(x, 1, '-');
        if (low) {
            uint64_t sp = nx_bytes_between(x, ' ', ' ');
            if (low != sp || (sp & sp << 8) || ((sp & 0x80) && (w == 1 || k[w - 1] == ' '))) break;
        }
        nx_store8((unsigned char *)k + w, x | nx_bytes_between(x, 'A', 'Z') >> 2); /* A-Z to a-z */
        w += m;
        i += m;
    }
    for (; i < n; i++) {
        if (ascii && (unsigned char)f[i] >= 0x80) return 0;
        char c = ascii ? nx_fold_ascii((unsigned char)f[i]) : f[i];
        if (c == '-' || c == '\n' || c == '\t') c = ' ';
        if (c == ' ') {
            if (k[w - 1] != ' ' && w > 1) k[w++] = ' ';
            continue;
        }
        k[w++] = c;
    }
    if (w > 1 && k[w - 1] == ' ') w--;
    k[w] = '\0';
    *hash = nx_hash(k, w, 0);
    return w;
}

/* The grouping key of a name: a first byte for its type, then the name
 * folded, hyphens as spaces (Al-Farabi == Al Farabi), white space collapsed
 * and trimmed, a final period dropped. In the arena; 0, or -1 when out of memory. An ASCII name is
 * folded on the way (write_key); another is folded first. */
static int typed_key(nx_document *doc, nx_type type, const char *s, kkey *out) {
    size_t n = strlen(s);
    /* "Acme Corp." at the end of a sentence is "Acme Corp" */
    while (n > 1 && s[n - 1] == '.') n--;
    char *k = nx_arena_alloc_uninit(&doc->arena, n + 9);
    if (!k) return -1;
    size_t w = write_key(k, type, s, n, 1, &out->hash);
    if (!w) {
        const char *f = nx_fold_dup(&doc->arena, s, n, &n);
        k = f ? nx_arena_alloc_uninit(&doc->arena, n + 2) : NULL;
        if (!k) return -1;
        w = write_key(k, type, f, n, 0, &out->hash);
    }
    out->s = k;
    out->len = w;
    return 0;
}

/* ---- a map from names to entities ------------------------------------------
 * Its keys are strings the arena holds (token folds, typed keys), not
 * copies, and its table is made once, in the arena, for the most keys a
 * document can give it: no malloc. */
typedef struct kentry {
    kkey key;
    int32_t ent;
} kentry;

typedef struct kmap {
    uint32_t *slots; /* entry + 1; 0 = empty */
    size_t mask;
    kentry *e;
    size_t n;
} kmap;

/* The mask of an open-addressing table of a power of two slots, 16 at the
 * least, at most half full with max keys. */
static size_t table_mask(size_t max) {
    size_t mask = 15;
    while (mask + 1 < 2 * max) mask = mask * 2 + 1;
    return mask;
}

static int kmap_init(nx_arena *A, kmap *m, size_t max) {
    m->mask = table_mask(max);
    m->slots = nx_arena_alloc(A, (m->mask + 1) * sizeof *m->slots);
    m->e = nx_arena_alloc_uninit(A, (max + 1) * sizeof *m->e);
    m->n = 0;
    return m->slots && m->e ? 0 : -1;
}

/* The slot of key: its entry + 1, or 0 where kmap_put() would put it. */
static uint32_t *kmap_slot(const kmap *m, kkey k) {
    size_t s = (size_t)k.hash & m->mask;
    for (; m->slots[s]; s = (s + 1) & m->mask) {
        const kkey *o = &m->e[m->slots[s] - 1].key;
        if (o->hash == k.hash && o->len == k.len && memcmp(o->s, k.s, k.len) == 0) break;
    }
    return &m->slots[s];
}

static int kmap_get(const kmap *m, kkey k, int32_t *ent) {
    uint32_t s = *kmap_slot(m, k);
    if (s) *ent = m->e[s - 1].ent;
    return s != 0;
}

/* Puts key -> ent in the empty slot kmap_slot() gave for it. */
static void kmap_put(kmap *m, uint32_t *slot, kkey k, int32_t ent) {
    m->e[m->n] = (kentry){k, ent};
    *slot = (uint32_t)++m->n;
}

/* Adds key -> ent unless key is there already. */
static void kmap_add(kmap *m, kkey k, int32_t ent) {
    uint32_t *s = kmap_slot(m, k);
    if (!*s) kmap_put(m, s, k, ent);
}

/* The entities are made in the arena, at most one per span; a span's
 * entity is set as it is attached, and the entities' mention lists are
 * cut from one array of the attachments (collect_mentions). */
typedef struct cctx {
    nx_document *doc;
    uint32_t *att;    /* the spans attached, in order */
    int32_t *att_ent; /* the entity of each */
    size_t n_att;
} cctx;

static int32_t new_entity(nx_document *doc, nx_type type, const char *key) {
    nx_ent *e = &doc->ents[doc->n_ents];
    *e = (nx_ent){.type = (uint8_t)type, .key = key};
    return (int32_t)doc->n_ents++;
}

/* (an entity's n_mentions counts its attachments until collect_mentions
 * places them) */
static void attach(cctx *c, int32_t ent, uint32_t span) {
    c->att_ent[c->n_att] = ent;
    c->att[c->n_att++] = span;
    c->doc->ents[ent].n_mentions++;
    nx_doc_set_entity(c->doc, span, ent);
}

/* Each entity's mentions, in the order they were attached: the
 * attachments counted per entity (attach), then placed in one array
 * (arena), each entity's a slice of it. */
static int collect_mentions(cctx *c) {
    nx_document *doc = c->doc;
    uint32_t *all = nx_arena_alloc_uninit(&doc->arena, (c->n_att + 1) * sizeof *all);
    if (!all) return -1;
    size_t at = 0;
    for (size_t e = 0; e < doc->n_ents; e++) {
        doc->ents[e].mentions = all + at;
        at += doc->ents[e].n_mentions;
        doc->ents[e].n_mentions = 0;
    }
    for (size_t a = 0; a < c->n_att; a++) {
        nx_ent *en = &doc->ents[c->att_ent[a]];
        en->mentions[en->n_mentions++] = c->att[a];
    }
    return 0;
}

/* The surname token of a multi-word person span. */
static const nx_token *surname_tok(const nx_document *doc, const nx_span *s) {
    return (s->flags & NX_SPAN_FAMILY_FIRST) ? TOK(doc, s->t0) : TOK(doc, s->t1 - 1);
}

/* Maps the surname and the given name of every multi-word person mention to
 * its entity (the first entity, when several share one). */
static void index_names(const nx_document *doc, kmap *surnames, kmap *given) {
    for (size_t e = 0; e < doc->n_ents; e++) {
        const nx_ent *en = &doc->ents[e];
        if (en->type != NX_PERSON) continue;
        for (size_t m = 0; m < en->n_mentions; m++) {
            const nx_span *ms = SPAN(doc, en->mentions[m]);
            if (ms->t1 - ms->t0 < 2) continue;
            const nx_token *st = surname_tok(doc, ms), *gt = TOK(doc, ms->t0);
            kmap_add(surnames, fold_key(st), (int32_t)e);
            if (!(ms->flags & NX_SPAN_FAMILY_FIRST)) kmap_add(given, fold_key(gt), (int32_t)e);
        }
    }
}

/* The key of an organisation's name without the legal forms at its end
 * (data: org-suffix in org-designators.tsv): "Acme Corp." -> "acme". 1 when
 * the span has such a name, 0 when not, -1 when out of memory. A
 * gazetteer's canonical name is left as it is. */
static int org_base_key(nx_document *doc, const nx_span *s, kkey *out) {
    if (s->type != NX_ORGANIZATION || s->canon || s->t1 - s->t0 < 2) return 0;
    uint32_t t1 = s->t1;
    while (t1 > s->t0 + 1 && ((TOK(doc, t1 - 1)->feat & NX_FEAT(NX_G_ORG_SUFFIX)) ||
                              (TOK(doc, t1 - 1)->kind == NX_TOK_PUNCT && TOK(doc, t1 - 1)->fold_len == 1 &&
                               (TOK(doc, t1 - 1)->fold[0] == ',' || TOK(doc, t1 - 1)->fold[0] == '.'))))
        t1--;
    if (t1 == s->t1 || TOK(doc, t1 - 1)->kind != NX_TOK_WORD) return 0;
    uint32_t b0 = TOK(doc, s->t0)->b0, b1 = TOK(doc, t1 - 1)->b1;
    char *name = nx_arena_alloc_uninit(&doc->arena, b1 - b0 + 1);
    if (!name) return -1;
    memcpy(name, doc->text.work + b0, b1 - b0);
    name[b1 - b0] = '\0';
    return typed_key(doc, NX_ORGANIZATION, name, out) ? -1 : 1;
}

/* The entity of span s of the given type by its typed key (`by_key`:
 * type and key -> entity), a new one when none has the key; -1 when out
 * of memory. */
static int32_t entity_by_key(nx_document *doc, nx_span *s, nx_type type, kmap *by_key) {
    int32_t e;
    const char *name = s->canon ? s->canon : nx_doc_span_text(doc, s);
    kkey typed;
    if (!name || typed_key(doc, type, name, &typed)) return -1;
    uint32_t *slot = kmap_slot(by_key, typed);
    if (*slot) return by_key->e[*slot - 1].ent;
    /* "Acme Corp." and "Acme", either first: one organisation */
    kkey base;
    int has_base = org_base_key(doc, s, &base);
    if (has_base < 0) return -1;
    if (has_base && kmap_get(by_key, base, &e)) {
        kmap_put(by_key, slot, typed, e);
        return e;
    }
    e = new_entity(doc, type, typed.s + 1);
    kmap_put(by_key, slot, typed, e);
    if (has_base) kmap_add(by_key, base, e);
    return e;
}

/* ---- the entity of each canonical name met ---------------------------------
 * by the name's address and the type: a gazetteer entry's name is one
 * string for all its mentions, so most canonical names come again, and
 * the entity a typed key maps to never changes once set (kmap_put only
 * fills an empty slot): a name met again needs no key. In the arena,
 * zeroed (no name), for the most names a document can give it. */
typedef struct centry {
    const char *canon;
    int32_t ent;
    uint8_t type;
} centry;

typedef struct cmap {
    centry *e;
    size_t mask;
} cmap;

static int cmap_init(nx_arena *A, cmap *m, size_t max) {
    m->mask = table_mask(max);
    m->e = nx_arena_alloc(A, (m->mask + 1) * sizeof *m->e);
    return m->e ? 0 : -1;
}

/* The entry of canon and type: theirs, or the empty one where they go. */
static centry *cmap_at(const cmap *m, const char *canon, nx_type type) {
    size_t s = (size_t)(((uint64_t)(uintptr_t)canon * 0x9E3779B97F4A7C15ULL) >> 32) & m->mask;
    while (m->e[s].canon && (m->e[s].canon != canon || m->e[s].type != type)) s = (s + 1) & m->mask;
    return &m->e[s];
}

/* The entity of a span: a one-word person is the person of that surname,
 * else of that given name, named in full elsewhere; other spans group by
 * their folded name (`by_key`: type and key -> entity; `by_canon` the
 * entities of the canonical names met). */
static int32_t entity_for(nx_document *doc, nx_span *s, const kmap *surnames, const kmap *given, kmap *by_key,
                          cmap *by_canon) {
    int32_t e;
    if (s->type == NX_PERSON && s->t1 - s->t0 == 1) {
        kkey k = fold_key(TOK(doc, s->t0));
        if (kmap_get(surnames, k, &e) || kmap_get(given, k, &e)) return e;
    }
    /* a nationality refers to its country, a place ("Kazakh" -> Kazakhstan) */
    nx_type type = s->type == NX_NATIONALITY ? NX_PLACE : (nx_type)s->type;
    centry *met = s->canon ? cmap_at(by_canon, s->canon, type) : NULL;
    if (met && met->canon) return met->ent;
    e = entity_by_key(doc, s, type, by_key);
    if (met && e >= 0) *met = (centry){s->canon, e, (uint8_t)type};
    return e;
}

nx_status nx_coref(nx_document *doc, nx_error *err) {
    (void)err;
    size_t n = doc->spans.count;
    cctx c = {doc, nx_arena_alloc_uninit(&doc->arena, (n + 1) * sizeof *c.att),
              nx_arena_alloc_uninit(&doc->arena, (n + 1) * sizeof *c.att_ent), 0};
    doc->ents = nx_arena_alloc_uninit(&doc->arena, (n + 1) * sizeof *doc->ents);
    doc->n_ents = 0;
    /* each span gives each map one key at most */
    kmap surnames, given, by_key;
    if (!c.att || !c.att_ent || !doc->ents || kmap_init(&doc->arena, &surnames, n) || kmap_init(&doc->arena, &given, n) ||
        kmap_init(&doc->arena, &by_key, 2 * n)) /* (a name and its base: org_base_key) */
        return NX_ERR_NOMEM;
    /* full names first, so a surname alone finds its person wherever it is:
     * the person, organisation and place spans in two lists, in order, made
     * in one pass (by counts, not branches: the types of consecutive spans
     * are as good as random), the one-word people's then put last */
    uint32_t *order = nx_arena_alloc_uninit(&doc->arena, (n + 1) * sizeof *order);
    uint32_t *one = nx_arena_alloc_uninit(&doc->arena, (n + 1) * sizeof *one);
    if (!order || !one) return NX_ERR_NOMEM;
    size_t n_full = 0, n_one = 0, n_canon = 0;
    for (size_t k = 0; k < n; k++) {
        const nx_span *s = SPAN(doc, k);
        int one_word = (s->type == NX_PERSON) & (s->t1 - s->t0 == 1);
        order[n_full] = one[n_one] = (uint32_t)k;
        n_full += ((s->type <= NX_PLACE) | (s->type == NX_NATIONALITY)) & !one_word;
        n_one += one_word;
        n_canon += s->canon != NULL;
    }
    memcpy(order + n_full, one, n_one * sizeof *order);
    cmap by_canon;
    if (cmap_init(&doc->arena, &by_canon, n_canon)) return NX_ERR_NOMEM;
    for (size_t o = 0; o < n_full + n_one; o++) {
        if (o == n_full) {
            if (collect_mentions(&c)) return NX_ERR_NOMEM;
            index_names(doc, &surnames, &given);
        }
        int32_t ent = entity_for(doc, SPAN(doc, order[o]), &surnames, &given, &by_key, &by_canon);
        if (ent < 0) return NX_ERR_NOMEM;
        attach(&c, ent, order[o]);
    }
    if (collect_mentions(&c)) return NX_ERR_NOMEM;
    /* each entity's name: the canonical name when there is one, else the longest surface */
    for (size_t e = 0; e < doc->n_ents; e++) {
        nx_ent *en = &doc->ents[e];
        const char *best = NULL;
        size_t best_len = 0;
        for (size_t m = 0; m < en->n_mentions; m++) {
            nx_span *s = SPAN(doc, en->mentions[m]);
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

