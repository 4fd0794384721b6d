#!/usr/bin/env python3
"""Hostile dumps lose nothing silently: every record in gives one record out
(a document or an error record, in input order), every failure is on stderr
with a non-zero exit, the output is valid UTF-8 JSON, and memory stays
bounded whatever a line holds.

usage: hostile.py NERX [--sanitized]
"""
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time

import checks
from checks import check

nerx = sys.argv[1]


def run(args, data=b"", **kw):
    return subprocess.run([nerx] + args, input=data, capture_output=True, timeout=300, **kw)


def lines(out):
    """The output's records, decoded strictly (invalid UTF-8 raises)."""
    return [json.loads(l) for l in out.decode("utf-8").splitlines()]


# runs argv[1:] and prints its peak resident memory (KB) last on stderr
PEAK = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:]); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr)")


def mention_texts(d):
    return [m["text"] for m in d.get("mentions", [])]


# --- \u0000 inside the text: the text after it is kept, with a warning
r = run(["--output", "jsonl"], b'{"id":"a","text":"Zhang Liqun\\u0000 met officials in Kazakhstan."}\n')
d = lines(r.stdout)[0]
check("Kazakhstan" in mention_texts(d) and b"NUL" in r.stderr, "\\u0000 in text keeps what follows, warns",
      f"{d} {r.stderr}")

# --- a raw NUL byte in a line is an error record, not a cut text
r = run(["--output", "jsonl"], b'{"id":"a","text":"x\x00y"}\n{"id":"b","text":"Kazakhstan."}\n')
L = lines(r.stdout)
check(len(L) == 2 and "error" in L[0] and r.returncode == 1, "raw NUL byte: error record", f"{L} {r.returncode}")

# --- a second JSON value on a line is an error record
r = run(["--output", "jsonl"], b'{"id":"a","text":"x Kazakhstan"} {"id":"b","text":"y"}\n{"id":"c","text":"z"}\n')
L = lines(r.stdout)
check(len(L) == 2 and "error" in L[0] and "after the JSON object" in L[0]["error"] and L[1]["id"] == "c" and r.returncode == 1,
      "a second JSON object on a line: error record", f"{L}")

# --- stdin auto-detection past a byte order mark and long leading white space
for name, pre in [("BOM", b"\xef\xbb\xbf"), ("4 KB of white space", b" \n" * 4096), ("BOM and white space", b"\xef\xbb\xbf\n\n  ")]:
    r = run([], pre + b'{"id":"a","text":"Kazakhstan."}\n{"id":"b","text":"Astana."}\n')
    try:
        L = lines(r.stdout)
    except ValueError:
        L = []
    check([d.get("id") for d in L] == ["a", "b"], f"stdin JSON Lines after a {name}", r.stdout[:200])

# --- numeric ids are kept as written
ids = ["9007199254740993", "9007199254740992", "1e400", "-0", "1.50", "12"]
data = "".join('{"id": %s, "text": "Kazakhstan."}\n' % i for i in ids).encode()
r = run([], data)
got = [d["id"] for d in lines(r.stdout)]
check(got == ids, "numeric ids kept as their source text", f"{got}")

# --- an unusable record date is a warning; the dateline (or --dct) is used
data = b"".join(json.dumps({"id": f"d{i}", "text": "ASTANA, July 5, 2024 -- Officials met on Monday.", "date": v}).encode() + b"\n"
                for i, v in enumerate(["Fri, 05 Jul 2024 10:00:00 GMT", 1720000000, "", "2024-13-45"]))
r = run([], data)
L = lines(r.stdout)
check(r.returncode == 0 and len(L) == 4 and all(d.get("dct") == "2024-07-05" and d.get("dct_source") == "dateline" for d in L)
      and r.stderr.count(b"warning") == 4, "unusable record date: warning, dateline used", f"{L} {r.stderr}")
r = run(["--dct", "2020-01-01"], data[: data.index(b"\n") + 1])
d = lines(r.stdout)[0]
check(d.get("dct") == "2020-01-01" and d.get("dct_source") == "option", "unusable record date: --dct used", f"{d}")

# --- --dct-field names the only field read
r = run(["--dct-field", "published"], b'{"id":"a","text":"Officials met.","date":"2020-01-01"}\n'
                                      b'{"id":"b","text":"Officials met.","published":"2021-02-03"}\n')
