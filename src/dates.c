/* dates.c: the date stage: the document creation time (dct), then TIMEX3
 * values for the temporal pattern matches, in text order.
 *
 * A match's named groups say what it is (see the .pat files in gazetteers/patterns);
 * words are read through the temporal.tsv map (kind:word -> value), so the
 * vocabulary stays in the gazetteers and only the arithmetic lives here.
 * Values follow TimeML/TIMEX3: 2024-07-04, 2024-07, 2024, 2024-Q3, 2024-H1,
 * 2024-SU, 2024-W27(-WE), 199 (a decade), 19 (a century), 2024-07-04TMO,
 * 2024-07-04T15:00, P3Y / PT2H / PXD (durations), XXXX-WXX-2 (every or an
 * unknown Tuesday), PRESENT_REF / PAST_REF / FUTURE_REF.
 *
 * Partial and relative expressions are resolved against the dct; a few are
 * resolved against what the text spoke of last (the reference time): "the
 * quarter" and "a year earlier" in an earnings report mean the quarter the
 * report is about and the same quarter a year before. */
#include "dates.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "model.h"

/* ---- values ------------------------------------------------------------------ */

/* Granularities, coarse to fine (G_REF: PRESENT_REF and the like). */
enum gran {
    G_NONE = 0, G_REF, G_CENTURY, G_DECADE, G_YEAR, G_HALF, G_QUARTER, G_SEASON, G_MONTH, G_WEEK, G_DAY, G_TIME
};

/* A point or period of the calendar at some granularity. y == 0: the year is
 * unknown (XXXX); for G_DAY, m == 0 with wd set is an unknown date on a known
 * weekday (XXXX-WXX-2). */
typedef struct tpoint {
    int gran;
    int y, m, d;
    int sub;             /* half (1-2), quarter (1-4), ISO week (1-53) or decade/century number */
    int wd;              /* weekday 1-7 of an unknown date */
    int weekend;         /* G_WEEK: its weekend */
    const char *season;  /* SP SU FA WI */
    const char *dpart;   /* MO AF EV NI */
    int hour, min;
    const char *ref;     /* PRESENT_REF ... */
} tpoint;

/* Appends v as printf's "%0<width>d" would: at least `width` characters,
 * zeros after the sign. (Values are formatted by hand: snprintf cost more
 * than the rest of the stage.) */
static char *put_int(char *o, int v, int width) {
    char d[12];
    int n = 0;
    unsigned u = v < 0 ? 0u - (unsigned)v : (unsigned)v;
    do d[n++] = (char)('0' + u % 10); while (u /= 10);
    if (v < 0) *o++ = '-', width--;
    for (; width > n; width--) *o++ = '0';
    while (n) *o++ = d[--n];
    return o;
}

/* Appends v as printf's "%ld" would. */
static char *put_long(char *o, long v) {
    char d[24];
    int n = 0;
    unsigned long u = v < 0 ? 0ul - (unsigned long)v : (unsigned long)v;
    do d[n++] = (char)('0' + u % 10); while (u /= 10);
    if (v < 0) *o++ = '-';
    while (n) *o++ = d[--n];
    return o;
}

static char *put_str(char *o, const char *s) {
    size_t n = strlen(s);
    memcpy(o, s, n);
    return o + n;
}

static const char *format_point(nx_document *doc, const tpoint *p, int *oom) {
    char buf[96], *o = buf;
    /* the year: four digits, or unknown (before year 1, or after 9999 as
     * "tomorrow" on 9999-12-31 gives: TIMEX3 has no fifth digit, and 10000
     * must not print as 0000) */
    char ys[8];
    int known = p->y > 0 && p->y <= 9999;
    if (known) *put_int(ys, p->y, 4) = '\0';
    else memcpy(ys, "XXXX", 5);
    switch (p->gran) {
    case G_REF: return p->ref;
    case G_CENTURY: o = put_int(o, p->sub, 2); break;
    case G_DECADE: o = put_int(o, p->sub, 3); break;
    case G_YEAR: o = put_str(o, ys); break;
    case G_HALF: o = put_int(put_str(put_str(o, ys), "-H"), p->sub, 0); break;
    case G_QUARTER: o = put_int(put_str(put_str(o, ys), "-Q"), p->sub, 0); break;
    case G_SEASON: o = put_str(put_str(put_str(o, ys), "-"), p->season); break;
    case G_MONTH: o = put_int(put_str(put_str(o, ys), "-"), p->m, 2); break;
    case G_WEEK:
        if (known) o = put_int(put_str(put_str(o, ys), "-W"), p->sub, 2);
        else o = put_str(o, "XXXX-WXX");
        if (p->weekend) o = put_str(o, "-WE");
        break;
    case G_DAY:
    case G_TIME:
        if (p->m) o = put_int(put_str(put_int(put_str(put_str(o, ys), "-"), p->m, 2), "-"), p->d, 2);
        else if (p->wd) o = put_int(put_str(o, "XXXX-WXX-"), p->wd, 0);
        else o = put_str(o, "XXXX-XX-XX");
        if (p->gran == G_TIME) o = put_int(put_str(put_int(put_str(o, "T"), p->hour, 2), ":"), p->min, 2);
        else if (p->dpart) o = put_str(put_str(o, "T"), p->dpart);
        break;
    default: return NULL;
    }
    /* no value is longer than 47 bytes, where the 48-byte buffer they were
     * once printed in would have cut them; keep that bound */
    size_t n = (size_t)(o - buf);
    const char *v = nx_arena_strndup(&doc->arena, buf, n < 47 ? n : 47);
    if (!v) *oom = 1;
    return v;
}

/* ---- reading groups -------------------------------------------------------- */

typedef struct dctx {
    nx_document *doc;
    const nx_pmatch *m;
    int has_dct, dy, dm, dd;
    long dz;              /* the dct as days */
    int dmy;              /* numeric dates day first */
    int order_seen, doc_order; /* the order the document's unambiguous numeric dates show (-1: none) */
    /* the reference time: the last quarter (or half) the text spoke of, and
     * the last date with a year, with the sentences they were in */
    tpoint last_q;
    long last_q_sent;
    tpoint ref;
    long ref_sent;
    long sent;            /* the current match's sentence */
    int names_q;          /* the current match names the quarter the text is about */
    int restates;         /* it only restates the reference time (that year) */
    int invalid;          /* it looks like a date but is none: nothing inside it is one */
    int oom;              /* the arena ran out of memory */
    uint32_t t0, t1;      /* its tokens */
} dctx;

static const char *gtext(const dctx *c, int g, size_t *n) {
    const nx_pmatch *m = c->m;
    if (m->g0[g] == UINT32_MAX || m->g1[g] <= m->g0[g]) return NULL;
    *n = m->g1[g] - m->g0[g];
    return c->doc->text.work + m->g0[g];
}

static int has(const dctx *c, int g) {
    size_t n;
    return gtext(c, g, &n) != NULL;
}

/* The temporal.tsv value of a word of a kind ("unit", "weeks" -> "W"), or
 * NULL. The text is folded, runs of white space become one space and final
 * periods go. */
static const char *tword(const dctx *c, const char *kind, const char *s, size_t n) {
    char raw[128], key[160];
    size_t kl = strlen(kind);
    if (n >= sizeof raw || kl + 2 >= sizeof key) return NULL;
    memcpy(key, kind, kl);
    key[kl] = ':';
    /* the common case, ASCII words: white space collapsed and letters
     * folded (A-Z, all nx_fold does to ASCII) in one pass, straight into
     * the key; a byte beyond ASCII other than a no-break space takes the
     * general way below */
    char *o = key + kl + 1;
    size_t r = 0;
    int ascii = kl + 1 + n <= sizeof key; /* room for every byte */
    for (size_t i = 0; ascii && i < n; i++) {
        unsigned char ch = (unsigned char)s[i];
        int sp = ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r';
        if (!sp && ch == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0) sp = 1, i++;
        if (sp) {
            if (r && o[r - 1] != ' ') o[r++] = ' ';
        } else if (ch < 0x80) {
            o[r++] = nx_fold_ascii(ch);
        } else {
            ascii = 0;
        }
    }
    if (ascii) {
        while (r && (o[r - 1] == ' ' || o[r - 1] == '.')) r--;
        uint32_t off;
        if (!nx_strmap_get(&c->doc->model->temporal_value, key, kl + 1 + r, &off)) return NULL;
        return nx_gstr(&c->doc->model->gaz, off);
    }
    r = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)s[i];
        int sp = ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r';
        if (!sp && ch == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0) sp = 1, i++;
        if (sp) {
            if (r && raw[r - 1] != ' ') raw[r++] = ' ';
        } else {
            raw[r++] = (char)ch;
        }
    }
    while (r && (raw[r - 1] == ' ' || raw[r - 1] == '.')) r--;
    size_t fl = nx_fold(raw, r, key + kl + 1, sizeof key - kl - 1);
    if (fl > sizeof key - kl - 1) return NULL;
    uint32_t off;
    if (!nx_strmap_get(&c->doc->model->temporal_value, key, kl + 1 + fl, &off)) return NULL;
    return nx_gstr(&c->doc->model->gaz, off);
}

