#!/usr/bin/env python3
"""End-to-end check: nerx's output on a corpus article against the gold
annotation written by hand from reading it (corpus/*.gold.json).

usage: check_gold.py NERX ARTICLE.txt GOLD.json

Fails (exit 1) listing every difference:
  - a gold mention (type, span, value) nerx does not output, or a mention
    nerx outputs that the gold does not have;
  - a gold holds_title fact (person, title, organisation) that nerx misses,
    or a fact nerx states that the gold does not;
  - mentions of one gold entity split across several nerx entities, or an
    entity whose name is not one of the gold names;
  - any mention inside the text the gold lists under "nothing_in";
  - offsets that do not point at the mention text (code points and bytes).
"""
import json
import subprocess
import sys


def norm(s):
    return " ".join(str(s).casefold().replace("-", " ").replace("\u2019", "'").split())


def main():
    nerx, article, gold_path = sys.argv[1:4]
    gold = json.load(open(gold_path, encoding="utf-8"))
    text = open(article, encoding="utf-8").read()
    raw = open(article, "rb").read()
    out = subprocess.run([nerx, "--output", "jsonl", article], capture_output=True, check=False)
    if out.returncode != 0:
        print(f"nerx exited {out.returncode}: {out.stderr.decode()}")
        return 1
    pred = json.loads(out.stdout)
    problems = []

    if gold.get("dct") and pred.get("dct") != gold["dct"]:
        problems.append(f"dct: nerx {pred.get('dct')!r}, gold {gold['dct']!r}")

    scored = {"person", "organization", "place", "date", "title"}
    gm = {(m["type"], m["start"], m["end"]): m for m in gold["mentions"]}
    pm = {(m["type"], m["start"], m["end"]): m for m in pred["mentions"] if m["type"] in scored}
    for k in sorted(set(gm) - set(pm), key=lambda k: k[1]):
        problems.append(f"missed {k[0]} {gm[k]['text']!r} at {k[1]}")
    for k in sorted(set(pm) - set(gm), key=lambda k: k[1]):
        problems.append(f"extra {k[0]} {pm[k]['text']!r} at {k[1]} (rule {pm[k].get('rule')})")
    for k in sorted(set(gm) & set(pm), key=lambda k: k[1]):
        if "value" in gm[k] and gm[k]["value"] != pm[k].get("value"):
            problems.append(f"value of {gm[k]['text']!r} at {k[1]}: nerx {pm[k].get('value')!r}, gold {gm[k]['value']!r}")

    for m in pred["mentions"]:
        if text[m["start"]:m["end"]] != m["text"]:
            problems.append(f"code point offsets of {m['text']!r} point at {text[m['start']:m['end']]!r}")
        if raw[m["byte_start"]:m["byte_end"]].decode("utf-8", "replace") != m["text"]:
            problems.append(f"byte offsets of {m['text']!r} are wrong")

    for junk in gold.get("nothing_in", []):
        start = text.replace("\u00a0", " ").find(junk)
        if start < 0:
            problems.append(f"nothing_in text {junk!r} is not in the article")
            continue
        for m in pred["mentions"]:
            if m["start"] < start + len(junk) and start < m["end"]:
                problems.append(f"mention {m['text']!r} inside {junk!r}")

    # entities: each gold entity's mentions in one nerx entity named by a gold name
    ents = {e["id"]: e for e in pred["entities"]}
    by_span = {(m["start"], m["end"]): m for m in pred["mentions"]}
    for ge in gold.get("entities", []):
        spans = [(m["start"], m["end"]) for m in gold["mentions"] if m.get("entity") == ge["id"]]
        ids = {by_span[s].get("entity") for s in spans if s in by_span}
        if len(ids) > 1:
            problems.append(f"entity {ge['names'][0]!r} split over {sorted(i for i in ids if i)}")
        for i in ids:
            if i in ents and norm(ents[i]["name"]) not in {norm(n) for n in ge["names"]}:
                problems.append(f"entity {ge['names'][0]!r} named {ents[i]['name']!r}")

    # relations
    names = {e["id"]: {norm(e["name"])} | {norm(a) for a in e.get("aliases", [])} for e in pred["entities"]}
    facts = []
    for r in pred.get("relations", []):
        if r.get("type") != "holds_title":
            continue
        facts.append((names.get(r["person"], set()), norm(r["title"]), names.get(r["organization"], set())))
    used = set()
    for g in gold.get("relations", []):
        gp = {norm(x) for x in g["person"]}
        gt = {norm(x) for x in g["title"] or []}
        go = {norm(x) for x in g["organization"] or []}
        hit = None
        for i, (p, t, o) in enumerate(facts):
            if i not in used and p & gp and (not gt or t in gt) and (not go or o & go):
                hit = i
                break
        if hit is None:
            problems.append(f"missed holds_title({g['person'][0]}, {g['title']}, {g['organization']})")
        else:
            used.add(hit)
    for i, (p, t, o) in enumerate(facts):
        if i not in used:
            problems.append(f"false holds_title({sorted(p)}, {t}, {sorted(o)})")

    for p in problems:
        print(p)
    print(f"{gold_path}: {len(gm)} gold mentions, {len(pm)} predicted, {len(gold.get('relations', []))} facts: "
          + ("OK" if not problems else f"{len(problems)} problems"))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
