/* gazetteer.c: the read-only gazetteer view: word lookups in the static
 * edge table, case rules, token features and longest matches; and the view
 * as model file sections, saved and checked (gazetteer_build.c makes the
 * view from the files). */
#include "gazetteer.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "swar.h"

void nx_gazetteer_init(nx_gazetteer *g) {
    memset(g, 0, sizeof *g);
    nx_strmap_init(&g->abbreviations);
    nx_strmap_init(&g->no_sentence_end);
}

void nx_gazetteer_free(nx_gazetteer *g) {
    if (!g) return;
    if (!g->borrowed) {
        free((void *)g->entries);
        free((void *)g->entry_next);
        free((void *)g->pool);
        free((void *)g->node_head);
        free((void *)g->node_flags);
        free((void *)g->node_feat);
        free((void *)g->sources);
        free((void *)g->endings);
        free((void *)g->ending_first);
        free((void *)g->edges.slots);
        free((void *)g->edges.labels);
        free((void *)g->edges.filter);
    }
    nx_strmap_free(&g->abbreviations);
    nx_strmap_free(&g->no_sentence_end);
    memset(g, 0, sizeof *g);
}

/* Whether the label at lab is exactly fold[0..len). Byte by byte, stopping
 * at the label's NUL: the labels end with a NUL, so no offset into them
 * (even a hostile file's) makes this read past them. */
static int label_is(const char *lab, const char *fold, size_t len) {
    for (size_t k = 0; k < len; k++)
        if (lab[k] != fold[k] || !lab[k]) return 0;
    return lab[len] == '\0';
}

/* The child of node along a token (fold[0..len)) whose edge hash
 * (nx_gedge_hash of node and the token's hash) is h; 0 when there is none.
 * The table is not empty. */
static inline uint32_t child_at(const nx_gedges *E, uint32_t node, uint64_t h, const char *fold, size_t len) {
    size_t mask = E->n_slots - 1;
    uint32_t tag = (uint32_t)(h >> 32);
    /* ends: the table always has an empty slot (the builder sizes it so, and
     * nx_gazetteer_attach checks it) */
    for (size_t s = (size_t)h & mask;; s = (s + 1) & mask) {
        const nx_gedge *e = &E->slots[s];
        if (!e->child) return 0;
        if (e->tag == tag && e->parent == node && label_is(E->labels + e->label, fold, len)) return e->child;
    }
}

uint32_t nx_gazetteer_child(const nx_gazetteer *g, uint32_t node, const char *fold, size_t len, uint64_t token_hash) {
    if (!g->edges.n_slots) return 0;
    return child_at(&g->edges, node, nx_gedge_hash(node, token_hash), fold, len);
}

uint32_t nx_gazetteer_word(const nx_gazetteer *g, const char *fold, size_t len) {
    return nx_gazetteer_child(g, 0, fold, len, nx_gtoken_hash(fold, len));
}

int nx_gazetteer_word_is(const nx_gazetteer *g, const char *fold, size_t len, int cls, const char *kind) {
    uint32_t node = len ? nx_gazetteer_word(g, fold, len) : 0;
    for (uint32_t x = node ? nx_gnode_first(g, node) : 0; x; x = nx_gnode_next(g, x)) {
        const nx_entry *e = &g->entries[x - 1];
        if (e->cls == cls && (!kind || (e->kind && strcmp(nx_gstr(g, e->kind), kind) == 0))) return 1;
    }
    return 0;
}

uint8_t nx_gazetteer_prefix_status(const nx_gazetteer *g, const char *fold, size_t len) {
    const char *h = memchr(fold, '-', len);
    if (!h || h == fold) return 0;
    size_t f = (size_t)(h - fold);
    uint8_t st = nx_gazetteer_modifier_status(g, fold, f + 1, NULL);
    return st ? st : nx_gazetteer_modifier_status(g, fold, f, NULL);
}

uint8_t nx_gazetteer_modifier_status(const nx_gazetteer *g, const char *fold, size_t len, int *is_mod) {
    uint32_t node = len ? nx_gazetteer_word(g, fold, len) : 0;
    uint8_t status = 0;
    for (uint32_t x = node ? nx_gnode_first(g, node) : 0; x; x = nx_gnode_next(g, x))
        if (g->entries[x - 1].cls == NX_G_TITLE_MOD) {
            if (is_mod) *is_mod = 1;
            if (g->entries[x - 1].status && !status) status = g->entries[x - 1].status;
        }
    return status;
}

/* ---- matching ------------------------------------------------------------ */

int nx_entry_case_ok(const nx_gazetteer *g, const nx_entry *e, const nx_text *text, const nx_tokens *toks,
                     uint32_t t0, uint32_t t1) {
    if (e->case_rule == NX_CASE_FOLD) return 1;
    if (e->case_rule == NX_CASE_CAP) return (toks->items[t0].shape & NX_SH_CAP) != 0;
    return nx_entry_case_ok_bytes(g, e, text->work + toks->items[t0].b0, text->work + toks->items[t1 - 1].b1);
}

int nx_entry_case_ok_bytes(const nx_gazetteer *g, const nx_entry *e, const char *p, const char *end) {
    if (e->case_rule == NX_CASE_FOLD) return 1;
    if (e->case_rule == NX_CASE_CAP) return p < end && *p >= 'A' && *p <= 'Z';
    /* exact: compare the surface and the text with white space removed */
    const char *s = nx_gstr(g, e->surface);
    while (*s || p < end) {
        while (*s == ' ') s++;
        while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')) p++;
        if (!*s || p >= end) break;
        if (*s != *p) return 0;
        s++, p++;
    }
    while (p < end && (*p == ' ' || *p == '\n')) p++;
    return !*s && p >= end;
}

