#!/usr/bin/env python3
"""Fold agreement: gazetteers/build.py's fold() and the C matcher's nx_fold().

usage: check_fold.py FOLD_LINES [--all-code-points]

build.py decides with fold() which entries are duplicates, which surface a
hand-written list owns and how every file is sorted; the C matcher compares
text with nx_fold() (src/text.c).  They must give the same folded form for
every string the gazetteers contain, or an entry the build kept apart would
collide in the matcher (or the other way round).

Collects every surface and name= value of every gazetteers/*.tsv, every cell
(and every ' | '-separated alias) of every file under gazetteers/sources/,
and the tricky strings below; folds each with build.py's fold() and with
FOLD_LINES (tests/fold/fold_lines.c: nx_fold() of each line of stdin); fails
on any disagreement that is not in KNOWN, listing the first 20 with both
outputs, and on any entry of KNOWN that no longer holds.  --all-code-points
also folds every code point Python's unicodedata knows, one at a time.
"""

import glob
import importlib.util
import os
import subprocess
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
GAZ = os.path.normpath(os.path.join(HERE, "..", "..", "gazetteers"))

# Strings where a difference would hide: quotes and dashes, spaces and
# invisible characters, case folding beyond A-Z, compatibility forms,
# combining marks, and non-Latin scripts.
TRICKY = [
    # quotes and apostrophes
    "Xi’an", "O’Brien", "Dato’ Sri", "‘single’", "“double”", "„German“", "«guillemets»",
    "‹single guillemets›", "ʼAjlun", "Hawaiʻi", "ˈstress", "Mar′ina", "Kyiv″", "ʹprime", "ʺdouble prime",
    "Cote d'Ivoire", "Côte d’Ivoire",
    # dashes, hyphens, minus
    "Jiao–tong", "Congress—U.S. Senate", "non‑breaking‑hyphen", "‐hyphen", "figure‒dash",
    "horizontal―bar", "minus −5", "small﹘dash", "full－width", "Alma‐Ata", "two⸺em", "wave〜dash",
    # spaces and invisible characters
    "New\u00a0York", "narrow\u202fno-break", "ideographic\u3000space", "thin\u2009space",
    "figure\u2007space", "ogham\u1680space", "en\u2002space", "Zero\u200bWidth", "soft\u00adhyphen",
    "\ufeffBOM", "Z\u200dW\u200cJ", "left\u200eto\u200fright", "word\u2060joiner", "\u2066isolate\u2069",
    "variation\ufe0fselector", "tab\there",
    # case folding beyond A-Z
    "Straße", "STRASSE", "ẞ", "İstanbul", "ıspanak", "DİYARBAKIR", "Iğdır", "Σίσυφος", "ΟΔΥΣΣΕΥΣ",
    "ς", "ᾀ", "ᾈ", "Ἀθῆναι", "ΐ", "Ǆ", "ǅ", "ǆ", "Ǳ", "ǈ", "ŉ", "ſ", "µ", "Ω", "K", "Å", "ﬅ",
    # ligatures and compatibility forms
    "ﬁnance", "ﬂight", "ﬀ", "ﬃ", "ﬄ", "ﬆ", "Œuvre", "Æsir", "ĳssel", "Ŀ", "ŀ", "ＡＢＣ", "Ｔｏｋｙｏ",
    "１２３", "ｶﾀｶﾅ", "½", "⅞", "№", "™", "℃", "Ⅻ", "ⅻ", "²", "₂", "ª", "º", "㎧", "…", "‥",
    "ﷺ", "ﷻ", "ﻻ",
    # accented capitals and letters without a decomposition
    "ÉCOLE", "Ångström", "ÑANDÚ", "Łódź", "ØRSTED", "Đorđe", "Ħamrun", "Þórr", "Ðað", "ı", "ø",
    "Ğ", "Ş", "Ţ", "Ț", "Ș", "Ǧ", "Ɓ", "ɓ",
    # combining marks
    "e\u0301", "A\u030a", "n\u0303", "Cafe\u0301", "i\u0307", "q\u0323\u0307", "a\u0345",
    "x\u20dd", "\u0301alone",
    # other scripts
    "محمد", "عبد الله", "مُحَمَّد", "أبو ظبي", "Владимир Путин", "Ёлкин", "ЁЖИК", "Қазақстан",
    "Ўзбекистон", "Україна", "Її", "习近平", "東京", "서울", "김정은", "ガ", "パ", "नरेंद्र मोदी",
    "श्री", "שָׁלוֹם", "กรุงเทพ", "ำ", "ሰላም", "Բարեւ", "თბილისი", "ஔவையார்",
    # mixed
    "Mr.\u00a0Zhang’s", "St. Petersburg–based", "São Paulo", "Zürich", "Ærø", "Mañana—Today",
]

