/* test_model_file.c: the compiled model file: the framing (writer, reader,
 * unknown sections, errors that name the file), the round trip (a model
 * read from its file answers every lookup as the one built from the TSVs),
 * and when nerx.model is used, rebuilt or refused (stale, corrupt, another
 * version, not writable, several processes at once). */
#include <dirent.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "check.h"
#include "fs.h"
#include "model.h"

/* ---- a scratch gazetteer directory ---------------------------------------- */

static char dir[64];

static void path_in(char *out, size_t cap, const char *name) { snprintf(out, cap, "%s/%s", dir, name); }

static void put_file(const char *name, const char *content) {
    char p[256];
    path_in(p, sizeof p, name);
    FILE *f = fopen(p, "wb");
    CHECK(f != NULL);
    if (!f) return;
    fputs(content, f);
    fclose(f);
}

static char *slurp(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    char *s = NULL;
    nx_status st = nx_read_stream(f, NULL, 0, SIZE_MAX, &s, len);
    fclose(f);
    return st == NX_OK ? s : NULL;
}

static void put_bytes(const char *path, const char *data, size_t len) {
    FILE *f = fopen(path, "wb");
    CHECK(f != NULL);
    if (!f) return;
    CHECK(fwrite(data, 1, len, f) == len);
    fclose(f);
}

/* Sets a file's modification time to now + delta seconds. */
static void set_mtime(const char *name, long delta) {
    char p[256];
    path_in(p, sizeof p, name);
    struct timespec ts[2];
    clock_gettime(CLOCK_REALTIME, &ts[0]);
    ts[0].tv_sec += delta;
    ts[1] = ts[0];
    CHECK(utimensat(AT_FDCWD, p, ts, 0) == 0);
}

static void remove_tree(const char *d) {
    char **names;
    size_t n;
    if (nx_dir_names(d, &names, &n) != NX_OK) return;
    for (size_t i = 0; i < n; i++) {
        char p[512];
        snprintf(p, sizeof p, "%s/%s", d, names[i]);
        struct stat st;
        if (lstat(p, &st) == 0 && S_ISDIR(st.st_mode)) remove_tree(p);
        else unlink(p);
    }
    nx_free_names(names, n);
    rmdir(d);
}

/* Files left in the directory whose names start with prefix. */
static size_t count_prefixed(const char *prefix) {
    char **names;
    size_t n, k = 0;
    if (nx_dir_names(dir, &names, &n) != NX_OK) return 0;
    for (size_t i = 0; i < n; i++) k += strncmp(names[i], prefix, strlen(prefix)) == 0;
    nx_free_names(names, n);
    return k;
}

static const char DATES_TSV[] = "# type: month\n"
                                "January\tvalue=1\n"
                                "Smarch\tvalue=13\n"
                                "# \n"
                                "Monday\ttype=weekday\tvalue=1\n"
                                "weeks\ttype=temporal\tkind=unit\tvalue=W\n";

static void make_dir(void) {
    snprintf(dir, sizeof dir, "/tmp/nerx-model-XXXXXX");
    CHECK(mkdtemp(dir) != NULL);
    size_t len;
    char *small = slurp(NX_TEST_DATA "/small.tsv", &len);
    CHECK(small != NULL);
    if (small) put_file("a-small.tsv", small);
    free(small);
    put_file("b-dates.tsv", DATES_TSV);
    char p[256];
    path_in(p, sizeof p, "patterns");
    CHECK(mkdir(p, 0755) == 0);
    put_file("patterns/none.pat", "# no patterns\n");
    /* the inputs are older than anything written from here on */
    set_mtime("a-small.tsv", -100);
    set_mtime("b-dates.tsv", -100);
    set_mtime("patterns/none.pat", -100);
}

/* nx_model_load on the scratch directory; *from_file says where the model
 * came from (-1 when it did not load). */
static nx_model *load(int *from_file, nx_error *err) {
    nx_model_options mo;
    nx_model_options_init(&mo);
    mo.gazetteer_dir = dir;
    nx_model *m = NULL;
    nx_status st = nx_model_load(&mo, &m, err);
    *from_file = st == NX_OK ? m->from_file : -1;
    return m;
}

static int load_from_file(void) {
    nx_error err;
    int from_file;
    nx_model *m = load(&from_file, &err);
    if (!m) fprintf(stderr, "load failed: %s: %s\n", err.file, err.message);
    nx_model_free(m);
    return from_file;
}

/* ---- the round trip -------------------------------------------------------- */

static const char *const TEXTS[] = {
    "The New York Times reported from New York and York.",
    "US officials told us about XJTU and xjtu; Dr. Zhang met Ivanov, Kanseituly in Turkey.",
    "Francois, president of Xi'an Jiaotong University, on Monday in January for weeks.",
    "Zhang Liqun (L), an academician of the Chinese Academy of Engineering and president of XJTU, "
    "met officials from Kazakhstan on July 4 in Astana.",
};

