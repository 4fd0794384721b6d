#!/usr/bin/env python3
"""Which facts a change adds and drops, on text it was not tuned on.

usage: tests/fact-diff.py --base-nerx BIN [--base-gazetteers DIR]
                          [--nerx BIN] [--gazetteers DIR] [--rule PREFIX]
                          [FILE.jsonl ...]
(gazetteers default to this tree's gazetteers/; nerx to build/nerx)

Runs both builds on each JSON Lines file (default: the dev sets whose
relations no score reads, so nothing there was tuned to them: TimeBank,
CoNLL-2003 and Re-DocRED from ../shared/eval/dev, and KBP37, whose gold
has one relation per sentence) and prints every relation (holds_title,
affiliated_with) one build gives and the other does not, as

    + DOC  TYPE  person | title | organisation | status  RULE  | the text it spans

then a count per rule of what was added and dropped. A relation rule's
precision on news it never saw is read off the "+" lines by eye: a wrong
fact costs more than a missing one, so a rule whose added facts are often
wrong is not ready. --rule keeps only the relations of rules starting with
PREFIX. Exit 0 (it reports; it does not judge)."""
import argparse
import collections
import json
import os
import signal
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEV = os.path.join(ROOT, "..", "shared", "eval", "dev")
DEFAULT_FILES = ["timebank-aquaint.jsonl", "conll2003-dev.jsonl", "redocred-dev.jsonl", "kbp37-dev.jsonl"]


def run(nerx, gaz, path):
    env = dict(os.environ, NERX_GAZETTEERS=gaz)
    with open(path, "rb") as f:
        out = subprocess.run([nerx, "--input", "jsonl", "--output", "jsonl", "--quiet"], stdin=f,
                             capture_output=True, env=env, check=False).stdout
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def facts(docs, texts, rule_prefix):
    """{doc id: {key: (rule, context)}} of each document's relations."""
    out = {}
    for d in docs:
        names = {e["id"]: e["name"] for e in d.get("entities", [])}
        text = texts.get(d.get("id"), "")
        got = {}
        for r in d.get("relations", []):
            rule = r.get("rule", "")
            if not rule.startswith(rule_prefix):
                continue
            key = (r.get("type", ""), names.get(r.get("person"), ""), r.get("title") or "",
                   names.get(r.get("organization"), "") or "", r.get("status", ""))
            s, e = r.get("start") or 0, r.get("end") or 0
            ctx = text[max(0, s - 60):e + 40].replace("\n", " ")  # start and end are code points, as Python indexes
            got[key] = (rule, ctx)
        out[d.get("id")] = got
    return out


def main():
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # | head is a normal way to read it
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--base-nerx", required=True)
    ap.add_argument("--base-gazetteers", default=os.path.join(ROOT, "gazetteers"))
    ap.add_argument("--nerx", default=os.path.join(ROOT, "build", "nerx"))
    ap.add_argument("--gazetteers", default=os.path.join(ROOT, "gazetteers"))
    ap.add_argument("--rule", default="")
    ap.add_argument("files", nargs="*")
    a = ap.parse_args()
    files = a.files or [os.path.join(DEV, f) for f in DEFAULT_FILES]
    counts = collections.Counter()
    for path in files:
        if not os.path.exists(path):
            print(f"fact-diff: {path} not found", file=sys.stderr)
            continue
        texts = {}
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    d = json.loads(line)
                    texts[d.get("id")] = d.get("text", "")
        old = facts(run(a.base_nerx, a.base_gazetteers, path), texts, a.rule)
        new = facts(run(a.nerx, a.gazetteers, path), texts, a.rule)
        added = dropped = 0
        for doc in sorted(set(old) | set(new), key=str):
            o, n = old.get(doc, {}), new.get(doc, {})
            for sign, mine, other in (("+", n, o), ("-", o, n)):
                for key, (rule, ctx) in mine.items():
                    if key in other:
                        continue
                    print(f"{sign} {doc}  {key[0]}  {key[1]} | {key[2]} | {key[3]} | {key[4]}  {rule}  | {ctx}")
                    counts[(sign, rule)] += 1
                    if sign == "+":
                        added += 1
                    else:
                        dropped += 1
        print(f"== {os.path.basename(path)}: {added} added, {dropped} dropped")
    print("== per rule (added, dropped):")
    for rule in sorted({r for _, r in counts}, key=lambda r: -counts[("+", r)] - counts[("-", r)]):
        print(f"  {rule:40} +{counts[('+', rule)]:<5} -{counts[('-', rule)]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
