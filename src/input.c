/* input.c: readers over files, directories, JSON Lines and standard input.
 * Every source is read through a block stream (plain, gzip or zstd), and
 * JSON Lines one line at a time with a bounded line reader, so a dump of
 * millions of records never has to fit in memory, and no line, document or
 * whitespace run is read past the size limit (nx_input_options). Nothing is
 * lost silently: a line that cannot be read, parsed or held is an error
 * record in its place, and the reader goes on at the next line. */
#include "input.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <fts.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include "arena.h"
#include "calendar.h"
#include "error.h"
#include "fs.h"
#include "strmap.h"
#include "text.h"

enum src_kind { SRC_TEXT, SRC_JSONL, SRC_STDIN, SRC_MISSING };
enum { Z_NONE, Z_GZIP, Z_ZSTD };

typedef struct source {
    char *path;
    int kind;
    int z;       /* compression, from the name */
    char *error; /* SRC_MISSING: why */
} source;

/* A source's bytes, in blocks: buf[pos, end) is read but not consumed. */
typedef struct stream {
    FILE *f;
    gzFile gz;
    ZSTD_DCtx *zd;
    ZSTD_inBuffer zin;
    char *zbuf;
    size_t zret;         /* the last ZSTD_decompressStream result: 0 at a frame's end */
    char *buf;
    size_t pos, end, cap;
    size_t raw;          /* bytes read from the file (compressed ones for .gz and .zst) */
    int eof;
    char err[160];       /* why reading failed ("" when it did not) */
} stream;

#define BLOCK (1u << 16)

struct nx_reader {
    nx_input_options opts;
    nx_vec src;          /* source */
    size_t cur;          /* index of the source being read */
    int open;            /* the current source is open */
    stream sm;
    int jsonl;           /* reading the current source as JSON Lines */
    size_t lineno;
    int skipping;        /* the rest of an over-long line is still to be skipped */
    char *line;
    size_t line_len, line_cap;
    cJSON *json;         /* the current JSON Lines record */
    char *text;          /* the current plain text */
    char *id;            /* the current record's id (malloc) */
    char dct[11];
    const char **fields; /* the kept fields of the current record: name/value pairs */
    struct id_seen *ids; /* the JSON Lines ids read so far and the source of each (distinct_id) */
    size_t ids_mask, n_ids;
    char *err;           /* the current error message (malloc) */
    char *warning;       /* the current record's warning (malloc) */
    int stdin_is_jsonl;  /* decided when standard input was opened */
    int stdin_peeked;
    size_t size;         /* the inputs' bytes, or 0 when one has no size (stdin, a FIFO) */
    size_t raw_done;     /* bytes read from closed sources */
    size_t raw_told;     /* bytes already counted in a record's input_bytes */
};

void nx_input_options_init(nx_input_options *o) {
    if (!o) return;
    memset(o, 0, sizeof *o);
    o->format = NX_INPUT_AUTO;
    o->id_field = "id";
    o->text_field = "text";
    o->dct_field = NULL; /* "dct", then "date" */
    o->max_document_bytes = NX_MAX_INPUT_BYTES;
}

static void say(const nx_reader *r, const char *id, const char *msg) {
    if (r->opts.on_message) r->opts.on_message(r->opts.user, id, "warning", msg);
}

/* ---- names */

/* The compression a name says (.gz, .zst), and its length without it. */
static int name_z(const char *p, size_t *base) {
    size_t n = strlen(p);
    *base = n;
    if (nx_has_suffix(p, ".gz")) return *base = n - 3, Z_GZIP;
    if (nx_has_suffix(p, ".zst")) return *base = n - 4, Z_ZSTD;
    return Z_NONE;
}

static int has_suffix_n(const char *p, size_t n, const char *suffix) {
    size_t k = strlen(suffix);
    return n > k && memcmp(p + n - k, suffix, k) == 0;
}

static int is_jsonl_name(const char *p) {
    size_t n;
    name_z(p, &n);
    return has_suffix_n(p, n, ".jsonl") || has_suffix_n(p, n, ".ndjson");
}

static int is_text_name(const char *p) {
    size_t n;
    name_z(p, &n);
    return has_suffix_n(p, n, ".txt");
}

