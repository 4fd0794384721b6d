/*
 * words.h: closed-class English words that the resolve and link rules read
 * by their form (determiners), and the test for a token being one of a list.
 * Open-class vocabulary (titles, cues, heads) belongs in the gazetteers.
 */
#ifndef NX_WORDS_H
#define NX_WORDS_H

#include "tokenize.h"

/* a, an, the and the possessive determiners */
extern const char *const NX_DETERMINERS[];

/* Whether the token's folded form is one of the words of a NULL-terminated list. */
int nx_word_in(const nx_token *t, const char *const *list);

#endif
