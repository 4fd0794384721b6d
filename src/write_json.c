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
#include "swar.h"
#include "writer.h"

/* The deepest nesting the schema has: document { mentions [ { aliases [ */
#define JW_MAX_DEPTH 8

/* A string the record holds many times (a rule's name, a kind, a
 * relation's type) and where it was written: its quoted, escaped bytes at
 * out->s + off, len of them. */
#define JW_MEMO 64
typedef struct jw_memo {
    const char *s;
    size_t off, len;
} jw_memo;

/* A JSON text written straight into an nx_sbuf: each piece makes sure of
 * its room first (jw_room: a compare, and now and then a realloc that
 * doubles the buffer), then stores its bytes, so every byte is written
 * once, where it stays (no staging buffer copied on, no per-piece call).
 * After an allocation failure the rest is dropped and jw_finish undoes the
 * record. */
typedef struct jw {
    nx_sbuf *out;
    char *p, *end;   /* the next byte goes at p; room up to end (one more byte is kept for the NUL) */
    size_t start;    /* out->len when the record began */
    int failed;
    int pretty;
    unsigned depth;                      /* containers open, as cJSON counts them */
    unsigned char has_items[JW_MAX_DEPTH]; /* the container at each depth has an item */
    jw_memo memo[JW_MEMO];               /* jw_string_memo's strings written in this record */
} jw;

/* Room for n more bytes: 1, or 0 when out of memory (then nothing may be
 * written). The slow half of jw_room. */
static int jw_grow(jw *w, size_t n) {
    nx_sbuf *b = w->out;
    if (w->failed) return 0;
    size_t len = b->s ? (size_t)(w->p - b->s) : b->len;
    if (n > SIZE_MAX / 4 - len) {
        w->failed = 1;
        return 0;
    }
    size_t cap = b->cap ? b->cap * 2 : 256;
    while (cap < len + n + 1) cap *= 2;
    char *s = realloc(b->s, cap);
    if (!s) {
        w->failed = 1;
        return 0;
    }
    b->s = s;
    b->cap = cap;
    w->p = s + len;
    w->end = s + cap - 1;
    return 1;
}

static inline int jw_room(jw *w, size_t n) { return (size_t)(w->end - w->p) >= n || jw_grow(w, n); }

static void jw_init(jw *w, nx_sbuf *out, int flags) {
    w->out = out;
    w->start = out->len;
    w->p = out->s ? out->s + out->len : NULL;
    w->end = out->s ? out->s + out->cap - 1 : NULL;
    w->failed = 0;
    w->pretty = (flags & NX_WRITE_PRETTY) != 0;
    w->depth = 0;
    memset(w->memo, 0, sizeof w->memo);
}

/* Ends the record: out->len and its NUL where the writing stopped, or on
 * failure out as it was before the record. Returns 0, or -1 when out of
 * memory. */
static int jw_finish(jw *w) {
    nx_sbuf *b = w->out;
    if (!w->failed && b->s) {
        b->len = (size_t)(w->p - b->s);
        b->s[b->len] = '\0';
        return 0;
    }
    if (!w->failed) return 0; /* nothing was written */
    b->len = w->start;
    if (b->s) b->s[w->start] = '\0';
    return -1;
}

static void jw_put(jw *w, const char *s, size_t n) {
    if (!jw_room(w, n)) return;
    memcpy(w->p, s, n);
    w->p += n;
}

static void jw_byte(jw *w, char c) {
    if (jw_room(w, 1)) *w->p++ = c;
}

/* A literal: its size is a constant, so the copy is a few stores. */
#define JW_LIT(w, lit) jw_put((w), (lit), sizeof(lit) - 1)

/* The bytes that must be escaped: below 0x20, the quote and the backslash
 * (a string has no NUL: it ends there). */
