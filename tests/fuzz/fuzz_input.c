/*
 * fuzz_input.c: a fuzz target for the input stage (nx_reader_* over a JSON
 * Lines or plain-text file): every record it gives back, good or bad, must
 * keep the record's invariants. With libFuzzer (-fsanitize=fuzzer,
 * -DNX_LIBFUZZER) it is a normal target; built without it, main() replays
 * the files given on the command line and then a fixed number of
 * deterministic mutations of them, so ctest runs it under the sanitizers.
 * The first byte picks the options (format, kept fields, a small size
 * limit, the dct field); the rest is the file's content.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "nerx.h"
#include "replay.h"

static char path[64];

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (!path[0]) {
        strcpy(path, "/tmp/nerx-fuzz-input-XXXXXX");
        int fd = mkstemp(path);
        if (fd < 0) abort();
        close(fd);
    }
    FILE *f = fopen(path, "wb");
    if (!f) abort();
    if (size > 1 && fwrite(data + 1, 1, size - 1, f) != size - 1) abort();
    fclose(f);
    nx_input_options o;
    nx_input_options_init(&o);
    static const char *const keep[] = {"url", "title"};
    o.format = size && (data[0] & 1) ? NX_INPUT_JSONL : NX_INPUT_AUTO;
    if (size && (data[0] & 2)) o.keep_fields = keep, o.n_keep_fields = 2;
    if (size && (data[0] & 4)) o.max_document_bytes = 64;
    if (size && (data[0] & 8)) o.dct_field = "published";
    const char *paths[1] = {path};
    nx_reader *r = NULL;
    if (nx_reader_open(paths, 1, &o, &r, NULL) != NX_OK) abort(); /* the file exists */
    nx_record rec;
    size_t n = 0;
    while (nx_reader_next(r, &rec) == NX_OK) {
        /* the invariants every record keeps, read byte for byte so the
         * sanitizers see any overrun */
        if (!rec.id || strlen(rec.id) == 0) abort();
        if (rec.status == NX_OK && !rec.text) abort();
        if (rec.status != NX_OK && (!rec.error || rec.text)) abort();
        size_t sum = 0;
        for (size_t i = 0; rec.text && i < rec.len; i++) sum += (unsigned char)rec.text[i];
        if (rec.dct && strlen(rec.dct) != 10) abort(); /* YYYY-MM-DD or nothing */
        for (size_t i = 0; i < 2 * rec.n_fields; i++) sum += strlen(rec.fields[i]);
        if (rec.warning) sum += strlen(rec.warning);
        (void)sum;
        if (++n > 100000) abort(); /* a file this small holds no more records */
    }
    nx_reader_free(r);
    return 0;
}

#ifndef NX_LIBFUZZER
/* what matters to a JSON Lines reader */
static const char *const tokens[] = {"{", "}", "[", "]", "\"", ":", ",", "\n", "\r\n", "\\", "\\u0000", "\\ud800",
                                     "\\n", "\"id\"", "\"text\"", "\"dct\"", "\"date\"", "null", "true", "1e999",
                                     "\xEF\xBB\xBF", "\xFF", "\xC3", "", "2024-02-30", "{\"text\":\"x\"}"};

int main(int argc, char **argv) {
    int rc = fuzz_replay(argc, argv, tokens, sizeof tokens / sizeof *tokens, 1 << 16, 3000, "fuzz_input");
    if (path[0]) unlink(path);
    return rc;
}
#endif
