/* test_tokenize.c: words, apostrophes, hyphens, abbreviations, numbers,
 * offsets in multi-byte text, sentence and paragraph breaks; the character
 * class table and the ASCII fast paths against the general ones. */
#include <stdlib.h>

#include "check.h"
#include "tokenize.h"

static nx_strmap abbrevs, no_end;
static nx_token_lexicon lex;

static void setup(void) {
    nx_strmap_init(&abbrevs);
    nx_strmap_init(&no_end);
    const char *a[] = {"dr.", "mr.", "inc.", "gen.", "st.", NULL};
    for (int i = 0; a[i]; i++) nx_strmap_put(&abbrevs, a[i], strlen(a[i]), NX_ABBREV_ANY);
    nx_strmap_put(&abbrevs, "jan.", 4, NX_ABBREV_MONTH);
    nx_strmap_put(&abbrevs, "jun.", 4, NX_ABBREV_MONTH);
    nx_strmap_put(&no_end, "dr.", 3, 1);
    nx_strmap_put(&no_end, "mr.", 3, 1);
    nx_strmap_put(&no_end, "gen.", 4, 1);
    lex.abbreviations = &abbrevs;
    lex.no_sentence_end = &no_end;
}

typedef struct tk {
    nx_arena arena;
    nx_text text;
    nx_tokens toks;
} tk;

static void run(tk *t, const char *s) {
    nx_arena_init(&t->arena);
    CHECK_INT(nx_text_prepare(&t->arena, s, strlen(s), &t->text), NX_OK);
    CHECK_INT(nx_tokenize(&t->arena, &t->text, &lex, &t->toks), NX_OK);
}

/* Checks the token texts against a '|'-separated list. */
static void expect_tokens(const char *s, const char *want) {
    tk t;
    run(&t, s);
    char got[1024];
    size_t n = 0;
    for (size_t i = 0; i < t.toks.count; i++) {
        const nx_token *k = &t.toks.items[i];
        if (i) got[n++] = '|';
        memcpy(got + n, s + k->b0, k->b1 - k->b0);
        n += k->b1 - k->b0;
    }
    got[n] = '\0';
    CHECK_STR(got, want);
    nx_arena_free(&t.arena);
}

static void test_words(void) {
    expect_tokens("Xi'an Jiaotong University (XJTU) hosts", "Xi'an|Jiaotong|University|(|XJTU|)|hosts");
    expect_tokens("XJTU's honorary professorship", "XJTU|'s|honorary|professorship");
    expect_tokens("XJTU\xE2\x80\x99s rector", "XJTU|\xE2\x80\x99s|rector"); /* curly apostrophe */
    expect_tokens("the two countries' ministers", "the|two|countries|'|ministers");
    expect_tokens("Al-Farabi Kazakh", "Al-Farabi|Kazakh");
    expect_tokens("O'Brien didn't go", "O'Brien|didn't|go");
    expect_tokens("industry-university-research cooperation", "industry-university-research|cooperation");
    expect_tokens("AT&T and Low & Bonar", "AT&T|and|Low|&|Bonar");
}

static void test_abbreviations(void) {
    expect_tokens("Dr. Dereje Engida met Mr. Smith.", "Dr.|Dereje|Engida|met|Mr.|Smith|.");
    expect_tokens("the U.S. and U.K. economies", "the|U.S.|and|U.K.|economies");
    expect_tokens("George W. Bush", "George|W.|Bush");
    expect_tokens("Acme Inc. said", "Acme|Inc.|said");
    expect_tokens("e.g. this", "e.g.|this");
    expect_tokens("He left.", "He|left|.");
    /* a month's abbreviation keeps its period before a number or a lower-case
     * word; before a capital or the text's end the period ends a sentence
     * (a name: Lei Jun, Jan de Vries's Jan) */
    expect_tokens("on Jun. 5 and in Jan. and", "on|Jun.|5|and|in|Jan.|and");
    expect_tokens("chief executive Lei Jun. Shares rose", "chief|executive|Lei|Jun|.|Shares|rose");
    expect_tokens("led by Dong Jun.", "led|by|Dong|Jun|.");
    expect_tokens("met Jan.\nNew line", "met|Jan|.|New|line");
    tk t;
    run(&t, "chief executive Lei Jun. Shares rose");
    CHECK_INT(t.toks.n_sent, 2);
    nx_arena_free(&t.arena);
}

