/* test_gazetteer.c: loading, the token trie's longest match, case rules,
 * features, what the builder derives from the entries (node flags and
 * features, the endings by last byte, the edge filter), and errors that
 * name the file, line and column. */
#include <stdlib.h>
#include <unistd.h>

#include "check.h"
#include "fs.h"
#include "gazetteer.h"

static nx_gazetteer g;

typedef struct doc {
    nx_arena arena;
    nx_text text;
    nx_tokens toks;
    nx_gmatch *m;
    size_t n;
} doc;

static void run(doc *d, const char *s) {
    nx_arena_init(&d->arena);
    nx_token_lexicon lex = {&g.abbreviations, &g.no_sentence_end};
    CHECK_INT(nx_text_prepare(&d->arena, s, strlen(s), &d->text), NX_OK);
    CHECK_INT(nx_tokenize(&d->arena, &d->text, &lex, &d->toks), NX_OK);
    CHECK_INT(nx_gazetteer_match(&g, &d->arena, &d->text, &d->toks, &d->m, &d->n), NX_OK);
}

/* The classes of the entries at a match, as a string like "place,organization". */
static void classes(const doc *d, size_t k, char *out, size_t cap) {
    out[0] = '\0';
    for (uint32_t e = nx_gnode_first(&g, d->m[k].node); e; e = nx_gnode_next(&g, e)) {
        if (out[0]) strncat(out, ",", cap - strlen(out) - 1);
        strncat(out, nx_gclass_name(g.entries[e - 1].cls), cap - strlen(out) - 1);
    }
}

static void test_longest_match(void) {
    doc d;
    run(&d, "The New York Times reported from New York and York.");
    /* the longest entry at each start: New York Times (not New York),
     * York (inside it), New York, York, York */
    CHECK_INT(d.n, 5);
    if (d.n == 5) {
        CHECK_INT(d.m[0].t0, 1);
        CHECK_INT(d.m[0].t1, 4);
        char c[64];
        classes(&d, 0, c, sizeof c);
        CHECK_STR(c, "organization");
        CHECK_INT(d.m[1].t0, 2);
        CHECK_INT(d.m[1].t1, 3);
        CHECK_INT(d.m[2].t0, 6);
        CHECK_INT(d.m[2].t1, 8);
        classes(&d, 2, c, sizeof c);
        CHECK_STR(c, "place");
        CHECK_INT(d.m[4].t0, 9);
        CHECK_INT(d.m[4].t1, 10);
    }
    nx_arena_free(&d.arena);
}

static void test_case_rules(void) {
    doc d;
    run(&d, "US officials told us about XJTU and xjtu.");
    /* US (exact) and XJTU (exact) match; "us" and "xjtu" do not */
    CHECK_INT(d.n, 2);
    if (d.n == 2) {
        CHECK_INT(d.m[0].t0, 0);
        CHECK_INT(d.m[1].t0, 5);
        const nx_entry *e = &g.entries[nx_gnode_first(&g, d.m[1].node) - 1];
        CHECK_STR(nx_gstr(&g, e->name), "Xi'an Jiaotong University");
    }
    nx_arena_free(&d.arena);
}

static void test_cap_rule(void) {
    doc d;
    run(&d, "Turkey and TURKEY, not turkey");
    CHECK_INT(d.n, 2);
    if (d.n == 2) {
        CHECK_INT(d.m[0].t0, 0);
        CHECK_INT(d.m[1].t0, 2);
    }
    nx_arena_free(&d.arena);
}

static void test_folding_and_features(void) {
    doc d;
    run(&d, "Francois met Zhang Liqun and Ivanov, Kanseituly; XI\xE2\x80\x99" "AN JIAOTONG UNIVERSITY's president");
    const nx_token *t = d.toks.items;
    CHECK(t[0].feat & NX_FEAT(NX_G_GIVEN));      /* François without the accent */
    CHECK(t[2].feat & NX_FEAT(NX_G_SURNAME));
    CHECK(t[2].feat & NX_FEAT_FAMILY_FIRST);
    CHECK(t[5].feat & NX_FEAT(NX_G_NAME_ENDING)); /* Ivanov */
    CHECK(!(t[5].feat & NX_FEAT_NAME_ENDING_FAMILY_FIRST));
    CHECK(t[7].feat & NX_FEAT_NAME_ENDING_FAMILY_FIRST); /* Kanseituly: a patronymic */
    int found = 0;
    for (size_t k = 0; k < d.n; k++)
        if (d.m[k].t0 == 9 && d.m[k].t1 == 12) found = 1; /* curly apostrophe, capitals */
    CHECK(found);
    CHECK(t[13].feat & NX_FEAT(NX_G_TITLE));
    nx_arena_free(&d.arena);
}

