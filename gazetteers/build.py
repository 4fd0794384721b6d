#!/usr/bin/env python3
"""Regenerate the derived nerx gazetteers from the raw open data.

Usage (from the project root):

    python3 gazetteers/build.py /path/to/shared/data

Writes every derived ``*.tsv`` file into the directory of this script and
rewrites the file table in README.md below the ``<!-- files -->`` marker.
Python 3 standard library only; the output is deterministic (same input,
same bytes).

The hand-written data (stop words, common English words, the title core,
modifiers, honorifics, name endings, designators, abbreviations, exonyms,
country aliases, the news organisations and places, the filters applied to
the open lists, ...) is not in this file: it lives in the TSV files under
``gazetteers/sources/`` (one list a file, grouped in directories; each file
says at its top what it is, how this script uses it and its columns), read
with read_source().  To change a list, edit its file and run this script
again.  Every ``sources/hand/NAME.tsv`` is a hand-written gazetteer shipped
as ``NAME.tsv`` as it is, with one header line added saying where it comes
from (build_hand_files()).

fold(), which decides duplicates, owned surfaces and the sort order, is the
C matcher's nx_fold() (src/text.c) in Python; tests/fold/check_fold.py
checks that they agree on every gazetteer string.
"""

import collections
import difflib
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = None  # set in main()

# ---------------------------------------------------------------------------
# Sources and licences (as given in shared/data/README.md)
# ---------------------------------------------------------------------------

GEOBANK = "ali-hv/geobank-data @ 87f4be9e0737543a6988c225a1348b6014b6fc6a"
CLDR = "Debian unicode-cldr-core 41-0.1"
ISOCODES = "Debian iso-codes 4.15.0-1"
GATE = "GateNLP/gateplugin-ANNIE @ c0236fada8696faa68781ae1d3e5ba5a520eef25, src/main/resources/resources/gazetteer/"
ONET = "SrivardhiniK/career-path-recommender @ 6b3ec4b4ecf4a88f6e2d303440e09a2276baa77c, data/Alternate Titles.txt + data/Sample of Reported Titles.txt (O*NET 27.0)"
FAKER = "npm @faker-js/faker 10.6.0, locale definitions (allLocales)"
NAMESBYCOUNTRY = "sigpwned/popular-names-by-country-dataset @ eb62e13d4d62dd96cdfae79d293a02066352205f"
RUNAMES = "sorokinpf/russian_names @ b23cda8a6011012a30d35f6676521c1a66965f3a (from datacoon/russiannames)"
JANAMES = "shuheilocale/japanese-personal-name-dataset @ 9046343ddf7d0c9c6a0860ada5c7fe568e4873a8"
NAMEGEN = "perey/namegen @ 2dfcbbb44fe52bb35b2178438da85e335c860288, namechoose/dat/{family,personal}.csv"

LIC_CLDR = "Unicode-DFS-2016"
LIC_GEONAMES = "CC-BY-4.0"
LIC_LGPL21 = "LGPL-2.1-or-later"
LIC_LGPL3 = "LGPL-3.0"
LIC_ODBL = "ODbL-1.0"
LIC_CCBYSA = "CC-BY-SA-4.0"
LIC_HAND = "nerx project (hand-written)"

ATTR_GEONAMES = "GeoNames (geonames.org), CC BY 4.0"
ATTR_ODBL = ("country data from the mledoze/countries project and its contributors "
             "(npm world-countries 5.1.0), Open Database License (ODbL) 1.0; this file "
             "is a derived database and is itself made available under the ODbL 1.0")
ATTR_ONET = ("includes information from the O*NET 27.0 Database by the U.S. Department of "
             "Labor, Employment and Training Administration (USDOL/ETA), used under the "
             "CC BY 4.0 license; O*NET(R) is a trademark of USDOL/ETA; titles were "
             "filtered and lower-cased by nerx")
ATTR_SUPRA = ("international organisations list (c) Confirmordeny 2025-2026 "
              "(confirmordeny/supraverden), CC BY-SA 4.0; this file is adapted from it "
              "and is shared under CC BY-SA 4.0")
ATTR_ZH = ("Chinese surname romanisations from zh.wikipedia via Matthewow/Chinese_surname_corpus, "
           "CC BY-SA 4.0; this file is adapted from it and is shared under CC BY-SA 4.0")
ATTR_CLDR = "Unicode CLDR 41, Copyright (c) 1991-2022 Unicode, Inc.; see LICENSES.md"

# ---------------------------------------------------------------------------
# Hand-written sources (gazetteers/sources/*/*.tsv)
# ---------------------------------------------------------------------------

SOURCES = os.path.join(HERE, "sources")


def read_source(rel):
    """Rows of the hand-written source file sources/REL, in file order, as dicts
    keyed by the names of its '# columns: a, b, ...' line (one column, 'item',
    when it has none).  Lines starting with '#' and blank lines are skipped;
    cells are trimmed; missing trailing cells are ''."""
    path = os.path.join(SOURCES, rel)
    cols = None
    rows = []
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            line = line.rstrip("\r\n")
            if line.startswith("#"):
                m = re.match(r"#\s*columns:(.*)$", line)
                if m and cols is None and not rows:
                    cols = [c.strip() for c in m.group(1).split(",")]
                continue
            if not line.strip():
                continue
            names = cols or ["item"]
            cells = [c.strip() for c in line.split("\t")]
            if len(cells) > len(names) or not cells[0]:
                raise SystemExit("gazetteers/sources/%s:%d: expected %s (tab-separated), got %r"
                                 % (rel, lineno, ", ".join(names), line))
            rows.append(dict(zip(names, cells + [""] * (len(names) - len(cells)))))
    return rows


def source_items(rel):
    """The first column of sources/REL, in file order."""
    return [next(iter(r.values())) for r in read_source(rel)]


def hand_words(name, type_):
    """The words of sources/hand/NAME.tsv given type=TYPE_ (folded), e.g. the party words."""
    out = set()
    with open(os.path.join(SOURCES, "hand", name), encoding="utf-8") as f:
        for line in f:
            cells = line.rstrip("\n").split("\t")
            if cells and cells[0] and not line.startswith("#") and "type=" + type_ in cells[1:]:
                out.add(cells[0].casefold())
    return out


def source_map(rel, key, value):
    """{row[key]: row[value]} of sources/REL ('' where the cell is empty)."""
    return {r[key]: r[value] for r in read_source(rel)}


def source_rules(rel, col, rules):
    """Rows of sources/REL grouped by the value of column col, which must be one of rules."""
    out = {r: [] for r in rules}
    for r in read_source(rel):
        if r[col] not in out:
            raise SystemExit("gazetteers/sources/%s: %s %r is not one of %s"
                             % (rel, col, r[col], ", ".join(rules)))
        out[r[col]].append(r)
    return out


def split_aliases(cell):
    """'A | B | C' -> ['A', 'B', 'C'] ('' -> [])."""
    return [p.strip() for p in cell.split("|") if p.strip()]


# ---------------------------------------------------------------------------
# Text helpers
# ---------------------------------------------------------------------------

# How clean() writes look-alike apostrophes and dashes in a surface (a
# spelling rule of the files, not the folding: see fold()).
_APOS = {"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u02b9": "", "\u02ba": "",
         "\u00b7": "", "\u2013": "-", "\u2010": "-", "\u2011": "-"}


def clean(s):
    """NFC, straight apostrophes, single spaces, trimmed; None if empty."""
    if s is None:
        return None
    s = unicodedata.normalize("NFC", s)
    for a, b in _APOS.items():
        s = s.replace(a, b)
    s = re.sub(r"[\t\r\n\u00a0\u200b\u200c\u200d\u200e\u200f\ufeff]+", " ", s)
    s = re.sub(r" {2,}", " ", s).strip()
    return s or None


# fold() mirrors the C matcher's nx_fold() (src/text.c): utf8proc's
# utf8proc_decompose_char() with CASEFOLD | DECOMPOSE | COMPAT | STRIPMARK |
# LUMP | IGNORE, one code point at a time, and an ASCII fast path that
# lower-cases A-Z only.  tests/fold/check_fold.py checks that the two agree on
# every gazetteer string.  The tables below are utf8proc's, not a word list:
# change them only together with src/text.c.
#
# UTF8PROC_LUMP (utf8proc 2.8, lump.md): besides these, every space (Zs) is
# ' ', every dash (Pd) '-' and every connector (Pc) '_'.
_LUMP = {
    "\u2018": "'", "\u2019": "'", "\u02bc": "'", "\u02c8": "'",  # quotation marks, modifier apostrophe
    "\u2212": "-",  # minus sign
    "\u2044": "/", "\u2215": "/",  # fraction slash, division slash
    "\u2236": ":",  # ratio
    "\u2039": "<", "\u2329": "<", "\u3008": "<",  # single left-pointing angle quotation mark, angle brackets
    "\u203a": ">", "\u232a": ">", "\u3009": ">",
    "\u2216": "\\",  # set minus
    "\u02c4": "^", "\u02c6": "^", "\u2038": "^", "\u2303": "^",  # up arrowhead, circumflex, caret
    "\u02cd": "_",  # modifier letter low macron
    "\u02cb": "`",  # modifier letter grave accent
    "\u2223": "|",  # divides
    "\u223c": "~",  # tilde operator
}
# UTF8PROC_IGNORE drops the Default_Ignorable_Code_Point characters
# (Unicode 15 DerivedCoreProperties.txt): soft hyphen, zero-width and
# directional marks, variation selectors, Hangul fillers, tags, ...
_IGNORABLE = ((0x00AD, 0x00AD), (0x034F, 0x034F), (0x061C, 0x061C), (0x115F, 0x1160),
              (0x17B4, 0x17B5), (0x180B, 0x180F), (0x200B, 0x200F), (0x202A, 0x202E),
              (0x2060, 0x206F), (0x3164, 0x3164), (0xFE00, 0xFE0F), (0xFEFF, 0xFEFF),
              (0xFFA0, 0xFFA0), (0xFFF0, 0xFFF8), (0x1BCA0, 0x1BCA3), (0x1D173, 0x1D17A),
              (0xE0000, 0xE0FFF))
_FOLDED = {}  # code point -> its fold


def _fold_char(c):
    """utf8proc_decompose_char() of one non-ASCII character with nx_fold()'s options."""
    cp = ord(c)
    if cp < 0x80:
        return c.lower()
    if 0xAC00 <= cp <= 0xD7A3:
        return unicodedata.normalize("NFD", c)  # Hangul syllable: its jamo, as they are
    if any(lo <= cp <= hi for lo, hi in _IGNORABLE):
        return ""
    cat = unicodedata.category(c)
    lump = _LUMP.get(c) or {"Zs": " ", "Pd": "-", "Pc": "_"}.get(cat)
    if lump:
        return lump
    if cat in ("Mn", "Mc", "Me"):
        return ""
    f = c.casefold()
    if f != c:
        return "".join(_fold_char(x) for x in f)
    d = unicodedata.decomposition(c)
    if d:
        return "".join(_fold_char(chr(int(h, 16))) for h in d.split() if not h.startswith("<"))
    return c


def fold(s):
    """What the matcher compares: case folded, compatibility-decomposed, marks
    stripped, look-alike spaces and punctuation lumped (’ -> ', – -> -): the C nx_fold()."""
    if s.isascii():
        return s.lower()
    out = []
    for c in s:
        f = _FOLDED.get(c)
        if f is None:
            f = _fold_char(c)
            if len(f) > 8:
                f = c  # nx_fold() keeps a character whose fold does not fit its 8-code-point buffer (U+FDFA)
            _FOLDED[c] = f
        out.append(f)
    return "".join(out)


def strip_accents(s):
    s = unicodedata.normalize("NFKD", s)
    return unicodedata.normalize("NFC", "".join(c for c in s if not unicodedata.combining(c)))


def is_latin(s):
    """Only Latin letters (any accents), spaces, hyphens, apostrophes, periods."""
    for c in s:
        if c in " -'.":
            continue
        if unicodedata.category(c).startswith("M"):
            continue
        if not c.isalpha():
            return False
        try:
            if "LATIN" not in unicodedata.name(c):
                return False
        except ValueError:
            return False
    return True


def has_digit(s):
    return any(c.isdigit() for c in s)


LOWER_PARTICLES = set(source_items("words/lower-particles.tsv"))


def capitalised_words_ok(s):
    """Every word (split on space/hyphen) is capitalised or a lowercase particle."""
    words = re.split(r"[ \-]", s)
    if not words or not words[0] or not words[0][0].isupper():
        return False
    for w in words:
        if not w:
            return False
        if w[0].isupper():
            continue
        if w.lower() in LOWER_PARTICLES:
            continue
        if re.match(r"^(d'|l')", w):
            continue
        return False
    return True


def title_case_name(s):
    """'MCDONALD' -> 'McDonald', "O'BRIEN" -> "O'Brien", 'SMITH-JONES' -> 'Smith-Jones'."""
    def one(w):
        if not w:
            return w
        w = w.lower()
        w = w[0].upper() + w[1:]
        m = re.match(r"^(Mc)([a-z])(.*)$", w)
        if m and len(w) > 3:
            w = m.group(1) + m.group(2).upper() + m.group(3)
        m = re.match(r"^([OD]')([a-z])(.*)$", w)
        if m:
            w = m.group(1) + m.group(2).upper() + m.group(3)
        return w
    return "-".join(" ".join(one(x) for x in part.split(" ")) for part in s.split("-"))


def read_tsv(rel):
    path = os.path.join(DATA, rel)
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    header = lines[0].split("\t")
    rows = []
    for line in lines[1:]:
        if not line:
            continue
        cells = line.split("\t")
        cells += [""] * (len(header) - len(cells))
        rows.append(dict(zip(header, cells)))
    return rows


def read_lst(name):
    """GATE .lst: entries (features after ':' stripped when they look like GATE features)."""
    path = os.path.join(DATA, "gate_annie", name)
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip():
                continue
            m = re.match(r"^(.*?):([A-Za-z_]+=.*)$", line)
            if m:
                line = m.group(1)
            out.append(line.strip())
    return out


def read_json(rel):
    with open(os.path.join(DATA, rel), encoding="utf-8") as f:
        return json.load(f)


# ---------------------------------------------------------------------------
# Gazetteer writer
# ---------------------------------------------------------------------------

ATTR_ORDER = ["type", "kind", "name", "case", "country", "rank", "value", "order",
              "status", "lang", "id"]

# External ids (the `id` attribute: "geonames:1526273", "iso3166:KZ
# geonames:1522867", ...; the first is the entity's stable key) of the
# canonical names written so far: (type, folded name) -> (id, country).
# An alias of a later file with no id of its own takes its canonical name's
# when the country agrees (Gaz.fill_ids).
NAME_IDS = {}
# The same for names several countries share, by country: (type, folded
# name, country) -> id (parties: the British Labour Party's id for an entry
# "Labour Party country=GB").
NAME_COUNTRY_IDS = {}

WRITTEN = []  # (file, what, entries, source, licence, bytes)
HAND_FILES = set()  # the files of WRITTEN copied from sources/hand/ (kept in their author's order)
SURFACES = {}  # folded surface -> [(file, type, canonical name)] over the files written so far
ENTITY_TYPES = ("organization", "place", "person")
NEWS_FILE = "orgs-news.tsv"
NEWS_OWNED = {}  # folded surface -> folded canonical name, from the hand-written news list
DISPLACED = []  # entries of other files left out because the news list owns their surface


