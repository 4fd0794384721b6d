/* datadir.c: nx_gazetteer_dir_find(), the gazetteer directory from the
 * option, the environment, or the program's and the library's own place
 * (see datadir.h). */
#define _GNU_SOURCE /* dladdr */
#include "datadir.h"

#include <dlfcn.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "error.h"

/* The relative paths from the installed bin and lib directories to the
 * installed gazetteers (CMake computes them from the install layout). */
#ifndef NX_BIN_TO_DATA
#define NX_BIN_TO_DATA "../share/nerx/gazetteers"
#endif
#ifndef NX_LIB_TO_DATA
#define NX_LIB_TO_DATA "../share/nerx/gazetteers"
#endif

static int is_dir(const char *p) {
    struct stat st;
    return p && *p && stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* The directory part of a file's path, or "" (then dir is unusable). */
static void dir_of(const char *file, char *dir, size_t cap) {
    const char *slash = strrchr(file, '/');
    size_t n = slash ? (size_t)(slash - file) : 0;
    if (!slash || n >= cap) n = 0;
    memcpy(dir, file, n);
    dir[n] = '\0';
}

/* The places looked, for the message when none is there. */
typedef struct looked {
    char text[sizeof ((nx_error *)0)->message - 120];
    size_t len;
} looked;

static void note(looked *L, const char *path, const char *why) {
    int n = snprintf(L->text + L->len, sizeof L->text - L->len, "%s%s (%s)", L->len ? ", " : "", path, why);
    if (n > 0) L->len += (size_t)n < sizeof L->text - L->len ? (size_t)n : sizeof L->text - L->len - 1;
}

/* dir/rel when it is a directory: a malloc'd copy, else NULL (and noted). */
static char *try_under(looked *L, const char *dir, const char *rel) {
    if (!*dir) return NULL;
    char path[PATH_MAX];
    if (snprintf(path, sizeof path, "%s/%s", dir, rel) >= (int)sizeof path) return NULL;
    if (is_dir(path)) return strdup(path);
    note(L, path, "no such directory");
    return NULL;
}

char *nx_gazetteer_dir_find(const char *option, nx_error *err) {
    /* named by the caller or the environment: that one or none */
    const char *named = option && *option ? option : getenv("NERX_GAZETTEERS");
    if (named && *named) {
        if (is_dir(named)) return strdup(named);
        nx_error_set(err, NX_ERR_IO, named, 0, 0, "gazetteer directory not found (%s)",
                     option && *option ? "--gazetteers" : "NERX_GAZETTEERS");
        return NULL;
    }
    looked L = {{0}, 0};
    note(&L, "NERX_GAZETTEERS", "not set");
    char exe[PATH_MAX], exe_dir[PATH_MAX], lib_dir[PATH_MAX] = "";
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    exe[n > 0 ? n : 0] = '\0';
    dir_of(exe, exe_dir, sizeof exe_dir);
    /* the library's own file: the program itself when nerx is linked in */
    Dl_info info;
    char real[PATH_MAX];
    if (dladdr((void *)nx_gazetteer_dir_find, &info) && info.dli_fname && realpath(info.dli_fname, real) &&
        strcmp(real, exe) != 0)
        dir_of(real, lib_dir, sizeof lib_dir);
    char *found = try_under(&L, exe_dir, NX_BIN_TO_DATA);
    if (!found && *lib_dir) found = try_under(&L, lib_dir, NX_LIB_TO_DATA);
    if (!found) found = try_under(&L, exe_dir, "../gazetteers");
    if (!found) found = try_under(&L, ".", "gazetteers");
    if (found) return found;
    nx_error_set(err, NX_ERR_IO, "", 0, 0, "no gazetteer directory; looked in %s; pass --gazetteers DIR or set NERX_GAZETTEERS",
                 L.text);
    return NULL;
}
