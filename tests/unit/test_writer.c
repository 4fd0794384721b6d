/* test_writer.c: schema v1 JSON: escaping of quotes, backslashes, control
 * characters and non-ASCII text, offsets that match the input, invalid
 * UTF-8 written as U+FFFD, and error records; and the writer's bytes, both
 * compact and pretty, against cJSON's for the same records (the reference:
 * the tree builder the writer used before it wrote JSON directly); and the
 * graph form of a relation type from its name and roles alone; the text a
 * document keeps (nx_document_text()) and the HTML writer's nested marks. */
#include <cjson/cJSON.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "check.h"
#include "doc.h"
#include "model_fixture.h"
#include "nerx.h"
#include "writer.h"

static nx_model *model;

static cJSON *extract_json(const char *text, size_t len, const char *id, int flags) {
    nx_document *doc = NULL;
    nx_error err;
    nx_options o;
    nx_options_init(&o);
    o.dct = "2024-07-05";
    CHECK_INT(nx_extract(model, text, len, id, &o, &doc, &err), NX_OK);
    if (!doc) return NULL;
    char *s = nx_document_to_json(doc, flags);
    nx_document_free(doc);
    CHECK(s != NULL);
    if (!s) return NULL;
    if (!(flags & NX_WRITE_PRETTY)) CHECK(strchr(s, '\n') == NULL);
    cJSON *j = cJSON_Parse(s);
    CHECK(j != NULL);
    nx_free(s);
    return j;
}

static const char *str(const cJSON *o, const char *k) {
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, k);
    return cJSON_IsString(v) ? v->valuestring : NULL;
}

static double num(const cJSON *o, const char *k) {
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, k);
    return cJSON_IsNumber(v) ? v->valuedouble : -1;
}

static void test_escaping(void) {
    const char *text = "\"Quoted\" \\ back\tslash \x01 and Kazakhstan on July 4. Caf\xC3\xA9 \xE2\x80\x9C" "Astana IT University\xE2\x80\x9D.";
    cJSON *j = extract_json(text, strlen(text), "doc \"1\"\n\\", NX_WRITE_PRETTY);
    if (!j) return;
    CHECK_STR(str(j, "id"), "doc \"1\"\n\\");
    CHECK_STR(str(j, "dct"), "2024-07-05");
    const cJSON *ms = cJSON_GetObjectItemCaseSensitive(j, "mentions");
    CHECK(cJSON_GetArraySize(ms) >= 3);
    int saw_place = 0, saw_date = 0, saw_org = 0;
    const cJSON *m;
    cJSON_ArrayForEach(m, ms) {
        const char *t = str(m, "text");
        size_t b0 = (size_t)num(m, "byte_start"), b1 = (size_t)num(m, "byte_end");
        CHECK(t && b1 - b0 == strlen(t) && memcmp(text + b0, t, b1 - b0) == 0);
        if (t && !strcmp(t, "Kazakhstan")) {
            saw_place = 1;
            CHECK_STR(str(m, "type"), "place");
            CHECK_INT(num(m, "start"), num(m, "byte_start")); /* all ASCII before it */
            CHECK(str(m, "entity") != NULL);
        }
        if (t && !strcmp(t, "July 4")) {
            saw_date = 1;
            CHECK_STR(str(m, "value"), "2024-07-04");
            CHECK(cJSON_GetObjectItemCaseSensitive(m, "entity") == NULL);
        }
        if (t && !strcmp(t, "Astana IT University")) {
            saw_org = 1;
            /* after é and a curly quote: code points lag bytes by 1 + 2 */
            CHECK_INT(num(m, "start"), num(m, "byte_start") - 3);
        }
        CHECK(str(m, "rule") != NULL);
        CHECK(str(m, "id") != NULL && str(m, "id")[0] == 'm');
    }
    CHECK(saw_place && saw_date && saw_org);
    CHECK(cJSON_IsArray(cJSON_GetObjectItemCaseSensitive(j, "entities")));
    CHECK(cJSON_IsArray(cJSON_GetObjectItemCaseSensitive(j, "relations")));
    CHECK(cJSON_GetObjectItemCaseSensitive(j, "warnings") == NULL);
    cJSON_Delete(j);
}

