/* holds_title.c: the holds_title family: who holds which title, at which
 * organisation, from the ways news states it (see relations.h). */
#include <string.h>

#include "gazetteer.h"
#include "relations.h"

typedef struct lctx {
    nx_document *doc;
    size_t n;              /* tokens */
    const int32_t *span_at; /* span index covering each token, -1 */
    uint8_t *titled_before; /* per span: a person bound to a title right before the name */
    int32_t main_org;       /* the organisation the document is about, -1 (nx_relctx) */
    const uint32_t *cues;   /* the tokens a per-token rule reads, ascending (nx_relctx) */
    size_t n_cues;
} lctx;

static const nx_token *tok(const lctx *l, size_t i) { return &l->doc->toks.items[i]; }
static int fold_is(const lctx *l, size_t i, const char *w) { return i < l->n && strcmp(tok(l, i)->fold, w) == 0; }
static int32_t span_at(const lctx *l, size_t i) { return i < l->n ? l->span_at[i] : -1; }
static nx_span *sp(const lctx *l, int32_t k) { return SPAN(l->doc, k); }

static int same_sentence(const lctx *l, size_t a, size_t b) {
    return a < l->n && b < l->n && tok(l, a)->sent == tok(l, b)->sent;
}

/* Titles are read in groups: "chairman, president and chief executive",
 * "an academician of the Chinese Academy of Engineering and president of
 * XJTU". Each item is a title span with the organisation its "of/at ORG"
 * names. A group is then bound to one person by the first pattern that
 * fits, in this order: the person right after it (XJTU President Zhang
 * Liqun; Registrar of Delhi University, Vikas Gupta), an apposition before
 * it (Zhang Liqun (L), an academician of ...), a copula or appointment verb
 * (Zhang is the president of; named Thomas Burke president), a possessive
 * (Chirac's spokesman, Denis Baudouin), a plural title before a list of
 * people (Presidents Bush, Clinton and Reagan).
 */

enum { MAX_GROUP = 8 };

typedef struct title_group {
    int32_t title[MAX_GROUP];
    int32_t org[MAX_GROUP];   /* organisation span of each item, -1 */
    uint8_t bare[MAX_GROUP];  /* the item follows the one before with no separator */
    uint8_t nat[MAX_GROUP];   /* its organisation is the nationality before it, apart from it */
    uint8_t said[MAX_GROUP];  /* a status word before the item, apart from it ("and former British foreign secretary"), or 0 */
    size_t n;
    size_t t0, t1;            /* tokens covered, complements included */
    int state;                /* an item is a state's office (state_title) */
    uint8_t status;           /* a status said before the organisation, or 0 */
} title_group;

/* One holds_title fact: the person, the title (its value is the fact's) and
 * the organisation or -1. */
static int add_fact(nx_document *doc, uint32_t person, uint32_t title, int32_t org, nx_rule rule, uint8_t status) {
    const nx_span *t = SPAN(doc, title);
    if (org >= 0 && nx_rel_bare_head(doc, org)) org = -1;
    nx_rel r = {.type = NX_REL_HOLDS_TITLE, .status = status ? status : t->status, .rule = (uint16_t)rule, .n_args = 3,
                .args = {{NX_ROLE_PERSON, (int32_t)person}, {NX_ROLE_TITLE, (int32_t)title}, {NX_ROLE_ORGANIZATION, org}},
                .value = t->value};
    return nx_rel_add(doc, &r);
}

/* Whether title span t is a peer's rank (state-title kind=peer: duke,
 * earl, baroness). */
static int peer_rank(const lctx *l, int32_t t) {
    for (size_t i = sp(l, t)->t0; i < sp(l, t)->t1; i++)
        if (nx_rel_token_is(l->doc, i, NX_G_STATE_TITLE, "peer")) return 1;
    return 0;
}

/* Binds a title to a person: a title states one fact. */
static int add_rel(lctx *l, uint32_t person, uint32_t title, int32_t org, nx_rule rule, uint8_t status) {
    nx_document *doc = l->doc;
    if (SPAN(doc, title)->flags & NX_SPAN_ATTACHED) return 0;
    if (add_fact(doc, person, title, org, rule, status)) return -1;
    nx_doc_mark_attached(doc, title);
    if (rule == NX_RULE_HT_TITLE_BEFORE_NAME && SPAN(doc, title)->t1 <= SPAN(doc, person)->t0) l->titled_before[person] = 1;
    return 0;
}

static int is_type(const lctx *l, int32_t k, nx_type t) { return k >= 0 && sp(l, k)->type == t; }

static int starts(const lctx *l, size_t i, nx_type t) {
    int32_t k = span_at(l, i);
    return is_type(l, k, t) && sp(l, k)->t0 == i;
}

/* Whether token i is a word of a closed class (function-words.tsv). */
static int is_word(const lctx *l, size_t i, nx_gclass c) { return i < l->n && (tok(l, i)->feat & NX_FEAT(c)) != 0; }

/* Whether a title span is an office a state, region or city confers (a
 * word of it in the state-title class): then a country, region or city
 * named with it, or a nationality before it, is its organisation. */
static int national_office(const nx_span *t);
static int state_title(const lctx *l, int32_t t) {
    if (national_office(sp(l, t))) return 1; /* (a phrase none of whose words is one: head of state) */
    for (size_t i = sp(l, t)->t0; i < sp(l, t)->t1; i++)
        if (is_word(l, i, NX_G_STATE_TITLE)) {
            /* ("Libyan leader X": kind=nationality, a state's only after a
             * nationality; "Labour leader X", "leader of Mapai" are a
             * party's) */
            if (!nx_rel_token_is(l->doc, i, NX_G_STATE_TITLE, "nationality")) return 1;
            int32_t nat = sp(l, t)->t0 > 0 ? span_at(l, sp(l, t)->t0 - 1) : -1;
            return is_type(l, nat, NX_NATIONALITY) && sp(l, nat)->t1 == sp(l, t)->t0;
        }
    /* "President-elect": the title word is inside a token; its value's words */
    return sp(l, t)->rule == NX_RULE_TITLE_HYPHENATED && nx_rel_value_has(l->doc, sp(l, t)->value, NX_G_STATE_TITLE);
}


static int caption_len(const lctx *l, size_t i) {
    /* (L), (R), (2nd L) */
    if (!fold_is(l, i, "(")) return 0;
    size_t j = i + 1;
    if (j < l->n && tok(l, j)->kind == NX_TOK_NUM) j++;
    if (j + 1 < l->n && is_word(l, j, NX_G_CAPTION_WORD) && fold_is(l, j + 1, ")"))
        return (int)(j + 2 - i);
    return 0;
}

/* Whether token i is a capitalised word and a lower-case one joined by a
 * hyphen, an adjective: "London-based", "Kremlin-backed". */
static int hyphen_adjective(const lctx *l, size_t i) {
    const nx_token *t = tok(l, i);
    return (t->shape & NX_SH_CAP) && !(t->shape & NX_SH_ALLCAPS) && nx_token_lower_after_hyphen(l->doc->text.work, t);
}

/* The length of a portfolio in brackets at token i, "(Academic Affairs)",
 * "(Research)": one to four words with no name in them; or 0. */
static size_t portfolio_len(const lctx *l, size_t i) {
    if (!fold_is(l, i, "(") || tok(l, i)->brk == NX_BRK_NONE) return 0;
    size_t j = i + 1;
    while (j < l->n && j - i <= 4 && tok(l, j)->kind == NX_TOK_WORD && span_at(l, j) < 0 && same_sentence(l, i, j)) j++;
    return j > i + 1 && fold_is(l, j, ")") ? j + 1 - i : 0;
}

static int apposition_closes(const lctx *l, size_t i);

/* "Taiwan's main opposition party Kuomintang", "Britain's biggest bank,
 * HSBC,": after a possessive at m, up to three lower-case words closed by a
 * generic noun that names an organisation (org-generic kind=names), and
 * the comma that may set the name beside it; the token the name would start
 * at, or m. */
static size_t generic_apposed(const lctx *l, size_t m) {
    size_t q = m;
    while (q < l->n && q - m < 4 && span_at(l, q) < 0 && tok(l, q)->kind == NX_TOK_WORD && (tok(l, q)->shape & NX_SH_LOWER) &&
           !is_word(l, q, NX_G_FUNCTION_WORD))
        q++;
    if (q == m || !nx_rel_token_is(l->doc, q - 1, NX_G_ORG_GENERIC, "names")) return m;
    if (fold_is(l, q, ",")) {
        /* (a name set off by commas is apposed only if a comma closes it too) */
        int32_t n = q + 1 < l->n ? span_at(l, q + 1) : -1;
        if (!is_type(l, n, NX_ORGANIZATION) || sp(l, n)->t0 != q + 1 || !apposition_closes(l, sp(l, n)->t1)) return m;
        q++;
    }
    return q;
}

/* An organisation named right after a title: "of [the] ORG", "at ORG".
 * *end is past it. A place there ("Minister of Foreign Affairs of
 * Uzbekistan") is skipped over and names no organisation. */
static int32_t org_after(const lctx *l, size_t i, size_t *end, int state) {
    *end = i;
    /* "Deputy Vice-Chancellor (Academic Affairs) of the University of
     * Nairobi": a portfolio in brackets right after the title, words only */
    size_t bracket = portfolio_len(l, i);
    if (bracket) {
        size_t e2;
        int32_t org = org_after(l, i + bracket, &e2, state);
        if (org >= 0) *end = e2;
        return org;
    }
    /* "a senator from Maine": a state's office and the place it is from
     * (data: a place cue of kind=origin) */
    int origin = state && i < l->n && (tok(l, i)->shape & NX_SH_LOWER) && nx_rel_token_is(l->doc, i, NX_G_PLACE_CUE, "origin");
    /* "a lecturer in history at Balliol College": a preposition that opens
     * the title's field (function-word kind=field), then the organisation
     * after a linker; never one right after it */
    int field = !origin && i + 1 < l->n && (tok(l, i)->shape & NX_SH_LOWER) &&
                nx_rel_token_is(l->doc, i, NX_G_FUNCTION_WORD, "field") && span_at(l, i + 1) < 0 &&
                (tok(l, i + 1)->shape & NX_SH_LOWER);
    if (!is_word(l, i, NX_G_EMPLOYER_LINKER) && !origin && !field) return -1;
    size_t j = i + 1;
    /* (over "the", unless it opens the name: "a columnist for The New York Times") */
    if (is_word(l, j, NX_G_DEFINITE) && !(span_at(l, j) >= 0 && sp(l, span_at(l, j))->t0 == j)) j++;
    int32_t k = span_at(l, j);
    /* "He became chairman of the company in 2005", "a spokeswoman for the
     * company": a generic noun that names a kind of organisation
     * (org-generic kind=names), alone after "of|for|at the", is the
     * organisation the document is about, as in "company president" */
    if (k < 0 && j > i + 1 && is_word(l, i, NX_G_EMPLOYER_LINKER) && !nx_rel_token_is(l->doc, i, NX_G_EMPLOYER_LINKER, "company") &&
        (tok(l, j)->shape & NX_SH_LOWER) &&
        nx_rel_token_is(l->doc, j, NX_G_ORG_GENERIC, "names") && !(j + 1 < l->n && (tok(l, j + 1)->shape & NX_SH_CAP)) &&
        !(tok(l, j + 1 < l->n ? j + 1 : j)->shape & NX_SH_POSS) && !is_word(l, j + 1, NX_G_GENITIVE)) {
        int32_t about = l->main_org;
        if (about >= 0) {
            *end = j + 1;
            return about;
        }
    }
    /* "an officer in the United States Navy": an organisation right after
     * it only when nothing qualifies it after ("a detective in the ABC
     * police drama") and no employer follows ("a professor in the
     * Department of Chemistry at Stanford University") */
    if (field && k >= 0) {
        size_t e = sp(l, k)->t1;
        /* (the institution a department is at: "in the Department of
         * Chemistry at Stanford University") */
        if (is_type(l, k, NX_ORGANIZATION) && sp(l, k)->t0 == j && is_word(l, e, NX_G_EMPLOYER_LINKER) &&
            !is_word(l, e, NX_G_GENITIVE) && (tok(l, e)->shape & NX_SH_LOWER)) {
            size_t q = e + 1;
            if (is_word(l, q, NX_G_DEFINITE)) q++;
            int32_t at = q < l->n ? span_at(l, q) : -1;
            if (is_type(l, at, NX_ORGANIZATION) && sp(l, at)->t0 == q) {
                k = at;
                j = q;
                e = sp(l, k)->t1;
            }
        }
        if (!is_type(l, k, NX_ORGANIZATION) || sp(l, k)->t0 != j ||
            (e < l->n && same_sentence(l, e - 1, e) && tok(l, e)->kind != NX_TOK_PUNCT &&
             (!is_word(l, e, NX_G_FUNCTION_WORD) || is_word(l, e, NX_G_EMPLOYER_LINKER) || is_word(l, e, NX_G_PLACEMENT_LINKER))))
            return -1;
    }
    if (k < 0 || is_type(l, k, NX_NATIONALITY)) {
        /* "head of the department of international cooperation at Acme",
         * "professor of economics at Harvard University": a complement in
         * lower case belongs to the title; the organisation follows it */
        size_t m = j;
        for (;;) {
            int32_t in = m < l->n ? span_at(l, m) : -1;
            /* ("head of Asian equities at HSBC": a nationality in it) */
            if (m - j < 6 && is_type(l, in, NX_NATIONALITY) && sp(l, in)->t0 == m && m + 1 < l->n &&
                span_at(l, sp(l, in)->t1) < 0 && (tok(l, sp(l, in)->t1)->shape & NX_SH_LOWER)) {
                m = sp(l, in)->t1;
                continue;
            }
            if (!(m < l->n && m - j < 6 && in < 0 &&
                  ((tok(l, m)->kind == NX_TOK_WORD && ((tok(l, m)->shape & NX_SH_LOWER) || hyphen_adjective(l, m)) &&
                    !is_word(l, m, NX_G_EMPLOYER_LINKER)) ||
                   is_word(l, m, NX_G_GENITIVE) || is_word(l, m, NX_G_CONJUNCTION))))
                break;
            m++;
        }
        int32_t named = span_at(l, m);
        int hyphenated = 1; /* "leader of center-right DISY": adjectives without "the" */
        for (size_t q = j; q < m; q++) hyphenated &= (tok(l, q)->shape & NX_SH_HYPHEN) != 0;
        /* ("editor of the science fiction magazine Wonder Stories": more
         * when the last is a generic noun the name is apposed to) */
        size_t most = is_word(l, m - 1, NX_G_ORG_GENERIC) ? 4 : 2;
        /* ("a partner at law firm Baker McKenzie": with no "the", a
         * generic noun that names the organisation set beside it) */
        int apposed = nx_rel_token_is(l->doc, m - 1, NX_G_ORG_GENERIC, "names") && (tok(l, m - 1)->shape & NX_SH_LOWER);
        if (!field && m > j && m - j <= most && (is_word(l, j - 1, NX_G_DEFINITE) || hyphenated || apposed) &&
            is_type(l, named, NX_ORGANIZATION) &&
            sp(l, named)->t0 == m && !is_word(l, m - 1, NX_G_GENITIVE) && !is_word(l, m - 1, NX_G_CONJUNCTION)) {
            /* "chairman of the worldwide Association of National Olympic
             * Committees", "leader of center-right DISY": lower-case
             * adjectives of the organisation */
            j = m;
            k = named;
        } else {
            /* ("a managing director in the investment banking division of
             * Goldman Sachs": the complement's own "of" after a part of an
             * organisation, org-noun kind=part, and the organisation it
             * belongs to; not "the fan club of Manchester United") */
            if (m - j >= 2 && is_word(l, m - 1, NX_G_GENITIVE) && (tok(l, m - 1)->shape & NX_SH_LOWER) &&
                nx_rel_token_is(l->doc, m - 2, NX_G_ORG_NOUN, "part") && (tok(l, m - 2)->shape & NX_SH_LOWER) &&
                is_type(l, named, NX_ORGANIZATION) &&
                sp(l, named)->t0 == m) {
                j = m;
                k = named;
            } else {
                if (m == j || !is_word(l, m, NX_G_EMPLOYER_LINKER) || is_word(l, m - 1, NX_G_GENITIVE)) return -1;
                j = m + 1;
                if (is_word(l, j, NX_G_DEFINITE)) j++;
                k = span_at(l, j);
                if (!is_type(l, k, NX_ORGANIZATION) || sp(l, k)->t0 != j) return -1;
            }
        }
    }
    if (sp(l, k)->t0 != j) return -1;
    if (!is_type(l, k, NX_PLACE) && !is_type(l, k, NX_ORGANIZATION)) return -1;
    /* "a critic of Acme chairman John Smith", "a spokesman for New York
     * State Comptroller X": a name right before another title and a person
     * is that title's, when this title is in lower case (a capitalised one
     * may be followed by its holder's rank: "Chief Minister of Punjab Capt.
     * Amarinder Singh") */
    if (i > 0 && (tok(l, i - 1)->shape & NX_SH_LOWER) && starts(l, sp(l, k)->t1, NX_TITLE) &&
        tok(l, sp(l, k)->t1)->brk == NX_BRK_SPACE) {
        size_t e = sp(l, span_at(l, sp(l, k)->t1))->t1;
        while (e < l->n && span_at(l, e) < 0 && (tok(l, e)->feat & NX_FEAT(NX_G_HONORIFIC))) e++;
        if (starts(l, e, NX_PERSON)) return -1;
    }
    /* a state's office is the place's: President of Finland, MP for
     * Kirkcaldy (not "at Buckingham Palace", where its holder is) */
    if (origin && !is_type(l, k, NX_PLACE)) return -1;
    int32_t org = is_type(l, k, NX_ORGANIZATION) || (state && (is_word(l, i, NX_G_GENITIVE) || fold_is(l, i, "for") || origin)) ? k : -1;
    j = sp(l, k)->t1;
    /* "Secretary of the CPC Committee of Xi'an Jiaotong University": an
     * organisation's head word the name did not take, then "of" and the
     * body it belongs to, which is where the title is held */
    if (org >= 0 && j + 2 < l->n && span_at(l, j) < 0 && is_word(l, j, NX_G_ORG_HEAD) && (tok(l, j)->shape & NX_SH_CAP) &&
        is_word(l, j + 1, NX_G_GENITIVE) && (tok(l, j + 1)->shape & NX_SH_LOWER)) {
        size_t q = j + 2;
        if (is_word(l, q, NX_G_DEFINITE)) q++;
        int32_t body = q < l->n ? span_at(l, q) : -1;
        if (is_type(l, body, NX_ORGANIZATION) && sp(l, body)->t0 == q) {
            org = body;
            j = sp(l, body)->t1;
        }
    }
    /* "head of the China Insurance Regulatory Commission": a country
     * written before the organisation's own name */
    int32_t own_name = span_at(l, j);
    if (is_type(l, k, NX_PLACE) && is_type(l, own_name, NX_ORGANIZATION) && sp(l, own_name)->t0 == j &&
        tok(l, j)->brk == NX_BRK_SPACE) {
        org = own_name;
        j = sp(l, own_name)->t1;
    }
    /* the organisation may be placed further: "at the Higher Secretariat of
     * Brazil's Ministry of Education", "of the University Education
     * Department in South Africa's Ministry of Education" */
    for (int step = 0; step < 3; step++) {
        size_t m = j;
        int poss = m < l->n && (tok(l, m)->shape & NX_SH_POSS);
        if (poss) m++;
        else if (is_word(l, m, NX_G_PLACEMENT_LINKER)) m++;
        else break;
        int apposed = 0; /* (a generic noun the name is set beside: "Acme's parent company Globex") */
        if (is_word(l, m, NX_G_DEFINITE)) {
            m++;
        } else if (poss) {
            size_t q = generic_apposed(l, m);
            apposed = q > m;
            m = q;
        }
        int32_t n = span_at(l, m);
        if (n < 0 || sp(l, n)->t0 != m || !(is_type(l, n, NX_PLACE) || is_type(l, n, NX_ORGANIZATION))) break;
        /* (the organisation a generic noun is apposed to heads the phrase:
         * "of Acme's parent company Globex" is Globex's) */
        if (apposed && !is_type(l, n, NX_ORGANIZATION)) break;
        if ((org < 0 || !is_type(l, org, NX_ORGANIZATION) || apposed) && is_type(l, n, NX_ORGANIZATION)) org = n;
        j = sp(l, n)->t1;
    }
    *end = j;
    return org;
}

