/* test_patterns.c: pattern files, macros, named groups, match limits and
 * errors with their location; the shipped pattern files compile. */
#include <dirent.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "check.h"
#include "patterns.h"

static const nx_pattern_macro macros[] = {
    {"MONTH", "(?i:january|july|jan)|May"},
    {"WEEKDAY", "(?i:monday|tuesday)"},
};

/* Stand-ins for every macro the model provides (model.c: month, weekday and
 * the temporal.tsv kinds), for the shipped pattern files. */
static const nx_pattern_macro model_macros[] = {
    {"MONTH", "(?i:january|july|jan)|May"}, {"WEEKDAY", "(?i:monday|tuesday)"},
    {"NUMBER", "(?i:one|two|several)"},    {"ORDINAL", "(?i:first|second)"},
    {"UNIT", "(?i:days?|years?)"},          {"SEASON", "(?i:summer|fall)"},
    {"DAYPART", "(?i:morning|night)"},      {"CLOCK", "(?i:noon)"},
    {"HOLIDAY", "(?i:christmas)"},          {"REL", "(?i:last|next|ago)"},
    {"TWORD", "(?i:today|now)"},            {"TSET", "(?i:daily)"},
};

static void test_groups(void) {
    char *path = check_tmp_file("# test\n@define\tDAY\t(?:[0-9]{1,2})\n"
                                "mdy\tdate\t\\b(?<month>{MONTH})\\s+(?<day>{DAY}),\\s+(?<year>[0-9]{4})\\b\n"
                                "file\tskip\t\\w+\\.jpg\\b\n");
    CHECK(path != NULL);
    nx_patterns p;
    nx_patterns_init(&p);
    nx_error err;
    const char *paths[] = {path};
    CHECK_INT(nx_patterns_load(&p, paths, 1, macros, 2, &err), NX_OK);
    CHECK_INT(p.count, 2);
    CHECK_STR(p.items[0].rule, "date:mdy");
    CHECK_STR(p.items[1].rule, "skip:file");
    nx_arena a;
    nx_arena_init(&a);
    nx_text t;
    const char *s = "On July 05, 2024 and JANUARY 1, 1990 (see a_b.jpg); may 3, 2020 is not May.";
    CHECK_INT(nx_text_prepare(&a, s, strlen(s), &t), NX_OK);
    nx_pmatch *m;
    size_t n;
    const char *limit;
    CHECK_INT(nx_patterns_run(&p, &a, &t, NULL, &m, &n, &limit), NX_OK);
    CHECK(limit == NULL);
    CHECK_INT(n, 3); /* "may 3" is lower case and May is case-exact */
    if (n == 3) {
        CHECK_INT(m[0].b0, 3);
        CHECK_INT(m[0].b1, 16);
        CHECK_INT(m[0].g0[NX_GRP_MONTH], 3);
        CHECK_INT(m[0].g1[NX_GRP_MONTH], 7);
        CHECK_INT(m[0].g0[NX_GRP_YEAR], 12);
        CHECK_INT(m[0].g0[NX_GRP_WEEKDAY], UINT32_MAX);
        CHECK_INT(m[1].b0, 21);
        CHECK_INT(m[2].pattern, 1);
    }
    nx_arena_free(&a);
    nx_patterns_free(&p);
    unlink(path);
}

static void test_limits(void) {
    /* catastrophic backtracking must end quickly and be reported */
    char *path = check_tmp_file("evil\tdate\t^(?:a|aa)+$\n");
    nx_patterns p;
    nx_patterns_init(&p);
    p.match_limit = 10000;
    nx_error err;
    const char *paths[] = {path};
    CHECK_INT(nx_patterns_load(&p, paths, 1, macros, 2, &err), NX_OK);
    size_t len = 100000;
    char *s = malloc(len + 1);
    memset(s, 'a', len);
    s[len - 1] = '!';
    s[len] = '\0';
    nx_arena a;
    nx_arena_init(&a);
    nx_text t;
    CHECK_INT(nx_text_prepare(&a, s, len, &t), NX_OK);
    nx_pmatch *m;
    size_t n;
    const char *limit;
    clock_t c0 = clock();
    CHECK_INT(nx_patterns_run(&p, &a, &t, NULL, &m, &n, &limit), NX_OK);
    CHECK(limit != NULL && strcmp(limit, "date:evil") == 0);
    CHECK(clock() - c0 < 5 * CLOCKS_PER_SEC); /* a hang guard, not a benchmark */
    nx_arena_free(&a);
    nx_patterns_free(&p);
    free(s);
    unlink(path);
}

static void expect_error(const char *content, nx_status want, size_t line, size_t col, const char *part) {
    char *path = check_tmp_file(content);
    nx_patterns p;
    nx_patterns_init(&p);
    nx_error err;
    memset(&err, 0, sizeof err);
    const char *paths[] = {path};
    CHECK_INT(nx_patterns_load(&p, paths, 1, macros, 2, &err), want);
    CHECK_INT(err.line, line);
    CHECK_INT(err.column, col);
    CHECK(strstr(err.message, part) != NULL);
    nx_patterns_free(&p);
    unlink(path);
}

static void test_errors(void) {
    expect_error("# c\nok\tdate\tx\nbad\tdate\t(unclosed\n", NX_ERR_PATTERN, 3, 10, "does not compile");
    expect_error("x\tdate\t{NOPE}y\n", NX_ERR_PARSE, 1, 8, "unknown macro");
    expect_error("x\tdatum\ty\n", NX_ERR_PARSE, 1, 3, "unknown pattern type");
    expect_error("just one field\n", NX_ERR_PARSE, 1, 1, "expected name");
}

/* Every pattern file we ship compiles with the macros the model provides. */
static void test_shipped_patterns(void) {
    const char *dir = NX_GAZETTEERS_DIR "/patterns";
    DIR *d = opendir(dir);
    CHECK(d != NULL);
    if (!d) return;
    struct dirent *e;
    int files = 0;
    while ((e = readdir(d))) {
        size_t n = strlen(e->d_name);
        if (n < 5 || strcmp(e->d_name + n - 4, ".pat")) continue;
        char path[512];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        nx_patterns p;
        nx_patterns_init(&p);
        nx_error err;
        const char *paths[] = {path};
        nx_status st = nx_patterns_load(&p, paths, 1, model_macros, sizeof model_macros / sizeof *model_macros, &err);
        if (st != NX_OK) fprintf(stderr, "%s:%zu: %s\n", path, err.line, err.message);
        CHECK_INT(st, NX_OK);
        nx_patterns_free(&p);
        files++;
    }
    closedir(d);
    CHECK(files >= 2);
}

int main(void) {
    test_groups();
    test_limits();
    test_errors();
    test_shipped_patterns();
    return check_result("test_patterns");
}
