/*
 * fuzz_extract.c: a fuzz target for the whole pipeline (nx_extract and the
 * JSON writer). With libFuzzer (-fsanitize=fuzzer) it is a normal target;
 * built without it, main() replays the files given on the command line and
 * then a fixed number of deterministic mutations of them, so ctest runs it
 * under the sanitizers on every build. The first byte picks options.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../unit/model_fixture.h"
#include "nerx.h"
#include "replay.h"

static nx_model *model;

static void init_model(void) {
    if (model) return;
    model = load_test_model();
    if (!model) abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    init_model();
    nx_options o;
    nx_options_init(&o);
    if (size > 0) {
        o.dct = (data[0] & 1) ? "2024-07-05" : NULL;
        o.date_order = (data[0] & 2) ? NX_DATE_ORDER_DMY : NX_DATE_ORDER_MDY;
        o.attached_titles_only = !(data[0] & 4);
        data++, size--;
    }
    nx_document *doc = NULL;
    nx_status st = nx_extract(model, (const char *)data, size, "fuzz", &o, &doc, NULL);
    if (st == NX_OK) {
        size_t n;
        const nx_mention *m = nx_document_mentions(doc, &n);
        for (size_t i = 0; i < n; i++) /* invariants every output must keep */
            if (m[i].end < m[i].start || m[i].byte_end > size || m[i].byte_end < m[i].byte_start ||
                (i && m[i].byte_start < m[i - 1].byte_start))
                abort();
        char *s = nx_document_to_json(doc, 0);
        if (!s) abort();
        nx_free(s);
        nx_document_free(doc);
    } else if (st != NX_ERR_EMPTY && st != NX_ERR_BINARY) {
        abort();
    }
    return 0;
}

#ifndef NX_LIBFUZZER
static const char *const tokens[] = {" ", "\n", "\n\n", ".", ",", "(", ")", "'s", "-", "\xC2\xA0", "\xE2\x80\x99",
                                     "\xFF", "\xC3", "July", "4", "2024", "President", "of", "University",
                                     "Zhang", "XJTU", "(L)", " and ", "Dr.", "U.S.", "\"", "\t", "\x01"};

int main(int argc, char **argv) {
    int rc = fuzz_replay(argc, argv, tokens, sizeof tokens / sizeof *tokens, 1 << 20, 3000, "fuzz_extract");
    nx_model_free(model);
    return rc;
}
#endif
