/* test_resolve.c: the resolve stage's passes over the whole document (the
 * token pass of read_tokens, the match pass of read_matches, the lists
 * the rules then walk), on short texts whose readings depend on them: a
 * headline line (in capitals or Title Case) is read without guessing, a
 * word seen in lower case is no name's, a sports report reads places as
 * teams, a plural title is flagged, a title is read from a hyphenated word
 * or a membership noun, a two-word demonym is one, a one-word
 * organisation before an unknown name is dropped, an acronym is matched to
 * a name wherever the two stand. The expected readings are the ones the
 * passes gave when each walked the tokens or matches on its own. */
#include <stdlib.h>

#include "check.h"
#include "doc.h"
#include "model_fixture.h"
#include "nerx.h"

static nx_model *model;

static nx_document *extract(const char *text) { return extract_text(model, text, "resolve", NULL); }

/* The people, organisations, places and nationalities of text (and its
 * titles too when `titles`) as "type:text" joined by " | " (in text
 * order), or "-". */
static int mentions_are(const char *text, const char *want, int titles) {
    nx_document *doc = extract(text);
    if (!doc) return 1;
    char got[2048] = "";
    size_t n, len = 0;
    const nx_mention *m = nx_document_mentions(doc, &n);
    for (size_t i = 0; i < n; i++) {
        if (m[i].type > NX_PLACE && m[i].type != NX_NATIONALITY && !(titles && m[i].type == NX_TITLE)) continue;
        len += (size_t)snprintf(got + len, sizeof got - len, "%s%s:%s", len ? " | " : "", nx_type_name(m[i].type), m[i].text);
        if (len >= sizeof got) len = sizeof got - 1;
    }
    if (!len) strcpy(got, "-");
    nx_document_free(doc);
    if (strcmp(got, want)) {
        fprintf(stderr, "%s\n    got      %s\n    expected %s\n", text, got, want);
        return 1;
    }
    return 0;
}

