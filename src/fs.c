/* fs.c: see fs.h. */
#include "fs.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "error.h"

nx_status nx_read_stream(FILE *f, const char *pre, size_t n_pre, size_t limit, char **out, size_t *len) {
    *out = NULL;
    *len = 0;
    size_t cap = n_pre + (1 << 16), n = n_pre;
    char *buf = malloc(cap + 1);
    if (!buf) return NX_ERR_NOMEM;
    if (n_pre) memcpy(buf, pre, n_pre);
    for (;;) {
        if (n == cap) {
            if (cap >= limit) {
                free(buf);
                return NX_ERR_LIMIT;
            }
            cap *= 2;
            char *b = realloc(buf, cap + 1);
            if (!b) {
                free(buf);
                return NX_ERR_NOMEM;
            }
            buf = b;
        }
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0) break;
    }
    if (ferror(f)) {
        free(buf);
        return NX_ERR_IO;
    }
    if (n > limit) {
        free(buf);
        return NX_ERR_LIMIT;
    }
    buf[n] = '\0';
    *out = buf;
    *len = n;
    return NX_OK;
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

nx_status nx_dir_names(const char *dir, char ***names, size_t *n) {
    *names = NULL;
    *n = 0;
    DIR *d = opendir(dir);
    if (!d) return NX_ERR_IO;
    nx_vec v = {0}; /* char * */
    nx_status st = NX_OK;
    struct dirent *e;
    while (st == NX_OK && (e = readdir(d))) {
        if (e->d_name[0] == '.') continue;
        char **slot = nx_vec_push(&v, sizeof *slot);
        if (!slot || !(*slot = strdup(e->d_name))) st = NX_ERR_NOMEM;
    }
    closedir(d);
    if (st != NX_OK) {
        nx_free_names(v.items, v.count);
        return st;
    }
    if (v.count) qsort(v.items, v.count, sizeof(char *), cmp_str);
    *names = v.items;
    *n = v.count;
    return NX_OK;
}

void nx_free_names(char **names, size_t n) {
    for (size_t i = 0; i < n; i++) free(names[i]);
    free(names);
}

int nx_has_suffix(const char *s, const char *suffix) {
    size_t n = strlen(s), k = strlen(suffix);
    return n > k && strcmp(s + n - k, suffix) == 0;
}

nx_status nx_list_files(const char *dir, const char *suffix, char ***out, size_t *n, nx_error *err) {
    *out = NULL;
    *n = 0;
    char **names;
    size_t n_names;
    nx_status st = nx_dir_names(dir, &names, &n_names);
    if (st == NX_ERR_IO) {
        if (errno == ENOENT) return NX_OK;
        nx_error_set(err, NX_ERR_IO, dir, 0, 0, "cannot read directory: %s", strerror(errno));
    }
    if (st != NX_OK) return st;
    char **paths = calloc(n_names ? n_names : 1, sizeof *paths);
    size_t cnt = 0;
    st = paths ? NX_OK : NX_ERR_NOMEM;
    for (size_t i = 0; st == NX_OK && i < n_names; i++) {
        if (!nx_has_suffix(names[i], suffix)) continue;
        size_t len = strlen(dir) + strlen(names[i]) + 2;
        if (!(paths[cnt] = malloc(len))) st = NX_ERR_NOMEM;
        else snprintf(paths[cnt++], len, "%s/%s", dir, names[i]);
    }
    nx_free_names(names, n_names);
    if (st != NX_OK) {
        nx_free_names(paths, cnt);
        return st;
    }
    *out = paths;
    *n = cnt;
    return NX_OK;
}

