/* dates.c: TIMEX3 values from the named groups of date patterns. */
#include "dates.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

static int days_in_month(int y, int m) {
    static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12) return 0;
    return m == 2 && (y < 0 || is_leap(y)) ? 29 : d[m - 1];
}

int nx_parse_iso_date(const char *s, size_t len, int *y, int *m, int *d) {
    if (len != 10 || s[4] != '-' || s[7] != '-') return 0;
    for (size_t i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9')) return 0;
    *y = atoi(s);
    *m = (s[5] - '0') * 10 + (s[6] - '0');
    *d = (s[8] - '0') * 10 + (s[9] - '0');
    return *m >= 1 && *m <= 12 && *d >= 1 && *d <= days_in_month(*y, *m);
}

static int group_int(const nx_document *doc, const nx_pmatch *m, int g, int *out) {
    if (m->g0[g] == UINT32_MAX || m->g1[g] <= m->g0[g]) return 0;
    const char *s = doc->text.work + m->g0[g];
    size_t n = m->g1[g] - m->g0[g];
    int v = 0;
    size_t digits = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] >= '0' && s[i] <= '9') {
            if (digits++ > 6) return 0;
            v = v * 10 + (s[i] - '0');
        } else if (digits) {
            break; /* 4th, 05. */
        }
    }
    if (!digits) return 0;
    *out = v;
    return 1;
}

/* A month group: a number, or a name from the month gazetteer. */
static int group_month(const nx_document *doc, const nx_pmatch *m, int g, int *out) {
    if (m->g0[g] == UINT32_MAX || m->g1[g] <= m->g0[g]) return 0;
    const char *s = doc->text.work + m->g0[g];
    size_t n = m->g1[g] - m->g0[g];
    if (s[0] >= '0' && s[0] <= '9') return group_int(doc, m, g, out) && *out >= 1 && *out <= 12;
    char buf[64];
    size_t fl = nx_fold(s, n, buf, sizeof buf);
    if (fl > sizeof buf) return 0;
    while (fl && buf[fl - 1] == '.') fl--;
    uint32_t v;
    if (!nx_strmap_get(&doc->model->month_value, buf, fl, &v)) return 0;
    *out = (int)v;
    return 1;
}

typedef struct ymd {
    int y, m, d; /* 0 = absent */
} ymd;

/* Reads year/month/day groups; returns 0 when the match is not a real date. */
static int read_ymd(const nx_document *doc, const nx_pmatch *mt, ymd *v) {
    memset(v, 0, sizeof *v);
    int y, mo, d;
    if (group_int(doc, mt, NX_GRP_YEAR, &y)) {
        size_t n = mt->g1[NX_GRP_YEAR] - mt->g0[NX_GRP_YEAR];
        if (n <= 3 && y < 100) y += y < 50 ? 2000 : 1900; /* '98 */
        v->y = y;
    }
    if (group_month(doc, mt, NX_GRP_MONTH, &mo)) v->m = mo;
    else if (mt->g0[NX_GRP_MONTH] != UINT32_MAX) return 0;
    if (group_int(doc, mt, NX_GRP_DAY, &d)) v->d = d;
    int a, b;
    if (group_int(doc, mt, NX_GRP_MD1, &a) && group_int(doc, mt, NX_GRP_MD2, &b)) {
        /* 07/05/2024: the option says which is the month, unless a number
         * over 12 says it first (25/12/2024 is December whatever the order) */
        int dmy = doc->opts.date_order == NX_DATE_ORDER_DMY;
        if (a > 12 && b <= 12) dmy = 1;
        else if (b > 12 && a <= 12) dmy = 0;
        v->m = dmy ? b : a;
        v->d = dmy ? a : b;
        if (v->m < 1 || v->m > 12) return 0;
    }
    if (v->d && (!v->m || v->d > days_in_month(v->y ? v->y : 2000, v->m))) return 0;
    return v->y || v->m;
}

static const char *format_value(nx_document *doc, const ymd *v, int dct_y) {
    char buf[32];
    int y = v->y ? v->y : dct_y;
    char ys[8];
    if (y) snprintf(ys, sizeof ys, "%04d", y % 10000);
    else memcpy(ys, "XXXX", 5);
    if (v->m && v->d) snprintf(buf, sizeof buf, "%s-%02d-%02d", ys, v->m, v->d);
    else if (v->m) snprintf(buf, sizeof buf, "%s-%02d", ys, v->m);
    else snprintf(buf, sizeof buf, "%s", ys);
    return nx_arena_strdup(&doc->arena, buf);
}

