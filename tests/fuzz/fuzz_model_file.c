/*
 * fuzz_model_file.c: a fuzz target for reading compiled model files
 * (model_file.c, nx_gazetteer_attach, nx_strmap_attach, nx_model_attach,
 * nx_patterns_attach and the token program's reader, nx_tokpat_load).
 * An input is a whole model file. It is read without its checksum, as a
 * hostile file with a correct checksum would be, so every check below the
 * framing sees the damage; a file that is accepted then has every entry,
 * node, edge, string and map key read and the gazetteer and pattern stages
 * run on a few texts, so that a check that is missing shows as a sanitizer error. A
 * refusal must name the file.
 *
 * With libFuzzer (-fsanitize=fuzzer, NX_LIBFUZZER) it is a normal target.
 * Built without it, main() compiles a seed model from the *.tsv files given
 * on the command line, with the patterns of the *.pat files given (and replays any other files given as they are), then
 * generates damaged copies deterministically: every truncation in the header
 * and section table and around every section, a byte flip at every offset,
 * extreme values in every 32-bit word, sections moved off their alignment,
 * and random multi-byte edits. Each is
 * read as above, and must also be refused when the checksum is checked.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fs.h"
#include "model.h"

static const char NAME[] = "fuzz.model";

static const char *const TEXTS[] = {
    "The New York Times reported from New York and York; Dr. Zhang met Ivanov.",
    "US officials in Turkey on Monday, January 5, for two weeks. Gen. Smith said so.",
    "On 5 January 2024 at 10:30, about 3 weeks ago; see www.example.com or a.jpg, not 1999-13-45.",
};

/* Reads everything an accepted file holds, the way the stages could. */
static size_t exercise(const nx_model *m) {
    const nx_gazetteer *g = &m->gaz;
    size_t sum = 0;
    for (size_t n = 0; n < g->n_nodes; n++)
        for (uint32_t e = nx_gnode_first(g, (uint32_t)n); e; e = nx_gnode_next(g, e)) {
            const nx_entry *en = &g->entries[e - 1];
            sum += strlen(nx_gstr(g, en->surface)) + strlen(nx_gstr(g, en->name)) + strlen(nx_gstr(g, en->kind)) +
                   strlen(nx_gstr(g, en->value)) + strlen(en->country) + strlen(nx_gclass_name(en->cls)) +
                   strlen(nx_model_rule_name(m, NX_RULE_GAZETTEER, en->source));
        }
    for (size_t i = 0; i < g->n_sources; i++)
        sum += strlen(nx_gstr(g, g->sources[i].path)) + strlen(nx_gstr(g, g->sources[i].licence));
    for (size_t i = 0; i < g->n_endings; i++)
        for (uint32_t k = 0; k < g->endings[i].len; k++) sum += (unsigned char)g->pool[g->endings[i].fold + k];
    for (size_t s = 0; s < g->edges.n_slots; s++) {
        const nx_gedge *e = &g->edges.slots[s];
        const char *lab = g->edges.labels + e->label;
        size_t len = strlen(lab);
        sum += nx_gazetteer_child(g, e->parent, lab, len, nx_gtoken_hash(lab, len));
    }
    const nx_strmap *maps[] = {&g->abbreviations, &g->no_sentence_end, &m->month_value, &m->weekday_value,
                               &m->temporal_value};
    for (size_t k = 0; k < sizeof maps / sizeof *maps; k++)
        for (size_t i = 0; i < maps[k]->count; i++) {
            uint32_t v = 0;
            sum += (size_t)nx_strmap_get(maps[k], maps[k]->pool + maps[k]->key_off[i], maps[k]->key_len[i], &v);
            if (k == 4) sum += strlen(nx_gstr(g, v));
        }
    for (size_t t = 0; t < sizeof TEXTS / sizeof *TEXTS; t++) {
        nx_arena arena;
        nx_arena_init(&arena);
        nx_text text;
        nx_tokens toks;
        nx_gmatch *gm;
        size_t n;
        if (nx_text_prepare(&arena, TEXTS[t], strlen(TEXTS[t]), &text) == NX_OK &&
            nx_tokenize(&arena, &text, &m->lex, &toks) == NX_OK &&
            nx_gazetteer_match(g, &arena, &text, &toks, &gm, &n) == NX_OK)
            for (size_t i = 0; i < n; i++)
                for (uint32_t e = nx_gnode_first(g, gm[i].node); e; e = nx_gnode_next(g, e))
                    sum += (size_t)nx_entry_case_ok(g, &g->entries[e - 1], &text, &toks, gm[i].t0, gm[i].t1);
        /* the patterns read from the file, run */
        nx_pmatch *pm;
        const char *limit;
        if (m->patterns_from_file && nx_patterns_run(&m->patterns, &arena, &text, &toks, &pm, &n, &limit) == NX_OK)
            for (size_t i = 0; i < n; i++) sum += strlen(nx_model_rule_name(m, NX_RULE_PATTERN, pm[i].pattern)) + pm[i].b1;
        nx_arena_free(&arena);
    }
    return sum;
}

