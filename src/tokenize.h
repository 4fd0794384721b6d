/*
 * tokenize.h: the tokenize stage.
 *
 * Consumes: an nx_text (normalise stage) and the model's word lists that the
 *   tokenizer needs (abbreviations that keep their period, words that start
 *   sentences).
 * Produces: tokens with byte and code point offsets, shape flags, the
 *   case-folded form and its hash, the break before each token (none, space,
 *   line, paragraph) and sentence numbers.
 *
 * Words keep internal apostrophes (Xi'an, O'Brien) and hyphens (Al-Farabi),
 * but a possessive 's is its own token (XJTU 's). Numbers keep internal
 * separators (1,000; 3.5; 10:30) but not hyphens (2019-2023 is three tokens).
 * A period stays with an initial (W.), a dotted acronym (U.S.) or a listed
 * abbreviation (Dr., Inc.).
 *
 * Characters are classified by the table of classes below: ASCII from a
 * 128-entry table, the rest from its Unicode category (utf8proc).
 */
#ifndef NX_TOKENIZE_H
#define NX_TOKENIZE_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "strmap.h"
#include "swar.h"
#include "text.h"

typedef enum nx_tok_kind { NX_TOK_WORD = 1, NX_TOK_NUM, NX_TOK_PUNCT } nx_tok_kind;

enum nx_tok_shape {
    NX_SH_CAP = 1 << 0,      /* first letter upper case: Zhang, XJTU, U.S. */
    NX_SH_ALLCAPS = 1 << 1,  /* two or more letters, all upper case */
    NX_SH_LOWER = 1 << 2,    /* first letter lower case */
    NX_SH_DIGIT = 1 << 3,    /* contains a digit */
    NX_SH_ABBREV = 1 << 4,   /* ends with a period that belongs to it */
    NX_SH_INITIAL = 1 << 5,  /* one letter and a period: W. */
    NX_SH_POSS = 1 << 6,     /* the possessive 's */
    NX_SH_HYPHEN = 1 << 7,   /* contains a hyphen */
    NX_SH_ALPHA = 1 << 8,    /* letters only (apostrophes, hyphens, periods allowed) */
    NX_SH_OPEN = 1 << 9,     /* opening bracket or quote */
    NX_SH_CLOSE = 1 << 10,   /* closing bracket or quote */
    NX_SH_PLAIN = 1 << 11    /* ASCII letters only, or ASCII digits only: one atom of the
                              * token patterns, which take it whole (tokpat.c) */
};

enum nx_break { NX_BRK_NONE = 0, NX_BRK_SPACE, NX_BRK_LINE, NX_BRK_PARA };

typedef struct nx_token {
    uint32_t b0, b1;    /* bytes */
    uint32_t c0, c1;    /* code points */
    const char *fold;   /* case-folded form, NUL-terminated, in the arena; 16 bytes at
                         * least may be read from its start (nx_token_same_fold) */
    uint32_t fold_len;
    uint32_t sent;      /* sentence number */
    uint16_t shape;     /* nx_tok_shape flags */
    uint8_t kind;       /* nx_tok_kind */
    uint8_t brk;        /* nx_break before this token */
    uint8_t sent_start; /* first token of its sentence */
    uint8_t line_start; /* first token of its line */
    uint64_t feat;      /* gazetteer features (NX_FEAT), set by the match stage */
    uint64_t fold_hash; /* nx_hash(fold, fold_len, 0): a map keyed by folded words
                         * (the gazetteer trie, an nx_strmap) needs no rehash */
} nx_token;

typedef struct nx_tokens {
    nx_token *items;
    size_t count;
    size_t n_sent;
} nx_tokens;

/* An abbreviation's value in nx_token_lexicon.abbreviations: any keeps its
 * period; a month's (gazetteer kind=month) only where no capital letter or
 * the text's end follows, since there the period ends a sentence after a
 * name ("Lei Jun. Shares rose"). */
enum { NX_ABBREV_ANY = 1, NX_ABBREV_MONTH = 2 };

typedef struct nx_token_lexicon {
    const nx_strmap *abbreviations;      /* folded forms with the period: "dr.", "inc."; value NX_ABBREV_* */
    const nx_strmap *no_sentence_end;    /* abbreviations that never end a sentence ("dr.") */
} nx_token_lexicon;

/* Tokenizes text->work, which must be valid UTF-8 as nx_text_prepare() makes
 * it. The tokens and their folded forms live in the arena (out->items is
 * NULL when there are none). NX_OK or NX_ERR_NOMEM. */
nx_status nx_tokenize(nx_arena *arena, const nx_text *text, const nx_token_lexicon *lex, nx_tokens *out);

/* For tests: nonzero takes every token through the general scan, none
 * through the shortcut for the common word (its result must not differ). */
extern int nx_tokenize_general_only;

/* The classes of a character the tokenizer reads, one bit each. */
enum nx_char_class {
    NX_CC_WORD = 1 << 0,   /* part of a word: a letter, mark or number (L*, M*, N*) */
    NX_CC_LETTER = 1 << 1, /* L* */
    NX_CC_DIGIT = 1 << 2,  /* Nd */
    NX_CC_UPPER = 1 << 3,  /* Lu, Lt */
    NX_CC_MARK = 1 << 4,   /* Mn, Mc, Me from U+0300 on */
    NX_CC_SPACE = 1 << 5,  /* separates words: nx_is_space() */
    NX_CC_APOS = 1 << 6,   /* ' U+2019 U+02BC */
    NX_CC_HYPHEN = 1 << 7, /* - U+2010 U+2011 */
    NX_CC_OPEN = 1 << 8,   /* ( [ { " U+201C U+2018 U+00AB */
    NX_CC_CLOSE = 1 << 9   /* ) ] } U+201D U+00BB */
};

/* The nx_char_class bits of code point c (0 for c < 0): ASCII from a table,
 * the rest from nx_char_class_unicode(). */
unsigned nx_char_class(int32_t c);
/* The same from the Unicode category and the lists above, for any code
 * point: the definition the ASCII table must agree with. */
unsigned nx_char_class_unicode(int32_t c);

/* Whether tokens a and b have the same folded form: the first 16 bytes
 * as two words masked to b's length (readable past the form: see
 * nx_token.fold), with no branch on the length unless it is longer (rare)
 * or the words differ. */
/* Whether word token t's part after its last hyphen starts with an ASCII
 * lower-case letter, in the text `work` it was cut from: an adjective such
 * as "Montreal-based", "Harvard-educated", no name. */
static inline int nx_token_lower_after_hyphen(const char *work, const nx_token *t) {
    if (t->kind != NX_TOK_WORD || !(t->shape & NX_SH_HYPHEN)) return 0;
    const char *w = work + t->b0;
    size_t n = t->b1 - t->b0, h = n;
    while (h > 0 && w[h - 1] != '-') h--;
    return h > 1 && h < n && w[h] >= 'a' && w[h] <= 'z';
}

static inline int nx_token_same_fold(const nx_token *a, const nx_token *b) {
    size_t len = b->fold_len;
    const unsigned char *p = (const unsigned char *)a->fold, *q = (const unsigned char *)b->fold;
    return (a->fold_len == len) & nx_same_bytes16(p, q, len < 16 ? len : 16) &&
           (len <= 16 || nx_same_bytes(p + 16, q + 16, len - 16));
}

/* The token's text in the working copy. */
static inline const char *nx_token_str(const nx_text *t, const nx_token *k) { return t->work + k->b0; }
static inline size_t nx_token_len(const nx_token *k) { return k->b1 - k->b0; }

#endif
