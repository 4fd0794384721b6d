/* write_ntriples.c: the N-Triples writer (https://www.w3.org/TR/n-triples/):
 * the graph of graph.c, one triple a line, every term in full. Each
 * document is its own lines, so a batch streams: concatenated documents
 * are one graph, and the same entity (its IRI from its key) one node.
 *
 * Consumes: a finished document's views (through graph.c), or an error
 *   record (a document node with nx:error).
 * Produces: N-Triples text appended to an nx_sbuf. */
#include <stdlib.h>
#include <string.h>

#include "graph.h"
#include "writer.h"

typedef struct nt {
    const char *subject;
} nt;

static void nt_term(nx_gout *g, nx_term t) {
    nx_gout_byte(g, '<');
    nx_gout_str(g, nx_ns_iri[t.ns]);
    nx_gout_str(g, t.local);
    nx_gout_byte(g, '>');
}

/* "<s> <p> " */
static void nt_head(nx_emitter *e, nx_term p) {
    nx_gout *g = e->g;
    nx_gout_byte(g, '<');
    nx_gout_str(g, ((nt *)e->state)->subject);
    nx_gout_put(g, "> ", 2);
    nt_term(g, p);
    nx_gout_byte(g, ' ');
}

static void nt_subject(nx_emitter *e, const char *iri) { ((nt *)e->state)->subject = iri; }

static void nt_type(nx_emitter *e, nx_term cls) {
    nt_head(e, (nx_term){NX_NS_RDF, "type"});
    nt_term(e->g, cls);
    nx_gout_put(e->g, " .\n", 3);
}

static void nt_iri(nx_emitter *e, nx_term p, const char *iri) {
    nt_head(e, p);
    nx_gout_byte(e->g, '<');
    nx_gout_str(e->g, iri);
    nx_gout_put(e->g, "> .\n", 4);
}

static void nt_str(nx_emitter *e, nx_term p, const char *s) {
    nt_head(e, p);
    nx_gout_byte(e->g, '"');
    nx_gout_escaped(e->g, s);
    nx_gout_put(e->g, "\" .\n", 4);
}

static void nt_typed(nx_emitter *e, nx_term p, const char *s, nx_term dt) {
    nt_head(e, p);
    nx_gout_byte(e->g, '"');
    nx_gout_escaped(e->g, s);
    nx_gout_put(e->g, "\"^^", 3);
    nt_term(e->g, dt);
    nx_gout_put(e->g, " .\n", 3);
}

static void nt_integer(nx_emitter *e, nx_term p, size_t v) {
    nt_head(e, p);
    nx_gout_byte(e->g, '"');
    nx_gout_uint(e->g, v);
    nx_gout_put(e->g, "\"^^", 3);
    nt_term(e->g, (nx_term){NX_NS_XSD, "integer"});
    nx_gout_put(e->g, " .\n", 3);
}

static void nt_end(nx_emitter *e) { ((nt *)e->state)->subject = NULL; }

static void nt_emitter(nx_emitter *e, nx_gout *g, nt *state) {
    *e = (nx_emitter){g, state, nt_subject, nt_type, nt_iri, nt_str, nt_typed, nt_integer, nt_end};
}

static int nt_begin(nx_sbuf *out, const nx_write_options *wo) {
    (void)wo;
    nx_gout g;
    nx_gout_init(&g, out);
    nx_graph_header(&g);
    return nx_gout_finish(&g);
}

/* The document's triples, or (doc NULL) the error record's. */
static int nt_record(const nx_document *doc, const char *id, const char *message, const nx_write_options *wo,
                     nx_sbuf *out) {
    nx_gout g;
    nt state = {0};
    nx_emitter e;
    nx_gout_init(&g, out);
    nt_emitter(&e, &g, &state);
    int rc = doc ? nx_graph_document(doc, wo->base_iri, &e) : nx_graph_error(&e, wo->base_iri, id, message);
    return nx_gout_done(&g, rc);
}

static int nt_document(const nx_document *doc, const nx_write_options *wo, nx_sbuf *out) {
    return nt_record(doc, NULL, NULL, wo, out);
}

static int nt_error(const char *id, const char *message, const nx_write_options *wo, nx_sbuf *out) {
    return nt_record(NULL, id, message, wo, out);
}

const nx_writer nx_writer_ntriples = {"ntriples", nt_begin, NULL, nt_document, nt_error};
