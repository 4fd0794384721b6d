#!/usr/bin/env python3
"""Accuracy check: scores nerx with ../shared/eval/score.py on dev sets and
fails when a figure falls below its floor.

usage: accuracy.py NERX EVAL_DIR FILE:METRIC>=FLOOR ...

METRIC is a path into score.py's --json output for that file, e.g.
  seed.jsonl:mentions.micro.f1>=0.95
or a micro average over some mention types, computed from their counts:
  redocred-dev.jsonl:mentions.micro(person,organization,place).f1>=0.70
  newsgold-dev.jsonl:holds_title.person+title+org.f1>=0.80
  timebank-aquaint.jsonl:dates.value_f1>=0.80
Exits 77 (skipped) when EVAL_DIR does not exist: the dev data is not part of
the repository.
"""
import json
import os
import re
import subprocess
import sys
import tempfile


def main():
    nerx, eval_dir, *checks = sys.argv[1:]
    if not os.path.isdir(os.path.join(eval_dir, "dev")):
        print(f"skipped: {eval_dir}/dev not found (the dev sets live outside the repository)")
        return 77
    wanted = {}
    for c in checks:
        m = re.fullmatch(r"([^:]+):([\w.+(),-]+)>=([0-9.]+)", c)
        if not m:
            sys.exit(f"bad check {c!r}")
        wanted.setdefault(m.group(1), []).append((m.group(2), float(m.group(3))))
    failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        for name, metrics in wanted.items():
            gold = os.path.join(eval_dir, "dev", name)
            inp = os.path.join(tmp, "in.jsonl")
            pred = os.path.join(tmp, "pred.jsonl")
            with open(gold, encoding="utf-8") as f, open(inp, "w", encoding="utf-8") as out:
                for line in f:
                    r = json.loads(line)
                    out.write(json.dumps({"id": r["id"], "text": r["text"], "dct": r.get("dct")}, ensure_ascii=False) + "\n")
            with open(inp, "rb") as i, open(pred, "wb") as o:
                rc = subprocess.run([nerx, "--input", "jsonl", "--output", "jsonl", "--quiet"], stdin=i, stdout=o).returncode
            if rc not in (0, 1):
                print(f"FAIL {name}: nerx exited {rc}")
                failed += 1
                continue
            res = subprocess.run([sys.executable, os.path.join(eval_dir, "score.py"), "--gold", gold, "--pred", pred,
                                  "--json"], capture_output=True, text=True, check=True)
            scores = json.loads(res.stdout)[name]
            if scores.get("missing"):
                print(f"FAIL {name}: {scores['missing']} documents without output")
                failed += 1
            for path, floor in metrics:
                v = scores
                sub = re.fullmatch(r"mentions\.micro\(([\w,]+)\)\.(p|r|f1)", path)
                if sub:
                    tp = fp = fn = 0
                    for t in sub.group(1).split(","):
                        c = scores["mentions"].get(t, {})
                        tp, fp, fn = tp + c.get("tp", 0), fp + c.get("fp", 0), fn + c.get("fn", 0)
                    pr = tp / (tp + fp) if tp + fp else 0.0
                    rc = tp / (tp + fn) if tp + fn else 0.0
                    v = {"p": pr, "r": rc, "f1": 2 * pr * rc / (pr + rc) if pr + rc else 0.0}[sub.group(2)]
                else:
                    for part in path.split("."):
                        v = v.get(part) if isinstance(v, dict) else None
                if not isinstance(v, (int, float)):
                    print(f"FAIL {name}: no figure {path}")
                    failed += 1
                    continue
                ok = v >= floor - 1e-9
                failed += not ok
                print(f"{'ok  ' if ok else 'FAIL'} {name}: {path} = {v:.3f} (floor {floor})")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