static void test_numbers(void) {
    expect_tokens("1,000.5 dollars on 2019-2023 and 15-16 September", "1,000.5|dollars|on|2019|-|2023|and|15|-|16|September");
    expect_tokens("at 10:30 in 1990s G7", "at|10:30|in|1990s|G7");
    expect_tokens("COVID-19 cases", "COVID-19|cases");
    expect_tokens("wait...", "wait|...");
}

static void test_offsets(void) {
    tk t;
    const char *s = "Ürümqi\xC2\xA0" "caf\xC3\xA9 \xE6\x9D\xB1\xE4\xBA\xAC"; /* Ürümqi café 東京 */
    run(&t, s);
    CHECK_INT(t.toks.count, 3);
    if (t.toks.count == 3) {
        CHECK_INT(t.toks.items[0].c0, 0);
        CHECK_INT(t.toks.items[0].c1, 6);
        CHECK_INT(t.toks.items[1].b0, 10);
        CHECK_INT(t.toks.items[1].c0, 7);
        CHECK_INT(t.toks.items[1].c1, 11);
        CHECK_STR(t.toks.items[1].fold, "cafe");
        CHECK_INT(t.toks.items[2].c0, 12);
        CHECK_INT(t.toks.items[2].c1, 14);
        CHECK(t.toks.items[0].shape & NX_SH_CAP);
    }
    nx_arena_free(&t.arena);
}

static void test_shapes(void) {
    tk t;
    run(&t, "XJTU Zhang rector W. 2nd");
    CHECK_INT(t.toks.count, 5);
    if (t.toks.count == 5) {
        CHECK(t.toks.items[0].shape & NX_SH_ALLCAPS);
        CHECK(t.toks.items[0].shape & NX_SH_CAP);
        CHECK(t.toks.items[1].shape & NX_SH_CAP);
        CHECK(!(t.toks.items[1].shape & NX_SH_ALLCAPS));
        CHECK(t.toks.items[2].shape & NX_SH_LOWER);
        CHECK(t.toks.items[3].shape & NX_SH_INITIAL);
        CHECK_INT(t.toks.items[4].kind, NX_TOK_NUM);
    }
    nx_arena_free(&t.arena);
    /* PLAIN: ASCII letters only or ASCII digits only (the token patterns
     * take such a token as one atom without reading its bytes again) */
    run(&t, "Zhang 2026 2nd U.S. W. O'Brien caf\xC3\xA9 well-known 1,000 Jones's");
    static const int plain[] = {1, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0};
    CHECK_INT(t.toks.count, 11);
    for (size_t k = 0; k < t.toks.count && k < 11; k++)
        if (!(t.toks.items[k].shape & NX_SH_PLAIN) != !plain[k]) {
            fprintf(stderr, "  plain: token %zu (\"%s\"): %d, want %d\n", k, t.toks.items[k].fold,
                    !!(t.toks.items[k].shape & NX_SH_PLAIN), plain[k]);
            CHECK(0);
        }
    nx_arena_free(&t.arena);
    /* a word that opens the text with a letter beyond ASCII is not plain */
    run(&t, "\xC3\x89ric Zola");
    CHECK_INT(t.toks.count, 2);
    if (t.toks.count == 2) {
        CHECK(!(t.toks.items[0].shape & NX_SH_PLAIN));
        CHECK(t.toks.items[1].shape & NX_SH_PLAIN);
    }
    nx_arena_free(&t.arena);
}

static void test_sentences(void) {
    tk t;
    run(&t, "He left. She came! Dr. Smith met Gen. Lee at Acme Inc. on Monday.\nHeadline here\n\nNew paragraph");
    /* sentences: He left. | She came! | Dr. Smith ... Monday. | Headline here | New paragraph */
    CHECK_INT(t.toks.n_sent, 5);
    size_t i = 0;
    for (; i < t.toks.count; i++)
        if (!strcmp(t.toks.items[i].fold, "smith")) break;
    CHECK(i < t.toks.count && !t.toks.items[i].sent_start);
    const nx_token *last = &t.toks.items[t.toks.count - 1];
    CHECK_INT(last->brk, NX_BRK_SPACE);
    CHECK_INT(t.toks.items[t.toks.count - 2].brk, NX_BRK_PARA);
    nx_arena_free(&t.arena);
    /* a straight quote glued to a sentence's end closes it: the next
     * capitalised word starts a sentence (one the scan classes as opening) */
    run(&t, "He said: \"Prices will rise.\" Dr Greenspan left. They paid ``a lot.'' Then it fell.");
    CHECK_INT(t.toks.n_sent, 4);
    for (size_t k = 0; k < t.toks.count; k++)
        if (!strcmp(t.toks.items[k].fold, "dr") || !strcmp(t.toks.items[k].fold, "then"))
            CHECK(t.toks.items[k].sent_start);
    nx_arena_free(&t.arena);
}

