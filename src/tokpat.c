/* tokpat.c: the token pattern backend (see tokpat.h and the language in
 * gazetteers/README.md): atoms, class tries, the parser, the compiler to a
 * program of a few instructions, the backtracking machine that runs it, and
 * the dispatch table that picks, for each atom, the patterns that can start
 * there. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "tokpat.h"

#include <pcre2.h>
#include <stdlib.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include <string.h>
#include <utf8proc.h>

#include "error.h"
#include "gazetteer.h"
#include "strmap.h"

/* ---- atoms ----------------------------------------------------------------- */

enum atom_kind { AK_ALPHA = 1, AK_DIGIT = 2, AK_PUNCT = 4, AK_IDEO = 8 };
#define AK_ALNUM (AK_ALPHA | AK_DIGIT | AK_IDEO)
/* Letters and digits: two of these touching are one word, so a pattern
 * needs white space between them unless it says otherwise (CJK is written
 * without spaces, so it is left out). */
#define AK_WORD (AK_ALPHA | AK_DIGIT)

enum atom_flags {
    AF_GLUED = 1,    /* no white space before it */
    AF_CAP = 2,      /* first letter upper case */
    AF_LOWER = 4,    /* first letter lower case */
    AF_UPPER = 8,    /* every letter upper case */
    AF_CAPWORD = 16  /* upper case, then lower case: a capitalised word */
};

typedef struct atom {
    uint32_t b0, b1;   /* bytes of the working text */
    const char *fold;  /* its folded form: in the fold buffer, or a token's */
    uint32_t hash;     /* of the folded form (word_hash) */
    uint16_t fold_len;
    uint8_t kind, flags;
} atom;

typedef struct atoms {
    atom *a;
    size_t n, cap;
    nx_sbuf fold; /* folded forms that are no token's, back to back */
} atoms;

/* The hash of a word as the word maps key it: the low half of nx_hash(),
 * which the tokenizer computes for each token's folded form (fold_hash), so
 * an atom that is a whole token costs no hashing. */
static uint32_t word_hash(const char *s, size_t n) { return (uint32_t)nx_hash(s, n, 0); }

/* ---- word maps: open addressing keyed by an atom's hash ----------------------
 * The literal sets, the dispatch table and the class tries all look atoms up
 * by their folded (or, for exact entries, written) form. Keys carry the hash
 * computed once per atom, a parent (a trie node, else 0) and a flags byte. */

typedef struct wkey {
    uint32_t hash, parent, off, value;
    uint16_t len;
    uint8_t flags;
} wkey;

typedef struct wmap {
    uint64_t *slots; /* the key's mixed hash (wmix) << 32 | key index + 1; 0 = empty */
    size_t mask;
    wkey *keys;
    size_t n, cap;
    nx_sbuf pool;
} wmap;

static uint32_t wmix(uint32_t h, uint32_t parent, uint8_t flags) {
    uint32_t x = h ^ (parent * 0x9E3779B1u) ^ ((uint32_t)flags << 27);
    x ^= x >> 16;
    x *= 0x85EBCA6Bu;
    x ^= x >> 13;
    return x;
}

/* The key's index, or -1. A slot holds its key's mixed hash, so a probe
 * that does not match costs no look at the keys (most atoms are in no map). */
static inline long wmap_find(const wmap *m, uint32_t hash, uint32_t parent, uint8_t flags, const char *s, size_t n) {
    if (!m->slots) return -1;
    uint32_t x = wmix(hash, parent, flags);
    for (size_t i = x & m->mask;; i = (i + 1) & m->mask) {
        uint64_t v = m->slots[i];
        if (!v) return -1;
        if ((uint32_t)(v >> 32) != x) continue;
        uint32_t k = (uint32_t)v - 1;
        const wkey *key = &m->keys[k];
        if (key->hash == hash && key->parent == parent && key->flags == flags && key->len == n &&
            !memcmp(m->pool.s + key->off, s, n))
            return (long)k;
    }
}

static int wmap_grow(wmap *m) {
    /* (most maps are a word set of one or two words: 16 slots, two cache
     * lines, are plenty) */
    size_t n_slots = m->slots ? (m->mask + 1) * 2 : 16;
    uint64_t *slots = calloc(n_slots, sizeof *slots);
    if (!slots) return -1;
    for (size_t k = 0; k < m->n; k++) {
        const wkey *key = &m->keys[k];
        uint32_t x = wmix(key->hash, key->parent, key->flags);
        size_t i = x & (n_slots - 1);
        while (slots[i]) i = (i + 1) & (n_slots - 1);
        slots[i] = (uint64_t)x << 32 | (uint32_t)(k + 1);
    }
    free(m->slots);
    m->slots = slots;
    m->mask = n_slots - 1;
    return 0;
}

/* Adds a key (or finds it); *index gets its index. Returns 0, -1 when out of memory. */
static int wmap_put(wmap *m, uint32_t hash, uint32_t parent, uint8_t flags, const char *s, size_t n, uint32_t value,
                    long *index) {
    long k = wmap_find(m, hash, parent, flags, s, n);
    if (k >= 0) {
        if (index) *index = k;
        return 0;
    }
    if (n > UINT16_MAX) return -1;
    if (!m->slots || (m->n + 1) * 2 > m->mask + 1) {
        if (wmap_grow(m)) return -1;
    }
    if (m->n == m->cap) {
        size_t cap = m->cap ? m->cap * 2 : 32;
        wkey *keys = realloc(m->keys, cap * sizeof *keys);
        if (!keys) return -1;
        m->keys = keys;
        m->cap = cap;
    }
    wkey *key = &m->keys[m->n];
    key->hash = hash;
    key->parent = parent;
    key->flags = flags;
    key->len = (uint16_t)n;
    key->value = value;
    key->off = (uint32_t)m->pool.len;
    if (nx_sbuf_add(&m->pool, s, n)) return -1;
    uint32_t x = wmix(hash, parent, flags);
    size_t i = x & m->mask;
    while (m->slots[i]) i = (i + 1) & m->mask;
    m->slots[i] = (uint64_t)x << 32 | (uint32_t)(m->n + 1);
    if (index) *index = (long)m->n;
    m->n++;
    return 0;
}

static void wmap_free(wmap *m) {
    free(m->slots);
    free(m->keys);
    free(m->pool.s);
    memset(m, 0, sizeof *m);
}

static const char *wkey_str(const wmap *m, const wkey *k) { return m->pool.s + k->off; }