/* Same matches and features from both views, text by text. */
static void same_matches(const nx_gazetteer *a, const nx_gazetteer *b, const char *text) {
    nx_arena arena;
    nx_arena_init(&arena);
    const nx_gazetteer *g[2] = {a, b};
    nx_gmatch *m[2];
    size_t n[2];
    nx_tokens toks[2];
    for (int k = 0; k < 2; k++) {
        nx_text t;
        nx_token_lexicon lex = {&g[k]->abbreviations, &g[k]->no_sentence_end};
        CHECK_INT(nx_text_prepare(&arena, text, strlen(text), &t), NX_OK);
        CHECK_INT(nx_tokenize(&arena, &t, &lex, &toks[k]), NX_OK);
        CHECK_INT(nx_gazetteer_match(g[k], &arena, &t, &toks[k], &m[k], &n[k]), NX_OK);
    }
    CHECK_INT(n[0], n[1]);
    CHECK(n[0] > 0);
    for (size_t i = 0; i < n[0] && i < n[1]; i++) {
        CHECK_INT(m[0][i].t0, m[1][i].t0);
        CHECK_INT(m[0][i].t1, m[1][i].t1);
        CHECK_INT(m[0][i].node, m[1][i].node);
    }
    CHECK_INT(toks[0].count, toks[1].count);
    for (size_t i = 0; i < toks[0].count && i < toks[1].count; i++)
        CHECK(toks[0].items[i].feat == toks[1].items[i].feat);
    nx_arena_free(&arena);
}

static int same_bytes(const void *a, const void *b, size_t n) { return n == 0 || memcmp(a, b, n) == 0; }

/* The view read from a file is the built view, array for array, and every
 * word and entry surface leads to the same node. */
static void same_view(const nx_gazetteer *built, const nx_gazetteer *read) {
    CHECK_INT(read->n_entries, built->n_entries);
    CHECK_INT(read->n_nodes, built->n_nodes);
    CHECK_INT(read->pool_len, built->pool_len);
    CHECK_INT(read->n_sources, built->n_sources);
    CHECK_INT(read->n_endings, built->n_endings);
    CHECK_INT(read->edges.n_slots, built->edges.n_slots);
    if (read->n_entries != built->n_entries || read->n_nodes != built->n_nodes || read->pool_len != built->pool_len ||
        read->edges.n_slots != built->edges.n_slots)
        return;
    CHECK(same_bytes(read->entries, built->entries, built->n_entries * sizeof *built->entries));
    CHECK(same_bytes(read->entry_next, built->entry_next, built->n_entries * sizeof *built->entry_next));
    CHECK(same_bytes(read->pool, built->pool, built->pool_len));
    CHECK(same_bytes(read->node_head, built->node_head, built->n_nodes * sizeof *built->node_head));
    CHECK(same_bytes(read->node_flags, built->node_flags, built->n_nodes * sizeof *built->node_flags));
    CHECK(same_bytes(read->node_feat, built->node_feat, built->n_nodes * sizeof *built->node_feat));
    CHECK(same_bytes(read->endings, built->endings, built->n_endings * sizeof *built->endings));
    CHECK(same_bytes(read->ending_first, built->ending_first, (NX_ENDING_KEYS + 1) * sizeof *built->ending_first));
    CHECK(same_bytes(read->edges.slots, built->edges.slots, built->edges.n_slots * sizeof *built->edges.slots));
    CHECK(same_bytes(read->edges.labels, built->edges.labels, built->edges.labels_len));
    CHECK_INT(read->edges.filter_bits, built->edges.filter_bits);
    if (read->edges.filter_bits == built->edges.filter_bits)
        CHECK(same_bytes(read->edges.filter, built->edges.filter, built->edges.filter_bits / 8));
    CHECK_INT(read->abbreviations.count, built->abbreviations.count);
    CHECK_INT(read->no_sentence_end.count, built->no_sentence_end.count);
    uint32_t v;
    for (size_t i = 0; i < built->abbreviations.count; i++)
        CHECK(nx_strmap_get(&read->abbreviations, built->abbreviations.pool + built->abbreviations.key_off[i],
                            built->abbreviations.key_len[i], &v));
    /* every edge, looked up by its label from its parent */
    size_t edges = 0, wrong = 0;
    for (size_t s = 0; s < built->edges.n_slots; s++) {
        const nx_gedge *e = &built->edges.slots[s];
        if (!e->child) continue;
        edges++;
        const char *lab = built->edges.labels + e->label;
        uint64_t h = nx_gtoken_hash(lab, strlen(lab));
        wrong += nx_gazetteer_child(read, e->parent, lab, strlen(lab), h) != e->child;
        wrong += nx_gazetteer_child(built, e->parent, lab, strlen(lab), h) != e->child;
    }
    CHECK_INT(edges, built->n_nodes - 1);
    CHECK_INT(wrong, 0);
    CHECK_INT(nx_gazetteer_word(read, "no-such-word-anywhere", 21), 0);
    for (size_t i = 0; i < sizeof TEXTS / sizeof *TEXTS; i++) same_matches(built, read, TEXTS[i]);
}

/* Compiles files, writes the image, maps it back; compares with the built view. */
static void round_trip(const char *const *files, size_t n) {
    nx_gazetteer built;
    nx_gazetteer_init(&built);
    nx_error err;
    CHECK_INT(nx_gazetteer_load(&built, files, n, &err), NX_OK);
    nx_mfile img;
    CHECK_INT(nx_model_compile_files(files, n, NULL, 0, &img, &err), NX_OK);
    char p[256];
    path_in(p, sizeof p, "round-trip.model");
    CHECK_INT(nx_mfile_write(&img, p, &err), NX_OK);
    nx_mfile_close(&img);
    nx_mfile f;
    nx_status st = nx_mfile_open(p, NX_MFILE_CHECKSUM, &f, &err);
    CHECK_INT(st, NX_OK);
    nx_model *m = calloc(1, sizeof *m);
    if (st == NX_OK) CHECK_INT(nx_model_attach(m, &f, p, &err), NX_OK);
    CHECK(m->gaz.borrowed);
    same_view(&built, &m->gaz);
    nx_model_free(m);
    nx_gazetteer_free(&built);
    unlink(p);
}