class Gaz:
    """One derived file.  Entries are unique by (folded surface, type, folded
    name): the first one added wins, so add preferred spellings first."""

    def __init__(self, fname, what, source, licence, type_=None, kind=None,
                 case=None, attribution=None, notes=()):
        self.fname = fname
        self.what = what
        self.source = source
        self.licence = licence
        self.defaults = {}
        if type_:
            self.defaults["type"] = type_
        if kind:
            self.defaults["kind"] = kind
        if case:
            self.defaults["case"] = case
        self.attribution = attribution
        self.notes = list(notes)
        self.entries = collections.OrderedDict()
        self.surfaces = set()
        self.countryless_ambiguous = False
        self.no_ids = set()  # surfaces fill_ids leaves without an id

    def key(self, surface, attrs):
        t = attrs.get("type", self.defaults.get("type", ""))
        n = attrs.get("name", surface)
        return (fold(surface), t, fold(n))

    def has(self, surface, type_=None, name=None):
        attrs = {}
        if type_:
            attrs["type"] = type_
        if name:
            attrs["name"] = name
        return self.key(surface, attrs) in self.entries

    def has_surface(self, surface):
        return fold(surface) in self.surfaces

    def add(self, surface, **attrs):
        surface = clean(surface)
        if not surface:
            return False
        a = {}
        for k, v in attrs.items():
            if v is None or v == "":
                continue
            v = clean(str(v))
            if not v:
                continue
            a[k] = v
        if "name" in a and a["name"] == surface:
            del a["name"]
        for k, v in self.defaults.items():
            if a.get(k) == v:
                del a[k]
        k = self.key(surface, a)
        if k in self.entries:
            return False
        if self.fname != NEWS_FILE and k[1] in ("organization", "person") and \
                NEWS_OWNED.get(k[0], k[2]) != k[2]:
            DISPLACED.append((self.fname, surface, a.get("name", surface)))
            return False  # the hand-written news list gives this surface another meaning
        self.entries[k] = (surface, a)
        self.surfaces.add(k[0])
        return True

    def lines(self):
        rows = []
        for surface, a in self.entries.values():
            # A capitalised word that is also a common word (March, Mark,
            # Turkey) must be capitalised in the text, in any case after that
            # (MARCH in a headline); only acronyms must match exactly.
            if a.get("case") == "exact" and surface[:1].isupper() and any(c.islower() for c in surface) and \
                    a.get("accents") != "kept":
                a = dict(a, case="cap")
            a = {k: v for k, v in a.items() if k != "accents"}
            cells = [surface]
            for k in ATTR_ORDER:
                if k in a:
                    cells.append("%s=%s" % (k, a[k]))
            for k in sorted(a):
                if k not in ATTR_ORDER:
                    cells.append("%s=%s" % (k, a[k]))
            rows.append((fold(surface), surface, "\t".join(cells)))
        rows.sort()
        return [r[2] for r in rows]

    def fill_ids(self):
        """Gives an entry with no `id` the id of its canonical name: first an
        entry of this file whose surface is that name (an alias, an acronym,
        another spelling of it), else a canonical name of a file written
        before whose country (when both have one) agrees with the entry's.
        A file whose entries without a country are names several countries
        share (parties) gives those to no other file."""
        t0 = self.defaults.get("type", "")
        own = {}
        for (fs, t, fn), (surface, a) in self.entries.items():
            if "id" in a and "name" not in a:
                own.setdefault((t, fs), a["id"])
        for (fs, t, fn), (surface, a) in self.entries.items():
            if "id" in a or surface in self.no_ids:
                continue
            i = own.get((t, fn))
            if not i and a.get("country"):
                i = NAME_COUNTRY_IDS.get((t or t0, fn, a["country"]))
            # a demonym names its country: "Kazakh" takes Kazakhstan's ids
            lt = "place" if (t or t0) == "demonym" else (t or t0)
            if not i and lt in ENTITY_TYPES:
                known = NAME_IDS.get((lt, fn))
                cc = a.get("country")
                if known and (not known[1] or not cc or cc == known[1]):
                    i = known[0]
            if i:
                a["id"] = i
        for (fs, t, fn), (surface, a) in self.entries.items():
            if "id" in a and "name" not in a and (a.get("country") or not self.countryless_ambiguous):
                NAME_IDS.setdefault((t or t0, fs), (a["id"], a.get("country")))

    # British and American spellings of the words of organisations' names:
    # news writes each name in its own house style ("World Health
    # Organisation", "Organization for Security and Cooperation in Europe").
    SPELLINGS = (("Organization", "Organisation"), ("Co-operation", "Cooperation"),
                 ("Co-operative", "Cooperative"))

    def add_spellings(self):
        """Adds, for each organisation of several words, its name with each
        word of SPELLINGS written the other way (the same entity: its
        canonical name and ids)."""
        t0 = self.defaults.get("type", "")
        for (fs, t, fn), (surface, a) in list(self.entries.items()):
            if (t or t0) != "organization" or " " not in surface:
                continue
            for x, y in self.SPELLINGS:
                for old, new in ((x, y), (y, x)):
                    if re.search(r"\b%s\b" % re.escape(old), surface):
                        variant = re.sub(r"\b%s\b" % re.escape(old), new, surface)
                        self.add(variant, **dict(a, name=a.get("name", surface)))

    def write(self):
        self.add_spellings()
        self.fill_ids()
        head = ["# nerx gazetteer",
                "# source: " + self.source,
                "# licence: " + self.licence]
        if self.attribution:
            head.append("# attribution: " + self.attribution)
        head.append("# generated by gazetteers/build.py; do not edit")
        for k in ("type", "kind", "case"):
            if k in self.defaults:
                head.append("# %s: %s" % (k, self.defaults[k]))
        for n in self.notes:
            head.append("# " + n)
        body = self.lines()
        text = "\n".join(head + body) + "\n"
        text = unicodedata.normalize("NFC", text)
        with open(os.path.join(HERE, self.fname), "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        WRITTEN.append((self.fname, self.what, len(body), self.source, self.licence,
                        len(text.encode("utf-8"))))
        for (fs, t, fn), (surface, a) in self.entries.items():
            SURFACES.setdefault(fs, []).append((self.fname, t, a.get("name", surface)))
        return len(body)


# ---------------------------------------------------------------------------
# Stop words and common words (sources/words/)
# ---------------------------------------------------------------------------

STOPWORDS = set(source_items("words/stopwords.tsv"))
COMMON_WORDS = set(source_items("words/common-words.tsv")) | STOPWORDS


def is_common(s):
    """A single word (or short phrase) that is an ordinary English word."""
    f = fold(s)
    if f in COMMON_WORDS:
        return True
    # plural / verb forms of common words
    for suf, rep in (("s", ""), ("es", ""), ("ies", "y"), ("ed", ""), ("ed", "e"),
                     ("ing", ""), ("ing", "e"), ("er", ""), ("ers", "")):
        if f.endswith(suf):
            base = f[: -len(suf)] + rep
            if len(base) >= 4 and base in COMMON_WORDS and base not in STOPWORDS:
                return True
    return False


# ---------------------------------------------------------------------------
# Shared reference sets
# ---------------------------------------------------------------------------

REF = {}


def load_refs():
    ssa = read_tsv("people/us_ssa_given_names.tsv")
    ssa.sort(key=lambda r: -int(r["total"]))
    REF["ssa_top"] = {fold(r["name"]) for r in ssa[:2000]}
    REF["given_top"] = {fold(r["name"]) for r in ssa if int(r["total"]) >= 5000}
    census = read_tsv("people/us_census1990_surnames.tsv")
    REF["surname_top"] = {fold(r["surname"]) for r in census if int(r["rank"]) <= 10000}
    ci = read_tsv("places/geonames_countryInfo.tsv")
    REF["country_pop"] = {r["iso2"]: int(r["population"] or 0) for r in ci}
    REF["iso3"] = {r["iso3"]: r["iso2"] for r in ci}
    REF["iso3_codes"] = {r["iso3"].lower() for r in ci}


# ---------------------------------------------------------------------------
# Places
# ---------------------------------------------------------------------------

# Canonical English country names, aliases news uses, former countries
# (sources/places/).
COUNTRY_CANON = source_map("places/country-names.tsv", "code", "name")
COUNTRY_EXTRA = [(r["code"], r["alias"], r["case"] or None) for r in read_source("places/country-aliases.tsv")]
FORMER_COUNTRIES = {r["code"]: [r["name"]] + split_aliases(r["aliases"])
                    for r in read_source("places/former-countries.tsv")}

PLACES = {}  # folded surface -> set of kinds, for cross-file checks


def note_place(surface, kind):
    PLACES.setdefault(fold(surface), set()).add(kind)


def build_countries():
    cldr = read_tsv("places/cldr_territory_names_en.tsv")
    iso = read_tsv("places/iso_3166-1.tsv")
    ci = read_tsv("places/geonames_countryInfo.tsv")
    pop = REF["country_pop"]
    canon = {}
    alts = collections.defaultdict(list)  # code -> [(surface, case)]
    for r in cldr:
        if r["kind"] != "country_or_territory":
            continue
        code = r["code"]
        if code in ("XA", "XB", "ZZ"):
            continue
        name = clean(r["name"])
        if r["alt"] == "":
            canon[code] = COUNTRY_CANON.get(code, name)
            alts[code].append((name, None))
        else:
            alts[code].append((name, None))
    codes = sorted(canon)
    for r in iso:
        c = r["alpha_2"]
        if c not in canon:
            continue
        for col in ("name", "official_name", "common_name"):
            v = clean(r[col])
            if v:
                alts[c].append((v, None))
    for r in ci:
        c = r["iso2"]
        if c in canon:
            alts[c].append((clean(r["name"]), None))
    for c, s, case in COUNTRY_EXTRA:
        alts[c].append((s, case))
    g = Gaz("countries.tsv", "countries and territories: English common, official and short names",
            "%s common/main/en.xml (CLDR territory names); %s countryInfo.tsv (GeoNames); "
            "%s iso_3166-1.json and iso_3166-3.json; nerx hand-written aliases" % (CLDR, GEOBANK, ISOCODES),
            "%s AND %s AND %s" % (LIC_CLDR, LIC_GEONAMES, LIC_LGPL21),
            type_="place", kind="country",
            attribution="%s; %s; iso-codes (Debian), LGPL-2.1+" % (ATTR_CLDR, ATTR_GEONAMES))
    gid = {r["iso2"]: r["geonameid"] for r in ci if r.get("geonameid")}
    for c in codes:
        name = canon[c]
        rank = pop.get(c) or None
        g.add(name, country=c, rank=rank, id=" ".join(
            ["iso3166:" + c] + (["geonames:" + gid[c]] if c in gid else [])))
        note_place(name, "country")
        for s, case in alts[c]:
            if not s:
                continue
            s = re.sub(r"^the ", "The ", s)
            base = s.replace(" & ", " and ")
            variants = [base]
            if base.startswith("St. "):
                variants.append("Saint " + base[4:])
            for v in variants:
                if "," in v or "(" in v or " - " in v or "SAR" in v.split():
                    continue
                cs = case
                if re.fullmatch(r"[A-Z]{2,3}", v) or re.fullmatch(r"([A-Z]\.){2,}", v):
                    cs = "exact"
                if is_common(v) and not cs:
                    cs = "exact"  # Turkey, Chad's lower-case homonyms
                if g.add(v, name=name, country=c, rank=rank, case=cs):
                    note_place(v, "country")
    # Turkey/turkey: the canonical entry itself must not match the bird.
    for k, (s, a) in list(g.entries.items()):
        if is_common(s) and "case" not in a:
            a["case"] = "exact"
    former = {r["alpha_4"]: r for r in read_tsv("places/iso_3166-3_former_countries.tsv")}
    for code4 in sorted(FORMER_COUNTRIES):
        if code4 not in former:
            continue
        names = FORMER_COUNTRIES[code4]
        for s in names:
            cs = "exact" if re.fullmatch(r"[A-Z.]+", s) else None
            g.add(s, name=names[0], case=cs, id="iso3166-3:" + code4)
            note_place(s, "country")
    g.write()
    REF["country_canon"] = canon
    REF["country_names"] = {k[0] for k in g.entries}
    return canon


def build_countries_odbl(canon):
    data = read_json("places/world_countries.json")
    have = REF["country_names"]
    pop = REF["country_pop"]
    g = Gaz("countries-odbl.tsv", "extra country spellings (alt spellings, native and official names)",
            "npm world-countries 5.1.0 (mledoze/countries), countries.json",
            LIC_ODBL, type_="place", kind="country", attribution=ATTR_ODBL)
    for r in sorted(data, key=lambda r: r["cca2"]):
        c = r["cca2"]
        if c not in canon:
            continue
        name = canon[c]
        cands = [r.get("name_common"), r.get("name_official")] + list(r.get("alt_spellings") or [])
        cands += list(r.get("native_names") or [])
        for s in cands:
            s = clean(s)
            if not s or fold(s) in have:
                continue
            if not is_latin(s) or has_digit(s) or "," in s or "(" in s:
                continue
            cs = None
            letters = re.sub(r"[^A-Za-z]", "", s)
            if s.isupper() or re.fullmatch(r"([A-Z]\.)+", s):
                if len(letters) < 3:
                    continue  # two-letter codes (AD, AL...) are too ambiguous
                cs = "exact"
            elif not capitalised_words_ok(s) or len(letters) < 4:
                continue
            if is_common(s) and not cs:
                continue
            if g.add(s, name=name, country=c, rank=pop.get(c) or None, case=cs):
                note_place(s, "country")
    g.write()


REGION_SKIP = set(source_items("places/region-skip.tsv"))
CONTINENT_CODES = set(source_items("places/continent-codes.tsv"))
REGIONS_EXTRA = [(r["name"], r["kind"] or None) for r in read_source("places/regions.tsv")]


def build_regions():
    cldr = read_tsv("places/cldr_territory_names_en.tsv")
    cont = read_tsv("places/cldr_region_containment.tsv")
    names = {}
    for r in cldr:
        if r["kind"] in ("region", "grouping") and r["alt"] == "":
            names[r["code"]] = clean(r["name"])
    for r in cont:
        for code, nm in ((r["parent"], r["parent_name"]), (r["child"], r["child_name"])):
            if code.isdigit() and code not in names and nm:
                names[code] = clean(nm)
    g = Gaz("regions.tsv", "continents and UN M.49 regions",
            "%s common/main/en.xml + common/supplemental/supplementalData.xml" % CLDR,
            LIC_CLDR, type_="place", kind="region", attribution=ATTR_CLDR)
    for code in sorted(names):
        nm = names[code]
        if not code.isdigit() or nm in REGION_SKIP or is_common(nm):
            continue
        kind = "continent" if code in CONTINENT_CODES or nm in ("North America", "South America") else None
        g.add(nm, kind=kind, id="m49:" + code)
        note_place(nm, "region")
    # Hand-written everyday regions used by news (sources/places/regions.tsv).
    for nm, kind in REGIONS_EXTRA:
        g.add(nm, kind=kind)
        note_place(nm, "region")
    g.write()


ADMIN1_GENERIC = set(source_items("places/admin1-generic-words.tsv"))


def build_admin1():
    gn = read_tsv("places/geonames_admin1.tsv")
    cities = read_tsv("places/geonames_cities15000.tsv")
    iso2 = read_tsv("places/iso_3166-2.tsv")
    cldr_sub = read_tsv("places/cldr_subdivision_names_en.tsv")
    popsum = collections.Counter()
    for r in cities:
        popsum["%s.%s" % (r["country"], r["admin1"])] += int(r["population"] or 0)
    country_names = REF["country_names"]
    cands = []  # (rank, surface, country, alt_name, external id)
    for r in gn:
        code = r["code"]
        cc = code.split(".")[0]
        rank = popsum.get(code, 0)
        canon = clean(re.sub(r"^[\u2018\u02bf']+(?=[A-Z])", "", r["name"]))
        xid = "geonames:" + r["geonameid"] if r.get("geonameid") else None
        for s in (r["name"], r["asciiname"]):
            s = clean(re.sub(r"^[\u2018\u02bf']+(?=[A-Z])", "", s))
            cands.append((rank, s, cc, canon, xid))
    first_level = {r["code"].lower().replace("-", ""): r for r in iso2 if r["parent"] == ""}
    for r in cldr_sub:
        code = r["cldr_code"]
        if code not in first_level:
            continue
        cc = code[:2].upper()
        cands.append((0, clean(r["name"]), cc, clean(r["name"]), "iso3166-2:" + first_level[code]["code"]))
    g = Gaz("admin1.tsv", "first-level administrative divisions (states, provinces, regions)",
            "%s regionInfo.tsv (= GeoNames admin1CodesASCII), cities15000.zip (populations); "
            "%s common/subdivisions/en.xml; %s iso_3166-2.json (levels)" % (GEOBANK, CLDR, ISOCODES),
            "%s AND %s AND %s" % (LIC_GEONAMES, LIC_CLDR, LIC_LGPL21),
            type_="place", kind="admin1",
            attribution="%s; %s; iso-codes (Debian), LGPL-2.1+" % (ATTR_GEONAMES, ATTR_CLDR))
    # most populous first so that shared names go to the bigger division
    cands.sort(key=lambda x: (-x[0], x[2], x[1] or ""))
    for rank, s, cc, canon, xid in cands:
        if not s or not canon or has_digit(s) or "," in s or "(" in s:
            continue
        if not is_latin(s) or not s[0].isupper():
            continue
        toks = [t for t in re.split(r"[ \-]", fold(s)) if t]
        if all(t in ADMIN1_GENERIC or t in COMMON_WORDS for t in toks):
            continue
        if len(toks) == 1 and is_common(s):
            continue
        letters = re.sub(r"[^A-Za-z]", "", strip_accents(s))
        if len(letters) <= 3 and rank < 300000:
            continue  # Baa, Haa (atolls), Mus, Tak: too short to be safe
        if len(toks) == 1 and rank < 1000000 and cc != "US" and (fold(s) in REF["given_top"] or
                                                                  fold(s) in REF["surname_top"]):
            continue  # Isle of Man parishes Patrick, Michael; Mary (TM); not a US state (Montana)
        if fold(s) in country_names and cc != "US":
            continue  # Taiwan as a CN subdivision, Jersey... (Georgia the US state stays)
        if s in UK_COUNTY_FIRST:
            continue  # Midlands (Zimbabwe): the English region in places-gate.tsv
        if len(re.sub(r"[^A-Za-z]", "", strip_accents(s))) < 3:
            continue
        # England, Scotland, Wales, Northern Ireland: countries in their own right
        kind = "country" if cc == "GB" and s in ("England", "Scotland", "Wales", "Northern Ireland") else None
        if g.add(s, name=canon if fold(canon) != fold(s) else None, country=cc,
                 rank=rank or None, kind=kind, id=xid):
            note_place(s, "admin1")
    g.write()
    REF["admin1_names"] = {k[0] for k in g.entries}


