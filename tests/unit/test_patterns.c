/* test_patterns.c: pattern files: the token pattern language (literals,
 * classes, number ranges, atom regexes, glue, groups, look-arounds,
 * macros), skip regexes and their needs= prefilter, step limits, errors
 * with their location, the shipped pattern files; and the fast scan (the
 * dispatch table, anchors and first-atom tests) against trying every
 * pattern at every atom; and the patterns read from a model file against
 * the same files compiled. */
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "check.h"
#include "fs.h"
#include "gazetteer.h"
#include "model.h"
#include "patterns.h"
#include "strmap.h"
#include "tokpat.h"

static nx_gazetteer gaz;

/* A small gazetteer: months (one of them case=cap) and a few temporal words. */
static void load_gazetteer(void) {
    char *path = check_tmp_file("# type: month\n"
                                "January\tvalue=1\n"
                                "Jan.\tvalue=1\n"
                                "July\tvalue=7\n"
                                "June\tvalue=6\n"
                                "May\tvalue=5\tcase=cap\n"
                                "October\tvalue=10\n"
                                "two\ttype=temporal\tkind=number\tvalue=2\n"
                                "years\ttype=temporal\tkind=unit\tvalue=Y\n"
                                "Mother's Day\ttype=temporal\tkind=holiday\tvalue=05-08-7\n");
    CHECK(path != NULL);
    nx_gazetteer_init(&gaz);
    nx_error err;
    const char *paths[] = {path};
    CHECK_INT(nx_gazetteer_load(&gaz, paths, 1, &err), NX_OK);
    unlink(path);
}

static int load(nx_patterns *p, const char *content, nx_error *err) {
    char *path = check_tmp_file(content);
    CHECK(path != NULL);
    nx_patterns_init(p);
    p->gaz = &gaz;
    const char *paths[] = {path};
    memset(err, 0, sizeof *err);
    nx_status st = nx_patterns_load(p, paths, 1, err);
    unlink(path);
    return st;
}

/* The matches of the patterns over s as "rule:text" joined by " | ", found
 * with the text's tokens (whose folded forms and hashes atoms reuse) or
 * without. */
static void matches_with(const nx_patterns *p, const char *s, char *out, size_t cap, int with_tokens) {
    nx_arena a;
    nx_arena_init(&a);
    nx_text t;
    out[0] = '\0';
    CHECK_INT(nx_text_prepare(&a, s, strlen(s), &t), NX_OK);
    nx_tokens toks;
    nx_token_lexicon lex = {&gaz.abbreviations, &gaz.no_sentence_end};
    if (with_tokens) CHECK_INT(nx_tokenize(&a, &t, &lex, &toks), NX_OK);
    nx_pmatch *m;
    size_t n;
    const char *limit;
    CHECK_INT(nx_patterns_run(p, &a, &t, with_tokens ? &toks : NULL, &m, &n, &limit), NX_OK);
    for (size_t i = 0; i < n; i++) {
        size_t len = strlen(out);
        snprintf(out + len, cap - len, "%s%s:%.*s", len ? " | " : "", p->items[m[i].pattern].name, (int)(m[i].b1 - m[i].b0),
                 s + m[i].b0);
    }
    nx_arena_free(&a);
}

static void matches(const nx_patterns *p, const char *s, char *out, size_t cap) { matches_with(p, s, out, cap, 0); }

static void expect(const nx_patterns *p, const char *s, const char *want) {
    char got[2048];
    matches(p, s, got, sizeof got);
    if (strcmp(got, want)) fprintf(stderr, "  text     %s\n  got      %s\n  expected %s\n", s, got, want);
    CHECK_STR(got, want);
}

/* expect(), and the same with the text's tokens. */
/* Loads the patterns `pats` and checks their matches in s. */
static void expect_loaded(const char *pats, const char *s, const char *want) {
    nx_patterns p;
    nx_error err;
    CHECK_INT(load(&p, pats, &err), NX_OK);
    expect(&p, s, want);
    nx_patterns_free(&p);
}

static void expect_both(const nx_patterns *p, const char *s, const char *want) {
    expect(p, s, want);
    char got[2048];
    matches_with(p, s, got, sizeof got, 1);
    if (strcmp(got, want)) fprintf(stderr, "  text     %s (tokens)\n  got      %s\n  expected %s\n", s, got, want);
    CHECK_STR(got, want);
}