/* The exact-case entries at node: whether one accepts tokens [t0, t1), and
 * in *feat (when not NULL) the features of those that do. The other entries
 * need no look (nx_gnode_feat). */
static int exact_entries(const nx_gazetteer *g, const nx_text *text, const nx_tokens *toks, uint32_t node,
                         uint32_t t0, uint32_t t1, uint64_t *feat) {
    int ok = 0;
    for (uint32_t e = nx_gnode_first(g, node); e; e = nx_gnode_next(g, e)) {
        const nx_entry *en = &g->entries[e - 1];
        if (en->case_rule != NX_CASE_EXACT || !nx_entry_case_ok(g, en, text, toks, t0, t1)) continue;
        ok = 1;
        if (!feat) break;
        *feat |= nx_entry_features(en);
    }
    return ok;
}

/* Whether an entry at node accepts tokens [t0, t1); cap: token t0 is
 * capitalised. */
static inline int node_accepts(const nx_gazetteer *g, const nx_text *text, const nx_tokens *toks, uint32_t node,
                               uint32_t t0, uint32_t t1, int cap) {
    unsigned fl = g->node_flags[node];
    return (fl & NX_GN_FOLD) || ((fl & NX_GN_CAP) && cap) ||
           ((fl & NX_GN_EXACT) && exact_entries(g, text, toks, node, t0, t1, NULL));
}

/* The features of the endings endings[k0 .. k1) that are a suffix of the
 * word with two letters or more before them. */
static uint64_t endings_in(const nx_gazetteer *g, uint32_t k0, uint32_t k1, const char *fold, size_t len) {
    uint64_t f = 0;
    for (uint32_t k = k0; k < k1; k++) {
        const nx_ending *e = &g->endings[k];
        if (e->len + 2 > len) continue;
        const char *a = fold + len - e->len, *b = nx_gstr(g, e->fold);
        size_t n = 0;
        while (n < e->len && a[n] == b[n]) n++;
        if (n < e->len) continue;
        f |= NX_FEAT(NX_G_NAME_ENDING);
        if (e->family_first) f |= NX_FEAT_NAME_ENDING_FAMILY_FIRST;
    }
    return f;
}

void nx_gazetteer_index_endings(nx_gazetteer *g) {
    memset(g->ending_before_last, 0, sizeof g->ending_before_last);
    for (unsigned k = 1; k < NX_ENDING_KEYS; k++)
        for (uint32_t i = g->ending_first[k]; i < g->ending_first[k + 1]; i++) {
            const nx_ending *e = &g->endings[i];
            if (e->len < 2) {
                memset(g->ending_before_last[k], 0xFF, sizeof g->ending_before_last[k]);
                continue;
            }
            unsigned b = (unsigned char)nx_gstr(g, e->fold)[e->len - 2];
            g->ending_before_last[k][b >> 6] |= UINT64_C(1) << (b & 63);
        }
}

/* The name ending features of a capitalised word of five letters or more:
 * only the endings with its last byte (and the empty one) can match, and
 * those only when one of them has its byte before the last. */
static uint64_t ending_features(const nx_gazetteer *g, const nx_token *t) {
    /* (one test: each of the three is as good as random) */
    if (!(((t->shape & (NX_SH_ALPHA | NX_SH_CAP)) == (NX_SH_ALPHA | NX_SH_CAP)) & (t->fold_len >= 5))) return 0;
    const uint32_t *first = g->ending_first;
    unsigned key = nx_ending_key(t->fold, t->fold_len);
    unsigned before = (unsigned char)t->fold[t->fold_len - 2];
    uint64_t f = endings_in(g, first[0], first[1], t->fold, t->fold_len);
    if ((g->ending_before_last[key][before >> 6] >> (before & 63)) & 1)
        f |= endings_in(g, first[key], first[key + 1], t->fold, t->fold_len);
    return f;
}

/* Whether the match stage looks a token up: all but one-character
 * punctuation (an ampersand starts names: & Co). */
static inline int looked_up(const nx_token *t) {
    return !(t->kind == NX_TOK_PUNCT && t->b1 - t->b0 == 1 && t->fold[0] != '&');
}

/* Whether the label at offset off is exactly the token's folded form
 * fold[0..len), which the tokenizer NUL-terminates and which holds no NUL
 * before (the text has none): then the len + 1 bytes with the NUL say it,
 * compared whole instead of byte by byte looking for the label's end. Only
 * a label too close to the end of the labels is compared the slow way. */
static inline __attribute__((always_inline)) int label_is_fold(const nx_gedges *E, uint32_t off, const char *fold,
                                                              size_t len) {
    /* most: 16 bytes of both may be read (nx_token.fold), no branch on the length */
    if (len < 16 && E->labels_len - off >= 16) return nx_same_bytes16(E->labels + off, fold, len + 1);
    if (len < E->labels_len - off) return nx_same_bytes(E->labels + off, fold, len + 1);
    return label_is(E->labels + off, fold, len);
}

