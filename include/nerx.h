/*
 * nerx.h: the public API of nerx, a rule-based extractor of people, titles,
 * organisations, places and dates from news text.
 *
 * Ownership, once for the whole API:
 *   - An nx_model is built by nx_model_load(), is immutable afterwards, and
 *     may be shared by any number of threads until nx_model_free().
 *   - An nx_document is made by nx_extract() and owns everything found in one
 *     text (one arena). Every pointer read from it (mentions, strings,
 *     entities, relations) stays valid until nx_document_free().
 *   - The caller owns the input text; nerx never keeps a pointer to it after
 *     nx_extract() returns (spans are offsets, strings are copied).
 *   - Every *_free() accepts NULL.
 *
 * NULL, once for the whole API (each function's comment says where it
 * differs):
 *   - `err` may always be NULL (no message wanted);
 *   - an options pointer may be NULL (the defaults), and *_init(NULL) does
 *     nothing;
 *   - a `count` out-parameter may be NULL (the count is not wanted);
 *   - an accessor given a NULL model, document, relation or reader returns
 *     NULL (or 0) and sets *count to 0;
 *   - a function that returns an object through `out` refuses a NULL `out`
 *     with NX_ERR_ARG, as it refuses a NULL model or reader to work on.
 *   - The library never prints. Errors come back as an nx_status and, where
 *     there is more to say, an nx_error with a message and a location.
 *
 * Offsets: `start`/`end` are Unicode code point offsets into the input (what
 * Python's text[start:end] gives), `byte_start`/`byte_end` the same span in
 * bytes. Invalid UTF-8 bytes count as one code point each.
 */
#ifndef NERX_H
#define NERX_H

#include <stddef.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(_WIN32)
#define NX_API
#else
#define NX_API __attribute__((visibility("default")))
#endif

#define NX_VERSION_MAJOR 0
#define NX_VERSION_MINOR 1
#define NX_VERSION_PATCH 0
#define NX_SCHEMA_VERSION 1
/* The graph formats' IRIs start with this unless the caller gives another
 * (a reserved domain: give your own namespace). */
#define NX_DEFAULT_BASE_IRI "https://nerx.invalid/"

/*! nx_version() : @return the library version, "MAJOR.MINOR.PATCH". */
NX_API const char *nx_version(void);

/* ---------------------------------------------------------------------------
 * Status codes. 0 is success; errors are negative and their values are pinned
 * (they may be stored by callers). nx_strerror() gives a one-line message.
 */
typedef enum nx_status {
    NX_OK = 0,
    NX_ERR_NOMEM = -1,     /* out of memory */
    NX_ERR_IO = -2,        /* a file could not be opened, read or written */
    NX_ERR_PARSE = -3,     /* malformed gazetteer, pattern or JSON Lines input */
    NX_ERR_ENCODING = -4,  /* text is not usable UTF-8 */
    NX_ERR_EMPTY = -5,     /* the document has no text */
    NX_ERR_BINARY = -6,    /* the input looks like binary data, not text */
    NX_ERR_ARG = -7,       /* an argument or option is out of range */
    NX_ERR_PATTERN = -8,   /* a regular expression failed to compile */
    NX_ERR_LIMIT = -9,     /* a size or match limit was exceeded */
    NX_ERR_END = -10       /* no more input (readers only; not an error) */
} nx_status;

/*! nx_strerror() : @return a static message for a status code. */
NX_API const char *nx_strerror(nx_status status);

/* Detail of an error: what went wrong and where (file and line for gazetteer,
 * pattern and JSON Lines errors; line and column are 0 when unknown). */
typedef struct nx_error {
    nx_status status;
    char file[256];
    size_t line;
    size_t column;
    char message[512];
} nx_error;

/* ---------------------------------------------------------------------------
 * Model: every gazetteer and compiled pattern. Build once, share everywhere.
 */
typedef struct nx_model nx_model;

typedef struct nx_model_options {
    /* Directory holding the .tsv gazetteers and patterns/ (.pat). NULL: the
     * NERX_GAZETTEERS environment variable, else the data installed beside
     * the program or the shared library (BINDIR/../share/nerx/gazetteers),
     * else the source tree of a build directory the program is in
     * (DIR/../gazetteers), else ./gazetteers. Nothing absolute is compiled
     * in; when none is found, the error lists every place looked. */
    const char *gazetteer_dir;
    /* Extra gazetteer files loaded after the directory (user entries). */
    const char *const *extra_files;
    size_t n_extra_files;
} nx_model_options;

