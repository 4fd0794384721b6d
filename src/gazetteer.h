/*
 * gazetteer.h: gazetteer entries and the token trie that matches them.
 *
 * Consumes (at load): the *.tsv files described in gazetteers/README.md.
 * Consumes (per document): tokens from the tokenize stage.
 * Produces: for each token position, the longest entry span that starts
 *   there (entries filtered by their case rule), and per-token feature bits
 *   (given name, surname, title word, organisation head ...).
 *
 * The trie is keyed by (parent node, case-folded token); a node holds the
 * list of entries whose surface ends there. The view (this header) is
 * immutable; gazetteer_build.c reads the files and makes it.
 */
#ifndef NX_GAZETTEER_H
#define NX_GAZETTEER_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"
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
    size_t n_nodes;
    nx_strmap edges;            /* (parent node, folded token) -> child node */
    const nx_gsource *sources;
    size_t n_sources;
    const nx_ending *endings;
    size_t n_endings;
    nx_strmap abbreviations;    /* folded "dr." */
    nx_strmap no_sentence_end;  /* abbreviations that are honorifics or titles */
} nx_gazetteer;

void nx_gazetteer_init(nx_gazetteer *g);
void nx_gazetteer_free(nx_gazetteer *g);
/* Builds the view from the files, in order (gazetteer_build.c). */
nx_status nx_gazetteer_load(nx_gazetteer *g, const char *const *paths, size_t n, nx_error *err);

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

/* Whether an entry's case rule accepts tokens [t0, t1) of the text. */
int nx_entry_case_ok(const nx_gazetteer *g, const nx_entry *e, const nx_text *text, const nx_tokens *toks,
                     uint32_t t0, uint32_t t1);

/* The trie's edge key: the parent node's 4 bytes, then the folded token;
 * its length, or 0 when it does not fit in cap. */
size_t nx_gazetteer_edge_key(char *buf, size_t cap, uint32_t node, const char *fold, size_t len);

/* Looks up a single folded word: the node for it (0 when absent). */
uint32_t nx_gazetteer_word(const nx_gazetteer *g, const char *fold, size_t len);

#endif
