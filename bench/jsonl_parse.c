/* jsonl_parse.c: the "plain JSON Lines parse" reference of bench/bench.py.
 *
 * Reads a JSON Lines file line by line (getline, as src/input.c does), parses
 * each record with cJSON, the parser nerx uses, and reads every byte of its
 * "text" field. That is the least any JSON Lines tool must do, so nerx's
 * throughput is reported next to it. Built with nerx, never installed.
 *
 * usage: jsonl_parse [FILE|-]   (standard input by default)
 * Prints "N records, B text bytes, E errors" on stdout; exit status 0, 1 when
 * some line is not a JSON object with a string "text", 2 on a usage or read
 * error. */
#include <cjson/cJSON.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv) {
    if (argc > 2 || (argc == 2 && argv[1][0] == '-' && argv[1][1] != '\0')) {
        fprintf(stderr, "usage: jsonl_parse [FILE|-]\n");
        return 2;
    }
    const char *path = argc == 2 ? argv[1] : "-";
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "jsonl_parse: %s: %s\n", path, strerror(errno));
        return 2;
    }
    char *line = NULL;
    size_t cap = 0, records = 0, errors = 0, text_bytes = 0;
    ssize_t got;
    while ((got = getline(&line, &cap, f)) >= 0) {
        size_t n = (size_t)got;
        while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r')) n--;
        if (n == 0) continue;
        records++;
        cJSON *rec = cJSON_ParseWithLength(line, n);
        const cJSON *text = cJSON_GetObjectItemCaseSensitive(rec, "text");
        if (cJSON_IsString(text))
            text_bytes += strlen(text->valuestring); /* reads every byte */
        else
            errors++;
        cJSON_Delete(rec);
    }
    int read_error = ferror(f);
    free(line);
    if (f != stdin) fclose(f);
    if (read_error) {
        fprintf(stderr, "jsonl_parse: %s: read error\n", path);
        return 2;
    }
    printf("%zu records, %zu text bytes, %zu errors\n", records, text_bytes, errors);
    return errors ? 1 : 0;
}
