/* words.c: see words.h. */
#include "words.h"

#include <string.h>

const char *const NX_DETERMINERS[] = {"a", "an", "the", "its", "their", "his", "her", NULL};

int nx_word_in(const nx_token *t, const char *const *list) {
    for (; *list; list++)
        if ((*list)[0] == t->fold[0] && strlen(*list) == t->fold_len && memcmp(*list, t->fold, t->fold_len) == 0)
            return 1;
    return 0;
}
