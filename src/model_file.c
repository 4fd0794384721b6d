/* model_file.c: the model file's framing: writing an image, checking one,
 * mapping a file, and replacing a file atomically (see model_file.h and
 * docs/model-file.md). */
#include "model_file.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "error.h"

enum { PAGE = 4096, MAX_ALIGN = 4096 };

const char *nx_msection_name(uint32_t id) {
#define NX_MSECTION_NAME_(name, num, text) \
    case num: return text;
    switch (id) { NX_MSECTION_LIST(NX_MSECTION_NAME_) }
#undef NX_MSECTION_NAME_
    return "unknown";
}

static uint64_t fmix64(uint64_t h) {
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 33;
    return h;
}

#if (defined(__GNUC__) || defined(__clang__)) && defined(__x86_64__)
#include <immintrin.h>
#define NX_AVX2_SUM 1
/* lanes_update with the four lanes in one AVX2 vector: the same sums, bit
 * for bit. AVX2 has no 64-bit multiply, but the FNV prime is 2^40 + 435,
 * so x * prime = (x << 40) + lo(x) * 435 + ((hi(x) * 435) << 32), all
 * modulo 2^64: two 32 x 32 -> 64-bit multiplies, shifts and adds, about
 * half the instructions of four scalar multiplies with their loads. */
__attribute__((target("avx2"))) static void lanes_update_avx2(uint64_t lane[4], const unsigned char *p, size_t blocks) {
    const __m256i k = _mm256_set1_epi64x(435);
    __m256i h = _mm256_loadu_si256((const __m256i_u *)(const void *)lane);
    for (size_t b = 0; b < blocks; b++, p += 32) {
        __m256i x = _mm256_xor_si256(h, _mm256_loadu_si256((const __m256i_u *)(const void *)p));
        __m256i lo = _mm256_mul_epu32(x, k);                         /* lo(x) * 435 */
        __m256i hi = _mm256_mul_epu32(_mm256_srli_epi64(x, 32), k); /* hi(x) * 435 */
        h = _mm256_add_epi64(_mm256_add_epi64(lo, _mm256_slli_epi64(hi, 32)), _mm256_slli_epi64(x, 40));
    }
    _mm256_storeu_si256((__m256i_u *)(void *)lane, h);
}
#endif

/* FNV-1a steps over n whole 32-byte blocks, one 64-bit word per lane:
 * four independent multiply chains, so the loop runs at memory speed. */
static void lanes_update(uint64_t lane[4], const unsigned char *p, size_t blocks) {
    const uint64_t prime = 1099511628211ULL;
    _Static_assert(1099511628211ULL == (1ULL << 40) + 435, "lanes_update_avx2's multiply");
#ifdef NX_AVX2_SUM
    /* (NERX_NO_AVX2_CHECKS: the loop below, as on a CPU without AVX2) */
    if (blocks >= 64 && __builtin_cpu_supports("avx2") && !getenv("NERX_NO_AVX2_CHECKS")) {
        lanes_update_avx2(lane, p, blocks);
        return;
    }
#endif
    for (size_t b = 0; b < blocks; b++, p += 32) {
        uint64_t w[4];
        memcpy(w, p, sizeof w);
        lane[0] = (lane[0] ^ w[0]) * prime;
        lane[1] = (lane[1] ^ w[1]) * prime;
        lane[2] = (lane[2] ^ w[2]) * prime;
        lane[3] = (lane[3] ^ w[3]) * prime;
    }
}

uint64_t nx_mfile_checksum(const void *file, size_t size) {
    const uint64_t prime = 1099511628211ULL, basis = 14695981039346656037ULL;
    const unsigned char *p = file;
    enum { HEAD = sizeof(nx_mfile_header) };
    _Static_assert(HEAD % 32 == 0, "the header is whole blocks");
    uint64_t lane[4] = {basis, basis + 1, basis + 2, basis + 3};
    unsigned char head[HEAD];
    memcpy(head, p, HEAD);
    memset(head + offsetof(nx_mfile_header, checksum), 0, sizeof(uint64_t)); /* its own bytes count as zeros */
    lanes_update(lane, head, HEAD / 32);
    size_t body = size - HEAD;
    lanes_update(lane, p + HEAD, body / 32);
    uint64_t h = basis;
    for (int k = 0; k < 4; k++) h = fmix64(h ^ lane[k]);
    for (size_t i = HEAD + body / 32 * 32; i < size; i++) h = (h ^ p[i]) * prime;
    return fmix64(h ^ (uint64_t)size);
}

