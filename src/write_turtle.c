/* write_turtle.c: the Turtle writer (https://www.w3.org/TR/turtle/): the
 * graph of graph.c with the vocabularies' prefixes declared once at the
 * start, each node's statements together (";" between predicates, ","
 * between the values of one), a blank line between documents. A document
 * is rendered whole in memory (its nodes), then written.
 *
 * Consumes: a finished document's views (through graph.c), or an error
 *   record (a document node with nx:error).
 * Produces: Turtle text appended to an nx_sbuf. */
#include <stdlib.h>
#include <string.h>

#include "graph.h"
#include "writer.h"

typedef struct ttl {
    int has_pred;   /* a statement of the current node was written */
    nx_term pred;   /* its predicate */
} ttl;

static void ttl_term(nx_gout *g, nx_term t) {
    nx_gout_str(g, nx_ns_prefix[t.ns]);
    nx_gout_byte(g, ':');
    nx_gout_str(g, t.local);
}

/* The separator and predicate before an object: the same predicate as the
 * last one gets ", ", another " ;\n    p ". */
static void ttl_pred(nx_emitter *e, nx_term p, int is_type) {
    ttl *t = e->state;
    nx_gout *g = e->g;
    if (t->has_pred && t->pred.ns == p.ns && !strcmp(t->pred.local, p.local)) {
        nx_gout_put(g, ", ", 2);
        return;
    }
    if (t->has_pred) nx_gout_put(g, " ;\n    ", 7);
    else nx_gout_byte(g, ' ');
    if (is_type) nx_gout_byte(g, 'a');
    else ttl_term(g, p);
    nx_gout_byte(g, ' ');
    t->has_pred = 1;
    t->pred = p;
}

static void ttl_subject(nx_emitter *e, const char *iri) {
    ((ttl *)e->state)->has_pred = 0;
    nx_gout_byte(e->g, '<');
    nx_gout_str(e->g, iri);
    nx_gout_byte(e->g, '>');
}

static void ttl_type(nx_emitter *e, nx_term cls) {
    ttl_pred(e, (nx_term){NX_NS_RDF, "type"}, 1);
    ttl_term(e->g, cls);
}

static void ttl_iri(nx_emitter *e, nx_term p, const char *iri) {
    ttl_pred(e, p, 0);
    nx_gout_byte(e->g, '<');
    nx_gout_str(e->g, iri);
    nx_gout_byte(e->g, '>');
}

static void ttl_str(nx_emitter *e, nx_term p, const char *s) {
    ttl_pred(e, p, 0);
    nx_gout_byte(e->g, '"');
    nx_gout_escaped(e->g, s);
    nx_gout_byte(e->g, '"');
}

static void ttl_typed(nx_emitter *e, nx_term p, const char *s, nx_term dt) {
    ttl_str(e, p, s);
    nx_gout_put(e->g, "^^", 2);
    ttl_term(e->g, dt);
}

static void ttl_integer(nx_emitter *e, nx_term p, size_t v) {
    ttl_pred(e, p, 0);
    nx_gout_uint(e->g, v);
}

static void ttl_end(nx_emitter *e) {
    nx_gout_put(e->g, " .\n", 3);
    ((ttl *)e->state)->has_pred = 0;
}

static void ttl_emitter(nx_emitter *e, nx_gout *g, ttl *state) {
    *e = (nx_emitter){g, state, ttl_subject, ttl_type, ttl_iri, ttl_str, ttl_typed, ttl_integer, ttl_end};
}

static int ttl_begin(nx_sbuf *out, const nx_write_options *wo) {
    (void)wo;
    nx_gout g;
    nx_gout_init(&g, out);
    nx_graph_header(&g);
    for (int i = 0; i < NX_NS_COUNT; i++) {
        nx_gout_str(&g, "@prefix ");
        nx_gout_str(&g, nx_ns_prefix[i]);
        nx_gout_str(&g, ": <");
        nx_gout_str(&g, nx_ns_iri[i]);
        nx_gout_str(&g, "> .\n");
    }
    return nx_gout_finish(&g);
}

/* One record after a blank line: the document's graph, or (doc NULL) the
 * error record's. */
static int ttl_record(const nx_document *doc, const char *id, const char *message, const nx_write_options *wo,
                      nx_sbuf *out) {
    nx_gout g;
    ttl state = {0};
    nx_emitter e;
    nx_gout_init(&g, out);
    ttl_emitter(&e, &g, &state);
    nx_gout_byte(&g, '\n');
    int rc = doc ? nx_graph_document(doc, wo->base_iri, &e) : nx_graph_error(&e, wo->base_iri, id, message);
    return nx_gout_done(&g, rc);
}

static int ttl_document(const nx_document *doc, const nx_write_options *wo, nx_sbuf *out) {
    return ttl_record(doc, NULL, NULL, wo, out);
}

static int ttl_error(const char *id, const char *message, const nx_write_options *wo, nx_sbuf *out) {
    return ttl_record(NULL, id, message, wo, out);
}

const nx_writer nx_writer_turtle = {"turtle", ttl_begin, NULL, ttl_document, ttl_error};