static void test_abbreviation_entries(void) {
    uint32_t v;
    CHECK(nx_strmap_get(&g.abbreviations, "dr.", 3, &v));
    CHECK(nx_strmap_get(&g.no_sentence_end, "dr.", 3, &v)); /* an honorific: never ends a sentence */
}

/* What the builder derives from the entries, edges and endings agrees with
 * them: each node's flags and features by case rule, and the endings a word
 * is checked against by its last byte give the features all of them give. */
static void check_derived(const nx_gazetteer *gz) {
    size_t wrong = 0;
    uint8_t *flags = calloc(gz->n_nodes, 1);
    CHECK(flags != NULL);
    if (!flags) return;
    /* every edge from a node other than the root passes the filter */
    for (size_t s = 0; s < gz->edges.n_slots; s++) {
        const nx_gedge *e = &gz->edges.slots[s];
        if (!e->child) continue;
        flags[e->parent] |= NX_GN_CHILDREN;
        const char *lab = gz->edges.labels + e->label;
        uint64_t h = nx_gedge_hash(e->parent, nx_gtoken_hash(lab, strlen(lab)));
        wrong += e->parent && !nx_gedge_may_exist(&gz->edges, h);
    }
    CHECK_INT(wrong, 0);
    for (uint32_t n = 0; n < gz->n_nodes; n++) {
        nx_gnode_feat f = {0, 0};
        for (uint32_t e = nx_gnode_first(gz, n); e; e = nx_gnode_next(gz, e)) {
            const nx_entry *en = &gz->entries[e - 1];
            uint64_t bits = NX_FEAT(en->cls) | (en->cls == NX_G_SURNAME && en->family_first ? NX_FEAT_FAMILY_FIRST : 0);
            if (en->case_rule == NX_CASE_FOLD) flags[n] |= NX_GN_FOLD, f.fold |= bits;
            else if (en->case_rule == NX_CASE_CAP) flags[n] |= NX_GN_CAP, f.cap |= bits;
            else flags[n] |= NX_GN_EXACT;
        }
        wrong += flags[n] != gz->node_flags[n] || f.fold != gz->node_feat[n].fold || f.cap != gz->node_feat[n].cap;
    }
    free(flags);
    CHECK_INT(wrong, 0);
    /* every ending under its last byte's key */
    CHECK_INT(gz->ending_first[0], 0);
    CHECK_INT(gz->ending_first[NX_ENDING_KEYS], gz->n_endings);
    for (unsigned k = 0; k < NX_ENDING_KEYS; k++)
        for (uint32_t i = gz->ending_first[k]; i < gz->ending_first[k + 1]; i++)
            wrong += nx_ending_key(nx_gstr(gz, gz->endings[i].fold), gz->endings[i].len) != k;
    CHECK_INT(wrong, 0);
    /* per key, the bytes before the last byte of its endings (all of them
     * after an ending of one byte), which ending_features tests first */
    for (unsigned k = 1; k < NX_ENDING_KEYS; k++)
        for (unsigned b = 0; b < 256; b++) {
            int want = 0;
            for (uint32_t i = gz->ending_first[k]; i < gz->ending_first[k + 1]; i++) {
                const nx_ending *e = &gz->endings[i];
                want |= e->len < 2 || (unsigned char)nx_gstr(gz, e->fold)[e->len - 2] == b;
            }
            wrong += want != (int)((gz->ending_before_last[k][b >> 6] >> (b & 63)) & 1);
        }
    CHECK_INT(wrong, 0);
    /* words with each ending, two letters before it or fewer, against every ending */
    nx_sbuf text = {0};
    for (size_t i = 0; i < gz->n_endings; i++) {
        const nx_ending *e = &gz->endings[i];
        const char *pre[] = {"Xy", "Xyz", "Q", "Abcdef"};
        for (size_t p = 0; p < 4; p++) {
            nx_sbuf_add(&text, pre[p], strlen(pre[p]));
            nx_sbuf_add(&text, nx_gstr(gz, e->fold), e->len);
            nx_sbuf_add(&text, " ", 1);
        }
    }
    nx_sbuf_add(&text, "Ivanov Kanseituly Abcdefgh", 26);
    nx_arena arena;
    nx_arena_init(&arena);
    nx_text t;
    nx_tokens toks;
    nx_gmatch *m;
    size_t nm;
    nx_token_lexicon lex = {&gz->abbreviations, &gz->no_sentence_end};
    CHECK_INT(nx_text_prepare(&arena, text.s, text.len, &t), NX_OK);
    CHECK_INT(nx_tokenize(&arena, &t, &lex, &toks), NX_OK);
    CHECK_INT(nx_gazetteer_match(gz, &arena, &t, &toks, &m, &nm), NX_OK);
    const uint64_t ending_bits = NX_FEAT(NX_G_NAME_ENDING) | NX_FEAT_NAME_ENDING_FAMILY_FIRST;
    for (size_t i = 0; i < toks.count; i++) {
        const nx_token *k = &toks.items[i];
        uint64_t want = 0;
        if ((k->shape & NX_SH_ALPHA) && (k->shape & NX_SH_CAP) && k->fold_len >= 5)
            for (size_t j = 0; j < gz->n_endings; j++) {
                const nx_ending *e = &gz->endings[j];
                if (e->len + 2 <= k->fold_len &&
                    memcmp(k->fold + k->fold_len - e->len, nx_gstr(gz, e->fold), e->len) == 0)
                    want |= NX_FEAT(NX_G_NAME_ENDING) | (e->family_first ? NX_FEAT_NAME_ENDING_FAMILY_FIRST : 0);
            }
        wrong += (k->feat & ending_bits) != want;
    }
    CHECK_INT(wrong, 0);
    nx_arena_free(&arena);
    free(text.s);
}

