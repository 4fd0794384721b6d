#include <nerx.h>
#include <stdio.h>
#include <string.h>

int main(void) {
    const char *text = "Zhang Liqun, president of Xi'an Jiaotong University, met Kazakh officials.";
    nx_model *model;
    nx_document *doc;
    if (nx_model_load(NULL, &model, NULL) != NX_OK) return 1;
    if (nx_extract(model, text, strlen(text), "demo", NULL, &doc, NULL) == NX_OK) {
        size_t n;
        const nx_entity *e = nx_document_entities(doc, NULL);
        const nx_relation *r = nx_document_relations(doc, &n);
        for (size_t i = 0; i < n; i++)
            printf("%s(%s, %s)\n", r[i].type, e[nx_relation_argument(&r[i], "person")->entity].name,
                   r[i].value ? r[i].value : "-");
        nx_document_free(doc);
    }
    nx_model_free(model);
    return 0;
}
