/* test_text.c: the normalise stage: UTF-8 repair with offsets kept, binary
 * and empty input, and case folding; its ASCII fast path against a plain
 * decode of every code point with utf8proc. */
#include <stdint.h>
#include <utf8proc.h>

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
    CHECK_INT(nx_text_cp(&t, (uint32_t)(0)), 0);
    CHECK_INT(nx_text_cp(&t, (uint32_t)(2)), 1);   /* after Ü (2 bytes) */
    CHECK_INT(nx_text_cp(&t, (uint32_t)(8)), 6);   /* the no-break space */
    CHECK_INT(nx_text_cp(&t, (uint32_t)(10)), 7);  /* c of café */
    CHECK_INT(t.n_cp, 17);
    CHECK_INT(nx_text_cp(&t, (uint32_t)(strlen(s))), 17);
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
    CHECK_INT(nx_text_cp(&t, (uint32_t)(13)), 13);                  /* each invalid byte is one code point */
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

/* nx_fold takes eight ASCII bytes at a time: strings of every length with a
 * non-ASCII letter (or none) at every place, folded whole and with every
 * smaller room, against their characters folded one at a time. */
static void test_fold_words(void) {
    const char *alpha = "aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789-'.,@[`{";
    const char *e_acute = "\xC3\x89"; /* É, folded to e */
    size_t bad = 0;
    for (size_t len = 0; len <= 40; len++)
        for (size_t at = 0; at <= len; at++) {
            char in[64], want[64], got[64];
            size_t n = 0, w = 0;
            for (size_t k = 0; k < len; k++) {
                if (k == at) { /* at == len: no such letter */
                    memcpy(in + n, e_acute, 2);
                    n += 2;
                    want[w++] = 'e';
                }
                char c = alpha[(k * 7 + len) % strlen(alpha)];
                in[n++] = c;
                want[w++] = nx_fold_ascii((unsigned char)c);
            }
            bad += nx_fold(in, n, got, sizeof got) != w || memcmp(got, want, w) != 0;
            for (size_t cap = 0; cap < w; cap++) { /* a short room: the length needed, no byte past it */
                memset(got, '#', sizeof got);
                bad += nx_fold(in, n, got, cap) != w || memcmp(got, want, cap) != 0 || got[cap] != '#';
            }
        }
    CHECK_INT(bad, 0);
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
    /* the inline ASCII half agrees with the general one */
    for (int32_t c = 0; c < 0x80; c++) CHECK_INT(nx_is_space(c), nx_is_space_nonascii(c));
    for (int32_t c = 0x80; c < 0x3100; c++)
        CHECK_INT(nx_is_space(c), c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200B) ||
                                      c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000);
}

/* The general path: decodes every code point with utf8proc (ASCII too) and
 * checks nx_text_prepare's map, counts, working copy and ascii flag. */
static void check_against_decode(const char *s, size_t len) {
    nx_arena a;
    nx_arena_init(&a);
    nx_text t;
    nx_status st = nx_text_prepare(&a, s, len, &t);
    CHECK(st == NX_OK || st == NX_ERR_EMPTY || st == NX_ERR_BINARY);
    if (st == NX_OK) {
        size_t cp = 0, invalid = 0, ok = 1;
        int ascii = 1;
        for (size_t i = 0; i < len;) {
            utf8proc_int32_t v;
            utf8proc_ssize_t r = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(len - i), &v);
            size_t k = r > 0 ? (size_t)r : 1;
            if (r <= 0) invalid++;
            if (r <= 0) ok &= t.work[i] == 0x1A;
            else ok &= memcmp(t.work + i, s + i, k) == 0;
            if (r > 1) ascii = 0;
            for (size_t j = 0; j < k; j++) ok &= nx_text_cp(&t, (uint32_t)(i + j)) == cp;
            cp++;
            i += k;
        }
        ok &= nx_text_cp(&t, (uint32_t)(len)) == cp;
        if (!ok) fprintf(stderr, "  map or working copy differs for %zu bytes: %.*s\n", len, (int)len, s);
        CHECK(ok);
        CHECK_INT(t.n_cp, cp);
        CHECK_INT(t.n_invalid, invalid);
        CHECK_INT(t.ascii, ascii);
        CHECK(invalid ? t.work != s : t.work == s);
    }
    nx_arena_free(&a);
}

