#!/usr/bin/env python3
"""--output html: the page of the demo article and of hostile documents.

usage: html_check.py NERX ARTICLE page|chromium|tidy

page      (Python's html.parser, strictly: every tag closed in order, no raw
          '<', '>', '&' or quote in text, only the entity references the
          writer makes, valid UTF-8 with no control character)
          - the article's page: one <mark> per mention of the JSON output, in
            order, with its type's class, its text and its rule in the title;
            the highlighted text is the article's text exactly; every entity
            in the entity table; the holds_title facts (person, title,
            organisation) in the fact table.
          - hostile documents in one page (a <script>, & and quotes in the
            text and in the file name, invalid UTF-8, control bytes, an
            empty file): one article each, the empty file's an error, no
            element but the writer's, the text back exactly (an invalid or
            control byte as U+FFFD).
          - a document extracted in windows: no text, a note, its tables.
chromium  the article's page rendered by headless Chromium: the screenshot
          has pixels of at least three of the highlight colours (exit 77
          when chromium is not installed).
tidy      tidy -errors (HTML5) finds no error in either page (exit 77 when
          tidy is not installed).
"""
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib

import checks
from checks import check
from html.parser import HTMLParser

nerx, article, mode = sys.argv[1], sys.argv[2], sys.argv[3]

# the highlight colours of src/write_html.c, by type
COLOURS = {"person": "#aa9cfc", "organization": "#7aecec", "place": "#feca74", "date": "#bfe1d9",
           "title": "#ff9561", "time": "#e4e7d2", "duration": "#f0d0a0", "set": "#b0c4de",
           "nationality": "#c887fb"}




def run(*args, rc=0):
    r = subprocess.run([nerx] + list(args), capture_output=True, timeout=300)
    if r.returncode != rc:
        print("nerx %s: exit %d: %s" % (" ".join(args), r.returncode, r.stderr.decode(errors="replace")))
        sys.exit(1)
    return r.stdout


VOID = {"meta", "br", "hr", "img", "input", "link"}
REFS = {"amp": "&", "lt": "<", "gt": ">", "quot": '"'}


class Strict(HTMLParser):
    """The page as a tree of (tag, attrs, children) with text as str, and
    every breach of the writer's rules in self.errors."""

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.errors = []
        self.root = ("#root", {}, [])
        self.stack = [self.root]
        self.doctype = False

    def handle_decl(self, decl):
        if decl.lower() != "doctype html" or self.doctype or len(self.root[2]):
            self.errors.append("declaration " + decl)
        self.doctype = True

    def handle_starttag(self, tag, attrs):
        node = (tag, dict(attrs), [])
        self.stack[-1][2].append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag, attrs):
        self.errors.append("self-closing <%s/>" % tag)

    def handle_endtag(self, tag):
        if tag in VOID or len(self.stack) == 1 or self.stack[-1][0] != tag:
            self.errors.append("</%s> closes <%s>" % (tag, self.stack[-1][0]))
            return
        self.stack.pop()

    def text(self, s):
        kids = self.stack[-1][2]
        if kids and isinstance(kids[-1], str):
            kids[-1] += s
        else:
            kids.append(s)

    def handle_data(self, data):
        if self.stack[-1][0] == "style":
            return self.text(data)
        for c in "<>&\"'":
            if c in data:
                self.errors.append("raw %r in text near %r" % (c, data[:80]))
        self.text(data)

    def handle_entityref(self, name):
        if name not in REFS:
            self.errors.append("&%s;" % name)
        self.text(REFS.get(name, ""))

    def handle_charref(self, name):
        if name not in ("39", "10"):
            self.errors.append("&#%s;" % name)
        self.text(chr(int(name)))

    def handle_comment(self, data):
        self.errors.append("comment")

    def unknown_decl(self, data):
        self.errors.append("declaration " + data)


def parse(page_bytes, what):
    try:
        page = page_bytes.decode("utf-8")
    except UnicodeDecodeError as e:
        check(False, what + ": valid UTF-8", e)
        return None
    bad = [hex(ord(c)) for c in page if (ord(c) < 0x20 and c not in "\t\n\r") or 0x7F <= ord(c) <= 0x9F]
    check(not bad, what + ": no control character", bad[:10])
    p = Strict()
    p.feed(page)
    p.close()
    if len(p.stack) != 1:
        p.errors.append("unclosed: " + " ".join(n[0] for n in p.stack[1:]))
    check(p.doctype and not p.errors, what + ": strict HTML (doctype, tags balanced, text escaped)", p.errors[:10])
    return p.root


def walk(node, tag=None, cls=None):
    """Every element under node (document order) with this tag and class."""
    for k in node[2]:
        if isinstance(k, str):
            continue
        if (tag is None or k[0] == tag) and (cls is None or cls in k[1].get("class", "").split()):
            yield k
        yield from walk(k, tag, cls)


def text_of(node):
    return "".join(k if isinstance(k, str) else text_of(k) for k in node[2])


def rows(table):
    return [[text_of(td) for td in tr[2] if not isinstance(td, str)] for tr in walk(table, "tr")
            if any(not isinstance(td, str) and td[0] == "td" for td in tr[2])]


