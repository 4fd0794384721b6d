/*
 * dates.h: the date stage (normalise, for temporal expressions).
 *
 * Consumes: the matches of the date, time, duration and set patterns
 *   (patterns stage: gazetteers/patterns/{dates,relative,times,durations}.pat)
 *   with their named groups; the temporal words of the model (temporal.tsv,
 *   month and weekday names); the tokens (sentences, shapes, gazetteer
 *   features) for the context rules; the dct option and where it came from.
 * Produces: the document creation time and its source ("option", "record",
 *   or "dateline": a full date at the top of the article; else none), and one
 *   span per temporal expression, typed date, time, duration or set, whose
 *   value is its TIMEX3 value: 2024-07-04, 2024-07, 2024, 2024-Q3, 2024-H1,
 *   2024-SU, 2024-W27, 199 (the 1990s), 2024-07-04T15:00, 2024-07-04TMO,
 *   P3Y, PT2H, P1D (a set: daily), XXXX-WXX-2, PRESENT_REF, PAST_REF,
 *   FUTURE_REF; XXXX where the year cannot be known. Partial and relative
 *   expressions are resolved against the dct, or against the time the text
 *   last spoke of (the following year, a year earlier). The tokens of every
 *   span, and of skip matches, are marked blocked for the later stages.
 *
 * Ambiguous numeric dates (07/05/2024) follow nx_options.date_order when it
 * is day first; otherwise the document's own unambiguous ones (25/12/2024),
 * else day first for dotted dates (05.07.2024) and month first for others.
 */
#ifndef NX_DATES_H
#define NX_DATES_H

#include "doc.h"

/* NX_OK, NX_ERR_ARG for a malformed dct option, NX_ERR_NOMEM. */
nx_status nx_dates_run(nx_document *doc);

#endif