/* CJK ideographs, kana and Hangul syllables: each is a word of its own. */
static int is_ideo(int32_t c) {
    return (c >= 0x3040 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
           (c >= 0xAC00 && c <= 0xD7AF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x2FFFF);
}

/* The atom kind of a code point, or 0 for white space. */
static int char_kind(int32_t c) {
    if (c < 0x80) {
        if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') return AK_ALPHA;
        if (c >= '0' && c <= '9') return AK_DIGIT;
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return 0;
        return AK_PUNCT;
    }
    if (nx_is_space(c)) return 0;
    if (is_ideo(c)) return AK_IDEO;
    switch (utf8proc_category(c)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT: case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
        return AK_ALPHA;
    case UTF8PROC_CATEGORY_ND:
        return AK_DIGIT;
    default:
        return AK_PUNCT;
    }
}

static int is_upper_cp(int32_t c) {
    if (c < 0x80) return c >= 'A' && c <= 'Z';
    utf8proc_category_t k = utf8proc_category(c);
    return k == UTF8PROC_CATEGORY_LU || k == UTF8PROC_CATEGORY_LT;
}

static int is_lower_cp(int32_t c) {
    if (c < 0x80) return c >= 'a' && c <= 'z';
    return utf8proc_category(c) == UTF8PROC_CATEGORY_LL;
}

/* The kind of each ASCII byte (0: white space), so ASCII text needs no
 * decoding. */
static uint8_t ascii_kind[128];
/* The case flag of each ASCII byte: AF_CAP, AF_LOWER, or 0 (no letter). */
static uint8_t ascii_case[128];
/* Each ASCII byte as an atom of its own (the '.' and ',' inside U.S. and
 * 1,000): its folded form, NUL-terminated, and that form's hash. */
static char one_fold[128][2];
static uint32_t one_hash[128];

static void init_ascii_kind(void) {
    for (int c = 0; c < 128; c++) {
        ascii_case[c] = c >= 'A' && c <= 'Z' ? AF_CAP : c >= 'a' && c <= 'z' ? AF_LOWER : 0;
        one_fold[c][0] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
        one_hash[c] = word_hash(one_fold[c], 1);
    }
    /* last: create() asks ascii_kind['a'] whether the tables are made */
    for (int c = 0; c < 128; c++) ascii_kind[c] = (uint8_t)char_kind(c);
}

/* Makes room for `need` atoms (at least double the old room): 0, or -1 when
 * out of memory. */
static int atoms_reserve(atoms *A, size_t need) {
    size_t cap = A->cap ? A->cap * 2 : 256;
    if (cap < need) cap = need;
    atom *a = realloc(A->a, cap * sizeof *a);
    if (!a) return -1;
    A->a = a;
    A->cap = cap;
    return 0;
}

/* Makes room for `need` more bytes (and a NUL) in the fold buffer: 0, or -1
 * when out of memory. The atoms folded into it point into it, so when it
 * moves (rarely: it starts with room for the text) they move along, found
 * by where they point while the old buffer is still there. */
static int fold_room(atoms *A, size_t need) {
    if (A->fold.len + need + 1 <= A->fold.cap) return 0;
    size_t cap = A->fold.cap * 2 + need + 64;
    char *p = malloc(cap);
    if (!p) return -1;
    if (A->fold.s) memcpy(p, A->fold.s, A->fold.len + 1);
    uintptr_t old = (uintptr_t)A->fold.s;
    for (size_t k = 0; k < A->n; k++) {
        uintptr_t off = (uintptr_t)A->a[k].fold - old;
        if (old && off <= A->fold.len) A->a[k].fold = p + off;
    }
    free(A->fold.s);
    A->fold.s = p;
    A->fold.cap = cap;
    return 0;
}

static int push_atom(atoms *A, const char *s, uint32_t b0, uint32_t b1, int kind, int glued, int ascii) {
    if (A->n == A->cap && atoms_reserve(A, A->n + 1)) return -1;
    atom *a = &A->a[A->n];
    a->b0 = b0;
    a->b1 = b1;
    a->kind = (uint8_t)kind;
    a->flags = glued ? AF_GLUED : 0;
    /* the folded form: ASCII by table, the rest through nx_fold */
    size_t n = b1 - b0, start = A->fold.len;
    if (ascii && n == 1) { /* one byte: its form and hash are made already */
        unsigned char c = (unsigned char)s[b0];
        a->fold = one_fold[c];
        a->hash = one_hash[c];
        a->fold_len = 1;
        /* (a capital alone is upper case throughout) */
        if (kind == AK_ALPHA) a->flags |= ascii_case[c] == AF_CAP ? AF_CAP | AF_UPPER : AF_LOWER;
        A->n++;
        return 0;
    }
    if (ascii) {
        if (fold_room(A, n)) return -1;
        /* one pass: fold and count the upper-case letters; then hash */
        unsigned upper = 0;
        const unsigned char *in = (const unsigned char *)s + b0;
        char *out = A->fold.s + start;
        for (size_t i = 0; i < n; i++) {
            unsigned char c = in[i];
            if ((unsigned)(c - 'A') < 26u) c = (unsigned char)(c + 32), upper++;
            out[i] = (char)c;
        }
        A->fold.len += n;
        A->fold.s[A->fold.len] = '\0';
        a->hash = word_hash(out, n);
        if (kind == AK_ALPHA) {
            if ((unsigned)(in[0] - 'A') < 26u) {
                a->flags |= AF_CAP;
                if (n > 1 && (unsigned)(in[1] - 'a') < 26u) a->flags |= AF_CAPWORD;
                if (upper == n) a->flags |= AF_UPPER;
            } else {
                a->flags |= AF_LOWER;
            }
        }
    } else {
        char buf[256];
        size_t fl = nx_fold(s + b0, n, buf, sizeof buf);
        if (fl > sizeof buf) fl = sizeof buf; /* an atom this long matches no pattern word */
        if (fold_room(A, fl) || nx_sbuf_add(&A->fold, buf, fl)) return -1;
        a->hash = word_hash(A->fold.s + start, A->fold.len - start);
        if (kind == AK_ALPHA) {
            int32_t c0, c1 = 0;
            size_t k = nx_utf8_next(s, b1, b0, &c0);
            if (b0 + k < b1) nx_utf8_next(s, b1, b0 + k, &c1);
            if (is_upper_cp(c0)) a->flags |= AF_CAP;
            else if (is_lower_cp(c0)) a->flags |= AF_LOWER;
            if ((a->flags & AF_CAP) && is_lower_cp(c1)) a->flags |= AF_CAPWORD;
            int upper = 1;
            for (size_t i = b0; i < b1 && upper;) {
                int32_t c;
                i += nx_utf8_next(s, b1, i, &c);
                if (is_lower_cp(c)) upper = 0;
            }
            if (upper && (a->flags & AF_CAP)) a->flags |= AF_UPPER;
        }
    }
    a->fold = A->fold.s + start;
    a->fold_len = (uint16_t)(A->fold.len - start > UINT16_MAX ? UINT16_MAX : A->fold.len - start);
    A->n++;
    return 0;
}

/* An atom that is a whole ASCII token (most are): its folded form and hash
 * are the token's, so only its flags are worked out, from its first two
 * bytes and the token's shape (the letters of an ASCII word are upper case
 * throughout when it is ALLCAPS or one capital). */
static inline void token_atom(atom *a, const char *s, const nx_token *t, unsigned kind, unsigned glued) {
    const unsigned char *in = (const unsigned char *)s + t->b0;
    uint32_t n = t->b1 - t->b0;
    a->b0 = t->b0;
    a->b1 = t->b1;
    a->fold = t->fold;
    a->hash = (uint32_t)t->fold_hash;
    a->fold_len = (uint16_t)(t->fold_len > UINT16_MAX ? UINT16_MAX : t->fold_len);
    a->kind = (uint8_t)kind;
    /* (a letter first: its case; none for digits and marks) */
    unsigned flags = glued | ascii_case[in[0]];
    if (flags & AF_CAP) {
        if (ascii_case[in[n > 1]] == AF_LOWER) flags |= AF_CAPWORD;
        if (n == 1 || (t->shape & NX_SH_ALLCAPS)) flags |= AF_UPPER;
    }
    a->flags = (uint8_t)flags;
}

/* Cuts s[0..n) into atoms: runs of letters, runs of digits, single CJK
 * characters and single other characters, each knowing whether white space
 * came before it. ASCII goes by table; only other bytes are decoded. With
 * toks (the tokens of s, or NULL), an ASCII atom that is a whole token
 * takes the token's folded form and hash. */
static int atomize(const char *s, size_t n, const nx_tokens *toks, atoms *A) {
    A->n = 0;
    A->fold.len = 0;
    if (fold_room(A, n)) return -1; /* folding ASCII keeps its length: room for the text, as a rule */
    /* most tokens are one atom: room for them and a few more at once */
    size_t guess = toks ? toks->count + toks->count / 4 + 16 : 0;
    if (A->cap < guess && atoms_reserve(A, guess)) return -1;
    int glued = 0;
    size_t i = 0;
    const nx_token *t = toks ? toks->items : NULL, *t_end = toks ? toks->items + toks->count : NULL;
    while (i < n) {
        unsigned char b = (unsigned char)s[i];
        if (b < 0x80 && !ascii_kind[b]) { /* ASCII white space */
            glued = 0;
            i++;
            continue;
        }
        while (t < t_end && t->b1 <= i) t++;
        if (b < 0x80 && t < t_end && t->b0 == i && (t->shape & NX_SH_PLAIN)) {
            /* most words: a run of plain tokens (ASCII letters only or
             * digits only), one space apart, is one atom each with its end
             * known; each takes one token, so room for the tokens left is
             * room for the run */
            size_t left = (size_t)(t_end - t);
            if (A->cap - A->n < left && atoms_reserve(A, A->n + left)) return -1;
            atom *a = A->a + A->n;
            unsigned g = glued && A->n > 0 ? AF_GLUED : 0;
            for (;;) {
                token_atom(a++, s, t, t->shape & NX_SH_DIGIT ? AK_DIGIT : AK_ALPHA, g); /* (digits only, or letters only) */
                i = t->b1;
                t++;
                if (i >= n || s[i] != ' ') {
                    glued = 1;
                    break;
                }
                if (t == t_end || t->b0 != i + 1 || !(t->shape & NX_SH_PLAIN)) {
                    glued = 0;
                    i++; /* past the space: the next atom is not glued */
                    break;
                }
                g = 0;
            }
            A->n = (size_t)(a - A->a);
            continue;
        }
        int32_t c = b;
        size_t k = 1;
        int kind = b < 0x80 ? ascii_kind[b] : (k = nx_utf8_next(s, n, i, &c), char_kind(c));
        if (!kind) {
            glued = 0;
            i += k;
            continue;
        }
        size_t j = i + k;
        int ascii = b < 0x80;
        if (kind == AK_ALPHA || kind == AK_DIGIT) {
            while (j < n) {
                unsigned char d = (unsigned char)s[j];
                if (d < 0x80) {
                    if (ascii_kind[d] != kind) break;
                    j++;
                    continue;
                }
                int32_t cp;
                size_t l = nx_utf8_next(s, n, j, &cp);
                if (char_kind(cp) != kind) break;
                ascii = 0;
                j += l;
            }
        }
        if (ascii && t < t_end && t->b0 == i && t->b1 == j) {
            if (A->n == A->cap && atoms_reserve(A, A->n + 1)) return -1;
            token_atom(&A->a[A->n], s, t, (unsigned)kind, glued && A->n > 0 ? AF_GLUED : 0);
            A->n++;
        } else if (push_atom(A, s, (uint32_t)i, (uint32_t)j, kind, glued && A->n > 0, ascii)) {
            return -1;
        }
        glued = 1;
        i = j;
    }
    return 0;
}

static const char *atom_fold(const atoms *A, const atom *a) {
    (void)A;
    return a->fold;
}

/* ---- class tries: gazetteer entries over atoms ---------------------------- */

enum { T_FOLD = 1, T_CAP = 2, T_EXACT = 4 };

/* The entries of one gazetteer class (and kind) as a trie over atoms: edge
 * keys are the parent node, the glue of the atom (glued or spaced) and the
 * atom, folded for ordinary and case=cap entries, as written for
 * case=exact ones (kept apart by a flag). */
typedef struct ctrie {
    char *name;        /* "month", "temporal:unit" */
    int cls;
    char *kind;        /* NULL: any */
    wmap edges;        /* value: the child node */
    nx_vec term;       /* uint8_t per node: T_* of the entries that end there */
    size_t n_nodes;
    size_t max_len;    /* atoms in the longest entry */
    int has_exact;     /* any entry is matched as written (case=exact) */
} ctrie;

enum { E_GLUED = 1, E_EXACT = 2 };

static long ctrie_child(const ctrie *t, uint32_t node, uint8_t flags, uint32_t hash, const char *s, size_t n) {
    long k = wmap_find(&t->edges, hash, node, flags, s, n);
    return k < 0 ? -1 : (long)t->edges.keys[k].value;
}

static long ctrie_new_node(ctrie *t) {
    uint8_t *f = nx_vec_push(&t->term, 1);
    if (!f) return -1;
    return (long)t->n_nodes++;
}

/* Adds one entry surface (final periods dropped: patterns add "."? themselves). */
static int ctrie_add(ctrie *t, const char *surface, int case_rule, atoms *scratch) {
    size_t len = strlen(surface);
    while (len && surface[len - 1] == '.') len--;
    if (!len || atomize(surface, len, NULL, scratch)) return scratch->n ? -1 : 0;
    int exact = case_rule == NX_CASE_EXACT;
    uint32_t node = 0;
    for (size_t i = 0; i < scratch->n; i++) {
        const atom *a = &scratch->a[i];
        const char *s = exact ? surface + a->b0 : atom_fold(scratch, a);
        size_t n = exact ? a->b1 - a->b0 : a->fold_len;
        uint8_t flags = (uint8_t)((i > 0 && (a->flags & AF_GLUED) ? E_GLUED : 0) | (exact ? E_EXACT : 0));
        uint32_t hash = exact ? word_hash(s, n) : a->hash;
        long c = ctrie_child(t, node, flags, hash, s, n);
        if (c < 0) {
            if (n > 255) return 0; /* an atom too long to be a pattern word: leave the entry out */
            if ((c = ctrie_new_node(t)) < 0 || wmap_put(&t->edges, hash, node, flags, s, n, (uint32_t)c, NULL)) return -1;
        }
        node = (uint32_t)c;
    }
    NX_VEC_AT(&t->term, uint8_t, node) |= exact ? T_EXACT : case_rule == NX_CASE_CAP ? T_CAP : T_FOLD;
    t->has_exact |= exact;
    if (scratch->n > t->max_len) t->max_len = scratch->n;
    return 0;
}

static void ctrie_free(ctrie *t) {
    free(t->name);
    free(t->kind);
    wmap_free(&t->edges);
    nx_vec_free(&t->term);
}

/* ---- predicates on one atom ------------------------------------------------- */

/* A set of words an atom may be: folded (or as written, for exact ones). */
typedef struct litset {
    wmap words;
    int exact;
} litset;

/* An alternation that picks its alternatives by the atom's word: most of its
 * alternatives open with a word of a set ("about | more than | at least |
 * up to ..."), and trying them one by one costs a step and a set lookup
 * each. One lookup gives the alternatives whose first word the atom is, and
 * the others (`open`) are tried too, all in their order. */
enum { SWITCH_MIN = 3, SWITCH_MAX = 64 };
typedef struct wswitch {
    wmap words;      /* folded first word -> index into masks */
    nx_vec masks;    /* uint64_t: the alternatives a word opens */
    uint64_t open;   /* the alternatives not known by their first word */
    int32_t start[SWITCH_MAX]; /* each alternative's first instruction */
} wswitch;

typedef struct apred {
    uint8_t kinds;     /* allowed atom kinds (AK_*), 0: any */
    uint8_t flags;     /* flags the atom must have (AF_*) */
    int32_t lits;      /* index of a litset, or -1 */
    pcre2_code *regex; /* must match the whole atom, or NULL */
    uint32_t regex_min;  /* the fewest characters it matches (so bytes, too) */
    uint8_t regex_first[32]; /* the bytes a match may start with (a bitmap): a cheap no before PCRE2 */
    uint8_t n_groups;  /* named groups of the regex that are date groups */
    uint8_t group[4], capture[4]; /* their nx_group and capture number */
    char *source;      /* the regex as written with its flags, to share one test */
    uint8_t range;     /* a number test (#lo..hi): digits of `width_lo`..`width_hi`, value lo..hi */
    uint8_t width_lo, width_hi;
    uint32_t lo, hi;
    uint32_t any0, n_any; /* n_any > 0: true when one of the tests any[any0 ..] is (kinds: their union) */
} apred;

/* ---- the program ------------------------------------------------------------ */

enum op { I_ATOM, I_CLASS, I_SPLIT, I_JMP, I_SAVE, I_LOOK, I_GLUETEST, I_MATCH, I_SWITCH };
/* glue of a consuming instruction to the atom before it */
enum glue { G_DEFAULT = 0, G_GLUED, G_EITHER, G_SPACED };

typedef struct inst {
    uint8_t op;
    uint8_t glue;
    uint8_t neg, behind; /* I_LOOK */
    int32_t x, y;        /* SPLIT: both branches; JMP: target; SAVE: slot; ATOM: pred; CLASS: trie; LOOK: sub-program;
                            SWITCH: its wswitch */
    int32_t min, max;    /* LOOK behind: atoms its body spans */
} inst;

/* ---- the parser's tree ----------------------------------------------------------- */

enum ntype { N_EMPTY, N_ATOM, N_CLASS, N_SEQ, N_ALT, N_REP, N_CAP, N_LOOK, N_GLUETEST };

typedef struct node {
    uint8_t type;
    uint8_t glue;
    uint8_t neg, behind;
    int32_t ref;   /* N_ATOM: pred; N_CLASS: trie; N_CAP: group */
    int32_t min, max; /* N_REP (max -1: unbounded) */
    struct node **kids;
    size_t n_kids;
} node;

typedef struct macro {
    char *file;
    char *name;
    node *body;
} macro;

/* An anchor: a required element of a pattern, its first atoms (first-element
 * descriptors), the range of atoms between the match's start and it, and
 * the slot that marks the atoms it may start at (see scan). */
enum { MAX_FILTERS = 4 };
typedef struct filter {
    nx_vec first;      /* uint32_t */
    int32_t lo, hi;
    uint32_t slot;
    uint64_t tests;    /* the atom tests among its first atoms (bits of nx_matcher.anchor_preds) */
} filter;

typedef struct pattern {
    int32_t pc;        /* entry point */
    nx_vec first;      /* uint32_t: how it may start, see dispatch */
    nx_vec first_preds; /* uint32_t: the atom tests it may start with (not word sets) */
    nx_vec first_memo;  /* uint32_t per first_preds: where a scan keeps that test's last answer */
    filter filters[MAX_FILTERS]; /* its anchors, see anchor_of */
    size_t n_filters;
} pattern;

/* A bucket of dispatch words: their hashes (word_hash of the folded form)
 * and their rows, in one cache line. Once the matcher is finished, a row is
 * the row's place in `rows` (in uint64_t) times 4, plus ROW_HAS_FIRST and
 * ROW_HAS_REST: what the scan asks of every atom, in the line it reads
 * anyway. */
enum { BUCKET_SLOTS = 8 };
typedef struct wbucket {
    uint32_t hash[BUCKET_SLOTS];
    uint32_t row[BUCKET_SLOTS];
} wbucket;
enum { ROW_HAS_REST = 1, ROW_HAS_FIRST = 2 };

struct nx_matcher {
    nx_matcher_limits limits;
    const nx_gazetteer *gaz;
    nx_vec code;     /* inst */
    nx_vec preds;    /* apred */
    nx_vec any;      /* uint32_t: the tests of the atom tests that are alternatives (apred.any0) */
    nx_vec sets;     /* litset */
    nx_vec switches; /* wswitch */
    nx_vec tries;    /* ctrie */
    nx_vec macros;   /* macro */
    nx_vec by_class[NX_G_CLASS_COUNT]; /* uint32_t: the gazetteer's entries of each class, made on first use */
    int by_class_made;
    nx_vec patterns; /* pattern */
    nx_arena nodes;  /* the trees, until finish */
    /* dispatch: folded word -> row of pattern bits; atom kind -> row. The
     * first table holds the words a pattern may start with, the second the
     * words of its anchor (a rare element every match holds, see anchor_of) */
    wmap by_word;    /* value: a row of rows: [words] first bits, then [slot_words] anchor slot bits */
    nx_vec rows;     /* uint64_t */
    uint32_t zero_row; /* an all-zero row: an atom's whose word has none (as a bucket's row, once finished) */
    wbucket *buckets;  /* the dispatch words by the low bits of their hash (see row_of) */
    uint32_t bucket_mask;
    /* made from the buckets when finished or read (not in the model file):
     * a bit per hash & busy_mask, set for each word whose row has
     * ROW_HAS_REST or ROW_HAS_FIRST (see atom_rows) */
    uint64_t *busy_words;
    uint32_t busy_mask;
    size_t words;    /* uint64_t per pattern row */
    size_t slots, slot_words; /* anchor slots, and uint64_t per slot row */
    uint64_t *by_kind[16], *anchor_kind[16];
    uint64_t *filtered;    /* patterns that have anchors */
    uint64_t *first_slots; /* the anchor slots that are a pattern's first (rarest) anchor */
    int32_t *slot_trie;    /* per anchor slot: the class trie that is its whole element, or -1 */
    uint32_t *slot_pattern; /* per anchor slot: its pattern */
    size_t n_memo;         /* the distinct atom tests patterns may start with (first_memo) */
    uint64_t first_tests;  /* the atom tests first anchors use */
    nx_vec first_test_patterns[64]; /* uint32_t per atom test: the patterns whose first anchor uses it */
    uint8_t kind_has_first[16]; /* per atom kind: it may start a first anchor (a row says so in its ROW_HAS_FIRST) */
    nx_vec set_cost, trie_cost; /* int per word set and class trie: first_cost's answer + 1, 0 not yet known */
    nx_vec set_rows, trie_rows; /* nx_vec of uint32_t per word set and class trie: its words' dispatch rows (while finishing) */
    uint8_t kind_has_rest[16]; /* per atom kind: it may start a pattern without anchors (ROW_HAS_REST) */
    uint32_t anchor_preds[64]; /* the atom tests anchors use (preds), at most 64 */
    size_t n_anchor_preds;
    uint8_t anchor_pred_kinds; /* the atom kinds they apply to */
    /* derived from them when the matcher is finished or loaded (in no model
     * file): per atom kind, the anchor tests an atom of it may pass; and
     * the number tests among them, which only a number passes */
    uint64_t anchor_kind_tests[16];
    uint64_t anchor_range_tests;
    int finished;
    int borrowed; /* read from a model file: the arrays but preds, sets, switches, tries and patterns are its bytes */
};

/* ---- parsing ------------------------------------------------------------------- */

typedef struct parser {
    nx_matcher *m;
    const nx_pattern_def *def;
    const char *s;
    size_t i, n;
    nx_error *err;
    nx_status st;
} parser;

static node *new_node(parser *P, int type) {
    node *x = nx_arena_alloc(&P->m->nodes, sizeof *x);
    if (!x) {
        P->st = NX_ERR_NOMEM;
        return NULL;
    }
    x->type = (uint8_t)type;
    x->ref = -1;
    return x;
}

static int add_kid(parser *P, node *parent, node *kid) {
    if (!kid) return -1;
    if ((parent->n_kids & (parent->n_kids - 1)) == 0) { /* grow at powers of two */
        size_t cap = parent->n_kids ? parent->n_kids * 2 : 2;
        node **k = nx_arena_alloc(&P->m->nodes, cap * sizeof *k);
        if (!k) {
            P->st = NX_ERR_NOMEM;
            return -1;
        }
        if (parent->n_kids) memcpy(k, parent->kids, parent->n_kids * sizeof *k);
        parent->kids = k;
    }
    parent->kids[parent->n_kids++] = kid;
    return 0;
}

static int fail(parser *P, const char *msg) {
    if (P->st == NX_OK) {
        nx_error_set(P->err, NX_ERR_PARSE, P->def->file, P->def->line, P->def->column + P->i, "%s", msg);
        P->st = NX_ERR_PARSE;
    }
    return -1;
}

static void skip_space(parser *P) {
    while (P->i < P->n && (P->s[P->i] == ' ' || P->s[P->i] == '\t')) P->i++;
}

static int is_syntax(char c) { return strchr("()|?*+{}~<>\"/[]=_#", c) != NULL; }

static int32_t add_pred(parser *P, apred p) {
    apred *x = nx_vec_push(&P->m->preds, sizeof *x);
    if (!x) {
        P->st = NX_ERR_NOMEM;
        return -1;
    }
    *x = p;
    return (int32_t)(P->m->preds.count - 1);
}

static int32_t new_litset(parser *P, int exact) {
    litset *x = nx_vec_push(&P->m->sets, sizeof *x);
    if (!x) {
        P->st = NX_ERR_NOMEM;
        return -1;
    }
    memset(&x->words, 0, sizeof x->words);
    x->exact = exact;
    return (int32_t)(P->m->sets.count - 1);
}

/* A literal: its atoms, each a one-word predicate, glued as written. */
static node *literal(parser *P, const char *s, size_t n, int exact) {
    atoms A = {0};
    node *seq = new_node(P, N_SEQ);
    if (!seq || atomize(s, n, NULL, &A)) {
        free(A.a);
        free(A.fold.s);
        if (P->st == NX_OK) P->st = NX_ERR_NOMEM;
        return NULL;
    }
    for (size_t i = 0; i < A.n && P->st == NX_OK; i++) {
        const atom *a = &A.a[i];
        int32_t set = new_litset(P, exact);
        if (set < 0) break;
        litset *ls = &NX_VEC_AT(&P->m->sets, litset, set);
        const char *w = exact ? s + a->b0 : atom_fold(&A, a);
        size_t wl = exact ? a->b1 - a->b0 : a->fold_len;
        if (wmap_put(&ls->words, exact ? word_hash(w, wl) : a->hash, 0, 0, w, wl, 1, NULL)) {
            P->st = NX_ERR_NOMEM;
            break;
        }
        node *x = new_node(P, N_ATOM);
        if (!x) break;
        x->ref = add_pred(P, (apred){.lits = set});
        x->glue = i == 0 ? G_DEFAULT : (a->flags & AF_GLUED) ? G_GLUED : G_SPACED;
        add_kid(P, seq, x);
    }
    free(A.a);
    free(A.fold.s);
    if (P->st != NX_OK) return NULL;
    if (seq->n_kids == 0) {
        fail(P, "empty literal");
        return NULL;
    }
    return seq->n_kids == 1 ? seq->kids[0] : seq;
}

/* The trie of a gazetteer class (and kind), built on first use. */
static int32_t class_trie(parser *P, const char *name, size_t n) {
    nx_matcher *m = P->m;
    for (size_t k = 0; k < m->tries.count; k++) {
        const ctrie *t = &NX_VEC_AT(&m->tries, ctrie, k);
        if (strlen(t->name) == n && !memcmp(t->name, name, n)) return (int32_t)k;
    }
    const char *colon = memchr(name, ':', n);
    size_t cl = colon ? (size_t)(colon - name) : n;
    int cls = nx_gclass_from_name(name, cl);
    if (cls < 0) {
        fail(P, "unknown gazetteer class (see the type names in gazetteers/README.md)");
        return -1;
    }
    if (!m->gaz) {
        fail(P, "no gazetteer to take the class from");
        return -1;
    }
    ctrie *t = nx_vec_push(&m->tries, sizeof *t);
    if (!t) {
        P->st = NX_ERR_NOMEM;
        return -1;
    }
    memset(&t->edges, 0, sizeof t->edges);
    t->name = strndup(name, n);
    t->cls = cls;
    t->kind = colon ? strndup(colon + 1, n - cl - 1) : NULL;
    atoms A = {0};
    int rc = !t->name || (colon && !t->kind) || ctrie_new_node(t) < 0 ? -1 : 0;
    const nx_gazetteer *g = m->gaz;
    /* the entries by class, for all classes at once: counted, then placed */
    if (rc == 0 && !m->by_class_made) {
        size_t count[NX_G_CLASS_COUNT] = {0};
        for (size_t i = 0; i < g->n_entries; i++) count[g->entries[i].cls < NX_G_CLASS_COUNT ? g->entries[i].cls : 0]++;
        for (int c = 0; c < NX_G_CLASS_COUNT && rc == 0; c++) rc = nx_vec_reserve(&m->by_class[c], sizeof(uint32_t), count[c]);
        for (size_t i = 0; i < g->n_entries && rc == 0; i++)
            if (g->entries[i].cls < NX_G_CLASS_COUNT) {
                nx_vec *v = &m->by_class[g->entries[i].cls];
                NX_VEC_AT(v, uint32_t, v->count++) = (uint32_t)i;
            }
        m->by_class_made = rc == 0;
    }
    const nx_vec *list = &m->by_class[cls];
    for (size_t k = 0; k < list->count && rc == 0; k++) {
        const nx_entry *e = &g->entries[NX_VEC_AT(list, uint32_t, k)];
        if (t->kind && strcmp(nx_gstr(g, e->kind), t->kind) != 0) continue;
        rc = ctrie_add(t, nx_gstr(g, e->surface), e->case_rule, &A);
    }
    free(A.a);
    free(A.fold.s);
    if (rc) {
        P->st = NX_ERR_NOMEM;
        return -1;
    }
    return (int32_t)(m->tries.count - 1);
}

static node *parse_alt(parser *P, char close);

/* The built-in names: atom shapes and the usual gazetteer classes. */
static node *named(parser *P, const char *name, size_t n) {
    static const struct {
        const char *name;
        uint8_t kinds, flags;
    } SHAPES[] = {
        {"ANY", 0, 0},        {"ALPHA", AK_ALPHA, 0},          {"DIGITS", AK_DIGIT, 0},
        {"PUNCT", AK_PUNCT, 0}, {"IDEO", AK_IDEO, 0},          {"ALNUM", AK_ALNUM, 0},
        {"CAP", AK_ALPHA, AF_CAP}, {"CAPWORD", AK_ALPHA, AF_CAPWORD}, {"UPPER", AK_ALPHA, AF_UPPER},
        {"LOWER", AK_ALPHA, AF_LOWER},
    };
    static const struct {
        const char *name, *cls;
    } CLASSES[] = {
        {"MONTH", "month"},           {"WEEKDAY", "weekday"},         {"NUMBER", "temporal:number"},
        {"ORDINAL", "temporal:ordinal"}, {"UNIT", "temporal:unit"},   {"SEASON", "temporal:season"},
        {"DAYPART", "temporal:daypart"}, {"CLOCK", "temporal:clock"}, {"HOLIDAY", "temporal:holiday"},
        {"REL", "temporal:rel"},      {"TWORD", "temporal:word"},     {"TSET", "temporal:set"},
    };
    /* a macro of this file (the last definition wins) */
    for (size_t k = P->m->macros.count; k-- > 0;) {
        const macro *mc = &NX_VEC_AT(&P->m->macros, macro, k);
        if (strlen(mc->name) == n && !memcmp(mc->name, name, n) && !strcmp(mc->file, P->def->file)) return mc->body;
    }
    for (size_t k = 0; k < sizeof SHAPES / sizeof *SHAPES; k++)
        if (strlen(SHAPES[k].name) == n && !memcmp(SHAPES[k].name, name, n)) {
            node *x = new_node(P, N_ATOM);
            if (x) x->ref = add_pred(P, (apred){.kinds = SHAPES[k].kinds, .flags = SHAPES[k].flags, .lits = -1});
            return x;
        }
    for (size_t k = 0; k < sizeof CLASSES / sizeof *CLASSES; k++)
        if (strlen(CLASSES[k].name) == n && !memcmp(CLASSES[k].name, name, n)) {
            node *x = new_node(P, N_CLASS);
            if (x) x->ref = class_trie(P, CLASSES[k].cls, strlen(CLASSES[k].cls));
            return x && x->ref >= 0 ? x : NULL;
        }
    fail(P, "unknown name (not a macro of this file, a shape or a class)");
    return NULL;
}

/* The atom kinds a regex can match, from the bytes it can start with (so
 * that /[0-9]{4}/ is tried on digits only); 0 (any) when PCRE2 cannot say. */
static uint8_t regex_kinds(const pcre2_code *re) {
    const uint8_t *bits = NULL;
    uint32_t unit;
    uint8_t kinds = 0;
    if (pcre2_pattern_info(re, PCRE2_INFO_FIRSTBITMAP, &bits) == 0 && bits) {
        for (int c = 0; c < 256; c++) {
            if (!(bits[c / 8] & (1 << (c % 8)))) continue;
            if (c >= 0x80) return 0; /* a non-ASCII start: letters, digits or signs */
            kinds |= (uint8_t)char_kind(c);
        }
        return kinds;
    }
    uint32_t how;
    if (pcre2_pattern_info(re, PCRE2_INFO_FIRSTCODETYPE, &how) == 0 && how == 1 &&
        pcre2_pattern_info(re, PCRE2_INFO_FIRSTCODEUNIT, &unit) == 0 && unit < 0x80)
        return (uint8_t)char_kind((int32_t)unit);
    return 0;
}

/* What any match of a regex needs, from PCRE2's own analysis: its length
 * at least, and one of the bytes it may start with (all when PCRE2 cannot
 * say). An atom that lacks either is refused without running the regex. */
static void regex_prefilter(const pcre2_code *re, apred *p) {
    const uint8_t *bits = NULL;
    uint32_t how, unit, min = 0;
    memset(p->regex_first, 0xFF, sizeof p->regex_first);
    if (pcre2_pattern_info(re, PCRE2_INFO_FIRSTBITMAP, &bits) == 0 && bits) {
        memcpy(p->regex_first, bits, sizeof p->regex_first);
    } else if (pcre2_pattern_info(re, PCRE2_INFO_FIRSTCODETYPE, &how) == 0 && how == 1 &&
               pcre2_pattern_info(re, PCRE2_INFO_FIRSTCODEUNIT, &unit) == 0 && unit < 0x80) {
        uint32_t flags = 0;
        pcre2_pattern_info(re, PCRE2_INFO_ALLOPTIONS, &flags);
        memset(p->regex_first, 0, sizeof p->regex_first);
        p->regex_first[unit / 8] |= (uint8_t)(1u << (unit % 8));
        if (flags & PCRE2_CASELESS) { /* the unit is given in one case only */
            int other = unit >= 'a' && unit <= 'z' ? (int)unit - 32 : unit >= 'A' && unit <= 'Z' ? (int)unit + 32 : (int)unit;
            p->regex_first[other / 8] |= (uint8_t)(1u << (other % 8));
        }
    }
    if (pcre2_pattern_info(re, PCRE2_INFO_MINLENGTH, &min) == 0) p->regex_min = min;
}

/* Compiles the body of a /regex/ (caseless for /.../i), with JIT unless
 * NERX_NO_JIT is set; NULL (ec, eo set) when it does not compile. */
static pcre2_code *regex_compile(const char *body, size_t n, int caseless, int *ec, PCRE2_SIZE *eo) {
    uint32_t opts = PCRE2_UTF | PCRE2_UCP | PCRE2_ANCHORED | PCRE2_ENDANCHORED | (caseless ? PCRE2_CASELESS : 0u);
    pcre2_code *re = pcre2_compile((PCRE2_SPTR)body, n, opts, ec, eo, NULL);
    if (re && !getenv("NERX_NO_JIT")) pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);
    return re;
}

/* An atom test's fields that come from its compiled regex. */
static void regex_fill(pcre2_code *re, apred *pr) {
    pr->kinds = regex_kinds(re);
    pr->regex = re;
    regex_prefilter(re, pr);
    pr->n_groups = 0;
    for (int g = 0; g < NX_GRP_COUNT && pr->n_groups < 4; g++) {
        int num = pcre2_substring_number_from_name(re, (PCRE2_SPTR)nx_group_names[g]);
        if (num > 0) {
            pr->group[pr->n_groups] = (uint8_t)g;
            pr->capture[pr->n_groups++] = (uint8_t)num;
        }
    }
}