static void refused_well(const nx_error *err) {
    /* a refusal names the file and says what is wrong */
    if (strcmp(err->file, NAME) != 0 || !err->message[0] || err->status == NX_OK) {
        fprintf(stderr, "fuzz_model_file: refusal without a proper message: %s: %s\n", err->file, err->message);
        abort();
    }
}

static size_t accepted, refused, with_patterns;

/* Reads data as a model file with the given checks (model_file.h); 1 when
 * it was accepted. */
static int read_model(const uint8_t *data, size_t size, unsigned flags) {
    void *buf = nx_mfile_alloc(size);
    if (!buf) abort();
    if (size) memcpy(buf, data, size);
    nx_mfile f;
    nx_error err;
    if (nx_mfile_from_memory(buf, size, 1, NAME, flags, &f, &err) != NX_OK) {
        refused_well(&err);
        return 0;
    }
    nx_model *m = calloc(1, sizeof *m);
    if (!m) abort();
    nx_status st = nx_model_attach(m, &f, NAME, &err);
    if (st == NX_OK) {
        m->lex.abbreviations = &m->gaz.abbreviations;
        m->lex.no_sentence_end = &m->gaz.no_sentence_end;
        volatile size_t sink = exercise(m);
        (void)sink;
        with_patterns += (size_t)m->patterns_from_file;
    } else {
        refused_well(&err);
    }
    nx_model_free(m);
    return st == NX_OK;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (read_model(data, size, 0)) accepted++;
    else refused++;
    return 0;
}

