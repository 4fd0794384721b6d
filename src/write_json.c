/* write_json.c: the JSON writer: schema v1 (docs/output-schema.md), from
 * the public views only, so anything a library user can read is what we
 * write. One object per record: pretty with NX_WRITE_PRETTY, else on one
 * line (JSON Lines).
 *
 * Consumes: a finished document's views (or an error record's id and message).
 * Produces: JSON text appended directly to an nx_sbuf, no tree in between.
 *
 * The bytes are exactly those cJSON 1.7 printed when this writer built a
 * cJSON tree (cJSON_PrintUnformatted for one line, cJSON_Print for pretty),
 * so the output did not change when the tree went: building it (a malloc
 * and a strdup per value) and printing it cost most of the write stage.
 * tests/unit/test_writer.c keeps the tree builder as the reference and
 * compares the bytes. cJSON's layout, which `jw` reproduces:
 *   - compact: no whitespace at all;
 *   - pretty: an object is "{", then for each member a newline, one tab
 *     per nesting depth, "key":<TAB>value, with "," between members, then a
 *     newline, depth - 1 tabs and "}" (an empty object is "{\n" + tabs +
 *     "}"); an array stays on one line, its items separated by ", " (an
 *     empty one is "[]"), but still counts as a level of depth for the
 *     objects inside it;
 *   - strings: \" \\ \b \f \n \r \t escaped, other bytes below 0x20 as
 *     \u00xx (lower-case hex), every other byte (UTF-8 or not) as is. */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "nerx.h"
#include "writer.h"

/* The deepest nesting the schema has: document { mentions [ { aliases [ */
#define JW_MAX_DEPTH 8

/* A JSON text being appended to an nx_sbuf through an nx_gout (after an
 * allocation failure the rest is dropped and jw_finish undoes the record). */
typedef struct jw {
    nx_gout g;
    int pretty;
    unsigned depth;                      /* containers open, as cJSON counts them */
    unsigned char has_items[JW_MAX_DEPTH]; /* the container at each depth has an item */
} jw;

static void jw_init(jw *w, nx_sbuf *out, int flags) {
    nx_gout_init(&w->g, out);
    w->pretty = (flags & NX_WRITE_PRETTY) != 0;
    w->depth = 0;
}

static void jw_put(jw *w, const char *s, size_t n) { nx_gout_put(&w->g, s, n); }
static void jw_byte(jw *w, char c) { nx_gout_byte(&w->g, c); }

#define JW_LIT(w, lit) jw_put((w), (lit), sizeof(lit) - 1)

/* Flushes the record, and on failure removes whatever part of it reached
 * `out`, so `out` is as it was before. Returns 0, or -1 when out of memory. */
static int jw_finish(jw *w) { return nx_gout_finish(&w->g); }

static void jw_tabs(jw *w, unsigned n) {
    for (unsigned i = 0; i < n; i++) jw_byte(w, '\t');
}

/* A string value (or key), escaped as cJSON's print_string_ptr does. Runs
 * of bytes that need no escape are copied whole. */
/* The bytes a string stops at: its end, and those to escape. */
static const unsigned char jw_stop[256] = {
    [0x00] = 1, [0x01] = 1, [0x02] = 1, [0x03] = 1, [0x04] = 1, [0x05] = 1, [0x06] = 1, [0x07] = 1,
    [0x08] = 1, [0x09] = 1, [0x0A] = 1, [0x0B] = 1, [0x0C] = 1, [0x0D] = 1, [0x0E] = 1, [0x0F] = 1,
    [0x10] = 1, [0x11] = 1, [0x12] = 1, [0x13] = 1, [0x14] = 1, [0x15] = 1, [0x16] = 1, [0x17] = 1,
    [0x18] = 1, [0x19] = 1, [0x1A] = 1, [0x1B] = 1, [0x1C] = 1, [0x1D] = 1, [0x1E] = 1, [0x1F] = 1,
    ['"'] = 1, ['\\'] = 1};