static void test_language(void) {
    nx_patterns p;
    nx_error err;
    int st = load(&p,
                  "# test\n"
                  "@define\tDAY\t#1..31\n"
                  "@define\tORD\t~(st | nd | rd | th)\n"
                  "mdy\tdate\t<month MONTH> ~\".\"? <day DAY> ORD? \",\"? <year #1000..2099>\n"
                  "range\tdate\t<month MONTH> \"-\" <month2 MONTH>\n"
                  "ago\tdate\t<num NUMBER> <unit UNIT> ago\n"
                  "holiday\tdate\t<holiday HOLIDAY>\n"
                  "iso\tdate\t(?<! (DIGITS | \".\") ~) <year #1000..2099> ~\"-\" ~<month #01..12> ~\"-\" ~<day DAY>\n"
                  "clock\ttime\t/(?<hour>[01][0-9]|2[0-3])(?<minute>[0-5][0-9])/ =GMT\n"
                  "may\tdate\t(?<= (in | by) _) <month =May>\n"
                  "file\tskip\t\\w+\\.jpg\\b\tneeds=.jpg\n"
                  "www\tskip\t(?i)\\bwww\\.\\w+\tneeds=.gif|www.|.jpg\n"
                  "tag\tskip\t#\\w+\tneeds=zq|.png|%\n"
                  "mid\tskip\t@\\w+\tneeds=ab.cd\n",
                  &err);
    if (st != NX_OK) fprintf(stderr, "%s:%zu:%zu: %s\n", err.file, err.line, err.column, err.message);
    CHECK_INT(st, NX_OK);
    CHECK_STR(p.items[0].rule, "date:mdy");
    CHECK_STR(p.items[7].rule, "skip:file");
    expect(&p, "On July 05, 2024 and JANUARY 1st 1990, but not july5 2024.",
           "mdy:July 05, 2024 | mdy:JANUARY 1st 1990");
    /* a glued "st" is an ordinal; a day glued to another word is no day */
    expect(&p, "Jan. 3rd 1999 and Jan 31x 1999", "mdy:Jan. 3rd 1999");
    /* dates that start inside a hyphenated word: January-June, end-October */
    expect(&p, "in January-June and the end-October 5, 2024 talks", "range:January-June | mdy:October 5, 2024");
    expect(&p, "two years ago", "ago:two years ago");
    /* a class entry of several atoms, glued as written */
    expect(&p, "on Mother's Day, not Mother 's Day", "holiday:Mother's Day");
    expect(&p, "2024-07-05 but not 1.2024-07-05 or 2024-13-05", "iso:2024-07-05");
    /* a look-behind of one atom and a glue test: a "." glued before blocks
     * the date, one spaced off does not */
    expect(&p, "x.2024-07-05; x . 2024-07-06", "iso:2024-07-06");
    expect(&p, "at 0930 GMT", "clock:0930 GMT");
    /* case=cap: May, not may; the look-behind wants "in" or "by" before */
    expect(&p, "in May, by May, may be, in may", "may:May | may:May");
    expect(&p, "see photo.jpg", "file:photo.jpg");
    /* needs=: a skip pattern runs only on a text that holds one of its
     * strings, in any case, anywhere */
    expect(&p, "see WWW.example", "www:WWW.example");
    expect(&p, "#tag", "");
    expect(&p, "#tag ZQ", "tag:#tag");
    expect(&p, "#tag x.PNG", "tag:#tag");
    expect(&p, "#tag at the end: z", "");
    expect(&p, "#tag at the end.", "");         /* a first byte as the text's last */
    expect(&p, "#tag . p .png", "tag:#tag");    /* '.' before other bytes, then the need */
    expect(&p, "#tag up 5%", "tag:#tag");       /* a need of one byte */
    /* a need is looked for at its first byte that is no letter, and found
     * there whatever comes before: at the text's start, in capitals */
    expect(&p, "www.example", "www:www.example");
    expect(&p, ".png #tag", "tag:#tag");
    expect(&p, "WWW.X www.y", "www:WWW.X | www:www.y");
    expect(&p, "ab. cd. @x, b.cd, ab.c", "");   /* a need with bytes on both sides of its key */
    expect(&p, "@x AB.CD", "mid:@x");
    nx_patterns_free(&p);
}

/* Atoms: a plain token is one atom with the token's folded form and the
 * case flags of its letters; a mark inside a token is an atom of its own;
 * a folded form longer than the text (㍿ is 株式会社) moves the fold
 * buffer, and the atoms folded into it before still read their forms. With
 * and without the tokens, which atoms reuse. */