CITY_WORDS = set(source_items("places/city-words.tsv"))

# English exonyms and former names used in news (sources/places/exonyms.tsv):
# (alias, GeoNames main name).  Always kept, on top of the automatic ones.
EXONYMS = [(r["alias"], r["name"]) for r in read_source("places/exonyms.tsv")]


# Town names that in English text are nearly always something else (rule
# block), and places that are also a lower-case word, kept only as written
# (rule exact): sources/places/city-filter.tsv.
_CITY_FILTER = source_rules("places/city-filter.tsv", "rule", ("block", "exact"))
CITY_BLOCK = {r["name"] for r in _CITY_FILTER["block"]}
CITY_EXACT = {r["name"] for r in _CITY_FILTER["exact"]}


def orth_norm(s):
    f = fold(s).replace("-", " ")
    f = re.sub(r"\bst\.? ", "saint ", f)
    f = re.sub(r"\bste\.? ", "sainte ", f)
    return re.sub(r"\s+", " ", f).strip()


def alt_score(alt):
    """Higher is more likely a spelling seen in English text."""
    s = 0
    if all(ord(c) < 128 for c in alt):
        s += 3
    f = fold(alt)
    if re.search(r"(as|us|is|ys|o|ų|ą|ai|ei)$", f):
        s -= 2
    if re.search(r"(sz|cz|ij|jv|dzh|tsj|sj|zs|ae|tx|uo|aa|ii|uu|eh|q[^u]|[^ ]j|w$|j$)", f):
        s -= 2
    if "'" in alt:
        s -= 1
    s -= alt.count(" ") + alt.count("-")
    return s


def build_cities():
    rows = read_tsv("places/geonames_cities15000.tsv")
    rows = [r for r in rows if int(r["population"] or 0) >= 100000 or r["feature_code"] == "PPLC"]
    rows.sort(key=lambda r: (-int(r["population"] or 0), int(r["geonameid"])))
    country_names = REF["country_names"]
    admin1 = REF.get("admin1_names", set())
    ssa_top = REF["ssa_top"]
    g = Gaz("cities.tsv", "cities with population >= 100,000 and all capitals, with English exonyms",
            "%s cities15000.zip (GeoNames dump 2025-11-19); nerx hand-written exonym list" % GEOBANK,
            LIC_GEONAMES, type_="place", kind="city", attribution=ATTR_GEONAMES)
    kept = []
    main_of = {}
    for r in rows:
        name = clean(re.sub(r"^[\u2018\u02bf']+(?=[A-Z])", "", r["name"]))  # 'Ajlun
        cc = r["country"]
        if not name or has_digit(name) or not is_latin(name):
            continue
        if fold(name) in country_names and REF["country_canon"].get(cc) and \
                fold(REF["country_canon"][cc]) != fold(name):
            continue  # Armenia (Colombia)
        if is_common(name) or fold(name) in STOPWORDS or name in CITY_BLOCK or name in UK_COUNTY_FIRST:
            continue
        pop = int(r["population"] or 0)
        # a name with accents whose plain spelling is a common given name or
        # family name (Būsh for Bush, Bānda for Banda): in English text the
        # plain word is the person, so the city is only the name written
        # with its accents (as the regions below leave such names out, under
        # a million people)
        accented = not name.isascii() and pop < 1000000 and (fold(name) in REF["given_top"] or
                                                             fold(name) in REF["surname_top"])
        if g.add(name, country=cc, rank=pop, case="exact" if name in CITY_EXACT or accented else None,
                 accents="kept" if accented else None, id="geonames:" + r["geonameid"]):
            note_place(name, "city")
            kept.append((r, name))
            main_of[fold(name)] = (name, cc, pop)
        asc = clean(re.sub(r"^'+(?=[A-Z])", "", r["asciiname"]))
        if asc and fold(asc) != fold(name) and not is_common(asc) and not has_digit(asc):
            g.add(asc, name=name, country=cc, rank=pop)
    # hand-written exonyms
    for alt, main in EXONYMS:
        m = main_of.get(fold(clean(main)))
        if m and not g.has_surface(alt):
            g.add(alt, name=m[0], country=m[1], rank=m[2])
    # automatic alternates after all main names, so a main name is never an alias
    for r, name in kept:
        pop = int(r["population"] or 0)
        limit = 3 if pop >= 1000000 else (1 if pop >= 300000 else 0)
        alts = []
        fname = fold(name)
        nname = orth_norm(name)
        for a in (r["alt_names_latin"] or "").split("|"):
            a = clean(a)
            if not a or fold(a) == fname:
                continue
            letters = re.sub(r"[^A-Za-z]", "", strip_accents(a))
            if len(letters) < 4 or a.isupper() or has_digit(a):
                continue
            if not capitalised_words_ok(a) or not is_latin(a):
                continue
            if re.search(r"[A-Z]{2}", a):  # TPHCM, HCMC
                continue
            toks = [t for t in re.split(r"[ \-]", fold(a)) if t]
            if any(t in CITY_WORDS for t in toks) and not any(t in CITY_WORDS for t in re.split(r"[ \-]", fname)):
                continue
            if len(toks) > 3:
                continue
            fa = fold(a)
            if a in UK_COUNTY_FIRST:
                continue
            if is_common(a) or fa in ssa_top or fa in country_names or fa in admin1:
                continue
            if fa in REF["given_top"] or fa in REF["surname_top"]:
                continue
            if orth_norm(a) == nname:
                # same name, other orthography (Port au Prince, St. Paul): always useful
                if not g.has_surface(a):
                    g.add(a, name=name, country=r["country"], rank=pop)
                continue
            if "." in a or not a.isascii() or len(letters) < 5:
                continue
            if all(t in COMMON_WORDS or t in CITY_WORDS or t in ADMIN1_GENERIC for t in toks):
                continue  # White House (Casablanca), Big Apple
            ratio = difflib.SequenceMatcher(None, fname, fa).ratio()
            if ratio < 0.6:
                continue  # a different name: only the hand-written exonyms are trusted
            alts.append((-alt_score(a), -ratio, a))
        alts.sort()
        n = 0
        for sc, _, a in alts:
            if n >= limit or -sc < 2:
                break
            if g.has_surface(a):
                continue
            if g.add(a, name=name, country=r["country"], rank=pop):
                n += 1
    g.write()


def build_towns():
    """Towns of 15,000 to 100,000 people (kind=town): names the cities file
    leaves out. Names that are also common words, given names or surnames,
    or another entry's name, are left out: a town needs its name to itself."""
    rows = read_tsv("places/geonames_cities15000.tsv")
    rows = [r for r in rows if 15000 <= int(r["population"] or 0) < 100000 and r["feature_code"] != "PPLC"]
    rows.sort(key=lambda r: (-int(r["population"] or 0), int(r["geonameid"])))
    g = Gaz("towns.tsv", "towns of 15,000 to 100,000 people",
            "%s cities15000.zip (GeoNames dump 2025-11-19)" % GEOBANK,
            LIC_GEONAMES, type_="place", kind="town", attribution=ATTR_GEONAMES)
    country_names = REF["country_names"]
    for r in rows:
        pop = int(r["population"] or 0)
        for s in (r["name"], r["asciiname"]):
            s = clean(re.sub(r"^[\u2018\u02bf']+(?=[A-Z])", "", s or ""))
            if not s or has_digit(s) or not is_latin(s) or not s[0].isupper() or "," in s or "(" in s:
                continue
            f = fold(s)
            if is_common(s) or f in STOPWORDS or s in CITY_BLOCK or s in UK_COUNTY_FIRST or f in country_names:
                continue
            if f in REF["given_top"] or f in REF["surname_top"] or f in REF["ssa_top"]:
                continue
            if f in SURFACES or len(re.sub(r"[^A-Za-z]", "", strip_accents(s))) < 4:
                continue
            name = clean(r["name"])
            if g.add(s, name=name if fold(name) != f else None, country=r["country"], rank=pop,
                     id="geonames:" + r["geonameid"]):
                note_place(s, "town")
    g.write()


# ---------------------------------------------------------------------------
# Organisations
# ---------------------------------------------------------------------------

def initials_match(label, name):
    """Domain label == initials of the capitalised words of name (3-6 letters).
    A word may give one more letter when it starts an inner syllable
    (Jiao-tong -> JT); at most one such extra letter in all."""
    label = label.lower()
    if not (3 <= len(label) <= 6) or not label.isalpha():
        return False
    ws = [w for w in re.split(r"[ \-]", strip_accents(name)) if w]
    caps = [w for w in ws if w[0].isupper() and w.lower() not in LOWER_PARTICLES]
    caps = [re.sub(r"[^A-Za-z]", "", w).lower() for w in caps]
    caps = [w for w in caps if w]
    if not caps:
        return False
    exact = "".join(w[0] for w in caps)
    if exact == label:
        return True
    if len(label) != len(caps) + 1:
        return False
    for i, w in enumerate(caps):
        for j in range(2, len(w)):
            if w[j - 1] in "aeiou" and w[j] not in "aeiou":
                cand = "".join(x[0] for x in caps[:i]) + w[0] + w[j] + "".join(x[0] for x in caps[i + 1:])
                if cand == label:
                    return True
    return False


def acronym_ok(a, allow=()):
    """An all-caps acronym that may be matched with case=exact."""
    if a.lower() in allow:
        return True
    f = fold(a)
    if f in STOPWORDS or f in COMMON_WORDS or f in REF["given_top"]:
        return False
    return True


def build_universities():
    rows = read_tsv("orgs/world_universities.tsv")
    g = Gaz("universities.tsv", "universities and colleges worldwide, with domain acronyms",
            "Hipo/university-domains-list @ bb07faf064e1c68be9b26fb71de31f01e361f974, "
            "world_universities_and_domains.json",
            "MIT", type_="organization", kind="university")
    acr = collections.defaultdict(set)
    acr_cc = {}
    names = []
    for r in rows:
        name = clean(r["name"])
        if not name or len(name) < 4:
            continue
        names.append((name, r["country_code"], r["domains"]))
    for name, cc, domains in names:
        first = next((d.strip().lower() for d in (domains or "").split("|") if d.strip()), None)
        g.add(name, country=cc, id="domain:" + first if first else None)
        for d in (domains or "").split("|"):
            d = d.strip().lower()
            if not d:
                continue
            label = d.split(".")[0]
            if label in ("www", "mail") and d.count(".") > 1:
                label = d.split(".")[1]
            if initials_match(label, name):
                acr[label.upper()].add(name)
                acr_cc[(label.upper(), name)] = cc
    for a in sorted(acr):
        ns = acr[a]
        if len(ns) != 1:
            continue  # ambiguous acronym
        if not acronym_ok(a) or a.lower() in REF["iso3_codes"]:
            continue
        if fold(a) in PLACES:
            continue
        n = next(iter(ns))
        g.add(a, name=n, case="exact", country=acr_cc[(a, n)])
    g.write()


def build_intl_orgs():
    rows = read_tsv("orgs/international_organisations_supraverden.tsv")
    g = Gaz("intl-orgs.tsv", "international organisations (UN system, EU bodies, NATO, ...) and their abbreviations",
            "confirmordeny/supraverden @ 59ab4fa0f92f3c75bb45e230908e612f15e8dbdf, data/general_list.yaml; "
            "nerx hand-written additions (BRICS, G7, G20, SCO, ...)",
            LIC_CCBYSA, type_="organization", kind="intl", attribution=ATTR_SUPRA)
    abbr_to = collections.defaultdict(set)
    primary = {}
    recs = []
    for r in rows:
        name = clean(r["name_en"])
        if not name:
            continue
        names = [name]
        for col in ("other_names_en", "former_name_en"):
            for v in (r[col] or "").split("|"):
                v = clean(v)
                if v:
                    names.append(v)
        abbrs = []
        for col in ("abbreviation_en", "other_abbreviations", "former_abbreviation_en"):
            for v in (r[col] or "").split("|"):
                v = clean(v)
                if v:
                    abbrs.append(v)
                    abbr_to[fold(v)].add(name)
        a0 = clean(r["abbreviation_en"])
        if a0:
            primary.setdefault(fold(a0), set()).add(name)
        qid = clean(r.get("wikidata") or "")
        recs.append((name, names, abbrs, "wikidata:" + qid if qid and re.fullmatch(r"Q[0-9]+", qid) else None))
    for name, names, abbrs, qid in recs:
        for s in names:
            if not is_latin(s) or (len(s.split()) == 1 and is_common(s)):
                continue
            cs = "exact" if s.isupper() else None
            g.add(s, name=name, case=cs, id=qid)
            # British/American spellings of the same name
            for a, b in (("Organisation", "Organization"), ("Organization", "Organisation"),
                         ("Co-operation", "Cooperation"), ("Cooperation", "Co-operation")):
                if a in s:
                    g.add(s.replace(a, b), name=name, case=cs)
        for a in abbrs:
            fa = fold(a)
            owners = abbr_to[fa]
            if len(owners) > 1 and not (len(primary.get(fa, ())) == 1 and name in primary[fa]):
                continue  # ambiguous unless it is the main abbreviation of exactly one
            if not is_latin(a) or len(re.sub(r"[^A-Za-z]", "", a)) < 2:
                continue
            if a.isupper() or re.fullmatch(r"[A-Z][A-Za-z]*[A-Z][A-Za-z]*", a):
                if not acronym_ok(a, allow=("who", "nato", "opec", "asean")):
                    continue
                if len(re.sub(r"[^A-Za-z]", "", a)) < 3 and a not in ("EU", "UN"):
                    continue
                g.add(a, name=name, case="exact")
            else:
                if is_common(a):
                    continue
                g.add(a, name=name)
    # Hand-written additions (nerx project): groupings the list lacks and
    # abbreviations it leaves out.
    have = {k[0] for k in g.entries}
    for s, canon, cs in INTL_EXTRA:
        if fold(canon) in have or s == canon:
            g.add(s, name=canon, case=cs)
    g.write()


INTL_EXTRA = [(r["alias"], r["name"], r["case"] or None) for r in read_source("orgs/intl-extra.tsv")]


US_AGENCY_PREFIXES = tuple(source_items("orgs/us-agency-canonical-prefixes.tsv"))


def us_state_names():
    return {fold(r["name"]) for r in read_tsv("places/geonames_admin1.tsv") if r["code"].startswith("US.")}


def build_us_agencies():
    rows = read_tsv("orgs/us_federal_agencies_gsa.tsv")
    states = us_state_names() | {fold("District of Columbia"), fold("Puerto Rico")}
    g = Gaz("us-agencies.tsv", "US federal agencies and sub-agencies with acronyms",
            "GSA/srt-api @ 71a251f1f3b2b9cf87fd04601a80908561975fc9, db/scripts/agencies.sql",
            "public domain (US federal government work)", type_="organization", kind="agency")
    by_acr = collections.defaultdict(list)
    plain = []
    for r in rows:
        name = clean(r["agency"])
        if not name or fold(name) in states or fold(name) in PLACES:
            continue  # state and territory names (American Samoa, Guam)
        acr = clean(r["acronym"])
        if acr:
            by_acr[acr].append(name)
        else:
            plain.append(name)

    def canon_of(names):
        good = [n for n in names if "," not in n]
        if not good:
            return None
        good.sort(key=lambda n: (not n.startswith(US_AGENCY_PREFIXES), -len(n), n))
        return good[0]

    for acr in sorted(by_acr):
        names = by_acr[acr]
        c = canon_of(names)
        if not c:
            continue
        for n in names:
            if "," in n:
                continue
            if len(n.split()) == 1 and is_common(n):
                continue
            g.add(n, name=c)
        if re.fullmatch(r"[A-Z][A-Z0-9&\-]{1,9}", acr.replace(" ", "")):
            letters = re.sub(r"[^A-Z]", "", acr)
            if len(letters) >= 3 and acronym_ok(acr, allow=("ice",)) and fold(acr) not in PLACES:
                g.add(acr, name=c, case="exact")
        elif "," not in acr and not is_common(acr) and fold(acr) not in states:
            if not acr.isupper():
                g.add(acr, name=c)  # e.g. Helsinki Commission
    for n in plain:
        if "," in n or (len(n.split()) == 1 and is_common(n)):
            continue
        g.add(n)
    g.write()


