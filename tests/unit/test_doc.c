/* test_doc.c: the document's owner (doc.c) and the registries its spans and
 * relations name: spans keep their index while the document grows, a drop
 * or a retype is seen by the seal, the seal orders the spans once; every
 * registry name is unique and found back; relations deduplicate. */
#include "check.h"
#include "doc.h"
#include "model.h"
#include "model_fixture.h"
#include "relations.h"

/* A document at the start of the growing phase: the text tokenized (no
 * gazetteer or pattern matches, which these tests do not need). */
static nx_document *grown_doc(const nx_model *model, const char *text) {
    nx_document *doc = calloc(1, sizeof *doc);
    nx_arena_init(&doc->arena);
    doc->model = model;
    nx_options_init(&doc->opts);
    CHECK_INT(nx_text_prepare(&doc->arena, text, strlen(text), &doc->text), NX_OK);
    CHECK_INT(nx_tokenize(&doc->arena, &doc->text, &model->lex, &doc->toks), NX_OK);
    doc->phase = NX_PHASE_GROWING;
    return doc;
}

static void test_spans(const nx_model *model) {
    nx_document *doc = grown_doc(model, "Zhang Liqun met Kanat Abdrakhmanov in Astana on Monday.");
    /* tokens: Zhang Liqun met Kanat Abdrakhmanov in Astana on Monday . */
    int32_t astana = nx_doc_add_span(doc, 6, 7, NX_PLACE, NX_RULE_GAZETTEER, 0);
    int32_t zhang = nx_doc_add_span(doc, 0, 2, NX_PERSON, NX_RULE_PERSON_FAMILY_NAME_FIRST, 0);
    int32_t kanat = nx_doc_add_span(doc, 3, 5, NX_ORGANIZATION, NX_RULE_ORG_HEAD_WORD, 0);
    int32_t met = nx_doc_add_span(doc, 2, 3, NX_PERSON, NX_RULE_PERSON_SPEECH_VERB, 0);
    CHECK(astana == 0 && zhang == 1 && kanat == 2 && met == 3);
    SPAN(doc, astana)->canon = "Astana";
    SPAN(doc, astana)->kind = "city";
    /* indexes stay valid while the document grows */
    nx_doc_drop_span(doc, met);
    CHECK_INT(SPAN(doc, zhang)->t0, 0);
    CHECK(SPAN(doc, met)->flags & NX_SPAN_DROPPED);
    nx_doc_retype_span(doc, kanat, NX_PERSON, NX_RULE_COREF_SAME_NAME, 0);
    CHECK_INT(SPAN(doc, kanat)->type, NX_PERSON);
    CHECK_STR(nx_doc_rule_name(doc, (nx_rule)SPAN(doc, kanat)->rule, 0), "coref:same-name");
    /* a team named after its city keeps the city's name, not its kind */
    nx_doc_retype_span(doc, astana, NX_ORGANIZATION, NX_RULE_ORG_SPORTS_TEAM, 1);
    CHECK_STR(SPAN(doc, astana)->canon, "Astana");
    CHECK(SPAN(doc, astana)->kind == NULL);
    CHECK_INT(nx_doc_seal(doc, NULL), NX_OK);
    /* the dropped span is gone and the rest are in text order */
    CHECK_INT(doc->spans.count, 3);
    CHECK_INT(SPAN(doc, 0)->t0, 0);
    CHECK_INT(SPAN(doc, 1)->t0, 3);
    CHECK_INT(SPAN(doc, 2)->t0, 6);
    CHECK_INT(SPAN(doc, 0)->b1, 11); /* "Zhang Liqun" */
    CHECK_STR(nx_doc_span_text(doc, SPAN(doc, 1)), "Kanat Abdrakhmanov");
    nx_document_free(doc);
}

/* The seal orders by start, longest first, and keeps spans of the same
 * extent in the order they were made (enough of them for a merge). */