def check_article_page(root, doc, source_text):
    arts = list(walk(root, "article"))
    check(len(arts) == 1, "one article", len(arts))
    tags = {n[0] for n in walk(root)}
    check(tags <= {"html", "head", "meta", "title", "style", "body", "article", "h2", "h3", "p", "span", "div",
                   "mark", "table", "thead", "tbody", "tr", "th", "td", "b", "ul", "li"},
          "only the writer's elements", tags)
    divs = list(walk(root, "div", "nx-text"))
    check(len(divs) == 1, "the text is shown")
    if not divs:
        return
    check(text_of(divs[0]) == source_text, "the highlighted text is the article's text",
          (text_of(divs[0])[:200], source_text[:200]))
    marks = list(walk(divs[0], "mark"))
    got = [(m[1].get("class"), text_of(m)) for m in marks]
    want = [("nx-" + m["type"], m["text"]) for m in doc["mentions"]]
    check(got == want, "%d marks: one per mention, in order, with its type's class and its text" % len(want),
          [(g, w) for g, w in zip(got, want) if g != w][:5] or (len(got), len(want)))
    bad = [(m["text"], m["rule"], mk[1].get("title")) for m, mk in zip(doc["mentions"], marks)
           if "rule: " + m["rule"] not in mk[1].get("title", "").split("\n")]
    check(not bad, "each mark's title has its mention's rule", bad[:5])
    bad = [(m["text"], m["value"]) for m, mk in zip(doc["mentions"], marks)
           if m.get("value") and "value: " + m["value"] not in mk[1].get("title", "")]
    check(not bad, "each mark's title has its mention's value", bad[:5])
    ents = [t for t in walk(root, "table", "nx-entities")]
    names = [r[2] for t in ents for r in rows(t)]
    check(names == [e["name"] for e in doc["entities"]], "the entity table: every entity, in order",
          (names, [e["name"] for e in doc["entities"]]))
    facts = [r for t in walk(root, "table", "nx-facts") for r in rows(t)]
    name = {"E%d" % (i + 1): e["name"] for i, e in enumerate(doc["entities"])}
    held = [r for r in doc["relations"] if r["type"] == "holds_title"]
    check(len(held) == 3, "the article states three holds_title facts", held)
    for r in held:
        want = (name[r["person"]], r["title"], name.get(r["organization"]))
        hit = [f for f in facts if f[0] == "holds_title" and f[1].startswith(want[0] + " (")
               and f[2] == want[1] and f[3].startswith(want[2] + " (")]
        check(len(hit) == 1, "the fact table: %s, %s, %s" % want, facts)


def replace_bytes(b):
    """The text as the writer shows it: each byte of invalid UTF-8, each
    control character (not tab, line feed or return) U+FFFD; FF and VT a space."""
    out = b.decode("utf-8", errors="surrogateescape")
    s = "".join("\ufffd" if 0xDC80 <= ord(c) <= 0xDCFF else c for c in out)
    s = s.replace("\f", " ").replace("\v", " ")
    return "".join("\ufffd" if (ord(c) < 0x20 and c not in "\t\n\r") or 0x7F <= ord(c) <= 0x9F else c for c in s)


HOSTILE = (b"<script>alert(\"x&y\")</script> Zhang Liqun met 'officials' & \"guests\" in Kazakhstan"
           b" </article></body><!-- x --> &amp; &#39; \xff lone \x80 bytes \x01\x02 control \x0c form\x0b feed,"
           b" C1 \xc2\x85 and Caf\xc3\xa9 <b>bold</b>\n")


def check_hostile(tmp):
    d = os.path.join(tmp, "hostile")
    os.mkdir(d)
    with open(os.path.join(d, "a <script>&\"quote's\".txt"), "wb") as f:
        f.write(HOSTILE)
    open(os.path.join(d, "b-empty.txt"), "wb").close()
    page = run("--output", "html", d, rc=1)  # 1: a document failed (the empty one)
    path = os.path.join(tmp, "hostile.html")
    with open(path, "wb") as f:
        f.write(page)
    root = parse(page, "hostile page")
    if root is None:
        return path
    check(not list(walk(root, "script")) and not list(walk(root, "b")),
          "no element from the text", sorted({n[0] for n in walk(root)}))
    arts = list(walk(root, "article"))
    check(len(arts) == 2, "one article per file, the empty one too", len(arts))
    if len(arts) != 2:
        return path
    heads = [text_of(next(walk(a, "h2"))) for a in arts]
    check(heads[0].endswith("a <script>&\"quote's\".txt"), "the id escaped and back", heads[0])
    divs = list(walk(arts[0], "div", "nx-text"))
    shown = text_of(divs[0]) if divs else None
    check(shown == replace_bytes(HOSTILE), "the hostile text back exactly", (shown, replace_bytes(HOSTILE)))
    check("nx-failed" in arts[1][1].get("class", "") and list(walk(arts[1], "p", "nx-error")),
          "the empty file is an error article", arts[1])
    return path