static int add_src(nx_reader *r, const char *path, int kind, const char *error) {
    source *s = nx_vec_push(&r->src, sizeof *s);
    if (!s) return -1;
    size_t n;
    s->path = strdup(path);
    s->kind = kind;
    s->z = name_z(path, &n);
    s->error = error ? strdup(error) : NULL;
    if (!s->path || (error && !s->error)) {
        free(s->path);
        free(s->error);
        r->src.count--;
        return -1;
    }
    return 0;
}

static int cmp_ent(const FTSENT **a, const FTSENT **b) { return strcmp((*a)->fts_name, (*b)->fts_name); }

typedef struct dev_ino {
    dev_t dev;
    ino_t ino;
} dev_ino;

/* Adds the *.txt and JSON Lines files (plain, .gz or .zst) under dir, in
 * name order, with fts(3): symbolic links are followed, but no directory is
 * entered twice (so links to a parent or to each other end), dot files are
 * left out, and FIFOs, devices and sockets are skipped (only a path named
 * on the command line is read whatever it is). */
static int walk(nx_reader *r, const char *dir) {
    char *const roots[] = {(char *)dir, NULL};
    FTS *fts = fts_open(roots, FTS_LOGICAL | FTS_NOCHDIR, cmp_ent);
    if (!fts) {
        char msg[300];
        snprintf(msg, sizeof msg, "cannot read directory: %s", strerror(errno));
        return add_src(r, dir, SRC_MISSING, msg);
    }
    nx_vec seen = {0}; /* dev_ino of the directories entered */
    size_t before = r->src.count;
    int rc = 0;
    FTSENT *e;
    while (rc == 0 && (e = fts_read(fts))) {
        if (e->fts_level > 0 && e->fts_name[0] == '.') {
            if (e->fts_info == FTS_D) fts_set(fts, e, FTS_SKIP);
            continue;
        }
        switch (e->fts_info) {
        case FTS_D: {
            int dup = 0;
            for (size_t i = 0; i < seen.count && !dup; i++) {
                dev_ino *d = &NX_VEC_AT(&seen, dev_ino, i);
                dup = d->dev == e->fts_statp->st_dev && d->ino == e->fts_statp->st_ino;
            }
            dev_ino *d = dup ? NULL : nx_vec_push(&seen, sizeof *d);
            if (dup) fts_set(fts, e, FTS_SKIP);
            else if (!d) rc = -1;
            else *d = (dev_ino){e->fts_statp->st_dev, e->fts_statp->st_ino};
            break;
        }
        case FTS_DC: break; /* a cycle: already being walked */
        case FTS_F:
            if (is_text_name(e->fts_path)) rc = add_src(r, e->fts_path, SRC_TEXT, NULL);
            else if (is_jsonl_name(e->fts_path)) rc = add_src(r, e->fts_path, SRC_JSONL, NULL);
            break;
        case FTS_DEFAULT:
            if (is_text_name(e->fts_path) || is_jsonl_name(e->fts_path))
                say(r, e->fts_path, "skipped: not a regular file (a FIFO, device or socket is read only when named)");
            break;
        case FTS_DNR:
        case FTS_ERR:
        case FTS_NS: {
            char msg[300];
            snprintf(msg, sizeof msg, "cannot read %s: %s", e->fts_info == FTS_DNR ? "directory" : "file",
                     strerror(e->fts_errno));
            rc = add_src(r, e->fts_path, SRC_MISSING, msg);
            break;
        }
        case FTS_SLNONE: break; /* a dangling link */
        default: break;
        }
    }
    fts_close(fts);
    nx_vec_free(&seen);
    if (rc == 0 && r->src.count == before)
        say(r, dir, "no *.txt, *.jsonl or *.ndjson files (plain, .gz or .zst) in this directory");
    return rc;
}