/* A party: by its gazetteer kind, or one capitalised party word (Labour). */
static int is_party(const lctx *l, int32_t k) {
    if (!is_type(l, k, NX_ORGANIZATION)) return 0;
    const nx_span *s = sp(l, k);
    return (s->kind && !strcmp(s->kind, "party")) || (s->t1 - s->t0 == 1 && is_word(l, s->t0, NX_G_PARTY_WORD));
}

/* Whether token p is a possessive: 's, or an apostrophe after a word in -s
 * ("Hamas' leader", "the Rolling Stones' guitarist"). */
static int possessive_at(const lctx *l, size_t p) {
    if (p >= l->n) return 0;
    if (tok(l, p)->shape & NX_SH_POSS) return 1;
    const nx_token *w = p > 0 ? tok(l, p - 1) : NULL;
    return fold_is(l, p, "'") && w && w->kind == NX_TOK_WORD && w->fold_len && w->fold[w->fold_len - 1] == 's';
}

/* Whether token p is the relative possessive "whose": an org-pronoun in
 * lower case that is no determiner (as "its" is). */
static int whose_at(const lctx *l, size_t p) {
    return is_word(l, p, NX_G_ORG_PRONOUN) && !is_word(l, p, NX_G_DETERMINER) && (tok(l, p)->shape & NX_SH_LOWER);
}

/* An organisation right before token i: "XJTU president", "XJTU's
 * president", "a Bundesbank board member", "Chinese top legislator"; for a
 * state's office (`state`) a place or nationality too: "Peru's Prime
 * Minister", "Kazakh President". */
static int32_t org_before(const lctx *l, size_t i, int state) {
    if (i == 0) return -1;
    size_t p = i - 1;
    /* "Toyota's new president", "Chinese top legislator" */
    for (int k = 0; k < 2 && p > 0 && span_at(l, p) < 0 && is_word(l, p, NX_G_TITLE_ADJECTIVE); k++) p--;
    /* "EU foreign policy chief", "Goldman Sachs energy analyst": field words
     * in lower case between the organisation and the title (not over to a
     * party before them with no possessive: "a Democratic state attorney
     * general") */
    int fields = 0;
    for (; fields < 2 && p > 0 && span_at(l, p) < 0 && is_word(l, p, NX_G_TITLE_FIELD) && (tok(l, p)->shape & NX_SH_LOWER);
         fields++)
        p--;
    /* "Venezuela's populist president", "Peru's cabinet chief", "Forza
     * Italia, whose regional leader": one more plain lower-case word right
     * after the possessor */
    if (p > 1 && span_at(l, p) < 0 && tok(l, p)->kind == NX_TOK_WORD && (tok(l, p)->shape & NX_SH_LOWER) &&
        (tok(l, p)->shape & NX_SH_ALPHA) && !is_word(l, p, NX_G_FUNCTION_WORD) && !is_word(l, p, NX_G_TITLE_VERB) &&
        !is_word(l, p, NX_G_NAMING_VERB) && !is_word(l, p, NX_G_AFFILIATION_VERB) &&
        (possessive_at(l, p - 1) || whose_at(l, p - 1)))
        p--;
    /* "the Kuomintang ( KMT ) party chairman", "Acme company president": a
     * generic organisation noun after the name */
    if (p > 0 && span_at(l, p) < 0 && is_word(l, p, NX_G_ORG_GENERIC) && (tok(l, p)->shape & NX_SH_LOWER) &&
        !possessive_at(l, p + 1)) {
        p--;
        /* ("Volkswagen's supervisory board chairman": a plain word before
         * the noun, right after the possessor) */
        if (p > 1 && span_at(l, p) < 0 && tok(l, p)->kind == NX_TOK_WORD && (tok(l, p)->shape & NX_SH_LOWER) &&
            (tok(l, p)->shape & NX_SH_ALPHA) && !is_word(l, p, NX_G_FUNCTION_WORD) && possessive_at(l, p - 1))
            p--;
    }
    if (possessive_at(l, p)) {
        if (p == 0) return -1;
        p--;
        fields = 0; /* (a possessive names whose title it is: "the party's regional leader") */
    } else if (whose_at(l, p) && p > 0) {
        /* "Syria, whose President Bashar al-Assad", "the LRA whose leader" */
        p--;
        if (p > 0 && fold_is(l, p, ",")) p--;
        fields = 0;
    } else if (p >= 2 && fold_is(l, p, ")") && fold_is(l, p - 2, "(")) {
        /* "The Australian Federal Police (AFP) Commissioner" */
        p--;
    }
    int32_t k = span_at(l, p);
    /* "Carnegie Mellon University ( Pittsburgh ) Professor X": an
     * organisation whose place stands in parentheses after it */
    if (is_type(l, k, NX_PLACE) && sp(l, k)->t1 == p + 1 && sp(l, k)->t0 >= 2 && fold_is(l, sp(l, k)->t0 - 1, "(") &&
        fold_is(l, p + 1, ")") && is_type(l, span_at(l, sp(l, k)->t0 - 2), NX_ORGANIZATION) &&
        sp(l, span_at(l, sp(l, k)->t0 - 2))->t1 == sp(l, k)->t0 - 1)
        return span_at(l, sp(l, k)->t0 - 2);
    if (k < 0 || sp(l, k)->t1 != p + 1 || (fields && is_party(l, k))) return -1;
    /* "Canada's Conservative Prime Minister": a party names the office
     * holder's party, not the state whose office it is (see party_before) */
    if (state && is_party(l, k)) return sp(l, k)->t0 > 0 ? org_before(l, sp(l, k)->t0, state) : -1;
    if (is_type(l, k, NX_ORGANIZATION)) return k;
    return state && (is_type(l, k, NX_PLACE) || is_type(l, k, NX_NATIONALITY)) ? k : -1;
}

/* The party named right before a state's office ("Republican senator",
 * "Canada's Conservative Prime Minister"), or -1: its holder belongs to it. */
static int32_t party_before(const lctx *l, size_t i) {
    if (i == 0) return -1;
    int32_t k = span_at(l, i - 1);
    return is_party(l, k) && sp(l, k)->t1 == i ? k : -1;
}

/* Skips determiners and title adjectives from i; returns the next token. */
static size_t skip_modifiers(const lctx *l, size_t i) {
    while (i < l->n && (is_word(l, i, NX_G_DETERMINER) || is_word(l, i, NX_G_TITLE_ADJECTIVE)) && span_at(l, i) < 0) i++;
    return i;
}

/* Whether titles in lower case follow one another from token i with no
 * separator and the series ends in "and|& TITLE" ("a French singer lyricist
 * composer and novelist"): a list whose commas were dropped, not a compound
 * ("fellow country singer X", "principal secretary to", "chief curator"). */
static int bare_series(const lctx *l, size_t i) {
    size_t k = i;
    for (int n = 0; n < 8 && starts(l, k, NX_TITLE) && !(sp(l, span_at(l, k))->flags & NX_SPAN_PLURAL); n++) {
        for (size_t q = k; q < sp(l, span_at(l, k))->t1; q++)
            if (!(tok(l, q)->shape & NX_SH_LOWER)) return 0;
        k = sp(l, span_at(l, k))->t1;
    }
    return k > i && (is_word(l, k, NX_G_CONJUNCTION) || fold_is(l, k, "&")) && starts(l, skip_modifiers(l, k + 1), NX_TITLE);
}

/* The title group starting with title span ti. */
static void read_group(const lctx *l, int32_t ti, title_group *g) {
    g->n = 0;
    g->t0 = sp(l, ti)->t0;
    g->state = 0;
    g->status = 0;
    int32_t t = ti;
    int bare = 0;
    int32_t nationality = -1; /* before an item after the first */
    uint8_t said_next = 0;
    for (;;) {
        size_t end;
        int st = state_title(l, t);
        g->state |= st;
        int32_t org = org_after(l, sp(l, t)->t1, &end, st);
        int by_nationality = org < 0 && st && nationality >= 0;
        if (by_nationality) org = nationality;
        nationality = -1;
        /* "Ukraine's ambassador to Britain": a state's office "to" a place
         * or body it is sent to; that is no organisation of the title's,
         * but the phrase goes on over it */
        if (st && org < 0 && end == sp(l, t)->t1 && is_word(l, end, NX_G_ROLE_MARKER) && !is_word(l, end, NX_G_TITLE_VERB) &&
            (tok(l, end)->shape & NX_SH_LOWER)) {
            size_t q = end + 1;
            if (is_word(l, q, NX_G_DEFINITE)) q++;
            int32_t to = q < l->n ? span_at(l, q) : -1;
            /* (not "secretary to Alberta Premier Alison Redford": a person's
             * secretary, the place opening another title) */
            if ((is_type(l, to, NX_PLACE) || is_type(l, to, NX_ORGANIZATION)) && sp(l, to)->t0 == q &&
                !starts(l, sp(l, to)->t1, NX_TITLE))
                end = sp(l, to)->t1;
        }
        g->title[g->n] = t;
        g->org[g->n] = org;
        g->bare[g->n] = (uint8_t)(g->n && bare);
        g->said[g->n] = said_next;
        g->nat[g->n] = (uint8_t)by_nationality;
        g->n++;
        g->t1 = end;
        if (g->n == MAX_GROUP) break;
        /* ", and" / "and" / "," / "/" then another title, within the sentence */
        size_t j = end;
        int comma = fold_is(l, j, ","), conj = 0;
        if (comma) j++;
        if (is_word(l, j, NX_G_CONJUNCTION) || fold_is(l, j, "&")) j++, conj = 1;
        /* "President/CEO", "bassist/vocalist": a slash right after a title
         * with no "of" part joins two titles as "and" does */
        else if (!comma && end == sp(l, t)->t1 && fold_is(l, j, "/")) j++, conj = 1;
        else if (comma && end > sp(l, t)->t1) break; /* "X of Y, Professor Z": the "of" part closed the title */
        /* "a Taiwanese actor singer and racing driver": a list without its
         * commas (KBP37, captions), of titles in lower case with no "of"
         * part between them */
        bare = j == end && end == sp(l, t)->t1 && (tok(l, end - 1)->shape & NX_SH_LOWER) && bare_series(l, end);
        if (j == end && !bare) break;
        /* "McConnell, the Republican leader, and Rep. Henry Waxman": a comma
         * before the conjunction ends a series of three or more, not a pair
         * (the apposition closed there), and an abbreviated title after the
         * conjunction (Rep., Sen., Gov.) opens the next person's name */
        if (comma && conj && g->n < 2) break;
        j = skip_modifiers(l, j);
        /* "the former leader of the Conservative Party and former British
         * foreign secretary": the next item's own status word and
         * nationality (a state's office is the nationality's country) */
        /* (after "and" and an item closed by its "of" part only: not
         * "former mayor and French President X", "its leader, Bosnian
         * President X") */
        int own = conj && !comma && end > sp(l, t)->t1;
        uint8_t said = 0;
        if (own && j < l->n && span_at(l, j) < 0 && (said = nx_rel_status_word(l->doc, j)) && (tok(l, j)->shape & NX_SH_LOWER))
            j = skip_modifiers(l, j + 1);
        else
            said = 0;
        int32_t in = j < l->n ? span_at(l, j) : -1;
        if (own && is_type(l, in, NX_NATIONALITY) && sp(l, in)->t0 == j) {
            nationality = in;
            j = sp(l, in)->t1;
        }
        if (!starts(l, j, NX_TITLE) || !same_sentence(l, g->t0, j) || (sp(l, span_at(l, j))->flags & NX_SPAN_PLURAL))
            break;
        said_next = said;
        if (conj && sp(l, span_at(l, j))->t1 == j + 1 && (tok(l, j)->shape & NX_SH_ABBREV)) break;
        t = span_at(l, j);
    }
    /* "chairman and chief executive officer of UPI": an organisation named
     * only by the last item belongs to all the items before it */
    int32_t last = g->org[g->n - 1];
    for (size_t k = g->n - 1; k-- > 0 && last >= 0;) {
        /* (not over a list whose commas were dropped: "a psychologist
         * politician and former President of ROM"; nor to an item before
         * one with a status of its own: "former Governor and former
         * Secretary of Health and Human Services", two offices) */
        if (g->org[k] >= 0 || g->bare[k + 1] || g->said[k + 1] || g->nat[k + 1] || nx_rel_status_word(l->doc, sp(l, g->title[k + 1])->t0)) break;
        /* (nor to an item before one with an article of its own: "an
         * entrepreneur and an associate professor at X", two predicates) */
        int own_article = 0;
        for (size_t q = sp(l, g->title[k])->t1; q < sp(l, g->title[k + 1])->t0; q++)
            own_article |= is_word(l, q, NX_G_INDEFINITE) && (tok(l, q)->shape & NX_SH_LOWER);
        if (own_article) break;
        g->org[k] = last;
    }
}

