/* test_null.c: every public function of nerx.h called with NULL where a
 * pointer goes, as its comment (and the NULL rules at the top of nerx.h)
 * says: accepted, or refused with NX_ERR_ARG; never a crash. Linked to the
 * shared library, so it also sees only what libnerx.so exports. */
#include "nerx.h"

#include "check.h"

int main(void) {
    /* *_init(NULL) does nothing; *_free(NULL) too */
    nx_model_options_init(NULL);
    nx_options_init(NULL);
    nx_input_options_init(NULL);
    nx_batch_options_init(NULL);
    nx_model_free(NULL);
    nx_document_free(NULL);
    nx_reader_free(NULL);
    nx_free(NULL);

    /* a NULL `out` is refused, with and without err */
    nx_error err;
    CHECK_INT(nx_model_load(NULL, NULL, NULL), NX_ERR_ARG);
    CHECK_INT(nx_model_load(NULL, NULL, &err), NX_ERR_ARG);
    CHECK_INT(err.status, NX_ERR_ARG);
    CHECK_INT(nx_reader_open(NULL, 0, NULL, NULL, NULL), NX_ERR_ARG);
    CHECK_INT(nx_reader_open(NULL, 2, NULL, NULL, &err), NX_ERR_ARG);
    nx_reader *reader = (nx_reader *)1;
    CHECK_INT(nx_reader_open(NULL, 3, NULL, &reader, NULL), NX_ERR_ARG);

    /* a NULL model or document */
    nx_document *doc = (nx_document *)1;
    CHECK_INT(nx_extract(NULL, "x", 1, NULL, NULL, &doc, NULL), NX_ERR_ARG);
    CHECK(doc == NULL);
    CHECK(nx_model_gazetteer_dir(NULL) == NULL);
    CHECK_INT(nx_model_entry_count(NULL), 0);
    size_t count = 99;
    CHECK(nx_document_mentions(NULL, &count) == NULL && count == 0);
    count = 99;
    CHECK(nx_document_entities(NULL, &count) == NULL && count == 0);
    count = 99;
    CHECK(nx_document_relations(NULL, &count) == NULL && count == 0);
    count = 99;
    CHECK(nx_document_fields(NULL, &count) == NULL && count == 0);
    count = 99;
    CHECK(nx_document_warnings(NULL, &count) == NULL && count == 0);
    count = 99;
    CHECK(nx_document_text(NULL, &count) == NULL && count == 0);
    CHECK(nx_document_text(NULL, NULL) == NULL);
    const char *source = "x";
    CHECK(nx_document_dct(NULL, &source) == NULL && source == NULL);
    CHECK(nx_document_dct(NULL, NULL) == NULL);
    CHECK(nx_document_id(NULL) == NULL);
    CHECK(nx_document_stage_seconds(NULL) == NULL);
    CHECK(nx_document_to_json(NULL, 0) == NULL);
    CHECK(nx_relation_argument(NULL, "person") == NULL);
    CHECK_INT(nx_is_date(NULL), 0);
    CHECK_INT(nx_reader_single_text(NULL), 0);
    CHECK_INT(nx_reader_size(NULL), 0);
    nx_record rec;
    CHECK_INT(nx_reader_next(NULL, &rec), NX_ERR_ARG);
    CHECK_INT(nx_batch_run(NULL, NULL, NULL, stdout, NULL), NX_ERR_ARG);
    char *e = nx_error_to_json(NULL, NULL, 0);
    CHECK(e && strstr(e, "\"id\":\"\"") && strstr(e, "\"error\":\"\""));
    nx_free(e);

    /* a real document: each count may be NULL */
    nx_model *model = NULL;
    nx_model_options mo;
    nx_model_options_init(&mo);
    mo.gazetteer_dir = NX_GAZETTEERS_DIR;
    CHECK_INT(nx_model_load(&mo, &model, NULL), NX_OK);
    const char text[] = "Zhang Liqun, president of Xi'an Jiaotong University, met Kazakh officials in Astana.";
    /* no text at all (NULL, 0): an error, not a crash */
    CHECK_INT(nx_extract(model, NULL, 0, "empty", NULL, &doc, NULL), NX_ERR_EMPTY);
    CHECK(doc == NULL);
    CHECK_INT(nx_extract(model, text, sizeof text - 1, NULL, NULL, &doc, NULL), NX_OK);
    CHECK(nx_document_mentions(doc, NULL) != NULL);
    CHECK(nx_document_entities(doc, NULL) != NULL);
    const nx_relation *r = nx_document_relations(doc, NULL);
    CHECK(r != NULL);
    nx_document_fields(doc, NULL);
    nx_document_warnings(doc, NULL);
    CHECK(nx_document_text(doc, NULL) != NULL);
    CHECK(r && nx_relation_argument(r, NULL) == NULL);
    CHECK(r && nx_relation_argument(r, "person") != NULL);
    CHECK(nx_extract(model, text, sizeof text - 1, NULL, NULL, NULL, NULL) == NX_ERR_ARG);
    CHECK_INT(nx_reader_next((nx_reader *)&rec, NULL), NX_ERR_ARG);
    nx_document_free(doc);
    nx_model_free(model);
    return check_result("test_null");
}