/* ---- writing ------------------------------------------------------------- */

typedef struct pending {
    uint32_t id, align;
    const void *data;
    size_t len;
    int owned; /* data is the writer's (reserve) or the caller's (add) */
} pending;

void nx_mfile_writer_init(nx_mfile_writer *w) { memset(w, 0, sizeof *w); }

void nx_mfile_writer_free(nx_mfile_writer *w) {
    for (size_t i = 0; i < w->sections.count; i++) {
        const pending *s = &NX_VEC_AT(&w->sections, pending, i);
        if (s->owned) free((void *)s->data);
    }
    nx_vec_free(&w->sections);
}

static pending *add_pending(nx_mfile_writer *w, uint32_t id, uint32_t align) {
    if (!id || !align || (align & (align - 1)) || align > MAX_ALIGN) return NULL;
    for (size_t i = 0; i < w->sections.count; i++)
        if (NX_VEC_AT(&w->sections, pending, i).id == id) return NULL;
    pending *s = nx_vec_push(&w->sections, sizeof *s);
    if (s) s->id = id, s->align = align;
    return s;
}

void *nx_mfile_writer_reserve(nx_mfile_writer *w, uint32_t id, uint32_t align, size_t len) {
    void *data = calloc(1, len ? len : 1);
    pending *s = data ? add_pending(w, id, align) : NULL;
    if (!s) {
        free(data);
        return NULL;
    }
    s->data = data, s->len = len, s->owned = 1;
    return data;
}

int nx_mfile_writer_add(nx_mfile_writer *w, uint32_t id, uint32_t align, const void *data, size_t len) {
    pending *s = add_pending(w, id, align);
    if (!s) return -1;
    s->data = data, s->len = len, s->owned = 0;
    return 0;
}

static size_t round_up(size_t n, size_t a) { return (n + a - 1) & ~(a - 1); }

void *nx_mfile_alloc(size_t size) {
    size_t n = round_up(size ? size : 1, PAGE);
    if (n < size) return NULL;
    void *p = aligned_alloc(PAGE, n);
    if (p) memset(p, 0, n);
    return p;
}

nx_status nx_mfile_writer_finish(nx_mfile_writer *w, nx_mfile *out) {
    memset(out, 0, sizeof *out);
    size_t n = w->sections.count;
    size_t table = sizeof(nx_mfile_header), end = table + n * sizeof(nx_mfile_section);
    for (size_t i = 0; i < n; i++) {
        const pending *s = &NX_VEC_AT(&w->sections, pending, i);
        end = round_up(end, s->align) + s->len;
    }
    if (end > UINT32_MAX) {
        nx_mfile_writer_free(w);
        return NX_ERR_LIMIT;
    }
    /* not nx_mfile_alloc: zeroing what the sections overwrite would touch
     * every page twice */
    unsigned char *base = aligned_alloc(PAGE, round_up(end, PAGE));
    if (!base) {
        nx_mfile_writer_free(w);
        return NX_ERR_NOMEM;
    }
    nx_mfile_section *rows = (nx_mfile_section *)(base + table);
    size_t off = table + n * sizeof(nx_mfile_section);
    for (size_t i = 0; i < n; i++) {
        const pending *s = &NX_VEC_AT(&w->sections, pending, i);
        size_t start = round_up(off, s->align);
        memset(base + off, 0, start - off); /* zero gaps: the same files make the same bytes */
        off = start;
        rows[i] = (nx_mfile_section){s->id, s->align, off, s->len, 0};
        if (s->len) memcpy(base + off, s->data, s->len);
        off += s->len;
    }
    nx_mfile_header h;
    memset(&h, 0, sizeof h);
    memcpy(h.magic, NX_MFILE_MAGIC, sizeof h.magic);
    h.version = NX_MFILE_VERSION;
    h.endian = NX_MFILE_ENDIAN;
    h.total_size = end;
    h.header_size = sizeof h;
    h.n_sections = (uint32_t)n;
    h.table_offset = table;
    snprintf(h.generator, sizeof h.generator, "nerx %s", nx_version());
    memset(base + end, 0, round_up(end, PAGE) - end);
    memcpy(base, &h, sizeof h);
    h.checksum = nx_mfile_checksum(base, end);
    memcpy(base, &h, sizeof h);
    nx_mfile_writer_free(w);
    out->base = base;
    out->size = end;
    out->table = rows;
    out->n_sections = n;
    out->mapped = 0;
    return NX_OK;
}

