/* affiliated_with.c: the affiliated_with family: a person tied to an
 * organisation where the text states no title (see relations.h and the
 * output schema): "Google's Larry Page", "Dilvo Ristoff of the Higher
 * Secretariat", "X joined Y", "X, who works for Y", "X, a student at Y",
 * "X, a member of Y", "X (Y)", "Y, led by X", "Y co-founder X", "X's Y",
 * "X founded Y", "X was hired by Y", "X left Y" (former), "X was elected
 * to Y".
 *
 * Evidence: each rule reads one construction in which the person span and
 * the organisation span (never a place) stand next to each other, with
 * only the words of that construction between them. A pair holds_title
 * already links is left to it, so one statement gives one fact. */
#include <string.h>

#include "gazetteer.h"
#include "relations.h"

/* The relation stage's context is all a rule reads: the document, its token
 * count and the span covering each token. */
typedef nx_relctx actx;

static const nx_token *tok(const actx *a, size_t i) { return &a->doc->toks.items[i]; }
static int32_t span_at(const actx *a, size_t i) { return i < a->n ? a->span_at[i] : -1; }
static int is_word(const actx *a, size_t i, nx_gclass c) { return i < a->n && (tok(a, i)->feat & NX_FEAT(c)) != 0; }
static int is_type(const actx *a, int32_t k, nx_type t) { return k >= 0 && SPAN(a->doc, k)->type == t; }
static int is_char(const actx *a, size_t i, char c) {
    return i < a->n && tok(a, i)->kind == NX_TOK_PUNCT && tok(a, i)->fold_len == 1 && tok(a, i)->fold[0] == c;
}

/* The organisation named from token i, over "the", or -1. */
static int32_t org_at(const actx *a, size_t i) {
    if (is_word(a, i, NX_G_DEFINITE)) i++;
    int32_t k = span_at(a, i);
    return is_type(a, k, NX_ORGANIZATION) && SPAN(a->doc, k)->t0 == i ? k : -1;
}

/* The organisation after a person's "of": "of the Democratic Progressive
 * Party", "of the China-friendly Kuomintang", "of the local Rotary Club"
 * (after "the", up to two adjectives: a word in lower case that is no
 * function word, or a hyphenated one whose last part is in lower case). */
static int32_t org_of(const actx *a, size_t i) {
    int32_t org = org_at(a, i);
    if (org >= 0 || !is_word(a, i, NX_G_DEFINITE)) return org;
    size_t j = i + 1;
    for (int w = 0; w < 2 && j < a->n && span_at(a, j) < 0 && tok(a, j)->kind == NX_TOK_WORD && !is_word(a, j, NX_G_FUNCTION_WORD); w++) {
        const nx_token *t = tok(a, j);
        const char *h = (t->shape & NX_SH_HYPHEN) ? memchr(t->fold, '-', t->fold_len) : NULL;
        const char *x = a->doc->text.work + t->b0;
        size_t n = t->b1 - t->b0, k = n;
        while (k > 0 && x[k - 1] != '-') k--;
        int adjective = (t->shape & NX_SH_LOWER) || (h && k > 1 && k < n && x[k] >= 'a' && x[k] <= 'z');
        if (!adjective) break;
        j++;
    }
    if (j == i + 1) return -1;
    org = span_at(a, j);
    return is_type(a, org, NX_ORGANIZATION) && SPAN(a->doc, org)->t0 == j ? org : -1;
}

/* Whether a holds_title fact already ties the two spans' entities. */
static int linked(const actx *a, int32_t person, int32_t org) {
    const nx_document *doc = a->doc;
    int32_t pe = SPAN(doc, person)->entity, oe = SPAN(doc, org)->entity;
    for (size_t i = 0; i < doc->rels.count; i++) {
        const nx_rel *r = &NX_VEC_AT(&doc->rels, nx_rel, i);
        if (r->type != NX_REL_HOLDS_TITLE) continue;
        int32_t rp = -1, ro = -1;
        for (size_t k = 0; k < r->n_args; k++) {
            int32_t e = r->args[k].span >= 0 ? SPAN(doc, r->args[k].span)->entity : -1;
            if (r->args[k].role == NX_ROLE_PERSON) rp = e;
            if (r->args[k].role == NX_ROLE_ORGANIZATION) ro = e;
        }
        if (rp == pe && ro == oe) return 1;
    }
    return 0;
}

