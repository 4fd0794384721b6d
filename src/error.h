/*
 * error.h: filling in an nx_error (nerx.h). Every stage that can fail with
 * something to say (a gazetteer line, a pattern, a document) reports through
 * this one function, so the fields mean the same everywhere.
 */
#ifndef NX_ERROR_H
#define NX_ERROR_H

#include <stddef.h>

#include "nerx.h"

/* Sets every field of *err (a no-op when err is NULL): the status, where
 * (a file or document id, and line and column, 0 when unknown) and the
 * message, formatted as by printf. */
void nx_error_set(nx_error *err, nx_status status, const char *where, size_t line, size_t column, const char *fmt,
                  ...) __attribute__((format(printf, 6, 7)));

#endif