/* The line around byte b: its start, its length and its index among the
 * non-empty lines of the text. */
static void line_of(const nx_text *t, uint32_t b, size_t *start, size_t *len, size_t *index) {
    size_t s = b;
    while (s > 0 && t->work[s - 1] != '\n') s--;
    size_t e = b;
    while (e < t->len && t->work[e] != '\n') e++;
    *start = s;
    *len = e - s;
    size_t idx = 0;
    int nonempty = 0;
    for (size_t i = 0; i < s; i++) {
        if (t->work[i] == '\n') {
            if (nonempty) idx++;
            nonempty = 0;
        } else if (t->work[i] != ' ' && t->work[i] != '\r' && t->work[i] != '\t') {
            nonempty = 1;
        }
    }
    *index = idx;
}

/* A dateline: a full date on one of the first lines, on a short line of its
 * own or after a place name ("LONDON 1996-08-30", "July 05, 2024"). */
static int find_dateline(nx_document *doc, ymd *out) {
    const nx_patterns *pats = &doc->model->patterns;
    for (size_t i = 0; i < doc->n_pm; i++) {
        const nx_pmatch *m = &doc->pm[i];
        if (pats->items[m->pattern].type != NX_PAT_DATE) continue;
        size_t ls, ll, idx;
        line_of(&doc->text, m->b0, &ls, &ll, &idx);
        if (idx > 6) break;
        if (ll > 60) continue;
        ymd v;
        if (!read_ymd(doc, m, &v) || !v.y || !v.m || !v.d) continue;
        *out = v;
        return 1;
    }
    return 0;
}

static uint32_t first_token_at_or_after(const nx_document *doc, uint32_t b) {
    size_t lo = 0, hi = doc->toks.count;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (doc->toks.items[mid].b1 <= b) lo = mid + 1;
        else hi = mid;
    }
    return (uint32_t)lo;
}

nx_status nx_dates_run(nx_document *doc) {
    int dy = 0;
    if (doc->opts.dct) {
        int m, d;
        if (!nx_parse_iso_date(doc->opts.dct, strlen(doc->opts.dct), &dy, &m, &d)) return NX_ERR_ARG;
        doc->dct = nx_arena_strdup(&doc->arena, doc->opts.dct);
        doc->dct_source = "option";
    } else {
        ymd v;
        if (find_dateline(doc, &v)) {
            char buf[16];
            snprintf(buf, sizeof buf, "%04d-%02d-%02d", v.y, v.m, v.d);
            doc->dct = nx_arena_strdup(&doc->arena, buf);
            doc->dct_source = "dateline";
            dy = v.y;
        }
    }
    if (doc->dct && !doc->dct_source) return NX_ERR_NOMEM;

    const nx_patterns *pats = &doc->model->patterns;
    uint32_t last_end = 0;
    for (size_t i = 0; i < doc->n_pm; i++) {
        const nx_pmatch *m = &doc->pm[i];
        const nx_pattern *p = &pats->items[m->pattern];
        if (m->b0 < last_end) continue; /* sorted by start then length: the first wins */
        uint32_t t0 = first_token_at_or_after(doc, m->b0);
        uint32_t t1 = t0;
        while (t1 < doc->toks.count && doc->toks.items[t1].b0 < m->b1) t1++;
        if (t0 >= t1) continue;
        if (p->type == NX_PAT_SKIP) {
            for (uint32_t t = t0; t < t1; t++) doc->blocked[t] = 1;
            last_end = m->b1;
            continue;
        }
        if (p->type != NX_PAT_DATE) continue;
        ymd v;
        if (!read_ymd(doc, m, &v)) continue;
        nx_span *s = nx_doc_add_span(doc, t0, t1, NX_DATE, p->rule);
        if (!s) return NX_ERR_NOMEM;
        s->b0 = m->b0;
        s->b1 = m->b1;
        s->value = format_value(doc, &v, dy);
        if (!s->value) return NX_ERR_NOMEM;
        for (uint32_t t = t0; t < t1; t++) doc->blocked[t] = 1;
        last_end = m->b1;
    }
    return NX_OK;
}