static nx_status bind(lctx *l, const title_group *g, int32_t person, int32_t org_default, nx_rule rule) {
    for (size_t k = 0; k < g->n; k++) {
        int32_t org = g->org[k] >= 0 ? g->org[k] : org_default;
        /* "Philip, Duke of Edinburgh", "Baroness Smith of Basildon": a
         * peer's place is part of the rank's name (state-title kind=peer),
         * no organisation */
        if (is_type(l, org, NX_PLACE) && peer_rank(l, g->title[k])) org = -1;
        if (add_rel(l, (uint32_t)person, (uint32_t)g->title[k], org, rule, g->said[k] ? g->said[k] : g->status)) return NX_ERR_NOMEM;
    }
    return NX_OK;
}

/* "Barclays chairman Nigel Higgins and chief executive C.S.
 * Venkatakrishnan": the organisation a company's title before the name
 * right before "and" at t0 - 1 took from before it (no state's office: not
 * "French President X and Chancellor Y"), or -1. */
static int32_t shared_premodifier(const lctx *l, size_t t0) {
    if (t0 < 4 || !is_word(l, t0 - 1, NX_G_CONJUNCTION) || !(tok(l, t0 - 1)->shape & NX_SH_LOWER)) return -1;
    int32_t p = span_at(l, t0 - 2);
    if (!is_type(l, p, NX_PERSON) || sp(l, p)->t1 != t0 - 1) return -1;
    const nx_document *doc = l->doc;
    for (size_t f = doc->rels.count; f-- > 0;) {
        const nx_rel *rel = &NX_VEC_AT(&doc->rels, nx_rel, f);
        if (rel->type != NX_REL_HOLDS_TITLE || rel->args[0].span != p) continue;
        int32_t t = rel->args[1].span, o = rel->args[2].span;
        if (rel->rule != NX_RULE_HT_TITLE_BEFORE_NAME || t < 0 || sp(l, t)->t1 != sp(l, p)->t0 || !is_type(l, o, NX_ORGANIZATION) ||
            sp(l, o)->t1 != sp(l, t)->t0 || state_title(l, t))
            return -1;
        /* (the pair opens its phrase: a lower-case word or the sentence's
         * start before the organisation, not a comma-less list's name or
         * number: "inspector Hans Blix IAEA Director X and Pope Y") */
        size_t o0 = sp(l, o)->t0;
        if (!(o0 == 0 || tok(l, o0)->sent_start || (tok(l, o0 - 1)->kind == NX_TOK_WORD && (tok(l, o0 - 1)->shape & NX_SH_LOWER))))
            return -1;
        return o;
    }
    return -1;
}

static int32_t its_org(const lctx *l, size_t t0);
static int32_t reporting_org(const lctx *l, size_t t0);
static size_t phrase_start(const lctx *l, size_t j);

/* Whether a lower-case "its" opens the phrase of the title at t0, over at
 * most three plain words and conjunctions ("its founder and chairman"). */
static int its_before(const lctx *l, size_t t0) {
    size_t k = phrase_start(l, t0);
    for (int n = 0; n < 4 && k > 0; n++) {
        if (is_word(l, k, NX_G_ORG_PRONOUN) && (tok(l, k)->shape & NX_SH_LOWER)) return k < t0;
        if (span_at(l, k - 1) >= 0 || tok(l, k - 1)->kind != NX_TOK_WORD || !(tok(l, k - 1)->shape & NX_SH_LOWER)) return 0;
        k--;
    }
    return is_word(l, k, NX_G_ORG_PRONOUN) && (tok(l, k)->shape & NX_SH_LOWER) && k < t0;
}

/* Whether the title phrase at t0 is "the" [words] opening its sentence or
 * right after a person cue ("said the chairman, Bob Smith."): a name after
 * its comma is apposed to it, if the apposition closes there. Elsewhere the
 * comma may end a fronted phrase ("After meeting the chairman, Bob Smith
 * said"). */
static int definite_opens(const lctx *l, size_t t0) {
    size_t k = phrase_start(l, t0);
    if (k >= t0 || !is_word(l, k, NX_G_DEFINITE)) return 0;
    for (size_t q = k; q < t0; q++)
        if (tok(l, q)->shape & NX_SH_POSS) return 0; /* (possessive-apposition's: "the company's chairman, X") */
    return tok(l, k)->sent_start || (k > 0 && is_word(l, k - 1, NX_G_PERSON_CUE) && (tok(l, k - 1)->shape & NX_SH_LOWER));
}

/* Whether an apposition ends at token i: a comma, the sentence's end. */
static int apposition_closes(const lctx *l, size_t i) {
    return i >= l->n || fold_is(l, i, ",") || fold_is(l, i, ".") || !same_sentence(l, i - 1, i);
}

/* Whether the title phrase at t0 is "the" and a nationality: "where the
 * Yugoslav leader, Slobodan Milosevic, is", whose comma opens the name's
 * apposition. */
static int definite_nationality(const lctx *l, size_t t0) {
    int32_t nat = t0 > 0 ? span_at(l, t0 - 1) : -1;
    return is_type(l, nat, NX_NATIONALITY) && sp(l, nat)->t1 == t0 && sp(l, nat)->t0 > 0 &&
           is_word(l, sp(l, nat)->t0 - 1, NX_G_DEFINITE) && (tok(l, sp(l, nat)->t0 - 1)->shape & NX_SH_LOWER);
}

/* The person a group is placed before: GROUP [of ORG] [Prof.|Dr.] PERSON,
 * or "GROUP of ORG , PERSON". */
static int32_t person_after(const lctx *l, const title_group *g, int *via_comma) {
    size_t j = g->t1;
    int comma = 0, definite = 0;
    /* a comma only after an "of" part or an organisation before the title
     * (Registrar of Delhi University, Vikas Gupta; DU Registrar, Vikas Gupta) */
    if (fold_is(l, j, ",") &&
        (g->t1 > sp(l, g->title[g->n - 1])->t1 || org_before(l, g->t0, g->state) >= 0 || its_org(l, g->t0) >= 0 ||
         /* ("The company said its chairman, Li Ka-shing, would retire";
          * "its founder and chairman, Li Ka-shing") */
         its_before(l, g->t0) || (definite = definite_opens(l, g->t0)) || definite_nationality(l, g->t0))) {
        j++;
        comma = 1;
    }
    /* "Minister-Counsellor for Education in China's embassy in Russia Zhao
     * Guocheng": a placement phrase between the title and the name (linkers,
     * places and organisations, their possessives, lower-case words, a
     * capitalised field after the first linker); not a title in lower
     * case apposed to the name before it ("Joseph Bernardin, head of the
     * second-largest U.S. Roman Catholic archdiocese": his, and no one's
     * after it), as a list of titles before names is not ("..., Minister
     * in India's embassy in Russia Andjali Pandey, Minister-Counsellor ...") */
    int32_t apposed = g->t0 >= 2 && fold_is(l, g->t0 - 1, ",") ? span_at(l, g->t0 - 2) : -1;
    int title_cap = 0;
    for (size_t q = g->t0; q < sp(l, g->title[0])->t1; q++) title_cap |= (tok(l, q)->shape & NX_SH_CAP) != 0;
    if (!comma && (title_cap || !(is_type(l, apposed, NX_PERSON) && sp(l, apposed)->t1 == g->t0 - 1)) &&
        (is_word(l, j, NX_G_EMPLOYER_LINKER) || is_word(l, j, NX_G_PLACEMENT_LINKER)) && (tok(l, j)->shape & NX_SH_LOWER)) {
        size_t q = j;
        int places = 0, words = 0, fields_only = 1;
        while (q < l->n && q - j < 12 && same_sentence(l, j, q)) {
            int32_t s = span_at(l, q);
            const nx_token *t = tok(l, q);
            if (s >= 0 && sp(l, s)->t0 == q && (is_type(l, s, NX_PLACE) || is_type(l, s, NX_ORGANIZATION))) {
                places++;
                q = sp(l, s)->t1;
            } else if (s >= 0 && sp(l, s)->t0 == q && is_type(l, s, NX_PERSON)) {
                break;
            } else if (s < 0 && (t->shape & NX_SH_POSS)) {
                q++;
            } else if (s < 0 && t->kind == NX_TOK_WORD && (t->shape & NX_SH_LOWER) &&
                       (is_word(l, q, NX_G_EMPLOYER_LINKER) || is_word(l, q, NX_G_PLACEMENT_LINKER) ||
                        is_word(l, q, NX_G_DEFINITE) || (++words <= 2 && !is_word(l, q, NX_G_FUNCTION_WORD)))) {
                if (q > j && !is_word(l, q, NX_G_TITLE_FIELD)) fields_only = 0;
                q++; /* linkers, and at most two other lower-case words ("embassy") */
            } else if (s < 0 && q == j + 1 && (t->shape & NX_SH_CAP) && !(t->shape & NX_SH_ALLCAPS)) {
                q++; /* "for Education" */
            } else if (s < 0 && is_word(l, q, NX_G_CONJUNCTION) && q > j && (tok(l, q - 1)->shape & NX_SH_CAP) &&
                       q + 1 < l->n && (tok(l, q + 1)->shape & NX_SH_CAP)) {
                q++; /* "of Health and Human Services" */
            } else {
                break;
            }
        }
        int32_t p = span_at(l, q);
        if (places && q > j + 1 && is_type(l, p, NX_PERSON) && sp(l, p)->t0 == q && (tok(l, q - 1)->shape & NX_SH_CAP)) j = q;
        /* "pro-vice-chancellor for international affairs Andy Neely": a
         * field in lower case (title-field words) after "for|of" */
        else if (!places && fields_only && q > j + 1 && q - j <= 4 && is_word(l, j, NX_G_EMPLOYER_LINKER)) {
            /* (over a form of address: "... for International Relations
             * Prof. Jan Novak") */
            size_t r = q;
            /* (and over the rest of a capitalised field: "for International
             * Relations") */
            while (r < l->n && r - q < 3 && span_at(l, r) < 0 && (tok(l, r)->shape & NX_SH_CAP) && !(tok(l, r)->shape & NX_SH_ALLCAPS) &&
                   is_word(l, r, NX_G_TITLE_FIELD) && !(tok(l, r)->feat & NX_FEAT(NX_G_GIVEN)))
                r++;
            while (r < l->n && span_at(l, r) < 0 && (tok(l, r)->feat & NX_FEAT(NX_G_HONORIFIC))) r++;
            if (starts(l, r, NX_TITLE) && (tok(l, r)->shape & NX_SH_CAP)) r = sp(l, span_at(l, r))->t1;
            if (starts(l, r, NX_PERSON)) j = r;
        }
    }
    while (j < l->n && span_at(l, j) < 0 && (tok(l, j)->feat & NX_FEAT(NX_G_HONORIFIC))) j++;
    /* "Executive Vice President of Hiroshima University, Professor Shinji Kaneko" */
    if (comma && starts(l, j, NX_TITLE)) j = sp(l, span_at(l, j))->t1;
    /* "Prime Minister Commodore Frank Bainimarama", "President General
     * Pervez Musharraf": a rank between the office and the name (it binds
     * to the name itself, as the title right before it) */
    else if (!comma && starts(l, j, NX_TITLE) && !(sp(l, span_at(l, j))->flags & NX_SPAN_PLURAL) &&
             (tok(l, j)->shape & NX_SH_CAP))
        j = sp(l, span_at(l, j))->t1;
    int32_t p = span_at(l, j);
    if (!is_type(l, p, NX_PERSON) || sp(l, p)->t0 != j || !same_sentence(l, g->t0, j)) return -1;
    if (definite && !apposition_closes(l, sp(l, p)->t1)) return -1;
    if (via_comma) *via_comma = comma;
    return p;
}

static size_t phrase_start(const lctx *l, size_t j);

/* A dash between spaces that sets off an apposition as a comma does:
 * "Sir Edward Heath - Prime Minister of the United Kingdom", "John Smith --
 * the chairman of Acme -- said". */
static int dash_at(const lctx *l, size_t i) {
    if (i + 1 >= l->n || tok(l, i)->kind != NX_TOK_PUNCT || tok(l, i)->brk != NX_BRK_SPACE || tok(l, i + 1)->brk != NX_BRK_SPACE)
        return 0;
    return fold_is(l, i, "-") || fold_is(l, i, "--") || fold_is(l, i, "\xe2\x80\x93") || fold_is(l, i, "\xe2\x80\x94");
}

/* The first token of a party and state tag written as one word that ends
 * right before token e: "D-R.I.", "R-Texas", "D-Calif." (AP style: a
 * party's capital letter, a hyphen, the state's capitalised name or
 * abbreviation, no space inside); or 0. */
static size_t party_tag_start(const lctx *l, size_t e) {
    if (e < 2) return 0;
    size_t k = e - 1;
    while (k > 0 && e - k < 6 && tok(l, k)->brk == NX_BRK_NONE) k--; /* to the token after a space */
    for (size_t q = k; q < e; q++)
        if (span_at(l, q) >= 0) return 0;
    const char *w = l->doc->text.work + tok(l, k)->b0;
    size_t n = tok(l, e - 1)->b1 - tok(l, k)->b0;
    return n >= 3 && n <= 10 && w[0] >= 'A' && w[0] <= 'Z' && w[1] == '-' && w[2] >= 'A' && w[2] <= 'Z' ? k : 0;
}

/* PERSON [(L)] , [a|the] [new|sixth] GROUP: the person the group is apposed to. */
static int32_t person_before(const lctx *l, const title_group *g, int32_t *org_pre) {
    size_t i = g->t0;
    *org_pre = org_before(l, i, g->state);
    if (*org_pre >= 0) i = sp(l, *org_pre)->t0;
    size_t bare = i;
    /* the noun phrase: "a German actress" (a nationality after a
     * determiner), "the great jazz violinist" (plain words after one) */
    i = phrase_start(l, i);
    /* "Veronika Bienert, currently head of Siemens Financial Services": an
     * adverb opening the apposition (auxiliary, lower case) */
    if (i >= 2 && is_word(l, i - 1, NX_G_AUXILIARY) && !is_word(l, i - 1, NX_G_COPULA) &&
        !is_word(l, i - 1, NX_G_TITLE_VERB) && (tok(l, i - 1)->shape & NX_SH_LOWER) && fold_is(l, i - 2, ","))
        i--;
    /* "Elon Musk, the owner of Twitter and chief executive of Tesla": after
     * a membership noun's "of ORG" (no title: affiliated_with reads it)
     * and "and", the apposition opened before that noun */
    if (i >= 5 && is_word(l, i - 1, NX_G_CONJUNCTION) && (tok(l, i - 1)->shape & NX_SH_LOWER)) {
        int32_t o = span_at(l, i - 2);
        size_t q = is_type(l, o, NX_ORGANIZATION) && sp(l, o)->t1 == i - 1 ? sp(l, o)->t0 : 0;
        if (q >= 3 && is_word(l, q - 1, NX_G_DEFINITE)) q--;
        if (q >= 3 && is_word(l, q - 1, NX_G_GENITIVE) && (tok(l, q - 1)->shape & NX_SH_LOWER) &&
            is_word(l, q - 2, NX_G_MEMBERSHIP_NOUN) && (tok(l, q - 2)->shape & NX_SH_LOWER) && span_at(l, q - 2) < 0)
            i = phrase_start(l, q - 2);
    }
    /* "Phil Lesh (bassist with the Grateful Dead)": in parentheses */
    if (i >= 2 && fold_is(l, i - 1, "(")) {
        int32_t k = span_at(l, i - 2);
        return is_type(l, k, NX_PERSON) && sp(l, k)->t1 == i - 1 && same_sentence(l, i - 2, g->t0) ? k : -1;
    }
    if (i > 0 && !fold_is(l, i - 1, ",") && !dash_at(l, i - 1)) {
        /* "Duncan Niederauer chief executive officer of NYSE Euronext said",
         * "Martin Feldstein a Harvard professor": an apposition written
         * without its comma, taken only when it names an organisation or
         * opens with a determiner (a bare "NAME TITLE" is too often two
         * phrases) */
        int32_t k = span_at(l, i - 1);
        int named = *org_pre >= 0 || i < bare;
        /* "Brian Tobin former Minister of Fisheries and Oceans": a status
         * word in lower case opens the apposition as a determiner does */
        size_t t0 = sp(l, g->title[0])->t0;
        if (!named && t0 == i && nx_rel_status_word(l->doc, t0) && (tok(l, t0)->shape & NX_SH_LOWER)) named = 1;
        for (size_t m = 0; m < g->n && !named; m++) named = g->org[m] >= 0;
        /* "Alessandro Profumo chief executive of UniCredit", "Ioannis
         * Metaxas dictator of Greece": the title's "of|at" part names
         * something capitalised the gazetteers do not know (no fact's
         * organisation then, but the apposition holds) */
        int via_complement = 0;
        for (size_t m = 0; m < g->n && !named; m++) {
            size_t q = sp(l, g->title[m])->t1;
            if (!is_word(l, q, NX_G_EMPLOYER_LINKER) || !(tok(l, q)->shape & NX_SH_LOWER) || is_word(l, q, NX_G_CONJUNCTION))
                continue;
            q++;
            if (is_word(l, q, NX_G_DEFINITE)) q++;
            for (int w = 0; w < 2 && q < l->n && span_at(l, q) < 0 && tok(l, q)->kind == NX_TOK_WORD &&
                            (tok(l, q)->shape & NX_SH_LOWER) && !is_word(l, q, NX_G_FUNCTION_WORD);
                 w++)
                q++; /* "leader of center-right DISY" */
            named = q < l->n && same_sentence(l, q, g->t0) && (tok(l, q)->shape & NX_SH_CAP) && tok(l, q)->kind == NX_TOK_WORD &&
                    !is_word(l, q, NX_G_FUNCTION_WORD) && (span_at(l, q) < 0 || is_type(l, span_at(l, q), NX_PLACE) ||
                                                           is_type(l, span_at(l, q), NX_ORGANIZATION));
            via_complement = named;
        }
        /* (not a "name" after a determiner: "the first Roman Catholic
         * archbishop of Paraguay") */
        if (via_complement && k >= 0 && sp(l, k)->t0 > 0 &&
            (is_word(l, sp(l, k)->t0 - 1, NX_G_DETERMINER) || is_word(l, sp(l, k)->t0 - 1, NX_G_FUNCTION_WORD) ||
             is_word(l, sp(l, k)->t0 - 1, NX_G_TITLE_ADJECTIVE)))
            return -1;
        if (!named || !is_type(l, k, NX_PERSON) || sp(l, k)->t1 != i || !same_sentence(l, i - 1, g->t0)) return -1;
        return k;
    }
    if (i == 0) return -1;
    size_t p = i - 1; /* the comma */
    if (p >= 3 && fold_is(l, p - 1, ")")) { /* a photo caption before the comma */
        size_t q = p - 1;
        while (q > 0 && !fold_is(l, q, "(") && p - q < 5) q--;
        if (fold_is(l, q, "(") && caption_len(l, q) == (int)(p - q)) p = q;
    }
    /* "Jane Doe, 45, of Leeds, the chairman of Acme": a home town between
     * commas */
    int32_t home = p >= 4 ? span_at(l, p - 1) : -1;
    if (is_type(l, home, NX_PLACE) && sp(l, home)->t1 == p && sp(l, home)->t0 >= 3 && is_word(l, sp(l, home)->t0 - 1, NX_G_GENITIVE) &&
        (tok(l, sp(l, home)->t0 - 1)->shape & NX_SH_LOWER) && fold_is(l, sp(l, home)->t0 - 2, ","))
        p = sp(l, home)->t0 - 2;
    /* "Sen. Jack Reed, D-R.I., chairman of the Armed Services Committee":
     * a party and state tag between commas */
    size_t tag = party_tag_start(l, p);
    if (tag >= 2 && fold_is(l, tag - 1, ",")) p = tag - 1;
    /* "John Smith, 55, chief executive of Acme": an age between commas */
    if (p >= 3 && tok(l, p - 1)->kind == NX_TOK_NUM && tok(l, p - 1)->fold_len <= 3 && fold_is(l, p - 2, ",")) p -= 2;
    if (p == 0) return -1;
    int32_t k = span_at(l, p - 1);
    if (!is_type(l, k, NX_PERSON) || sp(l, k)->t1 != p || !same_sentence(l, p - 1, g->t0)) return -1;
    return k;
}

