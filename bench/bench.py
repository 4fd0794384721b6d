#!/usr/bin/env python3
"""nerx benchmark: one run reports nerx's speed, each figure next to a
reference measured on the same input in the same run.

usage: python3 bench/bench.py [--nerx build/nerx] [--mb 20] [--runs 3]
           [--input FILE | --keep-input FILE] [--long-mb 1]
           [--jsonl-parse PATH] [--json FILE]

Build nerx, and the jsonl_parse reference next to it, in Release mode first:
  cmake -S . -B build -DCMAKE_BUILD_TYPE=Release && cmake --build build -j2

What one run prints (MB = 10^6 bytes; the page cache is warmed first):
  input        a JSON Lines file of {"id", "text", "dct"} records: the texts
               of corpus/*.txt and ../shared/eval/dev/*.jsonl of at least
               1,000 bytes, in file order, repeated with fresh ids up to --mb
               MB (the same file on every run). --input FILE times your own
               JSON Lines file instead; --keep-input FILE keeps the generated
               one (outside the repository: it holds the dev texts).
  throughput   nerx --input jsonl --output jsonl --quiet --threads 1, then 2,
               < FILE > /dev/null: seconds, MB/s of the file, documents/s
               (median of --runs), the speed-up of 2 threads over 1, and MB/s
               net of the cold start; next to references timed in the same
               rounds: `cat FILE > /dev/null`, `wc -w FILE`, and
               `jsonl_parse FILE` (bench/jsonl_parse.c: parse each line with
               cJSON and read its "text"), each as "cat is 900x faster".
  peak memory  the peak resident set of each nerx run, from the kernel (the
               rusage that wait4 returns for the child; max of the runs).
  graph output nerx --output ntriples (then turtle, jsonld) --threads 1 on
               FILE in the same rounds: seconds and the cost next to the
               JSON Lines run ("1.12x the JSON Lines run"). A nerx without
               graph outputs gets "graph output: not supported by this nerx".
  cold start   `echo Kazakhstan | nerx`: a whole process, model load
               included, in ms (median, min and max of 20 runs).
  stage times  nerx --stage-times --input jsonl --output jsonl --threads 1 on
               the file, --runs times: the seconds per pipeline stage it
               prints on stderr, each stage's least over the runs (a shared
               machine only ever adds time), with its share of their total. A nerx without the
               option gets "stage times: not supported by this nerx".
  long document  the same texts joined into one document of --long-mb MB:
               MB/s, next to cat on the same file.
The header names the commit of the tree nerx was built in, the machine and
the date. --json FILE also writes every figure as JSON, for tracking.
"""
import argparse
import datetime
import glob
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEV_DIR = os.path.join(ROOT, "..", "shared", "eval", "dev")
MIN_DOC_BYTES = 1000
COLD_RUNS = 20
COLD_INPUT = b"Kazakhstan\n"
GRAPH_FORMATS = ["ntriples", "turtle", "jsonld"]
STAGE_LINE = re.compile(r"^nerx: stage-times: (\S+)\s+([0-9.]+) s\s*$")


def progress(msg):
    print(f"bench: {msg}", file=sys.stderr, flush=True)


# ---------------------------------------------------------------- the input

