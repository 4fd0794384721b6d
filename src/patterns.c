/* patterns.c: loading .pat files, macro expansion, and running the
 * compiled patterns through the matcher backend. */
#include "patterns.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "error.h"
#include "fs.h"
#include "gazetteer.h"
#include "tokpat.h"

void nx_patterns_init(nx_patterns *p) {
    memset(p, 0, sizeof *p);
    p->match_limit = 200000;
    p->depth_limit = 10000;
    p->engines[NX_ENGINE_REGEX].backend = &nx_matcher_pcre2;
    p->engines[NX_ENGINE_TOKENS].backend = &nx_matcher_tokens;
}

void nx_patterns_free(nx_patterns *p) {
    if (!p) return;
    for (size_t i = 0; i < p->count; i++) {
        free(p->items[i].name);
        free(p->items[i].rule);
        free(p->items[i].file);
        for (size_t k = 0; k < p->items[i].n_needs; k++) free(p->items[i].needs[k]);
        free(p->items[i].needs);
    }
    free(p->items);
    for (int e = 0; e < NX_ENGINE_COUNT; e++) {
        if (p->engines[e].matcher) p->engines[e].backend->free(p->engines[e].matcher);
        nx_vec_free(&p->engines[e].global);
        free(p->engines[e].no_needs);
        free(p->engines[e].needs);
        free(p->engines[e].groups);
    }
    memset(p, 0, sizeof *p);
}

/* The engine of an engine index, created on first use. */
static nx_status engine(nx_patterns *p, int e, nx_matcher **out) {
    nx_pattern_engine *en = &p->engines[e];
    if (!en->matcher) {
        nx_matcher_limits limits = {p->match_limit, p->depth_limit, p->gaz};
        if (!(en->matcher = en->backend->create(&limits))) return NX_ERR_NOMEM;
    }
    *out = en->matcher;
    return NX_OK;
}

/* The needs= attribute of a pattern line: strings separated by '|'. */
static nx_status parse_needs(nx_pattern *pt, const char *v, size_t n) {
    for (size_t i = 0; i <= n;) {
        size_t j = i;
        while (j < n && v[j] != '|') j++;
        if (j > i) {
            char **nn = realloc(pt->needs, (pt->n_needs + 1) * sizeof *nn);
            if (!nn) return NX_ERR_NOMEM;
            pt->needs = nn;
            if (!(pt->needs[pt->n_needs] = strndup(v + i, j - i))) return NX_ERR_NOMEM;
            pt->n_needs++;
        }
        i = j + 1;
    }
    return NX_OK;
}