static void jw_string(jw *w, const char *s) {
    static const char hex[] = "0123456789abcdef";
    jw_byte(w, '"');
    const unsigned char *p = (const unsigned char *)s, *run = p;
    for (;; p++) {
        while (!jw_stop[*p]) p++;
        if (!*p) break;
        jw_put(w, (const char *)run, (size_t)(p - run));
        run = p + 1;
        char e[6] = {'\\', 0, 0, 0, 0, 0};
        size_t len = 2;
        switch (*p) {
        case '"': e[1] = '"'; break;
        case '\\': e[1] = '\\'; break;
        case '\b': e[1] = 'b'; break;
        case '\f': e[1] = 'f'; break;
        case '\n': e[1] = 'n'; break;
        case '\r': e[1] = 'r'; break;
        case '\t': e[1] = 't'; break;
        default:
            e[1] = 'u';
            e[2] = '0';
            e[3] = '0';
            e[4] = hex[*p >> 4];
            e[5] = hex[*p & 15];
            len = 6;
        }
        jw_put(w, e, len);
    }
    jw_put(w, (const char *)run, (size_t)(p - run));
    jw_byte(w, '"');
}

/* The separator before an item of the innermost container. */
static void jw_item(jw *w) {
    unsigned char *has = &w->has_items[w->depth - 1];
    if (*has) jw_byte(w, ',');
    *has = 1;
}

static void jw_open(jw *w, char c) {
    jw_byte(w, c);
    assert(w->depth < JW_MAX_DEPTH); /* the schema's nesting is fixed */
    w->has_items[w->depth++] = 0;
}

static void jw_object(jw *w) { jw_open(w, '{'); }

static void jw_object_end(jw *w) {
    if (w->pretty) {
        jw_byte(w, '\n');
        jw_tabs(w, w->depth - 1);
    }
    w->depth--;
    jw_byte(w, '}');
}

static void jw_array(jw *w) { jw_open(w, '['); }

static void jw_array_end(jw *w) {
    w->depth--;
    jw_byte(w, ']');
}

/* An array item's separator: "," or, pretty, ", ". */
static void jw_array_item(jw *w) {
    int first = !w->has_items[w->depth - 1];
    jw_item(w);
    if (!first && w->pretty) jw_byte(w, ' ');
}

/* Before a member's key: the separator and, pretty, the indentation. */
static void jw_member(jw *w) {
    jw_item(w);
    if (w->pretty) {
        jw_byte(w, '\n');
        jw_tabs(w, w->depth);
    }
}

/* After a member's key: ":" and, pretty, a tab. */
static void jw_colon(jw *w) {
    jw_byte(w, ':');
    if (w->pretty) jw_byte(w, '\t');
}

/* A key written in this file: plain ASCII, nothing to escape. */
#define JW_KEY(w, lit)                         \
    do {                                       \
        jw_member(w);                          \
        JW_LIT((w), "\"" lit "\"");            \
        jw_colon(w);                           \
    } while (0)

/* A key from elsewhere (a relation's role name), escaped. */
static void jw_key(jw *w, const char *key) {
    jw_member(w);
    jw_string(w, key);
    jw_colon(w);
}

/* Decimal digits of v into buf (at least 21 bytes); returns the length.
 * Two digits a step, from the end of a scratch buffer. */
static size_t utoa(unsigned long v, char *buf) {
    static const char pairs[] = "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
                                "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
                                "8081828384858687888990919293949596979899";
    char tmp[24], *p = tmp + sizeof tmp;
    while (v >= 100) {
        unsigned long k = (v % 100) * 2;
        v /= 100;
        *--p = pairs[k + 1];
        *--p = pairs[k];
    }
    if (v >= 10) {
        *--p = pairs[v * 2 + 1];
        *--p = pairs[v * 2];
    } else {
        *--p = (char)('0' + v);
    }
    size_t n = (size_t)(tmp + sizeof tmp - p);
    memcpy(buf, p, n);
    return n;
}

static void jw_uint(jw *w, size_t v) {
    char buf[24];
    jw_put(w, buf, utoa(v, buf));
}

/* "m12", "E3": a mention or entity id from its 0-based index. */
static void jw_id(jw *w, char prefix, long index) {
    char buf[32];
    buf[0] = '"';
    buf[1] = prefix;
    size_t n = 2 + utoa((unsigned long)(index + 1), buf + 2);
    buf[n++] = '"';
    jw_put(w, buf, n);
}

static void jw_str_or_null(jw *w, const char *s) {
    if (s) jw_string(w, s);
    else JW_LIT(w, "null");
}

/* A string member whose string the views promise: a NULL one leaves the
 * key out, as cJSON_AddStringToObject did (it fails on NULL, unchecked). */
