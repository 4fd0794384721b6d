#!/usr/bin/python3
"""The graph outputs, checked by real RDF tools (Debian's raptor2-utils and
python3-rdflib, so this runs with /usr/bin/python3).

usage: check_graph.py NERX corpus REPO      the corpus/ articles, the fuzz
                                            corpus, made-up records
       check_graph.py NERX sample EVAL_DIR  500 documents of EVAL_DIR/dev
                                            (exit 77, skipped, without it)

corpus: every format nerx writes (ntriples, turtle, jsonld, and the CSV
files) of the same input parses (rapper for N-Triples and Turtle, rdflib for
all three) and N-Triples, Turtle and JSON-LD give the same graph; a SPARQL
query over the demo article's graph returns exactly its three holds_title
facts of corpus/*.gold.json (person, title, organisation names); two
documents that name one organisation differently (XJTU, Xi'an Jiaotong
University; a name no gazetteer has, in other case) give one node; kept
fields, versions, error records and holds_title with no organisation are in
the graph; the CSV headers follow neo4j-admin's import format.
sample: the three formats of 500 documents parse and agree.
"""
import csv
import glob
import json
import os
import re
import subprocess
import sys
import tempfile

try:
    import rdflib
    from rdflib.compare import isomorphic
except ImportError:
    sys.exit("check_graph: python3-rdflib is missing (apt-get install python3-rdflib)")

SCHEMA = rdflib.Namespace("https://schema.org/")
ORG = rdflib.Namespace("http://www.w3.org/ns/org#")
NX = rdflib.Namespace("urn:nerx:vocab:")
FAILS = []


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        FAILS.append(what)


def nerx(exe, args, stdin=None):
    p = subprocess.run([exe, "--quiet"] + args, input=stdin, capture_output=True)
    if p.returncode not in (0, 1):
        sys.exit("nerx %s failed (%d): %s" % (" ".join(args), p.returncode, p.stderr.decode(errors="replace")))
    return p.stdout


def rapper_ok(data, syntax, what):
    with tempfile.NamedTemporaryFile(suffix="." + syntax) as f:
        f.write(data)
        f.flush()
        p = subprocess.run(["rapper", "-i", syntax, "-c", f.name], capture_output=True, text=True)
    n = re.search(r"returned (\d+) triples", p.stderr)
    bad = [l for l in p.stderr.splitlines() if "Error" in l or "Warning" in l]
    check(p.returncode == 0 and not bad and n is not None, "rapper parses the %s of %s (%s triples)%s" %
          (syntax, what, n.group(1) if n else "?", ": " + "; ".join(bad[:3]) if bad else ""))
    return int(n.group(1)) if n else -1


def graphs(exe, inputs, extra, what):
    """The graph of the inputs in each format, parsed by rdflib; rapper too."""
    out = {}
    statements = None  # N-Triples lines: a node named in several documents is stated again in each
    for fmt, syntax in (("ntriples", "ntriples"), ("turtle", "turtle"), ("jsonld", None)):
        data = nerx(exe, ["--output", fmt] + extra + inputs)
        g = rdflib.Graph()
        if fmt == "jsonld":
            lines = data.decode("utf-8").splitlines()
            for line in lines:
                g.parse(data=line, format="json-ld")
            check(all(json.loads(l).get("@graph") for l in lines), "every JSON-LD line of %s is a graph" % what)
        else:
            g.parse(data=data, format="nt" if fmt == "ntriples" else "turtle")
            n = rapper_ok(data, syntax, what)
            if statements is None:
                statements = sum(1 for l in data.splitlines() if l and not l.startswith(b"#"))
            check(n == statements, "rapper reads the %d statements of the %s of %s" % (statements, fmt, what))
        out[fmt] = g
    return out


def agree(gs, what, exact=True):
    nt = gs["ntriples"]
    for fmt in ("turtle", "jsonld"):
        # no blank nodes: isomorphism is equality of the sets of triples
        same = isomorphic(nt, gs[fmt]) if exact else set(nt) == set(gs[fmt])
        check(same and len(nt) > 0, "%s and N-Triples of %s are the same graph (%d triples)" % (fmt, what, len(nt)))


HOLDS_TITLE = """
PREFIX schema: <https://schema.org/>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX nx: <urn:nerx:vocab:>
SELECT ?person ?title ?org WHERE {
  ?fact nx:relationType "holds_title" ; org:member ?p ; schema:roleName ?title ; org:organization ?o .
  ?p schema:name ?person .
  ?o schema:name ?org .
}"""