static nx_status load_file(nx_patterns *p, const char *path, nx_error *err) {
    FILE *f = fopen(path, "rb");
    if (!f) {
        nx_error_set(err, NX_ERR_IO, path, 0, 0, "cannot read pattern file: %s", strerror(errno));
        return NX_ERR_IO;
    }
    char *line = NULL;
    size_t cap = 0, lineno = 0;
    ssize_t got;
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
                         "expected name<TAB>type<TAB>pattern (or @define<TAB>NAME<TAB>pattern)");
            st = NX_ERR_PARSE;
            break;
        }
        const char *a = line, *b = t1 + 1, *re = t2 + 1;
        size_t al = (size_t)(t1 - line), bl = (size_t)(t2 - b);
        /* an optional fourth column of key=value attributes */
        const char *t3 = memchr(re, '\t', n - (size_t)(re - line));
        size_t rl = (t3 ? (size_t)(t3 - re) : n - (size_t)(re - line));
        int is_define = al == 7 && memcmp(a, "@define", 7) == 0;
        int type = is_define ? -1 : nx_pat_type_from_name(b, bl);
        if (!is_define && type < 0) {
            nx_error_set(err, NX_ERR_PARSE, path, lineno, (size_t)(b - line) + 1,
                         "unknown pattern type (date, time, duration, set or skip)");
            st = NX_ERR_PARSE;
            break;
        }
        /* skip patterns are regular expressions; the rest token patterns */
        int eng = !is_define && type == NX_PAT_SKIP ? NX_ENGINE_REGEX : NX_ENGINE_TOKENS;
        const char *src = re;
        size_t src_len = rl;
        nx_matcher *mt;
        if ((st = engine(p, eng, &mt)) != NX_OK) break;
        if (is_define) {
            char *name = strndup(b, bl);
            nx_pattern_def def = {name, src, src_len, path, lineno, (size_t)(re - line) + 1, 1};
            st = name ? p->engines[eng].backend->add(mt, &def, err) : NX_ERR_NOMEM;
            free(name);
            if (st != NX_OK) break;
            continue;
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
        pt->engine = (uint8_t)eng;
        pt->local = (uint16_t)p->engines[eng].global.count;
        size_t rn = al + 6;
        pt->rule = malloc(rn + 1);
        if (pt->name && pt->file && pt->rule) {
            snprintf(pt->rule, rn + 1, "%s:%.*s", nx_pat_type_rule_prefix((nx_pat_type)type), (int)al, a);
            for (const char *at = t3; at && st == NX_OK;) { /* attributes */
                at++;
                const char *end = strchr(at, '\t');
                size_t len = end ? (size_t)(end - at) : strlen(at);
                if (len > 6 && !memcmp(at, "needs=", 6)) st = parse_needs(pt, at + 6, len - 6);
                at = end;
            }
            nx_pattern_def def = {pt->name, src, src_len, path, lineno, (size_t)(re - line) + 1, 0};
            if (st == NX_OK) st = p->engines[eng].backend->add(mt, &def, err);
        } else {
            st = NX_ERR_NOMEM;
        }
        uint16_t *g = st == NX_OK ? nx_vec_push(&p->engines[eng].global, sizeof *g) : NULL;
        if (st == NX_OK && !g) st = NX_ERR_NOMEM;
        if (st != NX_OK) {
            free(pt->name), free(pt->file), free(pt->rule);
            for (size_t k = 0; k < pt->n_needs; k++) free(pt->needs[k]);
            free(pt->needs);
            break;
        }
        *g = (uint16_t)p->count;
        p->count++;
    }
    free(line);
    fclose(f);
    if (st == NX_ERR_NOMEM) nx_error_set(err, st, path, lineno, 0, "out of memory");
    return st;
}

static nx_status plan_needs(const nx_patterns *p, nx_pattern_engine *en);

nx_status nx_patterns_load(nx_patterns *p, const char *const *paths, size_t n, nx_error *err) {
    nx_status st = NX_OK;
    for (size_t i = 0; i < n && st == NX_OK; i++) st = load_file(p, paths[i], err);
    if (p->count > UINT16_MAX) return NX_ERR_LIMIT;
    for (int e = 0; e < NX_ENGINE_COUNT && st == NX_OK; e++)
        if (p->engines[e].matcher && p->engines[e].backend->finish)
            st = p->engines[e].backend->finish(p->engines[e].matcher, err);
    for (int e = 0; e < NX_ENGINE_COUNT && st == NX_OK; e++) st = plan_needs(p, &p->engines[e]);
    if (st == NX_ERR_NOMEM) nx_error_set(err, st, NULL, 0, 0, "out of memory");
    return st;
}

static int cmp_match(const void *a, const void *b) {
    const nx_pmatch *x = a, *y = b;
    if (x->b0 != y->b0) return x->b0 < y->b0 ? -1 : 1;
    if (x->b1 != y->b1) return x->b1 > y->b1 ? -1 : 1;
    return x->pattern < y->pattern ? -1 : x->pattern > y->pattern;
}

static unsigned char lower_ascii(unsigned char c) { return (unsigned)(c - 'A') < 26u ? (unsigned char)(c + 32) : c; }

/* Whether t[0..n) is need (ASCII letters in any case). */
static int need_at(const char *t, size_t n, const char *need) {
    size_t k = 0;
    for (; need[k]; k++)
        if (k >= n || lower_ascii((unsigned char)t[k]) != lower_ascii((unsigned char)need[k])) return 0;
    return 1;
}

static void add_either_case(uint8_t *set, unsigned char b) {
    unsigned char lb = lower_ascii(b), ub = (unsigned)(lb - 'a') < 26u ? (unsigned char)(lb - 32) : lb;
    set[lb / 8] |= (uint8_t)(1u << (lb % 8));
    set[ub / 8] |= (uint8_t)(1u << (ub % 8));
}