static void test_seal_order(const nx_model *model) {
    nx_document *doc = grown_doc(model, "a b c d e f g h i j k l m n o p q r s t u v w x y z");
    uint16_t made = 0;
    /* backwards, three rounds: rounds 0 and 2 make the same extents */
    for (uint32_t round = 0; round < 3; round++)
        for (uint32_t t = 26; t-- > 0;) {
            uint32_t t1 = t + 1 + (t + round % 2) % 3;
            int32_t k = nx_doc_add_span(doc, t, t1 < 26 ? t1 : 26, NX_PERSON, NX_RULE_PERSON_TITLE_BEFORE, 0);
            SPAN(doc, k)->rule_src = made++;
            if (t % 7 == 3) nx_doc_drop_span(doc, k);
        }
    CHECK_INT(nx_doc_seal(doc, NULL), NX_OK);
    CHECK_INT(doc->spans.count, 3 * (26 - 4));
    for (size_t i = 1; i < doc->spans.count; i++) {
        const nx_span *a = SPAN(doc, i - 1), *b = SPAN(doc, i);
        CHECK(a->b0 < b->b0 || (a->b0 == b->b0 && a->b1 > b->b1) ||
              (a->b0 == b->b0 && a->b1 == b->b1 && a->rule_src < b->rule_src));
    }
    nx_document_free(doc);
}

/* A new span is its arguments and nothing else (no flags, names or
 * entity), at the index it returns, whether it fits in the room the
 * vector has (doc.c nx_doc_add_span, no call) or makes it grow (the first
 * span, and the ones past a span per eight tokens and past the double);
 * the spans before keep what they are. */
static void test_span_growth(const nx_model *model) {
    nx_document *doc = grown_doc(model, "a b c d e f g h i j k l m n o p q r s t u v w x y z");
    for (uint32_t i = 0; i < 100; i++) {
        uint32_t t0 = i % 26, t1 = t0 + 1 + (t0 + i % 3 < 26 ? i % 3 : 0);
        CHECK_INT(nx_doc_add_span(doc, t0, t1, (nx_type)(i % 3), NX_RULE_PERSON_TITLE_BEFORE, (uint16_t)(i + 7)), (int32_t)i);
        const nx_span *s = SPAN(doc, i);
        CHECK(s->t0 == t0 && s->t1 == t1 && s->b0 == 2 * t0 && s->b1 == 2 * t1 - 1);
        CHECK(s->type == i % 3 && s->rule == NX_RULE_PERSON_TITLE_BEFORE && s->rule_src == i + 7 && s->entity == -1);
        CHECK(s->status == 0 && s->flags == 0 && !s->value && !s->canon && !s->country && !s->kind && !s->xid && !s->text);
        nx_doc_drop_span(doc, (int32_t)i);
    }
    CHECK_INT(doc->spans.count, 100);
    for (uint32_t i = 0; i < 100; i++)
        CHECK(SPAN(doc, i)->t0 == i % 26 && SPAN(doc, i)->rule_src == i + 7 && SPAN(doc, i)->flags == NX_SPAN_DROPPED);
    nx_document_free(doc);
}

/* Every registry name is unique and non-empty, and the lookups find it. */
static void test_registry(void) {
    for (int i = 1; i < NX_RULE_COUNT; i++) {
        CHECK(nx_rule_name((nx_rule)i)[0] != '\0');
        CHECK(nx_rule_doc((nx_rule)i)[0] != '\0');
        for (int j = 1; j < i; j++) CHECK(strcmp(nx_rule_name((nx_rule)i), nx_rule_name((nx_rule)j)) != 0);
    }
    for (int i = 0; i < NX_G_CLASS_COUNT; i++) {
        const char *n = nx_gclass_name((nx_gclass)i);
        CHECK_INT(nx_gclass_from_name(n, strlen(n)), i);
    }
    CHECK_INT(nx_gclass_from_name("organisation", 12), NX_G_ORG);
    CHECK_INT(nx_gclass_from_name("nonsense", 8), -1);
    CHECK_INT(nx_case_from_name("cap", 3), NX_CASE_CAP);
    CHECK_INT(nx_status_from_name("former", 6), NX_STATUS_FORMER);
    CHECK_INT(nx_status_from_name("bogus", 5), NX_STATUS_NONE);
    CHECK_STR(nx_status_name(NX_STATUS_NONE), "current");
    CHECK_INT(nx_pat_type_from_name("skip", 4), NX_PAT_SKIP);
    CHECK_STR(nx_pat_type_rule_prefix(NX_PAT_DURATION), "date");
    CHECK_STR(nx_group_names[NX_GRP_MD2], "md2");
    CHECK_STR(nx_type_name(NX_ORGANIZATION), "organization");
    CHECK_STR(nx_rel_type_name(NX_REL_HOLDS_TITLE), "holds_title");
    /* every relation type has a family whose roles fit in a relation */
    for (int t = 0; t < NX_REL_TYPE_COUNT; t++) {
        const nx_relation_family *f = nx_relation_family_of((nx_rel_type)t);
        CHECK(f != NULL && f->n_roles <= NX_REL_MAX_ARGS && f->find != NULL);
    }
}