nx_status nx_reader_open(const char *const *paths, size_t n_paths, const nx_input_options *opts, nx_reader **out,
                         nx_error *err) {
    if (err) memset(err, 0, sizeof *err);
    if (!out || (n_paths && !paths)) {
        nx_error_set(err, NX_ERR_ARG, "", 0, 0, "no reader to return, or no paths");
        return NX_ERR_ARG;
    }
    *out = NULL;
    nx_reader *r = calloc(1, sizeof *r);
    if (!r) return NX_ERR_NOMEM;
    if (opts) r->opts = *opts;
    else nx_input_options_init(&r->opts);
    nx_input_options defaults;
    nx_input_options_init(&defaults);
    if (!r->opts.id_field) r->opts.id_field = defaults.id_field;
    if (!r->opts.text_field) r->opts.text_field = defaults.text_field;
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
            rc = walk(r, p);
        } else {
            int jsonl = r->opts.format == NX_INPUT_JSONL || (r->opts.format == NX_INPUT_AUTO && is_jsonl_name(p));
            rc = add_src(r, p, jsonl ? SRC_JSONL : SRC_TEXT, NULL);
        }
    }
    if (rc) {
        nx_reader_free(r);
        return NX_ERR_NOMEM;
    }
    /* the size of the whole input, for progress, when every input has one */
    for (size_t i = 0; i < r->src.count; i++) {
        const source *s = &NX_VEC_AT(&r->src, source, i);
        struct stat st;
        if (s->kind == SRC_MISSING) continue;
        if (s->kind == SRC_STDIN || stat(s->path, &st) != 0 || !S_ISREG(st.st_mode)) {
            r->size = 0;
            break;
        }
        r->size += (size_t)st.st_size;
    }
    *out = r;
    return NX_OK;
}

/* ---- streams */

static int stream_open(stream *s, const char *path, int z) {
    memset(s, 0, sizeof *s);
    if (!path) {
        s->f = stdin;
    } else if (z == Z_GZIP) {
        s->gz = gzopen(path, "rb");
        if (!s->gz) return -1;
        gzbuffer(s->gz, BLOCK);
    } else {
        s->f = fopen(path, "rb");
        if (!s->f) return -1;
        if (z == Z_ZSTD) {
            s->zd = ZSTD_createDCtx();
            s->zbuf = malloc(ZSTD_DStreamInSize());
            if (!s->zd || !s->zbuf) {
                errno = ENOMEM;
                return -1;
            }
            s->zin.src = s->zbuf;
        }
    }
    return 0;
}

static void stream_close(stream *s, size_t *raw_done) {
    if (raw_done) *raw_done += s->raw;
    if (s->f && s->f != stdin) fclose(s->f);
    if (s->gz) gzclose(s->gz);
    ZSTD_freeDCtx(s->zd);
    free(s->zbuf);
    free(s->buf);
    memset(s, 0, sizeof *s);
}

/* Reads up to n bytes of the source (not of the buffer) into dst: the
 * count, 0 at the end, -1 on an error (s->err says which). */
static long stream_source(stream *s, char *dst, size_t n) {
    if (s->eof || s->err[0]) return s->err[0] ? -1 : 0;
    if (n > BLOCK) n = BLOCK;
    if (s->gz) {
        int got = gzread(s->gz, dst, (unsigned)n);
        long off = gzoffset(s->gz);
        if (off >= 0) s->raw = (size_t)off;
        if (got < 0) {
            int zerr;
            const char *m = gzerror(s->gz, &zerr);
            snprintf(s->err, sizeof s->err, "gzip: %s", zerr == Z_ERRNO ? strerror(errno) : m);
            return -1;
        }
        if (got == 0) s->eof = 1;
        return got;
    }
    if (s->zd) {
        ZSTD_outBuffer out = {dst, n, 0};
        while (out.pos == 0) {
            if (s->zin.pos == s->zin.size) {
                size_t got = fread(s->zbuf, 1, ZSTD_DStreamInSize(), s->f);
                s->raw += got;
                if (got == 0) {
                    if (ferror(s->f)) snprintf(s->err, sizeof s->err, "read error: %s", strerror(errno));
                    else if (s->zret != 0) snprintf(s->err, sizeof s->err, "zstd: truncated input");
                    else s->eof = 1;
                    return s->eof ? 0 : -1;
                }
                s->zin.size = got;
                s->zin.pos = 0;
            }
            s->zret = ZSTD_decompressStream(s->zd, &out, &s->zin);
            if (ZSTD_isError(s->zret)) {
                snprintf(s->err, sizeof s->err, "zstd: %s", ZSTD_getErrorName(s->zret));
                return -1;
            }
        }
        return (long)out.pos;
    }
    /* read(2), not fread(): a pipe's records must be taken as they come,
     * not once 64 KB have arrived */
    ssize_t got;
    do got = read(fileno(s->f), dst, n);
    while (got < 0 && errno == EINTR);
    if (got < 0) {
        snprintf(s->err, sizeof s->err, "read error: %s", strerror(errno));
        return -1;
    }
    if (got == 0) s->eof = 1;
    s->raw += (size_t)got;
    return (long)got;
}