/* The lookups of a block of tokens are done in three steps, each on a
 * later block than the one after it (the pipeline in nx_gazetteer_match):
 * every token's root lookup reads three or four cache lines of a model much
 * bigger than the cache, each found from the one before (slot, then label,
 * node flags and features), so the lines a block will read are loaded while
 * the blocks before it are matched. A block's lines stay in the cache until
 * it is done. (The filter block of the edge to the next token is not
 * loaded ahead: the filter, 128 KB, is mostly in the cache already, and
 * hashing that edge for every token found, most of whose nodes have no
 * edge out, cost 10 % of the stage's instructions.) */
enum { MATCH_BLOCK = 64, MATCH_RING = 4 * MATCH_BLOCK }; /* a power of two: i % MATCH_RING is a mask */

/* What the steps leave for the next about a token (in a ring of blocks,
 * index i % MATCH_RING), so that step 2 reads none of the tokens: step 1
 * the root edge's hash (the token's fold_hash, nx_gedge_hash(0, ...)) and
 * whether the token is looked up; step 2 the first slot whose tag is the
 * hash's and whose parent is the root. */
enum { LOOKUP_SKIP = 0, LOOKUP_NONE = 1, LOOKUP_SLOT = 2 };
typedef struct lookup {
    uint64_t h;
    uint32_t slot; /* the slot + LOOKUP_SLOT; LOOKUP_NONE: none (or not probed yet); LOOKUP_SKIP: not looked up */
} lookup;

/* A slot's tag and parent as one word, and that of an edge from the root
 * whose hash is h: one compare for both (nx_gedge: tag, then parent). */
static inline uint64_t tag_parent(const nx_gedge *e) {
    uint64_t w;
    memcpy(&w, e, sizeof w);
    return w;
}
static inline uint64_t root_tag(uint64_t h) {
    nx_gedge e = {(uint32_t)(h >> 32), 0, 0, 0};
    return tag_parent(&e);
}
_Static_assert(offsetof(nx_gedge, tag) == 0 && offsetof(nx_gedge, parent) == 4, "tag_parent() reads both at once");

/* Step 1: hashes each token of [b0, b1) and starts loading its root slot.
 * A prefetch: the loop goes on at once. (Real loads measured 5-10 %
 * faster when every step rehashed and reprobed; with the steps' work
 * shared through the ring they are 10-15 % slower: 64 loads that miss,
 * each kept in the reorder buffer until it is served, stall the loop.
 * Step 2 reading the tokens instead of the ring, and step 1 only
 * prefetching, took 3.6 M of the stage's 29.2 M instructions on 500 news
 * documents, and made it 6-12 % slower: --stage-times, best of 20 runs.) */
static void load_slots(const nx_gazetteer *g, const nx_token *items, lookup *ring, uint32_t b0, uint32_t b1) {
    /* (locals: the stores to the ring may alias the table's size) */
    const nx_gedge *slots = g->edges.slots;
    size_t mask = g->edges.n_slots - 1;
    for (uint32_t i = b0; i < b1; i++) {
        lookup *l = &ring[i % MATCH_RING];
        uint64_t h = nx_gedge_hash(0, items[i].fold_hash);
        int skip = !looked_up(&items[i]);
        l->slot = skip ? LOOKUP_SKIP : LOOKUP_NONE;
        l->h = h;
        if (!skip) __builtin_prefetch(&slots[h & mask]);
    }
}

/* Step 2: probes the slots (loaded or being loaded) and starts loading what
 * the lookups read next: the label of the slot whose tag is the token's,
 * and that child's flags and features. */
static void load_nodes(const nx_gazetteer *g, lookup *ring, uint32_t b0, uint32_t b1) {
    /* (locals: the stores to the ring may alias the tables' pointers) */
    const nx_gedge *slots = g->edges.slots;
    const char *labels = g->edges.labels;
    const uint8_t *node_flags = g->node_flags;
    const nx_gnode_feat *node_feat = g->node_feat;
    size_t mask = g->edges.n_slots - 1;
    for (uint32_t i = b0; i < b1; i++) {
        lookup *l = &ring[i % MATCH_RING];
        if (l->slot == LOOKUP_SKIP) continue;
        uint64_t tag_root = root_tag(l->h);
        for (size_t s = (size_t)l->h & mask;; s = (s + 1) & mask) {
            const nx_gedge *e = &slots[s];
            if (!e->child) break;
            if (tag_parent(e) != tag_root) continue;
            l->slot = (uint32_t)s + LOOKUP_SLOT;
            __builtin_prefetch(labels + e->label);
            __builtin_prefetch(&node_flags[e->child]);
            __builtin_prefetch(&node_feat[e->child]);
            break;
        }
    }
}

/* The token's child of the root from what step 2 found: the slot's child
 * when its label is the token, else (another token with the same tag)
 * the probe goes on past it as child_at's would. */
static inline __attribute__((always_inline)) uint32_t root_child(const nx_gedges *E, const lookup *l,
                                                                 const nx_token *t) {
    size_t slot = l->slot - LOOKUP_SLOT;
    const nx_gedge *e = &E->slots[slot];
    if (label_is_fold(E, e->label, t->fold, t->fold_len)) return e->child;
    size_t mask = E->n_slots - 1;
    uint32_t tag = (uint32_t)(l->h >> 32);
    for (size_t s = (slot + 1) & mask;; s = (s + 1) & mask) {
        e = &E->slots[s];
        if (!e->child) return 0;
        if (e->tag == tag && e->parent == 0 && label_is_fold(E, e->label, t->fold, t->fold_len)) return e->child;
    }
}

