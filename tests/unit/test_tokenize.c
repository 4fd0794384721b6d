/* test_tokenize.c: words, apostrophes, hyphens, abbreviations, numbers,
 * offsets in multi-byte text, sentence and paragraph breaks. */
#include <stdlib.h>

#include "check.h"
#include "tokenize.h"

static nx_strmap abbrevs, no_end;
static nx_token_lexicon lex;

static void setup(void) {
    nx_strmap_init(&abbrevs);
    nx_strmap_init(&no_end);
    const char *a[] = {"dr.", "mr.", "inc.", "jan.", "gen.", "st.", NULL};
    for (int i = 0; a[i]; i++) nx_strmap_put(&abbrevs, a[i], strlen(a[i]), 1);
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
}

int main(void) {
    setup();
    test_words();
    test_abbreviations();
    test_numbers();
    test_offsets();
    test_shapes();
    test_sentences();
    nx_strmap_free(&abbrevs);
    nx_strmap_free(&no_end);
    return check_result("test_tokenize");
}