/* "a twentieth-century painter", "a two-term senator": a date or duration
 * of one hyphenated token in lower case, an adjective of the noun phrase. */
static int time_adjective(const lctx *l, size_t i) {
    int32_t s = span_at(l, i);
    return (is_type(l, s, NX_DATE) || is_type(l, s, NX_DURATION)) && sp(l, s)->t0 == i && sp(l, s)->t1 == i + 1 &&
           (tok(l, i)->shape & NX_SH_HYPHEN) && !(tok(l, i)->shape & NX_SH_CAP);
}

/* Back from a title over what may stand before it in a noun phrase: a
 * determiner, title adjectives, an adjective after a determiner (an
 * economic adviser), a generic organisation noun (company president). */
static size_t phrase_start(const lctx *l, size_t j) {
    size_t k = j;
    for (;;) {
        int32_t s = k > 0 ? span_at(l, k - 1) : -1;
        /* "an American actress": a nationality in the phrase; "a young
         * American actor", "a prominent Kenyan lawyer": up to two plain
         * lower-case words between the determiner and the nationality */
        if (is_type(l, s, NX_NATIONALITY) && sp(l, s)->t1 == k && sp(l, s)->t0 > 0) {
            size_t q = sp(l, s)->t0;
            for (int w = 0; w < 2 && q > 1 && span_at(l, q - 1) < 0 && tok(l, q - 1)->kind == NX_TOK_WORD &&
                            (tok(l, q - 1)->shape & NX_SH_LOWER) && (tok(l, q - 1)->shape & NX_SH_ALPHA) &&
                            !is_word(l, q - 1, NX_G_FUNCTION_WORD) && !is_word(l, q - 1, NX_G_TITLE_VERB) &&
                            !is_word(l, q - 1, NX_G_DETERMINER);
                 w++)
                q--;
            if (is_word(l, q - 1, NX_G_DETERMINER)) {
                k = q;
                continue;
            }
        }
        /* "a Labour MP", "the Republican senator": a party word after a
         * determiner */
        /* (or right after the comma of an apposition: "Jane Doe,
         * Conservative MP for Bath") */
        if (k > 1 && s < 0 && is_word(l, k - 1, NX_G_PARTY_WORD) && (tok(l, k - 1)->shape & NX_SH_CAP) &&
            (is_word(l, k - 2, NX_G_DETERMINER) || fold_is(l, k - 2, ","))) {
            k--;
            continue;
        }
        if (is_party(l, s) && sp(l, s)->t1 == k && sp(l, s)->t0 > 0 &&
            (is_word(l, sp(l, s)->t0 - 1, NX_G_DETERMINER) || fold_is(l, sp(l, s)->t0 - 1, ",") ||
             /* ("the former Republican Governor of Arizona") */
             (nx_rel_status_word(l->doc, sp(l, s)->t0 - 1) && (tok(l, sp(l, s)->t0 - 1)->shape & NX_SH_LOWER)))) {
            k = sp(l, s)->t0;
            continue;
        }
        /* (a status word too: "former Republican Attorney General") */
        /* ("will be appointed chairman": a title adjective that is a title
         * verb too is the verb after an auxiliary or copula) */
        if (k > 1 && s < 0 && is_word(l, k - 1, NX_G_TITLE_ADJECTIVE) && is_word(l, k - 1, NX_G_TITLE_VERB) &&
            (is_word(l, k - 2, NX_G_AUXILIARY) || is_word(l, k - 2, NX_G_TITLE_VERB)) && (tok(l, k - 2)->shape & NX_SH_LOWER))
            break;
        if (k > 0 && s < 0 &&
            (is_word(l, k - 1, NX_G_DETERMINER) || is_word(l, k - 1, NX_G_TITLE_ADJECTIVE) || is_word(l, k - 1, NX_G_ORG_GENERIC) ||
             (nx_rel_status_word(l->doc, k - 1) && (tok(l, k - 1)->shape & NX_SH_LOWER))))
            k--;
        else
            break;
    }
    /* "an economic adviser", "as trade house representative", "a freelance
     * restaurant critic", "the sixth president": up to three plain
     * lower-case words after a determiner or "as" (the determiner itself
     * is not one of them); so too before a generic noun the phrase took
     * ("the central bank governor") */
    if (k == j || (k < j && !is_word(l, k, NX_G_DETERMINER) && is_word(l, k, NX_G_ORG_GENERIC) && span_at(l, k) < 0)) {
        size_t m = k, conj = 0;
        while (m > 0 && k - m < 3 + conj &&
               ((span_at(l, m - 1) < 0 && tok(l, m - 1)->kind == NX_TOK_WORD && (tok(l, m - 1)->shape & NX_SH_LOWER) &&
                 (tok(l, m - 1)->shape & NX_SH_ALPHA) && (!is_word(l, m - 1, NX_G_STOP) || is_word(l, m - 1, NX_G_TITLE_ADJECTIVE)) &&
                 !is_word(l, m - 1, NX_G_TITLE_VERB) && !is_word(l, m - 1, NX_G_DETERMINER)) ||
                time_adjective(l, m - 1) ||
                /* "an American film and television actor": two nouns of
                 * the phrase joined (once) */
                (!conj && m < k && m > 1 && is_word(l, m - 1, NX_G_CONJUNCTION) && (tok(l, m - 1)->shape & NX_SH_LOWER) &&
                 span_at(l, m - 2) < 0 && tok(l, m - 2)->kind == NX_TOK_WORD && (tok(l, m - 2)->shape & NX_SH_LOWER) &&
                 !is_word(l, m - 2, NX_G_FUNCTION_WORD) && !is_word(l, m - 2, NX_G_TITLE_VERB) && (conj = 1))))
            m--;
        /* "an Indonesian pop singer": a nationality before those words */
        int32_t nat = m < k && m > 0 ? span_at(l, m - 1) : -1;
        if (is_type(l, nat, NX_NATIONALITY) && sp(l, nat)->t1 == m && sp(l, nat)->t0 > 0 &&
            is_word(l, sp(l, nat)->t0 - 1, NX_G_DETERMINER))
            k = sp(l, nat)->t0 - 1;
        else if (m < k && m > 0 && (is_word(l, m - 1, NX_G_DETERMINER) || is_word(l, m - 1, NX_G_ROLE_MARKER)))
            k = is_word(l, m - 1, NX_G_DETERMINER) ? m - 1 : m;
        /* "Jane Doe, global head of equities at HSBC": right after the
         * comma of a person's apposition */
        else if (m < k && m >= 2 && fold_is(l, m - 1, ",") && is_type(l, span_at(l, m - 2), NX_PERSON) &&
                 sp(l, span_at(l, m - 2))->t1 == m - 1 && !is_word(l, m, NX_G_AUXILIARY))
            k = m; /* (not over an adverb: "X, formerly Acme's chairman" is read before the phrase) */
        /* "the company's chief executive", "the band's rhythm guitarist",
         * "the film's director", "the show's composer": a common noun
         * possesses the title (the film names no organisation: only a
         * generic organisation noun finds one, generic_org_before) */
        else if (m >= 3 && (tok(l, m - 1)->shape & NX_SH_POSS) && span_at(l, m - 2) < 0 &&
                 (is_word(l, m - 2, NX_G_ORG_GENERIC) ||
                  (tok(l, m - 2)->kind == NX_TOK_WORD && (tok(l, m - 2)->shape & NX_SH_LOWER) && (tok(l, m - 2)->shape & NX_SH_ALPHA) &&
                   !is_word(l, m - 2, NX_G_FUNCTION_WORD) && !is_word(l, m - 2, NX_G_TITLE))) &&
                 is_word(l, m - 3, NX_G_DETERMINER) && span_at(l, m - 3) < 0)
            k = m - 3;
        /* "the president's spokesman": a title possesses it */
        else if (m >= 3 && (tok(l, m - 1)->shape & NX_SH_POSS) && is_type(l, span_at(l, m - 2), NX_TITLE) &&
                 sp(l, span_at(l, m - 2))->t1 == m - 1 && sp(l, span_at(l, m - 2))->t0 > 0 &&
                 is_word(l, sp(l, span_at(l, m - 2))->t0 - 1, NX_G_DETERMINER) && span_at(l, sp(l, span_at(l, m - 2))->t0 - 1) < 0)
            k = sp(l, span_at(l, m - 2))->t0 - 1;
    }
    return k;
}

/* "Acme appointed X as chairman": the organisation before the naming verb
 * that ends before token v (over an auxiliary: has appointed) becomes *org
 * when that is none. */
static void naming_subject(const lctx *l, size_t v, int32_t *org) {
    if (*org >= 0 || v == 0 || !is_word(l, v - 1, NX_G_NAMING_VERB)) return;
    size_t w = v - 1;
    if (w > 0 && is_word(l, w - 1, NX_G_AUXILIARY)) w--;
    /* "Acme on Tuesday appointed X", "Acme yesterday named X": a date
     * between the subject and its verb */
    int32_t when = w > 0 ? span_at(l, w - 1) : -1;
    if ((is_type(l, when, NX_DATE) || is_type(l, when, NX_TIME)) && sp(l, when)->t1 == w && sp(l, when)->t1 - sp(l, when)->t0 <= 3) {
        w = sp(l, when)->t0;
        if (w > 0 && is_word(l, w - 1, NX_G_FUNCTION_WORD) && (tok(l, w - 1)->shape & NX_SH_LOWER)) w--; /* "on" */
    }
    /* "Acme's board elected X chairman": the board of an organisation */
    if (w >= 3 && is_word(l, w - 1, NX_G_BOARD_WORD) && span_at(l, w - 1) < 0 && (tok(l, w - 2)->shape & NX_SH_POSS)) w -= 2;
    int32_t subj = w > 0 ? span_at(l, w - 1) : -1;
    if (is_type(l, subj, NX_ORGANIZATION) && sp(l, subj)->t1 == w) *org = subj;
    /* "The board also named Tom Brown deputy chairman": the board of the
     * organisation the document is about */
    else if (w >= 2 && subj < 0 && is_word(l, w - 1, NX_G_BOARD_WORD) && (tok(l, w - 1)->shape & NX_SH_LOWER) &&
             is_word(l, w - 2, NX_G_DEFINITE) && l->main_org >= 0)
        *org = l->main_org;
}

/* The person a holds_title fact already binds title span t to, or -1. */
static int32_t holder_of(const lctx *l, int32_t t, nx_rule *rule) {
    const nx_document *doc = l->doc;
    for (size_t k = doc->rels.count; k-- > 0;) {
        const nx_rel *r = &NX_VEC_AT(&doc->rels, nx_rel, k);
        if (r->type == NX_REL_HOLDS_TITLE && r->args[1].span == t) {
            if (rule) *rule = (nx_rule)r->rule;
            return r->args[0].span;
        }
    }
    return -1;
}

/* The person named as the agent right after a title group: "(succeeded as
 * chairman) by (his son) Victor Li", or -1. */
static int32_t agent_after(const lctx *l, const title_group *g) {
    size_t b = g->t1;
    if (!fold_is(l, b, "by")) return -1;
    b++;
    for (int w = 0; w < 3 && b < l->n && span_at(l, b) < 0 && tok(l, b)->kind == NX_TOK_WORD && (tok(l, b)->shape & NX_SH_LOWER); w++)
        b++;
    int32_t holder = span_at(l, b);
    return is_type(l, holder, NX_PERSON) && sp(l, holder)->t0 == b && same_sentence(l, b, g->t0) ? holder : -1;
}

/* PERSON [, who] is/was/became/was named/served as ... GROUP, within a few
 * words and with no other name in between. */
