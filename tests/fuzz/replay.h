/*
 * replay.h: the driver the fuzz targets use when built without libFuzzer,
 * so ctest runs them under the sanitizers: each file named on the command
 * line is run as it is, then `rounds` deterministic mutations of them
 * (a byte flipped, a run deleted, or one of the target's tokens inserted).
 * A target defines LLVMFuzzerTestOneInput and calls fuzz_replay() from its
 * main().
 */
#ifndef NX_FUZZ_REPLAY_H
#define NX_FUZZ_REPLAY_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A xorshift generator: the same mutations on every run. */
static uint64_t fuzz_rng = 0x9E3779B97F4A7C15ULL;
static inline uint64_t fuzz_next(void) {
    fuzz_rng ^= fuzz_rng << 13;
    fuzz_rng ^= fuzz_rng >> 7;
    fuzz_rng ^= fuzz_rng << 17;
    return fuzz_rng;
}

/* Runs the files argv[1..argc) (at most max_bytes of each), then `rounds`
 * mutations. tokens: what matters to the target, inserted whole (a token
 * of one NUL byte is written as ""). 0, or 1 when a file cannot be read. */
static inline int fuzz_replay(int argc, char **argv, const char *const *tokens, size_t n_tokens, size_t max_bytes,
                              int rounds, const char *name) {
    size_t n_inputs = 0;
    char **inputs = calloc((size_t)argc, sizeof *inputs);
    size_t *lens = calloc((size_t)argc, sizeof *lens);
    if (!inputs || !lens) return 1;
    for (int i = 1; i < argc; i++) {
        FILE *f = fopen(argv[i], "rb");
        char *buf = f ? malloc(max_bytes) : NULL;
        if (!buf) {
            fprintf(stderr, "%s: cannot read %s\n", name, argv[i]);
            if (f) fclose(f);
            return 1;
        }
        size_t n = fread(buf, 1, max_bytes, f);
        fclose(f);
        LLVMFuzzerTestOneInput((const uint8_t *)buf, n);
        inputs[n_inputs] = buf;
        lens[n_inputs++] = n;
    }
    for (int r = 0; r < rounds && n_inputs; r++) {
        size_t k = fuzz_next() % n_inputs;
        size_t len = lens[k];
        size_t cap = len + 256;
        char *buf = malloc(cap);
        if (!buf) return 1;
        memcpy(buf, inputs[k], len);
        int edits = 1 + (int)(fuzz_next() % 8);
        for (int e = 0; e < edits; e++) {
            size_t pos = len ? fuzz_next() % len : 0;
            switch (fuzz_next() % 4) {
            case 0: /* flip a byte */
                if (len) buf[pos] = (char)fuzz_next();
                break;
            case 1: /* delete a run */
                if (len) {
                    size_t d = 1 + fuzz_next() % 16;
                    if (pos + d > len) d = len - pos;
                    memmove(buf + pos, buf + pos + d, len - pos - d);
                    len -= d;
                }
                break;
            default: { /* insert a token */
                const char *t = tokens[fuzz_next() % n_tokens];
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
    printf("%s: %zu inputs and %d mutations ran clean\n", name, n_inputs, rounds);
    return 0;
}

#endif
