/*
 * main.c: the nerx command-line tool. It only parses options, loads the
 * model, feeds the batch and reports; everything else is the public API.
 */
#define _GNU_SOURCE /* fopencookie, for --output csv */
#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <malloc.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "nerx.h"

/* Exit statuses (documented in --help and the README). */
enum {
    EXIT_ALL_OK = 0,    /* every document was processed */
    EXIT_SOME_FAILED = 1, /* some documents became error records; the rest were processed */
    EXIT_USAGE = 2,     /* bad command line */
    EXIT_MODEL = 3,     /* the gazetteers or patterns could not be loaded */
    EXIT_OUTPUT = 4     /* the output could not be written */
};

enum opt_id {
    OPT_HELP, OPT_VERSION, OPT_INPUT, OPT_OUTPUT, OPT_DCT, OPT_DATE_ORDER, OPT_GAZETTEERS, OPT_GAZETTEER,
    OPT_THREADS, OPT_ID_FIELD, OPT_TEXT_FIELD, OPT_DCT_FIELD, OPT_ALL_TITLES, OPT_QUIET, OPT_STAGE_TIMES,
    OPT_COMPILE_MODEL, OPT_BASE_IRI, OPT_KEEP_FIELDS, OPT_OUTPUT_DIR, OPT_PROGRESS, OPT_WINDOW, OPT_MAN
};

typedef struct option_spec {
    enum opt_id id;
    char short_name;
    const char *long_name;
    const char *arg; /* NULL: a flag */
    const char *help;
} option_spec;

/* The one option table: the parser and --help both read it. */
static const option_spec OPTIONS[] = {
    {OPT_INPUT, 'i', "input", "FORMAT", "input format: auto (default), text or jsonl"},
    {OPT_OUTPUT, 'o', "output", "FORMAT",
     "output format: auto (default: pretty JSON for one plain-text document,\n"
     "                          JSON Lines otherwise), json (pretty), jsonl, or a graph:\n"
     "                          ntriples, turtle, jsonld (a JSON-LD document a line),\n"
     "                          csv (graph database import; needs --output-dir),\n"
     "                          html (one page: the text highlighted, the entities and facts)"},
    {OPT_OUTPUT_DIR, 0, "output-dir", "DIR", "--output csv: write DIR/nodes.csv and DIR/edges.csv\n"
                                            "                          (neo4j-admin database import headers)"},
    {OPT_BASE_IRI, 0, "base-iri", "IRI", "graph outputs: the IRI every node's starts with\n"
                                        "                          (default " NX_DEFAULT_BASE_IRI ")"},
    {OPT_KEEP_FIELDS, 0, "keep-fields", "A,B", "JSON Lines string fields kept with each document\n"
                                              "                          (e.g. url,title): in the output too"},
    {OPT_DCT, 0, "dct", "YYYY-MM-DD", "document creation date for relative and partial dates\n"
                                     "                          (a JSON Lines record's dct/date field wins)"},
    {OPT_DATE_ORDER, 0, "date-order", "ORDER", "numeric dates: mdy (default, 07/05 is July 5) or dmy"},
    {OPT_GAZETTEERS, 'g', "gazetteers", "DIR", "gazetteer directory (default: NERX_GAZETTEERS, the installed\n"
                                               "                          data, or the source tree's gazetteers/)"},
    {OPT_GAZETTEER, 0, "gazetteer", "FILE", "an extra gazetteer file of your own (repeatable)"},
    {OPT_THREADS, 't', "threads", "N", "worker threads (default 1)"},
    {OPT_ID_FIELD, 0, "id-field", "NAME", "JSON Lines field holding the id (default id)"},
    {OPT_TEXT_FIELD, 0, "text-field", "NAME", "JSON Lines field holding the text (default text)"},
    {OPT_DCT_FIELD, 0, "dct-field", "NAME", "the only JSON Lines field the dct is read from (default: dct,\n"
                                           "                          then date)"},
    {OPT_ALL_TITLES, 0, "all-titles", NULL, "also output titles that describe no named person"},
    {OPT_WINDOW, 0, "window", "BYTES", "a document longer than this is extracted in windows of at most\n"
                                      "                          BYTES cut at paragraph breaks, which bounds its memory\n"
                                      "                          (default 128K; K and M suffixes; 0: never, at least 4K)"},
    {OPT_QUIET, 'q', "quiet", NULL, "do not print warnings or progress (errors are still printed)"},
    {OPT_PROGRESS, 0, "progress", NULL, "show documents, MB, MB/s and time left on stderr, and a summary\n"
                                        "                          at the end (the default when stderr is a terminal)"},
    {OPT_STAGE_TIMES, 0, "stage-times", NULL, "print the seconds spent in each pipeline stage on stderr at the end"},
    {OPT_COMPILE_MODEL, 0, "compile-model", NULL, "compile the gazetteer directory into DIR/nerx.model (read at\n"
                                                   "                          every start instead of the *.tsv files) and exit"},
    {OPT_HELP, 'h', "help", NULL, "show this help and exit"},
    {OPT_MAN, 0, "man", NULL, "print this help as a manual page (roff, man(7)) and exit"},
    {OPT_VERSION, 'V', "version", NULL, "show the version and exit"},
};
#define N_OPTIONS (sizeof OPTIONS / sizeof *OPTIONS)

