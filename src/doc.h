/*
 * doc.h: the document, owned by doc.c. Every stage reads it and adds its own
 * layer through the functions below; none removes or reorders what another
 * stage made.
 *
 * Phases, in the order the driver (extract.c) runs the stages:
 *   1. prepared  the text (normalise) and its tokens (tokenize);
 *   2. matched   gazetteer matches and token features (gazetteer stage),
 *                pattern matches (patterns stage); read-only afterwards;
 *   3. growing   the date and resolve stages add spans (nx_doc_add_span),
 *                drop them (nx_doc_drop_span) and retype them with the rule
 *                that did it (nx_doc_retype_span). Spans only grow: a
 *                dropped span stays in the array, flagged, so every span
 *                index a stage holds stays valid;
 *   4. sealed    nx_doc_seal() removes the dropped spans and sorts the rest
 *                by position. From then on span indexes are stable and a
 *                span's extent, type and rule are read-only; later stages
 *                only link spans: to an entity (nx_doc_set_entity) or, for
 *                a title, to the fact it states (NX_SPAN_ATTACHED);
 *   5. linked    coreference adds entities (coref.c), relation rules add
 *                relations (relations.c);
 *   6. viewed    the public nx_mention, nx_entity and nx_relation arrays
 *                are built from all of the above (views.c).
 *
 * Memory: tokens, strings, entities and the public views live in the
 * document's arena; the arrays that grow (spans, relations, warnings) are
 * malloc'd vectors. nx_document_free() frees both.
 */
#ifndef NX_DOC_H
#define NX_DOC_H

#include <stdint.h>

#include "arena.h"
#include "nerx.h"
#include "registry.h"
#include "text.h"
#include "tokenize.h"

struct nx_model;
struct nx_gmatch;
struct nx_pmatch;

enum nx_doc_phase {
    NX_PHASE_PREPARED = 0,
    NX_PHASE_MATCHED,
    NX_PHASE_GROWING,
    NX_PHASE_SEALED,
    NX_PHASE_LINKED,
    NX_PHASE_VIEWED
};

enum nx_span_flags {
    NX_SPAN_ACRONYM = 1 << 0,      /* an acronym of another mention */
    NX_SPAN_PROPAGATED = 1 << 1,   /* found again by one-sense-per-document */
    NX_SPAN_FAMILY_FIRST = 1 << 2, /* a person name written surname first */
    NX_SPAN_ATTACHED = 1 << 3,     /* a title that describes a named person */
    NX_SPAN_PLURAL = 1 << 4,       /* a plural title: presidents */
    NX_SPAN_DROPPED = 1 << 5,      /* removed by a later rule (until the seal) */
    NX_SPAN_LEAD_WORD = 1 << 6     /* a title whose first word says when or which, not what ("former",
                                      "the first"): the rules read it, the mention leaves it out */
};

/* A working mention: a token range (or a byte range for pattern matches that
 * do not fall on token boundaries), a type, the rule that made it and what
 * the stages attach to it. */
typedef struct nx_span {
    uint32_t t0, t1;     /* tokens [t0, t1) */
    uint32_t b0, b1;     /* bytes [b0, b1) */
    uint8_t type;        /* nx_type */
    uint8_t status;      /* nx_title_status, for titles */
    uint16_t flags;      /* nx_span_flags */
    uint16_t rule;       /* nx_rule */
    uint16_t rule_src;   /* GAZETTEER: the source file; PATTERN: the pattern */
    const char *value;   /* dates and titles */
    const char *canon;   /* canonical name (gazetteer name, acronym expansion) or NULL */
    const char *country; /* ISO code from the gazetteer, or NULL */
    const char *kind;    /* the gazetteer entry's kind (city, country, address ...), or NULL */
    const char *xid;     /* the gazetteer entry's external ids ("geonames:1526273 ..."), or NULL */
    const char *text;    /* its text once asked for (nx_doc_span_text), or NULL */
    int32_t entity;      /* index into the entities, -1 until coreference */
} nx_span;

/* An entity: mentions of one person, organisation or place. */
typedef struct nx_ent {
    uint8_t type;
    const char *name;    /* the fullest form */
    const char *key;     /* folded name used for grouping */
    uint32_t *mentions;  /* span indexes, in the order coreference found them (arena) */
    size_t n_mentions;
} nx_ent;

/* A relation argument: the span that fills a role (its entity, if any, is
 * the span's), or -1 when the text names none. */