#ifndef NX_LIBFUZZER
static uint64_t rng = 0x9E3779B97F4A7C15ULL;
static uint64_t next(void) {
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

static const uint8_t *seed;
static size_t seed_len, runs;

/* One damaged copy: read without the checksum (must not crash), and with it
 * (must be refused, unless the damage changed nothing). */
static void run(const uint8_t *data, size_t size) {
    LLVMFuzzerTestOneInput(data, size);
    runs++;
    int same = size == seed_len && memcmp(data, seed, size) == 0;
    if (!same && read_model(data, size, NX_MFILE_CHECKSUM)) {
        fprintf(stderr, "fuzz_model_file: a damaged file passed its checksum (%zu bytes)\n", size);
        abort();
    }
}

static void put32(uint8_t *p, uint32_t v) { memcpy(p, &v, 4); }

int main(int argc, char **argv) {
    const char **tsv = calloc((size_t)argc, sizeof *tsv), **pat = calloc((size_t)argc, sizeof *pat);
    size_t n_tsv = 0, n_pat = 0;
    for (int i = 1; i < argc; i++) {
        if (nx_has_suffix(argv[i], ".tsv")) {
            tsv[n_tsv++] = argv[i];
            continue;
        }
        if (nx_has_suffix(argv[i], ".pat")) {
            pat[n_pat++] = argv[i];
            continue;
        }
        FILE *f = fopen(argv[i], "rb"); /* a corpus file: replayed as it is */
        char *buf;
        size_t len;
        if (!f || nx_read_stream(f, NULL, 0, SIZE_MAX, &buf, &len) != NX_OK) {
            fprintf(stderr, "fuzz_model_file: cannot read %s\n", argv[i]);
            return 1;
        }
        fclose(f);
        LLVMFuzzerTestOneInput((const uint8_t *)buf, len);
        free(buf);
    }
    nx_mfile img;
    nx_error err;
    if (!n_tsv || nx_model_compile_files(tsv, n_tsv, n_pat ? pat : NULL, n_pat, &img, &err) != NX_OK) {
        fprintf(stderr, "fuzz_model_file: no seed model (give *.tsv files): %s: %s\n", n_tsv ? err.file : "",
                n_tsv ? err.message : "");
        return 1;
    }
    free(tsv);
    free(pat);
    seed = img.base;
    seed_len = img.size;
    if (!read_model(seed, seed_len, NX_MFILE_CHECKSUM) || (n_pat && !with_patterns)) {
        fprintf(stderr, "fuzz_model_file: the seed model does not load (or without its patterns)\n");
        return 1;
    }
    uint8_t *buf = malloc(seed_len + 64);
    size_t table_end = sizeof(nx_mfile_header) + img.n_sections * sizeof(nx_mfile_section);

    /* every truncation in the header and table, and around every section */
    for (size_t n = 0; n <= table_end + 8; n++) run(seed, n);
    for (size_t i = 0; i < img.n_sections; i++) {
        size_t ends[2] = {img.table[i].offset, img.table[i].offset + img.table[i].length};
        for (int k = 0; k < 2; k++)
            for (size_t n = ends[k] > 2 ? ends[k] - 2 : 0; n <= ends[k] + 2 && n < seed_len; n++) run(seed, n);
    }
    run(seed, seed_len - 1);
    /* a flip of every byte, of all its bits and of its top bit */
    for (size_t i = 0; i < seed_len; i++) {
        const uint8_t masks[2] = {0xFF, 0x80};
        for (int k = 0; k < 2; k++) {
            memcpy(buf, seed, seed_len);
            buf[i] ^= masks[k];
            run(buf, seed_len);
        }
    }
    /* extreme values in every aligned 32-bit word: counts, offsets, indexes */
    for (size_t i = 0; i + 4 <= seed_len; i += 4) {
        const uint32_t values[] = {0, 1, 0x7FFFFFFF, 0xFFFFFFFF, (uint32_t)seed_len, (uint32_t)seed_len + 1, 4096, 3};
        for (size_t k = 0; k < sizeof values / sizeof *values; k++) {
            memcpy(buf, seed, seed_len);
            put32(buf + i, values[k]);
            run(buf, seed_len);
        }
    }
    /* a section moved off its alignment, its row claiming alignment 1 */
    for (size_t i = 0; i < img.n_sections; i++)
        for (uint64_t d = 1; d < 8; d++) {
            memcpy(buf, seed, seed_len);
            nx_mfile_section row;
            uint8_t *at = buf + sizeof(nx_mfile_header) + i * sizeof row;
            memcpy(&row, at, sizeof row);
            row.align = 1;
            row.offset += d;
            /* still whole items of any size (240: a multiple of each) */
            row.length -= row.length >= 240 ? 240 : row.length;
            memcpy(at, &row, sizeof row);
            run(buf, seed_len);
        }
    /* random edits: several bytes at once, sometimes with a tail cut off */
    for (int r = 0; r < 3000; r++) {
        memcpy(buf, seed, seed_len);
        size_t len = seed_len;
        int edits = 1 + (int)(next() % 8);
        for (int e = 0; e < edits; e++) buf[next() % len] = (uint8_t)next();
        if (next() % 4 == 0) len -= next() % len;
        run(buf, len);
    }
    free(buf);
    nx_mfile_close(&img);
    printf("fuzz_model_file: %zu damaged copies ran clean (%zu read, %zu of them with patterns, %zu refused without "
           "the checksum; all refused with it)\n",
           runs, accepted, with_patterns, refused);
    /* both sides must have been reached, or the test tests nothing */
    return accepted > 0 && refused > 0 ? 0 : 1;
}
#endif