/* Adds the fact, in the status a modifier said ("a former member": 0 for
 * none), unless holds_title states it; the two spans are in one sentence. */
/* The fact that person, named (or standing as a pronoun) at token subject,
 * is affiliated with org; none when org is in another sentence. */
static int add_at(const actx *a, int32_t person, size_t subject, int32_t org, nx_rule rule, uint8_t status) {
    /* (the organisation a document is about may have been named before:
     * "X, who heads the company") */
    if (org < 0 || nx_rel_bare_head(a->doc, org) ||
        (tok(a, subject)->sent != tok(a, SPAN(a->doc, org)->t0)->sent && org != a->main_org) || linked(a, person, org))
        return 0;
    nx_rel r = {.type = NX_REL_AFFILIATED_WITH, .rule = (uint16_t)rule, .status = status, .n_args = 2,
                .args = {{NX_ROLE_PERSON, person}, {NX_ROLE_ORGANIZATION, org}}};
    return nx_rel_add(a->doc, &r);
}

static int add_status(const actx *a, int32_t person, int32_t org, nx_rule rule, uint8_t status) {
    /* (most rules find no organisation for a person: no call then) */
    return org >= 0 && add_at(a, person, SPAN(a->doc, person)->t0, org, rule, status);
}

static int add(const actx *a, int32_t person, int32_t org, nx_rule rule) { return add_status(a, person, org, rule, 0); }


/* "Google's Larry Page", "Mute Records' Daniel Miller". */
static int32_t possessor(const actx *a, size_t t0) {
    if (t0 < 2) return -1;
    size_t p = t0 - 1;
    int poss = (tok(a, p)->shape & NX_SH_POSS) || (is_char(a, p, '\'') && tok(a, p - 1)->fold_len &&
                                                   tok(a, p - 1)->fold[tok(a, p - 1)->fold_len - 1] == 's');
    if (!poss) return -1;
    int32_t k = span_at(a, p - 1);
    return is_type(a, k, NX_ORGANIZATION) && SPAN(a->doc, k)->t1 == p ? k : -1;
}

/* PERSON's ORG: "Yanukovych's Party of Regions", "Dr. Dre's Aftermath
 * Entertainment", "Phyllis Schlafly's Eagle Forum" (the party, company or
 * group the person leads or owns); not an organisation that only modifies
 * a noun after it ("Obama's Facebook page", "Buffett's Coca-Cola stake"). */
static int32_t person_possessive(const actx *a, const nx_span *person) {
    size_t p = person->t1;
    /* (not a misread name that ends in a common noun: "the Alabama Crimson
     * Tide Women's Soccer Team", "Alder Hey Children's NHS Trust") */
    if (tok(a, p - 1)->feat & NX_FEAT(NX_G_STOP)) return -1;
    int poss = p < a->n && ((tok(a, p)->shape & NX_SH_POSS) ||
                            (is_char(a, p, '\'') && tok(a, p - 1)->fold_len && tok(a, p - 1)->fold[tok(a, p - 1)->fold_len - 1] == 's'));
    if (!poss) return -1;
    int32_t org = span_at(a, p + 1);
    if (!is_type(a, org, NX_ORGANIZATION) || SPAN(a->doc, org)->t0 != p + 1) return -1;
    /* the word after it: punctuation, a function word, a verb the
     * gazetteers know, or a generic organisation noun ("party", "label") */
    size_t e = SPAN(a->doc, org)->t1;
    const uint64_t ok = NX_FEAT(NX_G_FUNCTION_WORD) | NX_FEAT(NX_G_AUXILIARY) | NX_FEAT(NX_G_COPULA) | NX_FEAT(NX_G_PERSON_CUE) |
                        NX_FEAT(NX_G_TITLE_VERB) | NX_FEAT(NX_G_NAMING_VERB) | NX_FEAT(NX_G_AFFILIATION_VERB) |
                        NX_FEAT(NX_G_PAST_MARKER) | NX_FEAT(NX_G_ORG_GENERIC);
    if (e < a->n && tok(a, e)->kind == NX_TOK_WORD && (tok(a, e)->shape & NX_SH_LOWER) && !(tok(a, e)->feat & ok)) return -1;
    return org;
}

/* The organisation joined to organisation k by "and" ("X, who runs Tesla
 * and SpaceX"): the verb's object too; -1 when there is none. */