/*! nx_model_options_init() : fills `opts` with the defaults above. */
NX_API void nx_model_options_init(nx_model_options *opts);

/*! nx_model_load() : loads and compiles a model.
 *  The gazetteers come from the directory's compiled model file,
 *  `nerx.model`, mapped read-only (and shared by every process that maps
 *  it) when it is newer than every *.tsv and patterns/ *.pat file there and
 *  was made from the same *.tsv files by this format version; otherwise
 *  they are compiled from the *.tsv files, and the result is saved as
 *  `nerx.model` for the next load (atomically; skipped without a word when
 *  the directory is not writable). With extra_files the model is always
 *  compiled in memory and never saved.
 *  @return NX_OK and sets *out (free with nx_model_free()), or an error with
 *  `err` (may be NULL) saying which file and line failed. */
NX_API nx_status nx_model_load(const nx_model_options *opts, nx_model **out, nx_error *err);
NX_API void nx_model_free(nx_model *model);

/*! nx_model_compile() : compiles the gazetteer directory (opts->gazetteer_dir
 *  or the default, found as nx_model_load() finds it) into DIR/nerx.model,
 *  replacing any old one atomically. opts->extra_files must be empty.
 *  @return NX_OK; NX_ERR_ARG with extra files; NX_ERR_IO when the directory
 *  cannot be read or the file written; gazetteer errors as nx_model_load().
 *  `err` (may be NULL) names the file. */
NX_API nx_status nx_model_compile(const nx_model_options *opts, nx_error *err);

/*! nx_model_gazetteer_dir() : @return the directory the model was loaded
 *  from (NULL for a NULL model). */
NX_API const char *nx_model_gazetteer_dir(const nx_model *model);
/*! nx_model_entry_count() : @return the number of gazetteer entries loaded
 *  (0 for a NULL model). */
NX_API size_t nx_model_entry_count(const nx_model *model);

/* ---------------------------------------------------------------------------
 * Extraction.
 */
typedef enum nx_date_order {
    NX_DATE_ORDER_MDY = 0, /* 07/05/2024 is July 5 (US, the default) */
    NX_DATE_ORDER_DMY = 1  /* 07/05/2024 is 7 May */
} nx_date_order;

typedef struct nx_options {
    /* Document creation time, "YYYY-MM-DD" (or NULL): used to resolve
     * partial and relative dates. When NULL, nerx looks for a dateline at the
     * top of the text. */
    const char *dct;
    /* Where `dct` came from, reported with the document (nx_document_dct):
     * NULL means "option"; the batch sets "record" for a JSON Lines record's
     * own date. */
    const char *dct_source;
    nx_date_order date_order;
    /* Emit title mentions only when they describe a named person (the
     * annotation convention of news gold standards). Default 1. */
    int attached_titles_only;
    /* Time each stage of the pipeline (nx_document_stage_seconds()). Default 0. */
    int time_stages;
    /* Input fields kept with the document (nx_document_fields()): n_fields
     * name/value pairs, fields[2k] the name and fields[2k + 1] the value,
     * copied. Default none. */
    const char *const *fields;
    size_t n_fields;
    /* A document longer than this many bytes is extracted in windows of at
     * most this size, cut at paragraph breaks, and their results merged
     * (entities by key, facts by identity), so its working memory is one
     * window's: coreference does not link across windows. 0: never.
     * Default NX_WINDOW_BYTES. */
    size_t window_bytes;
} nx_options;

/* The default window: longer than any news article, small enough that a
 * window's working memory stays in the tens of megabytes. */
#define NX_WINDOW_BYTES ((size_t)1 << 17)

/*! nx_options_init() : fills `opts` with the defaults. */
NX_API void nx_options_init(nx_options *opts);

/*! nx_is_date() : @return 1 when `s` is a calendar date written YYYY-MM-DD,
 *  the form nx_options.dct takes (nx_extract() refuses any other), else 0. */
NX_API int nx_is_date(const char *s);

typedef struct nx_document nx_document;

/*! nx_extract() : runs the whole pipeline on `len` bytes of `text`.
 *  `id` names the document in its output and messages (may be NULL); `text`
 *  may be NULL when `len` is 0; `opts` may be NULL (the defaults). A NULL
 *  model or `out` is NX_ERR_ARG.
 *  @return NX_OK and *out (free with nx_document_free()); NX_ERR_EMPTY for a
 *  text with nothing but white space; NX_ERR_BINARY for binary data;
 *  NX_ERR_ARG for a malformed dct; `err` (may be NULL) gets the message.
 *  Invalid UTF-8 is not an error: the bytes are replaced for processing,
 *  offsets still point into `text`, and the document carries a warning. */
