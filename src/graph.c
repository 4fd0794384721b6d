/* graph.c: a document as a graph (see graph.h and docs/graph.md). */
#include "graph.h"

#include "text.h"

#include <stdlib.h>
#include <string.h>

#define NX_NS_PREFIX_(id, prefix, iri) prefix,
#define NX_NS_IRI_(id, prefix, iri) iri,
const char *const nx_ns_prefix[NX_NS_COUNT] = {NX_NS_LIST(NX_NS_PREFIX_)};
const char *const nx_ns_iri[NX_NS_COUNT] = {NX_NS_LIST(NX_NS_IRI_)};
#undef NX_NS_PREFIX_
#undef NX_NS_IRI_


void nx_gout_escaped(nx_gout *g, const char *str) {
    static const char hex[] = "0123456789ABCDEF";
    const unsigned char *s = (const unsigned char *)str, *run = s;
    size_t len_all = strlen(str);
    for (;;) {
        unsigned c = *s;
        if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80) {
            s++;
            continue;
        }
        nx_gout_put(g, (const char *)run, (size_t)(s - run));
        if (!c) break;
        if (c >= 0x80) {
            int32_t cp;
            size_t n = nx_utf8_next_nonascii(str, len_all, (size_t)((const char *)s - str), &cp);
            /* a byte that is no character (the decoder's 1 for it) is U+FFFD */
            if (n > 1) nx_gout_put(g, (const char *)s, n);
            else nx_gout_put(g, "\xEF\xBF\xBD", 3);
            s += n;
            run = s;
            continue;
        }
        char e[6] = {'\\', 0, 0, 0, 0, 0};
        size_t len = 2;
        switch (c) {
        case '"': e[1] = '"'; break;
        case '\\': e[1] = '\\'; break;
        case '\n': e[1] = 'n'; break;
        case '\r': e[1] = 'r'; break;
        case '\t': e[1] = 't'; break;
        default:
            e[1] = 'u';
            e[2] = '0';
            e[3] = '0';
            e[4] = hex[c >> 4];
            e[5] = hex[c & 15];
            len = 6;
        }
        nx_gout_put(g, e, len);
        s++;
        run = s;
    }
}

/* ---- IRIs ------------------------------------------------------------------- */

/* The bytes an IRI keeps as they are: unreserved, sub-delims, ':' '@' and
 * (when `slash`) '/'; every other byte (non-ASCII ones too, so an IRI is
 * ASCII whatever the name) is percent-encoded. */
static int iri_keeps(unsigned char c, int slash) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return 1;
    if (c == '/') return slash;
    return c && strchr("-._~:@!$&'()*+,;=", c) != NULL;
}

static int hexdig(unsigned char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

static int iri_add(nx_sbuf *b, const char *s, size_t n, int slash) {
    static const char hex[] = "0123456789ABCDEF";
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (iri_keeps(c, slash)) {
            if (nx_sbuf_add(b, (const char *)&c, 1)) return -1;
        } else {
            char e[3] = {'%', hex[c >> 4], hex[c & 15]};
            if (nx_sbuf_add(b, e, 3)) return -1;
        }
    }
    return 0;
}

/* The base as given, but for the bytes an IRI cannot hold (a '%' that
 * starts an escape stays). */
static int iri_base(nx_sbuf *b, const char *base) {
    static const char hex[] = "0123456789ABCDEF";
    for (const unsigned char *p = (const unsigned char *)base; *p; p++) {
        unsigned c = *p;
        int keep = c > 0x20 && c < 0x7F && !strchr("<>\"{}|^`\\", (int)c) &&
                   (c != '%' || (hexdig(p[1]) && hexdig(p[2])));
        if (keep ? nx_sbuf_add(b, (const char *)p, 1) : nx_sbuf_add(b, (char[3]){'%', hex[c >> 4], hex[c & 15]}, 3))
            return -1;
    }
    return 0;
}

int nx_graph_entity_iri(nx_sbuf *b, const char *base, const char *key) {
    const char *colon = strchr(key, ':');
    if (iri_base(b, base) || nx_sbuf_add(b, "entity/", 7)) return -1;
    if (colon) {
        if (iri_add(b, key, (size_t)(colon - key), 0) || nx_sbuf_add(b, "/", 1)) return -1;
        key = colon + 1;
    }
    return iri_add(b, key, strlen(key), 0);
}

int nx_graph_doc_iri(nx_sbuf *b, const char *base, const char *id) {
    if (iri_base(b, base) || nx_sbuf_add(b, "doc/", 4)) return -1;
    return iri_add(b, id, strlen(id), 0);
}