static void test_atoms(void) {
    nx_patterns p;
    nx_error err;
    CHECK_INT(load(&p,
                   "dotted\tdate\tUPPER ~\".\" ~UPPER ~\".\" #1..9\n"
                   "lower\tdate\tLOWER ~\".\" ~LOWER ~\".\" #10..19\n"
                   "capword\tdate\tCAPWORD #20..29\n"
                   "upper\tdate\tUPPER ~\"!\"\n"
                   "cap\tdate\tCAP #30..39\n"
                   "num\tdate\t#1..9 ~\",\" ~#0..999 =units\n"
                   "strasse\tdate\tstraße #40..49\n",
                   &err),
              NX_OK);
    /* one capital, or one lower-case letter, between periods */
    expect_both(&p, "U.S. 5, u.s. 6, e.g. 11, E.G. 12, Us.S. 7", "dotted:U.S. 5 | lower:e.g. 11");
    /* a capitalised word is a capital and then a lower-case letter */
    expect_both(&p, "Paris 21, PARIS 22, P 23, paris 24, ABc 25, Ab 26, McD 27",
                "capword:Paris 21 | capword:Ab 26 | capword:McD 27");
    /* upper case throughout: all capitals, or one */
    expect_both(&p, "NASA! A! Ab! a! N2! NASa!", "upper:NASA! | upper:A!");
    expect_both(&p, "Paris 31, PARIS 32, P 33, paris 34, ABc 35", "cap:Paris 31 | cap:PARIS 32 | cap:P 33 | cap:ABc 35");
    expect_both(&p, "5,000 units, 5,000 Units, 5 ,000 units", "num:5,000 units");
    /* the first Straße is folded before the ㍿ after it outgrow the fold
     * buffer (room for the text and 64 bytes) */
    char text[512];
    size_t len = (size_t)snprintf(text, sizeof text, "Stra\xc3\x9f" "e 41 ");
    for (int i = 0; i < 40; i++) len += (size_t)snprintf(text + len, sizeof text - len, "\xe3\x8d\xbf ");
    snprintf(text + len, sizeof text - len, "STRASSE 42 stra\xc3\x9f" "e 43");
    expect_both(&p, text, "strasse:Stra\xc3\x9f" "e 41 | strasse:STRASSE 42 | strasse:stra\xc3\x9f" "e 43");
    nx_patterns_free(&p);
}

/* An alternation most of whose alternatives open with a word is one lookup
 * of the atom's word (I_SWITCH): the alternatives it opens and those not
 * known by a word are tried, in their order, as a regex would. */
static void test_switch(void) {
    nx_patterns p;
    nx_error err;
    CHECK_INT(load(&p,
                   "ord\tdate\t(more | more than | at least | about | =Over) #10..99\n"
                   "first\tdate\t(x | x y | #1..9 | q) z?\n"
                   "lb\tdate\t(?<= (in | by | on | at) _) #1000..2099\n",
                   &err),
              NX_OK);
    /* "more" is tried first and fails on "than"; =Over is an exact word, not
     * known by its folded form */
    expect(&p, "more than 20, more 30, Over 40, over 41, about 50, at least 60, least 70",
           "ord:more than 20 | ord:more 30 | ord:Over 40 | ord:about 50 | ord:at least 60");
    /* the first alternative that matches wins: "x", not "x y z" */
    expect(&p, "x y z; 5 z; q z", "first:x | first:5 z | first:q z");
    /* in a look-behind */
    expect(&p, "in 1999, of 2000, at 2001", "lb:1999 | lb:2001");
    nx_patterns_free(&p);
}

/* An alternation of more alternatives than a switch takes (64) is a chain
 * of splits, each alternative jumping past the rest when it matched: the
 * 65th and later used to jump to the program's start, so they never
 * matched. */
static void test_many_alts(void) {
    char pats[8192];
    size_t pl = (size_t)snprintf(pats, sizeof pats, "many\tdate\t(");
    for (int i = 0; i < 70; i++)
        pl += (size_t)snprintf(pats + pl, sizeof pats - pl, "%sw%c%c zz", i ? " | " : "", 'a' + i / 26, 'a' + i % 26);
    pl += (size_t)snprintf(pats + pl, sizeof pats - pl, ") end\n");
    expect_loaded(pats, "waa zz end; wcr zz end; wbz zz end; wcn zz end",
                  "many:waa zz end | many:wcr zz end | many:wbz zz end | many:wcn zz end");
}

/* The groups of a match are byte spans, also inside an atom. */
static void test_groups(void) {
    nx_patterns p;
    nx_error err;
    CHECK_INT(load(&p, "clock\ttime\t/(?<hour>[01][0-9]|2[0-3])(?<minute>[0-5][0-9])/ =GMT\n"
                       "mdy\tdate\t<month MONTH> <day #1..31> ~(st|nd|rd|th)? \",\" <year #1000..2099>\n",
                   &err),
              NX_OK);
    nx_arena a;
    nx_arena_init(&a);
    nx_text t;
    const char *s = "At 0930 GMT on July 4th, 2024.";
    CHECK_INT(nx_text_prepare(&a, s, strlen(s), &t), NX_OK);
    nx_pmatch *m;
    size_t n;
    const char *limit;
    CHECK_INT(nx_patterns_run(&p, &a, &t, NULL, &m, &n, &limit), NX_OK);
    CHECK_INT(n, 2);
    if (n == 2) {
        CHECK_INT(m[0].b0, 3);
        CHECK_INT(m[0].g0[NX_GRP_HOUR], 3);
        CHECK_INT(m[0].g1[NX_GRP_HOUR], 5);
        CHECK_INT(m[0].g0[NX_GRP_MINUTE], 5);
        CHECK_INT(m[0].g1[NX_GRP_MINUTE], 7);
        CHECK_INT(m[1].g0[NX_GRP_MONTH], 15);
        CHECK_INT(m[1].g1[NX_GRP_MONTH], 19);
        CHECK_INT(m[1].g0[NX_GRP_DAY], 20);
        CHECK_INT(m[1].g1[NX_GRP_DAY], 21); /* "4" without its "th" */
        CHECK_INT(m[1].g0[NX_GRP_WEEKDAY], UINT32_MAX);
        CHECK_INT(m[1].b1, 29);
    }
    nx_arena_free(&a);
    nx_patterns_free(&p);
}