/* Reads more of the source after what is buffered, growing the buffer up to
 * max bytes: the count, 0 at the end or when full, -1 on an error. */
static long stream_more(stream *s, size_t max) {
    if (s->pos && s->pos == s->end) s->pos = s->end = 0;
    if (s->end == s->cap) {
        if (s->cap >= max) return 0;
        size_t cap = s->cap ? s->cap * 2 : BLOCK;
        if (cap > max) cap = max;
        char *b = realloc(s->buf, cap);
        if (!b) {
            snprintf(s->err, sizeof s->err, "out of memory");
            return -1;
        }
        s->buf = b;
        s->cap = cap;
    }
    long got = stream_source(s, s->buf + s->end, s->cap - s->end);
    if (got > 0) s->end += (size_t)got;
    return got;
}

/* Reads the rest of the stream into a new string (*out, *len). */
static nx_status stream_all(stream *s, size_t limit, char **out, size_t *len) {
    *out = NULL;
    *len = 0;
    size_t n = s->end - s->pos, cap = n > BLOCK ? n : BLOCK;
    if (n > limit) return NX_ERR_LIMIT;
    char *buf = malloc(cap + 1);
    if (!buf) return NX_ERR_NOMEM;
    if (n) memcpy(buf, s->buf + s->pos, n);
    s->pos = s->end;
    for (;;) {
        if (n == cap) {
            if (cap > limit) {
                free(buf);
                return NX_ERR_LIMIT;
            }
            cap = cap * 2 > limit + 1 ? limit + 1 : cap * 2;
            char *b = realloc(buf, cap + 1);
            if (!b) {
                free(buf);
                return NX_ERR_NOMEM;
            }
            buf = b;
        }
        long got = stream_source(s, buf + n, cap - n);
        if (got < 0) {
            free(buf);
            return NX_ERR_IO;
        }
        if (got == 0) break;
        n += (size_t)got;
    }
    if (n > limit) {
        free(buf);
        return NX_ERR_LIMIT;
    }
    buf[n] = '\0';
    *out = buf;
    *len = n;
    return NX_OK;
}

/* ---- lines */

enum { LINE_END = 0, LINE_OK = 1, LINE_IO = -1, LINE_LONG = -2, LINE_NOMEM = -3 };

/* Reads the next line of the open source, without its newline, into
 * r->line (NUL-terminated, r->line_len bytes). LINE_LONG and LINE_NOMEM
 * count the line and leave the rest of it to be skipped on the next call,
 * so memory stays bounded by the limit whatever the input. */
static int read_line(nx_reader *r) {
    stream *s = &r->sm;
    size_t n = 0, limit = r->opts.max_document_bytes;
    int at_end = 0;
    for (;;) {
        if (s->pos == s->end) {
            long got = stream_more(s, BLOCK);
            if (got < 0) return LINE_IO;
            if (got == 0) {
                at_end = 1;
                break;
            }
        }
        char *start = s->buf + s->pos;
        size_t avail = s->end - s->pos;
        char *nl = memchr(start, '\n', avail);
        size_t take = nl ? (size_t)(nl - start) : avail;
        s->pos += take + (nl != NULL);
        if (r->skipping) {
            if (nl) r->skipping = 0;
            continue;
        }
        int st = LINE_OK;
        if (n + take > limit) st = LINE_LONG;
        else if (n + take + 1 > r->line_cap) {
            size_t cap = r->line_cap ? r->line_cap : 256;
            while (cap < n + take + 1) cap *= 2;
            if (cap > limit + 1) cap = limit + 1;
            char *l = realloc(r->line, cap);
            if (!l) st = LINE_NOMEM;
            else r->line = l, r->line_cap = cap;
        }
        if (st != LINE_OK) {
            r->lineno++;
            r->skipping = nl == NULL;
            return st;
        }
        memcpy(r->line + n, start, take);
        n += take;
        if (nl) break;
    }
    r->skipping = 0;
    if (at_end && n == 0) return LINE_END;
    r->line[n] = '\0';
    r->line_len = n;
    r->lineno++;
    return LINE_OK;
}

/* ---- records */

