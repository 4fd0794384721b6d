/* test_strmap.c: the string map: put, get, replace, growth, the empty key
 * (also as the first key, when the string pool is still empty), and the
 * byte-at-a-time hash agreeing with nx_hash(). */
#include <stdio.h>

#include "check.h"
#include "strmap.h"

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

int main(void) {
    test_put_get();
    return check_result("test_strmap");
}
