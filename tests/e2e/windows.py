#!/usr/bin/env python3
"""A long document is extracted in windows (--window): the merged output must
be what its windows say, on the whole document's offsets.

usage: windows.py NERX

1. K copies of the demo article (each padded to one window, so every cut
   falls between two copies): the windowed output is the one copy's output
   K times over, offsets moved, its entities merged by key (each with K times
   the mentions) and its facts kept once.
2. A document no longer than the window is not windowed (same output with
   --window 0).
3. Hostile cuts: no white space at all (two-byte and three-byte characters),
   one line without a line break, CRLF paragraphs: every mention's text is
   the input at its byte and code point offsets, every index is in range,
   keys are unique, and no fact is stated twice.
"""
import json
import os
import subprocess
import sys

import checks
from checks import check

nerx = sys.argv[1]
root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")


def run(text, *args):
    r = subprocess.run([nerx, "--output", "jsonl", "--dct", "2024-07-05"] + list(args), input=text.encode(),
                       capture_output=True, timeout=300)
    return r.returncode, [json.loads(l) for l in r.stdout.decode().splitlines()], r.stderr.decode()


article = open(os.path.join(root, "corpus", "xjtu-sco-forum.txt"), encoding="utf-8").read().strip()
WINDOW = 4096
# a paragraph with nothing to find pads the article to just under a window;
# the article's first paragraph is longer than what is left, so the last
# paragraph break in a window is the one after the pad
pad = " ".join(["and the talks went on"] * 200)
unit = article + "\n\n" + pad[: WINDOW - 20 - len(article.encode()) - 4] + ".\n\n"
assert WINDOW - 60 < len(unit.encode()) <= WINDOW and len(unit) == len(unit.encode()) - (len(unit.encode()) - len(unit))
K = 5
rc1, (one,), _ = run(unit)
rck, (many,), err = run(unit * K, "--window", str(WINDOW))
nb, nc, nm = len(unit.encode()), len(unit), len(one["mentions"])


def mid(i, k):  # mention id "m<n>" of copy k
    return f"m{int(i[1:]) + k * nm}"


def shifted(m, k):
    m = dict(m)
    m["id"] = mid(m["id"], k)
    m["start"] += k * nc
    m["end"] += k * nc
    if "byte_start" in m:
        m["byte_start"] += k * nb
        m["byte_end"] += k * nb
    return m


want_mentions = [shifted(m, k) for k in range(K) for m in one["mentions"]]
check(rc1 == 0 and rck == 0 and many["mentions"] == want_mentions,
      f"{K} copies in {K} windows: the mentions are the one copy's, {K} times, offsets moved",
      f"{len(many['mentions'])} vs {len(want_mentions)}")
want_entities = []
for e in one["entities"]:
    e = dict(e)
    if "mentions" in e:
        e["mentions"] = [mid(i, k) for k in range(K) for i in e["mentions"]]
    want_entities.append(e)
check(many["entities"] == want_entities, "entities merged by key, each with every copy's mentions",
      f"{many['entities'][:2]} vs {want_entities[:2]}")
check(many["relations"] == one["relations"] and len(one["relations"]) >= 3, "each fact once (the first window's)",
      f"{len(many['relations'])} vs {len(one['relations'])}")
check(any(f"in {K} windows of at most {WINDOW} bytes" in w for w in many.get("warnings", [])),
      "the document says it was windowed", many.get("warnings"))

# a document no longer than the window is not windowed
rca, a, _ = run(unit, "--window", str(WINDOW))
rcb, b, _ = run(unit, "--window", "0")
check(rca == rcb == 0 and a == b and "warnings" not in a[0], "a document within the window: the same as unwindowed")


def consistent(text, doc, what):
    data = text.encode()
    ms, es, rs = doc.get("mentions", []), doc.get("entities", []), doc.get("relations", [])
    mids, eids = {m["id"]: m for m in ms}, {e["id"]: e for e in es}
    bad = [m for m in ms if data[m["byte_start"]:m["byte_end"]].decode("utf-8", "replace") != m["text"]
           or text[m["start"]:m["end"]] != m["text"]]
    order = all((a["start"], -a["end"]) <= (b["start"], -b["end"]) for a, b in zip(ms, ms[1:]))
    ent_ok = all(i in mids and mids[i].get("entity") == e["id"] for e in es for i in e.get("mentions", []))
    keys = [(e["type"], e["key"]) for e in es]
    facts = [json.dumps({k: v for k, v in r.items() if k not in ("mentions", "start", "end", "rule")}, sort_keys=True)
             for r in rs]
    arg_ok = all(all(x in mids for x in r.get("mentions", [])) and
                 all(v in eids for k, v in r.items() if isinstance(v, str) and v[:1] == "E" and v[1:].isdigit())
                 for r in rs)
    check(not bad and order and ent_ok and len(set(keys)) == len(keys) and arg_ok and len(set(facts)) == len(facts),
          f"{what}: offsets, indexes, keys, facts ({len(ms)} mentions, {len(es)} entities, {len(rs)} facts)",
          f"{bad[:2]} order={order} entities={ent_ok} keys={len(set(keys))}/{len(keys)} args={arg_ok} "
          f"facts={len(set(facts))}/{len(facts)}")


for what, text in [
    ("no white space, two-byte characters", "é" * 150000 + " Astana " + "ü" * 150000),
    ("no white space, CJK", "哈萨克斯坦" * 40000),
    ("one line of news, no line break", " ".join([article.replace("\n", " ")] * 40)),
    ("CRLF paragraphs", ("\r\n\r\n".join(article.split("\n\n")) + "\r\n\r\n") * 40),
]:
    rc, docs, err = run(text, "--window", "8K")
    check(rc == 0 and len(docs) == 1 and "error" not in docs[0], f"{what}: extracted", err[-300:])
    if rc == 0 and docs:
        consistent(text, docs[0], what)

sys.exit(checks.exit_status())