static void test_round_trip_small(void) {
    char a[256], b[256];
    path_in(a, sizeof a, "a-small.tsv");
    path_in(b, sizeof b, "b-dates.tsv");
    const char *files[] = {a, b};
    round_trip(files, 2);
}

/* The shipped gazetteers: every one of their edges survives the trip. */
static void test_round_trip_shipped(void) {
    char **files;
    size_t n;
    nx_error err;
    CHECK_INT(nx_list_files(NX_GAZETTEERS_DIR, ".tsv", &files, &n, &err), NX_OK);
    CHECK(n > 10);
    round_trip((const char *const *)files, n);
    nx_free_names(files, n);
}

/* The derived maps: a month value the date stage cannot use (13) is left
 * out, as the file's reader would refuse it. */
static void test_month_values(void) {
    nx_error err;
    int from_file;
    nx_model *m = load(&from_file, &err);
    CHECK(m != NULL);
    if (!m) return;
    uint32_t v = 0;
    CHECK(nx_strmap_get(&m->month_value, "january", 7, &v));
    CHECK_INT(v, 1);
    CHECK(!nx_strmap_get(&m->month_value, "smarch", 6, &v));
    CHECK(nx_strmap_get(&m->weekday_value, "monday", 6, &v));
    CHECK(nx_strmap_get(&m->temporal_value, "unit:weeks", 10, &v));
    CHECK_STR(nx_gstr(&m->gaz, v), "W");
    nx_model_free(m);
}

/* ---- when nerx.model is used ------------------------------------------------- */

static void model_path(char *p, size_t cap) { path_in(p, cap, NX_MFILE_NAME); }

static void corrupt_byte(size_t at_permille) {
    char p[256];
    model_path(p, sizeof p);
    size_t len;
    char *s = slurp(p, &len);
    CHECK(s != NULL && len > 1000);
    if (!s) return;
    s[len * at_permille / 1000] ^= 0x5A;
    put_bytes(p, s, len);
    free(s);
}

/* Flips a byte in the middle of the string pool: every structure still
 * holds, so only the checksum (computed in the background) can tell. */
static void corrupt_pool(void) {
    char p[256];
    model_path(p, sizeof p);
    nx_mfile f;
    const void *pool = NULL;
    size_t pool_len = 0, at = 0;
    if (nx_mfile_open(p, 0, &f, NULL) == NX_OK) {
        if (nx_mfile_find(&f, NX_MS_POOL, &pool, &pool_len))
            at = (size_t)((const unsigned char *)pool - f.base) + pool_len / 2;
        nx_mfile_close(&f);
    }
    CHECK(at > 0);
    size_t len;
    char *s = slurp(p, &len);
    if (!s || !at) {
        free(s);
        return;
    }
    s[at] ^= 0x20;
    put_bytes(p, s, len);
    free(s);
}

static void test_cache(void) {
    char p[256];
    model_path(p, sizeof p);
    struct stat st;
    unlink(p);
    CHECK_INT(load_from_file(), 0); /* none yet: compiled, and saved */
    CHECK(stat(p, &st) == 0);
    CHECK_INT(load_from_file(), 1);
    CHECK_INT(load_from_file(), 1);

    set_mtime("b-dates.tsv", +100); /* a gazetteer edited after the model */
    CHECK_INT(load_from_file(), 0);
    set_mtime("b-dates.tsv", -100);
    CHECK_INT(load_from_file(), 1);

    set_mtime("patterns/none.pat", +100); /* a pattern file counts too */
    CHECK_INT(load_from_file(), 0);
    set_mtime("patterns/none.pat", -100);
    CHECK_INT(load_from_file(), 1);

    put_file("c-new.tsv", "# type: place\nAtlantis\n"); /* a file added with an old date */
    set_mtime("c-new.tsv", -1000);
    CHECK_INT(load_from_file(), 0);
    CHECK_INT(load_from_file(), 1);
    char c[256];
    path_in(c, sizeof c, "c-new.tsv");
    unlink(c); /* and removed */
    CHECK_INT(load_from_file(), 0);
    CHECK_INT(load_from_file(), 1);

    corrupt_byte(500); /* a corrupt file is rebuilt, not used */
    CHECK_INT(load_from_file(), 0);
    CHECK_INT(load_from_file(), 1);
    corrupt_pool(); /* the same when only the checksum can tell */
    CHECK_INT(load_from_file(), 0);
    CHECK_INT(load_from_file(), 1);

    size_t len;
    char *s = slurp(p, &len);
    CHECK(s != NULL);
    if (s) {
        put_bytes(p, s, len / 2); /* truncated */
        CHECK_INT(load_from_file(), 0);
        CHECK_INT(load_from_file(), 1);
        nx_mfile_header h;
        memcpy(&h, s, sizeof h);
        h.version++; /* another format version */
        memcpy(s, &h, sizeof h);
        put_bytes(p, s, len);
        CHECK_INT(load_from_file(), 0);
        CHECK_INT(load_from_file(), 1);
        free(s);
    }
    CHECK_INT(count_prefixed(NX_MFILE_NAME ".tmp"), 0);
}

/* The rules of the patterns the model of the scratch directory finds in s,
 * and whether they were read from nerx.model (-1: it did not load). */
