/* resolve.c: see resolve.h for the order of the rules. The rules read the
 * tokens' shape and feature bits and per-token arrays made once per
 * document (who owns a token, its word, the capitalised tokens): a word is
 * found once, in read_tokens (by the hash of its folded form the tokenizer
 * made), and compared as a number. What the rules need of every token or
 * every gazetteer match is read in one pass over each (read_tokens,
 * read_matches), which lists the few candidates of each kind. */
#include "resolve.h"

#include <stdlib.h>
#include <string.h>

#include "model.h"

typedef struct rctx {
    nx_document *doc;
    const nx_gazetteer *g;
    const nx_token *toks;
    size_t n;            /* tokens */
    int32_t *gz_at;      /* span index of a gazetteer entity starting at the token, -1 */
    int32_t *owner;      /* span index covering the token, -1 */
    uint8_t *title_tok;  /* 1 inside a title span */
    uint8_t *headline;   /* 1 in an all-caps or title-case line: no guessing there */
    uint32_t *word;      /* per token: its word, the first token with the same folded form */
    uint8_t *lower;      /* per word: written in lower case (not at a sentence start) */
    int spaced;          /* some folded form holds a space (see name keys) */
    uint32_t *caps;      /* the tokens that start with a capital (NX_SH_CAP), in order; */
    size_t n_caps;       /* the acronym and known-name rules start at one of them */
    uint32_t *plurals;   /* the tokens that may be plural titles (read_tokens), in order */
    size_t n_plurals;
    uint32_t *rare;      /* the tokens with a hyphen, the membership nouns and the sport words, in */
    size_t n_rare;       /* order: few, where hyphen_status_titles and board_members look */
    uint32_t *gm_entity, *gm_title, *gm_demonym; /* the gazetteer matches (indexes) that may be */
    size_t n_gm_entity, n_gm_title, n_gm_demonym; /* of these classes (read_matches), in order */
    uint32_t *gz_starts; /* the tokens where gazetteer_entities made a span, in order */
    size_t n_gz;
    int sports;          /* a sports report: places name teams */
    uint8_t *judged;     /* 1 where a rule read a longer name and dropped a shorter one */
} rctx;

static const nx_token *tok(const rctx *r, size_t i) { return &r->toks[i]; }
static int feat(const rctx *r, size_t i, uint64_t f) { return i < r->n && (tok(r, i)->feat & f) != 0; }
/* Whether token i is a word of a closed class (function-words.tsv). */
static int is_word(const rctx *r, size_t i, nx_gclass c) { return feat(r, i, NX_FEAT(c)); }
/* Whether token i is the punctuation mark c (its folded form that one byte). */
static int is_punct(const rctx *r, size_t i, char c) {
    return i < r->n && tok(r, i)->kind == NX_TOK_PUNCT && tok(r, i)->fold_len == 1 && tok(r, i)->fold[0] == c;
}
static int same_line(const rctx *r, size_t a, size_t b) {
    for (size_t i = a + 1; i <= b && i < r->n; i++)
        if (tok(r, i)->brk >= NX_BRK_LINE) return 0;
    return 1;
}

/* A capitalised common word (The, Among, It). "IT" in capitals in running
 * text is an acronym, not the pronoun. */
static int stop(const rctx *r, size_t i) {
    if (!feat(r, i, NX_FEAT(NX_G_STOP))) return 0;
    return !(tok(r, i)->shape & NX_SH_ALLCAPS) || r->headline[i];
}

static int capitalised(const nx_token *t) {
    return t->kind == NX_TOK_WORD && (t->shape & NX_SH_CAP) && !(t->shape & NX_SH_POSS) && !(t->shape & NX_SH_DIGIT);
}

/* Whether the gazetteers have the word s[0..n) as an entry of class cls
 * (and, unless kind is NULL, of that kind). */
static int word_of_class(const rctx *r, const char *s, size_t n, int cls, const char *kind) {
    return nx_gazetteer_word_is(r->g, s, n, cls, kind);
}

/* "al-Azhari", "el-Sisi": a name particle (data), a hyphen and a capital
 * letter make a word of a name although it opens in lower case. */
static __attribute__((noinline)) int particle_prefix(const rctx *r, const nx_token *t);
static inline __attribute__((always_inline)) int particle_word(const rctx *r, size_t i) {
    /* (the shape inline, where most callers stop: the bytes in a call) */
    const nx_token *t = &r->toks[i];
    if (t->kind != NX_TOK_WORD || !(t->shape & NX_SH_LOWER) || !(t->shape & NX_SH_HYPHEN)) return 0;
    return particle_prefix(r, t);
}
static int particle_prefix(const rctx *r, const nx_token *t) {
    const char *h = memchr(t->fold, '-', t->fold_len);
    const char *w = r->doc->text.work + t->b0;
    const char *wh = memchr(w, '-', t->b1 - t->b0);
    if (!h || h == t->fold || !wh || wh + 1 >= w + (t->b1 - t->b0) || wh[1] < 'A' || wh[1] > 'Z') return 0;
    return word_of_class(r, t->fold, (size_t)(h - t->fold), NX_G_NAME_PARTICLE, NULL);
}

/* "Swedish-born", "German-based": a demonym, a hyphen and more. */
static int demonym_prefix(const rctx *r, size_t i) {
    const nx_token *t = &r->toks[i];
    if (t->kind != NX_TOK_WORD || !(t->shape & NX_SH_HYPHEN)) return 0;
    const char *h = memchr(t->fold, '-', t->fold_len);
    if (!h || h == t->fold) return 0;
    return word_of_class(r, t->fold, (size_t)(h - t->fold), NX_G_DEMONYM, NULL);
}

/* "Montreal-based", "Harvard-educated": a word whose part after its last
 * hyphen is in lower case is an adjective, no name. */
static int lower_after_hyphen(const rctx *r, size_t i) { return nx_token_lower_after_hyphen(r->doc->text.work, &r->toks[i]); }

/* "Yaroslav-the": the part after a word's last hyphen is a function word
 * (the word is part of a name, no adjective). */
static int tail_function_word(const rctx *r, size_t i) {
    const nx_token *t = &r->toks[i];
    size_t h = t->fold_len;
    while (h > 0 && t->fold[h - 1] != '-') h--;
    return h > 0 && word_of_class(r, t->fold + h, t->fold_len - h, NX_G_FUNCTION_WORD, NULL);
}

/* "Kurdish", "Timorese": an unknown capitalised word with one of these
 * endings is a people's or a language's adjective ("-ic" is not: Sonic
 * Youth, Intelogic). */
static int adjective_form(const nx_token *t) {
    static const char *const endings[] = {"ish", "ese"};
    for (size_t k = 0; k < sizeof endings / sizeof *endings; k++) {
        size_t n = strlen(endings[k]);
        if (t->fold_len > n + 2 && memcmp(t->fold + t->fold_len - n, endings[k], n) == 0) return 1;
    }
    return 0;
}

/* A word that may be part of a name: capitalised, or a particle word. */
static int name_word(const rctx *r, size_t i) { return capitalised(&r->toks[i]) || particle_word(r, i); }

/* ---- the document's words ---------------------------------------------------
 * Rules compare words by their folded form: "Member" is a common word where
 * "member" occurs, and a name found once is found again. A token's word is
 * the first token with the same folded form, found once per document in a
 * hash table; later comparisons are integer compares, and what is known of
 * a word is an array indexed by it. */

/* Whether token t's folded form may hold a space: only a non-ASCII
 * character folds to one (´ to a space and a mark), and a token's own bytes
 * hold none, so a token of ASCII bytes (as many bytes as code points) never
 * does. */
static int fold_has_space(const nx_token *t) {
    return t->b1 - t->b0 != t->c1 - t->c0 && memchr(t->fold, ' ', t->fold_len) != NULL;
}

/* Token i's word, exactly: the first token with the same folded form,
 * found in the table of words seen so far (slots: the token + 1, 0 empty)
 * and put there when i is the first. Only when two forms share a tag
 * (below): never seen. */
static uint32_t word_of_exact(const nx_token *toks, uint32_t *slots, size_t mask, uint32_t i) {
    const nx_token *t = &toks[i];
    for (size_t s = (size_t)t->fold_hash & mask;; s = (s + 1) & mask) {
        uint32_t j = slots[s] ? slots[s] - 1 : i;
        const nx_token *o = &toks[j];
        if (o->fold_hash == t->fold_hash && o->fold_len == t->fold_len && memcmp(o->fold, t->fold, t->fold_len) == 0) {
            slots[s] = j + 1;
            return j;
        }
    }
}

/* Makes the words again, comparing the bytes (into word and lower). */
static nx_status words_exact(rctx *r, uint32_t *word, uint8_t *lower, size_t mask) {
    const nx_token *toks = r->toks;
    uint32_t *slots = nx_arena_alloc(&r->doc->arena, (mask + 1) * sizeof *slots);
    if (!slots) return NX_ERR_NOMEM;
    memset(lower, 0, r->n);
    for (size_t i = 0; i < r->n; i++) {
        const nx_token *u = &toks[i];
        uint32_t w = word[i] = word_of_exact(toks, slots, mask, (uint32_t)i);
        unsigned sh = u->shape;
        lower[w] |= (u->kind == NX_TOK_WORD) & ((sh & (NX_SH_LOWER | NX_SH_POSS)) == NX_SH_LOWER) & !u->sent_start;
    }
    return NX_OK;
}

/* A word of letters (no possessive): the words a line's case is read on. */
static unsigned letters_word(const nx_token *t) {
    return (t->kind == NX_TOK_WORD) & ((t->shape & (NX_SH_ALPHA | NX_SH_POSS)) == NX_SH_ALPHA);
}

/* Lines in capitals or Title Case carry no case evidence: only gazetteer
 * entries, organisation heads and names known from the body count there.
 * Marks the line [i, k] so when it is one: allcaps of its words are in
 * capitals, and lower_content is whether one in lower case is no function
 * word. Most lines are neither (shouting needs three words in capitals,
 * Title Case none in lower case), and only the others' words are counted. */
static void headline_line(rctx *r, size_t i, size_t k, size_t allcaps, unsigned lower_content) {
    if (allcaps < 3 && lower_content) return;
    size_t words = 0;
    for (size_t j = i; j <= k; j++) words += letters_word(&r->toks[j]);
    const nx_token *t = &r->toks[k];
    int ends_sentence = t->kind == NX_TOK_PUNCT && (t->fold[0] == '.' || t->fold[0] == ':');
    int shout = words >= 3 && allcaps * 10 >= words * 7;
    /* Title Case: every word but the small function words capitalised
     * ("Goran Ivanisevic beat Scott Draper" has a lower-case verb) */
    int titlecase = words >= 4 && !lower_content && !ends_sentence;
    if (shout || titlecase) memset(r->headline + i, 1, k + 1 - i);
}

/* One pass over the tokens, each token's fields read once, for what every
 * rule needs of all of them:
 * - the headline lines (headline_line);
 * - each token's word (word, lower): a slot of the table holds a word's
 *   first token + 1 in its low bits (the table has one and a half times as
 *   many slots as tokens at least: a text's words are about half its
 *   tokens, so it is at most a third full as a rule, and never full) and a
 *   tag above them (the high bits of its fold hash; the low ones pick the
 *   slot), so a token finds its word or claims an empty slot without
 *   reading another token, and the table is small to clear (whether the
 *   word is new is as good as random: masks, not a branch). Then the tokens
 *   whose word came before them are checked against it (hash and length,
 *   and the bytes of a form longer than 8); two forms sharing a tag on one
 *   probe run (rare) make the words again;
 * - the capitalised tokens (caps), where the acronym and known-name rules
 *   start;
 * - the tokens that may be plural titles (plurals: a word of four letters
 *   or more ending in s but not -ies, the singular its form but the last
 *   byte; few words end in s, so a branch);
 * - the tokens with a hyphen, the membership nouns and the sport words
 *   (rare), and from them whether the document is a sports report.
 * The lists are written through pointers that a token moves on or not
 * (fewer registers than a base and a count each: the loop keeps them all
 * in registers). */
static nx_status read_tokens(rctx *r) {
    nx_arena *A = &r->doc->arena;
    const nx_token *toks = r->toks;
    size_t n = r->n, mask = 15, line = 0, allcaps = 0;
    while (mask + 1 < n + n / 2) mask = mask * 2 + 1;
    uint32_t *slots = nx_arena_alloc(A, (mask + 1) * sizeof *slots);
    /* (locals, not r's fields: a store to a byte array may alias those) */
    uint32_t *word = nx_arena_alloc_uninit(A, n * sizeof *word), *caps = nx_arena_alloc_uninit(A, n * sizeof *caps);
    uint32_t *rep = nx_arena_alloc_uninit(A, n * sizeof *rep); /* the tokens whose word came before them */
    uint32_t *pl = nx_arena_alloc_uninit(A, n * sizeof *pl), *hm = nx_arena_alloc_uninit(A, n * sizeof *hm);
    uint8_t *lower = nx_arena_alloc(A, n);
    if (!slots || !word || !lower || !caps || !rep || !pl || !hm) return NX_ERR_NOMEM;
    if (!r->doc->text.ascii)
        for (size_t i = 0; i < n && !r->spaced; i++) r->spaced = fold_has_space(&toks[i]);
    uint32_t *caps_end = caps, *rep_end = rep, *pl_end = pl, *hm_end = hm;
    unsigned lower_content = 0;
    const uint32_t KIND = 0xFF << 16, WORD = NX_TOK_WORD << 16;
    const uint32_t tags = ~(uint32_t)mask; /* a slot's bits above the token */
    for (size_t i = 0; i < n; i++) {
        const nx_token *t = &toks[i];
        /* the shape, the kind and the break in one load: x & mask == value
         * tests several at once */
        uint32_t x = (uint32_t)t->shape | (uint32_t)t->kind << 16 | (uint32_t)t->brk << 24;
        uint64_t f = t->feat;
        /* a line ends before the token (the first line has no break before) */
        if (x >= (uint32_t)NX_BRK_LINE << 24 && i > line) {
            headline_line(r, line, i - 1, allcaps, lower_content);
            line = i;
            allcaps = lower_content = 0;
        }
        unsigned lower_word = (x & (KIND | NX_SH_LOWER | NX_SH_POSS)) == (WORD | NX_SH_LOWER);
        /* (one such word is enough, and most lines have one early: a branch
         * that is mostly taken) */
        if (!lower_content) lower_content = lower_word & (x >> 8) & ~(unsigned)(f >> NX_G_FUNCTION_WORD); /* NX_SH_ALPHA: bit 8 */
        if (x & NX_SH_ALLCAPS) allcaps += letters_word(t); /* (few are) */
        *hm_end = (uint32_t)i;
        hm_end += ((x >> 7) & 1) | ((f & (NX_FEAT(NX_G_MEMBERSHIP_NOUN) | NX_FEAT(NX_G_SPORT))) != 0); /* NX_SH_HYPHEN: bit 7 */
        /* a slot: the high bits of the fold hash's high half (the tag; the
         * low ones pick the slot) above the word's first token + 1 */
        uint64_t h = t->fold_hash;
        uint32_t tag = (uint32_t)(h >> 32) & tags, v;
        size_t s = (size_t)h & mask;
        /* the slot is empty or the word's: one test, which most tokens pass
         * at the first slot (both factors are below 2^32: no overflow) */
        for (;; s = (s + 1) & mask) {
            v = slots[s];
            if ((uint64_t)v * ((v ^ tag) & tags) == 0) break;
        }
        uint32_t fresh = (uint32_t)0 - (v == 0); /* claims the slot */
        v = (v & ~fresh) | ((tag | (uint32_t)(i + 1)) & fresh);
        slots[s] = v;
        uint32_t w = word[i] = (v & (uint32_t)mask) - 1;
        /* stores rather than branches, which would mispredict */
        *rep_end = (uint32_t)i;
        rep_end += w != i;
        lower[w] |= lower_word & !t->sent_start;
        *caps_end = (uint32_t)i;
        caps_end += x & NX_SH_CAP;
        size_t len = t->fold_len;
        if (len >= 4 && t->fold[len - 1] == 's') {
            *pl_end = (uint32_t)i;
            pl_end += (x & KIND) == WORD && !(len > 4 && t->fold[len - 3] == 'i' && t->fold[len - 2] == 'e'); /* -ies: leave */
        }
    }
    headline_line(r, line, n - 1, allcaps, lower_content);
    /* a sports report: two sport words, or one in a headline (a first line
     * of 16 tokens at most: "SOCCER - SCOTTISH LEAGUE STANDINGS .") */
    size_t headline_end = 0, sport_words = 0;
    for (size_t i = 1; i < n && i <= 16 && !headline_end; i++)
        if (toks[i].brk >= NX_BRK_LINE) headline_end = i;
    for (const uint32_t *k = hm; k < hm_end; k++) sport_words += ((toks[*k].feat >> NX_G_SPORT) & 1) << (*k < headline_end);
    r->sports = sport_words >= 2;
    r->word = word;
    r->lower = lower;
    r->caps = caps;
    r->n_caps = (size_t)(caps_end - caps);
    r->plurals = pl;
    r->n_plurals = (size_t)(pl_end - pl);
    r->rare = hm;
    r->n_rare = (size_t)(hm_end - hm);
    /* a form of 8 bytes at most is one word of its hash, which nx_hash()
     * maps one to one (xors, a multiply by an odd number and shifts that
     * keep every bit): the same hash and length are the same bytes. Only a
     * longer form's bytes are compared */
    unsigned same = 1;
    for (const uint32_t *k = rep; k < rep_end; k++) {
        const nx_token *a = &toks[word[*k]], *b = &toks[*k];
        same &= (a->fold_hash == b->fold_hash) & (a->fold_len == b->fold_len);
        if (b->fold_len > 8) same &= (unsigned)nx_token_same_fold(a, b);
    }
    return same ? NX_OK : words_exact(r, word, lower, mask);
}

/* ---- gazetteer entities --------------------------------------------------- */

/* The classes a match may have an entry of (NX_FEAT bits), so that its
 * list is worth reading. A one-word match's classes are its token's
 * feature bits: the gazetteer stage set them from the entries at the same
 * trie node that pass their case rule. A longer match's node summary says
 * which classes its entries of case rule fold and cap have; one of case
 * rule exact may be of any class. */
static uint64_t match_classes(const rctx *r, const nx_gmatch *m) {
    if (m->t1 - m->t0 == 1) return r->toks[m->t0].feat; /* (most are one word) */
    const nx_gnode_feat *nf = &r->g->node_feat[m->node];
    return nf->fold | nf->cap | ((r->g->node_flags[m->node] & NX_GN_EXACT) ? ~(uint64_t)0 : 0);
}

/* One pass over the gazetteer matches: the few that may be an entity, a
 * title or a demonym (match_classes), listed per class without branches (each
 * list's next item written, and kept by the count or not). Most matches are
 * none of them (function words, names' words) and are passed over first:
 * half the instructions, and no more mispredictions (cachegrind's branch
 * simulation). */
static nx_status read_matches(rctx *r) {
    nx_arena *A = &r->doc->arena;
    const nx_gmatch *gm = r->doc->gm;
    size_t n_gm = r->doc->n_gm;
    uint32_t *ent = nx_arena_alloc_uninit(A, (n_gm + 1) * sizeof *ent), *ti = nx_arena_alloc_uninit(A, (n_gm + 1) * sizeof *ti);
    uint32_t *dem = nx_arena_alloc_uninit(A, (n_gm + 1) * sizeof *dem);
    if (!ent || !ti || !dem) return NX_ERR_NOMEM;
    uint32_t *ent_end = ent, *ti_end = ti, *dem_end = dem;
    const uint64_t entity = NX_FEAT(NX_G_ORG) | NX_FEAT(NX_G_PLACE) | NX_FEAT(NX_G_PERSON);
    for (size_t k = 0; k < n_gm; k++) {
        uint64_t f = match_classes(r, &gm[k]);
        if (!(f & (entity | NX_FEAT(NX_G_TITLE) | NX_FEAT(NX_G_DEMONYM)))) continue;
        *ent_end = *ti_end = *dem_end = (uint32_t)k;
        ent_end += (f & entity) != 0;
        ti_end += (f >> NX_G_TITLE) & 1;
        dem_end += (f >> NX_G_DEMONYM) & 1;
    }
    r->gm_entity = ent, r->n_gm_entity = (size_t)(ent_end - ent);
    r->gm_title = ti, r->n_gm_title = (size_t)(ti_end - ti);
    r->gm_demonym = dem, r->n_gm_demonym = (size_t)(dem_end - dem);
    return NX_OK;
}

/* The entity entry a match reads: the first organisation whose case rule
 * passes, else the first place, else the first person. One pass over the
 * list, keeping the best class seen so far. */
static const nx_entry *entity_entry(const rctx *r, const nx_gmatch *m) {
    const nx_document *doc = r->doc;
    const nx_entry *best = NULL;
    int best_rank = 3;
    for (uint32_t e = nx_gnode_first(r->g, m->node); e; e = nx_gnode_next(r->g, e)) {
        const nx_entry *en = &r->g->entries[e - 1];
        int rank = en->cls == NX_G_ORG ? 0 : en->cls == NX_G_PLACE ? 1 : en->cls == NX_G_PERSON ? 2 : 3;
        if (rank >= best_rank || !nx_entry_case_ok(r->g, en, &doc->text, &doc->toks, m->t0, m->t1)) continue;
        best = en;
        best_rank = rank;
        if (rank == 0) break;
    }
    return best;
}

/* The title entry at trie node `node` that tokens [t0, t1) may be (its
 * case rule passes), or NULL. */
static const nx_entry *title_entry_at(const rctx *r, uint32_t node, size_t t0, size_t t1) {
    const nx_document *doc = r->doc;
    for (uint32_t e = node ? nx_gnode_first(r->g, node) : 0; e; e = nx_gnode_next(r->g, e)) {
        const nx_entry *en = &r->g->entries[e - 1];
        if (en->cls == NX_G_TITLE && nx_entry_case_ok(r->g, en, &doc->text, &doc->toks, t0, t1)) return en;
    }
    return NULL;
}

static const nx_entry *title_entry(const rctx *r, const nx_gmatch *m) { return title_entry_at(r, m->node, m->t0, m->t1); }

/* The title entry at node for the part of token t at bytes [off, off + n)
 * of its text ("CEO" of "co-CEO"), its case rule read on that part alone,
 * or NULL. */
static const nx_entry *part_title_entry(const rctx *r, uint32_t node, const nx_token *t, size_t off, size_t n) {
    const char *p = r->doc->text.work + t->b0 + off;
    for (uint32_t x = node ? nx_gnode_first(r->g, node) : 0; x; x = nx_gnode_next(r->g, x)) {
        const nx_entry *en = &r->g->entries[x - 1];
        if (en->cls == NX_G_TITLE && nx_entry_case_ok_bytes(r->g, en, p, p + n)) return en;
    }
    return NULL;
}

/* The one-word title entry of token i ("Secretary"), or NULL. */
static const nx_entry *word_title_entry(const rctx *r, size_t i) {
    const nx_token *t = tok(r, i);
    return title_entry_at(r, nx_gazetteer_word(r->g, t->fold, t->fold_len), i, i + 1);
}

static nx_type type_of_class(int cls) {
    return cls == NX_G_ORG ? NX_ORGANIZATION : cls == NX_G_PLACE ? NX_PLACE : NX_PERSON;
}

static int blocked_range(const rctx *r, size_t a, size_t b) {
    for (size_t i = a; i < b; i++)
        if (r->doc->blocked[i] || r->owner[i] >= 0) return 1;
    return 0;
}

static void own(rctx *r, size_t a, size_t b, int32_t span) {
    for (size_t i = a; i < b; i++) r->owner[i] = span;
}

static int32_t add_span_src(rctx *r, size_t a, size_t b, nx_type type, nx_rule rule, uint16_t src) {
    int32_t id = nx_doc_add_span(r->doc, (uint32_t)a, (uint32_t)b, type, rule, src);
    if (id >= 0) own(r, a, b, id);
    return id;
}

static int32_t add_span(rctx *r, size_t a, size_t b, nx_type type, nx_rule rule) {
    return add_span_src(r, a, b, type, rule, 0);
}

/* The matches that may name an entity are few (most are common words) and
 * their entry lists are cache misses: they are listed first, each list's
 * head fetched as it is listed, and then read with the first entry of the
 * list a few matches on fetched, so that the misses overlap. */
static nx_status gazetteer_entities(rctx *r) {
    nx_document *doc = r->doc;
    const nx_gazetteer *g = r->g;
    const uint32_t *cand = r->gm_entity;
    size_t n = r->n_gm_entity;
    r->gz_starts = nx_arena_alloc_uninit(&doc->arena, (n + 1) * sizeof *r->gz_starts);
    if (!r->gz_starts) return NX_ERR_NOMEM;
    for (size_t c = 0; c < n; c++) __builtin_prefetch(&g->node_head[doc->gm[cand[c]].node]);
    enum { AHEAD = 4 };
    for (size_t c = 0; c < n; c++) {
        uint32_t ahead = c + AHEAD < n ? nx_gnode_first(g, doc->gm[cand[c + AHEAD]].node) : 0;
        if (ahead) {
            __builtin_prefetch(&g->entries[ahead - 1]);
            __builtin_prefetch(&g->entry_next[ahead - 1]);
        }
        const nx_gmatch *m = &doc->gm[cand[c]];
        if (blocked_range(r, m->t0, m->t1)) continue;
        const nx_entry *e = entity_entry(r, m);
        if (!e) continue;
        const nx_token *first = tok(r, m->t0), *last = tok(r, m->t1 - 1);
        /* names are capitalised in running text (or written as in the entry) */
        if (e->case_rule == NX_CASE_FOLD && (!(first->shape & (NX_SH_CAP | NX_SH_DIGIT)) || !(last->shape & (NX_SH_CAP | NX_SH_DIGIT))))
            continue;
        /* a one-word entry that is also a common capitalised word needs more
         * than its position at the start of a sentence */
        if (m->t1 - m->t0 == 1 && (first->feat & NX_FEAT(NX_G_STOP)) && first->sent_start &&
            /* (a word in capitals is so by itself, not by its place: "US
             * officials said", "WHO experts"; not in a line in capitals) */
            !((first->shape & NX_SH_ALLCAPS) && first->fold_len >= 2 && !r->headline[m->t0]))
            continue;
        /* "Chinese" is a nationality before it is any party's short name */
        if (m->t1 - m->t0 == 1 && e->cls == NX_G_ORG && (first->feat & NX_FEAT(NX_G_DEMONYM))) continue;
        /* in a line in capitals every word looks like an acronym: PCT, MLN */
        if (m->t1 - m->t0 == 1 && e->case_rule == NX_CASE_EXACT && r->headline[m->t0] && first->fold_len <= 4 &&
            !(first->shape & NX_SH_ABBREV))
            continue;
        int32_t id = add_span_src(r, m->t0, m->t1, type_of_class(e->cls), NX_RULE_GAZETTEER, e->source);
        if (id < 0) return NX_ERR_NOMEM;
        nx_span *s = SPAN(doc, id);
        s->canon = nx_gstr(r->g, e->name);
        s->country = e->country[0] ? e->country : NULL;
        s->kind = e->kind ? nx_gstr(r->g, e->kind) : NULL;
        s->xid = e->id ? nx_gstr(r->g, e->id) : NULL;
        r->gz_at[m->t0] = id;
        r->gz_starts[r->n_gz++] = m->t0;
    }
    return NX_OK;
}

/* ---- titles ---------------------------------------------------------------- */

static void append_fold(char *buf, size_t cap, size_t *len, const char *s, size_t n) {
    if (*len && *len + 1 < cap) buf[(*len)++] = ' ';
    for (size_t i = 0; i < n && *len + 1 < cap; i++) buf[(*len)++] = s[i] == '-' ? ' ' : s[i];
    buf[*len] = '\0';
}