/* A title's IRI: base, "title/", the title's words joined by '-'. */
static int title_iri(nx_sbuf *b, const char *base, const char *title) {
    if (iri_base(b, base) || nx_sbuf_add(b, "title/", 6)) return -1;
    int dash = 0, any = 0;
    for (const char *p = title; *p; p++) {
        if (*p == ' ') {
            dash = any;
            continue;
        }
        if (dash && nx_sbuf_add(b, "-", 1)) return -1;
        dash = 0;
        any = 1;
        if (iri_add(b, p, 1, 0)) return -1;
    }
    return 0;
}

/* ---- the mapping -------------------------------------------------------------- */

#define T(ns, local) ((nx_term){NX_NS_##ns, local})

/* The schema.org class of an entity type, and the finer one of a
 * gazetteer kind (emitted as well: a query for schema:Organization finds
 * a university without reasoning). */
static nx_term type_class(nx_type t) {
    switch (t) {
    case NX_PERSON: return T(SCHEMA, "Person");
    case NX_ORGANIZATION: return T(SCHEMA, "Organization");
    case NX_PLACE: return T(SCHEMA, "Place");
    default: return T(SCHEMA, "Thing");
    }
}

static const struct {
    const char *kind;
    const char *cls;
} KIND_CLASS[] = {
    {"university", "CollegeOrUniversity"},
    {"company", "Corporation"},
    {"government", "GovernmentOrganization"},
    {"agency", "GovernmentOrganization"},
    {"court", "GovernmentOrganization"},
    {"central-bank", "GovernmentOrganization"},
    {"military", "GovernmentOrganization"},
    {"news-agency", "NewsMediaOrganization"},
    {"newspaper", "NewsMediaOrganization"},
    {"broadcaster", "NewsMediaOrganization"},
    {"sports-body", "SportsOrganization"},
    {"team", "SportsTeam"},
    {"ngo", "NGO"},
    {"charity", "NGO"},
    {"country", "Country"},
    {"city", "City"},
    {"town", "City"},
    {"admin1", "AdministrativeArea"},
    {"province", "AdministrativeArea"},
    {"county", "AdministrativeArea"},
    {"continent", "Continent"},
    {"water", "BodyOfWater"},
    {"mountain", "Mountain"},
};

/* External ids with a resolvable IRI for schema:sameAs: prefix, IRI
 * before the id, IRI after it. */
static const struct {
    const char *prefix;
    const char *before, *after;
    int same_as; /* 0: the IRI is the thing's web site (schema:url), not the thing */
} ID_IRI[] = {
    {"geonames:", "https://sws.geonames.org/", "/", 1},
    {"wikidata:", "http://www.wikidata.org/entity/", "", 1},
    {"domain:", "https://", "/", 0},
};

/* A relation's role -> predicate on its fact node; other roles are nx:<role>. */
static const struct {
    const char *role;
    nx_term pred;
} ROLE_PRED[] = {
    {"person", {NX_NS_ORG, "member"}},
    {"organization", {NX_NS_ORG, "organization"}},
    {"title", {NX_NS_ORG, "role"}},
};

/* A relation type -> its fact node's class and the statement made straight
 * between two of its arguments (none when `direct` is NULL). */
static const struct {
    const char *type;
    nx_term cls;
    const char *direct, *from, *to;
} REL_MAP[] = {
    {"holds_title", {NX_NS_ORG, "Membership"}, NULL, NULL, NULL},
    {"affiliated_with", {NX_NS_ORG, "Membership"}, "affiliation", "person", "organization"},
};

#define N_OF(a) (sizeof(a) / sizeof *(a))

const char *nx_graph_kind_class(const char *kind) {
    for (size_t k = 0; kind && k < N_OF(KIND_CLASS); k++)
        if (!strcmp(kind, KIND_CLASS[k].kind)) return KIND_CLASS[k].cls;
    return NULL;
}

/* The graph of one document; the IRIs in one buffer. */
typedef struct gctx {
    const char *base;
    nx_emitter *e;
    nx_sbuf iris;        /* NUL-separated IRIs */
    size_t *ent_iri;     /* offset of each entity's IRI in iris */
    size_t doc_iri;
    nx_sbuf tmp;
} gctx;

static const char *iri_at(const gctx *c, size_t off) { return c->iris.s + off; }

/* Ends the IRI just appended to c->iris with its NUL; its offset in *off. */
static int iri_done(gctx *c, size_t start, size_t *off) {
    if (nx_sbuf_add(&c->iris, "", 1)) return -1;
    *off = start;
    return 0;
}

