/*
 * fs.h: the file system as the loaders (gazetteer.c, model.c) and the input
 * readers (input.c) need it: a stream read whole into memory, and the
 * entries of a directory in name order.
 */
#ifndef NX_FS_H
#define NX_FS_H

#include <stddef.h>
#include <stdio.h>

#include "nerx.h"

/* Reads f to its end into *out (malloc, NUL-terminated; *len bytes), after
 * the n_pre bytes at pre that the caller already read. NX_ERR_LIMIT when
 * there are more than `limit` bytes, NX_ERR_IO on a read error (errno says
 * which), NX_ERR_NOMEM. */
nx_status nx_read_stream(FILE *f, const char *pre, size_t n_pre, size_t limit, char **out, size_t *len);

/* The names in dir, dot files left out, in strcmp order (malloc; free with
 * nx_free_names). NX_ERR_IO when dir cannot be opened (errno says why),
 * NX_ERR_NOMEM. */
nx_status nx_dir_names(const char *dir, char ***names, size_t *n);
void nx_free_names(char **names, size_t n);

/* The files in dir ending with suffix, in name order, as malloc'd paths
 * "dir/name" (free with nx_free_names); none when dir does not exist.
 * NX_ERR_IO (err says why) when it cannot be read, NX_ERR_NOMEM. */
nx_status nx_list_files(const char *dir, const char *suffix, char ***out, size_t *n, nx_error *err);

/* Whether s ends with suffix (and is longer than it). */
int nx_has_suffix(const char *s, const char *suffix);

#endif