/* Whether the token may be a plural title (presidents): the singular is
 * its folded form but the last byte. Without branches (whether a word
 * ends in s is as good as random): the last four bytes of a form of four
 * or more in one load, of a shorter one its first four (which may be read:
 * nx_token.fold), not used. */
static unsigned plural_stem(const nx_token *t) {
    size_t len = t->fold_len, long_enough = (size_t)0 - (len >= 4);
    uint64_t w = nx_load4((const unsigned char *)t->fold + ((len - 4) & long_enough)); /* byte k: the k-th */
    unsigned s = (t->kind == NX_TOK_WORD) & (long_enough & 1) & ((w >> 24) == 's');
    unsigned ies = (len > 4) & (((w >> 8) & 0xFFFF) == ('i' | 'e' << 8));
    return s & !ies; /* -ies: leave */
}

/* A token where a title may start: a gazetteer match with a title entry
 * (as far as the feature bits and node summaries tell, see match_classes) or
 * the plural of a one-word title. */
typedef struct title_start {
    uint32_t tok;
    uint32_t gm;     /* at_gm: the gazetteer match at tok; else UINT32_MAX (first_match_from) */
    uint8_t at_gm;   /* a match that may be a title starts at tok */
    uint8_t stem;    /* tok may be a plural */
    uint32_t plural; /* the one-word title entry + 1 this plural names, or 0 */
} title_start;

/* The places where a title may start, in order (arena; NULL when out of
 * memory): two lists made without branches, each item written and kept
 * or not by the count, the possible plurals from the tokens and the
 * matches that may be titles, merged by token. Then the plurals'
 * singulars are hashed, each prefetching its slot of the edge table, and
 * looked up, so that the lookups' cache misses overlap instead of coming
 * one token at a time. */
static title_start *title_starts(const rctx *r, size_t *n_out) {
    nx_arena *A = &r->doc->arena;
    const nx_gazetteer *g = r->g;
    const nx_gmatch *gm = r->doc->gm;
    size_t n_tm = r->n_gm_title;
    const uint32_t *pl = r->plurals; /* tokens that may be plurals (read_tokens) */
    size_t n_pl = g->edges.n_slots ? r->n_plurals : 0;
    const uint32_t *tm = r->gm_title; /* matches that may be titles (read_matches) */
    title_start *out = nx_arena_alloc_uninit(A, (n_pl + n_tm + 1) * sizeof *out);
    uint64_t *hash = nx_arena_alloc_uninit(A, (n_pl + n_tm + 1) * sizeof *hash);
    if (!out || !hash) return NULL;
    size_t a = 0, b = 0, n = 0;
    while (a < n_pl || b < n_tm) {
        uint32_t tp = a < n_pl ? pl[a] : UINT32_MAX, tg = b < n_tm ? gm[tm[b]].t0 : UINT32_MAX;
        uint32_t i = tp < tg ? tp : tg;
        out[n++] = (title_start){i, tg == i ? tm[b] : UINT32_MAX, (uint8_t)(tg == i), (uint8_t)(tp == i), 0};
        a += tp == i;
        b += tg == i;
    }
    for (size_t c = 0; c < n; c++) {
        const nx_token *t = tok(r, out[c].tok);
        if (!out[c].stem) continue;
        hash[c] = nx_gtoken_hash(t->fold, t->fold_len - 1);
        __builtin_prefetch(&g->edges.slots[nx_gedge_hash(0, hash[c]) & (g->edges.n_slots - 1)]);
    }
    for (size_t c = 0; c < n; c++) {
        const nx_token *t = tok(r, out[c].tok);
        if (!out[c].stem) continue;
        uint32_t node = nx_gazetteer_child(g, 0, t->fold, t->fold_len - 1, hash[c]);
        /* the node summary says whether the list has such an entry (most
         * singulars found are no title: years, others) */
        if (!node || !(g->node_feat[node].fold & NX_FEAT(NX_G_TITLE))) continue;
        for (uint32_t e = nx_gnode_first(g, node); e; e = nx_gnode_next(g, e))
            if (g->entries[e - 1].cls == NX_G_TITLE && g->entries[e - 1].case_rule == NX_CASE_FOLD) {
                out[c].plural = e;
                break;
            }
    }
    *n_out = n;
    return out;
}

static int range_has(const rctx *r, size_t a, size_t b, uint64_t f);

/* Whether token i opens the complement of a name's head word (Gulf of
 * Mexico); one of kind=title opens only a title's (Vice-Rector for
 * Academic Affairs; not "Waterloo Road for the BBC"). */
static int name_complement_linker(const rctx *r, size_t i) {
    return is_word(r, i, NX_G_COMPLEMENT_LINKER) &&
           !word_of_class(r, tok(r, i)->fold, tok(r, i)->fold_len, NX_G_COMPLEMENT_LINKER, "title");
}

/* Capitalised words after "of" that name a field, not an organisation or
 * place: Minister of Foreign Affairs, Dean of Academic Affairs. */
static size_t title_complement(const rctx *r, size_t i) {
    if (!is_word(r, i, NX_G_COMPLEMENT_LINKER)) return 0;
    size_t j = i + 1;
    if (is_word(r, j, NX_G_DEFINITE)) j++;
    size_t k = j;
    while (k < r->n && same_line(r, i, k)) {
        const nx_token *t = tok(r, k);
        if (capitalised(t) && !(t->shape & NX_SH_ALLCAPS) && r->owner[k] < 0 && !r->doc->blocked[k] && t->fold_len > 1 &&
            !(t->feat & (NX_FEAT(NX_G_ORG_HEAD) | NX_FEAT(NX_G_ORG_SUFFIX) | NX_FEAT(NX_G_PLACE_HEAD) |
                         NX_FEAT(NX_G_DEMONYM) | NX_FEAT(NX_G_GIVEN) | NX_FEAT(NX_G_SURNAME) | NX_FEAT(NX_G_TITLE)))) {
            k++;
        } else if (k > j && k + 1 < r->n && is_word(r, k, NX_G_CONJUNCTION) && capitalised(tok(r, k + 1)) &&
                   !(tok(r, k + 1)->feat & (NX_FEAT(NX_G_ORG_HEAD) | NX_FEAT(NX_G_TITLE)))) {
            k++;
        } else {
            break;
        }
    }
    /* (not the "and" before another person's name: "Political-Military
     * Affairs and Robert Danin"; before another word, no complement) */
    if (k > j && is_word(r, k - 1, NX_G_CONJUNCTION)) {
        const nx_token *n = k < r->n ? tok(r, k) : NULL;
        if (!n || !(n->fold_len == 1 || (n->shape & NX_SH_INITIAL) || (n->feat & (NX_FEAT(NX_G_HONORIFIC) | NX_FEAT(NX_G_GIVEN)))))
            return 0;
        k--;
    }
    if (k == j) return 0;
    /* a field or portfolio ("of Foreign Affairs", "of the Graduate
     * Programmes"), not a name ("chief executive of UniCredit", "singer of
     * Idlewild": the title's organisation) */
    if (!range_has(r, j, k, NX_FEAT(NX_G_TITLE_FIELD))) return 0;
    /* ("Vice-Rector for Academic Affairs Ainur Zhakupova": two or more
     * capitalised words after the last field word, none a field or a
     * name word the lists know, are the holder's name) */
    size_t last = k;
    while (last > j && !feat(r, last - 1, NX_FEAT(NX_G_TITLE_FIELD))) last--;
    if (k - last >= 2 && !range_has(r, last, k, NX_FEAT(NX_G_CONJUNCTION)) && !(k < r->n && capitalised(tok(r, k))))
        return last - i;
    /* a complement ends on a capitalised word and is followed by no more
     * name, unless what follows starts a person's name: an initial, an
     * honorific, a given name (Dean of Academic Affairs K Ratnabali) */
    if (k < r->n && capitalised(tok(r, k)) && r->owner[k] < 0) {
        const nx_token *n = tok(r, k);
        int name_start = n->fold_len == 1 || (n->shape & NX_SH_INITIAL) ||
                         (n->feat & (NX_FEAT(NX_G_HONORIFIC) | NX_FEAT(NX_G_GIVEN)));
        if (!name_start) return 0;
    }
    return k - i;
}

/* The index of the first gazetteer match at or after token i (n_gm when
 * none). */
static size_t first_match_from(const rctx *r, size_t i) {
    const nx_gmatch *gm = r->doc->gm;
    size_t lo = 0, hi = r->doc->n_gm;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (gm[mid].t0 < i) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

/* Whether a title gazetteer match starts at token i (m: the next match index). */
static int starts_title(const rctx *r, size_t m, size_t i) {
    const nx_document *doc = r->doc;
    while (m < doc->n_gm && doc->gm[m].t0 < i) m++;
    return m < doc->n_gm && doc->gm[m].t0 == i && title_entry(r, &doc->gm[m]) != NULL;
}

/* "American Federation of Teachers", "Institute of Field Archaeologists":
 * capitalised words after a capitalised organisation head and its linker
 * (of, for), up to i, which ends them: a plural title there names the
 * organisation's members, it is no title. (Not when a capitalised word
 * follows: "the Great Council of Chiefs Ratu Ovini Bokini", a list without
 * commas, keeps its title.) */
static int members_of_org_name(const rctx *r, size_t i) {
    if (i + 1 < r->n && capitalised(tok(r, i + 1)) && same_line(r, i, i + 1)) return 0;
    size_t j = i;
    while (j > 0 && i - j < 3 && capitalised(tok(r, j - 1)) && same_line(r, j - 1, i)) j--;
    if (j < 2 || !is_word(r, j - 1, NX_G_NAME_LINKER) || !capitalised(tok(r, j - 2)) ||
        !feat(r, j - 2, NX_FEAT(NX_G_ORG_HEAD)) || !same_line(r, j - 2, i))
        return 0;
    /* a bare "Board of Directors" names no one's board: "directors" stays
     * a title unless a name comes before ("the Florida Board of Governors") */
    size_t h = j - 2;
    return !is_word(r, h, NX_G_BOARD_WORD) || (h > 0 && capitalised(tok(r, h - 1)) && !stop(r, h - 1) && same_line(r, h - 1, h));
}

/* "Kenya's Interior Cabinet Secretary", "Kenyan Interior Cabinet
 * Secretary": a capitalised field word f right after a country's
 * possessive or a nationality names the portfolio of that country's
 * office, not a body (alone, "Energy Secretary X" names the department). */
static int country_portfolio(const rctx *r, size_t f) {
    if (f == 0 || !feat(r, f, NX_FEAT(NX_G_TITLE_FIELD)) || !capitalised(tok(r, f))) return 0;
    size_t p = f - 1;
    int poss = (tok(r, p)->shape & NX_SH_POSS) != 0;
    if (poss && r->owner[p] < 0 && r->gz_at[p] < 0 && p > 0) p--; /* (the 's as a token of its own) */
    if (!poss && feat(r, p, NX_FEAT(NX_G_DEMONYM)) && capitalised(tok(r, p))) return 1;
    int32_t o = r->owner[p] >= 0 ? r->owner[p] : r->gz_at[p];
    if (o < 0 || SPAN(r->doc, o)->t1 != p + 1) return 0;
    return (SPAN(r->doc, o)->type == NX_PLACE && poss) || SPAN(r->doc, o)->type == NX_NATIONALITY;
}

static nx_status titles(rctx *r) {
    nx_document *doc = r->doc;
    size_t n_starts, next = 0;
    const title_start *starts = title_starts(r, &n_starts);
    if (!starts) return NX_ERR_NOMEM;
    for (size_t c = 0; c < n_starts; c++) {
        size_t i = starts[c].tok, k = starts[c].gm;
        if (i < next) continue; /* inside the title before */
        const nx_entry *e = NULL;
        size_t a = i, b = i + 1;
        int plural = 0;
        if (starts[c].at_gm) {
            e = title_entry(r, &doc->gm[k]);
            if (e) b = doc->gm[k].t1;
        }
        if (!e && starts[c].plural && !(capitalised(tok(r, i)) && members_of_org_name(r, i))) {
            e = &r->g->entries[starts[c].plural - 1];
            plural = 1;
        }
        /* "Secretary of the Treasury": an organisation inside a longer
         * title is the title's organisation, the head word alone its title
         * (as the issue's grammar reads a complement that names one) */
        if (e && b > i + 1 && blocked_range(r, a, b) && !blocked_range(r, i, i + 1)) {
            const nx_entry *head = word_title_entry(r, i);
            if (head) e = head, b = i + 1;
        }
        /* "Teaneck High School Principal Angela Davis": an organisation's
         * head word inside a capitalised title after another capitalised
         * word (no portfolio: "Treasury Cabinet Secretary") ends that
         * organisation's name; the title is its last word */
        if (e && b > i + 1 && i > 0 && capitalised(tok(r, i)) && capitalised(tok(r, i - 1)) &&
            !feat(r, i - 1, NX_FEAT(NX_G_TITLE) | NX_FEAT(NX_G_TITLE_MOD) | NX_FEAT(NX_G_HONORIFIC) | NX_FEAT(NX_G_TITLE_FIELD)) &&
            same_line(r, i - 1, i) &&
            range_has(r, i, b - 1, NX_FEAT(NX_G_ORG_HEAD)) && !range_has(r, i, b, NX_FEAT(NX_G_NAME_LINKER))) {
            /* (the capitalised words before it name no person, "Prime
             * Minister Lee Kuan Yew Press Secretary", and end no longer
             * name, "Banc of America Securities analyst") */
            size_t s0 = i - 1;
            while (s0 > 0 && capitalised(tok(r, s0 - 1)) && !feat(r, s0 - 1, NX_FEAT(NX_G_TITLE) | NX_FEAT(NX_G_TITLE_MOD)) &&
                   same_line(r, s0 - 1, s0))
                s0--;
            const nx_entry *last = word_title_entry(r, b - 1);
            if (last && !(feat(r, s0, NX_FEAT(NX_G_GIVEN)) && !(r->gz_at[s0] >= 0 && SPAN(doc, r->gz_at[s0])->type == NX_PLACE)) &&
                !(s0 > 0 && (feat(r, s0 - 1, NX_FEAT(NX_G_TITLE) | NX_FEAT(NX_G_HONORIFIC)) || is_word(r, s0 - 1, NX_G_NAME_LINKER))))
                e = last, i = a = b - 1;
        }
        if (!e || blocked_range(r, a, b)) continue;
        /* "served under Secretary of State Hamilton Fish": a title's first
         * word in lower case before its capitalised rest is no part of it
         * (the title starting at the next word is read instead) */
        if (b > i + 1 && (tok(r, i)->shape & NX_SH_LOWER) && is_word(r, i, NX_G_FUNCTION_WORD) && capitalised(tok(r, i + 1))) continue;
        /* "Deputy Minister", "Vice Chairman": a word that is both a modifier
         * and a title is the modifier of a title right after it */
        if (b == i + 1 && feat(r, i, NX_FEAT(NX_G_TITLE_MOD)) && i + 1 < r->n &&
            (starts_title(r, (starts[c].at_gm ? k : first_match_from(r, i)) + 1, i + 1) ||
             /* ("Chief executives A and B": a plural title after it) */
             (c + 1 < n_starts && starts[c + 1].tok == i + 1 && starts[c + 1].plural)))
            continue;
        /* a title word followed by 's is a possessor, still a title; one
         * followed by a capitalised organisation head is part of a name */
        if (b < r->n && (tok(r, b)->feat & NX_FEAT(NX_G_ORG_HEAD)) && capitalised(tok(r, i)) && capitalised(tok(r, b)))
            continue;
        /* "Mervyn King", "John Major": a one-word title right after a
         * given name that starts a name (after a title, an honorific or no
         * capitalised word), opening no "of" complement and no name of its
         * own, is a surname */
        if (b == i + 1 && i > 0 && capitalised(tok(r, i)) && !(tok(r, i)->shape & NX_SH_ALLCAPS) &&
            capitalised(tok(r, i - 1)) && feat(r, i - 1, NX_FEAT(NX_G_GIVEN)) && same_line(r, i - 1, i) &&
            !feat(r, i - 1, NX_FEAT(NX_G_TITLE) | NX_FEAT(NX_G_TITLE_MOD)) && !is_word(r, b, NX_G_GENITIVE) &&
            !(b < r->n && capitalised(tok(r, b))) &&
            (i < 2 || !capitalised(tok(r, i - 2)) || feat(r, i - 2, NX_FEAT(NX_G_TITLE) | NX_FEAT(NX_G_HONORIFIC))))
            continue;
        /* "Secretary of State Dean Acheson", "Senator Dean Martin": a
         * one-word title that is also a given name, right after another
         * title and before one capitalised word that ends the name, is the
         * given name ("President General Pervez Musharraf" keeps its rank:
         * a given name follows it) */
        if (b == i + 1 && i > 0 && r->title_tok[i - 1] && capitalised(tok(r, i)) && !(tok(r, i)->shape & NX_SH_ALLCAPS) &&
            feat(r, i, NX_FEAT(NX_G_GIVEN)) && b < r->n && capitalised(tok(r, b)) && !(tok(r, b)->shape & NX_SH_ALLCAPS) &&
            !feat(r, b, NX_FEAT(NX_G_TITLE) | NX_FEAT(NX_G_HONORIFIC)) &&
            feat(r, b, NX_FEAT(NX_G_SURNAME)) && r->gz_at[b] < 0 &&
            same_line(r, i, b) && !(b + 1 < r->n && capitalised(tok(r, b + 1))))
            continue;
        /* "Earl Warren", "Duke Ellington": a peer's rank (data: state-title
         * kind=peer) that is also a given name, right before a capitalised
         * word with no "of" and after no determiner or ordinal ("the second
         * Baron Hastings", "1st Baron Alanbrooke"), is the given name; a royal rank stays a title
         * (Prince Charles) */
        if (b == i + 1 && capitalised(tok(r, i)) && !(tok(r, i)->shape & NX_SH_ALLCAPS) && feat(r, i, NX_FEAT(NX_G_GIVEN)) &&
            b < r->n && capitalised(tok(r, b)) && !(tok(r, b)->shape & NX_SH_ALLCAPS) && same_line(r, i, b) &&
            !feat(r, b, NX_FEAT(NX_G_TITLE) | NX_FEAT(NX_G_HONORIFIC)) &&
            !(i > 0 && (is_word(r, i - 1, NX_G_DETERMINER) || tok(r, i - 1)->kind == NX_TOK_NUM ||
                        ((tok(r, i - 1)->shape & NX_SH_LOWER) && feat(r, i - 1, NX_FEAT(NX_G_TEMPORAL))))) &&
            word_of_class(r, tok(r, i)->fold, tok(r, i)->fold_len, NX_G_STATE_TITLE, "peer"))
            continue;
        /* modifiers before: Executive Vice President, former chairman */
        uint8_t status = NX_STATUS_CURRENT;
        while (a > 0 && (tok(r, a - 1)->feat & NX_FEAT(NX_G_TITLE_MOD)) && r->owner[a - 1] < 0 &&
               !doc->blocked[a - 1] && same_line(r, a - 1, a)) {
            a--;
        }
        /* "the culture secretary", "the marketing director": up to two
         * field words in lower case right before a title in lower case are
         * its portfolio (capitalised, "Energy Secretary X" names the
         * department, read as the organisation before the title) */
        size_t unfielded = a;
        if (a == i && country_portfolio(r, a - 1) && capitalised(tok(r, i)) && r->owner[a - 1] < 0 && !doc->blocked[a - 1] &&
            same_line(r, a - 1, a))
            a--;
        for (int n = 0; n < 2 && a == i - (size_t)n && a > 0 && (tok(r, i)->shape & NX_SH_LOWER) &&
                        (tok(r, a - 1)->shape & NX_SH_LOWER) && feat(r, a - 1, NX_FEAT(NX_G_TITLE_FIELD)) &&
                        !feat(r, a - 1, NX_FEAT(NX_G_TITLE_MOD) | NX_FEAT(NX_G_FUNCTION_WORD)) && r->owner[a - 1] < 0 &&
                        !doc->blocked[a - 1] && same_line(r, a - 1, a);
             n++)
            a--;
        /* (the whole phrase only: not "country music artist", "fine art
         * photographer", "said regional president": a lower-case word or a
         * hyphen before it that the phrase would cut) */
        if (a < unfielded && a > 0 && ((tok(r, a - 1)->kind == NX_TOK_WORD && (tok(r, a - 1)->shape & NX_SH_LOWER) &&
                                !feat(r, a - 1, NX_FEAT(NX_G_FUNCTION_WORD) | NX_FEAT(NX_G_DETERMINER) | NX_FEAT(NX_G_TITLE_MOD) |
                                                    NX_FEAT(NX_G_TITLE_ADJECTIVE))) ||
                               is_punct(r, a - 1, '-')))
            a = unfielded;
        char val[256];
        size_t vl = 0;
        val[0] = '\0';
        int lead_word = 0; /* the first word is left out of the value (former, first) */
        for (size_t t = a; t < i; t++) {
            const nx_token *m = tok(r, t);
            uint32_t node = nx_gazetteer_word(r->g, m->fold, m->fold_len);
            int skip_word = 0;
            for (uint32_t x = node ? nx_gnode_first(r->g, node) : 0; x; x = nx_gnode_next(r->g, x)) {
                const nx_entry *me = &r->g->entries[x - 1];
                if (me->cls != NX_G_TITLE_MOD || !me->status) continue;
                status = me->status;
                /* a word with a status says when, it is no part of the
                 * title: former, incoming, and also current, incumbent,
                 * outgoing, sitting ("acting", which has none, is) */
                skip_word = 1;
            }
            /* "the first president of X", "Israel's first Prime Minister":
             * an ordinal (a temporal word that is a title adjective) in
             * lower case after a determiner or a possessive counts the
             * holders; it is no rank of the title (First Deputy Prime
             * Minister is) */
            if (t == a && t > 0 && (m->shape & NX_SH_LOWER) && (m->feat & NX_FEAT(NX_G_TEMPORAL)) &&
                (m->feat & NX_FEAT(NX_G_TITLE_ADJECTIVE)) &&
                (feat(r, t - 1, NX_FEAT(NX_G_DETERMINER)) || (tok(r, t - 1)->shape & NX_SH_POSS)))
                skip_word = 1;
            if (!skip_word) append_fold(val, sizeof val, &vl, m->fold, m->fold_len);
            else if (t == a) lead_word = 1;
        }
        const char *core = e->value ? nx_gstr(r->g, e->value) : NULL;
        if (core && *core) {
            append_fold(val, sizeof val, &vl, core, strlen(core));
        } else {
            for (size_t t = i; t < b; t++) append_fold(val, sizeof val, &vl, tok(r, t)->fold, tok(r, t)->fold_len);
        }
        size_t comp = title_complement(r, b);
        for (size_t t = b; t < b + comp; t++) append_fold(val, sizeof val, &vl, tok(r, t)->fold, tok(r, t)->fold_len);
        b += comp;
        int32_t id = add_span_src(r, a, b, NX_TITLE, NX_RULE_GAZETTEER, e->source);
        if (id < 0) return NX_ERR_NOMEM;
        nx_span *s = SPAN(doc, id);
        s->value = nx_arena_strndup(&doc->arena, val, vl);
        if (!s->value) return NX_ERR_NOMEM;
        s->kind = e->kind ? nx_gstr(r->g, e->kind) : NULL;
        s->status = status;
        if (plural) s->flags |= NX_SPAN_PLURAL;
        if (lead_word && b > a + 1) s->flags |= NX_SPAN_LEAD_WORD;
        for (size_t t = a; t < b; t++) r->title_tok[t] = 1;
        next = b;
    }
    return NX_OK;
}

/* The status a one-word title modifier says (data: elect, designate, then,
 * ex), or 0. */
static uint8_t modifier_status(const rctx *r, const char *fold, size_t len) {
    return nx_gazetteer_modifier_status(r->g, fold, len, NULL);
}

/* "Former" opening a sentence: a title modifier whose status is former
 * (data: former, ex, then, late). */
static int former_word(const rctx *r, size_t i) {
    return tok(r, i)->sent_start && feat(r, i, NX_FEAT(NX_G_TITLE_MOD)) && !stop(r, i) && !feat(r, i, NX_FEAT(NX_G_TEMPORAL)) &&
           modifier_status(r, tok(r, i)->fold, tok(r, i)->fold_len) == NX_STATUS_FORMER;
}

/* "President-elect Barack Obama", "the prime minister-designate", "then-Prime
 * Minister Tony Blair", "ex-president": a title and a title modifier with a
 * status written as one token with a hyphen, the modifier after the last
 * hyphen or before the first. The title is the rest of the token, one word
 * or two with the word next to it on the rest's side ("Prime
 * Minister-elect", "then-Prime Minister"); the modifier gives the status
 * and is no part of the value (as former is not). */
/* Whether fold[0..f) and a hyphen is a title modifier written as a prefix
 * in the data ("co-": the model keeps it as the word and the hyphen). */
static int prefix_modifier(const rctx *r, const char *fold, size_t f) {
    uint32_t w = f ? nx_gazetteer_word(r->g, fold, f) : 0;
    uint32_t node = w ? nx_gazetteer_child(r->g, w, "-", 1, nx_gtoken_hash("-", 1)) : 0;
    for (uint32_t x = node ? nx_gnode_first(r->g, node) : 0; x; x = nx_gnode_next(r->g, x))
        if (r->g->entries[x - 1].cls == NX_G_TITLE_MOD) return 1;
    return 0;
}

static nx_status hyphen_status_titles(rctx *r) {
    nx_document *doc = r->doc;
    for (size_t c = 0; c < r->n_rare; c++) {
        size_t i = r->rare[c];
        const nx_token *t = tok(r, i);
        if (!(t->shape & NX_SH_HYPHEN) || t->kind != NX_TOK_WORD || r->owner[i] >= 0 || doc->blocked[i]) continue;
        size_t h = t->fold_len, f = 0;
        while (h > 0 && t->fold[h - 1] != '-') h--;
        while (f < t->fold_len && t->fold[f] != '-') f++;
        if (h < 2 || h == t->fold_len || f + 1 >= t->fold_len) continue;
        const char *rest;
        size_t rest_len, a = i, b = i + 1;
        size_t other; /* the word a two-word title takes: before or after */
        int is_mod = 0, keep_mod = 0;
        uint8_t status = modifier_status(r, t->fold + h, t->fold_len - h);
        if (status == NX_STATUS_FUTURE) {
            rest = t->fold, rest_len = h - 1, other = i - 1;
        } else if ((status = nx_gazetteer_modifier_status(r->g, t->fold, f, &is_mod)) != 0 ||
                   (status = nx_gazetteer_modifier_status(r->g, t->fold, f + 1, &is_mod)) != 0 || is_mod ||
                   prefix_modifier(r, t->fold, f)) {
            /* "vice-chairman", "Senior-General", "co-founder": a modifier
             * with no status stays in the value ("vice chairman") */
            rest = t->fold + f + 1, rest_len = t->fold_len - f - 1, other = i + 1;
            keep_mod = !status;
            if (!status) status = NX_STATUS_CURRENT;
        } else {
            continue;
        }
        const nx_entry *e = NULL;
        /* a two-word title: "Prime Minister-elect", "then-Prime Minister" */
        if (other < r->n && r->owner[other] < 0 && !doc->blocked[other] && same_line(r, other < i ? other : i, other < i ? i : other)) {
            const nx_token *o = tok(r, other);
            uint32_t first = other < i ? nx_gazetteer_word(r->g, o->fold, o->fold_len) : nx_gazetteer_word(r->g, rest, rest_len);
            uint32_t node = !first ? 0
                            : other < i ? nx_gazetteer_child(r->g, first, rest, rest_len, nx_gtoken_hash(rest, rest_len))
                                        : nx_gazetteer_child(r->g, first, o->fold, o->fold_len, o->fold_hash);
            size_t a2 = other < i ? other : i, b2 = other < i ? i + 1 : other + 1;
            if (node && (e = title_entry_at(r, node, a2, b2)) != NULL) a = a2, b = b2;
        }
        if (!e) e = title_entry_at(r, nx_gazetteer_word(r->g, rest, rest_len), i, i + 1);
        if (!e && t->fold_len == t->b1 - t->b0) /* (an ASCII token: its folded offsets are the text's) */
            e = part_title_entry(r, nx_gazetteer_word(r->g, rest, rest_len), t, (size_t)(rest - t->fold), rest_len);
        if (!e) continue;
        /* "Deputy Vice-Chancellor", "Acting Vice-President": modifiers with
         * no status before it are the title's (a one-word title that is
         * also a modifier, "Deputy", was read on its own: it is dropped) */
        size_t m = a;
        while (keep_mod && m > 0 && feat(r, m - 1, NX_FEAT(NX_G_TITLE_MOD)) && !doc->blocked[m - 1] && same_line(r, m - 1, m) &&
               !modifier_status(r, tok(r, m - 1)->fold, tok(r, m - 1)->fold_len) &&
               (r->owner[m - 1] < 0 || (SPAN(doc, r->owner[m - 1])->type == NX_TITLE && SPAN(doc, r->owner[m - 1])->t0 == m - 1 &&
                                         SPAN(doc, r->owner[m - 1])->t1 == m)))
            m--;
        for (size_t k = m; k < a; k++)
            if (r->owner[k] >= 0) {
                nx_doc_drop_span(doc, r->owner[k]);
                r->owner[k] = -1;
            }
        char val[128];
        size_t vl = 0;
        val[0] = '\0';
        for (size_t k = m; k < a; k++) append_fold(val, sizeof val, &vl, tok(r, k)->fold, tok(r, k)->fold_len);
        a = m;
        const char *core = e->value ? nx_gstr(r->g, e->value) : NULL;
        if (keep_mod) append_fold(val, sizeof val, &vl, t->fold, f);
        if (core && *core) {
            append_fold(val, sizeof val, &vl, core, strlen(core));
        } else {
            if (a < i) append_fold(val, sizeof val, &vl, tok(r, a)->fold, tok(r, a)->fold_len);
            append_fold(val, sizeof val, &vl, rest, rest_len);
            if (b > i + 1) append_fold(val, sizeof val, &vl, tok(r, i + 1)->fold, tok(r, i + 1)->fold_len);
        }
        /* "Vice-Rector for Academic Affairs": its field, as a title's */
        size_t comp = status == NX_STATUS_CURRENT ? title_complement(r, b) : 0;
        for (size_t k = b; k < b + comp; k++) append_fold(val, sizeof val, &vl, tok(r, k)->fold, tok(r, k)->fold_len);
        b += comp;
        int32_t id = add_span(r, a, b, NX_TITLE, NX_RULE_TITLE_HYPHENATED);
        if (id < 0) return NX_ERR_NOMEM;
        nx_span *s = SPAN(doc, id);
        s->value = nx_arena_strndup(&doc->arena, val, vl);
        if (!s->value) return NX_ERR_NOMEM;
        s->status = status;
        for (size_t k = a; k < b; k++) r->title_tok[k] = 1;
    }
    return NX_OK;
}

/* Membership nouns that are titles: "Gaddum, a member of the Bundesbank
 * board" (after "a", "of [the]", a gazetteer organisation and a board word:
 * "board member", whose "of" part names the organisation); "elected Viola as
 * an at-large member" (after "as a|an [word]": "member"). */
static nx_status board_members(rctx *r) {
    nx_document *doc = r->doc;
    for (size_t c = 0; c < r->n_rare; c++) {
        size_t i = r->rare[c];
        if (i < 2 || !is_word(r, i, NX_G_MEMBERSHIP_NOUN)) continue; /* both readings need one (most tokens are none) */
        /* "Vincent Viola as an at-large member": a membership noun as the
         * role a person is elected or named to is a title ("member") */
        size_t d = i - 1;
        if (d > 1 && !is_word(r, d, NX_G_INDEFINITE) && (tok(r, d)->shape & NX_SH_LOWER) && r->owner[d] < 0) d--;
        if (is_word(r, i, NX_G_MEMBERSHIP_NOUN) && (tok(r, i)->shape & NX_SH_LOWER) && is_word(r, d, NX_G_INDEFINITE) &&
            d > 0 && is_word(r, d - 1, NX_G_ROLE_MARKER) && is_word(r, d - 1, NX_G_TITLE_VERB) && r->owner[i] < 0 &&
            !doc->blocked[i] && !is_word(r, i + 1, NX_G_GENITIVE) &&
            /* (the role one is named to: not after another verb, "ran as
             * a candidate", "was chosen as a candidate") */
            !(d > 1 && tok(r, d - 2)->kind == NX_TOK_WORD && (tok(r, d - 2)->shape & NX_SH_LOWER) &&
              !feat(r, d - 2, NX_FEAT(NX_G_NAMING_VERB) | NX_FEAT(NX_G_COPULA) | NX_FEAT(NX_G_AUXILIARY)))) {
            /* (the span keeps its adjective, the value is the noun) */
            int32_t id = add_span(r, d + 1, i + 1, NX_TITLE, NX_RULE_TITLE_MEMBER_ROLE);
            if (id < 0) return NX_ERR_NOMEM;
            SPAN(doc, id)->value = nx_arena_strndup(&doc->arena, tok(r, i)->fold, tok(r, i)->fold_len);
            if (!SPAN(doc, id)->value) return NX_ERR_NOMEM;
            SPAN(doc, id)->status = NX_STATUS_CURRENT;
            for (size_t t = d + 1; t <= i; t++) r->title_tok[t] = 1;
            continue;
        }
        if (i + 3 >= r->n) continue;
        if (!is_word(r, i, NX_G_MEMBERSHIP_NOUN) || !(tok(r, i)->shape & NX_SH_LOWER) || !is_word(r, i - 1, NX_G_INDEFINITE) ||
            !is_word(r, i + 1, NX_G_GENITIVE) || r->owner[i] >= 0 || doc->blocked[i])
            continue;
        size_t j = i + 2;
        if (is_word(r, j, NX_G_DEFINITE)) j++;
        if (j >= r->n || r->gz_at[j] < 0 || SPAN(doc, r->gz_at[j])->type != NX_ORGANIZATION) continue;
        size_t e = SPAN(doc, r->gz_at[j])->t1;
        if (e >= r->n || !is_word(r, e, NX_G_BOARD_WORD) || !(tok(r, e)->shape & NX_SH_LOWER) || r->owner[e] >= 0) continue;
        char val[128];
        size_t vl = 0;
        val[0] = '\0';
        append_fold(val, sizeof val, &vl, tok(r, e)->fold, tok(r, e)->fold_len);
        append_fold(val, sizeof val, &vl, tok(r, i)->fold, tok(r, i)->fold_len);
        int32_t id = add_span(r, i, i + 1, NX_TITLE, NX_RULE_TITLE_BOARD_MEMBER);
        if (id < 0) return NX_ERR_NOMEM;
        SPAN(doc, id)->value = nx_arena_strndup(&doc->arena, val, vl);
        if (!SPAN(doc, id)->value) return NX_ERR_NOMEM;
        SPAN(doc, id)->status = NX_STATUS_CURRENT;
        r->title_tok[i] = 1;
    }
    return NX_OK;
}

/* ---- capitalised chunks ----------------------------------------------------- */

/* A name unit at i: a gazetteer entity span, or one capitalised word.
 * Returns its end, or i when there is none. */
static inline __attribute__((always_inline)) size_t unit_at(const rctx *r, size_t i) {
    if (i >= r->n || r->doc->blocked[i] || r->title_tok[i]) return i;
    if (r->gz_at[i] >= 0) return SPAN(r->doc, r->gz_at[i])->t1;
    if (r->owner[i] >= 0) return i;
    const nx_token *t = tok(r, i);
    if (!capitalised(t) && !particle_word(r, i)) return i;
    return i + 1;
}

static int head_feat(const rctx *r, size_t i) {
    return feat(r, i, NX_FEAT(NX_G_ORG_HEAD) | NX_FEAT(NX_G_ORG_SUFFIX));
}

static int range_has(const rctx *r, size_t a, size_t b, uint64_t f) {
    for (size_t i = a; i < b; i++)
        if (feat(r, i, f)) return 1;
    return 0;
}

/* Whether the suffix word at a, which opens a name, closes nothing there: a
 * word such as International or Group, spelt out, not after a comma
 * ("International Cooperation and Exchange Office"; not the legal form of
 * "PSA Airlines , Inc. and Piedmont Airlines") */
static int opening_suffix(const rctx *r, size_t a) {
    return feat(r, a, NX_FEAT(NX_G_ORG_SUFFIX)) && !feat(r, a, NX_FEAT(NX_G_ORG_HEAD)) && !(tok(r, a)->shape & NX_SH_ABBREV) &&
           !(a > 0 && tok(r, a - 1)->kind == NX_TOK_PUNCT);
}

/* The first word of the name a chunk from a holds: over a capitalised stop
 * word opening a sentence ("The International Cooperation ...") */
static size_t name_opener(const rctx *r, size_t a) {
    return stop(r, a) && tok(r, a)->sent_start && !feat(r, a, NX_FEAT(NX_G_GIVEN) | NX_FEAT(NX_G_SURNAME)) ? a + 1 : a;
}

/* Gazetteer kinds of place a rule reads (is_kind): a country alone; a city
 * or a town. */
static const char *const COUNTRY_KIND[] = {"country", NULL};
static const char *const TOWN_KINDS[] = {"city", "town", NULL};

static int is_country(const nx_span *s);
static int head_ahead(const rctx *r, size_t i);

/* Whether connector token j joins chunk [a, j) with the unit after it. */
static int is_kind(const nx_span *s, const char *const *kinds);

/* "Nintendo of America": [a, j) is one gazetteer organisation (not ending
 * in a legal form: "Dow Chemical Co of ..." says where it is from) and "of"
 * at j names a country right after it that ends the name ("Gold Fields of
 * South Africa Ltd" is a name of its own). */
static int org_of_country_at(const rctx *r, size_t a, size_t j) {
    const nx_document *doc = r->doc;
    return j > a && r->gz_at[a] >= 0 && SPAN(doc, r->gz_at[a])->type == NX_ORGANIZATION && SPAN(doc, r->gz_at[a])->t1 == j &&
           is_word(r, j, NX_G_GENITIVE) && (tok(r, j)->shape & NX_SH_LOWER) && !feat(r, j - 1, NX_FEAT(NX_G_ORG_SUFFIX)) &&
           j + 1 < r->n && r->gz_at[j + 1] >= 0 && SPAN(doc, r->gz_at[j + 1])->type == NX_PLACE &&
           is_kind(SPAN(doc, r->gz_at[j + 1]), COUNTRY_KIND) && !r->headline[a] &&
           !(SPAN(doc, r->gz_at[j + 1])->t1 < r->n && capitalised(tok(r, SPAN(doc, r->gz_at[j + 1])->t1)));
}

static int joins(const rctx *r, size_t a, size_t j, size_t *next_start) {
    const nx_token *c = tok(r, j);
    *next_start = j + 1;
    if (c->kind == NX_TOK_PUNCT && c->fold_len == 1 && c->fold[0] == '&') return unit_at(r, j + 1) > j + 1;
    /* "Jean - Baptiste Lamarck", "Edward Burne - Jones": text written as
     * tokens (a space on each side of every hyphen) splits a hyphenated
     * name; after a given name, a lone hyphen between two capitalised words
     * that no entry reads joins them */
    if (c->kind == NX_TOK_PUNCT && c->fold_len == 1 && c->fold[0] == '-' && c->brk == NX_BRK_SPACE && j + 1 < r->n &&
        tok(r, j + 1)->brk == NX_BRK_SPACE && !r->sports && !r->headline[j] && j > a) {
        const nx_token *x = tok(r, j - 1), *y = tok(r, j + 1);
        /* "Berlin - Brandenburg Academy of Sciences", "Disney - ABC
         * Television Group": so too a hyphen between two capitalised words
         * whose name after it reaches an organisation head */
        if (capitalised(x) && capitalised(y) && !(x->shape & NX_SH_ALLCAPS) && !(x->feat & NX_FEAT(NX_G_TITLE)) &&
            !head_feat(r, j - 1) && head_ahead(r, j + 1) && same_line(r, j - 1, j + 1))
            return 1;
        /* (not after a title, an honorific or a word of place names) */
        return capitalised(x) && capitalised(y) && !(x->shape & NX_SH_ALLCAPS) && !(y->shape & NX_SH_ALLCAPS) &&
               !(x->feat & (NX_FEAT(NX_G_HONORIFIC) | NX_FEAT(NX_G_TITLE) | NX_FEAT(NX_G_PLACE_HEAD))) &&
               r->gz_at[j - 1] < 0 && r->gz_at[j + 1] < 0 && range_has(r, a, j, NX_FEAT(NX_G_GIVEN)) &&
               unit_at(r, j + 1) == j + 2;
    }
    if (c->kind != NX_TOK_WORD || !(c->shape & NX_SH_LOWER)) return 0;
    if (is_word(r, j, NX_G_NAME_LINKER)) {
        if (!range_has(r, a, j, NX_FEAT(NX_G_ORG_HEAD) | NX_FEAT(NX_G_PLACE_HEAD)) && !org_of_country_at(r, a, j)) return 0;
        /* (a legal form closes a company's name: "Kia Motor Corp of South
         * Korea" says where it is from) */
        if (feat(r, j - 1, NX_FEAT(NX_G_ORG_SUFFIX)) && !feat(r, j - 1, NX_FEAT(NX_G_ORG_HEAD)) && (tok(r, j - 1)->shape & NX_SH_CAP) &&
            j - 1 > a)
            return 0;
        size_t s = j + 1;
        if (is_word(r, s, NX_G_DEFINITE)) s++;
        *next_start = s;
        /* "the Higher Secretariat of Brazil's Ministry of Education": a
         * country (without "the") that possesses another organisation's
         * name opens a new phrase ("the Parliament of the United Kingdom's
         * Independence Act" stays one) */
        if (s == j + 1 && s < r->n && r->gz_at[s] >= 0 && SPAN(r->doc, r->gz_at[s])->type == NX_PLACE &&
            is_country(SPAN(r->doc, r->gz_at[s]))) {
            size_t e = SPAN(r->doc, r->gz_at[s])->t1;
            if (e + 1 < r->n && (tok(r, e)->shape & NX_SH_POSS) && capitalised(tok(r, e + 1)) && head_ahead(r, e + 1)) return 0;
        }
        /* University of Delhi on Thursday: a date is not part of the name */
        return unit_at(r, s) > s && !feat(r, s, NX_FEAT(NX_G_MONTH) | NX_FEAT(NX_G_WEEKDAY));
    }
    if (is_word(r, j, NX_G_CONJUNCTION)) {
        /* "in Japan and Warner Records": a known entity alone before the
         * conjunction and an unknown word after it are two names, not one
         * ("the Baltimore and Ohio Railroad" joins two known ones) */
        if (r->gz_at[a] >= 0 && SPAN(r->doc, r->gz_at[a])->t1 == j && j + 1 < r->n && r->gz_at[j + 1] < 0) return 0;
        /* (nor after a known organisation: "KeyCorp and Banc One Corp.",
         * "Sky and Virgin Media" are two) */
        if (r->owner[j - 1] >= 0 && SPAN(r->doc, r->owner[j - 1])->t1 == j &&
            SPAN(r->doc, r->owner[j - 1])->type == NX_ORGANIZATION && SPAN(r->doc, r->owner[j - 1])->rule == NX_RULE_GAZETTEER)
            return 0;
        size_t k = j + 1, e;
        while ((e = unit_at(r, k)) > k) k = e;
        if (k == j + 1) return 0;
        /* Science and Technology University: an organisation head closes
         * the words that follow and none came before ("Health and Human
         * Services Donna Shalala": a name may follow the head, which
         * closes the organisation's name there; not after a name: "Bud
         * Peterson and University System of Georgia Chancellor X") */
        size_t o = name_opener(r, a);
        if (!range_has(r, a, j, NX_FEAT(NX_G_ORG_HEAD)) && !range_has(r, opening_suffix(r, o) ? o + 1 : a, j, NX_FEAT(NX_G_ORG_SUFFIX))) {
            /* (a person's full name before the conjunction: "Turkish
             * President Ahmet Necdet Sezer and Parliament Speaker X") */
            const uint64_t not_name = NX_FEAT(NX_G_ORG_HEAD) | NX_FEAT(NX_G_PLACE_HEAD) | NX_FEAT(NX_G_TITLE_FIELD);
            int person_name = j - a >= 2 && feat(r, a, NX_FEAT(NX_G_GIVEN));
            for (size_t i = a; i < j && person_name; i++) person_name = r->gz_at[i] < 0 && !feat(r, i, not_name);
            /* (but "Charles Pratt and Company") */
            if (person_name && !(k == j + 2 && feat(r, j + 1, NX_FEAT(NX_G_ORG_SUFFIX) | NX_FEAT(NX_G_ORG_GENERIC)))) return 0;
            return head_feat(r, k - 1) || (range_has(r, j + 1, k, NX_FEAT(NX_G_ORG_HEAD)) &&
                                           !range_has(r, a, j, NX_FEAT(NX_G_GIVEN) | NX_FEAT(NX_G_SURNAME)));
        }
        /* Ministry of Education and Science, the National Council for Peace
         * and Order: inside the "of" (for, on) part, unless
         * another organisation follows (University of Delhi and Hiroshima
         * University) */
        for (size_t i = a; i < j; i++)
            if (is_word(r, i, NX_G_NAME_LINKER)) return !head_feat(r, k - 1) && k - j <= 3;
        return 0;
    }
    if (is_word(r, j, NX_G_NAME_PARTICLE)) {
        /* "Ursula von der Leyen": two particles in a row */
        if (is_word(r, j + 1, NX_G_NAME_PARTICLE) && (tok(r, j + 1)->shape & NX_SH_LOWER) && feat(r, a, NX_FEAT(NX_G_GIVEN)))
            *next_start = j + 2; /* (after a given name: not "Río de la Plata") */
        return unit_at(r, *next_start) > *next_start && !range_has(r, a, j, NX_FEAT(NX_G_ORG_HEAD));
    }
    return 0;
}

static int caption_after(const rctx *r, size_t i) {
    if (!is_punct(r, i, '(')) return 0;
    size_t j = i + 1;
    if (j < r->n && tok(r, j)->kind == NX_TOK_NUM) j++;
    if (!is_word(r, j, NX_G_CAPTION_WORD)) return 0;
    return is_punct(r, j + 1, ')');
}

/* After a determiner at j - 1: over up to two nationalities or title
 * adjectives ("a German actress", "the new Japanese ambassador"), a
 * lower-case title modifier and a place ("a former US Secretary of State",
 * "an Illinois politician"). */
/* The end of the demonym gazetteer match at token j ("Sri Lankan": two
 * words; its nationality span is made last), or j + 1. */
static size_t demonym_end(const rctx *r, size_t j) {
    const nx_gmatch *gm = r->doc->gm;
    const uint32_t *dem = r->gm_demonym; /* (those that may be one: few) */
    size_t lo = 0, hi = r->n_gm_demonym;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (gm[dem[mid]].t0 < j) lo = mid + 1;
        else hi = mid;
    }
    return lo < r->n_gm_demonym && gm[dem[lo]].t0 == j ? gm[dem[lo]].t1 : j + 1;
}

