/* model.c: nx_model_load(): finds the gazetteer directory, loads every
 * gazetteer, derives the month/weekday maps and pattern macros from them,
 * and compiles the patterns. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <utf8proc.h>

#include "error.h"
#include "fs.h"
#include "model.h"

#ifndef NX_DATA_DIR
#define NX_DATA_DIR ""
#endif
#ifndef NX_SOURCE_GAZETTEERS
#define NX_SOURCE_GAZETTEERS ""
#endif

void nx_model_options_init(nx_model_options *opts) { memset(opts, 0, sizeof *opts); }

static int is_dir(const char *p) {
    struct stat st;
    return p && *p && stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* The files in dir ending with suffix, in name order, as malloc'd paths
 * (none when dir does not exist). */
static nx_status list_files(const char *dir, const char *suffix, char ***out, size_t *n, nx_error *err) {
    *out = NULL;
    *n = 0;
    char **names;
    size_t n_names;
    nx_status st = nx_dir_names(dir, &names, &n_names);
    if (st == NX_ERR_IO) {
        if (errno == ENOENT) return NX_OK;
        nx_error_set(err, NX_ERR_IO, dir, 0, 0, "cannot read directory: %s", strerror(errno));
    }
    if (st != NX_OK) return st;
    char **paths = calloc(n_names ? n_names : 1, sizeof *paths);
    size_t cnt = 0;
    st = paths ? NX_OK : NX_ERR_NOMEM;
    for (size_t i = 0; st == NX_OK && i < n_names; i++) {
        if (!nx_has_suffix(names[i], suffix)) continue;
        size_t len = strlen(dir) + strlen(names[i]) + 2;
        if (!(paths[cnt] = malloc(len))) st = NX_ERR_NOMEM;
        else snprintf(paths[cnt++], len, "%s/%s", dir, names[i]);
    }
    nx_free_names(names, n_names);
    if (st != NX_OK) {
        nx_free_names(paths, cnt);
        return st;
    }
    *out = paths;
    *n = cnt;
    return NX_OK;
}