/* A root slot whose tag and parent are a token's but whose label is
 * another word (two words whose hashes share the high 32 bits): the match
 * stage's root lookup, which takes the first such slot from its probe
 * step, must go on past it to the token's own edge. The table is made
 * again with a decoy slot first in "york"'s probe (tag of "york", label
 * and child of "new"), then every edge of g in order. */
static void test_root_tag_collision(void) {
    const nx_gedges *E = &g.edges;
    uint32_t york = nx_gazetteer_word(&g, "york", 4), newn = nx_gazetteer_word(&g, "new", 3);
    CHECK(york != 0 && newn != 0 && york != newn);
    uint32_t new_label = 0;
    for (size_t s = 0; s < E->n_slots; s++)
        if (E->slots[s].child == newn && E->slots[s].parent == 0) new_label = E->slots[s].label;
    CHECK(new_label != 0);
    nx_gedge *slots = calloc(E->n_slots, sizeof *slots);
    CHECK(slots != NULL);
    if (!slots) return;
    size_t mask = E->n_slots - 1;
    uint64_t h = nx_gedge_hash(0, nx_gtoken_hash("york", 4));
    slots[h & mask] = (nx_gedge){(uint32_t)(h >> 32), 0, newn, new_label};
    for (size_t s = 0; s < E->n_slots; s++) {
        if (!E->slots[s].child) continue;
        const char *lab = E->labels + E->slots[s].label;
        size_t k = nx_gedge_hash(E->slots[s].parent, nx_gtoken_hash(lab, strlen(lab))) & mask;
        while (slots[k].child) k = (k + 1) & mask;
        slots[k] = E->slots[s];
    }
    nx_gazetteer saved = g;
    g.edges.slots = slots;
    doc d;
    run(&d, "York and New York.");
    /* York alone, then New York (not the decoy's "new" for York) */
    CHECK_INT(d.n, 3);
    if (d.n == 3) {
        CHECK_INT(d.m[0].node, york);
        CHECK_INT(d.m[0].t1, 1);
        CHECK_INT(d.m[1].t0, 2);
        CHECK_INT(d.m[1].t1, 4);
        CHECK_INT(d.m[2].node, york);
    }
    nx_arena_free(&d.arena);
    g = saved;
    free(slots);
}