/* The texts --help and the manual page (--man) share. */
static const char SUMMARY[] = "Extract people, titles, organisations, places and dates from news text as JSON.";
static const char INPUTS[] =
    "Inputs: plain-text files, JSON Lines files (.jsonl, .ndjson: records with \"text\"\n"
    "and optional \"id\" and \"dct\"), either also as .gz or .zst, directories (searched\n"
    "recursively for them), and - for standard input (the default; plain text or JSON\n"
    "Lines, detected from the first character). Each document or line may hold up to\n"
    "64 MiB; a larger one is an error record.";
static const char *const ENVIRONMENT[][2] = {
    {"NERX_GAZETTEERS", "the gazetteer directory when --gazetteers is not given (else the installed\n"
                        "data beside the program, ../share/nerx/gazetteers, is used)"},
    {"NERX_NO_JIT", "compile patterns without JIT (slower; for valgrind)"},
};
static const char *const EXIT_STATUSES[][2] = {
    {"0", "every document was processed"},
    {"1", "some documents could not be processed: each has an error record\n"
          "{\"id\": ..., \"error\": ...} in its place in the output, and a message on stderr"},
    {"2", "bad command line"},
    {"3", "the gazetteers or patterns could not be loaded"},
    {"4", "the output could not be written"},
};
#define N_ROWS(t) (sizeof(t) / sizeof *(t))

/* s with each line break and the indent after it as `join` (help texts
 * wrap for --help; a manual page wraps by itself). */
static void put_joined(FILE *f, const char *s, const char *join, int roff) {
    /* roff reads a line that starts with . or ' as a request: every call
     * that could start a line escapes its first such character */
    if (roff && (*s == '.' || *s == '\'')) fputs("\\&", f);
    for (; *s; s++) {
        if (*s == '\n') {
            fputs(join, f);
            while (s[1] == ' ') s++;
            continue;
        }
        if (roff && *s == '\\') fputs("\\e", f);
        else if (roff && *s == '-') fputs("\\-", f);
        else putc(*s, f);
    }
}

/* A heading, then a name/text table: each name as `name_fmt` says, its
 * text joined as put_joined does. */
static void put_rows(FILE *f, const char *heading, const char *const rows[][2], size_t n, const char *name_fmt,
                     const char *join, int roff) {
    fputs(heading, f);
    for (size_t i = 0; i < n; i++) {
        fprintf(f, name_fmt, rows[i][0]);
        put_joined(f, rows[i][1], join, roff);
        fputc('\n', f);
    }
}

static void usage(FILE *f) {
    fprintf(f, "Usage: nerx [OPTIONS] [FILE|DIR|-]...\n%s\n\n%s\n\nOptions:\n", SUMMARY, INPUTS);
    for (size_t i = 0; i < N_OPTIONS; i++) {
        const option_spec *o = &OPTIONS[i];
        char left[64];
        snprintf(left, sizeof left, "%s%c%s--%s%s%s", o->short_name ? "-" : "  ", o->short_name ? o->short_name : ' ',
                 o->short_name ? ", " : "  ", o->long_name, o->arg ? " " : "", o->arg ? o->arg : "");
        fprintf(f, "  %-24s%s\n", left, o->help);
    }
    put_rows(f, "\nEnvironment:\n", ENVIRONMENT, N_ROWS(ENVIRONMENT), "  %-17s", "\n                   ", 0);
    put_rows(f, "\nExit status:\n", EXIT_STATUSES, N_ROWS(EXIT_STATUSES), "  %s  ", "\n     ", 0);
}