static size_t over_modifiers(const rctx *r, size_t j, int fields) {
    for (int k = 0; k < 3 && j < r->n && !r->title_tok[j]; k++) {
        if (r->owner[j] < 0 && (feat(r, j, NX_FEAT(NX_G_DEMONYM)) || demonym_end(r, j) > j + 1))
            j = demonym_end(r, j);
        else if (r->owner[j] < 0 && feat(r, j, NX_FEAT(NX_G_TITLE_ADJECTIVE)))
            j++;
        else if (r->owner[j] < 0 && feat(r, j, NX_FEAT(NX_G_TITLE_MOD)) && (tok(r, j)->shape & NX_SH_LOWER))
            j++;
        /* ("X, a former finance chief": a field in lower case, after a comma) */
        else if (fields && r->owner[j] < 0 && feat(r, j, NX_FEAT(NX_G_TITLE_FIELD)) && (tok(r, j)->shape & NX_SH_LOWER))
            j++;
        else if (r->owner[j] >= 0 && SPAN(r->doc, r->owner[j])->type == NX_PLACE && SPAN(r->doc, r->owner[j])->t0 == j)
            j = SPAN(r->doc, r->owner[j])->t1;
        else
            break;
    }
    return j;
}

/* ", [a|an|the] [German] <title>" after a name: an apposition. */
static int title_apposition_at(const rctx *r, size_t i);
static inline __attribute__((always_inline)) int title_apposition_after(const rctx *r, size_t i) {
    /* (a comma or a caption's parenthesis opens it: the shape inline, the
     * rest in a call) */
    return i < r->n && tok(r, i)->kind == NX_TOK_PUNCT ? title_apposition_at(r, i) : 0;
}
static int title_apposition_at(const rctx *r, size_t i) {
    if (caption_after(r, i)) {
        i += 3;
        while (i < r->n && !is_punct(r, i - 1, ')')) i++;
    }
    if (!is_punct(r, i, ',')) return 0;
    size_t j = i + 1;
    int opened = 1; /* 2: a determiner or a possessor opens the apposition */
    if (is_word(r, j, NX_G_DETERMINER)) j = over_modifiers(r, j + 1, 1), opened = 2;
    /* "Lavrov, Russia's foreign minister": a capitalised possessor */
    else if (j + 1 < r->n && capitalised(tok(r, j)) && (tok(r, j + 1)->shape & NX_SH_POSS))
        j = over_modifiers(r, j + 2, 1), opened = 2;
    return j < r->n && r->title_tok[j] && !(r->owner[j] >= 0 && (SPAN(r->doc, r->owner[j])->flags & NX_SPAN_PLURAL))
               ? opened
               : 0;
}

/* "Cracknell was appointed a Member", "Postmus was Chairman of": a copula
 * or title verb right after token i - 1, then (over a second such verb and
 * a determiner) a singular title. */
static int title_predicate_at(const rctx *r, size_t i);
static inline __attribute__((always_inline)) int title_predicate_after(const rctx *r, size_t i) {
    /* (the verb's features inline, the rest in a call) */
    return feat(r, i, NX_FEAT(NX_G_AUXILIARY) | NX_FEAT(NX_G_COPULA) | NX_FEAT(NX_G_TITLE_VERB)) ? title_predicate_at(r, i) : 0;
}
static int title_predicate_at(const rctx *r, size_t i) {
    if (!(is_word(r, i, NX_G_AUXILIARY) || is_word(r, i, NX_G_COPULA) || is_word(r, i, NX_G_TITLE_VERB)) ||
        !(tok(r, i)->shape & NX_SH_LOWER))
        return 0;
    size_t j = i + 1;
    /* "was also the Commander-in-Chief", "is currently chairman": adverbs
     * of the auxiliary class (as holds_title's copula walk reads them) */
    for (int k = 0; k < 2 && is_word(r, j, NX_G_AUXILIARY) && !is_word(r, j, NX_G_TITLE_VERB) &&
                    !is_word(r, j, NX_G_COPULA) && (tok(r, j)->shape & NX_SH_LOWER);
         k++)
        j++;
    /* "was named as", "also served as": up to two title verbs; "was sworn
     * in as": a placement linker between them */
    for (int k = 0; k < 2 && is_word(r, j, NX_G_TITLE_VERB) && (tok(r, j)->shape & NX_SH_LOWER); k++) {
        j++;
        if (k == 0 && is_word(r, j, NX_G_PLACEMENT_LINKER) && (tok(r, j)->shape & NX_SH_LOWER) && is_word(r, j + 1, NX_G_TITLE_VERB) &&
            (tok(r, j + 1)->shape & NX_SH_LOWER))
            j++;
    }
    /* "was Paris mayor": the modifiers without a determiner too */
    if (is_word(r, j, NX_G_DETERMINER)) j++;
    j = over_modifiers(r, j, 0);
    return j < r->n && r->title_tok[j] && !(r->owner[j] >= 0 && (SPAN(r->doc, r->owner[j])->flags & NX_SPAN_PLURAL));
}

/* A title (or "TITLE of ORG", or an honorific) right before token i. */
static int title_before(const rctx *r, size_t i) {
    return i > 0 && (r->title_tok[i - 1] || feat(r, i - 1, NX_FEAT(NX_G_HONORIFIC)));
}

/* Whether token i follows a bare title that also names a relation between
 * people (kind=relational: fellow, partner), which alone is no sign that a
 * one-word name follows: "his fellow Flow teammate", "a fellow Dane". */
static int relational_title_before(const rctx *r, size_t i) {
    const nx_span *t = i > 0 && r->title_tok[i - 1] && r->owner[i - 1] >= 0 ? SPAN(r->doc, r->owner[i - 1]) : NULL;
    return t && t->type == NX_TITLE && t->kind && !strcmp(t->kind, "relational") && t->t1 - t->t0 == 1;
}

/* The singular title span that "of" at token `of` completes, or -1. */
static int32_t title_of(const rctx *r, size_t of) {
    if (!is_word(r, of, NX_G_GENITIVE) || of == 0 || !r->title_tok[of - 1] || r->owner[of - 1] < 0) return -1;
    const nx_span *t = SPAN(r->doc, r->owner[of - 1]);
    return t->type == NX_TITLE && !(t->flags & NX_SPAN_PLURAL) ? r->owner[of - 1] : -1;
}

/* Whether a title span names an office a state, region or city confers. */
static int state_office(const rctx *r, int32_t t) {
    for (size_t i = SPAN(r->doc, t)->t0; i < SPAN(r->doc, t)->t1; i++)
        if (is_word(r, i, NX_G_STATE_TITLE) &&
            /* (one only after a nationality, "Libyan leader": "leader of
             * Mapai" names a party) */
            !word_of_class(r, tok(r, i)->fold, tok(r, i)->fold_len, NX_G_STATE_TITLE, "nationality"))
            return 1;
    return 0;
}

/* The place a state's office names right before token i: "the President of
 * South Africa Thabo Mbeki", "Prime Minister of India Narendra Modi". */
static int state_place_before(const rctx *r, size_t i) {
    if (i == 0 || r->owner[i - 1] < 0) return 0;
    const nx_span *p = SPAN(r->doc, r->owner[i - 1]);
    if (p->type != NX_PLACE || p->t1 != i || p->t0 < 2) return 0;
    int32_t t = title_of(r, p->t0 - 1);
    return t >= 0 && state_office(r, t);
}

static int titled_org_before(const rctx *r, size_t i) {
    /* the vice president of Carnegie Mellon University Kuen Jimmy Hsia;
     * Registrar of Delhi University, Vikas Gupta */
    if (tok(r, i)->shape & NX_SH_ALLCAPS) return 0; /* presidents of XJTU, KAZNU and AITU */
    if (state_place_before(r, i)) return 1;
    if (i >= 2 && is_punct(r, i - 1, ',')) i--;
    if (i == 0 || r->owner[i - 1] < 0) return 0;
    const nx_span *o = SPAN(r->doc, r->owner[i - 1]);
    if (o->type != NX_ORGANIZATION || o->t0 < 2) return 0;
    size_t of = o->t0 - 1;
    if (is_word(r, of, NX_G_DEFINITE) && of > 0) of--;
    return title_of(r, of) >= 0;
}

static int place_cue_before(const rctx *r, size_t i);

/* Whether a span's gazetteer kind is one of a NULL-terminated list. Kinds
 * (city, admin1, country, town ...) are the gazetteers' own vocabulary, the
 * `kind` attribute documented in gazetteers/README.md, not words of the
 * text: the rules name the kinds they treat alike here. */
