/*
 * registry.h: every closed set of names nerx uses, each written once as an
 * X-macro list (as jq's opcode_list.h): the enum, the name table and the
 * name lookup are all generated from the one line per member, so adding a
 * rule, a gazetteer class or a pattern group is one line here.
 *
 * The entity types (nx_type) are public and listed in nerx.h (NX_TYPE_LIST).
 */
#ifndef NX_REGISTRY_H
#define NX_REGISTRY_H

#include <stddef.h>
#include <stdint.h>

/* ---- rules ------------------------------------------------------------------
 * Every span and relation names the rule that made it. X(ID, "name", "what it
 * means"). Two are families whose full name comes from the model: a gazetteer
 * entry is "gazetteer:<file stem>" and a pattern "date:<name>" or
 * "skip:<name>" (nx_model_rule_name() in model.h). */
#define NX_RULE_LIST(X)                                                                                              \
    X(NONE, "", "no rule")                                                                                            \
    X(GAZETTEER, "gazetteer", "an entry of a gazetteer file: gazetteer:<file stem>")                                  \
    X(PATTERN, "pattern", "a temporal or skip pattern of a .pat file: date:<name>, skip:<name>")                      \
    X(PERSON_TITLE_BEFORE, "person:title-before", "capitalised words after a title or honorific")                     \
    X(PERSON_PARTY_BEFORE, "person:party-before", "a given name and more after a party word: Democrat Carl Levin")    \
    X(PERSON_PHOTO_CAPTION, "person:photo-caption", "a name before a photo caption: Zhang Liqun (L)")                 \
    X(PERSON_TITLE_OF_ORG_BEFORE, "person:title-of-org-before", "after 'TITLE of ORG': the president of X Kuen Hsia") \
    X(PERSON_GIVEN_NAME, "person:given-name", "two or more words starting with a known given name")                   \
    X(PERSON_INITIAL, "person:initial", "two or more words starting with an initial: S. Waugh")                       \
    X(PERSON_FAMILY_NAME_FIRST, "person:family-name-first", "a family name written first: Zhang Liqun")              \
    X(PERSON_NAME_ENDING, "person:name-ending", "a word with a name ending: Kanseituly, Ivanov")                       \
    X(PERSON_TITLE_APPOSITION, "person:title-apposition", "a name followed by ', a TITLE'")                            \
    X(PERSON_TITLE_APPOSED, "person:title-apposed", "two or three name words between commas after 'the|ORG's TITLE': the bank's chief economist, Huw Pill,") \
    X(PERSON_TITLE_OF_AFTER, "person:title-of-after", "a name right before 'TITLE of ORG': Urho Kekkonen Prime Minister of Finland") \
    X(PERSON_COORDINATED, "person:coordinated", "two or three unknown name words after 'PERSON and': Ma Ying-jeou and Wu Poh-hsiung") \
    X(PERSON_LED_BY, "person:led-by", "two or three unknown name words after 'led|headed|founded by': the party led by Gough Whitlam") \
    X(PERSON_TITLE_PREDICATE, "person:title-predicate", "a name followed by 'was (appointed) TITLE': X was chairman")  \
    X(PERSON_NAMING_OBJECT, "person:naming-object", "two or three unknown name words between a naming verb and a title: Modi named Nirmala Sitharaman finance minister") \
    X(PERSON_SPEECH_VERB, "person:speech-verb", "a name followed by a speech or biographical verb: X said")           \
    X(PERSON_DEFINED, "person:defined", "a name a definition types as a person: X, an American actor")                \
    X(PLACE_DEFINED, "place:defined", "a name a definition types as a place: X is a village in Y")                    \
    X(ORG_DEFINED, "org:defined", "a name a definition types as an organisation: X is a rock band")                   \
    X(PLACE_IN_X_REGION, "place:in-x-region", "an unknown name between a place cue and ', REGION'")                   \
    X(ORG_SPORTS_TEAM, "org:sports-team", "in a sports report, a place or name that stands for a team")               \
    X(TITLE_BOARD_MEMBER, "title:board-member", "a member of an organisation's board: a member of the Bundesbank board") \
    X(TITLE_HYPHENATED, "title:hyphenated", "a title and a modifier in one hyphenated token: President-elect, then-Prime Minister, vice-chairman") \
    X(TITLE_MEMBER_ROLE, "title:member-role", "a membership noun as the role one takes: X was elected as an at-large member") \
    X(ORG_BEFORE_TITLE, "org:before-title", "an unknown name right before a title: Cofinec CEO")                      \
    X(ORG_HEAD_WORD, "org:head-word", "capitalised words closed by an organisation head word: X University")         \
    X(ORG_OF_COUNTRY, "org:of-country", "a known organisation, 'of' and a country: Nintendo of America, House of Commons of Canada") \
    X(PLACE_HEAD_WORD, "place:head-word", "capitalised words with a place head word: Lake Huron")                     \
    X(ACRONYM_DEFINED, "acronym:defined", "an acronym in parentheses after its expansion")                           \
    X(ACRONYM_INITIALS, "acronym:initials", "a word in capitals spelling the initials of an organisation named")      \
    X(ORG_ACRONYM_AFTER_TITLE, "org:acronym-after-title", "a word in capitals after 'TITLE of|at': rector of KAZNU") \
    X(ORG_AFTER_TITLE_OF, "org:after-title-of", "unknown names after 'TITLE of|at' that are no field: chief executive of UniCredit") \
    X(ORG_AFTER_PERSON_OF, "org:after-person-of", "unknown names after a person's 'of the': Emily Robison of the Dixie Chicks") \
    X(ORG_THE_HEAD_WORD, "org:the-head-word", "a capitalised organisation head alone after 'the': the Committee")     \
    X(ORG_LEGISLATURE, "org:legislature", "a legislature's head word alone: elected to Congress, Parliament voted")  \
    X(ORG_ACRONYM_SHAPE, "org:acronym-shape", "an unknown word in capitals of 3-6 letters: NAAFI")                    \
    X(ORG_AFTER_GENERIC_NOUN, "org:after-generic-noun", "a name right after a generic organisation noun: the law firm Baker McKenzie, rock band Nirvana") \
    X(COREF_SURNAME, "coref:surname", "a person's surname or given name alone, found again")                          \
    X(COREF_SAME_NAME, "coref:same-name", "a name found elsewhere in the document, found again")                     \
    X(HT_TITLE_BEFORE_NAME, "holds_title:title-before-name", "a title right before the name: President Zhang Liqun") \
    X(HT_TITLE_BEFORE_NAMES, "holds_title:title-before-names", "a plural title before names: Presidents A, B and C") \
    X(HT_APPOSITION, "holds_title:apposition", "a title apposed to the name: Zhang Liqun, president of XJTU")        \
    X(HT_COPULA, "holds_title:copula", "a copula or appointment verb: X is the president of Y")                       \
    X(HT_NAMED, "holds_title:named", "a naming verb before the name: named Thomas Burke president")                   \
    X(HT_POSSESSIVE_APPOSITION, "holds_title:possessive-apposition", "a possessed title apposed: X's spokesman, Y") \
    X(HT_RESPECTIVELY, "holds_title:respectively", "a plural title over two lists paired in order: the presidents of X and Y, A and B respectively") \
    X(HT_PLURAL_COPULA, "holds_title:plural-copula", "a plural title, a copula, names: the presidents have been A and B") \
    X(HT_LISTED_PREDICATE, "holds_title:listed-predicate", "a title in a list of predicates: X is the publisher of ..., chairman of Y") \
    X(HT_SUCCESSION, "holds_title:succession", "the predecessor's former title: X succeeds W as chief executive")    \
    X(HT_PREDECESSOR, "holds_title:predecessor", "the person a title holder succeeds or replaces held the title the document gave the successor: She succeeds W") \
    X(HT_SUCCEEDED_BY, "holds_title:succeeded-by", "the successor a passive succession verb names takes the titles the document gave the predecessor: Smith will be succeeded by Jones") \
    X(HT_SENTENCE_COUNTRY, "holds_title:sentence-country", "a national office with no organisation of its own: the one country its sentence names") \
    X(AW_POSSESSIVE, "affiliated_with:possessive", "an organisation's person: Google's Larry Page")                 \
    X(AW_OF, "affiliated_with:of", "a person of an organisation: Dilvo Ristoff of the Higher Secretariat")          \
    X(AW_VERB, "affiliated_with:verb", "an affiliation verb: X joined Y, X, who works for Y, X heads Y")             \
    X(AW_PRONOUN_VERB, "affiliated_with:pronoun-verb", "an affiliation verb after a pronoun opening its sentence, for the person named before: He joined Y") \
    X(AW_APPOSITION, "affiliated_with:apposition", "an apposition at an organisation: X, a student at Y")          \
    X(AW_PARENTHESIS, "affiliated_with:parenthesis", "an organisation alone in parentheses after a name: Felipe Gozon (GMA Network)") \
    X(AW_LED_BY, "affiliated_with:led-by", "an organisation led by a person: the party, led by X; Acme is run by X") \
    X(AW_MEMBER_BEFORE, "affiliated_with:member-before", "a membership noun between an organisation and a name: Microsoft co-founder Bill Gates") \
    X(AW_PERSON_POSSESSIVE, "affiliated_with:person-possessive", "a person's organisation: Yanukovych's Party of Regions") \
    X(AW_MEMBER, "affiliated_with:member", "a member (founder, employee) of an organisation: X, a member of Y")      \
    X(AW_PARTY_BEFORE_TITLE, "affiliated_with:party-before-title", "a party before a state office: Republican senator X")