static void test_fast_path(void) {
    static const char *const cases[] = {
        "Zhang Liqun, president of XJTU",                       /* all ASCII */
        "caf\xC3\xA9 au lait",                                   /* ASCII, two bytes, ASCII */
        "\xC3\x9C" "r\xC3\xBC" "mqi",                           /* starts and ends in a run */
        "Xi\xE2\x80\x99" "an\xC2\xA0" "Jiaotong",                 /* ’ and a no-break space */
        "Stra\xC3\x9F" "e \xC4\xB0stanbul",                      /* ß, İ */
        "\xF0\x9F\x98\x80 emoji \xF0\x9F\x98\x80",                /* four bytes */
        "caf\xE9 Zhang \xFF\xFELiqun",                           /* invalid bytes inside runs */
        "\xE9t\xE9",                                             /* invalid first and last */
        "trunc\xE2\x80",                                         /* a sequence cut at the end */
        "trunc\xF0\x9F\x98",                                     /* a sequence cut at the end */
        "surrogate \xED\xA0\x80 overlong \xC0\x80 big \xF4\x90\x80\x80 ok",
        "cont \x80\xBF alone",                                    /* continuation bytes alone */
        "tab\there\r\nline\x0B\x0C end",                          /* ASCII white space */
        "\xC2\xA0\xE2\x80\x83\xE3\x80\x80x",                      /* Unicode spaces, then a letter */
        "a\x1A" "b",                                              /* SUB itself is valid ASCII */
        "\x7F del and \x01 ctrl",
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) check_against_decode(cases[i], strlen(cases[i]));
    /* every byte value after an ASCII letter and before one */
    for (int b = 1; b < 256; b++) {
        char s[4] = {'a', (char)b, 'z', 0};
        check_against_decode(s, 3);
    }
    /* and every pair of bytes from 0x80 up */
    for (int b1 = 0x80; b1 < 256; b1++)
        for (int b2 = 0x80; b2 < 256; b2 += 7) {
            char s[5] = {'x', (char)b1, (char)b2, 'y', 0};
            check_against_decode(s, 4);
        }
}

static void test_ascii_flag(void) {
    nx_arena a;
    nx_arena_init(&a);
    nx_text t;
    CHECK_INT(nx_text_prepare(&a, "XJTU", 4, &t), NX_OK);
    CHECK_INT(t.ascii, 1);
    CHECK(t.cp_at == NULL); /* no map: byte i is code point i */
    CHECK_INT(nx_text_cp(&t, 4), 4);
    /* a long ASCII run, then a character of two bytes: the map starts there
     * and the bytes before it are their own code points */
    const char *late = "Hello world from Z\xC3\xBCrich";
    CHECK_INT(nx_text_prepare(&a, late, strlen(late), &t), NX_OK);
    CHECK(t.cp_at != NULL);
    CHECK_INT(nx_text_cp(&t, 0), 0);
    CHECK_INT(nx_text_cp(&t, 17), 17);
    CHECK_INT(nx_text_cp(&t, 18), 18); /* the first byte of u with diaeresis */
    CHECK_INT(nx_text_cp(&t, 19), 18);
    CHECK_INT(nx_text_cp(&t, 20), 19);
    CHECK_INT(nx_text_cp(&t, (uint32_t)strlen(late)), 23);
    CHECK_INT(nx_text_prepare(&a, "caf\xE9", 4, &t), NX_OK); /* repaired to 0x1A: ASCII now */
    CHECK_INT(t.ascii, 1);
    CHECK_INT(nx_text_cp(&t, (uint32_t)(4)), 4);
    CHECK_INT(nx_text_prepare(&a, "caf\xC3\xA9", 5, &t), NX_OK);
    CHECK_INT(t.ascii, 0);
    nx_arena_free(&a);
}