LEGAL_SUFFIXES = source_items("orgs/legal-suffixes.tsv")
SMALL_WORDS = set(source_items("orgs/company-small-words.tsv"))
KEEP_UPPER = set(source_items("orgs/company-keep-upper.tsv"))


def sec_title(name):
    """'APPLE INC.' -> 'Apple Inc.'; keeps names that already have lower case."""
    if re.search(r"[a-z]", name):
        return name
    out = []
    for i, w in enumerate(name.split(" ")):
        if w in KEEP_UPPER:
            out.append("JPMorgan" if w == "JPMORGAN" else w)
            continue
        lw = w.lower()
        if i > 0 and lw in SMALL_WORDS:
            out.append(lw)
            continue
        if "&" in w or (not re.search(r"[AEIOUY]", w) and len(w) <= 4) or re.fullmatch(r"([A-Z]\.)+[A-Z]?", w):
            out.append(w)
            continue
        out.append(title_case_name(w) if not w.startswith("MC") else w[0] + w[1:].lower())
    return " ".join(out)


def strip_legal(name):
    s = name.strip().rstrip(",")
    changed = True
    while changed:
        changed = False
        low = s.lower()
        for suf in sorted(LEGAL_SUFFIXES, key=len, reverse=True):
            for sep in (", ", " "):
                if low.endswith(sep + suf):
                    s = s[: len(s) - len(sep + suf)].rstrip(" ,")
                    changed = True
                    break
            if changed:
                break
        if s.lower().endswith(" &") or s.lower().endswith(" and"):
            s = re.sub(r"\s+(&|and)$", "", s, flags=re.I)
            changed = True
    s = re.sub(r"^The ", "", s)
    return s.strip()


# Single-word company names that are also US surnames but mean the company in news.
COMPANY_OK = set(source_items("orgs/company-ok.tsv"))
# Words marking an SEC registrant as a fund or trust, not a company.
SEC_SKIP = re.compile(r"\b(%s)\b" % "|".join(re.escape(w) for w in source_items("orgs/sec-skip-words.tsv")))


def build_companies():
    sp = read_tsv("orgs/sp500_constituents.tsv")
    sec = read_tsv("orgs/sec_company_tickers.tsv")[:5000]
    g = Gaz("companies.tsv", "large listed companies (S&P 500, top SEC EDGAR registrants): full and short names",
            "datasets/s-and-p-500-companies @ 56509dd80619e4d8e1410c2260d68ddd3eab6068, data/constituents.csv; "
            "lwowlwowl/company_name_to_ticker @ e83838f7269cacdfeee556edc00a389e4dcd3943, "
            "company_tickers_exchange.json (SEC EDGAR, 2025-08, first 5000 rows)",
            "ODC-PDDL-1.0 AND public domain (US SEC data)", type_="organization", kind="company")
    given = REF["given_top"]
    surn = REF["surname_top"]
    recs = []
    for r in sp:
        name = clean(re.sub(r"\s*\(Class [A-Z]\)$", "", r["name"]))
        recs.append((r["cik"].lstrip("0"), name))
    for r in sec:
        nm = clean(r["name"])
        if not nm:
            continue
        nm = re.sub(r"\s*/[A-Za-z ]*/?\s*$", "", nm)  # /DE/, /ADR, /FI
        nm = re.sub(r"\s*/[A-Za-z]+$", "", nm)
        if SEC_SKIP.search(nm.upper()):
            continue
        recs.append((r["cik"].lstrip("0"), sec_title(nm)))

    def distinctive(s):
        f = fold(s)
        if len(s.split()) >= 2:
            return not all(w in COMMON_WORDS for w in f.split())
        if len(f) < 3 or is_common(s) or f in given or f in surn or f in PLACES:
            return False
        return True

    by_cik = collections.OrderedDict()
    for cik, name in recs:
        if name and is_latin(re.sub(r"[0-9&!,()+]", "", name)):
            by_cik.setdefault(cik, [])
            if name not in by_cik[cik]:
                by_cik[cik].append(name)
    for cik, names in by_cik.items():
        forms = []  # (surface, usable as canonical)
        for name in names:
            short = strip_legal(name)
            if short and short != name:
                forms.append((short, distinctive(short) or short in COMPANY_OK))
            forms.append((name, len(name.split()) > 1 or distinctive(name) or name in COMPANY_OK))
        canon = next((f for f, ok in forms if ok), None)
        if not canon:
            continue
        for f, ok in forms:
            if not ok and len(f.split()) == 1:
                continue  # a bare common word / surname (Target, Ball)
            g.add(f, name=canon, id="cik:" + cik.zfill(10))
            nd = f.replace(" Inc.", " Inc").replace(" Corp.", " Corp").replace(" Co.", " Co")
            if nd != f:
                g.add(nd, name=canon)
    g.write()


PARTY_WORDS = None  # set in build_parties (sources/hand/function-words.tsv, type=party-word)


def build_parties():
    global PARTY_WORDS
    PARTY_WORDS = hand_words("function-words.tsv", "party-word")
    rows = read_tsv("orgs/political_parties_partyfacts.tsv")
    iso3 = REF["iso3"]
    g = Gaz("parties.tsv", "political parties worldwide: English names, original Latin-script names, acronyms",
            "hdigital/partyfactsdata @ 764de8978f84ba41a1c88752d6a00b9a4d05f599, "
            "import/elecglob/partyfacts-core-parties.csv",
            "MIT", type_="organization", kind="party",
            attribution="Party Facts authors (partyfacts.herokuapp.com), MIT licence")
    g.countryless_ambiguous = True  # a name without a country is one several countries' parties share
    recs = []
    for r in rows:
        try:
            share = float(r["share"] or 0)
        except ValueError:
            share = 0.0
        cc = iso3.get(r["country_iso3"], "")
        eng = [clean(x) for x in re.split(r" / ", r["name_english"] or "") if clean(x)]
        orig = [clean(x) for x in re.split(r" / ", r["name"] or "") if clean(x)]
        if not eng:
            eng = [o for o in orig if is_latin(o)][:1]
        if not eng:
            continue
        recs.append((share, r["year_last"] or "9999", cc, eng, orig, clean(r["name_short"]),
                     "partyfacts:" + r["partyfacts_id"] if r.get("partyfacts_id") else None))
    recs.sort(key=lambda x: (-x[0], x[1], x[2], x[3][0]))
    # which names occur in several countries -> no country attribute
    name_cc = collections.defaultdict(set)
    for share, yl, cc, eng, orig, short, pf in recs:
        for e in eng:
            name_cc[fold(e)].add(cc)

    bare_party_words = set()

    def ok_name(s):
        if not s or not is_latin(s) or has_digit(s) or len(s) < 4:
            return False
        if "(" in s or "," in s:
            return False
        if not capitalised_words_ok(s):
            return False
        toks = fold(s).replace("-", " ").split()
        if len(toks) == 1 and (is_common(s) or toks[0] in REF["given_top"] or toks[0] in PLACES):
            return False
        # a party adjective alone ("Democratic", "Progressive") is many parties' word, none's name:
        # it is kept as a party of no country and no id (bare_party_words, below)
        if len(toks) == 1 and toks[0] in PARTY_WORDS:
            bare_party_words.add(s)
            return False
        if all(t in COMMON_WORDS for t in toks) and len(toks) <= 2 and "party" not in toks:
            return False
        # nor a head word after small words only ("THE PARTY": "The Party of
        # Democratic Action" is another's name)
        if len(toks) >= 2 and all(t in STOPWORDS for t in toks[:-1]) and toks[-1] in ORG_HEADS_FOLDED:
            return False
        return True

    # a spelling used by several different parties is only kept as a canonical name
    canon_names = set()
    alias_owners = collections.defaultdict(set)
    for share, yl, cc, eng, orig, short, pf in recs:
        c = next((e for e in eng if ok_name(e)), None)
        if not c:
            continue
        canon_names.add(fold(c))
        for x in eng[1:] + orig:
            alias_owners[fold(x)].add(fold(c))

    def alias_ok(x, canon):
        fx = fold(x)
        if fx == fold(canon):
            return True
        return fx not in canon_names and len(alias_owners[fx]) <= 1

    short_seen = set()
    for share, yl, cc, eng, orig, short, pf in recs:
        for e in eng[:1]:
            if pf and cc:
                NAME_COUNTRY_IDS.setdefault(("organization", fold(e), cc), pf)
    for share, yl, cc, eng, orig, short, pf in recs:
        canon = None
        for e in eng:
            if ok_name(e):
                canon = e
                break
        if not canon:
            continue
        ccs = name_cc[fold(canon)]
        country = cc if len(ccs) == 1 else None
        rank = int(round(share * 10)) or None
        g.add(canon, country=country, rank=rank, id=pf)
        for e in eng[1:]:
            if ok_name(e) and alias_ok(e, canon):
                g.add(e, name=canon, country=country, rank=rank)
        for o in orig:
            if ok_name(o) and alias_ok(o, canon) and (len(o.split()) >= 2 or not is_common(o)):
                g.add(o, name=canon, country=country, rank=rank)
        if short and re.fullmatch(r"[A-Z][A-Z0-9\-]*[A-Z0-9]", short):
            letters = re.sub(r"[^A-Z]", "", short)
            fs = fold(short)
            if len(letters) >= 3 and fs not in short_seen and acronym_ok(short) and \
                    fs not in PLACES and fs not in REF["iso3_codes"]:
                short_seen.add(fs)  # most-voted party keeps an acronym
                g.add(short, name=canon, case="exact", country=cc, rank=rank)
    for w in sorted(bare_party_words):
        g.add(w)
        g.no_ids.add(w)  # (no company's id either: "Progressive" is no insurer here)
    g.write()


# ---------------------------------------------------------------------------
# Hand-written news organisations (nerx project)
# ---------------------------------------------------------------------------

# The organisations a news reader meets every day and the open lists lack or
# get wrong: sources/orgs/news-orgs.tsv (its header explains the columns and
# the ! and ^ marks).  A surface listed there is owned by the list: other
# files' entity entries for it with another canonical name are left out.


def news_surfaces():
    """Parse sources/orgs/news-orgs.tsv: [(kind, canonical, country, [(surface, case)])]."""
    out = []
    for r in read_source("orgs/news-orgs.tsv"):
        kind, cc = r["kind"], r["country"]
        forms = []
        for p in [r["name"]] + split_aliases(r["aliases"]):
            case = None
            if p.endswith("!"):
                p, case = p[:-1], "exact"
            elif p.endswith("^"):
                p, case = p[:-1], "cap"
            elif re.fullmatch(r"[A-Z][A-Z0-9&/.\-]*[A-Z0-9.]", p) and len(p) <= 8:
                case = "exact"
            elif not last_token_ok(p):
                case = "cap"  # 'Interfax news agency': the matcher checks the first word only
            forms.append((clean(p), case))
        out.append((kind, forms[0][0], cc or None, forms))
    return out


def init_news_owned():
    for kind, canon, cc, forms in news_surfaces():
        for s, case in forms:
            NEWS_OWNED[fold(s)] = fold(canon)


def entity_names(surface):
    """Canonical names (folded) the files written so far give an entity surface."""
    return {fold(n) for f, t, n in SURFACES.get(fold(surface), ()) if t in ENTITY_TYPES}


def entity_types(surface):
    return {t for f, t, n in SURFACES.get(fold(surface), ()) if t in ENTITY_TYPES}


def earlier_org_name(surface):
    for f, t, n in SURFACES.get(fold(surface), ()):
        if t == "organization":
            return n
    return None


def is_title_surface(surface):
    return any(t == "title" for f, t, n in SURFACES.get(fold(surface), ()))


def build_orgs_news():
    g = Gaz(NEWS_FILE, "news organisations: agencies, newspapers, broadcasters, central banks, "
            "exchanges, legislatures, sports bodies, NGOs, armed groups, party short names, companies of world news",
            "nerx project", LIC_HAND, type_="organization")
    for kind, canon, cc, forms in news_surfaces():
        for s, case in forms:
            g.add(s, name=canon, kind=kind, case=case, country=cc)
    g.write()


# ---------------------------------------------------------------------------
# GATE ANNIE organisation lists
# ---------------------------------------------------------------------------

def gate_fix(s):
    """Repair or reject one GATE entry: HTML entities, wiki debris, mojibake."""
    if s is None or "\ufffd" in s:
        return None  # 'Est\ufffde Lauder': the accent was lost upstream
    s = s.replace("&AMP;", "&").replace("&amp;", "&")
    s = re.sub(r"\[[^\]]*\]", "", s)  # 'N[edit]', 'CMC[disambiguation needed]'
    s = clean(s)
    if not s:
        return None
    s = re.sub(r"\s+,", ",", s)
    return s


def split_paren(s):
    """'Amtrak (National Railroad Passenger Corporation)' -> ('Amtrak', 'National ...')."""
    m = re.fullmatch(r"(.*?)\s*\(([^()]*)\)\s*(.*)", s)
    if not m:
        return s, None
    main = clean((m.group(1) + " " + m.group(3)).strip())
    return main, clean(m.group(2))


QUALIFIERS = set(source_items("orgs/gate-qualifiers.tsv"))


def looks_like_person(s):
    """'Dale Lang', 'Julia Burness': a given name and one or two more capitalised words."""
    toks = s.split()
    if not 2 <= len(toks) <= 3 or any(not re.fullmatch(r"[A-Z][a-z'\-]+|[A-Z]\.?", t) for t in toks):
        return False
    if fold(toks[0]) not in REF["given_top"]:
        return False
    heads = {fold(w) for w in ORG_HEADS}
    return not any(fold(t) in heads or fold(t) in COMMON_WORDS for t in toks[1:])


def last_token_ok(s):
    """The matcher wants a case=fold entry to end on a capitalised word or a digit."""
    toks = [t for t in re.split(r"[\s\-]+", s) if t]
    if not toks:
        return False
    last = re.sub(r"^[^\w]+|[^\w.]+$", "", toks[-1])
    return bool(last) and (last[0].isupper() or last[0].isdigit())


def org_name_ok(s):
    """A multi-word organisation name or a distinctive single word."""
    if not s or len(re.sub(r"[^A-Za-z]", "", strip_accents(s))) < 3:
        return False
    if not is_latin(re.sub(r"[0-9&!,()+/]", "", s)):
        return False
    if "," in s or s.endswith((" and", " &", " of", " the", " for")):
        return False
    toks = [t for t in re.split(r"[ \-]", fold(s)) if t]
    if len(toks) == 1:
        f = toks[0]
        return not (is_common(s) or f in REF["given_top"] or f in REF["surname_top"] or f in PLACES)
    if all(t in COMMON_WORDS or t in ("&",) for t in toks):
        return False
    return True


def gate_case(s):
    """case for a GATE surface: acronyms exact, lower-case first letter exact."""
    letters = re.sub(r"[^A-Za-z]", "", s)
    if s[:1].islower():
        return "exact"
    if letters.isupper() and (len(letters) <= 5 or " " not in s and "." in s):
        return "exact"
    return None


def acronym_usable(a, taken_ok=None):
    """An all-capital acronym of 3+ letters that no earlier file uses for something else."""
    letters = re.sub(r"[^A-Za-z]", "", a)
    if len(letters) < 3 or not acronym_ok(a) or fold(a) in REF["iso3_codes"] or fold(a) in PLACES:
        return False
    names = entity_names(a)
    return not names or (taken_ok is not None and names == {fold(taken_ok)})


# GATE company filters (sources/orgs/gate-company-*.tsv): single words that
# are the company in news although also a surname, place or word; three-letter
# acronyms well enough known to be matched as written; shouted names that are
# names, not acronyms; entries that are no company or mean something else.
GATE_COMPANY_OK = set(source_items("orgs/gate-company-ok.tsv"))
GATE_ACRONYM_OK = set(source_items("orgs/gate-company-acronyms.tsv"))
GATE_SHOUTED = source_map("orgs/gate-company-shouted.tsv", "entry", "name")
GATE_COMPANY_SKIP = set(source_items("orgs/gate-company-skip.tsv"))


