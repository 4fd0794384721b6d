/*
 * model.h: the immutable model: gazetteers, compiled patterns and the word
 * maps derived from them. Built by nx_model_load() (model.c), read by every
 * stage, shared by all threads.
 *
 * The gazetteer view, the maps and the compiled patterns read one model
 * image (model_file.h): DIR/nerx.model mapped read-only when it is up to
 * date, else the same image compiled from the *.tsv and .pat files at load
 * (with --gazetteer files, the patterns are compiled apart, at load). Either way the stages read
 * the same bytes (docs/model-file.md).
 */
#ifndef NX_MODEL_H
#define NX_MODEL_H

#include "gazetteer.h"
#include "model_file.h"
#include "patterns.h"
#include "strmap.h"
#include "tokenize.h"

struct nx_model {
    nx_gazetteer gaz;         /* a view into file */
    nx_patterns patterns;
    nx_strmap month_value;    /* folded month name (no period) -> 1..12 (a view into file) */
    nx_strmap weekday_value;  /* folded weekday name -> 1..7 (Monday = 1) (a view into file) */
    nx_strmap temporal_value; /* "kind:folded word" (unit:weeks) -> pool offset of its value (W) (a view into file) */
    nx_token_lexicon lex;
    char *dir;
    nx_mfile file;            /* the image the views read */
    int from_file;            /* 1: the image is DIR/nerx.model; 0: compiled at load */
    int patterns_from_file;   /* 1: patterns read from the image; 0: compiled from the .pat files */
};

/* The name of a rule: the registry's, or for the two families whose names
 * come from the model, "gazetteer:<file stem>" (rule_src: the source file)
 * and "date:<name>" / "skip:<name>" (rule_src: the pattern). */
const char *nx_model_rule_name(const nx_model *m, nx_rule rule, uint16_t rule_src);

/* Compiles the gazetteer files (in order) into a model image: the
 * gazetteer view and the derived maps as sections, and unless pats is NULL
 * the patterns of the n_pat .pat files compiled against that gazetteer
 * (owned by *out: nx_mfile_close). Errors as nx_gazetteer_load() and
 * nx_patterns_load(). */
nx_status nx_model_compile_files(const char *const *paths, size_t n, const char *const *pats, size_t n_pat, nx_mfile *out,
                                 nx_error *err);

/* Points m's gazetteer view and maps into *f after checking them whole
 * (nx_gazetteer_attach, nx_strmap_attach, and the maps' values); m takes f
 * over on success and on failure alike (f is left empty). m must be zeroed
 * or have nothing attached. NX_ERR_PARSE with err naming `name`. The
 * patterns are read too when the image holds them (m->patterns_from_file). */
nx_status nx_model_attach(nx_model *m, nx_mfile *f, const char *name, nx_error *err);

#endif