/* The manual page, man(7) macros, from the same tables. */
static void manual(FILE *f) {
    fprintf(f, ".TH NERX 1 \"\" \"nerx %s\" \"User Commands\"\n", nx_version());
    fputs(".SH NAME\nnerx \\- ", f);
    put_joined(f, "extract people, titles, organisations, places and dates from news text as JSON", " ", 1);
    fputs("\n.SH SYNOPSIS\n.B nerx\n[\\fIOPTIONS\\fR] [\\fIFILE\\fR|\\fIDIR\\fR|\\fB\\-\\fR]...\n", f);
    fputs(".SH DESCRIPTION\n", f);
    put_joined(f, SUMMARY, " ", 1);
    fputs("\n.PP\n", f);
    put_joined(f, INPUTS, " ", 1);
    fputs("\n.SH OPTIONS\n", f);
    for (size_t i = 0; i < N_OPTIONS; i++) {
        const option_spec *o = &OPTIONS[i];
        fputs(".TP\n", f);
        if (o->short_name) fprintf(f, "\\fB\\-%c\\fR, ", o->short_name);
        fputs("\\fB\\-\\-", f);
        put_joined(f, o->long_name, " ", 1);
        fputs("\\fR", f);
        if (o->arg) fprintf(f, " \\fI%s\\fR", o->arg);
        fputs("\n", f);
        put_joined(f, o->help, " ", 1);
        fputs("\n", f);
    }
    put_rows(f, ".SH ENVIRONMENT\n", ENVIRONMENT, N_ROWS(ENVIRONMENT), ".TP\n.B %s\n", " ", 1);
    put_rows(f, ".SH EXIT STATUS\n", EXIT_STATUSES, N_ROWS(EXIT_STATUSES), ".TP\n.B %s\n", " ", 1);
    fputs(".SH FILES\n.TP\n.I ../share/nerx/gazetteers\n", f);
    put_joined(f, "the gazetteers, patterns and compiled model (nerx.model), found relative to the program", " ", 1);
    fputs("\n.SH EXAMPLES\n.nf\n", f);
    put_joined(f, "echo 'Kazakh President Tokayev met XJTU president Zhang Liqun.' | nerx\n"
                  "nerx --threads 2 --input jsonl dump.jsonl.gz > entities.jsonl\n"
                  "nerx --output turtle articles/ > graph.ttl", "\n", 1);
    fputs("\n.fi\n", f);
}

typedef struct cli {
    nx_input_options in;
    nx_batch_options batch;
    nx_model_options model;
    const char **extra;
    size_t n_extra;
    const char **paths;
    size_t n_paths;
    int output; /* 0 auto, 1 json, 2 jsonl, 3 a graph format (graph) */
    const char *graph;
    const char *output_dir; /* --output csv */
    char *keep;        /* --keep-fields, split in place */
    const char **keep_fields;
    int quiet;
    int compile_model;
    int progress;        /* --progress */
    int tty;             /* stderr is a terminal: progress rewrites one line */
    int progress_shown;  /* a progress line is on the terminal */
    size_t size;         /* the inputs' bytes, 0 when unknown */
    double t0, last;     /* start, last progress line (seconds) */
} cli;

/* Closes stdout after --help or --version: a write that failed says so. */
static int close_stdout(void) {
    if (fclose(stdout) == 0) return EXIT_ALL_OK;
    fprintf(stderr, "nerx: cannot write output: %s\n", strerror(errno));
    return EXIT_OUTPUT;
}

static int fail_usage(const char *msg, const char *arg) {
    fprintf(stderr, "nerx: %s%s%s\nTry 'nerx --help'.\n", msg, arg ? ": " : "", arg ? arg : "");
    return EXIT_USAGE;
}