def company_form_ok(f, ambig):
    """(ok, case) for one surface of a GATE company."""
    cs = gate_case(f)
    if is_title_surface(f) or looks_like_person(f):
        return False, None
    if f.endswith(".") and not re.search(r"\b(Inc|Corp|Co|Cos|Ltd|Bros|L\.P|N\.V|S\.A|P\.L\.C)\.$", f):
        return False, None  # 'Amoco.', 'Du Pont Merck Pharm.': truncated
    m = re.fullmatch(r"(.*)'s", f)
    if m and " " not in f and (is_common(m.group(1)) or fold(m.group(1)) in REF["given_top"] or
                               fold(m.group(1)) in REF["surname_top"]):
        return False, None  # "Carter's", "Harvey's"
    if cs == "exact":
        if f[:1].isupper():
            if not re.fullmatch(r"[A-Z][A-Z0-9&.\-]*", f.replace(" ", "")) or not acronym_usable(f):
                return False, None
            if len(re.sub(r"[^A-Z]", "", f)) == 3 and f not in GATE_ACRONYM_OK:
                return False, None
        elif not re.fullmatch(r"[a-z]+[A-Z][A-Za-z0-9]*", f):
            return False, None  # eBay, iRobot; not 'the Link Project'
        return True, cs
    if not last_token_ok(f):
        return False, None
    single = len(re.split(r"[ \-]", f)) == 1
    if not org_name_ok(f) and f not in GATE_COMPANY_OK:
        return False, None
    if entity_types(f) - {"organization"} and f not in GATE_COMPANY_OK:
        return False, None  # a place or person elsewhere (Halifax)
    if single and f in ambig:
        cs = "cap"
    return True, cs


def build_companies_gate():
    g = Gaz("companies-gate.tsv", "companies from the GATE ANNIE lists (world, UK and franchise companies) "
            "not in companies.tsv: full and short names",
            "%s company.lst, more_company.lst, companies_uk.lst (company_ambig.lst and "
            "non_company.lst as filters)" % GATE,
            LIC_LGPL3, type_="organization", kind="company",
            attribution="GATE ANNIE gazetteer lists (GateNLP/gateplugin-ANNIE), LGPL-3.0")
    ambig = {gate_fix(s) for s in read_lst("company_ambig.lst")}
    non_company = {fold(gate_fix(s) or "") for s in read_lst("non_company.lst")}
    raw = []
    for lst in ("more_company.lst", "company.lst", "companies_uk.lst"):
        raw += read_lst(lst)
    recs = collections.OrderedDict()  # canonical -> [(surface, case)]
    seen = set()
    for s in raw:
        s = gate_fix(s)
        if not s or s in GATE_COMPANY_SKIP or fold(s) in non_company:
            continue
        if re.search(r"\bformerly\b|, now ", s):
            continue  # 'FileMaker Inc., formerly Claris Corp.'
        main, inner = split_paren(s)
        if not main or "(" in main or "/" in main or ")" in main:
            continue
        main = re.sub(r"!$", "", main).strip()
        if fold(main) in seen:
            continue
        seen.add(fold(main))
        letters = re.sub(r"[^A-Za-z]", "", main)
        # shouted names (ALCOA, AMGEN, ASEA BROWN BOVERI): written as names
        if main in GATE_SHOUTED:
            main = GATE_SHOUTED[main]
        elif main.isupper() and " " not in main and len(letters) >= 6 and "." not in main and \
                "-" not in main:
            main = sec_title(main)
        elif main.isupper() and " " in main and len(letters) > 8:
            main = sec_title(main)
        short = strip_legal(main)
        forms = []
        if short and short != main and fold(short) not in non_company:
            forms.append(short)
        forms.append(main)
        if inner and fold(inner) not in QUALIFIERS:
            forms.append(inner)
        if any(f in GATE_COMPANY_SKIP for f in forms):
            continue
        canon = next((earlier_org_name(f) for f in forms if earlier_org_name(f)), None)
        out = []
        for f in forms:
            if entity_names(f) and "organization" in entity_types(f):
                continue  # companies.tsv (or another file) has it already
            ok, cs = company_form_ok(f, ambig)
            if ok:
                out.append((f, cs))
        if not out:
            continue
        if not canon:
            canon = out[0][0]
            if len(out) > 1 and out[0][1] == "exact" and out[1][1] != "exact":
                canon = out[1][0]  # 'Control Data Corporation (CDC)'
        recs.setdefault(canon, []).extend(out)
    for canon, forms in recs.items():
        for f, cs in forms:
            g.add(f, name=canon, case=cs)
            nd = f.replace(" Inc.", " Inc").replace(" Corp.", " Corp").replace(" Co.", " Co")
            if nd != f and last_token_ok(nd):
                g.add(nd, name=canon, case=cs)
    g.write()


# ---------------------------------------------------------------------------
# GATE ANNIE organisation lists other than companies
# ---------------------------------------------------------------------------

SMALL_INITIAL_WORDS = set(source_items("orgs/initials-small-words.tsv"))


def initials_of(name, with_small):
    """'Department for Culture, Media and Sport' -> 'DCMS' (or 'DFCMAS' with small words);
    all-capital words give all their letters ('HM Treasury' -> 'HMT')."""
    out = ""
    for w in re.split(r"[\s\-,]+", strip_accents(name)):
        w = re.sub(r"[^A-Za-z]", "", w)
        if not w:
            continue
        if w.lower() in SMALL_INITIAL_WORDS and not with_small:
            continue
        if w.isupper() and len(w) <= 3 and w.lower() not in SMALL_INITIAL_WORDS:
            out += w
        else:
            out += w[0]
    return out.upper()


def pair_acronym(acr, names):
    """The one name in names that acr abbreviates, or None."""
    letters = re.sub(r"[^A-Za-z]", "", acr)
    up = re.sub(r"[^A-Z]", "", acr)
    cands = set()
    for n in names:
        for ws in (False, True):
            ini = initials_of(n, ws)
            if ini and (ini == letters.upper() or (up != letters and ini == up)):
                cands.add(n)
    return next(iter(cands)) if len(cands) == 1 else None


GATE_ORG_SKIP = set(source_items("orgs/gate-org-skip.tsv"))
GATE_ORG_FIX = source_map("orgs/gate-org-fixes.tsv", "entry", "name")
# The GATE lists read for orgs-gate.tsv (sources/orgs/gate-org-lists.tsv):
# (list, kind, names may be made of common words); the lists whose generic
# names (no proper noun in them) are left out.
GATE_ORG_LISTS = [(r["list"], r["kind"] or None, r["common-words"] == "yes")
                  for r in read_source("orgs/gate-org-lists.tsv")]
GATE_GENERIC_LISTS = {r["list"] for r in read_source("orgs/gate-org-lists.tsv") if r["generic-skip"] == "yes"}
GATE_ABBR_LISTS = ["government__govt-departments-ministerial-abbreviations.lst",
                   "government__govt-departments-non-ministerial-abbreviations.lst",
                   "government__executive-agencies-abbreviations.lst"]
# UK department abbreviations that are also everyday words or other things
UK_ABBR_SKIP = set(source_items("orgs/uk-abbreviation-skip.tsv"))


def gate_org_lines(lst):
    """(name, abbreviation or None) pairs of a GATE list: 'Name (ABBR)', and the
    '-old' lists' 'abbrev=ABBR' lines after their name."""
    path = os.path.join(DATA, "gate_annie", lst)
    with open(path, encoding="utf-8") as f:
        lines = [l.strip() for l in f.read().split("\n")]
    out = []
    for line in lines:
        if not line:
            continue
        m = re.fullmatch(r"abbrev=(.+)", line)
        if m:
            if out:
                out[-1] = (out[-1][0], m.group(1).strip())
            continue
        name, _, abbr = line.partition("|abbrev=")
        out.append((name.strip(), abbr.strip() or None))
    return out


def gate_org_name(raw):
    """Clean one GATE organisation entry: -> (name, [acronyms]) or (None, [])."""
    s = gate_fix(raw)
    if not s:
        return None, []
    s = GATE_ORG_FIX.get(s, s)
    acrs = []
    while True:
        m = re.fullmatch(r"(.*?)\s*\(([^()]*)\)\s*(.*)", s)
        if not m:
            break
        inner = clean(m.group(2)) or ""
        s = clean((m.group(1) + " " + m.group(3)).strip()) or ""
        if re.fullmatch(r"[A-Z][A-Za-z&]*[A-Z]", inner):
            acrs.append(inner)
        elif fold(inner) not in QUALIFIERS:
            return None, []  # '(Northern Ireland)' is dropped, any other remark rejects
    if not re.fullmatch(r"([A-Z]\.)+", s):
        s = s.rstrip(".").strip()
    if s.endswith(",") or '"' in s or ";" in s:
        return None, []
    if re.search(r"\b[A-Z] [A-Z]\b", s) and len(s) <= 6:
        return None, []  # 'C B I'
    if s.isupper() and " " in s:
        return None, []  # shouted copies of names the list has in mixed case
    # 'Driver And Vehicle Licensing Agency', 'Office of The Deputy Prime Minister'
    s = re.sub(r"(?<= )(The|And|For|Of|In|On|At|To)(?= )", lambda m: m.group(1).lower(), s)
    return s, acrs


ORG_SMALL_WORDS = set(source_items("orgs/org-small-words.tsv"))


# Words of generic organisation names ('Academy of Sciences', 'County Court',
# 'Chamber of Commerce'): sources/orgs/generic-org-words.tsv.
GENERIC_ORG_WORDS = set(source_items("orgs/generic-org-words.tsv"))


def generic_org_name(s):
    heads = {fold(w) for w in ORG_HEADS}
    toks = [t for t in re.split(r"[ \-]+", fold(s).replace(",", "")) if t]
    return all(t in COMMON_WORDS or t in heads or t in GENERIC_ORG_WORDS or t in ORG_SMALL_WORDS
               for t in toks)


def org_entry_ok(s, generic_ok):
    if not s or s in GATE_ORG_SKIP or is_title_surface(s):
        return False
    if not is_latin(re.sub(r"[0-9&!,()+/']", "", s)) or not last_token_ok(s):
        return False
    if not s[0].isupper() and not s[0].isdigit():
        return False
    if "," in s and not re.fullmatch(r"[^,]+(, [A-Z][^,]*)+", s):
        return False
    for w in re.split(r"[ \-]+", re.sub(r"[,!]", "", s)):
        if w and w[0].islower() and w not in LOWER_PARTICLES and w not in ORG_SMALL_WORDS:
            return False  # 'Ohio state Supreme Court'
    toks = [t for t in re.split(r"[ \-]", fold(s)) if t]
    if len(toks) == 1:
        return org_name_ok(s)
    if not generic_ok and all(t in COMMON_WORDS or t in ("&", "uk") for t in toks):
        return False
    return True


def build_orgs_gate():
    g = Gaz("orgs-gate.tsv", "organisations from the GATE ANNIE lists: UK government departments, "
            "agencies and public bodies with abbreviations, newspapers, broadcasters, charities, "
            "parties, US sports teams, other organisations",
            "%s organization.lst, newspapers.lst, tvcompany.lst, radio_stations_uk.lst, charities.lst, "
            "political_party.lst, agency.lst, department.lst, ministry.lst, government.lst, "
            "government__*.lst (UK departments, executive agencies, non-departmental public bodies, "
            "abbreviations, law/military/other/political organisations), team.lst, mlb-teams.lst, "
            "nba-teams.lst, nfl-teams.lst" % GATE,
            LIC_LGPL3, type_="organization",
            attribution="GATE ANNIE gazetteer lists (GateNLP/gateplugin-ANNIE), LGPL-3.0")
    entries = []  # (name, kind, [acronyms])
    for lst, kind, generic_ok in GATE_ORG_LISTS:
        for raw, abbr in gate_org_lines(lst):
            name, acrs = gate_org_name(raw)
            if abbr:
                acrs.append(abbr)
            if not name or not org_entry_ok(name, generic_ok):
                continue
            if lst in GATE_GENERIC_LISTS and len(name.split()) > 1 and generic_org_name(name):
                continue  # 'Supreme Court', 'Coast Guard', 'Foreign Ministry'
            entries.append((name, kind, acrs, lst))
    # all-capital entries with no full name in their list are acronyms of their own
    fulls = [n for n, k, a, l in entries if not re.fullmatch(r"[A-Z][A-Za-z.&\-]*", n) or " " in n]
    pairs = collections.OrderedDict()  # acronym -> full name
    for n, k, acrs, lst in entries:
        for a in acrs:
            if lst == "government__public-bodies-non-departmental.lst" and \
                    len(re.sub(r"[^A-Za-z]", "", a)) <= 3:
                continue  # EAP, HDC, MLC: obscure and ambiguous
            pairs.setdefault(a, n)
    by_fold = {fold(a): n for a, n in pairs.items()}
    uk_names = []
    for lst in GATE_ORG_LISTS:
        if lst[0].startswith("government__"):
            for raw, abbr in gate_org_lines(lst[0]):
                nm, _ = gate_org_name(raw)
                if nm:
                    uk_names.append(nm)
    for lst in GATE_ABBR_LISTS:
        for a in read_lst(lst):
            a = clean(a)
            if a and a not in pairs:
                full = by_fold.get(fold(a)) or pair_acronym(a, uk_names)
                if full:
                    pairs[a] = full
    kind_of = {}
    for n, k, acrs, l in entries:
        kind_of.setdefault(fold(n), k)
    # the team nicknames GATE lists (Yankees): name = the one full name ending in it
    team_full = [n for n, k, a, l in entries if k == "team" and len(n.split()) >= 2]
    added = set()
    for n, k, acrs, l in entries:
        is_acr = re.fullmatch(r"[A-Z][A-Z.&\-]*[A-Z.]|[A-Z][a-z]?[A-Z][A-Za-z]*", n) and " " not in n
        if is_acr:
            full = pairs.get(n) or by_fold.get(fold(n)) or pair_acronym(n, fulls)
            if n.replace(".", "") in UK_ABBR_SKIP or not acronym_usable(n, taken_ok=full):
                continue
            if not full and len(re.sub(r"[^A-Za-z]", "", n)) < 4:
                continue
            full = full or n
            g.add(n, name=earlier_org_name(full) or full, kind=k or kind_of.get(fold(full)),
                  case="exact")
            continue
        if k == "team" and len(n.split()) == 1 or n in ("White Sox", "Blue Jays", "Red Sox"):
            owners = [f for f in team_full if f.endswith(" " + n) and f != n]
            if len(owners) != 1 or not org_name_ok(n):
                continue
            if entity_names(n) and fold(owners[0]) not in entity_names(n):
                continue
            g.add(n, name=owners[0], kind=k)
            continue
        if entity_names(n):
            continue  # an earlier file has it
        if entity_types(n) or fold(n) in PLACES:
            continue
        g.add(n, kind=k)
        added.add(fold(n))
    # a word-like spelling (Ofsted, Defra) first: it matches OFSTED too (case=cap)
    for a, full in sorted(pairs.items(), key=lambda x: x[0].isupper()):
        if a.replace(".", "") in UK_ABBR_SKIP or fold(full) not in added and not earlier_org_name(full):
            continue
        canon = earlier_org_name(full) or full
        if re.fullmatch(r"[A-Z][A-Z&.\-]+", a):
            if not acronym_usable(a, taken_ok=canon):
                continue
            g.add(a, name=canon, kind=kind_of.get(fold(full)), case="exact")
        elif re.fullmatch(r"[A-Z][a-z]+", a) and not is_common(a) and not entity_names(a):
            g.add(a, name=canon, kind=kind_of.get(fold(full)), case="cap")  # Ofsted, Defra
        elif re.fullmatch(r"[A-Z]([fo][A-Z]|[a-z]?[A-Z][fo]?)[A-Z]*", a) and acronym_usable(a, taken_ok=canon):
            g.add(a, name=canon, kind=kind_of.get(fold(full)), case="exact")  # DfE, MoD
    g.write()


# ---------------------------------------------------------------------------
# GATE ANNIE place lists and hand-written news places
# ---------------------------------------------------------------------------

# British and Irish counties and regions (sources/places/uk-ireland.tsv):
# counties that are also foreign cities or provinces (the county is what
# English news means, so cities.tsv and admin1.tsv leave the other out);
# short county names; region_uk.lst entries left out; region kinds; the
# counties of Northern Ireland and of Ireland.
_UK = source_rules("places/uk-ireland.tsv", "rule",
                   ("county-first", "short", "region-skip", "kind", "ni-county", "ie-county"))
UK_COUNTY_FIRST = {r["name"] for r in _UK["county-first"]}
UK_COUNTY_SHORT = {r["name"]: r["value"] for r in _UK["short"]}
UK_REGION_SKIP = {r["name"] for r in _UK["region-skip"]}
NI_COUNTIES = {r["name"] for r in _UK["ni-county"]}
IE_COUNTIES = {r["name"] for r in _UK["ie-county"]}
UK_REGION_KIND = {r["name"]: r["value"] for r in _UK["kind"]}
# GATE list spellings and fixes (sources/places/gate-*.tsv): country spellings
# the country files lack; region entries to correct or leave out (an empty
# replacement); region aliases; province.lst entries that are not places news
# names.
GATE_COUNTRY_ALIAS = source_map("places/gate-country-aliases.tsv", "alias", "code")
GATE_REGION_FIX = source_map("places/gate-region-fixes.tsv", "entry", "replacement")
GATE_REGION_ALIAS = source_map("places/gate-region-aliases.tsv", "entry", "name")
GATE_PROVINCE_SKIP = set(source_items("places/gate-province-skip.tsv"))