NX_API nx_status nx_extract(const nx_model *model, const char *text, size_t len, const char *id,
                            const nx_options *opts, nx_document **out, nx_error *err);
NX_API void nx_document_free(nx_document *doc);

/* The pipeline's stages, in the order nx_extract() runs them. */
enum { NX_MAX_STAGES = 16 };
/*! nx_stage_count() : @return the number of stages (at most NX_MAX_STAGES). */
NX_API size_t nx_stage_count(void);
/*! nx_stage_name() : @return the name of stage i ("tokenize", ...), or NULL. */
NX_API const char *nx_stage_name(size_t i);

/* ---------------------------------------------------------------------------
 * Reading a document. Arrays are owned by the document.
 */
/* The types of mentions and entities: X(ID, "schema name"), one line each;
 * the enum and nx_type_name() are generated from this list. */
#define NX_TYPE_LIST(X)             \
    X(PERSON, "person")             \
    X(ORGANIZATION, "organization") \
    X(PLACE, "place")               \
    X(DATE, "date")                 \
    X(TITLE, "title")               \
    X(TIME, "time")                 \
    X(DURATION, "duration")         \
    X(SET, "set")                   \
    X(NATIONALITY, "nationality")

#define NX_TYPE_ENUM_(id, name) NX_##id,
typedef enum nx_type { NX_TYPE_LIST(NX_TYPE_ENUM_) NX_TYPE_COUNT } nx_type;
#undef NX_TYPE_ENUM_

/*! nx_type_name() : @return the schema name of a type ("person", ...). */
NX_API const char *nx_type_name(nx_type type);

typedef struct nx_mention {
    nx_type type;
    size_t start, end;           /* code points, end exclusive */
    size_t byte_start, byte_end; /* bytes, end exclusive */
    const char *text;            /* NUL-terminated copy of the span */
    const char *value;           /* normalised value (dates, titles) or NULL */
    const char *rule;            /* rule or gazetteer that produced it */
    long entity;                 /* index into the entities, or -1 */
} nx_mention;

typedef struct nx_entity {
    nx_type type;
    const char *name;             /* the fullest form */
    const char *const *aliases;   /* other surface forms */
    size_t n_aliases;
    const size_t *mentions;       /* indexes into the mentions */
    size_t n_mentions;
    /* The same in every document and every run: the gazetteer entry's first
     * external id ("geonames:1526273", "iso3166:KZ", "cik:0000320193",
     * "domain:xjtu.edu.cn", "partyfacts:986", "wikidata:Q7184") when one of
     * its mentions is such an entry, else the type and the name folded to
     * a slug ("org:xian-jiaotong-university", "person:zhang-liqun"). */
    const char *key;
    const char *kind;             /* the gazetteer's kind (city, country, university, party ...) or NULL */
    const char *country;          /* the gazetteer's ISO 3166-1 alpha-2 country code, or NULL */
    const char *const *ids;       /* every external id the gazetteer gives (key first when any) */
    size_t n_ids;
} nx_entity;

/* A relation's argument: the entity or mention that fills one role. */
typedef struct nx_argument {
    const char *role;             /* "person", "title", "organization" */
    long entity;                  /* entity index, or -1 (a title; a role the text fills with no entity) */
    long mention;                 /* mention index, or -1 when the text names none */
} nx_argument;

/* A fact the text states: a type, its arguments named by role (in the
 * type's order), the value it states, the evidence and the rule.
 *   holds_title: person (entity), title (a mention; the normalised title is
 *   the relation's value), organization (entity, or entity -1 and mention -1
 *   when the text names none).
 *   affiliated_with: person (entity), organization (entity): the text ties
 *   the person to the organisation without a title (no value; status is
 *   "current"). */
typedef struct nx_relation {
    const char *type;             /* "holds_title", "affiliated_with" */
    const nx_argument *arguments;
    size_t n_arguments;
    const char *value;            /* the normalised value stated (holds_title: the title), or NULL */
    const char *value_role;       /* the role whose value that is ("title"), or NULL */
    const char *status;           /* "current", "former" or "future" */
    const size_t *mentions;       /* supporting mention indexes, in text order */
    size_t n_mentions;
    size_t start, end;            /* code points bounding the evidence */
    const char *rule;             /* the rule that found it */
} nx_relation;