/* Patterns whose needs= the text does not meet are skipped, wherever they
 * stand among 40 (the skipped ones are gathered sixteen at a time, then
 * one by one): every third has a need, which every other text has. */
static void test_needs_many(void) {
    char pats[4096], text[1024], want[2048];
    size_t pl = 0, tl = 0, wl = 0;
    for (int i = 0; i < 40; i++) {
        char a = (char)('a' + i / 26), b = (char)('a' + i % 26);
        char need[16] = "";
        if (i % 3 == 1) snprintf(need, sizeof need, "\tneeds=k%c%c", a, b);
        pl += (size_t)snprintf(pats + pl, sizeof pats - pl, "n%d\tdate\tw%c%c%s\n", i, a, b, need);
        tl += (size_t)snprintf(text + tl, sizeof text - tl, "w%c%c ", a, b);
        if (i % 3 == 1 && i % 2 == 0) tl += (size_t)snprintf(text + tl, sizeof text - tl, "k%c%c ", a, b);
        if (i % 3 != 1 || i % 2 == 0) wl += (size_t)snprintf(want + wl, sizeof want - wl, "%sn%d:w%c%c", wl ? " | " : "", i, a, b);
    }
    expect_loaded(pats, text, want);
}

/* A number test that anchors a pattern is asked of numbers only (of at
 * most nine digits): a word or a longer number fails it unasked. */
static void test_number_anchor(void) {
    nx_patterns p;
    nx_error err;
    CHECK_INT(load(&p, "yr\tdate\t(in | by) #1990..2030\n", &err), NX_OK);
    expect_both(&p, "in 2024, by 2031, in abcd, in 12345678901, by 000002024, by 1990", "yr:in 2024 | yr:by 1990");
    nx_patterns_free(&p);
}

/* The matches of a text in order: by start, the longer first, then by
 * pattern (not the order the patterns are tried in); a few (insertion
 * sort) and more than 32 (qsort). */
static void test_match_order(void) {
    nx_patterns p;
    nx_error err;
    CHECK_INT(load(&p, "short\tdate\tfoo\nsame\tdate\tfoo bar\nlong\tdate\tfoo bar\nbar\tdate\tbar\n", &err), NX_OK);
    expect(&p, "bar; foo bar", "bar:bar | same:foo bar | long:foo bar | short:foo | bar:bar");
    char text[512], want[2048];
    size_t tl = 0, wl = 0;
    for (int i = 0; i < 12; i++) {
        tl += (size_t)snprintf(text + tl, sizeof text - tl, "%sfoo bar", i ? "; " : "");
        wl += (size_t)snprintf(want + wl, sizeof want - wl, "%ssame:foo bar | long:foo bar | short:foo | bar:bar", i ? " | " : "");
    }
    expect(&p, text, want);
    nx_patterns_free(&p);
}

/* The groups past the last four (yrel, clock, tset: a match copies the
 * groups four at a time, then the rest one by one), set, unset and empty. */
static void test_last_groups(void) {
    nx_patterns p;
    nx_error err;
    CHECK_INT(load(&p, "tail\tdate\t<yrel (last | this)> <clock noon> <tset (daily)?> <year #1000..2099>\n", &err), NX_OK);
    nx_arena a;
    nx_arena_init(&a);
    nx_text t;
    const char *s = "last noon 2024; this noon daily 2025";
    CHECK_INT(nx_text_prepare(&a, s, strlen(s), &t), NX_OK);
    nx_pmatch *m;
    size_t n;
    const char *limit;
    CHECK_INT(nx_patterns_run(&p, &a, &t, NULL, &m, &n, &limit), NX_OK);
    CHECK_INT(n, 2);
    if (n == 2) {
        CHECK_INT(m[0].g0[NX_GRP_YREL], 0);
        CHECK_INT(m[0].g1[NX_GRP_YREL], 4);
        CHECK_INT(m[0].g0[NX_GRP_CLOCK], 5);
        CHECK_INT(m[0].g1[NX_GRP_CLOCK], 9);
        CHECK_INT(m[0].g0[NX_GRP_TSET], UINT32_MAX); /* empty */
        CHECK_INT(m[0].g1[NX_GRP_TSET], UINT32_MAX);
        CHECK_INT(m[0].g0[NX_GRP_YEAR], 10);
        CHECK_INT(m[0].g1[NX_GRP_YEAR], 14);
        CHECK_INT(m[0].g0[NX_GRP_MONTH], UINT32_MAX); /* unset */
        CHECK_INT(m[0].g1[NX_GRP_MONTH], UINT32_MAX);
        CHECK_INT(m[1].g0[NX_GRP_YREL], 16);
        CHECK_INT(m[1].g1[NX_GRP_CLOCK], 25);
        CHECK_INT(m[1].g0[NX_GRP_TSET], 26);
        CHECK_INT(m[1].g1[NX_GRP_TSET], 31);
        CHECK_INT(m[1].g1[NX_GRP_YEAR], 36);
    }
    nx_arena_free(&a);
    nx_patterns_free(&p);
}

