/* test_input.c: readers over JSON Lines, text files, directories and
 * missing paths, with an error record in place of each bad input. */
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "nerx.h"

static char dir[64];

static void put(const char *name, const char *content) {
    char path[256];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    CHECK(f != NULL);
    if (!f) return;
    fputs(content, f);
    fclose(f);
}

static void test_jsonl(void) {
    put("a.jsonl",
        "{\"id\": \"r1\", \"text\": \"One.\", \"dct\": \"2024-07-05\"}\n"
        "\n"
        "{\"id\": 7, \"text\": \"Two.\", \"date\": \"2024-07-05T10:00:00Z\"}\n"
        "{\"id\": \"r3\", \"text\": \"Three.\"\n"
        "{\"text\": \"Four.\"}\n"
        "{\"id\": \"r5\", \"body\": \"no text\"}\n"
        "[1, 2]\n"
        "{\"id\": \"r7\", \"text\": \"Seven.\", \"dct\": \"July 5\"}\n"
        "{\"id\": \"r8\", \"text\": \"Eight.\", \"dct\": null}\n");
    char path[256];
    snprintf(path, sizeof path, "%s/a.jsonl", dir);
    const char *paths[] = {path};
    nx_reader *r;
    nx_error err;
    CHECK_INT(nx_reader_open(paths, 1, NULL, &r, &err), NX_OK);
    CHECK(!nx_reader_single_text(r));
    nx_record rec;
    CHECK_INT(nx_reader_next(r, &rec), NX_OK);
    CHECK_STR(rec.id, "r1");
    CHECK_STR(rec.text, "One.");
    CHECK_STR(rec.dct, "2024-07-05");
    CHECK_INT(rec.status, NX_OK);
    CHECK_INT(nx_reader_next(r, &rec), NX_OK);
    CHECK_STR(rec.id, "7");
    CHECK_STR(rec.dct, "2024-07-05"); /* the date field, date-time cut to the day */
    CHECK_INT(nx_reader_next(r, &rec), NX_OK);
    CHECK_INT(rec.status, NX_ERR_PARSE);
    char where[300];
    snprintf(where, sizeof where, "%s:4", path); /* the line number counts the blank line */
    CHECK_STR(rec.id, where);
    CHECK(strstr(rec.error, "malformed") != NULL);
    CHECK_INT(nx_reader_next(r, &rec), NX_OK);
    CHECK_INT(rec.status, NX_OK);
    snprintf(where, sizeof where, "%s:5", path); /* no id: file and line */
    CHECK_STR(rec.id, where);
    CHECK_INT(nx_reader_next(r, &rec), NX_OK);
    CHECK_INT(rec.status, NX_ERR_PARSE);
    CHECK_STR(rec.id, "r5");
    CHECK(strstr(rec.error, "\"text\"") != NULL);
    CHECK_INT(nx_reader_next(r, &rec), NX_OK);
    CHECK_INT(rec.status, NX_ERR_PARSE);
    CHECK(strstr(rec.error, "not a JSON object") != NULL);
    CHECK_INT(nx_reader_next(r, &rec), NX_OK);
    CHECK_INT(rec.status, NX_OK); /* a dct that is no date is a warning, not a lost document */
    CHECK_STR(rec.id, "r7");
    CHECK(rec.dct == NULL);
    CHECK(rec.warning && strstr(rec.warning, "dct") != NULL);
    CHECK_INT(nx_reader_next(r, &rec), NX_OK);
    CHECK_STR(rec.id, "r8");
    CHECK(rec.dct == NULL);
    CHECK_INT(nx_reader_next(r, &rec), NX_ERR_END);
    nx_reader_free(r);
}

static void test_field_names(void) {
    put("b.ndjson", "{\"doc\": \"x1\", \"body\": \"Hello.\", \"published\": \"2020-01-02\"}\n");
    char path[256];
    snprintf(path, sizeof path, "%s/b.ndjson", dir);
    const char *paths[] = {path};
    nx_input_options o;
    nx_input_options_init(&o);
    o.id_field = "doc";
    o.text_field = "body";
    o.dct_field = "published";
    nx_reader *r;
    CHECK_INT(nx_reader_open(paths, 1, &o, &r, NULL), NX_OK);
    nx_record rec;
    CHECK_INT(nx_reader_next(r, &rec), NX_OK);
    CHECK_STR(rec.id, "x1");
    CHECK_STR(rec.text, "Hello.");
    CHECK_STR(rec.dct, "2020-01-02");
    nx_reader_free(r);
}

static void test_directory_and_missing(void) {
    char sub[128];
    snprintf(sub, sizeof sub, "%s/sub", dir);
    mkdir(sub, 0700);
    put("sub/z.txt", "Zed.");
    put("c.txt", "Sea.");
    put("ignored.csv", "x");
    const char *paths[] = {dir, "/nonexistent/file.txt"};
    nx_reader *r;
    CHECK_INT(nx_reader_open(paths, 2, NULL, &r, NULL), NX_OK);
    CHECK(!nx_reader_single_text(r));
    nx_record rec;
    const char *want[] = {"a.jsonl", "b.ndjson", "c.txt", "sub/z.txt"};
    size_t n = 0, text_files = 0;
    while (nx_reader_next(r, &rec) == NX_OK) {
        if (rec.status == NX_ERR_IO) {
            CHECK_STR(rec.id, "/nonexistent/file.txt");
            CHECK(strstr(rec.error, "cannot open") != NULL);
            n++;
            continue;
        }
        if (rec.from_text_file) {
            char p[256];
            snprintf(p, sizeof p, "%s/%s", dir, want[2 + text_files]);
            CHECK_STR(rec.id, p);
            text_files++;
        }
        n++;
    }
    CHECK_INT(text_files, 2);
    CHECK_INT(n, 8 + 1 + 2 + 1); /* a.jsonl, b.ndjson, c.txt and sub/z.txt, the missing file */
    nx_reader_free(r);
    char c_path[256];
    snprintf(c_path, sizeof c_path, "%s/c.txt", dir);
    const char *one[] = {c_path};
    CHECK_INT(nx_reader_open(one, 1, NULL, &r, NULL), NX_OK);
    CHECK(nx_reader_single_text(r));
    nx_reader_free(r);
}

int main(void) {
    snprintf(dir, sizeof dir, "/tmp/nerx-input-XXXXXX");
    if (!mkdtemp(dir)) return 1;
    test_jsonl();
    test_field_names();
    test_directory_and_missing();
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0) fprintf(stderr, "could not remove %s\n", dir);
    return check_result("test_input");
}
