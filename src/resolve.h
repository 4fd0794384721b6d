/*
 * resolve.h: the resolve stage: one reading per span.
 *
 * Consumes: tokens with gazetteer features, the longest gazetteer match at
 *   each token, and the blocked tokens (dates, skip patterns).
 * Produces: person, organization and place spans, and title spans (with
 *   their normalised value and status), none overlapping. Readings come
 *   from, in order: gazetteer entities; title phrases; capitalised chunks
 *   classified by their head word and neighbours (organisation designators,
 *   honorifics and titles before a name, given names, surnames, name endings,
 *   photo captions, apposed titles); acronyms defined in parentheses; and
 *   one sense per document (a name found once is found everywhere, a person's
 *   surname alone is that person).
 */
#ifndef NX_RESOLVE_H
#define NX_RESOLVE_H

#include "doc.h"

nx_status nx_resolve(nx_document *doc);

#endif