static int is_kind(const nx_span *s, const char *const *kinds) {
    if (!s->kind) return 0;
    for (; *kinds; kinds++)
        if (strcmp(s->kind, *kinds) == 0) return 1;
    return 0;
}

static int is_country(const nx_span *s) {
    static const char *const country_kinds[] = {"country", "continent", "region", NULL};
    return is_kind(s, country_kinds);
}

/* A town is weak evidence: a person's name may start with one (Daman Saluja). */
static int is_town(const nx_span *s) { return s->kind && !strcmp(s->kind, "town"); }

/* The kinds of place a state's office is of: a country, a first-level
 * division (a city's mayor is left out: city names are too often names). */
static const char *const STATE_KINDS[] = {"country", "admin1", NULL};

static int gz_type(const rctx *r, size_t i, nx_type t) { return r->gz_at[i] >= 0 && SPAN(r->doc, r->gz_at[i])->type == t; }

static int single_letter(const nx_token *t) { return t->fold_len == 1 || (t->shape & NX_SH_INITIAL); }

/* Whether token t is two or three initials written together: "C.S.",
 * "J.R.R." (a dotted acronym the gazetteers do not know). */
static int dotted_initials(const nx_token *t) {
    if (!(t->shape & NX_SH_ABBREV) || !(t->shape & NX_SH_CAP) || (t->fold_len != 4 && t->fold_len != 6)) return 0;
    for (size_t k = 0; k < t->fold_len; k += 2)
        if (t->fold[k] < 'a' || t->fold[k] > 'z' || t->fold[k + 1] != '.') return 0;
    return 1;
}

/* A capitalised word the document also writes in lower case ("Member" when
 * "member" occurs) is a common word, not a name. */
static int seen_lower(const rctx *r, size_t i) {
    const nx_token *t = tok(r, i);
    return !(t->shape & NX_SH_LOWER) && r->lower[r->word[i]];
}

/* A person-cue word (said, told, died) right after token i - 1, or after
 * an auxiliary (was born, has said). */
static int person_cue_after(const rctx *r, size_t i) {
    if (i + 1 < r->n && is_word(r, i, NX_G_AUXILIARY)) i++;
    if (i < r->n && feat(r, i, NX_FEAT(NX_G_PERSON_CUE)) && (tok(r, i)->shape & NX_SH_LOWER)) return 1;
    /* "Einhart Lorenz (born 1940)": the cue opens a parenthesis */
    if (is_punct(r, i, '(') && i + 1 < r->n && feat(r, i + 1, NX_FEAT(NX_G_PERSON_CUE)) && (tok(r, i + 1)->shape & NX_SH_LOWER))
        return 1;
    /* "Tokayev, who has been president since 2019" (not in a sports
     * report: "Arsenal, who beat Chelsea") */
    if (is_punct(r, i, ',') && is_word(r, i + 1, NX_G_RELATIVE_PRONOUN) && (tok(r, i + 1)->shape & NX_SH_LOWER) && !r->sports)
        return 1;
    /* ", 79," an age in apposition */
    return is_punct(r, i, ',') && i + 2 < r->n && tok(r, i + 1)->kind == NX_TOK_NUM && tok(r, i + 1)->fold_len <= 3 &&
           is_punct(r, i + 2, ',') && atoi(tok(r, i + 1)->fold) >= 10;
}

/* "Tosiwo Nakayama (November 23, 1931 - March 29, 2007) was", "Sonthi
 * Boonyaratglin ( ) (born 2 October 1946) is": past up to three
 * parentheses right after a name that hold a life's dates (each opens with
 * a date, a number, "born" or a separator, or is empty, and holds a year or
 * is empty); the token after them, or i when there are none. */
static size_t life_dates_from(const rctx *r, size_t i);
static inline __attribute__((always_inline)) size_t life_dates_end(const rctx *r, size_t i) {
    /* (the first parenthesis inline, the rest in a call) */
    return is_punct(r, i, '(') ? life_dates_from(r, i) : i;
}
static size_t life_dates_from(const rctx *r, size_t i) {
    size_t end = i;
    for (int n = 0; n < 3 && is_punct(r, end, '('); n++) {
        size_t j = end + 1, years = 0;
        const nx_token *first = j < r->n ? tok(r, j) : NULL;
        if (!first || !(is_punct(r, j, ')') || first->kind == NX_TOK_NUM || r->doc->blocked[j] ||
                        (first->kind == NX_TOK_PUNCT && !(first->shape & (NX_SH_OPEN | NX_SH_CLOSE))) ||
                        (feat(r, j, NX_FEAT(NX_G_PERSON_CUE)) && (first->shape & NX_SH_LOWER))))
            break;
        for (; j < r->n && j - end < 24 && !is_punct(r, j, ')') && !is_punct(r, j, '(') && same_line(r, i, j); j++)
            if (r->doc->blocked[j] || (tok(r, j)->kind == NX_TOK_NUM && tok(r, j)->fold_len >= 3)) years++;
        if (!is_punct(r, j, ')') || (j > end + 1 && !years)) break;
        end = j + 1;
    }
    return end;
}

/* A title span right after token i - 1 (Cofinec CEO, Bundesbank President). */
static int title_after(const rctx *r, size_t i) {
    if (i >= r->n || !r->title_tok[i] || r->owner[i] < 0) return 0;
    const nx_span *t = SPAN(r->doc, r->owner[i]);
    return t->type == NX_TITLE && t->t0 == i && !(t->flags & NX_SPAN_PLURAL) && tok(r, i)->brk == NX_BRK_SPACE;
}

/* Whether the words from token a continue a capitalised name through a
 * lower-case "the": "Against the Machine", "Lord of the Rings" (the word
 * before "the", or before "of the", capitalised inside a sentence). */
static int name_through_the(const rctx *r, size_t a) {
    if (a < 2 || !is_word(r, a - 1, NX_G_DEFINITE) || !(tok(r, a - 1)->shape & NX_SH_LOWER)) return 0;
    size_t p = a - 2;
    if (p > 0 && name_complement_linker(r, p) && (tok(r, p)->shape & NX_SH_LOWER)) p--;
    return capitalised(tok(r, p)) && !tok(r, p)->sent_start && r->owner[p] < 0;
}

/* Whether title span t is a rank a monarchy confers (data: state-title
 * words of kind monarch or peer): king, crown prince, Grand Duke. */
static int monarch_title(const rctx *r, int32_t t) {
    const nx_span *s = SPAN(r->doc, t);
    for (size_t i = s->t0; i < s->t1; i++)
        if (word_of_class(r, tok(r, i)->fold, tok(r, i)->fold_len, NX_G_STATE_TITLE, "monarch") ||
            word_of_class(r, tok(r, i)->fold, tok(r, i)->fold_len, NX_G_STATE_TITLE, "peer"))
            return 1;
    return 0;
}

/* "Nirvana band member Kurt Cobain", "Perfume members Yuka Kashino": a
 * membership noun in lower case (over one generic organisation noun) right
 * before a capitalised name, from token i. */
static int member_after(const rctx *r, size_t i) {
    if (i < r->n && is_word(r, i, NX_G_ORG_GENERIC) && (tok(r, i)->shape & NX_SH_LOWER)) i++;
    return i + 1 < r->n && is_word(r, i, NX_G_MEMBERSHIP_NOUN) && (tok(r, i)->shape & NX_SH_LOWER) && r->owner[i] < 0 &&
           capitalised(tok(r, i + 1)) && same_line(r, i, i + 1);
}

/* Whether words [a, b) are all unknown name words: no gazetteer entity, no
 * common word, title word, modifier, nationality or party word ("Former
 * U.S. Secretary of ...", "Republican Linda McMahon former chief of ..."). */
static int plain_run(const rctx *r, size_t a, size_t b) {
    const uint64_t other = NX_FEAT(NX_G_STOP) | NX_FEAT(NX_G_TITLE) | NX_FEAT(NX_G_TITLE_MOD) | NX_FEAT(NX_G_DEMONYM) |
                           NX_FEAT(NX_G_PARTY_WORD) | NX_FEAT(NX_G_HONORIFIC);
    for (size_t i = a; i < b; i++)
        if (r->gz_at[i] >= 0 || feat(r, i, other)) return 0;
    return 1;
}

/* "Ma Ying-jeou and Wu Poh-hsiung": a person's name and "and|or" right
 * before token a. */
static int coordinated_person_before(const rctx *r, size_t a) {
    if (a < 2 || !is_word(r, a - 1, NX_G_CONJUNCTION) || !(tok(r, a - 1)->shape & NX_SH_LOWER) || r->owner[a - 2] < 0)
        return 0;
    const nx_span *p = SPAN(r->doc, r->owner[a - 2]);
    return p->type == NX_PERSON && p->t1 == a - 1;
}

/* "the Australian Labor Party led by Gough Whitlam", "Studio Ghibli led by
 * Hayao Miyazaki": an affiliation verb in the passive and "by" right before
 * token a (who leads, heads, chairs or founds a body is a person). */
static int affiliation_agent_before(const rctx *r, size_t a) {
    return a >= 2 && is_word(r, a - 1, NX_G_AGENT_MARKER) && (tok(r, a - 1)->shape & NX_SH_LOWER) &&
           is_word(r, a - 2, NX_G_AFFILIATION_VERB) && (tok(r, a - 2)->shape & NX_SH_LOWER);
}

/* "Urho Kekkonen Prime Minister of Finland", "Bharrat Jagdeo president of
 * Guyana": a title right after token b - 1 whose "of|at" part names its
 * organisation, so the words before it are no organisation of it (as in
 * "Cofinec CEO") but the holder, apposed without a comma. */
static int title_of_after(const rctx *r, size_t b) {
    if (!title_after(r, b)) return 0;
    size_t j = SPAN(r->doc, r->owner[b])->t1;
    if (!is_word(r, j, NX_G_EMPLOYER_LINKER) || !(tok(r, j)->shape & NX_SH_LOWER)) return 0;
    j++;
    if (is_word(r, j, NX_G_DEFINITE)) j++;
    /* "leader of center-right DISY", "head of state of the former regime":
     * up to two lower-case words before the name */
    for (int k = 0; k < 2 && j < r->n && r->gz_at[j] < 0 && tok(r, j)->kind == NX_TOK_WORD &&
                    (tok(r, j)->shape & NX_SH_LOWER) && !is_word(r, j, NX_G_FUNCTION_WORD);
         k++)
        j++;
    return j < r->n && same_line(r, b, j) && (r->gz_at[j] >= 0 || (capitalised(tok(r, j)) && !stop(r, j)));
}

/* A capitalised word that could be part of a name: letters only, not in
 * capitals, no other reading (common word, title, nationality, head word),
 * and not written in lower case elsewhere in the document. */
static inline __attribute__((always_inline)) int plain_name_word(const rctx *r, size_t i) {
    const nx_token *t = tok(r, i);
    const uint64_t other = NX_FEAT(NX_G_STOP) | NX_FEAT(NX_G_TITLE) | NX_FEAT(NX_G_TITLE_MOD) | NX_FEAT(NX_G_DEMONYM) |
                           NX_FEAT(NX_G_ORG_HEAD) | NX_FEAT(NX_G_ORG_SUFFIX) | NX_FEAT(NX_G_PLACE_HEAD) |
                           NX_FEAT(NX_G_MONTH) | NX_FEAT(NX_G_WEEKDAY) | NX_FEAT(NX_G_HONORIFIC);
    return capitalised(t) && (t->shape & NX_SH_ALPHA) && !(t->shape & NX_SH_ALLCAPS) && !(t->shape & NX_SH_ABBREV) &&
           !(t->feat & other) && t->fold_len >= 2 && r->owner[i] < 0 && r->gz_at[i] < 0 && !seen_lower(r, i);
}

/* "George V", "Charles I", "Malcolm X": a given name and a one-letter
 * Roman numeral (a regnal number, not an initial: no period) end the run. */
static int regnal_numeral(const rctx *r, size_t a, size_t b) {
    const nx_token *l = tok(r, b - 1);
    if (b - a < 2 || l->fold_len != 1 || l->kind != NX_TOK_WORD || (l->shape & NX_SH_ABBREV) || !(l->shape & NX_SH_CAP)) return 0;
    char c = l->fold[0];
    return (c == 'i' || c == 'v' || c == 'x') && feat(r, b - 2, NX_FEAT(NX_G_GIVEN)) && capitalised(tok(r, b - 2)) &&
           !(tok(r, b - 2)->shape & NX_SH_ALLCAPS) && same_line(r, b - 2, b - 1);
}

/* "The bank's chief economist, Huw Pill, said", "its new chairman, X,":
 * words [a, b) set off by commas right after a singular title that a
 * determiner or a possessive opens, so the title is apposed to a name. */
static int title_apposed_before(const rctx *r, size_t a, size_t b) {
    if (a < 3 || b >= r->n || !is_punct(r, a - 1, ',') || !is_punct(r, b, ',') || !r->title_tok[a - 2] || r->owner[a - 2] < 0)
        return 0;
    const nx_span *t = SPAN(r->doc, r->owner[a - 2]);
    if (t->type != NX_TITLE || t->t1 != a - 1 || (t->flags & NX_SPAN_PLURAL) || t->t0 == 0 || !same_line(r, t->t0, b)) return 0;
    size_t d = t->t0 - 1;
    if (d > 0 && is_word(r, d, NX_G_TITLE_ADJECTIVE) && (tok(r, d)->shape & NX_SH_LOWER)) d--; /* its new chairman */
    return (is_word(r, d, NX_G_DETERMINER) && (tok(r, d)->shape & (NX_SH_LOWER | NX_SH_CAP))) || (tok(r, d)->shape & NX_SH_POSS);
}

/* Why words [a, b) (capitalised, no gazetteer entity among them) name a
 * person (the rule), or NX_RULE_NONE. `evidence` is set when a title or honorific precedes. */
static nx_rule person_reason(const rctx *r, size_t a, size_t b, int evidence) {
    size_t words = 0;
    for (size_t i = a; i < b; i++)
        if (name_word(r, i)) words++;
    const nx_token *first = tok(r, a), *last = tok(r, b - 1);
    if ((single_letter(last) && !regnal_numeral(r, a, b)) || (words == 1 && single_letter(first))) return NX_RULE_NONE;
    if (words > 5) return NX_RULE_NONE;
    /* "the Minister of State Security": one word of a title's field is no
     * name */
    if (b == a + 1 && feat(r, a, NX_FEAT(NX_G_TITLE_FIELD)) && !feat(r, a, NX_FEAT(NX_G_GIVEN) | NX_FEAT(NX_G_SURNAME)))
        return NX_RULE_NONE;
    if (range_has(r, a, b, NX_FEAT(NX_G_ORG_HEAD) | NX_FEAT(NX_G_ORG_SUFFIX) | NX_FEAT(NX_G_PLACE_HEAD))) return NX_RULE_NONE;
    /* Best Actor Award, the Singer Prize: a name does not end in an event's
     * or award's head word */
    if (last->feat & NX_FEAT(NX_G_MISC_HEAD)) return NX_RULE_NONE;
    /* West African, Roman Catholic: a name does not end in a nationality */
    if (b - a >= 2 && (last->feat & NX_FEAT(NX_G_DEMONYM))) return NX_RULE_NONE;
    /* nor open with one: French Foreign Legion, Irish Volunteers, British
     * Vogue (classify_run has taken a nationality before a name off) */
    if (words >= 2 && (first->feat & NX_FEAT(NX_G_DEMONYM))) return NX_RULE_NONE;
    if (evidence) return NX_RULE_PERSON_TITLE_BEFORE;
    if (caption_after(r, b)) return NX_RULE_PERSON_PHOTO_CAPTION;
    if (words >= 2 && titled_org_before(r, a)) return NX_RULE_PERSON_TITLE_OF_ORG_BEFORE;
    if (words >= 2 && (first->feat & NX_FEAT(NX_G_GIVEN)) && !(first->shape & NX_SH_ALLCAPS) && !stop(r, a))
        return NX_RULE_PERSON_GIVEN_NAME;
    if (words >= 2 && ((first->shape & NX_SH_INITIAL) || (dotted_initials(first) && r->gz_at[a] < 0)))
        return NX_RULE_PERSON_INITIAL;
    /* (not when every word is in capitals: "the power monopoly RAO UES" is
     * an acronym; "ZHANG Liqun" writes only the family name so) */
    if (words >= 2 && words <= 3 && (first->feat & NX_FEAT_FAMILY_FIRST) && !(first->shape & last->shape & NX_SH_ALLCAPS))
        return NX_RULE_PERSON_FAMILY_NAME_FIRST;
    if (words >= 2 && range_has(r, a, b, NX_FEAT(NX_G_NAME_ENDING))) return NX_RULE_PERSON_NAME_ENDING;
    /* (one word only before "a|the ... TITLE" or "Russia's TITLE": "Finance,
     * Justice and Interior" are ministries) */
    if (words >= 2 && words <= 3 && !(first->shape & NX_SH_ALLCAPS) && plain_run(r, a, b) && title_apposed_before(r, a, b))
        return NX_RULE_PERSON_TITLE_APPOSED;
    int apposed = title_apposition_after(r, b);
    if (apposed && (words >= 2 || (apposed == 2 && plain_name_word(r, a)))) return NX_RULE_PERSON_TITLE_APPOSITION;
    /* "Bainbridge Colby a former US Secretary of State", "Kroenke the owner
     * of ...": the apposition without its comma (lists and transcripts drop
     * them), for unknown name words before an article in lower case (one
     * word: a plain name word that is a known name or opens no sentence,
     * not after a determiner or "of": not "Constitutionally the prime
     * minister", "the Good the Bad the Queen") */
    if (words <= 4 && !(first->shape & NX_SH_ALLCAPS) && plain_run(r, a, b) && b < r->n &&
        (words >= 2 || (b == a + 1 && plain_name_word(r, a) &&
                        ((first->feat & (NX_FEAT(NX_G_SURNAME) | NX_FEAT(NX_G_NAME_ENDING) | NX_FEAT(NX_G_GIVEN))) ||
                         !first->sent_start) &&
                        !(a > 0 && (is_word(r, a - 1, NX_G_DETERMINER) || is_word(r, a - 1, NX_G_GENITIVE))))) &&
        is_word(r, b, NX_G_ARTICLE) &&
        (tok(r, b)->shape & NX_SH_LOWER) && same_line(r, a, b)) {
        size_t j = over_modifiers(r, b + 1, 0);
        /* (not "Ateca Bainimarama the Prime Minister's daughter": a title
         * that possesses names someone else) */
        if (j < r->n && r->title_tok[j] && r->owner[j] >= 0 && !(SPAN(r->doc, r->owner[j])->flags & NX_SPAN_PLURAL) &&
            !(SPAN(r->doc, r->owner[j])->t1 < r->n && (tok(r, SPAN(r->doc, r->owner[j])->t1)->shape & NX_SH_POSS)))
            return NX_RULE_PERSON_TITLE_APPOSITION;
    }
    /* (not "the Military Private Secretary of Burundi", "Republican Linda
     * McMahon former chief executive of ...": a determiner before, a party
     * or nationality first, make the words modifiers) */
    if (words <= 4 && !(first->shape & NX_SH_ALLCAPS) && !(a > 0 && is_word(r, a - 1, NX_G_DETERMINER)) &&
        plain_run(r, a, b) && title_of_after(r, b) &&
        (words >= 2 || (b == a + 1 && plain_name_word(r, a) &&
                        (first->feat & (NX_FEAT(NX_G_SURNAME) | NX_FEAT(NX_G_NAME_ENDING) | NX_FEAT(NX_G_GIVEN))) &&
                        !(a > 0 && (is_word(r, a - 1, NX_G_GENITIVE) || feat(r, a - 1, NX_FEAT(NX_G_TITLE_MOD)))))))
        return NX_RULE_PERSON_TITLE_OF_AFTER; /* (one word: not "former Clinton cabinet Secretary of ...") */
    if (words >= 2 && words <= 3 && coordinated_person_before(r, a) && !(first->shape & NX_SH_ALLCAPS) && plain_run(r, a, b))
        return NX_RULE_PERSON_COORDINATED;
    /* (the name ends the run: not "led by Brother Number One Pol Pot") */
    if (words >= 2 && words <= 3 && affiliation_agent_before(r, a) && !(first->shape & NX_SH_ALLCAPS) && plain_run(r, a, b) &&
        !(b < r->n && (capitalised(tok(r, b)) || tok(r, b)->kind == NX_TOK_NUM)))
        return NX_RULE_PERSON_LED_BY;
    if (title_predicate_after(r, b) && !(first->shape & NX_SH_ALLCAPS) && (words >= 2 || plain_name_word(r, a)))
        return NX_RULE_PERSON_TITLE_PREDICATE;
    /* "Ma who was chairman of the Kuomintang": the relative clause without
     * its comma (lists and transcripts drop them) */
    if (is_word(r, b, NX_G_RELATIVE_PRONOUN) && (tok(r, b)->shape & NX_SH_LOWER) && title_predicate_after(r, b + 1) &&
        !(first->shape & NX_SH_ALLCAPS) && (words >= 2 || plain_name_word(r, a)))
        return NX_RULE_PERSON_TITLE_PREDICATE;
    /* a life's dates in parentheses, then "was|is|served as ... TITLE" */
    size_t lived = life_dates_end(r, b);
    if (lived > b && title_predicate_after(r, lived) && !(first->shape & NX_SH_ALLCAPS) &&
        (words >= 2 || plain_name_word(r, a)))
        return NX_RULE_PERSON_TITLE_PREDICATE;
    if (person_cue_after(r, b) && !(first->shape & NX_SH_ALLCAPS) &&
        (words >= 2 || ((first->feat & (NX_FEAT(NX_G_SURNAME) | NX_FEAT(NX_G_NAME_ENDING) | NX_FEAT(NX_G_GIVEN))) &&
                        !stop(r, a)) || (words == 1 && plain_name_word(r, a))))
        return NX_RULE_PERSON_SPEECH_VERB;

    return NX_RULE_NONE;
}

static nx_status add_person(rctx *r, size_t a, size_t b, nx_rule rule) {
    int family_first = 0;
    const nx_token *first = tok(r, a), *last = tok(r, b - 1);
    if (b - a >= 2 && (first->feat & NX_FEAT_FAMILY_FIRST) && !(first->feat & NX_FEAT(NX_G_GIVEN))) family_first = 1;
    if (b - a >= 2 && (last->feat & NX_FEAT_NAME_ENDING_FAMILY_FIRST)) family_first = 1;
    int32_t id = add_span(r, a, b, NX_PERSON, rule);
    if (id < 0) return NX_ERR_NOMEM;
    if (family_first) SPAN(r->doc, id)->flags |= NX_SPAN_FAMILY_FIRST;
    return NX_OK;
}

/* "X, an American actor", "X is a rock band", "X was a village in Y": the
 * type a definition after token b - 1 gives the name, or -1. */
static int defined_type(const rctx *r, size_t b) {
    size_t j = b;
    if (is_punct(r, j, ',')) j++;
    else if (is_word(r, j, NX_G_COPULA)) j++;
    else return -1;
    if (!is_word(r, j, NX_G_ARTICLE)) return -1;
    j++;
    for (size_t k = 0; k < 5 && j < r->n; k++, j++) {
        const nx_token *t = tok(r, j);
        if (t->kind != NX_TOK_WORD || !same_line(r, b, j)) return -1;
        if (t->shape & NX_SH_LOWER) {
            /* ("Separately, the company said": a word opening the
             * sentence alone, and the noun the subject of a verb of its
             * own; not "... side Nice, the club said") */
            if (b >= 1 && tok(r, b - 1)->sent_start &&
                (t->feat & (NX_FEAT(NX_G_PERSON_NOUN) | NX_FEAT(NX_G_ORG_NOUN) | NX_FEAT(NX_G_PLACE_NOUN))) && j + 1 < r->n &&
                (tok(r, j + 1)->shape & NX_SH_LOWER) && feat(r, j + 1, NX_FEAT(NX_G_PERSON_CUE)))
                return -1;
            if (t->feat & NX_FEAT(NX_G_PERSON_NOUN)) return NX_PERSON;
            if (t->feat & NX_FEAT(NX_G_ORG_NOUN)) return NX_ORGANIZATION;
            if (t->feat & NX_FEAT(NX_G_PLACE_NOUN)) return NX_PLACE;
            if (t->feat & NX_FEAT(NX_G_FUNCTION_WORD)) return -1; /* "is a member of": no noun yet */
            continue;                                   /* small, rock, former, 19th-century */
        }
        /* American, German-born, Boston-based: capitalised modifiers */
        if (!(t->feat & NX_FEAT(NX_G_DEMONYM)) && !(t->shape & NX_SH_HYPHEN)) return -1;
    }
    return -1;
}

/* Rules for a run of capitalised words with no gazetteer reading.
 * Returns NX_OK; *made says whether a mention was made. */
/* A number token that may be a score: digits, or two numbers and a
 * hyphen (92-81), not a time (1:34), an ordinal (46th) nor a bowler's
 * figures (10-0-41-2). */
static int score_like(const rctx *r, size_t i) {
    const nx_token *t = tok(r, i);
    size_t hyphens = 0;
    for (size_t k = 0; k < t->fold_len; k++) {
        if (!((t->fold[k] >= '0' && t->fold[k] <= '9') || t->fold[k] == '-')) return 0;
        hyphens += t->fold[k] == '-';
    }
    return hyphens <= 1;
}