static int in_set(const uint8_t *set, unsigned char b) { return b && (set[b / 8] >> (b % 8)) & 1; }

/* Where a need is looked for: at its first byte that is no letter (the '.'
 * of ".jpg" and of "www.", the ':' of "://"), which prose holds far less
 * often than any letter; a need of letters only, at its first byte. */
static size_t key_of(const char *need) {
    for (size_t k = 0; need[k]; k++)
        if ((unsigned)(lower_ascii((unsigned char)need[k]) - 'a') >= 26u) return k;
    return 0;
}

/* Works out, once per model, what meet_needs() goes through for every
 * document: which of the engine's patterns have no needs, and every need
 * by its key byte (see key_of), grouped by that byte, each group with the
 * bytes its needs may have just before and after their key (either case),
 * by the shape of the need: one that starts at its key wants only its byte
 * after (".jpg"), one that ends there only its byte before ("www."), one
 * that does neither both, one of a single byte nothing. */
static nx_status plan_needs(const nx_patterns *p, nx_pattern_engine *en) {
    free(en->no_needs);
    free(en->needs);
    free(en->groups);
    en->no_needs = NULL, en->needs = NULL, en->groups = NULL;
    en->n_no_needs = en->n_needs = en->n_groups = 0;
    size_t nl = en->global.count, n_needs = 0;
    if (!nl) return NX_OK;
    if (!(en->no_needs = malloc(nl))) return NX_ERR_NOMEM;
    for (size_t k = 0; k < nl; k++) {
        const nx_pattern *pt = &p->items[NX_VEC_AT(&en->global, uint16_t, k)];
        en->no_needs[k] = pt->n_needs == 0;
        en->n_no_needs += en->no_needs[k];
        n_needs += pt->n_needs;
    }
    if (!n_needs) return NX_OK;
    en->needs = malloc(n_needs * sizeof *en->needs);
    en->groups = calloc(n_needs, sizeof *en->groups);
    if (!en->needs || !en->groups) return NX_ERR_NOMEM;
    nx_need *needs = en->needs;
    size_t nn = 0;
    for (size_t k = 0; k < nl; k++) {
        const nx_pattern *pt = &p->items[NX_VEC_AT(&en->global, uint16_t, k)];
        for (size_t i = 0; i < pt->n_needs; i++) {
            /* in order of their lower-case key byte (an insertion sort: a few dozen) */
            nx_need d = {pt->needs[i], k, key_of(pt->needs[i])};
            unsigned char c = lower_ascii((unsigned char)d.s[d.key]);
            size_t at = nn++;
            while (at > 0 && lower_ascii((unsigned char)needs[at - 1].s[needs[at - 1].key]) > c) needs[at] = needs[at - 1], at--;
            needs[at] = d;
        }
    }
    en->n_needs = nn;
    for (size_t lo = 0, hi; lo < nn; lo = hi) {
        int c = lower_ascii((unsigned char)needs[lo].s[needs[lo].key]);
        for (hi = lo + 1; hi < nn && lower_ascii((unsigned char)needs[hi].s[needs[hi].key]) == c;) hi++;
        nx_need_group *g = &en->groups[en->n_groups++];
        g->lo = lo, g->hi = hi, g->c = c;
        g->up = (unsigned)(c - 'a') < 26u ? c - 32 : -1; /* a letter is found in either case */
        for (size_t i = lo; i < hi; i++) {
            const nx_need *d = &needs[i];
            int starts = d->key == 0, ends = d->s[d->key + 1] == '\0';
            if (starts && ends) g->single = 1;
            if (!ends) add_either_case(starts ? g->after_s : g->after_n, (unsigned char)d->s[d->key + 1]);
            if (!starts) add_either_case(ends ? g->before_e : g->before_n, (unsigned char)d->s[d->key - 1]);
        }
    }
    return NX_OK;
}