static int32_t person_copula(const lctx *l, const title_group *g, int32_t *org, int32_t *predecessor, int pronoun_ok) {
    /* "who was Italy's foreign affairs minister": the phrase opens with the
     * title's organisation */
    size_t j = phrase_start(l, *org >= 0 && sp(l, *org)->t1 <= g->t0 ? sp(l, *org)->t0 : g->t0);
    /* "X was an Illinois politician who served as ...": a place between
     * the article and the title right after a copula (not after "as": "was
     * appointed by President W as a United States attorney" is not W's) */
    int32_t where = j == g->t0 && j > 0 ? span_at(l, j - 1) : -1;
    if (is_type(l, where, NX_PLACE) && sp(l, where)->t1 == j && sp(l, where)->t0 > 1 &&
        is_word(l, sp(l, where)->t0 - 1, NX_G_ARTICLE) && is_word(l, sp(l, where)->t0 - 2, NX_G_COPULA))
        j = sp(l, where)->t0 - 1;
    /* "who was briefly Prime Minister", "is currently chairman": an adverb
     * (the auxiliary class; "currently" is also a date) between the verb
     * and the title */
    int adverbs = 0;
    while (adverbs < 2 && j > 1 && is_word(l, j - 1, NX_G_AUXILIARY) && !is_word(l, j - 1, NX_G_TITLE_VERB) &&
           (tok(l, j - 1)->shape & NX_SH_LOWER) &&
           (span_at(l, j - 1) < 0 || (is_type(l, span_at(l, j - 1), NX_DATE) && sp(l, span_at(l, j - 1))->t0 == j - 1))) {
        adverbs++;
        j--;
    }
    /* "was promoted to chief operating officer": a role marker that is no
     * title verb itself ("to"), right after a naming or title verb and
     * right before the title ("named to the chairman's office" is none) */
    /* ("was appointed to be the chairman": over "be", an auxiliary) */
    int promoted = j > 1 && (j == g->t0 || (adverbs && is_word(l, j, NX_G_AUXILIARY) && !is_word(l, j, NX_G_COPULA))) &&
                   is_word(l, j - 1, NX_G_ROLE_MARKER) && !is_word(l, j - 1, NX_G_TITLE_VERB) &&
                   (is_word(l, j - 2, NX_G_TITLE_VERB) || is_word(l, j - 2, NX_G_NAMING_VERB)) &&
                   !is_word(l, j - 2, NX_G_COPULA); /* "is to coach": a verb, not a title */
    if (promoted) j--;
    if (j == 0 || !(is_word(l, j - 1, NX_G_TITLE_VERB) || (promoted && is_word(l, j - 1, NX_G_NAMING_VERB)))) return -1;
    /* "she was referred by W to become the lead vocalist", "asked W to
     * become chairman": a name right before "to" is some verb's object, and
     * the title only wished for it */
    if (j >= 3 && is_word(l, j - 1, NX_G_TITLE_VERB) && is_word(l, j - 2, NX_G_ROLE_MARKER) && (tok(l, j - 2)->shape & NX_SH_LOWER) &&
        !is_word(l, j - 2, NX_G_TITLE_VERB) && is_type(l, span_at(l, j - 3), NX_PERSON))
        return -1;
    /* "to be" only after a naming verb or a future marker ("was named to be
     * chairman", "is expected to be chairman"; not "was scheduled to be a
     * speaker") */
    if (j >= 3 && is_word(l, j - 1, NX_G_TITLE_VERB) && is_word(l, j - 1, NX_G_AUXILIARY) && is_word(l, j - 2, NX_G_ROLE_MARKER) &&
        (tok(l, j - 2)->shape & NX_SH_LOWER) && !is_word(l, j - 3, NX_G_NAMING_VERB) && !is_word(l, j - 3, NX_G_FUTURE_MARKER))
        return -1;
    /* walk back over verbs, adverbs and "who" to the person, jumping over
     * an apposition between commas ("John Tafaro, owner of Tafaro
     * Brokerage, was reelected as ...") */
    size_t k = j - 1;
    int relative = 0; /* a relative pronoun passed: the person is its antecedent */
    /* "X was succeeded as chairman by his son Y": X held the title, Y
     * takes it (a succession verb in the passive right before "as") */
    int passive_succession = j >= 3 && is_word(l, j - 2, NX_G_SUCCESSION_VERB) && (tok(l, j - 2)->shape & NX_SH_LOWER) &&
                             is_word(l, j - 3, NX_G_AUXILIARY);
    for (size_t steps = 0; k > 0 && steps < 12; steps++) {
        int32_t s = span_at(l, k - 1);
        if (s >= 0 && !is_type(l, s, NX_TITLE)) {
            /* "joined EMI in 1950 as assistant label manager": a date, and
             * the organisation an affiliation verb takes, which becomes the
             * title's when it names none */
            if (is_type(l, s, NX_DATE)) {
                k = sp(l, s)->t0;
                continue;
            }
            size_t v = sp(l, s)->t0;
            if (is_type(l, s, NX_ORGANIZATION) && v > 0 && is_word(l, v - 1, NX_G_AFFILIATION_VERB)) {
                if (*org < 0) *org = s;
                k = v;
                continue;
            }
            if (!is_type(l, s, NX_PERSON) || !same_sentence(l, k - 1, g->t0)) return -1;
            /* "X was appointed by Governor W as chairman": the agent of a
             * naming verb names, the subject takes the title: walk on ("was
             * replaced by W as chairman" is W's: a succession verb) */
            size_t by = v; /* (over the agent's own title: "by Governor W") */
            if (by > 0 && is_type(l, span_at(l, by - 1), NX_TITLE) && sp(l, span_at(l, by - 1))->t1 == by) by = sp(l, span_at(l, by - 1))->t0;
            if (!relative && by > 1 && is_word(l, by - 1, NX_G_AGENT_MARKER) && (tok(l, by - 1)->shape & NX_SH_LOWER) &&
                is_word(l, by - 2, NX_G_NAMING_VERB) && !is_word(l, by - 2, NX_G_SUCCESSION_VERB)) {
                k = by - 1;
                continue;
            }
            /* a name after "of", "at", "by" ... is an object, not the
             * verb's subject ("X, who led a revolt against the regime of W
             * in the 1980s, is now a businessman": not W), unless a
             * relative clause was passed ("a book by W, who is chairman")
             * or the title is its role ("the appointment of W as chairman") */
            if (!relative && v > 0 && !is_word(l, j - 1, NX_G_ROLE_MARKER) &&
                (is_word(l, v - 1, NX_G_EMPLOYER_LINKER) || is_word(l, v - 1, NX_G_PLACEMENT_LINKER) ||
                 is_word(l, v - 1, NX_G_NAME_LINKER) || is_word(l, v - 1, NX_G_AGENT_MARKER)) &&
                (tok(l, v - 1)->shape & NX_SH_LOWER))
                return -1;
            /* "X succeeds W as chief executive": W held the title, X takes
             * it: walk on to the subject; not when the title is in W's own
             * relative clause ("succeeds W, who ... after serving as
             * chairman") */
            if (v > 0 && is_word(l, v - 1, NX_G_SUCCESSION_VERB) && *predecessor < 0 && !relative) {
                *predecessor = s;
                k = v - 1;
                continue;
            }
            /* "X took over from W as chairman": the same, over a verb's
             * particle and "from" (a place cue of kind=origin) */
            if (v > 1 && (tok(l, v - 1)->shape & NX_SH_LOWER) && nx_rel_token_is(l->doc, v - 1, NX_G_PLACE_CUE, "origin") &&
                is_word(l, v - 2, NX_G_VERB_PARTICLE) && *predecessor < 0 && !relative) {
                *predecessor = s;
                k = v - 2;
                continue;
            }
            /* (a name after another preposition is its object: "met with
             * officials from W as chairman" names no holder) */
            if (!relative && v > 0 && is_word(l, v - 1, NX_G_PLACE_CUE) && (tok(l, v - 1)->shape & NX_SH_LOWER)) return -1;
            if (passive_succession) {
                int32_t holder = *predecessor < 0 ? agent_after(l, g) : -1;
                if (holder >= 0) *predecessor = s;
                return holder;
            }
            naming_subject(l, sp(l, s)->t0, org);
            return s;
        }
        const nx_token *t = tok(l, k - 1);
        /* "X says that is the focus of her group": "that" after a verb
         * opens the clause whose subject it is; X is not */
        if (is_word(l, k - 1, NX_G_COMPLEMENTIZER) && k >= 2 && (tok(l, k - 2)->shape & NX_SH_LOWER) && span_at(l, k - 2) < 0) return -1;
        /* (a pronoun's antecedent is a guess: not over an adverb gap or a
         * list of predicates too) */
        if (is_word(l, k - 1, NX_G_SUBJECT_PRONOUN) && passive_succession) return agent_after(l, g); /* "He was succeeded as chairman by Y" */
        if (is_word(l, k - 1, NX_G_SUBJECT_PRONOUN))
            return !pronoun_ok ? -1 : nx_rel_antecedent(l->doc, l->span_at, l->n, k - 1);
        if (fold_is(l, k - 1, ",") && k >= 2) {
            int32_t named = span_at(l, k - 2);
            int person_before = is_type(l, named, NX_PERSON) && sp(l, named)->t1 == k - 1;
            size_t q = k - 2;
            while (q > 0 && k - q < 16 && !fold_is(l, q, ",") && !(tok(l, q)->kind == NX_TOK_PUNCT && !fold_is(l, q, "-")))
                q--;
            int opened = fold_is(l, q, ",") && q > 0;
            /* jump an apposition ("W, the fifth child of V, who served
             * as": W), but not a name alone ("In 2001, John Smith, who
             * was": John Smith) */
            if (opened && (!person_before || is_word(l, q + 1, NX_G_DETERMINER) || starts(l, q + 1, NX_TITLE) ||
                           tok(l, q + 1)->kind == NX_TOK_NUM)) {
                k = q;
                continue;
            }
        }
        /* "Otmar Hasler (born 28 September 1953) was the Prime Minister of
         * Liechtenstein": a parenthesis right after the person's name */
        if (fold_is(l, k - 1, ")") && k >= 2) {
            size_t q = k - 2;
            while (q > 0 && k - q < 25 && !fold_is(l, q, "(") && !fold_is(l, q, ")")) q--;
            if (!fold_is(l, q, "(") || q == 0) return -1;
            int32_t named = span_at(l, q - 1);
            /* (one parenthesis after another: "Sari Nusseibeh ( ) ( born in 1949 )") */
            if (!fold_is(l, q - 1, ")") &&
                (!is_type(l, named, NX_PERSON) || sp(l, named)->t1 != q || !same_sentence(l, q - 1, g->t0)))
                return -1;
            k = q;
            continue;
        }
        if (t->kind == NX_TOK_PUNCT && !fold_is(l, k - 1, ",")) return -1;
        if (t->kind == NX_TOK_WORD && (t->shape & NX_SH_CAP) && !is_word(l, k - 1, NX_G_RELATIVE_PRONOUN)) return -1;
        /* "X, whose husband is chairman": the title is the possessed noun's,
         * not X's */
        if (whose_at(l, k - 1)) return -1;
        if (is_word(l, k - 1, NX_G_RELATIVE_PRONOUN)) {
            relative = 1;
            /* "X was a Greek politician who was briefly Prime Minister":
             * the relative clause of a title already bound is its holder's */
            int32_t prev = k >= 2 ? span_at(l, k - 2) : -1;
            if (is_type(l, prev, NX_TITLE) && sp(l, prev)->t1 == k - 1 && (sp(l, prev)->flags & NX_SPAN_ATTACHED) &&
                same_sentence(l, k - 2, g->t0)) {
                int32_t holder = holder_of(l, prev, NULL);
                if (holder >= 0) return holder;
            }
        }
        k--;
    }
    return -1;
}

/* "X is the publisher of a chain of newspapers in Mexico, chairman of the
 * Mexican Olympic Committee and ...": a group that is an item of a list of
 * predicates after a copula, past the items before it (lower-case words,
 * numbers, commas, places, organisations, dates and titles; no person).
 * An item already bound gives its holder; else the copula's subject (a
 * name, not a pronoun), when the first item opens with a determiner or a
 * title. */
static int32_t person_listed(const lctx *l, const title_group *g) {
    size_t j = phrase_start(l, g->t0);
    if (j == 0 || !(fold_is(l, j - 1, ",") || is_word(l, j - 1, NX_G_CONJUNCTION))) return -1;
    /* (not "..., its chairman": a possessive names someone else's) */
    if (is_word(l, j, NX_G_DETERMINER) && !is_word(l, j, NX_G_ARTICLE)) return -1;
    size_t m = j - 1;
    for (size_t steps = 0; m > 0 && steps < 24; steps++) {
        size_t p = m - 1;
        int32_t s = span_at(l, p);
        if (s >= 0) {
            if (!same_sentence(l, p, g->t0)) return -1;
            if (is_type(l, s, NX_TITLE) && (sp(l, s)->flags & NX_SPAN_ATTACHED)) {
                /* an item before, bound as a predicate (an apposition's
                 * title is another phrase: "A, chairman of X, and the
                 * president of Y") */
                nx_rule how = NX_RULE_NONE;
                int32_t holder = holder_of(l, s, &how);
                return how == NX_RULE_HT_COPULA || how == NX_RULE_HT_LISTED_PREDICATE ? holder : -1;
            }
            if (is_type(l, s, NX_PERSON)) return -1;
            m = sp(l, s)->t0;
            continue;
        }
        const nx_token *t = tok(l, p);
        if (is_word(l, p, NX_G_TITLE_VERB) && (t->shape & NX_SH_LOWER)) {
            if (!is_word(l, m, NX_G_DETERMINER) && !starts(l, m, NX_TITLE)) return -1;
            title_group item = *g;
            item.t0 = m;
            int32_t org = -1, predecessor = -1;
            return person_copula(l, &item, &org, &predecessor, 0);
        }
        if (!((t->kind == NX_TOK_WORD && (t->shape & NX_SH_LOWER)) || t->kind == NX_TOK_NUM || fold_is(l, p, ",")))
            return -1;
        m = p;
    }
    return -1;
}

/* "named Thomas Burke president", "appointed PERSON as GROUP"; the
 * organisation that names ("Acme appointed X as chairman") is the title's
 * when it names none. */
static int32_t person_named(const lctx *l, const title_group *g, int32_t *org) {
    size_t j = g->t0;
    while (j > 0 && (is_word(l, j - 1, NX_G_DETERMINER) || is_word(l, j - 1, NX_G_ROLE_MARKER)) && span_at(l, j - 1) < 0) j--;
    int32_t p = j > 0 ? span_at(l, j - 1) : -1;
    if (!is_type(l, p, NX_PERSON) || sp(l, p)->t1 != j) return -1;
    size_t v = sp(l, p)->t0;
    /* "named Jane Doe chief executive and Mark Lee chief financial
     * officer": back over earlier pairs of the same verb, each a name and
     * a title, joined by "and" or a comma */
    for (int k = 0; k < 4 && v >= 3 && (is_word(l, v - 1, NX_G_CONJUNCTION) || fold_is(l, v - 1, ",")) &&
                    !(tok(l, v - 1)->shape & NX_SH_CAP);
         k++) {
        int32_t t = span_at(l, v - 2);
        if (!is_type(l, t, NX_TITLE) || sp(l, t)->t1 != v - 1 || sp(l, t)->t0 == 0) return -1;
        int32_t q = span_at(l, sp(l, t)->t0 - 1);
        if (!is_type(l, q, NX_PERSON) || sp(l, q)->t1 != sp(l, t)->t0 || !same_sentence(l, sp(l, q)->t0, v)) return -1;
        v = sp(l, q)->t0;
    }
    if (v == 0 || !is_word(l, v - 1, NX_G_NAMING_VERB)) return -1;
    naming_subject(l, v, org);
    return p;
}

/* "Chirac's spokesman, Denis Baudouin,": a possessed title apposed to the
 * person after it. */
static int32_t person_after_possessive(const lctx *l, const title_group *g) {
    size_t i = g->t0;
    while (i > 0 && is_word(l, i - 1, NX_G_TITLE_ADJECTIVE)) i--;
    if (i == 0 || !(tok(l, i - 1)->shape & NX_SH_POSS)) return -1;
    size_t j = g->t1;
    /* ("Acme's head of marketing, Jane Doe": a field in lower case) */
    if (g->n == 1 && is_word(l, j, NX_G_EMPLOYER_LINKER) && (tok(l, j)->shape & NX_SH_LOWER)) {
        size_t q = j + 1;
        while (q < l->n && q - j <= 3 && span_at(l, q) < 0 && tok(l, q)->kind == NX_TOK_WORD && (tok(l, q)->shape & NX_SH_LOWER) &&
               !is_word(l, q, NX_G_FUNCTION_WORD))
            q++;
        if (q > j + 1) j = q;
    }
    if (!fold_is(l, j, ",")) return -1;
    int32_t p = span_at(l, j + 1);
    if (!is_type(l, p, NX_PERSON) || sp(l, p)->t0 != j + 1 || !same_sentence(l, g->t0, j + 1)) return -1;
    return p;
}

/* A list of spans of one type from token i: "A, B and C" (at most four);
 * their indexes in out, the token after the last in *end. */
static size_t span_list(const lctx *l, size_t i, nx_type type, int32_t *out, size_t *end) {
    size_t n = 0;
    while (n < 4 && i < l->n) {
        int32_t k = span_at(l, i);
        if (!is_type(l, k, type) || sp(l, k)->t0 != i) break;
        out[n++] = k;
        i = sp(l, k)->t1;
        *end = i;
        size_t q = i;
        if (fold_is(l, q, ",")) q++;
        if (is_word(l, q, NX_G_CONJUNCTION) && (tok(l, q)->shape & NX_SH_LOWER)) q++;
        if (q == i) break;
        i = q;
    }
    return n;
}

/* Whether token i is "respectively" (function-word kind=respective). */
static int respective_at(const lctx *l, size_t i) {
    return i < l->n && (tok(l, i)->shape & NX_SH_LOWER) && nx_rel_token_is(l->doc, i, NX_G_FUNCTION_WORD, "respective");
}

/* "the presidents of Lafayette College and Lehigh University, Daniel
 * Weiss and Alice Gast respectively", "A and B, the chief executives of X
 * and Y respectively": a plural title with an "of" list of organisations
 * and a list of as many people, paired in order. 1 when it bound them. */
