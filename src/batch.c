/* batch.c: nx_batch_run(). With one thread, the calling thread reads,
 * extracts and writes each record in turn. With N, N worker threads share
 * the three jobs, so N threads keep N cores busy with no thread that mostly
 * sleeps and wakes: a worker reads the next record (one reader at a time,
 * in input order) into a slot of a ring, extracts it, and, if no other
 * worker is writing, writes every finished record at the head of the ring
 * in input order (reporting each document's errors and warnings in that
 * order too). Memory stays bounded by the bytes in the ring (BATCH_BYTES_IN_
 * FLIGHT), since a slot is reused only after its record was written; no
 * record waits for the next one to be read before it is written (a pipe
 * gets each record as soon as it and those before it are done), and each
 * goes out with one write(), so processes sharing an output (xargs -P)
 * never split one another's records.
 */
#include <errno.h>
#include <pthread.h>
#include <sys/uio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "arena.h"
#include "nerx.h"
#include "writer.h"

typedef struct job {
    char *held;            /* one block (malloc) holding the record's strings below */
    char *id, *text, *dct; /* in held */
    size_t len;
    char **fields;         /* the record's kept fields: n_fields name/value pairs (in held) */
    size_t n_fields;
    size_t in_bytes;       /* input bytes the record took (for progress) */
    size_t cost;           /* what it counts in the pool's in_flight */
    nx_status read_status; /* the reader's verdict */
    const char *read_error; /* in held, or a literal */
    char *read_warning;    /* what the reader changed or ignored, or NULL (in held) */
    nx_sbuf out;           /* the rendered record (malloc) */
    double stage_seconds[NX_MAX_STAGES]; /* with extract.time_stages */
    double write_seconds;
    int out_failed;        /* rendering ran out of memory */
    char *error;           /* extraction error message, or NULL */
    char **warnings;
    size_t n_warnings;
    int done;              /* extracted and rendered (guarded by the pool's mu) */
} job;

/* The ring: records [written, read) are in slots (record i in slot i % cap);
 * a slot's `done` says its record was extracted and rendered. `read` and
 * `eof` belong to the worker holding read_mu (`read` changes under mu too);
 * `written`, `writing`, `stop`
 * and the slots' `done` are guarded by mu; stats and result belong to the
 * worker that set `writing`. */
typedef struct pool {
    const nx_model *model;
    const nx_batch_options *opts;
    const nx_writer *writer;
    nx_write_options wo;   /* the writer's options, from opts */
    nx_reader *reader;
    FILE *out;
    int fd;                /* out's descriptor: each record goes out with one write() */
    size_t n_out;          /* records written (for the array's commas) */
    nx_batch_stats *stats;
    nx_status result;
    job *slots;
    size_t cap;
    size_t read, written;
    size_t in_flight;      /* text and output bytes of the records in the ring */
    int eof;               /* the input ended: no record will follow */
    int stop;              /* writing failed: read no more */
    int writing;           /* a worker is writing the head of the ring */
    pthread_mutex_t read_mu; /* one reader at a time */
    pthread_mutex_t mu;
    pthread_cond_t space;  /* a slot was freed, or stop */
} pool;

/* The memory the ring may hold before the reader waits, in bytes, not in
 * records: a record being extracted counts WORK_PER_BYTE times its text up
 * to the window (the pipeline's working memory, measured at about 40 bytes
 * per input byte) and MERGED_PER_BYTE times the rest (a windowed document's
 * merged views, its text and its output: 5-8 bytes per byte measured), then
 * its text and rendered output until it is written. One record always goes
 * in, however long. */
#define BATCH_BYTES_IN_FLIGHT ((size_t)64 << 20)
#define WORK_PER_BYTE 64
#define MERGED_PER_BYTE 8

/* What extracting a record of `len` bytes holds at most, by the above. */
static size_t work_cost(size_t len, size_t window) {
    size_t worked = window && len > window ? window : len;
    return worked * WORK_PER_BYTE + (len - worked) * MERGED_PER_BYTE + 1;
}

static char *dup_or_null(const char *s) { return s ? strdup(s) : NULL; }

static void job_clear(job *j) {
    free(j->held);
    free(j->out.s);
    free(j->error);
    for (size_t i = 0; i < j->n_warnings; i++) free(j->warnings[i]);
    free(j->warnings);
    memset(j, 0, sizeof *j);
}