/* Decides whether standard input holds JSON Lines: --input says so, or the
 * first character after a byte order mark and white space (of any length,
 * up to the size limit) opens a JSON object. Nothing is consumed. */
static void peek_stdin(nx_reader *r) {
    if (r->stdin_peeked) return;
    r->stdin_peeked = 1;
    if (r->opts.format != NX_INPUT_AUTO) {
        r->stdin_is_jsonl = r->opts.format == NX_INPUT_JSONL;
        return;
    }
    if (!r->sm.f) stream_open(&r->sm, NULL, Z_NONE);
    stream *s = &r->sm;
    size_t i = s->pos;
    for (;;) {
        if (i == s->end && stream_more(s, r->opts.max_document_bytes + 1) <= 0) break;
        unsigned char c = (unsigned char)s->buf[i];
        if (i == s->pos && c == 0xEF) {
            while (s->end - s->pos < 3 && stream_more(s, r->opts.max_document_bytes + 1) > 0) {}
            if (s->end - s->pos >= 3 && !memcmp(s->buf + s->pos, "\xEF\xBB\xBF", 3)) {
                i += 3;
                continue;
            }
        }
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            i++;
            continue;
        }
        r->stdin_is_jsonl = c == '{';
        break;
    }
}

int nx_reader_single_text(nx_reader *r) {
    if (!r || r->src.count != 1) return 0;
    int kind = NX_VEC_AT(&r->src, source, 0).kind;
    if (kind == SRC_TEXT) return 1;
    if (kind == SRC_STDIN) {
        peek_stdin(r);
        return !r->stdin_is_jsonl;
    }
    return 0;
}

/* *dst = a new formatted string (NULL when out of memory). */
static void set_str(char **dst, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *s = n >= 0 ? malloc((size_t)n + 1) : NULL;
    if (s) {
        va_start(ap, fmt);
        vsnprintf(s, (size_t)n + 1, fmt, ap);
        va_end(ap);
    }
    free(*dst);
    *dst = s;
}

/* *dst = a copy of s[0, n) (NULL when out of memory): set_str(dst, "%s",
 * s) without formatting. */
static void set_copy(char **dst, const char *s, size_t n) {
    char *p = malloc(n + 1);
    if (p) {
        memcpy(p, s, n);
        p[n] = '\0';
    }
    free(*dst);
    *dst = p;
}

/* "NAME:LINE", a JSON Lines record's place, made only when it is needed
 * (an error, a record without an id): in buf when it fits, else in *heap
 * (malloc, freed by the caller); NULL when out of memory. */
#define PLACE_BUF 256
static const char *line_place(const nx_reader *r, const char *name, char *buf, char **heap) {
    int n = snprintf(buf, PLACE_BUF, "%s:%zu", name, r->lineno);
    if (n >= 0 && n < PLACE_BUF) return buf;
    set_str(heap, "%s:%zu", name, r->lineno);
    return *heap;
}

/* Replaces invalid UTF-8 in *s by U+FFFD, so that ids and messages can be
 * written as JSON as they are. */
static void repair_utf8(char **s) {
    if (!*s) return;
    size_t n = strlen(*s), bad = 0;
    int32_t cp;
    for (size_t i = 0; i < n;) {
        size_t k = nx_utf8_next(*s, n, i, &cp);
        bad += cp == 0xFFFD && k == 1;
        i += k;
    }
    if (!bad) return;
    char *t = malloc(n + 2 * bad + 1), *o = t;
    if (!t) {
        for (size_t i = 0; i < n; i++) if ((unsigned char)(*s)[i] >= 0x80) (*s)[i] = '?';
        return;
    }
    for (size_t i = 0; i < n;) {
        size_t k = nx_utf8_next(*s, n, i, &cp);
        if (cp == 0xFFFD && k == 1) memcpy(o, "\xEF\xBF\xBD", 3), o += 3;
        else memcpy(o, *s + i, k), o += k;
        i += k;
    }
    *o = '\0';
    free(*s);
    *s = t;
}

/* Fills rec as an error record. */
static void error_record(nx_reader *r, nx_record *rec, nx_status st, const char *id, const char *msg) {
    char *keep = NULL;
    set_str(&keep, "%s", id); /* id may be r->id itself */
    free(r->id);
    r->id = keep;
    set_str(&r->err, "%s", msg);
    rec->status = st;
    rec->text = NULL;
    rec->dct = NULL;
    rec->error = r->err ? r->err : nx_strerror(st);
}

