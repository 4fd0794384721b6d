/* tokenize.c: a single left-to-right scan over code points (see tokenize.h),
 * then a pass that marks sentence starts. */
#include "tokenize.h"

#include <string.h>
#include <utf8proc.h>

static int is_apostrophe(int32_t c) { return c == '\'' || c == 0x2019 || c == 0x02BC; }
static int is_hyphen(int32_t c) { return c == '-' || c == 0x2010 || c == 0x2011; }

static int is_wordchar(int32_t c) {
    if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    switch (utf8proc_category(c)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME: case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
        return 1;
    default:
        return 0;
    }
}

static int is_letter(int32_t c) {
    if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    utf8proc_category_t k = utf8proc_category(c);
    return k >= UTF8PROC_CATEGORY_LU && k <= UTF8PROC_CATEGORY_LO;
}

static int is_digit(int32_t c) {
    if (c < 0x80) return c >= '0' && c <= '9';
    return utf8proc_category(c) == UTF8PROC_CATEGORY_ND;
}

static int is_upper(int32_t c) {
    if (c < 0x80) return c >= 'A' && c <= 'Z';
    utf8proc_category_t k = utf8proc_category(c);
    return k == UTF8PROC_CATEGORY_LU || k == UTF8PROC_CATEGORY_LT;
}

static int is_open(int32_t c) {
    return c == '(' || c == '[' || c == '{' || c == '"' || c == 0x201C || c == 0x2018 || c == 0xAB;
}
static int is_close(int32_t c) {
    return c == ')' || c == ']' || c == '}' || c == 0x201D || c == 0xBB;
}

typedef struct scan {
    const char *s;
    size_t n;
} scan;

static int32_t peek(const scan *sc, size_t i, size_t *len) {
    if (i >= sc->n) {
        *len = 0;
        return -1;
    }
    int32_t c;
    *len = nx_utf8_next(sc->s, sc->n, i, &c);
    return c;
}

static int is_mark(int32_t c) {
    if (c < 0x300) return 0;
    utf8proc_category_t k = utf8proc_category(c);
    return k == UTF8PROC_CATEGORY_MN || k == UTF8PROC_CATEGORY_MC || k == UTF8PROC_CATEGORY_ME;
}

/* Shape flags of s[b0..b1). ALPHA: letters (and marks, apostrophes, hyphens,
 * periods) only, at least one letter. */
static uint16_t shape_of(const char *s, size_t b0, size_t b1) {
    uint16_t sh = 0;
    int letters = 0, upper = 0, other = 0;
    for (size_t i = b0; i < b1;) {
        int32_t c;
        i += nx_utf8_next(s, b1, i, &c);
        if (is_letter(c)) {
            if (letters == 0) sh |= is_upper(c) ? NX_SH_CAP : NX_SH_LOWER;
            letters++;
            if (is_upper(c)) upper++;
        } else if (is_digit(c)) {
            sh |= NX_SH_DIGIT;
            other++;
        } else if (is_hyphen(c)) {
            sh |= NX_SH_HYPHEN;
        } else if (!(c == '.' || is_apostrophe(c) || is_mark(c))) {
            other++;
        }
    }
    if (letters && !other) sh |= NX_SH_ALPHA;
    if (letters >= 2 && upper == letters) sh |= NX_SH_ALLCAPS;
    return sh;
}

/* Length in bytes of the word starting at byte i (a letter or digit), with the
 * flags it earns. Stops before a possessive 's. */