# Known disagreements: input -> (build.py's fold, nx_fold), with the reason.
# Each one must be a deliberate choice with its reason in a comment; a new
# disagreement fails the test, and so does an entry here that no longer
# holds (remove it then). There are none: the two folds agree everywhere.
KNOWN = {}


def load_build():
    sys.dont_write_bytecode = True  # no __pycache__ in gazetteers/ (it would be installed)
    spec = importlib.util.spec_from_file_location("nerx_gazetteer_build", os.path.join(GAZ, "build.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def gazetteer_strings():
    out = set()
    for path in sorted(glob.glob(os.path.join(GAZ, "*.tsv"))):
        with open(path, encoding="utf-8") as f:
            for line in f:
                line = line.rstrip("\n")
                if not line.strip() or line.lstrip().startswith("#"):
                    continue
                cells = line.split("\t")
                out.add(cells[0].strip())
                for c in cells[1:]:
                    if c.startswith("name="):
                        out.add(c[5:])
    return out


def source_strings():
    out = set()
    for path in sorted(glob.glob(os.path.join(GAZ, "sources", "**", "*.tsv"), recursive=True)):
        with open(path, encoding="utf-8") as f:
            for line in f:
                line = line.rstrip("\n")
                if not line.strip() or line.startswith("#"):
                    continue
                for cell in line.split("\t"):
                    cell = cell.strip()
                    out.add(cell)
                    for part in cell.split("|"):
                        part = part.strip()
                        out.add(part)
                        out.add(part.rstrip("!^"))
    return out


def c_fold(tool, strings):
    data = "".join(s + "\n" for s in strings).encode("utf-8")
    r = subprocess.run([tool], input=data, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if r.returncode != 0:
        sys.exit("check_fold: %s failed (%d): %s" % (tool, r.returncode, r.stderr.decode(errors="replace")))
    lines = r.stdout.split(b"\n")
    if lines[-1] != b"" or len(lines) - 1 != len(strings):
        sys.exit("check_fold: %s printed %d lines for %d" % (tool, len(lines) - 1, len(strings)))
    return [l.decode("utf-8", errors="backslashreplace") for l in lines[:-1]]


def main(argv):
    if len(argv) < 2 or not os.access(argv[1], os.X_OK):
        sys.exit("usage: check_fold.py FOLD_LINES [--all-code-points]")
    build = load_build()
    strings = gazetteer_strings() | source_strings() | set(TRICKY)
    if "--all-code-points" in argv[2:]:
        strings |= {chr(c) for c in range(0x80, 0x110000)
                    if not 0xD800 <= c <= 0xDFFF and unicodedata.category(chr(c)) != "Cn"}
    # one line each: no line breaks or NULs inside (there are none in the data)
    strings = sorted(s for s in strings if s and "\n" not in s and "\0" not in s)
    theirs = c_fold(argv[1], strings)
    new, known = [], 0
    for s, c in zip(strings, theirs):
        py = build.fold(s)
        if py == c:
            continue
        if KNOWN.get(s) == (py, c):
            known += 1
            continue
        new.append((s, py, c))
    checked = set(strings)
    stale = [s for s, (py, c) in sorted(KNOWN.items())
             if s in checked and (build.fold(s), theirs[strings.index(s)]) != (py, c)]
    print("fold agreement: %d strings, %d known disagreements (see KNOWN), %d new" % (len(strings), known, len(new)))
    for s, py, c in new[:20]:
        print("  %r: build.py fold() %r, nx_fold() %r" % (s, py, c))
    if len(new) > 20:
        print("  ... and %d more" % (len(new) - 20))
    for s in stale:
        print("  KNOWN entry no longer holds, remove it: %r: build.py fold() %r, nx_fold() %r"
              % (s, build.fold(s), theirs[strings.index(s)]))
    return 1 if new or stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
