/* matcher_pcre2.c: the PCRE2 backend of the matcher (see matcher.h): each
 * pattern compiled with JIT (PCRE2_UTF | PCRE2_UCP) and run over the whole
 * text in turn, with a match context that caps backtracking. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "matcher.h"

typedef struct compiled {
    pcre2_code *code;
    int group[NX_GRP_COUNT]; /* capture number of each named group, 0 = absent */
} compiled;

struct nx_matcher {
    nx_matcher_limits limits;
    nx_vec items; /* compiled */
};

static nx_matcher *create(const nx_matcher_limits *limits) {
    nx_matcher *m = calloc(1, sizeof *m);
    if (m) m->limits = *limits;
    return m;
}

static nx_status add(nx_matcher *m, const nx_pattern_def *def, nx_error *err) {
    int ec;
    PCRE2_SIZE eo;
    pcre2_code *code =
        pcre2_compile((PCRE2_SPTR)def->source, def->source_len, PCRE2_UTF | PCRE2_UCP | PCRE2_NO_UTF_CHECK, &ec, &eo, NULL);
    if (!code) {
        char pm[256];
        pcre2_get_error_message(ec, (PCRE2_UCHAR *)pm, sizeof pm);
        nx_error_set(err, NX_ERR_PATTERN, def->file, def->line, def->column,
                     "regex does not compile: %s (at offset %zu of the expanded regex)", pm, (size_t)eo);
        return NX_ERR_PATTERN;
    }
    /* JIT unless NERX_NO_JIT is set (valgrind cannot follow JIT code);
     * PCRE2 falls back to its interpreter when JIT is unavailable */
    if (!getenv("NERX_NO_JIT")) pcre2_jit_compile(code, PCRE2_JIT_COMPLETE);
    compiled *c = nx_vec_push(&m->items, sizeof *c);
    if (!c) {
        pcre2_code_free(code);
        return NX_ERR_NOMEM;
    }
    c->code = code;
    for (int g = 0; g < NX_GRP_COUNT; g++) {
        int num = pcre2_substring_number_from_name(code, (PCRE2_SPTR)nx_group_names[g]);
        c->group[g] = num > 0 ? num : 0;
    }
    return NX_OK;
}

static nx_status scan(const nx_matcher *m, const nx_text *text, const nx_tokens *toks, const uint8_t *enabled,
                      nx_vec *out, size_t *limit_hit) {
    (void)toks;
    pcre2_match_context *mc = pcre2_match_context_create(NULL);
    if (!mc) return NX_ERR_NOMEM;
    pcre2_set_match_limit(mc, m->limits.match);
    pcre2_set_depth_limit(mc, m->limits.depth);
    pcre2_match_data *md = pcre2_match_data_create(NX_GRP_COUNT * 2 + 16, NULL);
    if (!md) {
        pcre2_match_context_free(mc);
        return NX_ERR_NOMEM;
    }
    nx_status st = NX_OK;
    PCRE2_SPTR subject = (PCRE2_SPTR)text->work;
    for (size_t k = 0; k < m->items.count && st == NX_OK; k++) {
        const compiled *pt = &NX_VEC_AT(&m->items, compiled, k);
        if (enabled && !enabled[k]) continue;
        PCRE2_SIZE start = 0;
        while (start <= text->len) {
            int rc = pcre2_match(pt->code, subject, text->len, start, PCRE2_NO_UTF_CHECK, md, mc);
            if (rc == PCRE2_ERROR_NOMATCH) break;
            if (rc < 0) {
                /* match or depth limit: give up on this pattern for this text */
                if (*limit_hit == SIZE_MAX) *limit_hit = k;
                break;
            }
            PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
            uint32_t ovn = pcre2_get_ovector_count(md);
            if (ov[1] == ov[0]) { /* empty match: step one character */
                start = ov[0] + 1;
                while (start < text->len && ((unsigned char)text->work[start] & 0xC0) == 0x80) start++;
                continue;
            }
            nx_pmatch *pm = nx_vec_push(out, sizeof *pm);
            if (!pm) {
                st = NX_ERR_NOMEM;
                break;
            }
            pm->b0 = (uint32_t)ov[0];
            pm->b1 = (uint32_t)ov[1];
            pm->pattern = (uint16_t)k;
            for (int g = 0; g < NX_GRP_COUNT; g++) {
                int gi = pt->group[g];
                if (gi > 0 && (uint32_t)gi < ovn && ov[2 * gi] != PCRE2_UNSET) {
                    pm->g0[g] = (uint32_t)ov[2 * gi];
                    pm->g1[g] = (uint32_t)ov[2 * gi + 1];
                } else {
                    pm->g0[g] = pm->g1[g] = UINT32_MAX;
                }
            }
            start = ov[1];
        }
    }
    pcre2_match_data_free(md);
    pcre2_match_context_free(mc);
    return st;
}

static void free_matcher(nx_matcher *m) {
    if (!m) return;
    for (size_t k = 0; k < m->items.count; k++) pcre2_code_free(NX_VEC_AT(&m->items, compiled, k).code);
    nx_vec_free(&m->items);
    free(m);
}

const nx_matcher_backend nx_matcher_pcre2 = {"pcre2", create, add, NULL, scan, free_matcher};
