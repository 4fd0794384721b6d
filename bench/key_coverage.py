#!/usr/bin/env python3
"""External-id coverage: the share of nerx's entities whose key comes from a
gazetteer's external id (geonames:, iso3166:, cik:, domain:, wikidata:,
partyfacts:, m49: ...) rather than from type and name (person:, org:,
place:), by type; and the same share among the entities a gazetteer
recognised (at least one mention with a gazetteer: rule).

usage: python3 bench/key_coverage.py [--nerx build/nerx] FILE.jsonl...
e.g.   python3 bench/key_coverage.py ../shared/eval/dev/newsgold-dev.jsonl ../shared/eval/dev/redocred-dev.jsonl
"""
import argparse
import collections
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NAME_KEYS = ("person", "org", "place")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--nerx", default=os.path.join(ROOT, "build", "nerx"))
    ap.add_argument("files", nargs="+")
    a = ap.parse_args()
    for path in a.files:
        out = subprocess.run([a.nerx, "--quiet", "--output", "jsonl", path], capture_output=True, text=True).stdout
        keyed, total, gz_keyed, gz_total = (collections.Counter() for _ in range(4))
        for line in out.splitlines():
            d = json.loads(line)
            ms = d.get("mentions", [])
            for e in d.get("entities", []):
                k = e["key"].split(":")[0] not in NAME_KEYS
                gz = any(ms[int(m[1:]) - 1]["rule"].startswith("gazetteer:") for m in e["mentions"])
                total[e["type"]] += 1
                keyed[e["type"]] += k
                gz_total[e["type"]] += gz
                gz_keyed[e["type"]] += k and gz
        share = lambda k, n: "%d/%d = %.1f %%" % (k, n, 100 * k / n) if n else "0/0"
        print(os.path.basename(path))
        print("  entities with an external-id key: %s" % share(sum(keyed.values()), sum(total.values())),
              "(" + ", ".join("%s %s" % (t, share(keyed[t], total[t])) for t in sorted(total)) + ")")
        print("  of those a gazetteer recognised:  %s" % share(sum(gz_keyed.values()), sum(gz_total.values())),
              "(" + ", ".join("%s %s" % (t, share(gz_keyed[t], gz_total[t])) for t in sorted(gz_total)) + ")")
    return 0


if __name__ == "__main__":
    sys.exit(main())