/*! nx_relation_argument() : @return the argument of `r` with role `role`
 *  ("person", ...), or NULL when the relation type has no such role (or `r`
 *  or `role` is NULL). */
NX_API const nx_argument *nx_relation_argument(const nx_relation *r, const char *role);

NX_API const char *nx_document_id(const nx_document *doc);
/*! @return the dct used ("YYYY-MM-DD") or NULL, and in *source where it came
 *  from: "option", "record" (a JSON Lines record's field), "dateline" (a date
 *  at the top of the article) or NULL. */
NX_API const char *nx_document_dct(const nx_document *doc, const char **source);
NX_API const nx_mention *nx_document_mentions(const nx_document *doc, size_t *count);
NX_API const nx_entity *nx_document_entities(const nx_document *doc, size_t *count);
NX_API const nx_relation *nx_document_relations(const nx_document *doc, size_t *count);
/*! @return the seconds each stage took for this document (nx_stage_count()
 *  values, in stage order), or NULL unless nx_options.time_stages was set. */
NX_API const double *nx_document_stage_seconds(const nx_document *doc);
/*! @return the input fields kept with the document (nx_options.fields):
 *  *count name/value pairs, [2k] the name and [2k + 1] the value. */
NX_API const char *const *nx_document_fields(const nx_document *doc, size_t *count);
/*! @return the warnings raised while processing (e.g. invalid UTF-8). */
NX_API const char *const *nx_document_warnings(const nx_document *doc, size_t *count);
/*! @return the text the mentions' byte offsets index (*len bytes, then a NUL):
 *  the input as valid UTF-8, each invalid byte replaced by 0x1A; NULL for a
 *  document longer than nx_options.window_bytes, whose text is not kept. */
NX_API const char *nx_document_text(const nx_document *doc, size_t *len);

/* ---------------------------------------------------------------------------
 * Writing (schema v1, see docs/output-schema.md).
 */
enum { NX_WRITE_PRETTY = 1 };

/*! nx_document_to_json() : the document as one JSON object.
 *  @return a NUL-terminated string to free with nx_free(), or NULL when out
 *  of memory or `doc` is NULL. Without NX_WRITE_PRETTY it is a single line with no newline. */
NX_API char *nx_document_to_json(const nx_document *doc, int flags);
/*! nx_error_to_json() : the error record {"id": id, "error": message}
 *  (a NULL id or message is written as "").
 *  @return a string to free with nx_free(), or NULL when out of memory. */
NX_API char *nx_error_to_json(const char *id, const char *message, int flags);
NX_API void nx_free(void *p);

/* ---------------------------------------------------------------------------
 * Input: files, directories, JSON Lines and standard input, as a stream of
 * records. A reader owns its records until the next nx_reader_next().
 */
typedef enum nx_input_format {
    NX_INPUT_AUTO = 0, /* by extension (.jsonl, .ndjson) or, for stdin, content */
    NX_INPUT_TEXT,
    NX_INPUT_JSONL
} nx_input_format;

/* The size limit on every input (NX_MAX_INPUT_BYTES unless
 * max_document_bytes says otherwise): a plain-text document, a JSON Lines
 * line, a gazetteer file. Larger inputs are an error record (a gazetteer:
 * a load error), never read further into memory. */
#define NX_MAX_INPUT_BYTES ((size_t)64 << 20)

typedef void (*nx_message_fn)(void *user, const char *doc_id, const char *level, const char *message);

typedef struct nx_input_options {
    nx_input_format format;
    const char *id_field;   /* JSON Lines field names; defaults "id", "text" */
    const char *text_field;
    const char *dct_field;  /* the only field the dct is read from; NULL (the
                             * default): "dct", then "date" when it is absent */
    size_t max_document_bytes; /* larger documents and lines are an error record (0: NX_MAX_INPUT_BYTES) */
    nx_message_fn on_message; /* warnings about the inputs themselves (a directory
                               * with no documents, a FIFO skipped); may be NULL */
    void *user;
    /* JSON Lines fields to keep with each record (nx_record.fields): their
     * string values pass through to the output. Default none. The array
     * and its names must outlive the reader. */
    const char *const *keep_fields;
    size_t n_keep_fields;
} nx_input_options;

NX_API void nx_input_options_init(nx_input_options *opts);