/* ---- checking ------------------------------------------------------------ */

static nx_status bad(nx_error *err, const char *name, const char *what) {
    nx_error_set(err, NX_ERR_PARSE, name, 0, 0, "not a usable model file: %s (rebuild it with nerx --compile-model)",
                 what);
    return NX_ERR_PARSE;
}

/* Everything about the frame, before any section is read. */
static nx_status check(const unsigned char *base, size_t size, const char *name, unsigned flags, nx_mfile *f,
                       nx_error *err) {
    nx_mfile_header h;
    char what[160];
    if (size < sizeof h) {
        snprintf(what, sizeof what, "truncated: %zu bytes, shorter than the %zu-byte header", size, sizeof h);
        return bad(err, name, what);
    }
    memcpy(&h, base, sizeof h);
    if (memcmp(h.magic, NX_MFILE_MAGIC, sizeof h.magic) != 0) return bad(err, name, "wrong magic number");
    if (h.endian != NX_MFILE_ENDIAN) return bad(err, name, "written on a machine with another byte order");
    if (h.version != NX_MFILE_VERSION) {
        snprintf(what, sizeof what, "format version %u, this nerx reads version %u", (unsigned)h.version,
                 (unsigned)NX_MFILE_VERSION);
        return bad(err, name, what);
    }
    if (h.total_size != size) {
        snprintf(what, sizeof what, "truncated or extended: the header says %llu bytes, the file has %zu",
                 (unsigned long long)h.total_size, size);
        return bad(err, name, what);
    }
    if (h.header_size != sizeof h || h.table_offset != sizeof h) return bad(err, name, "wrong header size");
    if (h.n_sections > (size - sizeof h) / sizeof(nx_mfile_section))
        return bad(err, name, "section table runs past the end of the file");
    size_t n = h.n_sections, table_end = sizeof h + n * sizeof(nx_mfile_section);
    const nx_mfile_section *rows = (const nx_mfile_section *)(base + sizeof h);
    if ((flags & NX_MFILE_CHECKSUM) && nx_mfile_checksum(base, size) != h.checksum)
        return bad(err, name, "checksum mismatch (the file is corrupt)");
    uint64_t prev_end = table_end;
    for (size_t i = 0; i < n; i++) {
        nx_mfile_section s;
        memcpy(&s, &rows[i], sizeof s);
        snprintf(what, sizeof what, "section %zu (id %u, %s): ", i, (unsigned)s.id, nx_msection_name(s.id));
        size_t wl = strlen(what);
        const char *why = NULL;
        if (!s.id) why = "id 0";
        else if (!s.align || (s.align & (s.align - 1)) || s.align > MAX_ALIGN) why = "alignment is not a power of two up to 4096";
        else if (s.offset % s.align) why = "offset is not aligned";
        else if (s.reserved) why = "reserved field is not 0";
        else if (s.offset < prev_end) why = "overlaps the table or the section before it";
        else if (s.offset > size || s.length > size - s.offset) why = "runs past the end of the file";
        for (size_t k = 0; !why && k < i; k++)
            if (rows[k].id == s.id) why = "a second section with this id";
        if (why) {
            snprintf(what + wl, sizeof what - wl, "%s", why);
            return bad(err, name, what);
        }
        prev_end = s.offset + s.length;
    }
    f->base = base;
    f->size = size;
    f->table = rows;
    f->n_sections = n;
    return NX_OK;
}

