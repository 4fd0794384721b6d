/* tokenize.c: a single left-to-right scan over code points (see tokenize.h)
 * that makes each token whole as it goes: its extent and shape, its folded
 * form and hash, its break and sentence.
 *
 * What keeps it fast: most words are runs of ASCII letters and digits that
 * a space or a mark ends, and common_word() makes such a token from eight
 * bytes at a time: end, shape and kind from byte masks, the folded form
 * and its nx_hash() from the same words (nx_hash is a hash of 64-bit
 * words), with no per-character loop; the rest go through the general scan
 * (scan_word), which still takes a word's runs of ASCII letters and digits
 * eight bytes at a time. The class of another ASCII character is one table
 * lookup (only the others ask utf8proc for their category); the working
 * copy is valid UTF-8 (nx_text_prepare repaired it), so a non-ASCII
 * character is decoded without checks; only tokens with bytes beyond ASCII
 * go through nx_fold. The folded forms share one arena buffer; the tokens
 * are written in place into an arena array reserved for the most a text of
 * news needs and cut back to what was used; the loop is compiled twice, for
 * an ASCII text (whose byte offsets are code point offsets) and another. */
#include "tokenize.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "swar.h"

/* ---- character classes ------------------------------------------------------ */

/* The classes of an ASCII character, as nx_char_class_unicode() gives them
 * (test_tokenize checks all 128). */
#define ACLS(c)                                                                                      \
    ((((c) >= 'a' && (c) <= 'z') ? NX_CC_WORD | NX_CC_LETTER : 0) |                                  \
     (((c) >= 'A' && (c) <= 'Z') ? NX_CC_WORD | NX_CC_LETTER | NX_CC_UPPER : 0) |                    \
     (((c) >= '0' && (c) <= '9') ? NX_CC_WORD | NX_CC_DIGIT : 0) |                                   \
     (((c) == ' ' || ((c) >= 0x09 && (c) <= 0x0D)) ? NX_CC_SPACE : 0) |                              \
     ((c) == '\'' ? NX_CC_APOS : 0) | ((c) == '-' ? NX_CC_HYPHEN : 0) |                              \
     (((c) == '(' || (c) == '[' || (c) == '{' || (c) == '"') ? NX_CC_OPEN : 0) |                     \
     (((c) == ')' || (c) == ']' || (c) == '}') ? NX_CC_CLOSE : 0))
static const uint16_t ASCII_CLASS[128] = NX_ASCII_TABLE(ACLS);
/* The classes of the bytes a word's ASCII run takes (letters and digits),
 * 0 for every other byte, from 0x80 up too: one lookup tests and classifies. */
#define WCLS(c) ((ACLS(c) & NX_CC_WORD) ? ACLS(c) : 0)
static const uint8_t ASCII_WORD[256] = NX_ASCII_TABLE(WCLS);
_Static_assert((NX_CC_WORD | NX_CC_LETTER | NX_CC_DIGIT | NX_CC_UPPER) <= 0xFF, "word classes fit a byte");
/* 1 for the ASCII bytes after which a word never goes on: all but letters,
 * digits and the marks scan_word() looks past (' - & . , :); 0 from 0x80. */
#define ENDS(c) ((c) < 0x80 && !(ACLS(c) & NX_CC_WORD) && (c) != '\'' && (c) != '-' && (c) != '&' && (c) != '.' && \
                 (c) != ',' && (c) != ':')
static const uint8_t ASCII_ENDS_WORD[256] = NX_ASCII_TABLE(ENDS);
/* 1 for the ASCII marks that make a token of their own, a byte long unless
 * the same byte follows (not ( ) " which never run): all but white space,
 * letters, digits, the apostrophe (possessive 's) and NUL. */
#define MARK(c) ((c) > 0 && (c) < 0x80 && !(ACLS(c) & (NX_CC_SPACE | NX_CC_WORD | NX_CC_APOS)))
static const uint8_t ASCII_MARK[256] = NX_ASCII_TABLE(MARK);
#undef MARK
#undef ENDS
#undef WCLS
#undef ACLS

unsigned nx_char_class_unicode(int32_t c) {
    if (c < 0) return 0;
    unsigned k = 0;
    switch (utf8proc_category(c)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LT:
        k = NX_CC_WORD | NX_CC_LETTER | NX_CC_UPPER;
        break;
    case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO:
        k = NX_CC_WORD | NX_CC_LETTER;
        break;
    case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
        k = NX_CC_WORD | (c >= 0x300 ? NX_CC_MARK : 0);
        break;
    case UTF8PROC_CATEGORY_ND:
        k = NX_CC_WORD | NX_CC_DIGIT;
        break;
    case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
        k = NX_CC_WORD;
        break;
    case UTF8PROC_CATEGORY_ZS:
        k = NX_CC_SPACE;
        break;
    default:
        break;
    }
    /* the rest of nx_is_space() */
    if ((c >= 0x09 && c <= 0x0D) || c == 0x200B || c == 0xFEFF || c == 0x85 || c == 0x2028 || c == 0x2029)
        k |= NX_CC_SPACE;
    if (c == '\'' || c == 0x2019 || c == 0x02BC) k |= NX_CC_APOS;
    if (c == '-' || c == 0x2010 || c == 0x2011) k |= NX_CC_HYPHEN;
    if (c == '(' || c == '[' || c == '{' || c == '"' || c == 0x201C || c == 0x2018 || c == 0xAB) k |= NX_CC_OPEN;
    if (c == ')' || c == ']' || c == '}' || c == 0x201D || c == 0xBB) k |= NX_CC_CLOSE;
    return k;
}

static inline unsigned cls(int32_t c) {
    if (c < 0x80) return c < 0 ? 0 : ASCII_CLASS[c];
    return nx_char_class_unicode(c);
}