static int respectively(lctx *l, int32_t ti, nx_status *st) {
    const nx_span *t = sp(l, ti);
    size_t j = t->t1, e = j;
    *st = NX_OK;
    if (!is_word(l, j, NX_G_EMPLOYER_LINKER) || !(tok(l, j)->shape & NX_SH_LOWER)) return 0;
    j++;
    if (is_word(l, j, NX_G_DEFINITE)) j++;
    int32_t orgs[4], people[4];
    size_t no = span_list(l, j, NX_ORGANIZATION, orgs, &e), np = 0;
    if (no < 2) return 0;
    j = e;
    if (respective_at(l, j)) {
        /* (after the list: "A and B, the chief executives of X and Y respectively") */
        size_t d = t->t0;
        if (d >= 3 && is_word(l, d - 1, NX_G_DEFINITE)) d--;
        if (d < 2 || !fold_is(l, d - 1, ",")) return 0;
        size_t a = d - 1; /* back over the names, commas and "and" before the comma */
        while (a > 0 && same_sentence(l, a - 1, d) && d - a < 20 &&
               (is_type(l, span_at(l, a - 1), NX_PERSON) || fold_is(l, a - 1, ",") ||
                (is_word(l, a - 1, NX_G_CONJUNCTION) && span_at(l, a - 1) < 0)))
            a = span_at(l, a - 1) >= 0 ? sp(l, span_at(l, a - 1))->t0 : a - 1;
        while (a < d - 1 && !is_type(l, span_at(l, a), NX_PERSON)) a++;
        np = span_list(l, a, NX_PERSON, people, &e);
        if (e != d - 1) return 0;
    } else {
        if (fold_is(l, j, ",")) j++;
        np = span_list(l, j, NX_PERSON, people, &e);
        if (fold_is(l, e, ",")) e++;
        if (!respective_at(l, e)) return 0;
    }
    if (np != no) return 0;
    for (size_t k = 0; k < np; k++)
        if (add_fact(l->doc, (uint32_t)people[k], (uint32_t)ti, orgs[k], NX_RULE_HT_RESPECTIVELY, 0)) {
            *st = NX_ERR_NOMEM;
            return 1;
        }
    nx_doc_mark_attached(l->doc, (uint32_t)ti);
    return 1;
}

/* Whether a title is of the given kind (titles kind=...) and bare, one
 * word with no modifier: "Professor" (address), "partner" (relational),
 * not "senior fellow". */
static int bare_title_of(const nx_span *t, const char *kind) {
    return t->kind && !strcmp(t->kind, kind) && t->value && !strchr(t->value, ' ');
}

/* "Presidents George W Bush, Bill Clinton and Ronald Reagan", "rectors A of
 * X and B of Y"; "the other
 * presidents have been Luis Nogales, a California businessman who ..., and
 * Maxwell McCrohon": a plural title before a list of people, right after
 * it or after a copula, where each name may carry an apposition between
 * commas. */
static nx_status plural_list(lctx *l, int32_t ti) {
    nx_status rst;
    if (respectively(l, ti, &rst)) return rst;
    const nx_span *t = sp(l, ti);
    /* ("their respective partners A and B": a word for a relation between
     * people, kind=relational, with no organisation before it) */
    if (bare_title_of(t, "relational") && org_before(l, t->t0, 0) < 0) return NX_OK;
    size_t j = t->t1;
    nx_rule rule = NX_RULE_HT_TITLE_BEFORE_NAMES;
    for (int k = 0; k < 2 && (is_word(l, j, NX_G_AUXILIARY) || is_word(l, j, NX_G_COPULA) || is_word(l, j, NX_G_TITLE_VERB)) &&
                    (tok(l, j)->shape & NX_SH_LOWER);
         k++) {
        j++;
        rule = NX_RULE_HT_PLURAL_COPULA;
    }
    int any = 0;
    /* "Brandeis University presidents A and B": an organisation before the
     * title is each name's */
    int32_t pre = org_before(l, t->t0, state_title(l, ti));
    /* "former British prime ministers A and B": a status word before the
     * title, or before the organisation or nationality before it */
    size_t w = is_type(l, pre, NX_ORGANIZATION) || is_type(l, pre, NX_PLACE) || is_type(l, pre, NX_NATIONALITY) ? sp(l, pre)->t0 : t->t0;
    if (w == t->t0 && w > 0 && is_type(l, span_at(l, w - 1), NX_NATIONALITY)) w = sp(l, span_at(l, w - 1))->t0;
    uint8_t said = w > 0 && ((tok(l, w - 1)->shape & NX_SH_LOWER) || tok(l, w - 1)->sent_start) ? nx_rel_status_word(l->doc, w - 1) : 0;
    if (t->status != NX_STATUS_CURRENT) said = 0; /* (a former or future title says so itself) */
    while (j < l->n) {
        int32_t p = span_at(l, j);
        if (!is_type(l, p, NX_PERSON) || sp(l, p)->t0 != j || !same_sentence(l, t->t0, j)) break;
        /* "presidents A of X, B of Y and C of Z": each name its organisation
         * (of, at: "with" after a name is company, not employer) */
        size_t end;
        int32_t org = is_word(l, sp(l, p)->t1, NX_G_PLACEMENT_LINKER) ? org_after(l, sp(l, p)->t1, &end, state_title(l, ti)) : -1;
        if (add_fact(l->doc, (uint32_t)p, (uint32_t)ti, org >= 0 ? org : pre, rule, said)) return NX_ERR_NOMEM;
        any = 1;
        j = org >= 0 ? end : sp(l, p)->t1;
        /* ", a California businessman who ...," */
        if (fold_is(l, j, ",") && is_word(l, j + 1, NX_G_ARTICLE)) {
            size_t q = j + 1;
            while (q < l->n && q - j < 25 && !fold_is(l, q, ",") && same_sentence(l, j, q)) q++;
            if (!fold_is(l, q, ",")) break;
            j = q;
        }
        if (fold_is(l, j, ",")) j++;
        if (is_word(l, j, NX_G_CONJUNCTION)) j++;
    }
    if (any) nx_doc_mark_attached(l->doc, (uint32_t)ti);
    return NX_OK;
}

/* "Acme said Jane Doe will become its chief financial officer": "its" before
 * the title's phrase names the organisation last named before it in the
 * sentence, when no person stands between that one and the title's holder. */
static int32_t its_org(const lctx *l, size_t t0) {
    size_t k = phrase_start(l, t0);
    if (k == t0 || !is_word(l, k, NX_G_ORG_PRONOUN)) return -1;
    for (size_t i = k; i-- > 0 && same_sentence(l, i, t0);) {
        int32_t s = span_at(l, i);
        if (is_type(l, s, NX_ORGANIZATION)) return s;
        if (s >= 0) i = sp(l, s)->t0;
    }
    return -1;
}

/* "Deutsche Bank said Chief Financial Officer James von Moltke will leave",
 * "Acme, the maker of X, named chairman Y": the organisation that says or
 * names, right before the verb (person-cue class, in lower case) that
 * stands right before the title, or before an apposition between commas
 * after it, is the title's; not for a state's office (the caller's test),
 * nor when the organisation reports on others. */
static int32_t reporting_org(const lctx *l, size_t t0) {
    if (t0 < 2 || !is_word(l, t0 - 1, NX_G_PERSON_CUE) || !(tok(l, t0 - 1)->shape & NX_SH_LOWER) || span_at(l, t0 - 1) >= 0)
        return -1;
    size_t e = t0 - 1; /* the organisation's end */
    if (fold_is(l, e - 1, ",")) {
        size_t q = e - 1;
        while (q > 0 && e - q < 12 && !fold_is(l, q - 1, ",") && tok(l, q - 1)->kind != NX_TOK_PUNCT) q--;
        if (q == 0 || !fold_is(l, q - 1, ",")) return -1;
        e = q - 1;
    }
    int32_t k = e > 0 ? span_at(l, e - 1) : -1;
    if (!is_type(l, k, NX_ORGANIZATION) || sp(l, k)->t1 != e || !same_sentence(l, e - 1, t0)) return -1;
    /* (the sentence's subject: it opens the sentence, after "The" at most;
     * not "... both for Daimler and Chrysler said Chief Executive X", a
     * quotation's end whose marks were dropped) */
    size_t o = sp(l, k)->t0;
    if (!tok(l, o)->sent_start && !(o > 0 && tok(l, o - 1)->sent_start && is_word(l, o - 1, NX_G_DEFINITE))) return -1;
    /* (a news or rating agency says what others' officers do: "Reuters said
     * chief executive X"; gazetteer kinds) */
    static const char *const reporters[] = {"news-agency", "newspaper", "broadcaster", "rating-agency"};
    for (size_t r = 0; sp(l, k)->kind && r < sizeof reporters / sizeof *reporters; r++)
        if (!strcmp(sp(l, k)->kind, reporters[r])) return -1;
    return k;
}

/* "company president", "the agency's chairman": a generic noun naming
 * the organisation right before the title. */
static int generic_org_before(const lctx *l, size_t t0) {
    size_t p = t0;
    if (p > 0 && (tok(l, p - 1)->shape & NX_SH_POSS)) p--;
    return p > 0 && is_word(l, p - 1, NX_G_ORG_GENERIC) && span_at(l, p - 1) < 0;
}

/* Whether a status word at w before an article says when a title was held:
 * in an apposition, after a copula or right after the name ("X, then the
 * chairman", "X was then the chairman"); elsewhere it is a sequence ("Then
 * the company's chairman X stepped in"). */
static int status_before_article(const lctx *l, size_t w) {
    return w > 0 && (fold_is(l, w - 1, ",") || is_word(l, w - 1, NX_G_COPULA) || is_type(l, span_at(l, w - 1), NX_PERSON));
}

/* The status word right before the organisation that opens at token k, or
 * before its article ("X, then the Red Sox's general manager"); 0 if none. */
static uint8_t status_before_org(const lctx *l, size_t k) {
    if (k > 2 && is_word(l, k - 1, NX_G_DEFINITE) && (tok(l, k - 1)->shape & NX_SH_LOWER) && status_before_article(l, k - 2)) k--;
    return k > 0 ? nx_rel_status_word(l->doc, k - 1) : 0;
}

/* The country span k names: a place of kind country, or a nationality
 * (Kazakh: Kazakhstan); its ISO code, or NULL. */
static const char *country_of(const lctx *l, int32_t k) {
    if (k < 0) return NULL;
    const nx_span *s = sp(l, k);
    if (s->type == NX_NATIONALITY || (s->type == NX_PLACE && s->kind && !strcmp(s->kind, "country"))) return s->country;
    return NULL;
}

/* Whether a country span says nothing of whose office a holder's is: a
 * modifier after an article ("a U.S. military base", "a United States
 * puppet"); another name's or title's ("Juan Pablo Alfonso of Venezuela",
 * "Minister for Suriname", "Iraq's Saddam"); where someone goes or speaks
 * (after a place cue or "to": "Brown said in Afghanistan", "flew to
 * China"); or, after the holder, the object of his verb or preposition
 * ("visited China", "a strike against Iraq", "with U.S. support"), but for
 * a clause after "said" or "that" ("Harper said Canada will ..."). A
 * possessive after it says the country's own thing ("in Canada's
 * election", "crippled Iceland's economy"). */
static int country_elsewhere(const lctx *l, int32_t c, int32_t person, int32_t title) {
    size_t p = sp(l, c)->t0, e = sp(l, c)->t1;
    if (p == 0) return 0;
    p--;
    if (is_word(l, p, NX_G_INDEFINITE)) return 1;
    if (is_word(l, p, NX_G_DEFINITE) && p > 0) p--;
    /* "ABC Radio Australia", "the Constitution of Japan": a word of a name
     * the gazetteers do not know */
    size_t w = is_word(l, p, NX_G_EMPLOYER_LINKER) && p > 0 ? p - 1 : p;
    if (span_at(l, w) < 0 && tok(l, w)->kind == NX_TOK_WORD && (tok(l, w)->shape & NX_SH_CAP) && !tok(l, w)->sent_start &&
        !is_word(l, w, NX_G_FUNCTION_WORD))
        return 1;
    if ((is_word(l, p, NX_G_EMPLOYER_LINKER) || is_word(l, p, NX_G_ROLE_MARKER)) && p > 0) {
        int32_t k = span_at(l, p - 1);
        if (k >= 0 && k != person && k != title && sp(l, k)->t1 == p && (is_type(l, k, NX_PERSON) || is_type(l, k, NX_TITLE)))
            return 1;
    }
    int poss = possessive_at(l, e);
    if (poss) {
        size_t q = e + 1;
        if (starts(l, q, NX_TITLE)) q = sp(l, span_at(l, q))->t1;
        /* "Iraq's Saddam Hussein" (over a word of the name the person's
         * span left out) */
        for (size_t m = q; m < q + 2; m++) {
            int32_t k = span_at(l, m);
            if (k >= 0 && k != person && is_type(l, k, NX_PERSON)) return 1;
            if (k >= 0 || m >= l->n || !(tok(l, m)->shape & NX_SH_CAP)) break;
        }
        return 0;
    }
    if (span_at(l, p) >= 0 || tok(l, p)->kind != NX_TOK_WORD || !(tok(l, p)->shape & NX_SH_LOWER)) return 0;
    if (is_word(l, p, NX_G_PLACE_CUE) || is_word(l, p, NX_G_ROLE_MARKER)) return 1;
    return sp(l, c)->t0 >= sp(l, person)->t1 && !is_word(l, p, NX_G_PERSON_CUE) && !is_word(l, p, NX_G_COMPLEMENTIZER);
}

/* Whether a title span is a national office (data: kind=national in
 * titles.tsv: president, prime minister, king, ...). */
static int national_office(const nx_span *t) { return t->kind && strcmp(t->kind, "national") == 0; }

/* Whether title span t is an item of a list with a title that is no
 * national office ("chairman, president and chief executive"). */
static int listed_with_other(const lctx *l, int32_t t) {
    size_t a = sp(l, t)->t0, b = sp(l, t)->t1;
    if (a > 0 && (fold_is(l, a - 1, ",") || is_word(l, a - 1, NX_G_CONJUNCTION)) && a > 1) {
        int32_t k = span_at(l, a - 2);
        if (is_type(l, k, NX_TITLE) && !national_office(sp(l, k))) return 1;
    }
    if (fold_is(l, b, ",") || is_word(l, b, NX_G_CONJUNCTION)) {
        size_t q = b + 1;
        if (is_word(l, q, NX_G_CONJUNCTION)) q++;
        int32_t k = span_at(l, q);
        if (is_type(l, k, NX_TITLE) && sp(l, k)->t0 == q && !national_office(sp(l, k))) return 1;
    }
    return 0;
}

/* "Canada will send more troops, Prime Minister Stephen Harper said",
 * "President Rafael Correa says Ecuador will send a note": a national
 * office (kind=national in titles.tsv: president, prime minister, king,
 * ...) bound with no organisation of its own is the office of the one
 * country its sentence names, when every place naming that country says
 * so (country_elsewhere) and no other fact there is at it. Not with a
 * first-level division in the sentence ("Premier Robert Bourassa ... of
 * Quebec Canada"), for a title with an "of" part or a generic
 * organisation of its own ("president of the state presidium",
 * "federation president"), nor in a list with a company's titles
 * ("chairman, president and chief executive"). A nationality is counted as
 * a country named but is no office's by itself ("the French colonial-era
 * prison ... King Sihanouk"). */
static void sentence_country(lctx *l) {
    nx_document *doc = l->doc;
    for (size_t r = 0; r < doc->rels.count; r++) {
        nx_rel *f = &NX_VEC_AT(&doc->rels, nx_rel, r);
        if (f->type != NX_REL_HOLDS_TITLE || f->args[2].span >= 0) continue;
        int32_t person = f->args[0].span, title = f->args[1].span;
        const nx_span *t = sp(l, title);
        if (!national_office(t) || is_word(l, t->t1, NX_G_EMPLOYER_LINKER) ||
            generic_org_before(l, t->t0) || listed_with_other(l, title))
            continue;
        /* "federation president X": a noun before the title names its body */
        size_t b = t->t0 - (t->t0 > 0);
        if (t->t0 > 0 && span_at(l, b) < 0 && tok(l, b)->kind == NX_TOK_WORD && (tok(l, b)->shape & NX_SH_LOWER) &&
            (tok(l, t->t0)->shape & NX_SH_LOWER) && !nx_rel_status_word(doc, t->t0) && !is_word(l, b, NX_G_FUNCTION_WORD) &&
            !nx_rel_status_word(doc, b) && !is_word(l, b, NX_G_TITLE_ADJECTIVE) && !is_word(l, b, NX_G_COPULA) &&
            !is_word(l, b, NX_G_AUXILIARY) && !is_word(l, b, NX_G_TITLE_VERB))
            continue;
        size_t s0 = t->t0, s1 = t->t1;
        while (s0 > 0 && same_sentence(l, s0 - 1, t->t0)) s0--;
        while (s1 < l->n && same_sentence(l, s1, t->t0)) s1++;
        const char *code = NULL;
        int32_t place = -1;
        int ok = 1;
        for (size_t q = s0; q < s1 && ok;) {
            int32_t k = span_at(l, q);
            if (k < 0 || sp(l, k)->t0 != q) {
                q++;
                continue;
            }
            const nx_span *s = sp(l, k);
            const char *cc = country_of(l, k);
            if (s->type == NX_PLACE && s->kind && (!strcmp(s->kind, "admin1") || !strcmp(s->kind, "province"))) ok = 0;
            if (cc) {
                if (code && strcmp(code, cc)) ok = 0;
                code = cc;
                if (s->type == NX_PLACE) {
                    if (country_elsewhere(l, k, person, title)) ok = 0;
                    if (place < 0) place = k;
                }
            }
            q = s->t1;
        }
        if (!ok || place < 0) continue;
        /* no other fact in the sentence is at that country */
        for (size_t o = 0; o < doc->rels.count && ok; o++) {
            const nx_rel *g = &NX_VEC_AT(&doc->rels, nx_rel, o);
            for (size_t a = 0; a < g->n_args && o != r; a++) {
                int32_t org = g->args[a].role == NX_ROLE_ORGANIZATION ? g->args[a].span : -1;
                const char *cc = country_of(l, org);
                if (cc && !strcmp(cc, code) && sp(l, org)->t0 >= s0 && sp(l, org)->t0 < s1) ok = 0;
            }
        }
        if (!ok) continue;
        f->args[2].span = place;
        f->rule = NX_RULE_HT_SENTENCE_COUNTRY;
    }
}