static void test_invalid_utf8(void) {
    const char *text = "Caf\xE9 owner met officials in Kazakhstan.";
    cJSON *j = extract_json(text, strlen(text), "latin1", 0);
    if (!j) return;
    const cJSON *w = cJSON_GetObjectItemCaseSensitive(j, "warnings");
    CHECK(cJSON_GetArraySize(w) == 1);
    const cJSON *m;
    int found = 0;
    cJSON_ArrayForEach(m, cJSON_GetObjectItemCaseSensitive(j, "mentions")) {
        if (str(m, "text") && !strcmp(str(m, "text"), "Kazakhstan")) {
            found = 1;
            CHECK_INT(num(m, "start"), 28); /* the bad byte counts as one code point */
            CHECK_INT(num(m, "byte_start"), 28);
        }
    }
    CHECK(found);
    cJSON_Delete(j);
}

#define NX_TEST_STR_(x) #x
#define NX_TEST_STR(x) NX_TEST_STR_(x)
#define NX_TEST_VERSION NX_TEST_STR(NX_VERSION_MAJOR) "." NX_TEST_STR(NX_VERSION_MINOR) "." NX_TEST_STR(NX_VERSION_PATCH)

static void test_error_record(void) {
    char *s = nx_error_to_json("a\"b", "malformed JSON Lines record (invalid JSON near column 3)", 0);
    CHECK(s != NULL);
    if (!s) return;
    CHECK_STR(s, "{\"id\":\"a\\\"b\",\"error\":\"malformed JSON Lines record (invalid JSON near column 3)\",\"nerx_version\":\"" NX_TEST_VERSION "\",\"schema_version\":1}");
    nx_free(s);
}

/* ---------------------------------------------------------------------------
 * The reference: schema v1 as a cJSON tree printed by cJSON, which is how
 * src/write_json.c wrote it until it wrote JSON directly. The writer must
 * produce these bytes exactly, compact (cJSON_PrintUnformatted) and pretty
 * (cJSON_Print).
 */

