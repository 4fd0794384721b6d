/* test_rules.c: recognition and linking rules on short sentences, from
 * two tables: tests/data/entities.tsv (the people, organisations and
 * places in each sentence) and tests/data/relations.tsv (the holds_title
 * facts each sentence states). The expected values are what the text
 * says, written by hand. */
#include <stdlib.h>

#include "check.h"
#include "model_fixture.h"
#include "nerx.h"
#include "strmap.h"

static nx_model *model;

static nx_document *extract(const char *text) { return extract_text(model, text, "rule", "2024-07-05"); }

static void append(char *buf, size_t cap, const char *sep, const char *s) {
    size_t n = strlen(buf);
    snprintf(buf + n, cap - n, "%s%s", n ? sep : "", s);
}

static int entities_row(const char *text, const char *want, size_t line) {
    nx_document *doc = extract(text);
    if (!doc) return 1;
    char got[4096] = "";
    size_t n;
    const nx_mention *m = nx_document_mentions(doc, &n);
    size_t ne;
    const nx_entity *ents = nx_document_entities(doc, &ne);
    for (size_t i = 0; i < n; i++) {
        if (m[i].type > NX_PLACE && m[i].type != NX_NATIONALITY) continue;
        char item[512];
        /* a nationality shows the country it refers to: nationality:Kazakh>Kazakhstan */
        int nat = m[i].type == NX_NATIONALITY && m[i].entity >= 0 && (size_t)m[i].entity < ne;
        snprintf(item, sizeof item, "%s:%s%s%s", nx_type_name(m[i].type), m[i].text, nat ? ">" : "",
                 nat ? ents[m[i].entity].name : "");
        append(got, sizeof got, " | ", item);
    }
    if (!got[0]) strcpy(got, "-");
    nx_document_free(doc);
    if (strcmp(got, want)) {
        fprintf(stderr, "entities.tsv:%zu: %s\n    got      %s\n    expected %s\n", line, text, got, want);
        return 1;
    }
    return 0;
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* Facts as sorted "person|title|org" strings joined by " ; ". The person
 * and organisation are the mention texts of the relation; a relation other
 * than holds_title is prefixed with its type ("affiliated_with:"). When the
 * expected facts of a row say a status (a fourth field: |former), every
 * fact gets its status; when they name rules (@holds_title:apposition),
 * every fact gets the rule that made it. */
static int relations_row(const char *text, const char *want, size_t line) {
    nx_document *doc = extract(text);
    if (!doc) return 1;
    size_t nm, nr;
    const nx_mention *m = nx_document_mentions(doc, &nm);
    const nx_relation *r = nx_document_relations(doc, &nr);
    int with_rule = strchr(want, '@') != NULL, with_status = 0;
    for (const char *p = want; *p; p++) {
        size_t bars = 0;
        while (*p && *p != ';') bars += *p++ == '|';
        if (bars >= 3) with_status = 1;
        if (!*p) break;
    }
    char *items[32];
    size_t k = 0;
    for (size_t i = 0; i < nr && k < 32; i++) {
        const nx_argument *pa = nx_relation_argument(&r[i], "person"), *oa = nx_relation_argument(&r[i], "organization");
        const char *person = pa && pa->mention >= 0 ? m[pa->mention].text : NULL;
        const char *org = oa && oa->mention >= 0 ? m[oa->mention].text : "";
        char buf[512];
        snprintf(buf, sizeof buf, "%s%s%s|%s|%s%s%s%s%s", strcmp(r[i].type, "holds_title") ? r[i].type : "",
                 strcmp(r[i].type, "holds_title") ? ":" : "", person ? person : "?", r[i].value ? r[i].value : "", org,
                 with_status ? "|" : "", with_status && r[i].status ? r[i].status : "", with_rule ? "@" : "",
                 with_rule && r[i].rule ? r[i].rule : "");
        items[k++] = strdup(buf);
    }
    qsort(items, k, sizeof *items, cmp_str);
    char got[4096] = "";
    for (size_t i = 0; i < k; i++) {
        append(got, sizeof got, " ; ", items[i]);
        free(items[i]);
    }
    if (!got[0]) strcpy(got, "-");
    /* sort the expected facts the same way */
    char wbuf[4096];
    snprintf(wbuf, sizeof wbuf, "%s", want);
    char *wi[32];
    size_t wk = 0;
    for (char *p = strtok(wbuf, ";"); p && wk < 32; p = strtok(NULL, ";")) {
        while (*p == ' ') p++;
        size_t len = strlen(p);
        while (len && p[len - 1] == ' ') p[--len] = '\0';
        wi[wk++] = p;
    }
    qsort(wi, wk, sizeof *wi, cmp_str);
    char exp[4096] = "";
    for (size_t i = 0; i < wk; i++) append(exp, sizeof exp, " ; ", wi[i]);
    nx_document_free(doc);
    if (strcmp(got, exp)) {
        fprintf(stderr, "relations.tsv:%zu: %s\n    got      %s\n    expected %s\n", line, text, got, exp);
        return 1;
    }
    return 0;
}

static size_t run_table(const char *path, int (*row)(const char *, const char *, size_t)) {
    FILE *f = fopen(path, "r");
    CHECK(f != NULL);
    if (!f) return 0;
    char buf[4096];
    size_t line = 0, rows = 0;
    while (fgets(buf, sizeof buf, f)) {
        line++;
        buf[strcspn(buf, "\r\n")] = '\0';
        if (!buf[0] || buf[0] == '#') continue;
        char *tab = strchr(buf, '\t');
        if (!tab) {
            fprintf(stderr, "%s:%zu: expected sentence<TAB>expected\n", path, line);
            CHECK(0);
            continue;
        }
        *tab = '\0';
        rows++;
        CHECK(row(buf, tab + 1, line) == 0);
    }
    fclose(f);
    return rows;
}

/* resolve's index of the document's words tells two folded forms apart by
 * a tag of their hash and the slot it picks, and checks the bytes after:
 * two words that share both must still be two words. A word in capitals
 * (an unknown acronym, an organisation) that the text also writes in lower
 * case is a common word; a different lower-case word with the same tag
 * must not make it one. The pair is found here, among five-letter words,
 * as index_words makes tag and slot for a document of at most 8 tokens
 * (a table of 16 slots: the hash's low 4 bits pick the slot, its high 28
 * the tag). */
typedef struct tagged {
    uint32_t key, word;
} tagged;

static int cmp_tagged(const void *a, const void *b) {
    uint32_t x = ((const tagged *)a)->key, y = ((const tagged *)b)->key;
    return x < y ? -1 : x > y;
}

static void five_letters(uint32_t i, char *s) {
    for (int k = 0; k < 5; k++, i /= 26) s[k] = (char)('a' + i % 26);
    s[5] = '\0';
}

static void same_tag_words(void) {
    enum { N = 1 << 18, BITS = 4 };
    tagged *v = malloc(N * sizeof *v);
    CHECK(v != NULL);
    if (!v) return;
    char s[8];
    for (uint32_t i = 0; i < N; i++) {
        five_letters(i, s);
        uint64_t h = nx_hash(s, 5, 0);
        v[i].key = (uint32_t)(((h >> 32) >> BITS) << BITS | (h & ((1u << BITS) - 1)));
        v[i].word = i;
    }
    qsort(v, N, sizeof *v, cmp_tagged);
    size_t pairs = 0;
    for (size_t i = 1; i < N && pairs < 3; i++) {
        if (v[i].key != v[i - 1].key) continue;
        char a[8], b[8], upper[8], text[128], want[64];
        five_letters(v[i - 1].word, a);
        five_letters(v[i].word, b);
        for (int k = 0; k < 6; k++) upper[k] = (char)(a[k] >= 'a' ? a[k] - 32 : a[k]);
        /* 7 tokens: the acronym, and the other word in lower case */
        snprintf(text, sizeof text, "the %s said that %s ran.", upper, b);
        snprintf(want, sizeof want, "organization:%s", upper);
        CHECK(entities_row(text, want, 0) == 0);
        /* the same word in lower case does make it a common word */
        snprintf(text, sizeof text, "the %s said that %s ran.", upper, a);
        CHECK(entities_row(text, "-", 0) == 0);
        pairs++;
    }
    CHECK(pairs == 3);
    free(v);
}

/* The type of the mention that covers bytes [b0, b1) of text exactly, or
 * -1. */
static int type_at(const char *text, size_t b0, size_t b1) {
    nx_document *doc = extract(text);
    if (!doc) return -1;
    size_t n;
    const nx_mention *m = nx_document_mentions(doc, &n);
    int type = -1;
    for (size_t i = 0; i < n; i++)
        if (m[i].byte_start == b0 && m[i].byte_end == b1) type = (int)m[i].type;
    nx_document_free(doc);
    return type;
}

/* The type of the mention that covers the first `word` of text exactly, or
 * -1. */
static int type_of(const char *text, const char *word) {
    const char *w = strstr(text, word);
    return w ? type_at(text, (size_t)(w - text), (size_t)(w - text) + strlen(word)) : -1;
}

/* A state named alone stays a place though a wrong person reading before
 * it ends in its name ("Maryland House" of "the Maryland House of
 * Delegates"): only what the text says of "Maryland" is asserted, not how
 * the legislature's name is read. */
static void state_not_a_surname(void) {
    const char *text = "He served two terms in the Maryland House of Delegates . He ran for Governor of Maryland in 2014 .";
    const char *state = strstr(text, "of Maryland in") + 3;
    CHECK(type_at(text, (size_t)(state - text), (size_t)(state - text) + 8) == NX_PLACE);
}

/* The name of the organisation entity of text's one holds_title fact, "-"
 * when the fact names none, NULL when there is not exactly one fact. */
static const char *fact_org(const char *text, char *buf, size_t len) {
    nx_document *doc = extract(text);
    if (!doc) return NULL;
    size_t nr, ne;
    const nx_relation *r = nx_document_relations(doc, &nr);
    const nx_entity *e = nx_document_entities(doc, &ne);
    const char *got = NULL;
    if (nr == 1) {
        const nx_argument *oa = nx_relation_argument(&r[0], "organization");
        snprintf(buf, len, "%s", oa && oa->entity >= 0 && (size_t)oa->entity < ne ? e[oa->entity].name : "-");
        got = buf;
    }
    nx_document_free(doc);
    return got;
}

/* "the Committee" is the organisation named before it with that head word,
 * when one is; a head word alone that names no body is no fact's. */
static void head_word_refers_back(void) {
    char buf[128];
    const char *got = fact_org("The Nobel Committee met in Oslo. John Smith, chairman of the Committee, said no.", buf, sizeof buf);
    CHECK(got && strcmp(got, "Nobel Committee") == 0);
    got = fact_org("The Nobel Committee and the Budget Committee met. John Smith, chairman of the Committee, said no.", buf,
                   sizeof buf);
    CHECK(got && strcmp(got, "-") == 0);
    got = fact_org("John Smith, chairman of the Board, said no.", buf, sizeof buf);
    CHECK(got && strcmp(got, "-") == 0);
}

/* The text of the first title mention of text, copied to buf, or NULL. */
static const char *title_text(const char *text, char *buf, size_t len) {
    nx_document *doc = extract(text);
    if (!doc) return NULL;
    size_t n;
    const nx_mention *m = nx_document_mentions(doc, &n);
    const char *got = NULL;
    for (size_t i = 0; i < n && !got; i++)
        if (m[i].type == NX_TITLE) {
            snprintf(buf, len, "%s", m[i].text);
            got = buf;
        }
    nx_document_free(doc);
    return got;
}

/* A title mention is the title: a word its value leaves out at its start
 * ("former", "the first") is the fact's status, no part of the mention;
 * "acting" is part of both. */
static void title_mention_edges(void) {
    char buf[128];
    const char *got = title_text("Former editor Maxwell McCrohon left the newspaper.", buf, sizeof buf);
    CHECK(got && strcmp(got, "editor") == 0);
    got = title_text("Joseph Jenkins Roberts was the first president of Liberia.", buf, sizeof buf);
    CHECK(got && strcmp(got, "president") == 0);
    got = title_text("Acting president Jane Doe-Smith chaired the meeting.", buf, sizeof buf);
    CHECK(got && strcmp(got, "Acting president") == 0);
}

/* What the entity of the first mention whose text is `mention` in text
 * says, copied to buf: its name, with " +ids" when it has external ids
 * (ENTITY_NAME), or "key: id id ..." (ENTITY_IDS); NULL when there is no
 * such mention. */
enum entity_field { ENTITY_NAME, ENTITY_IDS };

static const char *entity_field(const char *text, const char *mention, enum entity_field what, char *buf, size_t len) {
    nx_document *doc = extract(text);
    if (!doc) return NULL;
    size_t nm, ne;
    const nx_mention *m = nx_document_mentions(doc, &nm);
    const nx_entity *e = nx_document_entities(doc, &ne);
    const char *got = NULL;
    for (size_t i = 0; i < nm && !got; i++) {
        if (strcmp(m[i].text, mention) || m[i].entity < 0 || (size_t)m[i].entity >= ne) continue;
        const nx_entity *x = &e[m[i].entity];
        if (what == ENTITY_NAME) {
            snprintf(buf, len, "%s%s", x->name, x->n_ids ? " +ids" : "");
        } else {
            snprintf(buf, len, "%s:", x->key ? x->key : "");
            for (size_t k = 0; k < x->n_ids; k++) append(buf, len, " ", x->ids[k]);
        }
        got = buf;
    }
    nx_document_free(doc);
    return got;
}

static const char *entity_of(const char *text, const char *mention, char *buf, size_t len) {
    return entity_field(text, mention, ENTITY_NAME, buf, len);
}

/* A party adjective alone ("Democratic", "Independent") names no one
 * country's party: it is its own name, with no party's id (the parties
 * data had "Democratic" as a Japanese party's, "Independent" a Czech one's). */
static void party_word_alone(void) {
    char buf[128];
    const char *got = entity_of("Democratic Sen. Edward Kennedy spoke on Monday.", "Democratic", buf, sizeof buf);
    CHECK(got && strcmp(got, "Democratic") == 0);
    got = entity_of("He ran as an Independent in 2010.", "Independent", buf, sizeof buf);
    CHECK(got && strcmp(got, "Independent") == 0);
    got = entity_of("The Progressive candidate won.", "Progressive", buf, sizeof buf);
    CHECK(!got || strcmp(got, "Progressive") == 0);
}

/* A party's or university's short acronym from the gazetteers names that
 * body (its name and ids) only where the text speaks of its country or
 * names it in full: "UFC" is Guyana's The United Force in Guyana, not in a
 * report on mixed martial arts; Taiwan's DPP is not Malawi's. */
static void foreign_acronym(void) {
    char buf[128];
    const char *got = entity_of("Dana White, president of the UFC, said the fight would go ahead.", "UFC", buf, sizeof buf);
    CHECK(got && strcmp(got, "UFC") == 0);
    got = entity_of("Jane Doe, leader of the UFC, spoke at a rally in Guyana.", "UFC", buf, sizeof buf);
    CHECK(got && strcmp(got, "The United Force +ids") == 0);
    got = entity_of("The UFC said The United Force would stand.", "UFC", buf, sizeof buf);
    CHECK(got && strcmp(got, "The United Force +ids") == 0);
    got = entity_of("Tsai Ing-wen, chairwoman of the DPP, won the nomination in Taiwan.", "DPP", buf, sizeof buf);
    CHECK(got && strcmp(got, "DPP") == 0);
    /* (another acronym of the same country is no evidence) */
    got = entity_of("He said the ACC and the ADC would meet.", "ACC", buf, sizeof buf);
    CHECK(got && strcmp(got, "ACC") == 0);
}

/* The status of text's holds_title fact of the given title value, or NULL. */
static const char *title_status(const char *text, const char *title, char *buf, size_t len) {
    nx_document *doc = extract(text);
    if (!doc) return NULL;
    size_t nr;
    const nx_relation *r = nx_document_relations(doc, &nr);
    const char *got = NULL;
    for (size_t i = 0; i < nr && !got; i++)
        if (!strcmp(r[i].type, "holds_title") && r[i].value && !strcmp(r[i].value, title)) {
            snprintf(buf, len, "%s", r[i].status ? r[i].status : "");
            got = buf;
        }
    nx_document_free(doc);
    return got;
}

/* The organisation mention's text of text's holds_title fact of the given
 * title value ("" for none), or NULL when there is no such fact. */
static const char *title_org(const char *text, const char *title, char *buf, size_t len) {
    nx_document *doc = extract(text);
    if (!doc) return NULL;
    size_t nr, nm;
    const nx_relation *r = nx_document_relations(doc, &nr);
    const nx_mention *m = nx_document_mentions(doc, &nm);
    const char *got = NULL;
    for (size_t i = 0; i < nr && !got; i++)
        if (!strcmp(r[i].type, "holds_title") && r[i].value && !strcmp(r[i].value, title)) {
            const nx_argument *oa = nx_relation_argument(&r[i], "organization");
            snprintf(buf, len, "%s", oa && oa->mention >= 0 ? m[oa->mention].text : "");
            got = buf;
        }
    nx_document_free(doc);
    return got;
}

/* A nationality before the next item of a list of titles is that item's
 * organisation, not the bare item's before it ("former mayor and French
 * President X": the text names no mayor's organisation, and whether nerx
 * makes the mayor's fact at all is not asserted). */
static void list_nationality_guard(void) {
    char buf[128];
    const char *got = title_org("The council is deciding whether former mayor and French President Jacques Chirac would pay.",
                                "mayor", buf, sizeof buf);
    CHECK(!got || strcmp(got, "French") != 0);
    got = title_org("The council is deciding whether former mayor and French President Jacques Chirac would pay.", "president",
                    buf, sizeof buf);
    CHECK(got && strcmp(got, "French") == 0);
}

/* A status word before a party the gazetteers read in two words is the
 * title's ("Former Progressive Conservative prime minister"); only the
 * status is asserted, not how the party's name is cut. */
static void status_before_party(void) {
    char buf[32];
    const char *got = title_status("Former Progressive Conservative prime minister Brian Mulroney set Canada on a path.",
                                   "prime minister", buf, sizeof buf);
    CHECK(got && strcmp(got, "former") == 0);
}

/* A status prefix on the word before a title says the title's status
 * ("Ex-Nissan boss"); only the status is asserted: the organisation inside
 * the hyphenated word ("Nissan") is not read. */
static void status_prefix(void) {
    char buf[32];
    /* ("Ex-Google" is no organisation either: the status is no part of a name) */
    const char *ex = "Ex-Google engineer John Smith founded the startup.";
    CHECK(type_of(ex, "Ex-Google") != NX_ORGANIZATION);
    /* ("outgoing" says the title is held now) */
    const char *out = title_status("Outgoing chairman John Smith will be replaced by Jane Doe.", "chairman", buf, sizeof buf);
    CHECK(out && strcmp(out, "current") == 0);
    const char *got = title_status("Ex-Nissan boss Carlos Ghosn fled Japan.", "boss", buf, sizeof buf);
    CHECK(got && strcmp(got, "former") == 0);
    got = title_status("Atalanta reunites Lentini, who fell out with ex-Milan coach Fabio Capello last season.", "coach", buf, sizeof buf);
    CHECK(got && strcmp(got, "former") == 0);
}

/* In a sports report a player before a minute, a time or a bowler's
 * figures is no team, and a venue's city in parentheses stays a place;
 * only that is asserted, not whether the players are found as persons. */
static void sports_report_names(void) {
    const char *scorers = "Soccer scorers after halftime : Temizkanoglu 68th , Sabitzer 77th .";
    CHECK(type_of(scorers, "Temizkanoglu") != NX_ORGANIZATION && type_of(scorers, "Sabitzer") != NX_ORGANIZATION);
    const char *times = "Cycling results after the semifinal : Andersson 1:34 , Skibby 1:45 .";
    CHECK(type_of(times, "Andersson") != NX_ORGANIZATION && type_of(times, "Skibby") != NX_ORGANIZATION);
    const char *cricket = "Cricket scores : S. Law c Tillekeratne b Dharmasena 13 , wickets falling fast.";
    CHECK(type_of(cricket, "Dharmasena") != NX_ORGANIZATION);
    const char *venue = "Surrey beat Kent by an innings at Headingley ( Leeds ) , their bowler taking four wickets.";
    CHECK(type_of(venue, "Surrey") == NX_ORGANIZATION && type_of(venue, "Leeds") == NX_PLACE);
}

/* A party's adjective alone before a place that ends the name is the
 * place's style, no party: "Democratic" of "the former Democratic
 * Kampuchea" is no organisation (how the place's name is cut is not
 * asserted). */
static void party_word_before_place(void) {
    CHECK(type_of("Khieu Samphan was head of state of the former Democratic Kampuchea for years.", "Democratic") != NX_ORGANIZATION);
}

/* "Norwest Corp." and "Norwest", in either order, are one organisation:
 * the name without the legal forms at its end (coref.c org_base_key). */
static void org_without_legal_form(void) {
    char a[128], b[128];
    const char *full = entity_of("Norwest Corp. said profits rose. Shares of Norwest fell.", "Norwest Corp.", a, sizeof a);
    const char *base = entity_of("Norwest Corp. said profits rose. Shares of Norwest fell.", "Norwest", b, sizeof b);
    CHECK(full && base && strcmp(full, base) == 0);
    full = entity_of("Shares of Pirelli fell. Pirelli SpA said profits rose.", "Pirelli SpA", a, sizeof a);
    base = entity_of("Shares of Pirelli fell. Pirelli SpA said profits rose.", "Pirelli", b, sizeof b);
    CHECK(full && base && strcmp(full, base) == 0);
}

/* One sport word in a headline (a short first line, Reuters' "SOCCER -")
 * makes a sports report, where a name before the scores of a results
 * line is a team; the same word in running text alone does not. */
static void sport_in_headline(void) {
    const char *text = "SOCCER - SCOTTISH LEAGUE STANDINGS .\nDivision two\nStenhousemuir 3 1 1 1 6 1 4\n";
    const char *team = strstr(text, "Stenhousemuir");
    CHECK(type_at(text, (size_t)(team - text), (size_t)(team - text) + 13) == NX_ORGANIZATION);
    text = "He wrote about soccer for years . Stenhousemuir 3 1 1 1 6 1 4";
    team = strstr(text, "Stenhousemuir");
    CHECK(type_at(text, (size_t)(team - text), (size_t)(team - text) + 13) != NX_ORGANIZATION);
    /* a batsman's score in a scorecard's parentheses is no team's */
    text = "Cricket : Pakistan 185 ( Ijaz Ahmed 79 ) after the innings.";
    team = strstr(text, "Ijaz Ahmed");
    CHECK(type_at(text, (size_t)(team - text), (size_t)(team - text) + 10) != NX_ORGANIZATION);
}

/* An organisation's short name found again ("NationsBank" of "NationsBank
 * Corp.", "Mercantile" of "Mercantile Bancorp Inc.") is that organisation. */
static void org_short_name(void) {
    char a[128], b[128];
    const char *text = "Mercantile Bancorp Inc. gained. The most coveted bank is Mercantile , analysts said.";
    const char *full = entity_of(text, "Mercantile Bancorp Inc.", a, sizeof a);
    const char *base = entity_of(text, "Mercantile", b, sizeof b);
    CHECK(full && base && strcmp(full, base) == 0);
}

/* Whether the first mentions whose texts are a and b in text are of one
 * entity. */
static int one_entity(const char *text, const char *a, const char *b) {
    nx_document *doc = extract(text);
    if (!doc) return 0;
    size_t n;
    const nx_mention *m = nx_document_mentions(doc, &n);
    long ea = -2, eb = -2;
    for (size_t i = 0; i < n; i++) {
        if (ea == -2 && !strcmp(m[i].text, a)) ea = m[i].entity;
        else if (eb == -2 && !strcmp(m[i].text, b)) eb = m[i].entity;
    }
    nx_document_free(doc);
    return ea >= 0 && ea == eb;
}

/* Coreference groups names by a key that folds case and reads a run of
 * white space or hyphens as one space; an ASCII name's key is written
 * eight bytes at a time until a chunk needs more than that (coref.c
 * write_key): a run across two chunks ("Michael" is seven letters), a
 * hyphen, a tab, capitals, a last chunk shorter than eight. */
static void key_chunks(void) {
    CHECK(one_entity("Michael  Jordan spoke on Monday. Later Michael Jordan left the arena.", "Michael  Jordan", "Michael Jordan"));
    CHECK(one_entity("Michael Jordan spoke on Monday. Later Michael\tJordan left the arena.", "Michael Jordan", "Michael\tJordan"));
    CHECK(one_entity("Jean-Pierre Raffarin spoke on Monday. Later Jean Pierre Raffarin left.", "Jean-Pierre Raffarin",
                     "Jean Pierre Raffarin"));
    CHECK(one_entity("Rolls-Royce Holdings said on Monday. Rolls Royce Holdings fell.", "Rolls-Royce Holdings", "Rolls Royce Holdings"));
    CHECK(one_entity("Shares of Deutsche Bank fell. DEUTSCHE BANK said.", "Deutsche Bank", "DEUTSCHE BANK"));
}

/* Whether the first two mentions whose text is w in text are of two
 * entities. */
static int two_entities(const char *text, const char *w) {
    nx_document *doc = extract(text);
    if (!doc) return 0;
    size_t n;
    const nx_mention *m = nx_document_mentions(doc, &n);
    long e[2] = {-1, -1};
    size_t found = 0;
    for (size_t i = 0; i < n && found < 2; i++)
        if (!strcmp(m[i].text, w)) e[found++] = m[i].entity;
    nx_document_free(doc);
    return found == 2 && e[0] >= 0 && e[1] >= 0 && e[0] != e[1];
}

/* A gazetteer entry's name met again is the entity it was (coref.c
 * by_canon), but of its type only: a city that names its team in a sports
 * report keeps the city's name, and the team and the city are two. */
static void canon_met_again(void) {
    CHECK(one_entity("SOCCER - Surrey beat Kent . Surrey is a county in England and Kent is too .", "Kent", "Kent"));
    CHECK(two_entities("SOCCER - ENGLISH LEAGUE RESULTS .\nLONDON 1996-08-24\nLeicester 2 Chelsea 1\n"
                       "The match was played in Leicester on Saturday.\n",
                       "Leicester"));
    CHECK(two_entities("CRICKET - Surrey beat Kent by an innings . The match was played in Kent .", "Kent"));
}

/* Whether a relation of text was made by the named rule. */
static int has_rule(const char *text, const char *rule) {
    nx_document *doc = extract(text);
    if (!doc) return 0;
    size_t n;
    const nx_relation *r = nx_document_relations(doc, &n);
    int found = 0;
    for (size_t i = 0; i < n && !found; i++) found = r[i].rule && !strcmp(r[i].rule, rule);
    nx_document_free(doc);
    return found;
}

/* The relation stage lists the tokens of the word classes a finder scans
 * for (relations.c NX_REL_CUES) testing four tokens at a time: a cue is
 * found at each place among four, the last four tokens of a document
 * included (its first sentence one word longer each time). */
static void cues_at_every_offset(void) {
    static const char *const pads[] = {"", " there", " there early", " there very early"};
    static const char *const rows[][2] = {
        {"Jane Doe studied law%s. She joined Acme Corp", "affiliated_with:pronoun-verb"},
        {"The University of Melbourne has named Professor Emma Johnston as its next vice-chancellor%s. She succeeds Duncan "
         "Maskell",
         "holds_title:predecessor"},
        {"Acme Corp said its chairman, John Smith, would retire%s. Smith will be succeeded by Mary Jones", "holds_title:succeeded-by"},
    };
    for (size_t p = 0; p < sizeof pads / sizeof *pads; p++)
        for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
            char text[256];
            snprintf(text, sizeof text, rows[i][0], pads[p]);
            if (!has_rule(text, rows[i][1])) fprintf(stderr, "%s\n    no %s\n", text, rows[i][1]);
            CHECK(has_rule(text, rows[i][1]));
        }
}

/* An entity's external ids are the words of its gazetteer entry's ids
 * field, the first its key (views.c entity_keys cuts them from one copy). */
static void entity_id_words(void) {
    char buf[256];
    const char *got = entity_field("Kazakhstan signed the treaty.", "Kazakhstan", ENTITY_IDS, buf, sizeof buf);
    CHECK(got && strcmp(got, "iso3166:KZ: iso3166:KZ geonames:1522867") == 0);
}

int main(void) {
    model = load_test_model();
    if (!model) return 1;
    list_nationality_guard();
    CHECK(run_table(NX_TEST_DATA "/entities.tsv", entities_row) >= 20);
    CHECK(run_table(NX_TEST_DATA "/relations.tsv", relations_row) >= 25);
    same_tag_words();
    state_not_a_surname();
    head_word_refers_back();
    title_mention_edges();
    party_word_alone();
    foreign_acronym();
    status_before_party();
    org_without_legal_form();
    status_prefix();
    sports_report_names();
    party_word_before_place();
    sport_in_headline();
    org_short_name();
    key_chunks();
    canon_met_again();
    cues_at_every_offset();
    entity_id_words();
    nx_model_free(model);
    return check_result("test_rules");
}