/* The status the words between a copula title's subject (person) and its
 * phrase (from token v) give it: future after a future marker that governs
 * the verb after it ("will be named", "X is expected to join Acme as chief
 * executive"; not "decided not to seek reelection after serving as
 * chairman"), with *hypothetical set when the marker only wishes it
 * (kind=hypothetical: "could become", "hopes to join"); current over "as"
 * after a verb that takes no title ("will step down as chairman", "intended
 * to resign as leader": the title is held now); 0 when they say none. */
static uint8_t marker_status(const lctx *l, int32_t person, size_t v, int *hypothetical) {
    *hypothetical = 0;
    size_t from = sp(l, person)->t1 < v && v - sp(l, person)->t1 <= 12 && same_sentence(l, sp(l, person)->t1, v)
                      ? sp(l, person)->t1
                      : (v >= 4 ? v - 4 : 0);
    uint8_t status = 0;
    for (size_t w = from; w + 1 < v; w++)
        if (is_word(l, w, NX_G_FUTURE_MARKER) && (tok(l, w)->shape & NX_SH_LOWER) &&
            (is_word(l, w + 1, NX_G_ROLE_MARKER) || is_word(l, w + 1, NX_G_TITLE_VERB) || is_word(l, w + 1, NX_G_NAMING_VERB) ||
             is_word(l, w + 1, NX_G_AFFILIATION_VERB) || is_word(l, w + 1, NX_G_AUXILIARY) ||
             is_word(l, w + 1, NX_G_SUCCESSION_VERB))) {
            *hypothetical |= nx_rel_token_is(l->doc, w, NX_G_FUTURE_MARKER, "hypothetical");
            /* ("X will remain chairman": held now, and kept) */
            if (!nx_rel_token_is(l->doc, w + 1, NX_G_TITLE_VERB, "continuing")) status = NX_STATUS_FUTURE;
        }
    size_t verb = v >= 2 ? v - 2 : 0;
    if (verb > 0 && is_word(l, verb, NX_G_VERB_PARTICLE)) verb--;
    if (status == NX_STATUS_FUTURE && v >= 2 && is_word(l, v - 1, NX_G_ROLE_MARKER) && !is_word(l, verb, NX_G_TITLE_VERB) &&
        !is_word(l, verb, NX_G_NAMING_VERB) && (tok(l, verb)->shape & NX_SH_LOWER)) {
        *hypothetical = 0;
        return NX_STATUS_CURRENT;
    }
    return status;
}

/* Whether a copula title's verb is in the past, so that the title is no
 * longer held: a past title verb (kind=past) right before its phrase or its
 * "as" (said_at), not after has/have ("X was chairman of Y until 2005", "X
 * served as minister", "X had been chairman"; not "X has served as chairman
 * since 2010"), or a past adverb (kind=adverb) between the subject and the
 * phrase ("X previously served as dean"). */
static int past_tense(const lctx *l, int32_t person, size_t said_at, size_t v) {
    size_t from = sp(l, person)->t1;
    if (from < v && v - from <= 12 && same_sentence(l, from, v))
        for (size_t w = from; w < v; w++)
            if (nx_rel_token_is(l->doc, w, NX_G_PAST_MARKER, "adverb") && (tok(l, w)->shape & NX_SH_LOWER)) return 1;
    /* (over an adverb: "X was also chairman") */
    if (said_at > 0 && is_word(l, said_at, NX_G_AUXILIARY) && !is_word(l, said_at, NX_G_TITLE_VERB)) said_at--;
    /* "X retired in 2016 after serving as head of Y" */
    if (said_at > 0 && nx_rel_token_is(l->doc, said_at, NX_G_TITLE_VERB, "ongoing") &&
        nx_rel_token_is(l->doc, said_at - 1, NX_G_FUNCTION_WORD, "sequence") && (tok(l, said_at - 1)->shape & NX_SH_LOWER))
        return 1;
    if (!nx_rel_token_is(l->doc, said_at, NX_G_TITLE_VERB, "past") || !(tok(l, said_at)->shape & NX_SH_LOWER)) return 0;
    /* the auxiliary before it, over one adverb ("has also served") */
    size_t aux = said_at - 1;
    if (aux > 0 && is_word(l, aux, NX_G_AUXILIARY) && !is_word(l, aux, NX_G_COPULA) &&
        !nx_rel_token_is(l->doc, aux, NX_G_AUXILIARY, "present-perfect"))
        aux--;
    return !nx_rel_token_is(l->doc, aux, NX_G_AUXILIARY, "present-perfect");
}

/* "She joined Acme from Beta Corp, where she was chief financial officer":
 * the organisation before ", where" (function-word kind=place-relative)
 * and the clause's subject (a pronoun or a name) before the title verb at
 * said_at is where the title from token v is held; or -1. */
static int32_t org_where(const lctx *l, size_t said_at, size_t v) {
    size_t q = said_at;
    if (q > 0 && is_word(l, q - 1, NX_G_AUXILIARY) && !is_word(l, q - 1, NX_G_SUBJECT_PRONOUN)) q--;
    if (q == 0) return -1;
    int32_t subj = span_at(l, q - 1);
    size_t w = is_word(l, q - 1, NX_G_SUBJECT_PRONOUN) ? q - 1 : is_type(l, subj, NX_PERSON) ? sp(l, subj)->t0 : 0;
    if (w < 3 || !nx_rel_token_is(l->doc, w - 1, NX_G_FUNCTION_WORD, "place-relative") || !(tok(l, w - 1)->shape & NX_SH_LOWER) ||
        !fold_is(l, w - 2, ","))
        return -1;
    int32_t at = span_at(l, w - 3);
    return is_type(l, at, NX_ORGANIZATION) && sp(l, at)->t1 == w - 2 && same_sentence(l, w - 3, v) ? at : -1;
}

/* "German Foreign Minister X and her French counterpart Y": counterpart
 * title t (kind=counterpart) takes the value and kind of the last title
 * bound before it in its sentence. 0 when there is none to take, and no
 * fact: none is named there; the nationality before t is that holder's own
 * country ("Chinese Vice President Zeng ... his Chinese counterpart Li",
 * whose "his" is someone else's); or a party stands before it ("his
 * Republican counterpart"). */
static int take_counterpart(const lctx *l, nx_span *t) {
    const nx_document *doc = l->doc;
    const nx_span *like = NULL;
    int32_t like_org = -1;
    for (size_t f = doc->rels.count; f-- > 0 && !like;) {
        const nx_rel *rel = &NX_VEC_AT(&doc->rels, nx_rel, f);
        if (rel->type != NX_REL_HOLDS_TITLE || rel->args[1].span < 0) continue;
        const nx_span *o = SPAN(doc, rel->args[1].span);
        if (o->t1 <= t->t0 && same_sentence(l, o->t0, t->t0) && o->kind != t->kind) {
            like = o;
            like_org = rel->args[2].span;
        }
    }
    if (!like || !like->value) return 0;
    int32_t nat = t->t0 > 0 ? span_at(l, t->t0 - 1) : -1;
    if (is_party(l, nat)) return 0;
    const char *mine = country_of(l, nat), *theirs = country_of(l, like_org);
    if (mine && theirs && !strcmp(mine, theirs)) return 0;
    t->value = like->value;
    t->kind = like->kind;
    /* (the other holder's office was a country's, so this one is its
     * nationality's: "British Foreign Secretary X met his French
     * counterpart Y", though no word of "foreign secretary" is a state's) */
    if (mine && theirs) t->kind = "national";
    return 1;
}

/* Back from the verb at token v over at most `most` lower-case
 * auxiliaries, copulas and future markers: the token where they start;
 * *auxiliary when an auxiliary or copula is among them, *copula when a
 * copula is, *future when a future marker is (*hypothetical when it only
 * wishes: kind=hypothetical). */
static size_t verb_group(const lctx *l, size_t v, size_t most, int *auxiliary, int *copula, int *future, int *hypothetical) {
    size_t w = v;
    *auxiliary = *copula = *future = *hypothetical = 0;
    while (w > 0 && v - w < most && (tok(l, w - 1)->shape & NX_SH_LOWER) &&
           (is_word(l, w - 1, NX_G_AUXILIARY) || is_word(l, w - 1, NX_G_COPULA) || is_word(l, w - 1, NX_G_FUTURE_MARKER))) {
        if (is_word(l, w - 1, NX_G_FUTURE_MARKER)) {
            *future = 1;
            *hypothetical |= nx_rel_token_is(l->doc, w - 1, NX_G_FUTURE_MARKER, "hypothetical");
        } else {
            *auxiliary = 1;
            *copula |= is_word(l, w - 1, NX_G_COPULA);
        }
        w--;
    }
    return w;
}

/* "Smith, 68, will be succeeded by Mary Jones", "he was replaced by Jones":
 * with no title in the sentence, the successor takes the titles the
 * document stated before for the predecessor and still held (a name, not
 * a pronoun; future after a future marker; none after a hypothetical one). */
static nx_status successors(lctx *l) {
    nx_document *doc = l->doc;
    size_t n_rels = doc->rels.count;
    for (size_t c = 0; c < l->n_cues; c++) { /* (the succession verbs among them) */
        size_t v = l->cues[c];
        if (v < 2 || v + 2 >= l->n) continue;
        if (!is_word(l, v, NX_G_SUCCESSION_VERB) || !(tok(l, v)->shape & NX_SH_LOWER) || !is_word(l, v + 1, NX_G_AGENT_MARKER))
            continue;
        int32_t next = span_at(l, v + 2);
        if (!is_type(l, next, NX_PERSON) || sp(l, next)->t0 != v + 2 || is_word(l, sp(l, next)->t1, NX_G_ROLE_MARKER)) continue;
        /* the passive, over its auxiliaries and a future marker */
        int passive, copula, future, hypothetical;
        size_t w = verb_group(l, v, 4, &passive, &copula, &future, &hypothetical);
        if (!passive || hypothetical) continue;
        /* the predecessor, over an age between commas */
        if (w >= 4 && fold_is(l, w - 1, ",") && tok(l, w - 2)->kind == NX_TOK_NUM && fold_is(l, w - 3, ",")) w -= 3;
        int32_t prev = span_at(l, w - 1);
        if (!is_type(l, prev, NX_PERSON) || sp(l, prev)->t1 != w || sp(l, prev)->entity < 0 ||
            sp(l, prev)->entity == sp(l, next)->entity || !same_sentence(l, w - 1, v + 2))
            continue;
        for (size_t k = 0; k < n_rels; k++) {
            const nx_rel *r = &NX_VEC_AT(&doc->rels, nx_rel, k);
            if (r->type != NX_REL_HOLDS_TITLE || r->status == NX_STATUS_FORMER || r->status == NX_STATUS_FUTURE ||
                r->args[0].span < 0 || r->args[1].span < 0 || SPAN(doc, r->args[0].span)->entity != sp(l, prev)->entity ||
                SPAN(doc, r->args[1].span)->t1 > v)
                continue;
            uint32_t title = (uint32_t)r->args[1].span;
            int32_t org = r->args[2].span;
            if (add_fact(doc, (uint32_t)next, title, org, NX_RULE_HT_SUCCEEDED_BY, future ? NX_STATUS_FUTURE : NX_STATUS_CURRENT))
                return NX_ERR_NOMEM;
        }
    }
    return NX_OK;
}

/* Whether token i is a title span that is a form of address
 * (kind=address: "Professor"). */
static int address_at(const lctx *l, size_t i) {
    int32_t t = span_at(l, i);
    return is_type(l, t, NX_TITLE) && sp(l, t)->kind && !strcmp(sp(l, t)->kind, "address");
}

/* The person a subject ending at token w - 1 names: a name, a subject
 * pronoun's antecedent, or a name before an apposition between commas
 * ("Mbadi, a long-serving MP, replaces W"); -1 when none. */
static int32_t subject_before(const lctx *l, size_t w) {
    if (w == 0) return -1;
    size_t e = w;
    if (fold_is(l, e - 1, ",")) { /* back over the apposition to the comma after the name */
        size_t k = e - 1;
        while (k > 0 && e - k < 16 && !fold_is(l, k - 1, ",") && same_sentence(l, k - 1, w - 1)) k--;
        if (k == 0 || !fold_is(l, k - 1, ",")) return -1;
        e = k - 1;
    }
    int32_t s = e > 0 ? span_at(l, e - 1) : -1;
    if (is_type(l, s, NX_PERSON) && sp(l, s)->t1 == e) return tok(l, sp(l, s)->t0)->sent_start ? s : -1;
    if (e == w && is_word(l, e - 1, NX_G_SUBJECT_PRONOUN) && tok(l, e - 1)->sent_start)
        return nx_rel_antecedent(l->doc, l->span_at, l->n, e - 1);
    return -1;
}

/* "She succeeds Professor Duncan Maskell", "Mbadi replaces Njuguna
 * Ndung'u": with no title after the verb, the predecessor an active
 * succession verb names held the one title the document gave the subject
 * before: its title to come, else its one current title stated in another
 * sentence (two: which one is a guess, none). The predecessor holds it
 * still when the successor's is to come ("will succeed", or a future
 * title), else held it. */
static nx_status predecessors(lctx *l) {
    nx_document *doc = l->doc;
    size_t n_rels = doc->rels.count;
    for (size_t c = 0; c < l->n_cues; c++) { /* (the succession verbs among them) */
        size_t v = l->cues[c];
        if (v < 1 || v + 1 >= l->n) continue;
        if (!is_word(l, v, NX_G_SUCCESSION_VERB) || !(tok(l, v)->shape & NX_SH_LOWER) ||
            nx_rel_token_is(doc, v, NX_G_SUCCESSION_VERB, "participle"))
            continue;
        size_t p0 = v + 1;
        /* (over an honorific or a form of address: "Professor") */
        while (p0 < l->n && ((span_at(l, p0) < 0 && (tok(l, p0)->feat & NX_FEAT(NX_G_HONORIFIC))) || address_at(l, p0))) p0++;
        int32_t prev = span_at(l, p0);
        if (!is_type(l, prev, NX_PERSON) || sp(l, prev)->t0 != p0 || sp(l, prev)->entity < 0 ||
            is_word(l, sp(l, prev)->t1, NX_G_ROLE_MARKER))
            continue;
        /* no title after the verb ("succeeds W as chairman": the
         * succession rule's), a form of address aside */
        int titled = 0;
        for (size_t i = v + 1; i < l->n && same_sentence(l, i, v) && !titled; i++)
            titled = is_type(l, span_at(l, i), NX_TITLE) && !address_at(l, i);
        if (titled) continue;
        /* the subject, over auxiliaries and a future marker (not a
         * copula: "was replaced by" is successors' reading) */
        int auxiliary, copula, future, hypothetical;
        size_t w = verb_group(l, v, 3, &auxiliary, &copula, &future, &hypothetical);
        if (hypothetical || copula) continue;
        int32_t next = subject_before(l, w);
        if (next < 0 || sp(l, next)->entity < 0 || sp(l, next)->entity == sp(l, prev)->entity) continue;
        /* the successor's title: the one to come, else the one current */
        int32_t pick = -1, n_future = 0, n_current = 0, pick_current = -1;
        for (size_t k = 0; k < n_rels; k++) {
            const nx_rel *r = &NX_VEC_AT(&doc->rels, nx_rel, k);
            if (r->type != NX_REL_HOLDS_TITLE || r->args[0].span < 0 || r->args[1].span < 0 ||
                SPAN(doc, r->args[0].span)->entity != sp(l, next)->entity || same_sentence(l, SPAN(doc, r->args[1].span)->t0, v))
                continue;
            if (r->status == NX_STATUS_FUTURE) {
                n_future++;
                pick = (int32_t)k;
            } else if (r->status != NX_STATUS_FORMER) {
                n_current++;
                pick_current = (int32_t)k;
            }
        }
        if (n_future > 1 || (n_future == 0 && n_current != 1)) continue;
        if (n_future == 0) pick = pick_current;
        const nx_rel *r = &NX_VEC_AT(&doc->rels, nx_rel, (size_t)pick);
        uint8_t held = future || r->status == NX_STATUS_FUTURE ? NX_STATUS_CURRENT : NX_STATUS_FORMER;
        if (add_fact(doc, (uint32_t)prev, (uint32_t)r->args[1].span, r->args[2].span, NX_RULE_HT_PREDECESSOR, held))
            return NX_ERR_NOMEM;
    }
    return NX_OK;
}

