/* patterns.c: loading .pat files, macro expansion, and running the
 * compiled patterns through the matcher backend. */
#include "patterns.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "error.h"
#include "fs.h"
#include "gazetteer.h"

void nx_patterns_init(nx_patterns *p) {
    memset(p, 0, sizeof *p);
    p->match_limit = 200000;
    p->depth_limit = 10000;
    p->backend = nx_matcher_backend_find(NULL);
}

void nx_patterns_free(nx_patterns *p) {
    if (!p) return;
    for (size_t i = 0; i < p->count; i++) {
        free(p->items[i].name);
        free(p->items[i].rule);
        free(p->items[i].file);
    }
    free(p->items);
    if (p->matcher) p->backend->free(p->matcher);
    memset(p, 0, sizeof *p);
}

/* A file's `@define NAME regex` (malloc'd strings). */
typedef struct define {
    char *name;
    char *body;
} define;

typedef nx_vec macro_set; /* define */

static const char *macro_find(const macro_set *m, const nx_pattern_macro *fixed, size_t n_fixed, const char *name,
                              size_t len) {
    const define *d = m->items;
    for (size_t i = m->count; i-- > 0;) /* a later @define overrides an earlier one */
        if (strlen(d[i].name) == len && memcmp(d[i].name, name, len) == 0) return d[i].body;
    for (size_t i = 0; i < n_fixed; i++)
        if (strlen(fixed[i].name) == len && memcmp(fixed[i].name, name, len) == 0) return fixed[i].regex;
    return NULL;
}

/* Expands {NAME} (upper-case letters, digits, _) where NAME is a macro;
 * other braces ({2,4}) are left alone. Macros may use earlier macros. */
static int expand(const char *re, size_t n, const macro_set *m, const nx_pattern_macro *fixed, size_t n_fixed,
                  nx_sbuf *out, const char **unknown) {
    out->len = 0;
    if (nx_sbuf_add(out, "", 0)) return -1;
    for (size_t i = 0; i < n;) {
        if (re[i] == '\\' && i + 1 < n) {
            if (nx_sbuf_add(out, re + i, 2)) return -1;
            i += 2;
            continue;
        }
        if (re[i] == '{' && i + 1 < n && re[i + 1] >= 'A' && re[i + 1] <= 'Z') {
            size_t j = i + 1;
            while (j < n && ((re[j] >= 'A' && re[j] <= 'Z') || (re[j] >= '0' && re[j] <= '9') || re[j] == '_')) j++;
            if (j < n && re[j] == '}') {
                const char *body = macro_find(m, fixed, n_fixed, re + i + 1, j - i - 1);
                if (!body) {
                    *unknown = re + i;
                    return 1;
                }
                if (nx_sbuf_add(out, "(?:", 3) || nx_sbuf_add(out, body, strlen(body)) || nx_sbuf_add(out, ")", 1)) return -1;
                i = j + 1;
                continue;
            }
        }
        if (nx_sbuf_add(out, re + i, 1)) return -1;
        i++;
    }
    return 0;
}