static void run_job(const pool *p, job *j) {
    const nx_write_options *wo = &p->wo;
    if (j->read_status != NX_OK) {
        j->error = dup_or_null(j->read_error ? j->read_error : nx_strerror(j->read_status));
        j->out_failed = p->writer->error(j->id, j->error, wo, &j->out);
        return;
    }
    nx_options o = p->opts->extract;
    if (j->dct) {
        o.dct = j->dct;
        o.dct_source = "record";
    }
    o.fields = (const char *const *)j->fields;
    o.n_fields = j->n_fields;
    nx_document *doc = NULL;
    nx_error err;
    nx_status st = nx_extract(p->model, j->text, j->len, j->id, &o, &doc, &err);
    if (st != NX_OK) {
        j->error = dup_or_null(err.message[0] ? err.message : nx_strerror(st));
        j->out_failed = p->writer->error(j->id, j->error, wo, &j->out);
        return;
    }
    size_t nw;
    const char *const *w = nx_document_warnings(doc, &nw);
    size_t nr = j->read_warning != NULL;
    if (nw + nr) {
        j->warnings = calloc(nw + nr, sizeof *j->warnings);
        if (j->warnings && nr) j->warnings[j->n_warnings++] = dup_or_null(j->read_warning);
        for (size_t i = 0; j->warnings && i < nw; i++) j->warnings[j->n_warnings++] = dup_or_null(w[i]);
    }
    const double *times = nx_document_stage_seconds(doc);
    struct timespec t0, t1;
    if (times) {
        memcpy(j->stage_seconds, times, nx_stage_count() * sizeof *times);
        clock_gettime(CLOCK_MONOTONIC, &t0);
    }
    j->out_failed = p->writer->document(doc, wo, &j->out);
    if (times) {
        clock_gettime(CLOCK_MONOTONIC, &t1);
        j->write_seconds = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) * 1e-9;
    }
    nx_document_free(doc);
}

static void say(const nx_batch_options *o, const char *id, const char *level, const char *msg) {
    if (o->on_message) o->on_message(o->user, id, level, msg);
}

/* s copied to *o (n bytes and a NUL), *o moved past it. */
static char *put(char **o, const char *s, size_t n) {
    char *d = *o;
    memcpy(d, s, n);
    d[n] = '\0';
    *o += n + 1;
    return d;
}

static size_t size_or_0(const char *s) { return s ? strlen(s) + 1 : 0; }

/* Reads the next record into j: 0, or 1 at the end of the input. The
 * record's strings (the reader's, which the next read replaces) are copied
 * into one block the job owns: the fields' pointers, the text, the id, the
 * dct, the warning and the fields' strings, or the id and the error. */
static int read_job(nx_reader *reader, job *j) {
    nx_record rec;
    if (nx_reader_next(reader, &rec) == NX_ERR_END) return 1;
    j->read_status = rec.status;
    j->in_bytes = rec.input_bytes;
    int ok = rec.status == NX_OK;
    size_t nf = ok ? rec.n_fields : 0;
    size_t size = 2 * nf * sizeof *j->fields + size_or_0(rec.id);
    if (ok) {
        size += rec.len + 1 + size_or_0(rec.dct) + size_or_0(rec.warning);
        for (size_t i = 0; i < 2 * nf; i++) size += size_or_0(rec.fields[i]);
    } else {
        size += size_or_0(rec.error);
    }
    char *o = j->held = malloc(size);
    if (!o) {
        j->id = j->held = rec.id ? strdup(rec.id) : NULL;
        if (ok) {
            j->read_status = NX_ERR_NOMEM;
            j->read_error = "out of memory holding the record";
        }
        return 0;
    }
    if (nf) {
        j->fields = (char **)(void *)o;
        j->n_fields = nf;
        o += 2 * nf * sizeof *j->fields;
    }
    if (ok) j->text = put(&o, rec.text, rec.len), j->len = rec.len;
    if (rec.id) j->id = put(&o, rec.id, strlen(rec.id));
    if (!ok) {
        if (rec.error) j->read_error = put(&o, rec.error, strlen(rec.error));
        return 0;
    }
    if (rec.dct) j->dct = put(&o, rec.dct, strlen(rec.dct));
    if (rec.warning) j->read_warning = put(&o, rec.warning, strlen(rec.warning));
    for (size_t i = 0; i < 2 * nf; i++) j->fields[i] = rec.fields[i] ? put(&o, rec.fields[i], strlen(rec.fields[i])) : NULL;
    return 0;
}