nx_status nx_holds_title_find(const nx_relctx *c) {
    nx_document *doc = c->doc;
    lctx ctx = {doc, c->n, c->span_at, nx_arena_alloc(&doc->arena, doc->spans.count + 1), c->main_org, c->cues, c->n_cues};
    if (!ctx.titled_before) return NX_ERR_NOMEM;
    lctx *l = &ctx;
    for (size_t k = 0; k < doc->spans.count; k++) {
        nx_span *t = SPAN(doc, k);
        if (t->type != NX_TITLE || (t->flags & NX_SPAN_ATTACHED)) continue;
        if (t->flags & NX_SPAN_PLURAL) {
            nx_status st = plural_list(l, (int32_t)k);
            if (st != NX_OK) return st;
            continue;
        }
        if (t->kind && !strcmp(t->kind, "counterpart") && !take_counterpart(l, t)) continue;
        /* "the activist investor", "a leader writer": a title in lower case
         * right before a noun for a person modifies it; it is no title */
        if ((tok(l, t->t1 - 1)->shape & NX_SH_LOWER) && t->t1 < l->n && (tok(l, t->t1)->shape & NX_SH_LOWER) &&
            tok(l, t->t1)->brk == NX_BRK_SPACE && span_at(l, t->t1) < 0 && nx_rel_token_is(doc, t->t1, NX_G_PERSON_NOUN, NULL))
            continue;
        /* "a critic of the regime": a stance, no job (kind=stance) */
        if (t->kind && !strcmp(t->kind, "stance") && is_word(l, t->t1, NX_G_GENITIVE)) continue;
        title_group g;
        read_group(l, (int32_t)k, &g);
        /* "X, the president's spokesman", "the chairman's assistant": a
         * title that possesses is the possessor's, not the name's the
         * phrase is apposed to */
        if (g.t1 == sp(l, g.title[g.n - 1])->t1 && possessive_at(l, g.t1)) continue;
        int32_t org_pre = org_before(l, g.t0, g.state), org_app = -1, person, org_found = org_pre, predecessor = -1;
        int via_comma = 0;
        int32_t after = person_after(l, &g, &via_comma), before = person_before(l, &g, &org_app);
        nx_rule rule;
        /* "T1 P1, T2 of O2, P2": when P1 already has its title before it,
         * the title after the comma is P2's */
        if (after >= 0 && before >= 0 && via_comma && l->titled_before[before]) before = -1;
        /* "Jean Charest stepped down as leader of the Progressive
         * Conservatives and former Prime Minister Joe Clark took over": the
         * items before the last one ("and", a status word) are the copula
         * subject's, the last the name's after it */
        if (after >= 0 && before < 0 && g.n >= 2) {
            title_group head = g;
            head.n = g.n - 1;
            head.t1 = sp(l, g.title[g.n - 1])->t0;
            size_t q = head.t1;
            while (q > head.t0 && span_at(l, q - 1) < 0 && (tok(l, q - 1)->shape & NX_SH_LOWER) && nx_rel_status_word(doc, q - 1)) q--;
            int32_t o = org_pre, pred = -1;
            /* (only a phrase complete before "and": "as" or a copula
             * before it, its own "of ORG" after it; not "hired Broadway
             * actress and choreographer X") */
            size_t v0 = phrase_start(l, head.t0);
            int opened = v0 > 0 && (tok(l, v0 - 1)->shape & NX_SH_LOWER) &&
                         (is_word(l, v0 - 1, NX_G_ROLE_MARKER) || is_word(l, v0 - 1, NX_G_COPULA));
            int32_t subject = opened && head.org[head.n - 1] >= 0 && q > head.t0 && is_word(l, q - 1, NX_G_CONJUNCTION) &&
                                      (tok(l, q - 1)->shape & NX_SH_LOWER)
                                  ? person_copula(l, &head, &o, &pred, 0)
                                  : -1;
            if (subject >= 0 && subject != after) {
                size_t v = phrase_start(l, head.t0);
                size_t said_at = v >= 2 && is_word(l, v - 1, NX_G_ROLE_MARKER) ? v - 2 : v - 1;
                if (v >= 1 && said_at > 0 && is_word(l, said_at, NX_G_VERB_PARTICLE)) said_at--;
                if (v >= 1 && is_word(l, said_at, NX_G_PAST_MARKER)) head.status = NX_STATUS_FORMER;
                nx_status st = bind(l, &head, subject, o, NX_RULE_HT_COPULA);
                if (st != NX_OK) return st;
                title_group last = g;
                last.title[0] = g.title[g.n - 1];
                last.org[0] = g.org[g.n - 1];
                last.said[0] = g.said[g.n - 1];
                last.n = 1;
                last.t0 = q;
                g = last;
                org_pre = org_before(l, g.t0, g.state);
            }
        }
        if (after >= 0 && (before < 0 || !via_comma)) {
            /* "Professor Shinji Kaneko": a title that is also a form of
             * address (kind=address), alone before a name, says no office;
             * one with its organisation before it, or in lower case, does
             * ("Harvard University professor Steven Pinker") */
            if (g.n == 1 && bare_title_of(t, "address") && g.t1 == t->t1 && org_pre < 0 && !(tok(l, t->t0)->shape & NX_SH_LOWER))
                continue;
            /* "his fellow Republican X", "her partner Y": a title that also
             * names a relation between people (kind=relational), alone
             * before a name with no organisation before it, says no office */
            if (g.n == 1 && bare_title_of(sp(l, g.title[0]), "relational") && org_pre < 0) continue;
            if (before >= 0 && g.n >= 2) {
                /* "P1, President of AASTU, and Rector P2": the last item
                 * belongs to the name right after it, the rest to P1 */
                title_group last = g;
                last.title[0] = g.title[g.n - 1];
                last.org[0] = g.org[g.n - 1];
                last.n = 1;
                g.n--;
                nx_status st = bind(l, &g, before, org_app, NX_RULE_HT_APPOSITION);
                if (st != NX_OK) return st;
                g = last;
            }
            person = after;
            rule = NX_RULE_HT_TITLE_BEFORE_NAME;
            /* "the university's president, Professor Zhang Liqun": a form of
             * address last in the group, right before the name, says no office */
            const nx_span *last_t = sp(l, g.title[g.n - 1]);
            if (g.n >= 2 && bare_title_of(last_t, "address") && last_t->t1 == sp(l, person)->t0)
                g.n--;
            if (org_pre < 0 && !g.state) org_pre = shared_premodifier(l, g.t0);
            if (org_pre < 0 && !g.state) org_pre = reporting_org(l, g.t0); /* (a state's office is not the sayer's) */
            if (org_pre < 0 && is_word(l, sp(l, person)->t1, NX_G_PLACEMENT_LINKER)) { /* President Zhang Liqun of XJTU */
                size_t e;
                org_pre = org_after(l, sp(l, person)->t1, &e, g.state);
            }
            /* "Prime Minister Mustafa Khalil (Egypt)": a state's office, its
             * country in parentheses after the name */
            size_t q = sp(l, person)->t1;
            int32_t in_paren = span_at(l, q + 1);
            if (org_pre < 0 && g.state && fold_is(l, q, "(") && (is_type(l, in_paren, NX_PLACE)) &&
                sp(l, in_paren)->t0 == q + 1 && fold_is(l, sp(l, in_paren)->t1, ")"))
                org_pre = in_paren;
        } else if ((person = before) >= 0) {
            rule = NX_RULE_HT_APPOSITION;
            org_pre = org_app;
            /* ("X, formerly head of Y": a past adverb opening it) */
            size_t v = phrase_start(l, org_app >= 0 && sp(l, org_app)->t1 <= g.t0 ? sp(l, org_app)->t0 : g.t0);
            if (v > 0 && nx_rel_token_is(doc, v - 1, NX_G_PAST_MARKER, "adverb") && (tok(l, v - 1)->shape & NX_SH_LOWER))
                g.status = NX_STATUS_FORMER;
        } else if ((person = person_copula(l, &g, &org_found, &predecessor, 1)) >= 0) {
            rule = NX_RULE_HT_COPULA;
            org_pre = org_found;
            /* "X will become chairman": a title to come; "X could become
             * chairman": none */
            size_t v = phrase_start(l, g.t0);
            /* (over an organisation before the title: "served as RBF chairman") */
            if (org_pre >= 0 && sp(l, org_pre)->t0 < v &&
                (sp(l, org_pre)->t1 == v || (sp(l, org_pre)->t1 + 1 == v && (tok(l, v - 1)->shape & NX_SH_POSS))))
                v = phrase_start(l, sp(l, org_pre)->t0);
            int hypothetical;
            uint8_t marked = marker_status(l, person, v, &hypothetical);
            if (hypothetical) continue;
            if (marked) g.status = marked;
            /* "X, who stepped down as chairman", "X was formerly chairman",
             * "X, who was then the president": a title no longer held (the
             * word right before the phrase, or before its role marker "as",
             * over a verb's particle) */
            size_t said_at = v >= 2 && is_word(l, v - 1, NX_G_ROLE_MARKER) ? v - 2 : v - 1;
            if (v >= 1 && said_at > 0 && is_word(l, said_at, NX_G_VERB_PARTICLE)) said_at--; /* "stepped down as" */
            if (v >= 1 && is_word(l, said_at, NX_G_PAST_MARKER)) g.status = NX_STATUS_FORMER;
            else if (v >= 1 && nx_rel_status_word(doc, said_at) == NX_STATUS_FORMER) g.status = NX_STATUS_FORMER;
            else if (!marked && v >= 1 && past_tense(l, person, said_at, v)) g.status = NX_STATUS_FORMER;
            if (org_pre < 0 && g.org[0] < 0 && v >= 1) org_pre = org_where(l, said_at, v);
        } else if ((person = person_named(l, &g, &org_found)) >= 0) {
            rule = NX_RULE_HT_NAMED;
            org_pre = org_found;
        } else if ((person = person_after_possessive(l, &g)) >= 0) {
            rule = NX_RULE_HT_POSSESSIVE_APPOSITION;
            org_pre = org_before(l, g.t0, g.state);
        } else if ((person = person_listed(l, &g)) >= 0) {
            rule = NX_RULE_HT_LISTED_PREDICATE;
            org_pre = -1;
        } else {
            continue;
        }
        /* "Chen, a former army secretary", "who was then the president",
         * "Former Wallaby captain X": the status word nearest the title
         * among the plain words that open its phrase, or up to two words
         * before them over capitalised words only ("former foes President
         * X", "a shot past diving goalkeeper X" say nothing of it); a
         * former or future title says so itself */
        size_t opens = phrase_start(l, g.t0), from = opens >= 2 ? opens - 2 : 0;
        for (size_t w = g.t0; SPAN(doc, g.title[0])->status == NX_STATUS_CURRENT && w-- > from;) {
            uint8_t said = nx_rel_status_word(doc, w);
            if (!said) continue;
            if (is_word(l, w + 1, NX_G_DEFINITE) && !status_before_article(l, w)) break;
            int plain = w + 1 >= opens || !is_word(l, w, NX_G_FUNCTION_WORD);
            for (size_t q = w + 1; q < opens && plain; q++)
                plain = span_at(l, q) < 0 && tok(l, q)->kind == NX_TOK_WORD && (tok(l, q)->shape & NX_SH_CAP);
            if (plain) g.status = said;
            break;
        }
        if (org_pre < 0 && generic_org_before(l, g.t0)) {
            /* (the organisation the document is about, else, after a
             * possessive, one of the noun's kind named last before it: "the
             * party's chairman"; not "new Party Chairman X", who may chair
             * another party than the one named) */
            int poss = (tok(l, g.t0 - 1)->shape & NX_SH_POSS) != 0;
            org_pre = l->main_org >= 0 || !poss ? l->main_org : nx_rel_kind_referent(doc, l->span_at, g.t0 - 2);
        }
        if (org_pre < 0) org_pre = its_org(l, g.t0);
        /* "Ex-Nissan boss": a status prefix on the word before the title */
        uint8_t prefixed = g.t0 > 0 ? nx_rel_status_prefix(doc, g.t0 - 1) : 0;
        if (prefixed && (!g.status || g.status == NX_STATUS_CURRENT) && SPAN(doc, g.title[0])->status == NX_STATUS_CURRENT)
            g.status = prefixed;
        /* "former Soviet Foreign Minister": the status said before the
         * organisation, or before its article ("X, then the Red Sox's
         * general manager") */
        if (org_pre >= 0 && sp(l, org_pre)->t1 <= g.t0 && sp(l, org_pre)->t0 > 0) {
            uint8_t said = status_before_org(l, sp(l, org_pre)->t0);
            if (said) g.status = said;
        }
        /* ... or before a nationality that is no organisation of the title's
         * ("Former Soviet leader Mikhail Gorbachev") */
        int32_t nat_pre = g.t0 > 0 ? span_at(l, g.t0 - 1) : -1;
        if (org_pre < 0 && is_type(l, nat_pre, NX_NATIONALITY) && sp(l, nat_pre)->t1 == g.t0 && sp(l, nat_pre)->t0 > 0) {
            uint8_t said = nx_rel_status_word(doc, sp(l, nat_pre)->t0 - 1);
            if (said) g.status = said;
        }
        /* ... or before the holder's party ("Former Republican Senator Bob Dole") */
        int32_t party_pre = g.state ? party_before(l, g.t0) : -1;
        /* (a party named in two words the gazetteers read apart: "Former
         * Progressive Conservative prime minister") */
        while (party_pre >= 0 && sp(l, party_pre)->t0 > 0 && party_before(l, sp(l, party_pre)->t0) >= 0)
            party_pre = party_before(l, sp(l, party_pre)->t0);
        if (party_pre >= 0 && sp(l, party_pre)->t0 > 0) {
            uint8_t said = nx_rel_status_word(doc, sp(l, party_pre)->t0 - 1);
            if (said) g.status = said;
        }
        /* "X was named chief executive of Acme, replacing W": a succession
         * verb's participle right after the title's phrase names who held
         * it before */
        if ((rule == NX_RULE_HT_COPULA || rule == NX_RULE_HT_NAMED) && predecessor < 0 && g.t1 + 2 < l->n && fold_is(l, g.t1, ",") &&
            (tok(l, g.t1 + 1)->shape & NX_SH_LOWER) && nx_rel_token_is(doc, g.t1 + 1, NX_G_SUCCESSION_VERB, "participle")) {
            int32_t w = span_at(l, g.t1 + 2);
            if (is_type(l, w, NX_PERSON) && sp(l, w)->t0 == g.t1 + 2 && w != person && same_sentence(l, g.t0, g.t1 + 2))
                predecessor = w;
        }
        if ((rule == NX_RULE_HT_COPULA || rule == NX_RULE_HT_NAMED) && predecessor >= 0) {
            /* the title the subject takes was the predecessor's (is still,
             * when it is yet to be taken: "X will succeed W as chairman") */
            uint8_t held = g.status == NX_STATUS_FUTURE ? NX_STATUS_CURRENT : NX_STATUS_FORMER;
            for (size_t m = 0; m < g.n; m++) {
                int32_t org = g.org[m] >= 0 ? g.org[m] : org_pre;
                if (add_fact(doc, (uint32_t)predecessor, (uint32_t)g.title[m], org, NX_RULE_HT_SUCCESSION, held))
                    return NX_ERR_NOMEM;
            }
        }
        nx_status st = bind(l, &g, person, org_pre, rule);
        if (st != NX_OK) return st;
        int32_t party = g.state ? party_before(l, g.t0) : -1;
        if (party >= 0) {
            nx_rel aff = {.type = NX_REL_AFFILIATED_WITH, .rule = NX_RULE_AW_PARTY_BEFORE_TITLE, .n_args = 2,
                          .args = {{NX_ROLE_PERSON, person}, {NX_ROLE_ORGANIZATION, party}}};
            if (nx_rel_add(doc, &aff)) return NX_ERR_NOMEM;
        }
        if (st != NX_OK) return st;
    }
    sentence_country(l);
    nx_status st = successors(l);
    return st != NX_OK ? st : predecessors(l);
}