static nx_status load_file(nx_patterns *p, const char *path, macro_set *m, const nx_pattern_macro *fixed,
                           size_t n_fixed, nx_error *err) {
    FILE *f = fopen(path, "rb");
    if (!f) {
        nx_error_set(err, NX_ERR_IO, path, 0, 0, "cannot read pattern file: %s", strerror(errno));
        return NX_ERR_IO;
    }
    char *line = NULL;
    size_t cap = 0, lineno = 0;
    ssize_t got;
    nx_sbuf ex = {0};
    nx_status st = NX_OK;
    while ((got = getline(&line, &cap, f)) >= 0) {
        lineno++;
        size_t n = (size_t)got;
        while (n && (line[n - 1] == '\n' || line[n - 1] == '\r')) n--;
        line[n] = '\0';
        size_t s = 0;
        while (s < n && (line[s] == ' ' || line[s] == '\t')) s++;
        if (s == n || line[s] == '#') continue;
        char *t1 = memchr(line, '\t', n);
        char *t2 = t1 ? memchr(t1 + 1, '\t', n - (size_t)(t1 + 1 - line)) : NULL;
        if (!t1 || !t2) {
            nx_error_set(err, NX_ERR_PARSE, path, lineno, 1,
                    "expected name<TAB>type<TAB>regex (or @define<TAB>NAME<TAB>regex)");
            st = NX_ERR_PARSE;
            break;
        }
        const char *a = line, *b = t1 + 1, *re = t2 + 1;
        size_t al = (size_t)(t1 - line), bl = (size_t)(t2 - b), rl = n - (size_t)(re - line);
        const char *unknown = NULL;
        int r = expand(re, rl, m, fixed, n_fixed, &ex, &unknown);
        if (r < 0) {
            st = NX_ERR_NOMEM;
            break;
        }
        if (r > 0) {
            nx_error_set(err, NX_ERR_PARSE, path, lineno, (size_t)(unknown - line) + 1, "unknown macro in pattern");
            st = NX_ERR_PARSE;
            break;
        }
        if (al == 7 && memcmp(a, "@define", 7) == 0) {
            define *d = nx_vec_push(m, sizeof *d);
            if (!d || !(d->name = strndup(b, bl)) || !(d->body = strdup(ex.s))) {
                st = NX_ERR_NOMEM; /* a half-made define is freed with the set */
                break;
            }
            continue;
        }
        int type = nx_pat_type_from_name(b, bl);
        if (type < 0) {
            nx_error_set(err, NX_ERR_PARSE, path, lineno, (size_t)(b - line) + 1,
                    "unknown pattern type (date, time, duration, set or skip)");
            st = NX_ERR_PARSE;
            break;
        }
        if (!p->matcher) {
            nx_matcher_limits limits = {p->match_limit, p->depth_limit};
            if (!(p->matcher = p->backend->create(&limits))) {
                st = NX_ERR_NOMEM;
                break;
            }
        }
        nx_pattern *np = realloc(p->items, (p->count + 1) * sizeof *np);
        if (!np) {
            st = NX_ERR_NOMEM;
            break;
        }
        p->items = np;
        nx_pattern *pt = &p->items[p->count];
        memset(pt, 0, sizeof *pt);
        pt->type = (nx_pat_type)type;
        pt->name = strndup(a, al);
        pt->file = strdup(path);
        pt->line = lineno;
        size_t rn = al + 6;
        pt->rule = malloc(rn + 1);
        if (pt->name && pt->file && pt->rule) {
            snprintf(pt->rule, rn + 1, "%s:%.*s", nx_pat_type_rule_prefix((nx_pat_type)type), (int)al, a);
            nx_pattern_def def = {pt->name, ex.s, ex.len, path, lineno, (size_t)(re - line) + 1};
            st = p->backend->add(p->matcher, &def, err);
        } else {
            st = NX_ERR_NOMEM;
        }
        if (st != NX_OK) {
            free(pt->name), free(pt->file), free(pt->rule);
            break;
        }
        p->count++;
    }
    free(line);
    free(ex.s);
    fclose(f);
    if (st == NX_ERR_NOMEM) nx_error_set(err, st, path, lineno, 0, "out of memory");
    return st;
}

nx_status nx_patterns_load(nx_patterns *p, const char *const *paths, size_t n, const nx_pattern_macro *macros,
                           size_t n_macros, nx_error *err) {
    nx_status st = NX_OK;
    for (size_t i = 0; i < n && st == NX_OK; i++) {
        macro_set m = {0}; /* @define is local to its file */
        st = load_file(p, paths[i], &m, macros, n_macros, err);
        for (size_t k = 0; k < m.count; k++) free(NX_VEC_AT(&m, define, k).name), free(NX_VEC_AT(&m, define, k).body);
        nx_vec_free(&m);
    }
    if (p->count > UINT16_MAX) return NX_ERR_LIMIT;
    if (st == NX_OK && p->matcher && p->backend->finish) st = p->backend->finish(p->matcher, err);
    return st;
}

static int cmp_match(const void *a, const void *b) {
    const nx_pmatch *x = a, *y = b;
    if (x->b0 != y->b0) return x->b0 < y->b0 ? -1 : 1;
    if (x->b1 != y->b1) return x->b1 > y->b1 ? -1 : 1;
    return x->pattern < y->pattern ? -1 : x->pattern > y->pattern;
}