#define NX_RULE_ENUM_(id, name, doc) NX_RULE_##id,
typedef enum nx_rule { NX_RULE_LIST(NX_RULE_ENUM_) NX_RULE_COUNT } nx_rule;
#undef NX_RULE_ENUM_

/* The name of a rule ("person:title-before"); for GAZETTEER and PATTERN the
 * family name only. */
const char *nx_rule_name(nx_rule r);
const char *nx_rule_doc(nx_rule r);

/* ---- relations ---------------------------------------------------------------
 * Relation types and the roles of their arguments (the families, with the
 * rules that find them, are registered in relations.c). X(ID, "name"). */
#define NX_REL_TYPE_LIST(X) X(HOLDS_TITLE, "holds_title") X(AFFILIATED_WITH, "affiliated_with")

#define NX_REL_TYPE_ENUM_(id, name) NX_REL_##id,
typedef enum nx_rel_type { NX_REL_TYPE_LIST(NX_REL_TYPE_ENUM_) NX_REL_TYPE_COUNT } nx_rel_type;
#undef NX_REL_TYPE_ENUM_

#define NX_ROLE_LIST(X)  \
    X(PERSON, "person") \
    X(TITLE, "title")   \
    X(ORGANIZATION, "organization")

#define NX_ROLE_ENUM_(id, name) NX_ROLE_##id,
typedef enum nx_role { NX_ROLE_LIST(NX_ROLE_ENUM_) NX_ROLE_COUNT } nx_role;
#undef NX_ROLE_ENUM_