static node *regex_atom(parser *P) {
    size_t start = ++P->i; /* after '/' */
    while (P->i < P->n && P->s[P->i] != '/') P->i += P->s[P->i] == '\\' && P->i + 1 < P->n ? 2 : 1;
    if (P->i >= P->n) {
        fail(P, "unterminated /regex/");
        return NULL;
    }
    size_t end = P->i++;
    int caseless = 0;
    while (P->i < P->n && P->s[P->i] == 'i') caseless = 1, P->i++;
    /* the same regex written twice is one test (and one answer per atom) */
    size_t src_len = P->i - start;
    for (size_t k = 0; k < P->m->preds.count; k++) {
        const apred *q = &NX_VEC_AT(&P->m->preds, apred, k);
        if (q->source && strlen(q->source) == src_len && !memcmp(q->source, P->s + start, src_len)) {
            node *x = new_node(P, N_ATOM);
            if (x) x->ref = (int32_t)k;
            return x;
        }
    }
    int ec;
    PCRE2_SIZE eo;
    pcre2_code *re = regex_compile(P->s + start, end - start, caseless, &ec, &eo);
    if (!re) {
        char msg[256], full[320];
        pcre2_get_error_message(ec, (PCRE2_UCHAR *)msg, sizeof msg);
        snprintf(full, sizeof full, "/regex/ does not compile: %s", msg);
        P->i = start + eo;
        fail(P, full);
        return NULL;
    }
    node *x = new_node(P, N_ATOM);
    if (!x) {
        pcre2_code_free(re);
        return NULL;
    }
    apred pr = {.lits = -1, .source = strndup(P->s + start, src_len)};
    regex_fill(re, &pr);
    x->ref = pr.source ? add_pred(P, pr) : -1;
    if (x->ref < 0) {
        pcre2_code_free(re);
        free(pr.source);
        if (P->st == NX_OK) P->st = NX_ERR_NOMEM;
    }
    return x->ref < 0 ? NULL : x;
}

/* #lo..hi: an atom of digits whose value is lo..hi, as many digits as hi
 * has at most, and as lo has at least when lo is written with a leading
 * zero or as wide as hi (#1..31: 5, 05, 31; #00..59: 07, not 7). */
static node *range_atom(parser *P) {
    size_t a = ++P->i;
    while (P->i < P->n && P->s[P->i] >= '0' && P->s[P->i] <= '9') P->i++;
    size_t la = P->i - a;
    if (!la || P->i + 2 > P->n || P->s[P->i] != '.' || P->s[P->i + 1] != '.') {
        fail(P, "expected #lo..hi (digits)");
        return NULL;
    }
    P->i += 2;
    size_t b = P->i;
    while (P->i < P->n && P->s[P->i] >= '0' && P->s[P->i] <= '9') P->i++;
    size_t lb = P->i - b;
    if (!lb || la > 9 || lb > 9) {
        fail(P, "expected #lo..hi (at most nine digits each)");
        return NULL;
    }
    apred pr = {.kinds = AK_DIGIT, .lits = -1, .range = 1, .width_lo = 1, .width_hi = (uint8_t)lb};
    for (size_t k = 0; k < la; k++) pr.lo = pr.lo * 10 + (uint32_t)(P->s[a + k] - '0');
    for (size_t k = 0; k < lb; k++) pr.hi = pr.hi * 10 + (uint32_t)(P->s[b + k] - '0');
    if ((la > 1 && P->s[a] == '0') || la == lb) pr.width_lo = (uint8_t)la;
    if (pr.lo > pr.hi) {
        fail(P, "#lo..hi with lo above hi");
        return NULL;
    }
    /* the same test written twice is one test */
    for (size_t k = 0; k < P->m->preds.count; k++) {
        const apred *q = &NX_VEC_AT(&P->m->preds, apred, k);
        if (q->range && q->lo == pr.lo && q->hi == pr.hi && q->width_lo == pr.width_lo && q->width_hi == pr.width_hi) {
            node *x = new_node(P, N_ATOM);
            if (x) x->ref = (int32_t)k;
            return x;
        }
    }
    node *x = new_node(P, N_ATOM);
    if (x) x->ref = add_pred(P, pr);
    return x && x->ref >= 0 ? x : NULL;
}

/* One element, before its quantifier. */
static node *parse_primary(parser *P) {
    const char *s = P->s;
    char c = s[P->i];
    if (c == '(') {
        P->i++;
        if (P->i + 1 < P->n && s[P->i] == '?') {
            node *look = new_node(P, N_LOOK);
            if (!look) return NULL;
            if (s[P->i + 1] == ':') {
                P->i += 2;
                return parse_alt(P, ')');
            } else if (s[P->i + 1] == '=' || s[P->i + 1] == '!') {
                look->neg = s[P->i + 1] == '!';
                P->i += 2;
            } else if (s[P->i + 1] == '<' && P->i + 2 < P->n && (s[P->i + 2] == '=' || s[P->i + 2] == '!')) {
                look->behind = 1;
                look->neg = s[P->i + 2] == '!';
                P->i += 3;
            } else {
                fail(P, "unknown (? group: use (?: (?= (?! (?<= (?<!");
                return NULL;
            }
            if (add_kid(P, look, parse_alt(P, ')'))) return NULL;
            return look;
        }
        return parse_alt(P, ')');
    }
    if (c == '<') {
        size_t a = ++P->i;
        while (P->i < P->n && ((s[P->i] >= 'a' && s[P->i] <= 'z') || (s[P->i] >= '0' && s[P->i] <= '9'))) P->i++;
        int g = -1;
        for (int k = 0; k < NX_GRP_COUNT; k++)
            if (strlen(nx_group_names[k]) == P->i - a && !memcmp(nx_group_names[k], s + a, P->i - a)) g = k;
        if (g < 0) {
            P->i = a;
            fail(P, "unknown group name (see NX_GROUP_LIST: year, month, day, ...)");
            return NULL;
        }
        node *cap = new_node(P, N_CAP);
        if (!cap) return NULL;
        cap->ref = g;
        if (add_kid(P, cap, parse_alt(P, '>'))) return NULL;
        return cap;
    }
    if (c == '"') {
        size_t a = ++P->i;
        while (P->i < P->n && s[P->i] != '"') P->i++;
        if (P->i >= P->n) {
            fail(P, "unterminated \"literal\"");
            return NULL;
        }
        return literal(P, s + a, P->i++ - a, 0);
    }
    if (c == '/') return regex_atom(P);
    if (c == '#') return range_atom(P);
    if (c == '[') {
        size_t a = ++P->i;
        while (P->i < P->n && s[P->i] != ']') P->i++;
        if (P->i >= P->n) {
            fail(P, "unterminated [class]");
            return NULL;
        }
        node *x = new_node(P, N_CLASS);
        if (x) x->ref = class_trie(P, s + a, P->i - a);
        P->i++;
        return x && x->ref >= 0 ? x : NULL;
    }
    int exact = 0;
    if (c == '=') {
        exact = 1;
        P->i++;
    }
    size_t a = P->i;
    while (P->i < P->n && s[P->i] != ' ' && s[P->i] != '\t' && !is_syntax(s[P->i])) P->i++;
    if (P->i == a) {
        fail(P, "expected an element");
        return NULL;
    }
    /* an upper-case name is a macro, shape or class; anything else a word */
    int name = !exact && s[a] >= 'A' && s[a] <= 'Z';
    for (size_t k = a; k < P->i && name; k++)
        name = (s[k] >= 'A' && s[k] <= 'Z') || (s[k] >= '0' && s[k] <= '9') || s[k] == '_';
    if (name && P->i - a >= 2) return named(P, s + a, P->i - a);
    return literal(P, s + a, P->i - a, exact);
}

/* An element with its glue prefix (~ glued, ~? either, _ spaced) and
 * quantifier (? * + {m} {m,} {m,n}). */
static int ends_element(const parser *P, size_t i) {
    return i >= P->n || P->s[i] == ' ' || P->s[i] == '\t' || P->s[i] == ')' || P->s[i] == '|' || P->s[i] == '>';
}

static node *parse_item(parser *P) {
    int glue = G_DEFAULT;
    /* ~ or _ alone: the atom here is glued to the one before, or spaced */
    if ((P->s[P->i] == '~' || P->s[P->i] == '_') && ends_element(P, P->i + 1)) {
        node *t = new_node(P, N_GLUETEST);
        if (t) t->glue = P->s[P->i] == '~' ? G_GLUED : G_SPACED;
        P->i++;
        return t;
    }
    if (P->s[P->i] == '~') {
        P->i++;
        glue = G_GLUED;
        if (P->i < P->n && P->s[P->i] == '?') P->i++, glue = G_EITHER;
    } else if (P->s[P->i] == '_' && P->i + 1 < P->n && (P->s[P->i + 1] == ' ' || is_syntax(P->s[P->i + 1]))) {
        P->i++;
        glue = G_SPACED;
    }
    node *x = parse_primary(P);
    if (!x) return NULL;
    if (glue != G_DEFAULT) {
        node *g = new_node(P, N_SEQ); /* a glue on a group: a one-element sequence carries it */
        if (!g || add_kid(P, g, x)) return NULL;
        g->glue = (uint8_t)glue;
        x = g;
    }
    if (P->i >= P->n) return x;
    char q = P->s[P->i];
    int min = 1, max = 1;
    if (q == '?') min = 0, max = 1;
    else if (q == '*') min = 0, max = -1;
    else if (q == '+') min = 1, max = -1;
    else if (q == '{') {
        char *end;
        min = (int)strtol(P->s + P->i + 1, &end, 10);
        max = min;
        if (*end == ',') max = end[1] == '}' ? -1 : (int)strtol(end + 1, &end, 10);
        if (*end == ',') end++;
        if (*end != '}' || min < 0 || (max >= 0 && max < min) || min > 20 || max > 20) {
            fail(P, "bad {m,n} repetition (0 <= m <= n <= 20)");
            return NULL;
        }
        P->i = (size_t)(end - P->s);
    } else {
        return x;
    }
    P->i++;
    node *r = new_node(P, N_REP);
    if (!r || add_kid(P, r, x)) return NULL;
    r->min = min;
    r->max = max;
    return r;
}

static node *parse_seq(parser *P, char close) {
    node *seq = new_node(P, N_SEQ);
    if (!seq) return NULL;
    for (;;) {
        skip_space(P);
        if (P->i >= P->n || P->s[P->i] == '|' || P->s[P->i] == close) break;
        if (P->s[P->i] == ')' || P->s[P->i] == '>') {
            fail(P, "unbalanced ) or >");
            return NULL;
        }
        if (add_kid(P, seq, parse_item(P))) return NULL;
    }
    /* one element is itself (so merge_literals sees a lone word) */
    return seq->n_kids == 1 ? seq->kids[0] : seq;
}

/* A one-word literal: an atom test on a word set and nothing else. */
static int one_word(const parser *P, const node *x, int *exact) {
    if (x->type != N_ATOM || x->glue != G_DEFAULT) return 0;
    const apred *p = &NX_VEC_AT(&P->m->preds, apred, x->ref);
    if (p->lits < 0 || p->kinds || p->flags || p->regex) return 0;
    *exact = NX_VEC_AT(&P->m->sets, litset, p->lits).exact;
    return 1;
}

/* Consecutive one-word alternatives of the same case rule become one atom
 * test on the union of their words: one step instead of one per word. Only
 * one of them can match a given atom, so their order did not matter. */
static void merge_literals(parser *P, node *alt) {
    size_t w = 0;
    for (size_t k = 0; k < alt->n_kids && P->st == NX_OK;) {
        int ex, ex2;
        if (!one_word(P, alt->kids[k], &ex)) {
            alt->kids[w++] = alt->kids[k++];
            continue;
        }
        size_t j = k + 1;
        while (j < alt->n_kids && one_word(P, alt->kids[j], &ex2) && ex2 == ex) j++;
        if (j - k > 1) {
            int32_t set = new_litset(P, ex);
            if (set < 0) return;
            for (size_t i = k; i < j; i++) {
                const apred *p = &NX_VEC_AT(&P->m->preds, apred, alt->kids[i]->ref);
                const wmap *from = &NX_VEC_AT(&P->m->sets, litset, p->lits).words;
                wmap *to = &NX_VEC_AT(&P->m->sets, litset, set).words;
                for (size_t e = 0; e < from->n; e++)
                    if (wmap_put(to, from->keys[e].hash, 0, 0, wkey_str(from, &from->keys[e]), from->keys[e].len, 1, NULL))
                        P->st = NX_ERR_NOMEM;
            }
            node *x = new_node(P, N_ATOM);
            if (!x) return;
            x->ref = add_pred(P, (apred){.lits = set});
            alt->kids[w++] = x;
        } else {
            alt->kids[w++] = alt->kids[k];
        }
        k = j;
    }
    alt->n_kids = w;
}

/* One atom test with no groups, glued as the default: an alternative that
 * merge_atoms may fold into one test. */
static int one_atom(const parser *P, const node *x) {
    return x->type == N_ATOM && x->glue == G_DEFAULT && !NX_VEC_AT(&P->m->preds, apred, x->ref).n_groups;
}

/* Consecutive one-atom alternatives become one test that passes when one
 * of theirs does (after merge_literals): each consumes the one atom and goes
 * on to the same place, so which of them passes does not matter, and one
 * step replaces a choice point per alternative. */
static void merge_atoms(parser *P, node *alt) {
    size_t w = 0;
    for (size_t k = 0; k < alt->n_kids && P->st == NX_OK;) {
        size_t j = k;
        while (j < alt->n_kids && one_atom(P, alt->kids[j])) j++;
        if (j - k < 2) {
            alt->kids[w++] = alt->kids[k++];
            continue;
        }
        apred u = {.lits = -1, .any0 = (uint32_t)P->m->any.count};
        int any_kind = 0;
        for (size_t i = k; i < j; i++) {
            apred p = NX_VEC_AT(&P->m->preds, apred, alt->kids[i]->ref);
            /* an alternative that is itself a union adds its tests */
            uint32_t n = p.n_any ? p.n_any : 1;
            for (uint32_t e = 0; e < n; e++) {
                uint32_t *x = nx_vec_push(&P->m->any, sizeof *x);
                if (!x) {
                    P->st = NX_ERR_NOMEM;
                    return;
                }
                *x = p.n_any ? NX_VEC_AT(&P->m->any, uint32_t, p.any0 + e) : (uint32_t)alt->kids[i]->ref;
                u.n_any++;
            }
            if (!p.kinds) any_kind = 1;
            u.kinds |= p.kinds;
        }
        if (any_kind) u.kinds = 0;
        node *x = new_node(P, N_ATOM);
        if (!x) return;
        x->ref = add_pred(P, u);
        alt->kids[w++] = x;
        k = j;
    }
    alt->n_kids = w;
}

/* Alternatives up to `close` (consumed; 0: the end of the pattern). */
static node *parse_alt(parser *P, char close) {
    node *alt = new_node(P, N_ALT);
    if (!alt) return NULL;
    for (;;) {
        if (add_kid(P, alt, parse_seq(P, close))) return NULL;
        if (P->i < P->n && P->s[P->i] == '|') {
            P->i++;
            continue;
        }
        break;
    }
    merge_literals(P, alt);
    merge_atoms(P, alt);
    if (close) {
        if (P->i >= P->n || P->s[P->i] != close) {
            fail(P, close == ')' ? "missing )" : "missing >");
            return NULL;
        }
        P->i++;
    } else if (P->i < P->n) {
        fail(P, "unexpected character");
        return NULL;
    }
    return alt->n_kids == 1 ? alt->kids[0] : alt;
}

/* ---- analysis ---------------------------------------------------------------------- */

/* The fewest and most atoms a tree can span (max -1: unbounded). */
static void span_of(const nx_matcher *m, const node *x, int *lo, int *hi) {
    switch (x->type) {
    case N_ATOM: *lo = *hi = 1; return;
    case N_CLASS: {
        const ctrie *t = &NX_VEC_AT(&m->tries, ctrie, x->ref);
        *lo = 1;
        *hi = (int)t->max_len;
        return;
    }
    case N_LOOK:
    case N_GLUETEST:
    case N_EMPTY: *lo = *hi = 0; return;
    case N_CAP: span_of(m, x->kids[0], lo, hi); return;
    case N_REP: {
        int a, b;
        span_of(m, x->kids[0], &a, &b);
        *lo = a * x->min;
        *hi = x->max < 0 || b < 0 ? -1 : b * x->max;
        return;
    }
    case N_SEQ: {
        *lo = *hi = 0;
        for (size_t k = 0; k < x->n_kids; k++) {
            int a, b;
            span_of(m, x->kids[k], &a, &b);
            *lo += a;
            *hi = *hi < 0 || b < 0 ? -1 : *hi + b;
        }
        return;
    }
    case N_ALT: {
        *lo = 1 << 30;
        *hi = 0;
        for (size_t k = 0; k < x->n_kids; k++) {
            int a, b;
            span_of(m, x->kids[k], &a, &b);
            if (a < *lo) *lo = a;
            *hi = *hi < 0 || b < 0 ? -1 : (b > *hi ? b : *hi);
        }
        if (!x->n_kids) *lo = 0;
        return;
    }
    }
}

/* ---- code generation ------------------------------------------------------------- */

typedef struct gen {
    nx_matcher *m;
    nx_status st;
    nx_vec looks; /* pending look-around bodies: node * and the pc to patch */
} gen;

typedef struct pending_look {
    const node *body;
    int32_t at; /* the I_LOOK instruction */
} pending_look;

static int32_t emit(gen *G, inst in) {
    inst *x = nx_vec_push(&G->m->code, sizeof *x);
    if (!x) {
        G->st = NX_ERR_NOMEM;
        return -1;
    }
    *x = in;
    return (int32_t)(G->m->code.count - 1);
}

#define CODE(G, pc) NX_VEC_AT(&(G)->m->code, inst, pc)

/* Emits x; `glue` (if not default) applies to the first atoms x consumes. */
/* Each alternative of an alternation but the last ends with a jump past the
 * rest: the jumps are chained through their targets (*last: the newest, -1
 * none) until land_jumps() knows the end, so an alternation may have any
 * number of alternatives. */
static void jump_past(gen *G, int32_t *last) {
    int32_t j = emit(G, (inst){I_JMP, 0, 0, 0, *last, 0, 0, 0});
    if (j >= 0) *last = j;
}

static void land_jumps(gen *G, int32_t last) {
    while (last >= 0 && G->st == NX_OK) {
        int32_t before = CODE(G, last).x;
        CODE(G, last).x = (int32_t)G->m->code.count;
        last = before;
    }
}

/* The word set an alternative must open with (a set of folded words that its
 * first atom must be in, whatever else it asks), or -1. */
static int32_t opening_set(const nx_matcher *m, const node *x) {
    switch (x->type) {
    case N_ATOM: {
        const apred *p = &NX_VEC_AT(&m->preds, apred, x->ref);
        if (p->lits < 0 || p->n_any || NX_VEC_AT(&m->sets, litset, p->lits).exact) return -1;
        return p->lits;
    }
    case N_CAP: return opening_set(m, x->kids[0]);
    case N_REP: return x->min > 0 ? opening_set(m, x->kids[0]) : -1;
    case N_SEQ:
        for (size_t k = 0; k < x->n_kids; k++) {
            int lo, hi;
            span_of(m, x->kids[k], &lo, &hi);
            if (lo == 0 && hi == 0) continue; /* a look-around or a glue test: it consumes nothing */
            return lo > 0 ? opening_set(m, x->kids[k]) : -1;
        }
        return -1;
    default: return -1;
    }
}

static void gen_node(gen *G, const node *x, int glue);

/* An alternation as an I_SWITCH (see wswitch) when enough of its
 * alternatives open with a word: 1, or 0 to leave it to I_SPLITs. */
static int gen_switch(gen *G, const node *x, int g) {
    nx_matcher *m = G->m;
    if (x->n_kids < SWITCH_MIN || x->n_kids > SWITCH_MAX) return 0;
    int32_t sets[SWITCH_MAX];
    size_t keyed = 0;
    for (size_t k = 0; k < x->n_kids; k++) keyed += (sets[k] = opening_set(m, x->kids[k])) >= 0;
    if (keyed < SWITCH_MIN) return 0;
    wswitch *sw = nx_vec_push(&m->switches, sizeof *sw);
    if (!sw) return G->st = NX_ERR_NOMEM, 1;
    memset(sw, 0, sizeof *sw);
    int32_t id = (int32_t)m->switches.count - 1;
    for (size_t k = 0; k < x->n_kids; k++) {
        if (sets[k] < 0) {
            sw->open |= UINT64_C(1) << k;
            continue;
        }
        const wmap *words = &NX_VEC_AT(&m->sets, litset, sets[k]).words;
        for (size_t i = 0; i < words->n; i++) {
            const wkey *key = &words->keys[i];
            wswitch *s = &NX_VEC_AT(&m->switches, wswitch, id);
            long at;
            uint32_t fresh = (uint32_t)s->masks.count;
            if (wmap_put(&s->words, key->hash, 0, 0, wkey_str(words, key), key->len, fresh, &at)) return G->st = NX_ERR_NOMEM, 1;
            uint32_t mi = s->words.keys[at].value;
            if (mi == fresh) {
                uint64_t *mask = nx_vec_push(&s->masks, sizeof *mask);
                if (!mask) return G->st = NX_ERR_NOMEM, 1;
                *mask = 0;
            }
            NX_VEC_AT(&s->masks, uint64_t, mi) |= UINT64_C(1) << k;
        }
    }
    emit(G, (inst){I_SWITCH, 0, 0, 0, id, 0, 0, 0});
    int32_t last_jump = -1;
    for (size_t k = 0; k < x->n_kids && G->st == NX_OK; k++) {
        NX_VEC_AT(&m->switches, wswitch, id).start[k] = (int32_t)m->code.count;
        gen_node(G, x->kids[k], g);
        if (k + 1 < x->n_kids) jump_past(G, &last_jump);
    }
    land_jumps(G, last_jump);
    return 1;
}