nx_status nx_patterns_run(const nx_patterns *p, nx_arena *arena, const nx_text *text, const nx_tokens *toks,
                          nx_pmatch **out, size_t *n_out, const char **limit_hit) {
    *out = NULL;
    *n_out = 0;
    *limit_hit = NULL;
    if (!p->count || !text->len) return NX_OK;
    nx_vec v = {0};
    size_t limit = SIZE_MAX;
    nx_status st = p->backend->scan(p->matcher, text, toks, &v, &limit);
    if (limit < p->count) *limit_hit = p->items[limit].rule;
    if (st == NX_OK && v.count) {
        qsort(v.items, v.count, sizeof(nx_pmatch), cmp_match);
        *out = nx_arena_alloc_uninit(arena, v.count * sizeof(nx_pmatch));
        if (!*out) st = NX_ERR_NOMEM;
        else {
            memcpy(*out, v.items, v.count * sizeof(nx_pmatch));
            *n_out = v.count;
        }
    }
    nx_vec_free(&v);
    return st;
}

/* ---- pattern macros from gazetteer classes --------------------------------
 * {MONTH} is every month name of every language we load (hundreds). As a
 * plain alternation PCRE2 would try each name at every word start; as a
 * character trie ("ju(?:ly|ne)") it tries one branch per character. */

typedef struct ctrie {
    int32_t cp;          /* the character on the edge into this node */
    int terminal;
    struct ctrie *kids;  /* first child */
    struct ctrie *next;  /* next sibling */
} ctrie;

static void ctrie_free(ctrie *t) {
    while (t) {
        ctrie *n = t->next;
        ctrie_free(t->kids);
        free(t);
        t = n;
    }
}

/* Adds s (periods at the end dropped) under root; with `fold`, lower-cased
 * and with any white space as a space, else as written. */
static int ctrie_add(ctrie *root, const char *s, size_t len, int fold) {
    while (len && s[len - 1] == '.') len--; /* patterns add \.? themselves */
    ctrie *node = root;
    for (size_t i = 0; i < len;) {
        int32_t cp;
        i += nx_utf8_next(s, len, i, &cp);
        if (fold) cp = nx_is_space(cp) ? ' ' : utf8proc_tolower(cp);
        ctrie **link = &node->kids;
        while (*link && (*link)->cp < cp) link = &(*link)->next;
        if (!*link || (*link)->cp != cp) {
            ctrie *k = calloc(1, sizeof *k);
            if (!k) return -1;
            k->cp = cp;
            k->next = *link;
            *link = k;
        }
        node = *link;
    }
    if (node != root) node->terminal = 1;
    return 0;
}

static int emit_char(nx_sbuf *b, int32_t cp) {
    if (cp == ' ') return nx_sbuf_add(b, "\\s+", 3);
    if (cp < 0x80 && strchr("\\^$.|?*+()[]{}#-", (int)cp)) {
        char e[2] = {'\\', (char)cp};
        return nx_sbuf_add(b, e, 2);
    }
    utf8proc_uint8_t enc[4];
    utf8proc_ssize_t n = utf8proc_encode_char(cp, enc);
    return nx_sbuf_add(b, (const char *)enc, (size_t)n);
}

static int ctrie_emit(const ctrie *node, nx_sbuf *b) {
    const ctrie *k = node->kids;
    if (!k) return 0;
    int many = k->next != NULL || node->terminal;
    if (many && nx_sbuf_add(b, "(?:", 3)) return -1;
    for (; k; k = k->next) {
        if (emit_char(b, k->cp) || ctrie_emit(k, b)) return -1;
        if (k->next && nx_sbuf_add(b, "|", 1)) return -1;
    }
    if (many && nx_sbuf_add(b, node->terminal ? ")?" : ")", node->terminal ? 2 : 1)) return -1;
    return 0;
}

/* A regex matching every entry of one class (and kind, when `kind` is not
 * NULL): case-insensitive for ordinary entries, capitalised for case=cap ones
 * (May, MAY, not may), as written for case=exact ones. */