static int32_t coordinated(const actx *a, int32_t k) {
    if (k < 0) return -1;
    size_t e = SPAN(a->doc, k)->t1;
    if (!is_word(a, e, NX_G_CONJUNCTION) || !(tok(a, e)->shape & NX_SH_LOWER)) return -1;
    int32_t next = org_at(a, e + 1);
    /* (the whole object: nothing but punctuation or a lower-case word after it) */
    size_t f = next >= 0 ? SPAN(a->doc, next)->t1 : 0;
    if (next < 0 || (f < a->n && tok(a, f)->kind == NX_TOK_WORD && (tok(a, f)->shape & NX_SH_CAP))) return -1;
    return next;
}

/* PERSON [, who | who] [has] VERB [at|for] ORG: "X joined Y", "X, who works
 * for Y", "X heads Y", "X founded Y"; in the passive, "X was hired|signed
 * by Y" (a naming or affiliation verb and the agent); a verb that says the
 * tie ended, "X left Y", "X resigned from Y", sets *status former. */
static int32_t by_verb(const actx *a, size_t j, uint8_t *status) {
    *status = 0;
    if (is_char(a, j, ',') && is_word(a, j + 1, NX_G_RELATIVE_PRONOUN)) j += 2;
    else if (is_word(a, j, NX_G_RELATIVE_PRONOUN)) j++;
    /* "X was hired by Acme", "X has been signed by Atlantic Records" */
    size_t v = j;
    for (int k = 0; k < 2 && (is_word(a, v, NX_G_AUXILIARY) || is_word(a, v, NX_G_COPULA)) && (tok(a, v)->shape & NX_SH_LOWER); k++) v++;
    if (v > j && (is_word(a, v, NX_G_NAMING_VERB) || is_word(a, v, NX_G_AFFILIATION_VERB)) && (tok(a, v)->shape & NX_SH_LOWER) &&
        is_word(a, v + 1, NX_G_AGENT_MARKER))
        return org_at(a, v + 2);
    /* "X was elected to the Legislative Assembly", "X was appointed to the
     * National Defence Commission": a naming verb in the passive, then "to"
     * (the role marker that is no title verb) and the body the person sits
     * on, or "to the board of Acme"; not a name that goes on ("named to
     * the University of Northern Colorado Hall of Fame"), nor one that
     * modifies a noun ("named to the Forbes list") */
    if (v > j && is_word(a, v, NX_G_NAMING_VERB) && (tok(a, v)->shape & NX_SH_LOWER) && is_word(a, v + 1, NX_G_ROLE_MARKER) &&
        !is_word(a, v + 1, NX_G_TITLE_VERB)) {
        size_t o = v + 2;
        if (is_word(a, o, NX_G_DEFINITE) && is_word(a, o + 1, NX_G_BOARD_WORD) && (tok(a, o + 1)->shape & NX_SH_LOWER) &&
            is_word(a, o + 2, NX_G_GENITIVE))
            o += 3;
        int32_t org = org_at(a, o);
        size_t e = org >= 0 ? SPAN(a->doc, org)->t1 : 0;
        if (org >= 0 && e < a->n && tok(a, e)->kind == NX_TOK_WORD &&
            (!(tok(a, e)->shape & NX_SH_LOWER) || !(tok(a, e)->feat & NX_FEAT(NX_G_FUNCTION_WORD))))
            return -1;
        return org;
    }
    /* "X left Acme in 2001", "X resigned from Acme" */
    if (is_word(a, j, NX_G_AUXILIARY) && is_word(a, j + 1, NX_G_PAST_MARKER)) j++;
    if (is_word(a, j, NX_G_PAST_MARKER) && (tok(a, j)->shape & NX_SH_LOWER) && span_at(a, j) < 0) {
        size_t q = j + 1;
        if (is_word(a, q, NX_G_VERB_PARTICLE)) q++;
        /* (a preposition like "from"; not "left for Acme", "quit to join") */
        if (is_word(a, q, NX_G_FUNCTION_WORD) && (tok(a, q)->shape & NX_SH_LOWER) && !is_word(a, q, NX_G_EMPLOYER_LINKER) &&
            !is_word(a, q, NX_G_ROLE_MARKER) && !is_word(a, q, NX_G_DETERMINER))
            q++;
        int32_t org = org_at(a, q);
        if (org >= 0) *status = NX_STATUS_FORMER;
        return org;
    }
    if (is_word(a, j, NX_G_AUXILIARY) && is_word(a, j + 1, NX_G_AFFILIATION_VERB)) j++;
    if (!is_word(a, j, NX_G_AFFILIATION_VERB) || !(tok(a, j)->shape & NX_SH_LOWER)) return -1;
    j++;
    if (is_word(a, j, NX_G_EMPLOYER_LINKER)) j++;
    /* "X has joined the board of Uber": the board of an organisation */
    if (is_word(a, j, NX_G_DEFINITE) && is_word(a, j + 1, NX_G_BOARD_WORD) && (tok(a, j + 1)->shape & NX_SH_LOWER) &&
        is_word(a, j + 2, NX_G_GENITIVE) && (tok(a, j + 2)->shape & NX_SH_LOWER))
        j += 3;
    int32_t org = org_at(a, j);
    /* "X, who heads the company": the organisation the document is about,
     * as for "company president" (a generic noun alone, no name after it) */
    if (org < 0 && is_word(a, j, NX_G_DEFINITE) && is_word(a, j + 1, NX_G_ORG_GENERIC) && span_at(a, j + 1) < 0 &&
        (tok(a, j + 1)->shape & NX_SH_LOWER) && !(j + 2 < a->n && (tok(a, j + 2)->shape & NX_SH_CAP)))
        return a->main_org;
    /* (not a modifier of another name: "plays for Premier League club
     * Newcastle United") */
    if (org >= 0) {
        size_t e = SPAN(a->doc, org)->t1, w = 0;
        while (w < 2 && e + w < a->n && tok(a, e + w)->kind == NX_TOK_WORD && (tok(a, e + w)->shape & NX_SH_LOWER) &&
               !is_word(a, e + w, NX_G_FUNCTION_WORD))
            w++;
        if (w && e + w < a->n && tok(a, e + w)->kind == NX_TOK_WORD && (tok(a, e + w)->shape & NX_SH_CAP)) return -1;
    }
    return org;
}

