/* writer.c: the table of output formats (see writer.h). */
#include "writer.h"

#include <string.h>

static const struct {
    const char *name;
    const nx_writer *writer;
} WRITERS[] = {
    {"json", &nx_writer_json},
    {"jsonl", &nx_writer_jsonl},
    {"ntriples", &nx_writer_ntriples},
    {"turtle", &nx_writer_turtle},
    {"jsonld", &nx_writer_jsonld},
    {"csv", &nx_writer_csv},
    {"html", &nx_writer_html},
};

const nx_writer *nx_writer_find(const char *name) {
    if (!name) return &nx_writer_json;
    for (size_t i = 0; i < sizeof WRITERS / sizeof *WRITERS; i++)
        if (!strcmp(WRITERS[i].name, name)) return WRITERS[i].writer;
    return NULL;
}