static void gen_node(gen *G, const node *x, int glue) {
    if (G->st != NX_OK) return;
    int g = x->glue && x->type != N_GLUETEST ? x->glue : glue;
    switch (x->type) {
    case N_EMPTY: return;
    case N_GLUETEST: emit(G, (inst){I_GLUETEST, x->glue, 0, 0, 0, 0, 0, 0}); return;
    case N_ATOM: emit(G, (inst){I_ATOM, (uint8_t)g, 0, 0, x->ref, 0, 0, 0}); return;
    case N_CLASS: emit(G, (inst){I_CLASS, (uint8_t)g, 0, 0, x->ref, 0, 0, 0}); return;
    case N_CAP:
        emit(G, (inst){I_SAVE, 0, 0, 0, 2 * x->ref, 0, 0, 0});
        gen_node(G, x->kids[0], g);
        emit(G, (inst){I_SAVE, 0, 0, 0, 2 * x->ref + 1, 0, 0, 0});
        return;
    case N_SEQ:
        for (size_t k = 0; k < x->n_kids; k++) {
            gen_node(G, x->kids[k], g);
            /* the glue reaches past elements that may span nothing */
            int lo, hi;
            span_of(G->m, x->kids[k], &lo, &hi);
            if (lo > 0) g = G_DEFAULT;
        }
        return;
    case N_ALT: {
        if (gen_switch(G, x, g)) return;
        int32_t last_jump = -1;
        for (size_t k = 0; k < x->n_kids; k++) {
            int32_t split = -1;
            if (k + 1 < x->n_kids) split = emit(G, (inst){I_SPLIT, 0, 0, 0, 0, 0, 0, 0});
            if (split >= 0) CODE(G, split).x = split + 1;
            gen_node(G, x->kids[k], g);
            if (k + 1 < x->n_kids) {
                jump_past(G, &last_jump);
                if (split >= 0 && G->st == NX_OK) CODE(G, split).y = (int32_t)G->m->code.count;
            }
        }
        land_jumps(G, last_jump);
        return;
    }
    case N_REP: {
        int lo, hi;
        span_of(G->m, x->kids[0], &lo, &hi);
        if (lo == 0 && (x->max < 0 || x->max > 1)) {
            G->st = NX_ERR_PARSE; /* reported by the caller */
            return;
        }
        for (int k = 0; k < x->min; k++) gen_node(G, x->kids[0], k == 0 ? g : G_DEFAULT);
        int gg = x->min ? G_DEFAULT : g;
        if (x->max < 0) {
            int32_t loop = emit(G, (inst){I_SPLIT, 0, 0, 0, 0, 0, 0, 0});
            if (loop < 0) return;
            CODE(G, loop).x = loop + 1;
            gen_node(G, x->kids[0], gg);
            emit(G, (inst){I_JMP, 0, 0, 0, loop, 0, 0, 0});
            if (G->st == NX_OK) CODE(G, loop).y = (int32_t)G->m->code.count;
        } else {
            int32_t splits[20];
            int ns = 0;
            for (int k = x->min; k < x->max; k++) {
                int32_t sp = emit(G, (inst){I_SPLIT, 0, 0, 0, 0, 0, 0, 0});
                if (sp < 0) return;
                CODE(G, sp).x = sp + 1;
                splits[ns++] = sp;
                gen_node(G, x->kids[0], k == x->min ? gg : G_DEFAULT);
            }
            for (int k = 0; k < ns && G->st == NX_OK; k++) CODE(G, splits[k]).y = (int32_t)G->m->code.count;
        }
        return;
    }
    case N_LOOK: {
        int lo, hi;
        span_of(G->m, x->kids[0], &lo, &hi);
        if (x->behind && hi < 0) {
            G->st = NX_ERR_PARSE;
            return;
        }
        int32_t at = emit(G, (inst){I_LOOK, 0, x->neg, x->behind, -1, 0, lo, hi});
        pending_look *p = nx_vec_push(&G->looks, sizeof *p);
        if (!p || at < 0) {
            G->st = NX_ERR_NOMEM;
            return;
        }
        p->body = x->kids[0];
        p->at = at;
        return;
    }
    }
}

/* ---- dispatch: which patterns may start at an atom ------------------------------ */

/* The ways a tree may start, added to `first` as (kind << 24 | set-or-trie),
 * see first_of(); returns 1 when the tree may span nothing (so what follows
 * may start the match too). */
enum { FIRST_KINDS = 1, FIRST_SET = 2, FIRST_TRIE = 3, FIRST_PRED = 4 };

static int first_of(const nx_matcher *m, const node *x, nx_vec *first, int *fail) {
    switch (x->type) {
    case N_EMPTY:
    case N_GLUETEST:
    case N_LOOK: return 1;
    case N_ATOM: {
        const apred *p = &NX_VEC_AT(&m->preds, apred, x->ref);
        for (uint32_t k = 0; k < p->n_any; k++) { /* one of its alternatives: dispatch by each */
            node sub = {N_ATOM, 0, 0, 0, (int32_t)NX_VEC_AT(&m->any, uint32_t, p->any0 + k), 0, 0, NULL, 0};
            first_of(m, &sub, first, fail);
        }
        if (p->n_any) return 0;
        uint32_t *f = nx_vec_push(first, sizeof *f);
        if (!f) return *fail = 1, 0;
        if (p->lits >= 0) *f = (uint32_t)FIRST_SET << 24 | (uint32_t)p->lits;
        else *f = (uint32_t)FIRST_PRED << 24 | (uint32_t)x->ref; /* dispatched by kind, then tested */
        return 0;
    }
    case N_CLASS: {
        uint32_t *f = nx_vec_push(first, sizeof *f);
        if (!f) return *fail = 1, 0;
        *f = (uint32_t)FIRST_TRIE << 24 | (uint32_t)x->ref;
        return 0;
    }
    case N_CAP: return first_of(m, x->kids[0], first, fail);
    case N_REP: return first_of(m, x->kids[0], first, fail) || x->min == 0;
    case N_SEQ:
        for (size_t k = 0; k < x->n_kids; k++)
            if (!first_of(m, x->kids[k], first, fail)) return 0;
        return 1;
    case N_ALT: {
        int empty = x->n_kids == 0;
        for (size_t k = 0; k < x->n_kids; k++) empty |= first_of(m, x->kids[k], first, fail);
        return empty;
    }
    }
    return 0;
}

/* ---- anchors: required elements, checked before a pattern runs -----------------
 * Dispatch by the first element alone tries "the past two years" at every
 * "the", and "March 5, 2024" at every month name. A pattern's anchors are
 * elements every match holds (a class, a word set, a year or day test, or
 * one of each alternative of a group: cands_of) at a bounded distance from
 * the match's start, the rarest first; a pattern is tried at an atom only
 * if each anchor may start somewhere in its range after it. */

/* How common a word is: 20 for the function words of the gazetteers (the,
 * of, this ...: function-words.tsv) and for an ASCII mark of punctuation
 * (every sentence ends in one), else 1. */
static int word_cost(const nx_matcher *m, const char *w, size_t n) {
    if (n == 1 && (unsigned char)w[0] < 0x80 && ascii_kind[(unsigned char)w[0]] == AK_PUNCT) return 20;
    char buf[256];
    size_t fl = nx_fold(w, n, buf, sizeof buf);
    if (fl > sizeof buf || !m->gaz) return 1;
    uint32_t at = nx_gazetteer_word(m->gaz, buf, fl);
    for (uint32_t e = at ? nx_gnode_first(m->gaz, at) : 0; e; e = nx_gnode_next(m->gaz, e))
        if (m->gaz->entries[e - 1].cls == NX_G_FUNCTION_WORD) return 20;
    return 1;
}

/* How common the first atoms of an element are (its first-element
 * descriptors, see first_of): the commonest one counts. An atom test with a
 * regex (a year, a day) costs 5, digits alone 30, any other kind of atom too
 * much to be an anchor. */
static int first_cost(nx_matcher *m, const nx_vec *first) {
    int cost = 0;
    for (size_t f = 0; f < first->count; f++) {
        uint32_t d = NX_VEC_AT(first, uint32_t, f), what = d >> 24, ref = d & 0xFFFFFF;
        int c = 0;
        if (what == FIRST_PRED) {
            const apred *p = &NX_VEC_AT(&m->preds, apred, ref);
            c = (p->regex || p->range) && p->kinds == AK_DIGIT ? 5 : p->kinds == AK_DIGIT ? 30 : 1 << 20;
        } else if (what == FIRST_KINDS) {
            c = ref == AK_DIGIT ? 30 : 1 << 20;
        } else {
            /* a set's or trie's cost, worked out once (a class trie of
             * months has hundreds of first words, each looked up) */
            nx_vec *memo = what == FIRST_SET ? &m->set_cost : &m->trie_cost;
            if (ref < memo->count && NX_VEC_AT(memo, int, ref)) {
                c = NX_VEC_AT(memo, int, ref) - 1;
            } else {
                const wmap *w = what == FIRST_SET ? &NX_VEC_AT(&m->sets, litset, ref).words : &NX_VEC_AT(&m->tries, ctrie, ref).edges;
                for (size_t i = 0; i < w->n && c < 20; i++)
                    if (what == FIRST_SET || w->keys[i].parent == 0) {
                        int wc = word_cost(m, wkey_str(w, &w->keys[i]), w->keys[i].len);
                        if (wc > c) c = wc;
                    }
                /* (sets and tries are complete by the time a pattern is costed) */
                if (!nx_vec_reserve(memo, sizeof(int), (size_t)ref + 1)) {
                    while (memo->count <= ref) NX_VEC_AT(memo, int, memo->count++) = 0;
                    NX_VEC_AT(memo, int, ref) = c + 1;
                }
            }
        }
        if (c > cost) cost = c;
    }
    return cost;
}

/* Anchor candidates: elements every match holds, with their first atoms, the
 * atoms between the match's start and them (lo..hi), and how common their
 * first atoms are. */
typedef struct cand {
    filter f;
    int cost;
    size_t breadth; /* how many words it may start with: of two of one cost, the fewer the rarer */
} cand;

static size_t first_breadth(const nx_matcher *m, const nx_vec *first) {
    size_t n = 0;
    for (size_t f = 0; f < first->count; f++) {
        uint32_t d = NX_VEC_AT(first, uint32_t, f), what = d >> 24, ref = d & 0xFFFFFF;
        if (what == FIRST_SET) n += NX_VEC_AT(&m->sets, litset, ref).words.n;
        else if (what == FIRST_TRIE) {
            const wmap *w = &NX_VEC_AT(&m->tries, ctrie, ref).edges;
            for (size_t i = 0; i < w->n; i++) n += w->keys[i].parent == 0;
        } else n += 1000; /* an atom kind or test: more words than a set names */
    }
    return n;
}
enum { MAX_CANDS = 32 };
typedef struct cands {
    cand c[MAX_CANDS];
    size_t n;
} cands;

static void cands_free(cands *C) {
    for (size_t i = 0; i < C->n; i++) nx_vec_free(&C->c[i].f.first);
    C->n = 0;
}

static int has_first(const nx_vec *first, uint32_t d) {
    for (size_t i = 0; i < first->count; i++)
        if (NX_VEC_AT(first, uint32_t, i) == d) return 1;
    return 0;
}

/* Whether two anchors test the same thing: an element and the group that is
 * all of it ("<year YEAR>" and YEAR) are one anchor, not two. */
static int same_filter(const filter *a, const filter *b) {
    if (a->lo != b->lo || a->hi != b->hi || a->first.count != b->first.count) return 0;
    for (size_t i = 0; i < a->first.count; i++)
        if (!has_first(&b->first, NX_VEC_AT(&a->first, uint32_t, i))) return 0;
    return 1;
}

/* Adds element x, lo..hi atoms after the match's start, unless its first
 * atoms are too common to be worth an anchor. -1 when out of memory. */
static int cand_add(nx_matcher *m, const node *x, int lo, int hi, cands *C) {
    if (C->n == MAX_CANDS) return 0;
    filter f = {{0}, lo, hi, 0, 0};
    int fail = 0;
    first_of(m, x, &f.first, &fail);
    int cost = fail ? 0 : first_cost(m, &f.first);
    if (!fail && cost < 1 << 20) C->c[C->n++] = (cand){f, cost, first_breadth(m, &f.first)};
    else nx_vec_free(&f.first);
    return fail ? -1 : 0;
}

/* The required elements inside x, which starts lo..hi atoms after the
 * match's start: each element of a sequence that cannot match empty (and
 * the elements inside it), the first pass of a repetition, and for an
 * alternation the rarest candidate of each alternative taken together ("a
 * year ago | year-earlier": one of "year", "year", at 0..1), so a pattern
 * whose words sit inside a group is anchored too. -1 when out of memory. */
static int cands_of(nx_matcher *m, const node *x, int lo, int hi, cands *C) {
    switch (x->type) {
    case N_CAP: return cands_of(m, x->kids[0], lo, hi, C);
    case N_REP: return x->min >= 1 ? cands_of(m, x->kids[0], lo, hi, C) : 0;
    case N_SEQ:
        for (size_t k = 0; k < x->n_kids && hi >= 0; k++) {
            const node *y = x->kids[k];
            int a, b;
            span_of(m, y, &a, &b);
            if (a > 0 && (cand_add(m, y, lo, hi, C) || cands_of(m, y, lo, hi, C))) return -1;
            lo += a;
            hi = b < 0 ? -1 : hi + b;
        }
        return 0;
    case N_ALT: {
        filter u = {{0}, lo, hi, 0, 0};
        int ok = x->n_kids > 0;
        for (size_t k = 0; k < x->n_kids && ok > 0; k++) {
            const node *y = x->kids[k];
            cands A;
            A.n = 0;
            int a, b;
            span_of(m, y, &a, &b);
            if ((a > 0 && cand_add(m, y, lo, hi, &A)) || cands_of(m, y, lo, hi, &A)) {
                cands_free(&A);
                nx_vec_free(&u.first);
                return -1;
            }
            size_t best = 0;
            for (size_t i = 1; i < A.n; i++)
                if (A.c[i].cost < A.c[best].cost) best = i;
            ok = A.n > 0;
            if (ok) {
                const filter *f = &A.c[best].f;
                for (size_t i = 0; i < f->first.count && ok > 0; i++) {
                    uint32_t d = NX_VEC_AT(&f->first, uint32_t, i);
                    if (has_first(&u.first, d)) continue;
                    uint32_t *slot = nx_vec_push(&u.first, sizeof *slot);
                    if (!slot) ok = -1;
                    else *slot = d;
                }
                if (k == 0 || f->lo < u.lo) u.lo = f->lo;
                if (k == 0 || f->hi > u.hi) u.hi = f->hi;
            }
            cands_free(&A);
        }
        if (ok < 0) {
            nx_vec_free(&u.first);
            return -1;
        }
        if (ok && C->n < MAX_CANDS) C->c[C->n++] = (cand){u, first_cost(m, &u.first), first_breadth(m, &u.first)};
        else nx_vec_free(&u.first);
        return 0;
    }
    default: return 0;
    }
}

/* Picks a pattern's anchors: up to MAX_FILTERS of the elements every match
 * holds at a bounded distance from its start (cands_of), not one that can
 * only be the first atom (dispatch tests that), the rarest first. */
static nx_status anchor_of(nx_matcher *m, const node *tree, pattern *pt) {
    cands C;
    C.n = 0;
    if (cands_of(m, tree, 0, 0, &C)) {
        cands_free(&C);
        return NX_ERR_NOMEM;
    }
    /* the rarest first (a stable selection) */
    for (size_t n = 0; n < MAX_FILTERS && C.n; n++) {
        size_t best = C.n;
        for (size_t i = 0; i < C.n; i++)
            if (C.c[i].f.hi > 0 && (best == C.n || C.c[i].cost < C.c[best].cost ||
                                    (C.c[i].cost == C.c[best].cost && C.c[i].breadth < C.c[best].breadth)))
                best = i;
        if (best == C.n) break;
        int seen = 0;
        for (size_t f = 0; f < pt->n_filters && !seen; f++) seen = same_filter(&pt->filters[f], &C.c[best].f);
        if (seen) nx_vec_free(&C.c[best].f.first), n--;
        else pt->filters[pt->n_filters++] = C.c[best].f;
        memmove(&C.c[best], &C.c[best + 1], (C.n - best - 1) * sizeof *C.c);
        C.n--;
    }
    cands_free(&C);
    return NX_OK;
}

/* ---- the backend: create, add, finish ---------------------------------------------- */

static nx_matcher *create(const nx_matcher_limits *limits) {
    nx_matcher *m = calloc(1, sizeof *m);
    if (!m) return NULL;
    if (!ascii_kind['a']) init_ascii_kind();
    m->limits = *limits;
    m->gaz = limits->gazetteer;
    nx_arena_init(&m->nodes);
    return m;
}

static nx_status add(nx_matcher *m, const nx_pattern_def *def, nx_error *err) {
    parser P = {m, def, def->source, 0, def->source_len, err, NX_OK};
    node *tree = parse_alt(&P, 0);
    if (!tree) return P.st == NX_OK ? NX_ERR_NOMEM : P.st;
    if (def->macro) {
        macro *mc = nx_vec_push(&m->macros, sizeof *mc);
        if (!mc) return NX_ERR_NOMEM;
        mc->file = strdup(def->file);
        mc->name = strdup(def->name);
        mc->body = tree;
        return mc->file && mc->name ? NX_OK : NX_ERR_NOMEM;
    }
    gen G = {m, NX_OK, {0}};
    pattern *pt = nx_vec_push(&m->patterns, sizeof *pt);
    if (!pt) return NX_ERR_NOMEM;
    memset(pt, 0, sizeof *pt);
    pt->pc = (int32_t)m->code.count;
    int fail_first = 0;
    if (first_of(m, tree, &pt->first, &fail_first) && !fail_first) {
        nx_vec_free(&pt->first);
        m->patterns.count--;
        nx_error_set(err, NX_ERR_PARSE, def->file, def->line, def->column, "a pattern must match at least one atom");
        return NX_ERR_PARSE;
    }
    if (fail_first) return NX_ERR_NOMEM;
    if (anchor_of(m, tree, pt)) return NX_ERR_NOMEM;
    for (size_t f = 0; f < pt->first.count; f++) {
        uint32_t d = NX_VEC_AT(&pt->first, uint32_t, f);
        if (d >> 24 != FIRST_PRED) continue;
        uint32_t *x = nx_vec_push(&pt->first_preds, sizeof *x);
        if (!x) return NX_ERR_NOMEM;
        *x = d & 0xFFFFFF;
    }
    gen_node(&G, tree, G_DEFAULT);
    emit(&G, (inst){I_MATCH, 0, 0, 0, 0, 0, 0, 0});
    /* look-around bodies after the pattern, each ending in its own match */
    for (size_t k = 0; k < G.looks.count && G.st == NX_OK; k++) {
        pending_look pl = NX_VEC_AT(&G.looks, pending_look, k);
        CODE(&G, pl.at).x = (int32_t)m->code.count;
        gen_node(&G, pl.body, G_DEFAULT);
        emit(&G, (inst){I_MATCH, 0, 0, 0, 0, 0, 0, 0});
    }
    nx_vec_free(&G.looks);
    if (G.st == NX_ERR_PARSE)
        nx_error_set(err, NX_ERR_PARSE, def->file, def->line, def->column,
                     "a repetition of something that may match nothing, or an unbounded look-behind");
    return G.st;
}

/* Sets bit p for every word a descriptor covers, in the first part of the
 * word's row (half 0: p is a pattern that may start with it) or the second
 * (half 1: p is an anchor slot that may start with it), or in the kind rows
 * `by_kind`. */
static void rows_memo_free(nx_matcher *m) {
    nx_vec *memos[2] = {&m->set_rows, &m->trie_rows};
    for (int k = 0; k < 2; k++) {
        for (size_t i = 0; i < memos[k]->count; i++) nx_vec_free(&NX_VEC_AT(memos[k], nx_vec, i));
        nx_vec_free(memos[k]);
    }
}

