/*
 * dates.h: the date stage (normalise, for temporal expressions).
 *
 * Consumes: date pattern matches (patterns stage), the dct option, the text.
 * Produces: the document creation time (from the option, else a dateline at
 *   the top of the article) and date spans whose value is a TIMEX3 value
 *   resolved against it (2024-07-04; XXXX-07-04 when no year can be known).
 */
#ifndef NX_DATES_H
#define NX_DATES_H

#include "doc.h"

/* Parses "YYYY-MM-DD" (a real calendar date). Returns 1 when valid. */
int nx_parse_iso_date(const char *s, size_t len, int *y, int *m, int *d);

nx_status nx_dates_run(nx_document *doc);

#endif
