/* test_strmap.c: the string map: put, get, replace, growth, the empty key
 * (also as the first key, when the string pool is still empty); and
 * nx_hash(): its definition (words assembled a byte at a time here) at every
 * length and alignment, the word steps the tokenizer uses agreeing with it,
 * and how its low bits spread keys over a map's slots. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "check.h"
#include "strmap.h"
#include "swar.h"

static void test_put_get(void) {
    nx_strmap m;
    nx_strmap_init(&m);
    uint32_t v = 0;
    CHECK(!nx_strmap_get(&m, "a", 1, &v)); /* an empty map */
    /* the empty key first: nothing in the pool yet */
    CHECK_INT(nx_strmap_put(&m, "", 0, 7), 0);
    CHECK(nx_strmap_get(&m, "", 0, &v) && v == 7);
    CHECK(!nx_strmap_get(&m, "x", 1, &v));
    char key[16];
    for (uint32_t i = 0; i < 1000; i++) { /* enough to grow the table several times */
        int n = snprintf(key, sizeof key, "k%u", i);
        CHECK_INT(nx_strmap_put(&m, key, (size_t)n, i), 0);
    }
    for (uint32_t i = 0; i < 1000; i++) {
        int n = snprintf(key, sizeof key, "k%u", i);
        CHECK(nx_strmap_get(&m, key, (size_t)n, &v) && v == i);
    }
    CHECK_INT(nx_strmap_put(&m, "k5", 2, 55), 0); /* replaces */
    CHECK(nx_strmap_get(&m, "k5", 2, &v) && v == 55);
    CHECK(nx_strmap_get(&m, "", 0, &v) && v == 7);
    CHECK(!nx_strmap_get(&m, "k", 1, &v)); /* a prefix is another key */
    nx_strmap_free(&m);
}

/* nx_hash() as strmap.h defines it, the bytes gathered into words one at a
 * time: no load, no overlap, no byte order. */
static uint64_t ref_hash(const unsigned char *p, size_t len, uint64_t seed) {
    uint64_t h = nx_hash_start(seed), w = 0;
    for (size_t i = 0; i < len; i++) {
        w |= (uint64_t)p[i] << (8 * (i % 8));
        if (i % 8 == 7 || i + 1 == len) {
            h = nx_hash_word(h, w);
            w = 0;
        }
    }
    return nx_hash_final(h, len);
}

static uint64_t rnd_state = 88172645463325252ULL;
static uint64_t rnd(void) { /* xorshift64 */
    rnd_state ^= rnd_state << 13;
    rnd_state ^= rnd_state >> 7;
    rnd_state ^= rnd_state << 17;
    return rnd_state;
}

static void test_hash_definition(void) {
    unsigned char key[48], buf[64];
    size_t bad_ref = 0, bad_align = 0, bad_seed = 0;
    for (int round = 0; round < 20; round++) {
        for (size_t i = 0; i < sizeof key; i++) key[i] = (unsigned char)rnd(); /* bytes from 0x80 up too */
        for (size_t len = 0; len <= 40; len++) {
            uint64_t want = ref_hash(key, len, 0);
            for (size_t at = 0; at < 8; at++) { /* the same bytes at every alignment, other bytes around them */
                for (size_t i = 0; i < sizeof buf; i++) buf[i] = (unsigned char)rnd();
                memcpy(buf + at, key, len);
                bad_align += nx_hash(buf + at, len, 0) != want;
            }
            bad_ref += nx_hash(key, len, 0) != want;
            bad_seed += nx_hash(key, len, 7) != ref_hash(key, len, 7) || (len && nx_hash(key, len, 7) == want);
        }
    }
    CHECK_INT(bad_ref, 0);
    CHECK_INT(bad_align, 0);
    CHECK_INT(bad_seed, 0);
    /* the length is hashed: zero bytes at the end make other keys */
    const unsigned char zeros[17] = {0};
    for (size_t a = 0; a <= 16; a++)
        for (size_t b = a + 1; b <= 16; b++) CHECK(nx_hash(zeros, a, 0) != nx_hash(zeros, b, 0));
    /* one key, pinned: a change of the function is a change of the model file's version */
    CHECK(nx_hash("president", 9, 0) == ref_hash((const unsigned char *)"president", 9, 0));
}

/* The tokenizer's form: whole words read from the text, the bytes past the
 * key zeroed. */
static void test_hash_words(void) {
    unsigned char key[48 + 8];
    size_t bad = 0;
    for (int round = 0; round < 50; round++) {
        for (size_t i = 0; i < sizeof key; i++) key[i] = (unsigned char)rnd();
        for (size_t len = 0; len <= 48; len++) {
            uint64_t h = nx_hash_start(0);
            for (size_t off = 0; off < len; off += 8) h = nx_hash_word(h, nx_first_bytes(nx_load8(key + off), len - off));
            bad += nx_hash_final(h, len) != nx_hash(key, len, 0);
        }
    }
    CHECK_INT(bad, 0);
}

static int cmp_u64(const void *a, const void *b) {
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

/* Keys that differ little (a counter, one letter, a word's case) spread
 * over the slots of a table twice their number: no slot far above the
 * average of one half, no two keys with one 64-bit hash. */
static void test_hash_spread(void) {
    enum { N = 1 << 16, SLOTS = 2 * N };
    uint64_t *h = malloc(N * sizeof *h);
    uint16_t *load = calloc(SLOTS, sizeof *load);
    CHECK(h && load);
    if (!h || !load) return;
    char key[64];
    for (uint32_t i = 0; i < N; i++) {
        int n;
        if (i % 4 == 0) n = snprintf(key, sizeof key, "k%u", i);
        else if (i % 4 == 1) n = snprintf(key, sizeof key, "%08u-name-%u", i, i % 7);
        else if (i % 4 == 2) n = snprintf(key, sizeof key, "word%c%c%c", 'a' + i / 4 % 26, 'a' + i / 104 % 26, 'a' + i / 2704 % 26);
        else n = snprintf(key, sizeof key, "a-longer-key-of-many-words-%u", i);
        h[i] = nx_hash(key, (size_t)n, 0);
        load[h[i] & (SLOTS - 1)]++;
    }
    unsigned most = 0;
    for (size_t s = 0; s < SLOTS; s++)
        if (load[s] > most) most = load[s];
    CHECK(most <= 9); /* a random function: 6 or 7 */
    qsort(h, N, sizeof *h, cmp_u64);
    size_t same = 0;
    for (uint32_t i = 1; i < N; i++) same += h[i] == h[i - 1];
    CHECK_INT(same, 0);
    free(h);
    free(load);
}

int main(void) {
    test_put_get();
    test_hash_definition();
    test_hash_words();
    test_hash_spread();
    return check_result("test_strmap");
}
