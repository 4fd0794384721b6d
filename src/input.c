/* input.c: readers over files, directories, JSON Lines and standard input.
 * JSON Lines is read one line at a time, so a dump of millions of records
 * never has to fit in memory. */
#include "input.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "arena.h"
#include "calendar.h"
#include "fs.h"
#include "strmap.h"

enum src_kind { SRC_TEXT, SRC_JSONL, SRC_STDIN, SRC_MISSING };

typedef struct source {
    char *path;
    int kind;
    char *error; /* SRC_MISSING: why */
} source;

struct nx_reader {
    nx_input_options opts;
    nx_vec src;          /* source */
    size_t cur;          /* index of the source being read */
    int open;            /* the current source is open */
    FILE *f;
    int jsonl;           /* reading the current source as JSON Lines */
    size_t lineno;
    char *line;
    size_t line_cap;
    cJSON *json;         /* the current JSON Lines record */
    char *text;          /* the current plain text */
    char *id;            /* the current record's id (malloc) */
    char dct[11];
    const char **fields; /* the kept fields of the current record: name/value pairs */
    struct id_seen *ids; /* the JSON Lines ids read so far and the source of each (distinct_id) */
    size_t ids_mask, n_ids;
    char *err;           /* the current error message (malloc) */
    int stdin_is_jsonl;  /* decided when standard input was opened */
    int stdin_peeked;
    char *stdin_pre;     /* white space read from standard input while peeking */
    size_t stdin_pre_n;
};

void nx_input_options_init(nx_input_options *o) {
    memset(o, 0, sizeof *o);
    o->format = NX_INPUT_AUTO;
    o->id_field = "id";
    o->text_field = "text";
    o->dct_field = "dct";
    o->max_document_bytes = 64u << 20;
}

static int is_jsonl_name(const char *p) { return nx_has_suffix(p, ".jsonl") || nx_has_suffix(p, ".ndjson"); }

static int add_src(nx_reader *r, const char *path, int kind, const char *error) {
    source *s = nx_vec_push(&r->src, sizeof *s);
    if (!s) return -1;
    s->path = strdup(path);
    s->kind = kind;
    s->error = error ? strdup(error) : NULL;
    if (!s->path || (error && !s->error)) {
        free(s->path);
        free(s->error);
        r->src.count--;
        return -1;
    }
    return 0;
}

/* Adds the *.txt and JSON Lines files under dir, recursively, in name order. */
static int walk(nx_reader *r, const char *dir, int depth) {
    if (depth > 64) return add_src(r, dir, SRC_MISSING, "directory nesting too deep");
    char **names;
    size_t n;
    nx_status st = nx_dir_names(dir, &names, &n);
    if (st == NX_ERR_IO) {
        char msg[300];
        snprintf(msg, sizeof msg, "cannot read directory: %s", strerror(errno));
        return add_src(r, dir, SRC_MISSING, msg);
    }
    if (st != NX_OK) return -1;
    int rc = 0;
    for (size_t i = 0; i < n && rc == 0; i++) {
        size_t len = strlen(dir) + strlen(names[i]) + 2;
        char *p = malloc(len);
        if (!p) {
            rc = -1;
            break;
        }
        snprintf(p, len, "%s%s%s", dir, nx_has_suffix(dir, "/") ? "" : "/", names[i]);
        struct stat sb;
        if (stat(p, &sb) == 0 && S_ISDIR(sb.st_mode)) rc = walk(r, p, depth + 1);
        else if (nx_has_suffix(p, ".txt")) rc = add_src(r, p, SRC_TEXT, NULL);
        else if (is_jsonl_name(p)) rc = add_src(r, p, SRC_JSONL, NULL);
        free(p);
    }
    nx_free_names(names, n);
    return rc;
}