/* PERSON, a|an WORD{1,3} at ORG: "X, a student at Y" (a role the
 * gazetteers do not list as a title). */
static int32_t by_apposition(const actx *a, size_t j) {
    if (!is_char(a, j, ',') || !is_word(a, j + 1, NX_G_INDEFINITE)) return -1;
    size_t k = j + 2, words = 0;
    while (words < 3 && k < a->n && span_at(a, k) < 0 && tok(a, k)->kind == NX_TOK_WORD && (tok(a, k)->shape & NX_SH_LOWER) &&
           !is_word(a, k, NX_G_WORKPLACE_LINKER) && !is_word(a, k, NX_G_EMPLOYER_LINKER))
        k++, words++;
    if (!words || !is_word(a, k, NX_G_WORKPLACE_LINKER)) return -1;
    return org_at(a, k + 1);
}

/* PERSON [,] [who] [is|was] [a|an|the] [up to two words] MEMBER of [the] ORG:
 * "X, a member of Bauhaus", "X was a founding member of Y", "X, the
 * co-founder of Y" (membership nouns are data). */
/* After a name ending before token j, the token after a relative clause or
 * an apposition between commas ("X, who ran Xerox from 2009 to 2016, has
 * joined ..."), when a verb in lower case opens what follows it; or 0. */
static size_t after_relative(const actx *a, size_t j) {
    /* (or an apposition that opens in lower case: "X, formerly of Goldman
     * Sachs, joined Acme"; not a list of names) */
    if (!is_char(a, j, ',') || j + 1 >= a->n || !(tok(a, j + 1)->shape & NX_SH_LOWER) || tok(a, j + 1)->kind != NX_TOK_WORD)
        return 0;
    size_t q = j + 2;
    while (q < a->n && q - j < 14 && !is_char(a, q, ',') && tok(a, q)->sent == tok(a, j)->sent) q++;
    if (!is_char(a, q, ',') || q + 1 >= a->n || !(tok(a, q + 1)->shape & NX_SH_LOWER) ||
        !(is_word(a, q + 1, NX_G_COPULA) || is_word(a, q + 1, NX_G_AUXILIARY) || is_word(a, q + 1, NX_G_AFFILIATION_VERB)))
        return 0;
    return q + 1;
}