const char *nx_rel_type_name(nx_rel_type t);
const char *nx_role_name(nx_role r);

/* ---- gazetteer classes --------------------------------------------------------
 * The `type` attribute of a gazetteer line; each class is also a token
 * feature bit (NX_FEAT). X(ID, "name", "what an entry of it is"). */
#define NX_GCLASS_LIST(X)                                                                                           \
    X(PERSON, "person", "a person's full name")                                                                      \
    X(ORG, "organization", "an organisation's name")                                                                 \
    X(PLACE, "place", "a place's name")                                                                              \
    X(TITLE, "title", "a job title or office: president, foreign minister")                                          \
    X(TITLE_MOD, "title-modifier", "a word before a title: vice, deputy, former")                                   \
    X(HONORIFIC, "honorific", "a form of address before a name: Dr., Mr.")                                          \
    X(GIVEN, "given", "a given name")                                                                                \
    X(SURNAME, "surname", "a family name")                                                                           \
    X(NAME_ENDING, "name-ending", "an ending of family names: -ov, -uly")                                           \
    X(ORG_HEAD, "org-head", "a word that closes an organisation's name: University, Ministry")                      \
    X(ORG_SUFFIX, "org-suffix", "a legal form closing a company's name: Inc., Ltd")                                 \
    X(PLACE_HEAD, "place-head", "a word of place names: Lake, Mount, River")                                        \
    X(DEMONYM, "demonym", "a nationality or demonym: Kazakh, French")                                               \
    X(STOP, "stop", "a common capitalised word that is no name: The, Among")                                        \
    X(MONTH, "month", "a month name")                                                                                \
    X(WEEKDAY, "weekday", "a weekday name")                                                                          \
    X(ABBREV, "abbreviation", "an abbreviation that keeps its period: Dr., Inc.")                                   \
    X(SPORT, "sport", "a word that makes a document a sports report: innings, goalkeeper")                          \
    X(PERSON_CUE, "person-cue", "a word after a name that marks a person: said, told")                              \
    X(PLACE_CUE, "place-cue", "a word before a name that marks a place: in, near")                                  \
    X(TEMPORAL, "temporal", "a word of temporal expressions, by kind: weeks, noon, yesterday")                      \
    X(MISC_HEAD, "misc-head", "a word that makes a capitalised phrase an event, award or work: Cup, Prize")         \
    X(PERSON_NOUN, "person-noun", "a common noun that says a name is a person: X, an American actor")                \
    X(ORG_NOUN, "org-noun", "a common noun that says a name is an organisation: X is a rock band")                  \
    X(PLACE_NOUN, "place-noun", "a common noun that says a name is a place: X is a village")                        \
    /* closed-class words, read by their role (gazetteers/function-words.tsv) */                                   \
    X(DETERMINER, "determiner", "opens a noun phrase before a title: the new chairman")                              \
    X(ARTICLE, "article", "an article: X, an American actor")                                                        \
    X(INDEFINITE, "indefinite", "an indefinite article: a Flemish journalist")                                       \
    X(DEFINITE, "definite", "the definite article: the Committee")                                                   \
    X(GENITIVE, "genitive", "the preposition of a part: the president of X")                                         \
    X(COMPLEMENT_LINKER, "complement-linker", "opens a head word's complement: Minister of X, Committee on Y")     \
    X(NAME_LINKER, "name-linker", "joins a head word to the rest of a name: Ministry of X, Center for Y")          \
    X(CONJUNCTION, "conjunction", "coordinates names or titles: chairman and chief executive")                      \
    X(NAME_PARTICLE, "name-particle", "a particle inside a person's name: van, bin, de")                            \
    X(FUNCTION_WORD, "function-word", "a closed-class word: its lower case says nothing of a headline")             \
    X(CAPTION_WORD, "caption-word", "a word of a photo caption: (L), (2nd R), (centre)")                            \
    X(AUXILIARY, "auxiliary", "between a name and a person cue: X was born, X has said")                             \
    X(COPULA, "copula", "the verb of a definition: X is a village")                                                  \
    X(TITLE_VERB, "title-verb", "before a title, says whom it describes: X became chairman, served as")            \
    X(NAMING_VERB, "naming-verb", "names a person to a title: the board named X president")                         \
    X(TITLE_ADJECTIVE, "title-adjective", "between a determiner and a title: the new chairman")                     \
    X(ORG_GENERIC, "org-generic", "a generic noun for the organisation of a title: company president")             \
    X(EMPLOYER_LINKER, "employer-linker", "between a title and its organisation: president of X, professor at Y")  \
    X(PLACEMENT_LINKER, "placement-linker", "places an organisation in a larger one: at the Secretariat of X")      \
    X(ACRONYM_LINKER, "acronym-linker", "between a title and an acronym: rector of KAZNU")                          \
    X(SUBJECT_PRONOUN, "subject-pronoun", "a pronoun for a person named before: he was appointed")                  \
    X(RELATIVE_PRONOUN, "relative-pronoun", "a relative pronoun after a name: X, who is chairman")                  \
    X(ROLE_MARKER, "role-marker", "introduces a role: as chairman")                                                 \
    X(STATE_TITLE, "state-title", "a title word a state or city confers: President, Governor, Mayor")              \
    X(AFFILIATION_VERB, "affiliation-verb", "ties a person to an organisation: X joined Y, X works for Y")          \
    X(WORKPLACE_LINKER, "workplace-linker", "places a person's role at an organisation: X, a student at Y")          \
    X(PARTY_WORD, "party-word", "a party named as an adjective before a title: Labour MP, Republican senator")       \
    X(FUTURE_MARKER, "future-marker", "puts the title after it in the future: X will become chairman")              \
    X(PAST_MARKER, "past-marker", "says the title after it is no longer held: X stepped down as chairman")           \
    X(VERB_PARTICLE, "verb-particle", "the particle of a verb before its 'as': X stepped down as chairman")            \
    X(COMPLEMENTIZER, "complementizer", "opens a clause after a verb: X says that it is ...")                        \
    X(SUCCESSION_VERB, "succession-verb", "the person after it held the title before: X succeeds W as chairman")       \
    X(MEMBERSHIP_NOUN, "membership-noun", "a person's membership before 'of ORG': a member of Bauhaus, co-founder of")  \
    X(AGENT_MARKER, "agent-marker", "names who does a passive verb: the party, led by X")                           \
    X(BOARD_WORD, "board-word", "a body whose member holds a seat: a member of the Bundesbank board")             \
    X(ORG_PRONOUN, "org-pronoun", "a possessive for an organisation: its chief executive; Syria, whose President") \
    X(TITLE_FIELD, "title-field", "a field in a title's 'of' part: Minister of Foreign Affairs, Dean of Academic Affairs")