static void test_char_classes(void) {
    /* the ASCII table is the Unicode definition */
    for (int32_t c = 0; c < 0x80; c++) CHECK_INT(nx_char_class(c), nx_char_class_unicode(c));
    for (int32_t c = 0; c < 0x3100; c++) CHECK_INT((nx_char_class(c) & NX_CC_SPACE) != 0, nx_is_space(c));
    CHECK_INT((nx_char_class(0xFEFF) & NX_CC_SPACE) != 0, 1);
    CHECK_INT(nx_char_class(-1), 0);
    CHECK_INT(nx_char_class('a'), NX_CC_WORD | NX_CC_LETTER);
    CHECK_INT(nx_char_class('Q'), NX_CC_WORD | NX_CC_LETTER | NX_CC_UPPER);
    CHECK_INT(nx_char_class('7'), NX_CC_WORD | NX_CC_DIGIT);
    CHECK_INT(nx_char_class('\''), NX_CC_APOS);
    CHECK_INT(nx_char_class('-'), NX_CC_HYPHEN);
    CHECK_INT(nx_char_class('"'), NX_CC_OPEN);
    CHECK_INT(nx_char_class(')'), NX_CC_CLOSE);
    CHECK_INT(nx_char_class('\t'), NX_CC_SPACE);
    CHECK_INT(nx_char_class('.'), 0);
    CHECK_INT(nx_char_class(0x02BC), NX_CC_WORD | NX_CC_LETTER | NX_CC_APOS); /* modifier letter apostrophe */
    CHECK_INT(nx_char_class(0x2019), NX_CC_APOS);
    CHECK_INT(nx_char_class(0x2010), NX_CC_HYPHEN);
    CHECK_INT(nx_char_class(0x201C), NX_CC_OPEN);
    CHECK_INT(nx_char_class(0xBB), NX_CC_CLOSE);
    CHECK_INT(nx_char_class(0x0301), NX_CC_WORD | NX_CC_MARK);
    CHECK_INT(nx_char_class(0x00C9), NX_CC_WORD | NX_CC_LETTER | NX_CC_UPPER); /* É */
    CHECK_INT(nx_char_class(0x01C5), NX_CC_WORD | NX_CC_LETTER | NX_CC_UPPER); /* ǅ, title case */
    CHECK_INT(nx_char_class(0x0663), NX_CC_WORD | NX_CC_DIGIT);                /* Arabic-Indic 3 */
    CHECK_INT(nx_char_class(0x00BD), NX_CC_WORD);                              /* ½ */
    CHECK_INT(nx_char_class(0x00A0), NX_CC_SPACE);
    CHECK_INT(nx_char_class(0x6771), NX_CC_WORD | NX_CC_LETTER);               /* 東 */
}

/* Number of code points in s[0..b), decoded one by one. */
static size_t cp_count(const char *s, size_t b) {
    size_t n = 0;
    for (size_t i = 0; i < b; n++) {
        int32_t c;
        i += nx_utf8_next(s, b, i, &c);
    }
    return n;
}

static int same_tokens(const nx_tokens *a, const nx_tokens *b) {
    if (a->count != b->count || a->n_sent != b->n_sent) return 0;
    for (size_t i = 0; i < a->count; i++) {
        const nx_token *x = &a->items[i], *y = &b->items[i];
        if (x->b0 != y->b0 || x->b1 != y->b1 || x->c0 != y->c0 || x->c1 != y->c1 || x->fold_len != y->fold_len ||
            strcmp(x->fold, y->fold) != 0 || x->sent != y->sent || x->shape != y->shape || x->kind != y->kind ||
            x->brk != y->brk || x->sent_start != y->sent_start || x->line_start != y->line_start || x->feat != y->feat ||
            x->fold_hash != y->fold_hash)
            return 0;
    }
    return 1;
}