static void test_empty_and_control_counts(void) {
    nx_arena a;
    nx_arena_init(&a);
    nx_text t;
    /* only Unicode white space is empty; one letter after it is not */
    CHECK_INT(nx_text_prepare(&a, "\xC2\xA0\xE2\x80\x83\xE3\x80\x80", 8, &t), NX_ERR_EMPTY);
    CHECK_INT(nx_text_prepare(&a, "\xC2\xA0\xE2\x80\x83\xE3\x80\x80\xC3\xA9", 10, &t), NX_OK);
    CHECK_INT(nx_text_prepare(&a, "  \xE9  ", 5, &t), NX_OK); /* an invalid byte is not white space */
    CHECK_INT(nx_text_prepare(&a, "a\0b", 3, &t), NX_ERR_BINARY);
    CHECK_INT(nx_text_prepare(&a, "\xC3\xA9\0", 3, &t), NX_ERR_BINARY);
    /* control codes: 8 in 80 code points is text, 8 in 79 is not */
    char s[80];
    memset(s, 'a', sizeof s);
    for (int i = 0; i < 8; i++) s[i * 9] = 0x01;
    CHECK_INT(nx_text_prepare(&a, s, 80, &t), NX_OK);
    CHECK_INT(nx_text_prepare(&a, s, 79, &t), NX_ERR_BINARY);
    s[0] = 0x7F; /* DEL is not counted */
    CHECK_INT(nx_text_prepare(&a, s, 79, &t), NX_OK);
    nx_arena_free(&a);
}

/* nx_text_prepare's verdict on an ASCII text, byte by byte. */
static nx_status ascii_verdict(const char *s, size_t len) {
    size_t control = 0;
    int nonspace = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (!c) return NX_ERR_BINARY;
        int space = c == ' ' || (c >= 0x09 && c <= 0x0D);
        control += c < 0x20 && !space;
        nonspace |= !space;
    }
    if (!nonspace) return NX_ERR_EMPTY;
    return control * 10 > len && control >= 8 ? NX_ERR_BINARY : NX_OK;
}

/* The eight-byte scan (a word without a byte below 0x20 takes a shortcut):
 * every ASCII byte at every place of three words of letters, then of
 * spaces (one letter makes it text), and control codes spread over words
 * with and without them. */
static void test_ascii_words(void) {
    nx_arena a;
    nx_arena_init(&a);
    nx_text t;
    for (int fill = 0; fill < 2; fill++)
        for (int b = 0; b < 0x80; b++)
            for (size_t at = 0; at < 24; at++) {
                char s[24];
                memset(s, fill ? ' ' : 'a', sizeof s);
                s[at] = (char)b;
                CHECK_INT(nx_text_prepare(&a, s, sizeof s, &t), ascii_verdict(s, sizeof s));
            }
    static const char controls[] = "\x01\x02\x03\x04\x05\x06\x07\x08\x0E\x0F\x10\x11\x12\x13\x14\x15\x16\x17"
                                   "\x18\x19\x1A\x1B\x1C\x1D\x1E\x1F";
    char s[96];
    for (size_t first = 0; first < sizeof controls - 1; first++)
        for (size_t step = 1; step <= 10; step++) {
            memset(s, 'a', sizeof s);
            for (size_t k = 0; k < 9; k++) s[k * step] = controls[(first + k) % (sizeof controls - 1)];
            for (size_t len = 70; len <= sizeof s; len++)
                CHECK_INT(nx_text_prepare(&a, s, len, &t), ascii_verdict(s, len));
        }
    nx_arena_free(&a);
}

static void test_fold_ascii(void) {
    /* the ASCII fold is nx_fold's for every byte below 0x80 */
    for (int c = 0; c < 0x80; c++) {
        char in = (char)c, out = 0;
        CHECK_INT(nx_fold(&in, 1, &out, 1), 1);
        CHECK_INT(nx_fold_ascii((unsigned char)c), out);
    }
    CHECK_INT(nx_fold_ascii('A'), 'a');
    CHECK_INT(nx_fold_ascii('Z'), 'z');
    CHECK_INT(nx_fold_ascii('@'), '@');
    CHECK_INT(nx_fold_ascii('['), '[');
}

int main(void) {
    test_offsets_multibyte();
    test_fast_path();
    test_ascii_flag();
    test_empty_and_control_counts();
    test_ascii_words();
    test_fold_ascii();
    test_invalid_bytes_replaced();
    test_empty_and_binary();
    test_fold();
    test_fold_words();
    test_spaces();
    return check_result("test_text");
}