static int pattern_rules(const char *s, char *out, size_t cap) {
    int from_file;
    nx_error err;
    nx_model *m = load(&from_file, &err);
    out[0] = '\0';
    if (!m) return -1;
    int patterns_from_file = m->patterns_from_file;
    nx_arena a;
    nx_arena_init(&a);
    nx_text t;
    nx_pmatch *pm;
    size_t n, len = 0;
    const char *limit;
    CHECK_INT(nx_text_prepare(&a, s, strlen(s), &t), NX_OK);
    CHECK_INT(nx_patterns_run(&m->patterns, &a, &t, NULL, &pm, &n, &limit), NX_OK);
    for (size_t i = 0; i < n && len < cap; i++)
        len += (size_t)snprintf(out + len, cap - len, "%s%s", i ? " " : "", nx_model_rule_name(m, NX_RULE_PATTERN, pm[i].pattern));
    nx_arena_free(&a);
    nx_model_free(m);
    return from_file && patterns_from_file;
}

/* The patterns go into nerx.model and are read from it at the next start; a
 * .pat file edited after it, or added or removed with an old date, makes it
 * out of date. */
static void test_cached_patterns(void) {
    char rules[256], p[256];
    const char *text = "On January 5 and on Monday.";
    put_file("patterns/when.pat", "month-day\tdate\t<month MONTH> <day #1..31>\n");
    set_mtime("patterns/when.pat", -100);
    CHECK_INT(pattern_rules(text, rules, sizeof rules), 0); /* added with an old date */
    CHECK_STR(rules, "date:month-day");
    CHECK_INT(pattern_rules(text, rules, sizeof rules), 1); /* read from the model, the same match */
    CHECK_STR(rules, "date:month-day");
    put_file("patterns/when.pat", "month-day\tdate\t<month MONTH> <day #1..31>\nweekday\tdate\tWEEKDAY\n");
    set_mtime("patterns/when.pat", +100); /* edited */
    CHECK_INT(pattern_rules(text, rules, sizeof rules), 0);
    CHECK_STR(rules, "date:month-day date:weekday");
    set_mtime("patterns/when.pat", -100);
    CHECK_INT(pattern_rules(text, rules, sizeof rules), 1);
    CHECK_STR(rules, "date:month-day date:weekday");
    path_in(p, sizeof p, "patterns/when.pat");
    unlink(p); /* removed */
    CHECK_INT(pattern_rules(text, rules, sizeof rules), 0);
    CHECK_STR(rules, "");
    CHECK_INT(pattern_rules(text, rules, sizeof rules), 1);
}

/* With extra files the model is compiled in memory and never saved. */
static void test_extra_files(void) {
    char p[256], extra[256];
    model_path(p, sizeof p);
    unlink(p);
    path_in(extra, sizeof extra, "user.txt");
    put_file("user.txt", "# type: place\nAtlantis\n");
    nx_model_options mo;
    nx_model_options_init(&mo);
    mo.gazetteer_dir = dir;
    const char *extras[] = {extra};
    mo.extra_files = extras;
    mo.n_extra_files = 1;
    nx_model *m = NULL;
    nx_error err;
    CHECK_INT(nx_model_load(&mo, &m, &err), NX_OK);
    if (m) {
        CHECK_INT(m->from_file, 0);
        CHECK_INT(m->patterns_from_file, 0); /* compiled against this gazetteer, at load */
        CHECK(nx_gazetteer_word(&m->gaz, "atlantis", 8) != 0);
    }
    nx_model_free(m);
    struct stat st;
    CHECK(stat(p, &st) != 0);
    CHECK_INT(nx_model_compile(&mo, &err), NX_ERR_ARG);
    unlink(extra);
}

/* A directory where the model cannot be written: nx_model_load goes on
 * (here nerx.model is a directory, which no rename can replace; the tests
 * may run as root, for whom permissions are no obstacle). */
static void test_not_writable(void) {
    char p[256];
    model_path(p, sizeof p);
    unlink(p);
    CHECK(mkdir(p, 0755) == 0);
    CHECK_INT(load_from_file(), 0);
    CHECK_INT(load_from_file(), 0);
    CHECK_INT(count_prefixed(NX_MFILE_NAME ".tmp"), 0);
    rmdir(p);
}

/* nx_model_compile writes the file; with no *.tsv, nerx.model is the only
 * source: used when sound, and an error naming it when not. */