unsigned nx_char_class(int32_t c) { return cls(c); }

/* ---- the scan ----------------------------------------------------------------- */

typedef struct scan {
    const unsigned char *s;
    size_t n;
} scan;

/* The code point at byte i and its length in *len; -1 (length 0) past the
 * end. s is valid UTF-8, so a lead byte says the length and the continuation
 * bytes need no checks; a sequence cut by the end (impossible in a working
 * copy) decodes as U+FFFD of one byte, as nx_utf8_next() would. */
static inline int32_t peek(const scan *sc, size_t i, size_t *len) {
    if (i >= sc->n) {
        *len = 0;
        return -1;
    }
    const unsigned char *p = sc->s + i;
    unsigned c = p[0];
    size_t left = sc->n - i;
    if (c < 0x80) {
        *len = 1;
        return (int32_t)c;
    }
    if (c < 0xE0) {
        if (c >= 0xC0 && left >= 2) {
            *len = 2;
            return (int32_t)(((c & 0x1Fu) << 6) | (p[1] & 0x3Fu));
        }
    } else if (c < 0xF0) {
        if (left >= 3) {
            *len = 3;
            return (int32_t)(((c & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu));
        }
    } else if (left >= 4) {
        *len = 4;
        return (int32_t)(((c & 0x07u) << 18) | ((p[1] & 0x3Fu) << 12) | ((p[2] & 0x3Fu) << 6) | (p[3] & 0x3Fu));
    }
    *len = 1;
    return 0xFFFD;
}

/* Whether the period of a month's abbreviation, which ends at byte i, ends
 * a sentence instead: white space, then a capital letter or the text's end
 * ("Lei Jun. Shares rose"; not "Jun. 5", "Jan. and Feb."). */
static int month_period_ends(const scan *sc, size_t i) {
    while (i < sc->n && (sc->s[i] == ' ' || sc->s[i] == '\t' || sc->s[i] == '\n' || sc->s[i] == '\r')) i++;
    return i >= sc->n || (sc->s[i] >= 'A' && sc->s[i] <= 'Z');
}

/* The shape flags of a word, gathered over its characters as the scan takes
 * them. ALPHA: letters (and marks, apostrophes, hyphens, periods) only, at
 * least one letter. */
typedef struct shape {
    uint16_t sh;
    int letters, upper, other;
} shape;

static inline void shape_add(shape *s, int32_t c, unsigned cc) {
    if (cc & NX_CC_LETTER) {
        if (s->letters == 0) s->sh |= (cc & NX_CC_UPPER) ? NX_SH_CAP : NX_SH_LOWER;
        s->letters++;
        if (cc & NX_CC_UPPER) s->upper++;
    } else if (cc & NX_CC_DIGIT) {
        s->sh |= NX_SH_DIGIT;
        s->other++;
    } else if (cc & NX_CC_HYPHEN) {
        s->sh |= NX_SH_HYPHEN;
    } else if (!(c == '.' || (cc & (NX_CC_APOS | NX_CC_MARK)))) {
        s->other++;
    }
}

static inline uint16_t shape_flags(const shape *s) {
    uint16_t sh = s->sh;
    if (s->letters && !s->other) sh |= NX_SH_ALPHA;
    if (s->letters >= 2 && s->upper == s->letters) sh |= NX_SH_ALLCAPS;
    return sh;
}

/* ---- runs of ASCII letters and digits ------------------------------------------- */

/* Takes the run of ASCII letters and digits at byte j into the word's shape
 * (*sh, *seg_letters, *pc: scan_word's state) as shape_add() of each would;
 * returns the byte after it. Eight bytes at a time: a word's letters are
 * counted with a few operations instead of a loop whose end mispredicts.
 * With `fold` (the run starts the token), also folds the run there and
 * hashes it (*h, from nx_hash_start) from the same words, storing whole
 * words (fold must have room for the run rounded up to 8 bytes); a run
 * that reaches the last 8 bytes of the text is taken a byte at a time, not
 * folded, and clears *folded. */
static inline size_t ascii_run(const scan *sc, size_t j, shape *sh, size_t *seg_letters, unsigned *pc, char *fold,
                               uint64_t *h, int *folded) {
    while (sc->n - j >= 8) {
        uint64_t x = nx_load8(sc->s + j);
        /* as word8_of(): the low seven bits tested, the bytes from 0x80 up stops */
        uint64_t low7 = x & NX_ONES * 127, lower7 = low7 | NX_ONES * 0x20;
        uint64_t letter = (NX_ONES * (128 + 'z') - lower7) & (lower7 + NX_ONES * (128 - 'a')) & NX_HIGHS;
        uint64_t digit = (NX_ONES * (128 + '9') - low7) & (low7 + NX_ONES * (128 - '0')) & NX_HIGHS;
        uint64_t stop = (~(letter | digit) | x) & NX_HIGHS;
        unsigned len = stop ? nx_first_marked(stop) : 8;
        if (!len) return j;
        uint64_t keep = len == 8 ? ~UINT64_C(0) : (UINT64_C(1) << (8 * len)) - 1;
        letter &= keep;
        digit &= keep;
        uint64_t upper = letter & ~(x << 2); /* a letter without 0x20 is upper case */
        if (fold) {
            uint64_t f = (x & keep) | (upper >> 2); /* A-Z to a-z, the bytes after the run zero */
            nx_store8((unsigned char *)fold, f);
            fold += 8;
            *h = nx_hash_word(*h, f);
        }
        if (letter && !sh->letters)
            sh->sh |= (upper >> __builtin_ctzll(letter)) & 1 ? NX_SH_CAP : NX_SH_LOWER;
        unsigned nl = nx_count_marked(letter);
        sh->letters += (int)nl;
        sh->upper += (int)nx_count_marked(upper);
        *seg_letters += nl;
        if (digit) {
            sh->sh |= NX_SH_DIGIT;
            sh->other += (int)nx_count_marked(digit);
        }
        *pc = ASCII_WORD[sc->s[j + len - 1]];
        j += len;
        if (len < 8) return j;
    }
    for (unsigned wc; j < sc->n && (wc = ASCII_WORD[sc->s[j]]) != 0; j++) {
        if (fold) *folded = 0;
        if (wc & NX_CC_LETTER) {
            if (sh->letters == 0) sh->sh |= (wc & NX_CC_UPPER) ? NX_SH_CAP : NX_SH_LOWER;
            sh->letters++;
            sh->upper += (wc & NX_CC_UPPER) != 0;
            ++*seg_letters;
        } else {
            sh->sh |= NX_SH_DIGIT;
            sh->other++;
        }
        *pc = wc;
    }
    return j;
}

/* Length in bytes of the word starting at byte i (a letter or digit), with its
 * shape and the flags it earns in *flags. Stops before a possessive 's. Every
 * character taken (each `j += k`) is added to the shape. When the word is
 * its first run of ASCII letters and digits (most words), *folded is 1, the
 * folded form is at fold (not terminated) and *hash is its nx_hash(); else
 * *folded is 0 and fold holds anything. */
static inline size_t scan_word(const scan *sc, const nx_token_lexicon *lex, size_t i, uint16_t *flags, char *fold,
                               uint64_t *hash, int *folded) {
    size_t j = i, k;
    shape sh = {0, 0, 0, 0};
    unsigned pc = 0;        /* the classes of the previous character (none at the start) */
    size_t seg_letters = 0; /* letters since the last period, for dotted acronyms */
    int dotted = 0;
    size_t ncp = 0; /* code points so far, for initials */
    *flags = 0;
    /* most words: a run of ASCII letters and digits that white space or a
     * mark no word goes on over ends (so not ' - & . , :) */
    uint64_t h = nx_hash_start(0);
    *folded = 1;
    j = ascii_run(sc, j, &sh, &seg_letters, &pc, fold, &h, folded);
    const size_t first_run_end = j;
    const int run_folded = *folded; /* fold[0 .. first_run_end - i) is the run folded */
    ncp = j - i;
    if (j > i && (j == sc->n || ASCII_ENDS_WORD[sc->s[j]])) {
        *flags = (uint16_t)(shape_flags(&sh) | ((!sh.letters || !sh.other) ? NX_SH_PLAIN : 0));
        *hash = nx_hash_final(h, j - i);
        return j - i;
    }
    *folded = 0;
    for (int after_run = 1;; after_run = 0) { /* (the first run, taken above, stopped at j) */
        if (!after_run) {
            size_t run = j;
            j = ascii_run(sc, j, &sh, &seg_letters, &pc, NULL, NULL, NULL);
            ncp += j - run;
        }
        int32_t c = peek(sc, j, &k);
        unsigned cc = cls(c);
        if (cc & NX_CC_WORD) {
            if (cc & NX_CC_LETTER) seg_letters++;
            ncp++;
            pc = cc;
            shape_add(&sh, c, cc);
            j += k;
            continue;
        }
        /* only these can continue a word (the cases below); the rest end it
         * (ASCII_ENDS_WORD, which the fast path above reads too) */
        if (c < 0 || (c < 0x80 ? ASCII_ENDS_WORD[c] : !(cc & (NX_CC_APOS | NX_CC_HYPHEN)))) break;
        size_t k2;
        int32_t next = peek(sc, j + k, &k2);
        unsigned nc = cls(next);
        if ((cc & NX_CC_APOS) && (nc & NX_CC_LETTER)) {
            /* possessive 's / 'S ends the word; other apostrophes are internal.
             * The English possessive is a rule of spelling the tokenizer
             * applies to every word, not a word a list could hold. */
            size_t k3;
            int32_t after = peek(sc, j + k + k2, &k3);
            if ((next == 's' || next == 'S') && !(cls(after) & NX_CC_WORD)) break;
            shape_add(&sh, c, cc);
            j += k;
            pc = cc;
            continue;
        }
        if ((cc & NX_CC_HYPHEN) && (pc & NX_CC_WORD) && (nc & NX_CC_WORD) &&
            !((pc & NX_CC_DIGIT) && (nc & NX_CC_DIGIT))) {
            shape_add(&sh, c, cc);
            j += k;
            pc = cc;
            seg_letters = 0;
            continue;
        }
        if (c == '&' && (pc & NX_CC_UPPER) && (nc & NX_CC_UPPER)) {
            shape_add(&sh, c, cc);
            j += k;
            pc = cc;
            continue;
        }
        if ((c == '.' || c == ',' || c == ':') && (pc & NX_CC_DIGIT) && (nc & NX_CC_DIGIT)) {
            shape_add(&sh, c, cc);
            j += k;
            pc = cc;
            continue;
        }
        if (c == '.') {
            if ((nc & NX_CC_LETTER) && seg_letters >= 1 && seg_letters <= 2 && !(pc & NX_CC_DIGIT)) {
                /* U.S / e.g / Ph.D: a dotted acronym continues */
                size_t k3;
                int32_t after = peek(sc, j + k + k2, &k3);
                if (!(cls(after) & NX_CC_WORD)) { /* a period, another mark, or the end */
                    dotted = 1;
                    shape_add(&sh, c, cc);
                    j += k;
                    pc = cc;
                    seg_letters = 0;
                    continue;
                }
            }
            if (dotted) {
                shape_add(&sh, c, cc);
                j += k;
                *flags |= NX_SH_ABBREV;
                break;
            }
            /* "Yu. S. Borovikov": a two-letter name part before an initial */
            if (ncp == 2 && seg_letters == 2 && next == ' ') {
                size_t k3, k4, kf;
                int32_t a1 = peek(sc, j + k + k2, &k3);
                int32_t a2 = peek(sc, j + k + k2 + k3, &k4);
                int32_t first = peek(sc, i, &kf);
                if ((cls(first) & NX_CC_UPPER) && !(pc & NX_CC_UPPER) && (cls(a1) & NX_CC_UPPER) && a2 == '.') {
                    shape_add(&sh, c, cc);
                    j += k;
                    *flags |= NX_SH_ABBREV | NX_SH_INITIAL;
                    break;
                }
            }
            if (ncp == 1 && (pc & NX_CC_UPPER)) {
                shape_add(&sh, c, cc);
                j += k; /* an initial: W. */
                *flags |= NX_SH_ABBREV | NX_SH_INITIAL;
                break;
            }
            if (lex && lex->abbreviations) {
                char buf[64], *key = buf;
                size_t fl;
                if (j == first_run_end && run_folded) { /* Dr, Inc, Jan: folded by the run already */
                    key = fold;
                    fl = j - i;
                } else {
                    fl = nx_fold((const char *)sc->s + i, j - i, buf, sizeof buf - 1);
                }
                uint32_t kind = 0;
                if (fl < sizeof buf - 1) {
                    key[fl] = '.';
                    if (nx_strmap_get(lex->abbreviations, key, fl + 1, &kind) &&
                        !(kind == NX_ABBREV_MONTH && month_period_ends(sc, j + k))) {
                        shape_add(&sh, c, cc);
                        j += k;
                        *flags |= NX_SH_ABBREV;
                    }
                }
            }
            break;
        }
        break;
    }
    if (dotted) *flags |= NX_SH_ABBREV;
    *flags |= shape_flags(&sh);
    if (j == first_run_end && (!sh.letters || !sh.other)) *flags |= NX_SH_PLAIN;
    return j - i;
}

/* ---- the token list ------------------------------------------------------------ */

/* Tokens being gathered, in place in the arena: an array reserved for the
 * most a text is likely to need ([items, end), the next token at `at`),
 * moved to one twice as long (in the arena too) when full, and cut back to
 * what was used at the end. */
typedef struct tokbuf {
    nx_token *items, *at, *end;
} tokbuf;

/* Doubles the room of a full array. 0, or -1 when out of memory. */
static int tokbuf_grow(nx_arena *arena, tokbuf *b) {
    size_t count = (size_t)(b->at - b->items), ncap = 2 * count;
    nx_token *n = ncap < SIZE_MAX / sizeof *n ? nx_arena_alloc_uninit(arena, ncap * sizeof *n) : NULL;
    if (!n) return -1;
    memcpy(n, b->items, count * sizeof *n);
    b->items = n;
    b->at = n + count;
    b->end = n + ncap;
    return 0;
}

/* ---- folded forms and their hashes ----------------------------------------------- */

/* Folds the len ASCII bytes at src into out and sets *h to the nx_hash()
 * of the result, eight bytes at a time: one word step of the hash per eight
 * bytes, the last word's bytes past the token zeroed as nx_hash() pads it;
 * 0 when one of them is not ASCII. Reads and writes whole eight-byte words:
 * src and out must have len rounded up to 8 bytes. */
static inline int fold_hash_ascii(const unsigned char *src, size_t len, char *out, uint64_t *h) {
    uint64_t hash = nx_hash_start(0);
    for (size_t off = 0; off < len; off += 8) {
        uint64_t x = nx_first_bytes(nx_load8(src + off), len - off);
        if (x & NX_HIGHS) return 0;
        uint64_t f = x | (nx_bytes_between(x, 'A', 'Z') >> 2); /* A-Z to a-z */
        nx_store8((unsigned char *)out + off, f);
        hash = nx_hash_word(hash, f);
    }
    *h = nx_hash_final(hash, len);
    return 1;
}

/* The folded forms, one after another in an arena buffer: [at, end) is
 * free. */
typedef struct pool {
    char *at, *end;
} pool;

/* Room at p->at for the folded forms of the text from byte i on, when the
 * token array outgrows what nx_tokenize reserved. The first buffer, of
 * n + guess + 16 bytes, holds sum(len + 1) <= i + count before byte i and
 * leaves n - i + 16 after it while count <= guess: the rest of the bytes,
 * a NUL after each token and 8 to spare for the last word, each folded form
 * being written whole words at a time. Past that, each token may take one
 * byte more than the text it covers, so the buffer must hold twice the
 * bytes left: a new one is made when it does not. Either way 16 bytes at
 * least follow the start of every folded form, as nx_token.fold promises
 * (a form longer than its text has an arena copy of its own, 16 bytes at
 * least). 0, or -1 when out of memory. */
static int pool_room(nx_arena *arena, pool *p, size_t n, size_t i) {
    size_t need = 2 * (n - i) + 16;
    if ((size_t)(p->end - p->at) >= need) return 0;
    char *b = nx_arena_alloc_uninit(arena, need);
    if (!b) return -1;
    p->at = b;
    p->end = b + need;
    return 0;
}

/* Sets a token's folded form and its hash when the scan did not (a word
 * that is not one run of ASCII letters and digits, punctuation): a token of
 * ASCII bytes is folded to as many bytes at p->at, folded and hashed at
 * once; another one is folded there by nx_fold when it fits in its own
 * length (café -> cafe) and gets its own arena copy otherwise (ß -> ss). */
static nx_status fold_token(nx_arena *arena, const nx_text *text, nx_token *t, pool *p) {
    char *out = p->at;
    size_t len = t->b1 - t->b0, fl = len;
    const unsigned char *src = (const unsigned char *)text->work + t->b0;
    uint64_t h;
    if (!(text->len - t->b0 >= ((len + 7) & ~(size_t)7) && fold_hash_ascii(src, len, out, &h))) {
        fl = nx_fold((const char *)src, len, out, len);
        if (fl > len) {
            t->fold = nx_fold_dup(arena, (const char *)src, len, &fl);
            if (!t->fold) return NX_ERR_NOMEM;
            t->fold_len = (uint32_t)fl;
            t->fold_hash = nx_hash(t->fold, fl, 0);
            return NX_OK;
        }
        h = nx_hash(out, fl, 0);
    }
    out[fl] = '\0';
    t->fold = out;
    t->fold_len = (uint32_t)fl;
    t->fold_hash = h;
    p->at = out + fl + 1;
    return NX_OK;
}

/* ---- sentences ------------------------------------------------------------------ */

/* Whether a token (its kind, first byte, length) is ., !, ? or U+2026 (…). */
static inline int ends_sentence_punct(const unsigned char *s, size_t b0, size_t len, uint8_t kind) {
    if (kind != NX_TOK_PUNCT) return 0;
    unsigned char c = s[b0];
    return c == '.' || c == '!' || c == '?' ||
           (c == 0xE2 && len == 3 && s[b0 + 1] == 0x80 && s[b0 + 2] == 0xA6); /* … */
}

/* What the tokens so far say of the next one's sentence. */
enum {
    PENDING_END = 1, /* they may end the sentence */
    ABBREV_END = 2   /* ... by an abbreviation: the next token decides */
};

/* The sentence of a token with this break and shape, and whether it starts
 * it (*start); *sent is the sentence so far (UINT32_MAX before the first
 * token, whose break is a paragraph's). A sentence starts after ., ! or ?
 * (and any closing quotes or brackets) when the next token starts with an
 * upper-case letter, a digit or an opening quote; after an abbreviation only
 * at a line end or before a word the lexicon says cannot follow it; at every
 * line break. */
static inline uint32_t sentence_of(uint32_t *sent, unsigned *pend, unsigned brk, unsigned sh, uint8_t *start) {
    if ((*pend & ABBREV_END) && brk < NX_BRK_LINE && !(sh & NX_SH_OPEN))
        *pend = 0; /* "U.S. President" continues; only a capitalised function word or a line break
                    * makes it a boundary. Without a stop list we stay conservative. */
    int st = brk >= NX_BRK_LINE ||
             ((*pend & PENDING_END) && (sh & (NX_SH_CAP | NX_SH_DIGIT | NX_SH_OPEN)) && brk != NX_BRK_NONE);
    *sent += (uint32_t)st;
    *start = (uint8_t)st;
    return *sent;
}

/* What token k leaves for the next one's sentence (*pend); its sentence is
 * set. */
static inline void sentence_after(unsigned *pend, const nx_text *text, const nx_token_lexicon *lex,
                                  const nx_token *k) {
    const unsigned char *w = (const unsigned char *)text->work;
    if (ends_sentence_punct(w, k->b0, k->b1 - k->b0, k->kind)) {
        *pend = PENDING_END;
    } else if ((k->shape & NX_SH_CLOSE) || ((*pend & PENDING_END) && k->brk == NX_BRK_NONE &&
                                            k->kind == NX_TOK_PUNCT && (w[k->b0] == '"' || w[k->b0] == '\'') &&
                                            k->b1 - k->b0 == 1)) {
        /* ." or .) keep the pending end, and so does a straight quote
         * glued to it (said: "... again." Dr Greenspan; TimeBank's ''),
         * which the scan can only class as opening */
        *pend &= PENDING_END;
    } else if ((k->shape & NX_SH_ABBREV) && !(k->shape & NX_SH_INITIAL)) {
        /* Inc. and U.S. may end a sentence; Dr. and Mr. never do. */
        *pend = (lex && lex->no_sentence_end && nx_strmap_get(lex->no_sentence_end, k->fold, k->fold_len, NULL))
                    ? 0
                    : PENDING_END | ABBREV_END;
    } else {
        *pend = 0;
    }
}

/* ---- the common word ------------------------------------------------------------ */

int nx_tokenize_general_only = 0;

/* The letters, upper-case letters and digits among the first len bytes
 * of x (0x80 in each), len the number of bytes of x before the first other
 * one (8 when there is none). */
typedef struct word8 {
    uint64_t letter, upper, digit;
    uint64_t keep; /* 0xFF in each of the first len bytes */
    unsigned len;
} word8;

static inline word8 word8_of(uint64_t x) {
    word8 w;
    /* nx_bytes_between() of the low seven bits, twice (the letters after
     * A-Z to a-z, the digits), and the bytes from 0x80 up made stops once */
    uint64_t low7 = x & NX_ONES * 127, lower7 = low7 | NX_ONES * 0x20;
    w.letter = (NX_ONES * (128 + 'z') - lower7) & (lower7 + NX_ONES * (128 - 'a')) & NX_HIGHS;
    w.digit = (NX_ONES * (128 + '9') - low7) & (low7 + NX_ONES * (128 - '0')) & NX_HIGHS;
    uint64_t stop = (~(w.letter | w.digit) | x) & NX_HIGHS;
    w.len = stop ? nx_first_marked(stop) : 8;
    uint64_t keep = stop ? (UINT64_C(1) << (8 * w.len)) - 1 : ~UINT64_C(0);
    w.letter &= keep;
    w.digit &= keep;
    w.upper = w.letter & ~(x << 2); /* a letter without 0x20 is upper case */
    w.keep = keep;
    return w;
}

/* The folded form of the bytes of x that w takes, the others zero. */
static inline uint64_t word8_fold(uint64_t x, const word8 *w) {
    return (x & w->keep) | (w->upper >> 2);
}

/* Whether the byte after a run of letters and digits ends the word, as
 * scan_word reads it: a character that ends every word, or , or : after a
 * character that is not a digit (1,000 10:30). */
static inline int ends_run(unsigned next, int last_digit) {
    return ASCII_ENDS_WORD[next] || ((next == ',' || next == ':') && !last_digit);
}

/* Whether a period after the word of len ASCII letters and digits at byte
 * i (folded at fold, room after it) ends it, as scan_word decides: when it
 * makes no number (3.5), no dotted acronym (U.S), no initial (W.) or name
 * part (Yu.) and no abbreviation (Inc.): the end of most sentences. 0 sends
 * the word to scan_word. Out of line: the loop keeps its registers. */
static __attribute__((noinline)) int period_ends(const unsigned char *s, size_t n, size_t i, size_t len,
                                                 int last_digit, char *fold, const nx_token_lexicon *lex) {
    if (len < 3 || n - i - len < 2) return 0;
    unsigned a = s[i + len + 1]; /* after the period */
    if (a >= 0x80 || (ASCII_CLASS[a] & NX_CC_LETTER) || (last_digit && (ASCII_CLASS[a] & NX_CC_DIGIT))) return 0;
    if (!lex || !lex->abbreviations) return 1;
    /* one found goes to scan_word, which also knows the ones it does not look up */
    fold[len] = '.';
    return !nx_strmap_get(lex->abbreviations, fold, len + 1, NULL);
}

/* Whether the apostrophe at byte j starts a possessive 's (or 'S) that
 * scan_word leaves out of the word before it: one that the end of the
 * text or an ASCII byte no word goes on over follows. 0 sends the word to
 * scan_word (a byte from 0x80 up after it, too). */
static inline int possessive_at(const unsigned char *s, size_t n, size_t j) {
    if (n - j < 2 || (s[j + 1] | 0x20) != 's') return 0;
    if (n - j == 2) return 1;
    unsigned a = s[j + 2];
    return a < 0x80 && !(ASCII_CLASS[a] & NX_CC_WORD);
}

/* Whether the word of len ASCII letters and digits at byte i ends before
 * the byte `next` after it, as scan_word decides. */
static inline int word_ends(const unsigned char *s, size_t n, size_t i, size_t len, unsigned next, int last_digit,
                            char *fold, const nx_token_lexicon *lex) {
    if (ends_run(next, last_digit)) return 1;
    if (next == '\'') return possessive_at(s, n, i + len);
    return next == '.' && period_ends(s, n, i, len, last_digit, fold, lex);
}

/* The token at byte i when it is a word of ASCII letters and digits that
 * a character ending it follows (word_ends: most words of news): its length,
 * shape, kind, folded form (at fold, in whole words of 8 bytes) and hash,
 * eight bytes at a time, as scan_word and fold_token would make them
 * (test_tokenize compares them). 0 for any other token, and for a word
 * that reaches the last 8 bytes of the text. A word of 1 to 7 bytes is
 * one load and no loop. */
static inline __attribute__((always_inline)) size_t common_word(const unsigned char *s, size_t n, size_t i,
                                                                const nx_token_lexicon *lex, char *fold,
                                                                uint16_t *flags, uint8_t *kind, uint64_t *hash) {
    uint64_t x = nx_load8(s + i);
    word8 w = word8_of(x);
    uint64_t f = word8_fold(x, &w);
    nx_store8((unsigned char *)fold, f);
    uint64_t h = nx_hash_word(nx_hash_start(0), f);
    uint64_t letters = w.letter, digits = w.digit;
    unsigned nl = nx_count_marked(w.letter), all_upper = w.upper == w.letter, first_upper = (unsigned)(w.upper & 0x80);
    size_t len = w.len;
    if (len == 8) { /* a longer word: the next eight bytes, while the run fills them */
        for (;;) {
            if (n - i - len < 8) return 0;
            x = nx_load8(s + i + len);
            w = word8_of(x);
            if (w.len) {
                f = word8_fold(x, &w);
                nx_store8((unsigned char *)fold + len, f);
                h = nx_hash_word(h, f);
                nl += nx_count_marked(w.letter);
                all_upper &= w.upper == w.letter;
                letters |= w.letter;
                digits |= w.digit;
            }
            len += w.len;
            if (w.len < 8) break;
        }
        if (!word_ends(s, n, i, len, (unsigned)(x >> (8 * w.len)) & 0xFF, (unsigned)(s[i + len - 1] - '0') < 10u,
                       fold, lex))
            return 0;
    } else if (!word_ends(s, n, i, len, (unsigned)(x >> (8 * len)) & 0xFF, (int)(w.digit >> (8 * len - 1)) & 1, fold,
                          lex)) {
        return 0;
    }
    *hash = nx_hash_final(h, len);
    if (s[i] & 0x40) { /* the first character is a letter: a word */
        *flags = (uint16_t)((first_upper ? NX_SH_CAP : NX_SH_LOWER) | (digits ? NX_SH_DIGIT : NX_SH_ALPHA | NX_SH_PLAIN) |
                            (nl >= 2 && all_upper ? NX_SH_ALLCAPS : 0));
        *kind = NX_TOK_WORD;
    } else { /* a digit: a number, whose letters (2nd, 1990s) say nothing of its case */
        *flags = (uint16_t)(NX_SH_DIGIT | (letters ? 0 : NX_SH_PLAIN));
        *kind = NX_TOK_NUM;
    }
    return len;
}

/* Writes a token whole, field by field (a compound literal is built in
 * vector registers first). The features are the match stage's. */
static inline void put_token(nx_token *t, uint32_t b0, uint32_t b1, const uint32_t *cp_at, const char *fold,
                             uint32_t fold_len, uint32_t sent, uint16_t sh, uint8_t kind, unsigned brk,
                             uint8_t start, uint64_t hash) {
    t->b0 = b0;
    t->b1 = b1;
    t->c0 = cp_at ? cp_at[b0] : b0;
    t->c1 = cp_at ? cp_at[b1] : b1;
    t->fold = fold;
    t->fold_len = fold_len;
    t->sent = sent;
    t->shape = sh;
    t->kind = kind;
    t->brk = (uint8_t)brk;
    t->sent_start = start;
    t->line_start = (uint8_t)(brk >= NX_BRK_LINE);
    t->feat = 0;
    t->fold_hash = hash;
}

/* ---- the stage ------------------------------------------------------------------ */

/* The break before the next token from the white space before it (`gap`):
 * bit 0 white space, then 2 per line break (a paragraph's counts 4). */
static const uint8_t BRK_OF_GAP[6] = {NX_BRK_NONE, NX_BRK_SPACE, NX_BRK_LINE, NX_BRK_LINE, NX_BRK_PARA, NX_BRK_PARA};

/* The loop's state that the token below reads and moves on. */
typedef struct loop {
    size_t i;      /* the next byte */
    unsigned gap;  /* the white space before it (tokenize) */
    uint32_t sent; /* sentence_of's */
    unsigned pend;
    tokbuf v;
    pool fp;
} loop;

/* The token or white space at byte L->i when it is none of the common ones
 * that tokenize() takes itself: other white space, a word that is not a
 * common_word(), other marks. NX_OK or NX_ERR_NOMEM. */
static __attribute__((noinline)) nx_status other_token(nx_arena *arena, const nx_text *text,
                                                       const nx_token_lexicon *lex, const uint32_t *cp_at, loop *L) {
    scan sc = {(const unsigned char *)text->work, text->len};
    const unsigned char *s = sc.s;
    const size_t n = sc.n;
    size_t i = L->i;
    unsigned char b = s[i];
    unsigned gap = L->gap, brk;
    nx_token *t = L->v.at;
    size_t end;
    uint16_t flags;
    uint8_t kind, start;
    uint64_t hash;
    int32_t c;
    unsigned cc;
    size_t k;
    if (b < 0x80) {
        c = b;
        k = 1;
        cc = ASCII_CLASS[b];
    } else {
        c = peek(&sc, i, &k);
        cc = cls(c);
    }
    if (cc & NX_CC_SPACE) {
        if (c == '\n' || c == 0x2028 || c == 0x85) gap = (gap | 1) + 2;
        else if (c == 0x2029) gap = (gap | 1) + 4;
        else gap |= 1;
        if (gap > 4) gap = 5;
        L->i = i + k;
        L->gap = gap;
        return NX_OK;
    }
    brk = BRK_OF_GAP[gap];
    L->v.at++;
    L->gap = 0;
    int folded = 0;
    hash = 0;
    if (cc & NX_CC_WORD) {
        end = i + scan_word(&sc, lex, i, &flags, L->fp.at, &hash, &folded);
        kind = (cc & NX_CC_DIGIT) ? NX_TOK_NUM : NX_TOK_WORD;
        if (kind == NX_TOK_NUM && (flags & NX_SH_ALPHA)) kind = NX_TOK_WORD;
        if (kind == NX_TOK_NUM) {
            /* 2nd, 1990s, 3M: a number that has letters is still a number
             * token for dates, a word for names when it starts with a letter */
            flags &= (uint16_t)~(NX_SH_CAP | NX_SH_ALLCAPS | NX_SH_LOWER);
        }
    } else if (cc & NX_CC_APOS) {
        size_t k2, k3;
        int32_t n1 = peek(&sc, i + k, &k2);
        int32_t n2 = peek(&sc, i + k + k2, &k3);
        /* "Italy's", and "Italy 's" as tokenized text writes it */
        if ((n1 == 's' || n1 == 'S') && !(cls(n2) & NX_CC_WORD) && t > L->v.items &&
            (brk == NX_BRK_NONE || (brk == NX_BRK_SPACE && t[-1].kind == NX_TOK_WORD))) {
            end = i + k + k2;
            kind = NX_TOK_WORD;
            flags = NX_SH_POSS;
        } else {
            end = i + k;
            kind = NX_TOK_PUNCT;
            flags = c == 0x2019 ? NX_SH_CLOSE : 0;
        }
    } else {
        /* punctuation and symbols: runs of the same ASCII mark are one token (... -- ==) */
        end = i + k;
        if (c < 0x80 && c != '(' && c != ')' && c != '"') {
            while (end < n && s[end] == (unsigned char)c) end++;
        }
        kind = NX_TOK_PUNCT;
        flags = (uint16_t)(((cc & NX_CC_OPEN) ? NX_SH_OPEN : 0) | ((cc & NX_CC_CLOSE) ? NX_SH_CLOSE : 0));
    }
    if (!folded && end - i == 1 && b < 0x80) { /* a mark of one byte (, . " ...): itself folded */
        unsigned char f = (unsigned char)nx_fold_ascii(b);
        nx_store8((unsigned char *)L->fp.at, f);
        hash = nx_hash_final(nx_hash_word(nx_hash_start(0), f), 1);
        folded = 1;
    }
    uint32_t sn = sentence_of(&L->sent, &L->pend, brk, flags, &start);
    put_token(t, (uint32_t)i, (uint32_t)end, cp_at, L->fp.at, (uint32_t)(end - i), sn, flags, kind, brk, start, hash);
    if (folded) { /* folded and hashed above or by the scan */
        L->fp.at[end - i] = '\0';
        L->fp.at += end - i + 1;
    } else if (fold_token(arena, text, t, &L->fp) != NX_OK) {
        return NX_ERR_NOMEM;
    }
    sentence_after(&L->pend, text, lex, t);
    L->i = end;
    return NX_OK;
}


/* The stage, with the text's code point map (NULL for an ASCII text, whose
 * byte offsets are code point offsets): made twice by the compiler, once
 * for each, so that the loop over an ASCII text has no map to ask. */
static inline __attribute__((always_inline)) nx_status tokenize(nx_arena *arena, const nx_text *text,
                                                                const nx_token_lexicon *lex, nx_tokens *out,
                                                                const uint32_t *cp_at) {
    scan sc = {(const unsigned char *)text->work, text->len};
    const unsigned char *s = sc.s;
    const size_t n = sc.n;
    const size_t fast_end = nx_tokenize_general_only ? 0 : n; /* a common word needs 8 bytes before it */
    out->items = NULL;
    out->count = out->n_sent = 0;
    /* English news has a token every 5 to 6 bytes (spaces included): room
     * for one every 4 makes growing rare (each doubling leaves the old array
     * in the arena). A long text of few tokens costs no more: the pages of
     * a large block that are never written are never resident. The folded
     * forms' buffer is made first, so that the token array is the arena's
     * latest allocation and can be cut back (unless a rare token had to
     * allocate: a fold longer than the token). */
    size_t guess = n / 4 + 16;
    pool fp = {NULL, NULL};
    fp.at = nx_arena_alloc_uninit(arena, n + guess + 16);
    if (!fp.at) return NX_ERR_NOMEM;
    fp.end = fp.at + n + guess + 16;
    tokbuf v;
    v.items = v.at = nx_arena_alloc_uninit(arena, guess * sizeof(nx_token));
    if (!v.items) return NX_ERR_NOMEM;
    v.end = v.items + guess;
    /* the state: the loop's in locals (registers), the rest in L, which
     * other_token() and the growing of the buffers read and move on */
    loop L = {0, 4, UINT32_MAX, 0, v, fp}; /* gap 4 (BRK_OF_GAP): the first token starts a paragraph */
    size_t i = 0;
    unsigned gap = 4;
    uint32_t sent = UINT32_MAX;
    unsigned pend = 0;
    nx_token *t = v.at; /* the next token */
    char *fa = fp.at;   /* its folded form */
    while (i < n) {
        unsigned char b = s[i];
        if (b == ' ') { /* the most common byte of all */
            gap |= 1;
            i++;
            continue;
        }
        if (t == L.v.end) {
            /* more tokens than reserved: then the folded forms' buffer may
             * be short too (it holds len + 1 per token, at most the bytes
             * and the tokens reserved), so a new one holds the rest */
            L.v.at = t, L.fp.at = fa;
            if (tokbuf_grow(arena, &L.v) || pool_room(arena, &L.fp, n, i)) return NX_ERR_NOMEM;
            t = L.v.at, fa = L.fp.at;
        }
        unsigned brk = BRK_OF_GAP[gap];
        size_t end;
        uint16_t flags;
        uint8_t kind, start;
        uint64_t hash;
        size_t len;
        if (ASCII_WORD[b] && i + 8 <= fast_end && (len = common_word(s, n, i, lex, fa, &flags, &kind, &hash)) != 0) {
            end = i + len;
            uint32_t sn = sentence_of(&sent, &pend, brk, flags, &start);
            put_token(t, (uint32_t)i, (uint32_t)end, cp_at, fa, (uint32_t)len, sn, flags, kind, brk, start, hash);
            fa[len] = '\0';
            fa += len + 1;
            pend = 0; /* a word */
            t++;
            /* the byte after it, which common_word read (so end < n), is
             * most often a space: taken here */
            unsigned sp = s[end] == ' ';
            gap = sp;
            i = end + sp;
            continue;
        }
        if (ASCII_MARK[b] && i + 2 <= fast_end && s[i + 1] != b) {
            /* a mark of one byte (, . " ( ...) that no copy of itself
             * follows (... -- are one token): itself folded */
            flags = (uint16_t)(((ASCII_CLASS[b] & NX_CC_OPEN) ? NX_SH_OPEN : 0) |
                               ((ASCII_CLASS[b] & NX_CC_CLOSE) ? NX_SH_CLOSE : 0));
            nx_store8((unsigned char *)fa, b);
            hash = nx_hash_final(nx_hash_word(nx_hash_start(0), b), 1);
            uint32_t sn = sentence_of(&sent, &pend, brk, flags, &start);
            put_token(t, (uint32_t)i, (uint32_t)i + 1, cp_at, fa, 1, sn, flags, NX_TOK_PUNCT, brk, start, hash);
            fa += 2; /* the NUL stored with the byte */
            sentence_after(&pend, text, lex, t);
            t++;
            unsigned sp = s[i + 1] == ' ';
            gap = sp;
            i += 1 + sp;
            continue;
        }
        /* the rest (other white space, other words, other marks): out of
         * line, so that the loop above keeps its state in registers */
        L.i = i, L.gap = gap, L.sent = sent, L.pend = pend, L.v.at = t, L.fp.at = fa;
        if (other_token(arena, text, lex, cp_at, &L) != NX_OK) return NX_ERR_NOMEM;
        i = L.i, gap = L.gap, sent = L.sent, pend = L.pend, t = L.v.at, fa = L.fp.at;
    }
    v = L.v;
    v.at = t;

    size_t count = (size_t)(v.at - v.items);
    nx_arena_shrink(arena, v.items, (size_t)(v.end - v.items) * sizeof(nx_token), count * sizeof(nx_token));
    out->items = count ? v.items : NULL;
    out->count = count;
    out->n_sent = count ? (size_t)sent + 1 : 0;
    return NX_OK;
}

nx_status nx_tokenize(nx_arena *arena, const nx_text *text, const nx_token_lexicon *lex, nx_tokens *out) {
    return text->cp_at ? tokenize(arena, text, lex, out, text->cp_at) : tokenize(arena, text, lex, out, NULL);
}
