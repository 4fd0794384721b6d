/* status.c: version and status messages. */
#include <stdlib.h>

#include "nerx.h"

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