static void test_limits(void) {
    /* catastrophic backtracking must end quickly and be reported */
    nx_patterns p;
    nx_error err;
    nx_patterns_init(&p);
    p.gaz = &gaz;
    p.match_limit = 10000;
    char *path = check_tmp_file("evil\tdate\t(ALPHA | ALPHA ALPHA)+ =zzz\n");
    const char *paths[] = {path};
    CHECK_INT(nx_patterns_load(&p, paths, 1, &err), NX_OK);
    unlink(path);
    size_t words = 2000;
    char *s = malloc(words * 2 + 1);
    for (size_t i = 0; i < words; i++) memcpy(s + 2 * i, "a ", 2);
    s[2 * words] = '\0';
    nx_arena a;
    nx_arena_init(&a);
    nx_text t;
    CHECK_INT(nx_text_prepare(&a, s, strlen(s), &t), NX_OK);
    nx_pmatch *m;
    size_t n;
    const char *limit;
    clock_t c0 = clock();
    CHECK_INT(nx_patterns_run(&p, &a, &t, NULL, &m, &n, &limit), NX_OK);
    CHECK(limit != NULL && strcmp(limit, "date:evil") == 0);
    CHECK(clock() - c0 < 5 * CLOCKS_PER_SEC); /* a hang guard, not a benchmark */
    nx_arena_free(&a);
    nx_patterns_free(&p);
    free(s);
}

static void expect_error(const char *content, nx_status want, size_t line, size_t col, const char *part) {
    nx_patterns p;
    nx_error err;
    CHECK_INT(load(&p, content, &err), want);
    CHECK_INT(err.line, line);
    CHECK_INT(err.column, col);
    if (!strstr(err.message, part)) fprintf(stderr, "message: %s (expected %s)\n", err.message, part);
    CHECK(strstr(err.message, part) != NULL);
    nx_patterns_free(&p);
}

static void test_errors(void) {
    expect_error("# c\nok\tdate\tx\nbad\tskip\t(unclosed\n", NX_ERR_PATTERN, 3, 10, "does not compile");
    expect_error("x\tdate\tNOPE y\n", NX_ERR_PARSE, 1, 12, "unknown name");
    expect_error("x\tdate\t<nope y>\n", NX_ERR_PARSE, 1, 9, "unknown group name");
    expect_error("x\tdate\t#31..1\n", NX_ERR_PARSE, 1, 14, "lo above hi");
    expect_error("x\tdate\t(a | b\n", NX_ERR_PARSE, 1, 14, "missing )");
    expect_error("x\tdate\ty?\n", NX_ERR_PARSE, 1, 8, "at least one atom");
    expect_error("x\tdate\t/(/\n", NX_ERR_PARSE, 1, 10, "does not compile");
    expect_error("x\tdate\t[nonsense]\n", NX_ERR_PARSE, 1, 17, "unknown gazetteer class");
    expect_error("x\tdatum\ty\n", NX_ERR_PARSE, 1, 3, "unknown pattern type");
    expect_error("just one field\n", NX_ERR_PARSE, 1, 1, "expected name");
}

static int cmp_pmatch(const void *a, const void *b) {
    const nx_pmatch *x = a, *y = b;
    if (x->b0 != y->b0) return x->b0 < y->b0 ? -1 : 1;
    if (x->pattern != y->pattern) return x->pattern < y->pattern ? -1 : 1;
    return x->b1 < y->b1 ? -1 : x->b1 > y->b1;
}

/* Compares the fast scan (with and without tokens) with trying every pattern
 * at every atom, on one text; `some` asks that it holds a few matches. */
