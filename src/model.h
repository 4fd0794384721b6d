/*
 * model.h: the immutable model: gazetteers, compiled patterns and the word
 * maps derived from them. Built by nx_model_load() (model.c), read by every
 * stage, shared by all threads.
 */
#ifndef NX_MODEL_H
#define NX_MODEL_H

#include "gazetteer.h"
#include "patterns.h"
#include "strmap.h"
#include "tokenize.h"

struct nx_model {
    nx_gazetteer gaz;
    nx_patterns patterns;
    nx_strmap month_value;    /* folded month name (no period) -> 1..12 */
    nx_strmap weekday_value;  /* folded weekday name -> 1..7 (Monday = 1) */
    nx_strmap temporal_value; /* "kind:folded word" (unit:weeks) -> pool offset of its value (W) */
    nx_token_lexicon lex;
    char *dir;
};

/* The name of a rule: the registry's, or for the two families whose names
 * come from the model, "gazetteer:<file stem>" (rule_src: the source file)
 * and "date:<name>" / "skip:<name>" (rule_src: the pattern). */
const char *nx_model_rule_name(const nx_model *m, nx_rule rule, uint16_t rule_src);

#endif