#define JW_STR_MEMBER(w, lit, s)              \
    do {                                      \
        const char *jw_s_ = (s);              \
        if (jw_s_) {                          \
            JW_KEY((w), lit);                 \
            jw_string((w), jw_s_);            \
        }                                     \
    } while (0)

static void write_mention(jw *w, const nx_mention *m, size_t i) {
    jw_array_item(w);
    jw_object(w);
    JW_KEY(w, "id");
    jw_id(w, 'm', (long)i);
    JW_STR_MEMBER(w, "type", nx_type_name(m->type));
    JW_STR_MEMBER(w, "text", m->text);
    JW_KEY(w, "start");
    jw_uint(w, m->start);
    JW_KEY(w, "end");
    jw_uint(w, m->end);
    JW_KEY(w, "byte_start");
    jw_uint(w, m->byte_start);
    JW_KEY(w, "byte_end");
    jw_uint(w, m->byte_end);
    if (m->entity >= 0) {
        JW_KEY(w, "entity");
        jw_id(w, 'E', m->entity);
    }
    JW_STR_MEMBER(w, "value", m->value);
    JW_KEY(w, "rule");
    jw_string(w, m->rule ? m->rule : "");
    jw_object_end(w);
}

/* An array of mention ids. */
static void write_mention_ids(jw *w, const size_t *ms, size_t n) {
    jw_array(w);
    for (size_t k = 0; k < n; k++) {
        jw_array_item(w);
        jw_id(w, 'm', (long)ms[k]);
    }
    jw_array_end(w);
}

/* An array of strings; a NULL one fails the record, as adding a NULL item
 * to a cJSON array did. */
static void write_strings(jw *w, const char *const *s, size_t n) {
    jw_array(w);
    for (size_t k = 0; k < n; k++) {
        if (!s[k]) {
            w->g.failed = 1;
            break;
        }
        jw_array_item(w);
        jw_string(w, s[k]);
    }
    jw_array_end(w);
}

static void write_entity(jw *w, const nx_entity *e, size_t i) {
    jw_array_item(w);
    jw_object(w);
    JW_KEY(w, "id");
    jw_id(w, 'E', (long)i);
    JW_STR_MEMBER(w, "type", nx_type_name(e->type));
    JW_STR_MEMBER(w, "name", e->name);
    JW_KEY(w, "aliases");
    write_strings(w, e->aliases, e->n_aliases);
    JW_KEY(w, "mentions");
    write_mention_ids(w, e->mentions, e->n_mentions);
    JW_STR_MEMBER(w, "key", e->key);
    JW_STR_MEMBER(w, "kind", e->kind);
    JW_STR_MEMBER(w, "country", e->country);
    if (e->n_ids) {
        JW_KEY(w, "ids");
        write_strings(w, e->ids, e->n_ids);
    }
    jw_object_end(w);
}

/* What made the record: "nerx_version" and "schema_version". */
static void write_versions(jw *w) {
    JW_KEY(w, "nerx_version");
    jw_string(w, nx_version());
    JW_KEY(w, "schema_version");
    jw_uint(w, NX_SCHEMA_VERSION);
}

static void write_relation(jw *w, const nx_relation *r) {
    jw_array_item(w);
    jw_object(w);
    JW_STR_MEMBER(w, "type", r->type);
    /* each argument under its role: an entity id, the value for the
     * value's role (holds_title's title), or null */
    for (size_t k = 0; k < r->n_arguments; k++) {
        const nx_argument *a = &r->arguments[k];
        if (!a->role) continue; /* cJSON refused a NULL key */
        jw_key(w, a->role);
        if (r->value_role && !strcmp(a->role, r->value_role)) jw_string(w, r->value ? r->value : "");
        else if (a->entity >= 0) jw_id(w, 'E', a->entity);
        else JW_LIT(w, "null");
    }
    JW_KEY(w, "mentions");
    write_mention_ids(w, r->mentions, r->n_mentions);
    JW_KEY(w, "start");
    jw_uint(w, r->start);
    JW_KEY(w, "end");
    jw_uint(w, r->end);
    JW_STR_MEMBER(w, "status", r->status);
    JW_KEY(w, "rule");
    jw_string(w, r->rule ? r->rule : "");
    jw_object_end(w);
}

