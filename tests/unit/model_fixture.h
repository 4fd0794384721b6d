/* model_fixture.h: the model every test that runs the whole pipeline loads:
 * the gazetteers shipped in the source tree. */
#ifndef NX_MODEL_FIXTURE_H
#define NX_MODEL_FIXTURE_H

#include <stdio.h>
#include <string.h>

#include "nerx.h"

/* The shipped model, or NULL after printing why it did not load. */
static inline nx_model *load_test_model(void) {
    nx_model_options mo;
    nx_model_options_init(&mo);
    mo.gazetteer_dir = NX_GAZETTEERS_DIR;
    nx_model *model = NULL;
    nx_error err;
    if (nx_model_load(&mo, &model, &err) != NX_OK) {
        fprintf(stderr, "cannot load model: %s:%zu: %s\n", err.file, err.line, err.message);
        return NULL;
    }
    return model;
}

/* The document model extracts from text (NUL-terminated), with the
 * document date dct (or none), or NULL after printing why not. */
static inline nx_document *extract_text(nx_model *model, const char *text, const char *id, const char *dct) {
    nx_options o;
    nx_options_init(&o);
    o.dct = dct;
    nx_document *doc = NULL;
    nx_error err;
    if (nx_extract(model, text, strlen(text), id, &o, &doc, &err) != NX_OK) {
        fprintf(stderr, "extract failed: %s\n", err.message);
        return NULL;
    }
    return doc;
}

#endif