#define NX_GCLASS_ENUM_(id, name, doc) NX_G_##id,
typedef enum nx_gclass { NX_GCLASS_LIST(NX_GCLASS_ENUM_) NX_G_CLASS_COUNT } nx_gclass;
#undef NX_GCLASS_ENUM_

const char *nx_gclass_name(nx_gclass c);
/* The class named s[0..len) ("organisation" is read as "organization"), or -1. */
int nx_gclass_from_name(const char *s, size_t len);

/* ---- case rules: how the text's case must agree with a gazetteer entry ---- */
#define NX_CASE_LIST(X)                                                          \
    X(FOLD, "fold", "any case")                                                  \
    X(EXACT, "exact", "exactly as the surface is written (acronyms: US, SCO)")   \
    X(CAP, "cap", "capitalised, any case after the first letter (March, not march)")

#define NX_CASE_ENUM_(id, name, doc) NX_CASE_##id,
typedef enum nx_case_rule { NX_CASE_LIST(NX_CASE_ENUM_) NX_CASE_COUNT } nx_case_rule;
#undef NX_CASE_ENUM_

/* The case rule named s[0..len), or -1. */
int nx_case_from_name(const char *s, size_t len);

/* ---- title status: the `status` of a title modifier, and of a title -------- */
#define NX_STATUS_LIST(X)                                  \
    X(NONE, "current", "no status word: read as current") \
    X(CURRENT, "current", "acting, incumbent")             \
    X(FORMER, "former", "former, ex-, outgoing")           \
    X(FUTURE, "future", "incoming, -elect, designate")

