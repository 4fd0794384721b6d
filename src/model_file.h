/*
 * model_file.h: the compiled model file's framing (docs/model-file.md): a
 * header (magic, format version, byte order, total size, checksum), a table
 * of typed sections, then the sections. This module knows nothing of what a
 * section holds: writers add sections by id, readers find them by id and
 * skip ids they do not know, so a new kind of data (compiled patterns, say)
 * is a new id, not a new format.
 *
 * Consumes: sections (id, alignment, bytes) from the model compiler
 *   (model.c, gazetteer.c, strmap.c), or a file on disk.
 * Produces: one image in memory (built, or a read-only mmap of the file
 *   shared by every thread and process that maps it), whose framing has been
 *   checked completely; each section's own content is checked by its reader.
 */
#ifndef NX_MODEL_FILE_H
#define NX_MODEL_FILE_H

#include <stddef.h>
#include <stdint.h>

#include <string.h>

#include "arena.h"
#include "nerx.h"

#define NX_MFILE_MAGIC "NERXMODL" /* 8 bytes, no NUL */
/* Bump when the layout of the framing or of any section changes, or when
 * the builder would make different sections from the same files (the
 * tokenizer, the fold, gazetteer_build.c): a file of another version is
 * never read, only rebuilt. */
#define NX_MFILE_VERSION 7u
#define NX_MFILE_ENDIAN 0x01020304u /* written in the writer's byte order */
#define NX_MFILE_NAME "nerx.model"  /* in the gazetteer directory */

/* The file header, at offset 0, in the writer's byte order. */
typedef struct nx_mfile_header {
    char magic[8];         /* NX_MFILE_MAGIC */
    uint32_t version;      /* NX_MFILE_VERSION */
    uint32_t endian;       /* NX_MFILE_ENDIAN as the writer stored it */
    uint64_t total_size;   /* bytes in the file */
    uint64_t checksum;     /* nx_mfile_checksum() of the whole file */
    uint32_t header_size;  /* sizeof(nx_mfile_header) */
    uint32_t n_sections;
    uint64_t table_offset; /* the section table: right after the header */
    char generator[16];    /* "nerx 0.1.0", NUL-padded; informational */
} nx_mfile_header;

/* A row of the section table. Rows are in offset order; sections do not
 * overlap each other, the header or the table. */
typedef struct nx_mfile_section {
    uint32_t id;       /* nx_msection (unknown ids are skipped) */
    uint32_t align;    /* a power of two, 1..4096; offset % align == 0 */
    uint64_t offset;   /* from the start of the file */
    uint64_t length;   /* bytes */
    uint64_t reserved; /* 0 */
} nx_mfile_section;

_Static_assert(sizeof(nx_mfile_header) == 64, "the header is 64 bytes");
_Static_assert(sizeof(nx_mfile_section) == 32, "a section row is 32 bytes");

/* The section ids: X(NAME, id, "name for messages"). Ids are never reused;
 * 64..127 are kept for the compiled patterns. */
#define NX_MSECTION_LIST(X)                          \
    X(ENTRIES, 1, "gazetteer entries")               \
    X(ENTRY_NEXT, 2, "gazetteer entry lists")        \
    X(POOL, 3, "gazetteer strings")                  \
    X(NODE_HEAD, 4, "trie nodes")                    \
    X(EDGES, 5, "trie edge table")                   \
    X(EDGE_LABELS, 6, "trie edge labels")            \
    X(SOURCES, 7, "gazetteer sources")               \
    X(ENDINGS, 8, "name endings")                    \
    X(ABBREVIATIONS, 9, "abbreviations")             \
    X(NO_SENTENCE_END, 10, "no-sentence-end words")  \
    X(MONTH_VALUE, 11, "month values")               \
    X(WEEKDAY_VALUE, 12, "weekday values")           \
    X(TEMPORAL_VALUE, 13, "temporal word values")    \
    X(NODE_FLAGS, 14, "trie node flags")             \
    X(NODE_FEATURES, 15, "trie node features")       \
    X(ENDING_INDEX, 16, "name endings by last byte") \
    X(EDGE_FILTER, 17, "trie edge filter")            \
    X(PATTERN_LIST, 64, "pattern list")              \
    X(TOKEN_PROGRAM, 65, "token pattern program")

