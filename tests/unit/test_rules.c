/* test_rules.c: recognition and linking rules on short sentences, from
 * two tables: tests/data/entities.tsv (the people, organisations and
 * places in each sentence) and tests/data/relations.tsv (the holds_title
 * facts each sentence states). The expected values are what the text
 * says, written by hand. */
#include <stdlib.h>

#include "check.h"
#include "model_fixture.h"
#include "nerx.h"

static nx_model *model;

static nx_document *extract(const char *text) {
    nx_options o;
    nx_options_init(&o);
    o.dct = "2024-07-05";
    nx_document *doc = NULL;
    nx_error err;
    if (nx_extract(model, text, strlen(text), "rule", &o, &doc, &err) != NX_OK) {
        fprintf(stderr, "extract failed: %s\n", err.message);
        return NULL;
    }
    return doc;
}

static void append(char *buf, size_t cap, const char *sep, const char *s) {
    size_t n = strlen(buf);
    snprintf(buf + n, cap - n, "%s%s", n ? sep : "", s);
}

static int entities_row(const char *text, const char *want, size_t line) {
    nx_document *doc = extract(text);
    if (!doc) return 1;
    char got[4096] = "";
    size_t n;
    const nx_mention *m = nx_document_mentions(doc, &n);
    size_t ne;
    const nx_entity *ents = nx_document_entities(doc, &ne);
    for (size_t i = 0; i < n; i++) {
        if (m[i].type > NX_PLACE && m[i].type != NX_NATIONALITY) continue;
        char item[512];
        /* a nationality shows the country it refers to: nationality:Kazakh>Kazakhstan */
        int nat = m[i].type == NX_NATIONALITY && m[i].entity >= 0 && (size_t)m[i].entity < ne;
        snprintf(item, sizeof item, "%s:%s%s%s", nx_type_name(m[i].type), m[i].text, nat ? ">" : "",
                 nat ? ents[m[i].entity].name : "");
        append(got, sizeof got, " | ", item);
    }
    if (!got[0]) strcpy(got, "-");
    nx_document_free(doc);
    if (strcmp(got, want)) {
        fprintf(stderr, "entities.tsv:%zu: %s\n    got      %s\n    expected %s\n", line, text, got, want);
        return 1;
    }
    return 0;
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* Facts as sorted "person|title|org" strings joined by " ; ". The person
 * and organisation are the mention texts of the relation; a relation other
 * than holds_title is prefixed with its type ("affiliated_with:"). When the
 * expected facts of a row say a status (a fourth field: |former), every
 * fact gets its status; when they name rules (@holds_title:apposition),
 * every fact gets the rule that made it. */
static int relations_row(const char *text, const char *want, size_t line) {
    nx_document *doc = extract(text);
    if (!doc) return 1;
    size_t nm, nr;
    const nx_mention *m = nx_document_mentions(doc, &nm);
    const nx_relation *r = nx_document_relations(doc, &nr);
    int with_rule = strchr(want, '@') != NULL, with_status = 0;
    for (const char *p = want; *p; p++) {
        size_t bars = 0;
        while (*p && *p != ';') bars += *p++ == '|';
        if (bars >= 3) with_status = 1;
        if (!*p) break;
    }
    char *items[32];
    size_t k = 0;
    for (size_t i = 0; i < nr && k < 32; i++) {
        const nx_argument *pa = nx_relation_argument(&r[i], "person"), *oa = nx_relation_argument(&r[i], "organization");
        const char *person = pa && pa->mention >= 0 ? m[pa->mention].text : NULL;
        const char *org = oa && oa->mention >= 0 ? m[oa->mention].text : "";
        char buf[512];
        snprintf(buf, sizeof buf, "%s%s%s|%s|%s%s%s%s%s", strcmp(r[i].type, "holds_title") ? r[i].type : "",
                 strcmp(r[i].type, "holds_title") ? ":" : "", person ? person : "?", r[i].value ? r[i].value : "", org,
                 with_status ? "|" : "", with_status && r[i].status ? r[i].status : "", with_rule ? "@" : "",
                 with_rule && r[i].rule ? r[i].rule : "");
        items[k++] = strdup(buf);
    }
    qsort(items, k, sizeof *items, cmp_str);
    char got[4096] = "";
    for (size_t i = 0; i < k; i++) {
        append(got, sizeof got, " ; ", items[i]);
        free(items[i]);
    }
    if (!got[0]) strcpy(got, "-");
    /* sort the expected facts the same way */
    char wbuf[4096];
    snprintf(wbuf, sizeof wbuf, "%s", want);
    char *wi[32];
    size_t wk = 0;
    for (char *p = strtok(wbuf, ";"); p && wk < 32; p = strtok(NULL, ";")) {
        while (*p == ' ') p++;
        size_t len = strlen(p);
        while (len && p[len - 1] == ' ') p[--len] = '\0';
        wi[wk++] = p;
    }
    qsort(wi, wk, sizeof *wi, cmp_str);
    char exp[4096] = "";
    for (size_t i = 0; i < wk; i++) append(exp, sizeof exp, " ; ", wi[i]);
    nx_document_free(doc);
    if (strcmp(got, exp)) {
        fprintf(stderr, "relations.tsv:%zu: %s\n    got      %s\n    expected %s\n", line, text, got, exp);
        return 1;
    }
    return 0;
}

static size_t run_table(const char *path, int (*row)(const char *, const char *, size_t)) {
    FILE *f = fopen(path, "r");
    CHECK(f != NULL);
    if (!f) return 0;
    char buf[4096];
    size_t line = 0, rows = 0;
    while (fgets(buf, sizeof buf, f)) {
        line++;
        buf[strcspn(buf, "\r\n")] = '\0';
        if (!buf[0] || buf[0] == '#') continue;
        char *tab = strchr(buf, '\t');
        if (!tab) {
            fprintf(stderr, "%s:%zu: expected sentence<TAB>expected\n", path, line);
            CHECK(0);
            continue;
        }
        *tab = '\0';
        rows++;
        CHECK(row(buf, tab + 1, line) == 0);
    }
    fclose(f);
    return rows;
}

int main(void) {
    model = load_test_model();
    if (!model) return 1;
    CHECK(run_table(NX_TEST_DATA "/entities.tsv", entities_row) >= 20);
    CHECK(run_table(NX_TEST_DATA "/relations.tsv", relations_row) >= 25);
    nx_model_free(model);
    return check_result("test_rules");
}
