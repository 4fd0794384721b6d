/*
 * graph.h: a document as a graph: the mapping of the public views
 * (nerx.h) to schema.org, W3C org, PROV and Dublin Core terms (the table is
 * docs/graph.md), made once here and written by each graph format
 * (write_ntriples.c, write_turtle.c, write_jsonld.c) through an emitter.
 *
 * Consumes: a finished document's views and the base IRI.
 * Produces: calls on an emitter, node by node: a subject, its types, then
 *   its statements (the same predicate's values one after another), then
 *   its end. Every IRI given is absolute and percent-encoded (safe inside
 *   <...> and in a JSON string); strings are the views' bytes, which the
 *   emitters make valid UTF-8 and escape.
 *
 * IRIs: the base, then `entity/` and the entity's key (its first ':' a '/':
 * `entity/geonames/1526273`), so the same entity is one node in every
 * document and run; `doc/` and the document id; the document's IRI,
 * `/fact/` and the relation's number for a relation; `title/` and the
 * title's slug for a title.
 */
#ifndef NX_GRAPH_H
#define NX_GRAPH_H

#include <stddef.h>

#include "arena.h"
#include "nerx.h"

/* The vocabularies: one prefix each. */
#define NX_NS_LIST(X)                                           \
    X(RDF, "rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#") \
    X(RDFS, "rdfs", "http://www.w3.org/2000/01/rdf-schema#")     \
    X(XSD, "xsd", "http://www.w3.org/2001/XMLSchema#")           \
    X(SCHEMA, "schema", "https://schema.org/")                    \
    X(ORG, "org", "http://www.w3.org/ns/org#")                    \
    X(PROV, "prov", "http://www.w3.org/ns/prov#")                 \
    X(DCT, "dct", "http://purl.org/dc/terms/")                    \
    X(NX, "nx", "urn:nerx:vocab:")

#define NX_NS_ENUM_(id, prefix, iri) NX_NS_##id,
typedef enum nx_ns { NX_NS_LIST(NX_NS_ENUM_) NX_NS_COUNT } nx_ns;
#undef NX_NS_ENUM_

extern const char *const nx_ns_prefix[NX_NS_COUNT];
extern const char *const nx_ns_iri[NX_NS_COUNT];

/* A term of a vocabulary: a predicate, a class or a datatype. */
typedef struct nx_term {
    nx_ns ns;
    const char *local;
} nx_term;

/* A string's bytes between quotes, escaped alike for N-Triples, Turtle and
 * JSON (\" \\ \n \r \t, other controls \u00XX); invalid UTF-8 becomes
 * U+FFFD. The quotes are the caller's. */
void nx_gout_escaped(nx_gout *g, const char *s);

typedef struct nx_emitter nx_emitter;
struct nx_emitter {
    nx_gout *g;
    void *state;
    void (*subject)(nx_emitter *e, const char *iri);
    void (*type)(nx_emitter *e, nx_term cls);
    void (*iri)(nx_emitter *e, nx_term p, const char *iri);
    void (*str)(nx_emitter *e, nx_term p, const char *s);
    void (*typed)(nx_emitter *e, nx_term p, const char *s, nx_term datatype);
    void (*integer)(nx_emitter *e, nx_term p, size_t v);
    void (*end)(nx_emitter *e);
};

/* The document's nodes on `e`: 0, or -1 when out of memory. */
int nx_graph_document(const nx_document *doc, const char *base_iri, nx_emitter *e);

/* The schema.org class (a local name) of a gazetteer kind ("university":
 * "CollegeOrUniversity"), or NULL when it has none finer than its type's. */
const char *nx_graph_kind_class(const char *kind);

/* An error record: the document's node (its IRI from base_iri and id) with
 * its id and nx:error; 0, or -1 when out of memory. */
int nx_graph_error(nx_emitter *e, const char *base_iri, const char *id, const char *message);

/* The comment that opens an N-Triples or Turtle stream: "# nerx VERSION,
 * output schema N". */
void nx_graph_header(nx_gout *g);

/* The node IRIs of a document (also read by the CSV writer): the entity's
 * IRI, or the document's, appended to b (NUL-terminated). 0, or -1. */
int nx_graph_entity_iri(nx_sbuf *b, const char *base_iri, const char *key);
int nx_graph_doc_iri(nx_sbuf *b, const char *base_iri, const char *id);

#endif