static int entity_nodes(gctx *c, const nx_entity *es, size_t ne) {
    nx_emitter *e = c->e;
    for (size_t i = 0; i < ne; i++) {
        const nx_entity *en = &es[i];
        e->subject(e, iri_at(c, c->ent_iri[i]));
        e->type(e, type_class(en->type));
        const char *cls = nx_graph_kind_class(en->kind);
        if (cls) e->type(e, T(SCHEMA, cls));
        if (en->name) e->str(e, T(SCHEMA, "name"), en->name);
        for (size_t k = 0; k < en->n_aliases; k++) e->str(e, T(SCHEMA, "alternateName"), en->aliases[k]);
        if (en->key) e->str(e, T(NX, "key"), en->key);
        if (en->kind) e->str(e, T(NX, "kind"), en->kind);
        if (en->country) e->str(e, T(NX, "country"), en->country);
        for (size_t k = 0; k < en->n_ids; k++) e->str(e, T(SCHEMA, "identifier"), en->ids[k]);
        for (int same = 1; same >= 0; same--) {
            for (size_t k = 0; k < en->n_ids; k++) {
                for (size_t m = 0; m < N_OF(ID_IRI); m++) {
                    size_t pl = strlen(ID_IRI[m].prefix);
                    if (ID_IRI[m].same_as != same || strncmp(en->ids[k], ID_IRI[m].prefix, pl)) continue;
                    const char *v = en->ids[k] + pl;
                    c->tmp.len = 0;
                    if (nx_sbuf_add(&c->tmp, ID_IRI[m].before, strlen(ID_IRI[m].before)) ||
                        iri_add(&c->tmp, v, strlen(v), 0) ||
                        nx_sbuf_add(&c->tmp, ID_IRI[m].after, strlen(ID_IRI[m].after) + 1))
                        return -1;
                    e->iri(e, same ? T(SCHEMA, "sameAs") : T(SCHEMA, "url"), c->tmp.s);
                }
            }
        }
        e->end(e);
    }
    return 0;
}

static int relation_nodes(gctx *c, const nx_relation *rs, size_t nr) {
    nx_emitter *e = c->e;
    const char *doc_iri = iri_at(c, c->doc_iri);
    for (size_t i = 0; i < nr; i++) {
        const nx_relation *r = &rs[i];
        size_t map = N_OF(REL_MAP);
        for (size_t k = 0; k < N_OF(REL_MAP); k++)
            if (r->type && !strcmp(r->type, REL_MAP[k].type)) map = k;
        /* the fact's IRI, then its title's */
        c->tmp.len = 0;
        char num[32];
        int nl = snprintf(num, sizeof num, "/fact/%zu", i + 1);
        if (nx_sbuf_add(&c->tmp, doc_iri, strlen(doc_iri)) || nx_sbuf_add(&c->tmp, num, (size_t)nl) ||
            nx_sbuf_add(&c->tmp, "", 1))
            return -1;
        size_t title_at = c->tmp.len;
        const char *title = r->value_role && r->value ? r->value : NULL;
        if (title && (title_iri(&c->tmp, c->base, title) || nx_sbuf_add(&c->tmp, "", 1))) return -1;

        e->subject(e, c->tmp.s);
        e->type(e, T(NX, "Fact"));
        if (map < N_OF(REL_MAP)) {
            e->type(e, REL_MAP[map].cls);
            e->type(e, T(SCHEMA, "Role"));
        }
        if (r->type) e->str(e, T(NX, "relationType"), r->type);
        for (size_t k = 0; k < r->n_arguments; k++) {
            const nx_argument *a = &r->arguments[k];
            if (!a->role) continue;
            nx_term p = T(NX, a->role);
            for (size_t m = 0; m < N_OF(ROLE_PRED); m++)
                if (!strcmp(a->role, ROLE_PRED[m].role)) p = ROLE_PRED[m].pred;
            if (r->value_role && !strcmp(a->role, r->value_role)) {
                if (title) e->iri(e, p, c->tmp.s + title_at);
            } else if (a->entity >= 0) {
                e->iri(e, p, iri_at(c, c->ent_iri[a->entity]));
            }
        }
        if (title) e->str(e, T(SCHEMA, "roleName"), title);
        if (r->status) e->str(e, T(NX, "status"), r->status);
        e->iri(e, T(PROV, "wasDerivedFrom"), doc_iri);
        e->integer(e, T(NX, "start"), r->start);
        e->integer(e, T(NX, "end"), r->end);
        if (r->rule) e->str(e, T(NX, "rule"), r->rule);
        e->end(e);
        if (title) {
            e->subject(e, c->tmp.s + title_at);
            e->type(e, T(ORG, "Role"));
            e->str(e, T(RDFS, "label"), title);
            e->end(e);
        }
        /* the statement straight between two arguments (affiliated_with: schema:affiliation) */
        if (map < N_OF(REL_MAP) && REL_MAP[map].direct) {
            const nx_argument *from = nx_relation_argument(r, REL_MAP[map].from);
            const nx_argument *to = nx_relation_argument(r, REL_MAP[map].to);
            if (from && to && from->entity >= 0 && to->entity >= 0) {
                e->subject(e, iri_at(c, c->ent_iri[from->entity]));
                e->iri(e, T(SCHEMA, REL_MAP[map].direct), iri_at(c, c->ent_iri[to->entity]));
                e->end(e);
            }
        }
    }
    return 0;
}