static void same_as_exhaustive(const nx_patterns *p, const nx_gazetteer *full, const char *text, int some) {
    nx_arena a;
    nx_arena_init(&a);
    nx_text t;
    CHECK_INT(nx_text_prepare(&a, text, strlen(text), &t), NX_OK);
    /* the tokens, whose folded forms and hashes the fast scan reuses */
    nx_token_lexicon lex = {&full->abbreviations, &full->no_sentence_end};
    nx_tokens toks;
    CHECK_INT(nx_tokenize(&a, &t, &lex, &toks), NX_OK);
    nx_vec all = {0};
    CHECK_INT(nx_tokpat_scan_exhaustive(p->engines[NX_ENGINE_TOKENS].matcher, &t, &all), NX_OK);
    qsort(all.items, all.count, sizeof(nx_pmatch), cmp_pmatch);
    for (int with_tokens = 0; with_tokens < 2; with_tokens++) {
        nx_vec fast = {0};
        size_t limit = SIZE_MAX;
        const nx_pattern_engine *en = &p->engines[NX_ENGINE_TOKENS];
        CHECK_INT(en->backend->scan(en->matcher, &t, with_tokens ? &toks : NULL, NULL, &fast, &limit), NX_OK);
        if (some) CHECK(fast.count > 3);
        CHECK_INT(fast.count, all.count);
        /* the fast scan goes pattern by pattern: compare in one order */
        qsort(fast.items, fast.count, sizeof(nx_pmatch), cmp_pmatch);
        int same = fast.count == all.count;
        for (size_t k = 0; k < fast.count && k < all.count; k++)
            same &= !memcmp(&NX_VEC_AT(&fast, nx_pmatch, k), &NX_VEC_AT(&all, nx_pmatch, k), sizeof(nx_pmatch));
        if (!same) fprintf(stderr, "  fast scan%s differs on: %s\n", with_tokens ? " (tokens)" : "", text);
        CHECK(same);
        nx_vec_free(&fast);
    }
    nx_vec_free(&all);
    nx_arena_free(&a);
}

/* Word i of the search: five letters (a run of digits would be an atom of
 * its own). */
static void word_of(uint32_t i, char *w) {
    for (int k = 0; k < 5; k++, i /= 26) w[k] = (char)('a' + i % 26);
    w[5] = '\0';
}