def source_texts():
    """(id, text, dct) of every news-sized document (at least
    MIN_DOC_BYTES of text), in a fixed order: corpus/, then the dev sets."""
    docs = []
    for p in sorted(glob.glob(os.path.join(ROOT, "corpus", "*.txt"))):
        with open(p, encoding="utf-8") as f:
            docs.append((os.path.basename(p), f.read(), None))
    for p in sorted(glob.glob(os.path.join(DEV_DIR, "*.jsonl"))):
        with open(p, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    r = json.loads(line)
                    docs.append((r["id"], r["text"], r.get("dct")))
    docs = [d for d in docs if len(d[1].encode("utf-8")) >= MIN_DOC_BYTES]
    return docs


def write_input(path, docs, mb):
    """Writes docs, repeated with fresh ids, until the next record would pass
    mb MB (at least one record). Returns the number of records."""
    limit, size, n = mb * 1e6, 0, 0
    with open(path, "w", encoding="utf-8") as f:
        while True:
            for id_, text, dct in docs:
                line = json.dumps({"id": f"{id_}#{n}", "text": text, "dct": dct}, ensure_ascii=False) + "\n"
                b = len(line.encode("utf-8"))
                if n and size + b > limit:
                    return n
                f.write(line)
                size += b
                n += 1


def read_input(path):
    """(id, text, dct) of each record of a JSON Lines file; records without a
    string "text" count as documents but give no text."""
    docs, n = [], 0
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            if not line.strip():
                continue
            n += 1
            try:
                r = json.loads(line)
            except ValueError:
                continue
            if isinstance(r, dict) and isinstance(r.get("text"), str):
                docs.append((str(r.get("id", n)), r["text"], r.get("dct")))
    return docs, n


def write_long(path, docs, mb):
    """One record whose text joins the texts until it reaches mb MB."""
    parts, size, i = [], 0, 0
    while docs and size < mb * 1e6:
        text = docs[i % len(docs)][1]
        parts.append(text)
        size += len(text.encode("utf-8")) + 2
        i += 1
    with open(path, "w", encoding="utf-8") as f:
        f.write(json.dumps({"id": "long", "text": "\n\n".join(parts)}, ensure_ascii=False) + "\n")


def inside(path, directory):
    path, directory = os.path.realpath(path), os.path.realpath(directory)
    return os.path.commonpath([path, directory]) == directory


# ------------------------------------------------------------------ running

def run(cmd, stdin_path=None, stdin_bytes=None):
    """Runs cmd once, its output to /dev/null. Returns (seconds, peak RSS in
    MB, exit status, stderr): the RSS is the kernel's figure for this child
    alone (wait4's rusage; ru_maxrss is in KiB on Linux)."""
    with open(stdin_path or os.devnull, "rb") as fin, tempfile.TemporaryFile() as ferr:
        t0 = time.perf_counter()
        p = subprocess.Popen(cmd, stdin=subprocess.PIPE if stdin_bytes is not None else fin,
                             stdout=subprocess.DEVNULL, stderr=ferr)
        if stdin_bytes is not None:
            p.stdin.write(stdin_bytes)
            p.stdin.close()
        _, status, usage = os.wait4(p.pid, 0)
        sec = time.perf_counter() - t0
        p.returncode = os.waitstatus_to_exitcode(status)
        ferr.seek(0)
        err = ferr.read().decode("utf-8", "replace")
    return sec, usage.ru_maxrss * 1024 / 1e6, p.returncode, err


def checked(name, result):
    """Stops the benchmark when a command failed. Exit status 1 of nerx or
    jsonl_parse (some records could not be processed) is reported and
    tolerated: the run still read the whole file."""
    sec, rss, rc, err = result
    if rc == 1 and name.startswith(("nerx", "jsonl_parse")):
        progress(f"{name}: some records could not be processed (exit 1): {err.strip()[-300:]}")
    elif rc != 0:
        sys.exit(f"bench: {name} failed (exit {rc}): {err.strip()[-2000:]}")
    return result


def run_once(name, cmd, stdin_path, results):
    """Appends one checked run of cmd to results[name]."""
    results.setdefault(name, []).append(checked(name, run(cmd, stdin_path)))


def figures(runs, mb, docs):
    secs = [r[0] for r in runs]
    sec = statistics.median(secs)
    return {"seconds": sec, "seconds_all": secs, "mb_per_s": mb / sec, "docs_per_s": docs / sec,
            "peak_rss_mb": max(r[1] for r in runs)}


def stage_times(nerx, path, runs=1):
    """Stage table of `runs` --stage-times runs, each stage's least:
    ([(name, seconds)], least wall seconds), or (None, why) when this nerx
    cannot print it."""
    best, best_wall = None, None
    for _ in range(runs):
        sec, _, rc, err = run([nerx, "--stage-times", "--input", "jsonl", "--output", "jsonl",
                               "--threads", "1", "--quiet"], path)
        stages = [(m.group(1), float(m.group(2))) for m in map(STAGE_LINE.match, err.splitlines()) if m]
        if not stages:
            if rc == 2:
                return None, "not supported by this nerx"
            return None, f"none printed (exit {rc}): {err.strip()[-300:]}"
        best = stages if best is None else [(n, min(s, b)) for (n, s), (_, b) in zip(stages, best)]
        best_wall = sec if best_wall is None else min(sec, best_wall)
    return best, best_wall


# ----------------------------------------------------------------- printing

def fmt_rate(x):
    return f"{x:.0f}" if x >= 100 else f"{x:.1f}" if x >= 10 else f"{x:.2f}"


def fmt_ratio(x):
    return f"{x:.0f}x" if x >= 10 else f"{x:.1f}x"


def fmt_int(x):
    return f"{x:,.0f}"


def print_table(rows):
    """rows: a string (a section heading) or (cells, note). Every column of
    cells has one width over the whole table; the first cell and cells that
    do not start with a digit are left-aligned, the others right-aligned.
    The note follows the row's last cell and takes no column."""
    width = {}
    for r in rows:
        if not isinstance(r, str):
            for i, c in enumerate(r[0]):
                width[i] = max(width.get(i, 0), len(c))
    for r in rows:
        if isinstance(r, str):
            print(r)
            continue
        cells, note = r
        out = [c.rjust(width[i]) if i and c[:1].isdigit() else c.ljust(width[i]) for i, c in enumerate(cells)]
        print(("  " + "   ".join(out + [note])).rstrip())


def plural(n, word):
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def print_report(r, refs):
    """The header, then one table of every figure in r."""
    m, inp, thr, cs, ld, st = r["machine"], r["input"], r["throughput"], r["cold_start"], r["long_document"], \
        r["stage_times"]
    runs = plural(r["runs"], "run")
    print("nerx benchmark")
    print(f"  commit    {r['commit'] or '?'}  ({r['tree'] or '?'})")
    print(f"  nerx      {r['nerx']}  ({r['version'] or 'no --version'})")
    print(f"  machine   {m['cpu']}, {m['cores']} cores ({m['usable_cores']} usable), {m['system']}, host {m['host']}")
    print(f"  date      {r['date']}")
    print(f"  input     {inp['bytes'] / 1e6:.1f} MB, {inp['documents']:,} documents, mean document "
          f"{inp['mean_record_bytes']:,.0f} bytes as a JSON Lines record"
          + (f" ({inp['mean_text_bytes']:,.0f} bytes of text)" if inp["mean_text_bytes"] else ""))
    print(f"            {inp['origin']}")
    print(f"  figures   medians of {runs}; MB = 10^6 bytes; peak RSS = the largest of the runs")
    print()
    rows = [f"throughput, JSON Lines in and out, on FILE (median of {runs})"]
    for name, label, _ in refs:
        f = thr[name]
        rows.append(([label, f"{f['seconds']:.3f} s", f"{fmt_rate(f['mb_per_s'])} MB/s",
                      f"{fmt_int(f['docs_per_s'])} docs/s"], ""))
    if "jsonl_parse" not in thr:
        rows.append((["jsonl_parse FILE"], "not found: build the jsonl_parse target or give --jsonl-parse"))
    for t in (1, 2):
        f = thr[f"nerx --threads {t}"]
        rows.append(([f"nerx --threads {t}", f"{f['seconds']:.3f} s", f"{fmt_rate(f['mb_per_s'])} MB/s",
                      f"{fmt_int(f['docs_per_s'])} docs/s"]
                     + [f"{ref} is {fmt_ratio(x)} faster" for ref, x in f["reference_is_faster"].items()],
                     f"({fmt_rate(f['mb_per_s_net_of_cold_start'])} MB/s net of the cold start)"))
    rows.append((["2 threads / 1 thread", fmt_ratio(thr["threads_2_over_1"])], f"({m['usable_cores']} cores usable)"))
    if not r["graph_output"]:
        rows.append("graph output: not supported by this nerx")
    else:
        rows.append(f"graph output, JSON Lines in, --threads 1, on FILE (median of {runs}), next to the JSON Lines run")
        for f, g in r["graph_output"].items():
            rows.append(([f"nerx --output {f}", f"{g['seconds']:.3f} s", f"{fmt_rate(g['mb_per_s'])} MB/s",
                          f"{fmt_int(g['docs_per_s'])} docs/s", f"{g['over_jsonl']:.2f}x the JSON Lines run"], ""))
    rows.append("peak memory (RSS)")
    for t in (1, 2):
        rows.append(([f"nerx --threads {t}", f"{thr[f'nerx --threads {t}']['peak_rss_mb']:.0f} MB"], "on FILE"))
    rows.append((["cold start", f"{cs['peak_rss_mb']:.0f} MB"], "the model and one word"))
    rows.append((["nerx --threads 1", f"{ld['peak_rss_mb']:.0f} MB"], "on LONG"))
    rows.append(f"cold start: echo Kazakhstan | nerx, a whole process ({plural(cs['runs'], 'run')})")
    rows.append((["median", f"{cs['median_ms']:.1f} ms"], f"(min {cs['min_ms']:.1f} ms, max {cs['max_ms']:.1f} ms)"))
    if not st["supported"]:
        rows.append(f"stage times: {st['why']}")
    else:
        rows.append(f"time per pipeline stage: nerx --stage-times --threads 1 on FILE, each stage's least of "
                    f"{runs} (summed over documents)")
        for s in st["stages"]:
            rows.append(([s["name"], f"{s['seconds']:.3f} s", f"{100 * s['share']:.1f} %"], ""))
        rows.append((["total", f"{st['total_seconds']:.3f} s", "100.0 %"],
                     f"(the fastest run took {st['wall_seconds']:.3f} s: the rest is model load and reading the input)"))
    rows.append(f"one long document, LONG: {ld['bytes'] / 1e6:.1f} MB in one JSON Lines record (median of {runs})")
    rows.append((["cat LONG > /dev/null", f"{ld['cat_seconds']:.3f} s", f"{fmt_rate(ld['bytes'] / 1e6 / ld['cat_seconds'])} MB/s"], ""))
    rows.append((["nerx --threads 1", f"{ld['seconds']:.3f} s", f"{fmt_rate(ld['mb_per_s'])} MB/s", "",
                  f"cat is {fmt_ratio(ld['cat_is_faster'])} faster"],
                 f"({fmt_rate(ld['mb_per_s_net_of_cold_start'])} MB/s net of the cold start)"))
    print_table(rows)


def machine():
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next((l.split(":", 1)[1].strip() for l in f if l.startswith("model name")), cpu)
    except OSError:
        pass
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return {"cpu": cpu, "cores": os.cpu_count(), "usable_cores": usable,
            "system": f"{platform.system()} {platform.release()} {platform.machine()}", "host": platform.node()}


def git(directory, *args):
    try:
        out = subprocess.run(["git", "-C", directory, *args], capture_output=True, text=True)
    except OSError:
        return None
    return out.stdout.strip() if out.returncode == 0 else None


# --------------------------------------------------------------------- main

def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--nerx", default=os.path.join(ROOT, "build", "nerx"), help="the nerx binary (default build/nerx)")
    ap.add_argument("--mb", type=float, default=20, help="size of the generated input in MB (default 20)")
    ap.add_argument("--runs", type=int, default=3, help="timed runs of each throughput command (median; default 3)")
    ap.add_argument("--long-mb", type=float, default=1, help="size of the one long document in MB (default 1)")
    ap.add_argument("--jsonl-parse", help="the jsonl_parse reference (default: next to the nerx binary)")
    src = ap.add_mutually_exclusive_group()
    src.add_argument("--input", metavar="FILE", help="time this JSON Lines file instead of generating one")
    src.add_argument("--keep-input", metavar="FILE", help="also write the generated input to FILE")
    ap.add_argument("--json", metavar="FILE", help="also write every figure to FILE as JSON")
    a = ap.parse_args()
    if a.runs < 1 or a.mb <= 0 or a.long_mb <= 0:
        ap.error("--runs, --mb and --long-mb must be positive")
    nerx = os.path.abspath(a.nerx)
    if not os.access(nerx, os.X_OK):
        sys.exit(f"bench: {nerx}: not built (see the usage: python3 {sys.argv[0]} --help)")
    parse = os.path.abspath(a.jsonl_parse or os.path.join(os.path.dirname(nerx), "jsonl_parse"))
    if not os.access(parse, os.X_OK):
        progress(f"{parse}: not found: no jsonl_parse reference (build the jsonl_parse target or give --jsonl-parse)")
        parse = None
    if a.input and not os.path.isfile(a.input):
        sys.exit(f"bench: --input {a.input}: no such file")
    if a.keep_input and inside(a.keep_input, ROOT):
        sys.exit(f"bench: --keep-input {a.keep_input}: the input holds the dev texts, which never go into the repository")

    report = {"nerx": nerx}
    version = subprocess.run([nerx, "--version"], capture_output=True, text=True).stdout.strip()
    report["version"] = version or None
    built_in = os.path.dirname(nerx)
    report["commit"] = git(built_in, "rev-parse", "--short", "HEAD")
    report["tree"] = git(built_in, "rev-parse", "--show-toplevel")
    if report["commit"] is None:
        report["commit"], report["tree"] = git(ROOT, "rev-parse", "--short", "HEAD"), ROOT
    report["machine"] = m = machine()
    report["date"] = datetime.datetime.now().astimezone().isoformat(timespec="seconds")
    report["runs"] = a.runs

    with tempfile.TemporaryDirectory(prefix="nerx-bench.") as tmp:
        # The input.
        if a.input:
            path = os.path.abspath(a.input)
            progress(f"reading {path}")
            docs, n_docs = read_input(path)
            origin = f"read from {path}"
        else:
            progress("generating the input")
            docs = source_texts()
            if not docs:
                sys.exit("bench: no document of at least 1,000 bytes in corpus/ or ../shared/eval/dev")
            path = os.path.join(tmp, "bench.jsonl")
            n_docs = write_input(path, docs, a.mb)
            origin = (f"generated from {len(docs):,} distinct documents of corpus/*.txt and "
                      f"../shared/eval/dev/*.jsonl of >= {MIN_DOC_BYTES:,} bytes")
            if a.keep_input:
                shutil.copyfile(path, a.keep_input)
                origin += f", kept in {a.keep_input}"
        size = os.path.getsize(path)
        mb = size / 1e6
        if a.input:
            text_bytes = sum(len(t.encode("utf-8")) for _, t, _ in docs)
        else:  # the generated file repeats docs in order
            text_bytes = sum(len(docs[i % len(docs)][1].encode("utf-8")) for i in range(n_docs))
        if n_docs == 0:
            sys.exit(f"bench: {path}: no record")
        report["input"] = {"origin": origin, "bytes": size, "documents": n_docs,
                           "mean_record_bytes": size / n_docs,
                           "mean_text_bytes": text_bytes / n_docs if docs else None}
        long_path = os.path.join(tmp, "long.jsonl")
        write_long(long_path, docs, a.long_mb)
        long_mb = os.path.getsize(long_path) / 1e6

        # Warm the page cache: the input, the long document, nerx and its data.
        for p in (path, long_path):
            run(["cat", p])
        checked("nerx (cold start)", run([nerx], stdin_bytes=COLD_INPUT))

        # Cold start.
        progress(f"cold start: {COLD_RUNS} runs")
        cold = [checked("nerx (cold start)", run([nerx], stdin_bytes=COLD_INPUT)) for _ in range(COLD_RUNS)]
        cold_ms = [r[0] * 1e3 for r in cold]
        report["cold_start"] = {"command": "echo Kazakhstan | nerx", "runs": COLD_RUNS, "median_ms": statistics.median(cold_ms), "min_ms": min(cold_ms),
                                "max_ms": max(cold_ms), "peak_rss_mb": max(r[1] for r in cold)}
        cold_sec = report["cold_start"]["median_ms"] / 1e3

        # Throughput: every command once per round, so that the machine's
        # load falls alike on nerx and on the references.
        refs = [("cat", "cat FILE > /dev/null", ["cat", path]),
                ("wc -w", "wc -w FILE", ["wc", "-w", path])]
        if parse:
            refs.append(("jsonl_parse", "jsonl_parse FILE", [parse, path]))
        nerx_cmd = [nerx, "--input", "jsonl", "--output", "jsonl", "--quiet", "--threads"]
        graph_formats = [f for f in GRAPH_FORMATS
                         if run([nerx, "--output", f, "--quiet"], stdin_bytes=COLD_INPUT)[2] == 0]
        results = {}
        for r in range(a.runs):
            progress(f"throughput: round {r + 1} of {a.runs}")
            for name, _, cmd in refs:
                run_once(name, cmd, None, results)
            for t in (1, 2):
                run_once(f"nerx --threads {t}", nerx_cmd + [str(t)], path, results)
            for f in graph_formats:
                run_once(f"nerx --output {f}", [nerx, "--input", "jsonl", "--output", f, "--quiet", "--threads", "1"],
                         path, results)
        thr = report["throughput"] = {}
        for name, label, _ in refs:
            thr[name] = dict(figures(results[name], mb, n_docs), command=label)
            del thr[name]["peak_rss_mb"]
        for t in (1, 2):
            name = f"nerx --threads {t}"
            f = thr[name] = figures(results[name], mb, n_docs)
            f["command"] = f"nerx --input jsonl --output jsonl --quiet --threads {t} < FILE > /dev/null"
            f["mb_per_s_net_of_cold_start"] = mb / max(f["seconds"] - cold_sec, 1e-9)
            f["reference_is_faster"] = {ref: f["seconds"] / thr[ref]["seconds"] for ref, _, _ in refs}
        thr["threads_2_over_1"] = thr["nerx --threads 1"]["seconds"] / thr["nerx --threads 2"]["seconds"]
        report["graph_output"] = {}
        for f in graph_formats:
            g = report["graph_output"][f] = figures(results[f"nerx --output {f}"], mb, n_docs)
            g["command"] = f"nerx --input jsonl --output {f} --quiet --threads 1 < FILE > /dev/null"
            g["over_jsonl"] = g["seconds"] / thr["nerx --threads 1"]["seconds"]

        # Stage times.
        progress(f"stage times: {plural(a.runs, 'run')}")
        stages, wall = stage_times(nerx, path, a.runs)
        if stages is None:
            report["stage_times"] = {"supported": False, "why": wall}
        else:
            total = sum(s for _, s in stages)
            report["stage_times"] = {"supported": True, "threads": 1, "wall_seconds": wall, "total_seconds": total,
                                     "stages": [{"name": n, "seconds": s, "share": s / total if total else 0}
                                                for n, s in stages]}

        # One long document.
        progress(f"one long document: {plural(a.runs, 'run')}")
        long_runs = {}
        for _ in range(a.runs):
            run_once("cat", ["cat", long_path], None, long_runs)
            run_once("nerx", nerx_cmd + ["1"], long_path, long_runs)
        lf = figures(long_runs["nerx"], long_mb, 1)
        cat_sec = statistics.median(r[0] for r in long_runs["cat"])
        report["long_document"] = {"command": "nerx --input jsonl --output jsonl --quiet --threads 1 < LONG > /dev/null",
                                   "bytes": os.path.getsize(long_path), "seconds": lf["seconds"],
                                   "seconds_all": lf["seconds_all"], "mb_per_s": lf["mb_per_s"],
                                   "mb_per_s_net_of_cold_start": long_mb / max(lf["seconds"] - cold_sec, 1e-9),
                                   "peak_rss_mb": lf["peak_rss_mb"], "cat_seconds": cat_sec,
                                   "cat_is_faster": lf["seconds"] / cat_sec}

    print_report(report, refs)

    if a.json:
        with open(a.json, "w", encoding="utf-8") as f:
            json.dump(report, f, indent=2)
            f.write("\n")


if __name__ == "__main__":
    main()