L = lines(r.stdout)
check([d.get("dct") for d in L] == [None, "2021-02-03"], "--dct-field: date is not read", f"{L}")

# --- invalid UTF-8 in ids and file names: the output stays valid UTF-8 JSON
with tempfile.TemporaryDirectory() as tmp:
    bad = os.path.join(tmp.encode(), b"caf\xe9.txt")
    with open(bad, "wb") as f:
        f.write(b"Officials from Kazakhstan met.")
    r = run(["--output", "jsonl", bad.decode("utf-8", "surrogateescape")])
    try:
        L = lines(r.stdout)
        ok = len(L) == 1 and L[0]["id"].endswith("caf\ufffd.txt")
    except ValueError as e:
        ok, L = False, e
    check(ok, "invalid UTF-8 in a file name: valid JSON", f"{L}")
r = run([], b'{"id":"a\xff\xfe","text":"Kazakhstan."}\n{"id":"b","text":"x","date":7}\n')
try:
    L = lines(r.stdout)
    ok = [d["id"] for d in L] == ["a\ufffd\ufffd", "b"]
except ValueError as e:
    ok, L = False, e
check(ok, "invalid UTF-8 in an id: valid JSON", f"{L}")

# --- an id cannot forge a stderr line
r = run([], b'{"id":"a\\nnerx: b: error: forged","text":"x","date":7}\n')
check(all(l.startswith(b"nerx: a\\nnerx") for l in r.stderr.splitlines()) and b"\x1b" not in r.stderr,
      "control characters in ids are escaped on stderr", r.stderr)

# --- --help to a full disk fails with a message
if os.path.exists("/dev/full"):
    with open("/dev/full", "wb") as full:
        r = subprocess.run([nerx, "--help"], stdout=full, stderr=subprocess.PIPE)
    check(r.returncode == 4 and b"cannot write" in r.stderr, "--help >/dev/full: exit 4 with a message", r.stderr)

# --- the last day of year 9999: "tomorrow" has no four-digit year
r = run(["--dct", "9999-12-31", "--output", "jsonl"], b"He comes tomorrow and next year.")
vals = [m.get("value") for m in lines(r.stdout)[0].get("mentions", [])]
check(r.returncode == 0 and not any(v and v.startswith("0000") for v in vals), "--dct 9999-12-31 + tomorrow", f"{vals}")

