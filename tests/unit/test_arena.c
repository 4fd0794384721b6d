/* test_arena.c: the bump allocator: alignment, zero-filled and uninitialised
 * allocations, big one-off requests, sizes that would overflow, giving back
 * the end of the latest allocation, and reuse after nx_arena_free(); the
 * growable vector's reserved room. */
#include <stdint.h>

#include "arena.h"
#include "check.h"

static int aligned(const void *p) { return ((uintptr_t)p & 15u) == 0; }

static void test_alignment(void) {
    nx_arena a;
    nx_arena_init(&a);
    for (size_t n = 0; n < 100; n++) {
        void *p = nx_arena_alloc(&a, n);
        void *q = nx_arena_alloc_uninit(&a, n);
        CHECK(p && aligned(p));
        CHECK(q && aligned(q));
        CHECK(p != q);
    }
    nx_arena_free(&a);
}

static void test_zeroed_after_reuse(void) {
    /* the blocks malloc hands back after a free hold old bytes: the zeroed
     * variant must still return zeros, padding included */
    nx_arena a;
    nx_arena_init(&a);
    for (int round = 0; round < 3; round++) {
        for (int i = 0; i < 64; i++) {
            unsigned char *u = nx_arena_alloc_uninit(&a, 1000);
            CHECK(u != NULL);
            if (u) memset(u, 0xAB, 1008);
        }
        nx_arena_free(&a);
        int zero = 1;
        for (int i = 0; i < 64; i++) {
            unsigned char *z = nx_arena_alloc(&a, 1001);
            CHECK(z != NULL);
            for (size_t k = 0; z && k < 1008; k++) zero &= z[k] == 0;
        }
        CHECK(zero);
        nx_arena_free(&a);
    }
}

static void test_big_request(void) {
    nx_arena a;
    nx_arena_init(&a);
    char *p1 = nx_arena_alloc_uninit(&a, 16);
    /* larger than any block: its own block, and the small requests that
     * follow still fill the first one */
    char *big = nx_arena_alloc_uninit(&a, 8u * 1024 * 1024);
    char *p2 = nx_arena_alloc_uninit(&a, 16);
    CHECK(p1 && big && p2);
    CHECK(p2 == p1 + 16);
    if (big) memset(big, 1, 8u * 1024 * 1024);
    CHECK_INT(a.used_total, 32 + 8u * 1024 * 1024);
    nx_arena_free(&a);
    CHECK_INT(a.used_total, 0);
    /* many blocks */
    size_t total = 0;
    for (int i = 0; i < 2000; i++) {
        char *q = nx_arena_alloc_uninit(&a, 5000);
        CHECK(q != NULL);
        if (q) memset(q, 2, 5000);
        total += 5008;
    }
    CHECK_INT(a.used_total, total);
    nx_arena_free(&a);
}

static void test_overflow(void) {
    /* a size that wraps when rounded up must fail, not return 16 bytes */
    nx_arena a;
    nx_arena_init(&a);
    CHECK(nx_arena_alloc(&a, SIZE_MAX) == NULL);
    CHECK(nx_arena_alloc(&a, SIZE_MAX - 7) == NULL);
    CHECK(nx_arena_alloc_uninit(&a, SIZE_MAX - 15) == NULL);
    CHECK(nx_arena_alloc(&a, 10) != NULL); /* still usable */
    nx_arena_free(&a);
}

static void test_shrink(void) {
    nx_arena a;
    nx_arena_init(&a);
    char *p1 = nx_arena_alloc_uninit(&a, 1000);
    char *p2 = nx_arena_alloc_uninit(&a, 16);
    /* not the latest: nothing happens */
    nx_arena_shrink(&a, p1, 1000, 10);
    CHECK(nx_arena_alloc_uninit(&a, 16) == p2 + 16);
    /* the latest: its end is given back, the next request starts there */
    char *p3 = nx_arena_alloc_uninit(&a, 4000);
    size_t used = a.used_total;
    nx_arena_shrink(&a, p3, 4000, 17);
    CHECK_INT(a.used_total, used - (4000 - 32));
    CHECK(nx_arena_alloc_uninit(&a, 16) == p3 + 32);
    /* a big request has its own block: nothing happens */
    char *big = nx_arena_alloc_uninit(&a, 8u * 1024 * 1024);
    used = a.used_total;
    nx_arena_shrink(&a, big, 8u * 1024 * 1024, 16);
    CHECK_INT(a.used_total, used);
    nx_arena_free(&a);
}

static void test_strings(void) {
    nx_arena a;
    nx_arena_init(&a);
    CHECK_STR(nx_arena_strndup(&a, "Xi'an Jiaotong", 5), "Xi'an");
    CHECK_STR(nx_arena_strdup(&a, ""), "");
    CHECK_STR(nx_arena_strdup(&a, "XJTU"), "XJTU");
    nx_arena_free(&a);
}

static void test_vec_reserve(void) {
    nx_vec v = {0};
    CHECK_INT(nx_vec_reserve(&v, sizeof(uint32_t), 40), 0);
    CHECK_INT(v.cap, 40);
    CHECK_INT(nx_vec_reserve(&v, sizeof(uint32_t), 10), 0); /* never shrinks */
    CHECK_INT(v.cap, 40);
    for (uint32_t i = 0; i < 100; i++) { /* fills the room, then grows */
        uint32_t *p = nx_vec_push(&v, sizeof *p);
        CHECK(p != NULL);
        if (p) *p = i;
    }
    CHECK_INT(v.count, 100);
    CHECK_INT(NX_VEC_AT(&v, uint32_t, 39), 39);
    CHECK_INT(NX_VEC_AT(&v, uint32_t, 99), 99);
    nx_vec_free(&v);
    CHECK_INT(nx_vec_reserve(&v, SIZE_MAX / 2, 3), -1); /* a size that would overflow */
    CHECK_INT(v.cap, 0);
}

int main(void) {
    test_alignment();
    test_zeroed_after_reuse();
    test_big_request();
    test_overflow();
    test_shrink();
    test_strings();
    test_vec_reserve();
    return check_result("test_arena");
}