static nx_status classify_run(rctx *r, size_t a, size_t b, int evidence, int *made) {
    *made = 0;
    /* "the President of Guyana Dr. Cheddi Jagan": a run after a place
     * opens with an honorific; it is evidence, not part of the name (as
     * trim() reads it at a chunk's start) */
    while (a + 1 < b && feat(r, a, NX_FEAT(NX_G_HONORIFIC)) && r->owner[a] < 0 && capitalised(tok(r, a + 1))) {
        evidence = 1;
        a++;
    }
    while (a < b && stop(r, a) && !feat(r, a, NX_FEAT(NX_G_GIVEN) | NX_FEAT(NX_G_SURNAME))) a++;
    while (a < b && stop(r, a) && tok(r, a)->sent_start) a++;
    /* "Mexican Ariel Cruz", "Australian Tom Moody": a nationality before a
     * given name and a family name is no part of the name (it stays a
     * nationality; not "an Italian Roman Catholic organisation") */
    if (b - a >= 3 && feat(r, a, NX_FEAT(NX_G_DEMONYM)) && feat(r, a + 1, NX_FEAT(NX_G_GIVEN)) &&
        capitalised(tok(r, a + 1)) && !(tok(r, a + 1)->shape & NX_SH_ALLCAPS) && feat(r, b - 1, NX_FEAT(NX_G_SURNAME)))
        a++;
    /* "Democrat Carl Levin", "Republican John McCain": a party word before
     * a given name and at least one more word says who the rest is */
    if (b - a >= 3 && is_word(r, a, NX_G_PARTY_WORD) && capitalised(tok(r, a)) && !(tok(r, a)->shape & NX_SH_ALLCAPS) &&
        feat(r, a + 1, NX_FEAT(NX_G_GIVEN)) && !plural_stem(tok(r, a))) {
        nx_rule rule = person_reason(r, a + 1, b, 1);
        if (rule == NX_RULE_NONE) return NX_OK;
        *made = 1;
        return add_person(r, a + 1, b, rule == NX_RULE_PERSON_TITLE_BEFORE ? NX_RULE_PERSON_PARTY_BEFORE : rule);
    }
    if (a >= b || r->headline[a]) return NX_OK;
    /* "chief executive of UniCredit", "the lead singer of Idlewild": one to
     * three unknown name words right after a title's "of|at [the]" (which
     * title_complement did not take as a field) are the organisation the
     * title is at; not after a state's office ("mayor of Keansburg": a
     * place) nor a given name ("secretary of John Smith") */
    /* "the Archbishop of Canterbury Dr George Carey", "the director of
     * Blue Origin John Smith": the unknown words after a title's "of" up
     * to an honorific or a given name that opens a name of two words or
     * more are the title's organisation, the rest the person (not after a
     * state's office: "mayor of Springfield" names a place) */
    if (!evidence && a >= 2 && b - a >= 3 && !feat(r, a, NX_FEAT(NX_G_GIVEN)) && !r->sports) {
        size_t of = a - 1;
        if (is_word(r, of, NX_G_DEFINITE) && of >= 2) of--;
        int32_t t = r->title_tok[of - 1] && r->owner[of - 1] >= 0 ? r->owner[of - 1] : -1;
        if (is_word(r, of, NX_G_ACRONYM_LINKER) && (tok(r, of)->shape & NX_SH_LOWER) && t >= 0 &&
            SPAN(r->doc, t)->type == NX_TITLE && SPAN(r->doc, t)->t1 == of && !(SPAN(r->doc, t)->flags & NX_SPAN_PLURAL) &&
            !state_office(r, t))
            for (size_t k = a + 1; k < b && k - a <= 3; k++) {
                int hon = feat(r, k, NX_FEAT(NX_G_HONORIFIC)), given = feat(r, k, NX_FEAT(NX_G_GIVEN)) && capitalised(tok(r, k));
                if (!hon && !given) {
                    if (!plain_name_word(r, k)) break;
                    continue;
                }
                int plain = !range_has(r, a, k, NX_FEAT(NX_G_TITLE_FIELD)); /* (a portfolio: "of Foreign Affairs") */
                for (size_t i = a; i < k && plain; i++) plain = plain_name_word(r, i);
                size_t p = k;
                while (p < b && feat(r, p, NX_FEAT(NX_G_HONORIFIC))) p++;
                if (!plain || b - p < (hon ? 1u : 2u) || b - p > 4) break;
                for (size_t i = p; i < b && plain; i++) plain = name_word(r, i) && r->gz_at[i] < 0;
                if (!plain) break;
                *made = 1;
                if (add_span(r, a, k, NX_ORGANIZATION, NX_RULE_ORG_AFTER_TITLE_OF) < 0) return NX_ERR_NOMEM;
                return add_person(r, p, b, NX_RULE_PERSON_TITLE_OF_ORG_BEFORE);
            }
    }
    int no_person = 0;
    if (!evidence && b - a <= 3 && a >= 2 && !feat(r, a, NX_FEAT(NX_G_GIVEN)) && !r->sports) {
        size_t of = a - 1;
        if (is_word(r, of, NX_G_DEFINITE) && of >= 2) of--;
        int32_t t = r->title_tok[of - 1] && r->owner[of - 1] >= 0 ? r->owner[of - 1] : -1;
        int plain = is_word(r, of, NX_G_ACRONYM_LINKER) && (tok(r, of)->shape & NX_SH_LOWER) && t >= 0 &&
                    SPAN(r->doc, t)->type == NX_TITLE && SPAN(r->doc, t)->t1 == of &&
                    !(SPAN(r->doc, t)->flags & NX_SPAN_PLURAL) && !state_office(r, t);
        /* "Emily Robison of the Dixie Chicks", "Robert Smith of The Cure":
         * after a person's "of the", the group the person is of */
        int32_t who = of >= 1 && of + 2 == a && r->owner[of - 1] >= 0 ? r->owner[of - 1] : -1;
        int of_person = !plain && is_word(r, of, NX_G_GENITIVE) && (tok(r, of)->shape & NX_SH_LOWER) && who >= 0 &&
                        SPAN(r->doc, who)->type == NX_PERSON && SPAN(r->doc, who)->t1 == of && !lower_after_hyphen(r, a) &&
                        /* (the whole name: not "of the Integration with Britain Party") */
                        !(b + 1 < r->n && (is_word(r, b, NX_G_NAME_LINKER) || is_word(r, b, NX_G_EMPLOYER_LINKER)) &&
                          (tok(r, b)->shape & NX_SH_LOWER) && capitalised(tok(r, b + 1)));
        plain |= of_person;
        /* (a word in capitals is left to the acronym readings: "rector of
         * KAZNU" is the university the text defines) */
        for (size_t i = a; i < b && plain; i++) plain = plain_name_word(r, i);
        /* (the whole name only: not "the Castro regime", "the Weapons of
         * Mass Destruction Commission", "the Moonachie, N.J., maker"; a
         * verb after it is the title holder's: "John Smith chief executive
         * of Acme said") */
        if (plain && b < r->n) {
            const nx_token *n = tok(r, b);
            if ((n->kind == NX_TOK_WORD && (n->shape & NX_SH_LOWER) && !is_word(r, b, NX_G_FUNCTION_WORD) &&
                 !feat(r, b, NX_FEAT(NX_G_PERSON_CUE))) ||
                is_word(r, b, NX_G_NAME_LINKER) || is_word(r, b, NX_G_GENITIVE) || is_word(r, b, NX_G_NAME_PARTICLE) ||
                is_punct(r, b, '&') || (is_punct(r, b, ',') && b + 1 < r->n && gz_type(r, b + 1, NX_PLACE)))
                plain = 0;
        }
        if (plain) {
            *made = 1;
            return add_span(r, a, b, NX_ORGANIZATION, of_person ? NX_RULE_ORG_AFTER_PERSON_OF : NX_RULE_ORG_AFTER_TITLE_OF) < 0
                       ? NX_ERR_NOMEM
                       : NX_OK;
        }
        /* (what a title is "of" is no person by a later cue: "the nominal
         * King of Joseon as the head of ...") */
        no_person = t >= 0 && is_word(r, of, NX_G_ACRONYM_LINKER) && SPAN(r->doc, t)->type == NX_TITLE && SPAN(r->doc, t)->t1 == of;
    }
    int letters_only = 1;
    for (size_t i = a; i < b; i++)
        if (capitalised(tok(r, i)) && !single_letter(tok(r, i))) letters_only = 0;
    if (letters_only) return NX_OK;
    /* a common word the document also writes in lower case is no name, and
     * a nationality alone is no entity (Kazakh president) */
    if (b - a == 1 && ((seen_lower(r, a) && !evidence) || feat(r, a, NX_FEAT(NX_G_DEMONYM)))) return NX_OK;
    /* "the Springboks", "the All Blacks", "the Cardinals": in a sports
     * report, unknown capitalised words after "the" that end in a plural
     * name a team */
    if (r->sports && !evidence && a > 0 && b - a <= 3 && is_word(r, a - 1, NX_G_DEFINITE) && (tok(r, a - 1)->shape & NX_SH_LOWER) &&
        same_line(r, a - 1, a) && plural_stem(tok(r, b - 1)) && !(tok(r, b - 1)->shape & NX_SH_ALLCAPS) &&
        !range_has(r, a, b, NX_FEAT(NX_G_DEMONYM) | NX_FEAT(NX_G_GIVEN) | NX_FEAT(NX_G_TITLE))) {
        int plain = 1;
        for (size_t i = a; i < b && plain; i++) plain = plain_name_word(r, i) && !stop(r, i);
        if (plain) {
            *made = 1;
            return add_span(r, a, b, NX_ORGANIZATION, NX_RULE_ORG_SPORTS_TEAM) < 0 ? NX_ERR_NOMEM : NX_OK;
        }
    }
    nx_rule rule = no_person ? NX_RULE_NONE : person_reason(r, a, b, evidence);
    if (rule != NX_RULE_NONE) {
        *made = 1;
        return add_person(r, a, b, rule);
    }
    int def = b - a <= 4 ? defined_type(r, b) : -1;
    if (def >= 0) {
        *made = 1;
        if (def == NX_PERSON) return add_person(r, a, b, NX_RULE_PERSON_DEFINED);
        return add_span(r, a, b, (nx_type)def, def == NX_PLACE ? NX_RULE_PLACE_DEFINED : NX_RULE_ORG_DEFINED) < 0 ? NX_ERR_NOMEM : NX_OK;
    }
    /* "in Youngstown , Ohio", "near Ouro Preto , Brazil": an unknown name
     * after a place preposition and before ", region" is a place */
    if (a > 0 && b - a <= 3 && place_cue_before(r, a) && (tok(r, a - 1)->shape & NX_SH_LOWER) && is_punct(r, b, ',') &&
        b + 1 < r->n && gz_type(r, b + 1, NX_PLACE) && !(tok(r, a)->feat & NX_FEAT(NX_G_GIVEN))) {
        *made = 1;
        return add_span(r, a, b, NX_PLACE, NX_RULE_PLACE_IN_X_REGION) < 0 ? NX_ERR_NOMEM : NX_OK;
    }
    /* results and standings: in a sports report a name followed by a
     * score is a team (Haitai 2 Samsung 0; Port Vale 4 1 2 1 4 4 5); not
     * a player's minute, time or figures ("Becerril 46th", "Andersson
     * 1:34", "b Muralitharan 22": after a lower-case word) */
    if (r->sports && b < r->n && tok(r, b)->kind == NX_TOK_NUM && same_line(r, b - 1, b) && !stop(r, a) &&
        !seen_lower(r, a) && score_like(r, b) && !(a > 0 && is_punct(r, a - 1, '(')) &&
        !(a > 0 && tok(r, a - 1)->kind == NX_TOK_WORD && (tok(r, a - 1)->shape & NX_SH_LOWER) &&
          !is_word(r, a - 1, NX_G_FUNCTION_WORD) && same_line(r, a - 1, a))) {
        *made = 1;
        return add_span(r, a, b, NX_ORGANIZATION, NX_RULE_ORG_SPORTS_TEAM) < 0 ? NX_ERR_NOMEM : NX_OK;
    }
    /* an unknown name right before a title is whom the title is at
     * (Cofinec CEO, Bundesbank President); not a description (a Flemish
     * journalist, the Sun King) nor a first name (James Earl Jones) */
    int plain = 1;
    for (size_t i = a; i < b; i++)
        if ((!plain_name_word(r, i) && !(tok(r, i)->shape & NX_SH_ALLCAPS)) || lower_after_hyphen(r, i) ||
            adjective_form(tok(r, i)))
            plain = 0;
    /* (a legislature's or armed service's head word alone is one too:
     * "Senate Majority Leader X", "Navy Secretary X", as "House Speaker X";
     * not after a hyphen: "non - Congress chief minister") */
    int body = !plain && b == a + 1 && title_after(r, b) && (tok(r, a)->shape & NX_SH_CAP) && !(tok(r, a)->shape & NX_SH_ALLCAPS) &&
               r->gz_at[a] < 0 && !(a > 0 && is_punct(r, a - 1, '-')) &&
               (word_of_class(r, tok(r, a)->fold, tok(r, a)->fold_len, NX_G_ORG_HEAD, "legislature") ||
                word_of_class(r, tok(r, a)->fold, tok(r, a)->fold_len, NX_G_ORG_HEAD, "armed-service"));
    if (body) plain = 1;
    /* (nor a nationality: "South African singer X", "Swedish-born
     * actress X") */
    if (demonym_end(r, a) > a + 1 || demonym_prefix(r, a) || lower_after_hyphen(r, b - 1)) plain = 0;
    /* (a membership noun: not at a sentence's start, "Family member X",
     * nor after a hyphen, "pro - Noriega candidate X") */
    int member = member_after(r, b) && !tok(r, a)->sent_start && !(a > 0 && is_punct(r, a - 1, '-'));
    /* (nor a word that opens with a status: "Ex-Google engineer" says when,
     * and the organisation is the rest) */
    for (size_t i = a; i < b && plain; i++)
        if ((tok(r, i)->shape & NX_SH_HYPHEN) && nx_gazetteer_prefix_status(r->g, tok(r, i)->fold, tok(r, i)->fold_len)) plain = 0;
    /* (nor a dynasty or realm before a monarch's rank: "the Mughal Emperor",
     * "Arsacid prince": no organisation confers it) */
    if (plain && title_after(r, b) && monarch_title(r, r->owner[b])) plain = 0;
    /* (nor the end of a longer name through "the": "Rage Against the
     * Machine bassist", "The Lord of the Rings film director") */
    if (plain && name_through_the(r, a)) plain = 0;
    /* (nor a word alone that names a side, not a body: "Opposition leader
     * X", data: title-field kind=side) */
    if (plain && b == a + 1 && feat(r, a, NX_FEAT(NX_G_TITLE_FIELD)) &&
        word_of_class(r, tok(r, a)->fold, tok(r, a)->fold_len, NX_G_TITLE_FIELD, "side"))
        plain = 0;
    /* (nor a field word alone after a country's possessive or a
     * nationality: the title's portfolio) */
    if (plain && b == a + 1 && country_portfolio(r, a)) plain = 0;
    /* (nor the object of a naming verb: "Narendra Modi named Nirmala
     * Sitharaman finance minister": two or three name words between it and
     * a title are the person named) */
    if (plain && b - a >= 2 && b - a <= 3 && a > 0 && is_word(r, a - 1, NX_G_NAMING_VERB) && (tok(r, a - 1)->shape & NX_SH_LOWER) &&
        title_after(r, b) && !range_has(r, a, b, NX_FEAT(NX_G_ORG_HEAD) | NX_FEAT(NX_G_ORG_SUFFIX))) {
        *made = 1;
        return add_person(r, a, b, NX_RULE_PERSON_NAMING_OBJECT);
    }
    if (plain && (title_after(r, b) || member) && (!feat(r, a, NX_FEAT(NX_G_GIVEN)) || body) &&
        !(a > 0 && is_word(r, a - 1, NX_G_INDEFINITE))) {
        *made = 1;
        return add_span(r, a, b, NX_ORGANIZATION, NX_RULE_ORG_BEFORE_TITLE) < 0 ? NX_ERR_NOMEM : NX_OK;
    }
    return NX_OK;
}

static void drop_range(rctx *r, size_t a, size_t b) {
    for (size_t i = a; i < b; i++) {
        r->judged[i] = 1;
        if (r->owner[i] >= 0) nx_doc_drop_span(r->doc, r->owner[i]);
        r->owner[i] = -1;
        r->gz_at[i] = -1;
    }
}

static int quote_close(const rctx *r, size_t i) {
    const nx_token *t = tok(r, i);
    return t->kind == NX_TOK_PUNCT && ((t->shape & NX_SH_CLOSE) || t->fold[0] == '"' || t->fold[0] == '\'');
}

/* ---- classifying a chunk ------------------------------------------------------
 * A chunk is a run of capitalised words (and the connectors inside names)
 * that chunks() found. It is read by the steps of CHUNK_STEPS in order; a
 * step either settles the chunk (makes or drops spans, or finds nothing to
 * make) or leaves it to the next. The head-word readings that decide
 * "organisation" or "place" are a table of their own (HEAD_READINGS). */

typedef struct chunk {
    size_t a0;    /* the first word, before honorifics and common words were trimmed */
    size_t a, b;  /* the name's words [a, b) */
    int evidence; /* a title or honorific stands before it */
    int org;      /* the head words make it an organisation */
    int place;    /* ... a place */
} chunk;

typedef enum { NEXT = 0, DONE } step_result;

static nx_status classify_chunk(rctx *r, size_t a, size_t b);

/* Exactly one gazetteer entity: nothing more to read. */
/* "Queen Elizabeth", "Princess Victoria": a monarch's rank comes before a
 * given name (a president's before a surname: "President Paris" stays a
 * place), so a one-word place right after one that is also a given name is
 * the person. */
static step_result given_name_after_monarch(rctx *r, chunk *c, nx_status *st) {
    nx_document *doc = r->doc;
    size_t a = c->a, b = c->b;
    if (b - a != 1 || a == 0 || r->owner[a - 1] < 0 || SPAN(doc, r->owner[a - 1])->type != NX_TITLE ||
        SPAN(doc, r->owner[a - 1])->t1 != a || !gz_type(r, a, NX_PLACE) || SPAN(doc, r->gz_at[a])->t1 != b ||
        !feat(r, a, NX_FEAT(NX_G_GIVEN)) || r->headline[a] || (tok(r, a)->shape & NX_SH_ALLCAPS) ||
        !monarch_title(r, r->owner[a - 1]))
        return NEXT;
    drop_range(r, a, b);
    *st = add_person(r, a, b, NX_RULE_PERSON_TITLE_BEFORE);
    return DONE;
}

static step_result one_entity(rctx *r, chunk *c, nx_status *st) {
    (void)st;
    return r->gz_at[c->a] >= 0 && SPAN(r->doc, r->gz_at[c->a])->t1 == c->b ? DONE : NEXT;
}

/* Honorifics and leading common words are not part of a name (an honorific
 * is evidence of a person); nor are lower-case words at either edge. */
/* Where the name in chunk [a, b) starts past the field words that open it
 * (title-field, not a given name or a surname: "Relations" of "Public
 * Relations Jan Novak"), when a given name or an honorific follows them and
 * no head word; else a. */
static size_t field_words_end(const rctx *r, size_t a, size_t b) {
    size_t f = a;
    while (f < b && r->gz_at[f] < 0 && feat(r, f, NX_FEAT(NX_G_TITLE_FIELD)) && !feat(r, f, NX_FEAT(NX_G_GIVEN) | NX_FEAT(NX_G_SURNAME)) &&
           !(tok(r, f)->shape & NX_SH_ALLCAPS))
        f++;
    if (f == a || b - f < 2 || !feat(r, f, NX_FEAT(NX_G_GIVEN) | NX_FEAT(NX_G_HONORIFIC)) ||
        range_has(r, f, b, NX_FEAT(NX_G_ORG_HEAD) | NX_FEAT(NX_G_PLACE_HEAD) | NX_FEAT(NX_G_MISC_HEAD) | NX_FEAT(NX_G_ORG_SUFFIX)))
        return a;
    return f;
}

static step_result trim(rctx *r, chunk *c, nx_status *st) {
    (void)st;
    nx_document *doc = r->doc;
    c->evidence = title_before(r, c->a) && !(c->b - c->a == 1 && relational_title_before(r, c->a));
    /* (an honorific that is also a one-word place, "Ratu Josefa Iloilo",
     * before two more name words is the honorific) */
    while (c->a < c->b &&
           (r->gz_at[c->a] < 0 ||
            (feat(r, c->a, NX_FEAT(NX_G_HONORIFIC)) && c->b - c->a >= 3 && SPAN(doc, r->gz_at[c->a])->t1 == c->a + 1 &&
             !range_has(r, c->a, c->b, NX_FEAT(NX_G_ORG_HEAD) | NX_FEAT(NX_G_ORG_SUFFIX) | NX_FEAT(NX_G_PLACE_HEAD))))) {
        size_t a = c->a;
        /* (each reading below that goes on needs one of these: most words
         * have none and end the loop here) */
        if (!feat(r, a, NX_FEAT(NX_G_HONORIFIC) | NX_FEAT(NX_G_STOP) | NX_FEAT(NX_G_TITLE_MOD) | NX_FEAT(NX_G_PERSON_CUE))) break;
        if (feat(r, a, NX_FEAT(NX_G_HONORIFIC))) {
            c->evidence = 1;
            if (r->gz_at[a] >= 0) drop_range(r, a, a + 1);
        }
        else if (c->evidence && a > 0 && r->title_tok[a - 1] && !tok(r, a)->sent_start && is_word(r, a, NX_G_SUBJECT_PRONOUN) &&
                 (tok(r, a)->shape & NX_SH_CAP) && !(tok(r, a)->shape & NX_SH_ALLCAPS) && c->b - a >= 2 && capitalised(tok(r, a + 1)) &&
                 same_line(r, a, a + 1)) {
            /* "Dean He Yaling", "Vice President He Jiankun": a pronoun
             * capitalised inside a sentence, right after a title, is a
             * family name (何, 佘, 尤) */
            break;
        } else if (stop(r, a) && !feat(r, a, NX_FEAT(NX_G_GIVEN) | NX_FEAT(NX_G_SURNAME))) {
        } else if (former_word(r, a) && c->b - a > 1) {
            /* "Former Acme Corp chairman X": a status word says when, it is
             * no part of the name after it */
        } else if (tok(r, a)->sent_start && c->b - a > 1 && feat(r, a, NX_FEAT(NX_G_PERSON_CUE)) &&
                   !feat(r, a, NX_FEAT(NX_G_GIVEN) | NX_FEAT(NX_G_SURNAME))) {
            /* a verb opening the sentence: "Replied State Department deputy spokesman ..." */
        } else if (!(stop(r, a) && tok(r, a)->sent_start && c->b - a > 1)) break;
        c->a++;
    }
    while (c->a < c->b && !capitalised(tok(r, c->a)) && r->gz_at[c->a] < 0) c->a++;
    /* "Director for Public Relations Jan Novak": the field words that end a
     * title's complement are no part of the name after them (an honorific
     * there then opens the chunk: trim reads it; f only grows) */
    size_t f = field_words_end(r, c->a, c->b);
    if (f > c->a) {
        c->a = f;
        if (feat(r, f, NX_FEAT(NX_G_HONORIFIC))) return trim(r, c, st);
    }
    /* "the former Democratic Kampuchea": a party's adjective alone right
     * before a place that ends the name is the place's style, no party
     * ("Democratic Alabama Senator Doug Jones" goes on past the place) */
    if (c->b - c->a >= 2 && is_word(r, c->a, NX_G_PARTY_WORD) && gz_type(r, c->a, NX_ORGANIZATION) &&
        SPAN(doc, r->gz_at[c->a])->t1 == c->a + 1 && gz_type(r, c->a + 1, NX_PLACE) &&
        SPAN(doc, r->gz_at[c->a + 1])->t1 == c->b && !(c->b < r->n && capitalised(tok(r, c->b)))) {
        drop_range(r, c->a, c->a + 1);
        c->a++;
    }
    /* "GlaxoSmithKline PLC": a designator last in the name, after a
     * capitalised word, is the name's, not an entity of its own (the
     * Nicaraguan party PLC) */
    if (c->b - c->a >= 2 && feat(r, c->b - 1, NX_FEAT(NX_G_ORG_SUFFIX)) && r->gz_at[c->b - 1] >= 0 &&
        SPAN(doc, r->gz_at[c->b - 1])->t0 == c->b - 1 && SPAN(doc, r->gz_at[c->b - 1])->t1 == c->b &&
        capitalised(tok(r, c->b - 2)) && same_line(r, c->b - 2, c->b - 1))
        drop_range(r, c->b - 1, c->b);
    while (c->b > c->a && !name_word(r, c->b - 1) &&
           !(r->owner[c->b - 1] >= 0 && SPAN(doc, r->owner[c->b - 1])->t1 == c->b))
        c->b--;
    return c->a >= c->b ? DONE : NEXT;
}

/* An event, award, law or work (Summer Olympics, Berlin Grand Prix, Treaty
 * of Rome) is no entity, nor are the places in its name. */
/* "the law firm Baker McKenzie", "rock band Nirvana", "the newspaper Le
 * Monde": a name right after a generic organisation noun in lower case
 * (data: org-generic of kind names) is the organisation the noun says it is, though its
 * words read as a person's or a place's; not after a title or honorific,
 * nor a gazetteer entity of its own that is not the whole name. */
static step_result org_after_generic_noun(rctx *r, chunk *c, nx_status *st) {
    size_t a = c->a, b = c->b;
    if (a == 0 || c->evidence || b - a > 5 || a != c->a0 || !is_word(r, a - 1, NX_G_ORG_GENERIC) ||
        !(tok(r, a - 1)->shape & NX_SH_LOWER) || r->owner[a - 1] >= 0 || !same_line(r, a - 1, a) ||
        !word_of_class(r, tok(r, a - 1)->fold, tok(r, a - 1)->fold_len, NX_G_ORG_GENERIC, "names"))
        return NEXT;
    if (r->gz_at[a] >= 0 && SPAN(r->doc, r->gz_at[a])->t1 == b) return NEXT; /* one gazetteer entity: its own type */
    /* (the noun in a phrase of its own: "on board Hornet", "Multi-party
     * Democracy"; a name that goes on past a small word: "Tears for
     * Fears", "Flor - de - Lis"; a letter: "company N / A") */
    if (a >= 2 && (tok(r, a - 2)->kind == NX_TOK_PUNCT ? is_punct(r, a - 2, '-')
                                                       : (is_word(r, a - 2, NX_G_FUNCTION_WORD) && !is_word(r, a - 2, NX_G_DETERMINER) &&
                                                          !is_word(r, a - 2, NX_G_ARTICLE) && (tok(r, a - 2)->shape & NX_SH_LOWER))))
        return NEXT;
    if (b + 1 < r->n &&
        (is_word(r, b, NX_G_NAME_LINKER) || is_word(r, b, NX_G_NAME_PARTICLE) || is_word(r, b, NX_G_DEFINITE) ||
         is_punct(r, b, '-') || (is_word(r, b, NX_G_FUNCTION_WORD) && r->gz_at[b + 1] < 0)) &&
        capitalised(tok(r, b + 1)) && same_line(r, b, b + 1))
        return NEXT;
    /* ("Rage Against the Machine": cut at a capitalised small word; "Zero
     * 7": a number goes on) */
    if (b < r->n && same_line(r, b - 1, b) && tok(r, b)->brk == NX_BRK_SPACE &&
        (capitalised(tok(r, b)) || tok(r, b)->kind == NX_TOK_NUM))
        return NEXT;
    if (b == a + 1 && single_letter(tok(r, a))) return NEXT;
    /* (a name that reads as a person's with a verb after it is the subject
     * of a relative clause: "the company Tim Cook runs") */
    if (b - a >= 2 && feat(r, a, NX_FEAT(NX_G_GIVEN)) && b < r->n && tok(r, b)->kind == NX_TOK_WORD &&
        (tok(r, b)->shape & NX_SH_LOWER) && !is_word(r, b, NX_G_FUNCTION_WORD))
        return NEXT;
    drop_range(r, a, b);
    *st = add_span(r, a, b, NX_ORGANIZATION, NX_RULE_ORG_AFTER_GENERIC_NOUN) < 0 ? NX_ERR_NOMEM : NX_OK;
    return DONE;
}

static step_result event_award_or_work(rctx *r, chunk *c, nx_status *st) {
    (void)st;
    size_t a = c->a, b = c->b;
    if (b - a < 2 || (r->gz_at[a] >= 0 && SPAN(r->doc, r->gz_at[a])->t1 == b)) return NEXT;
    int misc = feat(r, b - 1, NX_FEAT(NX_G_MISC_HEAD));
    for (size_t i = a; i + 1 < b && !misc; i++)
        if (feat(r, i, NX_FEAT(NX_G_MISC_HEAD)) && is_word(r, i + 1, NX_G_NAME_LINKER) && i > a) misc = 1;
    if (!misc) return NEXT;
    drop_range(r, a, b);
    return DONE;
}

/* -- head-word readings, in order: each may set or clear c->org, c->place -- */

/* An organisation head word closes the name (Astana IT University), unless
 * the last word is another kind of entity that starts the chunk. */
static void org_closing_head(const rctx *r, chunk *c) {
    const nx_document *doc = r->doc;
    size_t a = c->a, b = c->b;
    if (b - a >= 2 && head_feat(r, b - 1) &&
        !(r->owner[b - 1] >= 0 && SPAN(doc, r->owner[b - 1])->type != NX_ORGANIZATION && SPAN(doc, r->owner[b - 1])->t0 == a))
        c->org = 1;
}

/* A head word and its complement: Ministry of Education, Center for X. */
static void org_head_with_complement(const rctx *r, chunk *c) {
    for (size_t i = c->a; i + 1 < c->b && !c->org; i++)
        if (feat(r, i, NX_FEAT(NX_G_ORG_HEAD)) && is_word(r, i + 1, NX_G_NAME_LINKER)) c->org = 1;
}

/* Low & Bonar, Douglas & Lomason: a name with an ampersand is a firm. */
static void org_ampersand(const rctx *r, chunk *c) {
    for (size_t i = c->a + 1; i + 1 < c->b && !c->org; i++)
        if (is_punct(r, i, '&')) c->org = 1;
}

