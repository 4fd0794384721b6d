/*
 * fuzz_extract.c: a fuzz target for the whole pipeline (nx_extract and the
 * JSON writer). With libFuzzer (-fsanitize=fuzzer) it is a normal target;
 * built without it, main() replays the files given on the command line and
 * then a fixed number of deterministic mutations of them, so ctest runs it
 * under the sanitizers on every build. The first byte picks options.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../unit/model_fixture.h"
#include "nerx.h"

static nx_model *model;

static void init_model(void) {
    if (model) return;
    model = load_test_model();
    if (!model) abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    init_model();
    nx_options o;
    nx_options_init(&o);
    if (size > 0) {
        o.dct = (data[0] & 1) ? "2024-07-05" : NULL;
        o.date_order = (data[0] & 2) ? NX_DATE_ORDER_DMY : NX_DATE_ORDER_MDY;
        o.attached_titles_only = !(data[0] & 4);
        data++, size--;
    }
    nx_document *doc = NULL;
    nx_status st = nx_extract(model, (const char *)data, size, "fuzz", &o, &doc, NULL);
    if (st == NX_OK) {
        size_t n;
        const nx_mention *m = nx_document_mentions(doc, &n);
        for (size_t i = 0; i < n; i++) /* invariants every output must keep */
            if (m[i].end < m[i].start || m[i].byte_end > size || m[i].byte_end < m[i].byte_start ||
                (i && m[i].byte_start < m[i - 1].byte_start))
                abort();
        char *s = nx_document_to_json(doc, 0);
        if (!s) abort();
        nx_free(s);
        nx_document_free(doc);
    } else if (st != NX_ERR_EMPTY && st != NX_ERR_BINARY) {
        abort();
    }
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

static const char *const tokens[] = {" ", "\n", "\n\n", ".", ",", "(", ")", "'s", "-", "\xC2\xA0", "\xE2\x80\x99",
                                     "\xFF", "\xC3", "July", "4", "2024", "President", "of", "University",
                                     "Zhang", "XJTU", "(L)", " and ", "Dr.", "U.S.", "\"", "\t", "\x01"};

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
        char *buf = malloc(1 << 20);
        size_t n = fread(buf, 1, 1 << 20, f);
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
            case 0: /* flip a byte */
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
            default: { /* insert a token that matters to some rule */
                const char *t = tokens[next() % (sizeof tokens / sizeof *tokens)];
                size_t tl = strlen(t);
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
    nx_model_free(model);
    printf("fuzz_extract: %zu inputs and %d mutations ran clean\n", n_inputs, rounds);
    return 0;
}
#endif