typedef struct nx_record {
    const char *id;     /* never NULL; a JSON Lines id another input file gave first is "FILE:id" */
    const char *text;   /* NULL when `status` is an error */
    size_t len;
    const char *dct;    /* from the record, or NULL */
    int from_text_file; /* 1 for plain text (file or stdin), 0 for JSON Lines */
    nx_status status;   /* NX_OK, or why this record could not be read */
    const char *error;  /* message when status != NX_OK */
    /* The kept fields the record has as strings (nx_input_options.keep_fields,
     * in that order): n_fields name/value pairs, as nx_options.fields. */
    const char *const *fields;
    size_t n_fields;
    const char *warning; /* what the reader changed or ignored (a NUL character,
                          * an unusable dct), or NULL */
    size_t input_bytes; /* bytes of the inputs read since the previous record
                         * (read in blocks, so for progress, not for offsets) */
} nx_record;

typedef struct nx_reader nx_reader;

/*! nx_reader_open() : a reader over `paths` in order: files, directories
 *  (walked recursively for *.txt, *.jsonl and *.ndjson, in name order) and
 *  "-" for standard input; no paths means standard input (`paths` may then
 *  be NULL).
 *  @return NX_OK and *out (free with nx_reader_free()). A path that does not
 *  exist is not fatal: it becomes an error record in its place. */
NX_API nx_status nx_reader_open(const char *const *paths, size_t n_paths,
                                const nx_input_options *opts, nx_reader **out, nx_error *err);
/*! nx_reader_next() : the next record. @return NX_OK (look at rec->status),
 *  or NX_ERR_END when all inputs are read; NX_ERR_ARG for a NULL reader or
 *  record. */
NX_API nx_status nx_reader_next(nx_reader *reader, nx_record *rec);
/*! nx_reader_single_text() : 1 when the inputs are exactly one plain-text
 *  document (one text file, or standard input holding plain text). */
NX_API int nx_reader_single_text(nx_reader *reader);
/*! nx_reader_size() : the bytes of all the inputs (compressed files counted
 *  as they are on disk), or 0 when one has no size (standard input, a FIFO). */
NX_API size_t nx_reader_size(const nx_reader *reader);
NX_API void nx_reader_free(nx_reader *reader);

/* ---------------------------------------------------------------------------
 * Batch: extract every record of a reader with N threads, writing one JSON
 * object per document, in input order.
 */
struct nx_batch_stats;

typedef struct nx_batch_options {
    int threads;            /* worker threads (1..256); default 1 */
    const char *format;     /* output format: "json" (the default; NULL means it), "jsonl", or a graph:
                               "ntriples", "turtle", "jsonld" (docs/graph.md) */
    const char *base_iri;   /* graph formats: the IRI every node's starts with; NULL: NX_DEFAULT_BASE_IRI */
    int pretty;             /* pretty-print (single documents) */
    int array;              /* write the records as the elements of one JSON array */
    nx_options extract;     /* per-document options; a record's dct wins over extract.dct */
    nx_message_fn on_message; /* errors and warnings, per document; may be NULL */
    void *user;
    /* called after each record is written, with the counts so far (never
     * from two threads at once); may be NULL */
    void (*on_progress)(void *user, const struct nx_batch_stats *stats);
} nx_batch_options;

typedef struct nx_batch_stats {
    size_t documents; /* records read */
    size_t input_bytes; /* bytes of input they took (nx_record.input_bytes) */
    size_t failed;    /* records that became error records */
    size_t warnings;
    /* With extract.time_stages: seconds spent in each stage (nx_stage_name()),
     * summed over all documents and threads, and in rendering the output. */
    double stage_seconds[NX_MAX_STAGES];
    double write_seconds;
} nx_batch_stats;

NX_API void nx_batch_options_init(nx_batch_options *opts);
/*! nx_batch_run() : @return NX_OK when every record was read and written
 *  (records that failed are counted in stats->failed and written as error
 *  records), NX_ERR_IO when writing `out` failed, NX_ERR_ARG for bad options
 *  (an unknown format among them, a NULL model, reader or `out`; NULL
 *  `opts` are the defaults, a NULL `stats` is not wanted). */
NX_API nx_status nx_batch_run(const nx_model *model, nx_reader *reader, const nx_batch_options *opts,
                              FILE *out, nx_batch_stats *stats);

#ifdef __cplusplus
}
#endif
#endif /* NERX_H */