#define NX_MSECTION_ENUM_(name, id, text) NX_MS_##name = id,
typedef enum nx_msection { NX_MSECTION_LIST(NX_MSECTION_ENUM_) } nx_msection;
#undef NX_MSECTION_ENUM_

/* The name of a section id for messages ("trie edge table"), or "unknown". */
const char *nx_msection_name(uint32_t id);

/* The checksum of a whole file of size bytes (at least the header), the 8
 * bytes of the header's checksum field counted as zeros: FNV-1a over
 * native 64-bit words in four interleaved lanes (so it runs at memory
 * speed), then the tail bytes and the size, then a 64-bit finaliser. Within
 * a lane each step is a bijection, so a change confined to one 64-bit word
 * is always detected. */
uint64_t nx_mfile_checksum(const void *file, size_t size);

/* ---- writing ------------------------------------------------------------- */

typedef struct nx_mfile_writer {
    nx_vec sections; /* pending sections: id, align, bytes (the writer's or the caller's) */
} nx_mfile_writer;

void nx_mfile_writer_init(nx_mfile_writer *w);
void nx_mfile_writer_free(nx_mfile_writer *w);
/* Adds a section of len bytes and returns its zero-filled storage, owned by
 * the writer, for the caller to fill before nx_mfile_writer_finish(); NULL
 * when out of memory, when id is 0 or already added, or align is not a
 * power of two from 1 to 4096. */
void *nx_mfile_writer_reserve(nx_mfile_writer *w, uint32_t id, uint32_t align, size_t len);
/* Adds a section of the len bytes at data, which the writer reads (without
 * copying) at nx_mfile_writer_finish(): they must stay valid until then.
 * 0, or -1 as above. */
int nx_mfile_writer_add(nx_mfile_writer *w, uint32_t id, uint32_t align, const void *data, size_t len);

/* ---- a serialised section -------------------------------------------------
 * The compiled patterns are many small arrays, not a few big ones: they are
 * written as a stream (counts, then items) and read back with one copy,
 * every count checked against the bytes left, so a damaged length is a
 * refusal, never a read past the section. */

typedef struct nx_mstream {
    unsigned char *s;
    size_t len, cap;
    int oom; /* a put ran out of memory: the stream is unusable */
} nx_mstream;

void nx_ms_put(nx_mstream *w, const void *p, size_t n);
void nx_ms_u8(nx_mstream *w, uint8_t v);
void nx_ms_u32(nx_mstream *w, uint32_t v);
void nx_ms_u64(nx_mstream *w, uint64_t v);
/* A string: its length (UINT32_MAX for NULL), then its bytes. */
void nx_ms_str(nx_mstream *w, const char *s);

typedef struct nx_mreader {
    const unsigned char *p;
    size_t len, at;
    int bad; /* a read went past the end: every later read gives zeros */
} nx_mreader;

/* n bytes into out (zeros, and bad set, when fewer are left). Inline: a
 * section of the compiled patterns is thousands of small reads. */
static inline void nx_mr_get(nx_mreader *r, void *out, size_t n) {
    if (r->bad || n > r->len - r->at) {
        r->bad = r->bad ? r->bad : 1;
        memset(out, 0, n);
        return;
    }
    memcpy(out, r->p + r->at, n);
    r->at += n;
}
static inline uint8_t nx_mr_u8(nx_mreader *r) {
    uint8_t v;
    nx_mr_get(r, &v, 1);
    return v;
}
static inline uint32_t nx_mr_u32(nx_mreader *r) {
    uint32_t v;
    nx_mr_get(r, &v, 4);
    return v;
}
static inline uint64_t nx_mr_u64(nx_mreader *r) {
    uint64_t v;
    nx_mr_get(r, &v, 8);
    return v;
}
/* count items of size bytes: where they start in the section (unaligned:
 * memcpy them), or NULL with bad set when fewer bytes are left. */