static void warn(nx_reader *r, const char *fmt, ...) {
    char msg[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (r->warning) set_str(&r->warning, "%s; %s", r->warning, msg);
    else set_str(&r->warning, "%s", msg);
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

static int is_ws(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

/* s[i] is '"': the index after the string. */
static size_t skip_string(const char *s, size_t n, size_t i) {
    for (i++; i < n; i++) {
        if (s[i] == '\\') i++;
        else if (s[i] == '"') return i + 1;
    }
    return n;
}

/* The index after the (valid) JSON value at s[i]. */
static size_t skip_value(const char *s, size_t n, size_t i) {
    if (i < n && s[i] == '"') return skip_string(s, n, i);
    if (i < n && (s[i] == '{' || s[i] == '[')) {
        int depth = 0;
        for (; i < n; i++) {
            if (s[i] == '"') i = skip_string(s, n, i) - 1;
            else if (s[i] == '{' || s[i] == '[') depth++;
            else if ((s[i] == '}' || s[i] == ']') && --depth == 0) return i + 1;
        }
        return n;
    }
    while (i < n && !is_ws(s[i]) && s[i] != ',' && s[i] != '}' && s[i] != ']') i++;
    return i;
}

/* Whether the raw key s[a, b) (without quotes) names `field`. */
static int key_is(const char *s, size_t a, size_t b, const char *field) {
    if (!memchr(s + a, '\\', b - a)) return strlen(field) == b - a && !memcmp(s + a, field, b - a);
    cJSON *k = cJSON_ParseWithLength(s + a - 1, b - a + 2); /* an escaped key: decode it */
    int eq = cJSON_IsString(k) && !strcmp(k->valuestring, field);
    cJSON_Delete(k);
    return eq;
}

/* The source text of the first `field` of the (valid) JSON object in s:
 * numbers keep their digits (cJSON holds them as doubles). */
static int raw_field(const char *s, size_t n, const char *field, size_t *start, size_t *len) {
    size_t i = 0;
    while (i < n && s[i] != '{') i++;
    for (i++;;) {
        while (i < n && (is_ws(s[i]) || s[i] == ',')) i++;
        if (i >= n || s[i] != '"') return 0;
        size_t ks = i + 1;
        i = skip_string(s, n, i);
        size_t ke = i - 1;
        while (i < n && (is_ws(s[i]) || s[i] == ':')) i++;
        size_t vs = i;
        i = skip_value(s, n, i);
        if (key_is(s, ks, ke, field)) {
            *start = vs;
            *len = i - vs;
            return 1;
        }
    }
}

/* Rewrites each \u0000 escape of the line as \u0020: cJSON's strings end at
 * a NUL, so the text after it would be lost. A space keeps every offset. */
static size_t unescape_nuls(char *s, size_t n) {
    size_t count = 0;
    for (char *p = s, *end = s + n; (p = memchr(p, '\\', (size_t)(end - p))) != NULL;) {
        size_t i = (size_t)(p - s);
        if (i + 1 >= n) break;
        if (s[i + 1] == 'u' && i + 5 < n && !memcmp(s + i + 2, "0000", 4)) {
            s[i + 4] = '2';
            count++;
        }
        p += 2; /* the backslash and the escaped character */
    }
    return count;
}

/* Fills rec as the error record of the current line, named by its place;
 * returns 1. */
static int line_error(nx_reader *r, nx_record *rec, const char *name, nx_status st, const char *msg) {
    char buf[PLACE_BUF], *heap = NULL;
    const char *where = line_place(r, name, buf, &heap);
    if (!where) error_record(r, rec, NX_ERR_NOMEM, name, "out of memory");
    else error_record(r, rec, st, where, msg);
    free(heap);
    return 1;
}

/* The next JSON Lines record of the open source; 0 at its end. */
static int next_jsonl(nx_reader *r, const char *name, nx_record *rec) {
    for (;;) {
        int got = read_line(r);
        if (got == LINE_END) return 0;
        if (got != LINE_OK) {
            char msg[300];
            if (got == LINE_IO) {
                snprintf(msg, sizeof msg, "%s after line %zu; the rest of %s is not read", r->sm.err, r->lineno, name);
                error_record(r, rec, NX_ERR_IO, name, msg);
                r->sm.err[0] = '\0'; /* the source ends here */
                r->sm.eof = 1;
                r->sm.pos = r->sm.end;
                return 1;
            }
            if (got == LINE_LONG) {
                snprintf(msg, sizeof msg, "JSON Lines line longer than the size limit (%zu bytes)", r->opts.max_document_bytes);
                return line_error(r, rec, name, NX_ERR_LIMIT, msg);
            }
            return line_error(r, rec, name, NX_ERR_NOMEM, "out of memory reading this line");
        }
        char *line = r->line;
        size_t n = r->line_len;
        if (r->lineno == 1 && n >= 3 && !memcmp(line, "\xEF\xBB\xBF", 3)) line += 3, n -= 3; /* a byte order mark */
        size_t s = 0;
        while (s < n && is_ws(line[s])) s++;
        if (s == n) continue; /* blank lines separate nothing */
        const char *nul = memchr(line, '\0', n);
        if (nul) {
            char msg[128];
            snprintf(msg, sizeof msg, "malformed JSON Lines record (a NUL byte at column %zu)", (size_t)(nul - line) + 1);
            return line_error(r, rec, name, NX_ERR_PARSE, msg);
        }
        size_t nuls = unescape_nuls(line, n);
        cJSON_Delete(r->json);
        const char *end = NULL;
        r->json = cJSON_ParseWithLengthOpts(line, n, &end, 0);
        size_t after = r->json && end ? (size_t)(end - line) : n;
        while (after < n && is_ws(line[after])) after++;
        if (!r->json || after < n) {
            const char *ep = cJSON_GetErrorPtr();
            size_t col = !r->json ? (ep && ep >= line && ep <= line + n ? (size_t)(ep - line) + 1 : 0) : after + 1;
            char msg[128];
            snprintf(msg, sizeof msg, "malformed JSON Lines record (%s column %zu)",
                     r->json ? "text after the JSON object at" : "invalid JSON near", col);
            return line_error(r, rec, name, NX_ERR_PARSE, msg);
        }
        if (!cJSON_IsObject(r->json))
            return line_error(r, rec, name, NX_ERR_PARSE, "malformed JSON Lines record (not a JSON object)");
        const cJSON *idv = cJSON_GetObjectItemCaseSensitive(r->json, r->opts.id_field);
        size_t ns, nl;
        /* (an empty id names no document: the line's place does) */
        if (cJSON_IsString(idv) && idv->valuestring[0]) {
            set_copy(&r->id, idv->valuestring, strlen(idv->valuestring));
        } else if (cJSON_IsNumber(idv) && raw_field(line, n, r->opts.id_field, &ns, &nl)) {
            set_copy(&r->id, line + ns, nl); /* as written: no rounding through a double */
        } else {
            char buf[PLACE_BUF], *heap = NULL;
            const char *where = line_place(r, name, buf, &heap);
            if (where) set_copy(&r->id, where, strlen(where));
            else free(r->id), r->id = NULL;
            free(heap);
        }
        if (!r->id) return error_record(r, rec, NX_ERR_NOMEM, name, "out of memory"), 1;
        const char *text = json_str(r->json, r->opts.text_field);
        if (!text) {
            char *msg = NULL;
            set_str(&msg, "record has no \"%s\" string field", r->opts.text_field);
            error_record(r, rec, NX_ERR_PARSE, r->id, msg ? msg : "record has no text");
            free(msg);
            return 1;
        }
        if (nuls) warn(r, "%zu NUL character%s (\\u0000) replaced by spaces", nuls, nuls == 1 ? "" : "s");
        /* the dct: --dct-field names the only field read; by default "dct",
         * then "date". A value that is no date is a warning, not a lost
         * document: the dateline or --dct is used instead. */
        const char *field = r->opts.dct_field ? r->opts.dct_field : "dct";
        const cJSON *dv = cJSON_GetObjectItemCaseSensitive(r->json, field);
        if (!r->opts.dct_field && (!dv || cJSON_IsNull(dv))) {
            field = "date";
            dv = cJSON_GetObjectItemCaseSensitive(r->json, field);
        }
        rec->dct = NULL;
        if (dv && !cJSON_IsNull(dv)) {
            if (cJSON_IsString(dv) && nx_input_dct_prefix(dv->valuestring, r->dct)) rec->dct = r->dct;
            else warn(r, "the record's \"%.64s\" is not a date written YYYY-MM-DD: ignored", field);
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

/* Reads a whole plain-text source into rec. */
static void text_record(nx_reader *r, nx_record *rec, const char *id) {
    size_t len = 0;
    nx_status st = stream_all(&r->sm, r->opts.max_document_bytes, &r->text, &len);
    if (st != NX_OK) {
        char msg[300];
        if (st == NX_ERR_LIMIT)
            snprintf(msg, sizeof msg, "document larger than the size limit (%zu bytes)", r->opts.max_document_bytes);
        else if (st == NX_ERR_IO)
            snprintf(msg, sizeof msg, "%s", strstr(r->sm.err, "read error") == r->sm.err
                                                ? "read error (is it a directory or a device?)" : r->sm.err);
        else snprintf(msg, sizeof msg, "out of memory");
        error_record(r, rec, st, id, msg);
        return;
    }
    set_str(&r->id, "%s", id);
    if (!r->id) return error_record(r, rec, NX_ERR_NOMEM, id, "out of memory");
    rec->text = r->text;
    rec->len = len;
    rec->from_text_file = 1;
    rec->status = NX_OK;
}

static nx_status next_record(nx_reader *r, nx_record *rec) {
    for (;;) {
        if (r->cur >= r->src.count) return NX_ERR_END;
        source *s = &NX_VEC_AT(&r->src, source, r->cur);
        const char *name = s->kind == SRC_STDIN ? "stdin" : s->path;
        if (!r->open) {
            r->lineno = 0;
            r->skipping = 0;
            if (s->kind == SRC_MISSING) {
                error_record(r, rec, NX_ERR_IO, s->path, s->error);
                r->cur++;
                return NX_OK;
            }
            if (s->kind == SRC_STDIN) {
                peek_stdin(r); /* opens the stream */
                r->stdin_peeked = 0; /* a second "-" reads what is left */
                r->jsonl = r->stdin_is_jsonl;
                if (!r->sm.f) stream_open(&r->sm, NULL, Z_NONE);
            } else {
                if (stream_open(&r->sm, s->path, s->z) != 0) {
                    char msg[300];
                    snprintf(msg, sizeof msg, "cannot open: %s", strerror(errno));
                    stream_close(&r->sm, &r->raw_done);
                    error_record(r, rec, NX_ERR_IO, s->path, msg);
                    r->cur++;
                    return NX_OK;
                }
                r->jsonl = s->kind == SRC_JSONL;
            }
            r->open = 1;
            if (!r->jsonl) {
                text_record(r, rec, name);
                stream_close(&r->sm, &r->raw_done);
                r->open = 0;
                r->cur++;
                return NX_OK;
            }
        }
        if (next_jsonl(r, name, rec)) return NX_OK;
        stream_close(&r->sm, &r->raw_done);
        r->open = 0;
        r->cur++;
    }
}

nx_status nx_reader_next(nx_reader *r, nx_record *rec) {
    if (!r || !rec) return NX_ERR_ARG;
    memset(rec, 0, sizeof *rec);
    free(r->text);
    r->text = NULL;
    free(r->warning);
    r->warning = NULL;
    nx_status st = next_record(r, rec);
    if (st != NX_OK) return st;
    /* ids and messages go into JSON and onto stderr: valid UTF-8 only */
    repair_utf8(&r->id);
    repair_utf8(&r->err);
    if (rec->status != NX_OK) rec->error = r->err ? r->err : nx_strerror(rec->status);
    rec->id = r->id ? r->id : "";
    rec->warning = r->warning;
    size_t raw = r->raw_done + r->sm.raw;
    rec->input_bytes = raw - r->raw_told;
    r->raw_told = raw;
    return NX_OK;
}

size_t nx_reader_size(const nx_reader *r) { return r ? r->size : 0; }

void nx_reader_free(nx_reader *r) {
    if (!r) return;
    stream_close(&r->sm, NULL);
    for (size_t i = 0; i < r->src.count; i++) {
        free(NX_VEC_AT(&r->src, source, i).path);
        free(NX_VEC_AT(&r->src, source, i).error);
    }
    nx_vec_free(&r->src);
    free(r->line);
    free(r->text);
    free(r->fields);
    free(r->ids);
    free(r->id);
    free(r->err);
    free(r->warning);
    cJSON_Delete(r->json);
    free(r);
}