/* What made the graph: on every document node. */
static void versions(nx_emitter *e) {
    e->str(e, T(NX, "nerxVersion"), nx_version());
    e->integer(e, T(NX, "schemaVersion"), NX_SCHEMA_VERSION);
}

int nx_graph_error(nx_emitter *e, const char *base_iri, const char *id, const char *message) {
    nx_sbuf iri = {0};
    if (!id) id = "";
    if (nx_graph_doc_iri(&iri, base_iri, id)) return -1;
    e->subject(e, iri.s);
    e->type(e, T(SCHEMA, "CreativeWork"));
    e->str(e, T(SCHEMA, "identifier"), id);
    e->str(e, T(NX, "error"), message ? message : "");
    versions(e);
    e->end(e);
    free(iri.s);
    return 0;
}

void nx_graph_header(nx_gout *g) {
    nx_gout_str(g, "# nerx ");
    nx_gout_str(g, nx_version());
    nx_gout_str(g, ", output schema ");
    nx_gout_uint(g, NX_SCHEMA_VERSION);
    nx_gout_str(g, "\n");
}

int nx_graph_document(const nx_document *doc, const char *base, nx_emitter *e) {
    size_t ne, nr;
    const nx_entity *es = nx_document_entities(doc, &ne);
    const nx_relation *rs = nx_document_relations(doc, &nr);
    const char *id = nx_document_id(doc);
    const char *dct_source;
    const char *dct = nx_document_dct(doc, &dct_source);
    if (!id) return -1;
    gctx c = {.base = base, .e = e};
    int rc = -1;
    c.ent_iri = malloc((ne + 1) * sizeof *c.ent_iri);
    if (!c.ent_iri) goto done;
    size_t at = c.iris.len;
    if (nx_graph_doc_iri(&c.iris, base, id) || iri_done(&c, at, &c.doc_iri)) goto done;
    for (size_t i = 0; i < ne; i++) {
        at = c.iris.len;
        if (!es[i].key || nx_graph_entity_iri(&c.iris, base, es[i].key) || iri_done(&c, at, &c.ent_iri[i])) goto done;
    }

    e->subject(e, iri_at(&c, c.doc_iri));
    e->type(e, T(SCHEMA, "CreativeWork"));
    e->str(e, T(SCHEMA, "identifier"), id);
    if (dct) e->typed(e, T(DCT, "created"), dct, T(XSD, "date"));
    if (dct_source) e->str(e, T(NX, "dctSource"), dct_source);
    size_t nf;
    const char *const *fields = nx_document_fields(doc, &nf);
    for (size_t k = 0; k < nf; k++) {
        const char *name = fields[2 * k], *value = fields[2 * k + 1];
        if (!strcmp(name, "url")) e->str(e, T(SCHEMA, "url"), value);
        else if (!strcmp(name, "title")) e->str(e, T(SCHEMA, "headline"), value);
        else {
            /* another kept field: nx:field- and its name, letters, digits and '-' kept, the rest '_' */
            c.tmp.len = 0;
            if (nx_sbuf_add(&c.tmp, "field-", 6)) goto done;
            for (const char *q = name; *q; q++) {
                char ch = *q;
                int ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '-';
                if (nx_sbuf_add(&c.tmp, ok ? &ch : "_", 1)) goto done;
            }
            if (nx_sbuf_add(&c.tmp, "", 1)) goto done;
            e->str(e, T(NX, c.tmp.s), value);
        }
    }
    versions(e);
    for (size_t i = 0; i < ne; i++) e->iri(e, T(SCHEMA, "mentions"), iri_at(&c, c.ent_iri[i]));
    e->end(e);

    if (entity_nodes(&c, es, ne) || relation_nodes(&c, rs, nr)) goto done;
    rc = 0;
done:
    free(c.ent_iri);
    free(c.iris.s);
    free(c.tmp.s);
    return rc;
}
