/* gazetteer_build.c: reading gazetteer files (format: gazetteers/README.md)
 * into the token trie, and handing the result to the read-only view
 * (gazetteer.h). The only code that writes a gazetteer. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "fs.h"
#include "gazetteer.h"

/* The growing arrays of a gazetteer being built; nx_gazetteer_load() hands
 * them to the view when every file is read. */
typedef struct builder {
    nx_entry *entries;
    uint32_t *entry_next;
    size_t n_entries, cap_entries;
    char *pool;
    size_t pool_len, pool_cap;
    uint32_t *node_head;
    uint32_t *node_parent, *node_label; /* each node's edge in: its parent, its label */
    size_t n_nodes, cap_nodes;
    nx_strmap edges;           /* edge key (edge_key) -> child, while building */
    char *labels;              /* the folded token of each node's edge in */
    size_t labels_len, labels_cap;
    nx_gsource *sources;
    size_t n_sources;
    nx_vec endings;            /* nx_ending */
    nx_strmap abbreviations;
    nx_strmap no_sentence_end;
} builder;

typedef struct loader {
    builder *g;
    nx_strmap intern; /* string -> pool offset */
    nx_error *err;
} loader;

/* The offset of s in the pool (which starts with "" at offset 0), added
 * when new. */
static long pool_add(loader *L, const char *s, size_t len) {
    builder *g = L->g;
    uint32_t off;
    if (len == 0) return 0;
    if (nx_strmap_get(&L->intern, s, len, &off)) return off;
    if (g->pool_len + len + 1 > g->pool_cap) {
        size_t cap = g->pool_cap ? g->pool_cap * 2 : 1 << 16;
        while (cap < g->pool_len + len + 1) cap *= 2;
        if (cap > UINT32_MAX) return -1;
        char *p = realloc(g->pool, cap);
        if (!p) return -1;
        g->pool = p;
        g->pool_cap = cap;
    }
    off = (uint32_t)g->pool_len;
    memcpy(g->pool + off, s, len);
    g->pool[off + len] = '\0';
    g->pool_len += len + 1;
    if (nx_strmap_put(&L->intern, s, len, off)) return -1;
    return off;
}

/* Appends a folded token to the labels; its offset. Not interned: a third
 * of the labels repeat, but looking each up costs more at every build than
 * the bytes it saves. */
static long label_add(builder *g, const char *s, size_t len) {
    if (g->labels_len + len + 1 > g->labels_cap) {
        size_t cap = g->labels_cap ? g->labels_cap * 2 : 1 << 16;
        while (cap < g->labels_len + len + 1) cap *= 2;
        if (cap > UINT32_MAX) return -1;
        char *p = realloc(g->labels, cap);
        if (!p) return -1;
        g->labels = p;
        g->labels_cap = cap;
    }
    size_t off = g->labels_len;
    memcpy(g->labels + off, s, len);
    g->labels[off + len] = '\0';
    g->labels_len += len + 1;
    return (long)off;
}

static long new_node(builder *g, uint32_t parent, uint32_t label) {
    if (g->n_nodes == g->cap_nodes) {
        size_t cap = g->cap_nodes ? g->cap_nodes * 2 : 1024;
        uint32_t *h = realloc(g->node_head, cap * sizeof *h);
        if (h) g->node_head = h;
        uint32_t *p = realloc(g->node_parent, cap * sizeof *p);
        if (p) g->node_parent = p;
        uint32_t *l = realloc(g->node_label, cap * sizeof *l);
        if (l) g->node_label = l;
        if (!h || !p || !l) return -1;
        g->cap_nodes = cap;
    }
    g->node_head[g->n_nodes] = 0;
    g->node_parent[g->n_nodes] = parent;
    g->node_label[g->n_nodes] = label;
    return (long)g->n_nodes++;
}

/* The key of an edge in the building map: the parent node's 4 bytes, then
 * the folded token; its length, or 0 when it does not fit in cap. */
