/* status.c: version, status messages and error details. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "error.h"

#define NX_STR2(x) #x
#define NX_STR(x) NX_STR2(x)

const char *nx_version(void) {
    return NX_STR(NX_VERSION_MAJOR) "." NX_STR(NX_VERSION_MINOR) "." NX_STR(NX_VERSION_PATCH);
}

const char *nx_strerror(nx_status status) {
    switch (status) {
    case NX_OK: return "success";
    case NX_ERR_NOMEM: return "out of memory";
    case NX_ERR_IO: return "input/output error";
    case NX_ERR_PARSE: return "malformed input";
    case NX_ERR_ENCODING: return "text is not valid UTF-8";
    case NX_ERR_EMPTY: return "empty document";
    case NX_ERR_BINARY: return "binary data, not text";
    case NX_ERR_ARG: return "invalid argument";
    case NX_ERR_PATTERN: return "regular expression does not compile";
    case NX_ERR_LIMIT: return "limit exceeded";
    case NX_ERR_END: return "end of input";
    }
    return "unknown status";
}

void nx_free(void *p) { free(p); }

void nx_error_set(nx_error *err, nx_status status, const char *where, size_t line, size_t column, const char *fmt, ...) {
    if (!err) return;
    err->status = status;
    snprintf(err->file, sizeof err->file, "%s", where ? where : "");
    err->line = line;
    err->column = column;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
}