static inline const void *nx_mr_array(nx_mreader *r, uint64_t count, size_t size) {
    if (r->bad || (size && count > (r->len - r->at) / size)) {
        r->bad = r->bad ? r->bad : 1;
        return NULL;
    }
    const void *p = r->p + r->at;
    r->at += (size_t)count * size;
    return p;
}
/* A string written by nx_ms_str, as a malloc'd copy; NULL for a NULL string,
 * and NULL with bad set (2: out of memory) when it does not fit or holds a NUL. */
char *nx_mr_str(nx_mreader *r);

/* ---- an image: the bytes of a model file, in memory or mapped ------------- */

typedef struct nx_mfile {
    const unsigned char *base; /* page-aligned */
    size_t size;
    const nx_mfile_section *table;
    size_t n_sections;
    int mapped; /* 1: a mapping (munmap); 0: owned memory (free); -1: borrowed */
    struct nx_mfile_pending *pending; /* the checksum being computed (NX_MFILE_CHECKSUM_BACKGROUND) */
} nx_mfile;

/* Lays the writer's sections out after the header and table, computes the
 * checksum, and makes *out an image of it (owned: nx_mfile_close). The
 * writer is left empty. NX_ERR_NOMEM, NX_ERR_LIMIT (over 4 GB). */
nx_status nx_mfile_writer_finish(nx_mfile_writer *w, nx_mfile *out);

/* What to check when opening. The framing (header fields, table, every
 * section inside the file, aligned, in order, not overlapping) is always
 * checked; NX_MFILE_CHECKSUM also hashes the whole body.
 * NX_MFILE_CHECKSUM_BACKGROUND hashes it on a thread of its own while the
 * caller goes on (the start-up reads the model's structure meanwhile: the
 * two together are a third of a cold start), and nx_mfile_verify() waits
 * for the result; the caller must check every index it reads until then,
 * as nx_gazetteer_attach() does. */
enum { NX_MFILE_CHECKSUM = 1, NX_MFILE_CHECKSUM_BACKGROUND = 2 };

/* Maps the file at path read-only and checks it (flags above).
 * NX_ERR_IO when it cannot be opened or mapped, NX_ERR_PARSE when it is not
 * a usable model file (truncated, corrupt, another version or byte order);
 * err names the file and says what is wrong. On success *f owns the
 * mapping (nx_mfile_close). */
nx_status nx_mfile_open(const char *path, unsigned flags, nx_mfile *f, nx_error *err);

/* The same checks on size bytes at data, which must be aligned to 4096
 * (the alignment a mapping has); name is for messages. On success *f
 * borrows data (nx_mfile_close frees nothing when `owned` is 0) or takes it
 * over (owned 1: data came from nx_mfile_alloc). On error an owned buffer
 * is freed. */
nx_status nx_mfile_from_memory(void *data, size_t size, int owned, const char *name, unsigned flags, nx_mfile *f,
                               nx_error *err);
/* A zeroed buffer of size bytes aligned to 4096 for nx_mfile_from_memory,
 * freed with free(); NULL when out of memory. */
void *nx_mfile_alloc(size_t size);

/* Waits for a background checksum: NX_OK when it matches (or none was
 * asked), NX_ERR_PARSE with err naming the file when the file is corrupt. */
nx_status nx_mfile_verify(nx_mfile *f, const char *name, nx_error *err);

/* Finds the first section with id: 1 and its bytes and length, else 0. */
int nx_mfile_find(const nx_mfile *f, uint32_t id, const void **data, size_t *len);

/* Writes the image to path atomically: a temporary file in the same
 * directory, then rename(), so a reader sees the old file or the new one,
 * never a part. NX_ERR_IO with err naming the file. */
nx_status nx_mfile_write(const nx_mfile *f, const char *path, nx_error *err);

/* Unmaps or frees an image (a borrowed one is only forgotten); NULL-safe. */
void nx_mfile_close(nx_mfile *f);

#endif