/* Step 3: the features of each token of [b0, b1) and the longest entry
 * from it, appended to m[nm ..]; returns the new count. */
static size_t match_block(const nx_gazetteer *g, const nx_text *text, nx_tokens *toks, const lookup *ring,
                          uint32_t b0, uint32_t b1, nx_gmatch *m, size_t nm) {
    /* (locals: the stores to the tokens and matches may alias the tables' bytes) */
    const nx_gedges *E = &g->edges;
    const uint8_t *node_flags = g->node_flags;
    const nx_gnode_feat *node_feat = g->node_feat;
    nx_token *items = toks->items;
    uint32_t count = (uint32_t)toks->count;
    for (uint32_t i = b0; i < b1; i++) {
        nx_token *t = &items[i];
        const lookup *l = &ring[i % MATCH_RING];
        if (l->slot == LOOKUP_SKIP) continue;
        uint32_t node = l->slot != LOOKUP_NONE ? root_child(E, l, t) : 0;
        uint32_t best = 0, best_end = 0;
        uint64_t f = ending_features(g, t);
        if (node) {
            /* the features of the entries that cover the token alone */
            int cap = (t->shape & NX_SH_CAP) != 0;
            uint64_t cap_mask = (uint64_t)0 - (uint64_t)cap; /* (masks: whether a word is capitalised is random) */
            unsigned fl = node_flags[node];
            f |= node_feat[node].fold | (node_feat[node].cap & cap_mask);
            int ok = (fl & (NX_GN_FOLD | (NX_GN_CAP & (unsigned)cap_mask))) != 0;
            if (fl & NX_GN_EXACT) ok |= exact_entries(g, text, toks, node, i, i + 1, &f);
            if (ok) best = node, best_end = i + 1;
            /* the longest entry from here */
            for (uint32_t j = i + 1; j < count && (fl & NX_GN_CHILDREN); j++) {
                uint64_t h = nx_gedge_hash(node, items[j].fold_hash);
                if (!nx_gedge_may_exist(E, h)) break;
                uint32_t c = child_at(E, node, h, items[j].fold, items[j].fold_len);
                if (!c) break;
                node = c;
                fl = node_flags[node];
                if (node_accepts(g, text, toks, node, i, j + 1, cap)) best = node, best_end = j + 1;
            }
        }
        t->feat |= f;
        if (best_end) {
            m[nm].t0 = i;
            m[nm].t1 = best_end;
            m[nm].node = best;
            nm++;
        }
    }
    return nm;
}

nx_status nx_gazetteer_match(const nx_gazetteer *g, nx_arena *arena, const nx_text *text, nx_tokens *toks,
                             nx_gmatch **out, size_t *n_out) {
    *out = NULL;
    *n_out = 0;
    if (!toks->count || !g->n_nodes) return NX_OK;
    nx_gmatch *m = nx_arena_alloc_uninit(arena, toks->count * sizeof *m);
    if (!m) return NX_ERR_NOMEM;
    const nx_token *items = toks->items;
    lookup ring[MATCH_RING];
    uint32_t count = (uint32_t)toks->count, nb = (count + MATCH_BLOCK - 1) / MATCH_BLOCK;
#define BLOCK_END(k) ((k) + 1 < nb ? ((k) + 1) * MATCH_BLOCK : count)
    /* block k is matched while block k + 1's nodes and block k + 2's slots load */
    load_slots(g, items, ring, 0, BLOCK_END(0));
    if (nb > 1) load_slots(g, items, ring, MATCH_BLOCK, BLOCK_END(1));
    load_nodes(g, ring, 0, BLOCK_END(0));
    size_t nm = 0;
    for (uint32_t k = 0; k < nb; k++) {
        if (k + 2 < nb) load_slots(g, items, ring, (k + 2) * MATCH_BLOCK, BLOCK_END(k + 2));
        if (k + 1 < nb) load_nodes(g, ring, (k + 1) * MATCH_BLOCK, BLOCK_END(k + 1));
        nm = match_block(g, text, toks, ring, k * MATCH_BLOCK, BLOCK_END(k), m, nm);
    }
#undef BLOCK_END
    *out = m;
    *n_out = nm;
    return NX_OK;
}

/* ---- the model file's gazetteer sections ----------------------------------- */