static int cmp_u64(const void *a, const void *b) {
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

/* The dispatch table finds a pattern's first word by the low 32 bits of its
 * hash, in buckets picked by the hash's low bits. Words found here by search,
 * twelve that share a bucket however many buckets there are (up to 1024) and
 * two that share the whole 32 bits, each still start their pattern. */
static void test_dispatch_buckets(void) {
    enum { N = 300000, SAME_BUCKET = 12 };
    uint64_t *h = malloc(N * sizeof *h);
    CHECK(h != NULL);
    char w[8];
    for (uint32_t i = 0; i < N; i++) {
        word_of(i, w);
        h[i] = (uint64_t)(uint32_t)nx_hash(w, strlen(w), 0) << 32 | i;
    }
    qsort(h, N, sizeof *h, cmp_u64);
    uint32_t twin[2] = {0, 0};
    for (size_t k = 0; k + 1 < N && twin[0] == twin[1]; k++)
        if (h[k] >> 32 == h[k + 1] >> 32) twin[0] = (uint32_t)h[k], twin[1] = (uint32_t)h[k + 1];
    CHECK(twin[0] != twin[1]); /* 300,000 words: a 32-bit collision is all but certain */
    uint32_t same[SAME_BUCKET];
    size_t n_same = 0;
    for (size_t k = 0; k < N && n_same < SAME_BUCKET; k++)
        if (((h[k] >> 32) & 1023) == ((h[0] >> 32) & 1023)) same[n_same++] = (uint32_t)h[k];
    CHECK_INT(n_same, SAME_BUCKET);
    free(h);
    char pats[2048], text[1024], want[2048];
    size_t pl = 0, tl = 0, wl = 0;
    for (size_t k = 0; k < n_same; k++) {
        word_of(same[k], w);
        pl += (size_t)snprintf(pats + pl, sizeof pats - pl, "b%zu\tdate\t%s day\n", k, w);
        tl += (size_t)snprintf(text + tl, sizeof text - tl, "%s day, ", w);
        wl += (size_t)snprintf(want + wl, sizeof want - wl, "%sb%zu:%s day", k ? " | " : "", k, w);
    }
    static const char *const after[2] = {"night", "noon"};
    for (int k = 0; k < 2; k++) {
        word_of(twin[k], w);
        pl += (size_t)snprintf(pats + pl, sizeof pats - pl, "t%d\tdate\t%s %s\n", k, w, after[k]);
        tl += (size_t)snprintf(text + tl, sizeof text - tl, "%s %s, ", w, after[k]);
        wl += (size_t)snprintf(want + wl, sizeof want - wl, " | t%d:%s %s", k, w, after[k]);
    }
    expect_loaded(pats, text, want);
}

/* The fast scan finds exactly what trying every pattern at every atom finds,
 * with the shipped patterns and gazetteers, on text full of near misses. */
static void test_fast_scan(void) {
    nx_gazetteer full;
    nx_gazetteer_init(&full);
    nx_error err;
    char **files = NULL;
    size_t nf = 0;
    CHECK_INT(nx_list_files(NX_GAZETTEERS_DIR, ".tsv", &files, &nf, &err), NX_OK);
    CHECK_INT(nx_gazetteer_load(&full, (const char *const *)files, nf, &err), NX_OK);
    nx_free_names(files, nf);
    nx_patterns p;
    nx_patterns_init(&p);
    CHECK_INT(nx_patterns_load_dir(&p, &full, NX_GAZETTEERS_DIR, &err), NX_OK);
    static const char *const texts[] = {
        "On Friday, Oct. 23, 2024 at 10:35 a.m. EST (1535 GMT) the board met; two years ago it met on 5/7/99.",
        "The first quarter of 1984, the year-earlier period, Q3 2024, H1 '24 and the 1990s; mid-1980s; early next year.",
        "In May 1996 and by May, the 3rd of May, 1600 Pennsylvania Avenue, 2000 people, 1991 to 1997, 1991-97.",
        "Last week, this past spring, next Tuesday morning, every other week, twice a year, three days from now.",
        "For decades afterward, for the year ended Sept. 30, a 30-day period, the past decade, recent years.",
        "2024年7月5日 and 7月5日; Christmas Eve 2023; noon Saturday; 3 o'clock in the morning; a.m.; FY2024.",
        "The the the 5 5 5 May may MAY Jan January-June end-October, 12/31/2024 31.12.2024 2024-12-31T10:00Z.",
        "A MONDAY, a Monday-Friday week, U.S. JAN. 5 and Jan.5, O'Brien's 1990s, I SAID LAST WEEK, X 2024 Y.",
        /* words after one space, two, a tab, a line break, a non-ASCII letter, glued marks */
        "On  May 5,\t2024 at 9 a.m.\nlast  week; the year-ago quarter,\u00e9t\u00e9 2023 (2022) \"two\" years ago.",
        /* anchors found inside groups: a word of each alternative, a digit test */
        "A year ago, a year earlier, the year-ago quarter; year-earlier sales, a year, ago. The '90s, O'Neil's 90s,"
        " the mid-'80s; 2024.12.31, 2024/12/31, 2024-1-5 and 2024.13.1; 9 a.m., 9am, 9 p.m. ET, 21:30 GMT, 9 o'clock.",
    };
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) same_as_exhaustive(&p, &full, texts[i], 1);
    /* and on texts made at random of the words, numbers and marks patterns
     * are made of, glued or spaced every way (a fixed seed: the same texts
     * every run) */
    static const char *const pieces[] = {
        "a", "an", "the", "year", "years", "ago", "earlier", "later", "last", "next", "this", "past", "week", "day",
        "month", "quarter", "first", "second", "fourth", "half", "of", "fiscal", "May", "may", "June", "Jan", ".",
        "Monday", "morning", "night", "1990", "1990s", "'90s", "'", "s", "90", "2024", "12", "31", "5", "9", "30",
        "000", "-", "/", ",", ":", "a.m.", "p.m.", "am", "GMT", "ET", "o'clock", "two", "three", "twenty", "five",
        "about", "nearly", "more", "than", "up", "to", "at", "least", "mid", "early", "late", "century", "decade",
        "every", "each", "daily", "Christmas", "Eve", "noon", "Q", "H", "FY", "T", "Z", "(", ")", "年", "月", "日",
        /* and whole expressions, which the gaps around and the words next to them bend into near misses */
        "May 5, 2024", "Oct. 23", "two years ago", "the past decade", "10:35 a.m.", "the 1990s", "a year earlier",
        "the first quarter of 1984", "5/7/99", "2024-12-31", "three days from now", "last Tuesday morning",
        "for the year ended Sept. 30", "every other week", "the year-ago quarter", "mid-1980s", "30-day",
    };
    static const char *const gaps[] = {" ", " ", " ", "", "-", ", ", "  ", "\n", "/"};
    uint32_t seed = 12345;
    for (int n = 0; n < 300; n++) {
        char text[1024];
        size_t len = 0;
        for (int w = 0; w < 40; w++) {
            seed = seed * 1103515245u + 12345u;
            const char *piece = pieces[(seed >> 8) % (sizeof pieces / sizeof *pieces)];
            seed = seed * 1103515245u + 12345u;
            const char *gap = w ? gaps[(seed >> 8) % (sizeof gaps / sizeof *gaps)] : "";
            len += (size_t)snprintf(text + len, sizeof text - len, "%s%s", gap, piece);
        }
        same_as_exhaustive(&p, &full, text, 0);
    }
    nx_patterns_free(&p);
    nx_gazetteer_free(&full);
}

/* The matches of both engines over text, through nx_patterns_run (needs=,
 * both engines, sorted), with the tokens: *n of them (arena a). */
static nx_pmatch *run_all(const nx_patterns *p, nx_arena *a, const nx_token_lexicon *lex, const char *text, size_t *n,
                          const char **limit) {
    nx_text t;
    nx_tokens toks;
    nx_pmatch *out = NULL;
    *n = 0;
    CHECK_INT(nx_text_prepare(a, text, strlen(text), &t), NX_OK);
    CHECK_INT(nx_tokenize(a, &t, lex, &toks), NX_OK);
    CHECK_INT(nx_patterns_run(p, a, &t, &toks, &out, n, limit), NX_OK);
    return out;
}

