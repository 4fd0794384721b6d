/* batch.c: nx_batch_run(). Records are read in chunks by the calling
 * thread, extracted by N worker threads that take the next job from an
 * atomic counter, and written in input order by the calling thread, which
 * also reports each document's errors and warnings in that order. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "arena.h"
#include "nerx.h"
#include "writer.h"

typedef struct job {
    char *id, *text, *dct;
    size_t len;
    nx_status read_status; /* the reader's verdict */
    char *read_error;
    nx_sbuf out;           /* the rendered record (malloc) */
    double stage_seconds[NX_MAX_STAGES]; /* with extract.time_stages */
    double write_seconds;
    int out_failed;        /* rendering ran out of memory */
    char *error;           /* extraction error message, or NULL */
    char **warnings;
    size_t n_warnings;
} job;

typedef struct pool {
    const nx_model *model;
    const nx_batch_options *opts;
    const nx_writer *writer;
    job *jobs;
    size_t n_jobs;
    atomic_size_t next;
} pool;

static char *dup_or_null(const char *s) { return s ? strdup(s) : NULL; }

static void job_clear(job *j) {
    free(j->id);
    free(j->text);
    free(j->dct);
    free(j->read_error);
    free(j->out.s);
    free(j->error);
    for (size_t i = 0; i < j->n_warnings; i++) free(j->warnings[i]);
    free(j->warnings);
    memset(j, 0, sizeof *j);
}

static void run_job(const pool *p, job *j) {
    int flags = p->opts->pretty ? NX_WRITE_PRETTY : 0;
    if (j->read_status != NX_OK) {
        j->error = dup_or_null(j->read_error ? j->read_error : nx_strerror(j->read_status));
        j->out_failed = p->writer->error(j->id, j->error, flags, &j->out);
        return;
    }
    nx_options o = p->opts->extract;
    if (j->dct) {
        o.dct = j->dct;
        o.dct_source = "record";
    }
    nx_document *doc = NULL;
    nx_error err;
    nx_status st = nx_extract(p->model, j->text, j->len, j->id, &o, &doc, &err);
    if (st != NX_OK) {
        j->error = dup_or_null(err.message[0] ? err.message : nx_strerror(st));
        j->out_failed = p->writer->error(j->id, j->error, flags, &j->out);
        return;
    }
    size_t nw;
    const char *const *w = nx_document_warnings(doc, &nw);
    if (nw) {
        j->warnings = calloc(nw, sizeof *j->warnings);
        for (size_t i = 0; j->warnings && i < nw; i++) j->warnings[j->n_warnings++] = dup_or_null(w[i]);
    }
    const double *times = nx_document_stage_seconds(doc);
    struct timespec t0, t1;
    if (times) {
        memcpy(j->stage_seconds, times, nx_stage_count() * sizeof *times);
        clock_gettime(CLOCK_MONOTONIC, &t0);
    }
    j->out_failed = p->writer->document(doc, flags, &j->out);
    if (times) {
        clock_gettime(CLOCK_MONOTONIC, &t1);
        j->write_seconds = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) * 1e-9;
    }
    nx_document_free(doc);
}

static void *worker(void *arg) {
    pool *p = arg;
    for (;;) {
        size_t i = atomic_fetch_add(&p->next, 1);
        if (i >= p->n_jobs) break;
        run_job(p, &p->jobs[i]);
    }
    return NULL;
}

void nx_batch_options_init(nx_batch_options *o) {
    memset(o, 0, sizeof *o);
    o->threads = 1;
    nx_options_init(&o->extract);
}

static void say(const nx_batch_options *o, const char *id, const char *level, const char *msg) {
    if (o->on_message) o->on_message(o->user, id, level, msg);
}

nx_status nx_batch_run(const nx_model *model, nx_reader *reader, const nx_batch_options *opts, FILE *out,
                       nx_batch_stats *stats) {
    nx_batch_stats local;
    if (!stats) stats = &local;
    memset(stats, 0, sizeof *stats);
    if (!model || !reader || !opts || !out || opts->threads < 1 || opts->threads > 256) return NX_ERR_ARG;
    const nx_writer *writer = nx_writer_find(opts->format);
    if (!writer) return NX_ERR_ARG;
    int flags = opts->pretty ? NX_WRITE_PRETTY : 0;
    size_t chunk = (size_t)opts->threads * 32; /* flush and hand out work in chunks */
    job *jobs = calloc(chunk, sizeof *jobs);
    pthread_t *th = calloc((size_t)opts->threads, sizeof *th);
    if (!jobs || !th) {
        free(jobs);
        free(th);
        return NX_ERR_NOMEM;
    }
    nx_status result = NX_OK;
    if (writer->begin) {
        nx_sbuf head = {0};
        if (writer->begin(&head, flags)) result = NX_ERR_NOMEM;
        else if (head.len && fwrite(head.s, 1, head.len, out) != head.len) result = NX_ERR_IO;
        free(head.s);
    }
    int done = 0;
    while (!done && result == NX_OK) {
        size_t n = 0;
        while (n < chunk) {
            nx_record rec;
            if (nx_reader_next(reader, &rec) == NX_ERR_END) {
                done = 1;
                break;
            }
            job *j = &jobs[n++];
            j->id = dup_or_null(rec.id);
            j->read_status = rec.status;
            if (rec.status == NX_OK) {
                j->text = malloc(rec.len + 1);
                if (j->text) {
                    memcpy(j->text, rec.text, rec.len);
                    j->text[rec.len] = '\0';
                }
                j->len = rec.len;
                j->dct = dup_or_null(rec.dct);
                if (!j->text || !j->id || (rec.dct && !j->dct)) j->read_status = NX_ERR_NOMEM;
            } else {
                j->read_error = dup_or_null(rec.error);
            }
        }
        pool p = {model, opts, writer, jobs, n, 0};
        atomic_init(&p.next, 0);
        int started = 0;
        if (opts->threads > 1 && n > 1) {
            for (int t = 0; t < opts->threads; t++)
                if (pthread_create(&th[t], NULL, worker, &p) == 0) started++;
        }
        worker(&p); /* the calling thread works too (and alone when threads == 1) */
        for (int t = 0; t < started; t++) pthread_join(th[t], NULL);
        for (size_t i = 0; i < n; i++) {
            job *j = &jobs[i];
            stats->documents++;
            for (size_t k = 0; k < NX_MAX_STAGES; k++) stats->stage_seconds[k] += j->stage_seconds[k];
            stats->write_seconds += j->write_seconds;
            if (j->error) {
                stats->failed++;
                say(opts, j->id ? j->id : "", "error", j->error);
            }
            for (size_t w = 0; w < j->n_warnings; w++) {
                stats->warnings++;
                say(opts, j->id ? j->id : "", "warning", j->warnings[w] ? j->warnings[w] : "");
            }
            if (j->out_failed) {
                result = NX_ERR_NOMEM;
            } else if (result == NX_OK && j->out.len && fwrite(j->out.s, 1, j->out.len, out) != j->out.len) {
                result = NX_ERR_IO;
            }
            job_clear(j);
        }
        if (result == NX_OK && fflush(out) == EOF) result = NX_ERR_IO;
    }
    if (result == NX_OK && writer->end) {
        nx_sbuf tail = {0};
        if (writer->end(&tail, flags)) result = NX_ERR_NOMEM;
        else if (tail.len && (fwrite(tail.s, 1, tail.len, out) != tail.len || fflush(out) == EOF)) result = NX_ERR_IO;
        free(tail.s);
    }
    free(jobs);
    free(th);
    return result;
}