int nx_gazetteer_save(const nx_gazetteer *g, nx_mfile_writer *w) {
    struct {
        uint32_t id, align;
        const void *data;
        size_t len;
    } parts[] = {
        {NX_MS_ENTRIES, 8, g->entries, g->n_entries * sizeof *g->entries},
        {NX_MS_ENTRY_NEXT, 4, g->entry_next, g->n_entries * sizeof *g->entry_next},
        {NX_MS_POOL, 8, g->pool, g->pool_len},
        {NX_MS_NODE_HEAD, 4, g->node_head, g->n_nodes * sizeof *g->node_head},
        {NX_MS_NODE_FLAGS, 1, g->node_flags, g->n_nodes * sizeof *g->node_flags},
        {NX_MS_NODE_FEATURES, 16, g->node_feat, g->n_nodes * sizeof *g->node_feat}, /* one item per half line */
        {NX_MS_EDGES, 64, g->edges.slots, g->edges.n_slots * sizeof *g->edges.slots}, /* a probe reads one cache line */
        {NX_MS_EDGE_LABELS, 8, g->edges.labels, g->edges.labels_len},
        {NX_MS_EDGE_FILTER, 64, g->edges.filter, g->edges.filter_bits / 8},
        {NX_MS_SOURCES, 4, g->sources, g->n_sources * sizeof *g->sources},
        {NX_MS_ENDINGS, 4, g->endings, g->n_endings * sizeof *g->endings},
        {NX_MS_ENDING_INDEX, 4, g->ending_first, (NX_ENDING_KEYS + 1) * sizeof *g->ending_first},
    };
    for (size_t i = 0; i < sizeof parts / sizeof *parts; i++)
        if (nx_mfile_writer_add(w, parts[i].id, parts[i].align, parts[i].data, parts[i].len)) return -1;
    const nx_strmap *maps[] = {&g->abbreviations, &g->no_sentence_end};
    const uint32_t ids[] = {NX_MS_ABBREVIATIONS, NX_MS_NO_SENTENCE_END};
    for (size_t i = 0; i < 2; i++) {
        void *p = nx_mfile_writer_reserve(w, ids[i], 8, nx_strmap_flat_size(maps[i]));
        if (!p) return -1;
        nx_strmap_flatten(maps[i], p);
    }
    return 0;
}

/* A section that must be there, holding whole items of `size` bytes,
 * aligned for them (the file's alignment field is the writer's word, the
 * address is what the loads need). */
static const char *section(const nx_mfile *f, uint32_t id, size_t size, const void **data, size_t *count) {
    size_t len, align = size % 8 == 0 ? 8 : size % 4 == 0 ? 4 : 1;
    if (!nx_mfile_find(f, id, data, &len)) return "is missing";
    if ((uintptr_t)*data % align) return "is not aligned for its items";
    if (len % size) return "is not a whole number of items";
    *count = len / size;
    return NULL;
}

/* Strings: offset 0 is "" and the last byte is a NUL, so every offset
 * below len starts a terminated string. */
static int strings_ok(const char *s, size_t len) { return len && s[0] == '\0' && s[len - 1] == '\0'; }

/* Four 32-bit words compared at once (GCC's and Clang's vector types): the
 * compiler does not vectorize the checks of a struct's fields by itself (17
 * instructions a slot). A compare sets a lane to all ones where it holds. */
typedef uint32_t v4u __attribute__((vector_size(16)));
_Static_assert(offsetof(nx_entry, value) == offsetof(nx_entry, surface) + 12, "the checks read surface .. value as one vector");

/* The largest value of each field the checks bound, eight 32-bit words
 * (AVX2) at a time where the CPU has them: a maximum per lane over all the
 * items, compared with the bounds once at the end, instead of a compare per
 * item (the baseline x86-64 has no unsigned 32-bit maximum or compare).
 * The same verdicts as the loops in check_view: test_model_file runs its
 * field checks on both (NERX_NO_AVX2_CHECKS set: the loops), and the fuzz
 * test runs on whichever the CPU takes. */
#if (defined(__GNUC__) || defined(__clang__)) && defined(__x86_64__)
#include <immintrin.h>
#define NX_AVX2_CHECKS 1

/* Over the entries: the maxima of each byte, each 16-bit word and each
 * 32-bit word of an entry's first 32 bytes (nx_entry: the class, case rule
 * and status bytes, the source word, the country's last byte, the five
 * pool offsets), each read where its width puts it. */
__attribute__((target("avx2"))) static void entry_maxima(const nx_entry *e, size_t n, uint8_t mb[32], uint16_t mw[16],
                                                         uint32_t md[8]) {
    __m256i b = _mm256_setzero_si256(), w = b, d = b;
    for (size_t i = 0; i < n; i++) {
        __m256i x = _mm256_loadu_si256((const __m256i_u *)(const void *)&e[i]);
        b = _mm256_max_epu8(b, x);
        w = _mm256_max_epu16(w, x);
        d = _mm256_max_epu32(d, x);
    }
    _mm256_storeu_si256((__m256i_u *)(void *)mb, b);
    _mm256_storeu_si256((__m256i_u *)(void *)mw, w);
    _mm256_storeu_si256((__m256i_u *)(void *)md, d);
}

/* Over the edge slots (nx_gedge: tag, parent, child, label): the largest
 * of each word and the smallest child (0: there is an empty slot). */
__attribute__((target("avx2"))) static void slot_extremes(const nx_gedge *s, size_t n, uint32_t mx[4], uint32_t *min_child) {
    __m256i hi = _mm256_setzero_si256(), lo = _mm256_set1_epi32(-1);
    size_t i = 0;
    for (; i + 4 <= n; i += 4) { /* two slots a vector, two vectors a step */
        __m256i x = _mm256_loadu_si256((const __m256i_u *)(const void *)&s[i]);
        __m256i y = _mm256_loadu_si256((const __m256i_u *)(const void *)&s[i + 2]);
        hi = _mm256_max_epu32(hi, _mm256_max_epu32(x, y));
        lo = _mm256_min_epu32(lo, _mm256_min_epu32(x, y));
    }
    for (; i + 2 <= n; i += 2) {
        __m256i x = _mm256_loadu_si256((const __m256i_u *)(const void *)&s[i]);
        hi = _mm256_max_epu32(hi, x);
        lo = _mm256_min_epu32(lo, x);
    }
    uint32_t h[8], l[8];
    _mm256_storeu_si256((__m256i_u *)(void *)h, hi);
    _mm256_storeu_si256((__m256i_u *)(void *)l, lo);
    for (int k = 0; k < 4; k++) mx[k] = h[k] > h[k + 4] ? h[k] : h[k + 4];
    *min_child = l[2] < l[6] ? l[2] : l[6];
    for (; i < n; i++) { /* a table of one slot */
        const uint32_t w[4] = {s[i].tag, s[i].parent, s[i].child, s[i].label};
        for (int k = 0; k < 4; k++) mx[k] = w[k] > mx[k] ? w[k] : mx[k];
        *min_child = s[i].child < *min_child ? s[i].child : *min_child;
    }
}