/* Checks the fast paths on s against the general ones: each token's folded
 * form is nx_fold() of its bytes, its hash nx_hash() of that, and its code
 * point offsets count the code points before it; the text tokenizes the
 * same with the shortcut for common words off (nx_tokenize_general_only). */
static void check_general(const char *s) {
    tk t;
    run(&t, s);
    const char *w = t.text.work;
    int ok = 1;
    for (size_t i = 0; i < t.toks.count; i++) {
        const nx_token *k = &t.toks.items[i];
        char buf[256];
        size_t n = nx_fold(w + k->b0, k->b1 - k->b0, buf, sizeof buf);
        ok &= n == k->fold_len && n < sizeof buf && memcmp(buf, k->fold, n) == 0 && k->fold[n] == '\0';
        ok &= k->c0 == cp_count(w, k->b0) && k->c1 == cp_count(w, k->b1);
        ok &= k->fold_hash == nx_hash(k->fold, k->fold_len, 0);
        ok &= k->feat == 0;
    }
    if (!ok) fprintf(stderr, "  a fold or an offset differs in: %s\n", s);
    CHECK(ok);
    nx_tokens u;
    nx_tokenize_general_only = 1;
    CHECK_INT(nx_tokenize(&t.arena, &t.text, &lex, &u), NX_OK);
    nx_tokenize_general_only = 0;
    int same = same_tokens(&t.toks, &u);
    if (!same) fprintf(stderr, "  the shortcut differs in: %s\n", s);
    CHECK(same);
    nx_arena_free(&t.arena);
}

/* The shortcut for common words against the general scan: words of 1 to 20
 * letters and digits (ending within a word of eight bytes and at its end)
 * in several case patterns, each followed by every
 * ASCII character and by the start of a multi-byte one, then more text
 * (so that the eight bytes are there to read), and news text. */
static void test_common_words(void) {
    static const char *const words[] = {"a", "I", "an", "US", "Xi", "the", "Ltd", "XJTU", "said", "2019",
                                        "G7", "7G", "3rd", "1990s", "x1y2", "Zhang", "LIQUN", "China", "Beijing",
                                        "BEIJING", "eBay", "iPhone", "academy", "Academia", "president", "123456789",
                                        "Jiaotong", "12345678", "University", "ABCDEFGHIJKLMNOP", "ABCDEFGHIJKLMNOq",
                                        "1234567890123456", "a1b2c3d4e5f6g7h8i9", "internationalization",
                                        "Inc", "jan", "GEN", "Dr", "mr", "St", "etc", "Jr", "1st", "4WD", "24h"};
    char text[160];
    for (size_t wi = 0; wi < sizeof words / sizeof *words; wi++) {
        for (int c = 1; c < 0x80; c++) {
            for (int pre = 0; pre < 2; pre++) { /* at the start, and after a sentence */
                snprintf(text, sizeof text, "%s%s%c9 x. Next 'quoted' end", pre ? "Done. " : "", words[wi], c);
                check_general(text);
            }
        }
        snprintf(text, sizeof text, "%s\xC3\xA9t\xC3\xA9 and more words here", words[wi]);
        check_general(text);
        /* o-acute: both of its bytes look like ASCII alphanumerics in their
         * low seven bits (C and 3), so the eight bytes' test must stop at
         * the first byte from 0x80 up, whatever follows */
        snprintf(text, sizeof text, "%s\xC3\xB3 and more words here", words[wi]);
        check_general(text);
        for (int c = 1; c < 0x80; c++) { /* a period, then every ASCII byte, then a digit or a space */
            snprintf(text, sizeof text, "The %s.%c9 and more words here", words[wi], c);
            check_general(text);
            snprintf(text, sizeof text, "The %s.%c and more words here", words[wi], c);
            check_general(text);
        }
        for (int c = 1; c < 0x80; c++) { /* a possessive, then every ASCII byte */
            snprintf(text, sizeof text, "The %s's%c9 and more words here", words[wi], c);
            check_general(text);
            snprintf(text, sizeof text, "The %s'S%c and more words here", words[wi], c);
            check_general(text);
        }
        snprintf(text, sizeof text, "The %s's\xC3\xA9 and %s'\xC3\xA9 and %s'x more", words[wi], words[wi], words[wi]);
        check_general(text);
        /* a letter after 's whose lead byte passes for [ in its low bits (U+06CC) */
        snprintf(text, sizeof text, "The %s's\xDB\x8C and more words here", words[wi]);
        check_general(text);
        snprintf(text, sizeof text, "The last word is %s's", words[wi]); /* 's ends the text */
        check_general(text);
        snprintf(text, sizeof text, "The last word is %s'", words[wi]);
        check_general(text);
        snprintf(text, sizeof text, "The %s.\xC3\xA9t\xC3\xA9 and more words here", words[wi]);
        check_general(text);
        snprintf(text, sizeof text, "The %s.\xC3\xA9 and more words here", words[wi]); /* 3rd.é: dotted */
        check_general(text);
        snprintf(text, sizeof text, "The last word is %s.", words[wi]); /* the period ends the text */
        check_general(text);
    }
    /* more tokens than the array reserved (one per 4 bytes): it grows, and
     * the folded forms get a new buffer, several times */
    static char dense[20000];
    for (size_t k = 0; k + 1 < sizeof dense; k++) dense[k] = "a,B.(c)\xC3\x89-9:'x"[k % 14];
    dense[sizeof dense - 1] = '\0';
    while ((unsigned char)dense[strlen(dense) - 1] >= 0x80) dense[strlen(dense) - 1] = '\0';
    check_general(dense);
    tk t;
    run(&t, dense);
    CHECK(t.toks.count > sizeof dense / 4 + 16);
    nx_arena_free(&t.arena);
    /* a real article, with its sentences, quotes and abbreviations */
    FILE *f = fopen(NX_GAZETTEERS_DIR "/../corpus/xjtu-sco-forum.txt", "rb");
    CHECK(f != NULL);
    if (f) {
        static char article[1 << 16];
        size_t n = fread(article, 1, sizeof article - 1, f);
        fclose(f);
        article[n] = '\0';
        CHECK(n > 1000);
        check_general(article);
    }
}