static int32_t by_membership(const actx *a, size_t j, size_t main_verb, uint8_t *status, int32_t *party) {
    /* "X, who died on Monday at 85, was the founder of Y": over a relative
     * clause to the copula after it (main_verb: after_relative(a, j), which
     * the caller has) */
    if (main_verb) j = main_verb;
    if (is_char(a, j, ',')) j++;
    if (is_word(a, j, NX_G_RELATIVE_PRONOUN)) j++;
    if (is_word(a, j, NX_G_AUXILIARY) || is_word(a, j, NX_G_COPULA) || is_word(a, j, NX_G_TITLE_VERB)) j++;
    if (is_word(a, j, NX_G_DETERMINER)) j++;
    *status = 0;
    for (size_t words = 0; words < 2 && span_at(a, j) < 0 && !is_word(a, j, NX_G_MEMBERSHIP_NOUN) && j < a->n &&
                           tok(a, j)->kind == NX_TOK_WORD && (tok(a, j)->shape & NX_SH_LOWER);
         words++) {
        uint8_t said = nx_rel_status_word(a->doc, j);
        if (said) *status = said;
        j++;
    }
    /* "a Green Party member of the Scottish Parliament", "a Labour member
     * of the House of Lords": the member's party before the noun */
    *party = -1;
    int32_t before = span_at(a, j);
    if (is_type(a, before, NX_ORGANIZATION) && SPAN(a->doc, before)->t0 == j && is_word(a, SPAN(a->doc, before)->t1, NX_G_MEMBERSHIP_NOUN)) {
        *party = before;
        j = SPAN(a->doc, before)->t1;
    }
    if (!is_word(a, j, NX_G_MEMBERSHIP_NOUN) || !(tok(a, j)->shape & NX_SH_LOWER) || !is_word(a, j + 1, NX_G_GENITIVE)) {
        *party = -1;
        return -1;
    }
    int32_t org = org_at(a, j + 2);
    if (org < 0) *party = -1;
    return org;
}

/* ORG [,] [which|who] [is|was|has been] led|headed|chaired|run by [TITLE] PERSON:
 * "the Democratic Party, led by Carl Levin", "Acme is run by John Smith":
 * the organisation before an affiliation verb in the passive. */
static int32_t led_by(const actx *a, const nx_span *person) {
    size_t i = person->t0;
    if (i > 0 && is_type(a, span_at(a, i - 1), NX_TITLE) && SPAN(a->doc, span_at(a, i - 1))->t1 == i)
        i = SPAN(a->doc, span_at(a, i - 1))->t0; /* "led by President X" */
    /* "run by billionaire investor X": up to two plain lower-case words
     * that describe the person (not "his brother": a determiner) */
    for (int w = 0; w < 2 && i > 2 && !is_word(a, i - 1, NX_G_AGENT_MARKER) && span_at(a, i - 1) < 0 &&
                    tok(a, i - 1)->kind == NX_TOK_WORD && (tok(a, i - 1)->shape & NX_SH_LOWER) &&
                    (tok(a, i - 1)->shape & NX_SH_ALPHA) && !is_word(a, i - 1, NX_G_FUNCTION_WORD) &&
                    !is_word(a, i - 1, NX_G_DETERMINER);
         w++)
        i--;
    if (i < 2 || !is_word(a, i - 1, NX_G_AGENT_MARKER)) return -1;
    size_t j = i - 2;
    /* "Acme was founded in 1990 by X": a date between the verb and "by" */
    int32_t d = span_at(a, j);
    if (is_type(a, d, NX_DATE) && SPAN(a->doc, d)->t1 == j + 1 && SPAN(a->doc, d)->t0 >= 2) {
        j = SPAN(a->doc, d)->t0 - 1;
        if (is_word(a, j, NX_G_PLACEMENT_LINKER) && j > 0) j--; /* "in 1990" */
    }
    if (!is_word(a, j, NX_G_AFFILIATION_VERB) || !(tok(a, j)->shape & NX_SH_LOWER)) return -1;
    for (int k = 0; k < 2 && j > 0 && (is_word(a, j - 1, NX_G_AUXILIARY) || is_word(a, j - 1, NX_G_COPULA) ||
                                       is_word(a, j - 1, NX_G_TITLE_VERB)) && (tok(a, j - 1)->shape & NX_SH_LOWER) &&
                    span_at(a, j - 1) < 0;
         k++)
        j--;
    if (j > 0 && is_word(a, j - 1, NX_G_RELATIVE_PRONOUN)) j--;
    if (j > 0 && is_char(a, j - 1, ',')) j--;
    /* "the Uganda People's Congress ( UPC ) was led by Milton Obote" */
    if (j > 3 && is_char(a, j - 1, ')') && is_char(a, j - 3, '(') && (tok(a, j - 2)->shape & NX_SH_ALLCAPS)) j -= 3;
    int32_t org = j > 0 ? span_at(a, j - 1) : -1;
    if (is_type(a, org, NX_ORGANIZATION) && SPAN(a->doc, org)->t1 == j) return org;
    /* "Acme, a software company founded by X", "Acme is a trust run by X",
     * "the Labour Party, the main opposition party led by X": a noun that
     * says what the organisation is, in its apposition or predicate */
    if (j < 2 || span_at(a, j - 1) >= 0 || !(tok(a, j - 1)->shape & NX_SH_LOWER) ||
        !(is_word(a, j - 1, NX_G_ORG_NOUN) || is_word(a, j - 1, NX_G_ORG_GENERIC)))
        return -1;
    size_t q = j - 1;
    for (int w = 0; w < 3 && q > 1; w++) {
        int32_t s = span_at(a, q - 1);
        if (s < 0 && tok(a, q - 1)->kind == NX_TOK_WORD && (tok(a, q - 1)->shape & NX_SH_LOWER) &&
            !is_word(a, q - 1, NX_G_FUNCTION_WORD))
            q--;
        else if (is_type(a, s, NX_NATIONALITY) && SPAN(a->doc, s)->t1 == q)
            q = SPAN(a->doc, s)->t0;
        else
            break;
    }
    if (q < 3 || !is_word(a, q - 1, NX_G_ARTICLE)) return -1;
    q--;
    if (!is_char(a, q - 1, ',') && !(is_word(a, q - 1, NX_G_COPULA) && (tok(a, q - 1)->shape & NX_SH_LOWER))) return -1;
    q--;
    org = span_at(a, q - 1);
    return is_type(a, org, NX_ORGANIZATION) && SPAN(a->doc, org)->t1 == q ? org : -1;
}

