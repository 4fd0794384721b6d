/* registry.c: the name tables and lookups generated from registry.h. */
#include "registry.h"

#include <string.h>

#include "nerx.h"

static int name_is(const char *name, const char *s, size_t len) {
    return strlen(name) == len && memcmp(name, s, len) == 0;
}

#define NAME_(id, name, ...) name,
#define DOC_(id, name, doc) doc,

static const char *const rule_names[NX_RULE_COUNT] = {NX_RULE_LIST(NAME_)};
static const char *const rule_docs[NX_RULE_COUNT] = {NX_RULE_LIST(DOC_)};

const char *nx_rule_name(nx_rule r) { return (unsigned)r < NX_RULE_COUNT ? rule_names[r] : ""; }
const char *nx_rule_doc(nx_rule r) { return (unsigned)r < NX_RULE_COUNT ? rule_docs[r] : ""; }

static const char *const rel_type_names[NX_REL_TYPE_COUNT] = {NX_REL_TYPE_LIST(NAME_)};
static const char *const role_names[NX_ROLE_COUNT] = {NX_ROLE_LIST(NAME_)};

const char *nx_rel_type_name(nx_rel_type t) { return (unsigned)t < NX_REL_TYPE_COUNT ? rel_type_names[t] : ""; }
const char *nx_role_name(nx_role r) { return (unsigned)r < NX_ROLE_COUNT ? role_names[r] : ""; }

static const char *const gclass_names[NX_G_CLASS_COUNT] = {NX_GCLASS_LIST(NAME_)};

const char *nx_gclass_name(nx_gclass c) { return (unsigned)c < NX_G_CLASS_COUNT ? gclass_names[c] : "?"; }

int nx_gclass_from_name(const char *s, size_t len) {
    for (int i = 0; i < NX_G_CLASS_COUNT; i++)
        if (name_is(gclass_names[i], s, len)) return i;
    if (name_is("organisation", s, len)) return NX_G_ORG;
    return -1;
}

static const char *const case_names[NX_CASE_COUNT] = {NX_CASE_LIST(NAME_)};

int nx_case_from_name(const char *s, size_t len) {
    for (int i = 0; i < NX_CASE_COUNT; i++)
        if (name_is(case_names[i], s, len)) return i;
    return -1;
}

static const char *const status_names[NX_STATUS_COUNT] = {NX_STATUS_LIST(NAME_)};

const char *nx_status_name(nx_title_status s) { return (unsigned)s < NX_STATUS_COUNT ? status_names[s] : "current"; }

nx_title_status nx_status_from_name(const char *s, size_t len) {
    for (int i = NX_STATUS_CURRENT; i < NX_STATUS_COUNT; i++)
        if (name_is(status_names[i], s, len)) return (nx_title_status)i;
    return NX_STATUS_NONE;
}

#define PAT_NAME_(id, name, span, prefix) name,
#define PAT_PREFIX_(id, name, span, prefix) prefix,
static const char *const pat_type_names[NX_PAT_TYPE_COUNT] = {NX_PAT_TYPE_LIST(PAT_NAME_)};
static const char *const pat_type_prefixes[NX_PAT_TYPE_COUNT] = {NX_PAT_TYPE_LIST(PAT_PREFIX_)};

int nx_pat_type_from_name(const char *s, size_t len) {
    for (int i = 0; i < NX_PAT_TYPE_COUNT; i++)
        if (name_is(pat_type_names[i], s, len)) return i;
    return -1;
}

const char *nx_pat_type_rule_prefix(nx_pat_type t) {
    return (unsigned)t < NX_PAT_TYPE_COUNT ? pat_type_prefixes[t] : "";
}

const char *const nx_group_names[NX_GRP_COUNT] = {NX_GROUP_LIST(NAME_)};