nx_status nx_mfile_from_memory(void *data, size_t size, int owned, const char *name, unsigned flags, nx_mfile *f,
                               nx_error *err) {
    memset(f, 0, sizeof *f);
    nx_status st = ((uintptr_t)data % PAGE) ? NX_ERR_ARG : check(data, size, name, flags, f, err);
    if (st == NX_ERR_ARG) nx_error_set(err, st, name, 0, 0, "model image is not aligned to %d bytes", PAGE);
    if (st != NX_OK) {
        if (owned) free(data);
        memset(f, 0, sizeof *f);
        return st;
    }
    f->mapped = owned ? 0 : -1;
    return NX_OK;
}

/* A checksum computed on its own thread. */
struct nx_mfile_pending {
    pthread_t thread;
    const unsigned char *base;
    size_t size;
    uint64_t sum;
};

static void *checksum_thread(void *arg) {
    struct nx_mfile_pending *p = arg;
    p->sum = nx_mfile_checksum(p->base, p->size);
    return NULL;
}

/* Starts the checksum of f's bytes on a thread; when no thread can be had,
 * it is computed here and now. */
static void checksum_in_background(nx_mfile *f) {
    struct nx_mfile_pending *p = malloc(sizeof *p);
    if (p) {
        p->base = f->base;
        p->size = f->size;
        if (pthread_create(&p->thread, NULL, checksum_thread, p) == 0) {
            f->pending = p;
            return;
        }
        p->sum = nx_mfile_checksum(f->base, f->size);
        p->thread = pthread_self(); /* marks a sum already made */
        f->pending = p;
    }
}

nx_status nx_mfile_verify(nx_mfile *f, const char *name, nx_error *err) {
    struct nx_mfile_pending *p = f->pending;
    if (!p) return NX_OK;
    if (!pthread_equal(p->thread, pthread_self())) pthread_join(p->thread, NULL);
    f->pending = NULL;
    nx_mfile_header h;
    memcpy(&h, f->base, sizeof h);
    uint64_t sum = p->sum;
    free(p);
    return sum == h.checksum ? NX_OK : bad(err, name, "checksum mismatch (the file is corrupt)");
}

nx_status nx_mfile_open(const char *path, unsigned flags, nx_mfile *f, nx_error *err) {
    memset(f, 0, sizeof *f);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        nx_error_set(err, NX_ERR_IO, path, 0, 0, "cannot open model file: %s", strerror(errno));
        return NX_ERR_IO;
    }
    struct stat st;
    int stat_ok = fstat(fd, &st) == 0, e = errno;
    if (!stat_ok || !S_ISREG(st.st_mode)) {
        close(fd);
        nx_error_set(err, NX_ERR_IO, path, 0, 0, "cannot read model file: %s",
                     stat_ok ? "not a regular file" : strerror(e));
        return NX_ERR_IO;
    }
    size_t size = (size_t)st.st_size;
    if (size < sizeof(nx_mfile_header)) {
        close(fd);
        return check((const unsigned char *)"", size, path, flags, f, err);
    }
    /* MAP_POPULATE: the checks read every page anyway, and one call that maps
     * them all costs less than a fault per page */
    void *base = mmap(NULL, size, PROT_READ, MAP_SHARED | MAP_POPULATE, fd, 0);
    close(fd);
    if (base == MAP_FAILED) {
        nx_error_set(err, NX_ERR_IO, path, 0, 0, "cannot map model file: %s", strerror(errno));
        return NX_ERR_IO;
    }
    nx_status s = check(base, size, path, flags, f, err);
    if (s != NX_OK) {
        munmap(base, size);
        memset(f, 0, sizeof *f);
        return s;
    }
    f->mapped = 1;
    if (flags & NX_MFILE_CHECKSUM_BACKGROUND) checksum_in_background(f);
    return NX_OK;
}