static const struct {
    const char *text, *want;
} CASES[] = {
    /* headlines: a line in capitals (three words or more, seven in ten in
     * capitals) or in Title Case (four words or more, no content word in
     * lower case, no full stop) guesses no name */
    {"Analysts said Mr Quorvant left.", "person:Quorvant"},
    {"MR QUORVANT LEFT THE BANK TODAY\nAnalysts said so.", "-"},
    {"Analysts said so.\nMR QUORVANT LEFT\nAnalysts said so.", "-"},
    {"Analysts said so.\nMR QUORVANT\nAnalysts said so.", "person:QUORVANT"},
    {"Analysts said so.\nMR QUORVANT LEFT today\nAnalysts said so.", "-"},
    {"Analysts said so.\nMR QUORVANT LEFT today and then\nAnalysts said so.", "person:QUORVANT LEFT"},
    {"MR QUORVANT LEFT THE BANK TODAY AND then said nothing\nAnalysts said so.", "-"},
    {"MR QUORVANT LEFT THE BANK TODAY AND then said nothing new\nAnalysts said so.",
     "organization:QUORVANT LEFT THE BANK"},
    {"Mr Quorvant Left The Bank Today\nAnalysts said so.", "-"},
    {"Mr Quorvant Left The Bank Of Today\nAnalysts said so.", "-"},
    {"Mr Quorvant Left The Bank Today.\nAnalysts said so.", "person:Quorvant Left"},
    {"Mr Quorvant left the bank today\nAnalysts said so.", "person:Quorvant"},
    {"Mr Quorvant left The Bank Today\nAnalysts said so.", "person:Quorvant"},
    /* a headline's organisation head still counts */
    {"ZORBEX TRELLAND GROUP SHARES RISE\nAnalysts said so.", "organization:ZORBEX TRELLAND GROUP"},
    /* the words: "Member" is a common word where "member" occurs */
    {"Zorbex Member left. Zorbex Member said so.", "person:Zorbex Member | person:Zorbex Member"},
    {"Quorvant Member left. He said Quorvant Member was gone and a member agreed.", "-"},
    {"The Zorbex Alliance met. Zorbex said so.", "organization:Zorbex Alliance | person:Zorbex"},
    {"The Zorbex Alliance met. Zorbex said so. Rivals dismissed zorbex claims.", "organization:Zorbex Alliance"},
    /* two forms of 16 letters with the same 64-bit fold hash (found by a
     * search) are two words: a form longer than 8 bytes is told by its
     * bytes, not its hash (read_tokens) */
    {"They saw supxopxatygccmof there. Later Rccamoubjlochfaf said Rccamoubjlochfaf arrived on Monday.",
     "person:Rccamoubjlochfaf | person:Rccamoubjlochfaf"},
    {"They saw rccamoubjlochfaf there. Later Rccamoubjlochfaf said Rccamoubjlochfaf arrived on Monday.", "-"},
    /* one sense per document: a person's surname alone is that person,
     * also in a document where a folded form holds a space (´) */
    {"Kevin Zorbexi arrived on Monday. Later Zorbexi left.", "person:Kevin Zorbexi | person:Zorbexi"},
    {"Kevin Zorbexi\u00b4an arrived on Monday. Later Zorbexi\u00b4an left.", "person:Kevin Zorbexi | person:Zorbexi"},
    /* a sports report: a sport word in the headline counts twice */
    {"SOCCER - ENGLISH RESULTS\nLeeds 2 Chelsea 1.", "nationality:ENGLISH | organization:Leeds | organization:Chelsea"},
    {"Weather report\nLeeds 2 Chelsea 1.", "place:Leeds"},
    {"Soccer fans cheered. Leeds beat Chelsea on Saturday.", "place:Leeds"},
    /* demonyms of two words, entities from the match list */
    {"Sri Lankan officials met Kazakh diplomats in Colombo.",
     "nationality:Sri Lankan | nationality:Kazakh | place:Colombo"},
    {"The Sri Lankan President Mahinda Rajapaksa spoke.", "nationality:Sri Lankan | person:Mahinda Rajapaksa"},
    {"Sri Lankan Airlines said so.", "organization:Sri Lankan Airlines"},
    /* a one-word organisation before a capitalised word nothing read is
     * part of another name; one before another organisation is not */
    {"Google Docs and Apple Music launched.", "-"},
    {"Google Apple Store opened.", "organization:Google"},
    {"Google said on Monday it would grow.", "organization:Google"},
    /* acronyms of names in the document, before or after the name, and
     * after a word in capitals that is none */
    {"The Kazakh National University opened. Officials at KAZNU said so.",
     "organization:Kazakh National University | organization:KAZNU"},
    {"Officials at KAZNU said so. The Kazakh National University opened.",
     "organization:KAZNU | organization:Kazakh National University"},
    {"The BBC said so. Officials at KAZNU said so. The Kazakh National University opened.",
     "organization:BBC | organization:KAZNU | organization:Kazakh National University"},
    /* defined in parentheses (two capitals at least) */
    {"Officials at the Zorbex Trelland Alliance (ZTA) said so. Later ZTA agreed.",
     "organization:Zorbex Trelland Alliance | organization:ZTA | organization:ZTA"},
    {"Officials at the Zorbex Trelland Alliance (Zta) said so.", "organization:Zorbex Trelland Alliance"},
    /* (not a word also written in lower case) */
    {"Officials at KAZNU said so. The Kazakh National University opened. Type kaznu here.",
     "organization:Kazakh National University"},
    /* a name read as a place by its head word is a person's after a title,
     * or before a title predicate or apposition (read only for such a
     * chunk: person_not_place_after_title) */
    {"Kim Park, a historian, said so.", "person:Kim Park"},
    {"Park Eunsik ( 1859 - 1925 ) was a historian.", "person:Park Eunsik"},
    {"Governor Stanley Park spoke.", "person:Stanley Park"},
    /* (the predicate's first word an auxiliary, a title verb or a copula
     * alone: title_predicate_after's inline test reads all three) */
    {"Kim Park also was a historian.", "person:Kim Park"},
    {"Kim Park became a historian.", "person:Kim Park"},
    {"Kim Park were a historian.", "person:Kim Park"},
    /* trim: the words that open a chunk and are no part of the name (an
     * honorific, a common word, a status word, a verb opening the
     * sentence; each has a feature the fast test reads) */
    {"Ratu Josefa Iloilo spoke.", "person:Josefa Iloilo"},
    {"Sheikh Zorbexi Quill met them.", "person:Zorbexi Quill"},
    {"Former Zorbex Corp chairman John Smith said so.", "organization:Zorbex Corp | person:John Smith"},
    {"Replied State Department deputy spokesman John Kirby, the talks were over.",
     "organization:State Department | person:John Kirby"},
    /* head words: an ampersand makes a firm without one (head_words reads
     * the other readings only where a head word is) */
    {"Shares of Zorbex & Quill rose.", "organization:Zorbex & Quill"},
    {"Douglas & Lomason said so.", "organization:Douglas & Lomason"},
    {"They sailed across Lake Zorbex on Monday.", "place:Lake Zorbex"},
    /* a name particle, a hyphen and a capital (the shape read inline, the
     * bytes and the data in a call: particle_word) */
    {"Mohamed el-Baradei said so.", "person:Mohamed el-Baradei"},
    {"The talks with Ahmed al-Tayeb ended.", "person:Ahmed al-Tayeb"},
    /* one sense per document: a name is found again from the word it
     * starts with, up to the longest name learned from that word (the
     * person's two, not the company's short name's one learned after) */
    {"Mr Quorvant Zelbrix arrived. Quorvant Holdings Inc. said so. Later Quorvant Zelbrix left.",
     "person:Quorvant Zelbrix | organization:Quorvant Holdings Inc. | person:Quorvant Zelbrix"},
};