static nx_status dispatch_add(nx_matcher *m, uint32_t desc, size_t p, int half, uint64_t **by_kind) {
    uint64_t bit = UINT64_C(1) << (p % 64);
    size_t w = p / 64, row_words = m->words + m->slot_words;
    uint32_t what = desc >> 24, ref = desc & 0xFFFFFF;
    if (what == FIRST_PRED) {
        uint8_t kinds = NX_VEC_AT(&m->preds, apred, ref).kinds;
        what = FIRST_KINDS;
        ref = kinds ? kinds : 0xFF;
    }
    if (what == FIRST_KINDS) {
        for (int k = 0; k < 16; k++)
            if (k & ref) by_kind[k][w] |= bit;
        return NX_OK;
    }
    /* the rows of a set's or trie's words, found once: a class trie of
     * months (hundreds of words, some to fold through utf8proc) is the
     * first element or anchor of a dozen patterns */
    nx_vec *memo = what == FIRST_SET ? &m->set_rows : &m->trie_rows;
    if (ref >= memo->count) {
        if (nx_vec_reserve(memo, sizeof(nx_vec), (size_t)ref + 1)) return NX_ERR_NOMEM;
        memset((nx_vec *)memo->items + memo->count, 0, ((size_t)ref + 1 - memo->count) * sizeof(nx_vec));
        memo->count = (size_t)ref + 1;
    }
    nx_vec *rows_of = &NX_VEC_AT(memo, nx_vec, ref);
    if (rows_of->items) {
        for (size_t i = 0; i < rows_of->count; i++)
            ((uint64_t *)m->rows.items)[NX_VEC_AT(rows_of, uint32_t, i) * row_words + (size_t)half * m->words + w] |= bit;
        return NX_OK;
    }
    if (nx_vec_reserve(rows_of, sizeof(uint32_t), 1)) return NX_ERR_NOMEM;
    const wmap *src = what == FIRST_SET ? &NX_VEC_AT(&m->sets, litset, ref).words : &NX_VEC_AT(&m->tries, ctrie, ref).edges;
    for (size_t i = 0; i < src->n; i++) {
        const wkey *key = &src->keys[i];
        if (what == FIRST_TRIE && key->parent != 0) continue;
        /* dispatch is by the folded form: fold exact words too */
        char buf[256];
        size_t fl = nx_fold(wkey_str(src, key), key->len, buf, sizeof buf);
        if (fl > sizeof buf) continue;
        long k;
        size_t row = m->rows.count / row_words;
        if (wmap_put(&m->by_word, word_hash(buf, fl), 0, 0, buf, fl, (uint32_t)row, &k)) return NX_ERR_NOMEM;
        if (m->by_word.keys[k].value == row) /* a new word: a new row */
            for (size_t j = 0; j < row_words; j++) {
                uint64_t *x = nx_vec_push(&m->rows, sizeof *x);
                if (!x) return NX_ERR_NOMEM;
                *x = 0;
            }
        ((uint64_t *)m->rows.items)[m->by_word.keys[k].value * row_words + (size_t)half * m->words + w] |= bit;
        uint32_t *x = nx_vec_push(rows_of, sizeof *x);
        if (!x) return NX_ERR_NOMEM;
        *x = m->by_word.keys[k].value;
    }
    return NX_OK;
}

/* A new row, the union of rows r1 and r2: its index, or UINT32_MAX when out
 * of memory. */
static uint32_t union_row(nx_matcher *m, uint32_t r1, uint32_t r2) {
    size_t row_words = m->words + m->slot_words, r = m->rows.count / row_words;
    if (nx_vec_reserve(&m->rows, sizeof(uint64_t), m->rows.count + row_words)) return UINT32_MAX;
    uint64_t *rows = m->rows.items;
    for (size_t j = 0; j < row_words; j++) rows[r * row_words + j] = rows[r1 * row_words + j] | rows[r2 * row_words + j];
    m->rows.count += row_words;
    return (uint32_t)r;
}

/* Puts the dispatch words into buckets of BUCKET_SLOTS by the low bits of
 * their hash, with as many buckets as it takes for none to overflow. Two
 * words of the same hash share one slot whose row is the union of theirs: a
 * row only says what is worth trying, so that costs a needless try now and
 * then, never a match. An empty slot holds a hash that cannot be in its
 * bucket (its low bits are another bucket's). */
static nx_status build_buckets(nx_matcher *m) {
    const wmap *w = &m->by_word;
    size_t nb = 2;
    while (nb * 2 < w->n) nb *= 2; /* about two words a bucket */
    for (;;) {
        free(m->buckets);
        m->buckets = NULL;
        if (nb > UINT32_MAX) return NX_ERR_NOMEM;
        wbucket *b = aligned_alloc(64, nb * sizeof *b); /* a bucket is a cache line */
        uint8_t *fill = calloc(nb, 1);
        if (!b || !fill) {
            free(b);
            free(fill);
            return NX_ERR_NOMEM;
        }
        m->buckets = b;
        for (size_t i = 0; i < nb; i++)
            for (size_t j = 0; j < BUCKET_SLOTS; j++) b[i].hash[j] = (uint32_t)(i ^ 1), b[i].row[j] = m->zero_row;
        int overflow = 0;
        for (size_t k = 0; k < w->n && !overflow; k++) {
            uint32_t h = w->keys[k].hash, i = h & (uint32_t)(nb - 1);
            wbucket *s = &b[i];
            size_t j = 0;
            while (j < fill[i] && s->hash[j] != h) j++;
            if (j < fill[i]) {
                uint32_t r = union_row(m, s->row[j], w->keys[k].value);
                if (r == UINT32_MAX) {
                    free(fill);
                    return NX_ERR_NOMEM;
                }
                s->row[j] = r;
            } else if (fill[i] == BUCKET_SLOTS) {
                overflow = 1;
            } else {
                s->hash[j] = h;
                s->row[j] = w->keys[k].value;
                fill[i]++;
            }
        }
        free(fill);
        if (!overflow) {
            m->bucket_mask = (uint32_t)(nb - 1);
            return NX_OK;
        }
        nb *= 2;
    }
}

/* What the scan asks of every atom's row (ROW_HAS_*): whether it may start a
 * first anchor, and a pattern without anchors (most rows neither). */
static uint32_t row_flags(const nx_matcher *m, uint32_t r) {
    const uint64_t *row = &((const uint64_t *)m->rows.items)[(size_t)r * (m->words + m->slot_words)];
    uint32_t f = 0;
    for (size_t sw = 0; sw < m->slot_words; sw++)
        if (row[m->words + sw] & m->first_slots[sw]) f |= ROW_HAS_FIRST;
    for (size_t w = 0; w < m->words; w++)
        if (row[w] & ~m->filtered[w]) f |= ROW_HAS_REST;
    return f;
}

/* The bit set of the words whose row has ROW_HAS_REST or ROW_HAS_FIRST, by
 * the low bits of their hash (about one in sixteen bits set): an atom whose
 * bit is clear and whose kind starts nothing needs no row until it is asked
 * for one (atom_rows). From the finished buckets. */
static nx_status build_busy_words(nx_matcher *m) {
    size_t n = 0, nb = (size_t)m->bucket_mask + 1;
    for (size_t i = 0; i < nb; i++)
        for (size_t j = 0; j < BUCKET_SLOTS; j++) n += (m->buckets[i].row[j] & (ROW_HAS_REST | ROW_HAS_FIRST)) != 0;
    size_t bits = 64;
    while (bits < 16 * n && bits < (size_t)1 << 31) bits *= 2;
    free(m->busy_words);
    if (!(m->busy_words = calloc(bits / 64, sizeof *m->busy_words))) return NX_ERR_NOMEM;
    m->busy_mask = (uint32_t)(bits - 1);
    for (size_t i = 0; i < nb; i++)
        for (size_t j = 0; j < BUCKET_SLOTS; j++)
            if (m->buckets[i].row[j] & (ROW_HAS_REST | ROW_HAS_FIRST)) {
                uint32_t b = m->buckets[i].hash[j] & m->busy_mask;
                m->busy_words[b / 64] |= UINT64_C(1) << (b % 64);
            }
    return NX_OK;
}

/* m->anchor_kind_tests and m->anchor_range_tests, from the anchor tests. */
static void index_anchor_tests(nx_matcher *m) {
    m->anchor_range_tests = 0;
    memset(m->anchor_kind_tests, 0, sizeof m->anchor_kind_tests);
    for (size_t i = 0; i < m->n_anchor_preds; i++) {
        const apred *p = &NX_VEC_AT(&m->preds, apred, m->anchor_preds[i]);
        if (p->range) m->anchor_range_tests |= UINT64_C(1) << i;
        for (unsigned k = 0; k < 16; k++)
            if (!p->kinds || (p->kinds & k)) m->anchor_kind_tests[k] |= UINT64_C(1) << i;
    }
}

/* Builds the dispatch tables from each pattern's first elements and anchors. */
static nx_status finish(nx_matcher *m, nx_error *err) {
    (void)err;
    size_t np = m->patterns.count;
    m->words = np ? (np + 63) / 64 : 1;
    for (size_t p = 0; p < np; p++) {
        pattern *pt = &NX_VEC_AT(&m->patterns, pattern, p);
        for (size_t f = 0; f < pt->n_filters; f++) pt->filters[f].slot = (uint32_t)m->slots++;
    }
    m->slot_words = m->slots ? (m->slots + 63) / 64 : 1;
    m->filtered = calloc(m->words, sizeof(uint64_t));
    m->first_slots = calloc(m->slot_words, sizeof(uint64_t));
    if (!m->filtered || !m->first_slots) return NX_ERR_NOMEM;
    for (int k = 0; k < 16; k++) {
        m->by_kind[k] = calloc(m->words, sizeof(uint64_t));
        m->anchor_kind[k] = calloc(m->slot_words, sizeof(uint64_t));
        if (!m->by_kind[k] || !m->anchor_kind[k]) return NX_ERR_NOMEM;
    }
    for (size_t p = 0; p < np; p++) {
        pattern *pt = &NX_VEC_AT(&m->patterns, pattern, p);
        for (size_t f = 0; f < pt->first.count; f++) {
            nx_status st = dispatch_add(m, NX_VEC_AT(&pt->first, uint32_t, f), p, 0, m->by_kind);
            if (st != NX_OK) return st;
        }
        for (size_t i = 0; i < pt->n_filters; i++) {
            filter *fl = &pt->filters[i];
            for (size_t f = 0; f < fl->first.count; f++) {
                uint32_t d = NX_VEC_AT(&fl->first, uint32_t, f);
                if (d >> 24 == FIRST_PRED) { /* tested per atom, see scan */
                    uint32_t pi = d & 0xFFFFFF;
                    size_t k = 0;
                    while (k < m->n_anchor_preds && m->anchor_preds[k] != pi) k++;
                    if (k == m->n_anchor_preds && k < 64) {
                        m->anchor_preds[m->n_anchor_preds++] = pi;
                        uint8_t kinds = NX_VEC_AT(&m->preds, apred, pi).kinds;
                        m->anchor_pred_kinds |= kinds ? kinds : 0xFF;
                    }
                    if (k < 64) {
                        fl->tests |= UINT64_C(1) << k;
                        continue;
                    }
                }
                nx_status st = dispatch_add(m, d, fl->slot, 1, m->anchor_kind);
                if (st != NX_OK) return st;
            }
        }
    }
    if (!(m->slot_trie = malloc((m->slots + 1) * sizeof *m->slot_trie))) return NX_ERR_NOMEM;
    if (!(m->slot_pattern = malloc((m->slots + 1) * sizeof *m->slot_pattern))) return NX_ERR_NOMEM;
    for (size_t k = 0; k < m->slots; k++) m->slot_trie[k] = -1;
    /* a scan remembers each first atom test's last answer: one place per
     * distinct test, not one per test of the matcher */
    uint32_t *memo_of = malloc((m->preds.count + 1) * sizeof *memo_of);
    if (!memo_of) return NX_ERR_NOMEM;
    for (size_t k = 0; k < m->preds.count; k++) memo_of[k] = UINT32_MAX;
    for (size_t p = 0; p < np; p++) {
        pattern *pt = &NX_VEC_AT(&m->patterns, pattern, p);
        for (size_t f = 0; f < pt->n_filters; f++) m->slot_pattern[pt->filters[f].slot] = (uint32_t)p;
        for (size_t f = 0; f < pt->first_preds.count; f++) {
            uint32_t pi = NX_VEC_AT(&pt->first_preds, uint32_t, f);
            if (memo_of[pi] == UINT32_MAX) memo_of[pi] = (uint32_t)m->n_memo++;
            uint32_t *x = nx_vec_push(&pt->first_memo, sizeof *x);
            if (!x) {
                free(memo_of);
                return NX_ERR_NOMEM;
            }
            *x = memo_of[pi];
        }
    }
    free(memo_of);
    for (size_t p = 0; p < np; p++) {
        const pattern *pt = &NX_VEC_AT(&m->patterns, pattern, p);
        if (!pt->n_filters) continue;
        const nx_vec *f0 = &pt->filters[0].first;
        if (f0->count == 1 && NX_VEC_AT(f0, uint32_t, 0) >> 24 == FIRST_TRIE)
            m->slot_trie[pt->filters[0].slot] = (int32_t)(NX_VEC_AT(f0, uint32_t, 0) & 0xFFFFFF);
        m->filtered[p / 64] |= UINT64_C(1) << (p % 64);
        m->first_slots[pt->filters[0].slot / 64] |= UINT64_C(1) << (pt->filters[0].slot % 64);
        m->first_tests |= pt->filters[0].tests;
        for (uint64_t t = pt->filters[0].tests; t; t &= t - 1) {
            uint32_t *x = nx_vec_push(&m->first_test_patterns[__builtin_ctzll(t)], sizeof *x);
            if (!x) return NX_ERR_NOMEM;
            *x = (uint32_t)p;
        }
    }
    /* the zero row, for the atoms whose word has none (see row_of), and the
     * word buckets */
    size_t row_words = m->words + m->slot_words;
    m->zero_row = (uint32_t)(m->rows.count / row_words);
    if (nx_vec_reserve(&m->rows, sizeof(uint64_t), m->rows.count + row_words)) return NX_ERR_NOMEM;
    memset((uint64_t *)m->rows.items + m->rows.count, 0, row_words * sizeof(uint64_t));
    m->rows.count += row_words;
    if (build_buckets(m) != NX_OK) return NX_ERR_NOMEM;
    /* the buckets' rows as the scan reads them (see wbucket) */
    if (m->rows.count > UINT32_MAX >> 2) return NX_ERR_NOMEM; /* (millions of dispatch words) */
    for (size_t i = 0; i < (size_t)m->bucket_mask + 1; i++)
        for (size_t j = 0; j < BUCKET_SLOTS; j++) {
            uint32_t r = m->buckets[i].row[j];
            m->buckets[i].row[j] = (uint32_t)(r * row_words) << 2 | row_flags(m, r);
        }
    m->zero_row = (uint32_t)(m->zero_row * row_words) << 2;
    for (int k = 0; k < 16; k++) {
        for (size_t sw = 0; sw < m->slot_words; sw++)
            if (m->anchor_kind[k][sw] & m->first_slots[sw]) m->kind_has_first[k] = 1;
        for (size_t w = 0; w < m->words; w++)
            if (m->by_kind[k][w] & ~m->filtered[w]) m->kind_has_rest[k] = 1;
    }
    /* the trees are compiled: their memory can go, and the class lists and
     * the sets' rows */
    nx_arena_free(&m->nodes);
    rows_memo_free(m);
    for (int k = 0; k < NX_G_CLASS_COUNT; k++) nx_vec_free(&m->by_class[k]);
    for (size_t k = 0; k < m->macros.count; k++) NX_VEC_AT(&m->macros, macro, k).body = NULL;
    if (build_busy_words(m) != NX_OK) return NX_ERR_NOMEM;
    index_anchor_tests(m);
    m->finished = 1;
    return NX_OK;
}

static void free_matcher(nx_matcher *m) {
    if (!m) return;
    for (size_t k = 0; k < m->preds.count; k++) {
        pcre2_code_free(NX_VEC_AT(&m->preds, apred, k).regex);
        free(NX_VEC_AT(&m->preds, apred, k).source);
    }
    free(m->busy_words);
    if (m->borrowed) { /* (see nx_tokpat_load) */
        nx_vec_free(&m->preds);
        nx_vec_free(&m->sets);
        nx_vec_free(&m->switches);
        nx_vec_free(&m->tries);
        nx_vec_free(&m->patterns);
        free(m);
        return;
    }
    for (size_t k = 0; k < m->sets.count; k++) wmap_free(&NX_VEC_AT(&m->sets, litset, k).words);
    for (size_t k = 0; k < m->switches.count; k++) {
        wmap_free(&NX_VEC_AT(&m->switches, wswitch, k).words);
        nx_vec_free(&NX_VEC_AT(&m->switches, wswitch, k).masks);
    }
    nx_vec_free(&m->switches);
    for (size_t k = 0; k < m->tries.count; k++) ctrie_free(&NX_VEC_AT(&m->tries, ctrie, k));
    for (size_t k = 0; k < m->macros.count; k++) {
        free(NX_VEC_AT(&m->macros, macro, k).file);
        free(NX_VEC_AT(&m->macros, macro, k).name);
    }
    for (size_t k = 0; k < m->patterns.count; k++) {
        nx_vec_free(&NX_VEC_AT(&m->patterns, pattern, k).first);
        pattern *pt = &NX_VEC_AT(&m->patterns, pattern, k);
        for (size_t f = 0; f < pt->n_filters; f++) nx_vec_free(&pt->filters[f].first);
        nx_vec_free(&pt->first_preds);
        nx_vec_free(&pt->first_memo);
    }
    for (int k = 0; k < 16; k++) {
        free(m->by_kind[k]);
        free(m->anchor_kind[k]);
    }
    for (int k = 0; k < NX_G_CLASS_COUNT; k++) nx_vec_free(&m->by_class[k]);
    free(m->filtered);
    free(m->first_slots);
    free(m->slot_trie);
    free(m->slot_pattern);
    nx_vec_free(&m->code);
    nx_vec_free(&m->preds);
    nx_vec_free(&m->any);
    nx_vec_free(&m->sets);
    nx_vec_free(&m->tries);
    nx_vec_free(&m->macros);
    nx_vec_free(&m->patterns);
    nx_vec_free(&m->rows);
    nx_vec_free(&m->set_cost);
    nx_vec_free(&m->trie_cost);
    rows_memo_free(m);
    for (int k = 0; k < 64; k++) nx_vec_free(&m->first_test_patterns[k]);
    wmap_free(&m->by_word);
    free(m->buckets);
    nx_arena_free(&m->nodes);
    free(m);
}

/* ---- the machine --------------------------------------------------------------------- */

enum { NO_TARGET = UINT32_MAX };

/* A choice point: where to go on if what follows fails, and how much of
 * the undo trail to roll back. */
typedef struct choice {
    int32_t pc;
    uint32_t pos;
    uint32_t trail;
} choice;

/* An undone group bound: the slot and its old value. */
typedef struct undo {
    uint32_t slot, old;
} undo;

typedef struct vm {
    const nx_matcher *m;
    const atoms *A;
    const char *text;
    pcre2_match_data *md;
    uint32_t caps[2 * NX_GRP_COUNT];
    uint32_t steps, limit;
    uint32_t target; /* a look-behind body must end here */
    int looking;     /* inside a look-around body */
    uint32_t end;    /* where the top-level match ended */
    choice *stack;   /* choice points, shared by nested runs (each uses the part above its base) */
    size_t n_stack, cap_stack;
    undo *trail;
    size_t n_trail, cap_trail;
    int oom;
} vm;

static inline int push_choice(vm *v, int32_t pc, uint32_t pos) {
    if (v->n_stack == v->cap_stack) {
        size_t cap = v->cap_stack ? v->cap_stack * 2 : 64;
        choice *c = realloc(v->stack, cap * sizeof *c);
        if (!c) return v->oom = 1, -1;
        v->stack = c;
        v->cap_stack = cap;
    }
    v->stack[v->n_stack++] = (choice){pc, pos, (uint32_t)v->n_trail};
    return 0;
}

static inline int set_cap(vm *v, uint32_t slot, uint32_t value) {
    if (v->n_trail == v->cap_trail) {
        size_t cap = v->cap_trail ? v->cap_trail * 2 : 64;
        undo *u = realloc(v->trail, cap * sizeof *u);
        if (!u) return v->oom = 1, -1;
        v->trail = u;
        v->cap_trail = cap;
    }
    v->trail[v->n_trail++] = (undo){slot, v->caps[slot]};
    v->caps[slot] = value;
    return 0;
}

static inline int glue_ok(const vm *v, uint32_t pos, int glue) {
    const atom *a = &v->A->a[pos];
    switch (glue) {
    case G_GLUED: return pos > 0 && (a->flags & AF_GLUED);
    case G_SPACED: return !(a->flags & AF_GLUED);
    case G_EITHER: return 1;
    default: /* two words need space between them; anything else may touch */
        return !(pos > 0 && (a->flags & AF_GLUED) && (a->kind & AK_WORD) && (v->A->a[pos - 1].kind & AK_WORD));
    }
}

static int pred_rest(vm *v, const apred *p, const atom *a);

/* Whether atom a passes test p. The common tests (kind, case, number, word)
 * are here, inline; a /regex/ or a union of tests goes to pred_rest, whose
 * calls into PCRE2 would make every test pay for saving registers. */
static inline int pred_ok(vm *v, const apred *p, const atom *a) {
    if (p->kinds && !(p->kinds & a->kind)) return 0;
    if ((a->flags & p->flags) != p->flags) return 0;
    if (p->range) {
        uint32_t w = a->b1 - a->b0, value = 0;
        if (w < p->width_lo || w > p->width_hi) return 0;
        for (uint32_t k = 0; k < w; k++) {
            unsigned char d = (unsigned char)v->text[a->b0 + k];
            if (d < '0' || d > '9') return 0; /* another script's digits */
            value = value * 10 + (d - '0');
        }
        return value >= p->lo && value <= p->hi;
    }
    if (p->lits >= 0) {
        const litset *ls = &NX_VEC_AT(&v->m->sets, litset, p->lits);
        const char *w = ls->exact ? v->text + a->b0 : atom_fold(v->A, a);
        size_t wl = ls->exact ? a->b1 - a->b0 : a->fold_len;
        if (wmap_find(&ls->words, ls->exact ? word_hash(w, wl) : a->hash, 0, 0, w, wl) < 0) return 0;
    }
    if (p->regex || p->n_any) return pred_rest(v, p, a);
    return 1;
}