static size_t scan_word(const scan *sc, const nx_token_lexicon *lex, size_t i, uint16_t *flags) {
    size_t j = i, k;
    int32_t prev = -1;
    size_t seg_letters = 0; /* letters since the last period, for dotted acronyms */
    int dotted = 0;
    size_t ncp = 0; /* code points so far, for initials */
    *flags = 0;
    for (;;) {
        int32_t c = peek(sc, j, &k);
        if (c >= 0 && is_wordchar(c)) {
            if (is_letter(c)) seg_letters++;
            ncp++;
            prev = c;
            j += k;
            continue;
        }
        size_t k2;
        int32_t next = peek(sc, j + k, &k2);
        if (c >= 0 && is_apostrophe(c) && next >= 0 && is_letter(next)) {
            /* possessive 's / 'S ends the word; other apostrophes are internal.
             * The English possessive is a rule of spelling the tokenizer
             * applies to every word, not a word a list could hold. */
            size_t k3;
            int32_t after = peek(sc, j + k + k2, &k3);
            if ((next == 's' || next == 'S') && !(after >= 0 && is_wordchar(after))) break;
            j += k;
            prev = c;
            continue;
        }
        if (c >= 0 && is_hyphen(c) && prev >= 0 && is_wordchar(prev) && next >= 0 && is_wordchar(next) &&
            !(is_digit(prev) && is_digit(next))) {
            j += k;
            prev = c;
            seg_letters = 0;
            continue;
        }
        if (c == '&' && prev >= 0 && is_upper(prev) && next >= 0 && is_upper(next)) {
            j += k;
            prev = c;
            continue;
        }
        if ((c == '.' || c == ',' || c == ':') && prev >= 0 && is_digit(prev) && next >= 0 && is_digit(next)) {
            j += k;
            prev = c;
            continue;
        }
        if (c == '.') {
            if (next >= 0 && is_letter(next) && seg_letters >= 1 && seg_letters <= 2 && !is_digit(prev)) {
                /* U.S / e.g / Ph.D: a dotted acronym continues */
                size_t k3;
                int32_t after = peek(sc, j + k + k2, &k3);
                if (after == '.' || (after >= 0 && !is_wordchar(after)) || after < 0) {
                    dotted = 1;
                    j += k;
                    prev = c;
                    seg_letters = 0;
                    continue;
                }
            }
            if (dotted) {
                j += k;
                *flags |= NX_SH_ABBREV;
                break;
            }
            /* "Yu. S. Borovikov": a two-letter name part before an initial */
            if (ncp == 2 && seg_letters == 2 && next == ' ') {
                size_t k3, k4;
                int32_t a1 = peek(sc, j + k + k2, &k3);
                int32_t a2 = peek(sc, j + k + k2 + k3, &k4);
                int32_t first;
                size_t kf;
                first = peek(sc, i, &kf);
                if (is_upper(first) && !is_upper(prev) && a1 >= 0 && is_upper(a1) && a2 == '.') {
                    j += k;
                    *flags |= NX_SH_ABBREV | NX_SH_INITIAL;
                    break;
                }
            }
            if (ncp == 1 && is_upper(prev)) {
                j += k; /* an initial: W. */
                *flags |= NX_SH_ABBREV | NX_SH_INITIAL;
                break;
            }
            if (lex && lex->abbreviations) {
                char buf[64];
                size_t fl = nx_fold(sc->s + i, j - i, buf, sizeof buf - 1);
                if (fl < sizeof buf - 1) {
                    buf[fl] = '.';
                    if (nx_strmap_get(lex->abbreviations, buf, fl + 1, NULL)) {
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
    return j - i;
}

static nx_token *push(nx_vec *v) { return nx_vec_push(v, sizeof(nx_token)); }

static int ends_sentence_punct(const nx_text *t, const nx_token *k) {
    if (k->kind != NX_TOK_PUNCT) return 0;
    char c = t->work[k->b0];
    return c == '.' || c == '!' || c == '?' || (c == (char)0xE2 && k->b1 - k->b0 == 3 &&
                                                 (unsigned char)t->work[k->b0 + 1] == 0x80 &&
                                                 (unsigned char)t->work[k->b0 + 2] == 0xA6); /* … */
}

/* Marks sentence starts: after ., ! or ? (and any closing quotes or
 * brackets) when the next token starts with an upper-case letter, a digit or
 * an opening quote; after an abbreviation only at a line end or before a
 * word the lexicon says cannot follow it; at every line break. */
static void split_sentences(const nx_text *t, const nx_token_lexicon *lex, nx_tokens *toks) {
    uint32_t sent = 0;
    int pending_end = 0;
    for (size_t i = 0; i < toks->count; i++) {
        nx_token *k = &toks->items[i];
        int start = (i == 0) || k->brk >= NX_BRK_LINE;
        if (!start && pending_end && (k->shape & (NX_SH_CAP | NX_SH_DIGIT | NX_SH_OPEN)) && k->brk != NX_BRK_NONE) start = 1;
        if (start && i > 0) sent++;
        k->sent = sent;
        k->sent_start = (uint8_t)start;
        if (ends_sentence_punct(t, k)) {
            pending_end = 1;
        } else if (k->shape & NX_SH_CLOSE) {
            /* ." or .) keep the pending end */
        } else if ((k->shape & NX_SH_ABBREV) && !(k->shape & NX_SH_INITIAL)) {
            /* Inc. and U.S. may end a sentence; Dr. and Mr. never do. */
            pending_end = !(lex && lex->no_sentence_end &&
                            nx_strmap_get(lex->no_sentence_end, k->fold, k->fold_len, NULL));
            if (pending_end && i + 1 < toks->count) {
                const nx_token *n = &toks->items[i + 1];
                /* "U.S. President" continues; only a capitalised function
                 * word or a line break makes it a boundary. Without a stop
                 * list we stay conservative. */
                if (n->brk < NX_BRK_LINE && !(n->shape & NX_SH_OPEN)) pending_end = 0;
            }
        } else {
            pending_end = 0;
        }
    }
    toks->n_sent = toks->count ? sent + 1 : 0;
}

nx_status nx_tokenize(nx_arena *arena, const nx_text *text, const nx_token_lexicon *lex, nx_tokens *out) {
    scan sc = {text->work, text->len};
    nx_vec v = {0};
    size_t i = 0;
    int newlines = 0, spaced = 0;
    while (i < sc.n) {
        size_t k;
        int32_t c = peek(&sc, i, &k);
        if (nx_is_space(c)) {
            if (c == '\n' || c == 0x2028 || c == 0x85) newlines++;
            else if (c == 0x2029) newlines += 2;
            spaced = 1;
            i += k;
            continue;
        }
        nx_token *t = push(&v);
        if (!t) {
            nx_vec_free(&v);
            return NX_ERR_NOMEM;
        }
        t->brk = (uint8_t)(v.count == 1 ? NX_BRK_PARA
                           : newlines >= 2 ? NX_BRK_PARA
                           : newlines == 1 ? NX_BRK_LINE
                           : spaced        ? NX_BRK_SPACE
                                           : NX_BRK_NONE);
        t->line_start = (uint8_t)(t->brk >= NX_BRK_LINE);
        newlines = 0;
        spaced = 0;
        t->b0 = (uint32_t)i;
        uint16_t flags = 0;
        if (is_wordchar(c)) {
            size_t len = scan_word(&sc, lex, i, &flags);
            t->b1 = (uint32_t)(i + len);
            t->shape = (uint16_t)(shape_of(sc.s, i, i + len) | flags);
            t->kind = is_digit(c) ? NX_TOK_NUM : NX_TOK_WORD;
            if (t->kind == NX_TOK_NUM && (t->shape & NX_SH_ALPHA)) t->kind = NX_TOK_WORD;
            if (t->kind == NX_TOK_NUM) {
                /* 2nd, 1990s, 3M: a number that has letters is still a number
                 * token for dates, a word for names when it starts with a letter */
                t->shape &= (uint16_t)~(NX_SH_CAP | NX_SH_ALLCAPS | NX_SH_LOWER);
            }
        } else if (is_apostrophe(c)) {
            size_t k2, k3;
            int32_t n1 = peek(&sc, i + k, &k2);
            int32_t n2 = peek(&sc, i + k + k2, &k3);
            if ((n1 == 's' || n1 == 'S') && !(n2 >= 0 && is_wordchar(n2)) && v.count > 1 &&
                t->brk == NX_BRK_NONE) {
                t->b1 = (uint32_t)(i + k + k2);
                t->kind = NX_TOK_WORD;
                t->shape = NX_SH_POSS;
            } else {
                t->b1 = (uint32_t)(i + k);
                t->kind = NX_TOK_PUNCT;
                t->shape = c == 0x2019 ? NX_SH_CLOSE : 0;
            }
        } else {
            /* punctuation and symbols: runs of the same ASCII mark are one token (... -- ==) */
            size_t j = i + k;
            if (c < 0x80 && c != '(' && c != ')' && c != '"') {
                size_t k2;
                while (peek(&sc, j, &k2) == c) j += k2;
            }
            t->b1 = (uint32_t)j;
            t->kind = NX_TOK_PUNCT;
            t->shape = (uint16_t)((is_open(c) ? NX_SH_OPEN : 0) | (is_close(c) ? NX_SH_CLOSE : 0));
        }
        i = t->b1;
    }

    nx_token *items = v.count ? nx_arena_alloc_uninit(arena, v.count * sizeof *items) : NULL;
    if (v.count && !items) {
        nx_vec_free(&v);
        return NX_ERR_NOMEM;
    }
    size_t count = v.count;
    if (count) memcpy(items, v.items, count * sizeof *items);
    nx_vec_free(&v);
    for (size_t n = 0; n < count; n++) {
        nx_token *t = &items[n];
        t->c0 = text->cp_at[t->b0];
        t->c1 = text->cp_at[t->b1];
        size_t fl;
        t->fold = nx_fold_dup(arena, text->work + t->b0, t->b1 - t->b0, &fl);
        if (!t->fold) return NX_ERR_NOMEM;
        t->fold_len = (uint32_t)fl;
    }
    out->items = items;
    out->count = count;
    split_sentences(text, lex, out);
    return NX_OK;
}
