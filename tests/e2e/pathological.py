#!/usr/bin/env python3
"""Adversarial inputs must finish quickly, exit 0, give valid JSON and never
make a shipped pattern hit its match limit:
100k capitalised words, long digit runs, repeated titles, parentheses,
apostrophes and hyphens, one huge line, many tiny documents.

usage: pathological.py NERX [SECONDS_PER_INPUT]
"""
import json
import subprocess
import sys
import time

nerx = sys.argv[1]
limit = float(sys.argv[2]) if len(sys.argv) > 2 else 60

cases = {
    "capitalised words": " ".join(f"Word{chr(65 + i % 26)}x" for i in range(100000)),
    "capitalised names": " ".join(["Zhang Liqun Tuimebayev Al-Farabi University"] * 20000),
    "digits": "1" * 200000 + " July " + "2" * 100000,
    "date-like": " ".join(["July 4, 2024 - 5 - 6 / 07/05/2024 2019-2023"] * 20000),
    "titles": "president " * 50000 + "Zhang Liqun",
    "titles capitalised": "Vice President Executive Chairman " * 30000,
    "parentheses": "(" * 50000 + "XJTU" + ")" * 50000,
    "apostrophes": "Xi'an's'" * 30000,
    "hyphens": "Al-" * 100000 + "Farabi",
    "acronyms": " ".join(["Xi'an Jiaotong University (XJTU)"] * 20000),
    "one long token": "a" * 1000000,
    "commas": "Zhang Liqun, " * 50000,
    "dotted run": "see " + "1." * 60000 + "jpg and " + "a." * 50000,
}

failed = 0
for name, text in cases.items():
    t0 = time.time()
    try:
        r = subprocess.run([nerx, "--output", "jsonl", "--dct", "2024-07-05"], input=text.encode(), capture_output=True,
                           timeout=limit)
    except subprocess.TimeoutExpired:
        print(f"FAIL {name}: over {limit} s")
        failed += 1
        continue
    dt = time.time() - t0
    # the shipped patterns are linear: none may need the match limit
    ok = r.returncode == 0 and b"match limit" not in r.stderr
    if ok:
        try:
            json.loads(r.stdout)
        except ValueError:
            ok = False
    print(f"{'ok  ' if ok else 'FAIL'} {name}: {len(text)} bytes in {dt:.2f} s (exit {r.returncode})")
    if not ok:
        print(r.stderr.decode()[:500])
        failed += 1

many = "".join(json.dumps({"id": str(i), "text": "K" if i % 2 else "Kazakhstan on July 4."}) + "\n" for i in range(20000))
r = subprocess.run([nerx, "--threads", "2"], input=many.encode(), capture_output=True, timeout=limit)
lines = r.stdout.decode().splitlines()
if r.returncode != 0 or len(lines) != 20000:
    print(f"FAIL many tiny documents: exit {r.returncode}, {len(lines)} lines")
    failed += 1
else:
    print("ok   many tiny documents")
sys.exit(1 if failed else 0)
