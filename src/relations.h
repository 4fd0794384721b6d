/*
 * relations.h: the relation stage, and the registry of relation families.
 *
 * Consumes: the sealed spans with their entities (coref stage).
 * Produces: relations (doc->rels): typed facts whose arguments are named by
 *   role, each naming the rule that found it. Each relation type is one
 *   family, registered once in relations.c's table with its roles and the
 *   function that finds its facts (holds_title.c, affiliated_with.c). After
 *   the families ran, a fact stated twice is kept once, and a fact that
 *   leaves an optional argument open (no organisation) adds nothing to the
 *   same fact with it.
 *
 * To add a relation type: a line in NX_REL_TYPE_LIST (registry.h), its roles
 * in NX_ROLE_LIST if new, a finder in its own file, and a row in the
 * families table of relations.c. The writers need no change.
 */
#ifndef NX_RELATIONS_H
#define NX_RELATIONS_H

#include "doc.h"

/* How an argument is written: as an entity, or as the relation's value (the
 * title of holds_title, normalised). */
typedef enum nx_arg_kind { NX_ARG_ENTITY = 0, NX_ARG_VALUE } nx_arg_kind;

typedef struct nx_role_spec {
    nx_role role;
    nx_arg_kind kind;
    int optional;        /* the text may name none (holds_title's organisation) */
} nx_role_spec;

/* What every finder gets: the document and the span covering each token. */
typedef struct nx_relctx {
    nx_document *doc;
    size_t n;              /* tokens */
    const int32_t *span_at; /* span index covering each token, -1 */
    int32_t main_org;       /* the organisation the document is about (nx_rel_main_org), -1 */
    const uint32_t *cues;   /* the tokens of a class in NX_REL_CUES, ascending */
    size_t n_cues;
} nx_relctx;

/* The word classes a finder looks for token by token (succession verbs:
 * holds_title; sentence-opening subject pronouns: affiliated_with): one
 * pass lists their tokens for every finder, which walks that list, not the
 * document. A new rule of that kind adds its class here. */
#define NX_REL_CUES (NX_FEAT(NX_G_SUCCESSION_VERB) | NX_FEAT(NX_G_SUBJECT_PRONOUN))

typedef struct nx_relation_family {
    nx_rel_type type;
    nx_role_spec roles[NX_REL_MAX_ARGS];
    size_t n_roles;
    nx_status (*find)(const nx_relctx *c);
} nx_relation_family;

/* The family of a relation type (never NULL for a registered type). */
const nx_relation_family *nx_relation_family_of(nx_rel_type type);

/* Adds a relation; its arguments must follow its family's roles. Returns 0,
 * or -1 when out of memory. */
int nx_rel_add(nx_document *doc, const nx_rel *r);

/* The stage: every family's finder in table order, then deduplication. */
nx_status nx_relations(nx_document *doc, nx_error *err);

/* The status a title modifier at token i says (former, incoming: an
 * nx_title_status), or 0: for a modifier the title span does not reach
 * ("former Soviet Foreign Minister", "a former member of"). */
uint8_t nx_rel_status_word(const nx_document *doc, size_t i);

/* The status a hyphenated word's first part says as a title modifier
 * ("Ex-Nissan boss": former), or 0. */
uint8_t nx_rel_status_prefix(const nx_document *doc, size_t i);

/* Whether a word of a span's value ("prime minister", words folded, one
 * space apart) is a one-word gazetteer entry of class c: for a title whose
 * head word is inside a token ("President-elect"). */
int nx_rel_value_has(const nx_document *doc, const char *value, nx_gclass c);

/* The organisation a document is about: the first mention of the one
 * named most often, at least three times ("company president", "X, who
 * heads the company"), or -1. Found once per document: the families read
 * it from nx_relctx.main_org. */
int32_t nx_rel_main_org(const nx_document *doc);

/* Whether token i is a one-word gazetteer entry of class c and kind
 * (kind= in the data: "from" is a place cue of kind origin). */
int nx_rel_token_is(const nx_document *doc, size_t i, nx_gclass c, const char *kind);

/* Whether organisation span k is a head word alone ("chairman of the
 * Board", "the Committee") that the document never names in full: it says
 * which kind of body, not which one, so it is no fact's organisation. */
int nx_rel_bare_head(const nx_document *doc, int32_t k);

/* "he" or "she" at token i: the person the nearest earlier sentence with a
 * person starts with (its subject, as a rule), within two sentences, or -1:
 * "Poehl was made an economic adviser to Chancellor Willy Brandt. A year
 * later he was appointed ...". */
int32_t nx_rel_antecedent(const nx_document *doc, const int32_t *span_at, size_t n, size_t i);

/* "the party's nominee X", "the university's president": the organisation
 * a generic organisation noun at token i (function-word org-generic) refers
 * back to: the last one named in its sentence or the one before whose
 * gazetteer kind is the noun itself (party, university, company), or -1. */
int32_t nx_rel_kind_referent(const nx_document *doc, const int32_t *span_at, size_t i);

/* The finders, one per family. */
nx_status nx_holds_title_find(const nx_relctx *c);
nx_status nx_affiliated_with_find(const nx_relctx *c);

#endif