/* ORG['s] MEMBER PERSON: "Microsoft co-founder Bill Gates", "Pink Floyd's
 * founding member Roger Waters" (one word may stand before the noun). */
static int32_t member_before(const actx *a, const nx_span *person) {
    size_t i = person->t0;
    /* "Acme co-founders Jane Doe and John Smith": a name listed after one
     * the noun stands before (over "and" or a comma, at most five names; a
     * comma only inside a list, a name followed by another comma or "and":
     * not "... founder Arnulfo Arias, Endara attended school") */
    int in_list = is_char(a, person->t1, ',') || is_word(a, person->t1, NX_G_CONJUNCTION);
    for (int listed = 0; listed < 5 && i >= 3 && (is_word(a, i - 1, NX_G_CONJUNCTION) || (in_list && is_char(a, i - 1, ',')));
         listed++) {
        int32_t prev = span_at(a, i - 2);
        if (!is_type(a, prev, NX_PERSON) || SPAN(a->doc, prev)->t1 != i - 1) return -1;
        i = SPAN(a->doc, prev)->t0;
    }
    if (i < 2 || !is_word(a, i - 1, NX_G_MEMBERSHIP_NOUN) || !(tok(a, i - 1)->shape & NX_SH_LOWER) || span_at(a, i - 1) >= 0)
        return -1;
    size_t j = i - 1;
    if (j > 1 && span_at(a, j - 1) < 0 && tok(a, j - 1)->kind == NX_TOK_WORD && (tok(a, j - 1)->shape & NX_SH_LOWER) &&
        !is_word(a, j - 1, NX_G_FUNCTION_WORD))
        j--; /* "founding member" */
    /* "Kuomintang ( KMT ) presidential candidate Ma Ying-jeou": the
     * organisation's acronym in parentheses after it */
    if (j > 3 && is_char(a, j - 1, ')') && is_char(a, j - 3, '(') && (tok(a, j - 2)->shape & NX_SH_ALLCAPS)) j -= 3;
    int poss = j > 1 && (tok(a, j - 1)->shape & NX_SH_POSS);
    if (poss) j--;
    int32_t org = j > 0 ? span_at(a, j - 1) : -1;
    /* "the party's presidential nominee X": the party named last before it */
    if (org < 0 && poss && is_word(a, j - 1, NX_G_ORG_GENERIC) && (tok(a, j - 1)->shape & NX_SH_LOWER)) {
        int32_t named = nx_rel_kind_referent(a->doc, a->span_at, j - 1);
        return named >= 0 && SPAN(a->doc, named)->t1 <= j - 1 ? named : -1;
    }
    /* (not a party named by its adjective alone: "Democratic presidential
     * candidate X" names no one party) */
    if (is_type(a, org, NX_ORGANIZATION) && SPAN(a->doc, org)->t1 == SPAN(a->doc, org)->t0 + 1 && is_word(a, SPAN(a->doc, org)->t0, NX_G_PARTY_WORD))
        return -1;
    return is_type(a, org, NX_ORGANIZATION) && SPAN(a->doc, org)->t1 == j ? org : -1;
}