/* Writes a and b with one writev() (so a record is never split among the
 * writes of other processes sharing the output, as with xargs -P), going on
 * after a partial write. 0, or -1 on an error. */
static int write2(pool *p, const char *a, size_t na, const char *b, size_t nb) {
    if (p->fd < 0) return fwrite(a, 1, na, p->out) != na || fwrite(b, 1, nb, p->out) != nb ? -1 : 0;
    struct iovec v[2] = {{(void *)a, na}, {(void *)b, nb}};
    int k = 0;
    while (k < 2) {
        if (!v[k].iov_len) {
            k++;
            continue;
        }
        ssize_t w = writev(p->fd, v + k, 2 - k);
        if (w < 0) {
            if (errno == EINTR) continue;
            return -1;
        }
        for (size_t left = (size_t)w; k < 2 && left; ) {
            size_t t = left < v[k].iov_len ? left : v[k].iov_len;
            v[k].iov_base = (char *)v[k].iov_base + t;
            v[k].iov_len -= t;
            left -= t;
            if (!v[k].iov_len) k++;
        }
    }
    return 0;
}

/* One rendered record: with opts->array, an element of one JSON array. */
static int put_record(pool *p, const char *s, size_t n) {
    const char *pre = "";
    if (p->opts->array) {
        pre = p->n_out ? ",\n" : "[\n";
        if (n && s[n - 1] == '\n') n--;
    }
    p->n_out++;
    return write2(p, pre, strlen(pre), s, n);
}

/* Counts, reports and writes a finished job (after a failure, only counts
 * and reports it), then empties its slot. */
static void emit_job(pool *p, job *j) {
    nx_batch_stats *stats = p->stats;
    stats->documents++;
    stats->input_bytes += j->in_bytes;
    for (size_t k = 0; k < NX_MAX_STAGES; k++) stats->stage_seconds[k] += j->stage_seconds[k];
    stats->write_seconds += j->write_seconds;
    if (j->error) {
        stats->failed++;
        say(p->opts, j->id ? j->id : "", "error", j->error);
    }
    for (size_t w = 0; w < j->n_warnings; w++) {
        stats->warnings++;
        say(p->opts, j->id ? j->id : "", "warning", j->warnings[w] ? j->warnings[w] : "");
    }
    if (j->out_failed) {
        p->result = NX_ERR_NOMEM;
    } else if (p->result == NX_OK && j->out.len) {
        if (put_record(p, j->out.s, j->out.len)) p->result = NX_ERR_IO;
    }
    if (p->opts->on_progress) p->opts->on_progress(p->opts->user, stats);
    job_clear(j);
}

/* Writes the finished records at the head of the ring, in order, until one
 * is not finished; called with mu held by the worker that set `writing`. */
static void write_head(pool *p) {
    for (;;) {
        job *j = &p->slots[p->written % p->cap];
        if (p->written == p->read || !j->done) return;
        size_t bytes = j->cost;
        pthread_mutex_unlock(&p->mu);
        emit_job(p, j);
        pthread_mutex_lock(&p->mu);
        p->in_flight -= bytes;
        p->written++;
        if (p->result != NX_OK) p->stop = 1;
        pthread_cond_signal(&p->space);
    }
}

/* A worker: reads a record, extracts it, writes what is finished at the
 * head of the ring; until the input ends or writing fails. */
static void *worker(void *arg) {
    pool *p = arg;
    for (;;) {
        pthread_mutex_lock(&p->read_mu);
        pthread_mutex_lock(&p->mu);
        /* a free slot, and room under the bytes in flight (one record
         * always goes in, however long) */
        while ((p->read - p->written == p->cap || (p->in_flight >= BATCH_BYTES_IN_FLIGHT && p->read > p->written)) &&
               !p->stop)
            pthread_cond_wait(&p->space, &p->mu);
        int stop = p->stop;
        pthread_mutex_unlock(&p->mu);
        job *j = &p->slots[p->read % p->cap];
        if (stop || p->eof || read_job(p->reader, j)) {
            p->eof = 1;
            pthread_mutex_unlock(&p->read_mu);
            break;
        }
        pthread_mutex_lock(&p->mu);
        p->read++;
        j->cost = work_cost(j->len, p->opts->extract.window_bytes);
        p->in_flight += j->cost;
        pthread_mutex_unlock(&p->mu);
        pthread_mutex_unlock(&p->read_mu);
        run_job(p, j);
        pthread_mutex_lock(&p->mu);
        j->done = 1;
        p->in_flight -= j->cost;
        j->cost = j->len + j->out.len;
        p->in_flight += j->cost;
        if (!p->writing) {
            p->writing = 1;
            write_head(p);
            p->writing = 0;
        }
        pthread_mutex_unlock(&p->mu);
    }
    return NULL;
}

