/*
 * window.h: a long document, extracted in windows.
 *
 * Consumes: a document longer than nx_options.window_bytes, and the options.
 * Produces: one document, viewed (nerx.h's accessors read it as any other),
 *   made of its windows' results: each window is a run of whole paragraphs
 *   (cut at a blank line, else at a line break, a sentence end or a space),
 *   extracted on its own by nx_extract() and freed before the next, so the
 *   working memory is one window's plus the merged views. Offsets are the
 *   whole document's; entities of different windows with the same type and
 *   key are one entity; a fact stated in two windows is one fact. What only
 *   coreference across windows could link (a surname, an acronym defined
 *   in an earlier window) stays apart. A document no longer than the window
 *   never comes here, so an article's output does not depend on the window.
 */
#ifndef NX_WINDOW_H
#define NX_WINDOW_H

#include "nerx.h"

nx_status nx_window_extract(const nx_model *model, const char *text, size_t len, const char *id, const nx_options *opts,
                            nx_document **out, nx_error *err);

#endif
