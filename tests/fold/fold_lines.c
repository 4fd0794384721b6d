/*
 * fold_lines: reads UTF-8 lines from stdin and prints nx_fold() of each, one
 * line out for each line in (the '\n' is not part of the line). Used by
 * check_fold.py to check that gazetteers/build.py's fold() agrees with the
 * C matcher's.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

int main(void) {
    char *line = NULL, *out = NULL;
    size_t line_cap = 0, out_cap = 0;
    ssize_t n;
    while ((n = getline(&line, &line_cap, stdin)) != -1) {
        size_t len = (size_t)n;
        if (len && line[len - 1] == '\n') len--;
        size_t need = nx_fold(line, len, out, out_cap);
        if (need > out_cap) {
            char *p = realloc(out, need);
            if (!p) {
                fprintf(stderr, "fold_lines: out of memory\n");
                return 1;
            }
            out = p;
            out_cap = need;
            nx_fold(line, len, out, out_cap);
        }
        if (fwrite(out, 1, need, stdout) != need || putchar('\n') == EOF) {
            fprintf(stderr, "fold_lines: cannot write\n");
            return 1;
        }
    }
    free(line);
    free(out);
    return fflush(stdout) == 0 ? 0 : 1;
}
