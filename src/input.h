/*
 * input.h: the input stage (nx_reader_* in nerx.h).
 *
 * Consumes: paths (files, directories, "-") and standard input.
 * Produces: records (id, text, dct), or an error record for an input that
 *   cannot be read (a missing file, a malformed JSON Lines line, a record
 *   without text), each in its place in the stream.
 */
#ifndef NX_INPUT_H
#define NX_INPUT_H

#include "nerx.h"

/* "YYYY-MM-DD" at the start of s (a date or a date-time): 1 and out[11]. */
int nx_input_dct_prefix(const char *s, char out[11]);

#endif