/* A fact stated twice is one fact; one without its organisation adds
 * nothing to the same fact with one. */
static void test_dedupe(const nx_model *model) {
    nx_document *doc = grown_doc(model, "President Zhang of XJTU; President Zhang; Dean Zhang");
    /* tokens: President Zhang of XJTU ; President Zhang ; Dean Zhang */
    int32_t t1 = nx_doc_add_span(doc, 0, 1, NX_TITLE, NX_RULE_GAZETTEER, 0);
    int32_t p1 = nx_doc_add_span(doc, 1, 2, NX_PERSON, NX_RULE_PERSON_TITLE_BEFORE, 0);
    int32_t o1 = nx_doc_add_span(doc, 3, 4, NX_ORGANIZATION, NX_RULE_ORG_ACRONYM_SHAPE, 0);
    int32_t t2 = nx_doc_add_span(doc, 5, 6, NX_TITLE, NX_RULE_GAZETTEER, 0);
    int32_t p2 = nx_doc_add_span(doc, 6, 7, NX_PERSON, NX_RULE_PERSON_TITLE_BEFORE, 0);
    int32_t t3 = nx_doc_add_span(doc, 8, 9, NX_TITLE, NX_RULE_GAZETTEER, 0);
    int32_t p3 = nx_doc_add_span(doc, 9, 10, NX_PERSON, NX_RULE_PERSON_TITLE_BEFORE, 0);
    SPAN(doc, t1)->value = SPAN(doc, t2)->value = "president";
    SPAN(doc, t3)->value = "dean";
    CHECK_INT(nx_doc_seal(doc, NULL), NX_OK);
    doc->phase = NX_PHASE_LINKED;
    /* one person entity (0), one organisation (1) */
    nx_doc_set_entity(doc, (uint32_t)p1, 0);
    nx_doc_set_entity(doc, (uint32_t)p2, 0);
    nx_doc_set_entity(doc, (uint32_t)p3, 0);
    nx_doc_set_entity(doc, (uint32_t)o1, 1);
    const int32_t facts[][3] = {{p2, t2, -1}, {p1, t1, o1}, {p1, t1, o1}, {p3, t3, -1}, {p3, t3, -1}};
    for (size_t i = 0; i < 5; i++) {
        nx_rel r = {.type = NX_REL_HOLDS_TITLE, .n_args = 3, .value = SPAN(doc, facts[i][1])->value,
                    .args = {{NX_ROLE_PERSON, facts[i][0]}, {NX_ROLE_TITLE, facts[i][1]}, {NX_ROLE_ORGANIZATION, facts[i][2]}}};
        CHECK_INT(nx_rel_add(doc, &r), 0);
    }
    /* the titles are taken: the finders add nothing to these five */
    nx_doc_mark_attached(doc, (uint32_t)t1);
    nx_doc_mark_attached(doc, (uint32_t)t2);
    nx_doc_mark_attached(doc, (uint32_t)t3);
    CHECK_INT(nx_relations(doc, NULL), NX_OK);
    CHECK_INT(doc->rels.count, 2);
    const nx_rel *a = &NX_VEC_AT(&doc->rels, nx_rel, 0), *b = &NX_VEC_AT(&doc->rels, nx_rel, 1);
    CHECK_STR(a->value, "president");
    CHECK_INT(a->args[2].span, o1);
    CHECK_STR(b->value, "dean");
    nx_document_free(doc);
}

int main(void) {
    nx_model *model = load_test_model();
    CHECK(model != NULL);
    if (!model) return check_result("doc");
    test_spans(model);
    test_seal_order(model);
    test_span_growth(model);
    test_registry();
    test_dedupe(model);
    nx_model_free(model);
    return check_result("doc");
}