def build_places_gate(canon):
    g = Gaz("places-gate.tsv", "British counties, regions and towns (>= 15,000 people), more regions, "
            "mountains, seas, old provinces and country spellings from the GATE ANNIE lists",
            "%s region_uk.lst, city_uk.lst, region.lst, province.lst, country.lst, mountain.lst, "
            "water.lst, rivers.lst, loc_other.lst; %s cities15000.zip (GeoNames populations for "
            "the towns)" % (GATE, GEOBANK),
            "%s AND %s" % (LIC_LGPL3, LIC_GEONAMES), type_="place",
            attribution="GATE ANNIE gazetteer lists (GateNLP/gateplugin-ANNIE), LGPL-3.0; "
                        "town populations %s" % ATTR_GEONAMES)

    def fresh(s):
        return not entity_types(s) and fold(s) not in PLACES

    def single_ok(s):
        f = fold(s)
        return not (is_common(s) or f in STOPWORDS or f in REF["given_top"] or f in REF["surname_top"])

    # countries: spellings of GATE country.lst the country files lack
    for s, code in GATE_COUNTRY_ALIAS.items():
        if code in canon and fresh(s):
            g.add(s, name=canon[code], kind="country", country=code, rank=REF["country_pop"].get(code))
    if fresh("British Isles"):
        g.add("British Isles", kind="region")
    # British counties and regions; counties are surnames too, but in news
    # (and in cricket reports) they are places
    for s in read_lst("region_uk.lst"):
        s = clean(s)
        if not s or s in UK_REGION_SKIP or not fresh(s):
            continue
        if s in UK_COUNTY_SHORT:
            continue
        m = re.fullmatch(r"County (.+)", s)
        if m and m.group(1) not in NI_COUNTIES:
            continue  # GATE's 'County Ballymena': a district, never called so
        g.add(s, kind=UK_REGION_KIND.get(s, "county"), country="GB")
    if fresh("County Tyrone"):
        g.add("County Tyrone", kind="county", country="GB")
    for s, full in UK_COUNTY_SHORT.items():
        if fresh(s) and g.has_surface(full):
            g.add(s, name=full, kind="county", country="GB")
    # British towns of 15,000 people or more (GeoNames) that cities.tsv leaves out
    uk = {fold(clean(s)) for s in read_lst("city_uk.lst") if clean(s)}
    rows = read_tsv("places/geonames_cities15000.tsv")
    rows = [r for r in rows if r["country"] == "GB" and fold(r["name"]) in uk]
    rows.sort(key=lambda r: (-int(r["population"] or 0), int(r["geonameid"])))
    for r in rows:
        s = clean(r["name"])
        if not s or not fresh(s):
            continue
        toks = [t for t in re.split(r"[ \-]", fold(s)) if t]
        cs = None
        if s in ("Bath", "Reading"):
            cs = "cap"  # common words, but large towns
        elif len(toks) == 1 and not single_ok(s):
            continue
        elif all(t in COMMON_WORDS for t in toks):
            continue  # Wood Green, Chalk Farm
        g.add(s, kind="town", country="GB", rank=int(r["population"] or 0) or None, case=cs,
              id="geonames:" + r["geonameid"])
    # regions, mountains, seas
    aliases = []
    for lst, kind in (("region.lst", "region"), ("mountain.lst", "mountain"), ("water.lst", "water"),
                      ("rivers.lst", "water"), ("loc_other.lst", "region")):
        for s in read_lst(lst):
            s = clean(s)
            if not s:
                continue
            if s in GATE_REGION_ALIAS:
                aliases.append((s, GATE_REGION_ALIAS[s], kind))
                continue
            s = GATE_REGION_FIX.get(s, s)
            if not s or not fresh(s) or s == "Amazon":
                continue
            if len(s.split()) == 1 and not single_ok(s) and s != "Thames":
                continue
            if s in ("Atlantic", "Pacific"):
                continue  # Atlantic City, Pacific Gas: they would cut longer names short
            g.add(s, kind=kind)
    for s, full, kind in aliases:
        if fresh(s) and (g.has_surface(full) or fold(full) in PLACES):
            g.add(s, name=full, kind=kind)
    # old first-level divisions (Alsace, Bavaria's Bayern, Irish counties)
    for s in read_lst("province.lst"):
        s = clean(s)
        if not s or "." in s or s in GATE_PROVINCE_SKIP or not fresh(s) or s.isupper():
            continue
        letters = re.sub(r"[^A-Za-z]", "", strip_accents(s))
        if len(letters) < 5 or not is_latin(s) or not capitalised_words_ok(s):
            continue
        if len(s.split()) == 1 and not single_ok(s):
            continue
        if s in IE_COUNTIES:
            g.add(s, kind="county", country="IE")
        else:
            g.add(s, kind="province")
    g.write()


# Places news names every day that the open lists lack, and the US state and
# Canadian province abbreviations (sources/places/news-places.tsv,
# sources/places/state-abbreviations.tsv).
NEWS_PLACES = [(r["kind"], [r["name"]] + split_aliases(r["aliases"]))
               for r in read_source("places/news-places.tsv")]
STATE_ABBR = [(r["abbreviation"], r["name"], r["country"]) for r in read_source("places/state-abbreviations.tsv")]


def build_places_news(canon):
    g = Gaz("places-news.tsv", "places news names every day that the open lists lack: regions, seas, "
            "rivers, mountain ranges; US state and Canadian province abbreviations (Calif., Ont.)",
            "nerx project", LIC_HAND, type_="place")
    for abbr, full, cc in STATE_ABBR:
        # abbreviations with a period: capitalised in the text (Ill., Mass., Ore.)
        g.add(abbr, name=full, kind="admin1", country=cc, case="cap")
    for kind, forms in NEWS_PLACES:
        forms = [clean(p) for p in forms]
        name = forms[0]
        for s in forms:
            if entity_types(s) or fold(s) in PLACES:
                continue  # an earlier file has it (as a place or as something else)
            cs = "cap" if not last_token_ok(s) else None
            g.add(s, name=name, kind=kind, case=cs)
    g.write()


# ---------------------------------------------------------------------------
# People: given names and surnames
# ---------------------------------------------------------------------------

# BGN/PCGN 1947 Russian romanisation, after translit/Russian-Latin-BGN.xml
# (CLDR): sources/people/ru-bgn.tsv.  The CLDR rules' separator dots and
# prime marks are dropped and "ë" is written "e", as English news does.
_RU_VOWELS = {r["cyrillic"] for r in read_source("people/ru-bgn.tsv") if r["vowel"] == "yes"}
_RU_SIMPLE = source_map("people/ru-bgn.tsv", "cyrillic", "latin")


def ru_bgn(word):
    """Romanise one lower-case Russian word (BGN/PCGN); returns None if not Cyrillic."""
    w = word.lower()
    out = []
    for i, ch in enumerate(w):
        prev = w[i - 1] if i > 0 else ""
        if ch in "её":
            if i == 0 or prev in _RU_VOWELS or prev in "йъь" or prev == "-":
                out.append("ye")
            else:
                out.append("e")
        elif ch in _RU_SIMPLE:
            out.append(_RU_SIMPLE[ch])
        elif ch == "-":
            out.append("-")
        else:
            return None
    s = "".join(out)
    return "-".join(p[:1].upper() + p[1:] for p in s.split("-"))


def ru_news_variants(latin):
    """BGN form plus the -y endings news prefers (Dmitriy -> Dmitry, Belyy -> Bely)."""
    out = [latin]
    v = re.sub(r"iy$", "y", latin)
    v = re.sub(r"yy$", "y", v)
    if v != latin:
        out.append(v)
    return out


def ja_hepburn(romaji):
    """Wapuro romaji -> Hepburn without macrons: satou -> sato, oota -> ota,
    yuuki -> yuki; inoue keeps its 'ou' (followed by a vowel)."""
    s = romaji.lower()
    s = re.sub(r"ou(?![aeiou])", "o", s)
    s = re.sub(r"oo", "o", s)
    s = re.sub(r"uu", "u", s)
    return s


def cap(s):
    return "-".join(p[:1].upper() + p[1:] for p in s.split("-"))


def name_ok(s):
    if not s or has_digit(s) or not is_latin(s):
        return False
    if not s[0].isupper():
        return False
    letters = re.sub(r"[^A-Za-z]", "", strip_accents(s))
    if len(letters) < 2:
        return False
    if s.isupper() and len(s) > 1:
        return False
    if fold(s) in STOPWORDS:
        return False
    return True


class NameBag:
    """Merges name lists: first spelling seen wins, rank is the maximum."""

    def __init__(self):
        self.d = collections.OrderedDict()

    def add(self, s, rank=None, order=None):
        s = clean(s)
        if not name_ok(s):
            return
        f = fold(s)
        if f not in self.d:
            self.d[f] = [s, rank, order]
        else:
            e = self.d[f]
            if rank and (not e[1] or rank > e[1]):
                e[1] = rank
            if order and not e[2]:
                e[2] = order

    def emit(self, g, kinds=None):
        for f, (s, rank, order) in self.d.items():
            cs = "exact" if (" " not in s and is_common(s)) else None
            g.add(s, rank=rank, order=order, case=cs, kind=(kinds or {}).get(f))


def faker_locales():
    d = read_json("people/faker_person_names_by_locale.json")
    out = []
    for loc in sorted(d):
        if loc == "_meta":
            continue
        meta = d[loc].get("metadata", {})
        if meta.get("script") != "Latn" or loc == "eo":
            continue
        out.append((loc, d[loc]))
    return out


def faker_names(rec, key):
    v = rec.get(key) or {}
    if isinstance(v, list):
        return list(v)
    out = []
    for k in sorted(v):
        out.extend(v[k])
    return out


# Countries that write the family name first (sources/people/family-first-countries.tsv).
CJKV = set(source_items("people/family-first-countries.tsv"))


def build_given_names():
    bag = NameBag()
    ssa = read_tsv("people/us_ssa_given_names.tsv")
    ssa.sort(key=lambda r: (-int(r["total"]), r["name"]))
    for r in ssa:
        t = int(r["total"])
        if t >= 500:
            bag.add(r["name"], rank=t)
    for r in read_tsv("people/wikipedia_common_forenames_by_country.tsv"):
        s = r["Romanized Name"] or r["Localized Name"]
        if r["Country"] in ("CN", "TW"):
            s = strip_accents(s or "")
        bag.add(s)
    for loc, rec in faker_locales():
        for s in faker_names(rec, "first_name"):
            bag.add(s)
    # Japanese given names: curated "popular" list plus readings with many kanji spellings
    for r in read_tsv("people/ja_given_names.tsv"):
        try:
            nk = int(r["n_kanji_spellings"] or 0)
        except ValueError:
            nk = 0
        if r["popular"] != "Y" and nk < 20:
            continue
        rom = r["romaji"].strip().lower()
        if not re.fullmatch(r"[a-z]+", rom):
            continue
        bag.add(cap(rom))
        hep = ja_hepburn(rom)
        if hep != rom:
            bag.add(cap(hep))
    # Russian given names (BGN), top 3000 by count
    ru = read_tsv("people/ru_given_names_cyrillic.tsv")[:3000]
    for r in ru:
        lat = ru_bgn(r["name"])
        if not lat:
            continue
        for v in ru_news_variants(lat):
            bag.add(v, rank=int(r["count"]))
    for r in read_tsv("people/namegen_names_by_culture.tsv"):
        if r["kind"] == "personal" and r["culture"] not in ("Latin", "Old Spanish"):
            bag.add(r["romanized"])
    g = Gaz("given-names.tsv", "given names (US SSA, Wikipedia by country, faker Latin-script locales, Japanese, Russian BGN)",
            "hackerb9/ssa-baby-names @ 0b1a1316457d55447d1a1f7bfe57ee15e53cc2f0 (SSA 1880-2020); "
            "%s common-forenames-by-country.csv; %s; %s first_name_*.csv; %s names.jsonl; %s"
            % (NAMESBYCOUNTRY, FAKER, JANAMES, RUNAMES, NAMEGEN),
            "public domain (SSA) AND CC0-1.0 AND MIT AND BSD-3-Clause",
            type_="given",
            attribution="rank = US births 1880-2020 (SSA) where known; Russian names romanised "
                        "with the BGN/PCGN rules of CLDR translit/Russian-Latin-BGN.xml")
    bag.emit(g, given_name_genders())
    g.write()
    REF["given_all"] = set(bag.d)


def given_name_genders():
    """Folded given name -> kind=female|male, for a name nearly always given
    to one sex: 95 % of its US births (SSA, 500 or more), or only one sex in
    the Wikipedia lists by country (where the SSA does not say otherwise).
    A pronoun's antecedent must not be of the other (relations.c)."""
    out, mixed = {}, set()
    for r in read_tsv("people/us_ssa_given_names.tsv"):
        t, fem, male = int(r["total"]), int(r["female"]), int(r["male"])
        f = fold(r["name"])
        if t < 500:
            continue
        if fem >= 0.95 * t:
            out[f] = "female"
        elif male >= 0.95 * t:
            out[f] = "male"
        else:
            mixed.add(f)
    wiki = {}
    for r in read_tsv("people/wikipedia_common_forenames_by_country.tsv"):
        s = r["Romanized Name"] or r["Localized Name"]
        if not s or r["Gender"] not in ("F", "M"):
            continue
        wiki.setdefault(fold(s), set()).add(r["Gender"])
    for f, gs in wiki.items():
        if f in out or f in mixed or len(gs) != 1:
            continue
        out[f] = "female" if gs == {"F"} else "male"
    return out


def census_count(rank, pct):
    """People with the surname in the 1990 US census (approx. below rank ~15000)."""
    if pct > 0:
        return int(round(pct / 100.0 * 248709873))
    return max(1, int(round(248709873 * 0.00001 * (15000.0 / max(rank, 1)) ** 1.1)))


# The 1990 census drops apostrophes: OBRIEN is O'Brien (sources/people/census-apostrophes.tsv).
IRISH_O = source_map("people/census-apostrophes.tsv", "census", "surname")


def build_surnames():
    bag = NameBag()
    for r in read_tsv("people/us_census1990_surnames.tsv"):
        s = title_case_name(IRISH_O.get(r["surname"], r["surname"]))
        bag.add(s, rank=census_count(int(r["rank"]), float(r["freq_pct"] or 0)))
    for r in read_tsv("people/wikipedia_common_surnames_by_country.tsv"):
        cc = r["Country"]
        s = r["Romanized Name"] or r["Localized Name"]
        if not s:
            continue
        try:
            cnt = int(float(r["Count"])) if r["Count"] else None
        except ValueError:
            cnt = None
        order = "family-first" if cc in CJKV else None
        for part in re.split(r"\s*[/,]\s*", s):
            bag.add(part, rank=cnt, order=order)
    for loc, rec in faker_locales():
        order = "family-first" if loc.startswith("vi") else None
        for s in faker_names(rec, "last_name"):
            bag.add(s, order=order)
    for r in read_tsv("people/ja_surnames.tsv"):
        rom = r["romaji"].strip().lower()
        if not re.fullmatch(r"[a-z]+", rom):
            continue
        try:
            pop = int(r["population_est"] or 0) or None
        except ValueError:
            pop = None
        bag.add(cap(ja_hepburn(rom)), rank=pop)
    ru = read_tsv("people/ru_surnames_cyrillic.tsv")[:20000]
    for r in ru:
        lat = ru_bgn(r["surname_lower"])
        if not lat:
            continue
        for v in ru_news_variants(lat):
            bag.add(v, rank=int(r["count"]))
    for r in read_tsv("people/namegen_names_by_culture.tsv"):
        if r["kind"] == "family" and r["culture"] not in ("Latin", "Old Spanish"):
            order = "family-first" if r["culture"] in ("Chinese", "Vietnamese", "Korean") else None
            bag.add(r["romanized"], order=order)
    g = Gaz("surnames.tsv", "surnames (US census 1990, Wikipedia by country, faker, Japanese, Russian BGN, namegen)",
            "nullstyle/name-database @ 46d2e01a4953b8f54e8625c9111cf5b372d80b49, sources/census-1990/dist.all.last; "
            "%s common-surnames-by-country.csv; %s; %s last_name_org.csv; %s russian_surnames.csv; %s"
            % (NAMESBYCOUNTRY, FAKER, JANAMES, RUNAMES, NAMEGEN),
            "public domain (US Census) AND CC0-1.0 AND MIT AND BSD-3-Clause",
            type_="surname",
            attribution="rank = US census 1990 count, else the source's own frequency (Japanese "
                        "population estimate, Russian collection count); Russian surnames romanised "
                        "with the BGN/PCGN rules of CLDR translit/Russian-Latin-BGN.xml")
    bag.emit(g)
    g.write()