static const unsigned char jw_esc[256] = {
    [0x00] = 1, [0x01] = 1, [0x02] = 1, [0x03] = 1, [0x04] = 1, [0x05] = 1, [0x06] = 1, [0x07] = 1,
    [0x08] = 1, [0x09] = 1, [0x0A] = 1, [0x0B] = 1, [0x0C] = 1, [0x0D] = 1, [0x0E] = 1, [0x0F] = 1,
    [0x10] = 1, [0x11] = 1, [0x12] = 1, [0x13] = 1, [0x14] = 1, [0x15] = 1, [0x16] = 1, [0x17] = 1,
    [0x18] = 1, [0x19] = 1, [0x1A] = 1, [0x1B] = 1, [0x1C] = 1, [0x1D] = 1, [0x1E] = 1, [0x1F] = 1,
    ['"'] = 1, ['\\'] = 1};

/* 0x80 in the first byte of x that must be escaped (x holds no NUL byte
 * of the string: a zero byte is one past its end, or not loaded), and
 * maybe in bytes after it (a borrow carries up from it: callers read the
 * first marked byte only). The "has less than" and "has zero" tests of
 * Bit Twiddling Hacks: a few operations fewer than exact ranges. */
static inline uint64_t escapes_in(uint64_t x) {
    uint64_t quote = x ^ (NX_ONES * '"'), backslash = x ^ (NX_ONES * '\\');
    return ((x - NX_ONES * 0x20) & ~x & NX_HIGHS) | ((quote - NX_ONES) & ~quote & NX_HIGHS) |
           ((backslash - NX_ONES) & ~backslash & NX_HIGHS);
}

/* The four bytes at q, byte k of q as byte k of the value (one load). */
static inline uint64_t load4(const unsigned char *q) {
    return (uint64_t)q[0] | (uint64_t)q[1] << 8 | (uint64_t)q[2] << 16 | (uint64_t)q[3] << 24;
}

/* Copies q[0..n) to o up to the first byte to escape; returns how many
 * bytes that is. Words at a time, each stored whole before it is tested
 * (o has room for n bytes; bytes past an escape are written again later),
 * the last bytes as one word that overlaps the one before, so a string of
 * eight bytes or more takes no byte loop; a shorter one is two 4-byte
 * words, or bytes. */
static inline size_t copy_plain(char *o, const unsigned char *q, size_t n) {
    unsigned char *u = (unsigned char *)o;
    uint64_t m;
    if (n >= 8) {
        size_t k = 0;
        for (; k + 8 <= n; k += 8) {
            uint64_t x = nx_load8(q + k);
            nx_store8(u + k, x);
            if ((m = escapes_in(x))) return k + nx_first_marked(m);
        }
        if (k == n) return n;
        /* the last n - k bytes, in the word that ends the string (its first
         * bytes were tested already) */
        uint64_t x = nx_load8(q + n - 8);
        nx_store8(u + n - 8, x);
        m = escapes_in(x) & ~(uint64_t)0 << 8 * (8 - (n - k));
        return m ? n - 8 + nx_first_marked(m) : n;
    }
    if (n >= 4) {
        memcpy(u, q, 4);
        memcpy(u + n - 4, q + n - 4, 4);
        /* the first four bytes and the last four (they may overlap), byte
         * k of the word being byte k of the eight */
        uint64_t x = load4(q) | (uint64_t)load4(q + n - 4) << 32;
        if ((m = escapes_in(x))) {
            unsigned i = nx_first_marked(m);
            return i < 4 ? i : n - 8 + i;
        }
        return n;
    }
    size_t k = 0;
    for (; k < n && !jw_esc[q[k]]; k++) o[k] = (char)q[k];
    return k;
}

/* A string value (or key), escaped as cJSON's print_string_ptr does:
 * \" \\ \b \f \n \r \t, other bytes below 0x20 as \u00xx, every other
 * byte as is. The room for the string unescaped is made at once, and more
 * only at an escape (most strings have none). */
static void jw_string(jw *w, const char *s) {
    static const char hex[] = "0123456789abcdef";
    const unsigned char *q = (const unsigned char *)s, *e = q + strlen(s);
    if (!jw_room(w, (size_t)(e - q) + 2)) return;
    *w->p++ = '"';
    for (;;) {
        size_t k = copy_plain(w->p, q, (size_t)(e - q));
        w->p += k;
        q += k;
        if (q == e) break;
        /* the escape (6 bytes at most), the rest and the closing quote */
        if (!jw_room(w, 6 + (size_t)(e - q))) return;
        char *o = w->p;
        o[0] = '\\';
        switch (*q) {
        case '"': o[1] = '"'; break;
        case '\\': o[1] = '\\'; break;
        case '\b': o[1] = 'b'; break;
        case '\f': o[1] = 'f'; break;
        case '\n': o[1] = 'n'; break;
        case '\r': o[1] = 'r'; break;
        case '\t': o[1] = 't'; break;
        default:
            memcpy(o + 1, "u00", 3);
            o[4] = hex[*q >> 4];
            o[5] = hex[*q & 15];
            o += 4;
        }
        w->p = o + 2;
        q++;
    }
    *w->p++ = '"';
}

