/* test_writer.c: schema v1 JSON: escaping of quotes, backslashes, control
 * characters and non-ASCII text, offsets that match the input, invalid
 * UTF-8 written as U+FFFD, and error records. */
#include <cjson/cJSON.h>
#include <stdlib.h>

#include "check.h"
#include "model_fixture.h"
#include "nerx.h"

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

static void test_error_record(void) {
    char *s = nx_error_to_json("a\"b", "malformed JSON Lines record (invalid JSON near column 3)", 0);
    CHECK(s != NULL);
    if (!s) return;
    CHECK_STR(s, "{\"id\":\"a\\\"b\",\"error\":\"malformed JSON Lines record (invalid JSON near column 3)\"}");
    nx_free(s);
}

int main(void) {
    model = load_test_model();
    if (!model) return 1;
    test_escaping();
    test_invalid_utf8();
    test_error_record();
    nx_model_free(model);
    return check_result("test_writer");
}