def build_surnames_zh():
    rows = read_tsv("people/zh_surname_romanizations.tsv")
    g = Gaz("surnames-zh.tsv", "Chinese surnames: pinyin and Taiwan, Hong Kong, Macao, Singapore, Malaysia, Korean, Vietnamese spellings",
            "Matthewow/Chinese_surname_corpus @ 9cc0cc64b7c4d4f787adc98db97794290d84c635, corpus.json (from zh.wikipedia)",
            LIC_CCBYSA, type_="surname", attribution=ATTR_ZH)
    bag = NameBag()
    cols = ("pinyin_mainland", "taiwan", "hongkong", "macao", "singapore", "malaysia",
            "korean", "vietnamese")
    rows.sort(key=lambda r: int(r["no"] or 0))
    for col in cols:
        for r in rows:
            for v in re.split(r"\s*/\s*", r[col] or ""):
                v = clean(v)
                if not v or len(re.sub(r"[^A-Za-z]", "", strip_accents(v))) < 2:
                    continue
                if col == "pinyin_mainland":
                    v = strip_accents(v)
                bag.add(v, order="family-first")
    bag.emit(g)
    g.write()


# ---------------------------------------------------------------------------
# Titles
# ---------------------------------------------------------------------------

# Curated core (sources/titles/title-core.tsv): title, value (default: the
# normalised title), case, more attributes.  Combinations (deputy X, vice X,
# X and Y) are left to the linker, except fixed titles such as "vice
# president" or "vice-chancellor".
TITLE_CORE = read_source("titles/title-core.tsv")

MINISTRY_TOPICS = source_items("titles/ministry-topics.tsv")
OCCUPATIONS = source_items("titles/occupations.tsv")

# Abbreviated words of titles (sources/titles/title-abbreviations.tsv): expanded
# when written with a final period, or always when bare = yes.
TITLE_ABBR = source_map("titles/title-abbreviations.tsv", "abbreviation", "expansion")
TITLE_ABBR_BARE = {r["abbreviation"] for r in read_source("titles/title-abbreviations.tsv") if r["bare"] == "yes"}


def norm_title(s):
    s = s.strip().lower()
    toks = []
    for t in re.split(r"\s+", s):
        t0 = t.rstrip(".")
        if t0 in TITLE_ABBR and (t.endswith(".") or t0 in TITLE_ABBR_BARE):
            toks.append(TITLE_ABBR[t0])
        else:
            toks.append(t)
    s = " ".join(toks)
    s = re.sub(r"(?<=[a-z])-(?=[a-z])", " ", s)
    s = s.replace("serjeant", "sergeant")
    return re.sub(r"\s+", " ", s).strip()


TITLE_HEADS = set(source_items("titles/title-heads.tsv"))

NEWS_SINGLE = set(source_items("titles/news-single-titles.tsv"))
# GATE title list entries that are no title: forms of address, French titles.
GATE_TITLE_SKIP = set(source_items("titles/gate-title-skip.tsv"))


def title_entry_ok(s, heads=TITLE_HEADS):
    if not s or "(" in s or "," in s or "/" in s or "&" in s or has_digit(s):
        return False
    ws = s.split()
    if len(ws) > 4:
        return False
    last = norm_title(ws[-1]).split()[-1]
    return last in heads


def build_titles():
    g = Gaz("titles.tsv", "job titles and offices (curated core + GATE title lists), value = normal form",
            "nerx hand-written core; %s jobtitles.lst, title.lst, title_male.lst, title_female.lst, "
            "title_lower.lst, title_pol.lst, title_mil.lst, government__cabinet-positions.lst" % GATE,
            LIC_LGPL3, type_="title",
            attribution="GATE ANNIE gazetteer lists (GateNLP/gateplugin-ANNIE), LGPL-3.0; "
                        "curated core written for nerx")
    for r in TITLE_CORE:
        s = r["title"]
        v = r["value"] or norm_title(s)
        extra = dict(a.split("=", 1) for a in r["attributes"].split())
        g.add(s, value=v, case=r["case"] or None, **extra)
    for w in OCCUPATIONS:
        g.add(w, value=norm_title(w))
    topics = [clean(t) for t in MINISTRY_TOPICS if clean(t)]
    for t in topics:
        for pat in ("minister of %s", "minister for %s", "ministry of %s"):
            s = pat % t
            if s.startswith("ministry"):
                continue
            g.add(s, value=norm_title(s))
    # GATE lists
    for lst in ("title.lst", "title_male.lst", "title_female.lst", "title_lower.lst",
                "title_pol.lst", "title_mil.lst", "government__cabinet-positions.lst",
                "jobtitles.lst"):
        for s in read_lst(lst):
            s = clean(s)
            if not s:
                continue
            low = s.lower()
            if low in GATE_TITLE_SKIP or "(" in s or "," in s or " -" in s or "- " in s:
                continue
            if re.search(r"\b(1st|2nd|1ST|2ND)\b", s):
                continue
            letters = re.sub(r"[^A-Za-z]", "", s)
            if s.isupper() or re.fullmatch(r"([A-Z]\. ?)+", s):
                continue  # PC, DS, D.C.I. -- too ambiguous
            if lst == "government__cabinet-positions.lst":
                if len(s.split()) > 9:
                    continue
            elif lst != "title.lst" and lst != "title_male.lst" and lst != "title_female.lst":
                if not title_entry_ok(s):
                    continue
            if low.endswith("s") and low[:-1] in TITLE_HEADS:
                continue  # plurals (ambassadors)
            if len(letters) < 3:
                continue
            v = norm_title(s)
            if v in ("private", "petty", "priv", "major", "count") and s != "Major":
                continue
            cs = "exact" if s.endswith(".") and len(s) <= 8 and s[0].isupper() else None
            if v.split()[-1] in ("major",):
                cs = None if len(v.split()) > 1 else "exact"
            g.add(s, value=v, case=cs)
    g.write()
    REF["title_surfaces"] = {k[0] for k in g.entries}


# O*NET-SOC major groups and single occupations read (sources/titles/onet-groups.tsv).
ONET_GROUPS = {c for c in source_items("titles/onet-groups.tsv") if len(c) == 2}
ONET_EXTRA_CODES = {c for c in source_items("titles/onet-groups.tsv") if len(c) != 2}


def build_titles_onet():
    alt = read_tsv("titles/onet_alternate_titles.tsv")
    rep = read_tsv("titles/onet_reported_titles.tsv")
    occ = read_tsv("titles/onet_occupations.tsv")
    have = REF["title_surfaces"]
    g = Gaz("titles-onet.tsv", "job titles from O*NET filtered to ones used next to names in news",
            ONET, "CC-BY-4.0", type_="title", attribution=ATTR_ONET)
    cands = []
    for r in occ:
        cands.append((r["onet_soc_code"], r["title"], ""))
    for r in alt:
        cands.append((r["onet_soc_code"], r["alternate_title"], r["short_title"]))
    for r in rep:
        cands.append((r["onet_soc_code"], r["reported_title"], ""))
    for code, title, short in cands:
        grp = code[:2]
        if grp not in ONET_GROUPS and code[:7] not in ONET_EXTRA_CODES:
            continue
        title = clean(title)
        if not title:
            continue
        m = re.fullmatch(r"(.*?)\s*\(([A-Z]{2,5})\)", title)
        acr = None
        if m:
            title, acr = m.group(1), m.group(2)
        if not short and acr:
            short = acr
        ws = title.split()
        if len(ws) == 1:
            if norm_title(title) not in NEWS_SINGLE:
                continue
        elif not title_entry_ok(title):
            continue
        v = norm_title(title)
        # occupation titles are plural ("Chief Executives"): skip plural heads
        if ws[-1].lower().endswith("s") and ws[-1].lower()[:-1] in TITLE_HEADS:
            continue
        if fold(title) in have:
            continue
        g.add(title.lower() if not re.search(r"[A-Z]{2}", title) else title, value=v)
        if short and grp == "11" and re.fullmatch(r"C[A-Z]{1,3}O", short):
            if fold(short) not in have and acronym_ok(short):
                g.add(short, value=v, case="exact")
    g.write()


def build_title_modifiers():
    g = Gaz("title-modifiers.tsv", "words that modify a title (vice, deputy, acting, former, ...)",
            "nerx project", LIC_HAND, type_="title-modifier")
    for r in read_source("titles/title-modifiers.tsv"):
        g.add(r["modifier"], status=r["status"] or None, case=r["case"] or None)
    g.write()


# Forms of address (sources/people/honorifics.tsv) and the faker prefixes that
# are ordinary words or degrees (sources/people/faker-honorific-skip.tsv).
HONORIFICS = [(r["honorific"], r["case"] or None) for r in read_source("people/honorifics.tsv")]
FAKER_HONORIFIC_SKIP = set(source_items("people/faker-honorific-skip.tsv"))


def build_honorifics():
    g = Gaz("honorifics.tsv", "forms of address before a name (Mr, Dr., H.E., Sheikh, ...)",
            "nerx hand-written list; %s prefix lists of Latin-script locales" % FAKER,
            "MIT AND nerx project (hand-written)", type_="honorific")
    for s, cs in HONORIFICS:
        g.add(s, case=cs)
    for loc, rec in faker_locales():
        for s in faker_names(rec, "prefix"):
            s = clean(s)
            if not s or len(re.sub(r"[^A-Za-z]", "", strip_accents(s))) < 2:
                continue
            if fold(s) in FAKER_HONORIFIC_SKIP:
                continue  # Turkish Bay/Bayan and Polish Pan are ordinary words in English text
            cs = "exact" if is_common(s.rstrip(".")) or fold(s) in ("dna", "dra") else None
            g.add(s, case=cs)
    g.write()


# Surname and patronymic endings (sources/people/name-endings.tsv).
NAME_ENDINGS = [(r["ending"], r["order"] or None) for r in read_source("people/name-endings.tsv")]


def build_name_endings():
    g = Gaz("name-endings.tsv", "surname/patronymic endings marking an unknown capitalised word as a name",
            "nerx project", LIC_HAND, type_="name-ending",
            attribution="order=family-first marks a patronymic: the full name is written surname first")
    for e, order in NAME_ENDINGS:
        g.add(e, order=order)
    g.write()


# ---------------------------------------------------------------------------
# Organisation designators and place heads
# ---------------------------------------------------------------------------

# Head words (sources/designators/): organisation heads; events, awards, laws
# and works (a capitalised phrase ending in one is no entity: Summer
# Olympics); place heads; legal-form suffixes; the words of the GATE and
# faker lists left out.
ORG_HEADS = source_items("designators/org-heads.tsv")
ORG_HEADS_FOLDED = {fold(w) for w in ORG_HEADS}
LEGISLATURES = set(source_items("designators/legislatures.tsv"))
ARMED_SERVICES = set(source_items("designators/armed-services.tsv"))

MISC_HEADS = source_items("designators/misc-heads.tsv")
PLACE_HEADS = source_items("designators/place-heads.tsv")
ORG_SUFFIXES = source_items("designators/org-suffixes.tsv")
GATE_ORG_KEY_SKIP = set(source_items("designators/gate-org-key-skip.tsv"))
GATE_ORG_ENDING_SKIP = set(source_items("designators/gate-org-ending-skip.tsv"))
FAKER_LEGAL_SKIP = set(source_items("designators/faker-legal-skip.tsv"))
GATE_LOC_KEY_SKIP = set(source_items("designators/gate-loc-key-skip.tsv"))


def build_org_designators():
    g = Gaz("org-designators.tsv", "organisation head words, company legal-form suffixes, place head words",
            "nerx hand-written lists; %s org_base.lst, org_key.lst, org_ending.lst, loc_key.lst; "
            "%s company_legal_entity_type (Latin-script locales)" % (GATE, FAKER),
            "LGPL-3.0 AND MIT",
            attribution="GATE ANNIE gazetteer lists, LGPL-3.0; faker locale data, MIT; "
                        "hand-written parts: nerx project")
    for w in ORG_HEADS:
        g.add(w, type="org-head", kind="legislature" if w in LEGISLATURES else
              "armed-service" if w in ARMED_SERVICES else None)
    for s in read_lst("org_base.lst") + read_lst("org_key.lst"):
        s = clean(s)
        if not s or s.isupper() or not s[0].isupper() or not is_latin(s):
            continue
        if any(c in "àâçéèêëîïôûùüÿ" for c in s.lower()):
            continue
        if s in GATE_ORG_KEY_SKIP:
            continue
        if len(s.split()) == 1 and is_common(s) and s not in ORG_HEADS:
            continue
        g.add(s, type="org-head")
    for s in ORG_SUFFIXES:
        cs = "exact" if s.isupper() and len(s) <= 3 or s in ("Co.", "Co", "Oy", "Sdn") else None
        g.add(s, type="org-suffix", case=cs)
    for s in read_lst("org_ending.lst"):
        s = clean(s)
        if not s or "*" in s or ">" in s or " " in s and not s.endswith("Bhd"):
            continue
        if not re.search(r"[A-Z]", s) and "." not in s and s not in ("plc", "sa", "lda", "hf"):
            continue
        if s in GATE_ORG_ENDING_SKIP:
            continue
        cs = "exact" if (s.isupper() and len(s) <= 4) else None
        g.add(s, type="org-suffix", case=cs)
    for loc, rec in faker_locales():
        for s in rec.get("company_legal_entity_type") or []:
            s = clean(s)
            if not s or not is_latin(s) or " " in s or is_common(s) or len(s) < 2:
                continue
            if s in FAKER_LEGAL_SKIP:
                continue
            if s == s.lower():
                continue  # holdings, grupa
            cs = "exact" if s.isupper() and len(s) <= 4 else None
            g.add(s, type="org-suffix", case=cs)
    for w in PLACE_HEADS:
        g.add(w, type="place-head")
    for w in MISC_HEADS:
        g.add(w, type="misc-head")
    for s in read_lst("loc_key.lst"):
        s = clean(s)
        if not s or not s[0].isupper() or s.isupper() or "Head" in s or "Quarter" in s:
            continue
        if s in GATE_LOC_KEY_SKIP:
            continue
        g.add(s, type="place-head")
    g.write()


# ---------------------------------------------------------------------------
# Demonyms
# ---------------------------------------------------------------------------

# Nationality words and their countries (sources/demonyms/countries.tsv; an
# empty country leaves the word out), and the ones added even when GATE's
# country_adj.lst lacks them.
DEMONYM_OVERRIDE = source_map("demonyms/countries.tsv", "demonym", "country")
DEMONYM_ALWAYS = {r["demonym"] for r in read_source("demonyms/countries.tsv") if r["always"] == "yes"}

# CLDR language codes whose English language name is also the nationality adjective.
LANG_COUNTRY = source_map("demonyms/language-countries.tsv", "language", "country")

ENGLISH_DEMONYM_END = tuple(source_items("demonyms/english-endings.tsv"))


def demonym_plural(s):
    if s.endswith(("sh", "tch", "nch", "ss", "ese", "z", "y")) or " " in s:
        return None
    if s.endswith(("an", "i", "k", "h", "o", "t", "er")):
        return s + "s"
    return None


def guess_demonym_country(adj, names):
    """names: folded country surface -> code."""
    a = fold(adj).replace("-", " ")
    for suf in ("ian", "ean", "an", "ese", "ish", "i", "ic", "er", "n", ""):
        if not a.endswith(suf):
            continue
        stem = a[: len(a) - len(suf)] if suf else a
        if len(stem) < 3:
            continue
        for end in ("ia", "a", "", "o", "e", "y", "i", "os", "es", "ium", "ius", "any",
                    "land", "istan", "stan"):
            c = names.get(stem + end)
            if c:
                return c
    return None