static void test_compile_and_model_only(void) {
    char p[256];
    model_path(p, sizeof p);
    unlink(p);
    nx_model_options mo;
    nx_model_options_init(&mo);
    mo.gazetteer_dir = dir;
    nx_error err;
    char rules[256];
    const char *text = "On January 5.";
    put_file("patterns/when.pat", "month-day\tdate\t<month MONTH> <day #1..31>\n");
    set_mtime("patterns/when.pat", -100);
    CHECK_INT(nx_model_compile(&mo, &err), NX_OK);
    CHECK_INT(load_from_file(), 1);
    char a[256], b[256], a2[256], b2[256];
    path_in(a, sizeof a, "a-small.tsv");
    path_in(b, sizeof b, "b-dates.tsv");
    path_in(a2, sizeof a2, "a-small.tsv.off");
    path_in(b2, sizeof b2, "b-dates.tsv.off");
    CHECK(rename(a, a2) == 0 && rename(b, b2) == 0);
    CHECK_INT(load_from_file(), 1);
    /* its patterns, unless a .pat file is newer: then they are compiled at load */
    CHECK_INT(pattern_rules(text, rules, sizeof rules), 1);
    CHECK_STR(rules, "date:month-day");
    put_file("patterns/when.pat", "month-day\tdate\t<month MONTH> <day #1..31>\nmonth\tdate\tMONTH\n");
    set_mtime("patterns/when.pat", +100);
    CHECK_INT(pattern_rules(text, rules, sizeof rules), 0);
    CHECK_STR(rules, "date:month-day date:month");
    path_in(rules, sizeof rules, "patterns/when.pat");
    unlink(rules);
    CHECK_INT(pattern_rules(text, rules, sizeof rules), 0); /* (the model's list names when.pat) */
    CHECK_STR(rules, "");
    size_t good_len;
    char *good = slurp(p, &good_len);
    CHECK(good != NULL);
    corrupt_byte(300);
    int from_file;
    nx_model *m = load(&from_file, &err);
    CHECK(m == NULL);
    CHECK_INT(err.status, NX_ERR_PARSE);
    CHECK_STR(err.file, p);
    CHECK(strstr(err.message, "checksum") != NULL);
    /* without the *.tsv files a file only the checksum finds corrupt is an
     * error too, though its structure was read while the sum was made */
    if (good) put_bytes(p, good, good_len);
    free(good);
    CHECK_INT(load_from_file(), 1);
    corrupt_pool();
    m = load(&from_file, &err);
    CHECK(m == NULL);
    CHECK_INT(err.status, NX_ERR_PARSE);
    CHECK_STR(err.file, p);
    CHECK(strstr(err.message, "checksum") != NULL);
    nx_model_free(m);
    unlink(p);
    m = load(&from_file, &err);
    CHECK(m == NULL);
    CHECK(strstr(err.message, "no *.tsv") != NULL);
    CHECK(rename(a2, a) == 0 && rename(b2, b) == 0);
    mo.gazetteer_dir = "/nonexistent/nerx";
    CHECK_INT(nx_model_compile(&mo, &err), NX_ERR_IO);
}

/* Several processes finding the model out of date at once each write their
 * own temporary file and rename it: every one loads, and the file that
 * stays is whole. */
static void test_concurrent_rebuild(void) {
    char p[256];
    model_path(p, sizeof p);
    unlink(p);
    enum { N = 4 };
    pid_t kids[N];
    for (int i = 0; i < N; i++) {
        kids[i] = fork();
        if (kids[i] == 0) _exit(load_from_file() >= 0 ? 0 : 1);
    }
    for (int i = 0; i < N; i++) {
        int status = 1;
        CHECK(kids[i] > 0 && waitpid(kids[i], &status, 0) == kids[i]);
        CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    }
    CHECK_INT(load_from_file(), 1);
    CHECK_INT(count_prefixed(NX_MFILE_NAME ".tmp"), 0);
}

/* ---- the framing -------------------------------------------------------------- */

/* A model image with the gazetteer of the scratch directory, plus whatever
 * more() adds, in a fresh image. */
static nx_status image_with(int (*more)(nx_mfile_writer *), nx_mfile *out) {
    char a[256];
    path_in(a, sizeof a, "a-small.tsv");
    const char *files[] = {a};
    nx_mfile base;
    nx_error err;
    nx_status st = nx_model_compile_files(files, 1, NULL, 0, &base, &err);
    if (st != NX_OK) return st;
    nx_mfile_writer w;
    nx_mfile_writer_init(&w);
    for (size_t i = 0; i < base.n_sections; i++) {
        const void *d;
        size_t len;
        CHECK(nx_mfile_find(&base, base.table[i].id, &d, &len));
        CHECK_INT(nx_mfile_writer_add(&w, base.table[i].id, base.table[i].align, d, len), 0);
    }
    if (more && more(&w)) st = NX_ERR_NOMEM;
    if (st == NX_OK) st = nx_mfile_writer_finish(&w, out);
    nx_mfile_writer_free(&w);
    nx_mfile_close(&base);
    return st;
}

static int add_unknown(nx_mfile_writer *w) {
    /* a section from a later nerx (compiled patterns, say) */
    void *p = nx_mfile_writer_reserve(w, 200, 64, 100);
    if (!p) return -1;
    memset(p, 0xAB, 100);
    CHECK(nx_mfile_writer_reserve(w, 200, 8, 8) == NULL); /* one section per id */
    CHECK(nx_mfile_writer_reserve(w, 201, 3, 8) == NULL); /* alignment a power of two */
    CHECK(nx_mfile_writer_reserve(w, 0, 8, 8) == NULL);   /* id 0 is no id */
    return 0;
}

static void test_unknown_sections(void) {
    nx_mfile img;
    CHECK_INT(image_with(add_unknown, &img), NX_OK);
    const void *d;
    size_t len;
    CHECK(nx_mfile_find(&img, 200, &d, &len));
    CHECK_INT(len, 100);
    CHECK_INT((uintptr_t)d % 64, 0);
    CHECK(!nx_mfile_find(&img, 202, &d, &len));
    nx_model *m = calloc(1, sizeof *m);
    nx_error err;
    CHECK_INT(nx_model_attach(m, &img, "with-unknown", &err), NX_OK); /* the reader skips it */
    CHECK(nx_gazetteer_word(&m->gaz, "york", 4) != 0);
    nx_model_free(m);
}

