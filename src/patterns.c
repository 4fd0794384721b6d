/* patterns.c: loading .pat files, macro expansion, and running the
 * compiled patterns through the matcher backend. */
#include "patterns.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

#include "error.h"
#include "fs.h"
#include "gazetteer.h"
#include "tokpat.h"

static nx_status plan_needs(const nx_patterns *p, nx_pattern_engine *en);

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
        free(p->items[i].source);
        for (size_t k = 0; k < p->items[i].n_needs; k++) free(p->items[i].needs[k]);
        free(p->items[i].needs);
    }
    free(p->items);
    for (size_t i = 0; i < p->n_files; i++) free(p->files[i]);
    free(p->files);
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
        if (eng == NX_ENGINE_REGEX) { /* the model file keeps it (the token engine's program is kept whole) */
            pt->source = strndup(src, src_len);
            pt->column = (size_t)(re - line) + 1;
        }
        if (pt->name && pt->file && pt->rule && (eng != NX_ENGINE_REGEX || pt->source)) {
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
            free(pt->name), free(pt->file), free(pt->rule), free(pt->source);
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
        /* a text has a few matches as a rule, mostly in order already: an
         * insertion sort of their indexes, each match then copied once to
         * its place (a match is large, and qsort's calls of cmp_match cost
         * more than the sort); more go through qsort. The order is total
         * (a pattern's matches do not overlap), so either gives it. */
        enum { FEW = 32 };
        nx_pmatch *items = v.items;
        if (v.count > FEW) qsort(items, v.count, sizeof(nx_pmatch), cmp_match);
        *out = nx_arena_alloc_uninit(arena, v.count * sizeof(nx_pmatch));
        if (!*out) st = NX_ERR_NOMEM;
        else if (v.count > FEW) memcpy(*out, items, v.count * sizeof(nx_pmatch));
        else {
            uint8_t order[FEW];
            for (size_t k = 0; k < v.count; k++) {
                size_t at = k;
                while (at > 0 && cmp_match(&items[order[at - 1]], &items[k]) > 0) order[at] = order[at - 1], at--;
                order[at] = (uint8_t)k;
            }
            for (size_t k = 0; k < v.count; k++) (*out)[k] = items[order[k]];
        }
        if (*out) *n_out = v.count;
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

/* ---- the patterns in the model file ------------------------------------------
 * Section NX_MS_PATTERN_LIST: what nx_patterns holds besides the engines
 * (docs/model-file.md); NX_MS_TOKEN_PROGRAM: the token engine, finished. */

enum { LIST_MAGIC = 0x31534C50u /* "PLS1" */ };

static const char *base_name(const char *path) {
    const char *s = strrchr(path, '/');
    return s ? s + 1 : path;
}

/* Whether s is valid UTF-8 (the PCRE2 backend compiles a regex without
 * checking: its .pat file was checked as text). */
static int valid_utf8(const char *s) {
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
    for (utf8proc_ssize_t i = 0, n = (utf8proc_ssize_t)strlen(s), k; i < n; i += k) {
        utf8proc_int32_t cp;
        if ((k = utf8proc_iterate(p + i, n - i, &cp)) <= 0) return 0;
    }
    return 1;
}

/* Copies a stream into a new section of w (aligned to 64 bytes: the token
 * program's arrays are read in place). */
static nx_status add_section(nx_mfile_writer *w, uint32_t id, const nx_mstream *s) {
    if (s->oom) return NX_ERR_NOMEM;
    void *d = nx_mfile_writer_reserve(w, id, 64, s->len);
    if (!d) return NX_ERR_NOMEM;
    if (s->len) memcpy(d, s->s, s->len);
    return NX_OK;
}

nx_status nx_patterns_save(const nx_patterns *p, const char *const *files, size_t n_files, nx_mfile_writer *w) {
    nx_mstream s = {0};
    nx_ms_u32(&s, LIST_MAGIC);
    nx_ms_u32(&s, (uint32_t)n_files);
    for (size_t i = 0; i < n_files; i++) nx_ms_str(&s, base_name(files[i]));
    nx_ms_u32(&s, (uint32_t)p->count);
    for (size_t i = 0; i < p->count; i++) {
        const nx_pattern *pt = &p->items[i];
        nx_ms_str(&s, pt->name);
        nx_ms_u32(&s, (uint32_t)pt->type);
        nx_ms_str(&s, pt->file);
        nx_ms_u64(&s, pt->line);
        nx_ms_u8(&s, pt->engine);
        nx_ms_u32(&s, pt->local);
        nx_ms_u32(&s, (uint32_t)pt->n_needs);
        for (size_t k = 0; k < pt->n_needs; k++) nx_ms_str(&s, pt->needs[k]);
        nx_ms_str(&s, pt->source);
        nx_ms_u64(&s, pt->column);
    }
    const nx_matcher *tm = p->engines[NX_ENGINE_TOKENS].matcher;
    nx_ms_u8(&s, tm != NULL);
    nx_status st = add_section(w, NX_MS_PATTERN_LIST, &s);
    free(s.s);
    if (st == NX_OK && tm) {
        nx_mstream t = {0};
        st = nx_tokpat_save(tm, &t);
        if (st == NX_OK) st = add_section(w, NX_MS_TOKEN_PROGRAM, &t);
        free(t.s);
    }
    return st;
}

/* Reads the pattern list into p; *has_tokens: a token program follows.
 * NULL, or what is wrong; *oom when out of memory. */
static const char *read_list(nx_patterns *p, nx_mreader *r, int *has_tokens, int *oom) {
    if (nx_mr_u32(r) != LIST_MAGIC) return "is not a pattern list";
    uint32_t nf = nx_mr_u32(r);
    if (!nx_mr_array(r, nf, 4)) return "is cut short";
    r->at -= (size_t)nf * 4;
    if (nf && !(p->files = calloc(nf, sizeof *p->files))) return *oom = 1, "";
    for (; p->n_files < nf; p->n_files++)
        if (!(p->files[p->n_files] = nx_mr_str(r))) return r->bad == 2 ? (*oom = 1, "") : "is cut short";
    uint32_t n = nx_mr_u32(r);
    /* (a pattern takes 41 bytes at the least) */
    if (n > UINT16_MAX || !nx_mr_array(r, n, 41)) return "is cut short";
    r->at -= (size_t)n * 41;
    if (n && !(p->items = calloc(n, sizeof *p->items))) return *oom = 1, "";
    size_t local[NX_ENGINE_COUNT] = {0};
    while (p->count < n) {
        nx_pattern *pt = &p->items[p->count++]; /* (counted now: freed with p on any error) */
        pt->name = nx_mr_str(r);
        uint32_t type = nx_mr_u32(r);
        pt->file = nx_mr_str(r);
        pt->line = (size_t)nx_mr_u64(r);
        pt->engine = nx_mr_u8(r);
        uint32_t loc = nx_mr_u32(r), nn = nx_mr_u32(r);
        if (r->bad == 2) return *oom = 1, "";
        if (!pt->name || !pt->file || r->bad) return "is cut short";
        if (type >= NX_PAT_TYPE_COUNT || pt->engine >= NX_ENGINE_COUNT ||
            (pt->engine == NX_ENGINE_REGEX) != (type == NX_PAT_SKIP) || loc != local[pt->engine])
            return "has a pattern of a bad type or engine";
        pt->type = (nx_pat_type)type;
        pt->local = (uint16_t)loc;
        local[pt->engine]++;
        if (!nx_mr_array(r, nn, 4)) return "is cut short";
        r->at -= (size_t)nn * 4;
        if (nn && !(pt->needs = calloc(nn, sizeof *pt->needs))) return *oom = 1, "";
        while (pt->n_needs < nn) {
            char *need = pt->needs[pt->n_needs++] = nx_mr_str(r);
            if (!need) return r->bad == 2 ? (*oom = 1, "") : "is cut short";
            if (!need[0]) return "has an empty needs= string"; /* plan_needs reads a need's second byte */
        }
        pt->source = nx_mr_str(r);
        pt->column = (size_t)nx_mr_u64(r);
        if (r->bad == 2) return *oom = 1, "";
        if (r->bad || (pt->engine == NX_ENGINE_REGEX) != (pt->source != NULL)) return "is cut short";
        if (pt->source && !valid_utf8(pt->source)) return "has a skip pattern that is not UTF-8";
        size_t rn = strlen(pt->name) + 6;
        if (!(pt->rule = malloc(rn + 1))) return *oom = 1, "";
        snprintf(pt->rule, rn + 1, "%s:%s", nx_pat_type_rule_prefix(pt->type), pt->name);
        uint16_t *g = nx_vec_push(&p->engines[pt->engine].global, sizeof *g);
        if (!g) return *oom = 1, "";
        *g = (uint16_t)(p->count - 1);
    }
    *has_tokens = nx_mr_u8(r);
    if (r->bad) return "is cut short";
    if (r->at != r->len || *has_tokens > 1) return "has bytes after its end";
    if (local[NX_ENGINE_TOKENS] && !*has_tokens) return "has token patterns but no token program";
    return NULL;
}

nx_status nx_patterns_attach(nx_patterns *p, const nx_mfile *f, const char *name, nx_error *err) {
    const void *d;
    size_t len;
    if (!nx_mfile_find(f, NX_MS_PATTERN_LIST, &d, &len)) return NX_ERR_END;
    nx_mreader r = {d, len, 0, 0};
    int has_tokens = 0, oom = 0;
    uint32_t section = NX_MS_PATTERN_LIST;
    const char *why = read_list(p, &r, &has_tokens, &oom);
    nx_status st = oom ? NX_ERR_NOMEM : why ? NX_ERR_PARSE : NX_OK;
    /* the few skip patterns: compiled again (PCRE2 with JIT) */
    nx_pattern_engine *rx = &p->engines[NX_ENGINE_REGEX];
    for (size_t k = 0; k < rx->global.count && st == NX_OK; k++) {
        const nx_pattern *pt = &p->items[NX_VEC_AT(&rx->global, uint16_t, k)];
        nx_matcher *mt;
        nx_error sub;
        nx_pattern_def def = {pt->name, pt->source, strlen(pt->source), pt->file, pt->line, pt->column, 0};
        if ((st = engine(p, NX_ENGINE_REGEX, &mt)) == NX_OK && (st = rx->backend->add(mt, &def, &sub)) != NX_OK &&
            st != NX_ERR_NOMEM)
            st = NX_ERR_PARSE, why = "has a skip pattern that does not compile";
    }
    if (st == NX_OK && rx->matcher && rx->backend->finish) {
        nx_error sub;
        st = rx->backend->finish(rx->matcher, &sub);
        if (st != NX_OK && st != NX_ERR_NOMEM) st = NX_ERR_PARSE, why = "has a skip pattern that does not compile";
    }
    if (st == NX_OK && has_tokens) {
        section = NX_MS_TOKEN_PROGRAM;
        nx_pattern_engine *tk = &p->engines[NX_ENGINE_TOKENS];
        nx_matcher_limits limits = {p->match_limit, p->depth_limit, p->gaz};
        if (!nx_mfile_find(f, NX_MS_TOKEN_PROGRAM, &d, &len)) st = NX_ERR_PARSE, why = "is missing";
        else st = nx_tokpat_load(&limits, d, len, tk->global.count, &tk->matcher, &why);
    }
    for (int e = 0; e < NX_ENGINE_COUNT && st == NX_OK; e++) st = plan_needs(p, &p->engines[e]);
    if (st != NX_OK) {
        if (st == NX_ERR_PARSE)
            nx_error_set(err, st, name, 0, 0, "not a usable model file: section %u (%s) %s (rebuild it with nerx --compile-model)",
                         (unsigned)section, nx_msection_name(section), why);
        else nx_error_set(err, st, name, 0, 0, "out of memory");
        const nx_gazetteer *g = p->gaz;
        nx_patterns_free(p);
        nx_patterns_init(p);
        p->gaz = g;
    }
    return st;
}

int nx_patterns_same_files(const nx_patterns *p, const char *const *files, size_t n) {
    if (p->n_files != n) return 0;
    for (size_t i = 0; i < n; i++)
        if (strcmp(p->files[i], base_name(files[i])) != 0) return 0;
    return 1;
}