static nx_status class_macro(const nx_gazetteer *g, int cls, const char *kind, char **out) {
    ctrie fold = {0}, exact = {0};
    nx_sbuf b = {0}, cap = {0};
    nx_status st = NX_OK;
    for (size_t i = 0; i < g->n_entries && st == NX_OK; i++) {
        const nx_entry *e = &g->entries[i];
        if (e->cls != cls) continue;
        if (kind && strcmp(nx_gstr(g, e->kind), kind) != 0) continue;
        const char *s = nx_gstr(g, e->surface);
        if (e->case_rule == NX_CASE_CAP) {
            /* M(?i:arch): a capital, then any case */
            size_t len = strlen(s);
            while (len && s[len - 1] == '.') len--;
            int32_t cp;
            size_t k = len ? nx_utf8_next(s, len, 0, &cp) : 0;
            if (!k) continue;
            if ((cap.len && nx_sbuf_add(&cap, "|", 1)) || emit_char(&cap, cp) || nx_sbuf_add(&cap, "(?i:", 4)) st = NX_ERR_NOMEM;
            for (size_t j = k; j < len && st == NX_OK;) {
                j += nx_utf8_next(s, len, j, &cp);
                if (emit_char(&cap, nx_is_space(cp) ? ' ' : cp)) st = NX_ERR_NOMEM;
            }
            if (st == NX_OK && nx_sbuf_add(&cap, ")", 1)) st = NX_ERR_NOMEM;
        } else if (ctrie_add(e->case_rule == NX_CASE_EXACT ? &exact : &fold, s, strlen(s),
                             e->case_rule != NX_CASE_EXACT)) {
            st = NX_ERR_NOMEM; /* exact entries keep their case: added as written */
        }
    }
    if (st == NX_OK && fold.kids) {
        if (nx_sbuf_add(&b, "(?i:", 4) || ctrie_emit(&fold, &b) || nx_sbuf_add(&b, ")", 1)) st = NX_ERR_NOMEM;
    }
    if (st == NX_OK && exact.kids) {
        if ((b.len && nx_sbuf_add(&b, "|", 1)) || ctrie_emit(&exact, &b)) st = NX_ERR_NOMEM;
    }
    if (st == NX_OK && cap.len) {
        if ((b.len && nx_sbuf_add(&b, "|", 1)) || nx_sbuf_add(&b, cap.s, cap.len)) st = NX_ERR_NOMEM;
    }
    free(cap.s);
    /* a class with no entries must still compile and never match */
    if (st == NX_OK && !b.len && nx_sbuf_add(&b, "(?!)", 4)) st = NX_ERR_NOMEM;
    ctrie_free(fold.kids);
    ctrie_free(exact.kids);
    if (st != NX_OK) {
        free(b.s);
        return st;
    }
    *out = b.s;
    return NX_OK;
}

nx_status nx_patterns_load_dir(nx_patterns *p, const nx_gazetteer *g, const char *dir, nx_error *err) {
    /* {NUMBER}, {UNIT}, ...: the temporal words of each kind */
    static const struct {
        const char *macro, *kind;
    } tkinds[] = {
        {"NUMBER", "number"},   {"ORDINAL", "ordinal"}, {"UNIT", "unit"},       {"SEASON", "season"},
        {"DAYPART", "daypart"}, {"CLOCK", "clock"},     {"HOLIDAY", "holiday"}, {"REL", "rel"},
        {"TWORD", "word"},      {"TSET", "set"},
    };
    enum { N_TKINDS = sizeof tkinds / sizeof *tkinds };
    char *tkind_re[N_TKINDS] = {0}, *month_re = NULL, *weekday_re = NULL, *pdir = NULL, **pats = NULL;
    size_t npats = 0;
    nx_status st = class_macro(g, NX_G_MONTH, NULL, &month_re);
    if (st == NX_OK) st = class_macro(g, NX_G_WEEKDAY, NULL, &weekday_re);
    for (size_t k = 0; k < N_TKINDS && st == NX_OK; k++) st = class_macro(g, NX_G_TEMPORAL, tkinds[k].kind, &tkind_re[k]);
    if (st == NX_OK) {
        size_t len = strlen(dir) + 10;
        pdir = malloc(len);
        if (!pdir) st = NX_ERR_NOMEM;
        else {
            snprintf(pdir, len, "%s/patterns", dir);
            st = nx_list_files(pdir, ".pat", &pats, &npats, err);
        }
    }
    if (st == NX_OK) {
        nx_pattern_macro macros[2 + N_TKINDS] = {{"MONTH", month_re}, {"WEEKDAY", weekday_re}};
        for (size_t k = 0; k < N_TKINDS; k++) macros[2 + k] = (nx_pattern_macro){tkinds[k].macro, tkind_re[k]};
        st = nx_patterns_load(p, (const char *const *)pats, npats, macros, 2 + N_TKINDS, err);
    }
    for (size_t k = 0; k < N_TKINDS; k++) free(tkind_re[k]);
    nx_free_names(pats, npats);
    free(month_re);
    free(weekday_re);
    free(pdir);
    return st;
}
