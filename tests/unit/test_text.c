/* test_text.c: the normalise stage: UTF-8 repair with offsets kept, binary
 * and empty input, and case folding. */
#include <stdint.h>

#include "check.h"
#include "text.h"

static void test_offsets_multibyte(void) {
    nx_arena a;
    nx_arena_init(&a);
    nx_text t;
    const char *s = "Ürümqi\xC2\xA0" "caf\xC3\xA9 \xE6\x9D\xB1\xE4\xBA\xAC \xF0\x9F\x98\x80!"; /* Ürümqi café 東京 😀! */
    CHECK_INT(nx_text_prepare(&a, s, strlen(s), &t), NX_OK);
    CHECK(t.work == s); /* valid input is not copied */
    CHECK_INT(t.n_invalid, 0);
    CHECK_INT(t.cp_at[0], 0);
    CHECK_INT(t.cp_at[2], 1);   /* after Ü (2 bytes) */
    CHECK_INT(t.cp_at[8], 6);   /* the no-break space */
    CHECK_INT(t.cp_at[10], 7);  /* c of café */
    CHECK_INT(t.n_cp, 17);
    CHECK_INT(t.cp_at[strlen(s)], 17);
    nx_arena_free(&a);
}

static void test_invalid_bytes_replaced(void) {
    nx_arena a;
    nx_arena_init(&a);
    nx_text t;
    const char *s = "caf\xE9 Zhang \xFF\xFELiqun"; /* Latin-1 é, then two stray bytes */
    CHECK_INT(nx_text_prepare(&a, s, strlen(s), &t), NX_OK);
    CHECK_INT(t.n_invalid, 3);
    CHECK(t.work != s);
    CHECK_INT((unsigned char)t.work[3], 0x1A);
    CHECK_INT((unsigned char)t.work[11], 0x1A);
    CHECK(memcmp(t.work + 13, "Liqun", 5) == 0); /* byte offsets unchanged */
    CHECK_INT(t.cp_at[13], 13);                  /* each invalid byte is one code point */
    nx_arena_free(&a);
}

static void test_empty_and_binary(void) {
    nx_arena a;
    nx_arena_init(&a);
    nx_text t;
    CHECK_INT(nx_text_prepare(&a, "", 0, &t), NX_ERR_EMPTY);
    CHECK_INT(nx_text_prepare(&a, " \n\t\xC2\xA0 \n", 7, &t), NX_ERR_EMPTY);
    CHECK_INT(nx_text_prepare(&a, "PK\x03\x04\0\0abc", 9, &t), NX_ERR_BINARY);
    char noise[256];
    for (int i = 0; i < 256; i++) noise[i] = (char)(0x80 + (i * 7) % 64); /* continuation bytes only */
    CHECK_INT(nx_text_prepare(&a, noise, sizeof noise, &t), NX_ERR_BINARY);
    nx_arena_free(&a);
}

static void check_fold(const char *in, const char *want) {
    char buf[64];
    size_t n = nx_fold(in, strlen(in), buf, sizeof buf);
    CHECK(n < sizeof buf);
    buf[n < sizeof buf ? n : sizeof buf - 1] = '\0';
    CHECK_STR(buf, want);
}

static void test_fold(void) {
    check_fold("XJTU", "xjtu");
    check_fold("Xi\xE2\x80\x99" "an", "xi'an");        /* Xi’an */
    check_fold("FRAN\xC3\x87OIS", "francois");           /* FRANÇOIS */
    check_fold("Stra\xC3\x9F" "e", "strasse");           /* Straße */
    check_fold("Al\xE2\x80\x90" "Farabi", "al-farabi");  /* Unicode hyphen */
    check_fold("\xEF\xBC\xA1\xEF\xBC\xA2", "ab");        /* full-width ＡＢ */
    /* a long input reports the length it needs */
    char buf[4];
    CHECK_INT(nx_fold("ABCDEFGH", 8, buf, sizeof buf), 8);
}

static void test_spaces(void) {
    CHECK(nx_is_space(' '));
    CHECK(nx_is_space('\n'));
    CHECK(nx_is_space(0xA0));
    CHECK(nx_is_space(0x2009));
    CHECK(nx_is_space(0x3000));
    CHECK(nx_is_space(0x200B));
    CHECK(!nx_is_space('a'));
    CHECK(!nx_is_space(0x2019));
}

int main(void) {
    test_offsets_multibyte();
    test_invalid_bytes_replaced();
    test_empty_and_binary();
    test_fold();
    test_spaces();
    return check_result("test_text");
}