/* Titles read from a few tokens: a hyphen (a title and a status in one
 * word) or a membership noun */
static const struct {
    const char *text, *want;
} TITLE_CASES[] = {
    {"President-elect Barack Obama spoke.", "title:President-elect | person:Barack Obama"},
    {"Johannes Gaddum, a member of the Bundesbank board, said so.",
     "person:Johannes Gaddum | title:member | organization:Bundesbank"},
    {"They elected Vincent Viola as an at-large member.", "person:Vincent Viola | title:at-large member"},
    {"A member said so.", "-"},
    /* a word that is a title and a modifier modifies the title after it */
    {"Deputy Minister John Smith spoke.", "title:Deputy Minister | person:John Smith"},
    {"Deputy John Smith spoke.", "title:Deputy | person:John Smith"},
};

/* A plural title ("presidents") is a title span flagged plural: the
 * mentions leave it out, the relation rules read it. */
static int plural_title(const char *text, const char *word, int want) {
    nx_document *doc = extract(text);
    if (!doc) return 1;
    int found = -1;
    for (size_t k = 0; k < doc->spans.count; k++) {
        const nx_span *s = SPAN(doc, k);
        if (s->type != NX_TITLE || s->b1 - s->b0 != strlen(word) || memcmp(doc->text.work + s->b0, word, strlen(word))) continue;
        found = (s->flags & NX_SPAN_PLURAL) != 0;
    }
    nx_document_free(doc);
    if (found != want) {
        fprintf(stderr, "%s: title '%s': got %s, expected %s\n", text, word,
                found < 0 ? "none" : found ? "plural" : "singular", want < 0 ? "none" : want ? "plural" : "singular");
        return 1;
    }
    return 0;
}

/* The rule of the mention of `word` in text (the last one), or "-". */
static int rule_is(const char *text, const char *word, const char *want) {
    nx_document *doc = extract(text);
    if (!doc) return 1;
    size_t n;
    const char *got = "-";
    const nx_mention *m = nx_document_mentions(doc, &n);
    for (size_t i = 0; i < n; i++)
        if (!strcmp(m[i].text, word)) got = m[i].rule;
    int bad = strcmp(got, want) != 0;
    if (bad) fprintf(stderr, "%.60s...: %s: got rule %s, expected %s\n", text, word, got, want);
    nx_document_free(doc);
    return bad;
}

/* An acronym is tried against the distinct names its first two letters
 * may start (more than 64 are too many to decide): a name repeated is
 * one, and names sharing a first letter are told apart. */
static int acronyms_of_repeated_names(void) {
    static const char one[] = "The Zorbex Trelland Alliance met. ";
    static const char tail[] = "Officials at ZTA said so. The Zorbex Quilt Union met. Officials at ZQU said so.";
    char text[sizeof one * 70 + sizeof tail];
    size_t len = 0;
    for (int k = 0; k < 70; k++, len += sizeof one - 1) memcpy(text + len, one, sizeof one - 1);
    memcpy(text + len, tail, sizeof tail);
    return rule_is(text, "ZTA", "acronym:initials") | rule_is(text, "ZQU", "acronym:initials") |
           /* (a word decided once: its next token takes the verdict) */
           rule_is("The Kazakh National University opened. Officials at KAZNU said so. Later KAZNU grew.", "KAZNU",
                   "acronym:initials");
}

int main(void) {
    model = load_test_model();
    if (!model) return 1;
    for (size_t k = 0; k < sizeof CASES / sizeof *CASES; k++) CHECK(mentions_are(CASES[k].text, CASES[k].want, 0) == 0);
    for (size_t k = 0; k < sizeof TITLE_CASES / sizeof *TITLE_CASES; k++)
        CHECK(mentions_are(TITLE_CASES[k].text, TITLE_CASES[k].want, 1) == 0);
    CHECK(plural_title("The presidents of France and Germany met.", "presidents", 1) == 0);
    CHECK(plural_title("The president of France met them.", "president", 0) == 0);
    CHECK(plural_title("The cities of France met.", "cities", -1) == 0); /* the plural of no title */
    CHECK(acronyms_of_repeated_names() == 0);
    nx_model_free(model);
    return check_result("test_resolve");
}
