#!/usr/bin/env python3
"""nerx benchmark: throughput on a large JSON Lines file, next to `cat` on
the same file in the same run, plus model load time and peak memory.

usage: bench/bench.py [--nerx build/nerx] [--mb 50] [--long-mb 1] [--runs 5] [--threads 1,2]

The input is built from corpus/*.txt and, when present, the texts of
../shared/eval/dev/*.jsonl, repeated (with fresh ids) up to --mb megabytes.
A second input joins the same texts into one document of --long-mb
megabytes: a long report or book chapter, where any rule that compares
every mention with every other shows.
Reports medians of --runs runs. Build nerx in Release mode first:
  cmake -S . -B build -DCMAKE_BUILD_TYPE=Release && cmake --build build -j
"""
import argparse
import glob
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def texts():
    out = []
    for p in sorted(glob.glob(os.path.join(root, "corpus", "*.txt"))):
        out.append((os.path.basename(p), open(p, encoding="utf-8").read(), None))
    for p in sorted(glob.glob(os.path.join(root, "..", "shared", "eval", "dev", "*.jsonl"))):
        for line in open(p, encoding="utf-8"):
            r = json.loads(line)
            out.append((r["id"], r["text"], r.get("dct")))
    return out


def timed(cmd, stdin_path):
    with open(stdin_path, "rb") as f:
        t0 = time.perf_counter()
        subprocess.run(cmd, stdin=f, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        return time.perf_counter() - t0


def peak_rss_mb(cmd, stdin_path):
    """Peak resident memory of one run, from a fresh child."""
    code = ("import resource,subprocess,sys;"
            "subprocess.run(sys.argv[2:],stdin=open(sys.argv[1],'rb'),stdout=subprocess.DEVNULL,stderr=subprocess.DEVNULL);"
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    out = subprocess.run([sys.executable, "-c", code, stdin_path] + cmd, capture_output=True, text=True, check=True)
    return int(out.stdout) / 1024


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--nerx", default=os.path.join(root, "build", "nerx"))
    ap.add_argument("--mb", type=float, default=50)
    ap.add_argument("--long-mb", type=float, default=1)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--threads", default="1,2")
    a = ap.parse_args()
    a.nerx = os.path.abspath(a.nerx)
    if not os.access(a.nerx, os.X_OK):
        sys.exit(f"{a.nerx}: not built (see the usage above)")

    src = texts()
    with tempfile.TemporaryDirectory() as tmp:
        big = os.path.join(tmp, "bench.jsonl")
        size = docs = 0
        with open(big, "w", encoding="utf-8") as f:
            while size < a.mb * 1e6:
                for i, (id_, text, dct) in enumerate(src):
                    line = json.dumps({"id": f"{id_}#{docs}", "text": text, "dct": dct}, ensure_ascii=False) + "\n"
                    f.write(line)
                    size += len(line.encode())
                    docs += 1
                    if size >= a.mb * 1e6:
                        break
        long_doc = os.path.join(tmp, "long.jsonl")
        parts, long_size = [], 0
        while long_size < a.long_mb * 1e6:
            for _, text, _ in src:
                parts.append(text)
                long_size += len(text.encode()) + 2
                if long_size >= a.long_mb * 1e6:
                    break
        with open(long_doc, "w", encoding="utf-8") as f:
            f.write(json.dumps({"id": "long", "text": "\n\n".join(parts)}, ensure_ascii=False) + "\n")
        long_mb = os.path.getsize(long_doc) / 1e6
        tiny = os.path.join(tmp, "tiny.txt")
        open(tiny, "w").write("Kazakhstan.")
        mb = size / 1e6

        commit = subprocess.run(["git", "-C", root, "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
        cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.processor())
        print(f"nerx benchmark  commit {commit or '?'}  {platform.node()}  {os.cpu_count()} cpus  {cpu}")
        print(f"input: {docs} documents, {mb:.1f} MB (JSON Lines)  runs: {a.runs} (median)")

        cat = statistics.median(timed(["cat"], big) for _ in range(a.runs))
        print(f"  {'cat FILE > /dev/null':28s} {cat:7.3f} s  {mb / cat:9.1f} MB/s")
        load = statistics.median(timed([a.nerx, "--output", "jsonl", tiny], tiny) for _ in range(a.runs))
        print(f"  {'nerx startup (load + 1 doc)':28s} {load:7.3f} s")
        for t in [int(x) for x in a.threads.split(",")]:
            cmd = [a.nerx, "--input", "jsonl", "--output", "jsonl", "--quiet", "--threads", str(t)]
            runs = [timed(cmd, big) for _ in range(a.runs)]
            sec = statistics.median(runs)
            net = max(sec - load, 1e-9)
            print(f"  {'nerx --threads ' + str(t):28s} {sec:7.3f} s  {mb / sec:9.2f} MB/s  {docs / sec:9.0f} docs/s"
                  f"  ({mb / net:.2f} MB/s without startup; cat is {sec / cat:.0f}x faster)")
        cmd = [a.nerx, "--input", "jsonl", "--output", "jsonl", "--quiet"]
        sec = statistics.median(timed(cmd, long_doc) for _ in range(a.runs))
        cat = statistics.median(timed(["cat"], long_doc) for _ in range(a.runs))
        print(f"  {'nerx, one document':28s} {sec:7.3f} s  {long_mb / sec:9.2f} MB/s  ({long_mb:.1f} MB;"
              f" {long_mb / max(sec - load, 1e-9):.2f} MB/s without startup; cat is {sec / cat:.0f}x faster)")
        rss = peak_rss_mb([a.nerx, "--input", "jsonl", "--output", "jsonl", "--quiet"], big)
        rss0 = peak_rss_mb([a.nerx, "--output", "jsonl", tiny], tiny)
        print(f"  peak memory: {rss0:.0f} MB for the model and one document, {rss:.0f} MB over the whole input")


if __name__ == "__main__":
    main()
