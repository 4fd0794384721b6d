/*
 * link.h: the link stage.
 *
 * Consumes: the resolved spans (people, organisations, places, titles, dates).
 * Produces: entities (mentions of one person, organisation or place grouped
 *   under its fullest name: an acronym with its expansion, a surname with
 *   the full name) and holds_title relations from the ways news states them:
 *   a title before the name (Foreign Minister Wang Yi, XJTU's president
 *   Zhang, the president of XJTU Zhang), an apposition after it (Zhang
 *   Liqun (L), an academician of X and president of Y), with the
 *   organisation when the text names one.
 */
#ifndef NX_LINK_H
#define NX_LINK_H

#include "doc.h"

nx_status nx_link(nx_document *doc);

#endif