nx_status nx_reader_open(const char *const *paths, size_t n_paths, const nx_input_options *opts, nx_reader **out,
                         nx_error *err) {
    *out = NULL;
    if (err) memset(err, 0, sizeof *err);
    nx_reader *r = calloc(1, sizeof *r);
    if (!r) return NX_ERR_NOMEM;
    if (opts) r->opts = *opts;
    else nx_input_options_init(&r->opts);
    nx_input_options defaults;
    nx_input_options_init(&defaults);
    if (!r->opts.id_field) r->opts.id_field = defaults.id_field;
    if (!r->opts.text_field) r->opts.text_field = defaults.text_field;
    if (!r->opts.dct_field) r->opts.dct_field = defaults.dct_field;
    if (!r->opts.max_document_bytes) r->opts.max_document_bytes = defaults.max_document_bytes;
    r->fields = calloc(2 * r->opts.n_keep_fields + 1, sizeof *r->fields);
    if (!r->fields) {
        free(r);
        return NX_ERR_NOMEM;
    }
    int rc = 0;
    if (n_paths == 0) rc = add_src(r, "-", SRC_STDIN, NULL);
    for (size_t i = 0; i < n_paths && rc == 0; i++) {
        const char *p = paths[i];
        struct stat st;
        if (strcmp(p, "-") == 0) rc = add_src(r, "-", SRC_STDIN, NULL);
        else if (stat(p, &st) != 0) {
            char msg[300];
            snprintf(msg, sizeof msg, "cannot open: %s", strerror(errno));
            rc = add_src(r, p, SRC_MISSING, msg);
        } else if (S_ISDIR(st.st_mode)) {
            rc = walk(r, p, 0);
        } else {
            int jsonl = r->opts.format == NX_INPUT_JSONL || (r->opts.format == NX_INPUT_AUTO && is_jsonl_name(p));
            rc = add_src(r, p, jsonl ? SRC_JSONL : SRC_TEXT, NULL);
        }
    }
    if (rc) {
        nx_reader_free(r);
        return NX_ERR_NOMEM;
    }
    *out = r;
    return NX_OK;
}

/* Decides whether standard input holds JSON Lines: --input says so, or the
 * first character that is not white space opens a JSON object. */
static void peek_stdin(nx_reader *r) {
    if (r->stdin_peeked) return;
    r->stdin_peeked = 1;
    if (r->opts.format != NX_INPUT_AUTO) {
        r->stdin_is_jsonl = r->opts.format == NX_INPUT_JSONL;
        return;
    }
    int c;
    char ws[4096];
    size_t n = 0;
    while ((c = getc(stdin)) != EOF && (c == ' ' || c == '\t' || c == '\n' || c == '\r') && n < sizeof ws) ws[n++] = (char)c;
    if (c != EOF) ungetc(c, stdin);
    r->stdin_is_jsonl = c == '{';
    /* leading white space does not change offsets for JSON Lines; for plain
     * text it must be kept, so remember it */
    if (!r->stdin_is_jsonl && n) {
        r->stdin_pre = malloc(n);
        if (r->stdin_pre) {
            memcpy(r->stdin_pre, ws, n);
            r->stdin_pre_n = n;
        }
    }
}

int nx_reader_single_text(nx_reader *r) {
    if (r->src.count != 1) return 0;
    int kind = NX_VEC_AT(&r->src, source, 0).kind;
    if (kind == SRC_TEXT) return 1;
    if (kind == SRC_STDIN) {
        peek_stdin(r);
        return !r->stdin_is_jsonl;
    }
    return 0;
}

/* *dst = a new formatted string ("" when out of memory: ids must exist). */
static void set_str(char **dst, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    free(*dst);
    *dst = n >= 0 ? malloc((size_t)n + 1) : NULL;
    if (!*dst) return;
    va_start(ap, fmt);
    vsnprintf(*dst, (size_t)n + 1, fmt, ap);
    va_end(ap);
}

static void error_record(nx_reader *r, nx_record *rec, nx_status st, const char *id, const char *msg) {
    char *keep = NULL;
    set_str(&keep, "%s", id); /* id may be r->id itself */
    free(r->id);
    r->id = keep;
    set_str(&r->err, "%s", msg);
    rec->id = r->id ? r->id : "";
    rec->status = st;
    rec->error = r->err ? r->err : nx_strerror(st);
}

/* Reads all of f (after `pre`, n_pre bytes already read) into r->text. */
static nx_status read_all(nx_reader *r, FILE *f, const char *pre, size_t n_pre, size_t *len) {
    return nx_read_stream(f, pre, n_pre, r->opts.max_document_bytes, &r->text, len);
}

static void close_current(nx_reader *r) {
    if (r->f && r->f != stdin) fclose(r->f);
    r->f = NULL;
    r->open = 0;
}

static const char *json_str(const cJSON *o, const char *field) {
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, field);
    return cJSON_IsString(v) ? v->valuestring : NULL;
}

int nx_input_dct_prefix(const char *s, char out[11]) {
    int y, m, d;
    if (!s || strlen(s) < 10 || !nx_cal_parse_iso(s, 10, &y, &m, &d)) return 0;
    if (s[10] && s[10] != 'T' && s[10] != ' ') return 0;
    memcpy(out, s, 10);
    out[10] = '\0';
    return 1;
}

/* The JSON Lines ids read so far: each id's hash (| 1, so 0 is an empty
 * slot) and the source that gave it first. */