void nx_batch_options_init(nx_batch_options *o) {
    if (!o) return;
    memset(o, 0, sizeof *o);
    o->threads = 1;
    nx_options_init(&o->extract);
}

nx_status nx_batch_run(const nx_model *model, nx_reader *reader, const nx_batch_options *opts, FILE *out,
                       nx_batch_stats *stats) {
    nx_batch_stats local;
    if (!stats) stats = &local;
    memset(stats, 0, sizeof *stats);
    nx_batch_options defaults;
    if (!opts) nx_batch_options_init(&defaults), opts = &defaults;
    if (!model || !reader || !out || opts->threads < 1 || opts->threads > 256) return NX_ERR_ARG;
    const nx_writer *writer = nx_writer_find(opts->format);
    if (!writer) return NX_ERR_ARG;
    pool p = {.model = model, .opts = opts, .writer = writer, .reader = reader, .out = out, .stats = stats,
              .result = NX_OK};
    p.wo.flags = opts->pretty ? NX_WRITE_PRETTY : 0;
    p.wo.base_iri = opts->base_iri ? opts->base_iri : NX_DEFAULT_BASE_IRI;
    /* records bypass out's buffer: what the caller wrote before goes first */
    if (fflush(out) == EOF) return NX_ERR_IO;
    p.fd = fileno(out);
    /* enough slots that no worker waits while a record is read or an
     * earlier, longer one is finished */
    p.cap = opts->threads > 1 ? (size_t)opts->threads * 16 : 1;
    p.slots = calloc(p.cap, sizeof *p.slots);
    pthread_t *th = calloc((size_t)opts->threads, sizeof *th);
    if (!p.slots || !th) {
        free(p.slots);
        free(th);
        return NX_ERR_NOMEM;
    }
    pthread_mutex_init(&p.read_mu, NULL);
    pthread_mutex_init(&p.mu, NULL);
    pthread_cond_init(&p.space, NULL);
    if (writer->begin) {
        nx_sbuf head = {0};
        if (writer->begin(&head, &p.wo)) p.result = NX_ERR_NOMEM;
        else if (head.len && write2(&p, head.s, head.len, "", 0)) p.result = NX_ERR_IO;
        free(head.s);
    }
    int started = 0;
    if (p.result == NX_OK && opts->threads > 1)
        for (int t = 0; t < opts->threads; t++)
            if (pthread_create(&th[started], NULL, worker, &p) == 0) started++;
    if (!started) {
        /* one at a time, on this thread */
        while (p.result == NX_OK && !read_job(reader, &p.slots[0])) {
            run_job(&p, &p.slots[0]);
            emit_job(&p, &p.slots[0]);
        }
    }
    /* each worker leaves when the input has ended and its record is
     * finished; the last record finished writes what is left */
    for (int t = 0; t < started; t++) pthread_join(th[t], NULL);
    nx_status result = p.result;
    if (result == NX_OK && opts->array && write2(&p, p.n_out ? "\n]\n" : "[]\n", p.n_out ? 3 : 3, "", 0))
        result = NX_ERR_IO;
    if (result == NX_OK && writer->end) {
        nx_sbuf tail = {0};
        if (writer->end(&tail, &p.wo)) result = NX_ERR_NOMEM;
        else if (tail.len && write2(&p, tail.s, tail.len, "", 0)) result = NX_ERR_IO;
        free(tail.s);
    }
    if (result == NX_OK && fflush(out) == EOF) result = NX_ERR_IO;
    pthread_cond_destroy(&p.space);
    pthread_mutex_destroy(&p.mu);
    pthread_mutex_destroy(&p.read_mu);
    free(p.slots);
    free(th);
    return result;
}
