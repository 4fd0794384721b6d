/*
 * views.h: the last stage.
 *
 * Consumes: the sealed spans, the entities and the relations of a document.
 * Produces: the public arrays nerx.h hands out (nx_document_mentions(),
 *   nx_document_entities(), nx_document_relations()): a mention per span
 *   (titles only when they describe a named person, unless the options ask
 *   for all), with its text, code point offsets and rule name; each entity
 *   with its aliases; each relation with its supporting mentions and the
 *   span of text that states it.
 */
#ifndef NX_VIEWS_H
#define NX_VIEWS_H

#include "doc.h"

nx_status nx_views_build(nx_document *doc, nx_error *err);

#endif