static const char *gword(const dctx *c, int g, const char *kind) {
    size_t n;
    const char *s = gtext(c, g, &n);
    return s ? tword(c, kind, s, n) : NULL;
}

static int all_digits(const char *s, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9') return 0;
    return n > 0;
}

/* The first run of digits in s, or -1. */
static long first_int(const char *s, size_t n) {
    size_t i = 0;
    while (i < n && (s[i] < '0' || s[i] > '9')) i++;
    if (i == n) return -1;
    long v = 0;
    for (size_t k = 0; i < n && s[i] >= '0' && s[i] <= '9'; i++, k++) {
        if (k > 8) return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

/* Words of s (split at spaces and hyphens), in order, as (ptr, len). */
typedef struct words {
    const char *w[8];
    size_t n[8];
    int count;
} words;

static void split_words(const char *s, size_t n, words *out) {
    memset(out, 0, sizeof *out);
    size_t i = 0;
    while (i < n && out->count < 8) {
        while (i < n && (s[i] == ' ' || s[i] == '-' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) i++;
        size_t j = i;
        while (j < n && s[j] != ' ' && s[j] != '-' && s[j] != '\t' && s[j] != '\n' && s[j] != '\r') j++;
        if (j > i) {
            out->w[out->count] = s + i;
            out->n[out->count++] = j - i;
        }
        i = j;
    }
}


/* A count: digits, "2 1/2", "a", number words ("twenty-four", "a couple
 * of", "two hundred"). *v = -1 for an unknown amount (several, a few);
 * *half = 1 when it ends in a half. Returns 0 when it is no number. */
static int parse_count(const dctx *c, const char *s, size_t n, long *v, int *half) {
    *half = 0;
    if (n && s[0] >= '0' && s[0] <= '9') {
        long a = first_int(s, n);
        if (a < 0) return 0;
        if (n >= 5 && s[n - 4] == ',' && all_digits(s + n - 3, 3)) a = a * 1000 + first_int(s + n - 3, 3); /* 1,000 */
        *v = a;
        if (memchr(s, '/', n)) *half = 1;
        else if (memchr(s, '.', n)) {
            const char *dot = memchr(s, '.', n);
            if (dot + 1 < s + n && dot[1] == '5') *half = 1;
        }
        return 1;
    }
    words w;
    split_words(s, n, &w);
    long total = 0, cur = 0;
    int any = 0, unknown = 0;
    for (int i = 0; i < w.count; i++) {
        if (tword(c, "article", w.w[i], w.n[i])) { /* "a" alone is one: a year */
            if (w.count == 1) cur = 1, any = 1;
            continue;
        }
        if (tword(c, "joiner", w.w[i], w.n[i])) continue; /* a couple of, two hundred and five */
        const char *val = tword(c, "number", w.w[i], w.n[i]);
        if (!val) return 0;
        any = 1;
        if (val[0] == 'X') {
            unknown = 1;
            continue;
        }
        long x = atol(val);
        if (x == 100 || x == 1000) {
            cur = (cur ? cur : 1) * x;
            if (x == 1000) total += cur, cur = 0;
        } else {
            cur += x;
        }
    }
    if (!any) return 0;
    *v = unknown ? -1 : total + cur;
    return 1;
}

/* An ordinal: 3, 3rd, third, twenty-first, Q3, 3Q. */
static int parse_ordinal(const dctx *c, const char *s, size_t n, long *v) {
    long a = first_int(s, n);
    if (a >= 0) {
        *v = a;
        return 1;
    }
    words w;
    split_words(s, n, &w);
    long total = 0;
    for (int i = 0; i < w.count; i++) {
        const char *o = tword(c, "ordinal", w.w[i], w.n[i]);
        if (o) {
            total += atol(o);
            continue;
        }
        const char *num = tword(c, "number", w.w[i], w.n[i]);
        if (!num || num[0] == 'X') return 0;
        total += atol(num);
    }
    if (!total) return 0;
    *v = total;
    return 1;
}

/* A year in words: nineteen ninety-six, two thousand one, nineteen hundred. */
static int parse_year_words(const dctx *c, const char *s, size_t n, int *y) {
    words w;
    split_words(s, n, &w);
    if (w.count < 2) return 0;
    const char *first = tword(c, "number", w.w[0], w.n[0]);
    if (!first) return 0;
    long a = atol(first), rest = 0;
    int start = 1;
    const char *second = tword(c, "number", w.w[1], w.n[1]);
    if (a == 2 && second && atol(second) == 1000) { /* two thousand (and) one */
        a = 2000;
        start = 2;
    } else if (a < 10 || a > 99) {
        return 0;
    } else {
        a *= 100;
    }
    for (int i = start; i < w.count; i++) {
        if (tword(c, "joiner", w.w[i], w.n[i])) continue;
        const char *v = tword(c, "number", w.w[i], w.n[i]);
        if (!v || v[0] == 'X') return 0;
        if (atol(v) == 100) continue; /* nineteen hundred */
        rest += atol(v);
    }
    if (rest > 99) return 0;
    *y = (int)(a + rest);
    return 1;
}

/* A year group: 1996, '98, 98 (a two-digit year: 19xx or 20xx, whichever is
 * nearer the dct), or words. */
static int read_year(const dctx *c, int g, int *y) {
    size_t n;
    const char *s = gtext(c, g, &n);
    if (!s) return 0;
    long v = first_int(s, n);
    if (v < 0) return parse_year_words(c, s, n, y);
    size_t digits = 0;
    for (size_t i = 0; i < n; i++) digits += s[i] >= '0' && s[i] <= '9';
    if (digits <= 2) {
        int base = c->has_dct ? c->dy / 100 * 100 : 2000;
        v += base;
        if (c->has_dct && v > c->dy + 20) v -= 100;
        else if (!c->has_dct && v > 2049) v -= 100;
    }
    if (v < 1 || v > 9999) return 0;
    *y = (int)v;
    return 1;
}

/* A month group: a number, or a name from the month gazetteer. */
static int read_month(const dctx *c, int g, int *out) {
    size_t n;
    const char *s = gtext(c, g, &n);
    if (!s) return 0;
    if (s[0] >= '0' && s[0] <= '9') {
        long v = first_int(s, n);
        if (v < 1 || v > 12) return 0;
        *out = (int)v;
        return 1;
    }
    char buf[64];
    size_t fl = nx_fold(s, n, buf, sizeof buf);
    if (fl > sizeof buf) return 0;
    while (fl && buf[fl - 1] == '.') fl--;
    uint32_t v;
    if (!nx_strmap_get(&c->doc->model->month_value, buf, fl, &v)) return 0;
    *out = (int)v;
    return 1;
}

static int read_weekday(const dctx *c, int g, int *out) {
    size_t n;
    const char *s = gtext(c, g, &n);
    if (!s) return 0;
    char buf[64];
    size_t fl = nx_fold(s, n, buf, sizeof buf);
    if (fl > sizeof buf) return 0;
    while (fl && buf[fl - 1] == '.') fl--;
    if (fl > 2 && buf[fl - 2] == '\'' && buf[fl - 1] == 's') fl -= 2; /* Friday's */
    uint32_t v;
    if (!nx_strmap_get(&c->doc->model->weekday_value, buf, fl, &v)) {
        if (fl > 1 && buf[fl - 1] == 's' && nx_strmap_get(&c->doc->model->weekday_value, buf, fl - 1, &v)) {
            *out = (int)v; /* Tuesdays */
            return 1;
        }
        return 0;
    }
    *out = (int)v;
    return 1;
}

/* A relation group: the value of its last relation word ("this past" is
 * past: -1); *anaphoric = 1 when that word counts from the reference time
 * (a trailing r in temporal.tsv: "the following year"). */
static int read_rel(const dctx *c, int g, int *rel, int *anaphoric) {
    size_t n;
    const char *s = gtext(c, g, &n);
    if (!s) return 0;
    const char *v = tword(c, "rel", s, n); /* "from now" */
    words w;
    split_words(s, n, &w);
    for (int i = w.count - 1; !v && i >= 0; i--) v = tword(c, "rel", w.w[i], w.n[i]);
    if (!v) return 0;
    *rel = atoi(v);
    *anaphoric = strchr(v, 'r') != NULL;
    return 1;
}

/* A unit group -> its code (Y, M, W, D, H, MIN, S, Q, DE, CE, ML, WE) and a
 * multiplier (a fortnight is 2 W). */
static const char *read_unit(const dctx *c, int g, int *mult) {
    size_t n;
    const char *s = gtext(c, g, &n);
    if (!s) return NULL;
    const char *v = tword(c, "unit", s, n);
    if (!v) {
        /* "fiscal year" */
        words w;
        split_words(s, n, &w);
        if (w.count > 1) v = tword(c, "unit", w.w[w.count - 1], w.n[w.count - 1]);
    }
    if (!v) {
        /* a plural temporal.tsv does not list ("nights"): English's -s
         * plural is a rule of spelling, not a word, so it stays here */
        if (n > 1 && (s[n - 1] == 's' || s[n - 1] == 'S')) v = tword(c, "unit", s, n - 1);
    }
    if (!v) return NULL;
    *mult = 1;
    if (v[0] >= '0' && v[0] <= '9') {
        *mult = atoi(v);
        while (*v >= '0' && *v <= '9') v++;
    }
    return v;
}

static const char *read_dpart(const dctx *c) {
    size_t n;
    const char *s = gtext(c, NX_GRP_DPART, &n);
    if (!s) return NULL;
    const char *v = tword(c, "daypart", s, n);
    if (!v && n > 1 && (s[n - 1] == 's' || s[n - 1] == 'S')) v = tword(c, "daypart", s, n - 1);
    return v;
}

/* ---- the document around a match -------------------------------------------- */

static uint32_t first_token_at_or_after(const nx_document *doc, uint32_t b) {
    size_t lo = 0, hi = doc->toks.count;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (doc->toks.items[mid].b1 <= b) lo = mid + 1;
        else hi = mid;
    }
    return (uint32_t)lo;
}

static const nx_token *tok_at(const dctx *c, long i) {
    if (i < 0 || (size_t)i >= c->doc->toks.count) return NULL;
    return &c->doc->toks.items[i];
}

static int capitalised_word(const nx_token *t) {
    return t && t->kind == NX_TOK_WORD && (t->shape & NX_SH_CAP) && (t->shape & NX_SH_ALPHA);
}

/* A month name that is also a given name (April, June, May, August) is
 * part of a person's name when a name word is next to it: June Carter,
 * Theresa May, Prime Minister May. */
static int name_like(const dctx *c) {
    const nx_token *first = tok_at(c, c->t0), *prev = tok_at(c, (long)c->t0 - 1), *next = tok_at(c, c->t1);
    if (!first || !(first->feat & NX_FEAT(NX_G_GIVEN))) return 0;
    uint64_t not_name = NX_FEAT(NX_G_MONTH) | NX_FEAT(NX_G_WEEKDAY) | NX_FEAT(NX_G_TEMPORAL) | NX_FEAT(NX_G_STOP) |
                        NX_FEAT(NX_G_ORG_HEAD) | NX_FEAT(NX_G_PLACE_HEAD) | NX_FEAT(NX_G_DEMONYM);
    if (prev && !first->sent_start && prev->brk < NX_BRK_LINE && capitalised_word(prev) && !(prev->feat & not_name))
        return 1;
    if (next && next->brk < NX_BRK_LINE && capitalised_word(next) && !(next->shape & NX_SH_ALLCAPS) &&
        !(next->feat & (not_name | NX_FEAT(NX_G_TITLE) | NX_FEAT(NX_G_HONORIFIC) | NX_FEAT(NX_G_TITLE_MOD))))
        return 1;
    return 0;
}

/* The tense around the match: the nearest cue word (kind cue in
 * temporal.tsv) before it in its sentence, else just after it ("on Friday,
 * the board will vote"): 1 future (will, scheduled, until ...), -1 past
 * (said, was ...), 0 none. */
static int tense(const dctx *c) {
    long sent = c->sent;
    for (long i = (long)c->t0 - 1, k = 0; i >= 0 && k < 10; i--, k++) {
        const nx_token *t = tok_at(c, i);
        if (!t || (long)t->sent != sent) break;
        const char *v = tword(c, "cue", t->fold, t->fold_len);
        if (v) return v[0] == 'f' ? 1 : -1;
    }
    for (uint32_t i = c->t1, k = 0; i < c->doc->toks.count && k < 6; i++, k++) {
        const nx_token *t = tok_at(c, i);
        if (!t || (long)t->sent != sent) break;
        const char *v = tword(c, "cue", t->fold, t->fold_len);
        if (v) return v[0] == 'f' ? 1 : -1;
    }
    return 0;
}

/* ---- resolving --------------------------------------------------------------- */

static void set_day(tpoint *p, long z) {
    p->gran = G_DAY;
    nx_cal_civil(z, &p->y, &p->m, &p->d);
}

static void set_week(tpoint *p, long z) {
    p->gran = G_WEEK;
    nx_cal_iso_week(z, &p->y, &p->sub);
}

/* The year of a month (and day) said without one: the nearest such month
 * around the dct, from `back` months before it to `ahead` after. */
static int year_near(const dctx *c, int m, int back, int ahead) {
    if (!c->has_dct) return 0;
    int off = m - c->dm;
    while (off < -back) off += 12;
    while (off > ahead) off -= 12;
    int total = c->dy * 12 + (c->dm - 1) + off;
    return total / 12;
}

/* A weekday near the dct: rel < 0 the last one before it, rel > 0 the next
 * one after it, rel == 0 this week's (the coming one), rel == 2 the nearest
 * one the tense points to. */
static long weekday_near(const dctx *c, long base, int wd, int rel) {
    int cur = nx_cal_weekday(base);
    int back = (cur - wd + 7) % 7, ahead = (wd - cur + 7) % 7;
    if (rel < 0) return base - (back ? back : 7);
    if (rel == 1) return base + (ahead ? ahead : 7);
    if (rel == 0) return base + ahead;
    if (!back) return base;
    /* Friday's meeting: something that happened (a possessive token right
     * after the weekday) */
    uint32_t e = c->m->g1[NX_GRP_WEEKDAY];
    if (e != UINT32_MAX) {
        uint32_t k = first_token_at_or_after(c->doc, e);
        const nx_token *t = tok_at(c, k);
        if (t && t->b0 == e && (t->shape & NX_SH_POSS)) return base - back;
    }
    return tense(c) > 0 ? base + ahead : base - back;
}

static int quarter_of(int m) { return (m - 1) / 3 + 1; }

/* The last quarter the text spoke of, if it was in this sentence or the two
 * before. */
static int quarter_context(const dctx *c, tpoint *q) {
    if (c->last_q.gran != G_QUARTER && c->last_q.gran != G_HALF) return 0;
    if (c->sent - c->last_q_sent > 2) return 0;
    *q = c->last_q;
    return 1;
}

static void shift_months(tpoint *p, int months) {
    int t = p->y * 12 + (p->m ? p->m - 1 : 0) + months;
    p->y = t / 12;
    if (p->m) p->m = t % 12 + 1;
}

/* Shifts a point by n units of its own granularity or coarser. */
static void shift_point(tpoint *p, const char *unit, long n) {
    if (!strcmp(unit, "Y")) {
        if (p->y > 0) p->y += (int)n;
        if (p->gran == G_DAY && p->m == 2 && p->d == 29 && p->y > 0 && !nx_cal_is_leap(p->y)) p->d = 28;
    } else if (!strcmp(unit, "DE")) {
        if (p->y > 0) p->y += (int)(10 * n);
    } else if (!strcmp(unit, "CE")) {
        if (p->y > 0) p->y += (int)(100 * n);
    } else if (!strcmp(unit, "Q")) {
        if (p->gran == G_QUARTER) {
            int t = p->y * 4 + p->sub - 1 + (int)n;
            p->y = t / 4;
            p->sub = t % 4 + 1;
        } else {
            shift_months(p, (int)(3 * n));
        }
    } else if (!strcmp(unit, "M")) {
        shift_months(p, (int)n);
        if (p->gran >= G_DAY && p->d > nx_cal_days_in_month(p->y, p->m)) p->d = nx_cal_days_in_month(p->y, p->m);
    }
}

/* Hours, minutes, seconds: written after a T in a TIMEX3 duration (PT2H). */
static int time_unit(const char *unit) { return !strcmp(unit, "H") || !strcmp(unit, "MIN") || !strcmp(unit, "S"); }

/* TIMEX3 seasons, in the order of a year (winter: December to February) */
static const char *const SEASONS[4] = {"SP", "SU", "FA", "WI"};

static int season_index(const char *s) {
    for (int i = 0; i < 4; i++)
        if (!strcmp(s, SEASONS[i])) return i;
    return -1;
}

/* The season a month is in, counted in seasons since year 0 (year * 4 +
 * index), so seasons can be compared and stepped like numbers. */
static long season_count(int y, int m) {
    if (m <= 2) return (long)(y - 1) * 4 + 3;
    return (long)y * 4 + (m - 3) / 3;
}

/* A holiday's date in year y: MM-DD, MM-DD-W (the first weekday W on or
 * after MM-DD), easter, easter+N / easter-N. Returns days, or LONG_MIN. */
static long holiday_in(const char *v, int y) {
    /* "easter" is the value syntax of temporal.tsv's holidays, not a word */
    if (!strncmp(v, "easter", 6)) return nx_cal_easter(y) + (v[6] ? atol(v + 6) : 0);
    int m = atoi(v), d = 0, w = 0;
    const char *p = strchr(v, '-');
    if (!p) return LONG_MIN;
    d = atoi(p + 1);
    p = strchr(p + 1, '-');
    if (p) w = atoi(p + 1);
    if (m < 1 || m > 12 || d < 1 || d > nx_cal_days_in_month(y, m)) return LONG_MIN;
    long z = nx_cal_days(y, m, d);
    if (w >= 1 && w <= 7) z += (w - nx_cal_weekday(z) + 7) % 7;
    return z;
}

/* Keeps a resolved value as the reference time for what follows. */
static void remember(dctx *c, const tpoint *p) {
    /* only a quarter the text names or refers to, not one worked out from
     * another (the year-ago quarter) */
    if ((p->gran == G_QUARTER || p->gran == G_HALF) && c->names_q) {
        c->last_q = *p;
        c->last_q_sent = c->sent;
    }
    if (p->gran >= G_YEAR && p->gran != G_REF && p->y > 0 && !c->restates) {
        c->ref = *p;
        c->ref_sent = c->sent;
    }
}

/* ---- one match --------------------------------------------------------------- */

typedef struct result {
    nx_type type;
    const char *value;
} result;

/* Calendar dates: year, month, day, md1/md2, weekday, yrel, part. */
static int calendar(dctx *c, tpoint *p) {
    int y = 0, mo = 0, d = 0, have_y = 0;
    if (has(c, NX_GRP_YEAR)) {
        if (!read_year(c, NX_GRP_YEAR, &y)) return 0;
        have_y = 1;
    }
    if (has(c, NX_GRP_MONTH) && !read_month(c, NX_GRP_MONTH, &mo)) return 0;
    size_t dn;
    const char *ds = gtext(c, NX_GRP_DAY, &dn);
    if (ds) {
        long v;
        if (ds[0] >= '0' && ds[0] <= '9') v = first_int(ds, dn);
        else if (!parse_ordinal(c, ds, dn, &v)) {
            int half;
            if (!parse_count(c, ds, dn, &v, &half) || v < 0) return 0;
        }
        if (v < 1 || v > 31) return 0;
        d = (int)v;
    }
    if (has(c, NX_GRP_MD1)) {
        size_t n1 = 0, n2 = 0;
        const char *s1 = gtext(c, NX_GRP_MD1, &n1), *s2 = gtext(c, NX_GRP_MD2, &n2);
        long a = first_int(s1, n1), b = s2 ? first_int(s2, n2) : -1;
        /* 07/05/2024: the document's order, unless a number over 12 says
         * which is the day (25/12/2024 is December whatever the order) */
        int dmy = c->dmy;
        if (a > 12 && b <= 12) dmy = 1;
        else if (b > 12 && a <= 12) dmy = 0;
        mo = (int)(dmy ? b : a);
        d = (int)(dmy ? a : b);
        if (mo < 1 || mo > 12) return 0;
    }
    if (!mo && !have_y) return 0;
    if (has(c, NX_GRP_YREL)) {
        int rel, ana;
        if (!read_rel(c, NX_GRP_YREL, &rel, &ana)) return 0;
        if (c->has_dct) y = c->dy + rel, have_y = 1;
    }
    if (d && !mo) return 0;
    if (!have_y && mo) {
        /* a month and day: the nearest such day (up to five months back, six
         * ahead); a month alone: mostly a past one (news reports figures);
         * the tense of the sentence moves the window */
        int rel = 0, ana, t = 0;
        if (read_rel(c, NX_GRP_REL, &rel, &ana)) t = rel < 0 ? -2 : rel > 0 ? 2 : 0;
        else t = tense(c);
        if (t == -2 && c->has_dct && (mo < c->dm || (mo == c->dm && d && d < c->dd))) y = c->dy; /* last Oct. 23 */
        else if (t == -2) y = c->dy - 1;
        else if (t == 2 && c->has_dct && (mo > c->dm || (mo == c->dm && d > c->dd))) y = c->dy;
        else if (t == 2) y = c->dy + 1;
        else if (t < 0) y = d ? year_near(c, mo, 9, 2) : year_near(c, mo, 10, 1);
        else if (t > 0) y = year_near(c, mo, 3, 8);
        else y = d ? year_near(c, mo, 5, 6) : year_near(c, mo, 7, 4);
        if (!c->has_dct) y = 0;
        if (!d && !has(c, NX_GRP_PART) && name_like(c)) return 0;
    }
    int wd;
    if (!have_y && y > 0 && d && has(c, NX_GRP_WEEKDAY) && read_weekday(c, NX_GRP_WEEKDAY, &wd)) {
        /* Friday Oct. 13: the nearest year in which that day is a Friday */
        static const int tries[] = {0, -1, 1};
        for (int k = 0; k < 3; k++) {
            int yy = y + tries[k];
            if (d <= nx_cal_days_in_month(yy, mo) && nx_cal_weekday(nx_cal_days(yy, mo, d)) == wd) {
                y = yy;
                break;
            }
        }
    }
    if (d && d > nx_cal_days_in_month(y ? y : 2000, mo)) {
        c->invalid = 1; /* February 30, 2024: no date, and no year either */
        return 0;
    }
    p->y = y;
    p->m = mo;
    p->d = d;
    p->gran = d ? G_DAY : mo ? G_MONTH : G_YEAR;
    return 1;
}

static int decade_century(dctx *c, tpoint *p) {
    size_t n;
    const char *s = gtext(c, NX_GRP_DECADE, &n);
    if (s) {
        long v = first_int(s, n);
        if (v < 0) {
            /* the nineties: the number word of its singular */
            char buf[32];
            if (n < 4 || n + 1 >= sizeof buf) return 0;
            memcpy(buf, s, n - 3);
            buf[n - 3] = 'y';
            const char *w = tword(c, "number", buf, n - 2);
            if (!w) return 0;
            v = atol(w);
        }
        if (v < 100) {
            int cent = c->has_dct ? c->dy / 100 : 19;
            if (c->has_dct && cent * 100 + v > c->dy) cent--;
            v += cent * 100;
        }
        p->gran = G_DECADE;
        p->sub = (int)(v / 10);
        return 1;
    }
    s = gtext(c, NX_GRP_CENTURY, &n);
    if (s) {
        long v;
        if (!parse_ordinal(c, s, n, &v) || v < 1 || v > 30) return 0;
        p->gran = G_CENTURY;
        p->sub = (int)(v - 1);
        return 1;
    }
    return 0;
}

/* Quarters and halves: Q3 2024, the third quarter (of 1984), this year's
 * fourth quarter, H1 2024, the first half of 1989. */
static int quarter_half(dctx *c, tpoint *p) {
    size_t n;
    int is_half = 0;
    const char *s = gtext(c, NX_GRP_QUARTER, &n);
    if (!s) {
        s = gtext(c, NX_GRP_HALF, &n);
        is_half = 1;
    }
    if (!s) return 0;
    long q;
    const char *final = is_half ? tword(c, "final", s, n) : NULL; /* the latter half */
    if (final) q = atol(final);
    else if (!parse_ordinal(c, s, n, &q)) return 0;
    if (q < 1 || q > (is_half ? 2 : 4)) return 0;
    int y = 0;
    if (has(c, NX_GRP_YEAR)) {
        if (!read_year(c, NX_GRP_YEAR, &y)) return 0;
    } else if (has(c, NX_GRP_YREL)) {
        int rel, ana;
        if (!read_rel(c, NX_GRP_YREL, &rel, &ana)) return 0;
        if (c->has_dct) y = c->dy + rel;
    } else if (c->has_dct) {
        /* the dct's year, unless that quarter starts more than half a year
         * after the dct: then it is last year's (a fourth quarter in January) */
        y = c->dy;
        int start = is_half ? (int)(q - 1) * 6 + 1 : (int)(q - 1) * 3 + 1;
        if (start - c->dm > 6) y--;
    }
    p->gran = is_half ? G_HALF : G_QUARTER;
    p->y = y;
    p->sub = (int)q;
    c->names_q = !has(c, NX_GRP_YREL);
    return 1;
}

/* "the quarter", "the latest period", "the year-ago quarter": the quarter
 * the text is about. */
static int ref_quarter(dctx *c, tpoint *p) {
    int mult;
    const char *unit = read_unit(c, NX_GRP_UNIT, &mult);
    size_t n;
    const char *us = gtext(c, NX_GRP_UNIT, &n);
    int period = us && tword(c, "period", us, n);
    if (!unit && !period) return 0;
    tpoint q = {0};
    int have = c->last_q.gran == G_QUARTER;
    if (have) q = c->last_q;
    int rel = 0, ana = 0;
    int has_rel = read_rel(c, NX_GRP_REL, &rel, &ana);
    size_t rn = 0;
    const char *rs = gtext(c, NX_GRP_REL, &rn);
    int current = rs && tword(c, "current", rs, rn);
    /* the latest quarter: the last one that ended (what a report is about) */
    int latest = rs && tword(c, "latest", rs, rn);
    if (period && !have) return 0;
    if (!have || current || latest) {
        if (!c->has_dct) {
            q.gran = G_QUARTER;
            q.y = 0;
            q.sub = 0;
        } else {
            /* the quarter that ended last (what a report speaks of), or the dct's */
            q.gran = G_QUARTER;
            q.y = c->dy;
            q.sub = quarter_of(c->dm);
            if (!current) shift_point(&q, "Q", -1);
        }
    }
    if (q.sub == 0) return 0;
    if (has(c, NX_GRP_YEAR)) {
        int y;
        if (!read_year(c, NX_GRP_YEAR, &y)) return 0;
        q.y = y;
    } else if (has(c, NX_GRP_YREL)) {
        int yr, ya;
        if (!read_rel(c, NX_GRP_YREL, &yr, &ya)) return 0;
        if (q.y > 0) q.y += yr;
    } else if (has_rel && rel < 0 && ana) {
        shift_point(&q, "Q", -1); /* the previous quarter */
    } else {
        c->names_q = 1;
    }
    *p = q;
    return 1;
}

/* Weekday of a date near the dct. */
static int weekday_date(dctx *c, tpoint *p, int wd) {
    int rel = 2, ana = 0;
    int has_rel = read_rel(c, NX_GRP_REL, &rel, &ana);
    if (!has_rel) rel = 2;
    int mult;
    const char *unit = read_unit(c, NX_GRP_UNIT, &mult);
    if (!c->has_dct) {
        p->gran = G_DAY;
        p->wd = wd;
        p->y = 0;
        p->m = 0;
        return 1;
    }
    long base = c->dz;
    if (ana && c->ref.gran == G_DAY && c->ref.m && c->sent - c->ref_sent <= 3)
        base = nx_cal_days(c->ref.y, c->ref.m, c->ref.d);
    long z;
    if (unit && !strcmp(unit, "W")) {
        /* Friday last week: that weekday of the week before */
        long monday = base - nx_cal_weekday(base) + 1 + 7L * (rel > 1 ? 0 : rel);
        z = monday + wd - 1;
    } else {
        z = weekday_near(c, base, wd, rel > 1 ? 2 : rel);
    }
    set_day(p, z);
    return 1;
}

static int season_date(dctx *c, tpoint *p) {
    const char *sv = gword(c, NX_GRP_SEASON, "season");
    if (!sv || season_index(sv) < 0) return 0;
    p->gran = G_SEASON;
    p->season = sv;
    if (has(c, NX_GRP_YEAR)) return read_year(c, NX_GRP_YEAR, &p->y);
    if (!c->has_dct) return 1;
    int rel = 0, ana;
    if (!read_rel(c, NX_GRP_REL, &rel, &ana)) rel = 0;
    int si = season_index(sv);
    long cur = season_count(c->dy, c->dm);
    long k = (long)c->dy * 4 + si;
    if (rel < 0) {
        while (k >= cur) k -= 4;
        while (k + 4 < cur) k += 4;
    } else if (rel > 0) {
        while (k <= cur) k += 4;
        while (k - 4 > cur) k -= 4;
    } else if (si == 3 && c->dm <= 2) {
        k -= 4; /* this winter, said in January */
    }
    p->y = (int)(k / 4);
    return 1;
}

static int holiday_date(dctx *c, tpoint *p) {
    const char *hv = gword(c, NX_GRP_HOLIDAY, "holiday");
    if (!hv) return 0;
    int y = 0;
    long z = LONG_MIN;
    if (has(c, NX_GRP_YEAR)) {
        if (!read_year(c, NX_GRP_YEAR, &y)) return 0;
        z = holiday_in(hv, y);
    } else if (c->has_dct) {
        int rel = 2, ana;
        if (!read_rel(c, NX_GRP_REL, &rel, &ana)) rel = 2;
        long prev = holiday_in(hv, c->dy - 1), cur = holiday_in(hv, c->dy), next = holiday_in(hv, c->dy + 1);
        if (cur == LONG_MIN) return 0;
        if (rel < 0) z = cur < c->dz ? cur : prev;
        else if (rel == 1) z = cur > c->dz ? cur : next;
        else if (rel == 0) z = cur;
        else {
            /* the last or next one as the tense says, else the nearest (up
             * to five months back or six ahead) */
            int t = tense(c);
            if (t < 0) z = cur <= c->dz ? cur : prev;
            else if (t > 0) z = cur >= c->dz ? cur : next;
            else {
                z = cur;
                if (cur - c->dz > 183) z = prev;
                else if (c->dz - cur > 153) z = next;
            }
        }
    } else {
        /* no year: the month and day, when the holiday has a fixed one */
        long any = holiday_in(hv, 2001);
        if (any == LONG_MIN || !strchr(hv, '-') || strchr(strchr(hv, '-') + 1, '-') || !strncmp(hv, "easter", 6))
            return 0;
        set_day(p, any);
        p->y = 0;
        return 1;
    }
    if (z == LONG_MIN) return 0;
    set_day(p, z);
    return 1;
}

/* The day the text spoke of last, if it did in the last few sentences. */
static int ref_day(const dctx *c, long *z) {
    if (c->ref.gran < G_DAY || c->ref.gran == G_REF || !c->ref.m || c->ref.y <= 0 || c->sent - c->ref_sent > 3)
        return 0;
    *z = nx_cal_days(c->ref.y, c->ref.m, c->ref.d);
    return 1;
}

/* rel + unit: last week, this year, next month, the past decade, the end of
 * this week; that year, the next day (from the time the text spoke of). */
static int rel_unit(dctx *c, tpoint *p) {
    int rel, ana, mult;
    if (!read_rel(c, NX_GRP_REL, &rel, &ana)) return 0;
    const char *unit = read_unit(c, NX_GRP_UNIT, &mult);
    const char *dp = read_dpart(c);
    if (!unit && dp) unit = "D";
    if (!unit) return 0;
    if (!strcmp(unit, "D")) {
        /* the next day, that same day: a day of the narrative */
        long z;
        if (!ref_day(c, &z)) return 0;
        set_day(p, z + rel);
        return 1;
    }
    if (ana && rel == 0 && !(c->ref.y > 0 && c->ref.gran >= G_YEAR && c->ref.gran != G_REF)) return 0;
    c->restates = ana && rel == 0;
    size_t un;
    const char *us = gtext(c, NX_GRP_UNIT, &un);
    if (us && un > 1 && (us[un - 1] | 0x20) == 's' && (us[un - 2] | 0x20) != 's') {
        /* recent years, the coming months: vague */
        p->gran = G_REF;
        p->ref = rel < 0 ? "PAST_REF" : rel > 0 ? "FUTURE_REF" : "PRESENT_REF";
        return 1;
    }
    int from_ref = ana && c->ref.y > 0 && c->ref.gran >= G_YEAR && c->ref.gran != G_REF;
    if (!c->has_dct && !from_ref) {
        /* January next year: still a year we cannot know */
        p->y = 0;
        p->gran = !strcmp(unit, "Y") ? G_YEAR : !strcmp(unit, "M") ? G_MONTH : !strcmp(unit, "Q") ? G_QUARTER : G_WEEK;
        if (p->gran == G_MONTH) return 0;
        if (p->gran == G_QUARTER) return 0;
        p->weekend = !strcmp(unit, "WE");
        return 1;
    }
    tpoint base = {0};
    base.y = c->dy, base.m = c->dm, base.d = c->dd;
    /* the following year, the previous month: from the time the text spoke of */
    if (from_ref) base.y = c->ref.y, base.m = c->ref.m ? c->ref.m : 1, base.d = c->ref.d ? c->ref.d : 1;
    if (!strcmp(unit, "Y")) {
        p->gran = G_YEAR;
        p->y = base.y + rel;
    } else if (!strcmp(unit, "M")) {
        p->gran = G_MONTH;
        p->y = base.y;
        p->m = base.m;
        shift_months(p, rel);
    } else if (!strcmp(unit, "Q")) {
        p->gran = G_QUARTER;
        p->y = base.y;
        p->sub = quarter_of(base.m);
        shift_point(p, "Q", rel);
    } else if (!strcmp(unit, "W") || !strcmp(unit, "WE")) {
        long z = nx_cal_days(base.y, base.m, base.d ? base.d : 1) + 7L * rel * mult;
        set_week(p, z);
        p->weekend = !strcmp(unit, "WE");
    } else if (!strcmp(unit, "DE")) {
        p->gran = G_DECADE;
        p->sub = base.y / 10 + rel;
    } else if (!strcmp(unit, "CE")) {
        p->gran = G_CENTURY;
        p->sub = base.y / 100 + rel;
    } else {
        return 0;
    }
    return 1;
}

/* n units ago / earlier / later / from now. */
static int offset(dctx *c, tpoint *p) {
    int rel, ana, mult, half;
    if (!read_rel(c, NX_GRP_REL, &rel, &ana)) return 0;
    const char *unit = read_unit(c, NX_GRP_UNIT, &mult);
    size_t n;
    const char *ns = gtext(c, NX_GRP_NUM, &n);
    long num;
    if (!unit || !ns || !parse_count(c, ns, n, &num, &half)) return 0;
    if (num < 0) {
        /* several years ago */
        p->gran = G_REF;
        p->ref = rel < 0 ? "PAST_REF" : "FUTURE_REF";
        return 1;
    }
    num *= mult;
    if (!c->has_dct) {
        p->gran = G_REF;
        p->ref = rel < 0 ? "PAST_REF" : "FUTURE_REF";
        return 1;
    }
    tpoint q;
    int coarse = !strcmp(unit, "Y") || !strcmp(unit, "DE") || !strcmp(unit, "CE");
    if (coarse && quarter_context(c, &q)) {
        /* a year ago / a year earlier next to a quarter: that quarter a year before */
        *p = q;
        shift_point(p, unit, rel * num);
        return 1;
    }
    if (ana && c->ref.gran >= G_YEAR && c->ref.gran != G_REF && c->sent - c->ref_sent <= 1 && c->ref.y > 0) {
        /* a year earlier: from the date just spoken of, at its granularity */
        *p = c->ref;
        p->dpart = NULL;
        if (p->gran == G_TIME) p->gran = G_DAY;
        if (p->gran == G_DAY && (!strcmp(unit, "D") || !strcmp(unit, "W"))) {
            long z = nx_cal_days(p->y, p->m, p->d) + rel * num * (!strcmp(unit, "W") ? 7 : 1);
            set_day(p, z);
            return 1;
        }
        if (coarse || !strcmp(unit, "M") || !strcmp(unit, "Q")) {
            shift_point(p, unit, rel * num);
            return 1;
        }
    }
    long z = c->dz;
    if (!strcmp(unit, "D")) {
        set_day(p, z + rel * num);
    } else if (!strcmp(unit, "W")) {
        set_week(p, z + 7 * rel * num);
    } else if (!strcmp(unit, "M")) {
        p->gran = G_MONTH;
        p->y = c->dy;
        p->m = c->dm;
        shift_months(p, (int)(rel * num));
    } else if (!strcmp(unit, "Q")) {
        p->gran = G_QUARTER;
        p->y = c->dy;
        p->sub = quarter_of(c->dm);
        shift_point(p, "Q", rel * num);
    } else if (coarse) {
        p->gran = G_YEAR;
        p->y = c->dy;
        shift_point(p, unit, rel * num);
    } else if (time_unit(unit)) {
        set_day(p, z);
    } else {
        return 0;
    }
    return 1;
}

/* year-earlier, year-ago (alone): the quarter in context a year before, else
 * last year. */
static int year_ago(dctx *c, tpoint *p) {
    int rel, ana;
    if (!read_rel(c, NX_GRP_YREL, &rel, &ana)) return 0;
    tpoint q;
    if (quarter_context(c, &q)) {
        *p = q;
        if (p->y > 0) p->y += rel;
        return 1;
    }
    p->gran = G_YEAR;
    p->y = c->has_dct ? c->dy + rel : 0;
    return 1;
}

/* today, yesterday (D+n), now (PRESENT_REF), ... */
static int deictic(dctx *c, tpoint *p) {
    const char *v = gword(c, NX_GRP_WORD, "word");
    if (!v) return 0;
    if (v[0] != 'D' || (v[1] != '+' && v[1] != '-')) {
        p->gran = G_REF;
        p->ref = v;
        return 1;
    }
    long n = atol(v + 1);
    if (c->has_dct) set_day(p, c->dz + n);
    else p->gran = G_DAY, p->y = 0, p->m = 0;
    return 1;
}

static int date_value(dctx *c, tpoint *p) {
    memset(p, 0, sizeof *p);
    if (has(c, NX_GRP_QUARTER) || has(c, NX_GRP_HALF)) return quarter_half(c, p);
    if (has(c, NX_GRP_DECADE) || has(c, NX_GRP_CENTURY)) return decade_century(c, p);
    if (has(c, NX_GRP_HOLIDAY)) return holiday_date(c, p);
    if (has(c, NX_GRP_SEASON)) return season_date(c, p);
    if (has(c, NX_GRP_MONTH) || has(c, NX_GRP_MD1) || (has(c, NX_GRP_YEAR) && !has(c, NX_GRP_UNIT))) {
        if (has(c, NX_GRP_REL) && !has(c, NX_GRP_YEAR) && !has(c, NX_GRP_DAY)) {
            /* last June, this September, next March */
            int mo, rel, ana;
            if (!read_month(c, NX_GRP_MONTH, &mo) || !read_rel(c, NX_GRP_REL, &rel, &ana)) return 0;
            p->gran = G_MONTH;
            p->m = mo;
            if (!c->has_dct) return 1;
            long cur = (long)c->dy * 12 + c->dm - 1, k = (long)c->dy * 12 + mo - 1;
            if (rel < 0) {
                while (k >= cur) k -= 12;
            } else if (rel > 0) {
                while (k <= cur) k += 12;
            }
            p->y = (int)(k / 12);
            return 1;
        }
        if (!calendar(c, p)) return 0;
        int mult;
        const char *u = read_unit(c, NX_GRP_UNIT, &mult);
        if (u && !strcmp(u, "W") && p->gran == G_DAY && p->y > 0) set_week(p, nx_cal_days(p->y, p->m, p->d));
        return 1;
    }
    if (has(c, NX_GRP_WEEKDAY)) {
        int wd;
        if (!read_weekday(c, NX_GRP_WEEKDAY, &wd)) return 0;
        /* Friday night: news annotation mostly keeps the day (TimeBank) */
        return weekday_date(c, p, wd);
    }
    if (has(c, NX_GRP_WORD)) return deictic(c, p);
    if (!has(c, NX_GRP_UNIT) && has(c, NX_GRP_REL) && has(c, NX_GRP_DPART)) return rel_unit(c, p);
    if (has(c, NX_GRP_UNIT) && has(c, NX_GRP_NUM)) return offset(c, p);
    if (has(c, NX_GRP_UNIT)) {
        size_t n = 0;
        const char *us = gtext(c, NX_GRP_UNIT, &n);
        int mult;
        const char *u = read_unit(c, NX_GRP_UNIT, &mult);
        int rel, ana;
        int deictic_rel = read_rel(c, NX_GRP_REL, &rel, &ana) && !ana;
        /* next quarter: from the dct; the quarter, the year-ago period: the text's */
        if (((u && !strcmp(u, "Q")) && !deictic_rel) || (us && tword(c, "period", us, n))) return ref_quarter(c, p);
        if (u && (!strcmp(u, "Y") || !strcmp(u, "M")) && !has(c, NX_GRP_REL) && !has(c, NX_GRP_YREL)) {
            /* for the year, the end of the month: the dct's */
            p->gran = !strcmp(u, "Y") ? G_YEAR : G_MONTH;
            p->y = c->has_dct ? c->dy : 0;
            p->m = c->has_dct ? c->dm : 0;
            return c->has_dct || p->gran == G_YEAR;
        }
        if (u && !strcmp(u, "WE") && !has(c, NX_GRP_REL)) {
            /* the weekend: the one just past early in the week, else this week's */
            if (!c->has_dct) {
                p->gran = G_WEEK, p->weekend = 1;
                return 1;
            }
            set_week(p, nx_cal_weekday(c->dz) <= 3 ? c->dz - 7 : c->dz);
            p->weekend = 1;
            return 1;
        }
        return rel_unit(c, p);
    }
    if (has(c, NX_GRP_YREL)) return year_ago(c, p);
    return 0;
}

/* Time of day: hour/minute/ampm or a clock word, on the dct or the day named. */
static int time_value(dctx *c, tpoint *p) {
    memset(p, 0, sizeof *p);
    int hour = -1, min = 0;
    size_t n;
    const char *s = gtext(c, NX_GRP_CLOCK, &n);
    if (s) {
        const char *v = tword(c, "clock", s, n);
        if (!v) return 0;
        hour = atoi(v);
        const char *colon = strchr(v, ':');
        min = colon ? atoi(colon + 1) : 0;
    } else if ((s = gtext(c, NX_GRP_HOUR, &n))) {
        long h;
        if (all_digits(s, n) && n == 4) { /* 1430 GMT */
            h = (s[0] - '0') * 10 + (s[1] - '0');
        } else {
            int half;
            if (!parse_count(c, s, n, &h, &half) || h < 0) return 0;
        }
        const char *ms = gtext(c, NX_GRP_MINUTE, &n);
        if (ms) min = (int)first_int(ms, n);
        const char *ap = gtext(c, NX_GRP_AMPM, &n);
        const char *dp = read_dpart(c);
        if (ap) {
            if (h < 1 || h > 12) return 0;
            int pm = (ap[0] | 0x20) == 'p';
            h = h % 12 + (pm ? 12 : 0);
        } else if (dp && (!strcmp(dp, "AF") || !strcmp(dp, "EV")) && h < 12) {
            h += 12;
        }
        if (h > 24 || min > 59) return 0;
        hour = (int)h;
    } else if (has(c, NX_GRP_DPART)) {
        /* this morning, last night */
        const char *dp = read_dpart(c);
        int rel = 0, ana;
        if (!dp) return 0;
        if (!read_rel(c, NX_GRP_REL, &rel, &ana)) rel = 0;
        if (c->has_dct) set_day(p, c->dz + (rel < 0 ? -1 : 0));
        else p->gran = G_DAY;
        p->dpart = dp;
        return 1;
    } else {
        return 0;
    }
    /* the day */
    tpoint day = {0};
    int wd;
    if (has(c, NX_GRP_WEEKDAY) && read_weekday(c, NX_GRP_WEEKDAY, &wd)) {
        weekday_date(c, &day, wd);
    } else if (has(c, NX_GRP_WORD)) {
        if (!deictic(c, &day)) return 0;
    } else if (has(c, NX_GRP_MONTH)) {
        if (!calendar(c, &day)) return 0;
    } else if (c->has_dct) {
        set_day(&day, c->dz);
    } else {
        day.gran = G_DAY;
    }
    if (day.gran != G_DAY) return 0;
    *p = day;
    p->gran = G_TIME;
    p->hour = hour;
    p->min = min;
    p->dpart = NULL;
    return 1;
}

/* P3Y, PT2H, P2Y6M, PXD ... */
static const char *duration_value(dctx *c) {
    int mult = 1, half = 0;
    const char *unit = read_unit(c, NX_GRP_UNIT, &mult);
    if (!unit) return NULL;
    long num = 1;
    size_t n;
    const char *ns = gtext(c, NX_GRP_NUM, &n);
    if (ns && !parse_count(c, ns, n, &num, &half)) return NULL;
    if (!ns && has(c, NX_GRP_REL)) num = -1; /* recent years, coming weeks */
    if (!ns && !has(c, NX_GRP_REL) && !has(c, NX_GRP_NUM)) {
        /* "for years" (a plural: an unknown number), or "day-long" */
        size_t un;
        const char *us = gtext(c, NX_GRP_UNIT, &un);
        num = (us && un > 1 && (us[un - 1] | 0x20) == 's') ? -1 : 1;
    }
    { /* two and a half years, half-hour */
        words w;
        split_words(c->doc->text.work + c->m->b0, c->m->b1 - c->m->b0, &w);
        for (int i = 0; i < w.count; i++)
            if (tword(c, "fraction", w.w[i], w.n[i])) half = 1;
    }
    const char *code = unit;
    int timeunit = time_unit(unit);
    long scale = mult;
    if (!strcmp(unit, "MIN")) code = "M";
    else if (!strcmp(unit, "WE")) code = "D", scale *= 2;
    else if (!strcmp(unit, "DE")) code = num < 0 ? "DE" : "Y", scale *= num < 0 ? 1 : 10;
    else if (!strcmp(unit, "CE")) code = num < 0 ? "CE" : "Y", scale *= num < 0 ? 1 : 100;
    else if (!strcmp(unit, "ML")) code = num < 0 ? "ML" : "Y", scale *= num < 0 ? 1 : 1000;
    const char *t = timeunit ? "T" : "";
    /* by hand, as format_point, in the arena: "P", "T", 20 digits and the
     * code (or a suffix of 5 bytes at most) */
    char *v = nx_arena_alloc_uninit(&c->doc->arena, 32 + strlen(code)), *o = v;
    if (!v) {
        c->oom = 1;
        return NULL;
    }
    if (num < 0) {
        o = put_str(put_str(put_str(o, "P"), t), "X");
        o = put_str(o, code);
    } else if (half && !strcmp(code, "Y")) {
        o = put_str(put_long(put_str(o, "P"), num * scale), "Y6M");
    } else if (half && !strcmp(unit, "H")) {
        o = put_str(put_long(put_str(o, "PT"), num * scale), "H30M");
    } else if (half && !strcmp(unit, "MIN")) {
        o = put_str(put_long(put_str(o, "PT"), num * scale), "M30S");
    } else if (half && !strcmp(unit, "D")) {
        o = put_str(put_long(put_str(o, "P"), num * scale), "DT12H");
    } else {
        o = put_str(put_long(put_str(put_str(o, "P"), t), num * scale), code);
    }
    /* at most 39 bytes, as the 40-byte buffer they were printed in cut them */
    v[o - v < 39 ? o - v : 39] = '\0';
    return v;
}

/* daily (P1D), every year (P1Y), every other week (P2W), each July
 * (XXXX-07), Tuesdays (XXXX-WXX-2), Tuesday nights (XXXX-WXX-2TNI). */
static const char *set_value(dctx *c) {
    const char *v = gword(c, NX_GRP_TSET, "set");
    if (v) return v;
    char buf[40];
    int wd, mo;
    const char *dp = read_dpart(c);
    if (has(c, NX_GRP_WEEKDAY) && read_weekday(c, NX_GRP_WEEKDAY, &wd)) {
        snprintf(buf, sizeof buf, "XXXX-WXX-%d%s%s", wd, dp ? "T" : "", dp ? dp : "");
    } else if (has(c, NX_GRP_MONTH) && read_month(c, NX_GRP_MONTH, &mo)) {
        snprintf(buf, sizeof buf, "XXXX-%02d", mo);
    } else if (has(c, NX_GRP_SEASON)) {
        const char *s = gword(c, NX_GRP_SEASON, "season");
        if (!s) return NULL;
        snprintf(buf, sizeof buf, "XXXX-%s", s);
    } else if (dp && !has(c, NX_GRP_UNIT)) {
        snprintf(buf, sizeof buf, "XXXX-XX-XXT%s", dp);
    } else {
        int mult = 1;
        const char *unit = read_unit(c, NX_GRP_UNIT, &mult);
        if (!unit) return NULL;
        long num = 1;
        size_t n;
        const char *ns = gtext(c, NX_GRP_NUM, &n);
        if (ns) {
            int half;
            const char *step = tword(c, "step", ns, n); /* every other week */
            if (step) num = atol(step);
            else if (!parse_count(c, ns, n, &num, &half) || num < 1) return NULL;
        }
        const char *code = unit;
        long scale = mult;
        int timeunit = time_unit(unit);
        if (!strcmp(unit, "MIN")) code = "M";
        else if (!strcmp(unit, "WE")) code = "W";
        else if (!strcmp(unit, "DE")) code = "Y", scale *= 10;
        snprintf(buf, sizeof buf, "P%s%ld%s", timeunit ? "T" : "", num * scale, code);
    }
    v = nx_arena_strdup(&c->doc->arena, buf);
    if (!v) c->oom = 1;
    return v;
}

static int interpret(dctx *c, const nx_pattern *pat, result *r) {
    tpoint p;
    r->value = NULL;
    switch (pat->type) {
    case NX_PAT_DURATION:
        r->type = NX_DURATION;
        r->value = duration_value(c);
        /* the first nine months: the text now speaks of the year so far */
        if (r->value && !strcmp(r->value + strlen(r->value) - 1, "M") && r->value[1] != 'T' && r->value[1] != 'X')
            c->last_q.gran = G_NONE;
        return r->value != NULL;
    case NX_PAT_SET:
        r->type = NX_SET;
        r->value = set_value(c);
        return r->value != NULL;
    case NX_PAT_TIME:
        r->type = NX_TIME;
        if (!time_value(c, &p)) return 0;
        break;
    case NX_PAT_DATE:
        r->type = NX_DATE;
        if (!date_value(c, &p)) return 0;
        break;
    default:
        return 0;
    }
    if (p.gran == G_NONE) return 0;
    r->value = format_point(c->doc, &p, &c->oom);
    if (!r->value) return 0;
    remember(c, &p);
    return 1;
}

/* ---- the dct ------------------------------------------------------------------ */

static int numeric_order(dctx *c, const nx_pmatch *pm);

/* Whether the text before a date on its line can be a dateline's place or
 * label (BEIJING, | WASHINGTON (Reuters) - | Published:): no lower-case
 * word and no sentence end. */
static int place_prefix(const char *s, size_t n) {
    int word_start = 1;
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (ch == '.' && i + 1 < n && s[i + 1] == ' ') return 0;
        if (word_start && ch >= 'a' && ch <= 'z') return 0;
        word_start = ch == ' ' || ch == '\t' || ch == '(' || ch == '-' || ch == ',';
    }
    return 1;
}

/* A dateline: a full date on one of the first seven non-empty lines, on a
 * short line (at most 60 bytes) of its own ("July 05, 2024", "LONDON
 * 1996-08-30"), or at most 40 bytes into a longer one after a place or a
 * label ("BEIJING, July 5, 2024 (Xinhua) --", "January 15, 2015, the vice
 * president ..."). */
static int find_dateline(dctx *c, int *y, int *m, int *d) {
    nx_document *doc = c->doc;
    const nx_text *t = &doc->text;
    /* where the eighth non-empty line starts: one pass over the top, a line
     * at a time */
    size_t limit = 0, lines = 0;
    while (limit < t->len && lines < 7) {
        const char *nl = memchr(t->work + limit, '\n', t->len - limit);
        if (!nl) {
            limit = t->len; /* a last line without its '\n' is not counted */
            break;
        }
        size_t k = limit, end = (size_t)(nl - t->work);
        while (k < end && (t->work[k] == ' ' || t->work[k] == '\r' || t->work[k] == '\t')) k++;
        lines += k < end;
        limit = end + 1;
    }
    const nx_patterns *pats = &doc->model->patterns;
    for (size_t i = 0; i < doc->n_pm && doc->pm[i].b0 < limit; i++) {
        const nx_pmatch *pm = &doc->pm[i];
        if (pats->items[pm->pattern].type != NX_PAT_DATE) continue;
        /* a full date first: most dates near the top are not, and this
         * test costs less than the line's */
        c->m = pm;
        if (!has(c, NX_GRP_YEAR) || (!has(c, NX_GRP_DAY) && !has(c, NX_GRP_MD1))) continue;
        size_t s = pm->b0, e = pm->b0, span = 0, lead;
        while (s > 0 && t->work[s - 1] != '\n' && span <= 60) s--, span++;
        lead = span;
        while (e < t->len && t->work[e] != '\n' && span <= 60) e++, span++;
        if (span > 60 && lead > 40) continue;
        /* a sentence that mentions a date is no dateline: its line goes on
         * to a final period, or words of a sentence come before the date */
        size_t last = e;
        while (last > pm->b1 && (t->work[last - 1] == ' ' || t->work[last - 1] == '\r')) last--;
        int sentence = last > pm->b1 && t->work[last - 1] == '.';
        if ((span > 60 || sentence) && !place_prefix(t->work + s, pm->b0 - s)) continue;
        tpoint p = {0};
        c->t0 = c->t1 = 0;
        if (has(c, NX_GRP_MD1)) c->dmy = numeric_order(c, pm);
        if (!calendar(c, &p) || p.gran != G_DAY || p.y <= 0) continue;
        *y = p.y, *m = p.m, *d = p.d;
        return 1;
    }
    return 0;
}

/* The order of ambiguous numeric dates (07/05/2024): day first with the
 * dmy option; else what the document's unambiguous ones show (25/12/2024);
 * else day first for dotted dates (European: 05.07.2024), month first for
 * the others (US). */
static int numeric_order(dctx *c, const nx_pmatch *pm) {
    if (c->doc->opts.date_order == NX_DATE_ORDER_DMY) return 1;
    if (!c->order_seen) {
        c->order_seen = 1;
        int dmy_seen = 0, mdy_seen = 0;
        for (size_t i = 0; i < c->doc->n_pm; i++) {
            const nx_pmatch *x = &c->doc->pm[i];
            if (x->g0[NX_GRP_MD1] == UINT32_MAX || x->g0[NX_GRP_MD2] == UINT32_MAX) continue;
            const char *t = c->doc->text.work;
            long a = first_int(t + x->g0[NX_GRP_MD1], x->g1[NX_GRP_MD1] - x->g0[NX_GRP_MD1]);
            long b = first_int(t + x->g0[NX_GRP_MD2], x->g1[NX_GRP_MD2] - x->g0[NX_GRP_MD2]);
            if (a > 12 && b <= 12) dmy_seen = 1;
            if (b > 12 && a <= 12) mdy_seen = 1;
        }
        c->doc_order = dmy_seen != mdy_seen ? (dmy_seen ? 1 : 0) : -1;
    }
    if (c->doc_order >= 0) return c->doc_order;
    return c->doc->text.work[pm->g1[NX_GRP_MD1]] == '.';
}

nx_status nx_dates_run(nx_document *doc) {
    dctx c;
    memset(&c, 0, sizeof c);
    c.doc = doc;
    c.last_q_sent = c.ref_sent = -100;
    if (doc->opts.dct) {
        if (!nx_cal_parse_iso(doc->opts.dct, strlen(doc->opts.dct), &c.dy, &c.dm, &c.dd)) return NX_ERR_ARG;
        doc->dct = nx_arena_strdup(&doc->arena, doc->opts.dct);
        doc->dct_source = doc->opts.dct_source ? doc->opts.dct_source : "option";
        c.has_dct = 1;
    } else if (find_dateline(&c, &c.dy, &c.dm, &c.dd)) {
        char buf[40];
        snprintf(buf, sizeof buf, "%04d-%02d-%02d", c.dy, c.dm, c.dd);
        doc->dct = nx_arena_strdup(&doc->arena, buf);
        doc->dct_source = "dateline";
        c.has_dct = 1;
    }
    if (doc->dct_source && !doc->dct) return NX_ERR_NOMEM;
    if (c.has_dct) c.dz = nx_cal_days(c.dy, c.dm, c.dd);

    const nx_patterns *pats = &doc->model->patterns;
    uint32_t last_end = 0, first = 0;
    for (size_t i = 0; i < doc->n_pm; i++) {
        const nx_pmatch *m = &doc->pm[i];
        const nx_pattern *p = &pats->items[m->pattern];
        if (m->b0 < last_end) continue; /* sorted by start then length: the first wins */
        /* the first token that ends after the match starts: as the matches
         * come by start, at or after the last match's; found by halving
         * (token ends grow; matches are a few in hundreds of tokens) */
        for (uint32_t hi = (uint32_t)doc->toks.count; first < hi;) {
            uint32_t mid = first + (hi - first) / 2;
            if (doc->toks.items[mid].b1 <= m->b0) first = mid + 1;
            else hi = mid;
        }
        uint32_t t0 = first, t1 = t0;
        while (t1 < doc->toks.count && doc->toks.items[t1].b0 < m->b1) t1++;
        if (t0 >= t1) continue;
        if (p->type == NX_PAT_SKIP) {
            for (uint32_t t = t0; t < t1; t++) doc->blocked[t] = 1;
            last_end = m->b1;
            continue;
        }
        c.m = m;
        c.t0 = t0;
        c.t1 = t1;
        c.sent = (long)doc->toks.items[t0].sent;
        c.names_q = c.restates = c.invalid = 0;
        if (m->g0[NX_GRP_MD1] != UINT32_MAX) c.dmy = numeric_order(&c, m);
        result r;
        if (!interpret(&c, p, &r)) {
            if (c.oom) return NX_ERR_NOMEM;
            if (c.invalid) last_end = m->b1;
            continue;
        }
        /* a final period is the sentence's, unless the tokenizer kept it
         * with an abbreviation (Jan.) */
        uint32_t b1 = m->b1;
        if (b1 > m->b0 + 1 && doc->text.work[b1 - 1] == '.' && t1 > t0 + 1 &&
            doc->toks.items[t1 - 1].kind == NX_TOK_PUNCT && doc->toks.items[t1 - 1].b0 == b1 - 1) {
            b1--;
            t1--;
        }
        int32_t k = nx_doc_add_span(doc, t0, t1, r.type, NX_RULE_PATTERN, m->pattern);
        if (k < 0) return NX_ERR_NOMEM;
        nx_span *s = SPAN(doc, k);
        s->b0 = m->b0;
        s->b1 = b1;
        s->value = r.value;
        for (uint32_t t = t0; t < t1; t++) doc->blocked[t] = 1;
        last_end = m->b1;
    }
    return NX_OK;
}
