/*
 * writer.h: the write stage: output formats behind one interface, one file
 * per format (write_json.c: JSON and JSON Lines), as cmark's renderers.
 *
 * Consumes: a finished document (the public views of nerx.h only, so what a
 *   library user can read is what is written), or an error record.
 * Produces: one record of output text appended to a string buffer, so the
 *   batch can render records in its worker threads and write each one
 *   whole, in input order.
 *
 * To add a format: a file defining an nx_writer, and a row in the table of
 * writer.c; the CLI's --output and the batch take it by name.
 */
#ifndef NX_WRITER_H
#define NX_WRITER_H

#include "arena.h"
#include "nerx.h"

/* How to write: the flags (NX_WRITE_PRETTY) and, for the graph formats,
 * the IRI every node's IRI starts with (never NULL: the batch gives
 * NX_DEFAULT_BASE_IRI when the caller gives none). */
typedef struct nx_write_options {
    int flags;
    const char *base_iri;
} nx_write_options;

typedef struct nx_writer {
    const char *name;
    /* Text before the first record and after the last (NULL: none). */
    int (*begin)(nx_sbuf *out, const nx_write_options *wo);
    int (*end)(nx_sbuf *out, const nx_write_options *wo);
    /* One document, or one error record, ending with a newline.
     * Return 0, or -1 when out of memory. */
    int (*document)(const nx_document *doc, const nx_write_options *wo, nx_sbuf *out);
    int (*error)(const char *id, const char *message, const nx_write_options *wo, nx_sbuf *out);
} nx_writer;

/* The writer of a format ("json", "jsonl", "ntriples", "turtle",
 * "jsonld", "csv", "html"), or NULL when there is none. */
const nx_writer *nx_writer_find(const char *name);

extern const nx_writer nx_writer_json, nx_writer_jsonl, nx_writer_ntriples, nx_writer_turtle, nx_writer_jsonld,
    nx_writer_csv, nx_writer_html;

#endif
