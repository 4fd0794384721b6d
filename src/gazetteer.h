/*
 * gazetteer.h: gazetteer entries and the token trie that matches them.
 *
 * Consumes (at load): the *.tsv files described in gazetteers/README.md
 *   (gazetteer_build.c), or the gazetteer sections of a model file
 *   (nx_gazetteer_attach, docs/model-file.md).
 * Consumes (per document): tokens from the tokenize stage.
 * Produces: for each token position, the longest entry span that starts
 *   there (entries filtered by their case rule), and per-token feature bits
 *   (given name, surname, title word, organisation head ...).
 *
 * The trie is keyed by (parent node, case-folded token, whose hash the
 * tokenizer gives); a node holds the list of entries whose surface ends
 * there, and a summary of them (flags and features by case rule) that the
 * match stage reads instead of the list. The view (this header) is
 * immutable; gazetteer_build.c reads the files and makes it.
 */
#ifndef NX_GAZETTEER_H
#define NX_GAZETTEER_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "model_file.h"
#include "nerx.h"
#include "registry.h"
#include "strmap.h"
#include "tokenize.h"

/* A token's features: one bit per gazetteer class it has an entry of. */
#define NX_FEAT(cls) (UINT64_C(1) << (cls))
/* Extra per-token feature bits (above the class bits, which must stay below them). */
#define NX_FEAT_NAME_ENDING_FAMILY_FIRST (UINT64_C(1) << 62) /* a patronymic: -uly, -ovich */
#define NX_FEAT_FAMILY_FIRST (UINT64_C(1) << 63)             /* a surname written first: Zhang */
_Static_assert(NX_G_CLASS_COUNT <= 62, "gazetteer classes overlap the extra feature bits");
/* The closed-class word features (function-words.tsv): a token with only
 * these is still an unknown word as far as names go. */
#define NX_FEAT_CLOSED_CLASS (((UINT64_C(1) << NX_G_CLASS_COUNT) - 1) & ~((UINT64_C(1) << NX_G_DETERMINER) - 1))

typedef struct nx_entry {
    uint8_t cls;          /* nx_gclass */
    uint8_t case_rule;    /* nx_case_rule */
    uint8_t family_first; /* order=family-first */
    uint8_t status;       /* nx_title_status, for title modifiers */
    uint16_t source;      /* index into the gazetteer's sources */
    uint16_t ntok;        /* tokens in the surface */
    char country[4];
    uint32_t surface;     /* offsets into the string pool */
    uint32_t name;
    uint32_t kind;        /* 0 = none */
    uint32_t value;       /* 0 = none */
    uint32_t id;          /* external ids ("geonames:1526273", space-separated), 0 = none */
    double rank;
} nx_entry;

/* A gazetteer file: its path, its rule name ("gazetteer:<stem>") and its
 * licence header, as pool offsets. */
typedef struct nx_gsource {
    uint32_t path;
    uint32_t rule;
    uint32_t licence;     /* 0 = none given */
} nx_gsource;

/* A name ending (-ov, -uly): the folded letters without the '-'. */
typedef struct nx_ending {
    uint32_t fold;        /* pool offset */
    uint32_t len;
    uint8_t family_first; /* a patronymic: the surname comes first */
} nx_ending;

/* The endings are sorted by a key so that a word checks only those that can
 * be its suffix: the empty ending (a fold can make one) has key 0, matching
 * every word, and the others 1 + their last byte. */
enum { NX_ENDING_KEYS = 257 };
static inline unsigned nx_ending_key(const char *fold, size_t len) {
    return len ? 1u + (unsigned char)fold[len - 1] : 0u;
}

/* A trie edge: one slot of the static open-addressing table that maps
 * (parent node, folded token) to the child node. Its slot is
 * nx_gedge_hash() & (n_slots - 1), then the next ones (linear probing); the
 * tag is the hash's high 32 bits, so a probe that does not match costs no
 * second memory access, and only a slot whose tag and parent match has its
 * label compared with the token. */
typedef struct nx_gedge {
    uint32_t tag;    /* the high 32 bits of nx_gedge_hash() */
    uint32_t parent; /* the node the edge leaves */
    uint32_t child;  /* the node it enters; 0: an empty slot (the root is no one's child) */
    uint32_t label;  /* the folded token: an offset into the labels */
} nx_gedge;

typedef struct nx_gedges {
    const nx_gedge *slots;
    size_t n_slots;     /* a power of two, at least twice the edges (load <= 0.5) */
    const char *labels; /* NUL-terminated folded tokens; offset 0 is "" */
    size_t labels_len;
    const uint64_t *filter; /* a Bloom filter of the edges that leave a node other than the root */
    size_t filter_bits;     /* a power of two, at least 512 */
} nx_gedges;

/* The filter is blocked: an edge's two bits are in one 512-bit block (a
 * cache line), so a test reads one line. The block, and the bits in it
 * (k = 0, 1), of the edge whose nx_gedge_hash() is h, from hash bits the
 * slot index does not use: */