static size_t edge_key(char *buf, size_t cap, uint32_t node, const char *fold, size_t len) {
    if (len + 4 > cap) return 0;
    memcpy(buf, &node, 4);
    memcpy(buf + 4, fold, len);
    return len + 4;
}

static long child(const builder *g, uint32_t node, const char *fold, size_t len) {
    char key[260];
    size_t kl = edge_key(key, sizeof key, node, fold, len);
    uint32_t c;
    if (!kl || !nx_strmap_get(&g->edges, key, kl, &c)) return -1;
    return c;
}

typedef struct attrs {
    int cls;
    int case_rule;
    int family_first;
    int status;
    const char *name; size_t name_len;
    const char *kind; size_t kind_len;
    const char *value; size_t value_len;
    const char *country; size_t country_len;
    const char *id; size_t id_len;
    double rank;
} attrs;

static int insert_entry(loader *L, const char *surface, size_t slen, const attrs *a, uint16_t source,
                        nx_arena *scratch, const nx_token_lexicon *lex) {
    builder *g = L->g;
    if (a->cls == NX_G_NAME_ENDING) {
        const char *s = surface;
        size_t n = slen;
        while (n && (*s == '-' || *s == ' ')) s++, n--;
        if (!n) return 0;
        nx_ending *e = nx_vec_push(&g->endings, sizeof *e);
        if (!e) return -1;
        char buf[128];
        size_t fl = nx_fold(s, n, buf, sizeof buf);
        if (fl > sizeof buf) fl = sizeof buf;
        long off = pool_add(L, buf, fl);
        if (off < 0) return -1;
        e->fold = (uint32_t)off;
        e->len = (uint32_t)fl;
        e->family_first = (uint8_t)a->family_first;
        return 0;
    }
    nx_text text;
    nx_tokens toks;
    if (nx_text_prepare(scratch, surface, slen, &text) != NX_OK) return 1;
    if (nx_tokenize(scratch, &text, lex, &toks) != NX_OK) return -1;
    if (toks.count == 0 || toks.count > 64) return 1;
    uint32_t node = 0;
    for (size_t i = 0; i < toks.count; i++) {
        const nx_token *t = &toks.items[i];
        long c = child(g, node, t->fold, t->fold_len);
        if (c < 0) {
            char key[260];
            size_t kl = edge_key(key, sizeof key, node, t->fold, t->fold_len);
            if (!kl) return 1; /* a token over 255 bytes: not a name */
            long label = label_add(g, t->fold, t->fold_len);
            c = label < 0 ? -1 : new_node(g, node, (uint32_t)label);
            if (c < 0 || nx_strmap_put(&g->edges, key, kl, (uint32_t)c)) return -1;
        }
        node = (uint32_t)c;
    }
    if (g->n_entries == g->cap_entries) {
        size_t cap = g->cap_entries ? g->cap_entries * 2 : 4096;
        nx_entry *e = realloc(g->entries, cap * sizeof *e);
        if (!e) return -1;
        g->entries = e;
        uint32_t *nx = realloc(g->entry_next, cap * sizeof *nx);
        if (!nx) return -1;
        g->entry_next = nx;
        g->cap_entries = cap;
    }
    nx_entry *e = &g->entries[g->n_entries];
    memset(e, 0, sizeof *e);
    e->cls = (uint8_t)a->cls;
    e->case_rule = (uint8_t)a->case_rule;
    e->family_first = (uint8_t)a->family_first;
    e->status = (uint8_t)a->status;
    e->source = source;
    e->ntok = (uint16_t)toks.count;
    if (a->country_len && a->country_len < sizeof e->country) memcpy(e->country, a->country, a->country_len);
    long off = pool_add(L, surface, slen);
    long name = a->name_len ? pool_add(L, a->name, a->name_len) : off;
    long kind = a->kind_len ? pool_add(L, a->kind, a->kind_len) : 0;
    long value = a->value_len ? pool_add(L, a->value, a->value_len) : 0;
    long xid = a->id_len ? pool_add(L, a->id, a->id_len) : 0;
    if (off < 0 || name < 0 || kind < 0 || value < 0 || xid < 0) return -1;
    e->surface = (uint32_t)off;
    e->name = (uint32_t)name;
    e->kind = (uint32_t)kind;
    e->value = (uint32_t)value;
    e->id = (uint32_t)xid;
    e->rank = a->rank;
    /* append to the node's list, keeping file order */
    g->entry_next[g->n_entries] = 0;
    uint32_t id = (uint32_t)g->n_entries + 1;
    if (!g->node_head[node]) {
        g->node_head[node] = id;
    } else {
        uint32_t p = g->node_head[node];
        while (g->entry_next[p - 1]) p = g->entry_next[p - 1];
        g->entry_next[p - 1] = id;
    }
    g->n_entries++;
    if (a->cls == NX_G_ABBREV) {
        char buf[128];
        size_t fl = nx_fold(surface, slen, buf, sizeof buf);
        /* (a month's, kind=month: NX_ABBREV_MONTH, which the tokenizer
         * takes with its period only before no capital) */
        uint32_t v = a->kind_len == 5 && memcmp(a->kind, "month", 5) == 0 ? NX_ABBREV_MONTH : NX_ABBREV_ANY;
        if (fl <= sizeof buf && nx_strmap_put(&g->abbreviations, buf, fl, v)) return -1;
    }
    return 0;
}