int nx_mfile_find(const nx_mfile *f, uint32_t id, const void **data, size_t *len) {
    for (size_t i = 0; i < f->n_sections; i++) {
        nx_mfile_section s;
        memcpy(&s, &f->table[i], sizeof s);
        if (s.id != id) continue;
        *data = f->base + s.offset;
        *len = (size_t)s.length;
        return 1;
    }
    *data = NULL;
    *len = 0;
    return 0;
}

void nx_mfile_close(nx_mfile *f) {
    if (!f || !f->base) return;
    (void)nx_mfile_verify(f, "", NULL); /* no thread may outlive the bytes it reads */
    if (f->mapped == 1) munmap((void *)f->base, f->size);
    else if (f->mapped == 0) free((void *)f->base);
    memset(f, 0, sizeof *f);
}

/* ---- atomic replacement --------------------------------------------------- */

nx_status nx_mfile_write(const nx_mfile *f, const char *path, nx_error *err) {
    size_t pl = strlen(path);
    char *tmp = malloc(pl + 16);
    if (!tmp) return NX_ERR_NOMEM;
    snprintf(tmp, pl + 16, "%s.tmp.XXXXXX", path);
    /* a unique name per writer: processes that rebuild the same model at the
     * same time each write their own file, and the last rename wins whole */
    int fd = mkstemp(tmp);
    if (fd < 0) {
        nx_error_set(err, NX_ERR_IO, path, 0, 0, "cannot create model file: %s", strerror(errno));
        free(tmp);
        return NX_ERR_IO;
    }
    const unsigned char *p = f->base;
    size_t left = f->size;
    int ok = 1;
    while (ok && left) {
        ssize_t k = write(fd, p, left);
        if (k < 0 && errno == EINTR) continue;
        if (k <= 0) ok = 0;
        else p += k, left -= (size_t)k;
    }
    int e = ok ? 0 : errno;
    /* readable by everyone like the gazetteers (mkstemp makes it 0600) */
    if (ok && fchmod(fd, 0644) != 0) ok = 0, e = errno;
    if (close(fd) != 0 && ok) ok = 0, e = errno;
    if (ok && rename(tmp, path) != 0) ok = 0, e = errno;
    if (!ok) {
        unlink(tmp);
        nx_error_set(err, NX_ERR_IO, path, 0, 0, "cannot write model file: %s", strerror(e ? e : EIO));
    }
    free(tmp);
    return ok ? NX_OK : NX_ERR_IO;
}

/* ---- a serialised section ------------------------------------------------- */

void nx_ms_put(nx_mstream *w, const void *p, size_t n) {
    if (w->oom || !n) return;
    if (w->len + n > w->cap) {
        size_t cap = w->cap ? w->cap : 256;
        while (cap < w->len + n) cap *= 2;
        unsigned char *s = realloc(w->s, cap);
        if (!s) {
            w->oom = 1;
            return;
        }
        w->s = s;
        w->cap = cap;
    }
    memcpy(w->s + w->len, p, n);
    w->len += n;
}

void nx_ms_u8(nx_mstream *w, uint8_t v) { nx_ms_put(w, &v, 1); }
void nx_ms_u32(nx_mstream *w, uint32_t v) { nx_ms_put(w, &v, 4); }
void nx_ms_u64(nx_mstream *w, uint64_t v) { nx_ms_put(w, &v, 8); }

void nx_ms_str(nx_mstream *w, const char *s) {
    size_t n = s ? strlen(s) : 0;
    if (n >= UINT32_MAX) w->oom = 1;
    nx_ms_u32(w, s ? (uint32_t)n : UINT32_MAX);
    nx_ms_put(w, s, n);
}

char *nx_mr_str(nx_mreader *r) {
    uint32_t n = nx_mr_u32(r);
    if (r->bad || n == UINT32_MAX) return NULL;
    const char *p = nx_mr_array(r, n, 1);
    if (!p || memchr(p, '\0', n)) {
        r->bad = r->bad ? r->bad : 1;
        return NULL;
    }
    char *s = malloc((size_t)n + 1);
    if (!s) {
        r->bad = 2;
        return NULL;
    }
    memcpy(s, p, n);
    s[n] = '\0';
    return s;
}