static void test_fast_path_edges(void) {
    static const char *const cases[] = {
        "Zhang Liqun (L), an academician of the Chinese Academy of Engineering and president of XJTU, said.",
        "U.S. Dr. Smith's O'Brien AT&T 1,000.5 COVID-19 wait... \"quoted\" (x) [y] {z}",
        "caf\xC3\xA9-au-lait na\xC3\xAFve \xC3\x9Cr\xC3\xBCmqi's",        /* mixed ASCII and non-ASCII tokens */
        "Xi\xE2\x80\x99" "an l\xE2\x80\x99\xC3\x89t\xC3\xA9 \xC3\xA9\xE2\x80\x99s", /* ’ between and after letters */
        "Hawai\xCA\xBCi Al\xE2\x80\x90" "Farabi \xE6\x9D\xB1\xE4\xBA\xAC-\xE5\xA4\xA7\xE9\x98\xAA",
        "\xD9\xA3-\xD9\xA4 3\xE2\x80\x91" "4 a-\xC3\xA9 \xC3\xA9-a",      /* hyphens at the boundaries */
        "the \xE2\x80\x98word\xE2\x80\x99 and \xC2\xAB" "this\xC2\xBB",
        "Xi'an\xC2\xA0" "Jiaotong\xE2\x80\xAFUniversity\xE3\x80\x80" "and\xE2\x80\x8B" "more", /* Unicode spaces */
        "STRA\xE1\xBA\x9E" "E Stra\xC3\x9F" "e \xC4\xB0stanbul \xC8\xBA" "b \xC2\xBD \xEF\xAC\x81nance", /* folds of another length */
        "a\xC8\xBA \xC8\xBA\xC8\xBA\xC8\xBA \xC2\xBD\xC2\xBD",            /* folds longer than the token */
        "caf\xE9 Zhang \xFF\xFELiqun \xE9t\xE9 end\xE2\x80",                   /* invalid bytes */
        "e\xCC\x81t\xCC\x81 \xCC\x81x",                                     /* combining marks */
        "\xC3\x89.U. \xC3\x89. Dupont Yu. S. Borovikov",                       /* periods after non-ASCII letters */
        "line one\nline two\xE2\x80\xA8three\xE2\x80\xA9" "four\xC2\x85" "five\n\nsix \xE2\x80\xA6",
        "\xF0\x9F\x98\x80\xF0\x9F\x98\x80 --- === \xE2\x80\x94\xE2\x80\x94",
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) check_general(cases[i]);
}