/* A gazetteer organisation at the end already names the organisation,
 * unless plain words before it belong to its name ("University Education
 * Department"), a nationality too when the name ends in a head word
 * ("Scottish Labour Party", "Romanian Air Force": the country's own body,
 * as "Chinese Foreign Ministry" is read). */
static void org_named_by_gazetteer(const rctx *r, chunk *c) {
    const nx_document *doc = r->doc;
    size_t a = c->a, b = c->b;
    if (!c->org || r->owner[b - 1] < 0 || SPAN(doc, r->owner[b - 1])->type != NX_ORGANIZATION) return;
    size_t o0 = SPAN(doc, r->owner[b - 1])->t0;
    int plain = o0 > a;
    for (size_t i = a; i < o0; i++)
        if (r->gz_at[i] >= 0 || stop(r, i) || feat(r, i, NX_FEAT(NX_G_GIVEN))) plain = 0;
    /* ("Arkansas Democratic Party", "Quebec Liberal Party": a state or
     * province alone before a party is its branch there) */
    static const char *const party_kind[] = {"party", NULL}, *const region_kind[] = {"admin1", NULL};
    if (!plain && o0 > a && r->gz_at[a] >= 0 && SPAN(doc, r->gz_at[a])->t1 == o0 && SPAN(doc, r->gz_at[a])->type == NX_PLACE &&
        is_kind(SPAN(doc, r->gz_at[a]), region_kind) && is_kind(SPAN(doc, r->owner[b - 1]), party_kind) && head_feat(r, b - 1) &&
        !place_cue_before(r, a))
        plain = 1;
    if (!plain) c->org = 0;
}

/* "Party of Regions", "Bank of the West": a gazetteer organisation that is
 * the whole chunk is named already; a place word inside does not make it a
 * place. */
static int whole_gazetteer_org(const rctx *r, const chunk *c) {
    int32_t s = r->gz_at[c->a];
    return s >= 0 && SPAN(r->doc, s)->type == NX_ORGANIZATION && SPAN(r->doc, s)->t1 == c->b;
}

/* A place head word closes the name: Tianshan Mountains. */
static void place_closing_head(const rctx *r, chunk *c) {
    size_t a = c->a, b = c->b;
    if (!c->org && b - a >= 2 && !whole_gazetteer_org(r, c) && !r->headline[a] && feat(r, b - 1, NX_FEAT(NX_G_PLACE_HEAD)) && r->gz_at[b - 1] < 0)
        c->place = 1;
}

/* Lake Huron, Mount Kenya, Cape Town: a leading place word. */
static void place_leading_word(const rctx *r, chunk *c) {
    size_t a = c->a, b = c->b;
    if (!c->org && !c->place && b - a == 2 && !r->headline[a] && feat(r, a, NX_FEAT(NX_G_PLACE_HEAD)) && r->gz_at[a] < 0 &&
        !r->sports && (r->gz_at[b - 1] >= 0 || plain_name_word(r, b - 1)))
        c->place = 1;
}

/* Gulf of Mexico, Province of Ontario, Kingdom of Prussia. */
static void place_head_with_complement(const rctx *r, chunk *c) {
    for (size_t i = c->a; i + 2 < c->b && !c->org && !c->place; i++)
        if (feat(r, i, NX_FEAT(NX_G_PLACE_HEAD)) && r->gz_at[i] < 0 && name_complement_linker(r, i + 1) &&
            !r->headline[c->a] && !whole_gazetteer_org(r, c))
            c->place = 1;
}

/* A quoted phrase ending in a place word ("Digital Silk Road") is a title
 * or a slogan; quoted organisation names stay organisations. */
static void place_not_quoted(const rctx *r, chunk *c) {
    size_t a = c->a, b = c->b;
    if (c->place && a > 0 && (tok(r, a - 1)->shape & NX_SH_OPEN) && b < r->n && quote_close(r, b)) c->place = 0;
}

/* (every reading but org_ampersand needs an organisation or place head
 * word in the chunk, or c->org or c->place set: head_words reads only
 * org_ampersand and org_named_by_gazetteer in a chunk without one) */
static void (*const HEAD_READINGS[])(const rctx *r, chunk *c) = {
    org_closing_head,   org_head_with_complement, org_ampersand,              org_named_by_gazetteer,
    place_closing_head, place_leading_word,       place_head_with_complement, place_not_quoted,
};

/* An organisation or place head word closes a name of its kind. */
static step_result head_words(rctx *r, chunk *c, nx_status *st) {
    (void)st;
    c->org = c->place = 0;
    /* (most chunks have no head word) */
    if (!range_has(r, c->a, c->b, NX_FEAT(NX_G_ORG_HEAD) | NX_FEAT(NX_G_ORG_SUFFIX) | NX_FEAT(NX_G_PLACE_HEAD))) {
        org_ampersand(r, c);
        org_named_by_gazetteer(r, c);
        return NEXT;
    }
    /* (unrolled, each call is a direct one the compiler may inline) */
#pragma GCC unroll 16
    for (size_t i = 0; i < sizeof HEAD_READINGS / sizeof *HEAD_READINGS; i++) HEAD_READINGS[i](r, c);
    return NEXT;
}

/* "Secretary of the Interior Franklin Knight Lane", "dictator Park
 * Chung-hee", "Governor Stanley Park": right after a title, an honorific or
 * a membership noun,
 * plain words that open with a given name (or a family name written first)
 * and end in a place head word are a person's name, not a place. */
static step_result person_not_place_after_title(rctx *r, chunk *c, nx_status *st) {
    size_t a = c->a, b = c->b;
    /* (the chunk's own tests first: few chunks are read as places) */
    if (!c->place || c->org || b - a < 2 || b - a > 4 || r->headline[a]) return NEXT;
    /* (or a membership noun: "Asian Man Records founder Mike Park"; or a
     * title predicate or apposition after it: "Park Eunsik ( 1859 - 1925 )
     * was a historian", "Kim Park, a historian") */
    int member = a > 0 && is_word(r, a - 1, NX_G_MEMBERSHIP_NOUN) && (tok(r, a - 1)->shape & NX_SH_LOWER) && r->owner[a - 1] < 0;
    size_t lived = life_dates_end(r, b);
    int predicate = title_predicate_after(r, b) || (lived > b && title_predicate_after(r, lived)) || title_apposition_after(r, b);
    if (!(member || predicate || (c->evidence && title_before(r, a)))) return NEXT;
    if (!feat(r, a, NX_FEAT(NX_G_GIVEN)) && !(tok(r, a)->feat & NX_FEAT_FAMILY_FIRST)) return NEXT;
    for (size_t i = a; i < b; i++)
        if (r->gz_at[i] >= 0 || !capitalised(tok(r, i)) || name_complement_linker(r, i)) return NEXT;
    drop_range(r, a, b);
    int titled = member || (c->evidence && title_before(r, a));
    *st = add_person(r, a, b, titled ? NX_RULE_PERSON_TITLE_BEFORE : NX_RULE_PERSON_TITLE_PREDICATE);
    return DONE;
}

/* A person's name may contain a word that is also a place (Wang Donghai,
 * Neil Jordan): strong person evidence reads the whole chunk. It may even
 * start with one that is also a given name, when a title stands before it
 * or no other place is in it (Prime Minister Vladimir Putin, Paris Hilton). */
static step_result person_over_places(rctx *r, chunk *c, nx_status *st) {
    nx_document *doc = r->doc;
    size_t a = c->a, b = c->b;
    /* "Ms. Ivanova", "Dr. Florence": one word that is a place alone after
     * an honorific is a surname (after a title it stays a place: "England
     * captain ... coach England" gave a person England) */
    if (b - a == 1 && c->a0 < a && feat(r, a - 1, NX_FEAT(NX_G_HONORIFIC)) && gz_type(r, a, NX_PLACE) &&
        SPAN(doc, r->gz_at[a])->t1 == b && !r->headline[a] &&
        (tok(r, a)->shape & NX_SH_ALPHA) && !(tok(r, a)->shape & NX_SH_ALLCAPS)) {
        drop_range(r, a, b);
        *st = add_person(r, a, b, NX_RULE_PERSON_TITLE_BEFORE);
        return DONE;
    }
    if (c->org || c->place || b - a < 2 || r->headline[a] || gz_type(r, a, NX_ORGANIZATION)) return NEXT;
    /* ("Bristol Rovers", "Sydney Swans", "Paris St Germain": in a sports
     * report a city with a plural or another place after it is a club,
     * read by sports_club) */
    if (r->sports && gz_type(r, a, NX_PLACE) && is_kind(SPAN(doc, r->gz_at[a]), TOWN_KINDS) && !c->evidence &&
        (plural_stem(tok(r, b - 1)) || gz_type(r, b - 1, NX_PLACE)))
        return NEXT;
    /* "Democrat Walter Mondale": a party word first is read by classify_run */
    if (is_word(r, a, NX_G_PARTY_WORD) && feat(r, a + 1, NX_FEAT(NX_G_GIVEN))) return NEXT;
    size_t places = 0;
    for (size_t i = a; i < b; i++) {
        if (gz_type(r, i, NX_ORGANIZATION)) return NEXT;
        places += gz_type(r, i, NX_PLACE);
    }
    /* "the Prime Minister of India Narendra Modi": a place after "TITLE of"
     * completes the title; it starts no name */
    if (gz_type(r, a, NX_PLACE) && a > 0 && title_of(r, a - 1) >= 0) return NEXT;
    /* (not after a place preposition: "the minister in London John Smith") */
    /* ("CEO Dali Mpofu", "Mayor London Breed": right after a title, a
     * one-word city that opens plain name words opens a name) */
    int city_name = c->evidence && title_before(r, a) && gz_type(r, a, NX_PLACE) && SPAN(doc, r->gz_at[a])->t1 == a + 1 &&
                    SPAN(doc, r->gz_at[a])->kind && !strcmp(SPAN(doc, r->gz_at[a])->kind, "city") && places == 1;
    for (size_t i = a + 1; i < b && city_name; i++) city_name = plain_name_word(r, i);
    if (gz_type(r, a, NX_PLACE) && !is_town(SPAN(doc, r->gz_at[a])) && !city_name &&
        !(feat(r, a, NX_FEAT(NX_G_GIVEN)) && (c->evidence || places == 1) && SPAN(doc, r->gz_at[a])->t1 == a + 1 &&
          /* (but "a letter from Vladimir Putin": the cue is no place's
           * when no given name follows the place word) */
          !(a > 0 && place_cue_before(r, a) && (tok(r, a - 1)->shape & NX_SH_LOWER) && a + 1 < b &&
            feat(r, a + 1, NX_FEAT(NX_G_GIVEN)))))
        return NEXT;
    /* "Prime Minister Brian Mulroney U.S. President George H. W. Bush",
     * "vocalist Marc Almond German Europop artist Haddaway": in a list
     * without commas a name does not run on, after two name words, into a
     * nationality, nor into a country written in capitals or right before
     * the next title; the rest is read on its own */
    /* "Alexander Ramsey Minnesota 's governor", "Hun Sen Cambodia Prime
     * Minister": without a title before it, the name stops at a state or
     * country that ends the chunk when the place's title follows (an
     * apposition whose comma was dropped) */
    int tail = 0;
    if (!c->evidence && b + 1 < r->n) {
        size_t j = b;
        if (tok(r, j)->shape & NX_SH_POSS) j++;
        while (j < r->n && j < b + 3 && is_word(r, j, NX_G_TITLE_ADJECTIVE) && !r->title_tok[j]) j++;
        tail = title_after(r, j) && state_office(r, r->owner[j]);
    }
    if (c->evidence || tail)
        for (size_t i = a + 2; i < b; i++) {
            int32_t k = r->gz_at[i];
            int nationality = k < 0 && feat(r, i, NX_FEAT(NX_G_DEMONYM)) && capitalised(tok(r, i));
            if (nationality && !c->evidence) continue;
            if (!nationality) {
                if (k < 0 || SPAN(doc, k)->t0 != i) continue;
                const nx_span *s = SPAN(doc, k);
                /* (any place abbreviated: "Sen. Edward Kennedy Mass.", "Gordon Smith Ore.") */
                int split = c->evidence ? s->type == NX_PLACE &&
                                              (((tok(r, i)->shape & NX_SH_ABBREV) && !single_letter(tok(r, i))) ||
                                               (is_country(s) && ((tok(r, i)->shape & NX_SH_ALLCAPS) || (s->t1 == b && title_after(r, b)))))
                                        : s->type == NX_PLACE && s->t1 == b && is_kind(s, STATE_KINDS);
                if (!split) {
                    i = s->t1 - 1;
                    continue;
                }
            }
            nx_rule rule = person_reason(r, a, i, c->evidence);
            if (rule == NX_RULE_NONE) break;
            /* (the nationality itself starts no name: "German Europop") */
            if (i + nationality < b && (*st = classify_chunk(r, i + nationality, b)) != NX_OK) return DONE;
            drop_range(r, a, i);
            *st = add_person(r, a, i, rule);
            return DONE;
        }
    nx_rule rule = person_reason(r, a, b, c->evidence);
    if (rule == NX_RULE_NONE) return NEXT;
    drop_range(r, a, b);
    *st = add_person(r, a, b, rule);
    return DONE;
}

/* In a sports report a place with more name around it is a club:
 * Manchester City, Real Madrid, Hansa Rostock, Kansas City Royals. */
static step_result sports_club(rctx *r, chunk *c, nx_status *st) {
    nx_document *doc = r->doc;
    size_t a = c->a, b = c->b;
    if (!r->sports || c->org || b - a < 2 || title_before(r, a)) return NEXT;
    int has_place = 0, has_other = 0;
    for (size_t i = a; i < b;) {
        if (gz_type(r, i, NX_PLACE) && !is_country(SPAN(doc, r->gz_at[i]))) {
            has_place = 1;
            i = SPAN(doc, r->gz_at[i])->t1;
        } else {
            /* (a known organisation is the club's own name: "Florida
             * Marlins", "Inter Milan") */
            if (r->gz_at[i] >= 0 && SPAN(doc, r->gz_at[i])->type == NX_ORGANIZATION && !has_other) {
                has_other = 1;
                i = SPAN(doc, r->gz_at[i])->t1;
                continue;
            }
            if (r->gz_at[i] >= 0 || (capitalised(tok(r, i)) && (tok(r, i)->feat & NX_FEAT(NX_G_GIVEN)) && i == a))
                has_other = 2; /* another entity, or a person's name */
            else if (capitalised(tok(r, i)) && !has_other)
                has_other = 1;
            i++;
        }
    }
    if (!has_place || has_other != 1) return NEXT;
    drop_range(r, a, b);
    *st = add_span(r, a, b, NX_ORGANIZATION, NX_RULE_ORG_SPORTS_TEAM) < 0 ? NX_ERR_NOMEM : NX_OK;
    return DONE;
}

/* "Nintendo of America", "House of Commons of Canada": a gazetteer
 * organisation, "of" and a country that end the name are one
 * organisation, its branch or body in that country; not after a legal form
 * ("Dow Chemical Co of the United States" says where the company is from). */
static step_result org_of_country(rctx *r, chunk *c, nx_status *st) {
    nx_document *doc = r->doc;
    size_t a = c->a, b = c->b;
    if (b - a < 3 || r->gz_at[a] < 0) return NEXT;
    size_t of = SPAN(doc, r->gz_at[a])->t1;
    if (of + 2 > b || !org_of_country_at(r, a, of) || SPAN(doc, r->gz_at[of + 1])->t1 != b) return NEXT;
    drop_range(r, a, b);
    *st = add_span(r, a, b, NX_ORGANIZATION, NX_RULE_ORG_OF_COUNTRY) < 0 ? NX_ERR_NOMEM : NX_OK;
    return DONE;
}

/* The organisation or place the head words found, with its edges fixed. */
static step_result org_or_place(rctx *r, chunk *c, nx_status *st) {
    nx_document *doc = r->doc;
    if (!c->org && !c->place) return NEXT;
    int org = c->org;
    size_t a0 = c->a0, a = c->a, b = c->b;
    /* "First Albany Corp.": only function words are not part of the name */
    while (a0 < a && (is_word(r, a0, NX_G_FUNCTION_WORD) || feat(r, a0, NX_FEAT(NX_G_HONORIFIC)) ||
                      !capitalised(tok(r, a0)) || former_word(r, a0)))
        a0++;
    a = a0;
    /* "St. Louis-based Mercantile Bancorp Inc.", "Family-controlled Douglas
     * & Lomason", "August National Association of ...": a word whose part
     * after its hyphen is in lower case describes the organisation, and a
     * month before it dates it; neither is part of its name */
    if (org) {
        for (size_t i = a; i + 1 < b; i++)
            if (lower_after_hyphen(r, i) && capitalised(tok(r, i + 1)) && !tail_function_word(r, i)) a = i + 1;
        if (a + 1 < b && feat(r, a, NX_FEAT(NX_G_MONTH)) && capitalised(tok(r, a + 1)) && r->gz_at[a] < 0 && !head_feat(r, a + 1))
            a++; /* (not "May Department Stores Co") */
    }
    /* Uzbekistan Foreign Ministry, US Federal Reserve: a country before an
     * organisation's own name stays a place; a region is part of the name
     * ("Caribbean Dispatch Services", "East Asia Economic Group"), as a
     * country is of a company's ("America West Holdings Corporation") */
    if (org && gz_type(r, a, NX_PLACE) && is_kind(SPAN(doc, r->gz_at[a]), COUNTRY_KIND) && b - SPAN(doc, r->gz_at[a])->t1 >= 2 &&
        !is_word(r, SPAN(doc, r->gz_at[a])->t1, NX_G_NAME_LINKER) && !feat(r, b - 1, NX_FEAT(NX_G_ORG_SUFFIX)))
        a = SPAN(doc, r->gz_at[a])->t1;
    /* Ministry of Education Diane Cecile Parker: a given name after the
     * "of" part starts a person (after_of: a linker among a .. i - 2, kept
     * as i grows, so a long run of names is one pass) */
    int after_of = 0;
    for (size_t i = a + 2; org && i + 1 < b; i++) {
        if (is_word(r, i - 2, NX_G_NAME_LINKER)) after_of = 1;
        if (is_word(r, i - 1, NX_G_NAME_LINKER) || !feat(r, i, NX_FEAT(NX_G_GIVEN)) || stop(r, i)) continue;
        if (!after_of) continue;
        if ((*st = classify_chunk(r, i, b)) != NX_OK) return DONE;
        b = i;
        /* ("the Congress of Trade Unions and Raymond Majongwe": the
         * conjunction before the person is no part of the name) */
        while (b > a + 1 && (is_word(r, b - 1, NX_G_CONJUNCTION) || tok(r, b - 1)->kind == NX_TOK_PUNCT)) b--;
        break;
    }
    /* "... Ministry of Education Dilvo Ristoff, Minister in ...": two plain
     * name words closing the "of" part before an apposed title are a person */
    if (org && b - a >= 5 && title_apposition_after(r, b) && plain_name_word(r, b - 1) && plain_name_word(r, b - 2) &&
        !is_word(r, b - 3, NX_G_NAME_LINKER) && range_has(r, a, b - 2, NX_FEAT(NX_G_ORG_HEAD))) {
        size_t of = 0;
        for (size_t k = a; k + 2 < b; k++)
            if (is_word(r, k, NX_G_NAME_LINKER)) of = k;
        if (of && of + 1 < b - 2) {
            if ((*st = add_person(r, b - 2, b, NX_RULE_PERSON_TITLE_APPOSITION)) != NX_OK) return DONE;
            b -= 2;
        }
    }
    /* "General Secretary of the Congress of South African Trade Unions
     * Zwelinzima Vavi": after "TITLE of (the)", two or three plain name
     * words right after the name's last head word are the title's holder */
    if (org && a >= 2 && b - a >= 4) {
        size_t of = is_word(r, a - 1, NX_G_DEFINITE) ? a - 2 : a - 1;
        size_t h = b - 2;
        while (h > a && !head_feat(r, h - 1)) h--;
        int plain = h > a && b - h >= 2 && b - h <= 3 && title_of(r, of) >= 0;
        for (size_t k = h; k < b && plain; k++) plain = plain_name_word(r, k);
        if (plain) {
            if ((*st = add_person(r, h, b, NX_RULE_PERSON_TITLE_OF_ORG_BEFORE)) != NX_OK) return DONE;
            b = h;
        }
    }
    drop_range(r, a, b);
    nx_type t = org ? NX_ORGANIZATION : NX_PLACE;
    *st = add_span(r, a, b, t, org ? NX_RULE_ORG_HEAD_WORD : NX_RULE_PLACE_HEAD_WORD) < 0 ? NX_ERR_NOMEM : NX_OK;
    return DONE;
}

/* Otherwise the gazetteer entities stay, and the runs between them are
 * judged on their own (classify_run). */
static step_result runs_between_entities(rctx *r, chunk *c, nx_status *st) {
    nx_document *doc = r->doc;
    size_t i = c->a, b = c->b;
    int ev = c->evidence;
    int32_t prev_place = -1;
    while (i < b) {
        if (r->gz_at[i] >= 0) {
            int32_t k = r->gz_at[i];
            prev_place = SPAN(doc, k)->type == NX_PLACE ? k : -1;
            i = SPAN(doc, k)->t1;
            ev = 0;
            continue;
        }
        size_t j = i;
        while (j < b && r->gz_at[j] < 0) j++;
        /* connectors at the edges of a run belong to no name */
        size_t x = i, y = j;
        while (x < y && !capitalised(tok(r, x))) x++;
        while (y > x && !name_word(r, y - 1)) y--;
        int made = 0;
        if (x < y) {
            if ((*st = classify_run(r, x, y, ev, &made)) != NX_OK) return DONE;
            /* a place that starts a longer name of another kind is not a
             * place there: U.S. Open, Chicago Cubs */
            if (!made && prev_place >= 0 && SPAN(doc, prev_place)->t1 == x && !r->headline[x]) {
                size_t p0 = SPAN(doc, prev_place)->t0, p1 = SPAN(doc, prev_place)->t1;
                drop_range(r, p0, p1);
            }
        }
        prev_place = -1;
        ev = 0;
        i = j;
    }
    return DONE;
}

/* The steps, in order; the last one always settles the chunk. */
static const struct {
    const char *name;
    step_result (*run)(rctx *r, chunk *c, nx_status *st);
} CHUNK_STEPS[] = {
    {"a given name after a monarch's rank", given_name_after_monarch},
    {"one gazetteer entity", one_entity},
    {"trim", trim},
    {"organisation after a generic noun", org_after_generic_noun},
    {"event, award or work", event_award_or_work},
    {"head words", head_words},
    {"person, not a place, after a title", person_not_place_after_title},
    {"person over places", person_over_places},
    {"sports club", sports_club},
    {"organisation of a country", org_of_country},
    {"organisation or place", org_or_place},
    {"runs between entities", runs_between_entities},
};

static nx_status classify_chunk(rctx *r, size_t a, size_t b) {
    chunk c = {a, a, b, 0, 0, 0};
    nx_status st = NX_OK;
    /* (unrolled, each call is a direct one the compiler may inline) */
#pragma GCC unroll 16
    for (size_t i = 0; i < sizeof CHUNK_STEPS / sizeof *CHUNK_STEPS; i++)
        if (CHUNK_STEPS[i].run(r, &c, &st) == DONE) break;
    return st;
}

/* Whether the capitalised words from i on reach another organisation head
 * (First Bank System Inc.), so a head before them does not end the name. */
static int head_ahead(const rctx *r, size_t i) {
    size_t e;
    while ((e = unit_at(r, i)) > i) {
        if (head_feat(r, e - 1)) return 1;
        i = e;
    }
    return 0;
}

static nx_status chunks(rctx *r) {
    size_t i = 0, ci = 0, gi = 0;
    for (;;) {
        /* a unit is a gazetteer entity or a capitalised word: the next one
         * starts at the first of the lists' tokens from i on */
        while (ci < r->n_caps && r->caps[ci] < i) ci++;
        while (gi < r->n_gz && r->gz_starts[gi] < i) gi++;
        size_t c = ci < r->n_caps ? r->caps[ci] : r->n, g = gi < r->n_gz ? r->gz_starts[gi] : r->n;
        i = c < g ? c : g;
        if (i >= r->n) break;
        size_t e = unit_at(r, i);
        if (e == i) {
            i++;
            continue;
        }
        size_t a = i, b = e;
        for (;;) {
            if (b >= r->n || !same_line(r, b - 1, b) || tok(r, b)->sent != tok(r, a)->sent) break;
            /* an organisation head ends the name unless more of it follows */
            int after_head = head_feat(r, b - 1) && r->gz_at[a] < 0 &&
                             !(b - 1 == name_opener(r, a) && opening_suffix(r, b - 1)) &&
                             /* (a legal-form word right after "for", "of" or "and" is a
                              * word of the complement: "Institute for International
                              * Economics", "Strategic and International Studies") */
                             !(!feat(r, b - 1, NX_FEAT(NX_G_ORG_HEAD)) && b >= a + 2 &&
                               (is_word(r, b - 2, NX_G_NAME_LINKER) || is_word(r, b - 2, NX_G_CONJUNCTION)) &&
                               (tok(r, b - 2)->shape & NX_SH_LOWER));
            size_t e2 = unit_at(r, b);
            /* a capitalised function word (Among, Of, The) in a title-cased
             * phrase ends the name */
            if (e2 == b + 1 && stop(r, b) && !feat(r, b, NX_FEAT(NX_G_GIVEN) | NX_FEAT(NX_G_SURNAME)))
                break;
            if (e2 > b) {
                if (after_head && !head_feat(r, b) && !head_ahead(r, b)) break;
                /* "Acme Corp John Smith": a designator ends a company's
                 * name, and a given name after it starts a person's */
                if (feat(r, b - 1, NX_FEAT(NX_G_ORG_SUFFIX)) && feat(r, b, NX_FEAT(NX_G_GIVEN)) && !head_ahead(r, b))
                    break;
                b = e2;
                continue;
            }
            size_t ns;
            if (joins(r, a, b, &ns)) {
                size_t e3 = unit_at(r, ns);
                if (e3 > ns) {
                    b = e3;
                    continue;
                }
            }
            break;
        }
        nx_status st = classify_chunk(r, a, b);
        if (st != NX_OK) return st;
        i = b;
    }
    return NX_OK;
}

/* ---- acronyms and one sense per document ------------------------------------ */

static int acronym_shape(const nx_token *t) {
    return t->kind == NX_TOK_WORD && (t->shape & NX_SH_CAP) && !(t->shape & NX_SH_POSS) && t->fold_len >= 2 &&
           t->fold_len <= 12;
}

/* Whether the token's text has two capital letters (A-Z) or more. */
static int two_capitals(const rctx *r, const nx_token *t) {
    int n = 0;
    for (uint32_t i = t->b0; i < t->b1 && n < 2; i++) {
        char c = r->doc->text.work[i];
        if (c >= 'A' && c <= 'Z') n++;
    }
    return n >= 2;
}