/* A gazetteer file whole, within the size limit of every input. */
static nx_status read_file(const char *path, char **data, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) return NX_ERR_IO;
    nx_status st = nx_read_stream(f, NULL, 0, NX_MAX_INPUT_BYTES, data, len);
    int e = errno;
    fclose(f);
    errno = e;
    return st;
}

static void trim(const char **s, size_t *n) {
    while (*n && (**s == ' ' || **s == '\t' || **s == '\r')) (*s)++, (*n)--;
    while (*n && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t' || (*s)[*n - 1] == '\r')) (*n)--;
}

static int eq(const char *s, size_t n, const char *lit) { return strlen(lit) == n && memcmp(s, lit, n) == 0; }

typedef struct file_defaults {
    int cls, case_rule;
    const char *kind; size_t kind_len;
} file_defaults;

/* Parses one entry line's attributes. Returns 0, or the column of a bad one. */
static size_t parse_attrs(const char *line, size_t n, size_t first_tab, const file_defaults *d, attrs *a,
                          const char **bad_msg) {
    memset(a, 0, sizeof *a);
    a->cls = d->cls;
    a->case_rule = d->case_rule;
    a->kind = d->kind;
    a->kind_len = d->kind_len;
    size_t i = first_tab;
    while (i < n) {
        size_t j = i + 1;
        while (j < n && line[j] != '\t') j++;
        const char *f = line + i + 1;
        size_t fl = j - i - 1;
        trim(&f, &fl);
        if (fl) {
            const char *eqp = memchr(f, '=', fl);
            if (!eqp) {
                *bad_msg = "attribute without '=' (expected key=value)";
                return i + 2;
            }
            const char *k = f, *v = eqp + 1;
            size_t kl = (size_t)(eqp - f), vl = fl - kl - 1;
            if (eq(k, kl, "type")) {
                a->cls = nx_gclass_from_name(v, vl);
                if (a->cls < 0) {
                    *bad_msg = "unknown type (see gazetteers/README.md)";
                    return i + 2;
                }
            } else if (eq(k, kl, "name")) {
                a->name = v, a->name_len = vl;
            } else if (eq(k, kl, "case")) {
                a->case_rule = nx_case_from_name(v, vl);
                if (a->case_rule < 0) {
                    *bad_msg = "case must be exact, cap or fold";
                    return i + 2;
                }
            } else if (eq(k, kl, "kind")) {
                a->kind = v, a->kind_len = vl;
            } else if (eq(k, kl, "value")) {
                a->value = v, a->value_len = vl;
            } else if (eq(k, kl, "country")) {
                a->country = v, a->country_len = vl;
            } else if (eq(k, kl, "id")) {
                a->id = v, a->id_len = vl;
            } else if (eq(k, kl, "rank")) {
                a->rank = strtod(v, NULL);
            } else if (eq(k, kl, "order")) {
                a->family_first = eq(v, vl, "family-first");
            } else if (eq(k, kl, "status")) {
                a->status = nx_status_from_name(v, vl);
            } /* other keys are for tools; nerx ignores them */
        }
        i = j;
    }
    return 0;
}

typedef struct loaded_file {
    char *data;
    size_t len;
    uint16_t source;
} loaded_file;

static nx_status load_one(loader *L, loaded_file *lf, const char *path, int abbreviations_only,
                          nx_arena *scratch, size_t *since_reset) {
    builder *g = L->g;
    nx_token_lexicon lex = {&g->abbreviations, NULL};
    file_defaults d = {-1, 0, NULL, 0};
    int in_header = 1;
    size_t lineno = 0;
    char *s = lf->data;
    size_t pos = 0;
    while (pos < lf->len) {
        char *nl = memchr(s + pos, '\n', lf->len - pos);
        size_t end = nl ? (size_t)(nl - s) : lf->len;
        const char *line = s + pos;
        size_t n = end - pos;
        pos = end + 1;
        lineno++;
        if (n && line[n - 1] == '\r') n--;
        if (lineno == 1 && n >= 3 && memcmp(line, "\xEF\xBB\xBF", 3) == 0) line += 3, n -= 3;
        const char *t = line;
        size_t tn = n;
        trim(&t, &tn);
        if (tn == 0) continue;
        if (t[0] == '#') {
            if (!in_header) continue;
            const char *k = t + 1;
            size_t kn = tn - 1;
            trim(&k, &kn);
            const char *colon = memchr(k, ':', kn);
            if (!colon) continue;
            const char *v = colon + 1;
            size_t kl = (size_t)(colon - k), vl = kn - kl - 1;
            trim(&v, &vl);
            if (eq(k, kl, "type")) {
                d.cls = nx_gclass_from_name(v, vl);
                if (d.cls < 0) {
                    nx_error_set(L->err, NX_ERR_PARSE, path, lineno, 1, "unknown type in header (see gazetteers/README.md)");
                    return NX_ERR_PARSE;
                }
            } else if (eq(k, kl, "case")) {
                d.case_rule = nx_case_from_name(v, vl);
                if (d.case_rule < 0) {
                    nx_error_set(L->err, NX_ERR_PARSE, path, lineno, 1, "case must be exact, cap or fold");
                    return NX_ERR_PARSE;
                }
            } else if (eq(k, kl, "kind")) {
                d.kind = v, d.kind_len = vl;
            } else if (eq(k, kl, "licence") || eq(k, kl, "license")) {
                if (!abbreviations_only && !g->sources[lf->source].licence) {
                    long off = pool_add(L, v, vl);
                    if (off < 0) return NX_ERR_NOMEM;
                    g->sources[lf->source].licence = (uint32_t)off;
                }
            }
            continue;
        }
        in_header = 0;
        size_t tab = 0;
        while (tab < n && line[tab] != '\t') tab++;
        const char *surf = line;
        size_t sl = tab;
        trim(&surf, &sl);
        attrs a;
        const char *bad = NULL;
        size_t col = parse_attrs(line, n, tab, &d, &a, &bad);
        if (col) {
            nx_error_set(L->err, NX_ERR_PARSE, path, lineno, col, "%s", bad);
            return NX_ERR_PARSE;
        }
        if (a.cls < 0) {
            nx_error_set(L->err, NX_ERR_PARSE, path, lineno, 1,
                         "entry has no type (add type=... or a '# type: ...' header line)");
            return NX_ERR_PARSE;
        }
        if (!sl) {
            nx_error_set(L->err, NX_ERR_PARSE, path, lineno, 1, "empty surface form");
            return NX_ERR_PARSE;
        }
        if ((a.cls == NX_G_ABBREV) != (abbreviations_only != 0)) continue;
        int r = insert_entry(L, surf, sl, &a, lf->source, scratch, &lex);
        if (r < 0) {
            nx_error_set(L->err, NX_ERR_NOMEM, path, lineno, 0, "out of memory");
            return NX_ERR_NOMEM;
        }
        if (++*since_reset >= 4096) {
            nx_arena_free(scratch);
            *since_reset = 0;
        }
    }
    return NX_OK;
}

static int has_utf8_errors(const char *s, size_t n, size_t *line) {
    *line = 1;
    for (size_t i = 0; i < n;) {
        int32_t cp;
        size_t k = nx_utf8_next(s, n, i, &cp);
        if (cp == 0xFFFD && k == 1 && (unsigned char)s[i] >= 0x80) return 1;
        if (s[i] == '\n') (*line)++;
        i += k;
    }
    return 0;
}

static char *rule_name(const char *path) {
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    size_t n = strlen(base);
    const char *dot = strrchr(base, '.');
    if (dot && dot != base) n = (size_t)(dot - base);
    char *r = malloc(n + 11);
    if (!r) return NULL;
    memcpy(r, "gazetteer:", 10);
    memcpy(r + 10, base, n);
    r[10 + n] = '\0';
    return r;
}

/* Frees what the builder still owns (finish() takes the view's arrays). */
static void builder_free(builder *g) {
    free(g->entries);
    free(g->entry_next);
    free(g->pool);
    free(g->node_head);
    free(g->node_parent);
    free(g->node_label);
    free(g->sources);
    free(g->labels);
    nx_vec_free(&g->endings);
    nx_strmap_free(&g->edges);
    nx_strmap_free(&g->abbreviations);
    nx_strmap_free(&g->no_sentence_end);
}

/* The static edge table (gazetteer.h, nx_gedge): every node but the root
 * entered through its edge, in node order, so the table is the same on
 * every build. At least twice as many slots as edges keeps probes short and
 * leaves an empty slot to end every lookup. */
static nx_gedge *edge_table(const builder *b, size_t *n_slots) {
    size_t n = 16;
    while (n < 2 * b->n_nodes) n *= 2;
    nx_gedge *t = calloc(n, sizeof *t);
    if (!t) return NULL;
    for (size_t c = 1; c < b->n_nodes; c++) {
        const char *lab = b->labels + b->node_label[c];
        uint64_t h = nx_gedge_hash(b->node_parent[c], nx_gtoken_hash(lab, strlen(lab)));
        size_t s = (size_t)h & (n - 1);
        while (t[s].child) s = (s + 1) & (n - 1);
        t[s] = (nx_gedge){(uint32_t)(h >> 32), b->node_parent[c], (uint32_t)c, b->node_label[c]};
    }
    *n_slots = n;
    return t;
}

/* The Bloom filter of the edges that leave a node other than the root
 * (nx_gedge_may_exist): about 8 bits or more per edge, so two bits each
 * answer "maybe" for 2 to 3 % of the absent ones. */
static uint64_t *edge_filter(const builder *b, size_t *n_bits) {
    size_t edges = 0;
    for (size_t c = 1; c < b->n_nodes; c++) edges += b->node_parent[c] != 0;
    size_t n = 512;
    while (n < 8 * edges) n *= 2;
    uint64_t *f = calloc(n / 64, sizeof *f);
    if (!f) return NULL;
    for (size_t c = 1; c < b->n_nodes; c++) {
        if (!b->node_parent[c]) continue;
        const char *lab = b->labels + b->node_label[c];
        uint64_t h = nx_gedge_hash(b->node_parent[c], nx_gtoken_hash(lab, strlen(lab)));
        for (int k = 0; k < 2; k++) {
            size_t x = nx_gedge_filter_bit(h, n, k);
            f[x >> 6] |= UINT64_C(1) << (x & 63);
        }
    }
    *n_bits = n;
    return f;
}

/* Each node's flags and features by case rule (gazetteer.h, nx_gnode_flag),
 * from its entries and the edges that leave it. */
static int node_summaries(const builder *b, uint8_t **flags_out, nx_gnode_feat **feat_out) {
    uint8_t *flags = calloc(b->n_nodes, 1);
    nx_gnode_feat *feat = calloc(b->n_nodes, sizeof *feat);
    if (!flags || !feat) {
        free(flags);
        free(feat);
        return -1;
    }
    for (size_t n = 0; n < b->n_nodes; n++) {
        for (uint32_t e = b->node_head[n]; e; e = b->entry_next[e - 1]) {
            const nx_entry *en = &b->entries[e - 1];
            if (en->case_rule == NX_CASE_FOLD) {
                flags[n] |= NX_GN_FOLD;
                feat[n].fold |= nx_entry_features(en);
            } else if (en->case_rule == NX_CASE_CAP) {
                flags[n] |= NX_GN_CAP;
                feat[n].cap |= nx_entry_features(en);
            } else {
                flags[n] |= NX_GN_EXACT;
            }
        }
        if (n) flags[b->node_parent[n]] |= NX_GN_CHILDREN;
    }
    *flags_out = flags;
    *feat_out = feat;
    return 0;
}

/* Sorts the endings by nx_ending_key (stably, so the same files make the
 * same bytes) and returns where each key's endings start. */
static uint32_t *ending_index(const builder *b) {
    uint32_t *first = calloc(NX_ENDING_KEYS + 1, sizeof *first);
    nx_ending *e = b->endings.items, *sorted = malloc((b->endings.count ? b->endings.count : 1) * sizeof *sorted);
    if (!first || !sorted) {
        free(first);
        free(sorted);
        return NULL;
    }
    /* a counting sort: the count of each key, then where each key starts */
    for (size_t i = 0; i < b->endings.count; i++) first[nx_ending_key(b->pool + e[i].fold, e[i].len) + 1]++;
    for (size_t k = 0; k < NX_ENDING_KEYS; k++) first[k + 1] += first[k];
    uint32_t at[NX_ENDING_KEYS];
    memcpy(at, first, sizeof at);
    for (size_t i = 0; i < b->endings.count; i++) sorted[at[nx_ending_key(b->pool + e[i].fold, e[i].len)]++] = e[i];
    if (b->endings.count) memcpy(e, sorted, b->endings.count * sizeof *e);
    free(sorted);
    return first;
}

/* Hands the builder's arrays to the view (which then owns them); -1 when
 * out of memory (the builder still owns everything). */
static int finish(builder *b, nx_gazetteer *g) {
    size_t n_slots = 0;
    nx_gedge *slots = edge_table(b, &n_slots);
    uint8_t *flags = NULL;
    nx_gnode_feat *feat = NULL;
    size_t filter_bits = 0;
    uint64_t *filter = edge_filter(b, &filter_bits);
    uint32_t *ending_first = ending_index(b);
    if (!slots || !filter || !ending_first || node_summaries(b, &flags, &feat)) {
        free(slots);
        free(filter);
        free(ending_first);
        return -1;
    }
    g->entries = b->entries;
    g->entry_next = b->entry_next;
    g->n_entries = b->n_entries;
    g->pool = b->pool;
    g->pool_len = b->pool_len;
    g->node_head = b->node_head;
    g->node_flags = flags;
    g->node_feat = feat;
    g->n_nodes = b->n_nodes;
    g->edges.slots = slots;
    g->edges.n_slots = n_slots;
    g->edges.labels = b->labels;
    g->edges.labels_len = b->labels_len;
    g->edges.filter = filter;
    g->edges.filter_bits = filter_bits;
    g->sources = b->sources;
    g->n_sources = b->n_sources;
    g->endings = b->endings.items;
    g->n_endings = b->endings.count;
    g->ending_first = ending_first;
    nx_gazetteer_index_endings(g);
    g->abbreviations = b->abbreviations;
    g->no_sentence_end = b->no_sentence_end;
    /* what the view does not take */
    free(b->node_parent);
    free(b->node_label);
    nx_strmap_free(&b->edges);
    return 0;
}

nx_status nx_gazetteer_load(nx_gazetteer *out, const char *const *paths, size_t n, nx_error *err) {
    if (n > UINT16_MAX) return NX_ERR_LIMIT;
    builder B, *g = &B;
    memset(g, 0, sizeof *g);
    nx_strmap_init(&g->edges);
    nx_strmap_init(&g->abbreviations);
    nx_strmap_init(&g->no_sentence_end);
    loader L = {g, {0}, err};
    nx_strmap_init(&L.intern);
    nx_arena scratch;
    nx_arena_init(&scratch);
    nx_status st = NX_OK;
    loaded_file *files = calloc(n ? n : 1, sizeof *files);
    g->sources = calloc(n ? n : 1, sizeof *g->sources);
    /* the root, and offset 0 of the strings and of the labels: "" */
    g->pool_cap = 1 << 16;
    g->pool = malloc(g->pool_cap);
    if (g->pool) g->pool[g->pool_len++] = '\0';
    if (!files || !g->sources || !g->pool || label_add(g, "", 0) != 0 || new_node(g, 0, 0) < 0) {
        st = NX_ERR_NOMEM;
        goto done;
    }
    for (size_t i = 0; i < n; i++) {
        nx_status rst = read_file(paths[i], &files[i].data, &files[i].len);
        if (rst != NX_OK) {
            if (rst == NX_ERR_LIMIT)
                nx_error_set(err, rst, paths[i], 0, 0, "gazetteer larger than the size limit (%zu bytes)", NX_MAX_INPUT_BYTES);
            else nx_error_set(err, rst, paths[i], 0, 0, "cannot read gazetteer: %s", rst == NX_ERR_IO ? strerror(errno) : nx_strerror(rst));
            st = rst;
            goto done;
        }
        size_t bad_line;
        if (has_utf8_errors(files[i].data, files[i].len, &bad_line)) {
            nx_error_set(err, NX_ERR_ENCODING, paths[i], bad_line, 0, "gazetteer is not valid UTF-8");
            st = NX_ERR_ENCODING;
            goto done;
        }
        files[i].source = (uint16_t)i;
        char *rule = rule_name(paths[i]);
        long path_off = pool_add(&L, paths[i], strlen(paths[i]));
        long rule_off = rule ? pool_add(&L, rule, strlen(rule)) : -1;
        free(rule);
        if (path_off < 0 || rule_off < 0) {
            st = NX_ERR_NOMEM;
            goto done;
        }
        g->sources[i].path = (uint32_t)path_off;
        g->sources[i].rule = (uint32_t)rule_off;
        g->n_sources = i + 1;
    }
    size_t since_reset = 0;
    for (int pass = 1; pass >= 0 && st == NX_OK; pass--)
        for (size_t i = 0; i < n && st == NX_OK; i++)
            st = load_one(&L, &files[i], paths[i], pass, &scratch, &since_reset);
    if (st != NX_OK) goto done;
    /* Abbreviations that are honorifics or titles (Dr., Gen.) never end a sentence. */
    for (size_t i = 0; i < g->n_entries; i++) {
        const nx_entry *e = &g->entries[i];
        if (e->cls != NX_G_HONORIFIC && e->cls != NX_G_TITLE) continue;
        const char *s = g->pool + e->surface;
        size_t sl = strlen(s);
        if (e->ntok != 1 || !sl || s[sl - 1] != '.') continue;
        char buf[128];
        size_t fl = nx_fold(s, sl, buf, sizeof buf);
        if (fl <= sizeof buf && nx_strmap_put(&g->no_sentence_end, buf, fl, 1)) {
            st = NX_ERR_NOMEM;
            goto done;
        }
    }
done:
    for (size_t i = 0; files && i < n; i++) free(files[i].data);
    free(files);
    nx_strmap_free(&L.intern);
    nx_arena_free(&scratch);
    if (st == NX_ERR_NOMEM && err && err->status == NX_OK) nx_error_set(err, st, "", 0, 0, "out of memory");
    nx_gazetteer_free(out);
    if (st == NX_OK && finish(g, out)) {
        st = NX_ERR_NOMEM;
        nx_error_set(err, st, "", 0, 0, "out of memory");
    }
    if (st != NX_OK) builder_free(g);
    return st;
}