def corpus(exe, repo):
    tmp = tempfile.mkdtemp()
    # made-up records: one organisation named two ways in two documents, a
    # name no gazetteer has in two cases, kept fields, an error record, a
    # title with no organisation, bytes that are no UTF-8
    records = os.path.join(tmp, "records.jsonl")
    with open(records, "wb") as f:
        rows = [
            {"id": "one", "url": "https://example.org/one", "title": "Forum \"one\"",
             "text": "Zhang Liqun, president of Xi'an Jiaotong University, spoke at Qarlygash Pedagogical Institute."},
            {"id": "two", "text": "XJTU signed an agreement with the QARLYGASH PEDAGOGICAL INSTITUTE on Monday."},
            {"id": "three", "text": "Former president Nursultan Nazarbayev said nothing."},
            {"id": "a b/\"c\"#<d>\\ é\t", "title": "line\nbreak; \"quoted\", comma",
             "text": "Sean O'Brien, chairman of \"Brien & Sons\" Ltd, met Zoë Müller of Zürich-Nord AG."},
        ]
        for r in rows:
            f.write(json.dumps(r).encode() + b"\n")
        f.write(b"{not json\n")
        f.write(b'{"id": "bytes", "text": "Astana \xff\xfe IT University in \\u0001 Kazakhstan"}\n')
    demo = os.path.join(repo, "corpus", "xjtu-sco-forum.txt")
    fuzz = sorted(glob.glob(os.path.join(repo, "tests", "fuzz", "corpus", "*")))
    inputs = [os.path.join(repo, "corpus")] + fuzz + [records]
    gs = graphs(exe, inputs, ["--keep-fields", "url,title"], "corpus/, the fuzz corpus and made-up records")
    agree(gs, "corpus/, the fuzz corpus and made-up records")

    # the demo article's three facts, by a SPARQL query
    demo_g = graphs(exe, [demo], [], "the demo article")
    agree(demo_g, "the demo article")
    gold = json.load(open(os.path.join(repo, "corpus", "xjtu-sco-forum.gold.json")))
    want = sorted((r["person"][0], r["title"][0], r["organization"][0]) for r in gold["relations"]
                  if r["type"] == "holds_title" and r.get("organization"))
    for fmt, g in demo_g.items():
        got = sorted((str(a), str(b), str(c)) for a, b, c in g.query(HOLDS_TITLE))
        check(got == want and len(want) == 3, "SPARQL over the %s finds the demo's three facts: %s" % (fmt, got))

    g = gs["ntriples"]
    base = "https://nerx.invalid/"
    doc = lambda i: rdflib.URIRef(base + "doc/" + i)
    xjtu = [s for s in g.subjects(SCHEMA.name, rdflib.Literal("Xi'an Jiaotong University"))]
    check(len(xjtu) == 1, "Xi'an Jiaotong University and XJTU are one node: %s" % xjtu)
    if xjtu:
        check({doc("one"), doc("two")} <= set(g.subjects(SCHEMA.mentions, xjtu[0])),
              "both documents mention that node")
    qar = [s for s in g.subjects(rdflib.RDF.type, SCHEMA.Organization) if "qarlygash" in str(s)]
    check(len(qar) == 1 and {doc("one"), doc("two")} <= set(g.subjects(SCHEMA.mentions, qar[0])),
          "a name no gazetteer has, in two cases in two documents, is one node: %s" % qar)
    check(g.value(doc("one"), SCHEMA.url) == rdflib.Literal("https://example.org/one") and
          g.value(doc("one"), SCHEMA.headline) == rdflib.Literal('Forum "one"'),
          "--keep-fields url,title are on the document's node")
    docs = set(g.subjects(rdflib.RDF.type, SCHEMA.CreativeWork))
    check(len(docs) >= 6 and all(g.value(d, NX.nerxVersion) and g.value(d, NX.schemaVersion) for d in docs),
          "every document node carries the nerx and schema versions (%d)" % len(docs))
    check(any(g.value(d, NX.error) for d in docs), "an error record is a document node with nx:error")
    lone = [f for f in g.subjects(NX.relationType, rdflib.Literal("holds_title"))
            if g.value(f, ORG.organization) is None and g.value(f, ORG.role) is not None]
    check(len(lone) >= 1, "a holds_title with no organisation is a role node with its title (%d)" % len(lone))
    kz = rdflib.URIRef(base + "entity/iso3166/KZ")
    check((kz, SCHEMA.sameAs, rdflib.URIRef("https://sws.geonames.org/1522867/")) in g and
          (kz, rdflib.RDF.type, SCHEMA.Country) in g, "Kazakhstan: schema:Country, sameAs its GeoNames IRI")

    # the JSON output: the same keys, the kept fields, the versions
    lines = [json.loads(l) for l in nerx(exe, ["--output", "jsonl", "--keep-fields", "url,title", records]).splitlines()]
    keys = [[e["key"] for e in d.get("entities", []) if e["name"] == "Xi'an Jiaotong University"] for d in lines[:2]]
    check(keys == [["domain:xjtu.edu.cn"], ["domain:xjtu.edu.cn"]], "JSON: XJTU and its full name have one key: %s" % keys)
    check(lines[0].get("fields") == {"url": "https://example.org/one", "title": 'Forum "one"'} and
          "fields" not in lines[1], "JSON: the kept fields pass through")
    check(all(d.get("nerx_version") and d.get("schema_version") == 1 for d in lines), "JSON: every record has the versions")
    weird = [e["key"] for d in lines for e in d.get("entities", []) if d.get("id", "").startswith("a b/")]
    want = ["person:sean-obrien", "org:brien-sons", "person:zoe-muller", "org:zurich-nord-ag"]
    check(sorted(weird) == sorted(want), "JSON: name keys fold case and accents, drop apostrophes, join words by '-': %s" % weird)

    # CSV, against neo4j-admin database import's header format
    kg = os.path.join(tmp, "kg")
    nerx(exe, ["--output", "csv", "--output-dir", kg] + inputs)
    check_csv(os.path.join(kg, "nodes.csv"), os.path.join(kg, "edges.csv"))


