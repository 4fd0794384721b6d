/* write_html.c: the HTML writer, in the spirit of displaCy: one HTML5 page
 * (inline CSS, no script, no external resource) with an <article> per
 * record: the document's text with each mention highlighted by type (its
 * rule, value and entity on hover, in the title attribute), a legend of
 * the type colours, the entities and the facts as tables, and the
 * warnings. An error record is an article that says the error.
 *
 * Consumes: a finished document's views and its text (nx_document_text();
 *   NULL for a document extracted in windows, whose text is then not
 *   shown), or an error record's id and message.
 * Produces: HTML text appended to an nx_sbuf; the page's head and foot
 *   come from the writer's begin and end, so several documents make one
 *   page. Every string is escaped (& < > " ') and made valid UTF-8 with no
 *   control character: an invalid byte (0x1A in the working text), a C0 or
 *   C1 control or a noncharacter becomes U+FFFD, as in the mentions' text. */
#include <stdlib.h>
#include <string.h>

#include "nerx.h"
#include "text.h"
#include "writer.h"

/* The highlight colour of each type (displaCy's where it has the type);
 * tests/e2e/html_check.py looks for these in a screenshot. */
static const char *const COLOUR[NX_TYPE_COUNT] = {
    [NX_PERSON] = "#aa9cfc", [NX_ORGANIZATION] = "#7aecec", [NX_PLACE] = "#feca74",
    [NX_DATE] = "#bfe1d9",   [NX_TITLE] = "#ff9561",        [NX_TIME] = "#e4e7d2",
    [NX_DURATION] = "#f0d0a0", [NX_SET] = "#b0c4de",        [NX_NATIONALITY] = "#c887fb"};

#define PUT_LIT(g, lit) nx_gout_put((g), (lit), sizeof(lit) - 1)

/* The ASCII bytes a run of text stops at: the end, those to escape, and
 * control characters (every byte from 0x80 stops too, to be checked). */