static nx_status acronyms(rctx *r) {
    nx_document *doc = r->doc;
    size_t n_spans = doc->spans.count;
    for (size_t k = 0; k < n_spans; k++) {
        nx_span *s = SPAN(doc, k);
        if (s->flags & NX_SPAN_DROPPED) continue;
        if (s->type != NX_ORGANIZATION && s->type != NX_PLACE) continue;
        size_t i = s->t1;
        if (!is_punct(r, i, '(') || !is_punct(r, i + 2, ')')) continue;
        const nx_token *t = tok(r, i + 1);
        if (!acronym_shape(t) || !two_capitals(r, t) || doc->blocked[i + 1]) continue;
        /* a definition in the text wins over a gazetteer's reading of the
         * same letters (UPI here is United Press International) */
        if (r->owner[i + 1] >= 0) {
            const nx_span *o = SPAN(doc, r->owner[i + 1]);
            if (o->t0 != i + 1 || o->t1 != i + 2 || o->type > NX_PLACE || (o->flags & NX_SPAN_ACRONYM)) continue;
            drop_range(r, i + 1, i + 2);
        }
        /* the acronym starts with the initial of some word of the name */
        char c0 = t->fold[0];
        int ok = 0;
        for (size_t w = s->t0; w < s->t1; w++) {
            const char *f = tok(r, w)->fold;
            if (f[0] == c0) ok = 1;
            for (const char *h = f; *h; h++) /* Al-Farabi: initials after hyphens count */
                if (*h == '-' && h[1] == c0) ok = 1;
        }
        if (!ok) continue;
        const char *canon = s->canon ? s->canon : nx_doc_span_text(doc, s);
        if (!canon) return NX_ERR_NOMEM;
        int32_t id = add_span(r, i + 1, i + 2, (nx_type)s->type, NX_RULE_ACRONYM_DEFINED);
        if (id < 0) return NX_ERR_NOMEM;
        s = SPAN(doc, k);
        nx_span *a = SPAN(doc, id);
        a->canon = canon;
        a->flags |= NX_SPAN_ACRONYM;
        a->country = s->country;
    }
    return NX_OK;
}

/* "rector of KAZNU", "chairman of NYMEX": a word in capitals right after a
 * title and "of" or "at" is the organisation the title is at. */
static nx_status acronyms_after_titles(rctx *r) {
    nx_document *doc = r->doc;
    for (size_t ci = 0; ci < r->n_caps; ci++) {
        size_t i = r->caps[ci];
        const nx_token *t = tok(r, i);
        /* (the shape first: few capitalised words are in capitals) */
        if (!(t->shape & NX_SH_ALLCAPS) || !(t->shape & NX_SH_ALPHA) || t->fold_len < 2 || t->fold_len > 8 || i < 2 ||
            r->owner[i] >= 0 || doc->blocked[i] || r->headline[i])
            continue;
        if (!is_word(r, i - 1, NX_G_ACRONYM_LINKER) || !r->title_tok[i - 2])
            continue;
        if ((t->feat & (NX_FEAT(NX_G_STOP) | NX_FEAT(NX_G_TITLE) | NX_FEAT(NX_G_DEMONYM))) ||
            r->lower[r->word[i]])
            continue;
        if (add_span(r, i, i + 1, NX_ORGANIZATION, NX_RULE_ORG_ACRONYM_AFTER_TITLE) < 0) return NX_ERR_NOMEM;
    }
    return NX_OK;
}

/* What "the Committee" at token i refers back to: the one organisation
 * name of two words or more before it that holds the same head word ("the
 * Nobel Committee ... chairman of the Committee"); none when two could be
 * meant. The names are taken in order of their end as the scan moves on,
 * each head word of theirs mapped to its canonical name, so a document
 * costs one pass over its organisations, however many such words it has. */
typedef struct head_refs {
    struct org_end { uint32_t t1, span; } *ends; /* multi-word organisations by end token */
    size_t n, next;
    nx_strmap heads;   /* folded head word -> 1 (two names), or canon index + 2 */
    const char **canon;
    size_t n_canon;
} head_refs;

static int cmp_org_end(const void *a, const void *b) {
    const struct org_end *x = a, *y = b;
    return x->t1 != y->t1 ? (x->t1 < y->t1 ? -1 : 1) : (x->span < y->span ? -1 : x->span > y->span);
}

static int head_refs_init(rctx *r, head_refs *h) {
    nx_document *doc = r->doc;
    memset(h, 0, sizeof *h);
    nx_strmap_init(&h->heads);
    size_t n = doc->spans.count;
    h->ends = nx_arena_alloc_uninit(&doc->arena, (n + 1) * sizeof *h->ends);
    h->canon = nx_arena_alloc_uninit(&doc->arena, (n + 1) * sizeof *h->canon);
    if (!h->ends || !h->canon) return -1;
    for (size_t k = 0; k < n; k++) {
        const nx_span *s = SPAN(doc, k);
        if (s->type == NX_ORGANIZATION && s->t1 - s->t0 >= 2) h->ends[h->n++] = (struct org_end){s->t1, (uint32_t)k};
    }
    qsort(h->ends, h->n, sizeof *h->ends, cmp_org_end);
    return 0;
}

/* Sets *canon to what the head word at token i refers back to, or NULL;
 * -1 when out of memory. */
static int head_referent(rctx *r, head_refs *h, size_t i, const char **canon) {
    nx_document *doc = r->doc;
    for (; h->next < h->n && h->ends[h->next].t1 <= i; h->next++) {
        const nx_span *s = SPAN(doc, h->ends[h->next].span);
        const char *c = s->canon ? s->canon : nx_doc_span_text(doc, (nx_span *)s);
        if (!c) return -1;
        h->canon[h->n_canon] = c;
        for (size_t q = s->t0; q < s->t1; q++) {
            const nx_token *t = tok(r, q);
            if (!(t->feat & NX_FEAT(NX_G_ORG_HEAD))) continue;
            uint32_t v;
            if (!nx_strmap_get(&h->heads, t->fold, t->fold_len, &v)) v = (uint32_t)h->n_canon + 2;
            else if (v >= 2 && strcmp(h->canon[v - 2], c) != 0) v = 1;
            if (nx_strmap_put(&h->heads, t->fold, t->fold_len, v)) return -1;
        }
        h->n_canon++;
    }
    const nx_token *t = tok(r, i);
    uint32_t v = 0;
    nx_strmap_get(&h->heads, t->fold, t->fold_len, &v);
    *canon = v >= 2 ? h->canon[v - 2] : NULL;
    return 0;
}

/* "the Committee", "the Senate": a capitalised organisation head alone after
 * "the", in running text, names the organisation the context has in mind;
 * and an unknown word in capitals (NAAFI, CBBC) is an organisation's acronym. */
static nx_status lone_org_words(rctx *r) {
    nx_document *doc = r->doc;
    head_refs refs;
    int refs_made = 0;
    nx_status st = NX_OK;
    for (size_t ci = 0; ci < r->n_caps && st == NX_OK; ci++) {
        size_t i = r->caps[ci];
        /* (the text's first word: only the acronym reading, "RCTV 's top
         * executive", which reads nothing before it) */
        if (i < 1 && !(tok(r, 0)->shape & NX_SH_ALLCAPS)) continue;
        const nx_token *t = tok(r, i);
        /* (neither rule reads a word that is no head word and not in capitals: most) */
        if (!(t->feat & NX_FEAT(NX_G_ORG_HEAD)) && !(t->shape & NX_SH_ALLCAPS)) continue;
        if (r->owner[i] >= 0 || doc->blocked[i] || r->headline[i] || r->title_tok[i] || r->judged[i] ||
            t->kind != NX_TOK_WORD)
            continue;
        int next_cap = i + 1 < r->n && capitalised(tok(r, i + 1)) && tok(r, i + 1)->brk == NX_BRK_SPACE;
        /* "Secretary of the Navy William Jones": after "TITLE of the" the
         * head word is the title's organisation, and a name may follow */
        int of_title = i >= 3 && title_of(r, i - 2) >= 0;
        if ((t->feat & NX_FEAT(NX_G_ORG_HEAD)) && (t->shape & NX_SH_CAP) && !(t->shape & NX_SH_ALLCAPS) &&
            !t->sent_start && is_word(r, i - 1, NX_G_DEFINITE) && (!next_cap || of_title) &&
            !is_word(r, i + 1, NX_G_NAME_LINKER)) {
            if (!refs_made && (refs_made = 1, head_refs_init(r, &refs))) {
                st = NX_ERR_NOMEM;
                break;
            }
            const char *canon = NULL;
            int32_t id = head_referent(r, &refs, i, &canon) ? -1 : add_span(r, i, i + 1, NX_ORGANIZATION, NX_RULE_ORG_THE_HEAD_WORD);
            if (id < 0) {
                st = NX_ERR_NOMEM;
                break;
            }
            SPAN(doc, id)->canon = canon;
            continue;
        }
        /* "elected to Congress", "Parliament voted": a legislature's head
         * word (data: kind=legislature) alone, after no capitalised word or
         * ordinal ("the U.S. Congress", "the Forty-first Congress" are read
         * as wholes or not at all), is that legislature */
        if ((t->feat & NX_FEAT(NX_G_ORG_HEAD)) && (t->shape & NX_SH_CAP) && !(t->shape & NX_SH_ALLCAPS) && !next_cap &&
            !is_word(r, i + 1, NX_G_NAME_LINKER) && word_of_class(r, t->fold, t->fold_len, NX_G_ORG_HEAD, "legislature") &&
            (t->sent_start || is_word(r, i - 1, NX_G_FUNCTION_WORD) || tok(r, i - 1)->kind == NX_TOK_PUNCT)) {
            if (add_span(r, i, i + 1, NX_ORGANIZATION, NX_RULE_ORG_LEGISLATURE) < 0) {
                st = NX_ERR_NOMEM;
                break;
            }
            continue;
        }
        /* not a table label ("NOTE -", "ISSUE :"), not a unit after a number
         * (1400 GMT); in a sports report (tables of codes) only between a
         * determiner and a lower-case word: "his WBO featherweight title" */
        int modifier = is_word(r, i - 1, NX_G_DETERMINER) && i + 1 < r->n && (tok(r, i + 1)->shape & NX_SH_LOWER);
        int label = i + 1 < r->n && tok(r, i + 1)->kind == NX_TOK_PUNCT && strchr(":-/=", tok(r, i + 1)->fold[0]);
        if ((t->shape & NX_SH_ALLCAPS) && (t->shape & NX_SH_ALPHA) && t->fold_len >= 3 && t->fold_len <= 6 &&
            !(t->feat & ~NX_FEAT_CLOSED_CLASS) &&
            !(t->shape & NX_SH_ABBREV) && !next_cap && !label && (i == 0 || tok(r, i - 1)->kind != NX_TOK_NUM) &&
            (!r->sports || modifier) &&
            !r->lower[r->word[i]] &&
            !(i > 0 && capitalised(tok(r, i - 1)) && tok(r, i)->brk == NX_BRK_SPACE)) {
            if (add_span(r, i, i + 1, NX_ORGANIZATION, NX_RULE_ORG_ACRONYM_SHAPE) < 0) {
                st = NX_ERR_NOMEM;
                break;
            }
        }
    }
    if (refs_made) nx_strmap_free(&refs.heads);
    return st;
}

/* ---- acronyms from initials ------------------------------------------------- */

typedef struct words {
    const char *w[24];
    uint8_t len[24];
    uint8_t function[24];  /* of, and, the ...: may give no letter */
    uint8_t suffix[24];    /* Inc., Ltd: may close the name unused */
    size_t n;
} words;

static void split_words(const rctx *r, size_t a, size_t b, words *out) {
    out->n = 0;
    for (size_t i = a; i < b && out->n < 24; i++) {
        const nx_token *t = tok(r, i);
        if (t->kind != NX_TOK_WORD || (t->shape & NX_SH_POSS)) continue;
        /* Al-Farabi, Industry-University: each part is a word */
        const char *f = t->fold;
        for (;;) {
            const char *h = strchr(f, '-');
            size_t len = h ? (size_t)(h - f) : strlen(f);
            while (len && f[len - 1] == '.') len--;
            if (len && out->n < 24) {
                out->w[out->n] = f;
                out->len[out->n] = (uint8_t)(len > 255 ? 255 : len);
                out->function[out->n] = (uint8_t)((t->feat & NX_FEAT(NX_G_FUNCTION_WORD)) != 0);
                out->suffix[out->n] = (uint8_t)((t->feat & NX_FEAT(NX_G_ORG_SUFFIX)) != 0);
                out->n++;
            }
            if (!h) break;
            f = h + 1;
        }
    }
}

/* Whether the letters ac[ai..n) are prefixes of the words from wi on, in
 * order: each word used gives a non-empty prefix, function words may give
 * none, up to two leading words may be skipped (KAZNU = Al-Farabi KAZakh
 * National University) and a legal suffix may close the name unused. */
static int initials_from(const words *w, const char *ac, size_t n, size_t ai, size_t wi, int started, int skipped) {
    if (ai == n) {
        for (size_t k = wi; k < w->n; k++)
            if (!w->function[k] && !w->suffix[k]) return 0;
        return started;
    }
    if (wi == w->n) return 0;
    if ((w->function[wi] || (!started && skipped < 2)) &&
        initials_from(w, ac, n, ai, wi + 1, started, skipped + !started))
        return 1;
    for (size_t k = 1; k <= w->len[wi] && ai + k <= n && w->w[wi][k - 1] == ac[ai + k - 1]; k++)
        if (initials_from(w, ac, n, ai + k, wi + 1, 1, skipped)) return 1;
    return 0;
}

/* An organisation named in words (two or more), not by an acronym. */
static int org_name(const nx_span *s) {
    return !(s->flags & (NX_SPAN_DROPPED | NX_SPAN_ACRONYM)) && s->type == NX_ORGANIZATION && s->t1 - s->t0 >= 2;
}

/* The two-letter starts an acronym of w can have (its first two letters):
 * a word it may start at (words 0 and 1 may be skipped, then only
 * function words) gives its first two letters, or its first letter and the
 * first letter of a later word with only function words between. Calls
 * add(key) for each; returns -1 when add fails. */
static int acronym_starts(const words *w, int (*add)(void *, const char *), void *ctx) {
    for (size_t a = 0; a < w->n; a++) {
        if (a >= 3 && !w->function[a - 1]) break; /* a non-function word from the third on cannot be skipped */
        char key[2] = {w->w[a][0], 0};
        if (w->len[a] >= 2) {
            key[1] = w->w[a][1];
            if (add(ctx, key)) return -1;
        }
        for (size_t b = a + 1; b < w->n; b++) {
            key[1] = w->w[b][0];
            if (add(ctx, key)) return -1;
            if (!w->function[b]) break;
        }
    }
    return 0;
}

/* The most organisation names a word in capitals is tried against. */
enum { ACRONYM_CANDIDATES = 64 };

/* The index of acronym_starts: two letters -> the distinct organisations
 * (list heads in `head`, chained through `next`). A key is two bytes: the
 * heads are a table of 256 per first byte (arena, zero-filled), made when
 * a key first has that byte (a few per document). */
typedef struct acr_index {
    uint32_t *head[256]; /* [first byte][second byte]: entry + 1 of the list's last entry */
    nx_vec org, next;    /* uint32_t per entry: the organisation, the previous entry + 1 */
    uint32_t cur;        /* the organisation being added */
    nx_arena *arena;
} acr_index;

/* The head of key's list, made when `make`; NULL when there is none (or
 * out of memory). */
static uint32_t *acr_head(acr_index *x, const char *key, int make) {
    uint32_t **row = &x->head[(unsigned char)key[0]];
    if (!*row && make) *row = nx_arena_alloc(x->arena, 256 * sizeof **row);
    return *row ? &(*row)[(unsigned char)key[1]] : NULL;
}

static int acr_add(void *ctx, const char *key) {
    acr_index *x = ctx;
    uint32_t *head = acr_head(x, key, 1);
    if (!head) return -1;
    uint32_t last = *head;
    if (last && NX_VEC_AT(&x->org, uint32_t, last - 1) == x->cur) return 0; /* already listed */
    uint32_t *o = nx_vec_push(&x->org, sizeof *o), *n = o ? nx_vec_push(&x->next, sizeof *n) : NULL;
    if (!n) return -1;
    *o = x->cur;
    *n = last;
    *head = (uint32_t)x->org.count;
    return 0;
}

/* The words of each distinct organisation name of two words or more. */
typedef struct org_words {
    const char *canon;
    words w;
} org_words;

/* Whether two organisations have the same words (lengths, bytes, function
 * and suffix marks) and the same canonical name. */
static int same_org_words(const org_words *x, const org_words *y) {
    if (x->w.n != y->w.n || strcmp(x->canon, y->canon) != 0) return 0;
    for (size_t i = 0; i < x->w.n; i++)
        if (x->w.len[i] != y->w.len[i] || x->w.function[i] != y->w.function[i] || x->w.suffix[i] != y->w.suffix[i] ||
            memcmp(x->w.w[i], y->w.w[i], x->w.len[i]) != 0)
            return 0;
    return 1;
}

/* A hash of what same_org_words compares. */
static uint64_t org_words_hash(const org_words *o) {
    uint64_t h = nx_hash(o->canon, strlen(o->canon), o->w.n);
    for (size_t i = 0; i < o->w.n; i++)
        h = nx_hash(o->w.w[i], o->w.len[i], h ^ (uint64_t)(o->w.function[i] | o->w.suffix[i] << 1) << 56);
    return h;
}

/* Lists the distinct organisation names (words and canonical name) in
 * orgs, *n_orgs of them (on entry: the spans that may be), and indexes
 * them by the starts their acronyms can have in x. */
static nx_status acronym_index(rctx *r, org_words *orgs, size_t *n_orgs, acr_index *x) {
    nx_document *doc = r->doc;
    /* the distinct names so far: a table of their hashes (at most half
     * full: the spans that may be names are *n_orgs) */
    size_t mask = 15;
    while (mask + 1 < 2 * *n_orgs) mask = mask * 2 + 1;
    uint32_t *slots = nx_arena_alloc(&doc->arena, (mask + 1) * sizeof *slots); /* name + 1, 0 empty */
    uint64_t *hashes = nx_arena_alloc_uninit(&doc->arena, *n_orgs * sizeof *hashes);
    if (!slots || !hashes) return NX_ERR_NOMEM;
    size_t n = 0;
    for (size_t k = 0; k < doc->spans.count; k++) {
        nx_span *s = SPAN(doc, k);
        if (!org_name(s)) continue;
        org_words *o = &orgs[n];
        split_words(r, s->t0, s->t1, &o->w);
        if (o->w.n < 2) continue;
        o->canon = s->canon ? s->canon : nx_doc_span_text(doc, s);
        if (!o->canon) return NX_ERR_NOMEM;
        /* the same words and the same canonical name decide the same way */
        uint64_t h = org_words_hash(o);
        size_t sl = (size_t)h & mask;
        while (slots[sl] && !(hashes[slots[sl] - 1] == h && same_org_words(&orgs[slots[sl] - 1], o))) sl = (sl + 1) & mask;
        if (slots[sl]) continue;
        slots[sl] = (uint32_t)n + 1;
        hashes[n] = h;
        x->cur = (uint32_t)n;
        if (acronym_starts(&o->w, acr_add, x)) return NX_ERR_NOMEM;
        n++;
    }
    *n_orgs = n;
    return NX_OK;
}

/* NYMEX, KAZNU, UPI: a word in capitals that spells the initials of an
 * organisation named in the document is that organisation. Linear in the
 * document: each distinct organisation name is split once, a word in
 * capitals is tried only against the names its first two letters can
 * start, and each distinct word is decided once. The names are indexed
 * when the first word that may be an acronym is met (many documents have
 * none). */
static nx_status acronyms_inferred(rctx *r) {
    nx_document *doc = r->doc;
    size_t n_orgs = 0;
    for (size_t k = 0; k < doc->spans.count; k++) n_orgs += org_name(SPAN(doc, k));
    if (!n_orgs) return NX_OK;
    org_words *orgs = nx_arena_alloc_uninit(&doc->arena, n_orgs * sizeof *orgs);
    if (!orgs) return NX_ERR_NOMEM;
    nx_status st = NX_OK;
    /* per word (r->word; its letters decide): 0 undecided, else the
     * verdict + 1 (0 none, 1 ambiguous, org + 2) */
    uint32_t *memo = NULL;
    acr_index x; /* (its heads cleared when it is made) */
    x.org = x.next = (nx_vec){0};
    x.arena = &doc->arena;
    int indexed = 0;
    for (size_t ci = 0; ci < r->n_caps && st == NX_OK && n_orgs; ci++) {
        size_t i = r->caps[ci];
        const nx_token *t = tok(r, i);
        if (r->owner[i] >= 0 || doc->blocked[i] || r->title_tok[i] || t->kind != NX_TOK_WORD) continue;
        if (!acronym_shape(t) || !(t->shape & NX_SH_ALPHA)) continue;
        /* not a word in capitals: AS, BANK */
        if ((t->feat & (NX_FEAT(NX_G_STOP) | NX_FEAT(NX_G_ORG_HEAD) | NX_FEAT(NX_G_PLACE_HEAD) | NX_FEAT(NX_G_TITLE) |
                        NX_FEAT(NX_G_MONTH) | NX_FEAT(NX_G_WEEKDAY) | NX_FEAT(NX_G_DEMONYM))) ||
            r->lower[r->word[i]])
            continue;
        if (!two_capitals(r, t)) continue; /* (last: it reads the text) */
        char ac[16];
        size_t n = 0;
        for (size_t k = 0; k < t->fold_len && n < sizeof ac; k++)
            if (t->fold[k] != '.') ac[n++] = t->fold[k];
        if (n < 2 || n > 10) continue;
        if (!indexed) {
            indexed = 1;
            memset(x.head, 0, sizeof x.head);
            if (!(memo = nx_arena_alloc(&doc->arena, r->n * sizeof *memo))) {
                st = NX_ERR_NOMEM;
                break;
            }
            if ((st = acronym_index(r, orgs, &n_orgs, &x)) != NX_OK || !n_orgs) break;
        }
        uint32_t *decided = &memo[r->word[i]], verdict = *decided ? *decided - 1 : 0;
        if (!*decided) {
            const char *canon = NULL;
            const uint32_t *head = acr_head(&x, ac, 0);
            uint32_t last = head ? *head : 0;
            int ambiguous = 0;
            /* more names than any article holds that start so: too
             * ambiguous to decide (and the bound that keeps this linear) */
            size_t listed = 0;
            for (uint32_t e = last; e && listed <= ACRONYM_CANDIDATES; e = NX_VEC_AT(&x.next, uint32_t, e - 1)) listed++;
            if (listed > ACRONYM_CANDIDATES) ambiguous = 1, last = 0;
            for (uint32_t e = last; e && !ambiguous; e = NX_VEC_AT(&x.next, uint32_t, e - 1)) {
                uint32_t k = NX_VEC_AT(&x.org, uint32_t, e - 1);
                if (!initials_from(&orgs[k].w, ac, n, 0, 0, 0, 0)) continue;
                if (canon && strcmp(canon, orgs[k].canon) != 0) ambiguous = 1;
                if (!canon) verdict = k + 2;
                canon = orgs[k].canon;
            }
            if (ambiguous) verdict = 1;
            *decided = verdict + 1;
        }
        if (verdict < 2) continue;
        int32_t id = add_span(r, i, i + 1, NX_ORGANIZATION, NX_RULE_ACRONYM_INITIALS);
        if (id < 0) {
            st = NX_ERR_NOMEM;
            break;
        }
        SPAN(doc, id)->canon = orgs[verdict - 2].canon;
        SPAN(doc, id)->flags |= NX_SPAN_ACRONYM;
    }
    nx_vec_free(&x.org);
    nx_vec_free(&x.next);
    return st;
}

/* "in", "near" ... right before token i; not between two names, where it
 * joins them (CHICAGO AT TORONTO is a fixture, not a place). */
static int place_cue_before(const rctx *r, size_t i) {
    if (i == 0 || !feat(r, i - 1, NX_FEAT(NX_G_PLACE_CUE))) return 0;
    return !(i >= 2 && r->owner[i - 2] >= 0 && SPAN(r->doc, r->owner[i - 2])->type <= NX_PLACE);
}

/* A dateline: at the start of a line, places and commas, then a date
 * (LONDON 1996-08-30; ARLINGTON , Texas 1996-08-31). */
static int in_dateline(const rctx *r, const nx_span *s) {
    size_t i = s->t0;
    while (i > 0 && !tok(r, i)->line_start) {
        i--;
        if (!(is_punct(r, i, ',') || (r->owner[i] >= 0 && SPAN(r->doc, r->owner[i])->type == NX_PLACE))) return 0;
    }
    for (size_t j = s->t1; j < r->n && !tok(r, j)->line_start; j++) {
        if (r->owner[j] >= 0 && SPAN(r->doc, r->owner[j])->type == NX_DATE) return 1;
        if (!(is_punct(r, j, ',') || (r->owner[j] >= 0 && SPAN(r->doc, r->owner[j])->type == NX_PLACE))) return 0;
    }
    return 0;
}

/* One sense per document. Names found once are found wherever they occur
 * again, a person's surname alone is that person, and a one-word place that
 * is also the surname of a person in the document is that person unless a
 * preposition says place (Neil Jordan ... Jordan said; but: in Jordan).
 * Three steps: learn the names (known_names), retype places that are
 * people's names, find the names again. */

/* A name is known by its folded words joined by spaces. A folded form may
 * hold a space itself (´ and ͺ fold to one), so a name's key is the list of
 * the pieces of that text between spaces, each piece an id of its bytes:
 * token i's pieces are piece[piece_at[i] .. piece_at[i + 1]). In a document
 * with no such form each token is one piece, its word. */
typedef struct name_keys {
    const uint32_t *piece;
    uint32_t *piece_at; /* n + 1 items; NULL: token i is piece i (first_piece) */
    size_t n_ids;       /* piece ids are below this */
} name_keys;

typedef struct name_key {
    uint32_t p0, p1; /* pieces [p0, p1) */
} name_key;

/* The first piece of token i (i itself when no form holds a space). */
static uint32_t first_piece(const name_keys *nk, size_t i) { return nk->piece_at ? nk->piece_at[i] : (uint32_t)i; }

static nx_status index_pieces(const rctx *r, name_keys *nk) {
    nx_arena *A = &r->doc->arena;
    if (!r->spaced) {
        nk->piece_at = NULL;
        nk->piece = r->word;
        nk->n_ids = r->n;
        return NX_OK;
    }
    nk->piece_at = nx_arena_alloc_uninit(A, (r->n + 1) * sizeof *nk->piece_at);
    if (!nk->piece_at) return NX_ERR_NOMEM;
    /* rare: every piece's bytes get an id from a map (the empty piece, 0) */
    size_t total = 0;
    for (size_t i = 0; i < r->n; i++) {
        nk->piece_at[i] = (uint32_t)total++;
        for (uint32_t k = 0; k < tok(r, i)->fold_len; k++) total += tok(r, i)->fold[k] == ' ';
    }
    nk->piece_at[r->n] = (uint32_t)total;
    uint32_t *piece = nx_arena_alloc_uninit(A, (total + 1) * sizeof *piece);
    nx_strmap ids;
    nx_strmap_init(&ids);
    nx_status st = piece ? NX_OK : NX_ERR_NOMEM;
    for (size_t i = 0, p = 0; i < r->n && st == NX_OK; i++) {
        const char *f = tok(r, i)->fold, *end = f + tok(r, i)->fold_len;
        for (;;) {
            const char *sp = memchr(f, ' ', (size_t)(end - f));
            size_t len = (size_t)((sp ? sp : end) - f);
            uint32_t id = (uint32_t)ids.count + 1;
            if (len && !nx_strmap_get(&ids, f, len, &id) && nx_strmap_put(&ids, f, len, id)) st = NX_ERR_NOMEM;
            piece[p++] = len ? id : 0;
            if (!sp) break;
            f = sp + 1;
        }
    }
    nk->piece = piece;
    nk->n_ids = ids.count + 1;
    nx_strmap_free(&ids);
    return st;
}

/* The key of tokens [a, b); 0 when its text is too long to be a name (512
 * bytes, or 511 for one word: the bound of the buffer keys were built in). */
static int key_of(const rctx *r, const name_keys *nk, size_t a, size_t b, name_key *k) {
    size_t len = b - a == 1;
    for (size_t i = a; i < b; i++) len += tok(r, i)->fold_len + (i > a);
    k->p0 = first_piece(nk, a);
    k->p1 = first_piece(nk, b);
    return len < 512;
}

