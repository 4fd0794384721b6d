/* write_csv.c: the CSV writer, for a graph database's bulk import (the
 * header format of Neo4j's `neo4j-admin database import`): a nodes file
 * and a relationships file. Both come in one stream, each line tagged by
 * its first byte, 'N' (nodes) or 'E' (edges), which the CLI's
 * --output-dir splits into nodes.csv and edges.csv without the tag (or:
 * `grep '^N' | cut -c2-`).
 *
 * Nodes: one per entity (id = its key, labels its type and the schema.org
 * class of its kind), per document (id = "doc:" + its id) and per title
 * (id = "title:" + the title). Edges: MENTIONS (document -> entity),
 * HOLDS_TITLE (person -> organisation, or -> the title's node when the
 * text names no organisation), AFFILIATED_WITH (person -> organisation),
 * any other relation type upper-cased between its first two entities.
 * An entity named in several documents is a node in each: import with
 * --skip-duplicate-nodes=true.
 *
 * Consumes: a finished document's views, or an error record (a document
 *   node with its error).
 * Produces: tagged CSV lines appended to an nx_sbuf. */
#include <stdlib.h>
#include <string.h>

#include "graph.h"
#include "writer.h"

static const char NODES_HEADER[] =
    "N:ID,:LABEL,name,key,kind,country,ids:string[],aliases:string[],dct,fields:string[],error,nerx_version,"
    "schema_version:int\n";
static const char EDGES_HEADER[] = "E:START_ID,:END_ID,:TYPE,title,status,document,start:int,end:int,rule\n";

/* A field: quoted when it holds a comma, a quote or a ';' (the array
 * delimiter), quotes doubled; line breaks become spaces (one record a line). */
static void csv_field(nx_gout *g, const char *s) {
    if (!s) return;
    int quote = strpbrk(s, ",\";\n\r") != NULL;
    if (quote) nx_gout_byte(g, '"');
    for (const char *p = s; *p; p++) {
        if (*p == '"') nx_gout_put(g, "\"\"", 2);
        else if (*p == '\n' || *p == '\r') nx_gout_byte(g, ' ');
        else nx_gout_byte(g, *p);
    }
    if (quote) nx_gout_byte(g, '"');
}

/* An array field: items joined by ';' (a ';' in an item becomes ','). */
static void csv_array(nx_gout *g, const char *const *items, size_t n, size_t stride) {
    int quote = 0;
    for (size_t k = 0; k < n; k++) quote |= strpbrk(items[k * stride], ",\"\n\r") != NULL;
    if (quote) nx_gout_byte(g, '"');
    for (size_t k = 0; k < n; k++) {
        if (k) nx_gout_byte(g, ';');
        for (const char *p = items[k * stride]; *p; p++) {
            if (*p == '"') nx_gout_put(g, "\"\"", 2);
            else if (*p == '\n' || *p == '\r') nx_gout_byte(g, ' ');
            else nx_gout_byte(g, *p == ';' ? ',' : *p);
        }
    }
    if (quote) nx_gout_byte(g, '"');
}

static void csv_prefixed(nx_gout *g, const char *prefix, const char *s) {
    nx_sbuf b = {0};
    if (nx_sbuf_add(&b, prefix, strlen(prefix)) || nx_sbuf_add(&b, s, strlen(s) + 1)) g->failed = 1;
    else csv_field(g, b.s);
    free(b.s);
}

static const char *type_label(nx_type t) {
    return t == NX_PERSON ? "Person" : t == NX_ORGANIZATION ? "Organization" : t == NX_PLACE ? "Place" : "Thing";
}

static void versions(nx_gout *g) {
    nx_gout_byte(g, ',');
    nx_gout_str(g, nx_version());
    nx_gout_byte(g, ',');
    nx_gout_uint(g, NX_SCHEMA_VERSION);
    nx_gout_byte(g, '\n');
}

static int csv_begin(nx_sbuf *out, const nx_write_options *wo) {
    (void)wo;
    nx_gout g;
    nx_gout_init(&g, out);
    nx_gout_put(&g, NODES_HEADER, sizeof NODES_HEADER - 1);
    nx_gout_put(&g, EDGES_HEADER, sizeof EDGES_HEADER - 1);
    return nx_gout_finish(&g);
}

/* An edge line up to its properties: start, end, type. */
static void edge(nx_gout *g, const char *from, const char *to, const char *type) {
    nx_gout_byte(g, 'E');
    csv_field(g, from);
    nx_gout_byte(g, ',');
    csv_field(g, to);
    nx_gout_byte(g, ',');
    nx_gout_str(g, type);
}