#define NX_STATUS_ENUM_(id, name, doc) NX_STATUS_##id,
typedef enum nx_title_status { NX_STATUS_LIST(NX_STATUS_ENUM_) NX_STATUS_COUNT } nx_title_status;
#undef NX_STATUS_ENUM_

/* "current", "former" or "future" (NONE reads as current). */
const char *nx_status_name(nx_title_status s);
/* The status a gazetteer `status=` value names; NONE when it names none. */
nx_title_status nx_status_from_name(const char *s, size_t len);

/* ---- patterns ----------------------------------------------------------------
 * Pattern types: the second column of a .pat line, and the span type a match
 * of it makes (skip: none, it only blocks its tokens).
 * X(ID, "name", span type, "rule prefix") */
#define NX_PAT_TYPE_LIST(X)                  \
    X(DATE, "date", NX_DATE, "date")         \
    X(TIME, "time", NX_TIME, "date")         \
    X(DURATION, "duration", NX_DURATION, "date") \
    X(SET, "set", NX_SET, "date")            \
    X(SKIP, "skip", NX_TYPE_COUNT, "skip")

#define NX_PAT_TYPE_ENUM_(id, name, span, prefix) NX_PAT_##id,
typedef enum nx_pat_type { NX_PAT_TYPE_LIST(NX_PAT_TYPE_ENUM_) NX_PAT_TYPE_COUNT } nx_pat_type;
#undef NX_PAT_TYPE_ENUM_