static uint64_t key_hash(const name_keys *nk, name_key k) {
    uint64_t h = 0x9E3779B97F4A7C15ULL;
    for (uint32_t p = k.p0; p < k.p1; p++) h = (h ^ nk->piece[p]) * 0xff51afd7ed558ccdULL;
    return h ^ (h >> 29);
}

static int key_eq(const name_keys *nk, name_key x, name_key y) {
    if (x.p1 - x.p0 != y.p1 - y.p0) return 0;
    for (uint32_t p = 0; p < x.p1 - x.p0; p++)
        if (nk->piece[x.p0 + p] != nk->piece[y.p0 + p]) return 0;
    return 1;
}

typedef struct known {
    name_key key;
    uint8_t type;    /* what the name names; KNOWN_AMBIGUOUS when two kinds of thing */
    uint8_t surname; /* a part of a person's name, not the whole */
    uint8_t place_first; /* the person's name opens with a place's word (Maryland House): a weak reading */
    uint8_t org_short;   /* an organisation's name without its legal forms and head words: found alone only */
    const char *canon;
    const char *country;
} known;

enum { KNOWN_AMBIGUOUS = 255 };

/* The names learned, in the arena: a hash table of the keys (each span
 * makes at most three), and per piece id the most pieces of a known name
 * that starts with it (0: none, so most words need no lookup at all; 255:
 * that many or more), so longer keys from that word need none either. */
typedef struct known_names {
    name_keys nk;
    known *table;
    size_t count;
    uint32_t *slots; /* index into table + 1; 0 = empty */
    size_t mask;
    uint8_t *starts; /* per piece id: the most pieces of a name from it */
} known_names;

static nx_status known_init(const rctx *r, known_names *kn) {
    nx_arena *A = &r->doc->arena;
    nx_status st = index_pieces(r, &kn->nk);
    if (st != NX_OK) return st;
    size_t max = 3 * r->doc->spans.count + 1;
    kn->mask = 15;
    while (kn->mask + 1 < 2 * max) kn->mask = kn->mask * 2 + 1;
    kn->table = nx_arena_alloc_uninit(A, max * sizeof *kn->table);
    kn->slots = nx_arena_alloc(A, (kn->mask + 1) * sizeof *kn->slots);
    kn->starts = nx_arena_alloc(A, kn->nk.n_ids + 1);
    return kn->table && kn->slots && kn->starts ? NX_OK : NX_ERR_NOMEM;
}

/* The known name with key k, or the empty slot where it would go. */
static inline __attribute__((always_inline)) uint32_t *known_slot(const known_names *kn, name_key k) {
    size_t s = (size_t)key_hash(&kn->nk, k) & kn->mask;
    while (kn->slots[s] && !key_eq(&kn->nk, kn->table[kn->slots[s] - 1].key, k)) s = (s + 1) & kn->mask;
    return &kn->slots[s];
}

static const known *known_find(const known_names *kn, name_key k) {
    if (!kn->starts[kn->nk.piece[k.p0]]) return NULL;
    uint32_t s = *known_slot(kn, k);
    return s ? &kn->table[s - 1] : NULL;
}

/* Name forms a span makes known, in order: its whole name, a person's
 * surname alone, a person's given name alone (Mario for Mario
 * Vazquez-Rana). Sets [*a, *b) and returns 1, or 0 when the span has no
 * such form (and no later one). */
static int name_form(const rctx *r, const nx_span *s, int form, size_t *a, size_t *b) {
    *a = s->t0, *b = s->t1;
    if (form == 1 && s->type == NX_ORGANIZATION) {
        /* an organisation's short name: its name without the legal forms
         * and head words at its end ("NationsBank" of "NationsBank Corp.",
         * "Mercantile" of "Mercantile Bancorp Inc."); not a common or
         * descriptive word alone ("Central Bank") */
        while (*b - *a > 1 && feat(r, *b - 1, NX_FEAT(NX_G_ORG_SUFFIX) | NX_FEAT(NX_G_ORG_HEAD))) --*b;
        /* (a club named for its city goes by the rest: "Real" of "Real
         * Madrid", "Rotor" of "Rotor Volgograd"; so does a gazetteer's
         * club, kind=sports-club) */
        if (s->rule == NX_RULE_ORG_SPORTS_TEAM || (s->kind && !strcmp(s->kind, "sports-club")))
            while (*b - *a > 1 && feat(r, *b - 1, NX_FEAT(NX_G_PLACE))) --*b;
        if (*b == s->t1 || !capitalised(tok(r, *b - 1)) || is_word(r, *b - 1, NX_G_FUNCTION_WORD) || r->headline[*a]) return 0;
        if (*b - *a == 1 && (stop(r, *a) || seen_lower(r, *a) || feat(r, *a, NX_FEAT(NX_G_DEMONYM) | NX_FEAT(NX_G_PLACE)) ||
                             adjective_form(tok(r, *a)) || (tok(r, *a)->shape & NX_SH_ABBREV)))
            return 0;
        return 1;
    }
    if (form == 1) {
        if (s->type != NX_PERSON || *b - *a < 2) return 0;
        if (s->flags & NX_SPAN_FAMILY_FIRST) *b = *a + 1;
        else *a = *b - 1;
        /* "Edward Burne - Jones": in text written as tokens a hyphenated
         * family name is the family name whole (see joins) */
        if (!(s->flags & NX_SPAN_FAMILY_FIRST) && *a >= s->t0 + 3 && is_punct(r, *a - 1, '-') && capitalised(tok(r, *a - 2)))
            *a -= 2;
        if (single_letter(tok(r, *a))) return 0;
    }
    if (form == 2) {
        if (s->type != NX_PERSON || *b - *a < 2 || (s->flags & NX_SPAN_FAMILY_FIRST)) return 0;
        *b = *a + 1;
        if (single_letter(tok(r, *a)) || !feat(r, *a, NX_FEAT(NX_G_GIVEN))) return 0;
    }
    /* a nationality or common word inside a name is not the name alone */
    return !(form > 0 && (stop(r, *a) || feat(r, *a, NX_FEAT(NX_G_DEMONYM)) || seen_lower(r, *a)));
}

/* Learns the name forms of one span. */
static void learn(const rctx *r, known_names *kn, const nx_span *s) {
    size_t a, b;
    name_key key;
    for (int form = 0; form < 3; form++) {
        if (!name_form(r, s, form, &a, &b) || !key_of(r, &kn->nk, a, b, &key)) break;
        uint32_t *slot = known_slot(kn, key);
        if (*slot) {
            known *k = &kn->table[*slot - 1];
            /* people are named first; a place or a guessed team of the same
             * name yields */
            if (k->type != s->type && k->type != NX_PERSON) k->type = KNOWN_AMBIGUOUS;
            continue;
        }
        known *k = &kn->table[kn->count];
        *slot = (uint32_t)++kn->count;
        k->key = key;
        k->type = s->type;
        k->surname = (uint8_t)(form != 0 && s->type == NX_PERSON);
        k->org_short = (uint8_t)(form != 0 && s->type == NX_ORGANIZATION);
        k->place_first = (uint8_t)(s->type == NX_PERSON && feat(r, s->t0, NX_FEAT(NX_G_PLACE)));
        k->canon = s->canon;
        /* (an organisation's short name is the organisation: the full name
         * is its canonical name) */
        if (form == 1 && s->type == NX_ORGANIZATION && !k->canon) k->canon = nx_doc_span_text(r->doc, (nx_span *)s);
        k->country = s->country;
        uint8_t *most = &kn->starts[kn->nk.piece[key.p0]];
        if (key.p1 - key.p0 > *most) *most = (uint8_t)(key.p1 - key.p0 > 255 ? 255 : key.p1 - key.p0);
    }
}

/* The names of the people first, then of the rest. */
static void learn_names(const rctx *r, known_names *kn) {
    const nx_document *doc = r->doc;
    for (int people = 1; people >= 0; people--)
        for (size_t k = 0; k < doc->spans.count; k++) {
            const nx_span *s = SPAN(doc, k);
            if ((s->flags & NX_SPAN_DROPPED) || s->type > NX_PLACE || (s->type == NX_PERSON) != people) continue;
            learn(r, kn, s);
        }
}

/* A one-word place (or a guessed team of up to three words) that names a
 * person of the document is that person, unless a place cue comes first
 * and no possessive follows ("sources at Seguin's ministry"). */
static void retype_people(rctx *r, const known_names *kn) {
    nx_document *doc = r->doc;
    name_key key;
    for (size_t k = 0; k < doc->spans.count; k++) {
        const nx_span *s = SPAN(doc, k);
        int weak_org = s->type == NX_ORGANIZATION && s->rule == NX_RULE_ORG_SPORTS_TEAM;
        if ((s->flags & NX_SPAN_DROPPED) || (s->type != NX_PLACE && !weak_org) || s->t1 - s->t0 > 3 ||
            (s->t1 - s->t0 > 1 && !weak_org))
            continue;
        int poss = s->t1 < r->n && (tok(r, s->t1)->shape & NX_SH_POSS);
        if (place_cue_before(r, s->t0) && !poss) continue;
        const known *n = key_of(r, &kn->nk, s->t0, s->t1, &key) ? known_find(kn, key) : NULL;
        if (!n || n->type != NX_PERSON) continue;
        /* a country or a state stays a place when the only person it would
         * name opens with a place's word: "Maryland House", "West Ukraine"
         * were read as people wrongly (Neil Jordan's "Jordan" is his) */
        if (n->place_first && is_kind(s, STATE_KINDS)) continue;
        nx_doc_retype_span(doc, (int32_t)k, NX_PERSON, n->surname ? NX_RULE_COREF_SURNAME : NX_RULE_COREF_SAME_NAME, 0);
    }
}

/* The known names wherever else they occur, longest first (up to six words). */
static nx_status find_again(rctx *r, const known_names *kn) {
    nx_document *doc = r->doc;
    name_key key;
    for (size_t ci = 0; ci < r->n_caps && kn->count; ci++) {
        size_t i = r->caps[ci];
        /* (whether a known name starts with the word first: for most none
         * does; a name found owns its words: the test after skips them) */
        if (!kn->starts[kn->nk.piece[first_piece(&kn->nk, i)]]) continue;
        if (r->owner[i] >= 0 || doc->blocked[i] || r->title_tok[i] || r->judged[i]) continue;
        const nx_token *t = tok(r, i);
        if (!(t->shape & NX_SH_CAP) || t->kind != NX_TOK_WORD || (t->shape & NX_SH_POSS)) continue;
        /* (a token is one piece or more: no name from the word has more
         * tokens than its most pieces) */
        size_t most = kn->starts[kn->nk.piece[first_piece(&kn->nk, i)]];
        for (size_t len = most < 6 ? most : 6; len >= 1; len--) {
            if (i + len > r->n || blocked_range(r, i, i + len)) continue;
            if (!capitalised(tok(r, i + len - 1))) continue;
            if (!key_of(r, &kn->nk, i, i + len, &key)) continue;
            const known *n = known_find(kn, key);
            if (!n) continue;
            if (n->type == KNOWN_AMBIGUOUS) break;
            /* Zhang Wei is not Zhang Liqun: a known name word followed by an
             * unknown capitalised word is part of another name */
            if (n->type == NX_PERSON && len == 1 && i + 1 < r->n && r->owner[i + 1] < 0 && capitalised(tok(r, i + 1)) &&
                !r->title_tok[i + 1] && tok(r, i + 1)->brk == NX_BRK_SPACE && !r->headline[i])
                break;
            /* an organisation's short name is found alone, not inside a
             * longer name ("the Pittsburgh Catholic", "the Royal Navy",
             * ".NET", "PlayStation 2"), nor after a place cue ("in
             * Tullamore": the place the name was made of) */
            if (n->org_short &&
                ((i > 0 && !t->sent_start && same_line(r, i - 1, i) && (capitalised(tok(r, i - 1)) || t->brk == NX_BRK_NONE)) ||
                 (place_cue_before(r, i) && (tok(r, i - 1)->shape & NX_SH_LOWER)) ||
                 (i + len < r->n && same_line(r, i + len - 1, i + len) &&
                  (capitalised(tok(r, i + len)) || tok(r, i + len)->kind == NX_TOK_NUM))))
                break;
            int32_t id = add_span(r, i, i + len, (nx_type)n->type, n->surname ? NX_RULE_COREF_SURNAME : NX_RULE_COREF_SAME_NAME);
            if (id < 0) return NX_ERR_NOMEM;
            SPAN(doc, id)->canon = n->canon;
            SPAN(doc, id)->country = n->country;
            SPAN(doc, id)->flags |= NX_SPAN_PROPAGATED;
            break;
        }
    }
    return NX_OK;
}

static nx_status propagate(rctx *r) {
    known_names kn;
    memset(&kn, 0, sizeof kn);
    nx_status st = known_init(r, &kn);
    if (st != NX_OK) return st;
    learn_names(r, &kn);
    retype_people(r, &kn);
    return find_again(r, &kn);
}

/* ---- sports reports ------------------------------------------------------------ */

/* A sports report's place that names where, not who: the home of a game
 * after a team's "at" ("KANSAS CITY AT DETROIT"), a venue's city ("at
 * Edgbaston , Birmingham", "At Headingley ( Leeds )") and a place that
 * qualifies a common noun after "the" ("the Berlin stadium", "the Volgograd
 * side", "the Sarajevo meeting"). */
static int venue(const rctx *r, const nx_span *s) {
    size_t a = s->t0;
    if (a >= 2 && is_word(r, a - 1, NX_G_WORKPLACE_LINKER) && r->owner[a - 2] >= 0 &&
        (SPAN(r->doc, r->owner[a - 2])->type == NX_ORGANIZATION || SPAN(r->doc, r->owner[a - 2])->type == NX_PLACE) &&
        !(s->t1 < r->n && tok(r, s->t1)->kind == NX_TOK_NUM))
        return 1;
    if (a >= 3 && is_kind(s, TOWN_KINDS) && (is_punct(r, a - 1, ',') || is_punct(r, a - 1, '(')) && same_line(r, a - 3, a)) {
        size_t j = a - 1, nw = 0;
        while (j > 0 && nw < 4 && (capitalised(tok(r, j - 1)) || (tok(r, j - 1)->shape & NX_SH_POSS)) && r->owner[j - 1] < 0) {
            j--;
            nw++;
        }
        if (nw && j > 0 && is_word(r, j - 1, NX_G_WORKPLACE_LINKER)) return 1;
    }
    if (s->t1 < r->n && tok(r, s->t1)->kind == NX_TOK_WORD && (tok(r, s->t1)->shape & NX_SH_LOWER) &&
        !is_word(r, s->t1, NX_G_FUNCTION_WORD) && same_line(r, a, s->t1))
        for (size_t j = a; j > 0 && j + 3 > a; j--) {
            if (is_word(r, j - 1, NX_G_DEFINITE) && (tok(r, j - 1)->shape & NX_SH_LOWER)) return 1;
            if (tok(r, j - 1)->kind != NX_TOK_WORD || !(tok(r, j - 1)->shape & NX_SH_LOWER)) break;
        }
    return 0;
}

/* In a sports report a city or county names its team (Surrey beat Kent;
 * CHICAGO 5 Houston 3); countries stay places, as do venues ("Leicester :"
 * at the start of a results line), datelines and places after "in", "at". */
static void sports_teams(rctx *r) {
    nx_document *doc = r->doc;
    if (!r->sports) return;
    static const char *const team_kinds[] = {"city", "admin1", "town", "county", NULL};
    for (size_t k = 0; k < doc->spans.count; k++) {
        nx_span *s = SPAN(doc, k);
        if ((s->flags & NX_SPAN_DROPPED) || s->type != NX_PLACE) continue;
        /* (a place named by its head word is a team only before a score on
         * its line: "Notts County 0 York 1", "Crystal Palace 4 1 2 1") */
        if (!is_kind(s, team_kinds) &&
            !(s->rule == NX_RULE_PLACE_HEAD_WORD && s->t1 < r->n && tok(r, s->t1)->kind == NX_TOK_NUM && score_like(r, s->t1) &&
              same_line(r, s->t1 - 1, s->t1)))
            continue;
        int score_after = s->t1 < r->n && tok(r, s->t1)->kind == NX_TOK_NUM;
        if ((place_cue_before(r, s->t0) && !score_after) || in_dateline(r, s) || venue(r, s)) continue;
        /* (nor after "of": "the outskirts of Angleton", "the county of
         * Leicestershire", "Espanyol of Barcelona") */
        if (s->t0 > 0 && !score_after && is_word(r, s->t0 - 1, NX_G_GENITIVE) && (tok(r, s->t0 - 1)->shape & NX_SH_LOWER)) continue;
        /* "Los Angeles , California": a city placed in its region, and the
         * region, are places ("Essex , Derbyshire and Surrey" are teams) */
        static const char *const region_kinds[] = {"admin1", "country", NULL};
        if (is_kind(s, TOWN_KINDS) && is_punct(r, s->t1, ',') && s->t1 + 1 < r->n && r->owner[s->t1 + 1] >= 0 &&
            is_kind(SPAN(doc, r->owner[s->t1 + 1]), region_kinds))
            continue;
        if (is_kind(s, region_kinds) && s->t0 >= 2 && is_punct(r, s->t0 - 1, ',') && r->owner[s->t0 - 2] >= 0 &&
            is_kind(SPAN(doc, r->owner[s->t0 - 2]), TOWN_KINDS))
            continue;
        /* a venue heading a results line: "Leicester :", "London ( The Oval ) :" */
        size_t after = s->t1;
        if (is_punct(r, after, '(')) {
            while (after < r->n && !is_punct(r, after, ')') && same_line(r, s->t0, after)) after++;
            after++;
        }
        if (tok(r, s->t0)->line_start && is_punct(r, after, ':')) continue;
        nx_doc_retype_span(doc, (int32_t)k, NX_ORGANIZATION, NX_RULE_ORG_SPORTS_TEAM, 1);
    }
}

/* "Atari , Inc.", "Beijing Jinyu Group Co. , Ltd.": a legal form after a
 * comma that closes an organisation's name is part of it (the name ends
 * there: no capitalised word follows). One pass over the spans. */
static nx_status legal_form_after_comma(rctx *r) {
    nx_document *doc = r->doc;
    size_t n_spans = doc->spans.count;
    for (size_t k = 0; k < n_spans; k++) {
        const nx_span *s = SPAN(doc, k);
        if ((s->flags & NX_SPAN_DROPPED) || s->type != NX_ORGANIZATION) continue;
        size_t b = s->t1;
        while (b + 1 < r->n && is_punct(r, b, ',') && feat(r, b + 1, NX_FEAT(NX_G_ORG_SUFFIX)) &&
               (tok(r, b + 1)->shape & NX_SH_CAP) && r->owner[b + 1] < 0 && !doc->blocked[b + 1] && same_line(r, b, b + 1) &&
               !(b + 2 < r->n && capitalised(tok(r, b + 2)) && same_line(r, b + 1, b + 2)))
            b += 2;
        if (b == s->t1) continue;
        size_t t0 = s->t0;
        nx_rule rule = (nx_rule)s->rule;
        const char *canon = s->canon, *country = s->country, *kind = s->kind, *xid = s->xid;
        nx_doc_drop_span(doc, (int32_t)k);
        for (size_t i = t0; i < b; i++) r->owner[i] = -1;
        int32_t id = add_span(r, t0, b, NX_ORGANIZATION, rule == NX_RULE_GAZETTEER ? NX_RULE_ORG_HEAD_WORD : rule);
        if (id < 0) return NX_ERR_NOMEM;
        /* (the name's entry is still the organisation's: Atari's ids) */
        nx_span *e = SPAN(doc, id);
        e->canon = canon ? canon : (rule == NX_RULE_GAZETTEER ? nx_doc_span_text(doc, (nx_span *)SPAN(doc, k)) : NULL);
        e->country = country;
        e->kind = kind;
        e->xid = xid;
    }
    return NX_OK;
}

/* ---- driver ----------------------------------------------------------------- */

/* ---- nationalities ------------------------------------------------------------ */

/* "Kazakh", "Sri Lankan": a demonym that no other span owns ("Chinese
 * Academy of Sciences" owns its "Chinese") is a nationality mention. It is
 * never a place; its canonical name is the country of the entry (`name=`),
 * which coref makes its entity, so "the Kazakh president" can be tied to
 * Kazakhstan. Run last, after every reading that may own the word. */
static nx_status nationalities(rctx *r) {
    nx_document *doc = r->doc;
    for (size_t c = 0; c < r->n_gm_demonym; c++) {
        const nx_gmatch *m = &doc->gm[r->gm_demonym[c]];
        if (blocked_range(r, m->t0, m->t1)) continue;
        const nx_token *first = tok(r, m->t0), *last = tok(r, m->t1 - 1);
        if (!(first->shape & NX_SH_CAP) || !(last->shape & NX_SH_CAP)) continue;
        const nx_entry *e = NULL;
        for (uint32_t x = nx_gnode_first(r->g, m->node); x && !e; x = nx_gnode_next(r->g, x)) {
            const nx_entry *en = &r->g->entries[x - 1];
            if (en->cls == NX_G_DEMONYM && en->name && nx_entry_case_ok(r->g, en, &doc->text, &doc->toks, m->t0, m->t1))
                e = en;
        }
        if (!e) continue;
        int32_t id = add_span_src(r, m->t0, m->t1, NX_NATIONALITY, NX_RULE_GAZETTEER, e->source);
        if (id < 0) return NX_ERR_NOMEM;
        nx_span *s = SPAN(doc, id);
        s->canon = nx_gstr(r->g, e->name);
        s->country = e->country[0] ? e->country : NULL;
        s->xid = e->id ? nx_gstr(r->g, e->id) : NULL; /* the country's ids: one key with its name */
    }
    return NX_OK;
}

/* "Google Docs", "Dignity Battalions", "Independent Subway System": a
 * one-word organisation of the gazetteers right before a capitalised word
 * that nothing read is the first word of a longer name we do not know (a
 * product, a unit, another body), not that organisation. Not before a
 * designator (Google Inc), a title (Boeing Chairman) or a word that ends
 * the name (of, and: read by the chunk rules). */
static nx_status orgs_inside_unknown_names(rctx *r) {
    nx_document *doc = r->doc;
    /* Read from the spans (fewer than the tokens): the one-word ones that
     * still own their token. All are judged before any is dropped, as in a
     * walk over the tokens, where a drop changes its own token only, which
     * the walk has passed. */
    size_t n_spans = doc->spans.count;
    uint32_t *drop = nx_arena_alloc_uninit(&doc->arena, (n_spans + 1) * sizeof *drop), *drop_end = drop;
    if (!drop) return NX_ERR_NOMEM;
    for (size_t k = 0; k < n_spans; k++) {
        const nx_span *s = SPAN(doc, k);
        size_t i = s->t0;
        if (s->t1 != i + 1 || i + 1 >= r->n || r->owner[i] != (int32_t)k || s->type != NX_ORGANIZATION ||
            s->rule != NX_RULE_GAZETTEER || (tok(r, i)->shape & NX_SH_ALLCAPS)) /* an acronym heads many names: SCO Member States */
            continue;
        size_t j = i + 1;
        const nx_token *n = tok(r, j);
        if (n->kind != NX_TOK_WORD || !(n->shape & NX_SH_CAP) || (n->shape & (NX_SH_ALLCAPS | NX_SH_DIGIT)) ||
            n->brk != NX_BRK_SPACE || n->sent_start || r->headline[j] || r->headline[i])
            continue;
        if (r->owner[j] >= 0 || doc->blocked[j] || r->title_tok[j] ||
            (n->feat & (NX_FEAT(NX_G_STOP) | NX_FEAT(NX_G_FUNCTION_WORD) | NX_FEAT(NX_G_ORG_SUFFIX) | NX_FEAT(NX_G_TITLE))))
            continue;
        *drop_end++ = (uint32_t)i;
    }
    for (const uint32_t *d = drop; d < drop_end; d++) drop_range(r, *d, *d + 1);
    return NX_OK;
}

/* "UFC", "ACC", "TUC": a party's or a university's acronym of three letters
 * or fewer from the gazetteers (Guyana's The United Force, Ecuador's Civic
 * Christian Action) names that body only where the text speaks of its
 * country (a place, nationality or organisation of the same country) or
 * names it in full; elsewhere the same letters are more likely another body
 * (the UFC of mixed martial arts), so the acronym stays an organisation of
 * its own name with no gazetteer identity. */
static void foreign_acronyms(rctx *r) {
    nx_document *doc = r->doc;
    static const char *const body_kind[] = {"party", "university", NULL};
    for (size_t k = 0; k < doc->spans.count; k++) {
        nx_span *s = SPAN(doc, k);
        if (s->type != NX_ORGANIZATION || s->rule != NX_RULE_GAZETTEER || !s->canon || !s->country || s->t1 != s->t0 + 1 ||
            s->b1 - s->b0 > 3 || !(tok(r, s->t0)->shape & NX_SH_ALLCAPS) || !is_kind(s, body_kind))
            continue;
        int named = 0;
        size_t canon_len = strlen(s->canon);
        for (size_t q = 0; q < doc->spans.count && !named; q++) {
            const nx_span *o = SPAN(doc, q);
            if (o == s || (o->type != NX_PLACE && o->type != NX_NATIONALITY && o->type != NX_ORGANIZATION)) continue;
            /* (another acronym is no evidence: "the ACC and the ADC") */
            int acronym = o->type == NX_ORGANIZATION && o->t1 == o->t0 + 1 && (tok(r, o->t0)->shape & NX_SH_ALLCAPS);
            if (o->country && !acronym && !strcmp(o->country, s->country)) named = 1;
            else if (o->b1 - o->b0 == canon_len && !memcmp(doc->text.work + o->b0, s->canon, canon_len)) named = 1;
        }
        if (named) continue;
        /* (its kind stays: "LDP prime minister X" still reads a party) */
        s->canon = s->country = s->xid = NULL;
    }
}

nx_status nx_resolve(nx_document *doc) {
    rctx r;
    memset(&r, 0, sizeof r);
    r.doc = doc;
    r.g = &doc->model->gaz;
    r.toks = doc->toks.items;
    r.n = doc->toks.count;
    if (!r.n) return NX_OK;
    r.gz_at = nx_arena_alloc_uninit(&doc->arena, r.n * sizeof *r.gz_at);
    r.owner = nx_arena_alloc_uninit(&doc->arena, r.n * sizeof *r.owner);
    r.title_tok = nx_arena_alloc(&doc->arena, r.n);
    r.headline = nx_arena_alloc(&doc->arena, r.n);
    r.judged = nx_arena_alloc(&doc->arena, r.n);
    if (!r.gz_at || !r.owner || !r.title_tok || !r.headline || !r.judged) return NX_ERR_NOMEM;
    for (size_t i = 0; i < r.n; i++) r.gz_at[i] = r.owner[i] = -1;
    /* date spans made by the date stage own their tokens */
    for (size_t k = 0; k < doc->spans.count; k++) own(&r, SPAN(doc, k)->t0, SPAN(doc, k)->t1, (int32_t)k);
    nx_status st = read_tokens(&r);
    if (st == NX_OK) st = read_matches(&r);
    if (st == NX_OK) st = gazetteer_entities(&r);
    if (st == NX_OK) st = hyphen_status_titles(&r);
    if (st == NX_OK) st = titles(&r);
    if (st == NX_OK) st = board_members(&r);
    if (st == NX_OK) st = chunks(&r);
    if (st == NX_OK) st = legal_form_after_comma(&r);
    if (st == NX_OK) st = acronyms(&r);
    if (st == NX_OK) st = acronyms_inferred(&r);
    if (st == NX_OK) st = acronyms_after_titles(&r);
    if (st == NX_OK) sports_teams(&r);
    if (st == NX_OK) st = propagate(&r);
    if (st == NX_OK) st = lone_org_words(&r);
    if (st == NX_OK) st = nationalities(&r);
    if (st == NX_OK) st = orgs_inside_unknown_names(&r);
    if (st == NX_OK) foreign_acronyms(&r);
    return st;
}