/* Opening a damaged file: an error that names it and says what is wrong. */
static void expect_open_error(const char *data, size_t len, nx_status want, const char *msg_part) {
    char p[256];
    path_in(p, sizeof p, "damaged.model");
    put_bytes(p, data, len);
    nx_mfile f;
    nx_error err;
    memset(&err, 0, sizeof err);
    CHECK_INT(nx_mfile_open(p, NX_MFILE_CHECKSUM, &f, &err), want);
    unlink(p);
    if (want == NX_OK) {
        CHECK(f.base != NULL);
        nx_mfile_close(&f);
        return;
    }
    CHECK_STR(err.file, p);
    if (!strstr(err.message, msg_part)) fprintf(stderr, "message: %s (expected %s)\n", err.message, msg_part);
    CHECK(strstr(err.message, msg_part) != NULL);
    CHECK(f.base == NULL);
}

static void test_open_errors(void) {
    nx_mfile img;
    CHECK_INT(image_with(NULL, &img), NX_OK);
    size_t n = img.size;
    char *s = malloc(n);
    memcpy(s, img.base, n);
    nx_mfile_close(&img);
    expect_open_error(s, 0, NX_ERR_PARSE, "truncated");
    expect_open_error(s, 63, NX_ERR_PARSE, "truncated");
    expect_open_error(s, n - 1, NX_ERR_PARSE, "truncated");
    s[0] ^= 1;
    expect_open_error(s, n, NX_ERR_PARSE, "magic");
    s[0] ^= 1;
    s[n / 2] ^= 1;
    expect_open_error(s, n, NX_ERR_PARSE, "checksum");
    s[n / 2] ^= 1;
    nx_mfile_header h;
    memcpy(&h, s, sizeof h);
    h.endian = 0x04030201;
    memcpy(s, &h, sizeof h);
    expect_open_error(s, n, NX_ERR_PARSE, "byte order");
    h.endian = NX_MFILE_ENDIAN;
    h.version = NX_MFILE_VERSION + 1;
    memcpy(s, &h, sizeof h);
    expect_open_error(s, n, NX_ERR_PARSE, "format version");
    h.version = NX_MFILE_VERSION;
    memcpy(s, &h, sizeof h);
    expect_open_error(s, n, NX_OK, ""); /* intact again */
    nx_mfile f;
    nx_error err;
    CHECK_INT(nx_mfile_open("/nonexistent/nerx.model", 0, &f, &err), NX_ERR_IO);
    CHECK_STR(err.file, "/nonexistent/nerx.model");
    free(s);
}

/* The image with the 32-bit word at byte `at` of section `id` set to v,
 * read without the checksum (as a hostile file that kept it right would
 * be): whether the model attaches, and if not, that the message names the
 * section and says `msg_part`. */
static void expect_refused_bytes(const nx_mfile *img, uint32_t id, size_t at, const void *v, size_t n,
                                 const char *msg_part) {
    const void *d;
    size_t len;
    CHECK(nx_mfile_find(img, id, &d, &len) && at + n <= len);
    if (at + n > len) return;
    void *buf = nx_mfile_alloc(img->size);
    CHECK(buf != NULL);
    if (!buf) return;
    memcpy(buf, img->base, img->size);
    memcpy((char *)buf + ((const char *)d - (const char *)img->base) + at, v, n);
    nx_mfile f;
    nx_error err;
    memset(&err, 0, sizeof err);
    CHECK_INT(nx_mfile_from_memory(buf, img->size, 1, "hostile.model", 0, &f, &err), NX_OK);
    nx_model *m = calloc(1, sizeof *m);
    CHECK(m != NULL);
    if (!m) return;
    nx_status st = nx_model_attach(m, &f, "hostile.model", &err);
    if (msg_part) {
        CHECK_INT(st, NX_ERR_PARSE);
        if (st == NX_ERR_PARSE && (!strstr(err.message, msg_part) || !strstr(err.message, nx_msection_name(id))))
            fprintf(stderr, "message: %s (expected %s in %s)\n", err.message, msg_part, nx_msection_name(id));
        CHECK(st != NX_ERR_PARSE || (strstr(err.message, msg_part) && strstr(err.message, nx_msection_name(id))));
    } else {
        CHECK_INT(st, NX_OK);
    }
    nx_model_free(m);
}

static void expect_refused_word(const nx_mfile *img, uint32_t id, size_t at, uint32_t v, const char *msg_part) {
    expect_refused_bytes(img, id, at, &v, 4, msg_part);
}

static void expect_refused_byte(const nx_mfile *img, uint32_t id, size_t at, uint8_t v, const char *msg_part) {
    expect_refused_bytes(img, id, at, &v, 1, msg_part);
}

/* The same for each node's first entry and flags and each entry's next
 * entry (checked as vectors of 8 words or 32 bytes): in the first item,
 * one in the middle of a vector and the last, on a model of a few hundred
 * nodes and entries (a-small's are fewer than a vector). */
