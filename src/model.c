/* model.c: nx_model_load(): finds the gazetteer directory, maps its
 * compiled model (nerx.model) when it is up to date or compiles one from the
 * *.tsv and .pat files (and saves it for the next start); the patterns are
 * read from it, or compiled at load with --gazetteer files.
 * nx_model_compile() writes nerx.model on request. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "datadir.h"
#include "error.h"
#include "fs.h"
#include "model.h"


void nx_model_options_init(nx_model_options *opts) {
    if (opts) memset(opts, 0, sizeof *opts);
}

/* The folded name -> number map of one class (the entries' value attribute,
 * 1..max; others are left out, as the date stage could not use them):
 * month and weekday names for the date stage. */
static nx_status class_values(const nx_gazetteer *g, int cls, long max, nx_strmap *values) {
    for (size_t i = 0; i < g->n_entries; i++) {
        const nx_entry *e = &g->entries[i];
        if (e->cls != cls) continue;
        const char *s = nx_gstr(g, e->surface);
        const char *v = e->value ? nx_gstr(g, e->value) : "";
        long num = strtol(v, NULL, 10);
        if (num <= 0 || num > max) continue;
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
static nx_status temporal_values(const nx_gazetteer *g, nx_strmap *values) {
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
        if (nx_strmap_put(values, buf, fl, e->value)) return NX_ERR_NOMEM;
    }
    return NX_OK;
}

/* ---- the model image ----------------------------------------------------- */

/* The maps model.h derives from the gazetteer, by section id. */
enum { N_MAPS = 3 };
static const uint32_t MAP_IDS[N_MAPS] = {NX_MS_MONTH_VALUE, NX_MS_WEEKDAY_VALUE, NX_MS_TEMPORAL_VALUE};

/* Adds the patterns of the .pat files, compiled against the gazetteer view
 * of *img (as at load: the same classes, in the same order), to a copy of
 * *img that replaces it. */
static nx_status add_patterns(nx_mfile *img, const char *const *pats, size_t n_pat, nx_error *err) {
    nx_gazetteer g;
    nx_gazetteer_init(&g);
    nx_patterns p;
    nx_patterns_init(&p);
    nx_mfile_writer w;
    nx_mfile_writer_init(&w);
    nx_mfile out = {0};
    nx_status st = nx_gazetteer_attach(&g, img, "", err);
    p.gaz = &g;
    if (st == NX_OK) st = nx_patterns_load(&p, pats, n_pat, err);
    for (size_t i = 0; i < img->n_sections && st == NX_OK; i++) {
        const nx_mfile_section *row = &img->table[i];
        if (nx_mfile_writer_add(&w, row->id, row->align, img->base + row->offset, (size_t)row->length)) st = NX_ERR_NOMEM;
    }
    if (st == NX_OK) st = nx_patterns_save(&p, pats, n_pat, &w);
    if (st == NX_OK) st = nx_mfile_writer_finish(&w, &out);
    nx_mfile_writer_free(&w);
    nx_patterns_free(&p);
    nx_gazetteer_free(&g);
    if (st == NX_OK) {
        nx_mfile_close(img);
        *img = out;
    }
    return st;
}

nx_status nx_model_compile_files(const char *const *paths, size_t n, const char *const *pats, size_t n_pat, nx_mfile *out,
                                 nx_error *err) {
    memset(out, 0, sizeof *out);
    nx_gazetteer g;
    nx_gazetteer_init(&g);
    nx_strmap maps[N_MAPS];
    for (int i = 0; i < N_MAPS; i++) nx_strmap_init(&maps[i]);
    nx_mfile_writer w;
    nx_mfile_writer_init(&w);
    nx_status st = nx_gazetteer_load(&g, paths, n, err);
    if (st == NX_OK) st = class_values(&g, NX_G_MONTH, 12, &maps[0]);
    if (st == NX_OK) st = class_values(&g, NX_G_WEEKDAY, 7, &maps[1]);
    if (st == NX_OK) st = temporal_values(&g, &maps[2]);
    if (st == NX_OK && nx_gazetteer_save(&g, &w)) st = NX_ERR_NOMEM;
    for (int i = 0; i < N_MAPS && st == NX_OK; i++) {
        void *p = nx_mfile_writer_reserve(&w, MAP_IDS[i], 8, nx_strmap_flat_size(&maps[i]));
        if (p) nx_strmap_flatten(&maps[i], p);
        else st = NX_ERR_NOMEM;
    }
    /* the writer reads g's arrays in place: they go after the image is made */
    if (st == NX_OK) st = nx_mfile_writer_finish(&w, out);
    nx_mfile_writer_free(&w);
    nx_gazetteer_free(&g);
    for (int i = 0; i < N_MAPS; i++) nx_strmap_free(&maps[i]);
    if (st == NX_OK && pats) st = add_patterns(out, pats, n_pat, err);
    if (st != NX_OK) nx_mfile_close(out);
    if (st != NX_OK && err && err->status == NX_OK) nx_error_set(err, st, "", 0, 0, "%s", nx_strerror(st));
    return st;
}

/* Whether the values of derived map k are what the date stage can use:
 * months 1..12, weekdays 1..7 (numbers), temporal words' pool offsets. */
static int map_values_ok(const nx_model *m, int k, const nx_strmap *map) {
    const uint64_t lo[N_MAPS] = {1, 1, 0}, hi[N_MAPS] = {12, 7, m->gaz.pool_len - 1};
    int bad = 0;
    for (size_t i = 0; i < map->count; i++) bad |= (map->values[i] < lo[k]) | (map->values[i] > hi[k]);
    return !bad;
}

/* Forgets the patterns read from the image (they are compiled from the
 * .pat files instead). */
static void drop_patterns(nx_model *m) {
    nx_patterns_free(&m->patterns);
    nx_patterns_init(&m->patterns);
    m->patterns_from_file = 0;
}

/* Undoes nx_model_attach: m reads no image. */
static void detach(nx_model *m) {
    drop_patterns(m);
    nx_gazetteer_free(&m->gaz);
    nx_strmap_free(&m->month_value);
    nx_strmap_free(&m->weekday_value);
    nx_strmap_free(&m->temporal_value);
    nx_mfile_close(&m->file);
}

nx_status nx_model_attach(nx_model *m, nx_mfile *f, const char *name, nx_error *err) {
    m->file = *f;
    memset(f, 0, sizeof *f);
    nx_status st = nx_gazetteer_attach(&m->gaz, &m->file, name, err);
    nx_strmap *maps[N_MAPS] = {&m->month_value, &m->weekday_value, &m->temporal_value};
    for (int i = 0; i < N_MAPS && st == NX_OK; i++) {
        const void *p;
        size_t len;
        const char *why = NULL;
        if (!nx_mfile_find(&m->file, MAP_IDS[i], &p, &len)) why = "is missing";
        else if (len % 8 || (uintptr_t)p % 8) why = "is not whole, aligned 8-byte words";
        else if (nx_strmap_attach(maps[i], p, len, &why) == 0 && !map_values_ok(m, i, maps[i]))
            why = "has a value out of range";
        if (why) {
            nx_error_set(err, NX_ERR_PARSE, name, 0, 0,
                         "not a usable model file: section %u (%s) %s (rebuild it with nerx --compile-model)",
                         (unsigned)MAP_IDS[i], nx_msection_name(MAP_IDS[i]), why);
            st = NX_ERR_PARSE;
        }
    }
    /* the compiled patterns, when the image has them */
    if (st == NX_OK) {
        nx_patterns_init(&m->patterns);
        m->patterns.gaz = &m->gaz;
        st = nx_patterns_attach(&m->patterns, &m->file, name, err);
        m->patterns_from_file = st == NX_OK;
        if (st == NX_ERR_END) st = NX_OK;
    }
    if (st != NX_OK) detach(m);
    return st;
}

/* ---- where the model comes from -------------------------------------------- */

static int newer(const struct timespec *a, const struct timespec *b) {
    return a->tv_sec > b->tv_sec || (a->tv_sec == b->tv_sec && a->tv_nsec > b->tv_nsec);
}

static const char *base_name(const char *p) {
    const char *s = strrchr(p, '/');
    return s ? s + 1 : p;
}

/* The files a model of dir is made from: its *.tsv (sorted: the order they
 * are loaded in) and patterns/ *.pat (for the compiled patterns to come). */
typedef struct inputs {
    char **tsv, **pat;
    size_t n_tsv, n_pat;
} inputs;

static void inputs_free(inputs *in) {
    nx_free_names(in->tsv, in->n_tsv);
    nx_free_names(in->pat, in->n_pat);
    memset(in, 0, sizeof *in);
}

static nx_status list_inputs(const char *dir, inputs *in, nx_error *err) {
    memset(in, 0, sizeof *in);
    nx_status st = nx_list_files(dir, ".tsv", &in->tsv, &in->n_tsv, err);
    size_t len = strlen(dir) + 10;
    char *pdir = st == NX_OK ? malloc(len) : NULL;
    if (st == NX_OK && !pdir) st = NX_ERR_NOMEM;
    if (st == NX_OK) {
        snprintf(pdir, len, "%s/patterns", dir);
        st = nx_list_files(pdir, ".pat", &in->pat, &in->n_pat, err);
    }
    free(pdir);
    if (st != NX_OK) inputs_free(in);
    return st;
}

/* Whether a model file made at time *made is newer than every input. */
static int newer_than_inputs(const struct timespec *made, const inputs *in) {
    char **lists[2] = {in->tsv, in->pat};
    size_t counts[2] = {in->n_tsv, in->n_pat};
    for (int k = 0; k < 2; k++)
        for (size_t i = 0; i < counts[k]; i++) {
            struct stat st;
            if (stat(lists[k][i], &st) != 0 || !newer(made, &st.st_mtim)) return 0;
        }
    return 1;
}

/* Whether the mapped model was made from the directory's *.tsv files (by
 * name, in order), so that a file added or removed with an old date still
 * makes it out of date. */
static int same_sources(const nx_model *m, const inputs *in) {
    if (m->gaz.n_sources != in->n_tsv) return 0;
    for (size_t i = 0; i < in->n_tsv; i++)
        if (strcmp(base_name(nx_gstr(&m->gaz, m->gaz.sources[i].path)), base_name(in->tsv[i])) != 0) return 0;
    return 1;
}

/* Maps DIR/nerx.model into m when it is there, intact and up to date.
 * Returns NX_OK when it did; otherwise m has nothing attached and the
 * result says why: NX_ERR_END when the file is absent or out of date,
 * another error (err says which) when it is unusable. */
static nx_status map_model(nx_model *m, const char *path, const inputs *in, nx_error *err) {
    struct stat st;
    if (stat(path, &st) != 0) return NX_ERR_END;
    if (in->n_tsv && !newer_than_inputs(&st.st_mtim, in)) return NX_ERR_END;
    nx_mfile f;
    /* the checksum runs beside the checks and the pattern compilation;
     * nx_model_load() waits for it */
    nx_status s = nx_mfile_open(path, NX_MFILE_CHECKSUM_BACKGROUND, &f, err);
    if (s == NX_OK) s = nx_model_attach(m, &f, path, err);
    if (s == NX_ERR_PARSE) {
        /* a structure that does not hold is most often a corrupt file: say
         * so when the checksum agrees */
        nx_error sum_err;
        if (nx_mfile_open(path, NX_MFILE_CHECKSUM, &f, &sum_err) == NX_OK) nx_mfile_close(&f);
        else if (err) *err = sum_err;
    }
    if (s != NX_OK) return s;
    if (in->n_tsv && !same_sources(m, in)) {
        detach(m);
        return NX_ERR_END;
    }
    /* its patterns must be those of the directory's .pat files (by name, in
     * order; with no *.tsv, not older than they are): else it is rebuilt,
     * or with no *.tsv to rebuild it from, the patterns are compiled from
     * the files */
    if (!m->patterns_from_file || !nx_patterns_same_files(&m->patterns, (const char *const *)in->pat, in->n_pat) ||
        (!in->n_tsv && !newer_than_inputs(&st.st_mtim, in))) {
        if (in->n_tsv) {
            detach(m);
            return NX_ERR_END;
        }
        drop_patterns(m);
    }
    return NX_OK;
}

static char *model_path(const char *dir) {
    size_t len = strlen(dir) + sizeof NX_MFILE_NAME + 1;
    char *p = malloc(len);
    if (p) snprintf(p, len, "%s/%s", dir, NX_MFILE_NAME);
    return p;
}

/* The gazetteer directory (malloc'd; datadir.h says where it is looked
 * for), or NULL with err set. */
static char *gazetteer_dir(const nx_model_options *opts, nx_error *err) {
    return nx_gazetteer_dir_find(opts ? opts->gazetteer_dir : NULL, err);
}

static nx_status no_tsv(const char *dir, nx_error *err) {
    nx_error_set(err, NX_ERR_IO, dir, 0, 0, "no *.tsv gazetteer files in the directory");
    return NX_ERR_IO;
}

static const char *const NO_FILES[1] = {NULL};

/* The .pat files of the inputs, never NULL. */
static const char *const *pat_files(const inputs *in) { return in->pat ? (const char *const *)in->pat : NO_FILES; }

/* The image for m: with extra files, compiled from the directory's files
 * and them (never saved: it is this caller's); else nerx.model when it is
 * up to date, else compiled from the directory's files and saved as
 * nerx.model for the next start (quietly skipped when the directory is not
 * writable). With no *.tsv at all, nerx.model is the only source. */
static nx_status load_image(nx_model *m, const nx_model_options *opts, const inputs *in, int may_map, nx_error *err) {
    size_t n_extra = opts ? opts->n_extra_files : 0;
    char *path = NULL;
    nx_status st = NX_OK;
    if (!n_extra) {
        if (!(path = model_path(m->dir))) return NX_ERR_NOMEM;
        st = may_map ? map_model(m, path, in, err) : NX_ERR_END;
        if (st == NX_OK) m->from_file = 1;
        if (st == NX_OK || !in->n_tsv) {
            free(path);
            return st == NX_ERR_END ? no_tsv(m->dir, err) : st;
        }
        /* a model file that is out of date or unusable is rebuilt */
        if (err) memset(err, 0, sizeof *err);
    } else if (!in->n_tsv) {
        return no_tsv(m->dir, err);
    }
    const char **files = malloc((in->n_tsv + n_extra) * sizeof *files);
    nx_mfile f;
    if (!files) st = NX_ERR_NOMEM;
    else {
        for (size_t i = 0; i < in->n_tsv; i++) files[i] = in->tsv[i];
        for (size_t i = 0; i < n_extra; i++) files[in->n_tsv + i] = opts->extra_files[i];
        /* with extra files the class tries depend on them: the patterns
         * are compiled at load, as the model is */
        st = nx_model_compile_files(files, in->n_tsv + n_extra, n_extra ? NULL : pat_files(in), in->n_pat, &f, err);
        free(files);
    }
    if (st == NX_OK && path) (void)nx_mfile_write(&f, path, NULL); /* a cache: no file, no harm */
    free(path);
    if (st == NX_OK) st = nx_model_attach(m, &f, m->dir, err);
    return st;
}

nx_status nx_model_load(const nx_model_options *opts, nx_model **out, nx_error *err) {
    if (err) memset(err, 0, sizeof *err);
    if (!out) {
        nx_error_set(err, NX_ERR_ARG, "", 0, 0, "no place to return the model");
        return NX_ERR_ARG;
    }
    *out = NULL;
    char *dir = gazetteer_dir(opts, err);
    if (!dir) return err && err->status == NX_ERR_NOMEM ? NX_ERR_NOMEM : NX_ERR_IO;
    nx_model *m = calloc(1, sizeof *m);
    if (!m) {
        free(dir);
        return NX_ERR_NOMEM;
    }
    nx_gazetteer_init(&m->gaz);
    nx_patterns_init(&m->patterns);
    nx_strmap_init(&m->month_value);
    nx_strmap_init(&m->weekday_value);
    nx_strmap_init(&m->temporal_value);
    m->dir = dir;
    inputs in = {0};
    nx_status st = m->dir ? list_inputs(dir, &in, err) : NX_ERR_NOMEM;
    if (st == NX_OK) st = load_image(m, opts, &in, 1, err);
    if (st == NX_OK && !m->patterns_from_file) st = nx_patterns_load_dir(&m->patterns, &m->gaz, dir, err);
    /* the mapped model's checksum, computed meanwhile: a corrupt file is
     * rebuilt from the *.tsv files when there are some, as at mapping */
    char *file = st == NX_OK && m->from_file ? model_path(m->dir) : NULL;
    if (file && nx_mfile_verify(&m->file, file, err) != NX_OK) {
        st = NX_ERR_PARSE;
        if (in.n_tsv) {
            if (err) memset(err, 0, sizeof *err);
            nx_patterns_free(&m->patterns);
            nx_patterns_init(&m->patterns);
            detach(m);
            m->from_file = 0;
            st = load_image(m, opts, &in, 0, err);
            if (st == NX_OK && !m->patterns_from_file) st = nx_patterns_load_dir(&m->patterns, &m->gaz, dir, err);
        }
    }
    free(file);
    inputs_free(&in);
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

nx_status nx_model_compile(const nx_model_options *opts, nx_error *err) {
    if (err) memset(err, 0, sizeof *err);
    if (opts && opts->n_extra_files) {
        nx_error_set(err, NX_ERR_ARG, "", 0, 0, "extra gazetteer files are not compiled into the model");
        return NX_ERR_ARG;
    }
    char *dir = gazetteer_dir(opts, err);
    if (!dir) return NX_ERR_IO;
    inputs in;
    nx_status st = list_inputs(dir, &in, err);
    if (st == NX_OK && !in.n_tsv) st = no_tsv(dir, err);
    nx_mfile f = {0};
    if (st == NX_OK) st = nx_model_compile_files((const char *const *)in.tsv, in.n_tsv, pat_files(&in), in.n_pat, &f, err);
    char *path = st == NX_OK ? model_path(dir) : NULL;
    if (st == NX_OK && !path) st = NX_ERR_NOMEM;
    if (st == NX_OK) st = nx_mfile_write(&f, path, err);
    free(path);
    nx_mfile_close(&f);
    inputs_free(&in);
    if (st != NX_OK && err && err->status == NX_OK) nx_error_set(err, st, dir, 0, 0, "%s", nx_strerror(st));
    free(dir);
    return st;
}

void nx_model_free(nx_model *m) {
    if (!m) return;
    nx_gazetteer_free(&m->gaz);
    nx_patterns_free(&m->patterns);
    nx_strmap_free(&m->month_value);
    nx_strmap_free(&m->weekday_value);
    nx_strmap_free(&m->temporal_value);
    nx_mfile_close(&m->file);
    free(m->dir);
    free(m);
}

const char *nx_model_rule_name(const nx_model *m, nx_rule rule, uint16_t rule_src) {
    if (rule == NX_RULE_GAZETTEER) return rule_src < m->gaz.n_sources ? nx_gstr(&m->gaz, m->gaz.sources[rule_src].rule) : "gazetteer";
    if (rule == NX_RULE_PATTERN) return rule_src < m->patterns.count ? m->patterns.items[rule_src].rule : "pattern";
    return nx_rule_name(rule);
}

const char *nx_model_gazetteer_dir(const nx_model *m) { return m ? m->dir : NULL; }
size_t nx_model_entry_count(const nx_model *m) { return m ? m->gaz.n_entries : 0; }