/* The rest of pred_ok(): the regex, then the union. */
static __attribute__((noinline)) int pred_rest(vm *v, const apred *p, const atom *a) {
    if (p->regex) {
        unsigned char c0 = (unsigned char)v->text[a->b0];
        if (a->b1 - a->b0 < p->regex_min || !(p->regex_first[c0 / 8] & (1u << (c0 % 8)))) return 0;
        /* made at the first regex test a text needs: most need none */
        if (!v->md && !(v->md = pcre2_match_data_create(8, NULL))) return v->oom = 1, 0;
        int rc = pcre2_match(p->regex, (PCRE2_SPTR)(v->text + a->b0), a->b1 - a->b0, 0, PCRE2_NO_UTF_CHECK, v->md, NULL);
        if (rc < 0) return 0;
    }
    if (p->n_any) {
        const uint32_t *sub = &NX_VEC_AT(&v->m->any, uint32_t, p->any0);
        for (uint32_t k = 0; k < p->n_any; k++)
            if (pred_ok(v, &NX_VEC_AT(&v->m->preds, apred, sub[k]), a)) return 1;
        return 0;
    }
    return 1;
}

/* The ends of the class entries that start at pos, longest first (at most cap). */
static size_t class_ends(vm *v, const ctrie *t, uint32_t pos, int glue, uint32_t *ends, size_t cap) {
    const atoms *A = v->A;
    if (pos >= A->n || !glue_ok(v, pos, glue)) return 0;
    size_t n = 0;
    uint32_t fnode = 0, enode = 0;
    int fold_alive = 1, exact_alive = t->has_exact;
    /* (with cap ends found, the rest of the walk could add none) */
    for (uint32_t k = pos; k < A->n && (fold_alive || exact_alive) && n < cap; k++) {
        const atom *a = &A->a[k];
        uint8_t glued = k > pos && (a->flags & AF_GLUED) ? E_GLUED : 0;
        if (fold_alive) {
            long c = ctrie_child(t, fnode, glued, a->hash, atom_fold(A, a), a->fold_len);
            if (c < 0) fold_alive = 0;
            else {
                fnode = (uint32_t)c;
                uint8_t f = NX_VEC_AT(&t->term, uint8_t, fnode);
                if (((f & T_FOLD) || ((f & T_CAP) && (A->a[pos].flags & AF_CAP))) && n < cap) ends[n++] = k + 1;
            }
        }
        if (exact_alive) {
            const char *w = v->text + a->b0;
            size_t wl = a->b1 - a->b0;
            /* written as folded (most words in lower case): the same hash */
            uint32_t h = wl == a->fold_len && !memcmp(w, atom_fold(A, a), wl) ? a->hash : word_hash(w, wl);
            long c = ctrie_child(t, enode, glued | E_EXACT, h, w, wl);
            if (c < 0) exact_alive = 0;
            else {
                enode = (uint32_t)c;
                if ((NX_VEC_AT(&t->term, uint8_t, enode) & T_EXACT) && n < cap && (n == 0 || ends[n - 1] != k + 1))
                    ends[n++] = k + 1;
            }
        }
    }
    /* longest first, as a greedy regex alternation of the names would try */
    for (size_t i = 0; i < n / 2; i++) {
        uint32_t x = ends[i];
        ends[i] = ends[n - 1 - i];
        ends[n - 1 - i] = x;
    }
    return n;
}

static int run(vm *v, int32_t pc, uint32_t pos);

/* A look-around at pos: 1 when its body matches there (ahead) or ends there
 * (behind), 0 when not, -1 when the step limit was hit. */
/* A look-around body of one atom test, maybe followed by a glue test, at
 * atom pos: asked here, step for step as run() would ask it, without a
 * nested run. 1, 0, or -1 at the step limit. */
static int look_one(vm *v, const inst *body, uint32_t pos) {
    const atoms *A = v->A;
    if (++v->steps > v->limit) return -1;
    if (pos >= A->n || !glue_ok(v, pos, body[0].glue) ||
        !pred_ok(v, &NX_VEC_AT(&v->m->preds, apred, body[0].x), &A->a[pos]))
        return 0;
    pos++;
    if (body[1].op == I_GLUETEST) {
        if (++v->steps > v->limit) return -1;
        if (pos >= A->n || !glue_ok(v, pos, body[1].glue)) return 0;
    }
    return ++v->steps > v->limit ? -1 : 1; /* the match */
}

static int look(vm *v, const inst *in, uint32_t pos) {
    /* most look-arounds ask one atom: "not after a digit, '.' or ','" */
    const inst *body = &NX_VEC_AT(&v->m->code, inst, in->x);
    if (body[0].op == I_ATOM && (body[1].op == I_MATCH || (body[1].op == I_GLUETEST && body[2].op == I_MATCH)) &&
        (!in->behind || (in->min == 1 && in->max == 1)))
        return !in->behind ? look_one(v, body, pos) : pos >= 1 ? look_one(v, body, pos - 1) : 0;
    uint32_t saved_target = v->target;
    int saved_looking = v->looking;
    v->looking = 1;
    int r = 0;
    if (!in->behind) {
        v->target = NO_TARGET;
        r = run(v, in->x, pos);
    } else {
        v->target = pos;
        for (int32_t len = in->min; len <= in->max && r == 0; len++)
            if ((uint32_t)len <= pos) r = run(v, in->x, pos - (uint32_t)len);
    }
    v->target = saved_target;
    v->looking = saved_looking;
    return r;
}

/* Runs the program from pc at atom pos: 1 matched, 0 not, -1 step limit
 * (or out of memory: v->oom). Backtracking is a stack of choice points and a
 * trail that undoes group bounds, so a long pattern costs no recursion (but
 * for look-arounds, which run their body to a verdict). */
static int run(vm *v, int32_t pc, uint32_t pos) {
    const inst *code = v->m->code.items;
    const atoms *A = v->A;
    size_t base = v->n_stack, trail_base = v->n_trail;
    int result = 0;
    for (;;) {
        int fail = 0;
        if (++v->steps > v->limit) {
            result = -1;
            break;
        }
        const inst *in = &code[pc];
        switch (in->op) {
        case I_ATOM: {
            const apred *p = &NX_VEC_AT(&v->m->preds, apred, in->x);
            if (pos >= A->n || !glue_ok(v, pos, in->glue) || !pred_ok(v, p, &A->a[pos])) {
                fail = 1;
                break;
            }
            if (p->n_groups && !v->looking) { /* groups inside the atom, from its regex */
                PCRE2_SIZE *ov = pcre2_get_ovector_pointer(v->md);
                for (int k = 0; k < p->n_groups; k++) {
                    size_t c = p->capture[k];
                    if (ov[2 * c] == PCRE2_UNSET) continue;
                    if (set_cap(v, 2u * p->group[k], A->a[pos].b0 + (uint32_t)ov[2 * c]) ||
                        set_cap(v, 2u * p->group[k] + 1, A->a[pos].b0 + (uint32_t)ov[2 * c + 1]))
                        return -1;
                }
            }
            pos++;
            pc++;
            continue;
        }
        case I_GLUETEST:
            if (pos >= A->n || !glue_ok(v, pos, in->glue)) fail = 1;
            else pc++;
            break;
        case I_CLASS: {
            uint32_t ends[16];
            size_t n = class_ends(v, &NX_VEC_AT(&v->m->tries, ctrie, in->x), pos, in->glue, ends, 16);
            if (!n) {
                fail = 1;
                break;
            }
            /* the shorter entries are choices for later, the longest first */
            for (size_t k = n; k-- > 1;)
                if (push_choice(v, pc + 1, ends[k])) return -1;
            pos = ends[0];
            pc++;
            break;
        }
        case I_SPLIT: {
            /* an alternative that opens with an atom test the atom fails is
             * skipped without a choice point (most alternatives of a word
             * list fail on their first atom) */
            const inst *first = &code[in->x];
            if (first->op == I_ATOM) {
                const apred *p = &NX_VEC_AT(&v->m->preds, apred, first->x);
                if (pos >= A->n || !glue_ok(v, pos, first->glue) || !pred_ok(v, p, &A->a[pos])) {
                    pc = in->y;
                    break;
                }
                if (!p->n_groups || v->looking) { /* passed: take it here */
                    if (push_choice(v, in->y, pos)) return -1;
                    pos++;
                    pc = in->x + 1;
                    break;
                }
            }
            if (push_choice(v, in->y, pos)) return -1;
            pc = in->x;
            break;
        }
        case I_SWITCH: {
            const wswitch *sw = &NX_VEC_AT(&v->m->switches, wswitch, in->x);
            uint64_t alts = sw->open;
            if (pos < A->n) {
                const atom *a = &A->a[pos];
                long k = wmap_find(&sw->words, a->hash, 0, 0, atom_fold(A, a), a->fold_len);
                if (k >= 0) alts |= NX_VEC_AT(&sw->masks, uint64_t, sw->words.keys[k].value);
            }
            if (!alts) {
                fail = 1;
                break;
            }
            /* the later ones are choices, pushed last first: they are tried in order */
            for (uint64_t later = alts & (alts - 1); later; later &= ~(UINT64_C(1) << (63 - __builtin_clzll(later))))
                if (push_choice(v, sw->start[63 - __builtin_clzll(later)], pos)) return -1;
            pc = sw->start[__builtin_ctzll(alts)];
            break;
        }
        case I_JMP: pc = in->x; break;
        case I_SAVE:
            /* a group's start is its first atom's first byte, its end the
             * last atom's last byte; look-arounds keep no groups */
            if (!v->looking &&
                set_cap(v, (uint32_t)in->x,
                        in->x & 1 ? (pos ? A->a[pos - 1].b1 : 0) : (pos < A->n ? A->a[pos].b0 : UINT32_MAX)))
                return -1;
            pc++;
            break;
        case I_LOOK: {
            int r = look(v, in, pos);
            if (r < 0) {
                result = -1;
                goto done;
            }
            if (r == in->neg) fail = 1;
            else pc++;
            break;
        }
        case I_MATCH:
            if (v->looking) {
                if (v->target == NO_TARGET || pos == v->target) {
                    result = 1;
                    goto done;
                }
                fail = 1;
                break;
            }
            /* a match ends at a word's end: not before a glued letter or digit */
            if (pos < A->n && (A->a[pos].flags & AF_GLUED) && (A->a[pos].kind & AK_WORD) &&
                (A->a[pos - 1].kind & AK_WORD)) {
                fail = 1;
                break;
            }
            v->end = pos;
            result = 1;
            goto done;
        }
        if (!fail) continue;
        if (v->n_stack == base) break; /* no choice left: no match */
        choice c = v->stack[--v->n_stack];
        while (v->n_trail > c.trail) { /* undo the groups bound since */
            undo u = v->trail[--v->n_trail];
            v->caps[u.slot] = u.old;
        }
        pc = c.pc;
        pos = c.pos;
    }
done:
    v->n_stack = base;
    if (result != 1)
        while (v->n_trail > trail_base) {
            undo u = v->trail[--v->n_trail];
            v->caps[u.slot] = u.old;
        }
    return result;
}

/* Asks atom q the anchor atom tests `ask` (none asked before), setting their
 * bits in tested[q] and, for those it passes, in tests[q]. Most anchor tests
 * are number tests (#1..31): the atom's digits are read once for all of
 * them. */
static __attribute__((noinline)) void anchor_ask(vm *v, uint32_t q, uint64_t ask, uint64_t *tests, uint64_t *tested) {
    const atom *a = &v->A->a[q];
    /* its value when it is a number of at most 9 ASCII digits (no number
     * test takes more: width_hi <= 9) */
    uint32_t w = a->b1 - a->b0, value = 0;
    int number = (a->kind & AK_DIGIT) && w <= 9;
    for (uint32_t k = 0; k < w && number; k++) {
        uint32_t d = (uint32_t)(unsigned char)v->text[a->b0 + k] - '0';
        number = d <= 9;
        value = value * 10 + d;
    }
    uint64_t passed = 0;
    tested[q] |= ask;
    /* only the tests the atom may pass are read: of its kind (or of none),
     * and number tests (most anchor tests) only of a number */
    ask &= v->m->anchor_kind_tests[a->kind] & (number ? ~UINT64_C(0) : ~v->m->anchor_range_tests);
    while (ask) {
        int k = __builtin_ctzll(ask);
        ask &= ask - 1;
        const apred *p = &NX_VEC_AT(&v->m->preds, apred, v->m->anchor_preds[k]);
        /* (as pred_ok() asks a number test) */
        int ok = !p->range ? pred_ok(v, p, a)
                           : (a->flags & p->flags) == p->flags && number && w >= p->width_lo && w <= p->width_hi &&
                                 value >= p->lo && value <= p->hi;
        passed |= (uint64_t)(ok != 0) << k;
    }
    tests[q] |= passed;
}

/* Whether atom q passes one of the anchor atom tests `want`; each test is
 * asked once per atom (anchor_ask), and none of an atom of a kind no anchor
 * test takes. */
static inline int anchor_test(vm *v, uint32_t q, uint64_t want, uint64_t *tests, uint64_t *tested) {
    if (!(v->m->anchor_pred_kinds & v->A->a[q].kind)) return 0;
    uint64_t ask = want & ~tested[q];
    if (ask) anchor_ask(v, q, ask, tests, tested);
    return (tests[q] & want) != 0;
}

/* The dispatch row of an atom's word: the zero row when it has none. An
 * atom's word is in the table or not at random, and in which slot of its
 * bucket at random too, so a branch on either would mispredict: the
 * bucket's hashes are compared at once (SSE2, where there is SSE2) into a
 * mask of at most one bit, and the answer picked without a branch. The hash
 * is compared, not the word: rows only say which patterns and anchors are
 * worth trying (each test the program makes compares the words themselves),
 * so two words that collide in 32 bits cost one needless try, never a
 * match. */
static inline uint32_t row_of(const nx_matcher *m, const atom *a) {
    const wbucket *b = &m->buckets[a->hash & m->bucket_mask];
#ifdef __SSE2__
    __m128i h = _mm_set1_epi32((int)a->hash);
    __m128i lo = _mm_cmpeq_epi32(_mm_load_si128((const __m128i *)(const void *)b->hash), h);
    __m128i hi = _mm_cmpeq_epi32(_mm_load_si128((const __m128i *)(const void *)(b->hash + 4)), h);
    unsigned mask = (unsigned)_mm_movemask_ps(_mm_castsi128_ps(lo)) | (unsigned)_mm_movemask_ps(_mm_castsi128_ps(hi)) << 4;
#else
    unsigned mask = 0;
    for (int k = 0; k < BUCKET_SLOTS; k++) mask |= (unsigned)(b->hash[k] == a->hash) << k;
#endif
    uint32_t hit = 0u - (uint32_t)(mask != 0);
    return (b->row[__builtin_ctz(mask | 1u << BUCKET_SLOTS) & (BUCKET_SLOTS - 1)] & hit) | (m->zero_row & ~hit);
}

/* One scan's state (see scan_impl). */
typedef struct scanner {
    const nx_matcher *m;
    atoms A;
    vm v;
    nx_vec *out;
    size_t *limit_hit;
    uint32_t *next;             /* per pattern: the first atom a match may start at */
    uint64_t *skip;             /* patterns given up for this text */
    const uint64_t **rowp;      /* per atom: its word row (the zero row when it has none), NULL until asked (row_at) */
    uint32_t *cursor;           /* per anchor slot: known absent before this atom */
    uint64_t *tests, *tested;   /* per atom: the anchor atom tests asked, and passed */
    uint32_t *memo_at;          /* per first atom test (first_memo): the last atom asked, and its answer */
    uint8_t *memo;
    int exhaustive;
} scanner;

/* Atom q's word row: found when first asked for (atom_rows leaves most
 * atoms' to the few that are asked). */
static inline const uint64_t *row_at(scanner *S, uint32_t q) {
    const uint64_t *row = S->rowp[q];
    if (!row) row = S->rowp[q] = (const uint64_t *)S->m->rows.items + (row_of(S->m, &S->A.a[q]) >> 2);
    return row;
}

/* Word w of the pattern bits of the patterns atom q may start (by its word
 * or its kind). */
static inline uint64_t starts_at(scanner *S, uint32_t q, size_t w) {
    return S->m->by_kind[S->A.a[q].kind][w] | row_at(S, q)[w];
}

/* Whether anchor slot `slot` (filter fl) may start at atom q. */
static inline int slot_at(scanner *S, const filter *fl, uint32_t q) {
    const nx_matcher *m = S->m;
    uint64_t sbit = UINT64_C(1) << (fl->slot % 64);
    size_t sw = fl->slot / 64;
    if ((m->anchor_kind[S->A.a[q].kind][sw] | row_at(S, q)[m->words + sw]) & sbit) return 1;
    return fl->tests && anchor_test(&S->v, q, fl->tests, S->tests, S->tested);
}

/* Tries pattern p at atom pos: its first atom, its anchors (from filter
 * `from` on), then the program. NX_OK, or NX_ERR_NOMEM. */
static nx_status try_at(scanner *S, size_t p, uint32_t pos, size_t from) {
    const nx_matcher *m = S->m;
    size_t w = p / 64;
    uint64_t bit = UINT64_C(1) << (p % 64);
    if (pos < S->next[p] || (S->skip[w] & bit)) return NX_OK;
    const pattern *pt = &NX_VEC_AT(&m->patterns, pattern, p);
    const atom *a = &S->A.a[pos];
    const uint64_t *row = row_at(S, pos);
    if (!S->exhaustive) {
        if (!(row[w] & bit)) {
            /* not one of its first words: it must start with an atom test
             * (asked once per atom) on an atom of the right kind */
            if (!(m->by_kind[a->kind][w] & bit)) return NX_OK;
            int ok = 0;
            for (size_t f = 0; f < pt->first_preds.count && !ok; f++) {
                uint32_t pi = NX_VEC_AT(&pt->first_preds, uint32_t, f), mi = NX_VEC_AT(&pt->first_memo, uint32_t, f);
                if (S->memo_at[mi] != pos) {
                    S->memo_at[mi] = pos;
                    S->memo[mi] = (uint8_t)pred_ok(&S->v, &NX_VEC_AT(&m->preds, apred, pi), a);
                }
                ok = S->memo[mi];
            }
            if (!ok) return NX_OK;
        }
        /* each anchor must be able to start within its reach: the slot's
         * cursor marks how far it is known to be absent and only moves
         * forward (the reach moves forward with pos) */
        for (size_t f = from; f < pt->n_filters; f++) {
            const filter *fl = &pt->filters[f];
            uint32_t q = pos + (uint32_t)fl->lo, end = pos + (uint32_t)fl->hi;
            if (S->cursor[fl->slot] > q) q = S->cursor[fl->slot];
            while (q <= end && q < S->A.n && !slot_at(S, fl, q)) q++;
            S->cursor[fl->slot] = q;
            if (q > end || q >= S->A.n) return NX_OK;
        }
    }
    vm *v = &S->v;
    memset(v->caps, 0xFF, sizeof v->caps); /* NO_TARGET */
    v->steps = 0;
    v->n_trail = 0;
    int r = run(v, pt->pc, pos);
    if (v->oom) return NX_ERR_NOMEM;
    if (r < 0) { /* the step limit: give this pattern up for this text */
        if (*S->limit_hit == SIZE_MAX) *S->limit_hit = p;
        S->skip[w] |= bit;
        return NX_OK;
    }
    if (!r) return NX_OK;
    nx_pmatch *pm = nx_vec_push(S->out, sizeof *pm);
    if (!pm) return NX_ERR_NOMEM;
    pm->b0 = a->b0;
    pm->b1 = S->A.a[v->end - 1].b1;
    pm->pattern = (uint16_t)p;
    /* a group unset or empty is none: UINT32_MAX both (an unset start is
     * NO_TARGET, so e0 <= s0; no branch on what a text holds); with SSE2
     * four groups at a time (their starts and ends, side by side in caps,
     * split into a vector of each), then the rest */
    int g = 0;
#ifdef __SSE2__
    const __m128i sign = _mm_set1_epi32(INT32_MIN), ones = _mm_set1_epi32(-1);
    for (; g + 4 <= NX_GRP_COUNT; g += 4) {
        __m128 lo = _mm_loadu_ps((const float *)(const void *)&v->caps[2 * g]);
        __m128 hi = _mm_loadu_ps((const float *)(const void *)&v->caps[2 * g + 4]);
        __m128i s0 = _mm_castps_si128(_mm_shuffle_ps(lo, hi, _MM_SHUFFLE(2, 0, 2, 0)));
        __m128i e0 = _mm_castps_si128(_mm_shuffle_ps(lo, hi, _MM_SHUFFLE(3, 1, 3, 1)));
        /* e0 <= s0 unsigned: not e0 > s0 once both are moved by 2^31 */
        __m128i after = _mm_cmpgt_epi32(_mm_xor_si128(e0, sign), _mm_xor_si128(s0, sign));
        __m128i none = _mm_or_si128(_mm_andnot_si128(after, ones), _mm_cmpeq_epi32(e0, ones));
        _mm_storeu_si128((__m128i *)(void *)&pm->g0[g], _mm_or_si128(s0, none));
        _mm_storeu_si128((__m128i *)(void *)&pm->g1[g], _mm_or_si128(e0, none));
    }
#endif
    for (; g < NX_GRP_COUNT; g++) {
        uint32_t s0 = v->caps[2 * g], e0 = v->caps[2 * g + 1];
        uint32_t none = 0u - (uint32_t)((e0 <= s0) | (e0 == NO_TARGET));
        pm->g0[g] = s0 | none;
        pm->g1[g] = e0 | none;
    }
    S->next[p] = v->end;
    return NX_OK;
}

