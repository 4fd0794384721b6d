#!/usr/bin/env python3
"""The kinds of KBP37's person+title+organisation misses, with counts.

usage: tests/kbp37-errors.py PRED.jsonl [--gold GOLD.jsonl] [--show KIND N]

PRED is nerx's output on KBP37 dev (evaluate.sh keeps it as
kbp37-dev.pred.jsonl in $EVAL_OUT); GOLD defaults to
../shared/eval/dev/kbp37-dev.jsonl. A gold holds_title pair is matched as
score.py matches it at the person+title+org level (a holds_title or an
affiliated_with of the person, with the title when the gold names one, at
the organisation when the gold names one); each miss gets the first kind
that fits:

  person not found (a pronoun, one word, several words), found with no
  fact; a fact with another title; a fact with no organisation or another
  one, the gold's being a country or state (countries.tsv, admin1.tsv), a
  portfolio word (title-field cues: "Health" for a health minister) or
  another body.

--show KIND N prints N misses of the kinds whose name contains KIND, with
the sentence and nerx's facts about the person. Exit 0 (it reports)."""
import argparse
import collections
import json
import os
import random
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EVAL = os.path.join(os.path.dirname(ROOT), "shared", "eval")
sys.path.insert(0, EVAL)
from score import entity_names, norm, ref  # noqa: E402

PRONOUNS = {"he", "she", "him", "her", "his", "they", "them", "i", "we", "you", "it"}


def gazetteer_names(*files, kind=None):
    out = set()
    for f in files:
        for line in open(os.path.join(ROOT, "gazetteers", f), encoding="utf-8"):
            if line.startswith("#") or not line.strip():
                continue
            cols = line.rstrip("\n").split("\t")
            if kind is None or kind in cols[1:]:
                out.add(norm(cols[0]))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("pred")
    ap.add_argument("--gold", default=os.path.join(EVAL, "dev", "kbp37-dev.jsonl"))
    ap.add_argument("--show", nargs=2, metavar=("KIND", "N"))
    a = ap.parse_args()
    states = gazetteer_names("countries.tsv", "countries-odbl.tsv", "admin1.tsv")
    fields = gazetteer_names("cues.tsv", kind="type=title-field")
    gold = [json.loads(line) for line in open(a.gold, encoding="utf-8")]
    pred = {}
    for line in open(a.pred, encoding="utf-8"):
        r = json.loads(line)
        pred[r["id"]] = r
    kinds, shown = collections.Counter(), collections.defaultdict(list)
    for g in gold:
        golds = [r for r in g.get("relations") or [] if r.get("type") == "holds_title"]
        if not golds:
            continue
        p = pred.get(g["id"], {})
        names = entity_names(p)
        facts = [(ref(names, r.get("person")), norm(r["title"]) if isinstance(r.get("title"), str) else "",
                  ref(names, r.get("organization")), r)
                 for r in p.get("relations") or [] if r.get("type") in ("holds_title", "affiliated_with")]
        people = {norm(g["text"][m["start"]:m["end"]]) for m in p.get("mentions") or [] if m.get("type") == "person"}
        for gr in golds:
            gp = {norm(x) for x in gr.get("person") or []}
            gt = {norm(x) for x in gr.get("title") or []}
            go = {norm(x) for x in gr.get("organization") or []}
            about = [f for f in facts if f[0] & gp]
            if [f for f in about if (not gt or f[1] in gt) and (not go or f[2] & go)]:
                continue
            name = sorted(gp)[0] if gp else ""
            portfolio = any(o in fields or o.split()[-1] in fields for o in go)
            if not about:
                if gp & people:
                    k = "person found, no fact about them"
                elif name in PRONOUNS:
                    k = "person is a pronoun"
                elif len(name.split()) == 1:
                    k = "person of one word not found"
                else:
                    k = "person of several words not found"
            elif not [f for f in about if not gt or f[1] in gt]:
                k = "fact with another title"
            else:
                none = all(not f[2] for f in about if not gt or f[1] in gt)
                what = "no organisation" if none else "another organisation"
                if go & states:
                    k = what + ", gold a country or state"
                elif portfolio:
                    k = what + ", gold a portfolio word"
                else:
                    k = what + ", gold another body"
            kinds[k] += 1
            shown[k].append((g["id"], g["text"], gr, [(sorted(f[0])[:1], f[1], sorted(f[2])[:1], f[3].get("rule"))
                                                     for f in about]))
    total = sum(kinds.values())
    for k, v in kinds.most_common():
        print(f"{v:6d}  {v / total:6.1%}  {k}")
    print(f"{total:6d}  misses")
    if a.show:
        rows = [x for k, xs in shown.items() if a.show[0] in k for x in xs]
        random.seed(1)
        for id_, text, gr, about in random.sample(rows, min(int(a.show[1]), len(rows))):
            print(f"\n# {id_} {text[:300]}")
            print("  gold", (gr.get("person") or [])[:1], (gr.get("title") or [])[:2], (gr.get("organization") or [])[:2])
            print("  nerx", about)
    return 0


if __name__ == "__main__":
    sys.exit(main())
