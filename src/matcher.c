/* matcher.c: the table of matcher backends (see matcher.h). */
#include "matcher.h"

#include <string.h>

static const nx_matcher_backend *const BACKENDS[] = {&nx_matcher_pcre2, &nx_matcher_tokens};

const nx_matcher_backend *nx_matcher_backend_find(const char *name) {
    if (!name) return BACKENDS[0];
    for (size_t i = 0; i < sizeof BACKENDS / sizeof *BACKENDS; i++)
        if (!strcmp(BACKENDS[i]->name, name)) return BACKENDS[i];
    return NULL;
}
