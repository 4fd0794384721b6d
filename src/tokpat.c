/* tokpat.c: the token pattern backend (see tokpat.h and the language in
 * gazetteers/README.md): atoms, class tries, the parser, the compiler to a
 * program of a few instructions, the backtracking machine that runs it, and
 * the dispatch table that picks, for each atom, the patterns that can start
 * there. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "tokpat.h"

#include <pcre2.h>
#include <stdlib.h>
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
    AF_GLUED = 1,   /* no white space before it */
    AF_CAP = 2,     /* first letter upper case */
    AF_LOWER = 4,   /* first letter lower case */
    AF_UPPER = 8,   /* every letter upper case */
    AF_CAPWORD = 16 /* upper case, then lower case: a capitalised word */
};

typedef struct atom {
    uint32_t b0, b1;   /* bytes of the working text */
    uint32_t fold;     /* offset of its folded form in the fold buffer */
    uint32_t hash;     /* of the folded form */
    uint16_t fold_len;
    uint8_t kind, flags;
} atom;

typedef struct atoms {
    atom *a;
    size_t n, cap;
    nx_sbuf fold; /* folded forms, back to back */
} atoms;

static uint32_t hash32(const char *s, size_t n) {
    uint32_t h = 2166136261u; /* FNV-1a */
    for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

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

static int push_atom(atoms *A, const char *s, uint32_t b0, uint32_t b1, int kind, int glued) {
    if (A->n == A->cap) {
        size_t cap = A->cap ? A->cap * 2 : 256;
        atom *a = realloc(A->a, cap * sizeof *a);
        if (!a) return -1;
        A->a = a;
        A->cap = cap;
    }
    atom *a = &A->a[A->n];
    a->b0 = b0;
    a->b1 = b1;
    a->kind = (uint8_t)kind;
    a->flags = glued ? AF_GLUED : 0;
    /* the folded form: ASCII by table, the rest through nx_fold */
    size_t n = b1 - b0, start = A->fold.len;
    int ascii = 1;
    for (size_t i = 0; i < n && ascii; i++) ascii = (unsigned char)s[b0 + i] < 0x80;
    if (ascii) {
        if (nx_sbuf_add(&A->fold, s + b0, n)) return -1;
        for (size_t i = 0; i < n; i++) {
            char c = A->fold.s[start + i];
            if (c >= 'A' && c <= 'Z') A->fold.s[start + i] = (char)(c + 32);
        }
    } else {
        char buf[256];
        size_t fl = nx_fold(s + b0, n, buf, sizeof buf);
        if (fl > sizeof buf) fl = sizeof buf; /* an atom this long matches no pattern word */
        if (nx_sbuf_add(&A->fold, buf, fl)) return -1;
    }
    a->fold = (uint32_t)start;
    a->fold_len = (uint16_t)(A->fold.len - start > UINT16_MAX ? UINT16_MAX : A->fold.len - start);
    a->hash = hash32(A->fold.s + start, A->fold.len - start);
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
    A->n++;
    return 0;
}

/* Cuts s[0..n) into atoms. */
static int atomize(const char *s, size_t n, atoms *A) {
    A->n = 0;
    A->fold.len = 0;
    int glued = 0;
    size_t i = 0;
    while (i < n) {
        int32_t c;
        size_t k = nx_utf8_next(s, n, i, &c);
        int kind = char_kind(c);
        if (!kind) {
            glued = 0;
            i += k;
            continue;
        }
        size_t j = i + k;
        if (kind == AK_ALPHA || kind == AK_DIGIT) {
            while (j < n) {
                int32_t d;
                size_t l = nx_utf8_next(s, n, j, &d);
                if (char_kind(d) != kind) break;
                j += l;
            }
        }
        if (push_atom(A, s, (uint32_t)i, (uint32_t)j, kind, glued && A->n > 0)) return -1;
        glued = 1;
        i = j;
    }
    return 0;
}

static const char *atom_fold(const atoms *A, const atom *a) { return A->fold.s + a->fold; }

/* ---- class tries: gazetteer entries over atoms ---------------------------- */

enum { T_FOLD = 1, T_CAP = 2, T_EXACT = 4 };

/* The entries of one gazetteer class (and kind) as a trie over atoms: edge
 * keys are the parent node, the glue of the atom (glued or spaced) and the
 * atom, folded for ordinary and case=cap entries, as written for
 * case=exact ones (kept apart by a mode byte). */
typedef struct ctrie {
    char *name;        /* "month", "temporal:unit" */
    int cls;
    char *kind;        /* NULL: any */
    nx_strmap edges;
    nx_vec term;       /* uint8_t per node: T_* of the entries that end there */
    size_t n_nodes;
    size_t max_len;    /* atoms in the longest entry */
} ctrie;

static size_t edge_key(char *buf, size_t cap, uint32_t node, int glued, int exact, const char *s, size_t n) {
    if (n + 6 > cap) return 0;
    memcpy(buf, &node, 4);
    buf[4] = (char)glued;
    buf[5] = (char)exact;
    memcpy(buf + 6, s, n);
    return n + 6;
}

static long ctrie_child(const ctrie *t, uint32_t node, int glued, int exact, const char *s, size_t n) {
    char key[300];
    size_t kl = edge_key(key, sizeof key, node, glued, exact, s, n);
    uint32_t c;
    if (!kl || !nx_strmap_get(&t->edges, key, kl, &c)) return -1;
    return c;
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
    if (!len || atomize(surface, len, scratch)) return scratch->n ? -1 : 0;
    int exact = case_rule == NX_CASE_EXACT;
    uint32_t node = 0;
    for (size_t i = 0; i < scratch->n; i++) {
        const atom *a = &scratch->a[i];
        const char *s = exact ? surface + a->b0 : atom_fold(scratch, a);
        size_t n = exact ? a->b1 - a->b0 : a->fold_len;
        int glued = i > 0 && (a->flags & AF_GLUED);
        long c = ctrie_child(t, node, glued, exact, s, n);
        if (c < 0) {
            char key[300];
            size_t kl = edge_key(key, sizeof key, node, glued, exact, s, n);
            if (!kl) return 0; /* an atom too long to be a pattern word: leave the entry out */
            if ((c = ctrie_new_node(t)) < 0 || nx_strmap_put(&t->edges, key, kl, (uint32_t)c)) return -1;
        }
        node = (uint32_t)c;
    }
    NX_VEC_AT(&t->term, uint8_t, node) |= exact ? T_EXACT : case_rule == NX_CASE_CAP ? T_CAP : T_FOLD;
    if (scratch->n > t->max_len) t->max_len = scratch->n;
    return 0;
}

static void ctrie_free(ctrie *t) {
    free(t->name);
    free(t->kind);
    nx_strmap_free(&t->edges);
    nx_vec_free(&t->term);
}

/* ---- predicates on one atom ------------------------------------------------- */

/* A set of words an atom may be: folded (or as written, for exact ones). */
typedef struct litset {
    nx_strmap words;
    int exact;
} litset;

typedef struct apred {
    uint8_t kinds;     /* allowed atom kinds (AK_*), 0: any */
    uint8_t flags;     /* flags the atom must have (AF_*) */
    int32_t lits;      /* index of a litset, or -1 */
    pcre2_code *regex; /* must match the whole atom, or NULL */
    uint8_t n_groups;  /* named groups of the regex that are date groups */
    uint8_t group[4], capture[4]; /* their nx_group and capture number */
} apred;

/* ---- the program ------------------------------------------------------------ */

enum op { I_ATOM, I_CLASS, I_SPLIT, I_JMP, I_SAVE, I_LOOK, I_GLUETEST, I_MATCH };
/* glue of a consuming instruction to the atom before it */
enum glue { G_DEFAULT = 0, G_GLUED, G_EITHER, G_SPACED };

typedef struct inst {
    uint8_t op;
    uint8_t glue;
    uint8_t neg, behind; /* I_LOOK */
    int32_t x, y;        /* SPLIT: both branches; JMP: target; SAVE: slot; ATOM: pred; CLASS: trie; LOOK: sub-program */
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

typedef struct pattern {
    int32_t pc;        /* entry point */
    nx_vec first;      /* uint32_t: how it may start, see dispatch */
} pattern;

struct nx_matcher {
    nx_matcher_limits limits;
    const nx_gazetteer *gaz;
    nx_vec code;     /* inst */
    nx_vec preds;    /* apred */
    nx_vec sets;     /* litset */
    nx_vec tries;    /* ctrie */
    nx_vec macros;   /* macro */
    nx_vec patterns; /* pattern */
    nx_arena nodes;  /* the trees, until finish */
    /* dispatch: folded word -> row of pattern bits; atom kind -> row */
    nx_strmap by_word;
    nx_vec rows;     /* uint64_t[words] per row */
    size_t words;    /* uint64_t per row */
    uint64_t *by_kind[16];
    int finished;
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

static int is_syntax(char c) { return strchr("()|?*+{}~<>\"/[]=_", c) != NULL; }

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
    nx_strmap_init(&x->words);
    x->exact = exact;
    return (int32_t)(P->m->sets.count - 1);
}

/* A literal: its atoms, each a one-word predicate, glued as written. */
static node *literal(parser *P, const char *s, size_t n, int exact) {
    atoms A = {0};
    node *seq = new_node(P, N_SEQ);
    if (!seq || atomize(s, n, &A)) {
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
        if (nx_strmap_put(&ls->words, w, wl, 1)) {
            P->st = NX_ERR_NOMEM;
            break;
        }
        node *x = new_node(P, N_ATOM);
        if (!x) break;
        x->ref = add_pred(P, (apred){0, 0, set, NULL, 0, {0}, {0}});
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
    nx_strmap_init(&t->edges);
    t->name = strndup(name, n);
    t->cls = cls;
    t->kind = colon ? strndup(colon + 1, n - cl - 1) : NULL;
    atoms A = {0};
    int rc = !t->name || (colon && !t->kind) || ctrie_new_node(t) < 0 ? -1 : 0;
    const nx_gazetteer *g = m->gaz;
    for (size_t i = 0; i < g->n_entries && rc == 0; i++) {
        const nx_entry *e = &g->entries[i];
        if (e->cls != cls || (t->kind && strcmp(nx_gstr(g, e->kind), t->kind) != 0)) continue;
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
            if (x) x->ref = add_pred(P, (apred){SHAPES[k].kinds, SHAPES[k].flags, -1, NULL, 0, {0}, {0}});
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

static node *regex_atom(parser *P) {
    size_t start = ++P->i; /* after '/' */
    while (P->i < P->n && P->s[P->i] != '/') P->i += P->s[P->i] == '\\' && P->i + 1 < P->n ? 2 : 1;
    if (P->i >= P->n) {
        fail(P, "unterminated /regex/");
        return NULL;
    }
    size_t end = P->i++;
    uint32_t opts = PCRE2_UTF | PCRE2_UCP | PCRE2_ANCHORED | PCRE2_ENDANCHORED;
    while (P->i < P->n && P->s[P->i] == 'i') opts |= PCRE2_CASELESS, P->i++;
    int ec;
    PCRE2_SIZE eo;
    pcre2_code *re = pcre2_compile((PCRE2_SPTR)(P->s + start), end - start, opts, &ec, &eo, NULL);
    if (!re) {
        char msg[256], full[320];
        pcre2_get_error_message(ec, (PCRE2_UCHAR *)msg, sizeof msg);
        snprintf(full, sizeof full, "/regex/ does not compile: %s", msg);
        P->i = start + eo;
        fail(P, full);
        return NULL;
    }
    if (!getenv("NERX_NO_JIT")) pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);
    node *x = new_node(P, N_ATOM);
    if (!x) {
        pcre2_code_free(re);
        return NULL;
    }
    apred pr = {0, 0, -1, re, 0, {0}, {0}};
    for (int g = 0; g < NX_GRP_COUNT && pr.n_groups < 4; g++) {
        int num = pcre2_substring_number_from_name(re, (PCRE2_SPTR)nx_group_names[g]);
        if (num > 0) {
            pr.group[pr.n_groups] = (uint8_t)g;
            pr.capture[pr.n_groups++] = (uint8_t)num;
        }
    }
    x->ref = add_pred(P, pr);
    if (x->ref < 0) pcre2_code_free(re);
    return x->ref < 0 ? NULL : x;
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
    return seq;
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
        int32_t jumps[64];
        size_t nj = 0;
        for (size_t k = 0; k < x->n_kids; k++) {
            int32_t split = -1;
            if (k + 1 < x->n_kids) split = emit(G, (inst){I_SPLIT, 0, 0, 0, 0, 0, 0, 0});
            if (split >= 0) CODE(G, split).x = split + 1;
            gen_node(G, x->kids[k], g);
            if (k + 1 < x->n_kids) {
                int32_t j = emit(G, (inst){I_JMP, 0, 0, 0, 0, 0, 0, 0});
                if (nj < 64) jumps[nj++] = j;
                if (split >= 0 && G->st == NX_OK) CODE(G, split).y = (int32_t)G->m->code.count;
            }
        }
        for (size_t k = 0; k < nj && G->st == NX_OK; k++) CODE(G, jumps[k]).x = (int32_t)G->m->code.count;
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
enum { FIRST_KINDS = 1, FIRST_SET = 2, FIRST_TRIE = 3 };

static int first_of(const nx_matcher *m, const node *x, nx_vec *first, int *fail) {
    switch (x->type) {
    case N_EMPTY:
    case N_GLUETEST:
    case N_LOOK: return 1;
    case N_ATOM: {
        const apred *p = &NX_VEC_AT(&m->preds, apred, x->ref);
        uint32_t *f = nx_vec_push(first, sizeof *f);
        if (!f) return *fail = 1, 0;
        if (p->lits >= 0) *f = (uint32_t)FIRST_SET << 24 | (uint32_t)p->lits;
        else *f = (uint32_t)FIRST_KINDS << 24 | (p->kinds ? p->kinds : 0xFF);
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

/* ---- the backend: create, add, finish ---------------------------------------------- */

static nx_matcher *create(const nx_matcher_limits *limits) {
    nx_matcher *m = calloc(1, sizeof *m);
    if (!m) return NULL;
    m->limits = *limits;
    m->gaz = limits->gazetteer;
    nx_arena_init(&m->nodes);
    nx_strmap_init(&m->by_word);
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
        m->patterns.count--;
        nx_error_set(err, NX_ERR_PARSE, def->file, def->line, def->column, "a pattern must match at least one atom");
        return NX_ERR_PARSE;
    }
    if (fail_first) return NX_ERR_NOMEM;
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

/* Builds the dispatch table from each pattern's first elements. */
static nx_status finish(nx_matcher *m, nx_error *err) {
    (void)err;
    size_t np = m->patterns.count;
    m->words = (np + 63) / 64;
    if (!m->words) m->words = 1;
    for (int k = 0; k < 16; k++) {
        m->by_kind[k] = calloc(m->words, sizeof(uint64_t));
        if (!m->by_kind[k]) return NX_ERR_NOMEM;
    }
    for (size_t p = 0; p < np; p++) {
        const pattern *pt = &NX_VEC_AT(&m->patterns, pattern, p);
        uint64_t bit = UINT64_C(1) << (p % 64);
        size_t w = p / 64;
        for (size_t f = 0; f < pt->first.count; f++) {
            uint32_t v = NX_VEC_AT(&pt->first, uint32_t, f), what = v >> 24, ref = v & 0xFFFFFF;
            if (what == FIRST_KINDS) {
                for (int k = 0; k < 16; k++)
                    if (k & ref) m->by_kind[k][w] |= bit;
                continue;
            }
            /* words: every word of the set, or every first atom of the class */
            nx_vec words = {0};
            if (what == FIRST_SET) {
                const litset *ls = &NX_VEC_AT(&m->sets, litset, ref);
                for (size_t i = 0; i < ls->words.count; i++) {
                    const char **wp = nx_vec_push(&words, 2 * sizeof *wp);
                    if (!wp) return NX_ERR_NOMEM;
                    wp[0] = ls->words.pool + ls->words.key_off[i];
                    wp[1] = wp[0] + ls->words.key_len[i];
                }
            } else {
                const ctrie *t = &NX_VEC_AT(&m->tries, ctrie, ref);
                for (size_t i = 0; i < t->edges.count; i++) {
                    const char *key = t->edges.pool + t->edges.key_off[i];
                    uint32_t parent;
                    memcpy(&parent, key, 4);
                    if (parent != 0) continue;
                    const char **wp = nx_vec_push(&words, 2 * sizeof *wp);
                    if (!wp) return NX_ERR_NOMEM;
                    wp[0] = key + 6;
                    wp[1] = key + t->edges.key_len[i];
                }
            }
            for (size_t i = 0; i < words.count; i++) {
                const char *const *wp = &((const char **)words.items)[2 * i];
                /* dispatch is by the folded form: fold exact words too */
                char buf[256];
                size_t fl = nx_fold(wp[0], (size_t)(wp[1] - wp[0]), buf, sizeof buf);
                if (fl > sizeof buf) continue;
                uint32_t row;
                if (!nx_strmap_get(&m->by_word, buf, fl, &row)) {
                    row = (uint32_t)(m->rows.count / m->words);
                    for (size_t k = 0; k < m->words; k++) {
                        uint64_t *x = nx_vec_push(&m->rows, sizeof *x);
                        if (!x) return NX_ERR_NOMEM;
                        *x = 0;
                    }
                    if (nx_strmap_put(&m->by_word, buf, fl, row)) return NX_ERR_NOMEM;
                }
                ((uint64_t *)m->rows.items)[row * m->words + w] |= bit;
            }
            nx_vec_free(&words);
        }
    }
    /* the trees are compiled: their memory can go */
    nx_arena_free(&m->nodes);
    for (size_t k = 0; k < m->macros.count; k++) NX_VEC_AT(&m->macros, macro, k).body = NULL;
    m->finished = 1;
    return NX_OK;
}

static void free_matcher(nx_matcher *m) {
    if (!m) return;
    for (size_t k = 0; k < m->preds.count; k++) pcre2_code_free(NX_VEC_AT(&m->preds, apred, k).regex);
    for (size_t k = 0; k < m->sets.count; k++) nx_strmap_free(&NX_VEC_AT(&m->sets, litset, k).words);
    for (size_t k = 0; k < m->tries.count; k++) ctrie_free(&NX_VEC_AT(&m->tries, ctrie, k));
    for (size_t k = 0; k < m->macros.count; k++) {
        free(NX_VEC_AT(&m->macros, macro, k).file);
        free(NX_VEC_AT(&m->macros, macro, k).name);
    }
    for (size_t k = 0; k < m->patterns.count; k++) nx_vec_free(&NX_VEC_AT(&m->patterns, pattern, k).first);
    for (int k = 0; k < 16; k++) free(m->by_kind[k]);
    nx_vec_free(&m->code);
    nx_vec_free(&m->preds);
    nx_vec_free(&m->sets);
    nx_vec_free(&m->tries);
    nx_vec_free(&m->macros);
    nx_vec_free(&m->patterns);
    nx_vec_free(&m->rows);
    nx_strmap_free(&m->by_word);
    nx_arena_free(&m->nodes);
    free(m);
}

/* ---- the machine --------------------------------------------------------------------- */

enum { NO_TARGET = UINT32_MAX };

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
} vm;

static int glue_ok(const vm *v, uint32_t pos, int glue) {
    const atom *a = &v->A->a[pos];
    switch (glue) {
    case G_GLUED: return pos > 0 && (a->flags & AF_GLUED);
    case G_SPACED: return !(a->flags & AF_GLUED);
    case G_EITHER: return 1;
    default: /* two words need space between them; anything else may touch */
        return !(pos > 0 && (a->flags & AF_GLUED) && (a->kind & AK_WORD) && (v->A->a[pos - 1].kind & AK_WORD));
    }
}

static int pred_ok(vm *v, const apred *p, const atom *a) {
    if (p->kinds && !(p->kinds & a->kind)) return 0;
    if ((a->flags & p->flags) != p->flags) return 0;
    if (p->lits >= 0) {
        const litset *ls = &NX_VEC_AT(&v->m->sets, litset, p->lits);
        const char *w = ls->exact ? v->text + a->b0 : atom_fold(v->A, a);
        size_t wl = ls->exact ? a->b1 - a->b0 : a->fold_len;
        if (!nx_strmap_get(&ls->words, w, wl, NULL)) return 0;
    }
    if (p->regex) {
        int rc = pcre2_match(p->regex, (PCRE2_SPTR)(v->text + a->b0), a->b1 - a->b0, 0, PCRE2_NO_UTF_CHECK, v->md, NULL);
        if (rc < 0) return 0;
    }
    return 1;
}

/* The ends of the class entries that start at pos, longest first (at most cap). */
static size_t class_ends(vm *v, const ctrie *t, uint32_t pos, int glue, uint32_t *ends, size_t cap) {
    const atoms *A = v->A;
    if (pos >= A->n || !glue_ok(v, pos, glue)) return 0;
    size_t n = 0;
    uint32_t fnode = 0, enode = 0;
    int fold_alive = 1, exact_alive = 1;
    for (uint32_t k = pos; k < A->n && (fold_alive || exact_alive); k++) {
        const atom *a = &A->a[k];
        int glued = k > pos && (a->flags & AF_GLUED);
        if (fold_alive) {
            long c = ctrie_child(t, fnode, glued, 0, atom_fold(A, a), a->fold_len);
            if (c < 0) fold_alive = 0;
            else {
                fnode = (uint32_t)c;
                uint8_t f = NX_VEC_AT(&t->term, uint8_t, fnode);
                if (((f & T_FOLD) || ((f & T_CAP) && (A->a[pos].flags & AF_CAP))) && n < cap) ends[n++] = k + 1;
            }
        }
        if (exact_alive) {
            long c = ctrie_child(t, enode, glued, 1, v->text + a->b0, a->b1 - a->b0);
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
static int look(vm *v, const inst *in, uint32_t pos) {
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

/* Runs the program from pc at atom pos: 1 matched, 0 not, -1 step limit. */
static int run(vm *v, int32_t pc, uint32_t pos) {
    const inst *code = v->m->code.items;
    const atoms *A = v->A;
    for (;;) {
        if (++v->steps > v->limit) return -1;
        const inst *in = &code[pc];
        switch (in->op) {
        case I_ATOM: {
            const apred *p = &NX_VEC_AT(&v->m->preds, apred, in->x);
            if (pos >= A->n || !glue_ok(v, pos, in->glue) || !pred_ok(v, p, &A->a[pos])) return 0;
            if (p->n_groups && !v->looking) { /* groups inside the atom, from its regex */
                uint32_t old[8];
                PCRE2_SIZE *ov = pcre2_get_ovector_pointer(v->md);
                for (int k = 0; k < p->n_groups; k++) {
                    old[2 * k] = v->caps[2 * p->group[k]];
                    old[2 * k + 1] = v->caps[2 * p->group[k] + 1];
                    size_t c = p->capture[k];
                    if (ov[2 * c] == PCRE2_UNSET) continue;
                    v->caps[2 * p->group[k]] = A->a[pos].b0 + (uint32_t)ov[2 * c];
                    v->caps[2 * p->group[k] + 1] = A->a[pos].b0 + (uint32_t)ov[2 * c + 1];
                }
                int r = run(v, pc + 1, pos + 1);
                if (r <= 0)
                    for (int k = 0; k < p->n_groups; k++) {
                        v->caps[2 * p->group[k]] = old[2 * k];
                        v->caps[2 * p->group[k] + 1] = old[2 * k + 1];
                    }
                return r;
            }
            pos++;
            pc++;
            continue;
        }
        case I_GLUETEST:
            if (pos >= A->n || !glue_ok(v, pos, in->glue)) return 0;
            pc++;
            continue;
        case I_CLASS: {
            uint32_t ends[16];
            size_t n = class_ends(v, &NX_VEC_AT(&v->m->tries, ctrie, in->x), pos, in->glue, ends, 16);
            for (size_t k = 0; k < n; k++) {
                int r = run(v, pc + 1, ends[k]);
                if (r) return r;
            }
            return 0;
        }
        case I_SPLIT: {
            int r = run(v, in->x, pos);
            if (r) return r;
            pc = in->y;
            continue;
        }
        case I_JMP: pc = in->x; continue;
        case I_SAVE: {
            if (v->looking) { /* look-arounds keep no groups */
                pc++;
                continue;
            }
            uint32_t old = v->caps[in->x];
            /* a group's start is its first atom's first byte, its end the
             * last atom's last byte */
            v->caps[in->x] = in->x & 1 ? (pos ? A->a[pos - 1].b1 : 0) : (pos < A->n ? A->a[pos].b0 : UINT32_MAX);
            int r = run(v, pc + 1, pos);
            if (r <= 0) v->caps[in->x] = old;
            return r;
        }
        case I_LOOK: {
            int r = look(v, in, pos);
            if (r < 0) return -1;
            if (r == in->neg) return 0;
            pc++;
            continue;
        }
        case I_MATCH:
            if (v->looking) return v->target == NO_TARGET || pos == v->target;
            /* a match ends at a word's end: not before a glued letter or digit */
            if (pos < A->n && (A->a[pos].flags & AF_GLUED) && (A->a[pos].kind & AK_WORD) &&
                (A->a[pos - 1].kind & AK_WORD))
                return 0;
            v->end = pos;
            return 1;
        }
    }
}

static nx_status scan(const nx_matcher *m, const nx_text *text, const nx_tokens *toks, const uint8_t *enabled,
                      nx_vec *out, size_t *limit_hit) {
    (void)toks;
    size_t np = m->patterns.count;
    if (!np || !m->finished) return NX_OK;
    atoms A = {0};
    nx_status st = NX_OK;
    uint32_t *next = calloc(np, sizeof *next); /* per pattern: the first atom a match may start at */
    uint64_t *skip = calloc(m->words, sizeof *skip); /* patterns given up for this text */
    uint64_t *cand = calloc(m->words, sizeof *cand);
    pcre2_match_data *md = pcre2_match_data_create(8, NULL);
    if (!next || !skip || !cand || !md || atomize(text->work, text->len, &A)) st = NX_ERR_NOMEM;
    for (size_t p = 0; st == NX_OK && enabled && p < np; p++)
        if (!enabled[p]) skip[p / 64] |= UINT64_C(1) << (p % 64);
    vm v = {m, &A, text->work, md, {0}, 0, m->limits.match, NO_TARGET, 0, 0};
    const uint64_t *rows = m->rows.items;
    for (uint32_t pos = 0; st == NX_OK && pos < A.n; pos++) {
        const atom *a = &A.a[pos];
        for (size_t w = 0; w < m->words; w++) cand[w] = m->by_kind[a->kind][w];
        uint32_t row;
        if (nx_strmap_get(&m->by_word, atom_fold(&A, a), a->fold_len, &row))
            for (size_t w = 0; w < m->words; w++) cand[w] |= rows[row * m->words + w];
        for (size_t w = 0; w < m->words; w++) {
            uint64_t bits = cand[w] & ~skip[w];
            while (bits) {
                size_t p = w * 64 + (size_t)__builtin_ctzll(bits);
                bits &= bits - 1;
                if (pos < next[p]) continue;
                const pattern *pt = &NX_VEC_AT(&m->patterns, pattern, p);
                for (int g = 0; g < 2 * NX_GRP_COUNT; g++) v.caps[g] = NO_TARGET;
                v.steps = 0;
                int r = run(&v, pt->pc, pos);
                if (r < 0) { /* the step limit: give this pattern up for this text */
                    if (*limit_hit == SIZE_MAX) *limit_hit = p;
                    skip[w] |= UINT64_C(1) << (p % 64);
                    continue;
                }
                if (!r) continue;
                nx_pmatch *pm = nx_vec_push(out, sizeof *pm);
                if (!pm) {
                    st = NX_ERR_NOMEM;
                    break;
                }
                pm->b0 = a->b0;
                pm->b1 = A.a[v.end - 1].b1;
                pm->pattern = (uint16_t)p;
                for (int g = 0; g < NX_GRP_COUNT; g++) {
                    uint32_t s = v.caps[2 * g], e = v.caps[2 * g + 1];
                    if (s == NO_TARGET || e == NO_TARGET || e <= s) pm->g0[g] = pm->g1[g] = UINT32_MAX;
                    else pm->g0[g] = s, pm->g1[g] = e;
                }
                next[p] = v.end;
            }
        }
    }
    pcre2_match_data_free(md);
    free(next);
    free(skip);
    free(cand);
    free(A.a);
    free(A.fold.s);
    return st;
}

const nx_matcher_backend nx_matcher_tokens = {"tokens", create, add, finish, scan, free_matcher};