/* The largest of a[0 .. n). */
__attribute__((target("avx2"))) static uint32_t max_u32(const uint32_t *a, size_t n) {
    __m256i m0 = _mm256_setzero_si256(), m1 = m0;
    size_t i = 0;
    for (; i + 16 <= n; i += 16) { /* two vectors a step: two chains of maxima */
        m0 = _mm256_max_epu32(m0, _mm256_loadu_si256((const __m256i_u *)(const void *)(a + i)));
        m1 = _mm256_max_epu32(m1, _mm256_loadu_si256((const __m256i_u *)(const void *)(a + i + 8)));
    }
    uint32_t w[8], m = 0;
    _mm256_storeu_si256((__m256i_u *)(void *)w, _mm256_max_epu32(m0, m1));
    for (int k = 0; k < 8; k++) m = w[k] > m ? w[k] : m;
    for (; i < n; i++) m = a[i] > m ? a[i] : m;
    return m;
}

/* The bytes a[0 .. n) ORed. */
__attribute__((target("avx2"))) static unsigned or_u8(const uint8_t *a, size_t n) {
    __m256i o = _mm256_setzero_si256();
    size_t i = 0;
    for (; i + 32 <= n; i += 32) o = _mm256_or_si256(o, _mm256_loadu_si256((const __m256i_u *)(const void *)(a + i)));
    uint8_t b[32];
    unsigned r = 0;
    _mm256_storeu_si256((__m256i_u *)(void *)b, o);
    for (int k = 0; k < 32; k++) r |= b[k];
    for (; i < n; i++) r |= a[i];
    return r;
}

/* Whether an entry's next entry (next[i], + 1; 0 = none) goes backwards
 * or out of range, as check_view's loop reads it: next[i] != 0 and not in
 * i + 2 .. n (unsigned: a >= b where max(a, b) == a, a <= b where
 * min(a, b) == a). */
__attribute__((target("avx2"))) static int next_bad(const uint32_t *next, uint32_t n) {
    __m256i bad = _mm256_setzero_si256(), zero = bad, vn = _mm256_set1_epi32((int)n);
    __m256i lo = _mm256_setr_epi32(2, 3, 4, 5, 6, 7, 8, 9), eight = _mm256_set1_epi32(8); /* i + 2 for each lane */
    uint32_t i = 0;
    for (; n - i >= 8; i += 8, lo = _mm256_add_epi32(lo, eight)) {
        __m256i x = _mm256_loadu_si256((const __m256i_u *)(const void *)(next + i));
        __m256i ok = _mm256_and_si256(_mm256_cmpeq_epi32(_mm256_max_epu32(x, lo), x),
                                      _mm256_cmpeq_epi32(_mm256_min_epu32(x, vn), x));
        bad = _mm256_or_si256(bad, _mm256_andnot_si256(_mm256_or_si256(ok, _mm256_cmpeq_epi32(x, zero)),
                                                       _mm256_set1_epi32(-1)));
    }
    int r = !_mm256_testz_si256(bad, bad);
    for (; i < n; i++) r |= (next[i] != 0) & ((next[i] <= i + 1) | (next[i] > n));
    return r;
}

static int avx2_checks(void) { return __builtin_cpu_supports("avx2") && !getenv("NERX_NO_AVX2_CHECKS"); }
#endif

/* Checks every field the stages index with or read through; returns what
 * is wrong and *bad_id, the section it is in, or NULL. The loops OR their
 * tests together instead of branching: this runs at every start over
 * hundreds of thousands of items, and a branch per slot that is full or
 * empty at random mispredicts half the time. The bounds are 32-bit, like
 * the fields, so the compiler vectorizes the loops over arrays (a 64-bit
 * compare is not in the x86-64 baseline), and the slots' and entries'
 * fields are compared four at a time (v4u): nx_gazetteer_attach went from
 * 22.2 M instructions to 13.7 M, on the main thread's path of every start;
 * 4.8 M where the entries and slots take the AVX2 maxima above instead. */