struct id_seen {
    uint64_t hash;
    size_t src;
};

/* An id another input file gave first becomes "FILE:id", so documents of two
 * files stay two documents downstream (their graph nodes do not merge); an
 * id repeated within one file is the file's own and stays. Ids are kept as
 * hashes (16 bytes an id); two ids with one hash would count as one. */
static int distinct_id(nx_reader *r, const char *name) {
    if (2 * (r->n_ids + 1) > r->ids_mask + 1) {
        size_t mask = r->ids_mask ? 2 * r->ids_mask + 1 : 1023;
        struct id_seen *t = calloc(mask + 1, sizeof *t);
        if (!t) return -1;
        for (size_t i = 0; r->ids && i <= r->ids_mask; i++) {
            if (!r->ids[i].hash) continue;
            size_t k = (size_t)r->ids[i].hash & mask;
            while (t[k].hash) k = (k + 1) & mask;
            t[k] = r->ids[i];
        }
        free(r->ids);
        r->ids = t;
        r->ids_mask = mask;
    }
    uint64_t h = nx_hash(r->id, strlen(r->id), 0) | 1;
    size_t k = (size_t)h & r->ids_mask;
    while (r->ids[k].hash && r->ids[k].hash != h) k = (k + 1) & r->ids_mask;
    if (!r->ids[k].hash) {
        r->ids[k] = (struct id_seen){h, r->cur};
        r->n_ids++;
        return 0;
    }
    if (r->ids[k].src == r->cur) return 0;
    char *renamed = NULL;
    set_str(&renamed, "%s:%s", name, r->id);
    if (!renamed) return -1;
    free(r->id);
    r->id = renamed;
    return 0;
}

/* The next JSON Lines record of the open source; 0 at its end. */
static int next_jsonl(nx_reader *r, const char *name, nx_record *rec) {
    for (;;) {
        ssize_t got = getline(&r->line, &r->line_cap, r->f);
        if (got < 0) {
            if (ferror(r->f)) {
                char msg[300];
                snprintf(msg, sizeof msg, "read error after line %zu: %s", r->lineno, strerror(errno));
                error_record(r, rec, NX_ERR_IO, name, msg);
                close_current(r);
                return 1;
            }
            return 0;
        }
        r->lineno++;
        size_t n = (size_t)got;
        size_t s = 0;
        while (s < n && (r->line[s] == ' ' || r->line[s] == '\t' || r->line[s] == '\r' || r->line[s] == '\n')) s++;
        if (s == n) continue; /* blank lines separate nothing */
        char *where = NULL;
        set_str(&where, "%s:%zu", name, r->lineno);
        if (!where) return error_record(r, rec, NX_ERR_NOMEM, name, "out of memory"), 1;
        cJSON_Delete(r->json);
        r->json = cJSON_ParseWithLength(r->line, n);
        if (!r->json) {
            const char *ep = cJSON_GetErrorPtr();
            size_t col = ep && ep >= r->line && ep <= r->line + n ? (size_t)(ep - r->line) + 1 : 0;
            char msg[128];
            snprintf(msg, sizeof msg, "malformed JSON Lines record (invalid JSON near column %zu)", col);
            error_record(r, rec, NX_ERR_PARSE, where, msg);
            free(where);
            return 1;
        }
        if (!cJSON_IsObject(r->json)) {
            error_record(r, rec, NX_ERR_PARSE, where, "malformed JSON Lines record (not a JSON object)");
            free(where);
            return 1;
        }
        const cJSON *idv = cJSON_GetObjectItemCaseSensitive(r->json, r->opts.id_field);
        if (cJSON_IsString(idv)) set_str(&r->id, "%s", idv->valuestring);
        else if (cJSON_IsNumber(idv)) set_str(&r->id, "%.17g", idv->valuedouble);
        else set_str(&r->id, "%s", where);
        free(where);
        if (!r->id) return error_record(r, rec, NX_ERR_NOMEM, name, "out of memory"), 1;
        const char *text = json_str(r->json, r->opts.text_field);
        if (!text) {
            char *msg = NULL;
            set_str(&msg, "record has no \"%s\" string field", r->opts.text_field);
            error_record(r, rec, NX_ERR_PARSE, r->id, msg ? msg : "record has no text");
            free(msg);
            return 1;
        }
        const cJSON *dv = cJSON_GetObjectItemCaseSensitive(r->json, r->opts.dct_field);
        if (!dv || cJSON_IsNull(dv)) dv = cJSON_GetObjectItemCaseSensitive(r->json, "date");
        rec->dct = NULL;
        if (dv && !cJSON_IsNull(dv)) {
            if (!cJSON_IsString(dv) || !nx_input_dct_prefix(dv->valuestring, r->dct)) {
                error_record(r, rec, NX_ERR_PARSE, r->id, "record's dct is not a date written YYYY-MM-DD");
                return 1;
            }
            rec->dct = r->dct;
        }
        size_t nf = 0;
        for (size_t k = 0; k < r->opts.n_keep_fields; k++) {
            const char *v = json_str(r->json, r->opts.keep_fields[k]);
            if (!v) continue;
            r->fields[2 * nf] = r->opts.keep_fields[k];
            r->fields[2 * nf++ + 1] = v;
        }
        rec->fields = r->fields;
        rec->n_fields = nf;
        if (distinct_id(r, name)) return error_record(r, rec, NX_ERR_NOMEM, name, "out of memory"), 1;
        rec->id = r->id;
        rec->text = text;
        rec->len = strlen(text);
        rec->status = NX_OK;
        return 1;
    }
}