static void test_checks_lists(void) {
    char a[256], many[256];
    path_in(a, sizeof a, "a-small.tsv");
    path_in(many, sizeof many, "c-many.tsv");
    FILE *f = fopen(many, "w");
    CHECK(f != NULL);
    if (!f) return;
    fputs("# type: place\n", f);
    for (int k = 0; k < 150; k++) fprintf(f, "Placename%d Heights\n", k);
    fclose(f);
    const char *files[] = {a, many};
    nx_mfile img;
    nx_error err;
    CHECK_INT(nx_model_compile_files(files, 2, NULL, 0, &img, &err), NX_OK);
    remove(many);
    const void *d;
    size_t nodes_len, entries_len;
    CHECK(nx_mfile_find(&img, NX_MS_NODE_HEAD, &d, &nodes_len));
    CHECK(nx_mfile_find(&img, NX_MS_ENTRIES, &d, &entries_len));
    uint32_t n_nodes = (uint32_t)(nodes_len / 4), n_entries = (uint32_t)(entries_len / sizeof(nx_entry));
    CHECK(n_nodes > 100 && n_entries > 100);
    const uint32_t at[] = {0, 45, n_nodes - 1}, at_entry[] = {0, 45, n_entries - 1};
    const char *list_bad = "goes backwards or out of range";
    for (size_t k = 0; k < 3; k++) {
        size_t node = at[k], e = at_entry[k];
        expect_refused_word(&img, NX_MS_NODE_HEAD, 4 * node, n_entries + 1, "first entry is out of range");
        expect_refused_word(&img, NX_MS_NODE_HEAD, 4 * node, UINT32_MAX, "first entry is out of range");
        expect_refused_word(&img, NX_MS_NODE_HEAD, 4 * node, n_entries, NULL);
        expect_refused_byte(&img, NX_MS_NODE_FLAGS, node, NX_GN_ALL + 1, "unknown flag");
        expect_refused_byte(&img, NX_MS_NODE_FLAGS, node, 0x80, "unknown flag");
        expect_refused_byte(&img, NX_MS_NODE_FLAGS, node, NX_GN_ALL, NULL);
        expect_refused_word(&img, NX_MS_ENTRY_NEXT, 4 * e, (uint32_t)e + 1, list_bad); /* itself */
        expect_refused_word(&img, NX_MS_ENTRY_NEXT, 4 * e, n_entries + 1, list_bad);
        expect_refused_word(&img, NX_MS_ENTRY_NEXT, 4 * e, 0x80000000u, list_bad);
        expect_refused_word(&img, NX_MS_ENTRY_NEXT, 4 * e, 0, NULL);
        if (e + 1 < n_entries) { /* forward: the next entry, the last one */
            if (e) expect_refused_word(&img, NX_MS_ENTRY_NEXT, 4 * e, (uint32_t)e, list_bad); /* the one before */
            expect_refused_word(&img, NX_MS_ENTRY_NEXT, 4 * e, (uint32_t)e + 2, NULL);
            expect_refused_word(&img, NX_MS_ENTRY_NEXT, 4 * e, n_entries, NULL);
        } else {
            expect_refused_word(&img, NX_MS_ENTRY_NEXT, 4 * e, n_entries, list_bad); /* the last entry itself */
        }
    }
    nx_mfile_close(&img);
}

/* The structural checks (nx_gazetteer_attach) catch each field of a slot
 * and of an entry out of range, in the first item and the last (the checks
 * run over vectors of fields: a lane or the loop's tail left out would let
 * one through), and pass the same values in range. */
