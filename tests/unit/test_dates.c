/* test_dates.c: table-driven: each row of tests/data/dates.tsv is a text,
 * a dct and a date order, and every temporal expression nerx must find in it
 * (dates, times, durations, sets) with its TIMEX3 value, and nothing else;
 * a row whose expectation starts with dct=VALUE/SOURCE also checks the
 * document creation time and where it came from. */
#include <stdlib.h>

#include "check.h"
#include "model_fixture.h"
#include "nerx.h"

static nx_model *model;

/* "\n" in the table is a line break. */
static void unescape(char *s) {
    char *w = s;
    for (char *r = s; *r; r++) {
        if (r[0] == '\\' && r[1] == 'n') {
            *w++ = '\n';
            r++;
        } else {
            *w++ = *r;
        }
    }
    *w = '\0';
}

/* The dct form every caller validates with (the CLI's --dct included). */
static void test_is_date(void) {
    CHECK_INT(nx_is_date("2024-02-29"), 1);
    CHECK_INT(nx_is_date("2023-02-29"), 0); /* not a leap year */
    CHECK_INT(nx_is_date("2024-04-31"), 0);
    CHECK_INT(nx_is_date("2024-13-01"), 0);
    CHECK_INT(nx_is_date("2024-7-05"), 0);
    CHECK_INT(nx_is_date("2024-07-05T10:00"), 0);
    CHECK_INT(nx_is_date(NULL), 0);
}

static int run_row(const char *dct, const char *order, const char *text, const char *want, size_t line) {
    nx_options o;
    nx_options_init(&o);
    o.dct = strcmp(dct, "-") ? dct : NULL;
    o.date_order = strcmp(order, "dmy") ? NX_DATE_ORDER_MDY : NX_DATE_ORDER_DMY;
    nx_document *doc = NULL;
    nx_error err;
    if (nx_extract(model, text, strlen(text), "row", &o, &doc, &err) != NX_OK) {
        fprintf(stderr, "dates.tsv:%zu: extract failed: %s\n", line, err.message);
        return 1;
    }
    char got[2048] = "";
    size_t n;
    if (!strncmp(want, "dct=", 4)) {
        /* the row checks the dct too: dct=VALUE/SOURCE first */
        const char *src = NULL, *found = nx_document_dct(doc, &src);
        snprintf(got, sizeof got, "dct=%s/%s", found ? found : "null", src ? src : "null");
    }
    const nx_mention *m = nx_document_mentions(doc, &n);
    for (size_t i = 0; i < n; i++) {
        if (m[i].type != NX_DATE && m[i].type != NX_TIME && m[i].type != NX_DURATION && m[i].type != NX_SET) continue;
        size_t len = strlen(got);
        snprintf(got + len, sizeof got - len, "%s%s=%s", len ? "|" : "", m[i].text, m[i].value ? m[i].value : "");
    }
    if (!got[0]) strcpy(got, "-");
    nx_document_free(doc);
    if (strcmp(got, want) != 0) {
        fprintf(stderr, "dates.tsv:%zu: %s\n    got      %s\n    expected %s\n", line, text, got, want);
        return 1;
    }
    return 0;
}

int main(void) {
    model = load_test_model();
    if (!model) return 1;
    FILE *f = fopen(NX_TEST_DATA "/dates.tsv", "r");
    CHECK(f != NULL);
    char buf[4096];
    size_t line = 0, rows = 0;
    while (f && fgets(buf, sizeof buf, f)) {
        line++;
        buf[strcspn(buf, "\r\n")] = '\0';
        if (!buf[0] || buf[0] == '#') continue;
        char *fields[4];
        char *p = buf;
        int k = 0;
        for (; k < 4 && p; k++) {
            fields[k] = p;
            p = strchr(p, '\t');
            if (p) *p++ = '\0';
        }
        if (k < 4) {
            fprintf(stderr, "dates.tsv:%zu: expected 4 tab-separated fields\n", line);
            CHECK(0);
            continue;
        }
        unescape(fields[2]);
        rows++;
        CHECK(run_row(fields[0], fields[1], fields[2], fields[3], line) == 0);
    }
    if (f) fclose(f);
    CHECK(rows >= 300);
    test_is_date();
    nx_model_free(model);
    return check_result("test_dates");
}