static const char *check_view(const nx_gazetteer *g, uint32_t *bad_id) {
    uint32_t bad = 0;
    *bad_id = NX_MS_POOL;
    if (!strings_ok(g->pool, g->pool_len)) return "strings are not NUL-terminated from offset 0";
    *bad_id = NX_MS_EDGE_LABELS;
    if (!strings_ok(g->edges.labels, g->edges.labels_len)) return "labels are not NUL-terminated from offset 0";
    *bad_id = NX_MS_NODE_HEAD;
    if (!g->n_nodes || g->n_nodes > UINT32_MAX || g->n_entries >= UINT32_MAX) return "no root node, or too many nodes";
    /* 32-bit bounds: an offset at or past one is out of range (a pool of
     * 4 GiB or more, which no offset can reach the end of, counts as 4 GiB) */
    uint32_t n_nodes = (uint32_t)g->n_nodes, n_entries = (uint32_t)g->n_entries;
    uint32_t pool_len = g->pool_len > UINT32_MAX ? UINT32_MAX : (uint32_t)g->pool_len;
    uint32_t labels_len = g->edges.labels_len > UINT32_MAX ? UINT32_MAX : (uint32_t)g->edges.labels_len;
    uint32_t n_sources = g->n_sources > UINT32_MAX ? UINT32_MAX : (uint32_t)g->n_sources;
    const uint32_t *head = g->node_head;
    const uint8_t *flags = g->node_flags;
    const uint32_t *next = g->entry_next; /* lists run forward (the builder appends), so none can loop */
#ifdef NX_AVX2_CHECKS
    if (avx2_checks()) { /* the same tests as the loops below */
        if (max_u32(head, n_nodes) > n_entries) return "a node's first entry is out of range";
        *bad_id = NX_MS_NODE_FLAGS;
        if (or_u8(flags, n_nodes) & ~NX_GN_ALL) return "a node has an unknown flag";
        *bad_id = NX_MS_ENTRY_NEXT;
        if (next_bad(next, n_entries)) return "an entry list goes backwards or out of range";
        goto lists_done;
    }
#endif
    for (uint32_t n = 0; n < n_nodes; n++) bad |= head[n] > n_entries;
    if (bad) return "a node's first entry is out of range";
    *bad_id = NX_MS_NODE_FLAGS;
    for (uint32_t n = 0; n < n_nodes; n++) bad |= flags[n] & ~NX_GN_ALL;
    if (bad) return "a node has an unknown flag";
    *bad_id = NX_MS_ENTRY_NEXT;
    for (uint32_t i = 0; i < n_entries; i++) {
        uint32_t nx = next[i];
        bad |= (nx != 0) & ((nx <= i + 1) | (nx > n_entries));
    }
    if (bad) return "an entry list goes backwards or out of range";
#ifdef NX_AVX2_CHECKS
lists_done:
#endif
    *bad_id = NX_MS_ENTRIES;
#ifdef NX_AVX2_CHECKS
    if (avx2_checks()) {
        uint8_t mb[32];
        uint16_t mw[16];
        uint32_t md[8];
        entry_maxima(g->entries, n_entries, mb, mw, md);
        _Static_assert(offsetof(nx_entry, cls) == 0 && offsetof(nx_entry, case_rule) == 1 &&
                           offsetof(nx_entry, status) == 3 && offsetof(nx_entry, source) == 4 &&
                           offsetof(nx_entry, country) == 8 && offsetof(nx_entry, surface) == 12 &&
                           offsetof(nx_entry, id) == 28,
                       "entry_maxima's lanes");
        if (n_entries && ((mb[0] >= NX_G_CLASS_COUNT) | (mb[1] >= NX_CASE_COUNT) | (mb[3] >= NX_STATUS_COUNT) |
                          (mw[2] >= n_sources) | (mb[11] != 0) | (md[3] >= pool_len) | (md[4] >= pool_len) |
                          (md[5] >= pool_len) | (md[6] >= pool_len) | (md[7] >= pool_len)))
            return "an entry has an unknown class, case rule or status, or an index out of range";
        goto entries_done;
    }
#endif
    const v4u in_pool = {pool_len - 1, pool_len - 1, pool_len - 1, pool_len - 1}; /* pool_len >= 1: checked */
    v4u off_pool = {0, 0, 0, 0};
    for (uint32_t i = 0; i < n_entries; i++) {
        const nx_entry *e = &g->entries[i];
        v4u x; /* surface, name, kind, value */
        memcpy(&x, &e->surface, sizeof x);
        off_pool |= (v4u)(x > in_pool);
        bad |= (uint32_t)(e->cls >= NX_G_CLASS_COUNT) | (e->case_rule >= NX_CASE_COUNT) | (e->status >= NX_STATUS_COUNT) |
               (e->source >= n_sources) | (e->id >= pool_len) | (e->country[sizeof e->country - 1] != 0);
    }
    bad |= off_pool[0] | off_pool[1] | off_pool[2] | off_pool[3];
    if (bad) return "an entry has an unknown class, case rule or status, or an index out of range";
#ifdef NX_AVX2_CHECKS
entries_done:
#endif
    *bad_id = NX_MS_SOURCES;
    for (size_t i = 0; i < g->n_sources; i++) {
        const nx_gsource *s = &g->sources[i];
        bad |= (s->path >= pool_len) | (s->rule >= pool_len) | (s->licence >= pool_len);
    }
    if (bad) return "a source's string is outside the strings";
    *bad_id = NX_MS_ENDINGS;
    for (size_t i = 0; i < g->n_endings; i++) bad |= (uint64_t)g->endings[i].fold + g->endings[i].len > g->pool_len;
    if (bad) return "an ending is outside the strings";
    *bad_id = NX_MS_ENDING_INDEX;
    /* ranges in order, inside the endings, each ending under its own key */
    const uint32_t *first = g->ending_first;
    bad |= first[0] != 0 || first[NX_ENDING_KEYS] != g->n_endings;
    for (size_t k = 0; k < NX_ENDING_KEYS; k++) bad |= first[k] > first[k + 1];
    if (bad) return "the ranges are out of order or do not cover the endings";
    for (size_t k = 0; k < NX_ENDING_KEYS; k++)
        for (uint32_t i = first[k]; i < first[k + 1]; i++)
            bad |= nx_ending_key(g->pool + g->endings[i].fold, g->endings[i].len) != k;
    if (bad) return "an ending is under another key than its last byte";
    *bad_id = NX_MS_EDGES;
    const nx_gedges *E = &g->edges;
    if (!E->n_slots || (E->n_slots & (E->n_slots - 1))) return "the slot count is not a power of two";
#ifdef NX_AVX2_CHECKS
    if (avx2_checks()) { /* the same tests as the loop below, on the maxima */
        uint32_t mx[4], min_child;
        slot_extremes(E->slots, E->n_slots, mx, &min_child);
        if ((mx[1] >= n_nodes) | (mx[2] >= n_nodes) | (mx[3] >= labels_len)) return "an edge's node or label is out of range";
        if (min_child) return "no empty slot (a lookup would never end)";
        return NULL;
    }
#endif
    /* a slot as a vector of its four words (nx_gedge), each at most its
     * limit: the tag any value, the nodes below n_nodes, the label inside
     * the labels; an empty slot (child 0) is all zeros, so the same tests
     * hold for it */
    const v4u lim = {UINT32_MAX, n_nodes - 1, n_nodes - 1, labels_len - 1}, zero = {0, 0, 0, 0};
    v4u over = zero, empty = zero;
    for (size_t s = 0; s < E->n_slots; s++) {
        v4u x;
        memcpy(&x, &E->slots[s], sizeof x);
        over |= (v4u)(x > lim);
        empty |= (v4u)(x == zero);
    }
    bad |= over[0] | over[1] | over[2] | over[3];
    if (bad) return "an edge's node or label is out of range";
    if (!empty[2]) return "no empty slot (a lookup would never end)"; /* no child 0 */
    return NULL;
}