# neo4j-admin database import, "CSV header format" (Neo4j Operations Manual):
# a column is name:type, :ID (nodes), :LABEL, :START_ID, :END_ID, :TYPE
# (relationships), :IGNORE; types below, an array type ends in [] (items split
# by ';', --array-delimiter's default).
NEO4J_TYPES = {"int", "long", "float", "double", "boolean", "byte", "short", "char", "string", "point", "date",
               "localtime", "time", "localdatetime", "datetime", "duration"}


def header_ok(cols, required):
    for c in cols:
        name, _, typ = c.rpartition(":") if ":" in c else (c, "", "")
        if c in (":ID", ":LABEL", ":START_ID", ":END_ID", ":TYPE", ":IGNORE"):
            continue
        if typ and typ.rstrip("[]").lower() not in NEO4J_TYPES:
            return False
        if not name:
            return False
    return all(cols.count(r) == 1 for r in required)


def check_csv(nodes, edges):
    with open(nodes, newline="", encoding="utf-8") as f:
        n = list(csv.reader(f))
    with open(edges, newline="", encoding="utf-8") as f:
        e = list(csv.reader(f))
    check(header_ok(n[0], [":ID", ":LABEL"]), "nodes.csv header is a neo4j-admin node header: %s" % n[0])
    check(header_ok(e[0], [":START_ID", ":END_ID", ":TYPE"]), "edges.csv header is a relationship header: %s" % e[0])
    check(all(len(r) == len(n[0]) for r in n) and all(len(r) == len(e[0]) for r in e), "every row has its header's columns")
    ids = {r[0] for r in n[1:]}
    check(all(r[0] and r[1] for r in n[1:]), "every node has an id and a label")
    check(all(r[0] in ids and r[1] in ids and r[2] for r in e[1:]), "every edge's ends are nodes; every edge has a type")
    types = {r[2] for r in e[1:]}
    check({"MENTIONS", "HOLDS_TITLE"} <= types, "edge types: %s" % sorted(types))
    check(any(r[1].startswith("title:") for r in e[1:] if r[2] == "HOLDS_TITLE"),
          "a holds_title with no organisation ends at its title's node")


def sample(exe, eval_dir):
    dev = os.path.join(eval_dir, "dev")
    if not os.path.isdir(dev):
        print("skipped: %s not found (the dev sets live outside the repository)" % dev)
        return 77
    # 500 documents: the dev files' lines in turn
    files = [open(p, encoding="utf-8") for p in sorted(glob.glob(os.path.join(dev, "*.jsonl")))]
    docs = []
    while len(docs) < 500 and files:
        for f in list(files):
            line = f.readline()
            if not line:
                files.remove(f)
            elif line.strip() and len(docs) < 500:
                docs.append(line)
    path = os.path.join(tempfile.mkdtemp(), "sample.jsonl")
    with open(path, "w", encoding="utf-8") as f:
        f.writelines(docs)
    gs = graphs(exe, [path, "--threads", "2"], [], "%d dev documents" % len(docs))
    agree(gs, "%d dev documents" % len(docs), exact=False)
    kg = os.path.join(os.path.dirname(path), "kg")
    nerx(exe, ["--output", "csv", "--output-dir", kg, path])
    check_csv(os.path.join(kg, "nodes.csv"), os.path.join(kg, "edges.csv"))
    return 0


def main():
    exe, what, where = sys.argv[1:4]
    if what == "sample":
        rc = sample(exe, where)
        if rc:
            return rc
    else:
        corpus(exe, where)
    if FAILS:
        print("%d check(s) failed" % len(FAILS))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