/* jw_string() of a string that comes back in the record (the same pointer,
 * so the same bytes): the second time on, the bytes written the first time
 * are copied (a rule's name is most of a mention's length and is one of a
 * few dozen). A slot per pointer hash; a collision writes the string anew. */
static void jw_string_memo(jw *w, const char *s) {
    jw_memo *m = &w->memo[((uintptr_t)s * 0x9E3779B97F4A7C15u) >> 58 & (JW_MEMO - 1)];
    if (m->s == s) {
        if (!jw_room(w, m->len)) return;
        memcpy(w->p, w->out->s + m->off, m->len);
        w->p += m->len;
        return;
    }
    size_t before = w->out->s ? (size_t)(w->p - w->out->s) : 0;
    jw_string(w, s);
    if (w->failed || !w->out->s) return;
    m->s = s;
    m->off = before;
    m->len = (size_t)(w->p - w->out->s) - before;
}

static void jw_tabs(jw *w, unsigned n) {
    if (!n || !jw_room(w, n)) return;
    memset(w->p, '\t', n);
    w->p += n;
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

/* A key written in this file: plain ASCII, nothing to escape. Compact, the
 * separator, the key and the colon are stored at once. */
#define JW_KEY(w, lit)                                                              \
    do {                                                                            \
        if (!(w)->pretty) {                                                         \
            unsigned char *jw_has_ = &(w)->has_items[(w)->depth - 1];               \
            if (jw_room((w), sizeof("," "\"" lit "\":") - 1)) {                     \
                *(w)->p = ',';                                                      \
                (w)->p += *jw_has_;                                                 \
                memcpy((w)->p, "\"" lit "\":", sizeof("\"" lit "\":") - 1);         \
                (w)->p += sizeof("\"" lit "\":") - 1;                               \
            }                                                                       \
            *jw_has_ = 1;                                                           \
        } else {                                                                    \
            jw_member(w);                                                           \
            JW_LIT((w), "\"" lit "\"");                                             \
            jw_colon(w);                                                            \
        }                                                                           \
    } while (0)

/* A key from elsewhere (a relation's role name), escaped. */
static void jw_key(jw *w, const char *key) {
    jw_member(w);
    jw_string(w, key);
    jw_colon(w);
}

/* The decimal digits of v, written at o (at least 20 bytes of room: all
 * 20 may be written); returns their number. Most numbers (ids, offsets)
 * have four digits or fewer: their count is found by compares and they are
 * written in place, two digits a step. A longer one is written two digits a
 * step, from the last, into a scratch buffer copied whole (a copy of
 * constant size is a few moves; of the digits' size, a call). */
static size_t utoa(unsigned long v, char *o) {
    static const char pairs[] = "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
                                "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
                                "8081828384858687888990919293949596979899";
    if (v < 100) {
        if (v < 10) {
            o[0] = (char)('0' + v);
            return 1;
        }
        memcpy(o, pairs + v * 2, 2);
        return 2;
    }
    if (v < 10000) {
        unsigned hi = (unsigned)v / 100, lo = (unsigned)v % 100;
        if (hi < 10) {
            o[0] = (char)('0' + hi);
            memcpy(o + 1, pairs + lo * 2, 2);
            return 3;
        }
        memcpy(o, pairs + hi * 2, 2);
        memcpy(o + 2, pairs + lo * 2, 2);
        return 4;
    }
    char tmp[40], *end = tmp + 20, *p = end; /* 20 digits at most, and 20 bytes after p to copy */
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
    memcpy(o, p, 20);
    return (size_t)(end - p);
}

static void jw_uint(jw *w, size_t v) {
    if (jw_room(w, 24)) w->p += utoa(v, w->p);
}

/* n digits made by utoa() into d (24 bytes), copied whole (a constant size:
 * a few moves): for a number written twice. */
static void jw_digits(jw *w, const char *d, size_t n) {
    if (!jw_room(w, 24)) return;
    memcpy(w->p, d, 20);
    w->p += n;
}

/* "m12", "E3": a mention or entity id from its 0-based index. */
static void jw_id(jw *w, char prefix, long index) {
    if (!jw_room(w, 32)) return;
    char *o = w->p;
    o[0] = '"';
    o[1] = prefix;
    size_t n = 2 + utoa((unsigned long)(index + 1), o + 2);
    o[n++] = '"';
    w->p += n;
}

/* A type's name as a JSON string: the names (NX_TYPE_LIST) are literals
 * with nothing to escape, so they are written quoted, as they are, in one
 * copy of 16 bytes (the longest, "organization" quoted, has 14), without a
 * strlen and a scan each (a mention and an entity each have one). */
static void jw_type(jw *w, nx_type type) {
#define JW_TYPE_(id, name) {"\"" name "\"", sizeof(name) + 1},
    static const struct {
        char s[16];
        size_t n;
    } names[NX_TYPE_COUNT] = {NX_TYPE_LIST(JW_TYPE_)};
#undef JW_TYPE_
    if ((unsigned)type >= NX_TYPE_COUNT) {
        jw_string(w, nx_type_name(type));
    } else if (jw_room(w, 16)) {
        memcpy(w->p, names[type].s, 16);
        w->p += names[type].n;
    }
}

static void jw_str_or_null(jw *w, const char *s) {
    if (s) jw_string(w, s);
    else JW_LIT(w, "null");
}

/* A string member whose string the views promise: a NULL one leaves the
 * key out, as cJSON_AddStringToObject did (it fails on NULL, unchecked).
 * put: jw_string, or jw_string_memo for a string that comes back in the
 * record. */
#define JW_STR_MEMBER_WITH(w, lit, s, put)    \
    do {                                      \
        const char *jw_s_ = (s);              \
        if (jw_s_) {                          \
            JW_KEY((w), lit);                 \
            put((w), jw_s_);                  \
        }                                     \
    } while (0)
#define JW_STR_MEMBER(w, lit, s) JW_STR_MEMBER_WITH(w, lit, s, jw_string)
#define JW_STR_MEMBER_MEMO(w, lit, s) JW_STR_MEMBER_WITH(w, lit, s, jw_string_memo)

/* A mention's offsets, from the digits of start and end (ds, de): the
 * byte offsets are the same ones in an ASCII text (most news). */
static void write_offsets(jw *w, const nx_mention *m, const char *ds, size_t ns, const char *de, size_t ne) {
    JW_KEY(w, "start");
    jw_digits(w, ds, ns);
    JW_KEY(w, "end");
    jw_digits(w, de, ne);
    JW_KEY(w, "byte_start");
    if (m->byte_start == m->start) jw_digits(w, ds, ns);
    else jw_uint(w, m->byte_start);
    JW_KEY(w, "byte_end");
    if (m->byte_end == m->end) jw_digits(w, de, ne);
    else jw_uint(w, m->byte_end);
}

/* An array item's object opened, with its "id" (prefix and index + 1) and
 * the key of its "type": compact, in one room (1 + 8 + 20 digits + 9
 * bytes), each key's separator known (the object has its id). */
static void write_head(jw *w, char prefix, size_t i) {
    if (w->pretty) {
        jw_array_item(w);
        jw_object(w);
        JW_KEY(w, "id");
        jw_id(w, prefix, (long)i);
        JW_KEY(w, "type");
        return;
    }
    if (!jw_room(w, 40)) return;
    unsigned char *has = &w->has_items[w->depth - 1];
    char *o = w->p;
    *o = ',';
    o += *has;
    *has = 1;
    assert(w->depth < JW_MAX_DEPTH);
    w->has_items[w->depth++] = 1;
    memcpy(o, "{\"id\":\"", 7);
    o[7] = prefix;
    o += 8;
    o += utoa((unsigned long)i + 1, o);
    memcpy(o, "\",\"type\":", 9);
    w->p = o + 9;
}

static void write_mention(jw *w, const nx_mention *m, size_t i) {
    write_head(w, 'm', i);
    jw_type(w, m->type);
    JW_STR_MEMBER(w, "text", m->text);
    /* the digits of start and end, made once (see write_offsets) */
    char ds[24], de[24];
    size_t ns = utoa(m->start, ds), ne = utoa(m->end, de);
    if (!w->pretty) {
        /* compact, after "id" (so each key has its comma): one room for the
         * four, 42 bytes of keys and 20 of digits (a copy's length) each */
        if (!jw_room(w, 42 + 4 * 20)) return;
        char *o = w->p;
        memcpy(o, ",\"start\":", 9);
        memcpy(o + 9, ds, 20);
        o += 9 + ns;
        memcpy(o, ",\"end\":", 7);
        memcpy(o + 7, de, 20);
        o += 7 + ne;
        memcpy(o, ",\"byte_start\":", 14);
        o += 14;
        if (m->byte_start == m->start) memcpy(o, ds, 20), o += ns;
        else o += utoa(m->byte_start, o);
        memcpy(o, ",\"byte_end\":", 12);
        o += 12;
        if (m->byte_end == m->end) memcpy(o, de, 20), o += ne;
        else o += utoa(m->byte_end, o);
        w->p = o;
    } else {
        write_offsets(w, m, ds, ns, de, ne);
    }
    if (m->entity >= 0) {
        JW_KEY(w, "entity");
        jw_id(w, 'E', m->entity);
    }
    JW_STR_MEMBER(w, "value", m->value);
    JW_KEY(w, "rule");
    jw_string_memo(w, m->rule ? m->rule : "");
    jw_object_end(w);
}

/* An array of mention ids. */
static void write_mention_ids(jw *w, const size_t *ms, size_t n) {
    jw_array(w);
    if (!w->pretty && n) {
        /* compact: "," and the id in one room each (2 + 1 + 20 digits + 1) */
        w->has_items[w->depth - 1] = 1;
        for (size_t k = 0; k < n && jw_room(w, 24); k++) {
            char *o = w->p;
            *o = ',';
            o += k != 0;
            o[0] = '"';
            o[1] = 'm';
            o += 2;
            o += utoa((unsigned long)ms[k] + 1, o);
            *o++ = '"';
            w->p = o;
        }
    } else {
        for (size_t k = 0; k < n; k++) {
            jw_array_item(w);
            jw_id(w, 'm', (long)ms[k]);
        }
    }
    jw_array_end(w);
}

/* An array of strings; a NULL one fails the record, as adding a NULL item
 * to a cJSON array did. */
static void write_strings(jw *w, const char *const *s, size_t n) {
    jw_array(w);
    for (size_t k = 0; k < n; k++) {
        if (!s[k]) {
            w->failed = 1;
            break;
        }
        jw_array_item(w);
        jw_string(w, s[k]);
    }
    jw_array_end(w);
}

static void write_entity(jw *w, const nx_entity *e, size_t i) {
    write_head(w, 'E', i);
    jw_type(w, e->type);
    JW_STR_MEMBER(w, "name", e->name);
    JW_KEY(w, "aliases");
    write_strings(w, e->aliases, e->n_aliases);
    JW_KEY(w, "mentions");
    write_mention_ids(w, e->mentions, e->n_mentions);
    JW_STR_MEMBER(w, "key", e->key);
    JW_STR_MEMBER_MEMO(w, "kind", e->kind);
    JW_STR_MEMBER_MEMO(w, "country", e->country);
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
    JW_STR_MEMBER_MEMO(w, "type", r->type);
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
    JW_STR_MEMBER_MEMO(w, "status", r->status);
    JW_KEY(w, "rule");
    jw_string_memo(w, r->rule ? r->rule : "");
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
    /* room for the usual record at once (about 130 bytes a mention, 110 an
     * entity and 150 a relation in news, compact), so that the buffer of a
     * record grows once, not from nothing by doubling */
    jw_room(&w, 512 + 160 * nm + 128 * ne + 192 * nr);

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