def build_demonyms(canon):
    names = {}
    for c, n in canon.items():
        names.setdefault(fold(n).replace("-", " "), c)
    # all country surfaces (aliases included)
    cg = {}
    with open(os.path.join(HERE, "countries.tsv"), encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            cells = line.rstrip("\n").split("\t")
            a = dict(x.split("=", 1) for x in cells[1:] if "=" in x)
            if a.get("country"):
                cg.setdefault(fold(cells[0]).replace("-", " "), a["country"])
    for k, v in cg.items():
        names.setdefault(k, v)
    g = Gaz("demonyms.tsv", "nationality adjectives and nouns (Kazakh, Chinese, Americans, ...)",
            "%s country_adj.lst; %s common/main/en.xml (language names); nerx hand-written country mapping"
            % (GATE, CLDR),
            "%s AND %s" % (LIC_LGPL3, LIC_CLDR), type_="demonym",
            attribution="GATE ANNIE country_adj.lst, LGPL-3.0; %s" % ATTR_CLDR)

    def add(s, c):
        # (a former state's, ISO 3166-3: its name, no country code, as a
        # continent's people have: Soviet -> Soviet Union)
        former = FORMER_COUNTRIES.get(c)
        n = canon.get(c) or (former[0] if former else None)
        if not n:
            return
        code = None if former else c
        cs = "exact" if is_common(s) else None
        g.add(s, country=code, name=n, case=cs)
        p = demonym_plural(s)
        if p:
            g.add(p, country=code, name=n, case="exact" if is_common(p) else None)

    for s in read_lst("country_adj.lst"):
        s = clean(s)
        if not s or "," in s or "." in s or s.endswith("-") or not s.isascii():
            continue
        if not s.endswith(ENGLISH_DEMONYM_END) or re.search(r"(ien|ain|een|ais|ois)$", s):
            continue
        if fold(s) in names:
            continue  # the country name itself (Bangladesh, Luxembourg)
        if s in DEMONYM_OVERRIDE:
            c = DEMONYM_OVERRIDE[s]
        else:
            c = guess_demonym_country(s, names)
        if c:
            add(s, c)
    for s, c in sorted(DEMONYM_OVERRIDE.items()):
        if c and s in DEMONYM_ALWAYS:
            add(s, c)
    # a continent's people (European, Africans): the continent, no country
    for r in read_source("demonyms/continents.tsv"):
        for w in (r["demonym"], demonym_plural(r["demonym"])):
            if w:
                g.add(w, name=r["continent"], case="exact" if is_common(w) else None)
    for r in read_tsv("misc/cldr_language_names_en.tsv"):
        if r["alt"] or r["code"] not in LANG_COUNTRY:
            continue
        s = clean(r["name"])
        if s and " " not in s:
            add(s, LANG_COUNTRY[r["code"]])
    g.write()
    REF["demonyms"] = {k[0] for k in g.entries}


def build_demonyms_odbl(canon):
    data = read_json("places/world_countries.json")
    pop = REF["country_pop"]
    have = REF["demonyms"]
    g = Gaz("demonyms-odbl.tsv", "extra nationality words from world-countries demonyms",
            "npm world-countries 5.1.0 (mledoze/countries), countries.json (demonym_en)",
            LIC_ODBL, type_="demonym", attribution=ATTR_ODBL)
    data = sorted(data, key=lambda r: (-pop.get(r["cca2"], 0), r["cca2"]))
    for r in data:
        c = r["cca2"]
        if c not in canon:
            continue
        dem = r.get("demonym_en") or {}
        for k in ("m", "f"):
            s = clean(dem.get(k))
            if not s or not is_latin(s) or fold(s) in have or "." in s:
                continue
            if fold(s) in REF["country_names"] or " or " in s or g.has_surface(s):
                continue  # Channel Islander: the most populous country keeps it
            cs = "exact" if is_common(s) else None
            if g.add(s, country=c, name=canon[c], case=cs):
                p = demonym_plural(s)
                if p and fold(p) not in have:
                    g.add(p, country=c, name=canon[c], case="exact" if is_common(p) else None)
    g.write()


# ---------------------------------------------------------------------------
# Months and weekdays
# ---------------------------------------------------------------------------

# English abbreviations CLDR lacks, names that are also ordinary words, and
# the locales read first (sources/dates/).
_EN_ABBR = source_rules("dates/english-abbreviations.tsv", "type", ("month", "weekday"))
EN_MONTH_EXTRA = [(r["abbreviation"], int(r["value"])) for r in _EN_ABBR["month"]]
EN_DAY_EXTRA = [(r["abbreviation"], int(r["value"])) for r in _EN_ABBR["weekday"]]
EN_EXACT = set(source_items("dates/english-exact.tsv"))
LOCALE_ORDER = source_items("dates/locale-order.tsv")


def script_of(names):
    txt = "".join(names)
    if re.search(r"[\u0400-\u04ff]", txt):
        return "Cyrl"
    if re.search(r"[\u4e00-\u9fff]", txt):
        return "Han"
    if all(is_latin(n) for n in names):
        return "Latn"
    return "other"


def build_calendar():
    d = read_json("dates/cldr_month_day_names.json")
    locs = [l for l in d if l != "_meta"]
    locs = [l for l in LOCALE_ORDER if l in locs] + sorted(l for l in locs if l not in LOCALE_ORDER)
    mg = Gaz("months.tsv", "month names (CLDR wide and abbreviated; Latin, Cyrillic, Chinese, Japanese)",
             "%s common/main/*.xml (gregorian calendar)" % CLDR, LIC_CLDR, type_="month",
             attribution=ATTR_CLDR)
    wg = Gaz("weekdays.tsv", "weekday names (CLDR wide and abbreviated), value 1 = Monday ... 7 = Sunday",
             "%s common/main/*.xml (gregorian calendar)" % CLDR, LIC_CLDR, type_="weekday",
             attribution=ATTR_CLDR)
    seen_m, seen_w = {}, {}

    def put(g, seen, s, val, lang, abbr):
        s = clean(s)
        if not s or has_digit(s):
            return
        f = fold(s)
        if f in seen:
            return
        core = f.rstrip(".")
        cs = None
        if lang == "en":
            if core in EN_EXACT:
                cs = "exact"
        else:
            if script_of([s]) == "Latn":
                if abbr and len(core) <= 3:
                    return
                if core in COMMON_WORDS or core in STOPWORDS or core in REF.get("given_all", ()) \
                        or core in REF["surname_top"]:
                    return  # Kasım (a given name), mar
            if len(s) < 2:
                return
        seen[f] = val
        g.add(s, value=val, lang=lang, case=cs)

    for loc in locs:
        rec = d[loc]
        sc = script_of(rec["months_stand-alone_wide"] + rec["days_stand-alone_wide"])
        if sc not in ("Latn", "Cyrl") and loc not in ("zh", "zh_Hant", "ja"):
            continue
        for key in ("months_format_wide", "months_stand-alone_wide", "months_format_abbreviated",
                    "months_stand-alone_abbreviated"):
            for i, s in enumerate(rec.get(key) or []):
                put(mg, seen_m, s, i + 1, loc, "abbreviated" in key)
        for key in ("days_format_wide", "days_stand-alone_wide", "days_format_abbreviated",
                    "days_stand-alone_abbreviated"):
            for i, s in enumerate(rec.get(key) or []):
                if loc in ("zh", "zh_Hant", "ja") and len(s) < 2:
                    continue
                if sc == "Cyrl" and "abbreviated" in key and len(s.rstrip(".")) <= 2:
                    continue
                put(wg, seen_w, s, 7 if i == 0 else i, loc, "abbreviated" in key)
        if loc == "en":
            for s, v in EN_MONTH_EXTRA:
                put(mg, seen_m, s, v, "en", True)
            for s, v in EN_DAY_EXTRA:
                put(wg, seen_w, s, v, "en", True)
    mg.write()
    wg.write()


# ---------------------------------------------------------------------------
# Stop words and abbreviations
# ---------------------------------------------------------------------------

# Function words that stay stop words even if some census surname equals them
# (sources/words/stopwords-forced.tsv).
FORCE_STOP = set(source_items("words/stopwords-forced.tsv"))


def build_stopwords():
    g = Gaz("stopwords.tsv", "capitalised words that are not names by themselves (However, The, Says, ...)",
            "nerx project; includes the words of %s stop.lst" % GATE,
            "nerx project (hand-written); GATE stop.lst words: LGPL-3.0", type_="stop")
    ssa = read_tsv("people/us_ssa_given_names.tsv")
    top_given = {fold(r["name"]) for r in ssa if int(r["total"]) >= 20000}
    census = read_tsv("people/us_census1990_surnames.tsv")
    top_sur = {fold(r["surname"]) for r in census if int(r["rank"]) <= 3000}
    dropped = []
    cands = sorted(STOPWORDS)
    for s in read_lst("stop.lst"):
        cands.append(s.lower())
    for w in cands:
        f = fold(w)
        if f not in FORCE_STOP and (f in top_given or f in top_sur):
            dropped.append(w)
            continue
        s = w[:1].upper() + w[1:] if w not in ("i",) else "I"
        if w in ("i'm", "i've", "i'll", "i'd"):
            s = "I" + w[1:]
        g.add(s)
    g.write()
    return dropped


# Abbreviations the tokenizer keeps whole (sources/words/abbreviations.tsv).
ABBREVIATIONS = [(r["abbreviation"], r["case"], r.get("kind") or None) for r in read_source("words/abbreviations.tsv")]


def build_abbreviations():
    g = Gaz("abbreviations.tsv", "words the tokenizer keeps together with their final period",
            "nerx project", LIC_HAND, type_="abbreviation")
    for s, case, kind in ABBREVIATIONS:
        if not s.endswith("."):
            raise SystemExit("gazetteers/sources/words/abbreviations.tsv: %r does not end with a period" % s)
        core = fold(s.rstrip(".").replace(".", ""))
        cs = case or None
        if s[0].isupper() and core in COMMON_WORDS and core not in ("mr", "mrs", "ms"):
            cs = "exact"
        g.add(s, case=cs, kind=kind)
    g.write()


# ---------------------------------------------------------------------------
# Hand-written gazetteers (sources/hand/*.tsv)
# ---------------------------------------------------------------------------

def hand_what(lines):
    """The description of a hand-written gazetteer for the README table: the text
    after '# nerx gazetteer: ' on its first line, else the first clause of the
    first free-text comment line of its header."""
    m = re.match(r"#\s*nerx gazetteer:\s*(.+)$", lines[0]) if lines else None
    if m:
        return m.group(1).strip()
    for line in lines:
        if not line.startswith("#"):
            break
        text = line.lstrip("#").strip()
        if not text or re.match(r"[a-z]+:", text) or text.startswith("nerx gazetteer"):
            continue
        text = re.split(r"[:;.(]", text)[0].strip().rstrip(",")
        return text[:1].lower() + text[1:]
    return "hand-written entries"


def build_hand_files():
    """Every sources/hand/NAME.tsv becomes the shipped NAME.tsv: the same bytes, with
    one comment line after its '# licence:' header line saying where it comes from."""
    hand = os.path.join(SOURCES, "hand")
    generated = {w[0] for w in WRITTEN}
    for fname in sorted(os.listdir(hand)):
        if not fname.endswith(".tsv") or fname.startswith("."):
            continue
        rel = "sources/hand/" + fname
        if fname in generated:
            raise SystemExit("gazetteers/%s: %s is generated from the open data; rename the hand file"
                             % (rel, fname))
        with open(os.path.join(hand, fname), encoding="utf-8", newline="") as f:
            text = f.read()
        lines = text.split("\n")
        what = hand_what([l.rstrip("\r") for l in lines])
        at = None
        for i, line in enumerate(lines):
            if not line.startswith("#"):
                break
            if re.match(r"#\s*licen[cs]e:", line):
                at = i + 1
                break
        if at is None:
            raise SystemExit("gazetteers/%s: the header needs a '# licence:' line" % rel)
        eol = "\r" if lines[at - 1].endswith("\r") else ""
        lines.insert(at, "# generated by gazetteers/build.py from gazetteers/%s; edit that file and "
                         "rebuild%s" % (rel, eol))
        out = "\n".join(lines)
        with open(os.path.join(HERE, fname), "w", encoding="utf-8", newline="") as f:
            f.write(out)
        header = {}
        for line in lines:
            m = re.match(r"#\s*([a-z]+):\s*(.*?)\s*$", line)
            if not line.startswith("#"):
                break
            if m:
                header.setdefault(m.group(1), m.group(2))
        entries = sum(1 for l in lines if l.strip() and not l.lstrip().startswith("#"))
        source = "%s; %s" % (header.get("source", "hand-written"), rel)
        WRITTEN.append((fname, what, entries, source,
                        header.get("licence", header.get("license", "")), len(out.encode("utf-8"))))
        HAND_FILES.add(fname)


# ---------------------------------------------------------------------------
# README table and main
# ---------------------------------------------------------------------------

def human(n):
    if n >= 1024 * 1024:
        return "%.1f MB" % (n / 1048576.0)
    return "%d KB" % max(1, round(n / 1024.0))


def write_readme_table():
    path = os.path.join(HERE, "README.md")
    with open(path, encoding="utf-8") as f:
        text = f.read()
    marker = "<!-- files -->"
    if marker not in text:
        text = text.rstrip("\n") + "\n\n" + marker + "\n"
    head = text[: text.index(marker) + len(marker)]
    rows = ["", "| file | what | entries | source | licence |", "|---|---|---|---|---|"]
    total_e = total_b = 0
    for fname, what, n, source, lic, size in sorted(WRITTEN):
        src = source.replace("|", "\\|")
        rows.append("| `%s` | %s | %d | %s | %s |" % (fname, what.replace("|", "\\|"), n, src, lic))
        total_e += n
        total_b += size
    rows.append("")
    rows.append("%d generated files, %d entries, %s in all." % (len(WRITTEN), total_e, human(total_b)))
    rows.append("")
    rows.append("Licence notices and attributions: see [LICENSES.md](LICENSES.md).")
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(head + "\n".join(rows) + "\n")


def check_outputs():
    """Re-read every written file and check the format rules; returns problems."""
    problems = []
    for fname, _, n, _, _, _ in sorted(WRITTEN):
        with open(os.path.join(HERE, fname), encoding="utf-8") as f:
            text = f.read()
        if unicodedata.normalize("NFC", text) != text:
            problems.append("%s: not NFC" % fname)
        header = {}
        seen = set()
        prev = None
        in_header = True
        for i, line in enumerate(text.split("\n")[:-1], 1):
            if line.startswith("#"):
                m = re.match(r"^# ([a-z]+): (.*)$", line)
                if in_header and m:
                    header[m.group(1)] = m.group(2)
                continue
            in_header = False
            cells = line.split("\t")
            surf = cells[0]
            if not surf or surf != surf.strip() or "  " in surf:
                problems.append("%s:%d: bad surface %r" % (fname, i, surf))
            attrs = {}
            for c in cells[1:]:
                if "=" not in c or not c.split("=", 1)[1] or c != c.strip():
                    problems.append("%s:%d: bad attribute %r" % (fname, i, c))
                    continue
                k, v = c.split("=", 1)
                if k in attrs:
                    problems.append("%s:%d: repeated %s" % (fname, i, k))
                attrs[k] = v
            # one entry per surface, type, kind and name (a temporal word may
            # be of several kinds: "this" is a relation word and a current one)
            key = (surf, attrs.get("type", header.get("type")), attrs.get("kind", header.get("kind")),
                   attrs.get("name", surf))
            if key in seen:
                problems.append("%s:%d: duplicate %r" % (fname, i, key))
            seen.add(key)
            if not (attrs.get("type") or header.get("type")):
                problems.append("%s:%d: no type" % (fname, i))
            sk = (fold(surf), surf)
            if prev is not None and sk < prev and fname not in HAND_FILES:
                problems.append("%s:%d: not sorted" % (fname, i))
            prev = sk
        for k in ("source", "licence"):
            if k not in header:
                problems.append("%s: header lacks %s" % (fname, k))
    return problems


def main(argv):
    global DATA
    if len(argv) != 2 or not os.path.isdir(argv[1]):
        sys.stderr.write("usage: python3 gazetteers/build.py DATA_DIR (the shared/data folder)\n")
        return 2
    DATA = os.path.abspath(argv[1])
    load_refs()
    init_news_owned()
    canon = build_countries()
    build_countries_odbl(canon)
    build_regions()
    build_admin1()
    build_cities()
    build_universities()
    build_intl_orgs()
    build_us_agencies()
    build_companies()
    build_parties()
    build_places_gate(canon)
    build_places_news(canon)
    build_orgs_news()
    build_companies_gate()
    build_orgs_gate()
    build_towns()
    build_given_names()
    build_surnames()
    build_surnames_zh()
    build_titles()
    build_titles_onet()
    build_title_modifiers()
    build_honorifics()
    build_name_endings()
    build_org_designators()
    build_demonyms(canon)
    build_demonyms_odbl(canon)
    build_calendar()
    dropped = build_stopwords()
    build_abbreviations()
    build_hand_files()
    write_readme_table()
    problems = check_outputs()
    for p in problems[:50]:
        sys.stderr.write("check: %s\n" % p)
    total = 0
    for fname, what, n, source, lic, size in sorted(WRITTEN):
        sys.stdout.write("%-22s %8d entries %10d bytes\n" % (fname, n, size))
        total += size
    sys.stdout.write("total %d bytes in %d files\n" % (total, len(WRITTEN)))
    if dropped:
        sys.stdout.write("stop words left out as common names: %s\n" % " ".join(sorted(dropped)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