/* Whether a one-word acronym at token t spells, in order, the initials of
 * the words of span k ("Chris Reeve Knives (CRK)", "Steel Community
 * (ECSC)"), or exactly those of its last words ("the Cy Becker
 * Neighbourhood Structure Plan (NSP)": the name's own acronym). */
static int spells_initials(const actx *a, size_t t, const nx_span *k) {
    const nx_token *ac = tok(a, t);
    if (!(ac->shape & NX_SH_ALLCAPS)) return 0;
    size_t c = 0, words = 0, all = 1;
    char initials[32], letters[32];
    size_t n_init = 0, n_let = 0;
    for (size_t i = 0; i < ac->fold_len && n_let < sizeof letters; i++)
        if (ac->fold[i] >= 'a' && ac->fold[i] <= 'z') letters[n_let++] = ac->fold[i];
    /* the capitalised words before the span count for the last words'
     * initials ("World Championship Wrestling (WCW)" where only
     * "Wrestling" was read as a person) */
    size_t from = k->t0;
    while (from > 0 && tok(a, from - 1)->kind == NX_TOK_WORD && (tok(a, from - 1)->shape & NX_SH_CAP)) from--;
    for (size_t i = from; i < k->t1; i++) {
        const nx_token *w = tok(a, i);
        if (w->kind != NX_TOK_WORD || !(w->shape & NX_SH_CAP)) continue;
        if (n_init < sizeof initials) initials[n_init++] = w->fold[0];
        if (i < k->t0) continue; /* (the in-order test reads the span's own words) */
        while (c < ac->fold_len && ac->fold[c] != w->fold[0]) c++;
        if (c == ac->fold_len) all = 0;
        else c++;
        words++;
    }
    if (all && words >= 2) return 1;
    return n_let >= 2 && n_let <= n_init && !memcmp(initials + n_init - n_let, letters, n_let);
}

/* PERSON ( ORG ): "Felipe Gozon (GMA Network)", "Oleksandr Moroz (Socialist
 * Party of Ukraine)": an organisation alone in parentheses after a name is
 * the person's (a place there is a constituency or home, no employer). */
static int32_t by_parenthesis(const actx *a, const nx_span *person, size_t j) {
    if (!is_char(a, j, '(')) return -1;
    int32_t org = org_at(a, j + 1);
    if (org < 0 || !is_char(a, SPAN(a->doc, org)->t1, ')')) return -1;
    /* an acronym that the name before defines says the name is an
     * organisation, misread */
    const nx_span *o = SPAN(a->doc, org);
    if (o->rule == NX_RULE_ACRONYM_DEFINED || (o->t1 == o->t0 + 1 && spells_initials(a, o->t0, person))) return -1;
    return org;
}

