/*
 * datadir.h: where the gazetteers are.
 *
 * Consumes: the caller's directory (--gazetteers, nx_model_options), the
 *   NERX_GAZETTEERS environment variable, and where the running program and
 *   the nerx library are.
 * Produces: the first gazetteer directory of, in order: the caller's; the
 *   variable's; the installed data beside the program (BINDIR/../share/nerx/
 *   gazetteers, the path from the bin to the data directory as installed)
 *   and beside the shared library (LIBDIR/../share/...); the source tree of
 *   a build directory the program sits in (DIR/../gazetteers); ./gazetteers.
 *   Nothing absolute is compiled in, so an install can move and a build is
 *   the same wherever it was made. When none is there, the error lists every
 *   place looked.
 */
#ifndef NX_DATADIR_H
#define NX_DATADIR_H

#include "nerx.h"

/* The directory (malloc'd), or NULL with err set (NX_ERR_IO; NX_ERR_NOMEM). */
char *nx_gazetteer_dir_find(const char *option, nx_error *err);

#endif
