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
static uint64_t rng = 0x9E3779B97F4A7C15ULL;
static uint64_t next(void) {
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

/* what matters to a JSON Lines reader */
static const char *const tokens[] = {"{", "}", "[", "]", "\"", ":", ",", "\n", "\r\n", "\\", "\\u0000", "\\ud800",
                                     "\\n", "\"id\"", "\"text\"", "\"dct\"", "\"date\"", "null", "true", "1e999",
                                     "\xEF\xBB\xBF", "\xFF", "\xC3", "\x00", "2024-02-30", "{\"text\":\"x\"}"};

int main(int argc, char **argv) {
    int rounds = 3000;
    size_t n_inputs = 0;
    char **inputs = calloc((size_t)argc, sizeof *inputs);
    size_t *lens = calloc((size_t)argc, sizeof *lens);
    for (int i = 1; i < argc; i++) {
        FILE *f = fopen(argv[i], "rb");
        if (!f) {
            fprintf(stderr, "fuzz: cannot open %s\n", argv[i]);
            return 1;
        }
        char *buf = malloc(1 << 16);
        size_t n = fread(buf, 1, 1 << 16, f);
        fclose(f);
        LLVMFuzzerTestOneInput((const uint8_t *)buf, n);
        inputs[n_inputs] = buf;
        lens[n_inputs++] = n;
    }
    for (int r = 0; r < rounds && n_inputs; r++) {
        size_t k = next() % n_inputs;
        size_t len = lens[k];
        size_t cap = len + 256;
        char *buf = malloc(cap);
        memcpy(buf, inputs[k], len);
        int edits = 1 + (int)(next() % 8);
        for (int e = 0; e < edits; e++) {
            size_t pos = len ? next() % len : 0;
            switch (next() % 4) {
            case 0: /* flip a byte (the first one picks the options) */
                if (len) buf[pos] = (char)next();
                break;
            case 1: /* delete a run */
                if (len) {
                    size_t d = 1 + next() % 16;
                    if (pos + d > len) d = len - pos;
                    memmove(buf + pos, buf + pos + d, len - pos - d);
                    len -= d;
                }
                break;
            default: { /* insert a token */
                const char *t = tokens[next() % (sizeof tokens / sizeof *tokens)];
                size_t tl = t[0] ? strlen(t) : 1;
                if (len + tl <= cap) {
                    memmove(buf + pos + tl, buf + pos, len - pos);
                    memcpy(buf + pos, t, tl);
                    len += tl;
                }
            }
            }
        }
        LLVMFuzzerTestOneInput((const uint8_t *)buf, len);
        free(buf);
    }
    for (size_t i = 0; i < n_inputs; i++) free(inputs[i]);
    free(inputs);
    free(lens);
    if (path[0]) unlink(path);
    printf("fuzz_input: %zu inputs and %d mutations ran clean\n", n_inputs, rounds);
    return 0;
}
#endif