static inline size_t nx_gedge_filter_block(uint64_t h, size_t n_bits) {
    return (size_t)(h >> 20) & (n_bits / 512 - 1);
}
static inline size_t nx_gedge_filter_bit(uint64_t h, size_t n_bits, int k) {
    return nx_gedge_filter_block(h, n_bits) * 512 + ((size_t)(h >> (k ? 51 : 42)) & 511);
}

/* Whether the edge whose nx_gedge_hash() is h, from a node other than the
 * root, may be in the table: 0 means it is not. A lookup past the first
 * token (most find nothing) asks this first: the filter (128 KB for the
 * shipped gazetteers) is much smaller than the table. */
static inline int nx_gedge_may_exist(const nx_gedges *E, uint64_t h) {
    /* nx_gedge_filter_bit for k = 0 and 1, the block found once */
    const uint64_t *block = E->filter + nx_gedge_filter_block(h, E->filter_bits) * 8;
    size_t a = (size_t)(h >> 42) & 511, b = (size_t)(h >> 51) & 511;
    return (int)((block[a >> 6] >> (a & 63)) & (block[b >> 6] >> (b & 63)) & 1);
}

/* What the match stage reads of a trie node instead of walking its entries
 * (the builder derives it from them): a byte of flags per node ... */
enum nx_gnode_flag {
    NX_GN_FOLD = 1 << 0,     /* an entry with case rule fold: it always applies */
    NX_GN_CAP = 1 << 1,      /* an entry with case rule cap: it applies when the first token is capitalised */
    NX_GN_EXACT = 1 << 2,    /* an entry with case rule exact: only its own check with the text says */
    NX_GN_CHILDREN = 1 << 3, /* an edge leaves the node: a longer entry may follow */
    NX_GN_ALL = (1 << 4) - 1
};

/* ... and the features (nx_entry_features) of its entries with case rule
 * fold and with case rule cap, ORed, so a token's features are
 * fold | (capitalised ? cap : 0), then those of its exact entries that pass. */
typedef struct nx_gnode_feat {
    uint64_t fold;
    uint64_t cap;
} nx_gnode_feat;

_Static_assert(sizeof(nx_entry) == 40, "nx_entry is stored in model files: change NX_MFILE_VERSION with it");
_Static_assert(sizeof(nx_gsource) == 12 && sizeof(nx_ending) == 12 && sizeof(nx_gedge) == 16 &&
                   sizeof(nx_gnode_feat) == 16,
               "these structs are stored in model files: change NX_MFILE_VERSION with them");

/* The read-only view every stage reads: flat arrays and string offsets,
 * with no pointers between them, so it can live in one block of memory
 * (the shape a saved, memory-mapped model needs). Made by the builder
 * (gazetteer_build.c); immutable afterwards. */
typedef struct nx_gazetteer {
    const nx_entry *entries;
    const uint32_t *entry_next; /* next entry at the same trie node, + 1; 0 = end */
    size_t n_entries;
    const char *pool;           /* NUL-terminated strings; offset 0 is "" */
    size_t pool_len;
    const uint32_t *node_head;  /* first entry + 1 at each node; node 0 is the root */
    const uint8_t *node_flags;  /* nx_gnode_flag bits of each node */
    const nx_gnode_feat *node_feat; /* each node's features by case rule */
    size_t n_nodes;
    nx_gedges edges;            /* (parent node, folded token) -> child node */
    const nx_gsource *sources;
    size_t n_sources;
    const nx_ending *endings;   /* in the order of their last byte (nx_ending_key) */
    size_t n_endings;
    const uint32_t *ending_first; /* [NX_ENDING_KEYS + 1]: endings[first[k] .. first[k + 1]) have key k */
    /* derived from the endings (nx_gazetteer_index_endings), not in a model
     * file: per key, the set of bytes one of its endings has before its
     * last (all of them for an ending of one byte), so that most words
     * read none of the key's endings */
    uint64_t ending_before_last[NX_ENDING_KEYS][4];
    nx_strmap abbreviations;    /* folded "dr." */
    nx_strmap no_sentence_end;  /* abbreviations that are honorifics or titles */
    int borrowed;               /* the arrays live in a model file: free nothing */
} nx_gazetteer;

void nx_gazetteer_init(nx_gazetteer *g);
/* Makes g->ending_before_last from g's endings (once they are in place). */
void nx_gazetteer_index_endings(nx_gazetteer *g);
/* Frees the arrays the view owns (none when it is attached to a file). */
void nx_gazetteer_free(nx_gazetteer *g);
/* Builds the view from the files, in order (gazetteer_build.c). */
nx_status nx_gazetteer_load(nx_gazetteer *g, const char *const *paths, size_t n, nx_error *err);

