/* check.h: the unit tests' harness. CHECK* record a failure and go on, so
 * one run shows every broken case; main() returns check_result(). */
#ifndef NX_CHECK_H
#define NX_CHECK_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int check_failures;
static int check_count;

#define CHECK(cond)                                                                       \
    do {                                                                                  \
        check_count++;                                                                    \
        if (!(cond)) {                                                                    \
            fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond);      \
            check_failures++;                                                             \
        }                                                                                 \
    } while (0)

#define CHECK_INT(a, b)                                                                   \
    do {                                                                                  \
        long long check_a_ = (long long)(a), check_b_ = (long long)(b);                   \
        check_count++;                                                                    \
        if (check_a_ != check_b_) {                                                       \
            fprintf(stderr, "%s:%d: %s == %lld, expected %lld\n", __FILE__, __LINE__, #a, \
                    check_a_, check_b_);                                                  \
            check_failures++;                                                             \
        }                                                                                 \
    } while (0)

#define CHECK_STR(a, b)                                                                   \
    do {                                                                                  \
        const char *check_a_ = (a), *check_b_ = (b);                                      \
        check_count++;                                                                    \
        if (!check_a_ || !check_b_ || strcmp(check_a_, check_b_) != 0) {                  \
            fprintf(stderr, "%s:%d: %s == \"%s\", expected \"%s\"\n", __FILE__, __LINE__, \
                    #a, check_a_ ? check_a_ : "(null)", check_b_ ? check_b_ : "(null)");  \
            check_failures++;                                                             \
        }                                                                                 \
    } while (0)

/* Writes content to a new file under /tmp and returns its path (a static
 * buffer: one file at a time), or NULL. The caller unlinks it. */
static inline char *check_tmp_file(const char *content) {
    static char path[64];
    snprintf(path, sizeof path, "/tmp/nerx-test-XXXXXX");
    int fd = mkstemp(path);
    if (fd < 0) return NULL;
    ssize_t n = (ssize_t)strlen(content);
    int ok = write(fd, content, (size_t)n) == n;
    close(fd);
    if (!ok) unlink(path);
    return ok ? path : NULL;
}

static inline int check_result(const char *name) {
    if (check_failures) {
        fprintf(stderr, "%s: %d of %d checks failed\n", name, check_failures, check_count);
        return 1;
    }
    printf("%s: %d checks passed\n", name, check_count);
    return 0;
}

#endif