# --- a line without end is bounded: the size limit, an error record, no more memory
subprocess.run([nerx, "--output", "jsonl"], input=b"Kazakhstan.", capture_output=True)
base_rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # KB: the model and the program
# (AddressSanitizer keeps up to 256 MB of freed blocks: keep it small here)
small_quarantine = dict(os.environ, ASAN_OPTIONS=os.environ.get("ASAN_OPTIONS", "") + ":quarantine_size_mb=16")
for src in ["pipe", "/dev/zero"]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    if src == "pipe":
        p = subprocess.run(f"head -c 500000000 /dev/zero | '{nerx}' --input jsonl", shell=True, capture_output=True,
                           timeout=300, env=small_quarantine)
        out, rc = p.stdout, p.returncode
    else:
        # /dev/zero never ends: read it for a while, then stop it
        p = subprocess.Popen([nerx, "--input", "jsonl", "/dev/zero"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             env=small_quarantine)
        try:
            out, _ = p.communicate(timeout=4)
        except subprocess.TimeoutExpired:
            p.kill()
            out, _ = p.communicate()
        rc = 1
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    L = lines(out)
    ok = len(L) >= 1 and "size limit" in L[0].get("error", "") and rc == 1
    # the model and the size limit (64 MiB, twice over for a sanitizer's
    # redzones and quarantine), not the 500 MB line
    check(ok and (peak <= before or peak < base_rss + 2.5 * 64 * 1024), f"endless line ({src}) is bounded", f"{L[:1]} rc={rc} peak={peak} KB")

# --- a line nerx cannot allocate is an error record, and the records after
# it are still read (it was once taken as the end of the input, exit 0)
if "--sanitized" not in sys.argv:
    p = subprocess.Popen([nerx, "--input", "jsonl"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    time.sleep(0.5)
    with open(f"/proc/{p.pid}/status") as f:
        vm = int([l for l in f if l.startswith("VmPeak")][0].split()[1])  # KB: the program and its model
    p.communicate(b"")

    def little_memory():  # 40 MB more than it starts with: a 60 MB line cannot fit
        resource.setrlimit(resource.RLIMIT_AS, ((vm + 40 * 1024) * 1024,) * 2)

    data = b'{"id":"a","text":"Kazakhstan."}\n{"id":"big","text":"' + b"x" * 60000000 + b'"}\n{"id":"c","text":"Astana."}\n'
    with tempfile.TemporaryFile() as f:
        f.write(data)
        f.seek(0)
        r = subprocess.run([nerx, "--input", "jsonl"], stdin=f, capture_output=True, preexec_fn=little_memory)
    L = lines(r.stdout)
    check(r.returncode == 1 and [d["id"] for d in L] == ["a", "stdin:2", "c"] and "out of memory" in L[1].get("error", ""),
          "a line that cannot be allocated: error record, reading goes on", f"rc={r.returncode} {L} {r.stderr[:200]}")

# --- the same limit on a plain-text document and a gazetteer file
for args, want_rc, what in [(["/dev/zero"], 1, "text document /dev/zero"),
                            (["--gazetteer", "/dev/zero", "-"], 3, "gazetteer /dev/zero")]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    try:
        r = subprocess.run([nerx] + args, input=b"Kazakhstan.", capture_output=True, timeout=10, env=small_quarantine)
        rc, err = r.returncode, r.stderr
    except subprocess.TimeoutExpired:
        rc, err = None, b"timeout"
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    check(rc == want_rc and b"size limit" in err and (peak <= before or peak < base_rss + 2.5 * 64 * 1024),
          f"{what}: size limit, bounded memory", f"rc={rc} peak={peak} KB {err[-200:]}")

# --- a corrupt compressed file: an error record naming it
with tempfile.TemporaryDirectory() as tmp:
    import gzip
    good = gzip.compress(b'{"id":"g1","text":"Kazakhstan."}\n' * 3000)
    with open(os.path.join(tmp, "cut.jsonl.gz"), "wb") as f:
        f.write(good[: len(good) // 2])
    r = run([os.path.join(tmp, "cut.jsonl.gz")])
    try:
        L = lines(r.stdout)
    except ValueError:
        L = [{}]
    check(r.returncode == 1 and "error" in L[-1] and b"cut.jsonl.gz" in r.stderr, "truncated .gz: error record",
          f"{L[-1:]} {r.stderr[-300:]}")

# --- threads: memory bounded by the bytes in flight, not by the number of
# threads (256 records of 100 KB: 64 threads may hold what 1 does plus a
# bounded window, not 64 documents' working memory and 1024 records)
if "--sanitized" not in sys.argv:
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "big.jsonl")
        rng2 = random.Random(3)
        vocab = ["Officials", "from", "Kazakhstan", "met", "Zhang", "Liqun,", "president", "of", "Astana", "IT",
                 "University,", "on", "July", "4.", "The", "ministry", "said", "talks", "would", "continue."]
        with open(path, "w") as f:
            for i in range(256):
                text = " ".join(rng2.choice(vocab) for _ in range(16000))[:100000]
                f.write(json.dumps({"id": i, "text": text}) + "\n")
        peaks = {}
        outs = {}
        for t in (1, 64):
            r = subprocess.run([sys.executable, "-c", PEAK, nerx, "--threads", str(t), path], capture_output=True, timeout=300)
            peaks[t] = int(r.stderr.split()[-1])
            outs[t] = r.stdout
        check(outs[1] == outs[64] and peaks[64] < peaks[1] + 160 * 1024,
              f"--threads 64 over 256 records of 100 KB: bounded memory ({peaks[1] // 1024} MB at 1 thread, {peaks[64] // 1024} MB at 64)",
              f"{peaks} same output: {outs[1] == outs[64]}")

# --- one long document: bounded working memory. A 16 MB text of news
# paragraphs (many distinct people, titles and organisations) may hold at
# most 12 bytes per input byte above the model and program (it took 40 when
# a document was extracted whole: nx_options.window_bytes windows it)
if "--sanitized" not in sys.argv:
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "long.txt")
        rng3 = random.Random(5)
        syl = ["ka", "lo", "mi", "zan", "tur", "bek", "ov", "ra", "shi", "den", "vel", "mar", "gul", "nur"]
        name = lambda k: "".join(rng3.choice(syl) for _ in range(k)).capitalize()
        demo = open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "corpus",
                                 "xjtu-sco-forum.txt"), encoding="utf-8").read()
        size = 0
        with open(path, "w", encoding="utf-8") as f:
            while size < 16 << 20:
                para = (f"{name(2)} {name(3)}, the chairman of {name(2)} Bank, met {name(2)} {name(2)} in "
                        f"{name(3)} on July 4, 2024. " * 6) if rng3.random() < 0.7 else demo
                f.write(para + "\n\n")
                size += len(para.encode()) + 2
        r = subprocess.run([sys.executable, "-c", PEAK, nerx, "--quiet", "--output", "jsonl", "--dct", "2024-07-05",
                            path], capture_output=True, timeout=300)
        r0 = subprocess.run([sys.executable, "-c", PEAK, nerx, "--output", "jsonl", "-"], input=b"Kazakhstan.",
                            capture_output=True, timeout=60)
        peak, base = int(r.stderr.split()[-1]), int(r0.stderr.split()[-1])
        per_byte = (peak - base) * 1024 / size
        doc = lines(r.stdout)[0] if r.returncode == 0 else {}
        check(r.returncode == 0 and len(doc.get("mentions", [])) > 100000 and per_byte <= 12,
              f"a 16 MB document: {per_byte:.1f} bytes of memory per input byte above the model ({base // 1024} MB)",
              f"rc={r.returncode} peak={peak} KB base={base} KB {r.stderr[-300:]}")

# --- records in = records out: 100k records, 1% malformed lines of every kind
rng = random.Random(12)
bad_kinds = [
    (b'{"id":"ID","text":', "malformed"),                                # cut JSON
    (b'{"id":"ID","text":"one"} {"id":"x","text":"two"}', "malformed"),  # two objects
    (b'["ID", "not an object"]', "malformed"),
    (b'{"id":"ID","body":"no text field"}', "text"),
    (b'{"id":"ID","text":"nul\x00byte"}', "malformed"),
    (b'{"id":"ID","text":""}', "empty"),
    (b'{"id":"ID","text":"\\u0000\\u0000 Kazakhstan"}', None),           # processed, with a warning
    (b'{"id":"ID","text":"Kazakhstan.","date":"Fri, 05 Jul 2024"}', None),
    (b'{"id":"ID","text":"Kazakhstan.","dct":1720000000}', None),
    (b'{"id":"ID\xff","text":"Kazakhstan \xfe."}', None),               # invalid UTF-8
    (b'{"id":"ID","text":"\\ud800 lone surrogate"}', "malformed"),  # cJSON refuses it
    (b'\xef\xbb\xbf{"id":"ID","text":"a BOM inside the stream"}', None),  # read past, as cJSON does
    (b'{"id":"ID","text":"x"}}', "malformed"),
]
with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "dump.jsonl")
    want = []  # (id, error or None)
    n_bad = 0
    with open(path, "wb") as f:
        for i in range(100000):
            if rng.random() < 0.01:
                k = rng.randrange(len(bad_kinds))
                line, err = bad_kinds[k]
                rid = f"b{i}"
                line = line.replace(b"ID", rid.encode())
                n_bad += 1
                # a line whose id cannot be read is named by its place
                if err == "malformed":
                    rid = f"{path}:{i + 1}"
                if b"\xff" in line:
                    rid += "\ufffd"
                want.append((rid, err))
            else:
                line = json.dumps({"id": i, "text": f"Officials from Kazakhstan met on July {i % 28 + 1}."}).encode()
                want.append((str(i), None))
            f.write(line + b"\n")
    r = run(["--threads", "2", "--quiet", path])
    try:
        L = lines(r.stdout)
    except ValueError as e:
        L = []
        check(False, "100k dump: output is valid UTF-8 JSON", str(e))
    got = [(d["id"], d.get("error")) for d in L]
    ok = len(got) == len(want)
    bad_at = None
    for (gid, gerr), (wid, werr) in zip(got, want):
        if gid != wid or (werr is None) != (gerr is None) or (werr and werr not in gerr):
            ok, bad_at = False, ((gid, gerr), (wid, werr))
            break
    errors = sum(1 for _, e in want if e)
    check(ok and r.returncode == 1 and f"{errors} of 100000".encode() in r.stderr,
          f"100k dump with {n_bad} hostile lines: records in = records out, in order", f"{len(got)} out; first difference {bad_at}; {r.stderr[-200:]}")

sys.exit(checks.exit_status())