static int apply(cli *c, const option_spec *o, const char *arg) {
    switch (o->id) {
    case OPT_HELP: usage(stdout); exit(close_stdout());
    case OPT_MAN: manual(stdout); exit(close_stdout());
    case OPT_VERSION: printf("nerx %s\n", nx_version()); exit(close_stdout());
    case OPT_INPUT:
        if (!strcmp(arg, "auto")) c->in.format = NX_INPUT_AUTO;
        else if (!strcmp(arg, "text")) c->in.format = NX_INPUT_TEXT;
        else if (!strcmp(arg, "jsonl")) c->in.format = NX_INPUT_JSONL;
        else return fail_usage("--input must be auto, text or jsonl", arg);
        return 0;
    case OPT_OUTPUT:
        if (!strcmp(arg, "auto")) c->output = 0;
        else if (!strcmp(arg, "json")) c->output = 1;
        else if (!strcmp(arg, "jsonl")) c->output = 2;
        else if (!strcmp(arg, "ntriples") || !strcmp(arg, "turtle") || !strcmp(arg, "jsonld") || !strcmp(arg, "csv") || !strcmp(arg, "html"))
            c->output = 3, c->graph = arg;
        else return fail_usage("--output must be auto, json, jsonl, ntriples, turtle, jsonld, csv or html", arg);
        return 0;
    case OPT_BASE_IRI: {
        /* an absolute IRI: a scheme, ':', no white space */
        size_t n = strspn(arg, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+-.");
        if (!n || arg[n] != ':' || strpbrk(arg, " \t\n<>\"{}|^`\\"))
            return fail_usage("--base-iri must be an absolute IRI (https://example.org/kg/)", arg);
        c->batch.base_iri = arg;
        return 0;
    }
    case OPT_OUTPUT_DIR: c->output_dir = arg; return 0;
    case OPT_KEEP_FIELDS: {
        free(c->keep);
        free(c->keep_fields);
        c->keep = strdup(arg);
        c->keep_fields = calloc(strlen(arg) + 1, sizeof *c->keep_fields);
        if (!c->keep || !c->keep_fields) return fail_usage("out of memory", NULL);
        c->in.n_keep_fields = 0;
        for (char *save = NULL, *f = strtok_r(c->keep, ",", &save); f; f = strtok_r(NULL, ",", &save))
            c->keep_fields[c->in.n_keep_fields++] = f;
        c->in.keep_fields = c->keep_fields;
        return 0;
    }
    case OPT_DCT:
        if (!nx_is_date(arg)) return fail_usage("--dct must be a date written YYYY-MM-DD", arg);
        c->batch.extract.dct = arg;
        return 0;
    case OPT_DATE_ORDER:
        if (!strcmp(arg, "mdy")) c->batch.extract.date_order = NX_DATE_ORDER_MDY;
        else if (!strcmp(arg, "dmy")) c->batch.extract.date_order = NX_DATE_ORDER_DMY;
        else return fail_usage("--date-order must be mdy or dmy", arg);
        return 0;
    case OPT_GAZETTEERS: c->model.gazetteer_dir = arg; return 0;
    case OPT_GAZETTEER: c->extra[c->n_extra++] = arg; return 0;
    case OPT_THREADS: {
        char *end;
        errno = 0;
        long n = strtol(arg, &end, 10);
        if (errno || *end || n < 1 || n > 256) return fail_usage("--threads must be a number from 1 to 256", arg);
        c->batch.threads = (int)n;
        return 0;
    }
    case OPT_ID_FIELD: c->in.id_field = arg; return 0;
    case OPT_TEXT_FIELD: c->in.text_field = arg; return 0;
    case OPT_DCT_FIELD: c->in.dct_field = arg; return 0;
    case OPT_ALL_TITLES: c->batch.extract.attached_titles_only = 0; return 0;
    case OPT_WINDOW: {
        char *end;
        errno = 0;
        unsigned long long n = strtoull(arg, &end, 10);
        unsigned long long unit = *end == 'K' || *end == 'k' ? 1024 : *end == 'M' || *end == 'm' ? 1024 * 1024 : 1;
        if (unit > 1) end++;
        if (errno || *end || end == arg || !isdigit((unsigned char)*arg) || n > SIZE_MAX / unit / 2 ||
            (n && n * unit < 4096))
            return fail_usage("--window must be 0 or a number of bytes from 4096 (4K) up", arg);
        c->batch.extract.window_bytes = (size_t)(n * unit);
        return 0;
    }
    case OPT_QUIET: c->quiet = 1; return 0;
    case OPT_STAGE_TIMES: c->batch.extract.time_stages = 1; return 0;
    case OPT_COMPILE_MODEL: c->compile_model = 1; return 0;
    case OPT_PROGRESS: c->progress = 1; return 0;
    }
    return 0;
}

/* getopt_long over the one option table: bundled short flags (-qt 2),
 * --name=value, unambiguous prefixes of long names (--thr 2); options may
 * come after paths, and -- ends them. getopt's own messages are off, so
 * each error reads as the others. */
static int parse(cli *c, int argc, char **argv) {
    struct option longs[N_OPTIONS + 1];
    char shorts[2 * N_OPTIONS + 2];
    size_t ns = 0;
    shorts[ns++] = ':'; /* a missing value: ':', not '?' */
    for (size_t k = 0; k < N_OPTIONS; k++) {
        const option_spec *o = &OPTIONS[k];
        longs[k] = (struct option){o->long_name, o->arg ? required_argument : no_argument, NULL, 256 + (int)k};
        if (o->short_name) {
            shorts[ns++] = o->short_name;
            if (o->arg) shorts[ns++] = ':';
        }
    }
    longs[N_OPTIONS] = (struct option){0};
    shorts[ns] = '\0';
    opterr = 0;
    for (;;) {
        int at = -1;
        int ch = getopt_long(argc, argv, shorts, longs, NULL);
        if (ch == -1) break;
        /* the option in error: a short one by its letter, a long one as written */
        char letter[3] = {'-', (char)optopt, '\0'};
        const char *word = optopt > 0 && optopt < 256 ? letter : argv[optind - 1];
        if (ch == '?' && optopt >= 256) return fail_usage("option takes no value", word);
        if (ch == '?') return fail_usage("unknown option (or a prefix of more than one)", word);
        if (ch == ':') return fail_usage("option needs a value", word);
        if (ch >= 256) at = ch - 256;
        for (size_t k = 0; at < 0 && k < N_OPTIONS; k++)
            if (OPTIONS[k].short_name == ch) at = (int)k;
        if (at < 0) return fail_usage("unknown option", word);
        int rc = apply(c, &OPTIONS[at], optarg);
        if (rc) return rc;
    }
    for (int i = optind; i < argc; i++) c->paths[c->n_paths++] = argv[i];
    return 0;
}

/* Writes s to stderr with control characters escaped (\n, \xNN), so an id
 * or a file name can never forge a line of its own. */
static void put_escaped(const char *s) {
    for (; *s; s++) {
        unsigned char ch = (unsigned char)*s;
        if (ch == '\n') fputs("\\n", stderr);
        else if (ch == '\t') fputs("\\t", stderr);
        else if (ch == '\r') fputs("\\r", stderr);
        else if (ch < 0x20 || ch == 0x7f) fprintf(stderr, "\\x%02x", ch);
        else putc(ch, stderr);
    }
}

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Clears the progress line so that a message takes its place. */
static void clear_progress(cli *c) {
    if (c->progress_shown) fputs("\r\033[K", stderr);
    c->progress_shown = 0;
}

/* Documents, MB, MB/s and the time left by bytes (when the size is known),
 * at most twice a second: on a terminal one line rewritten, else a line
 * each 5 seconds. */
static void on_progress(void *user, const nx_batch_stats *st) {
    cli *c = user;
    double t = now();
    if (t - c->last < (c->tty ? 0.5 : 5.0)) return;
    c->last = t;
    double mb = (double)st->input_bytes / 1e6, rate = mb / (t - c->t0 > 1e-3 ? t - c->t0 : 1e-3);
    char left[64] = "";
    if (c->size && st->input_bytes <= c->size && rate > 0) {
        long s = (long)(((double)(c->size - st->input_bytes) / 1e6) / rate + 0.5);
        snprintf(left, sizeof left, ", %ld:%02ld:%02ld left (%.0f%%)", s / 3600, s / 60 % 60, s % 60,
                 100.0 * (double)st->input_bytes / (double)c->size);
    }
    clear_progress(c);
    fprintf(stderr, "nerx: %zu document%s, %.1f MB, %.1f MB/s%s%s", st->documents, st->documents == 1 ? "" : "s", mb,
            rate, left, c->tty ? "" : "\n");
    c->progress_shown = c->tty;
    fflush(stderr);
}

static void on_message(void *user, const char *id, const char *level, const char *msg) {
    cli *c = user;
    if (c->quiet && strcmp(level, "error") != 0) return;
    clear_progress(c);
    fputs("nerx: ", stderr);
    put_escaped(id);
    fprintf(stderr, ": %s: ", level);
    put_escaped(msg);
    fputc('\n', stderr);
}

static int model_error(nx_status st, const nx_error *err) {
    if (err->line)
        fprintf(stderr, "nerx: %s:%zu:%zu: %s\n", err->file, err->line, err->column, err->message);
    else
        fprintf(stderr, "nerx: %s%s%s\n", err->file, err->file[0] ? ": " : "",
                err->message[0] ? err->message : nx_strerror(st));
    return EXIT_MODEL;
}

/* --compile-model: only the gazetteer directory goes into the file. */
static int compile_model(cli *c) {
    if (c->n_paths || c->n_extra)
        return fail_usage("--compile-model takes no inputs and no --gazetteer files", c->n_paths ? c->paths[0] : c->extra[0]);
    nx_error err;
    nx_status st = nx_model_compile(&c->model, &err);
    return st == NX_OK ? EXIT_ALL_OK : model_error(st, &err);
}

/* --output csv: the writer's lines, tagged 'N' (nodes) and 'E' (edges),
 * go without the tag to DIR/nodes.csv and DIR/edges.csv. */
typedef struct csv_split {
    FILE *f[2];
    int line_start;
    int which;
} csv_split;

static ssize_t split_write(void *cookie, const char *buf, size_t n) {
    csv_split *s = cookie;
    size_t i = 0;
    while (i < n) {
        if (s->line_start) {
            s->which = buf[i++] == 'E';
            s->line_start = 0;
            continue;
        }
        const char *nl = memchr(buf + i, '\n', n - i);
        size_t len = nl ? (size_t)(nl - (buf + i)) + 1 : n - i;
        if (fwrite(buf + i, 1, len, s->f[s->which]) != len) return -1;
        s->line_start = nl != NULL;
        i += len;
    }
    return (ssize_t)n;
}

static int split_close(void *cookie) {
    csv_split *s = cookie;
    int rc = 0;
    for (int k = 0; k < 2; k++)
        if (s->f[k] && fclose(s->f[k]) != 0) rc = -1;
    free(s);
    return rc;
}

static FILE *open_csv_dir(const char *dir) {
    if (mkdir(dir, 0777) != 0 && errno != EEXIST) return NULL;
    csv_split *s = calloc(1, sizeof *s);
    size_t n = strlen(dir) + 16;
    char *path = malloc(n);
    if (!s || !path) {
        free(s);
        free(path);
        return NULL;
    }
    s->line_start = 1;
    snprintf(path, n, "%s/nodes.csv", dir);
    s->f[0] = fopen(path, "w");
    snprintf(path, n, "%s/edges.csv", dir);
    s->f[1] = s->f[0] ? fopen(path, "w") : NULL;
    free(path);
    FILE *f = s->f[1] ? fopencookie(s, "w", (cookie_io_functions_t){NULL, split_write, NULL, split_close}) : NULL;
    if (!f) split_close(s);
    return f;
}

static int run(cli *c) {
    nx_model *model = NULL;
    nx_error err;
    nx_status st = nx_model_load(&c->model, &model, &err);
    if (st != NX_OK) return model_error(st, &err);
    nx_reader *reader = NULL;
    c->in.on_message = on_message;
    c->in.user = c;
    st = nx_reader_open(c->paths, c->n_paths, &c->in, &reader, &err);
    if (st != NX_OK) {
        fprintf(stderr, "nerx: %s\n", nx_strerror(st));
        nx_model_free(model);
        return EXIT_MODEL;
    }
    int single = nx_reader_single_text(reader);
    c->batch.pretty = c->output == 1 || (c->output == 0 && single);
    c->batch.array = c->output == 1 && !single; /* several documents: one JSON array */
    c->batch.format = c->output == 3 ? c->graph : c->output == 2 ? "jsonl" : "json";
    c->batch.on_message = on_message;
    c->batch.user = c;
    /* progress on a terminal, or when asked; never with --quiet */
    c->tty = isatty(STDERR_FILENO);
    if ((c->tty || c->progress) && !c->quiet) c->batch.on_progress = on_progress;
    c->size = nx_reader_size(reader);
    c->t0 = now();
    c->last = 0; /* the first record shows a line at once */
#ifdef M_ARENA_MAX
    /* glibc gives each thread its own heap, up to 8 a core, each keeping its
     * high-water mark: with many threads that, not the records in flight,
     * would set the peak. Documents live in few large blocks, so four
     * heaps cost no speed. */
    if (c->batch.threads > 1) mallopt(M_ARENA_MAX, 4);
#endif
    nx_batch_stats stats;
    FILE *out = stdout;
    if (c->output_dir) {
        out = open_csv_dir(c->output_dir);
        if (!out) {
            fprintf(stderr, "nerx: %s: cannot write nodes.csv and edges.csv there: %s\n", c->output_dir, strerror(errno));
            nx_reader_free(reader);
            nx_model_free(model);
            return EXIT_OUTPUT;
        }
    }
    st = nx_batch_run(model, reader, &c->batch, out, &stats);
    nx_reader_free(reader);
    nx_model_free(model);
    if (c->batch.on_progress) {
        double t = now() - c->t0;
        clear_progress(c);
        fprintf(stderr, "nerx: %zu document%s (%zu error%s, %zu warning%s), %.1f MB in %.1f s, %.1f MB/s\n",
                stats.documents, stats.documents == 1 ? "" : "s", stats.failed, stats.failed == 1 ? "" : "s",
                stats.warnings, stats.warnings == 1 ? "" : "s", (double)stats.input_bytes / 1e6, t,
                (double)stats.input_bytes / 1e6 / (t > 1e-3 ? t : 1e-3));
    }
    if (c->batch.extract.time_stages) {
        /* one line a stage, summed over documents and threads */
        for (size_t i = 0; i < nx_stage_count(); i++)
            fprintf(stderr, "nerx: stage-times: %-10s %10.6f s\n", nx_stage_name(i), stats.stage_seconds[i]);
        fprintf(stderr, "nerx: stage-times: %-10s %10.6f s\n", "write", stats.write_seconds);
    }
    if (out != stdout && fclose(out) != 0 && st == NX_OK) st = NX_ERR_IO;
    if (fclose(stdout) != 0 && st == NX_OK) st = NX_ERR_IO;
    if (st != NX_OK) {
        fprintf(stderr, "nerx: cannot write output: %s\n", st == NX_ERR_IO ? strerror(errno) : nx_strerror(st));
        return EXIT_OUTPUT;
    }
    if (stats.failed) {
        fprintf(stderr, "nerx: %zu of %zu document%s could not be processed\n", stats.failed, stats.documents,
                stats.documents == 1 ? "" : "s");
        return EXIT_SOME_FAILED;
    }
    return EXIT_ALL_OK;
}

int main(int argc, char **argv) {
    cli c;
    memset(&c, 0, sizeof c);
    nx_input_options_init(&c.in);
    nx_batch_options_init(&c.batch);
    nx_model_options_init(&c.model);
    c.extra = calloc((size_t)argc + 1, sizeof *c.extra);
    c.paths = calloc((size_t)argc + 1, sizeof *c.paths);
    int rc;
    if (!c.extra || !c.paths) {
        fprintf(stderr, "nerx: out of memory\n");
        rc = EXIT_MODEL;
    } else if ((rc = parse(&c, argc, argv)) == 0) {
        c.model.extra_files = c.extra;
        c.model.n_extra_files = c.n_extra;
        if ((c.output == 3 && !strcmp(c.graph, "csv")) != (c.output_dir != NULL))
            rc = fail_usage("--output csv and --output-dir DIR go together", c.output_dir);
        else rc = c.compile_model ? compile_model(&c) : run(&c);
    }
    free(c.extra);
    free(c.paths);
    free(c.keep);
    free(c.keep_fields);
    return rc;
}