static int html_stop(unsigned char c) {
    return c >= 0x80 || (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F || c == '&' || c == '<' ||
           c == '>' || c == '"' || c == '\'';
}

/* A code point HTML5 calls a parse error in the input stream. */
static int html_bad_cp(int32_t cp) {
    return (cp >= 0x80 && cp <= 0x9F) || (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE;
}

/* s[0..n) as HTML text or attribute value. */
static void html_text(nx_gout *g, const char *s, size_t n) {
    size_t i = 0, run = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (!html_stop(c)) {
            i++;
            continue;
        }
        nx_gout_put(g, s + run, i - run);
        size_t len = 1;
        switch (c) {
        case '&': PUT_LIT(g, "&amp;"); break;
        case '<': PUT_LIT(g, "&lt;"); break;
        case '>': PUT_LIT(g, "&gt;"); break;
        case '"': PUT_LIT(g, "&quot;"); break;
        case '\'': PUT_LIT(g, "&#39;"); break;
        case '\f':
        case '\v': nx_gout_byte(g, ' '); break; /* white space, but not allowed as such */
        default:
            if (c >= 0x80) {
                int32_t cp;
                len = nx_utf8_next(s, n, i, &cp);
                /* an invalid byte comes back as one byte of U+FFFD */
                if (len > 1 && !html_bad_cp(cp)) {
                    nx_gout_put(g, s + i, len);
                    break;
                }
            }
            PUT_LIT(g, "\xEF\xBF\xBD");
        }
        i += len;
        run = i;
    }
    nx_gout_put(g, s + run, n - run);
}

static void html_str(nx_gout *g, const char *s) {
    if (s) html_text(g, s, strlen(s));
}

/* "E3" for entity index 2: the ids of the JSON output. */
static void html_id(nx_gout *g, char prefix, size_t index) {
    nx_gout_byte(g, prefix);
    nx_gout_uint(g, index + 1);
}

/* A type's colour chip: <span class="nx-chip nx-TYPE">TEXT</span>. */
static void html_chip(nx_gout *g, nx_type t, const char *text) {
    PUT_LIT(g, "<span class=\"nx-chip nx-");
    nx_gout_str(g, nx_type_name(t));
    PUT_LIT(g, "\">");
    html_str(g, text);
    PUT_LIT(g, "</span>");
}

static int html_begin(nx_sbuf *out, const nx_write_options *wo) {
    (void)wo;
    nx_gout g;
    nx_gout_init(&g, out);
    PUT_LIT(&g, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                "<meta name=\"generator\" content=\"nerx ");
    html_str(&g, nx_version());
    PUT_LIT(&g, "\">\n<title>nerx</title>\n<style>\n"
                "body { font-family: sans-serif; margin: 1em 2em; color: #222; background: #fff; }\n"
                "article { border-top: 2px solid #ddd; padding: 0.5em 0 1.5em; }\n"
                ".nx-text { white-space: pre-wrap; line-height: 2.3; max-width: 60em; }\n"
                "mark { padding: 0.2em 0.35em; border-radius: 0.35em; color: inherit; }\n"
                "mark::after { font-size: 0.6em; font-weight: bold; margin-left: 0.4em; vertical-align: middle; }\n"
                ".nx-chip { padding: 0.1em 0.35em; border-radius: 0.35em; }\n"
                "table { border-collapse: collapse; margin: 0.5em 0; }\n"
                "th, td { border: 1px solid #ccc; padding: 0.2em 0.5em; text-align: left; vertical-align: top; }\n"
                ".nx-note { font-style: italic; }\n"
                ".nx-error { color: #a00; }\n");
    for (int t = 0; t < NX_TYPE_COUNT; t++) {
        const char *name = nx_type_name((nx_type)t);
        PUT_LIT(&g, ".nx-");
        nx_gout_str(&g, name);
        PUT_LIT(&g, " { background: ");
        nx_gout_str(&g, COLOUR[t] ? COLOUR[t] : "#ddd"); /* a type added without a colour */
        PUT_LIT(&g, "; }\nmark.nx-");
        nx_gout_str(&g, name);
        PUT_LIT(&g, "::after { content: \"");
        for (const char *p = name; *p; p++) nx_gout_byte(&g, (char)(*p >= 'a' && *p <= 'z' ? *p - 32 : *p));
        PUT_LIT(&g, "\"; }\n");
    }
    PUT_LIT(&g, "</style>\n</head>\n<body>\n");
    return nx_gout_finish(&g);
}

static int html_end(nx_sbuf *out, const nx_write_options *wo) {
    (void)wo;
    return nx_sbuf_add(out, "</body>\n</html>\n", 16);
}

/* A mention to highlight: its bytes and index. */
typedef struct hspan {
    size_t b0, b1, i;
} hspan;

/* Text order; of two that start together the longer first (it contains the
 * other); then by index, so the order is the same on every platform. */
static int hspan_cmp(const void *a, const void *b) {
    const hspan *x = a, *y = b;
    if (x->b0 != y->b0) return x->b0 < y->b0 ? -1 : 1;
    if (x->b1 != y->b1) return x->b1 > y->b1 ? -1 : 1;
    return x->i < y->i ? -1 : x->i > y->i;
}

static void html_mark_open(nx_gout *g, const nx_mention *m, size_t n_entities) {
    PUT_LIT(g, "<mark class=\"nx-");
    nx_gout_str(g, nx_type_name(m->type));
    PUT_LIT(g, "\" title=\"");
    nx_gout_str(g, nx_type_name(m->type));
    PUT_LIT(g, "&#10;rule: ");
    html_str(g, m->rule);
    if (m->value) {
        PUT_LIT(g, "&#10;value: ");
        html_str(g, m->value);
    }
    if (m->entity >= 0 && (size_t)m->entity < n_entities) {
        PUT_LIT(g, "&#10;entity: ");
        html_id(g, 'E', (size_t)m->entity);
    }
    PUT_LIT(g, "\">");
}

/* The text with its mentions as nested <mark>s. A mention that crosses the
 * end of one already open (never seen: the spans of a document do not
 * overlap, but the views promise nothing) is not highlighted; one out of
 * the text's bounds neither. Returns 0, or -1 when out of memory. */
static int html_marked_text(nx_gout *g, const char *text, size_t len, const nx_mention *ms, size_t nm,
                            size_t n_entities) {
    hspan *order = malloc((nm + 1) * sizeof *order);
    size_t *open = malloc((nm + 1) * sizeof *open);
    if (!order || !open) {
        free(order);
        free(open);
        return -1;
    }
    size_t n = 0, depth = 0, pos = 0;
    for (size_t i = 0; i < nm; i++)
        if (ms[i].byte_start < ms[i].byte_end && ms[i].byte_end <= len)
            order[n++] = (hspan){ms[i].byte_start, ms[i].byte_end, i};
    qsort(order, n, sizeof *order, hspan_cmp);
    PUT_LIT(g, "<div class=\"nx-text\">");
    for (size_t k = 0; k <= n; k++) {
        /* close the marks that end before this one starts (all at the end) */
        size_t at = k < n ? order[k].b0 : len;
        while (depth && order[open[depth - 1]].b1 <= at) {
            size_t end = order[open[--depth]].b1;
            html_text(g, text + pos, end - pos);
            pos = end;
            PUT_LIT(g, "</mark>");
        }
        if (k == n) break;
        if (depth && order[k].b1 > order[open[depth - 1]].b1) continue; /* crosses the open one */
        html_text(g, text + pos, order[k].b0 - pos);
        pos = order[k].b0;
        html_mark_open(g, &ms[order[k].i], n_entities);
        open[depth++] = k;
    }
    html_text(g, text + pos, len - pos);
    PUT_LIT(g, "</div>\n");
    free(order);
    free(open);
    return 0;
}

static void html_legend(nx_gout *g) {
    PUT_LIT(g, "<p class=\"nx-legend\">");
    for (int t = 0; t < NX_TYPE_COUNT; t++) {
        if (t) nx_gout_byte(g, ' ');
        html_chip(g, (nx_type)t, nx_type_name((nx_type)t));
    }
    PUT_LIT(g, "</p>\n");
}

static void html_entities(nx_gout *g, const nx_entity *es, size_t ne) {
    PUT_LIT(g, "<h3>Entities</h3>\n");
    if (!ne) {
        PUT_LIT(g, "<p>None.</p>\n");
        return;
    }
    PUT_LIT(g, "<table class=\"nx-entities\">\n<thead><tr><th>id</th><th>type</th><th>name</th><th>key</th>"
               "<th>mentions</th><th>aliases</th></tr></thead>\n<tbody>\n");
    for (size_t i = 0; i < ne; i++) {
        const nx_entity *e = &es[i];
        PUT_LIT(g, "<tr><td>");
        html_id(g, 'E', i);
        PUT_LIT(g, "</td><td>");
        html_chip(g, e->type, nx_type_name(e->type));
        PUT_LIT(g, "</td><td>");
        html_str(g, e->name);
        PUT_LIT(g, "</td><td>");
        html_str(g, e->key);
        PUT_LIT(g, "</td><td>");
        nx_gout_uint(g, e->n_mentions);
        PUT_LIT(g, "</td><td>");
        for (size_t a = 0; a < e->n_aliases; a++) {
            if (a) PUT_LIT(g, "; ");
            html_str(g, e->aliases[a]);
        }
        PUT_LIT(g, "</td></tr>\n");
    }
    PUT_LIT(g, "</tbody>\n</table>\n");
}

/* The roles of a document's facts, as columns in the order they first come
 * (holds_title's person, title, organization). */
enum { MAX_ROLES = 16 };

static size_t fact_roles(const nx_relation *rs, size_t nr, const char **roles) {
    size_t n = 0;
    for (size_t r = 0; r < nr; r++)
        for (size_t k = 0; k < rs[r].n_arguments; k++) {
            const char *role = rs[r].arguments[k].role;
            size_t j = 0;
            while (j < n && strcmp(roles[j], role)) j++;
            if (j == n && n < MAX_ROLES && role) roles[n++] = role;
        }
    return n;
}

/* A fact's cell for a role: the value for the value's role, else the
 * entity's name, else the mention's text, else a dash. */
static void fact_cell(nx_gout *g, const nx_relation *r, const char *role, const nx_mention *ms, size_t nm,
                      const nx_entity *es, size_t ne) {
    const nx_argument *a = nx_relation_argument(r, role);
    if (a && r->value_role && !strcmp(role, r->value_role) && r->value) {
        if (a->mention >= 0 && (size_t)a->mention < nm) html_chip(g, ms[a->mention].type, r->value);
        else html_str(g, r->value);
    } else if (a && a->entity >= 0 && (size_t)a->entity < ne) {
        html_chip(g, es[a->entity].type, es[a->entity].name);
        PUT_LIT(g, " (");
        html_id(g, 'E', (size_t)a->entity);
        nx_gout_byte(g, ')');
    } else if (a && a->mention >= 0 && (size_t)a->mention < nm) {
        html_chip(g, ms[a->mention].type, ms[a->mention].text);
    } else {
        PUT_LIT(g, "\xE2\x80\x94");
    }
}

static void html_facts(nx_gout *g, const nx_relation *rs, size_t nr, const nx_mention *ms, size_t nm,
                       const nx_entity *es, size_t ne) {
    PUT_LIT(g, "<h3>Facts</h3>\n");
    if (!nr) {
        PUT_LIT(g, "<p>None.</p>\n");
        return;
    }
    const char *roles[MAX_ROLES];
    size_t n_roles = fact_roles(rs, nr, roles);
    PUT_LIT(g, "<table class=\"nx-facts\">\n<thead><tr><th>fact</th>");
    for (size_t k = 0; k < n_roles; k++) {
        PUT_LIT(g, "<th>");
        html_str(g, roles[k]);
        PUT_LIT(g, "</th>");
    }
    PUT_LIT(g, "<th>status</th><th>rule</th></tr></thead>\n<tbody>\n");
    for (size_t r = 0; r < nr; r++) {
        PUT_LIT(g, "<tr><td>");
        html_str(g, rs[r].type);
        PUT_LIT(g, "</td>");
        for (size_t k = 0; k < n_roles; k++) {
            PUT_LIT(g, "<td>");
            fact_cell(g, &rs[r], roles[k], ms, nm, es, ne);
            PUT_LIT(g, "</td>");
        }
        PUT_LIT(g, "<td>");
        html_str(g, rs[r].status);
        PUT_LIT(g, "</td><td>");
        html_str(g, rs[r].rule);
        PUT_LIT(g, "</td></tr>\n");
    }
    PUT_LIT(g, "</tbody>\n</table>\n");
}

static void html_heading(nx_gout *g, const char *id) {
    PUT_LIT(g, "<h2>");
    if (id && *id) html_str(g, id);
    else PUT_LIT(g, "(no id)");
    PUT_LIT(g, "</h2>\n");
}

static int html_document(const nx_document *doc, const nx_write_options *wo, nx_sbuf *out) {
    (void)wo;
    nx_gout g;
    nx_gout_init(&g, out);
    const char *dct_source;
    const char *dct = nx_document_dct(doc, &dct_source);
    size_t nm, ne, nr, nw, nf, len;
    const nx_mention *ms = nx_document_mentions(doc, &nm);
    const nx_entity *es = nx_document_entities(doc, &ne);
    const nx_relation *rs = nx_document_relations(doc, &nr);
    const char *const *ws = nx_document_warnings(doc, &nw);
    const char *const *fields = nx_document_fields(doc, &nf);
    const char *text = nx_document_text(doc, &len);

    PUT_LIT(&g, "<article class=\"nx-doc\">\n");
    html_heading(&g, nx_document_id(doc));
    PUT_LIT(&g, "<p class=\"nx-meta\">");
    if (dct) {
        PUT_LIT(&g, "document date ");
        html_str(&g, dct);
        if (dct_source) {
            PUT_LIT(&g, " (");
            html_str(&g, dct_source);
            nx_gout_byte(&g, ')');
        }
        PUT_LIT(&g, "; ");
    }
    nx_gout_uint(&g, nm);
    PUT_LIT(&g, " mentions, ");
    nx_gout_uint(&g, ne);
    PUT_LIT(&g, " entities, ");
    nx_gout_uint(&g, nr);
    PUT_LIT(&g, " facts</p>\n");
    for (size_t k = 0; k < nf; k++) {
        PUT_LIT(&g, "<p class=\"nx-field\"><b>");
        html_str(&g, fields[2 * k]);
        PUT_LIT(&g, "</b>: ");
        html_str(&g, fields[2 * k + 1]);
        PUT_LIT(&g, "</p>\n");
    }
    html_legend(&g);
    int rc = 0;
    if (text) rc = html_marked_text(&g, text, len, ms, nm, ne);
    else
        PUT_LIT(&g, "<p class=\"nx-note\">The text is not shown: the document was extracted in windows "
                    "(it is longer than the window size), and its text is not kept.</p>\n");
    html_entities(&g, es, ne);
    html_facts(&g, rs, nr, ms, nm, es, ne);
    if (nw) {
        PUT_LIT(&g, "<h3>Warnings</h3>\n<ul>\n");
        for (size_t k = 0; k < nw; k++) {
            PUT_LIT(&g, "<li>");
            html_str(&g, ws[k]);
            PUT_LIT(&g, "</li>\n");
        }
        PUT_LIT(&g, "</ul>\n");
    }
    PUT_LIT(&g, "</article>\n");
    return nx_gout_done(&g, rc);
}

static int html_error(const char *id, const char *message, const nx_write_options *wo, nx_sbuf *out) {
    (void)wo;
    nx_gout g;
    nx_gout_init(&g, out);
    PUT_LIT(&g, "<article class=\"nx-doc nx-failed\">\n");
    html_heading(&g, id);
    PUT_LIT(&g, "<p class=\"nx-error\">error: ");
    html_str(&g, message);
    PUT_LIT(&g, "</p>\n</article>\n");
    return nx_gout_finish(&g);
}

const nx_writer nx_writer_html = {"html", html_begin, html_end, html_document, html_error};