static int csv_document(const nx_document *doc, const nx_write_options *wo, nx_sbuf *out) {
    (void)wo;
    size_t ne, nr, nf;
    const nx_entity *es = nx_document_entities(doc, &ne);
    const nx_relation *rs = nx_document_relations(doc, &nr);
    const char *const *fields = nx_document_fields(doc, &nf);
    const char *id = nx_document_id(doc);
    const char *dct = nx_document_dct(doc, NULL);
    if (!id) return -1;
    nx_gout g;
    nx_gout_init(&g, out);
    nx_sbuf docid = {0}, tmp = {0};
    if (nx_sbuf_add(&docid, "doc:", 4) || nx_sbuf_add(&docid, id, strlen(id) + 1)) g.failed = 1;

    /* the document: N id,Document,,,,,,,dct,fields,,versions */
    nx_gout_byte(&g, 'N');
    csv_field(&g, docid.s);
    nx_gout_str(&g, ",Document,,,,,,,");
    csv_field(&g, dct);
    nx_gout_byte(&g, ',');
    /* the kept fields: name=value items (a ';' in one becomes ',') */
    for (size_t k = 0; k < nf; k++) {
        if ((k && nx_sbuf_add(&tmp, ";", 1)) || nx_sbuf_add(&tmp, fields[2 * k], strlen(fields[2 * k])) ||
            nx_sbuf_add(&tmp, "=", 1))
            g.failed = 1;
        for (const char *p = fields[2 * k + 1]; *p; p++)
            if (nx_sbuf_add(&tmp, *p == ';' ? "," : p, 1)) g.failed = 1;
    }
    if (nf && tmp.s) csv_field(&g, tmp.s);
    tmp.len = 0;
    nx_gout_byte(&g, ',');
    versions(&g);

    for (size_t i = 0; i < ne; i++) {
        const nx_entity *e = &es[i];
        nx_gout_byte(&g, 'N');
        csv_field(&g, e->key);
        nx_gout_byte(&g, ',');
        nx_gout_str(&g, type_label(e->type));
        const char *cls = nx_graph_kind_class(e->kind);
        if (cls) {
            nx_gout_byte(&g, ';');
            nx_gout_str(&g, cls);
        }
        nx_gout_byte(&g, ',');
        csv_field(&g, e->name);
        nx_gout_byte(&g, ',');
        csv_field(&g, e->key);
        nx_gout_byte(&g, ',');
        csv_field(&g, e->kind);
        nx_gout_byte(&g, ',');
        csv_field(&g, e->country);
        nx_gout_byte(&g, ',');
        csv_array(&g, e->ids, e->n_ids, 1);
        nx_gout_byte(&g, ',');
        csv_array(&g, e->aliases, e->n_aliases, 1);
        nx_gout_str(&g, ",,,");
        versions(&g);
        edge(&g, docid.s, e->key, "MENTIONS");
        nx_gout_str(&g, ",,,,,,\n");
    }

    for (size_t i = 0; i < nr; i++) {
        const nx_relation *r = &rs[i];
        const nx_argument *from = NULL, *to = NULL;
        for (size_t k = 0; k < r->n_arguments; k++) {
            const nx_argument *a = &r->arguments[k];
            if (a->entity < 0) continue;
            if (!from) from = a;
            else if (!to) to = a;
        }
        if (!from) continue;
        const char *title = r->value_role && r->value ? r->value : NULL;
        const char *target = to ? es[to->entity].key : NULL;
        if (!target && title) {
            /* no organisation: the edge ends at the title's node */
            tmp.len = 0;
            if (nx_sbuf_add(&tmp, "title:", 6) || nx_sbuf_add(&tmp, title, strlen(title) + 1)) {
                g.failed = 1;
                break;
            }
            nx_gout_byte(&g, 'N');
            csv_field(&g, tmp.s);
            nx_gout_str(&g, ",Title,");
            csv_field(&g, title);
            nx_gout_str(&g, ",,,,,,,,");
            versions(&g);
            target = tmp.s;
        }
        if (!target) continue;
        char type[64];
        size_t n = 0;
        for (const char *p = r->type ? r->type : "related"; *p && n + 1 < sizeof type; p++)
            type[n++] = (*p >= 'a' && *p <= 'z') ? (char)(*p - 'a' + 'A') : *p;
        type[n] = '\0';
        edge(&g, es[from->entity].key, target, type);
        nx_gout_byte(&g, ',');
        csv_field(&g, title);
        nx_gout_byte(&g, ',');
        csv_field(&g, r->status);
        nx_gout_byte(&g, ',');
        csv_field(&g, docid.s);
        nx_gout_byte(&g, ',');
        nx_gout_uint(&g, r->start);
        nx_gout_byte(&g, ',');
        nx_gout_uint(&g, r->end);
        nx_gout_byte(&g, ',');
        csv_field(&g, r->rule);
        nx_gout_byte(&g, '\n');
    }
    free(docid.s);
    free(tmp.s);
    return nx_gout_finish(&g);
}

static int csv_error(const char *id, const char *message, const nx_write_options *wo, nx_sbuf *out) {
    (void)wo;
    nx_gout g;
    nx_gout_init(&g, out);
    nx_gout_byte(&g, 'N');
    csv_prefixed(&g, "doc:", id ? id : "");
    nx_gout_str(&g, ",Document,,,,,,,,,");
    csv_field(&g, message ? message : "");
    versions(&g);
    return nx_gout_finish(&g);
}

const nx_writer nx_writer_csv = {"csv", csv_begin, NULL, csv_document, csv_error};