def check_windowed(tmp):
    with open(article, "rb") as f:
        one = f.read()
    text = (one + b"\n\n") * 3
    src = os.path.join(tmp, "long.txt")
    with open(src, "wb") as f:
        f.write(text)
    root = parse(run("--output", "html", "--window", "4096", src), "windowed page")
    if root is None:
        return
    check(not list(walk(root, "div", "nx-text")) and list(walk(root, "p", "nx-note")),
          "a windowed document: no text, a note")
    check(len(list(walk(root, "table", "nx-facts"))) == 1, "a windowed document: its facts")


def png_pixels(path):
    """(width, height, rows of RGB tuples) of an 8-bit RGB or RGBA PNG."""
    with open(path, "rb") as f:
        data = f.read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat = 8, b""
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            w, h, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            assert depth == 8 and colour in (2, 6) and interlace == 0, (depth, colour, interlace)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    bpp = 3 if colour == 2 else 4
    raw, stride, prev, out, i = zlib.decompress(idat), w * bpp, bytearray(w * bpp), [], 0
    for _ in range(h):
        ft, line = raw[i], bytearray(raw[i + 1:i + 1 + stride])
        i += 1 + stride
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b, c = prev[x], prev[x - bpp] if x >= bpp else 0
            if ft == 1:
                line[x] = (line[x] + a) & 255
            elif ft == 2:
                line[x] = (line[x] + b) & 255
            elif ft == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif ft == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        out.append(bytes(line))
        prev = line
    return w, h, bpp, out


def screenshot(exe, page_path, tmp, name):
    """The colour pixels of the page in a 1200x1600 screenshot, by type."""
    shot = os.path.join(tmp, name + ".png")
    r = subprocess.run([exe, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                        "--screenshot=" + shot, "--window-size=1200,1600", "file://" + page_path],
                       capture_output=True, timeout=180, cwd=tmp, env=dict(os.environ, HOME=tmp))
    check(r.returncode == 0 and os.path.exists(shot), "chromium renders " + name,
          r.stderr.decode(errors="replace")[-800:])
    if r.returncode != 0 or not os.path.exists(shot):
        return None
    w, h, bpp, px = png_pixels(shot)
    check((w, h) == (1200, 1600), "the screenshot is 1200x1600", (w, h))
    counts = {t: 0 for t in COLOURS}
    want = {tuple(int(c[i:i + 2], 16) for i in (1, 3, 5)): t for t, c in COLOURS.items()}
    for line in px:
        for x in range(0, len(line), bpp):
            t = want.get((line[x], line[x + 1], line[x + 2]))
            if t:
                counts[t] += 1
    return counts


def check_chromium(page, tmp):
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    if not exe:
        print("skip: chromium is not installed (Debian package chromium)")
        sys.exit(77)
    # the legend and the tables' chips have the colours too: what the marks
    # add is the page's pixels less those of the same page with plain marks
    plain = re.sub(rb'<mark class="nx-[a-z]+"', b'<mark class="nx-plain"', page)
    check(plain != page, "the page has marks")
    paths = []
    for name, body in (("page", page), ("plain", plain)):
        paths.append(os.path.join(tmp, name + ".html"))
        with open(paths[-1], "wb") as f:
            f.write(body)
    a = screenshot(exe, paths[0], tmp, "page")
    b = screenshot(exe, paths[1], tmp, "plain")
    if a is None or b is None:
        return
    added = {t: a[t] - b[t] for t in COLOURS}
    print("     pixels the marks add, by colour: %s" % added)
    check(sum(n >= 500 for n in added.values()) >= 3, "the highlighted spans show in at least three colours", added)
    check(b["organization"] > 0, "the plain page still shows the legend (the colours are found at all)", b)


def check_tidy(exe, paths):
    for p in paths:
        r = subprocess.run([exe, "-errors", "-q", "-utf8", p], capture_output=True, timeout=60)
        msg = r.stderr.decode(errors="replace")
        check(r.returncode == 0 and not msg.strip(), "tidy: no error or warning in " + os.path.basename(p), msg)


def main():
    with open(article, "rb") as f:
        source = f.read()
    doc = json.loads(run("--output", "json", article))
    page = run("--output", "html", article)
    with tempfile.TemporaryDirectory(prefix="nerx-html-") as tmp:
        page_path = os.path.join(tmp, "article.html")
        with open(page_path, "wb") as f:
            f.write(page)
        if mode == "page":
            root = parse(page, "article page")
            if root is not None:
                check_article_page(root, doc, replace_bytes(source))
            check_hostile(tmp)
            check_windowed(tmp)
        elif mode == "chromium":
            check_chromium(page, tmp)
        elif mode == "tidy":
            exe = shutil.which("tidy")
            if not exe:
                print("skip: tidy is not installed (Debian package tidy)")
                return 77
            check_tidy(exe, [page_path, check_hostile(tmp)])
        else:
            sys.exit("usage: html_check.py NERX ARTICLE page|chromium|tidy")
    print("%d failed" % checks.failed)
    return checks.exit_status()


if __name__ == "__main__":
    sys.exit(main())
