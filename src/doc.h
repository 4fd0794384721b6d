/*
 * doc.h: the document every stage writes into. One arena holds it all.
 *
 * Spans are the pipeline's working mentions: a token range (or a byte range
 * for pattern matches that do not fall on token boundaries), a type, the
 * rule that made it and what later stages attach (value, canonical name,
 * entity). The public nx_mention/nx_entity/nx_relation arrays are views
 * built from them at the end of nx_extract().
 */
#ifndef NX_DOC_H
#define NX_DOC_H

#include <stdint.h>

#include "arena.h"
#include "gazetteer.h"
#include "model.h"
#include "nerx.h"
#include "patterns.h"
#include "text.h"
#include "tokenize.h"

enum nx_span_flags {
    NX_SPAN_ACRONYM = 1 << 0,       /* an acronym of another mention */
    NX_SPAN_PROPAGATED = 1 << 1,    /* found again by one-sense-per-document */
    NX_SPAN_FAMILY_FIRST = 1 << 2,  /* a person name written surname first */
    NX_SPAN_ATTACHED = 1 << 3,      /* a title that describes a named person */
    NX_SPAN_PLURAL = 1 << 4,        /* a plural title: presidents */
    NX_SPAN_DROPPED = 1 << 5        /* removed by a later rule */
};

typedef struct nx_span {
    uint32_t t0, t1;        /* tokens [t0, t1) */
    uint32_t b0, b1;        /* bytes [b0, b1) */
    uint8_t type;           /* nx_type */
    uint8_t status;         /* nx_status_attr, for titles */
    uint16_t flags;         /* nx_span_flags */
    const char *rule;
    const char *value;      /* dates and titles */
    const char *canon;      /* canonical name (gazetteer name, acronym expansion) or NULL */
    const char *country;    /* ISO code from the gazetteer, or NULL */
    const char *kind;       /* the gazetteer entry's kind (city, country, address ...), or NULL */
    const char *text;       /* its text once asked for (nx_doc_span_text), or NULL */
    int32_t entity;         /* index into doc->ents, -1 before linking */
} nx_span;

typedef struct nx_ent {
    uint8_t type;
    const char *name;
    const char *key;        /* folded name used for grouping */
    nx_vec mentions;        /* uint32_t span indexes (malloc) */
} nx_ent;

typedef struct nx_rel {
    uint32_t person_span, title_span;
    int32_t org_span;       /* -1 when the text names none */
    uint8_t status;
    const char *rule;
} nx_rel;

struct nx_document {
    nx_arena arena;
    const nx_model *model;
    const char *id;
    const char *dct;          /* YYYY-MM-DD or NULL */
    const char *dct_source;   /* "option", "dateline" or NULL */
    nx_options opts;
    nx_text text;
    nx_tokens toks;
    nx_gmatch *gm;
    size_t n_gm;
    nx_pmatch *pm;
    size_t n_pm;
    uint8_t *blocked;         /* per token: inside a skip or date span */
    nx_vec spans;             /* nx_span (malloc; freed with the document) */
    nx_vec ents;              /* nx_ent */
    nx_vec rels;              /* nx_rel */
    nx_vec warnings;          /* const char * (arena strings) */
    /* public views */
    nx_mention *mentions;
    size_t n_mentions;
    nx_entity *entities;
    size_t n_entities;
    nx_relation *relations;
    size_t n_relations;
};

#define SPAN(doc, i) (&NX_VEC_AT(&(doc)->spans, nx_span, i))
#define TOK(doc, i) (&(doc)->toks.items[i])

nx_span *nx_doc_add_span(nx_document *doc, uint32_t t0, uint32_t t1, nx_type type, const char *rule);
int nx_doc_warn(nx_document *doc, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The span's text, NUL-terminated, in the arena; made once and kept in s. */
const char *nx_doc_span_text(nx_document *doc, nx_span *s);

#endif