typedef struct nx_rel_arg {
    uint8_t role;        /* nx_role */
    int32_t span;
} nx_rel_arg;

enum { NX_REL_MAX_ARGS = 4 };

/* A relation: a typed fact with role-named arguments, in the order its
 * family declares them (relations.c). */
typedef struct nx_rel {
    uint8_t type;        /* nx_rel_type */
    uint8_t status;      /* nx_title_status */
    uint16_t rule;       /* nx_rule */
    uint8_t n_args;
    nx_rel_arg args[NX_REL_MAX_ARGS];
    const char *value;   /* the value it states (holds_title: the title), or NULL */
} nx_rel;

struct nx_document {
    nx_arena arena;
    const struct nx_model *model;
    enum nx_doc_phase phase;
    const char *id;
    const char *input;      /* the caller's text, until nx_extract() returns */
    size_t input_len;
    const char *dct;        /* YYYY-MM-DD or NULL */
    const char *dct_source; /* "option", "record", "dateline" or NULL */
    nx_options opts;
    /* prepared */
    nx_text text;
    nx_tokens toks;
    /* matched */
    const struct nx_gmatch *gm; /* longest gazetteer match at each token that has one, by start */
    size_t n_gm;
    const struct nx_pmatch *pm; /* pattern matches, by start then longest */
    size_t n_pm;
    uint8_t *blocked;       /* per token: inside a skip or date span (date stage) */
    /* growing, sealed, linked */
    nx_vec spans;           /* nx_span */
    nx_ent *ents;           /* (arena) */
    size_t n_ents;
    nx_vec rels;            /* nx_rel */
    nx_vec warnings;        /* const char * (arena strings) */
    const char **fields;    /* the kept input fields: n_fields name/value pairs (arena) */
    size_t n_fields;
    double *stage_seconds;  /* per stage, when nx_options.time_stages (arena) */
    /* viewed */
    nx_mention *mentions;
    size_t n_mentions;
    nx_entity *entities;
    size_t n_entities;
    nx_relation *relations;
    size_t n_relations;
};

/* A new, empty document (prepared phase, no text yet): the options copied
 * (defaults when NULL), the id and the kept fields copied into its arena,
 * room for n_stages stage times when asked. NULL and *st = NX_ERR_NOMEM when
 * out of memory. */
nx_document *nx_doc_create(const struct nx_model *model, const nx_options *opts, const char *id, size_t n_stages,
                           nx_status *st);

/* The span at index i, and the token at index i. */
#define SPAN(doc, i) (&NX_VEC_AT(&(doc)->spans, nx_span, i))
#define TOK(doc, i) (&(doc)->toks.items[i])

/* A new span over tokens [t0, t1) (bytes from the tokens), made by `rule`
 * (`rule_src`: the gazetteer source or pattern for those two families).
 * Growing phase only. Returns its index, or -1 when out of memory. */
int32_t nx_doc_add_span(nx_document *doc, uint32_t t0, uint32_t t1, nx_type type, nx_rule rule, uint16_t rule_src);
/* Drops span i: it stays in place, flagged, until the seal removes it. */
void nx_doc_drop_span(nx_document *doc, int32_t i);
/* Gives span i another type, made by `rule`. The old reading's gazetteer
 * attributes (country, kind) go; its canonical name stays when `keep_name`
 * (a city's team is named as the city), else it goes too. */
void nx_doc_retype_span(nx_document *doc, int32_t i, nx_type type, nx_rule rule, int keep_name);
/* Ends the growing phase (a stage): dropped spans go, the rest are sorted by
 * start, longest first; indexes are stable from here on. */
nx_status nx_doc_seal(nx_document *doc, nx_error *err);
/* Links span i to entity e (linked phase). */
void nx_doc_set_entity(nx_document *doc, uint32_t i, int32_t e);
/* Marks title span i as describing a named person (a relation states it). */
void nx_doc_mark_attached(nx_document *doc, uint32_t i);

/* The span's text, NUL-terminated, in the arena; made once and kept. */
const char *nx_doc_span_text(nx_document *doc, nx_span *s);
/* The name of the rule that made a span ("person:title-before",
 * "gazetteer:universities", "date:month-day"). */
const char *nx_doc_rule_name(const nx_document *doc, nx_rule rule, uint16_t rule_src);

int nx_doc_warn(nx_document *doc, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
