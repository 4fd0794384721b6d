/* write_jsonld.c: the JSON-LD writer (https://www.w3.org/TR/json-ld11/):
 * one JSON-LD document per line, {"@context": the vocabularies' prefixes,
 * "@graph": the nodes of graph.c}, so a batch streams as JSON Lines and
 * every line is a graph a JSON-LD processor reads alone. Each predicate's
 * values are an array; IRIs are {"@id": ...}, integers JSON numbers, typed
 * values {"@value", "@type"}.
 *
 * Consumes: a finished document's views (through graph.c), or an error
 *   record (a document node with nx:error).
 * Produces: one line of JSON appended to an nx_sbuf. */
#include <stdlib.h>
#include <string.h>

#include "graph.h"
#include "writer.h"

typedef struct jld {
    int nodes;      /* nodes written in this document */
    int in_types;   /* the "@type" array is open */
    int has_pred;   /* a predicate's array is open */
    nx_term pred;
} jld;

static void jld_term(nx_gout *g, nx_term t) {
    nx_gout_byte(g, '"');
    nx_gout_str(g, nx_ns_prefix[t.ns]);
    nx_gout_byte(g, ':');
    nx_gout_str(g, t.local);
    nx_gout_byte(g, '"');
}

static void jld_close(jld *j, nx_gout *g) {
    if (j->in_types || j->has_pred) nx_gout_byte(g, ']');
    j->in_types = j->has_pred = 0;
}

/* Opens p's array, or adds an item to it when p was the last predicate. */
static void jld_pred(nx_emitter *e, nx_term p) {
    jld *j = e->state;
    nx_gout *g = e->g;
    if (j->has_pred && j->pred.ns == p.ns && !strcmp(j->pred.local, p.local)) {
        nx_gout_byte(g, ',');
        return;
    }
    jld_close(j, g);
    nx_gout_byte(g, ',');
    jld_term(g, p);
    nx_gout_put(g, ":[", 2);
    j->has_pred = 1;
    j->pred = p;
}

static void jld_subject(nx_emitter *e, const char *iri) {
    jld *j = e->state;
    if (j->nodes++) nx_gout_byte(e->g, ',');
    nx_gout_str(e->g, "{\"@id\":\"");
    nx_gout_escaped(e->g, iri);
    nx_gout_byte(e->g, '"');
    j->in_types = j->has_pred = 0;
}

static void jld_type(nx_emitter *e, nx_term cls) {
    jld *j = e->state;
    if (j->in_types) {
        nx_gout_byte(e->g, ',');
    } else {
        jld_close(j, e->g);
        nx_gout_str(e->g, ",\"@type\":[");
        j->in_types = 1;
    }
    jld_term(e->g, cls);
}

static void jld_iri(nx_emitter *e, nx_term p, const char *iri) {
    jld_pred(e, p);
    nx_gout_str(e->g, "{\"@id\":\"");
    nx_gout_escaped(e->g, iri);
    nx_gout_str(e->g, "\"}");
}

static void jld_str(nx_emitter *e, nx_term p, const char *s) {
    jld_pred(e, p);
    nx_gout_byte(e->g, '"');
    nx_gout_escaped(e->g, s);
    nx_gout_byte(e->g, '"');
}

static void jld_typed(nx_emitter *e, nx_term p, const char *s, nx_term dt) {
    jld_pred(e, p);
    nx_gout_str(e->g, "{\"@value\":\"");
    nx_gout_escaped(e->g, s);
    nx_gout_str(e->g, "\",\"@type\":");
    jld_term(e->g, dt);
    nx_gout_byte(e->g, '}');
}

static void jld_integer(nx_emitter *e, nx_term p, size_t v) {
    jld_pred(e, p);
    nx_gout_uint(e->g, v);
}

static void jld_end(nx_emitter *e) {
    jld_close(e->state, e->g);
    nx_gout_byte(e->g, '}');
}

/* The line's start: the context (every vocabulary's prefix) and the graph's "[". */
static void jld_open(nx_gout *g) {
    nx_gout_str(g, "{\"@context\":{");
    for (int i = 0; i < NX_NS_COUNT; i++) {
        if (i) nx_gout_byte(g, ',');
        nx_gout_byte(g, '"');
        nx_gout_str(g, nx_ns_prefix[i]);
        nx_gout_str(g, "\":\"");
        nx_gout_str(g, nx_ns_iri[i]);
        nx_gout_byte(g, '"');
    }
    nx_gout_str(g, "},\"@graph\":[");
}

static void jld_emitter(nx_emitter *e, nx_gout *g, jld *state) {
    *e = (nx_emitter){g, state, jld_subject, jld_type, jld_iri, jld_str, jld_typed, jld_integer, jld_end};
}

/* One line: the document's graph, or (doc NULL) the error record's. */
static int jld_record(const nx_document *doc, const char *id, const char *message, const nx_write_options *wo,
                      nx_sbuf *out) {
    nx_gout g;
    jld state = {0};
    nx_emitter e;
    nx_gout_init(&g, out);
    jld_emitter(&e, &g, &state);
    jld_open(&g);
    int rc = doc ? nx_graph_document(doc, wo->base_iri, &e) : nx_graph_error(&e, wo->base_iri, id, message);
    nx_gout_str(&g, "]}\n");
    return nx_gout_done(&g, rc);
}

static int jld_document(const nx_document *doc, const nx_write_options *wo, nx_sbuf *out) {
    return jld_record(doc, NULL, NULL, wo, out);
}

static int jld_error(const char *id, const char *message, const nx_write_options *wo, nx_sbuf *out) {
    return jld_record(NULL, id, message, wo, out);
}

const nx_writer nx_writer_jsonld = {"jsonld", NULL, NULL, jld_document, jld_error};
