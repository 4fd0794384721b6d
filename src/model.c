/* model.c: nx_model_load(): finds the gazetteer directory, loads every
 * gazetteer, derives the month/weekday maps and pattern macros from them,
 * and compiles the patterns. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

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

static const char *find_dir(const nx_model_options *opts) {
    if (opts && opts->gazetteer_dir) return opts->gazetteer_dir;
    const char *env = getenv("NERX_GAZETTEERS");
    if (env && *env) return env;
    if (is_dir(NX_DATA_DIR)) return NX_DATA_DIR;
    if (is_dir(NX_SOURCE_GAZETTEERS)) return NX_SOURCE_GAZETTEERS;
    if (is_dir("gazetteers")) return "gazetteers";
    return NULL;
}

/* The folded name -> number map of one class (the entries' value attribute):
 * month and weekday names for the date stage. */
static nx_status class_values(const nx_gazetteer *g, int cls, nx_strmap *values) {
    for (size_t i = 0; i < g->n_entries; i++) {
        const nx_entry *e = &g->entries[i];
        if (e->cls != cls) continue;
        const char *s = nx_gstr(g, e->surface);
        const char *v = e->value ? nx_gstr(g, e->value) : "";
        long num = strtol(v, NULL, 10);
        if (num <= 0) continue;
        char buf[128];
        size_t fl = nx_fold(s, strlen(s), buf, sizeof buf);
        if (fl > sizeof buf) continue;
        while (fl && buf[fl - 1] == '.') fl--;
        if (nx_strmap_put(values, buf, fl, (uint32_t)num)) return NX_ERR_NOMEM;
    }
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
    char **files = NULL;
    size_t nfiles = 0;
    nx_status st = m->dir ? nx_list_files(dir, ".tsv", &files, &nfiles, err) : NX_ERR_NOMEM;
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
    if (st == NX_OK) st = class_values(&m->gaz, NX_G_MONTH, &m->month_value);
    if (st == NX_OK) st = class_values(&m->gaz, NX_G_WEEKDAY, &m->weekday_value);
    if (st == NX_OK) st = temporal_values(m);
    if (st == NX_OK) st = nx_patterns_load_dir(&m->patterns, &m->gaz, dir, err);
    nx_free_names(files, nfiles);
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