/* The pattern type named s[0..len), or -1. */
int nx_pat_type_from_name(const char *s, size_t len);
/* The prefix of its rules' names: "date" or "skip". */
const char *nx_pat_type_rule_prefix(nx_pat_type t);

/* The named groups the date stage understands; a pattern may use any subset.
 * X(ID, "group name", "what it holds") */
#define NX_GROUP_LIST(X)                                                  \
    X(YEAR, "year", "a year: 1996, '98, nineteen ninety-six")             \
    X(MONTH, "month", "a month: a name or a number")                      \
    X(DAY, "day", "a day of the month: 4, 4th, fourth")                   \
    X(WEEKDAY, "weekday", "a weekday name")                               \
    X(YEAR2, "year2", "the second year of a range")                       \
    X(MONTH2, "month2", "the second month of a range")                    \
    X(DAY2, "day2", "the second day of a range")                          \
    X(REL, "rel", "a relation word: last, next, this")                    \
    X(NUM, "num", "a count: two, 3")                                      \
    X(UNIT, "unit", "a unit: day, week, month, year, decade")             \
    X(DECADE, "decade", "a decade: 1990s, nineties")                      \
    X(QUARTER, "quarter", "a quarter: Q3, third quarter")                 \
    X(SEASON, "season", "a season")                                       \
    X(PART, "part", "a part of a period: early, mid, late")               \
    X(HOUR, "hour", "an hour")                                            \
    X(MINUTE, "minute", "minutes")                                        \
    X(AMPM, "ampm", "a.m. or p.m.")                                       \
    X(WORD, "word", "a fixed word the rule interprets: today, now")       \
    X(MD1, "md1", "07 of 07/05: month or day, in the document's order")  \
    X(MD2, "md2", "05 of 07/05")                                          \
    X(HALF, "half", "a half: H1, first half")                             \
    X(DPART, "dpart", "a part of the day: morning, night")                \
    X(HOLIDAY, "holiday", "a holiday: Thanksgiving")                      \
    X(CENTURY, "century", "a century: 20th, twentieth")                   \
    X(YREL, "yrel", "a year relative to the document date: last year")    \
    X(CLOCK, "clock", "a clock word: noon, midnight")                     \
    X(TSET, "tset", "a set word: daily, annually")

#define NX_GROUP_ENUM_(id, name, doc) NX_GRP_##id,
typedef enum nx_group { NX_GROUP_LIST(NX_GROUP_ENUM_) NX_GRP_COUNT } nx_group;
#undef NX_GROUP_ENUM_

extern const char *const nx_group_names[NX_GRP_COUNT];

#endif