static void test_non_ascii_tokens(void) {
    expect_tokens("caf\xC3\xA9-au-lait \xC3\x9Cr\xC3\xBCmqi's", "caf\xC3\xA9-au-lait|\xC3\x9Cr\xC3\xBCmqi|'s");
    expect_tokens("l\xE2\x80\x99\xC3\x89t\xC3\xA9 \xC3\xA9\xE2\x80\x99s", "l\xE2\x80\x99\xC3\x89t\xC3\xA9|\xC3\xA9|\xE2\x80\x99s");
    expect_tokens("Hawai\xCA\xBCi", "Hawai\xCA\xBCi"); /* ʼ is a letter */
    expect_tokens("Al\xE2\x80\x90" "Farabi \xE6\x9D\xB1\xE4\xBA\xAC-\xE5\xA4\xA7\xE9\x98\xAA",
                  "Al\xE2\x80\x90" "Farabi|\xE6\x9D\xB1\xE4\xBA\xAC-\xE5\xA4\xA7\xE9\x98\xAA");
    expect_tokens("\xD9\xA3-\xD9\xA4 a-\xC3\xA9", "\xD9\xA3|-|\xD9\xA4|a-\xC3\xA9"); /* digit-digit splits */
    expect_tokens("the \xE2\x80\x98word\xE2\x80\x99 here", "the|\xE2\x80\x98|word|\xE2\x80\x99|here");
    expect_tokens("Xi'an\xC2\xA0" "Jiaotong", "Xi'an|Jiaotong");
    expect_tokens("caf\xE9 \xFF\xFELiqun", "caf|\xE9|\xFF\xFE|Liqun"); /* repaired bytes: one mark, a run */
    tk t;
    run(&t, "STRA\xE1\xBA\x9E" "E \xC4\xB0stanbul \xC8\xBA" "b \xC2\xBD x\xC2\xA0y");
    CHECK_INT(t.toks.count, 6);
    if (t.toks.count == 6) {
        CHECK_STR(t.toks.items[0].fold, "strasse");
        CHECK_STR(t.toks.items[1].fold, "istanbul");
        CHECK_STR(t.toks.items[2].fold, "\xE2\xB1\xA5" "b"); /* longer than the token */
        CHECK_INT(t.toks.items[2].fold_len, 4);
        CHECK_STR(t.toks.items[3].fold, "1/2");
        CHECK_INT(t.toks.items[5].brk, NX_BRK_SPACE); /* after a no-break space */
        CHECK_INT(t.toks.items[5].c0, 23);
        CHECK(t.toks.items[1].shape & NX_SH_CAP);
    }
    nx_arena_free(&t.arena);
}

/* The shape of a word of ASCII letters and digits, by the rules of
 * tokenize.h, one character at a time. */
static uint16_t ascii_word_shape(const char *w, size_t n, uint8_t *kind) {
    int letters = 0, upper = 0, digits = 0;
    uint16_t sh = 0;
    for (size_t i = 0; i < n; i++) {
        int up = w[i] >= 'A' && w[i] <= 'Z', low = w[i] >= 'a' && w[i] <= 'z';
        if ((up || low) && !letters) sh |= up ? NX_SH_CAP : NX_SH_LOWER;
        letters += up || low;
        upper += up;
        digits += !(up || low);
    }
    if (digits) sh |= NX_SH_DIGIT;
    if (letters && !digits) sh |= NX_SH_ALPHA;
    if (letters >= 2 && upper == letters) sh |= NX_SH_ALLCAPS;
    if (n && (!letters || !digits)) sh |= NX_SH_PLAIN;
    *kind = (w[0] >= '0' && w[0] <= '9' && !(sh & NX_SH_ALPHA)) ? NX_TOK_NUM : NX_TOK_WORD;
    if (*kind == NX_TOK_NUM) sh &= (uint16_t)~(NX_SH_CAP | NX_SH_ALLCAPS | NX_SH_LOWER);
    return sh;
}

/* Words of 1 to 19 ASCII letters and digits, in every case pattern, ending
 * the text or followed by a character that ends them: the eight-bytes-at-a-
 * time run (and its tail) gives each the end and shape one character at a
 * time would. */