nx_status nx_affiliated_with_find(const nx_relctx *c) {
    const actx *a = c;
    size_t n_spans = c->doc->spans.count;
    for (size_t k = 0; k < n_spans; k++) {
        const nx_span *s = SPAN(c->doc, k);
        if (s->type != NX_PERSON) continue;
        int32_t person = (int32_t)k;
        uint8_t member_status, verb_status;
        int32_t member_party;
        size_t main_verb = after_relative(a, s->t1);
        int32_t member_of = by_membership(a, s->t1, main_verb, &member_status, &member_party);
        int32_t verb_org = by_verb(a, s->t1, &verb_status);
        /* ("X, who ran Xerox from 2009 to 2016, has joined the board of
         * Uber": the main clause's verb too) */
        uint8_t main_status = 0;
        int32_t main_org = main_verb ? by_verb(a, main_verb, &main_status) : -1;
        if (add(a, person, possessor(a, s->t0), NX_RULE_AW_POSSESSIVE) ||
            (is_word(a, s->t1, NX_G_GENITIVE) && add(a, person, org_of(a, s->t1 + 1), NX_RULE_AW_OF)) ||
            /* "X, formerly of Goldman Sachs,": a past adverb (past-marker
             * kind=adverb) and "of|at" make it former */
            (is_char(a, s->t1, ',') && nx_rel_token_is(a->doc, s->t1 + 1, NX_G_PAST_MARKER, "adverb") &&
             (tok(a, s->t1 + 1)->shape & NX_SH_LOWER) && is_word(a, s->t1 + 2, NX_G_EMPLOYER_LINKER) &&
             add_status(a, person, org_of(a, s->t1 + 3), NX_RULE_AW_OF, NX_STATUS_FORMER)) ||
            /* "Professor Li Ming from Peking University": "from" (the place
             * cue of kind=origin) and an organisation, not a place */
            (nx_rel_token_is(a->doc, s->t1, NX_G_PLACE_CUE, "origin") && (tok(a, s->t1)->shape & NX_SH_LOWER) &&
             add(a, person, org_of(a, s->t1 + 1), NX_RULE_AW_OF)) ||
            add_status(a, person, verb_org, NX_RULE_AW_VERB, verb_status) ||
            add_status(a, person, main_org, NX_RULE_AW_VERB, main_status) ||
            add_status(a, person, coordinated(a, verb_org), NX_RULE_AW_VERB, verb_status) ||
            add(a, person, by_apposition(a, s->t1), NX_RULE_AW_APPOSITION) ||
            add(a, person, by_parenthesis(a, s, s->t1), NX_RULE_AW_PARENTHESIS) ||
            add(a, person, led_by(a, s), NX_RULE_AW_LED_BY) ||
            add(a, person, member_before(a, s), NX_RULE_AW_MEMBER_BEFORE) ||
            add(a, person, person_possessive(a, s), NX_RULE_AW_PERSON_POSSESSIVE) ||
            add_status(a, person, member_of, NX_RULE_AW_MEMBER, member_status) ||
            add_status(a, person, member_party, NX_RULE_AW_MEMBER, member_status))
            return NX_ERR_NOMEM;
    }
    /* "She joined Barclays in 2016": a subject pronoun opening its
     * sentence stands for the person named before (nx_rel_antecedent) */
    for (size_t q = 0; q < c->n_cues; q++) { /* (the pronouns among them) */
        size_t i = c->cues[q];
        if (i + 1 >= c->n || !tok(a, i)->sent_start || c->span_at[i] >= 0 || !is_word(a, i, NX_G_SUBJECT_PRONOUN)) continue;
        uint8_t st;
        int32_t org = by_verb(a, i + 1, &st);
        int32_t person = org >= 0 ? nx_rel_antecedent(c->doc, c->span_at, c->n, i) : -1;
        if (person >= 0 && (add_at(a, person, i, org, NX_RULE_AW_PRONOUN_VERB, st) ||
                            add_at(a, person, i, coordinated(a, org), NX_RULE_AW_PRONOUN_VERB, st)))
            return NX_ERR_NOMEM;
    }
    /* "X was a Cambodian revolutionary who led the Khmer Rouge": the
     * relative clause of a title that a holds_title fact binds is its
     * holder's */
    size_t n_rels = c->doc->rels.count;
    for (size_t k = 0; k < n_rels; k++) {
        const nx_rel *r = &NX_VEC_AT(&c->doc->rels, nx_rel, k);
        if (r->type != NX_REL_HOLDS_TITLE || r->args[0].span < 0 || r->args[1].span < 0) continue;
        size_t j = SPAN(c->doc, r->args[1].span)->t1;
        if (!is_word(a, j, NX_G_RELATIVE_PRONOUN) && !(is_char(a, j, ',') && is_word(a, j + 1, NX_G_RELATIVE_PRONOUN))) continue;
        uint8_t st;
        int32_t person = r->args[0].span, org = by_verb(a, j, &st);
        if (add_status(a, person, org, NX_RULE_AW_VERB, st)) return NX_ERR_NOMEM;
    }
    return NX_OK;
}
