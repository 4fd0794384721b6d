/*
 * coref.h: the coreference stage (entity clustering).
 *
 * Consumes: the sealed person, organisation and place spans (canonical names
 *   from gazetteers and acronym definitions; family-name-first marks).
 * Produces: entities: the mentions of one person, organisation or place
 *   grouped under its fullest name. A one-word person mention is the person
 *   whose full name ends (or, written family name first, starts) with it,
 *   or whose given name it is; other mentions group by their folded
 *   canonical name (XJTU with Xi'an Jiaotong University, Al-Farabi with Al
 *   Farabi). Every such span gets its entity.
 */
#ifndef NX_COREF_H
#define NX_COREF_H

#include "doc.h"

nx_status nx_coref(nx_document *doc, nx_error *err);

#endif
