/* write_json.c: the JSON writer: schema v1 (docs/output-schema.md) with
 * cJSON, from the public views only, so anything a library user can read is
 * what we write. One object per record: pretty with NX_WRITE_PRETTY, else
 * on one line (JSON Lines). */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nerx.h"
#include "writer.h"

/* Decimal digits of v into buf (at least 21 bytes); returns the length.
 * Offsets are integers, and cJSON's number printer (printf, then sscanf to
 * check the round trip) costs more than the rest of the writer. */
static size_t utoa(unsigned long v, char *buf) {
    char tmp[24];
    size_t n = 0;
    do {
        tmp[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    for (size_t i = 0; i < n; i++) buf[i] = tmp[n - 1 - i];
    buf[n] = '\0';
    return n;
}

static cJSON *id_ref(char prefix, long index) {
    char buf[32];
    buf[0] = prefix;
    utoa((unsigned long)(index + 1), buf + 1);
    return cJSON_CreateString(buf);
}

static void add_uint(cJSON *o, const char *k, size_t v) {
    char buf[24];
    utoa(v, buf);
    cJSON_AddRawToObject(o, k, buf);
}

static int add_str_or_null(cJSON *o, const char *k, const char *v) {
    return (v ? cJSON_AddStringToObject(o, k, v) : cJSON_AddNullToObject(o, k)) != NULL;
}

/* A new object at the end of arr, or NULL when out of memory. */
static cJSON *append_object(cJSON *arr) {
    cJSON *o = cJSON_CreateObject();
    if (o && !cJSON_AddItemToArray(arr, o)) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}

static cJSON *document_json(const nx_document *doc) {
    cJSON *root = cJSON_CreateObject();
    if (!root) return NULL;
    const char *dct_source;
    const char *dct = nx_document_dct(doc, &dct_source);
    int ok = cJSON_AddStringToObject(root, "id", nx_document_id(doc)) != NULL && add_str_or_null(root, "dct", dct) &&
             add_str_or_null(root, "dct_source", dct_source);

    size_t nm, ne, nr, nw;
    const nx_mention *ms = nx_document_mentions(doc, &nm);
    const nx_entity *es = nx_document_entities(doc, &ne);
    const nx_relation *rs = nx_document_relations(doc, &nr);
    const char *const *ws = nx_document_warnings(doc, &nw);

    cJSON *arr = ok ? cJSON_AddArrayToObject(root, "mentions") : NULL;
    ok = arr != NULL;
    for (size_t i = 0; ok && i < nm; i++) {
        const nx_mention *m = &ms[i];
        cJSON *o = append_object(arr);
        if (!(ok = o != NULL)) break;
        cJSON_AddItemToObject(o, "id", id_ref('m', (long)i));
        cJSON_AddStringToObject(o, "type", nx_type_name(m->type));
        cJSON_AddStringToObject(o, "text", m->text);
        add_uint(o, "start", m->start);
        add_uint(o, "end", m->end);
        add_uint(o, "byte_start", m->byte_start);
        add_uint(o, "byte_end", m->byte_end);
        if (m->entity >= 0) cJSON_AddItemToObject(o, "entity", id_ref('E', m->entity));
        if (m->value) cJSON_AddStringToObject(o, "value", m->value);
        ok = cJSON_AddStringToObject(o, "rule", m->rule ? m->rule : "") != NULL;
    }

    arr = ok ? cJSON_AddArrayToObject(root, "entities") : NULL;
    ok = arr != NULL;
    for (size_t i = 0; ok && i < ne; i++) {
        const nx_entity *e = &es[i];
        cJSON *o = append_object(arr);
        if (!(ok = o != NULL)) break;
        cJSON_AddItemToObject(o, "id", id_ref('E', (long)i));
        cJSON_AddStringToObject(o, "type", nx_type_name(e->type));
        cJSON_AddStringToObject(o, "name", e->name);
        cJSON *al = cJSON_AddArrayToObject(o, "aliases");
        cJSON *mm = cJSON_AddArrayToObject(o, "mentions");
        ok = al && mm;
        for (size_t k = 0; ok && k < e->n_aliases; k++) ok = cJSON_AddItemToArray(al, cJSON_CreateString(e->aliases[k]));
        for (size_t k = 0; ok && k < e->n_mentions; k++) ok = cJSON_AddItemToArray(mm, id_ref('m', (long)e->mentions[k]));
    }

    arr = ok ? cJSON_AddArrayToObject(root, "relations") : NULL;
    ok = arr != NULL;
    for (size_t i = 0; ok && i < nr; i++) {
        const nx_relation *r = &rs[i];
        cJSON *o = append_object(arr);
        if (!(ok = o != NULL)) break;
        cJSON_AddStringToObject(o, "type", r->type);
        /* each argument under its role: an entity id, the value for the
         * value's role (holds_title's title), or null */
        for (size_t k = 0; k < r->n_arguments; k++) {
            const nx_argument *a = &r->arguments[k];
            if (r->value_role && !strcmp(a->role, r->value_role)) cJSON_AddStringToObject(o, a->role, r->value ? r->value : "");
            else if (a->entity >= 0) cJSON_AddItemToObject(o, a->role, id_ref('E', a->entity));
            else cJSON_AddNullToObject(o, a->role);
        }
        cJSON *mm = cJSON_AddArrayToObject(o, "mentions");
        ok = mm != NULL;
        for (size_t k = 0; ok && k < r->n_mentions; k++) ok = cJSON_AddItemToArray(mm, id_ref('m', (long)r->mentions[k]));
        add_uint(o, "start", r->start);
        add_uint(o, "end", r->end);
        cJSON_AddStringToObject(o, "status", r->status);
        ok = ok && cJSON_AddStringToObject(o, "rule", r->rule ? r->rule : "") != NULL;
    }
    if (ok && nw) {
        arr = cJSON_AddArrayToObject(root, "warnings");
        ok = arr != NULL;
        for (size_t i = 0; ok && i < nw; i++) ok = cJSON_AddItemToArray(arr, cJSON_CreateString(ws[i]));
    }
    if (!ok) {
        cJSON_Delete(root);
        return NULL;
    }
    return root;
}

static char *print(cJSON *root, int flags) {
    if (!root) return NULL;
    char *s = (flags & NX_WRITE_PRETTY) ? cJSON_Print(root) : cJSON_PrintUnformatted(root);
    cJSON_Delete(root);
    return s;
}

char *nx_document_to_json(const nx_document *doc, int flags) { return print(document_json(doc), flags); }

char *nx_error_to_json(const char *id, const char *message, int flags) {
    cJSON *root = cJSON_CreateObject();
    if (!root) return NULL;
    if (!cJSON_AddStringToObject(root, "id", id ? id : "") || !cJSON_AddStringToObject(root, "error", message ? message : "")) {
        cJSON_Delete(root);
        return NULL;
    }
    return print(root, flags);
}

/* A record and its newline appended to out; the printed string is freed. */
static int append_line(char *s, nx_sbuf *out) {
    if (!s) return -1;
    int rc = nx_sbuf_add(out, s, strlen(s)) || nx_sbuf_add(out, "\n", 1) ? -1 : 0;
    free(s);
    return rc;
}

static int write_document(const nx_document *doc, int flags, nx_sbuf *out) {
    return append_line(nx_document_to_json(doc, flags), out);
}

static int write_error(const char *id, const char *message, int flags, nx_sbuf *out) {
    return append_line(nx_error_to_json(id, message, flags), out);
}

/* JSON Lines: the same records, never pretty. */
static int write_document_line(const nx_document *doc, int flags, nx_sbuf *out) {
    return write_document(doc, flags & ~NX_WRITE_PRETTY, out);
}

static int write_error_line(const char *id, const char *message, int flags, nx_sbuf *out) {
    return write_error(id, message, flags & ~NX_WRITE_PRETTY, out);
}

const nx_writer nx_writer_json = {"json", NULL, NULL, write_document, write_error};
const nx_writer nx_writer_jsonl = {"jsonl", NULL, NULL, write_document_line, write_error_line};