/* The atoms that may start something, by their row or their kind (busy),
 * listed in busy_at as (row << 32 | atom), in atom order: how many. Most
 * atoms (a word no pattern knows, of a kind no pattern starts with) need
 * nothing: an atom whose word's bit in busy_words is clear has no row that
 * starts anything, so its row is left to row_at (NULL in rowp) and looked
 * up only if asked for; and an atom of a kind no anchor test asks (busy
 * includes those kinds) needs its anchor test bits cleared no more. (Not
 * inlined: a loop of its own keeps what it needs in registers.) */
static __attribute__((noinline)) size_t atom_rows(const scanner *S, const uint8_t *busy, uint64_t *busy_at) {
    const nx_matcher *m = S->m;
    const atom *at = S->A.a;
    const uint64_t *rows = (const uint64_t *)m->rows.items, *bw = m->busy_words, **rowp = S->rowp;
    uint64_t *tests = S->tests, *tested = S->tested;
    const uint32_t bmask = m->busy_mask;
    size_t n_busy = 0;
    for (size_t q = 0, n = S->A.n; q < n; q++) {
        uint32_t h = at[q].hash & bmask;
        rowp[q] = NULL;
        if (!(((bw[h / 64] >> (h % 64)) & 1) | busy[at[q].kind])) continue;
        uint32_t r = row_of(m, &at[q]);
        rowp[q] = rows + (r >> 2);
        tests[q] = tested[q] = 0;
        busy_at[n_busy] = (uint64_t)r << 32 | q; /* a store, not a branch that would mispredict */
        n_busy += ((r & (ROW_HAS_REST | ROW_HAS_FIRST)) | (busy[at[q].kind] & 1)) != 0;
    }
    return n_busy;
}

/* Every match of every enabled pattern. A pattern with anchors is tried only
 * near the atoms its rarest anchor may start at (a few per text, as a rule);
 * the others at each atom whose folded form or kind they may start with.
 * exhaustive: every pattern at every atom, with no dispatch, anchor or
 * first-atom test (the reference the tests hold the fast path to). */
static nx_status scan_impl(const nx_matcher *m, const nx_text *text, const nx_tokens *toks, const uint8_t *enabled, nx_vec *out,
                           size_t *limit_hit, int exhaustive) {
    size_t np = m->patterns.count, W = m->words;
    if (!np || !m->finished) return NX_OK;
    scanner S;
    memset(&S, 0, sizeof S);
    S.m = m;
    S.out = out;
    S.limit_hit = limit_hit;
    S.exhaustive = exhaustive;
    nx_status st = NX_OK;
    /* per anchor slot, the atoms it may start at: gathered as (slot, atom)
     * pairs in atom order, then grouped by slot (occ[occ_at[s] ..
     * occ_at[s + 1]]), one buffer for all slots */
    nx_vec pairs = {0};
    uint32_t *rest_at = NULL; /* the atoms that may start a pattern without anchors */
    size_t n_rest = 0;
    uint32_t *last_q = NULL, *occ_at = NULL, *occ = NULL;
    uint64_t *anchored = NULL; /* the patterns with anchors whose first anchor may start somewhere */
    if (atomize(text->work, text->len, toks, &S.A)) st = NX_ERR_NOMEM;
    size_t n = S.A.n;
    /* the arrays sized by the matcher and those sized by the atoms, in one
     * block (the 8-byte ones first) */
    size_t np4 = (np + 1) & ~(size_t)1, ns4 = (m->slots + 2) & ~(size_t)1, nq4 = (m->n_memo + 2) & ~(size_t)1;
    size_t nt = m->tries.count;
    size_t fixed_size = (2 * W * 8 + (np4 + 2 * ns4 + ns4 + 2 + nq4 + nt) * 4 + m->n_memo + 1 + nt + 7) & ~(size_t)7;
    uint32_t *trie_at = NULL; /* per class trie: the atom + 1 its first-anchor check was last asked at */
    uint8_t *trie_ok = NULL;  /* and its answer */
    uint64_t *busy_at = NULL;
    char *block = st == NX_OK ? malloc(fixed_size + (n + 1) * (sizeof *S.rowp + 2 * sizeof *S.tests + sizeof *busy_at +
                                                                sizeof *rest_at))
                              : NULL;
    if (block) {
        S.skip = (uint64_t *)(void *)block;
        anchored = S.skip + W;
        S.next = (uint32_t *)(void *)(anchored + W);
        S.cursor = S.next + np4;
        occ_at = S.cursor + ns4;
        last_q = occ_at + ns4 + 2;
        S.memo_at = last_q + ns4;
        trie_at = S.memo_at + nq4;
        S.memo = (uint8_t *)(trie_at + nt);
        trie_ok = S.memo + m->n_memo + 1;
        memset(block, 0, (size_t)((char *)last_q - block)); /* skip, next, cursor, occ_at */
        memset(last_q, 0xFF, (ns4 + nq4) * sizeof *last_q); /* last_q and memo_at: NO_TARGET */
        memset(trie_at, 0, nt * sizeof *trie_at);
        S.tests = (uint64_t *)(void *)(block + fixed_size);
        S.tested = S.tests + n + 1;
        S.rowp = (const uint64_t **)(void *)(S.tested + n + 1);
        busy_at = (uint64_t *)(void *)(S.rowp + n + 1);
        rest_at = (uint32_t *)(void *)(busy_at + n + 1);
        S.tests[n] = S.tested[n] = 0; /* (the others that anchor tests ask are cleared by atom_rows) */
    } else {
        st = NX_ERR_NOMEM;
    }
    S.v = (vm){m, &S.A, text->work, NULL, {0}, 0, m->limits.match, NO_TARGET, 0, 0, NULL, 0, 0, NULL, 0, 0, 0};
    /* (gathered in a register, with no branch: which are enabled is as
     * good as random; sixteen bytes a step where there is SSE2, so that
     * this per-text setup costs little for each pattern) */
    for (size_t w = 0; st == NX_OK && enabled && w < W; w++) {
        uint64_t bits = 0;
        size_t p = w * 64, end = np < p + 64 ? np : p + 64;
#ifdef __SSE2__
        for (; p + 16 <= end; p += 16) {
            __m128i e = _mm_loadu_si128((const __m128i *)(const void *)(enabled + p));
            uint64_t off = (uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(e, _mm_setzero_si128()));
            bits |= off << (p % 64);
        }
#endif
        for (; p < end; p++) bits |= (uint64_t)(enabled[p] == 0) << (p % 64);
        S.skip[w] = bits;
    }
    /* each atom's word row; then, of the atoms that may start something,
     * whether they may start a pattern without anchors and where each
     * pattern's first (rarest) anchor may start */
    uint8_t busy[16]; /* 1: may start something; 2: anchor tests may ask it */
    for (int k = 0; k < 16; k++)
        busy[k] = (uint8_t)((exhaustive || m->kind_has_rest[k] || m->kind_has_first[k] ||
                             (m->first_tests && (m->anchor_pred_kinds & k))) |
                            (m->anchor_pred_kinds & k ? 2 : 0));
    size_t n_busy = st == NX_OK ? atom_rows(&S, busy, busy_at) : 0;
    const size_t SW = m->slot_words;
    const uint64_t *first_slots = m->first_slots;
    const int32_t *slot_trie = m->slot_trie;
    if (st == NX_OK && !exhaustive && nx_vec_reserve(&pairs, sizeof(uint64_t), n_busy + 16)) st = NX_ERR_NOMEM;
    for (size_t i = 0; st == NX_OK && i < n_busy; i++) {
        uint32_t q = (uint32_t)busy_at[i], r = (uint32_t)(busy_at[i] >> 32);
        const atom *a = &S.A.a[q];
        const uint64_t *row = S.rowp[q];
        if (exhaustive) {
            rest_at[n_rest++] = q;
            continue;
        }
        /* whether it may start a pattern without anchors */
        int rest = m->kind_has_rest[a->kind] | (r & ROW_HAS_REST);
        rest_at[n_rest] = q; /* a store, not a branch that would mispredict */
        n_rest += rest != 0;
        if (m->kind_has_first[a->kind] | (r & ROW_HAS_FIRST)) {
            const uint64_t *ak = m->anchor_kind[a->kind];
            for (size_t sw = 0; sw < SW; sw++) {
                for (uint64_t bits = (ak[sw] | row[W + sw]) & first_slots[sw]; bits; bits &= bits - 1) {
                    size_t slot = sw * 64 + (size_t)__builtin_ctzll(bits);
                    /* a class's first word that only starts longer entries ("the"
                     * of "the past"): an anchor only where one of them goes on */
                    int32_t tr = slot_trie[slot];
                    if (tr >= 0) {
                        /* (asked once an atom for each trie: many patterns' first
                         * anchors are one class, UNIT or MONTH) */
                        if (trie_at[tr] != q + 1) {
                            uint32_t end;
                            trie_at[tr] = q + 1;
                            trie_ok[tr] = class_ends(&S.v, &NX_VEC_AT(&m->tries, ctrie, tr), q, G_EITHER, &end, 1) != 0;
                        }
                        if (!trie_ok[tr]) continue;
                    }
                    if (pairs.count == pairs.cap && nx_vec_grow(&pairs, sizeof(uint64_t))) {
                        st = NX_ERR_NOMEM;
                        break;
                    }
                    ((uint64_t *)pairs.items)[pairs.count++] = (uint64_t)slot << 32 | q;
                    last_q[slot] = q;
                }
            }
            if (st != NX_OK) break;
        }
        if (!m->first_tests || !(m->anchor_pred_kinds & a->kind) ||
            !anchor_test(&S.v, q, m->first_tests, S.tests, S.tested))
            continue;
        for (uint64_t t = S.tests[q] & m->first_tests; t && st == NX_OK; t &= t - 1) {
            const nx_vec *pats = &m->first_test_patterns[__builtin_ctzll(t)];
            for (size_t j = 0; j < pats->count && st == NX_OK; j++) {
                const pattern *pt = &NX_VEC_AT(&m->patterns, pattern, NX_VEC_AT(pats, uint32_t, j));
                uint32_t slot = pt->filters[0].slot;
                if (last_q[slot] == q) continue;
                uint64_t *x = nx_vec_push(&pairs, sizeof *x);
                if (!x) st = NX_ERR_NOMEM;
                else *x = (uint64_t)slot << 32 | q, last_q[slot] = q;
            }
        }
    }
    /* group the pairs by slot (counting sort: atom order kept within a slot) */
    if (st == NX_OK && !exhaustive && pairs.count) {
        const uint64_t *pv = pairs.items;
        size_t lo_slot = SIZE_MAX, hi_slot = 0; /* (the sums are needed over these only) */
        for (size_t k = 0; k < pairs.count; k++) {
            size_t slot = (size_t)(pv[k] >> 32);
            occ_at[slot + 2]++;
            if (slot < lo_slot) lo_slot = slot;
            if (slot > hi_slot) hi_slot = slot;
        }
        for (size_t k = lo_slot + 2; k <= hi_slot + 2; k++) occ_at[k] += occ_at[k - 1];
        if (!(occ = malloc(pairs.count * sizeof *occ))) st = NX_ERR_NOMEM;
        for (size_t k = 0; st == NX_OK && k < pairs.count; k++) {
            occ[occ_at[(pv[k] >> 32) + 1]++] = (uint32_t)pv[k];
            uint32_t p = m->slot_pattern[pv[k] >> 32];
            anchored[p / 64] |= UINT64_C(1) << (p % 64);
        }
    }
    /* the patterns with anchors: near their first anchor's starts (in
     * pattern order: only those whose first anchor was seen) */
    for (size_t aw = 0; st == NX_OK && !exhaustive && aw < W; aw++) {
        for (uint64_t bits = anchored[aw] & ~S.skip[aw]; bits && st == NX_OK; bits &= bits - 1) {
            size_t p = aw * 64 + (size_t)__builtin_ctzll(bits);
            const pattern *pt = &NX_VEC_AT(&m->patterns, pattern, p);
            const filter *f0 = &pt->filters[0];
            const uint32_t *o = occ ? occ + occ_at[f0->slot] : NULL;
            size_t n_o = occ ? occ_at[f0->slot + 1] - occ_at[f0->slot] : 0;
            size_t w = p / 64;
            uint64_t bit = UINT64_C(1) << (p % 64);
            uint32_t done = 0; /* starts before this were tried */
            for (size_t k = 0; k < n_o && st == NX_OK; k++) {
                uint32_t q = o[k];
                uint32_t lo = q >= (uint32_t)f0->hi ? q - (uint32_t)f0->hi : 0;
                if (q < (uint32_t)f0->lo) continue;
                uint32_t hi = q - (uint32_t)f0->lo;
                for (uint32_t pos = lo > done ? lo : done; st == NX_OK; pos++) {
                    /* the first-atom test of try_at, here: most positions
                     * fail it (a loop with no call, whose loads stay in
                     * registers) */
                    while (pos <= hi && !(starts_at(&S, pos, w) & bit)) pos++;
                    if (pos > hi) break;
                    st = try_at(&S, p, pos, 1);
                }
                if (hi + 1 > done) done = hi + 1;
            }
        }
    }
    /* the rest (all of them when exhaustive): at each atom they may start with */
    for (size_t k = 0; st == NX_OK && k < n_rest; k++) {
        uint32_t pos = rest_at[k];
        for (size_t w = 0; w < W && st == NX_OK; w++) {
            uint64_t bits = exhaustive ? ~UINT64_C(0) : starts_at(&S, pos, w) & ~m->filtered[w];
            if (exhaustive && w == W - 1 && np % 64) bits &= (UINT64_C(1) << (np % 64)) - 1;
            bits &= ~S.skip[w];
            while (bits && st == NX_OK) {
                size_t p = w * 64 + (size_t)__builtin_ctzll(bits);
                bits &= bits - 1;
                st = try_at(&S, p, pos, 0);
            }
        }
    }
    if (st == NX_OK && S.v.oom) st = NX_ERR_NOMEM; /* (a test outside a run found no memory) */
    nx_vec_free(&pairs);
    free(occ);
    pcre2_match_data_free(S.v.md);
    free(block);
    free(S.v.stack);
    free(S.v.trail);
    free(S.A.a);
    free(S.A.fold.s);
    return st;
}

static nx_status scan(const nx_matcher *m, const nx_text *text, const nx_tokens *toks, const uint8_t *enabled,
                      nx_vec *out, size_t *limit_hit) {
    return scan_impl(m, text, toks, enabled, out, limit_hit, 0);
}

nx_status nx_tokpat_scan_exhaustive(const nx_matcher *m, const nx_text *text, nx_vec *out) {
    size_t limit = SIZE_MAX;
    return scan_impl(m, text, NULL, NULL, out, &limit, 1);
}

const nx_matcher_backend nx_matcher_tokens = {"tokens", create, add, finish, scan, free_matcher};


/* ---- the finished program in the model file (tokpat.h) ------------------------------
 * Everything the scan reads, as a stream (model_file.h) whose arrays sit at
 * their own alignment, so that a matcher read back points into the mapped
 * file for all of them (the program, the word maps, the dispatch rows and
 * buckets ...) and copies only the few arrays of structs that hold pointers
 * (atom tests, word sets, switches, tries, patterns). What only the compiler
 * reads (the trees, macros, first-element lists, the word table the buckets
 * are made from) is left out. A /regex/ is kept as its source and compiled
 * again at load: PCRE2's serialised form would tie the file to the
 * library's version, and there are a handful. */

enum { TOKPAT_MAGIC = 0x31504B54u /* "TKP1" */, TOKPAT_ALIGN = 64 };
_Static_assert(sizeof(inst) == 20, "an instruction is 20 bytes, no padding");
_Static_assert(sizeof(wbucket) == 64, "a bucket is a cache line, no padding");
_Static_assert(sizeof(wkey) == 20, "a word key is 20 bytes (one of padding, written as 0)");

static void put_at(nx_mstream *w, size_t align, const void *p, size_t n) {
    while (w->len % align && !w->oom) nx_ms_u8(w, 0);
    nx_ms_put(w, p, n);
}

static void put_vec32(nx_mstream *w, const nx_vec *v) {
    nx_ms_u32(w, (uint32_t)v->count);
    put_at(w, 4, v->items, v->count * 4);
}

static void put_wmap(nx_mstream *w, const wmap *m) {
    nx_ms_u32(w, (uint32_t)m->n);
    put_at(w, 4, NULL, 0);
    for (size_t k = 0; k < m->n; k++) {
        wkey key;
        memset(&key, 0, sizeof key); /* the padding byte too */
        key.hash = m->keys[k].hash, key.parent = m->keys[k].parent, key.off = m->keys[k].off;
        key.value = m->keys[k].value, key.len = m->keys[k].len, key.flags = m->keys[k].flags;
        nx_ms_put(w, &key, sizeof key);
    }
    nx_ms_u32(w, (uint32_t)m->pool.len);
    nx_ms_put(w, m->pool.s, m->pool.len);
    size_t n_slots = m->slots ? m->mask + 1 : 0;
    nx_ms_u32(w, (uint32_t)n_slots);
    put_at(w, 8, m->slots, n_slots * 8);
}

nx_status nx_tokpat_save(const nx_matcher *m, nx_mstream *w) {
    if (!m->finished) return NX_ERR_ARG;
    nx_ms_u32(w, TOKPAT_MAGIC);
    nx_ms_u32(w, (uint32_t)m->code.count);
    put_at(w, 4, m->code.items, m->code.count * sizeof(inst));
    nx_ms_u32(w, (uint32_t)m->preds.count);
    put_at(w, 8, NULL, 0);
    uint32_t n_regex = 0;
    for (size_t k = 0; k < m->preds.count; k++) {
        const apred *p = &NX_VEC_AT(&m->preds, apred, k);
        apred q;
        memset(&q, 0, sizeof q); /* padding, and the pointers: written as 0 */
        q.kinds = p->kinds, q.flags = p->flags, q.lits = p->lits, q.regex_min = p->regex_min;
        memcpy(q.regex_first, p->regex_first, sizeof q.regex_first);
        q.n_groups = p->n_groups;
        memcpy(q.group, p->group, sizeof q.group);
        memcpy(q.capture, p->capture, sizeof q.capture);
        q.range = p->range, q.width_lo = p->width_lo, q.width_hi = p->width_hi, q.lo = p->lo, q.hi = p->hi;
        q.any0 = p->any0, q.n_any = p->n_any;
        nx_ms_put(w, &q, sizeof q);
        n_regex += p->regex != NULL;
    }
    nx_ms_u32(w, n_regex);
    for (size_t k = 0; k < m->preds.count; k++) {
        const apred *p = &NX_VEC_AT(&m->preds, apred, k);
        if (!p->regex) continue;
        nx_ms_u32(w, (uint32_t)k);
        nx_ms_str(w, p->source);
    }
    put_vec32(w, &m->any);
    nx_ms_u32(w, (uint32_t)m->sets.count);
    for (size_t k = 0; k < m->sets.count; k++) {
        const litset *ls = &NX_VEC_AT(&m->sets, litset, k);
        nx_ms_u8(w, (uint8_t)ls->exact);
        put_wmap(w, &ls->words);
    }
    nx_ms_u32(w, (uint32_t)m->switches.count);
    for (size_t k = 0; k < m->switches.count; k++) {
        const wswitch *sw = &NX_VEC_AT(&m->switches, wswitch, k);
        put_wmap(w, &sw->words);
        nx_ms_u32(w, (uint32_t)sw->masks.count);
        put_at(w, 8, sw->masks.items, sw->masks.count * 8);
        nx_ms_u64(w, sw->open);
        nx_ms_put(w, sw->start, sizeof sw->start);
    }
    nx_ms_u32(w, (uint32_t)m->tries.count);
    for (size_t k = 0; k < m->tries.count; k++) {
        const ctrie *t = &NX_VEC_AT(&m->tries, ctrie, k);
        put_wmap(w, &t->edges);
        nx_ms_u32(w, (uint32_t)t->n_nodes);
        nx_ms_put(w, t->term.items, t->n_nodes);
        nx_ms_u8(w, (uint8_t)t->has_exact);
    }
    nx_ms_u32(w, (uint32_t)m->patterns.count);
    for (size_t k = 0; k < m->patterns.count; k++) {
        const pattern *pt = &NX_VEC_AT(&m->patterns, pattern, k);
        nx_ms_u32(w, (uint32_t)pt->pc);
        put_vec32(w, &pt->first_preds);
        put_at(w, 4, pt->first_memo.items, pt->first_memo.count * 4); /* as many */
        nx_ms_u32(w, (uint32_t)pt->n_filters);
        for (size_t f = 0; f < pt->n_filters; f++) {
            const filter *fl = &pt->filters[f];
            nx_ms_u32(w, (uint32_t)fl->lo), nx_ms_u32(w, (uint32_t)fl->hi), nx_ms_u32(w, fl->slot);
            nx_ms_u64(w, fl->tests);
        }
    }
    nx_ms_u64(w, m->words), nx_ms_u64(w, m->slots), nx_ms_u64(w, m->slot_words);
    nx_ms_u64(w, m->rows.count);
    put_at(w, 8, m->rows.items, m->rows.count * 8);
    nx_ms_u32(w, m->zero_row), nx_ms_u32(w, m->bucket_mask);
    put_at(w, TOKPAT_ALIGN, m->buckets, ((size_t)m->bucket_mask + 1) * sizeof(wbucket));
    for (int k = 0; k < 16; k++) {
        put_at(w, 8, m->by_kind[k], m->words * 8);
        put_at(w, 8, m->anchor_kind[k], m->slot_words * 8);
    }
    put_at(w, 8, m->filtered, m->words * 8);
    put_at(w, 8, m->first_slots, m->slot_words * 8);
    put_at(w, 4, m->slot_trie, m->slots * 4);
    put_at(w, 4, m->slot_pattern, m->slots * 4);
    nx_ms_u64(w, m->n_memo), nx_ms_u64(w, m->first_tests);
    for (int k = 0; k < 64; k++) put_vec32(w, &m->first_test_patterns[k]);
    nx_ms_put(w, m->kind_has_first, 16);
    nx_ms_put(w, m->kind_has_rest, 16);
    nx_ms_u32(w, (uint32_t)m->n_anchor_preds);
    nx_ms_put(w, m->anchor_preds, m->n_anchor_preds * 4);
    nx_ms_u8(w, m->anchor_pred_kinds);
    return w->oom ? NX_ERR_NOMEM : NX_OK;
}