static const char *find_dir(const nx_model_options *opts) {
    if (opts && opts->gazetteer_dir) return opts->gazetteer_dir;
    const char *env = getenv("NERX_GAZETTEERS");
    if (env && *env) return env;
    if (is_dir(NX_DATA_DIR)) return NX_DATA_DIR;
    if (is_dir(NX_SOURCE_GAZETTEERS)) return NX_SOURCE_GAZETTEERS;
    if (is_dir("gazetteers")) return "gazetteers";
    return NULL;
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
 * (May, MAY, not may), as written for case=exact ones. Also fills `values`
 * (when not NULL) with the folded name -> number (the entries' value attribute). */
static nx_status class_macro(nx_model *m, int cls, const char *kind, char **out, nx_strmap *values) {
    const nx_gazetteer *g = &m->gaz;
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
        if (!values) continue;
        const char *v = e->value ? nx_gstr(g, e->value) : "";
        long num = strtol(v, NULL, 10);
        if (num <= 0) continue;
        char buf[128];
        size_t fl = nx_fold(s, strlen(s), buf, sizeof buf);
        if (fl > sizeof buf) continue;
        while (fl && buf[fl - 1] == '.') fl--;
        if (nx_strmap_put(values, buf, fl, (uint32_t)num)) st = NX_ERR_NOMEM;
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

/* Temporal words (temporal.tsv): "kind:folded surface" -> the pool offset
 * of the entry's value string, for the date stage (see model.h). */
static nx_status temporal_values(nx_model *m) {
    const nx_gazetteer *g = &m->gaz;
    for (size_t i = 0; i < g->n_entries; i++) {
        const nx_entry *e = &g->entries[i];
        if (e->cls != NX_G_TEMPORAL || !e->kind || !e->value) continue;
        const char *kind = nx_gstr(g, e->kind), *s = nx_gstr(g, e->surface);
        char buf[160];
        size_t kl = strlen(kind);
        if (kl + 1 >= sizeof buf) continue;
        memcpy(buf, kind, kl);
        buf[kl++] = ':';
        size_t fl = nx_fold(s, strlen(s), buf + kl, sizeof buf - kl);
        if (fl > sizeof buf - kl) continue;
        fl += kl;
        while (fl > kl && buf[fl - 1] == '.') fl--;
        if (nx_strmap_put(&m->temporal_value, buf, fl, e->value)) return NX_ERR_NOMEM;
    }
    return NX_OK;
}

nx_status nx_model_load(const nx_model_options *opts, nx_model **out, nx_error *err) {
    *out = NULL;
    if (err) memset(err, 0, sizeof *err);
    const char *dir = find_dir(opts);
    if (!dir || !is_dir(dir)) {
        nx_error_set(err, NX_ERR_IO, dir, 0, 0, "%s",
                     dir ? "gazetteer directory not found"
                         : "no gazetteer directory: pass --gazetteers DIR or set NERX_GAZETTEERS");
        return NX_ERR_IO;
    }
    nx_model *m = calloc(1, sizeof *m);
    if (!m) return NX_ERR_NOMEM;
    nx_gazetteer_init(&m->gaz);
    nx_patterns_init(&m->patterns);
    nx_strmap_init(&m->month_value);
    nx_strmap_init(&m->weekday_value);
    nx_strmap_init(&m->temporal_value);
    m->dir = strdup(dir);
    char **files = NULL, **pats = NULL, *month_re = NULL, *weekday_re = NULL, *pdir = NULL;
    /* {NUMBER}, {UNIT}, ...: the temporal words of each kind */
    static const struct { const char *macro, *kind; } tkinds[] = {
        {"NUMBER", "number"}, {"ORDINAL", "ordinal"}, {"UNIT", "unit"},       {"SEASON", "season"},
        {"DAYPART", "daypart"}, {"CLOCK", "clock"},   {"HOLIDAY", "holiday"}, {"REL", "rel"},
        {"TWORD", "word"},    {"TSET", "set"},
    };
    enum { N_TKINDS = sizeof tkinds / sizeof *tkinds };
    char *tkind_re[N_TKINDS] = {0};
    size_t nfiles = 0, npats = 0;
    nx_status st = m->dir ? list_files(dir, ".tsv", &files, &nfiles, err) : NX_ERR_NOMEM;
    if (st == NX_OK && opts && opts->n_extra_files) {
        char **nf = realloc(files, (nfiles + opts->n_extra_files) * sizeof *nf);
        if (!nf) st = NX_ERR_NOMEM;
        else {
            files = nf;
            for (size_t i = 0; i < opts->n_extra_files && st == NX_OK; i++) {
                files[nfiles] = strdup(opts->extra_files[i]);
                if (!files[nfiles]) st = NX_ERR_NOMEM;
                else nfiles++;
            }
        }
    }
    if (st == NX_OK && nfiles == 0) {
        nx_error_set(err, NX_ERR_IO, dir, 0, 0, "no *.tsv gazetteer files in the directory");
        st = NX_ERR_IO;
    }
    if (st == NX_OK) st = nx_gazetteer_load(&m->gaz, (const char *const *)files, nfiles, err);
    if (st == NX_OK) st = class_macro(m, NX_G_MONTH, NULL, &month_re, &m->month_value);
    if (st == NX_OK) st = class_macro(m, NX_G_WEEKDAY, NULL, &weekday_re, &m->weekday_value);
    for (size_t k = 0; k < N_TKINDS && st == NX_OK; k++)
        st = class_macro(m, NX_G_TEMPORAL, tkinds[k].kind, &tkind_re[k], NULL);
    if (st == NX_OK) st = temporal_values(m);
    if (st == NX_OK) {
        size_t len = strlen(dir) + 10;
        pdir = malloc(len);
        if (!pdir) st = NX_ERR_NOMEM;
        else {
            snprintf(pdir, len, "%s/patterns", dir);
            st = list_files(pdir, ".pat", &pats, &npats, err);
        }
    }
    if (st == NX_OK) {
        nx_pattern_macro macros[2 + N_TKINDS] = {{"MONTH", month_re}, {"WEEKDAY", weekday_re}};
        for (size_t k = 0; k < N_TKINDS; k++) macros[2 + k] = (nx_pattern_macro){tkinds[k].macro, tkind_re[k]};
        st = nx_patterns_load(&m->patterns, (const char *const *)pats, npats, macros, 2 + N_TKINDS, err);
    }
    for (size_t k = 0; k < N_TKINDS; k++) free(tkind_re[k]);
    nx_free_names(files, nfiles);
    nx_free_names(pats, npats);
    free(month_re);
    free(weekday_re);
    free(pdir);
    if (st != NX_OK) {
        if (err && err->status == NX_OK) nx_error_set(err, st, "", 0, 0, "%s", nx_strerror(st));
        nx_model_free(m);
        return st;
    }
    m->lex.abbreviations = &m->gaz.abbreviations;
    m->lex.no_sentence_end = &m->gaz.no_sentence_end;
    *out = m;
    return NX_OK;
}

void nx_model_free(nx_model *m) {
    if (!m) return;
    nx_gazetteer_free(&m->gaz);
    nx_patterns_free(&m->patterns);
    nx_strmap_free(&m->month_value);
    nx_strmap_free(&m->weekday_value);
    nx_strmap_free(&m->temporal_value);
    free(m->dir);
    free(m);
}

const char *nx_model_rule_name(const nx_model *m, nx_rule rule, uint16_t rule_src) {
    if (rule == NX_RULE_GAZETTEER) return rule_src < m->gaz.n_sources ? nx_gstr(&m->gaz, m->gaz.sources[rule_src].rule) : "gazetteer";
    if (rule == NX_RULE_PATTERN) return rule_src < m->patterns.count ? m->patterns.items[rule_src].rule : "pattern";
    return nx_rule_name(rule);
}

const char *nx_model_gazetteer_dir(const nx_model *m) { return m->dir; }
size_t nx_model_entry_count(const nx_model *m) { return m->gaz.n_entries; }