nx_status nx_gazetteer_attach(nx_gazetteer *g, const nx_mfile *f, const char *name, nx_error *err) {
    nx_gazetteer_init(g);
    g->borrowed = 1;
    const void *p;
    size_t n, n_next;
    uint32_t id = 0;
    const char *why = NULL;
    /* the counts come from the section sizes */
    if (!why && (why = section(f, id = NX_MS_ENTRIES, sizeof(nx_entry), &p, &n)) == NULL) g->entries = p, g->n_entries = n;
    if (!why && (why = section(f, id = NX_MS_ENTRY_NEXT, 4, &p, &n_next)) == NULL) {
        g->entry_next = p;
        if (n_next != g->n_entries) why = "does not have one item per entry";
    }
    if (!why && (why = section(f, id = NX_MS_POOL, 1, &p, &n)) == NULL) g->pool = p, g->pool_len = n;
    if (!why && (why = section(f, id = NX_MS_NODE_HEAD, 4, &p, &n)) == NULL) g->node_head = p, g->n_nodes = n;
    if (!why && (why = section(f, id = NX_MS_NODE_FLAGS, 1, &p, &n)) == NULL) {
        g->node_flags = p;
        if (n != g->n_nodes) why = "does not have one item per node";
    }
    if (!why && (why = section(f, id = NX_MS_NODE_FEATURES, sizeof(nx_gnode_feat), &p, &n)) == NULL) {
        g->node_feat = p;
        if (n != g->n_nodes) why = "does not have one item per node";
    }
    if (!why && (why = section(f, id = NX_MS_EDGES, sizeof(nx_gedge), &p, &n)) == NULL)
        g->edges.slots = p, g->edges.n_slots = n;
    if (!why && (why = section(f, id = NX_MS_EDGE_LABELS, 1, &p, &n)) == NULL) g->edges.labels = p, g->edges.labels_len = n;
    if (!why && (why = section(f, id = NX_MS_EDGE_FILTER, 8, &p, &n)) == NULL) {
        g->edges.filter = p;
        g->edges.filter_bits = n * 64;
        if (n < 8 || (n & (n - 1)) || n > SIZE_MAX / 64) why = "is not a power of two of 64-bit words long, 8 or more";
    }
    if (!why && (why = section(f, id = NX_MS_SOURCES, sizeof(nx_gsource), &p, &n)) == NULL) g->sources = p, g->n_sources = n;
    if (!why && (why = section(f, id = NX_MS_ENDINGS, sizeof(nx_ending), &p, &n)) == NULL) g->endings = p, g->n_endings = n;
    if (!why && (why = section(f, id = NX_MS_ENDING_INDEX, 4, &p, &n)) == NULL) {
        g->ending_first = p;
        if (n != NX_ENDING_KEYS + 1) why = "does not have one item per key and one more";
    }
    /* nx_strmap_attach sets why when it refuses the map */
    if (!why && !(why = section(f, id = NX_MS_ABBREVIATIONS, 8, &p, &n))) nx_strmap_attach(&g->abbreviations, p, n * 8, &why);
    if (!why && !(why = section(f, id = NX_MS_NO_SENTENCE_END, 8, &p, &n)))
        nx_strmap_attach(&g->no_sentence_end, p, n * 8, &why);
    if (!why) why = check_view(g, &id);
    if (!why) nx_gazetteer_index_endings(g);
    if (why) {
        nx_error_set(err, NX_ERR_PARSE, name, 0, 0,
                     "not a usable model file: section %u (%s) %s (rebuild it with nerx --compile-model)",
                     (unsigned)id, nx_msection_name(id), why);
        nx_gazetteer_free(g);
        return NX_ERR_PARSE;
    }
    return NX_OK;
}