/* The document's object (no newline after it); see jw_finish. */
static int render_document(const nx_document *doc, int flags, nx_sbuf *out) {
    jw w;
    jw_init(&w, out, flags);
    const char *id = nx_document_id(doc);
    const char *dct_source;
    const char *dct = nx_document_dct(doc, &dct_source);
    size_t nm, ne, nr, nw;
    const nx_mention *ms = nx_document_mentions(doc, &nm);
    const nx_entity *es = nx_document_entities(doc, &ne);
    const nx_relation *rs = nx_document_relations(doc, &nr);
    const char *const *ws = nx_document_warnings(doc, &nw);
    if (!id) return -1; /* the record had no id: no record, as with cJSON */

    jw_object(&w);
    JW_KEY(&w, "id");
    jw_string(&w, id);
    JW_KEY(&w, "dct");
    jw_str_or_null(&w, dct);
    JW_KEY(&w, "dct_source");
    jw_str_or_null(&w, dct_source);
    write_versions(&w);
    size_t nf;
    const char *const *fields = nx_document_fields(doc, &nf);
    if (nf) {
        /* the input fields kept (--keep-fields), by name */
        JW_KEY(&w, "fields");
        jw_object(&w);
        for (size_t k = 0; k < nf; k++) {
            jw_key(&w, fields[2 * k]);
            jw_string(&w, fields[2 * k + 1]);
        }
        jw_object_end(&w);
    }

    JW_KEY(&w, "mentions");
    jw_array(&w);
    for (size_t i = 0; i < nm; i++) write_mention(&w, &ms[i], i);
    jw_array_end(&w);

    JW_KEY(&w, "entities");
    jw_array(&w);
    for (size_t i = 0; i < ne; i++) write_entity(&w, &es[i], i);
    jw_array_end(&w);

    JW_KEY(&w, "relations");
    jw_array(&w);
    for (size_t i = 0; i < nr; i++) write_relation(&w, &rs[i]);
    jw_array_end(&w);

    if (nw) {
        JW_KEY(&w, "warnings");
        write_strings(&w, ws, nw);
    }
    jw_object_end(&w);
    return jw_finish(&w);
}

static int render_error(const char *id, const char *message, int flags, nx_sbuf *out) {
    jw w;
    jw_init(&w, out, flags);
    jw_object(&w);
    JW_KEY(&w, "id");
    jw_string(&w, id ? id : "");
    JW_KEY(&w, "error");
    jw_string(&w, message ? message : "");
    write_versions(&w);
    jw_object_end(&w);
    return jw_finish(&w);
}

/* The text of a buffer that render filled, or NULL (the buffer freed). */
static char *take(nx_sbuf *b, int rc) {
    if (rc || !b->s) {
        free(b->s);
        return NULL;
    }
    return b->s;
}

char *nx_document_to_json(const nx_document *doc, int flags) {
    if (!doc) return NULL;
    nx_sbuf b = {0};
    return take(&b, render_document(doc, flags, &b));
}

char *nx_error_to_json(const char *id, const char *message, int flags) {
    nx_sbuf b = {0};
    return take(&b, render_error(id, message, flags, &b));
}

/* The record's newline, or on failure out back as it was. */
static int end_line(nx_sbuf *out, size_t start, int rc) {
    if (!rc && !nx_sbuf_add(out, "\n", 1)) return 0;
    out->len = start;
    if (out->s) out->s[start] = '\0';
    return -1;
}

static int write_document(const nx_document *doc, const nx_write_options *wo, nx_sbuf *out) {
    size_t start = out->len;
    return end_line(out, start, render_document(doc, wo->flags, out));
}

static int write_error(const char *id, const char *message, const nx_write_options *wo, nx_sbuf *out) {
    size_t start = out->len;
    return end_line(out, start, render_error(id, message, wo->flags, out));
}

/* JSON Lines: the same records, never pretty. */
static int write_document_line(const nx_document *doc, const nx_write_options *wo, nx_sbuf *out) {
    size_t start = out->len;
    return end_line(out, start, render_document(doc, wo->flags & ~NX_WRITE_PRETTY, out));
}

static int write_error_line(const char *id, const char *message, const nx_write_options *wo, nx_sbuf *out) {
    size_t start = out->len;
    return end_line(out, start, render_error(id, message, wo->flags & ~NX_WRITE_PRETTY, out));
}

const nx_writer nx_writer_json = {"json", NULL, NULL, write_document, write_error};
const nx_writer nx_writer_jsonl = {"jsonl", NULL, NULL, write_document_line, write_error_line};