nx_status nx_reader_next(nx_reader *r, nx_record *rec) {
    memset(rec, 0, sizeof *rec);
    free(r->text);
    r->text = NULL;
    for (;;) {
        if (r->cur >= r->src.count) return NX_ERR_END;
        source *s = &NX_VEC_AT(&r->src, source, r->cur);
        const char *name = s->kind == SRC_STDIN ? "stdin" : s->path;
        if (!r->open) {
            r->lineno = 0;
            if (s->kind == SRC_MISSING) {
                error_record(r, rec, NX_ERR_IO, s->path, s->error);
                r->cur++;
                return NX_OK;
            }
            if (s->kind == SRC_STDIN) {
                if (!r->stdin_peeked) peek_stdin(r);
                char *pre = r->stdin_pre; /* white space read while peeking */
                size_t pre_n = r->stdin_pre_n;
                r->stdin_pre = NULL;
                r->stdin_pre_n = 0;
                r->f = stdin;
                r->jsonl = r->stdin_is_jsonl;
                if (!r->jsonl) {
                    size_t len = 0;
                    nx_status st = read_all(r, stdin, pre, pre_n, &len);
                    free(pre);
                    r->cur++;
                    r->stdin_peeked = 0; /* a second "-" reads what is left */
                    if (st != NX_OK) {
                        error_record(r, rec, st, "stdin",
                                     st == NX_ERR_LIMIT ? "document larger than the size limit" : "cannot read standard input");
                        return NX_OK;
                    }
                    rec->id = "stdin";
                    rec->text = r->text;
                    rec->len = len;
                    rec->from_text_file = 1;
                    return NX_OK;
                }
                free(pre);
                r->open = 1;
            } else {
                r->f = fopen(s->path, "rb");
                if (!r->f) {
                    char msg[300];
                    snprintf(msg, sizeof msg, "cannot open: %s", strerror(errno));
                    error_record(r, rec, NX_ERR_IO, s->path, msg);
                    r->cur++;
                    return NX_OK;
                }
                r->jsonl = s->kind == SRC_JSONL;
                if (!r->jsonl) {
                    size_t len = 0;
                    nx_status st = read_all(r, r->f, NULL, 0, &len);
                    close_current(r);
                    r->cur++;
                    if (st != NX_OK) {
                        char msg[300];
                        snprintf(msg, sizeof msg, "%s",
                                 st == NX_ERR_LIMIT ? "document larger than the size limit"
                                 : st == NX_ERR_IO  ? "read error (is it a directory or a device?)"
                                                    : "out of memory");
                        error_record(r, rec, st, s->path, msg);
                        return NX_OK;
                    }
                    set_str(&r->id, "%s", s->path);
                    rec->id = r->id ? r->id : "";
                    rec->text = r->text;
                    rec->len = len;
                    rec->from_text_file = 1;
                    return NX_OK;
                }
                r->open = 1;
            }
        }
        if (next_jsonl(r, name, rec)) return NX_OK;
        close_current(r);
        r->cur++;
    }
}

void nx_reader_free(nx_reader *r) {
    if (!r) return;
    close_current(r);
    for (size_t i = 0; i < r->src.count; i++) {
        free(NX_VEC_AT(&r->src, source, i).path);
        free(NX_VEC_AT(&r->src, source, i).error);
    }
    nx_vec_free(&r->src);
    free(r->line);
    free(r->text);
    free(r->stdin_pre);
    free(r->fields);
    free(r->ids);
    free(r->id);
    free(r->err);
    cJSON_Delete(r->json);
    free(r);
}