/* ---- reading it back: every count, index and jump checked ---- */

typedef struct loader {
    nx_mreader r;
    const char *why; /* the first thing found wrong */
    int oom;
} loader;

static int bad(loader *L, const char *why) {
    if (!L->why) L->why = why;
    return -1;
}

/* count items of size bytes at the stream's next multiple of align (the
 * section is aligned to TOKPAT_ALIGN, so they are aligned in memory):
 * where they are, or NULL (count 0, or with L->why set). */
static const void *get_ref(loader *L, uint64_t count, size_t size, size_t align) {
    nx_mreader *r = &L->r;
    while (r->at % align && r->at < r->len) r->at++;
    const void *p = nx_mr_array(r, count, size);
    if (!p) bad(L, "is cut short");
    return count ? p : NULL;
}

/* A borrowed array as an nx_vec (never freed: see free_matcher). */
static int get_vec(loader *L, nx_vec *v, size_t size, size_t align, uint64_t count) {
    v->items = (void *)get_ref(L, count, size, align);
    v->count = v->cap = L->why ? 0 : (size_t)count;
    return L->why ? -1 : 0;
}

static int get_vec32(loader *L, nx_vec *v) { return get_vec(L, v, 4, 4, nx_mr_u32(&L->r)); }

/* A word map in the file's bytes; every key's value below max_value. */
static int get_wmap(loader *L, wmap *m, uint64_t max_value) {
    uint32_t n = nx_mr_u32(&L->r);
    const wkey *keys = get_ref(L, n, sizeof(wkey), 4);
    uint32_t pool_len = nx_mr_u32(&L->r);
    const char *pool = get_ref(L, pool_len, 1, 1);
    uint32_t n_slots = nx_mr_u32(&L->r);
    const uint64_t *slots = get_ref(L, n_slots, 8, 8);
    if (L->why) return -1;
    /* a probe stops at an empty slot: there must be one (n_slots > n), and
     * every full slot names a key */
    if ((n_slots & (n_slots - 1)) || (n_slots ? n_slots <= n : n != 0)) return bad(L, "has a bad word table");
    for (uint32_t k = 0; k < n; k++)
        if (keys[k].off > pool_len || keys[k].len > pool_len - keys[k].off || keys[k].value >= max_value)
            return bad(L, "has a word out of range");
    for (uint32_t i = 0; i < n_slots; i++)
        if (slots[i] && (uint32_t)slots[i] - 1 >= n) return bad(L, "has a bad word table");
    m->keys = (wkey *)keys, m->n = m->cap = n;
    m->pool.s = (char *)pool, m->pool.len = m->pool.cap = pool_len;
    m->slots = (uint64_t *)slots, m->mask = n_slots ? n_slots - 1 : 0;
    return 0;
}

/* The code of one program region [lo, hi] (a pattern's body or a
 * look-around's, ending in its I_MATCH): every jump stays inside it, and a
 * look-around runs a later region, so no run can leave its region or recurse
 * without end. */
static int check_region(loader *L, const nx_matcher *m, size_t lo, size_t hi, const uint8_t *region_start) {
    const inst *code = m->code.items;
    size_t n = m->code.count;
    for (size_t pc = lo; pc <= hi; pc++) {
        const inst *in = &code[pc];
        int ok = in->glue <= G_SPACED;
        switch (in->op) {
        case I_ATOM: ok &= in->x >= 0 && (size_t)in->x < m->preds.count; break;
        case I_CLASS: ok &= in->x >= 0 && (size_t)in->x < m->tries.count; break;
        case I_SPLIT:
            ok &= in->x >= (int32_t)lo && in->x <= (int32_t)hi && in->y >= (int32_t)lo && in->y <= (int32_t)hi;
            break;
        case I_JMP: ok &= in->x >= (int32_t)lo && in->x <= (int32_t)hi; break;
        case I_SAVE: ok &= in->x >= 0 && in->x < 2 * NX_GRP_COUNT; break;
        case I_LOOK:
            /* (the span matters to a look-behind only: it tries each length) */
            ok &= in->x > (int32_t)hi && (size_t)in->x < n && region_start[in->x] && in->neg <= 1 && in->behind <= 1 &&
                  (!in->behind || (in->min >= 0 && in->min <= in->max && in->max <= 1 << 16));
            break;
        case I_GLUETEST: break;
        case I_MATCH: ok &= pc == hi; break;
        case I_SWITCH: {
            ok &= in->x >= 0 && (size_t)in->x < m->switches.count;
            if (!ok) break;
            const wswitch *sw = &NX_VEC_AT(&m->switches, wswitch, in->x);
            uint64_t used = sw->open;
            for (size_t k = 0; k < sw->masks.count; k++) used |= NX_VEC_AT(&sw->masks, uint64_t, k);
            for (int k = 0; k < 64; k++)
                if ((used >> k) & 1) ok &= sw->start[k] >= (int32_t)lo && sw->start[k] <= (int32_t)hi;
            break;
        }
        default: ok = 0;
        }
        if (!ok) return bad(L, "has a bad instruction");
    }
    return 0;
}

/* Whether the bit set a (words of 64) has no bit at n or above: a pattern
 * or slot bit past the last would be tried as one. */
static int tail_clear(const uint64_t *a, size_t words, size_t n) {
    for (size_t w = n / 64; w < words; w++) {
        uint64_t above = w == n / 64 ? ~UINT64_C(0) << (n % 64) : ~UINT64_C(0);
        if (a[w] & above) return 0;
    }
    return 1;
}

/* The checks of everything read that needs all of it (see the scan for what
 * each must hold). */
static int check_matcher(loader *L, nx_matcher *m) {
    size_t np = m->patterns.count, nc = m->code.count, npred = m->preds.count;
    for (size_t k = 0; k < npred; k++) {
        const apred *p = &NX_VEC_AT(&m->preds, apred, k);
        if (p->lits < -1 || (p->lits >= 0 && (size_t)p->lits >= m->sets.count)) return bad(L, "has a bad atom test");
        if (p->range && (p->width_lo > p->width_hi || p->width_hi > 9)) return bad(L, "has a bad atom test");
        if (!p->regex && p->n_groups) return bad(L, "has a bad atom test"); /* groups come from a regex */
        /* a union's tests are earlier tests that are no unions: no cycle */
        if (p->any0 > m->any.count || p->n_any > m->any.count - p->any0) return bad(L, "has a bad atom test");
        for (uint32_t i = 0; i < p->n_any; i++) {
            uint32_t sub = NX_VEC_AT(&m->any, uint32_t, p->any0 + i);
            if (sub >= k || NX_VEC_AT(&m->preds, apred, sub).n_any) return bad(L, "has a bad atom test");
        }
    }
    for (size_t k = 0; k < m->tries.count; k++)
        if (!NX_VEC_AT(&m->tries, ctrie, k).n_nodes) return bad(L, "has an empty class trie");
    /* the regions: each ends at an I_MATCH */
    uint8_t *start = calloc(nc + 1, 1);
    if (!start) return L->oom = 1, -1;
    int rc = 0;
    if (nc && NX_VEC_AT(&m->code, inst, nc - 1).op != I_MATCH) rc = bad(L, "has a bad instruction");
    for (size_t pc = 0, lo = 0; pc < nc && !rc; pc++) {
        if (pc == lo) start[pc] = 1;
        if (NX_VEC_AT(&m->code, inst, pc).op == I_MATCH) lo = pc + 1;
    }
    for (size_t pc = 0, lo = 0; pc < nc && !rc; pc++)
        if (NX_VEC_AT(&m->code, inst, pc).op == I_MATCH) rc = check_region(L, m, lo, pc, start), lo = pc + 1;
    size_t slots = 0;
    for (size_t p = 0; p < np && !rc; p++) {
        const pattern *pt = &NX_VEC_AT(&m->patterns, pattern, p);
        if (pt->pc < 0 || (size_t)pt->pc >= nc || !start[pt->pc]) rc = bad(L, "has a pattern with a bad entry point");
        for (size_t f = 0; f < pt->first_preds.count && !rc; f++)
            if (NX_VEC_AT(&pt->first_preds, uint32_t, f) >= npred || NX_VEC_AT(&pt->first_memo, uint32_t, f) >= m->n_memo)
                rc = bad(L, "has a pattern with a bad first test");
        for (size_t f = 0; f < pt->n_filters && !rc; f++) {
            const filter *fl = &pt->filters[f];
            if (fl->lo < 0 || fl->hi < fl->lo || fl->hi > 1 << 20 || fl->slot >= m->slots ||
                (m->n_anchor_preds < 64 && fl->tests >> m->n_anchor_preds))
                rc = bad(L, "has a pattern with a bad anchor");
        }
        slots += pt->n_filters;
    }
    free(start);
    if (rc) return rc;
    if (m->slots != slots || m->n_memo > npred) return bad(L, "has bad table sizes");
    for (size_t k = 0; k < m->slots; k++)
        if ((m->slot_trie[k] < -1 || (m->slot_trie[k] >= 0 && (size_t)m->slot_trie[k] >= m->tries.count)) ||
            m->slot_pattern[k] >= np || !NX_VEC_AT(&m->patterns, pattern, m->slot_pattern[k]).n_filters)
            return bad(L, "has a bad anchor slot");
    size_t row_words = m->words + m->slot_words;
    if (m->rows.count % row_words || m->rows.count > UINT32_MAX >> 2) return bad(L, "has bad dispatch rows");
    int clear = tail_clear(m->filtered, m->words, np) && tail_clear(m->first_slots, m->slot_words, m->slots);
    for (int k = 0; k < 16; k++)
        clear &= tail_clear(m->by_kind[k], m->words, np) && tail_clear(m->anchor_kind[k], m->slot_words, m->slots);
    for (size_t r = 0; r < m->rows.count; r += row_words) {
        const uint64_t *row = (const uint64_t *)m->rows.items + r;
        clear &= tail_clear(row, m->words, np) && tail_clear(row + m->words, m->slot_words, m->slots);
    }
    if (!clear) return bad(L, "has a pattern or anchor bit past the last");
    /* a bucket's row is (where it starts in uint64_t) << 2 | flags */
    size_t n_rows = m->rows.count / row_words;
    for (size_t i = 0; i <= (size_t)m->bucket_mask; i++)
        for (size_t j = 0; j < BUCKET_SLOTS; j++) {
            uint32_t r = m->buckets[i].row[j] >> 2;
            if (r % row_words || r / row_words >= n_rows) return bad(L, "has bad dispatch rows");
        }
    if (m->zero_row & 3 || (m->zero_row >> 2) % row_words || (m->zero_row >> 2) / row_words >= n_rows)
        return bad(L, "has bad dispatch rows");
    for (size_t k = 0; k < m->n_anchor_preds; k++)
        if (m->anchor_preds[k] >= npred) return bad(L, "has a bad anchor test");
    if (m->n_anchor_preds < 64 && m->first_tests >> m->n_anchor_preds) return bad(L, "has a bad anchor test");
    for (int k = 0; k < 64; k++)
        for (size_t i = 0; i < m->first_test_patterns[k].count; i++) {
            uint32_t p = NX_VEC_AT(&m->first_test_patterns[k], uint32_t, i);
            if (p >= np || !NX_VEC_AT(&m->patterns, pattern, p).n_filters) return bad(L, "has a bad anchor test");
        }
    return 0;
}

/* A malloc'd array of n structs of size bytes, zeroed, as an nx_vec. */
static int own_vec(loader *L, nx_vec *v, size_t size, uint32_t n) {
    if (n && !(v->items = calloc(n, size))) return L->oom = 1, -1;
    v->count = v->cap = n;
    return 0;
}

static int read_matcher(loader *L, nx_matcher *m, size_t n_patterns) {
    nx_mreader *r = &L->r;
    if (nx_mr_u32(r) != TOKPAT_MAGIC) return bad(L, "is not a token pattern program");
    if (get_vec(L, &m->code, sizeof(inst), 4, nx_mr_u32(r))) return -1;
    /* the atom tests: copied (they hold their regex), then the regexes */
    uint32_t n = nx_mr_u32(r);
    const apred *preds = get_ref(L, n, sizeof(apred), 8);
    if (L->why || own_vec(L, &m->preds, sizeof(apred), n)) return -1;
    if (n) memcpy(m->preds.items, preds, (size_t)n * sizeof(apred));
    for (uint32_t k = 0; k < n; k++) {
        apred *p = &NX_VEC_AT(&m->preds, apred, k);
        p->regex = NULL, p->source = NULL; /* (whatever the file says) */
    }
    uint32_t n_regex = nx_mr_u32(r);
    for (uint32_t i = 0; i < n_regex && !L->why; i++) {
        uint32_t k = nx_mr_u32(r);
        char *src = nx_mr_str(r);
        if (r->bad == 2) return L->oom = 1, -1;
        if (r->bad || !src) return free(src), bad(L, "is cut short");
        if (k >= n || NX_VEC_AT(&m->preds, apred, k).regex) return free(src), bad(L, "has a bad atom test");
        apred *p = &NX_VEC_AT(&m->preds, apred, k);
        p->source = src; /* "body/flags" */
        const char *slash = strrchr(src, '/');
        int ec;
        PCRE2_SIZE eo;
        pcre2_code *re = slash ? regex_compile(src, (size_t)(slash - src), strchr(slash, 'i') != NULL, &ec, &eo) : NULL;
        if (!re) return bad(L, "has a /regex/ that does not compile");
        regex_fill(re, p);
    }
    if (get_vec32(L, &m->any)) return -1;
    n = nx_mr_u32(r);
    if (!nx_mr_array(r, n, 13)) return bad(L, "is cut short"); /* (each takes 13 bytes at the least) */
    r->at -= (size_t)n * 13;
    if (own_vec(L, &m->sets, sizeof(litset), n)) return -1;
    for (uint32_t k = 0; k < n; k++) {
        litset *ls = &NX_VEC_AT(&m->sets, litset, k);
        ls->exact = nx_mr_u8(r) != 0;
        if (get_wmap(L, &ls->words, UINT64_MAX)) return -1;
    }
    n = nx_mr_u32(r);
    const size_t sw_min = 12 + 4 + 8 + sizeof(((wswitch *)0)->start);
    if (!nx_mr_array(r, n, sw_min)) return bad(L, "is cut short");
    r->at -= (size_t)n * sw_min;
    if (own_vec(L, &m->switches, sizeof(wswitch), n)) return -1;
    for (uint32_t k = 0; k < n; k++) {
        wswitch *sw = &NX_VEC_AT(&m->switches, wswitch, k);
        /* a word's value indexes masks, read after */
        if (get_wmap(L, &sw->words, UINT64_MAX) || get_vec(L, &sw->masks, 8, 8, nx_mr_u32(r))) return -1;
        for (size_t i = 0; i < sw->words.n; i++)
            if (sw->words.keys[i].value >= sw->masks.count) return bad(L, "has a bad word switch");
        sw->open = nx_mr_u64(r);
        nx_mr_get(r, sw->start, sizeof sw->start);
    }
    n = nx_mr_u32(r);
    if (!nx_mr_array(r, n, 17)) return bad(L, "is cut short");
    r->at -= (size_t)n * 17;
    if (own_vec(L, &m->tries, sizeof(ctrie), n)) return -1;
    for (uint32_t k = 0; k < n; k++) {
        ctrie *t = &NX_VEC_AT(&m->tries, ctrie, k);
        /* edge values are nodes, counted after the edges */
        if (get_wmap(L, &t->edges, UINT64_MAX) || get_vec(L, &t->term, 1, 1, nx_mr_u32(r))) return -1;
        t->n_nodes = t->term.count;
        for (size_t i = 0; i < t->edges.n; i++)
            if (t->edges.keys[i].value >= t->n_nodes) return bad(L, "has a bad class trie");
        t->has_exact = nx_mr_u8(r) != 0;
    }
    n = nx_mr_u32(r);
    if (n != n_patterns) return bad(L, "has another number of patterns than the pattern list");
    if (!nx_mr_array(r, n, 12)) return bad(L, "is cut short");
    r->at -= (size_t)n * 12;
    if (own_vec(L, &m->patterns, sizeof(pattern), n)) return -1;
    for (uint32_t k = 0; k < n; k++) {
        pattern *pt = &NX_VEC_AT(&m->patterns, pattern, k);
        pt->pc = (int32_t)nx_mr_u32(r);
        if (get_vec32(L, &pt->first_preds) || get_vec(L, &pt->first_memo, 4, 4, pt->first_preds.count)) return -1;
        uint32_t nf = nx_mr_u32(r);
        if (nf > MAX_FILTERS) return bad(L, "has a pattern with too many anchors");
        pt->n_filters = nf;
        for (uint32_t f = 0; f < nf; f++) {
            filter *fl = &pt->filters[f];
            fl->lo = (int32_t)nx_mr_u32(r), fl->hi = (int32_t)nx_mr_u32(r), fl->slot = nx_mr_u32(r);
            fl->tests = nx_mr_u64(r);
        }
    }
    m->words = nx_mr_u64(r), m->slots = nx_mr_u64(r), m->slot_words = nx_mr_u64(r);
    /* the sizes of the tables that follow */
    if (r->bad || m->words != (n ? (n + 63) / 64 : 1) || m->slots > (size_t)n * MAX_FILTERS ||
        m->slot_words != (m->slots ? (m->slots + 63) / 64 : 1))
        return bad(L, "has bad table sizes");
    if (get_vec(L, &m->rows, 8, 8, nx_mr_u64(r))) return -1;
    m->zero_row = nx_mr_u32(r), m->bucket_mask = nx_mr_u32(r);
    size_t nb = (size_t)m->bucket_mask + 1;
    if (nb & (nb - 1)) return bad(L, "has bad dispatch buckets");
    m->buckets = (wbucket *)get_ref(L, nb, sizeof(wbucket), TOKPAT_ALIGN);
    for (int k = 0; k < 16; k++) {
        m->by_kind[k] = (uint64_t *)get_ref(L, m->words, 8, 8);
        m->anchor_kind[k] = (uint64_t *)get_ref(L, m->slot_words, 8, 8);
    }
    m->filtered = (uint64_t *)get_ref(L, m->words, 8, 8);
    m->first_slots = (uint64_t *)get_ref(L, m->slot_words, 8, 8);
    m->slot_trie = (int32_t *)get_ref(L, m->slots, 4, 4);
    m->slot_pattern = (uint32_t *)get_ref(L, m->slots, 4, 4);
    if (L->why) return -1;
    m->n_memo = nx_mr_u64(r), m->first_tests = nx_mr_u64(r);
    for (int k = 0; k < 64; k++)
        if (get_vec32(L, &m->first_test_patterns[k])) return -1;
    nx_mr_get(r, m->kind_has_first, 16);
    nx_mr_get(r, m->kind_has_rest, 16);
    m->n_anchor_preds = nx_mr_u32(r);
    if (m->n_anchor_preds > 64) return bad(L, "has bad table sizes");
    nx_mr_get(r, m->anchor_preds, m->n_anchor_preds * 4);
    m->anchor_pred_kinds = nx_mr_u8(r);
    if (r->bad) return bad(L, "is cut short");
    if (r->at != r->len) return bad(L, "has bytes after its end");
    return check_matcher(L, m);
}

nx_status nx_tokpat_load(const nx_matcher_limits *limits, const void *data, size_t len, size_t n_patterns,
                         nx_matcher **out, const char **why) {
    *out = NULL;
    *why = NULL;
    if ((uintptr_t)data % TOKPAT_ALIGN) {
        *why = "is not aligned to 64 bytes";
        return NX_ERR_PARSE;
    }
    nx_matcher *m = create(limits);
    if (!m) return NX_ERR_NOMEM;
    m->borrowed = 1;
    loader L = {{data, len, 0, 0}, NULL, 0};
    if (read_matcher(&L, m, n_patterns)) {
        free_matcher(m);
        if (L.oom) return NX_ERR_NOMEM;
        *why = L.why ? L.why : "is damaged";
        return NX_ERR_PARSE;
    }
    if (build_busy_words(m) != NX_OK) {
        free_matcher(m);
        return NX_ERR_NOMEM;
    }
    index_anchor_tests(m);
    m->finished = 1;
    *out = m;
    return NX_OK;
}