/* Adds the view's arrays to a model file as sections (NX_MS_ENTRIES ..
 * NX_MS_NO_SENTENCE_END, NX_MS_NODE_FLAGS .. NX_MS_EDGE_FILTER), byte for
 * byte as the stages read them; the writer
 * reads them in place, so g must not change or go before
 * nx_mfile_writer_finish(). 0, or -1 when out of memory. */
int nx_gazetteer_save(const nx_gazetteer *g, nx_mfile_writer *w);
/* Makes g a read-only view of the gazetteer sections of f (which must
 * outlive it), after checking them whole: every section present with a
 * size its counts explain, every pool and label offset inside its strings,
 * every node and entry index in range, every entry list acyclic, every
 * class, case rule and status known. NX_ERR_PARSE with err naming `name`
 * and what is wrong; g is then empty. */
nx_status nx_gazetteer_attach(nx_gazetteer *g, const nx_mfile *f, const char *name, nx_error *err);

static inline const char *nx_gstr(const nx_gazetteer *g, uint32_t off) { return g->pool + off; }

/* A match: tokens [t0, t1) and the trie node whose entries apply. */
typedef struct nx_gmatch {
    uint32_t t0, t1;
    uint32_t node;
} nx_gmatch;

/* Sets toks->items[i].feat and returns, in *out (arena), the longest match
 * starting at each token that has at least one entry passing its case rule. */
nx_status nx_gazetteer_match(const nx_gazetteer *g, nx_arena *arena, const nx_text *text, nx_tokens *toks,
                             nx_gmatch **out, size_t *n_out);

/* Entry iteration at a node: for (e = nx_gnode_first(g, n); e; e = nx_gnode_next(g, e)) use g->entries[e - 1] */
static inline uint32_t nx_gnode_first(const nx_gazetteer *g, uint32_t node) { return g->node_head[node]; }
static inline uint32_t nx_gnode_next(const nx_gazetteer *g, uint32_t e) { return g->entry_next[e - 1]; }

/* The features an entry gives the token it covers alone. */
static inline uint64_t nx_entry_features(const nx_entry *e) {
    return NX_FEAT(e->cls) | (e->cls == NX_G_SURNAME && e->family_first ? NX_FEAT_FAMILY_FIRST : 0);
}

/* Whether an entry's case rule accepts tokens [t0, t1) of the text. */
int nx_entry_case_ok(const nx_gazetteer *g, const nx_entry *e, const nx_text *text, const nx_tokens *toks,
                     uint32_t t0, uint32_t t1);

/* The same for the bytes [p, end) of the working text, part of a token
 * ("CEO" of "co-CEO"); case=cap reads an ASCII capital there. */
int nx_entry_case_ok_bytes(const nx_gazetteer *g, const nx_entry *e, const char *p, const char *end);

/* The hash of a folded token; every trie step along that token reuses it.
 * A document's tokens carry it (nx_token.fold_hash, the same function). */
static inline uint64_t nx_gtoken_hash(const char *fold, size_t len) { return nx_hash(fold, len, 0); }

/* The hash of an edge: its parent node mixed into its token's hash; an
 * edge from the root (every token's first lookup) has the token's hash
 * itself, which the tokenizer made: nothing to mix per token. */
static inline uint64_t nx_gedge_hash(uint32_t parent, uint64_t token_hash) {
    if (!parent) return token_hash;
    uint64_t h = token_hash ^ ((uint64_t)parent * 0x9E3779B97F4A7C15ULL);
    h ^= h >> 32;
    h *= 0xD6E8FEB86659FD93ULL;
    h ^= h >> 32;
    return h;
}

/* The child of node along the folded token fold[0..len), whose
 * nx_gtoken_hash() is token_hash; 0 when there is none. */
uint32_t nx_gazetteer_child(const nx_gazetteer *g, uint32_t node, const char *fold, size_t len, uint64_t token_hash);

/* Looks up a single folded word: the node for it (0 when absent). */
uint32_t nx_gazetteer_word(const nx_gazetteer *g, const char *fold, size_t len);

/* Whether the folded word fold[0..len) is a one-word entry of class cls
 * (and, unless kind is NULL, of that kind: "legislature"). */
int nx_gazetteer_word_is(const nx_gazetteer *g, const char *fold, size_t len, int cls, const char *kind);

/* The status (nx_title_status) a one-word title modifier says (former,
 * future: "ex", "elect"), or 0; *is_mod (when not NULL) is set when the
 * word is a title modifier at all (vice, deputy). */
uint8_t nx_gazetteer_modifier_status(const nx_gazetteer *g, const char *fold, size_t len, int *is_mod);

/* The status the part of a hyphenated folded word before its first hyphen
 * says as a title modifier, written as a prefix ("ex-") or as a word
 * ("ex"): "Ex-Nissan", "then-French". 0 when none. */
uint8_t nx_gazetteer_prefix_status(const nx_gazetteer *g, const char *fold, size_t len);

#endif