/* Sets enabled[k] for each of an engine's patterns whose needs= the text
 * meets (or that has none), through the engine's plan (plan_needs): one
 * memchr pass for each key byte (two for a letter, one per case), and at
 * each place it is found, every unmet need of the group is compared there
 * (a dozen file extensions and "www." cost one pass for '.'). A place is
 * first tested against the bytes the group's needs may have just before
 * and after their key: most '.' in prose end a sentence, followed by white
 * space. Returns whether any pattern is enabled. */
static int meet_needs(const nx_pattern_engine *en, const nx_text *text, uint8_t *enabled) {
    size_t nl = en->global.count, pending = nl - en->n_no_needs;
    memcpy(enabled, en->no_needs, nl);
    int any = en->n_no_needs > 0;
    const char *t = text->work, *end = t + text->len;
    for (size_t gi = 0; gi < en->n_groups && pending; gi++) {
        const nx_need_group *g = &en->groups[gi];
        for (const char *x = t; x < end && pending;) {
            const char *a = memchr(x, g->c, (size_t)(end - x));
            const char *b = g->up >= 0 ? memchr(x, g->up, (size_t)((a ? a : end) - x)) : NULL;
            const char *h = b ? b : a;
            if (!h) break;
            x = h + 1;
            /* 0 stands for the text's edge: no need has a NUL byte */
            unsigned char na = h + 1 < end ? (unsigned char)h[1] : 0, nb = h > t ? (unsigned char)h[-1] : 0;
            if (!g->single && !in_set(g->after_s, na) && !in_set(g->before_e, nb) &&
                !(in_set(g->after_n, na) && in_set(g->before_n, nb)))
                continue;
            for (size_t i = g->lo; i < g->hi; i++) {
                const nx_need *d = &en->needs[i];
                if (enabled[d->k] || (size_t)(h - t) < d->key) continue;
                if (need_at(h - d->key, (size_t)(end - (h - d->key)), d->s)) {
                    enabled[d->k] = 1;
                    any = 1;
                    pending--;
                }
            }
        }
    }
    return any;
}

nx_status nx_patterns_run(const nx_patterns *p, nx_arena *arena, const nx_text *text, const nx_tokens *toks,
                          nx_pmatch **out, size_t *n_out, const char **limit_hit) {
    *out = NULL;
    *n_out = 0;
    *limit_hit = NULL;
    if (!p->count || !text->len) return NX_OK;
    nx_vec v = {0};
    nx_status st = NX_OK;
    for (int e = 0; e < NX_ENGINE_COUNT && st == NX_OK; e++) {
        const nx_pattern_engine *en = &p->engines[e];
        if (!en->matcher) continue;
        /* patterns whose needs= the text does not meet are left out */
        size_t nl = en->global.count;
        uint8_t stack[256], *enabled = nl <= sizeof stack ? stack : malloc(nl);
        if (!enabled) return NX_ERR_NOMEM;
        int any = meet_needs(en, text, enabled);
        size_t first = v.count, limit = SIZE_MAX;
        if (any) st = en->backend->scan(en->matcher, text, toks, enabled, &v, &limit);
        if (enabled != stack) free(enabled);
        if (limit < nl && !*limit_hit) *limit_hit = p->items[NX_VEC_AT(&en->global, uint16_t, limit)].rule;
        for (size_t k = first; k < v.count; k++) { /* the engine's indexes to the model's */
            nx_pmatch *m = &NX_VEC_AT(&v, nx_pmatch, k);
            m->pattern = NX_VEC_AT(&en->global, uint16_t, m->pattern);
        }
    }
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

nx_status nx_patterns_load_dir(nx_patterns *p, const nx_gazetteer *g, const char *dir, nx_error *err) {
    char **pats = NULL;
    size_t npats = 0, len = strlen(dir) + 10;
    char *pdir = malloc(len);
    if (!pdir) return NX_ERR_NOMEM;
    snprintf(pdir, len, "%s/patterns", dir);
    p->gaz = g;
    nx_status st = nx_list_files(pdir, ".pat", &pats, &npats, err);
    if (st == NX_OK) st = nx_patterns_load(p, (const char *const *)pats, npats, err);
    nx_free_names(pats, npats);
    free(pdir);
    return st;
}