static void test_ascii_runs(void) {
    static const char *const alphabets[] = {"abcdefghijklmnopqrs", "ABCDEFGHIJKLMNOPQRS", "Abcdefghijklmnopqrs",
                                            "aBcDeFgHiJkLmNoPqRs", "0123456789012345678", "1a2B3c4D5e6F7g8H9i0",
                                            "x9y8z7w6v5u4t3s2r1q", "Zz0Zz0Zz0Zz0Zz0Zz0Z"};
    static const char *const after[] = {"", " next", "!", ", x", ";", "\xC3\xA9", "/", "\n"};
    int ok = 1;
    for (size_t a = 0; a < sizeof alphabets / sizeof *alphabets; a++)
        for (size_t n = 1; n <= 19; n++)
            for (size_t f = 0; f < sizeof after / sizeof *after; f++) {
                char text[64];
                snprintf(text, sizeof text, "%.*s%s", (int)n, alphabets[a], after[f]);
                uint8_t kind;
                uint16_t want = ascii_word_shape(text, n, &kind);
                if (after[f][0] == '\xC3') continue; /* é continues the word */
                tk t;
                run(&t, text);
                const nx_token *k = t.toks.count ? &t.toks.items[0] : NULL;
                if (!k || k->b1 != n || k->shape != want || k->kind != kind) {
                    fprintf(stderr, "  ascii run: \"%s\": end %u shape %x kind %d, want %zu %x %d\n", text,
                            k ? k->b1 : 0, k ? k->shape : 0, k ? k->kind : 0, n, want, kind);
                    ok = 0;
                }
                nx_arena_free(&t.arena);
            }
    CHECK(ok);
    /* é after the run: one word, shape as the general code gives it */
    expect_tokens("ABCDEFGHIJ\xC3\xA9 x", "ABCDEFGHIJ\xC3\xA9|x");
}

/* nx_token_same_fold against strcmp on every pair of tokens: words of
 * every length up to 40 that differ in their first, middle or last byte or
 * by one byte of length, and forms longer than their text (straße ->
 * strasse, an arena copy of its own), last in the text so that the 16
 * bytes read past the start of the last forms are the buffers' (ASan). */
static void test_same_fold(void) {
    char text[16384];
    size_t n = 0;
    const char letters[] = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMN";
    for (size_t len = 1; len <= 40; len++) {
        for (int variant = 0; variant < 4; variant++) {
            char w[64];
            memcpy(w, letters, len);
            if (variant == 1) w[0] = 'Q';
            if (variant == 2) w[len / 2] = 'q';
            if (variant == 3) w[len - 1] = 'z';
            memcpy(text + n, w, len);
            n += len;
            text[n++] = ' ';
            if (variant == 0) { /* the same word again, in capitals where letters */
                for (size_t k = 0; k < len; k++) text[n + k] = (char)(w[k] >= 'a' && w[k] <= 'z' ? w[k] - 32 : w[k]);
                n += len;
                text[n++] = ' ';
            }
        }
    }
    const char *tail = "stra\xC3\x9F" "e STRASSE strasse \xC3\x9F\xC3\x9F ss ssss \xC3\x9F";
    memcpy(text + n, tail, strlen(tail) + 1);
    tk t;
    run(&t, text);
    size_t pairs = 0, same = 0;
    for (size_t i = 0; i < t.toks.count; i++)
        for (size_t j = 0; j < t.toks.count; j++) {
            const nx_token *a = &t.toks.items[i], *b = &t.toks.items[j];
            int want = a->fold_len == b->fold_len && strcmp(a->fold, b->fold) == 0;
            if (nx_token_same_fold(a, b) != want) {
                fprintf(stderr, "same_fold(%s, %s) is %d\n", a->fold, b->fold, !want);
                CHECK(0);
            }
            pairs++;
            same += (size_t)want;
        }
    CHECK(pairs > 30000);
    CHECK(same > t.toks.count + 80); /* the repeats (and ß ß = ss) are found */
    nx_arena_free(&t.arena);
}

int main(void) {
    setup();
    test_char_classes();
    test_fast_path_edges();
    test_common_words();
    test_ascii_runs();
    test_non_ascii_tokens();
    test_words();
    test_abbreviations();
    test_numbers();
    test_offsets();
    test_shapes();
    test_sentences();
    test_same_fold();
    nx_strmap_free(&abbrevs);
    nx_strmap_free(&no_end);
    return check_result("test_tokenize");
}
