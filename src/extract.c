/* extract.c: nx_extract(), the driver: one table of stages, run in order on
 * a new document (the phases are in doc.h). A stage is a function of the
 * document; it reads what the stages before it made and adds its own layer. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "dates.h"
#include "doc.h"
#include "error.h"
#include "gazetteer.h"
#include "coref.h"
#include "model.h"
#include "patterns.h"
#include "relations.h"
#include "resolve.h"
#include "views.h"
#include "window.h"

void nx_options_init(nx_options *opts) {
    if (!opts) return;
    memset(opts, 0, sizeof *opts);
    opts->date_order = NX_DATE_ORDER_MDY;
    opts->attached_titles_only = 1;
    opts->window_bytes = NX_WINDOW_BYTES;
}

const char *nx_type_name(nx_type type) {
#define NX_TYPE_NAME_(id, name) name,
    static const char *const names[NX_TYPE_COUNT] = {NX_TYPE_LIST(NX_TYPE_NAME_)};
#undef NX_TYPE_NAME_
    return (unsigned)type < NX_TYPE_COUNT ? names[type] : "unknown";
}

/* ---- the stages that wrap a module's entry point ---------------------------- */

static nx_status normalise(nx_document *doc, nx_error *err) {
    nx_status st = nx_text_prepare(&doc->arena, doc->input, doc->input_len, &doc->text);
    if (st == NX_ERR_EMPTY) nx_error_set(err, st, doc->id, 0, 0, "empty document (no text)");
    if (st == NX_ERR_BINARY)
        nx_error_set(err, st, doc->id, 0, 0, "binary data, not text (NUL bytes, or mostly invalid UTF-8 or control codes)");
    if (st == NX_ERR_LIMIT) nx_error_set(err, st, doc->id, 0, 0, "document too large (4 GiB or more)");
    if (st != NX_OK) return st;
    if (doc->text.n_invalid &&
        nx_doc_warn(doc, "%zu invalid UTF-8 byte%s replaced for processing (offsets still refer to the input)",
                    doc->text.n_invalid, doc->text.n_invalid == 1 ? "" : "s"))
        return NX_ERR_NOMEM;
    return NX_OK;
}

static nx_status tokenize(nx_document *doc, nx_error *err) {
    (void)err;
    return nx_tokenize(&doc->arena, &doc->text, &doc->model->lex, &doc->toks);
}

static nx_status gazetteer(nx_document *doc, nx_error *err) {
    (void)err;
    nx_gmatch *gm;
    nx_status st = nx_gazetteer_match(&doc->model->gaz, &doc->arena, &doc->text, &doc->toks, &gm, &doc->n_gm);
    doc->gm = gm;
    return st;
}

static nx_status patterns(nx_document *doc, nx_error *err) {
    (void)err;
    nx_pmatch *pm;
    const char *limit_hit = NULL;
    nx_status st = nx_patterns_run(&doc->model->patterns, &doc->arena, &doc->text, &doc->toks, &pm, &doc->n_pm, &limit_hit);
    doc->pm = pm;
    if (st != NX_OK) return st;
    if (limit_hit && nx_doc_warn(doc, "pattern %s hit its match limit and was skipped for this document", limit_hit))
        return NX_ERR_NOMEM;
    doc->phase = NX_PHASE_MATCHED;
    return NX_OK;
}

static nx_status dates(nx_document *doc, nx_error *err) {
    doc->phase = NX_PHASE_GROWING;
    doc->blocked = nx_arena_alloc(&doc->arena, doc->toks.count + 1);
    if (!doc->blocked) return NX_ERR_NOMEM;
    nx_status st = nx_dates_run(doc);
    if (st == NX_ERR_ARG) nx_error_set(err, st, doc->id, 0, 0, "dct must be a date written YYYY-MM-DD");
    return st;
}

static nx_status resolve(nx_document *doc, nx_error *err) {
    (void)err;
    return nx_resolve(doc);
}

static nx_status relations(nx_document *doc, nx_error *err) {
    nx_status st = nx_relations(doc, err);
    doc->phase = NX_PHASE_LINKED;
    return st;
}

/* The pipeline, in order (see doc.h for what each phase may change). */
static const struct {
    const char *name;
    nx_status (*run)(nx_document *doc, nx_error *err);
} STAGES[] = {
    {"normalise", normalise}, {"tokenize", tokenize}, {"gazetteer", gazetteer}, {"patterns", patterns},
    {"dates", dates},         {"resolve", resolve},   {"seal", nx_doc_seal},     {"coref", nx_coref},
    {"relations", relations},
    {"views", nx_views_build},
};

enum { N_STAGES = sizeof STAGES / sizeof *STAGES };
_Static_assert((int)N_STAGES <= (int)NX_MAX_STAGES, "more stages than nx_batch_stats can time");

size_t nx_stage_count(void) { return N_STAGES; }
const char *nx_stage_name(size_t i) { return i < N_STAGES ? STAGES[i].name : NULL; }

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

nx_status nx_extract(const nx_model *model, const char *text, size_t len, const char *id, const nx_options *opts,
                     nx_document **out, nx_error *err) {
    if (err) memset(err, 0, sizeof *err);
    if (!out) {
        nx_error_set(err, NX_ERR_ARG, id, 0, 0, "no place to return the document");
        return NX_ERR_ARG;
    }
    *out = NULL;
    if (!model || (!text && len)) {
        nx_error_set(err, NX_ERR_ARG, id, 0, 0, "no model or no text");
        return NX_ERR_ARG;
    }
    if (opts && opts->window_bytes && len > opts->window_bytes) return nx_window_extract(model, text, len, id, opts, out, err);
    nx_status st;
    nx_document *doc = nx_doc_create(model, opts, id, N_STAGES, &st);
    if (!doc) {
        nx_error_set(err, st, id, 0, 0, "out of memory");
        return st;
    }
    doc->input = text ? text : "";
    doc->input_len = len;
    for (size_t i = 0; st == NX_OK && i < N_STAGES; i++) {
        double t0 = doc->stage_seconds ? now() : 0;
        st = STAGES[i].run(doc, err);
        if (doc->stage_seconds) doc->stage_seconds[i] = now() - t0;
    }
    doc->input = NULL;
    if (st != NX_OK) {
        if (st == NX_ERR_NOMEM) nx_error_set(err, st, id, 0, 0, "out of memory");
        nx_document_free(doc);
        return st;
    }
    *out = doc;
    return NX_OK;
}