/* The same on the shipped gazetteers. */
static void test_derived_shipped(void) {
    char **files;
    size_t n;
    nx_error err;
    CHECK_INT(nx_list_files(NX_GAZETTEERS_DIR, ".tsv", &files, &n, &err), NX_OK);
    nx_gazetteer shipped;
    nx_gazetteer_init(&shipped);
    CHECK_INT(nx_gazetteer_load(&shipped, (const char *const *)files, n, &err), NX_OK);
    CHECK(shipped.n_endings > 10);
    check_derived(&shipped);
    nx_gazetteer_free(&shipped);
    nx_free_names(files, n);
}

static void expect_error(const char *content, nx_status want, size_t line, size_t col, const char *msg_part) {
    char *path = check_tmp_file(content);
    CHECK(path != NULL);
    if (!path) return;
    nx_gazetteer bad;
    nx_gazetteer_init(&bad);
    nx_error err;
    memset(&err, 0, sizeof err);
    const char *paths[] = {path};
    CHECK_INT(nx_gazetteer_load(&bad, paths, 1, &err), want);
    CHECK_STR(err.file, path);
    CHECK_INT(err.line, line);
    CHECK_INT(err.column, col);
    CHECK(strstr(err.message, msg_part) != NULL);
    nx_gazetteer_free(&bad);
    unlink(path);
}

/* The id attribute: the external ids, kept whole; 0 when there are none. */
static void test_external_ids(void) {
    int seen = 0;
    for (size_t i = 0; i < g.n_entries; i++) {
        const nx_entry *e = &g.entries[i];
        const char *s = nx_gstr(&g, e->surface);
        if (!strcmp(s, "XJTU") || !strcmp(s, "Xi'an Jiaotong University")) {
            CHECK_STR(nx_gstr(&g, e->id), "domain:xjtu.edu.cn");
            seen++;
        } else if (!strcmp(s, "New York")) {
            CHECK_STR(nx_gstr(&g, e->id), "geonames:5128581 wikidata:Q60");
            seen++;
        } else if (!strcmp(s, "York")) {
            CHECK_INT(e->id, 0);
            seen++;
        }
    }
    CHECK_INT(seen, 4);
}

static void test_errors(void) {
    expect_error("# type: place\nParis\nLyon\tcountry\n", NX_ERR_PARSE, 3, 6, "without '='");
    expect_error("Paris\n", NX_ERR_PARSE, 1, 1, "no type");
    expect_error("Paris\ttype=city\n", NX_ERR_PARSE, 1, 7, "unknown type");
    expect_error("# type: place\nParis\tcase=sometimes\n", NX_ERR_PARSE, 2, 7, "exact, cap or fold");
    expect_error("# type: place\nPar\xE9s\n", NX_ERR_ENCODING, 2, 0, "UTF-8");
    nx_gazetteer bad;
    nx_gazetteer_init(&bad);
    nx_error err;
    const char *missing[] = {"/nonexistent/nerx.tsv"};
    CHECK_INT(nx_gazetteer_load(&bad, missing, 1, &err), NX_ERR_IO);
    CHECK(strstr(err.message, "cannot read") != NULL);
    nx_gazetteer_free(&bad);
}

int main(void) {
    nx_gazetteer_init(&g);
    const char *paths[] = {NX_TEST_DATA "/small.tsv"};
    nx_error err;
    CHECK_INT(nx_gazetteer_load(&g, paths, 1, &err), NX_OK);
    CHECK_INT(g.n_entries, 12); /* the two name endings are kept apart */
    CHECK_STR(nx_gstr(&g, g.sources[0].rule), "gazetteer:small");
    CHECK_STR(nx_gstr(&g, g.sources[0].licence), "same as nerx");
    test_longest_match();
    test_root_tag_collision();
    test_case_rules();
    test_cap_rule();
    test_folding_and_features();
    test_abbreviation_entries();
    test_external_ids();
    check_derived(&g);
    test_derived_shipped();
    test_errors();
    nx_gazetteer_free(&g);
    return check_result("test_gazetteer");
}