static size_t ref_utoa(unsigned long v, char *buf) {
    char tmp[24];
    size_t n = 0;
    do {
        tmp[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    for (size_t i = 0; i < n; i++) buf[i] = tmp[n - 1 - i];
    buf[n] = '\0';
    return n;
}

static cJSON *ref_id(char prefix, long index) {
    char buf[32];
    buf[0] = prefix;
    ref_utoa((unsigned long)(index + 1), buf + 1);
    return cJSON_CreateString(buf);
}

static void ref_add_uint(cJSON *o, const char *k, size_t v) {
    char buf[24];
    ref_utoa(v, buf);
    cJSON_AddRawToObject(o, k, buf);
}

static int ref_add_str_or_null(cJSON *o, const char *k, const char *v) {
    return (v ? cJSON_AddStringToObject(o, k, v) : cJSON_AddNullToObject(o, k)) != NULL;
}

static cJSON *ref_append_object(cJSON *arr) {
    cJSON *o = cJSON_CreateObject();
    if (o && !cJSON_AddItemToArray(arr, o)) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}

static cJSON *ref_document_json(const nx_document *doc) {
    cJSON *root = cJSON_CreateObject();
    if (!root) return NULL;
    const char *dct_source;
    const char *dct = nx_document_dct(doc, &dct_source);
    int ok = cJSON_AddStringToObject(root, "id", nx_document_id(doc)) != NULL && ref_add_str_or_null(root, "dct", dct) &&
             ref_add_str_or_null(root, "dct_source", dct_source) &&
             cJSON_AddStringToObject(root, "nerx_version", nx_version()) != NULL &&
             cJSON_AddNumberToObject(root, "schema_version", NX_SCHEMA_VERSION) != NULL;
    size_t nf;
    const char *const *fields = nx_document_fields(doc, &nf);
    if (ok && nf) {
        cJSON *fo = cJSON_AddObjectToObject(root, "fields");
        ok = fo != NULL;
        for (size_t k = 0; ok && k < nf; k++) ok = cJSON_AddStringToObject(fo, fields[2 * k], fields[2 * k + 1]) != NULL;
    }

    size_t nm, ne, nr, nw;
    const nx_mention *ms = nx_document_mentions(doc, &nm);
    const nx_entity *es = nx_document_entities(doc, &ne);
    const nx_relation *rs = nx_document_relations(doc, &nr);
    const char *const *ws = nx_document_warnings(doc, &nw);

    cJSON *arr = ok ? cJSON_AddArrayToObject(root, "mentions") : NULL;
    ok = arr != NULL;
    for (size_t i = 0; ok && i < nm; i++) {
        const nx_mention *m = &ms[i];
        cJSON *o = ref_append_object(arr);
        if (!(ok = o != NULL)) break;
        cJSON_AddItemToObject(o, "id", ref_id('m', (long)i));
        cJSON_AddStringToObject(o, "type", nx_type_name(m->type));
        cJSON_AddStringToObject(o, "text", m->text);
        ref_add_uint(o, "start", m->start);
        ref_add_uint(o, "end", m->end);
        ref_add_uint(o, "byte_start", m->byte_start);
        ref_add_uint(o, "byte_end", m->byte_end);
        if (m->entity >= 0) cJSON_AddItemToObject(o, "entity", ref_id('E', m->entity));
        if (m->value) cJSON_AddStringToObject(o, "value", m->value);
        ok = cJSON_AddStringToObject(o, "rule", m->rule ? m->rule : "") != NULL;
    }

    arr = ok ? cJSON_AddArrayToObject(root, "entities") : NULL;
    ok = arr != NULL;
    for (size_t i = 0; ok && i < ne; i++) {
        const nx_entity *e = &es[i];
        cJSON *o = ref_append_object(arr);
        if (!(ok = o != NULL)) break;
        cJSON_AddItemToObject(o, "id", ref_id('E', (long)i));
        cJSON_AddStringToObject(o, "type", nx_type_name(e->type));
        cJSON_AddStringToObject(o, "name", e->name);
        cJSON *al = cJSON_AddArrayToObject(o, "aliases");
        cJSON *mm = cJSON_AddArrayToObject(o, "mentions");
        ok = al && mm;
        for (size_t k = 0; ok && k < e->n_aliases; k++) ok = cJSON_AddItemToArray(al, cJSON_CreateString(e->aliases[k]));
        for (size_t k = 0; ok && k < e->n_mentions; k++) ok = cJSON_AddItemToArray(mm, ref_id('m', (long)e->mentions[k]));
        if (ok && e->key) ok = cJSON_AddStringToObject(o, "key", e->key) != NULL;
        if (ok && e->kind) ok = cJSON_AddStringToObject(o, "kind", e->kind) != NULL;
        if (ok && e->country) ok = cJSON_AddStringToObject(o, "country", e->country) != NULL;
        if (ok && e->n_ids) {
            cJSON *ids = cJSON_AddArrayToObject(o, "ids");
            ok = ids != NULL;
            for (size_t k = 0; ok && k < e->n_ids; k++) ok = cJSON_AddItemToArray(ids, cJSON_CreateString(e->ids[k]));
        }
    }

    arr = ok ? cJSON_AddArrayToObject(root, "relations") : NULL;
    ok = arr != NULL;
    for (size_t i = 0; ok && i < nr; i++) {
        const nx_relation *r = &rs[i];
        cJSON *o = ref_append_object(arr);
        if (!(ok = o != NULL)) break;
        cJSON_AddStringToObject(o, "type", r->type);
        for (size_t k = 0; k < r->n_arguments; k++) {
            const nx_argument *a = &r->arguments[k];
            if (r->value_role && !strcmp(a->role, r->value_role)) cJSON_AddStringToObject(o, a->role, r->value ? r->value : "");
            else if (a->entity >= 0) cJSON_AddItemToObject(o, a->role, ref_id('E', a->entity));
            else cJSON_AddNullToObject(o, a->role);
        }
        cJSON *mm = cJSON_AddArrayToObject(o, "mentions");
        ok = mm != NULL;
        for (size_t k = 0; ok && k < r->n_mentions; k++) ok = cJSON_AddItemToArray(mm, ref_id('m', (long)r->mentions[k]));
        ref_add_uint(o, "start", r->start);
        ref_add_uint(o, "end", r->end);
        cJSON_AddStringToObject(o, "status", r->status);
        ok = ok && cJSON_AddStringToObject(o, "rule", r->rule ? r->rule : "") != NULL;
    }
    if (ok && nw) {
        arr = cJSON_AddArrayToObject(root, "warnings");
        ok = arr != NULL;
        for (size_t i = 0; ok && i < nw; i++) ok = cJSON_AddItemToArray(arr, cJSON_CreateString(ws[i]));
    }
    if (!ok) {
        cJSON_Delete(root);
        return NULL;
    }
    return root;
}

static char *ref_print(cJSON *root, int flags) {
    if (!root) return NULL;
    char *s = (flags & NX_WRITE_PRETTY) ? cJSON_Print(root) : cJSON_PrintUnformatted(root);
    cJSON_Delete(root);
    return s;
}

static char *ref_error_json(const char *id, const char *message, int flags) {
    cJSON *root = cJSON_CreateObject();
    if (!root) return NULL;
    if (!cJSON_AddStringToObject(root, "id", id ? id : "") || !cJSON_AddStringToObject(root, "error", message ? message : "") ||
        !cJSON_AddStringToObject(root, "nerx_version", nx_version()) ||
        !cJSON_AddNumberToObject(root, "schema_version", NX_SCHEMA_VERSION)) {
        cJSON_Delete(root);
        return NULL;
    }
    return ref_print(root, flags);
}

/* 1 when got[0..got_len) and want[0..want_len) are the same bytes; else 0,
 * and unless quiet, where they first differ, with the bytes around it. */
static int same_bytes(const char *what, const char *got, size_t got_len, const char *want, size_t want_len, int quiet) {
    if (!got || !want) {
        if (!quiet) fprintf(stderr, "%s: %s is NULL\n", what, got ? "the reference" : "the output");
        return 0;
    }
    size_t i = 0;
    while (i < got_len && i < want_len && got[i] == want[i]) i++;
    if (i == got_len && i == want_len) return 1;
    if (!quiet) {
        size_t from = i > 40 ? i - 40 : 0;
        int g = (int)((got_len < i + 40 ? got_len : i + 40) - from), w = (int)((want_len < i + 40 ? want_len : i + 40) - from);
        fprintf(stderr, "%s: byte %zu differs (lengths %zu, expected %zu)\n  got:      %.*s\n  expected: %.*s\n", what, i,
                got_len, want_len, g, got + from, w, want + from);
    }
    return 0;
}

static int same_str(const char *what, const char *got, const char *want) {
    return same_bytes(what, got, got ? strlen(got) : 0, want, want ? strlen(want) : 0, 0);
}

/* The comparison can fail: one byte changed, one byte more or fewer, or a
 * missing output are all differences. */
static void test_same_bytes_fails(void) {
    CHECK(same_bytes("self", "{\"a\":1}", 7, "{\"a\":1}", 7, 1));
    CHECK(!same_bytes("self", "{\"a\":1}", 7, "{\"a\":2}", 7, 1));
    CHECK(!same_bytes("self", "{\"a\":1}", 7, "{\"a\":1}\n", 8, 1));
    CHECK(!same_bytes("self", "{\"a\":1", 6, "{\"a\":1}", 7, 1));
    CHECK(!same_bytes("self", NULL, 0, "", 0, 1));
}

/* The writer's output for doc, compact and pretty, through the public call
 * and through both writers of writer.h, against the reference. */
static void compare_document(const char *what, const nx_document *doc) {
    for (int pretty = 0; pretty < 2; pretty++) {
        int flags = pretty ? NX_WRITE_PRETTY : 0;
        char label[160];
        snprintf(label, sizeof label, "%s (%s)", what, pretty ? "pretty" : "compact");
        char *want = ref_print(ref_document_json(doc), flags);
        CHECK(want != NULL);
        if (!want) continue;
        char *got = nx_document_to_json(doc, flags);
        CHECK(same_str(label, got, want));
        nx_free(got);

        /* a writer appends the record and a newline after what is there */
        const nx_writer *wr = pretty ? &nx_writer_json : &nx_writer_jsonl;
        nx_sbuf out = {0};
        CHECK_INT(nx_sbuf_add(&out, "before\n", 7), 0);
        CHECK_INT(wr->document(doc, &(nx_write_options){flags, NX_DEFAULT_BASE_IRI}, &out), 0);
        size_t n = strlen(want);
        CHECK(out.len == 7 + n + 1 && memcmp(out.s, "before\n", 7) == 0 && out.s[out.len - 1] == '\n');
        if (out.len == 7 + n + 1) CHECK(same_bytes(label, out.s + 7, n, want, n, 0));
        free(out.s);
        cJSON_free(want);
    }
    /* JSON Lines is never pretty, even when asked */
    char *want = ref_print(ref_document_json(doc), 0);
    nx_sbuf out = {0};
    CHECK_INT(nx_writer_jsonl.document(doc, &(nx_write_options){NX_WRITE_PRETTY, NX_DEFAULT_BASE_IRI}, &out), 0);
    if (want && out.s && out.len) CHECK(same_bytes(what, out.s, out.len - 1, want, strlen(want), 0));
    free(out.s);
    cJSON_free(want);
}

static void compare_text(const nx_model *m, const char *what, const char *text, size_t len, const char *id, const char *dct) {
    nx_document *doc = NULL;
    nx_error err;
    nx_options o;
    nx_options_init(&o);
    o.dct = dct;
    CHECK_INT(nx_extract(m, text, len, id, &o, &doc, &err), NX_OK);
    if (!doc) return;
    compare_document(what, doc);
    nx_document_free(doc);
}

/* A file's bytes (malloc), or NULL. */
static char *read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    char *s = NULL;
    size_t cap = 0, n = 0, k;
    do {
        if (n + 4096 > cap) {
            char *p = realloc(s, cap = (n + 4096) * 2);
            if (!p) break;
            s = p;
        }
        k = fread(s + n, 1, cap - n, f);
        n += k;
    } while (k);
    fclose(f);
    *len = n;
    return s;
}

/* The demo article, whole: every kind of field, entities with aliases,
 * relations with and without an organisation, a dateline dct. */
static void test_bytes_corpus(void) {
    size_t len = 0;
    char *text = read_file(NX_GAZETTEERS_DIR "/../corpus/xjtu-sco-forum.txt", &len);
    CHECK(text != NULL);
    if (!text) return;
    compare_text(model, "corpus article", text, len, "corpus/xjtu-sco-forum.txt", NULL);
    compare_text(model, "corpus article with --dct", text, len, "xjtu", "2024-07-05");
    free(text);
}

static void test_bytes_short_texts(void) {
    static const struct {
        const char *what, *text, *id, *dct;
    } cases[] = {
        {"no mentions", "the quick brown fox jumps over the lazy dog.", "empty \"arrays\"", NULL},
        {"title with no organisation", "President Joe Biden said on Monday that he would visit Kazakhstan.", "t", "2024-07-05"},
        {"quotes and backslashes", "\"Quoted\" \\ back\\slash said \"Kazakhstan\" on July 4 in \\Astana\\.", "q\"\\", "2024-07-05"},
        {"tabs in mentions", "Xi\tJinping met Joe\tBiden at Astana\tIT University on July 4.", "tab\tid", NULL},
        {"control characters", "\x01 Officials\x02 of\x1f Almaty,\x7f Kazakhstan\r\n met\x0b on\f Monday\b.", "\x01\x1f\x7f", "2024-07-05"},
        {"invalid UTF-8", "Caf\xE9 owner met officials of Astana \xffIT University in Kazakhstan.", "latin1 \xE9\xff", NULL},
        {"non-ASCII", "Zhang Liqun (L), president of Xi\xE2\x80\x99" "an Jiaotong University, met Fran\xC3\xA7ois in M\xC3\xBCnchen and "
                      "\xE2\x80\x9C" "Astana IT University\xE2\x80\x9D on 5 \xD0\xB8\xD1\x8E\xD0\xBB\xD1\x8F.",
         "\xE6\x96\x87\xE6\xA1\xA3", "2024-07-05"},
        {"apposition and acronym", "Zhang Liqun (L), an academician of the Chinese Academy of Engineering and president of XJTU, spoke.",
         "", NULL},
        {"no id", "Kazakhstan.", NULL, NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        compare_text(model, cases[i].what, cases[i].text, strlen(cases[i].text), cases[i].id, cases[i].dct);
}

/* Offsets of each number of digits, at the boundaries (the writer writes
 * numbers of four digits or fewer in place, longer ones otherwise): a
 * mention that starts or ends at 9, 10, 99, 100 ... 100000 bytes, in code
 * points too, or, after an "é" (two bytes), one code point before. */
static void test_bytes_offset_digits(void) {
    static const size_t starts[] = {0, 9, 10, 89, 90, 99, 100, 989, 990, 999, 1000, 9989, 9990, 9999, 10000, 99990, 100000};
    const char *name = "Kazakhstan";
    size_t nl = strlen(name);
    for (int accent = 0; accent < 2; accent++) {
        for (size_t k = 0; k < sizeof starts / sizeof *starts; k++) {
            size_t at = starts[k];
            if (accent && at < 2) continue;
            char *text = malloc(at + nl + 8);
            CHECK(text != NULL);
            if (!text) return;
            /* "x x x ... " up to the mention (one space before it) */
            size_t len = 0;
            if (accent) memcpy(text, "\xC3\xA9 ", 3), len = 3; /* é: one code point, two bytes */
            while (len < at) text[len] = len % 2 ? ' ' : 'x', len++;
            if (at) text[len - 1] = ' ';
            memcpy(text + len, name, nl);
            memcpy(text + len + nl, ".", 2);
            char what[64];
            snprintf(what, sizeof what, "a mention at %zu%s", at, accent ? " after an accent" : "");
            compare_text(model, what, text, len + nl + 1, "digits", NULL);
            free(text);
        }
    }
}

/* Quotes, backslashes and a tab inside mention texts, entity names, aliases
 * and rule names, which the shipped gazetteers never have: a user gazetteer
 * whose file name and entries hold them. */
static void test_bytes_user_gazetteer(void) {
    char dir[] = "/tmp/nerx-test-writer-XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    char path[128];
    snprintf(path, sizeof path, "%s/user\"\\\tlist.tsv", dir);
    FILE *f = fopen(path, "w");
    CHECK(f != NULL);
    if (!f) {
        rmdir(dir);
        return;
    }
    fputs("# nerx gazetteer\n# source: test_writer.c\n# licence: CC0-1.0\n# type: organization\n"
          "Back \\ Slash Holdings\tname=The \"Quoted\" \\ Company\tcase=exact\n"
          "Quote \" Corp\tcase=exact\n",
          f);
    fclose(f);
    nx_model_options mo;
    nx_model_options_init(&mo);
    mo.gazetteer_dir = NX_GAZETTEERS_DIR;
    const char *extra[] = {path};
    mo.extra_files = extra;
    mo.n_extra_files = 1;
    nx_model *m = NULL;
    nx_error err;
    CHECK_INT(nx_model_load(&mo, &m, &err), NX_OK);
    if (m) {
        const char *text = "Officials of Back \\ Slash Holdings and Quote \" Corp met in Almaty. Back \\ Slash Holdings said so.";
        nx_document *doc = NULL;
        nx_options o;
        nx_options_init(&o);
        CHECK_INT(nx_extract(m, text, strlen(text), "user", &o, &doc, &err), NX_OK);
        if (doc) {
            /* the case is there: the entity's name has a quote and a backslash */
            size_t ne;
            const nx_entity *es = nx_document_entities(doc, &ne);
            int found = 0;
            for (size_t i = 0; i < ne; i++) found |= es[i].name && !strcmp(es[i].name, "The \"Quoted\" \\ Company");
            CHECK(found);
            compare_document("user gazetteer", doc);
            nx_document_free(doc);
        }
        nx_model_free(m);
    }
    unlink(path);
    rmdir(dir);
}

/* Every byte value, and strings longer than a record's first buffer, in a
 * document id and in error records. */
static void test_bytes_all_bytes(void) {
    char all[256];
    for (int c = 1; c < 256; c++) all[c - 1] = (char)c;
    all[255] = '\0';
    size_t long_len = 3 * 4096 + 17;
    char *long_id = malloc(long_len + 1);
    CHECK(long_id != NULL);
    if (!long_id) return;
    for (size_t i = 0; i < long_len; i++) long_id[i] = all[i % 255];
    long_id[long_len] = '\0';

    compare_text(model, "every byte in the id", "Kazakhstan on July 4.", 21, all, "2024-07-05");
    compare_text(model, "a long id", "Kazakhstan on July 4.", 21, long_id, "2024-07-05");

    const char *ids[] = {all, long_id, "", NULL, "a\"b"};
    const char *messages[] = {"malformed JSON Lines record", all, long_id, NULL, "tab\there"};
    for (size_t i = 0; i < sizeof ids / sizeof *ids; i++) {
        for (int pretty = 0; pretty < 2; pretty++) {
            int flags = pretty ? NX_WRITE_PRETTY : 0;
            char label[64];
            snprintf(label, sizeof label, "error record %zu (%s)", i, pretty ? "pretty" : "compact");
            char *want = ref_error_json(ids[i], messages[i], flags);
            char *got = nx_error_to_json(ids[i], messages[i], flags);
            CHECK(same_str(label, got, want));
            nx_free(got);

            const nx_writer *wr = pretty ? &nx_writer_json : &nx_writer_jsonl;
            nx_sbuf out = {0};
            CHECK_INT(wr->error(ids[i], messages[i], &(nx_write_options){flags, NX_DEFAULT_BASE_IRI}, &out), 0);
            if (want && out.s) CHECK(out.len == strlen(want) + 1 && same_bytes(label, out.s, out.len - 1, want, strlen(want), 0));
            free(out.s);
            cJSON_free(want);
        }
    }
    free(long_id);
}

/* The writer copies strings a word at a time and tests each word for bytes
 * to escape: strings of every length up to 40 bytes, with each byte that
 * must be escaped (and a UTF-8 byte and DEL, which must not) at every
 * position, and two at every pair of positions of the short ones, in an
 * error record's id and message, against the reference. A wrong word
 * boundary or tail (a byte missed, escaped twice or copied short) differs. */
static void test_bytes_escape_positions(void) {
    static const char specials[] = {'"', '\\', '\n', '\t', '\b', '\f', '\r', 0x01, 0x1f, (char)0xc3, 0x7f, ' '};
    char s[48];
    int differ = 0;
    for (size_t len = 0; len <= 40; len++) {
        for (size_t at = 0; at <= len; at++) {
            for (size_t k = 0; k < sizeof specials; k++) {
                for (size_t at2 = len < 12 ? 0 : len; at2 <= len; at2++) {
                    for (size_t i = 0; i < len; i++) s[i] = (char)('a' + i % 26);
                    if (at < len) s[at] = specials[k];
                    if (at2 < len) s[at2] = specials[(k + 1) % sizeof specials];
                    s[len] = '\0';
                    for (int pretty = 0; pretty < 2; pretty++) {
                        int flags = pretty ? NX_WRITE_PRETTY : 0;
                        char *want = ref_error_json(s, s, flags);
                        char *got = nx_error_to_json(s, s, flags);
                        if (!same_str("escape positions", got, want)) differ++;
                        nx_free(got);
                        cJSON_free(want);
                    }
                }
            }
        }
    }
    CHECK_INT(differ, 0);
}

/* The graph mapping is made from a relation's type and role names, so a
 * relation type no family finds yet (affiliated_with, being added) already
 * has its graph form: a membership fact node and schema:affiliation straight
 * from the person to the organisation. The relation is put in the
 * document's views by hand. */
static void test_graph_affiliated_with(void) {
    const char *text = "Zhang Liqun spoke at Xi'an Jiaotong University.";
    nx_document *doc = NULL;
    nx_error err;
    CHECK_INT(nx_extract(model, text, strlen(text), "aff", NULL, &doc, &err), NX_OK);
    if (!doc) return;
    size_t ne;
    const nx_entity *es = nx_document_entities(doc, &ne);
    long person = -1, org = -1;
    for (size_t i = 0; i < ne; i++) {
        if (es[i].type == NX_PERSON) person = (long)i;
        if (es[i].type == NX_ORGANIZATION) org = (long)i;
    }
    CHECK(person >= 0 && org >= 0);
    nx_argument args[2] = {{"person", person, -1}, {"organization", org, -1}};
    nx_relation rel = {.type = "affiliated_with", .arguments = args, .n_arguments = 2, .status = "current",
                       .start = 0, .end = 47, .rule = "affiliated_with:test"};
    /* the views are the document's own arrays (doc.h): the relations swapped in and out */
    nx_relation *saved = doc->relations;
    size_t n_saved = doc->n_relations;
    doc->relations = &rel;
    doc->n_relations = 1;
    nx_sbuf out = {0};
    CHECK_INT(nx_writer_ntriples.document(doc, &(nx_write_options){0, "https://example.org/"}, &out), 0);
    doc->relations = saved;
    doc->n_relations = n_saved;
    const char *want[] = {
        "<https://example.org/entity/person/zhang-liqun> <https://schema.org/affiliation> "
        "<https://example.org/entity/domain/xjtu.edu.cn> .\n",
        "<https://example.org/doc/aff/fact/1> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
        "<http://www.w3.org/ns/org#Membership> .\n",
        "<https://example.org/doc/aff/fact/1> <http://www.w3.org/ns/org#member> "
        "<https://example.org/entity/person/zhang-liqun> .\n",
        "<https://example.org/doc/aff/fact/1> <urn:nerx:vocab:relationType> \"affiliated_with\" .\n",
    };
    for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
        int found = out.s && strstr(out.s, want[i]) != NULL;
        CHECK(found);
        if (!found) fprintf(stderr, "missing: %s", want[i]);
    }
    CHECK(out.s && !strstr(out.s, "org#role>")); /* no title, no role */
    free(out.s);
    nx_document_free(doc);
}

/* nx_document_text(): the working text, kept after the caller's bytes are
 * gone (ASan sees a read of them), an invalid byte as 0x1A; NULL for a
 * document extracted in windows. */
static void test_document_text(void) {
    static const char *const texts[] = {"Zhang Liqun met officials in Kazakhstan.", "Caf\xE9 owner in Astana."};
    for (size_t k = 0; k < 2; k++) {
        size_t len = strlen(texts[k]);
        char *input = malloc(len); /* no NUL after it */
        CHECK(input != NULL);
        if (!input) return;
        memcpy(input, texts[k], len);
        nx_document *doc = NULL;
        nx_error err;
        CHECK_INT(nx_extract(model, input, len, "t", NULL, &doc, &err), NX_OK);
        free(input);
        if (!doc) return;
        size_t n = 0;
        const char *t = nx_document_text(doc, &n);
        CHECK_INT(n, len);
        CHECK(t != NULL && t[len] == '\0');
        if (t && k == 0) CHECK(!memcmp(t, texts[k], len));
        if (t && k == 1) CHECK(!memcmp(t, "Caf\x1A owner in Astana.", len));
        nx_document_free(doc);
    }
    const char *text = "Zhang Liqun met officials in Kazakhstan.\n\nKanat Abdrakhmanov spoke in Astana.\n";
    nx_options o;
    nx_options_init(&o);
    o.window_bytes = 48;
    nx_document *doc = NULL;
    nx_error err;
    CHECK_INT(nx_extract(model, text, strlen(text), "w", &o, &doc, &err), NX_OK);
    if (!doc) return;
    size_t n = 1;
    CHECK(nx_document_text(doc, &n) == NULL);
    CHECK_INT(n, 0);
    nx_document_free(doc);
}

static int count(const char *s, const char *what) {
    int n = 0;
    for (const char *p = s; p && (p = strstr(p, what)); p += strlen(what)) n++;
    return n;
}

/* The HTML writer's marks: a mention inside another nests, one that
 * crosses an open one or lies out of the text is not highlighted, and the
 * marks balance. The mentions are put in the document's views by hand. */
static void test_html_marks(void) {
    const char *text = "Zhang Liqun met officials in Kazakhstan.";
    nx_document *doc = NULL;
    nx_error err;
    CHECK_INT(nx_extract(model, text, strlen(text), "<id & \"x\">", NULL, &doc, &err), NX_OK);
    if (!doc) return;
    nx_mention ms[] = {
        {.type = NX_PERSON, .byte_start = 0, .byte_end = 11, .text = "Zhang Liqun", .rule = "r:outer", .entity = -1},
        {.type = NX_PERSON, .byte_start = 6, .byte_end = 11, .text = "Liqun", .rule = "r:inner", .entity = -1},
        {.type = NX_TITLE, .byte_start = 8, .byte_end = 15, .text = "qun met", .rule = "r:cross", .entity = -1},
        {.type = NX_PLACE, .byte_start = 29, .byte_end = 39, .text = "Kazakhstan", .rule = "r:<&>", .entity = 99},
        {.type = NX_DATE, .byte_start = 35, .byte_end = 4000, .text = "?", .rule = "r:beyond", .entity = -1},
    };
    nx_mention *saved = doc->mentions;
    size_t n_saved = doc->n_mentions;
    doc->mentions = ms;
    doc->n_mentions = sizeof ms / sizeof *ms;
    nx_sbuf out = {0};
    CHECK_INT(nx_writer_html.document(doc, &(nx_write_options){0, ""}, &out), 0);
    doc->mentions = saved;
    doc->n_mentions = n_saved;
    const char *want[] = {
        "<h2>&lt;id &amp; &quot;x&quot;&gt;</h2>",
        "<mark class=\"nx-person\" title=\"person&#10;rule: r:outer\">Zhang "
        "<mark class=\"nx-person\" title=\"person&#10;rule: r:inner\">Liqun</mark></mark> met officials in "
        "<mark class=\"nx-place\" title=\"place&#10;rule: r:&lt;&amp;&gt;\">Kazakhstan</mark>.</div>",
    };
    for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
        int found = out.s && strstr(out.s, want[i]) != NULL;
        CHECK(found);
        if (!found) fprintf(stderr, "missing: %s\nin: %s\n", want[i], out.s ? out.s : "");
    }
    CHECK_INT(count(out.s, "<mark"), 3);
    CHECK_INT(count(out.s, "</mark>"), 3);
    CHECK(out.s && !strstr(out.s, "r:cross") && !strstr(out.s, "r:beyond"));
    free(out.s);
    nx_document_free(doc);
}

int main(void) {
    model = load_test_model();
    if (!model) return 1;
    test_escaping();
    test_invalid_utf8();
    test_error_record();
    test_same_bytes_fails();
    test_bytes_corpus();
    test_bytes_short_texts();
    test_bytes_user_gazetteer();
    test_bytes_all_bytes();
    test_bytes_escape_positions();
    test_bytes_offset_digits();
    test_graph_affiliated_with();
    test_document_text();
    test_html_marks();
    nx_model_free(model);
    return check_result("test_writer");
}