/* Calls f on each text of a column of a tests/data TSV file (0-based). */
static void each_text(const char *name, int column, void (*f)(const char *, void *), void *arg) {
    char path[512];
    snprintf(path, sizeof path, "%s/%s", NX_TEST_DATA, name);
    FILE *fp = fopen(path, "rb");
    CHECK(fp != NULL);
    if (!fp) return;
    char *line = NULL;
    size_t cap = 0;
    ssize_t got;
    while ((got = getline(&line, &cap, fp)) > 0) {
        if (line[0] == '#' || line[0] == '\n') continue;
        line[strcspn(line, "\r\n")] = '\0';
        char *field = line;
        for (int k = 0; k < column && field; k++) {
            field = strchr(field, '\t');
            if (field) field++;
        }
        if (!field) continue;
        field[strcspn(field, "\t")] = '\0';
        f(field, arg);
    }
    free(line);
    fclose(fp);
}

typedef struct both {
    const nx_patterns *compiled, *read;
    nx_token_lexicon lex;
    size_t texts, matches, differ;
} both;

static void compare_on(const char *text, void *arg) {
    both *B = arg;
    nx_arena a;
    nx_arena_init(&a);
    size_t n1, n2;
    const char *l1, *l2;
    nx_pmatch *m1 = run_all(B->compiled, &a, &B->lex, text, &n1, &l1);
    nx_pmatch *m2 = run_all(B->read, &a, &B->lex, text, &n2, &l2);
    int same = n1 == n2 && (!n1 || !memcmp(m1, m2, n1 * sizeof *m1)) && (l1 == NULL) == (l2 == NULL);
    if (!same && B->differ++ < 5) fprintf(stderr, "  patterns read from the model differ on: %s\n", text);
    B->texts++;
    B->matches += n1;
    nx_arena_free(&a);
}

/* The patterns read from a model file (sections 64 and 65) find exactly
 * what the same .pat files compiled at load find, with the shipped
 * patterns and gazetteers, on every text of the test data. */
static void test_from_model(void) {
    nx_error err;
    char **tsv = NULL, **pat = NULL;
    size_t n_tsv = 0, n_pat = 0;
    CHECK_INT(nx_list_files(NX_GAZETTEERS_DIR, ".tsv", &tsv, &n_tsv, &err), NX_OK);
    CHECK_INT(nx_list_files(NX_GAZETTEERS_DIR "/patterns", ".pat", &pat, &n_pat, &err), NX_OK);
    CHECK(n_pat >= 4);
    nx_mfile img;
    CHECK_INT(nx_model_compile_files((const char *const *)tsv, n_tsv, (const char *const *)pat, n_pat, &img, &err), NX_OK);
    nx_model *m = calloc(1, sizeof *m);
    CHECK(m != NULL);
    CHECK_INT(nx_model_attach(m, &img, "test.model", &err), NX_OK);
    CHECK_INT(m->patterns_from_file, 1);
    CHECK(nx_patterns_same_files(&m->patterns, (const char *const *)pat, n_pat));
    CHECK(!nx_patterns_same_files(&m->patterns, (const char *const *)pat, n_pat - 1));
    /* the same files compiled against the same gazetteer view */
    nx_patterns p;
    nx_patterns_init(&p);
    CHECK_INT(nx_patterns_load_dir(&p, &m->gaz, NX_GAZETTEERS_DIR, &err), NX_OK);
    CHECK_INT(m->patterns.count, p.count);
    for (size_t i = 0; i < p.count && i < m->patterns.count; i++) {
        const nx_pattern *x = &p.items[i], *y = &m->patterns.items[i];
        CHECK_STR(y->rule, x->rule);
        CHECK_INT(y->type, x->type);
        CHECK_INT(y->engine, x->engine);
        CHECK_INT(y->n_needs, x->n_needs);
    }
    both B = {&p, &m->patterns, {&m->gaz.abbreviations, &m->gaz.no_sentence_end}, 0, 0, 0};
    each_text("dates.tsv", 2, compare_on, &B);
    each_text("entities.tsv", 0, compare_on, &B);
    each_text("relations.tsv", 0, compare_on, &B);
    compare_on("Visit www.example.com or mail a@b.org for photo.jpg; on 5 January 2024 at 10:30, two weeks ago.", &B);
    CHECK_INT(B.differ, 0);
    CHECK(B.texts > 500);   /* the data files were read */
    CHECK(B.matches > 300); /* and the patterns matched in them */
    nx_patterns_free(&p);
    nx_model_free(m);
    nx_free_names(tsv, n_tsv);
    nx_free_names(pat, n_pat);
}

int main(void) {
    load_gazetteer();
    test_from_model();
    test_language();
    test_atoms();
    test_groups();
    test_last_groups();
    test_match_order();
    test_number_anchor();
    test_needs_many();
    test_switch();
    test_many_alts();
    test_limits();
    test_errors();
    test_fast_scan();
    test_dispatch_buckets();
    nx_gazetteer_free(&gaz);
    return check_result("test_patterns");
}