static void test_checks_each_field(void) {
    nx_mfile img;
    CHECK_INT(image_with(NULL, &img), NX_OK);
    const void *d;
    size_t slots_len, entries_len, labels_len, nodes_len, pool_len;
    CHECK(nx_mfile_find(&img, NX_MS_EDGES, &d, &slots_len));
    CHECK(nx_mfile_find(&img, NX_MS_ENTRIES, &d, &entries_len));
    CHECK(nx_mfile_find(&img, NX_MS_EDGE_LABELS, &d, &labels_len));
    CHECK(nx_mfile_find(&img, NX_MS_NODE_HEAD, &d, &nodes_len));
    CHECK(nx_mfile_find(&img, NX_MS_POOL, &d, &pool_len));
    uint32_t n_nodes = (uint32_t)(nodes_len / 4);
    const char *edge_bad = "an edge's node or label is out of range";
    const char *entry_bad = "an index out of range";
    for (int last = 0; last < 2; last++) {
        size_t slot = last ? slots_len - sizeof(nx_gedge) : 0, entry = last ? entries_len - sizeof(nx_entry) : 0;
        /* the tag may be anything; parent, child and label have limits */
        expect_refused_word(&img, NX_MS_EDGES, slot + offsetof(nx_gedge, tag), UINT32_MAX, NULL);
        expect_refused_word(&img, NX_MS_EDGES, slot + offsetof(nx_gedge, parent), n_nodes, edge_bad);
        expect_refused_word(&img, NX_MS_EDGES, slot + offsetof(nx_gedge, parent), n_nodes - 1, NULL);
        expect_refused_word(&img, NX_MS_EDGES, slot + offsetof(nx_gedge, label), (uint32_t)labels_len, edge_bad);
        expect_refused_word(&img, NX_MS_EDGES, slot + offsetof(nx_gedge, label), UINT32_MAX, edge_bad);
        expect_refused_word(&img, NX_MS_EDGES, slot + offsetof(nx_gedge, label), (uint32_t)labels_len - 1, NULL);
        size_t fields[] = {offsetof(nx_entry, surface), offsetof(nx_entry, name), offsetof(nx_entry, kind),
                           offsetof(nx_entry, value), offsetof(nx_entry, id)};
        for (size_t k = 0; k < sizeof fields / sizeof *fields; k++) {
            expect_refused_word(&img, NX_MS_ENTRIES, entry + fields[k], (uint32_t)pool_len, entry_bad);
            expect_refused_word(&img, NX_MS_ENTRIES, entry + fields[k], 0x80000000u, entry_bad);
            expect_refused_word(&img, NX_MS_ENTRIES, entry + fields[k], (uint32_t)pool_len - 1, NULL);
        }
        /* the byte and 16-bit fields (the vector checks read them by width) */
        expect_refused_byte(&img, NX_MS_ENTRIES, entry + offsetof(nx_entry, cls), NX_G_CLASS_COUNT, entry_bad);
        expect_refused_byte(&img, NX_MS_ENTRIES, entry + offsetof(nx_entry, cls), NX_G_CLASS_COUNT - 1, NULL);
        expect_refused_byte(&img, NX_MS_ENTRIES, entry + offsetof(nx_entry, case_rule), NX_CASE_COUNT, entry_bad);
        expect_refused_byte(&img, NX_MS_ENTRIES, entry + offsetof(nx_entry, status), NX_STATUS_COUNT, entry_bad);
        expect_refused_byte(&img, NX_MS_ENTRIES, entry + offsetof(nx_entry, family_first), 255, NULL);
        expect_refused_byte(&img, NX_MS_ENTRIES, entry + offsetof(nx_entry, country) + 3, 'X', entry_bad);
        const void *srcs;
        size_t slen;
        CHECK(nx_mfile_find(&img, NX_MS_SOURCES, &srcs, &slen));
        uint16_t n_src = (uint16_t)(slen / sizeof(nx_gsource)), over = n_src, in = (uint16_t)(n_src - 1), big = 0xFFFF;
        expect_refused_bytes(&img, NX_MS_ENTRIES, entry + offsetof(nx_entry, source), &over, 2, entry_bad);
        expect_refused_bytes(&img, NX_MS_ENTRIES, entry + offsetof(nx_entry, source), &big, 2, entry_bad);
        expect_refused_bytes(&img, NX_MS_ENTRIES, entry + offsetof(nx_entry, source), &in, 2, NULL);
    }
    /* a child out of range in a slot that was empty */
    const nx_gedge *slots;
    CHECK(nx_mfile_find(&img, NX_MS_EDGES, &d, &slots_len));
    slots = d;
    size_t empty = 0;
    while (empty < slots_len / sizeof *slots && slots[empty].child) empty++;
    expect_refused_word(&img, NX_MS_EDGES, empty * sizeof *slots + offsetof(nx_gedge, child), n_nodes, edge_bad);
    /* no empty slot at all: every lookup of an absent edge would run forever */
    size_t n_slots = slots_len / sizeof *slots;
    nx_gedge *full = malloc(slots_len);
    CHECK(full != NULL);
    if (full) {
        memcpy(full, slots, slots_len);
        for (size_t k = 0; k < n_slots; k++)
            if (!full[k].child) full[k].child = 1;
        expect_refused_bytes(&img, NX_MS_EDGES, 0, full, slots_len, "no empty slot");
        full[n_slots - 1].child = 0; /* one, the last (the vector loop's last lane) */
        if (slots[n_slots - 1].child) full[n_slots - 1] = (nx_gedge){0, 0, 0, 0};
        expect_refused_bytes(&img, NX_MS_EDGES, 0, full, slots_len, NULL);
        free(full);
    }
    nx_mfile_close(&img);
}

/* The checksum is the same sum on the AVX2 path and on the loop a CPU
 * without it takes (NERX_NO_AVX2_CHECKS), for every length around the
 * blocks the vector path starts at, and on the shipped model's size; and a
 * word changed anywhere changes it. */
static void test_checksum_paths(void) {
    size_t big = 3 * 1024 * 1024 + 77;
    unsigned char *b = malloc(big);
    CHECK(b != NULL);
    if (!b) return;
    uint64_t x = 0x9E3779B97F4A7C15ULL;
    for (size_t i = 0; i < big; i++) x ^= x << 13, x ^= x >> 7, x ^= x << 17, b[i] = (unsigned char)x;
    size_t lens[] = {96, 65, 64 + 32 * 63, 64 + 32 * 64, 64 + 32 * 64 + 31, 64 + 32 * 65 + 5, 100000, big};
    int differ = 0, unchanged = 0;
    for (size_t k = 0; k < sizeof lens / sizeof *lens; k++) {
        uint64_t fast = nx_mfile_checksum(b, lens[k]);
        setenv("NERX_NO_AVX2_CHECKS", "1", 1);
        uint64_t slow = nx_mfile_checksum(b, lens[k]);
        unsetenv("NERX_NO_AVX2_CHECKS");
        differ += fast != slow;
        size_t at = 64 + (lens[k] - 64) / 2; /* a byte in the body */
        b[at] ^= 1;
        unchanged += nx_mfile_checksum(b, lens[k]) == fast;
        b[at] ^= 1;
    }
    CHECK_INT(differ, 0);
    CHECK_INT(unchanged, 0);
    free(b);
}

int main(void) {
    make_dir();
    test_checksum_paths();
    test_round_trip_small();
    test_round_trip_shipped();
    test_month_values();
    test_cache();
    test_cached_patterns();
    test_extra_files();
    test_not_writable();
    test_compile_and_model_only();
    test_concurrent_rebuild();
    test_unknown_sections();
    test_open_errors();
    test_checks_each_field();
    test_checks_lists();
    /* and on the loops the checks take on a CPU without AVX2 (gazetteer.c) */
    setenv("NERX_NO_AVX2_CHECKS", "1", 1);
    test_checks_each_field();
    test_checks_lists();
    unsetenv("NERX_NO_AVX2_CHECKS");
    remove_tree(dir);
    return check_result("test_model_file");
}
