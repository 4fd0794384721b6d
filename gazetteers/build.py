#!/usr/bin/env python3
"""Regenerate the derived nerx gazetteers from the raw open data.

Usage (from the project root):

    python3 gazetteers/build.py /path/to/shared/data

Writes every derived ``*.tsv`` file into the directory of this script and
rewrites the file table in README.md below the ``<!-- files -->`` marker.
Python 3 standard library only; the output is deterministic (same input,
same bytes).  Hand-written word lists (stop words, common English words,
title core, modifiers, honorifics, name endings, designators,
abbreviations, the news organisations and places) live in this file.
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
# Text helpers
# ---------------------------------------------------------------------------

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


def fold(s):
    """What the matcher compares: case folded, accents stripped."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    for a, b in _APOS.items():
        s = s.replace(a, b)
    return s.casefold()


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


LOWER_PARTICLES = {"de", "del", "della", "di", "da", "do", "dos", "das", "du", "des",
                   "la", "le", "les", "los", "las", "el", "al", "of", "the", "and",
                   "upon", "on", "am", "an", "im", "sur", "en", "y", "e", "i", "van",
                   "von", "der", "den", "ter", "ten", "au", "aux", "d'", "l'", "bin",
                   "ibn", "bint", "ul", "ud", "ur", "da", "dei", "degli", "et", "und"}


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
              "status", "lang"]

WRITTEN = []  # (file, what, entries, source, licence)
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
            if a.get("case") == "exact" and surface[:1].isupper() and any(c.islower() for c in surface):
                a = dict(a, case="cap")
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

    def write(self):
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
# Hand-written word lists
# ---------------------------------------------------------------------------

def words(text):
    return [w for w in text.split() if w]


# Words that are often capitalised at a sentence start or in a headline but
# are not names by themselves.  Words that are common given names or surnames
# (Will, May, Grant, Young, ...) are deliberately absent.
STOPWORDS_TEXT = """
gmt edt est pst cst utc bst cet aids hiv isdn gdp gnp cpi ppi pmi ceo cfo coo cto vat
ipo atm dna rna faq tv dvd cd pc usb gps lcd led mri nb ps pps
a an the this that these those some any each every either neither no none all both
half several many much more most few fewer less least other others another such
what which whose who whom whoever whatever whichever whenever wherever however
i me my mine myself you your yours yourself yourselves he him his himself she her
hers herself it its itself we us our ours ourselves they them their theirs
themselves one ones someone somebody something anyone anybody anything everyone
everybody everything nobody nothing
about above across after against along alongside amid amidst among amongst around
as at before behind below beneath beside besides between beyond by despite down
during except for from in inside into like near nearby of off on onto opposite out
outside over past per since than through throughout till to toward towards under
underneath unlike until unto up upon versus via with within without
and but or nor so yet because although though while whilst whereas if unless
whether once where when why how then thus hence therefore otherwise also
am is are was were be been being have has had having do does did doing done can
could might must shall should would ought cannot
not yes very too quite rather almost nearly just only even still already always
never often sometimes usually perhaps maybe probably possibly certainly clearly
apparently actually finally eventually initially previously recently currently
earlier later today yesterday tomorrow tonight now soon again here there ago
meanwhile moreover furthermore nevertheless nonetheless instead indeed anyway
likewise similarly consequently accordingly subsequently ultimately originally
traditionally typically generally basically essentially fortunately
unfortunately hopefully interestingly importantly notably particularly
especially specifically additionally altogether elsewhere overall regardless
according asked speaking looking following including regarding given based
citing adding noting saying explaining referring responding commenting
welcome thanks please sorry okay ok oh hello hi dear
says said say tells told tell asks ask warns warned warn urges urged urge calls
seeks sought seek sets hosts hosted holds held hold opens opened launches
launched launch unveils unveiled announces announced announce reports reported
plans planned wins won loses lost faces faced gets got makes made takes took
gives gave sees saw finds found shows showed hits cuts raises raised rises falls
fell drops dropped jumps jumped signs signed backs backed slams slammed vows vowed
denies denied claims claimed agrees agreed rejects rejected approves approved
names named joins joined leaves meets met visits visited returns returned starts
started ends ended begins began hails hailed eyes eyed becomes became remains
remained expects expected aims aimed considers considered confirms confirmed
plunges plunged soars soared surges surged slumps slumped tops topped beats beat
boosts boosted bans banned blocks blocked pushes pushed pulls pulled puts sends
sent keeps kept brings brought helps helped turns turned moves moved tries tried
wants wanted needs needed thinks thought knows knew believes believed feels felt
new old big top latest breaking live update updates exclusive analysis opinion
editorial comment commentary review watch video videos photo photos gallery read
more related share follow subscribe advertisement sponsored
first second third fourth fifth sixth seventh eighth ninth tenth last next previous
final latest early late
one two three four five six seven eight nine ten eleven twelve thirteen fourteen
fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy
eighty ninety hundred hundreds thousand thousands million millions billion
billions trillion dozen dozens
morning afternoon evening night nights week weeks weekend month months year years
day days decade decades century hour hours minute minutes
it's that's there's here's what's let's i'm we're they're he's she's you're don't
doesn't didn't can't won't isn't aren't wasn't weren't hasn't haven't wouldn't
couldn't shouldn't i've we've they've i'll we'll they'll i'd we'd
mr mrs ms
"""

# Common English words (in addition to the stop words) that must not become a
# place, an organisation or a bare name by themselves.  Names that are such
# words are kept only with case=exact.
COMMON_TEXT = """
able above accept access account act action active activity actor add address
administration admit adult advance advice affair affect afford afraid age agency
agenda agent agree agreement ahead aid aim air airport alarm alive allow ally
alone already alternative amazing amount analysis ancient anger angle angry animal
annual answer apart appeal appear application apply approach area argue argument
arm armed arms army arrest arrival arrive art article artist aside asset attack
attempt attend attention attitude audience author authority available avenue
average avoid award aware away baby back background bad bag balance ball ban band
bank bar base basic basis bath battle beach bear beat beautiful beauty bed beer
begin behaviour behavior belief believe bell belt benefit best bet better bid bill
bird birth bit bitter black blame blind block blood blow blue board boat body bomb
bond bone bonus book boom boost border born boss bottle bottom bound box boy brain
branch brand brave bread break breath brick bridge brief bright bring broad broken
brother budget build building bullet burden burn bus business busy buy buyer cabinet
cable call calm camera camp campaign cancer candidate capacity capital captain car
card care career careful carry case cash cast castle cat catch cause celebration
cell central centre center ceremony chain chair challenge champion championship
chance change channel chapter character charge charity chart chase cheap check
chemical chest chief child children choice church circle citizen city civil claim
class classic clean clear climate clinic clock close closed cloud club coach coal
coast code coffee cold collapse collection college colon colour color column combat
comfort command commercial commission commitment committee common community company
compare competition complete complex concern concert condition conference conflict
congress connection consider constant construction consumer contact content
contest context continue contract control conversation cook cool copy core corn
corner correct cost cottage council count counter country county couple courage
course court cover crash crazy cream create creation credit crew crime criminal
crisis critic critical crop cross crowd crown crucial cry cup current custom
customer cut cycle daily damage dance danger dark data date daughter dead deal
death debate debt decide decision deep defence defense deficit degree delay deliver
demand democracy department deposit deputy design desire detail development device
diamond die diet difference difficult digital dinner direct direction director
dirty disaster discount discovery discussion disease display distance district
divide division doctor document dog dollar domestic door double doubt dozen draft
drama draw dream dress drink drive driver drop drug dry due dust duty eagle earth
east eastern easy economy edge edition editor education effect effort egg election
electric element emergency empire employee employer empty end enemy energy engine
enough enterprise entire entry environment equal equipment error escape estate
event evidence exact exam example exchange executive exercise exile exit expert
explosion export express extra eye face fact factor factory fail failure fair faith
fall false fame family famous fan far farm farmer fashion fast fat father fault fear
feature federal fee feeling fellow female field fight figure file film final finance
financial fine finger fire firm fish fit fix flag flat fleet flight flood floor flow
flower fly focus fold folk food fool foot football force foreign forest form former
fortune forum forward foundation frame free freedom fresh friend front fruit fuel
full fun fund funny future gain game gap garden gas gate general gentle gift girl
glass global goal god gold golden good goods grade grand grass great green ground
group growth guard guess guest guide guilty gun guy hair hall hand handle hang happy
harbour harbor hard harm hat head health heart heat heaven heavy height hell help
hero hidden high highway hill hire historic history hit holiday holy home honest
honour honor hope horse hospital host hot hotel house housing huge human humour
hunger hunt husband ice idea ill image impact import income independence index
industry inflation information injury inner innocent inside insight institute
insurance intelligence interest interior internal international interview iron
island issue item jail job joint journal joy judge jump junior jury justice keen
key kid kind king kingdom kiss kitchen knife labour labor lack lady lake land
language large law lawyer lead leader leadership league leave left leg legal legend
lesson letter level liberal liberty library lie life light limit line link lion list
little live local lock long look lord loss lot loud love low luck lunch machine mad
magazine magic mail main major majority male mall man manager manner many map march
mark market marriage mass master match mate material matter mayor meal mean measure
meat media medical medicine medium meeting member memory mental message metal method
middle might mile military milk mill mind mine minister minor minute miracle mirror
miss mission mistake mix mobile model modern moment money monitor monster mood moon
moral morning mother motion motor mount mountain mouse mouth move movie murder muscle
museum music mystery nail narrow nation national native natural nature navy neck
network news newspaper nice noble noise normal north northern note notice novel
number nurse object ocean offer office officer official oil open opera operation
opponent option orange order organ origin outcome output owner pace pack package
page pain paint pair palace panel paper parent park parliament part partner party
pass passage passenger patient pattern pay peace peak pen penalty pension people
pepper percent perfect performance period permit person personal phone physical
piano pick picture piece pilot pink pipe pitch place plain plan planet plant plate
platform play player plenty plot pocket poem poet point police policy political
pool poor pop popular port position post pot pound poverty powder power practice
prayer premier presence present president press pressure price pride priest prime
prince princess principal print prison private prize problem process produce product
profit program programme progress project promise proof property prospect protest
proud prove public pull punch pure purple push quality quarter queen question quick
quiet race radio rail rain range rank rate raw reach reading real reason rebel record
recovery red reform region regular relief religion rent report republic rescue
research reserve resort response rest result return revenue revolution reward rich
ride right ring rise risk river road rock role roll roof room root rose round route
royal rule ruler run rural rush safe safety sail sale salt sample sand save scale
scene scheme school science score screen sea season seat secret secretary section
security seed senior sense series service session settlement shadow shape share
sharp sheet shell shelter shield shift ship shock shoe shop shopping short shot
shoulder show side sight sign signal silence silver simple single sister site size
skill skin sky sleep slow small smart smoke snow soft soil soldier solid solution
son song sound soup source south southern space speaker special speech speed spirit
split sport spot spring square staff stage stake stand standard star start state
statement station status steel step stock stone stop store storm story strange
stranger stream street strength stress strike strong structure student studio study
stuff style subject success sugar suit summer summit sun sunday supply support
supreme surface surprise survey survival suspect sweet swing symbol system table tail
talent talk tank target task taste tax tea teacher team tear technology temple term
terror test text theatre theater theme theory thing threat ticket tie time tiny tip
title today tone tool tooth topic total touch tough tour tourism tourist tours tower
town toy track trade tradition traffic train transfer transport trap travel treasure
treasury treaty tree trend trial trick trip troop trouble truck true trust truth
turkey turn twin type union unit unity universe university upper urban usual valley
value van variety vehicle venture version veteran victim victory video view village
violence virus vision visit visitor voice volume vote voter wage wait walk wall war
warm warning wash waste watch water wave way weak wealth weapon wear weather web
wedding weekly weight welfare well west western wet wheel white whole wide wife wild
win wind window wine wing winner winter wise wish witness woman wonder wood word work
worker world worry worth wound writer wrong yard yellow young youth zone
abroad accident acquisition alliance ambassador anniversary appointment association
background bailout bankruptcy bargain billionaire blockade bureau candidate ceasefire
cabinet champion coalition colony commerce compromise congress constitution corruption
council coup courier crusade customs defender delegate delegation democrat deal
dictator diplomat disclosure district donor drought embassy emperor envoy epidemic
equity exile faction famine federation frontier governor guardian harvest heritage
horizon hostage immigrant immigration inquiry insurgent invasion investor journalist
landmark launch lawmaker legislature lobby magistrate mandate manifesto marathon
merger militia ministry minority monarch monopoly mortgage nominee outbreak pandemic
parade patriot pioneer pledge poll premiere presidency prosecutor province rally
ranger rebellion recession referendum refugee regime reign reporter republican
resistance revival rival sanction senate senator settler sheriff siege socialist
sovereign spokesman stadium strategy subsidy summit superpower supporter surge
tariff taxpayer tenant territory terrorist tribunal tribe truce tycoon veto vigil
volunteer warden warrior
alpha beta delta gamma omega apex atlas phoenix titan orbit pulse spectrum vertex
matrix nexus vista horizon zenith summit pinnacle frontier pioneer legacy heritage
genesis fusion vector vertex prime core
mercury venus mars jupiter saturn neptune pluto
friday saturday monday tuesday wednesday thursday january february april june july
august september october november december
able ace act add age ago aid aim air all and any arc are ark arm art ask bad bag
ban bar bat bay bed bee bet big bin bit bow box boy bud bug bus buy cab can cap car
cat cow cry cup cut dad day den dew did die dig dim dip doe dog dot dry due dug dye
ear eat egg ego end era eve eye fan far fat fee few fig fit fix fly fog for fox fun
fur gap gas gel gem get god got gum gun gut guy gym hat hay hen her hid him hip his
hit hog hop hot how hub hug hut ice ill ink inn ion jam jar jaw jet job jog joy jug
key kid kin kit lab lag lap law lay leg let lid lie lip lit log lot low mad man map
mat may men met mix mob mom mop mud mug nap net new nod nor not now nut oak odd off
oil old one opt orb ore our out owe owl own pad pal pan par pat paw pay pea peg pen
pet pie pig pin pit pop pot pro pub put rag ram ran rap rat raw ray red rib rid rim
rip rob rod rot row rub rug rum run rye sad sag sat saw say sea see set sew she shy
sin sip sir sit six ski sky sly sob son soy spa spy sub sum sun tab tag tan tap tar
tax tea ten tie tin tip toe ton too top toy try tub two use van vet via vow war was
wax way web wed wet who why wig win wit won yes yet you zip zoo
also batman hue sale nice bath oral concord paradise independence enterprise reading
victory liberty mobile surprise orange temple normal union eagle hope spring
mission pearl sterling commerce industry progress champion harmony unity justice
solidarity renewal reform forward together change future freedom democracy
alliance front movement popular people citizens republic national patriotic
will
"""

STOPWORDS = set(words(STOPWORDS_TEXT))
COMMON_WORDS = set(words(COMMON_TEXT)) | STOPWORDS


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

# Canonical English country names where CLDR's display name is awkward.
COUNTRY_CANON = {
    "BA": "Bosnia and Herzegovina", "CD": "Democratic Republic of the Congo",
    "CG": "Republic of the Congo", "HK": "Hong Kong", "MO": "Macao", "MM": "Myanmar",
    "PS": "Palestine", "CI": "Ivory Coast", "AG": "Antigua and Barbuda",
    "KN": "Saint Kitts and Nevis", "LC": "Saint Lucia",
    "VC": "Saint Vincent and the Grenadines", "PM": "Saint Pierre and Miquelon",
    "SH": "Saint Helena", "BL": "Saint Barthelemy", "MF": "Saint Martin",
    "ST": "Sao Tome and Principe", "TT": "Trinidad and Tobago",
    "TC": "Turks and Caicos Islands", "WF": "Wallis and Futuna",
    "SJ": "Svalbard and Jan Mayen", "HM": "Heard Island and McDonald Islands",
    "GS": "South Georgia and the South Sandwich Islands", "EA": "Ceuta and Melilla",
    "UM": "United States Minor Outlying Islands", "CC": "Cocos (Keeling) Islands",
}

# Hand-written aliases that news uses and the sources lack (nerx project).
COUNTRY_EXTRA = [
    ("US", "U.S.", "exact"), ("US", "USA", "exact"), ("US", "U.S.A.", "exact"),
    ("US", "United States of America", None), ("US", "America", None),
    ("GB", "U.K.", "exact"), ("GB", "Britain", None), ("GB", "Great Britain", None),
    ("CD", "DR Congo", None), ("CD", "DRC", "exact"), ("CD", "Congo-Kinshasa", None),
    ("CG", "Congo-Brazzaville", None), ("AE", "UAE", "exact"), ("AE", "U.A.E.", "exact"),
    ("KR", "Korea", None), ("KP", "DPRK", "exact"), ("CZ", "Czech Republic", None),
    ("NL", "Holland", None), ("NL", "The Netherlands", None), ("TR", "Turkiye", None),
    ("TR", "Türkiye", None), ("CV", "Cape Verde", None), ("MK", "Macedonia", None),
    ("SZ", "Swaziland", None), ("MM", "Burma", None), ("TL", "East Timor", None),
    ("VA", "Vatican", None), ("VA", "Holy See", None), ("RU", "Russian Federation", None),
    ("PS", "Palestinian Territories", None), ("CI", "Cote d'Ivoire", None),
    ("LA", "Lao PDR", None), ("KG", "Kyrgyz Republic", None), ("VN", "Viet Nam", None),
    ("FM", "Federated States of Micronesia", None), ("BN", "Brunei Darussalam", None),
]

# Former countries (ISO 3166-3) worth knowing in news, with their English names.
FORMER_COUNTRIES = {
    "SUHH": ["Soviet Union", "USSR", "U.S.S.R."],
    "YUCS": ["Yugoslavia"], "CSHH": ["Czechoslovakia"],
    "DDDE": ["East Germany", "German Democratic Republic", "GDR"],
    "CSXX": ["Serbia and Montenegro"], "ZRCD": ["Zaire"], "BUMM": ["Burma"],
    "HVBF": ["Upper Volta"], "DYBJ": ["Dahomey"], "RHZW": ["Rhodesia", "Southern Rhodesia"],
    "ANHH": ["Netherlands Antilles"], "NHVU": ["New Hebrides"],
    "BYAA": ["Byelorussian SSR"], "SKIN": ["Sikkim"],
}

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
    for c in codes:
        name = canon[c]
        rank = pop.get(c) or None
        g.add(name, country=c, rank=rank)
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
            g.add(s, name=names[0], case=cs)
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


REGION_SKIP = {"world", "Unknown Region", "Outlying Oceania", "Eurozone",
               "United Nations", "UN", "Micronesian Region", "Northern America",
               "Middle Africa", "Western Asia", "Southern Asia", "Eastern Asia"}


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
    continents = {"002", "009", "142", "150", "019", "010"}  # Africa Oceania Asia Europe Americas Antarctica
    g = Gaz("regions.tsv", "continents and UN M.49 regions",
            "%s common/main/en.xml + common/supplemental/supplementalData.xml" % CLDR,
            LIC_CLDR, type_="place", kind="region", attribution=ATTR_CLDR)
    for code in sorted(names):
        nm = names[code]
        if not code.isdigit() or nm in REGION_SKIP or is_common(nm):
            continue
        kind = "continent" if code in continents or nm in ("North America", "South America") else None
        g.add(nm, kind=kind)
        note_place(nm, "region")
    # Hand-written everyday regions used by news (nerx project).
    for nm, kind in (("Antarctica", "continent"), ("Middle East", None), ("Central Asia", None),
                     ("Southeast Asia", None), ("South Asia", None), ("East Asia", None),
                     ("Western Europe", None), ("Eastern Europe", None), ("Latin America", None),
                     ("Sub-Saharan Africa", None), ("North Africa", None), ("West Africa", None),
                     ("East Africa", None), ("Southern Africa", None), ("Central America", None),
                     ("Caribbean", None), ("Balkans", None), ("Scandinavia", None),
                     ("Caucasus", None), ("South Caucasus", None), ("Asia-Pacific", None),
                     ("Asia Pacific", None), ("Horn of Africa", None), ("Sahel", None),
                     ("Gulf region", None), ("Persian Gulf", None), ("Arctic", None),
                     ("Eurasia", None), ("Indo-Pacific", None), ("Baltics", None),
                     ("Maghreb", None), ("Levant", None), ("Nordic countries", None)):
        g.add(nm, kind=kind)
        note_place(nm, "region")
    g.write()


ADMIN1_GENERIC = set(words("""
north south east west northern southern eastern western central centre center upper
lower middle far north-east north-west south-east south-west northeast northwest
southeast southwest northeastern northwestern southeastern southwestern region
regions province provinces district districts state states capital territory coast
coastal lakes lake islands island mountain mountains highlands highland plateau
greater inner outer new city municipality department county governorate area zone
autonomous special federal littoral maritime interior savanes valley river delta
oblast krai division prefecture parish town village sea ocean bay gulf the of and
nord sud sul norte sur est ouest oeste leste este centro centrale insular litoral
lac vale valle glacis cascade trinity german jewish bride bloke ape pest grad oro
sal castel dorado colonia mono para meta chin mon capitale
"""))


def build_admin1():
    gn = read_tsv("places/geonames_admin1.tsv")
    cities = read_tsv("places/geonames_cities15000.tsv")
    iso2 = read_tsv("places/iso_3166-2.tsv")
    cldr_sub = read_tsv("places/cldr_subdivision_names_en.tsv")
    popsum = collections.Counter()
    for r in cities:
        popsum["%s.%s" % (r["country"], r["admin1"])] += int(r["population"] or 0)
    country_names = REF["country_names"]
    cands = []  # (rank, surface, country, alt_name)
    for r in gn:
        code = r["code"]
        cc = code.split(".")[0]
        rank = popsum.get(code, 0)
        canon = clean(re.sub(r"^[\u2018\u02bf']+(?=[A-Z])", "", r["name"]))
        for s in (r["name"], r["asciiname"]):
            s = clean(re.sub(r"^[\u2018\u02bf']+(?=[A-Z])", "", s))
            cands.append((rank, s, cc, canon))
    first_level = {r["code"].lower().replace("-", ""): r for r in iso2 if r["parent"] == ""}
    for r in cldr_sub:
        code = r["cldr_code"]
        if code not in first_level:
            continue
        cc = code[:2].upper()
        cands.append((0, clean(r["name"]), cc, clean(r["name"])))
    g = Gaz("admin1.tsv", "first-level administrative divisions (states, provinces, regions)",
            "%s regionInfo.tsv (= GeoNames admin1CodesASCII), cities15000.zip (populations); "
            "%s common/subdivisions/en.xml; %s iso_3166-2.json (levels)" % (GEOBANK, CLDR, ISOCODES),
            "%s AND %s AND %s" % (LIC_GEONAMES, LIC_CLDR, LIC_LGPL21),
            type_="place", kind="admin1",
            attribution="%s; %s; iso-codes (Debian), LGPL-2.1+" % (ATTR_GEONAMES, ATTR_CLDR))
    # most populous first so that shared names go to the bigger division
    cands.sort(key=lambda x: (-x[0], x[2], x[1] or ""))
    for rank, s, cc, canon in cands:
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
        if len(toks) == 1 and rank < 1000000 and (fold(s) in REF["given_top"] or
                                                   fold(s) in REF["surname_top"]):
            continue  # Isle of Man parishes Patrick, Michael; Mary (TM)
        if fold(s) in country_names and cc != "US":
            continue  # Taiwan as a CN subdivision, Jersey... (Georgia the US state stays)
        if s in UK_COUNTY_FIRST:
            continue  # Midlands (Zimbabwe): the English region in places-gate.tsv
        if len(re.sub(r"[^A-Za-z]", "", strip_accents(s))) < 3:
            continue
        # England, Scotland, Wales, Northern Ireland: countries in their own right
        kind = "country" if cc == "GB" and s in ("England", "Scotland", "Wales", "Northern Ireland") else None
        if g.add(s, name=canon if fold(canon) != fold(s) else None, country=cc,
                 rank=rank or None, kind=kind):
            note_place(s, "admin1")
    g.write()
    REF["admin1_names"] = {k[0] for k in g.entries}


CITY_WORDS = set(words("""
city shi si shih ciudad cidade ville stadt kota thanh pho lungsod dakbayan grad gorod
miasto mesto citta cite byen staden stad kaupunki varos cathair urbo hsien xian qu gun
ku khot osh municipality municipio comune gemeente kommune borg regency kabupaten
town township prefecture district delegacion
"""))

# English exonyms and former names used in news (nerx project, hand-written):
# "alternate|GeoNames main name".  Always kept, on top of the automatic ones
# (the automatic ones are mostly foreign respellings, so few are taken).
EXONYMS = """
Bombay|Mumbai
Calcutta|Kolkata
Madras|Chennai
Bangalore|Bengaluru
Poona|Pune
Benares|Varanasi
Baroda|Vadodara
Trivandrum|Thiruvananthapuram
Cochin|Kochi
Calicut|Kozhikode
Gurgaon|Gurugram
Allahabad|Prayagraj
Mysore|Mysuru
Mangalore|Mangaluru
Belgaum|Belagavi
Gauhati|Guwahati
Simla|Shimla
Pondicherry|Puducherry
Cawnpore|Kanpur
Chittagong|Chattogram
Peking|Beijing
Peiping|Beijing
Canton|Guangzhou
Nanking|Nanjing
Tientsin|Tianjin
Chungking|Chongqing
Amoy|Xiamen
Swatow|Shantou
Tsingtao|Qingdao
Hangchow|Hangzhou
Soochow|Suzhou
Urumchi|Ürümqi
Urumqi|Ürümqi
Mukden|Shenyang
Sian|Xi'an
Saigon|Ho Chi Minh City
HCMC|Ho Chi Minh City
Rangoon|Yangon
Pusan|Busan
Inchon|Incheon
Taegu|Daegu
Kwangju|Gwangju
Kiev|Kyiv
Kharkov|Kharkiv
Odessa|Odesa
Lvov|Lviv
Lwow|Lviv
Dnepropetrovsk|Dnipro
Dnipropetrovsk|Dnipro
Lugansk|Luhansk
Chernigov|Chernihiv
Rovno|Rivne
Zhitomir|Zhytomyr
Alma-Ata|Almaty
Nur-Sultan|Astana
Akmola|Astana
Tselinograd|Astana
Chimkent|Shymkent
Karaganda|Karagandy
Semipalatinsk|Semey
Oskemen|Ust-Kamenogorsk
Aktyubinsk|Aktobe
Guryev|Atyrau
Dzhambul|Taraz
Zhambyl|Taraz
Kzyl-Orda|Kyzylorda
Kustanai|Kostanay
Petropavlovsk|Petropavl
Frunze|Bishkek
Ashkhabad|Ashgabat
Stalinabad|Dushanbe
Tiflis|Tbilisi
Kishinev|Chisinau
Leningrad|Saint Petersburg
Petrograd|Saint Petersburg
Stalingrad|Volgograd
Sverdlovsk|Yekaterinburg
Ekaterinburg|Yekaterinburg
Gorky|Nizhniy Novgorod
Nizhny Novgorod|Nizhniy Novgorod
Kuibyshev|Samara
Konigsberg|Kaliningrad
Königsberg|Kaliningrad
Constantinople|Istanbul
Smyrna|İzmir
Danzig|Gdańsk
Breslau|Wrocław
Pressburg|Bratislava
Teheran|Tehran
Batavia|Jakarta
Djakarta|Jakarta
Leopoldville|Kinshasa
Elisabethville|Lubumbashi
Stanleyville|Kisangani
Lourenco Marques|Maputo
Fort-Lamy|N'Djamena
Tananarive|Antananarivo
Cologne|Köln
Nuremberg|Nürnberg
Hanover|Hannover
Frankfurt|Frankfurt am Main
Gothenburg|Göteborg
Antwerp|Antwerpen
Ghent|Gent
Bruges|Brugge
Basle|Basel
Geneva|Genève
Seville|Sevilla
Saragossa|Zaragoza
Mecca|Makkah
Jeddah|Jiddah
Jidda|Jiddah
Kuwait City|Kuwait City
Mexico City|Mexico City
Dacca|Dhaka
Rawalpindi|Rawalpindi
Hull|Kingston upon Hull
Newcastle|Newcastle upon Tyne
"""


# Town names that in English text are nearly always something else (a given
# name, a surname, a plural demonym, a common noun) -- nerx project.
CITY_BLOCK = {"Ann", "Bo", "Ho", "Gao", "Yao", "San", "Mary", "George", "Nancy", "Brits",
              "Mango", "Metro", "Bimbo", "Douglas", "Stanley", "Nigel"}
# Places that are also a lower-case word: kept, but only as written.
CITY_EXACT = {"Tyre"}


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
        if g.add(name, country=cc, rank=pop, case="exact" if name in CITY_EXACT else None):
            note_place(name, "city")
            kept.append((r, name))
            main_of[fold(name)] = (name, cc, pop)
        asc = clean(re.sub(r"^'+(?=[A-Z])", "", r["asciiname"]))
        if asc and fold(asc) != fold(name) and not is_common(asc) and not has_digit(asc):
            g.add(asc, name=name, country=cc, rank=pop)
    # hand-written exonyms
    for line in EXONYMS.strip().split("\n"):
        alt, _, main = line.partition("|")
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
            if g.add(s, name=name if fold(name) != f else None, country=r["country"], rank=pop):
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
        g.add(name, country=cc)
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
        recs.append((name, names, abbrs))
    for name, names, abbrs in recs:
        for s in names:
            if not is_latin(s) or (len(s.split()) == 1 and is_common(s)):
                continue
            cs = "exact" if s.isupper() else None
            g.add(s, name=name, case=cs)
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


INTL_EXTRA = [
    ("BRICS", "BRICS", "exact"), ("G7", "G7", None), ("G-7", "G7", None),
    ("Group of Seven", "G7", None), ("G20", "G20", None), ("G-20", "G20", None),
    ("Group of Twenty", "G20", None), ("Group of 20", "G20", None), ("G8", "G8", None),
    ("SCO", "Shanghai Cooperation Organisation", "exact"),
    ("OIC", "Organisation of Islamic Cooperation", "exact"),
    ("AIIB", "Asian Infrastructure Investment Bank", "exact"),
    ("Security Council", "United Nations Security Council", None),
    ("UN General Assembly", "United Nations General Assembly", None),
    ("Red Cross", "International Committee of the Red Cross", None),
]


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
        heads = ("Department of", "Bureau of", "Office of", "Agency for", "National", "Federal",
                 "Centers", "Center", "Administration", "Commission", "U.S.", "United States")
        good.sort(key=lambda n: (not n.startswith(heads), -len(n), n))
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


LEGAL_SUFFIXES = [
    "incorporated", "inc.", "inc", "corporation", "corp.", "corp", "company", "co.", "co",
    "limited", "ltd.", "ltd", "plc", "p.l.c.", "llc", "l.l.c.", "lp", "l.p.", "llp",
    "n.v.", "nv", "s.a.", "sa", "s.a.b. de c.v.", "sab de cv", "ag", "se", "s.p.a.", "spa",
    "asa", "ab", "a/s", "oyj", "nv/sa", "s.e.", "sa/nv", "bhd", "berhad", "pte", "pty",
    "k.k.", "kk", "gmbh", "s.a.s.", "sas", "ltda", "s.l.", "tbk", "holding company",
]
SMALL_WORDS = {"of", "and", "the", "for", "in", "on", "at", "de", "du", "la", "le", "y", "&"}
KEEP_UPPER = {"AT&T", "S&P", "IBM", "BP", "HSBC", "UBS", "ASML", "SAP", "AMD", "GE", "HP",
              "3M", "KKR", "BNY", "PNC", "CVS", "ADP", "CME", "MSCI", "NXP", "AES", "AIG",
              "UPS", "LG", "SK", "NEC", "TSMC", "BHP", "RELX", "ING", "ABB", "BBVA", "AB",
              "AG", "SE", "NV", "SA", "PLC", "LLC", "LP", "II", "III", "USA", "US", "UK",
              "ADR", "REIT", "ETF", "CBRE", "IQVIA", "NRG", "PPG", "PPL", "MGM", "JPMORGAN"}


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
COMPANY_OK = {"Apple", "Cisco", "Halliburton", "Gartner", "DuPont", "Blackstone"}


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
        if re.search(r"\b(FUND|ETF|TRUST SERIES|ACQUISITION CORP|ACQUISITION CO|INCOME|MUNICIPAL|PORTFOLIO)\b",
                     nm.upper()):
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
            g.add(f, name=canon)
            nd = f.replace(" Inc.", " Inc").replace(" Corp.", " Corp").replace(" Co.", " Co")
            if nd != f:
                g.add(nd, name=canon)
    g.write()


def build_parties():
    rows = read_tsv("orgs/political_parties_partyfacts.tsv")
    iso3 = REF["iso3"]
    g = Gaz("parties.tsv", "political parties worldwide: English names, original Latin-script names, acronyms",
            "hdigital/partyfactsdata @ 764de8978f84ba41a1c88752d6a00b9a4d05f599, "
            "import/elecglob/partyfacts-core-parties.csv",
            "MIT", type_="organization", kind="party",
            attribution="Party Facts authors (partyfacts.herokuapp.com), MIT licence")
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
        recs.append((share, r["year_last"] or "9999", cc, eng, orig, clean(r["name_short"])))
    recs.sort(key=lambda x: (-x[0], x[1], x[2], x[3][0]))
    # which names occur in several countries -> no country attribute
    name_cc = collections.defaultdict(set)
    for share, yl, cc, eng, orig, short in recs:
        for e in eng:
            name_cc[fold(e)].add(cc)

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
        if all(t in COMMON_WORDS for t in toks) and len(toks) <= 2 and "party" not in toks:
            return False
        return True

    # a spelling used by several different parties is only kept as a canonical name
    canon_names = set()
    alias_owners = collections.defaultdict(set)
    for share, yl, cc, eng, orig, short in recs:
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
    for share, yl, cc, eng, orig, short in recs:
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
        g.add(canon, country=country, rank=rank)
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
    g.write()


# ---------------------------------------------------------------------------
# Hand-written news organisations (nerx project)
# ---------------------------------------------------------------------------

# The organisations a news reader meets every day and the open lists lack or
# get wrong: news agencies, newspapers and broadcasters, central banks,
# stock exchanges, legislatures, sports bodies, NGOs, armed groups.
#
# One organisation a line: the canonical name, then ` | ` and its aliases.
# `@kind` lines set the kind of the lines after them; `;CC` after the
# canonical name gives the country.  A trailing `!` on a surface means
# case=exact, `^` case=cap (a word that is also common in lower case);
# all-capital acronyms are case=exact anyway.  A surface listed here is
# owned by this list: other files' entity entries for it with another
# canonical name are left out (IOC is the Olympic committee, not the olive
# council; BBC the broadcaster, not a Bible college).
NEWS_ORGS = """
@news-agency
Reuters | Reuters News Agency | Thomson Reuters Foundation
Associated Press ;US | AP!
Agence France-Presse ;FR | Agence France Presse | AFP!
Xinhua ;CN | Xinhua News Agency | New China News Agency
Interfax ;RU | Interfax-Ukraine
TASS ;RU | ITAR-TASS! | Itar-Tass! | Itar Tass | ITAR TASS! | Tass^
RIA Novosti ;RU | RIA!
Sputnik News ;RU
Kyodo ;JP | Kyodo News | Kyodo News Agency
Jiji Press ;JP | Jiji
Yonhap ;KR | Yonhap News Agency | Yonhap News
Korean Central News Agency ;KP | KCNA!
Bernama ;MY
Antara News Agency ;ID
Asian News International ;IN | ANI!
Press Trust of India ;IN | PTI!
Indo-Asian News Service ;IN | IANS!
United News of India ;IN | UNI!
United Press International ;US | UPI!
Deutsche Presse-Agentur ;DE | dpa! | DPA!
ANSA ;IT | Agenzia Nazionale Stampa Associata
Agencia EFE ;ES | EFE! | Efe^
Anadolu Agency ;TR | Anadolu! | Anadolu News Agency | ANADOLU!
Kazinform ;KZ
Trend News Agency ;AZ | Trend^
AKIpress ;KG
Ukrinform ;UA
UNIAN ;UA
BelTA ;BY | Belarusian Telegraph Agency
Polish Press Agency ;PL
Czech News Agency ;CZ | CTK!
Bulgarian News Agency ;BG | BTA!
Tanjug ;RS
HINA ;HR | Croatian News Agency
Lusa ;PT
Agerpres ;RO
Belga ;BE
Australian Associated Press ;AU
Canadian Press ;CA
Press Association ;GB
Ritzau ;DK
Islamic Republic News Agency ;IR | IRNA!
Iranian Students' News Agency ;IR | ISNA!
Fars News Agency ;IR
Tasnim News Agency ;IR | Tasnim
Mehr News Agency ;IR
Saudi Press Agency ;SA
Emirates News Agency ;AE | WAM!
Kuwait News Agency ;KW | KUNA!
Qatar News Agency ;QA | QNA!
Middle East News Agency ;EG
Syrian Arab News Agency ;SY | SANA!
WAFA ;PS | Wafa^ | Palestinian News and Information Agency
Petra News Agency ;JO
Notimex ;MX
Prensa Latina ;CU
Bloomberg News ;US | Bloomberg L.P. | Bloomberg LP | Bloomberg Television | Bloomberg TV
Dow Jones Newswires ;US
@newspaper
New York Times ;US | NYT!
Wall Street Journal ;US | WSJ!
Washington Post ;US
Los Angeles Times ;US | LA Times | L.A. Times
USA Today ;US
Chicago Tribune ;US
Boston Globe ;US
San Francisco Chronicle ;US
New York Post ;US
New York Daily News ;US
Newsday ;US
Miami Herald ;US
Houston Chronicle ;US
Financial Times ;GB | FT!
The Times ;GB | Times of London | The Times of London
Sunday Times ;GB
The Guardian ;GB
The Observer ;GB
The Independent ;GB
Daily Telegraph ;GB | The Telegraph | Sunday Telegraph
Daily Mail ;GB | Mail on Sunday | MailOnline
Daily Mirror ;GB | The Mirror
The Sun ;GB
Evening Standard ;GB | London Evening Standard
The Economist ;GB
International Herald Tribune | IHT!
Le Monde ;FR
Le Figaro ;FR
Les Echos ;FR
Le Parisien ;FR
Der Spiegel ;DE | Spiegel Online
Die Zeit ;DE
Frankfurter Allgemeine Zeitung ;DE | Frankfurter Allgemeine | FAZ!
Sueddeutsche Zeitung ;DE | Süddeutsche Zeitung
Handelsblatt ;DE
Die Welt ;DE
Bild ;DE | Bild-Zeitung | Bild am Sonntag
El Pais ;ES | El País
El Mundo ;ES
La Vanguardia ;ES
La Repubblica ;IT
Corriere della Sera ;IT
La Stampa ;IT
Il Sole 24 Ore ;IT
Neue Zuercher Zeitung ;CH | Neue Zürcher Zeitung | NZZ!
De Telegraaf ;NL
NRC Handelsblad ;NL
Le Soir ;BE
Kommersant ;RU
Izvestia ;RU
Pravda ;RU
Vedomosti ;RU
Rossiyskaya Gazeta ;RU
Novaya Gazeta ;RU
Moscow Times ;RU
Kyiv Post ;UA | Kiev Post
Kyiv Independent ;UA
Gazeta Wyborcza ;PL
Hurriyet ;TR | Hürriyet | Hurriyet Daily News
Milliyet ;TR
Cumhuriyet ;TR
Haaretz ;IL
Jerusalem Post ;IL
Times of Israel ;IL
Yedioth Ahronoth ;IL
Al-Ahram ;EG | Al Ahram
Asharq Al-Awsat | Asharq al-Awsat
Al-Hayat | Al Hayat
Gulf News ;AE
Khaleej Times ;AE
Arab News ;SA
The Hindu ;IN
Times of India ;IN
Hindustan Times ;IN
Indian Express ;IN
Economic Times ;IN
Straits Times ;SG
South China Morning Post ;HK | SCMP!
China Daily ;CN
Global Times ;CN
People's Daily ;CN
Asahi Shimbun ;JP | Asahi
Yomiuri Shimbun ;JP | Yomiuri
Mainichi Shimbun ;JP | Mainichi
Nihon Keizai Shimbun ;JP | Nikkei Asia | Nikkei Asian Review
Japan Times ;JP
Korea Herald ;KR
Korea Times ;KR
JoongAng Ilbo ;KR
Chosun Ilbo ;KR
Sydney Morning Herald ;AU
Globe and Mail ;CA
Toronto Star ;CA
National Post ;CA
Clarin ;AR | Clarín
O Globo ;BR
Folha de S.Paulo ;BR | Folha de Sao Paulo | Folha
Estado de S. Paulo ;BR | O Estado de S. Paulo | Estadao | Estadão
Mail & Guardian ;ZA
Newsweek ;US
Forbes ;US
Politico ;US
Axios ;US
The New Yorker ;US
Bloomberg Businessweek ;US | BusinessWeek | Business Week
Huffington Post ;US | HuffPost | HuffPost^
BuzzFeed News ;US
Breitbart News ;US | Breitbart
@broadcaster
BBC ;GB | British Broadcasting Corporation | BBC News | BBC World Service | BBC Radio
BBC One ;GB
BBC Two ;GB
BBC Three ;GB
BBC Four ;GB
BBC Scotland ;GB
BBC Wales ;GB
BBC Alba ;GB
BBC iPlayer ;GB
BBC Persian ;GB
BBC Arabic ;GB
CNN ;US | Cable News Network | CNN International
Al Jazeera ;QA | Al-Jazeera | Aljazeera | al-Jazeera! | al Jazeera!
Al Arabiya ;AE | Al-Arabiya | al-Arabiya!
Sky News ;GB
ITV ;GB | ITN!
Channel 4 ;GB | Channel 4 News
CBS ;US | CBS News
NBC ;US | NBC News
ABC ;US | ABC News
Fox News ;US | Fox News Channel
MSNBC ;US
CNBC ;US
PBS ;US | Public Broadcasting Service
NPR ;US | National Public Radio
Voice of America ;US | VOA!
Radio Free Europe/Radio Liberty ;US | RFE/RL! | Radio Free Europe | Radio Liberty
Radio Free Asia ;US
Deutsche Welle ;DE
France 24 ;FR
Radio France Internationale ;FR | RFI!
Euronews
Russia Today ;RU
Channel One Russia ;RU
NHK ;JP
China Central Television ;CN
China Global Television Network ;CN | CGTN!
Phoenix Television | Phoenix TV
KBS ;KR | Korean Broadcasting System
MBC | Munhwa Broadcasting Corporation
SBS | Seoul Broadcasting System | Special Broadcasting Service
NDTV ;IN
Doordarshan ;IN
Geo News ;PK | Geo TV
Press TV ;IR
TRT ;TR | Turkish Radio and Television
CBC ;CA | Canadian Broadcasting Corporation | CBC News
Australian Broadcasting Corporation ;AU
RTL
ZDF ;DE
ARD ;DE
ORF ;AT
RAI ;IT | RAI TV
TF1 ;FR
RTVE ;ES
Al Mayadeen ;LB
Al-Manar ;LB | Al Manar
Khabar Agency ;KZ
@central-bank
Federal Reserve ;US | Fed^ | Federal Reserve Board | Federal Reserve System
Federal Reserve Bank of New York ;US | New York Fed
Bank of England ;GB | BoE^ | BOE!
Bank of Japan ;JP | BOJ! | BoJ^
People's Bank of China ;CN | PBOC! | PBoC^
Bundesbank ;DE | Deutsche Bundesbank
Banque de France ;FR | Bank of France
Bank of Italy ;IT | Banca d'Italia
Bank of Spain ;ES | Banco de Espana | Banco de España
Swiss National Bank ;CH | SNB!
Riksbank ;SE | Sveriges Riksbank
Norges Bank ;NO
Danmarks Nationalbank ;DK
De Nederlandsche Bank ;NL
National Bank of Belgium ;BE
Austrian National Bank ;AT | Oesterreichische Nationalbank
Central Bank of Ireland ;IE
National Bank of Poland ;PL | NBP!
Czech National Bank ;CZ | CNB!
Hungarian National Bank ;HU | National Bank of Hungary | Magyar Nemzeti Bank
National Bank of Romania ;RO
Bank of Russia ;RU | Central Bank of Russia | Central Bank of the Russian Federation
National Bank of Ukraine ;UA | NBU!
National Bank of Kazakhstan ;KZ
Central Bank of Turkey ;TR | Central Bank of the Republic of Turkey | CBRT!
Reserve Bank of India ;IN
Reserve Bank of Australia ;AU | RBA!
Reserve Bank of New Zealand ;NZ | RBNZ!
Bank of Canada ;CA
Bank of Korea ;KR | BOK!
Bank of Thailand ;TH
Bank Indonesia ;ID
Bank Negara Malaysia ;MY | Bank Negara
Monetary Authority of Singapore ;SG
Hong Kong Monetary Authority ;HK | HKMA!
State Bank of Pakistan ;PK
Bangladesh Bank ;BD
Central Bank of Brazil ;BR | Banco Central do Brasil
Bank of Mexico ;MX | Banco de Mexico | Banco de México | Banxico
Central Bank of Argentina ;AR | Banco Central de la Republica Argentina
Central Bank of Chile ;CL
South African Reserve Bank ;ZA | SARB!
Central Bank of Nigeria ;NG | CBN!
Central Bank of Egypt ;EG
Saudi Central Bank ;SA | Saudi Arabian Monetary Authority | Saudi Arabian Monetary Agency | SAMA!
Central Bank of Iran ;IR
Bank of Israel ;IL
Central Bank of Kenya ;KE
Bank of Ghana ;GH
@government
Treasury^ | Treasury Department | HM Treasury | Her Majesty's Treasury
Kremlin ;RU
Pentagon ;US
United States Congress ;US
United States Senate ;US
United States House of Representatives ;US
House of Commons ;GB
House of Lords ;GB
Bundestag ;DE
Bundesrat ;DE
State Duma ;RU | Duma^
Federation Council ;RU
Knesset ;IL
Lok Sabha ;IN
Rajya Sabha ;IN
National People's Congress ;CN
Sejm ;PL
Verkhovna Rada ;UA | Rada^
Mazhilis ;KZ | Majilis
Politburo^
Downing Street ;GB | 10 Downing Street
Elysee Palace ;FR | Elysee^ | Élysée | Élysée Palace
@exchange
New York Stock Exchange ;US | NYSE! | Big Board
Nasdaq ;US | NASDAQ! | Nasdaq Stock Market
London Stock Exchange ;GB
Tokyo Stock Exchange ;JP
Hong Kong Stock Exchange ;HK | Hong Kong Exchanges and Clearing | HKEX! | HKEx^
Shanghai Stock Exchange ;CN
Shenzhen Stock Exchange ;CN
Bombay Stock Exchange ;IN
National Stock Exchange of India ;IN | NSE!
Euronext
Deutsche Boerse ;DE | Deutsche Börse | Frankfurt Stock Exchange
SIX Swiss Exchange ;CH
Moscow Exchange ;RU | MICEX!
Toronto Stock Exchange ;CA | TSX!
Australian Securities Exchange ;AU | ASX!
Korea Exchange ;KR
Taiwan Stock Exchange ;TW
Singapore Exchange ;SG | SGX!
Johannesburg Stock Exchange ;ZA | JSE!
Borsa Istanbul ;TR
Saudi Stock Exchange ;SA | Tadawul
Kazakhstan Stock Exchange ;KZ | KASE!
Astana International Exchange ;KZ | AIX!
Chicago Mercantile Exchange ;US
Chicago Board of Trade ;US | CBOT!
Chicago Board Options Exchange ;US | CBOE!
London Metal Exchange ;GB | LME!
New York Mercantile Exchange ;US
Intercontinental Exchange ;US
@intl
United Nations | U.N.!
United Nations Security Council | UN Security Council | U.N. Security Council
United Nations General Assembly | UN General Assembly | U.N. General Assembly
@sports-body
International Olympic Committee | IOC!
FIFA | Federation Internationale de Football Association
UEFA | Union of European Football Associations
International Cricket Council
World Anti-Doping Agency | WADA!
Court of Arbitration for Sport
World Athletics | International Association of Athletics Federations | IAAF!
International Tennis Federation | ITF!
Association of Tennis Professionals | ATP!
Women's Tennis Association | WTA!
National Basketball Association ;US | NBA!
National Football League ;US | NFL!
National Hockey League | NHL!
Major League Baseball ;US | MLB!
National Collegiate Athletic Association ;US | NCAA!
NASCAR ;US
Professional Golfers' Association
@ngo
Amnesty International | Amnesty^
Human Rights Watch | HRW!
Greenpeace
Medecins Sans Frontieres | Médecins Sans Frontières | Doctors Without Borders | MSF!
Transparency International
Reporters Without Borders | Reporters Sans Frontieres | Reporters sans frontières
Committee to Protect Journalists | CPJ!
Oxfam | Oxfam International
Save the Children
World Wildlife Fund | World Wide Fund for Nature | WWF!
World Economic Forum | WEF!
Bill & Melinda Gates Foundation | Gates Foundation | Bill and Melinda Gates Foundation
Open Society Foundations
@intl
Financial Action Task Force | FATF!
Eurasian Economic Union | EAEU!
Commonwealth of Independent States | CIS!
Collective Security Treaty Organization | CSTO!
International Energy Agency | IEA!
Islamic Development Bank | IsDB^
Eurasian Development Bank
European Bank for Reconstruction and Development | EBRD!
Asian Development Bank | ADB!
African Development Bank | AfDB^
Inter-American Development Bank | IDB!
New Development Bank
@rating-agency
Standard & Poor's | S&P! | S&P Global Ratings
Moody's | Moody's Investors Service
Fitch Ratings
@armed-group
Taliban | Taleban
al-Qaeda | al-Qaeda! | Al-Qaeda | al Qaeda! | Al Qaeda | al-Qaida! | Al-Qaida | Al Qaida | al Qaida!
Islamic State | ISIS! | ISIL! | Daesh | Islamic State of Iraq and the Levant | Islamic State of Iraq and Syria
Hezbollah ;LB | Hizbollah | Hizbullah | Hezbolla
Islamic Jihad
Boko Haram ;NG
al-Shabaab | al-Shabaab! | Al-Shabaab | al-Shabab! | Al-Shabab | al Shabaab! | Al Shabaab
Houthi movement ;YE | Ansar Allah | Ansarallah
Kurdistan Workers' Party | PKK! | Kurdistan Workers Party
People's Protection Units | YPG!
Syrian Democratic Forces ;SY | SDF!
Hayat Tahrir al-Sham ;SY | HTS!
Nusra Front | al-Nusra Front | Jabhat al-Nusra | Al-Nusra Front
Irish Republican Army ;GB | IRA! | Provisional IRA
ETA ;ES | Euskadi Ta Askatasuna
Revolutionary Armed Forces of Colombia ;CO | FARC!
National Liberation Army ;CO | ELN!
Shining Path ;PE
Liberation Tigers of Tamil Eelam ;LK | LTTE! | Tamil Tigers
Lashkar-e-Taiba ;PK | Lashkar-e-Toiba
Jaish-e-Mohammed ;PK | Jaish-e-Muhammad
Tehrik-i-Taliban Pakistan ;PK | Pakistani Taliban
Muslim Brotherhood
Ku Klux Klan ;US | KKK!
Kosovo Liberation Army
Palestine Liberation Organization ;PS | PLO! | Palestine Liberation Organisation | Palestinian Liberation Organisation
Polisario Front | Polisario
Sudan People's Liberation Army ;SS | SPLA!
Rapid Support Forces ;SD
Janjaweed ;SD
Abu Sayyaf ;PH
Jemaah Islamiyah
Al-Aqsa Martyrs' Brigades ;PS | Al-Aqsa Martyrs Brigades
Red Brigades ;IT
Wagner Group ;RU
@party
Labour Party ;GB
Conservative Party ;GB | Tories | Tory Party | Conservative and Unionist Party
Liberal Democrats ;GB | Lib Dems
Scottish National Party ;GB | SNP!
Republican Party ;US | GOP! | G.O.P.!
Democratic Party ;US
Kuomintang ;TW | KMT!
Communist Party of China ;CN | Chinese Communist Party | CCP!
Bharatiya Janata Party ;IN | BJP!
Indian National Congress ;IN | Congress Party | Congress party
United Russia ;RU
Christian Democratic Union ;DE | CDU!
Christian Social Union ;DE | CSU!
Social Democratic Party of Germany ;DE | SPD!
Alternative for Germany ;DE | AfD^
Likud ;IL
Sinn Fein ;GB | Sinn Féin
Amanat ;KZ | Nur Otan
"""


def news_surfaces():
    """Parse NEWS_ORGS: [(kind, canonical, country, [(surface, case)])]."""
    out = []
    kind = None
    for line in NEWS_ORGS.strip().split("\n"):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("@"):
            kind = line[1:]
            continue
        parts = [p.strip() for p in line.split(" | ")]
        head, _, cc = parts[0].partition(" ;")
        forms = []
        for p in [head] + parts[1:]:
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
        out.append((kind, forms[0][0], cc.strip() or None, forms))
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
            "exchanges, legislatures, sports bodies, NGOs, armed groups, party short names",
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


QUALIFIERS = {"ni", "uk", "gb", "england", "scotland", "wales", "northern ireland", "usa", "us"}


def looks_like_person(s):
    """'Dale Lang', 'Julia Burness': a given name and one or two more capitalised words."""
    toks = s.split()
    if not 2 <= len(toks) <= 3 or any(not re.fullmatch(r"[A-Z][a-z'\-]+|[A-Z]\.?", t) for t in toks):
        return False
    if fold(toks[0]) not in REF["given_top"]:
        return False
    heads = {fold(w) for w in words(ORG_HEADS)}
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


# Single words GATE lists as companies that are the company in news although
# they are also a surname, place or word (nerx project).
GATE_COMPANY_OK = {"Toyota", "Nokia", "Siemens", "Unilever", "Tesco", "Nestle", "Nestlé", "Philips",
                   "Bombardier", "Intel", "Intuit", "Hutchison", "Sainsbury's", "Heineken",
                   "Carlsberg", "Reebok", "Ikea", "Renault", "Peugeot", "Citroen", "Bayer",
                   "Airbus", "Daimler", "Volvo", "Saab", "Ericsson", "Fiat", "Pirelli", "Michelin"}
# Three-letter company acronyms well enough known to be matched as written
# (other three-letter acronyms in the GATE lists are too ambiguous).
GATE_ACRONYM_OK = set(words("""
AEG AMD ANZ AOL AXA BHP BMW BOC BTR DAF DHL EDF GEC GKN GTE ICI JAL JVC KDD KFC KPN MCI MTV
NCR NEC NKK NTT NWA QVC RBS THQ TRW TWA UPS USX WWE
"""))
# Shouted names in the GATE lists that are names, not acronyms.
GATE_SHOUTED = {"AMOCO": "Amoco", "EXXON": "Exxon", "RICOH": "Ricoh", "NYNEX": "Nynex", "AFL-CIO": "AFL-CIO", "ALCOA": "Alcoa", "AMGEN": "Amgen"}
# GATE company entries that are no company (a team, a union, a person, an
# index), a common word, or a name nearly always meaning something else.
GATE_COMPANY_SKIP = set(words("""
Mercosur Rover Jaguar Orange Virgin Shell Delta Continental Target Gap Sprint Subway Crown
Dominion Premier Imperial Metro Total Quaker Paramount Sharp Seat Sage Quest Eagle Fox Ford Cox
Duke Grant Halifax Hampshire Arlington Brunswick Amazon Apple Boots Caterpillar Courier Tribune
Nationwide Mainstream Citizen Customers Concert Courage Dana Elisa Genie Kelly Kay Lilly
Meredith Owens Reed Reynolds Thomson Thorn Norton Dresser Boone Baxter Cameron Cooper Dexter
Hughes Lear Mead Abbott Achilles Aeneas Hermes Edison Elders Ayer Burroughs Sunset Synergy Vale
Loot Genus Eureka Abbey Abacus Beefeater Blockbuster Cliffs Crimson Cypress Deluxe Dome
Equitable Meridian Metaphor Pentagram Prodigy Quantum Regency Sailor Telecom Time Fortune
Guardian Observer Express Mirror Sun Times Post Standard Herald Chronicle Caledonia Reuters AP
BBC ITV ACME FTSE Topix GMO IPO KGB NHS N.H.S. C.S.P.A. CSPA DOW TNT Academi Apache Arcadian
Argonne Ascii Barlaston Braintree Brixton Candela Carbide Cathay Collagen Commodore Conus Cubic
Curzon Delphi Diploma Entree Ethyl Evergreen Fabrik Fidelity Fossil Gateway Glacier Gruppo
Harvard Hanne Heineman Holdsworth Hussman Ignite Ince Khashoggi Krypton Lambda Lepton Liem Magma
Marines Melrose Miti Nautilus Occidental Orbis Orioles Ortho Pacha Pall Peruvian Pirates
Pressman Pressmans Pritzker Proton Quercus Resolution Rotarian Salim Salman Scoot Scriven
Shaftesbury Signet Sidley Spread Stac Stet Summa Teamsters Telco Telekom Tilda Tati Ultra Valve
Vesuvius Vitro Vulcan Whitewater Yankees Westfield Wickes Woolwich Waxman Penske Burnet Dods
Debartolo Oberoi Bose Aoki Okamoto Furukawa Kitagawa Komatsubara Onoda Manpower Storehouse
Kingfisher Greyhound Wrangler Shazam Rockstar Yell Ovum Wartburg Coalport Ogilvy Scripps
Harcourt Nelsons Astra Huon Sahlen Sime Gmfanuc Armstorng Mortorola Matsuhsita Peugot Whirpool
Vodaphone Experien Marstellar Sgs-Thompson Voicestrean Tele-Commmunications Windbond
"""))
GATE_COMPANY_SKIP |= {"Dow Jones", "Dale Lang", "Dale W Lang", "World Press", "Julia Burness", "Sak's",
                      "Mortimer's", "Northern Star", "Analog Devices", "Banana Republic",
                      "Arctic Cat", "Jack in the Box", "Los Angeles Daily News",
                      "Independent Digital", "Academy of Sciences", "Sioux Tribe", "Beta 2",
                      "The Bedford Estate", "Crazy Eddie"}


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

SMALL_INITIAL_WORDS = {"of", "for", "and", "the", "in", "on", "&", "to", "at", "de"}


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


GATE_ORG_SKIP = set(words("""
Bank Catholic Catholics Protestant Protestants Nazi Jihad Nats NATS Epsi EPSI Exchequer INA MPC
NAPP NTB SSL PSL SLD CEC CEE HINA EC Army ARMY Cabinet Congress Conservatives Government House
Naval Navy NAVY Parliament Police Republican Senate Tories TREASURY Treasury UNSCUM Jihad
SDP ASI A.S.I. Q.U.I.T. N.A.S.D.A. NASDA Pentagon PENTAGON GOP IRA SEC Sandia Unicef katv FT WP QUIT Q.U.I.T. BDA Acet JDF
DOT FAA FBI HUD IRS JPL NCSL NRL NTSB DTI
"""))
GATE_ORG_SKIP |= {
    "Gulf Peace Team", "Peoples Party", "Red Party", "Polish Peasants", "Ohio state Supreme Court",
    "Party of the Radical Left", "Democratic Left Party", "Progressive Left Party",
    "Democratic Communist Party", "Communist Party", "Fatherland and Freedom", "Northern Alliance",
    "C B I", "C E C", "C E E", "U N", "S D P", "S E C", "Air Force", "Army Corps", "Federal Government",
    "Labour Government", "Naval Operations", "State Senate", "the Fed", "The Fed", "the House",
    "the Police", "Tory Government", "Tory Party", "Transport and Health Departments", "United Front",
    "Highway Department", "Independent Digital", "The Finanical Times Limited", "the Sun", "the Times",
    "Body Positive", "Children In Need", "Children in Need", "the Link Project",
    "Advocate General for Scotland", "Solicitor General", "Law Officers", "Law Officers' Departments",
    "Leader of The House of Lords and Minister for Women", "High Court judge", "County Court Bulk Centre",
    "Christian Democrats", "Social Democrats", "Republicans", "Liberals", "Copa Libertadores",
    "Boston red sox", "red sox", "Museums and Galleries", "Green Party", "New Party", "BRIC",
    "African League of Nations", "Criminal Procedure Rule Committee", "Channel 50", "Fox TV",
    "Magiv 105.4FM", "Independent on Sunday", "Investor's Daily", "De Standard", "Le Matin",
}
GATE_ORG_FIX = {"BBC Radio Cambridgeshir": "BBC Radio Cambridgeshire", "BBC Radio Stok": "BBC Radio Stoke",
                "LA PRESSE": "La Presse", "LE TEMPS": "Le Temps", "CONSERVATIVE PARTY": "Conservative Party",
                "LABOUR PARTY": "Labour Party", "DATA CAPTURE AGENCY": "Data Capture Agency",
                "UNITED NATIONS": "United Nations", "Charterred Institute of Purchasing and Supply":
                "Chartered Institute of Purchasing and Supply", "Taleban": "Taliban"}
GATE_ORG_LISTS = [
    # (list, kind, names may be made of common words)
    ("organization.lst", None, False),
    ("newspapers.lst", "newspaper", False),
    ("tvcompany.lst", "broadcaster", False),
    ("radio_stations_uk.lst", "broadcaster", True),
    ("charities.lst", "charity", False),
    ("political_party.lst", "party", False),
    ("government__org-political.lst", "party", False),
    ("agency.lst", "government", False),
    ("department.lst", "government", False),
    ("ministry.lst", "government", True),
    ("government.lst", "government", True),
    ("government__govt-departments-ministerial.lst", "government", True),
    ("government__govt-departments-non-ministerial.lst", "government", True),
    ("government__govt-departments-non-ministerial-old.lst", "government", True),
    ("government__executive-agencies.lst", "government", True),
    ("government__executive-agencies-old.lst", "government", True),
    ("government__public-bodies-non-departmental.lst", "government", False),
    ("government__org-law.lst", "court", True),
    ("government__org-military.lst", "military", True),
    ("government__org-other.lst", None, True),
    ("team.lst", "team", False),
    ("mlb-teams.lst", "team", False),
    ("nba-teams.lst", "team", False),
    ("nfl-teams.lst", "team", False),
]
# lists whose generic names (no proper noun in them) are left out; the UK
# department lists name British bodies only ('Home Office')
GATE_GENERIC_LISTS = {"organization.lst", "agency.lst", "department.lst", "ministry.lst", "government.lst",
                      "government__org-law.lst", "government__org-military.lst",
                      "government__org-other.lst", "charities.lst", "newspapers.lst"}
GATE_ABBR_LISTS = ["government__govt-departments-ministerial-abbreviations.lst",
                   "government__govt-departments-non-ministerial-abbreviations.lst",
                   "government__executive-agencies-abbreviations.lst"]
# UK department abbreviations that are also everyday words or other things
UK_ABBR_SKIP = {"FSA", "FAS", "GEO", "MOT", "CE", "RM", "IR", "LO", "SO", "WO", "HO", "DH", "fFSA", "CLG", "BIS",
                "BSC", "FSC", "OPG", "RFS", "IPS", "ARA", "COI", "LCD", "NSG", "PCO", "DSS", "DNH"}


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


ORG_SMALL_WORDS = {"for", "in", "to", "with", "by", "a", "an", "at", "on", "of", "and", "the", "&",
                   "products", "incorporating"}


# Words of generic organisation names ('Academy of Sciences', 'County Court',
# 'Chamber of Commerce'): such a name is usually part of a longer one (the
# Russian Academy of Sciences, the Florida Supreme Court) that the head-word
# rule finds whole, so a gazetteer entry for it would only cut that short.
GENERIC_ORG_WORDS = set(words("""
appeals sciences deputies magistrates magistrates' circuit elections administrative municipal
regional agriculture culture affairs investigation aeronautics aviation postal naval forces
statistics archives economic social studies supreme federal national state central general
"""))


def generic_org_name(s):
    heads = {fold(w) for w in words(ORG_HEADS)}
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

# British counties that are also foreign cities or provinces: the county is
# what English news means, so cities.tsv and admin1.tsv leave the other out
# (the first place entry loaded for a surface wins).
UK_COUNTY_FIRST = {"Kent", "Surrey", "Orkney", "Durham", "Midlands"}

# Short county names (Herts, Lancs) and their counties.
UK_COUNTY_SHORT = {"Berks": "Berkshire", "Royal Berks": "Berkshire", "Royal Berkshire": "Berkshire",
                   "Hants": "Hampshire", "Herts": "Hertfordshire", "Lancs": "Lancashire",
                   "Northants": "Northamptonshire", "Oxon": "Oxfordshire", "North Yorks": "North Yorkshire",
                   "South Yorks": "South Yorkshire", "West Yorks": "West Yorkshire"}
UK_REGION_SKIP = {"Bucks", "Borders", "Highland", "Avon", "Belfast", "Cleveland", "Ards", "Moyle",
                  "Castlereagh"}
NI_COUNTIES = {"Antrim", "Armagh", "Down", "Fermanagh", "Londonderry", "Tyrone"}
IE_COUNTIES = set(words("""
Carlow Cavan Clare Cork Donegal Galway Kerry Kildare Kilkenny Laois Leitrim Limerick Longford
Louth Mayo Meath Monaghan Offaly Roscommon Sligo Tipperary Waterford Westmeath Wexford Wicklow
"""))
UK_REGION_KIND = {"Dartmoor": "region", "Exmoor": "region", "East Anglia": "region",
                  "Northumbria": "region", "West Midlands": "region", "Midlands": "region",
                  "Snowdonia": "region"}
# GATE country.lst spellings the country files lack, and their ISO codes.
GATE_COUNTRY_ALIAS = {"Malvinas": "FK", "N. Korea": "KP", "N Korea": "KP", "S. Korea": "KR",
                      "S Korea": "KR", "Kazakstan": "KZ", "Kirghizistan": "KG", "Irak": "IQ",
                      "Surinam": "SR", "Guinea Bissau": "GW", "Turks and Caicos": "TC",
                      "US Virgin Islands": "VI", "Saint Vincent": "VC",
                      "Former Yugoslav Republic of Macedonia": "MK", "Wallis & Futuna": "WF",
                      "Saint-Pierre and Miquelon": "PM", "South Sandwich Islands": "GS"}
GATE_REGION_FIX = {"the Far East": "Far East", "W Indies": None, "W. Indies": None,
                   "South East Asia": None, "West Europe": None, "The Gulf": None, "the Gulf": None,
                   "The Persian Gulf": None, "the Persian Gulf": None, "Bassin Pacifique": None,
                   "Bay of Pigs": None, "Eastern Bloc": None, "Cook Island": None, "Providencia": None,
                   "San Andres": None, "Antarctic": None}
GATE_REGION_ALIAS = {"W Indies": "West Indies", "W. Indies": "West Indies",
                     "South East Asia": "Southeast Asia", "Spitzbergen": "Spitsbergen"}
# province.lst entries that are not (or no longer) places news names, or
# that mean something else in English text.
GATE_PROVINCE_SKIP = set(words("""
Jacksons Smiths Cascade Glacis Ouest Litoral Pest Colonia Baja Ilhas Irian Ellesmere Cheviot
Waverley Woodville Eltham Malvern Clutha Kiwitea Raglan Runanga Waimea Hawera Patea Tuapeka
Masterton Ohinemuri Silverpeaks Strathallan Piako Oroua Paparua Waimate Opotiki Hurunui Waipa
Waipawa Wairoa Amuri Akaroa Ashburton Mangonui Hokianga Whangaroa Kairanga Pahiatua Pohangina
Eketahuna Dannevirke Hikurangi Inangahua Maniototo Matamata Otamatea Otorohanga Rangiora
Rangitikei Taumarunui Waiapu Waihemo Waikohu Waimairi Waimarino Waitotara Wairewa Westland
Bordjbou Algsu Icel Afic Nator Feni Magura Mirdite Puke Fier Tov Seti Kosi Mechi Rapti Bheri
Karnali Lumbini Gandaki Narayani Bagmati Janakpur Sagarmatha Mahakali Dhawalagiri Naviyani
Laviyani Daalu Waavu Vavau Haapai Truk Ponape Aana Anetan Biminis Chelm Maluka Makira Glacis
Satupaitea Gagaemauga Gagaifomauga Faasaleleaga Curepipe Praslin Nariva Caroni Roscommon
Dibre Permet Puke Skrapar Tepelene Tropoje Kolonje Librazhd Lushnje Pogradec Sarande Gramsh Kukes
Kruje Lezhe Jundubah Qabis Qafsah Qibili Safaqis Susah Tatawin Tawzar Silyanah Zaghwan Nabul
Madanin Bajah Banzart Bayrut Halab Hims Dahuk Ninawa Sadah Marib Sitrah Farwaniyyah
Abruzzi Acores Afyon Akhaia Arkadhia Atjeh Attiki Djambi Djogjakarta Jogjakarta Yogyakara
Dhodhekanisos Evritania Evvoia Fokis Fthiotis Kardhitsa Kefallinia Kerkira Khalkidhiki Khania
Kikladhes Kilkis Lakonia Lasithi Levkas Magnisia Messinia Rethimni Rodhopi Voiotia Zakinthos
Smec Kabol Kondoz Parvan Vardak Lowgar Konar Bamian Nurestan Mus Olt Raa Oio Uvs Azua Fogo
Gumma Jaipurhat Chattagram Borguna Chuadanga Gaibandha Gopalganj Habiganj Jhalakati Jhenaidah
Khagrachari Kishorganj Kurigram Laksmipur Lalmonirhat Madaripur Manikganj Meherpur Moulavibazar
Munshiganj Naogaon Narail Netrakona Nilphamari Noakhali Panchagar Patuakhali Pirojpur Rajbari
Shariyatpur Sunamganj Thakurgaon Arhangay Darhan Dzavhan Hovsgol Erdenet Rigali Butare Byumba
Cyangugu Gikongoro Gitarama Kibungo Kibuye Ruhengeri Chikwawa Chiradzulu Chitipa Dedza Dowa
Karonga Kasungu Kasupe Mangochi Mchinji Mulanje Mzimba Ncheu Nsanje Ntchisi Rumphi Thyolo
Ciechanow Krosno Leszno Lomza Ostroleka Piotrkow Przemysl Siedlce Sieradz Skierniewice Slupsk
Suwalki Tarnobrzeg Zamosc Mikhaylovgrad Khaskovo Dimbovita Vilcea Arges Komarom Makedonija
Frederiksborg Ribe Ringkobing Roskilde Storstrom Vejle Viborg Fyn Sonderjylland Nordjylland
Vestsjaelland Nordgronland Ostgronland Vestgronland Cottbus Neubrandenburg Suhl Schwarzheide
Karnten Niederosterreich Oberosterreich Steiermark Tirol Luzern Zug Hainaut Bornholm Planken
Evros Grevena Imathia Ioannina Kastoria Kavala Korinthia Kozani Lesvos Pieria Preveza Samos
Serrai Thesprotia Trikala Xanthi Khios Kyreni Argolis Shkoder Korce Gjirokaster Elaz Tisza
Azilal Boulemane Chaouen Essaouira Figuig Ifrane Ouarzazate Taounate Taroudannt Tiznit
Hadramawt Esfahan Bakhtaran Khorasan Kordestan Urfa Amasya Jacksons Dauphin Egmont Heathcote
Pella Salima Aliff Manaia Abaco
"""))
GATE_PROVINCE_SKIP |= {"New Brunswic", "British Colombia", "N Ireland"}


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
        g.add(s, kind="town", country="GB", rank=int(r["population"] or 0) or None, case=cs)
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


# Places news names every day that the open lists lack (nerx project):
# `name|alias|alias...` per line; `@kind` and `;CC` as in NEWS_ORGS.
US_STATE_ABBR = """
Ala.:Alabama Ariz.:Arizona Ark.:Arkansas Calif.:California Colo.:Colorado
Conn.:Connecticut Del.:Delaware Fla.:Florida Ga.:Georgia Ill.:Illinois Ind.:Indiana
Kan.:Kansas Kans.:Kansas Ky.:Kentucky La.:Louisiana Md.:Maryland Mass.:Massachusetts
Mich.:Michigan Minn.:Minnesota Miss.:Mississippi Mo.:Missouri Mont.:Montana Neb.:Nebraska
Nebr.:Nebraska Nev.:Nevada N.H.:New_Hampshire N.J.:New_Jersey N.M.:New_Mexico N.Y.:New_York
N.C.:North_Carolina N.D.:North_Dakota N.Dak.:North_Dakota Okla.:Oklahoma Ore.:Oregon
Oreg.:Oregon Pa.:Pennsylvania R.I.:Rhode_Island S.C.:South_Carolina
S.D.:South_Dakota S.Dak.:South_Dakota Tenn.:Tennessee Tex.:Texas Va.:Virginia Vt.:Vermont
Wash.:Washington W.Va.:West_Virginia Wis.:Wisconsin Wisc.:Wisconsin Wyo.:Wyoming
D.C.:District_of_Columbia
"""
CA_PROVINCE_ABBR = """
Ont.:Ontario Que.:Quebec Alta.:Alberta Sask.:Saskatchewan Nfld.:Newfoundland_and_Labrador
"""

NEWS_PLACES = """
@region
Near East
Far East
Central Europe
Western Hemisphere
Eastern Hemisphere
Southern Hemisphere
Northern Hemisphere
Asia Minor
Korean Peninsula
Arabian Peninsula
Iberian Peninsula
Balkan Peninsula
Crimean Peninsula
Pacific Rim
South Pacific
Transcaucasia
Central Eurasia
Siberia
Patagonia
Kashmir
Jammu and Kashmir
Kurdistan
Iraqi Kurdistan
Donbas | Donbass
Darfur
Sinai | Sinai Peninsula
Golan Heights | Golan
Gaza Strip
Transnistria | Trans-Dniester | Transdniestria
Nagorno-Karabakh | Karabakh
South Ossetia
Abkhazia
Chechnya
Dagestan
Balochistan | Baluchistan
Bengal
Anatolia
Mesopotamia
Benelux
Lapland
Riviera | French Riviera
Sahara | Sahara Desert
Western Sahara
Kalahari | Kalahari Desert
Gobi | Gobi Desert
Negev | Negev Desert
Amazonia
Appalachia
Great Plains
Midwest | Middle West
Deep South
Pacific Northwest
New England
Silicon Valley
Bay Area | San Francisco Bay Area
Rust Belt
Sun Belt
West Coast
East Coast
Scottish Highlands
Lake District
Cotswolds
Home Counties
Ulster
Fergana Valley | Ferghana Valley | Fergana
Semirechye
Tibetan Plateau
Pamirs | Pamir Mountains | Pamir
Tian Shan | Tien Shan
Hindu Kush
Karakoram
Himalaya | Himalayas
Alps
Andes
Urals | Ural Mountains
Rockies | Rocky Mountains
Carpathians | Carpathian Mountains
Caucasus Mountains
Altai | Altai Mountains
Kilimanjaro | Mount Kilimanjaro
Mount Everest | Everest
@water
Black Sea
Caspian Sea
Red Sea
Mediterranean Sea | Mediterranean
South China Sea
East China Sea
Yellow Sea
Sea of Japan
Sea of Okhotsk
Baltic Sea
North Sea
Norwegian Sea
Barents Sea
Aegean Sea | Aegean
Adriatic Sea | Adriatic
Ionian Sea
Arabian Sea
Aral Sea
Dead Sea
Sea of Azov
Sea of Marmara
Irish Sea
Celtic Sea
Caribbean Sea
Coral Sea
Tasman Sea
Bering Sea
Arctic Ocean
Atlantic Ocean
Pacific Ocean
Indian Ocean
Southern Ocean
Gulf of Aden
Gulf of Oman
Gulf of Guinea
Gulf of Finland
Gulf of Thailand
Gulf of Mexico
Strait of Hormuz
Strait of Malacca | Malacca Strait
Taiwan Strait
Bosphorus | Bosporus
Dardanelles
Strait of Gibraltar
Kerch Strait
English Channel
Suez Canal
Panama Canal
Bab el-Mandeb | Bab al-Mandab
Lake Baikal | Baikal
Lake Balkhash | Balkhash
Lake Victoria
Lake Geneva
Lake Tanganyika
Lake Superior
Lake Michigan
Lake Erie
Lake Ontario
Lake Chad
Yangtze | Yangtze River
Yellow River
Mekong | Mekong River
Danube | Danube River
Rhine | Rhine River
Volga | Volga River
Dnieper | Dnipro River
Don River
Ob River
Yenisei
Irtysh | Irtysh River
Syr Darya
Amu Darya
Ili River
Ganges | Ganges River
Indus | Indus River
Brahmaputra
Euphrates | Euphrates River
Tigris | Tigris River
Jordan River
Nile River | River Nile
Congo River
Niger River
Zambezi | Zambezi River
Limpopo
Mississippi River
Missouri River
Rio Grande
Colorado River
St. Lawrence River | Saint Lawrence River
Amazon River
Orinoco
Parana River
River Thames | Thames River
Seine
Loire
Elbe
Oder
Vistula
Tagus
Po River
"""


def build_places_news(canon):
    g = Gaz("places-news.tsv", "places news names every day that the open lists lack: regions, seas, "
            "rivers, mountain ranges; US state and Canadian province abbreviations (Calif., Ont.)",
            "nerx project", LIC_HAND, type_="place")
    for text, cc in ((US_STATE_ABBR, "US"), (CA_PROVINCE_ABBR, "CA")):
        for item in text.split():
            abbr, _, full = item.partition(":")
            full = full.replace("_", " ")
            # abbreviations with a period: capitalised in the text (Ill., Mass., Ore.)
            g.add(abbr, name=full, kind="admin1", country=cc, case="cap")
    kind = None
    for line in NEWS_PLACES.strip().split("\n"):
        line = line.strip()
        if not line:
            continue
        if line.startswith("@"):
            kind = line[1:]
            continue
        forms = [clean(p) for p in line.split(" | ")]
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
# (CLDR).  The CLDR rules' separator dots and prime marks are dropped and
# "ë" is written "e", as English news does.
_RU_VOWELS = set("аеёэиоуыюя")
_RU_SIMPLE = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "ж": "zh", "з": "z", "и": "i",
    "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ь": "", "ы": "y", "э": "e", "ю": "yu", "я": "ya",
}


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

    def emit(self, g):
        for f, (s, rank, order) in self.d.items():
            cs = "exact" if (" " not in s and is_common(s)) else None
            g.add(s, rank=rank, order=order, case=cs)


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


CJKV = {"CN", "KR", "VN", "TW", "HK", "SG", "KP", "MO"}


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
    bag.emit(g)
    g.write()
    REF["given_all"] = set(bag.d)


def census_count(rank, pct):
    """People with the surname in the 1990 US census (approx. below rank ~15000)."""
    if pct > 0:
        return int(round(pct / 100.0 * 248709873))
    return max(1, int(round(248709873 * 0.00001 * (15000.0 / max(rank, 1)) ** 1.1)))


# The 1990 census drops apostrophes: OBRIEN is O'Brien.
IRISH_O = {n: n[0] + "'" + n[1:] for n in words("""
OBRIEN OCONNOR OCONNELL ODONNELL ONEIL ONEILL OSULLIVAN OMALLEY OHARA OREILLY OROURKE
OKEEFE OLEARY ODONOGHUE OBRYANT OTOOLE ODANIEL OQUINN OGRADY OSHEA OHANLON OKANE
OFARRELL OFLAHERTY OMEARA OCALLAGHAN OKELLEY OGORMAN OMARA OBANNON OBOYLE OCONNELL
ODWYER OKELLY OLOUGHLIN OMALLEY ONEAL ODELL_ DANGELO DAMICO DAMATO DALESSANDRO DAGOSTINO
DANDREA DAVANZO
""") if not n.endswith("_")}


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

# Curated core (nerx project).  "surface|value|case"; value defaults to the
# normalised surface.  Combinations (deputy X, vice X, X and Y) are left to the
# linker, except fixed titles such as "vice president" or "vice-chancellor".
# One title per line: surface|value|case|attributes (key=value ...); empty
# fields take the defaults. kind=address: also a form of address before a
# name ("Professor Shinji Kaneko"), which alone says no office.
TITLE_CORE = """
president
vice president
vice-president
VP|vice president|exact
EVP|executive vice president|exact
SVP|senior vice president|exact
prime minister
PM|prime minister|exact
premier
vice premier
chancellor
vice-chancellor
vice chancellor
pro-vice-chancellor
rector
pro-rector
prorector|pro rector
vice-rector
provost
dean
academician
professor|||kind=address
lecturer
research fellow
fellow
minister
foreign minister
finance minister
defence minister
defense minister
interior minister
health minister
education minister
economy minister
trade minister
energy minister
justice minister
agriculture minister
labour minister
labor minister
culture minister
transport minister
environment minister
home minister
information minister
oil minister
industry minister
science minister
sports minister
tourism minister
digital minister
emergency situations minister
secretary
secretary of state
secretary of defense
secretary of the treasury
treasury secretary
state secretary
permanent secretary
press secretary
cabinet secretary
party secretary
general secretary
secretary-general
secretary general
under secretary
under-secretary
undersecretary
attorney general
attorney-general
solicitor general
ambassador
envoy
special envoy
special representative
consul
consul general
consul-general
high commissioner
governor
lieutenant governor
governor-general
governor general
mayor
lord mayor
akim
hokim
chairman
chairwoman
chairperson
chair
chief executive
chief executive officer
CEO|chief executive officer|exact
chief financial officer
CFO|chief financial officer|exact
chief operating officer
COO|chief operating officer|exact
chief technology officer
CTO|chief technology officer|exact
chief information officer
CIO|chief information officer|exact
chief marketing officer
CMO|chief marketing officer|exact
chief investment officer
chief economist
chief strategist
chief scientist
chief of staff
managing director
director
director general
director-general
general director
executive director
general manager
manager
head
chief
managing partner
senior partner
partner
principal
headmaster
headmistress
headteacher
head teacher
superintendent
commissioner
police commissioner
chief constable
judge
chief justice
justice
magistrate
prosecutor
prosecutor general
prosecutor-general
procurator general
attorney
lawyer
barrister
solicitor
ombudsman
auditor general
comptroller
treasurer
registrar
speaker
MP|member of parliament|exact
MEP|member of the european parliament|exact
member of parliament
member of the european parliament
senator
congressman
congresswoman
representative
assemblyman
assemblywoman
lawmaker
legislator
councillor
councilor
councilman
councilwoman
alderman
spokesman
spokeswoman
spokesperson
press officer
editor
editor-in-chief
editor in chief
managing editor
executive editor
news editor
political editor
correspondent
foreign correspondent
reporter
journalist
columnist
commentator
analyst
economist
strategist
historian
scientist
researcher
engineer
architect
physician
doctor
surgeon
nurse
coach
head coach
captain
general
lieutenant general
lieutenant-general
major general
major-general
brigadier general
brigadier
admiral
rear admiral
colonel
lieutenant colonel
lieutenant-colonel
Major|major|exact
lieutenant
sergeant
corporal
commander
commander-in-chief
commander in chief
field marshal
marshal
air marshal
commodore
king
queen
prince
princess
crown prince
emperor
empress
sultan
emir
duke
duchess
earl
baron
baroness
countess
marquis
pope
cardinal
archbishop
bishop
patriarch
imam
grand mufti
mufti
rabbi
chief rabbi
ayatollah
supreme leader
pastor
priest
chaplain
abbot
first lady
first minister
chief minister
taoiseach
tanaiste
chancellor of the exchequer
home secretary
foreign secretary
defence secretary
state counsellor
state councillor
trustee
board member
detective
inspector
chief inspector
constable
police chief
sheriff
coroner
diplomat
adviser
advisor
consultant
national security adviser
Gen.|general|exact
Lt.|lieutenant|exact
Col.|colonel|exact
Maj.|major|exact
Capt.|captain|exact
Sgt.|sergeant|exact
Cpl.|corporal|exact
Pvt.|private|exact
Adm.|admiral|exact
Cmdr.|commander|exact
Cdr.|commander|exact
Brig.|brigadier|exact
Gov.|governor|exact
Lt. Gov.|lieutenant governor|exact
Sen.|senator|exact
Rep.|representative|exact
Pres.|president|exact
Supt.|superintendent|exact
Insp.|inspector|exact
Det.|detective|exact
Lt. Gen.|lieutenant general|exact
Maj. Gen.|major general|exact
Brig. Gen.|brigadier general|exact
Lt. Col.|lieutenant colonel|exact
Rear Adm.|rear admiral|exact
Vice Adm.|vice admiral|exact
Atty. Gen.|attorney general|exact
Sec.|secretary|exact
Amb.|ambassador|exact
Cllr|councillor|exact
Cllr.|councillor|exact
"""

MINISTRY_TOPICS = """education;finance;foreign affairs;defence;defense;health;interior;internal affairs;
justice;economy;economic development;national economy;trade;trade and integration;energy;agriculture;
labour;labor;labour and social protection;culture;culture and information;transport;environment;ecology;
science and higher education;higher education;education and science;information;information and
social development;digital development;industry;industry and infrastructural development;
emergency situations;emergencies;social protection;tourism;sports;tourism and sports;youth;
communications;home affairs;state;commerce;investment;foreign trade;water resources;natural resources;
public health;internal security;national defence;national defense;the interior;energy and mining;
finance and economy;economy and finance;planning;public works;housing;women;women and equality;
family;culture and tourism;science;technology;science and technology"""

TITLE_ABBR = {
    "lt": "lieutenant", "col": "colonel", "gen": "general", "maj": "major", "capt": "captain",
    "cdr": "commander", "cmdr": "commander", "comdr": "commander", "adm": "admiral",
    "brig": "brigadier", "sgt": "sergeant", "serg": "sergeant", "det": "detective",
    "insp": "inspector", "const": "constable", "ch": "chief", "sec": "second", "fst": "first",
    "flt": "flight", "gp": "group", "grp": "group", "sqd": "squadron", "squ": "squadron",
    "ldr": "leader", "wg": "wing", "pte": "private", "cdre": "commodore", "tech": "technical",
    "supt": "superintendent", "gov": "governor", "sen": "senator", "rep": "representative",
    "pres": "president", "cpl": "corporal", "pvt": "private", "cllr": "councillor",
    "vp": "vice president", "c.e.o": "chief executive officer", "c.f.o": "chief financial officer",
    "v.p": "vice president",
}


def norm_title(s):
    s = s.strip().lower()
    toks = []
    for t in re.split(r"\s+", s):
        t0 = t.rstrip(".")
        if t0 in TITLE_ABBR and (t.endswith(".") or t0 in ("lt", "gen", "col", "maj", "capt", "sgt",
                                                           "cdr", "adm", "brig", "flt", "wg", "sqd",
                                                           "squ", "ldr", "gp", "grp", "fst", "sec",
                                                           "pte", "cdre", "tech", "det", "ch", "insp",
                                                           "const", "serg", "comdr", "cmdr", "vp")):
            toks.append(TITLE_ABBR[t0])
        else:
            toks.append(t)
    s = " ".join(toks)
    s = re.sub(r"(?<=[a-z])-(?=[a-z])", " ", s)
    s = s.replace("serjeant", "sergeant")
    return re.sub(r"\s+", " ", s).strip()


TITLE_HEADS = set(words("""
president minister premier chancellor rector provost dean professor lecturer fellow
secretary ambassador envoy consul commissioner governor mayor chairman chairwoman
chairperson chair executive officer director manager head chief partner principal
headmaster headmistress headteacher superintendent judge justice magistrate prosecutor
attorney lawyer counsel barrister solicitor ombudsman auditor comptroller controller
treasurer registrar speaker senator congressman congresswoman representative
assemblyman assemblywoman lawmaker legislator councillor councilor councilman
councilwoman alderman spokesman spokeswoman spokesperson editor correspondent reporter
journalist columnist commentator analyst economist strategist historian scientist
researcher engineer architect physician doctor surgeon nurse coach captain general
admiral colonel lieutenant sergeant corporal commander marshal brigadier commodore
king queen prince princess emperor empress sultan emir duke duchess earl baron
baroness countess marquis pope cardinal archbishop bishop patriarch imam mufti rabbi
ayatollah pastor priest chaplain abbot detective inspector constable sheriff coroner
diplomat adviser advisor consultant economist statistician epidemiologist virologist
psychologist psychiatrist pharmacist dentist veterinarian chemist physicist biologist
geologist astronomer mathematician sociologist anthropologist archaeologist linguist
accountant banker trader broker designer photographer writer author novelist poet
artist actor actress singer musician composer conductor filmmaker producer astronaut
pilot librarian curator archivist scholar investigator planner administrator
trustee warden deputy leader secretary-general director-general vice-president
undersecretary attache attaché envoy negotiator mediator
"""))

NEWS_SINGLE = set(words("""
economist analyst reporter journalist lawyer coach attorney editor columnist
correspondent historian scientist researcher engineer architect physician surgeon
nurse diplomat consultant adviser advisor strategist statistician epidemiologist
virologist psychologist psychiatrist pharmacist dentist veterinarian chemist physicist
biologist geologist astronomer mathematician sociologist anthropologist archaeologist
linguist accountant banker trader broker designer photographer novelist poet composer
conductor filmmaker producer astronaut pilot librarian curator archivist prosecutor
judge magistrate barrister solicitor professor lecturer teacher principal dean provost
rector detective inspector sheriff coroner mayor governor senator ambassador
commissioner superintendent auditor treasurer comptroller registrar spokesman
spokeswoman spokesperson chairman chairwoman chairperson president director manager
minister secretary officer executive
"""))


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
    for line in TITLE_CORE.strip().split("\n"):
        parts = line.split("|")
        s = parts[0].strip()
        v = parts[1].strip() if len(parts) > 1 and parts[1].strip() else norm_title(s)
        cs = parts[2].strip() if len(parts) > 2 else None
        extra = dict(a.split("=", 1) for a in parts[3].split()) if len(parts) > 3 else {}
        g.add(s, value=v, case=cs, **extra)
    topics = [clean(t) for t in re.split(r";", MINISTRY_TOPICS.replace("\n", " ")) if clean(t)]
    for t in topics:
        for pat in ("minister of %s", "minister for %s", "ministry of %s"):
            s = pat % t
            if s.startswith("ministry"):
                continue
            g.add(s, value=norm_title(s))
    # GATE lists
    skip_fr = {"capitaine", "amiral", "sergent", "commandant", "commissaire", "maréchal",
               "général", "lieutenant-commandant", "sous-lieutenant", "lieutenant général",
               "lieutenant-général", "premier ministre", "commissar", "commissars"}
    honor = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "madam", "madame", "mademoiselle",
             "mlle", "mme", "mme.", "messr", "messr.", "messrs", "messrs.", "monsieur", "sir",
             "lord", "lady", "dr", "dr.", "prof.", "rev.", "reverend", "right hon", "right hon.",
             "sheik", "sister", "esq", "esq.", "doctor"}
    for lst in ("title.lst", "title_male.lst", "title_female.lst", "title_lower.lst",
                "title_pol.lst", "title_mil.lst", "government__cabinet-positions.lst",
                "jobtitles.lst"):
        for s in read_lst(lst):
            s = clean(s)
            if not s:
                continue
            low = s.lower()
            if low in honor or low in skip_fr or "(" in s or "," in s or " -" in s or "- " in s:
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


ONET_GROUPS = {"11", "13", "15", "17", "19", "21", "23", "25", "27", "29", "33", "55"}
ONET_EXTRA_CODES = {"53-2011", "53-2012", "53-5021"}


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
    for line in """vice deputy acting interim executive honorary assistant associate senior first
                   co- joint junior adjunct visiting""".split():
        g.add(line)
    for s, st in (("former", "former"), ("ex", "former"), ("ex-", "former"), ("then", "former"),
                  ("then-", "former"), ("late", "former"), ("retired", "former"),
                  ("erstwhile", "former"), ("onetime", "former"), ("one-time", "former"),
                  ("emeritus", "former"), ("emerita", "former"), ("past", "former"),
                  ("incoming", "future"), ("designate", "future"), ("-designate", "future"),
                  ("elect", "future"), ("-elect", "future"), ("future", "future"),
                  ("outgoing", "current"), ("sitting", "current"), ("current", "current"),
                  ("incumbent", "current")):
        g.add(s, status=st)
    g.write()


HONORIFICS = """
Mr Mr. Mrs Mrs. Ms Ms. Miss Mx Mx. Messrs Messrs. Dr Dr. Drs Drs. Prof Prof. Sir Dame Lord Lady
H.E. Rev. Rev Revd Reverend Hon. Hon Honourable Honorable Sheikh Sheik Shaikh Sheikha Madame
Madam Mme Mme. Mlle Mlle. Monsieur Herr Frau Señor Señora Señorita Sra. Srta. Signor Signora Sig.
Shri Shrimati Smt. Datuk Dato Dato' Datin Tun Tunku Tengku Haji Hajji Hajah Fr.|exact Esq Esq.
"""


def build_honorifics():
    g = Gaz("honorifics.tsv", "forms of address before a name (Mr, Dr., H.E., Sheikh, ...)",
            "nerx hand-written list; %s prefix lists of Latin-script locales" % FAKER,
            "MIT AND nerx project (hand-written)", type_="honorific")
    for tok in HONORIFICS.split():
        s, _, cs = tok.partition("|")
        g.add(s, case=cs or None)
    for loc, rec in faker_locales():
        for s in faker_names(rec, "prefix"):
            s = clean(s)
            if not s or len(re.sub(r"[^A-Za-z]", "", strip_accents(s))) < 2:
                continue
            if fold(s) in ("bay", "bayan", "pan", "kak", "bsc", "msc", "phd.", "dl"):
                continue  # Turkish Bay/Bayan and Polish Pan are ordinary words in English text
            cs = "exact" if is_common(s.rstrip(".")) or fold(s) in ("dna", "dra") else None
            g.add(s, case=cs)
    build_honorifics_extra(g)
    g.write()


NAME_ENDINGS = [
    ("ov", None), ("ova", None), ("ev", None), ("eva", None), ("yev", None), ("yeva", None),
    ("ayev", None), ("iyev", None), ("bayev", None), ("bekov", None), ("ovich", "family-first"),
    ("evich", "family-first"), ("ovna", "family-first"), ("evna", "family-first"),
    ("uly", "family-first"), ("kyzy", "family-first"), ("qyzy", "family-first"),
    ("ovych", None), ("ivna", None), ("ulu", None), ("oglu", None), ("oğlu", None),
    ("enko", None), ("chuk", None), ("yuk", None), ("shvili", None), ("dze", None),
    ("idze", None), ("yan", None), ("ski", None), ("sky", None), ("skiy", None),
    ("skyi", None), ("ska", None), ("skaya", None), ("wicz", None), ("czyk", None),
    ("ović", None), ("ovic", None), ("ević", None), ("evic", None), ("escu", None),
    ("eanu", None), ("zadeh", None), ("sson", None), ("dottir", None), ("dóttir", None),
    ("opoulos", None), ("akis", None), ("idis", None), ("uddin", None), ("ullah", None),
    ("ayeva", None), ("bayeva", None), ("bekova", None), ("ovsky", None), ("evsky", None),
]


def build_name_endings():
    g = Gaz("name-endings.tsv", "surname/patronymic endings marking an unknown capitalised word as a name",
            "nerx project", LIC_HAND, type_="name-ending",
            attribution="order=family-first marks a patronymic: the full name is written surname first")
    for e, order in NAME_ENDINGS:
        g.add("-" + e, order=order)
    g.write()


def build_honorifics_extra(g):
    for s in ("Tan Sri", "Datuk Seri", "Dato' Sri", "Dato Sri", "His Excellency",
              "Her Excellency", "His Majesty", "Her Majesty", "His Holiness",
              "His Royal Highness", "Her Royal Highness", "His Highness", "Her Highness",
              "Right Honourable", "Rt Hon", "Rt. Hon.", "The Honourable"):
        g.add(s)


# ---------------------------------------------------------------------------
# Organisation designators and place heads
# ---------------------------------------------------------------------------

ORG_HEADS = """
Hotel Fellowship Division Force Forces Bros. Orchestra Philharmonic Choir Library
Newsroom Newsdesk Gallery Theatre Theater Zoo
University Universities Academy Institute Institution College School Polytechnic
Conservatory Conservatoire Seminary Lyceum Ministry Department Agency Bank Council
Committee Commission Organisation Organization Association Federation Confederation
Union Party Corporation Company Group Exchange Board Office Court Tribunal Fund
Foundation Society Hospital Clinic Church Cathedral Mosque Synagogue Monastery Club
Airlines Airways Airline Railways Railway Authority Bureau Centre Center Service
Services Trust League Assembly Parliament Congress Senate Army Navy Police Times Post
News Press Journal Gazette Herald Tribune Chronicle Telegraph Magazine Network
Laboratory Laboratories Labs Museum Administration Directorate Secretariat Coalition
Movement Observatory Brigade Regiment Battalion Corps Command Guard Holdings Industries
Enterprises Partners Ventures Technologies Systems Solutions Pharmaceuticals Motors
Petroleum Mining Broadcasting Television Studios Records Pictures Entertainment
Insurance Bancorp Securities Investments Brands Stores Hotels Resorts Institutes
Consortium Cooperative Co-operative Syndicate Guild Brotherhood Chamber Agencies
"""

# Events, awards, laws and works: a capitalised phrase ending in one of these
# is not a person, organisation or place (Summer Olympics, Berlin Grand Prix).
MISC_HEADS = """
Olympics Games Cup Championship Championships Open Prix Festival War Wars Revolution
Award Awards Prize Prizes Medal Trophy Series Marathon Declaration Treaty Accord
Accords Act Doctrine Summit Symposium Expo Exhibition Biennale Tournament Classic
Derby Rally Grand Slam Uprising Crisis Massacre Offensive Campaign Operation
"""

PLACE_HEADS = """
San Santa Santo São Sankt
Kingdom Duchy Grand Duchy Principality Margraviate Electorate Emirate Sultanate Khanate
Viceroyalty Commonwealth Diocese Archdiocese Prefecture Governorate
Drive Lane Palace Arena Stadium Hall Empire Cemetery Monument Pass Peak Peaks Ridge
River Lake Lakes Mountain Mountains Mount Mt. Island Islands Isle Isles Province County
Region District Valley Sea Ocean Bay Gulf Peninsula Desert Strait Straits Canal Channel
Basin Plateau Highlands Hills Hill Range Delta Coast Oblast Oblysy Krai Kray Governorate
Prefecture Voivodeship Canton Territory Territories City Town Village Square Street
Avenue Boulevard Road Park Beach Harbour Harbor Airport Bridge Dam Reservoir Glacier
Volcano Falls Cape Archipelago Atoll Fjord Lagoon Steppe Forest Oasis Springs Creek
Heights Plains Sands Estates Parkway Emirate Republic State Municipality Borough
Quarter Township Raion Rayon
"""


def build_org_designators():
    g = Gaz("org-designators.tsv", "organisation head words, company legal-form suffixes, place head words",
            "nerx hand-written lists; %s org_base.lst, org_key.lst, org_ending.lst, loc_key.lst; "
            "%s company_legal_entity_type (Latin-script locales)" % (GATE, FAKER),
            "LGPL-3.0 AND MIT",
            attribution="GATE ANNIE gazetteer lists, LGPL-3.0; faker locale data, MIT; "
                        "hand-written parts: nerx project")
    for w in words(ORG_HEADS):
        g.add(w, type="org-head")
    for s in read_lst("org_base.lst") + read_lst("org_key.lst"):
        s = clean(s)
        if not s or s.isupper() or not s[0].isupper() or not is_latin(s):
            continue
        if any(c in "àâçéèêëîïôûùüÿ" for c in s.lower()):
            continue
        if s in ("Drew", "Rouge", "Ware", "Care", "Gestion", "Recherche", "Capital", "Federal",
                 "International", "Enterprise", "Equitable", "Reserve", "Design", "Marine",
                 "Press", "Medical", "Education", "Financial", "Electric", "Gas", "Radio",
                 "Media", "Motor", "Rescue", "Crew", "Ensemble", "Plant", "Estate", "Community",
                 "Comprehensive", "Workers", "Etat", "Eglise", "Caisse", "Usine", "Syndicat",
                 "Societe", "Institut", "Conseil", "Banque", "Agence", "Agences", "Groupe",
                 "Laboratoire", "Laboratoires", "Partenaires", "Partenariat", "Clinique",
                 "Petrole", "Energie", "Electriques", "Magasins", "Investissements",
                 "Pharmaceutiques", "Industriale", "Affaires", "Technologie", "Assoc",
                 "Kennels", "Pottery", "Circus", "Wanderers", "Acquisition", "Savings",
                 "Optical", "Containers", "Engines", "Computer", "Tours", "Boats", "Trains",
                 "Drilling", "Mining", "Aircraft", "Examinations", "Affairs",
                 "Secure Electronic Transaction", "Boat Company", "Fire Rescue", "Pharmacare",
                 "Interstate", "Newsdesk", "Newsroom", "Examination Board", "Commodities"):
            continue
        if len(s.split()) == 1 and is_common(s) and s not in words(ORG_HEADS):
            continue
        g.add(s, type="org-head")
    suffixes = """International Worldwide Inc Inc. Incorporated Corp Corp. Corporation Co. Ltd Ltd. Limited LLC L.L.C. LLP
                  LP L.P. PLC Plc plc P.L.C. GmbH AG KG KGaA SE SA S.A. S.A.S. SAS SARL Sarl
                  NV N.V. BV B.V. SpA S.p.A. Srl S.r.l. AB ASA AS A/S ApS Oy Oyj KK K.K. Pty
                  Pty. Bhd Berhad Sdn Tbk PT Ltda S.L. S.A.B. OAO ZAO PAO JSC LLP"""
    for s in suffixes.split():
        cs = "exact" if s.isupper() and len(s) <= 3 or s in ("Co.", "Oy", "Sdn") else None
        g.add(s, type="org-suffix", case=cs)
    for s in read_lst("org_ending.lst"):
        s = clean(s)
        if not s or "*" in s or ">" in s or " " in s and not s.endswith("Bhd"):
            continue
        if not re.search(r"[A-Z]", s) and "." not in s and s not in ("plc", "sa", "lda", "hf"):
            continue
        if s in ("BA", "CC", "EI", "UG", "SEM", "ASC", "ANS", "OE", "RAS", "SCR", "SKA", "ocD",
                 "ACE", "AD", "a.d.", "AE", "AFC", "A.F.C.", "FC", "F.C.", "RFC", "R.F.C.", "SC",
                 "S.C.", "EE", "NT", "PC", "SK", "DA", "CA", "sp", "td", "sa", "lda", "hf", "Bt",
                 "Kb", "Rt", "KD", "HB", "Kv", "Ky", "IBC", "TLS", "SAL", "LDC", "PMA", "VEB"):
            continue
        cs = "exact" if (s.isupper() and len(s) <= 4) else None
        g.add(s, type="org-suffix", case=cs)
    for loc, rec in faker_locales():
        for s in rec.get("company_legal_entity_type") or []:
            s = clean(s)
            if not s or not is_latin(s) or " " in s or is_common(s) or len(s) < 2:
                continue
            if s in ("Group", "Gruppe", "Groep", "Grupa", "Grupo", "Gruppo", "Groupe", "Sons",
                     "Investment", "Hermanos", "Comércio", "Combinatie", "Bedrijf", "Gruppen",
                     "BA", "CC", "EI", "UG", "SEM", "SKA", "SCR"):
                continue
            if s == s.lower():
                continue  # holdings, grupa
            cs = "exact" if s.isupper() and len(s) <= 4 else None
            g.add(s, type="org-suffix", case=cs)
    for w in words(PLACE_HEADS):
        g.add(w, type="place-head")
    for w in words(MISC_HEADS):
        g.add(w, type="misc-head")
    for s in read_lst("loc_key.lst"):
        s = clean(s)
        if not s or not s[0].isupper() or s.isupper() or "Head" in s or "Quarter" in s:
            continue
        if s in ("Wall", "Trail", "Station", "Stadium", "Castle", "Belt", "Base", "Barracks",
                 "Airbase", "Bay Area", "Everglades", "Headquarters"):
            continue
        g.add(s, type="place-head")
    g.write()


# ---------------------------------------------------------------------------
# Demonyms
# ---------------------------------------------------------------------------

DEMONYM_OVERRIDE = {
    "American": "US", "British": "GB", "English": "GB", "Scottish": "GB", "Welsh": "GB",
    "Northern Irish": "GB", "Irish": "IE", "Dutch": "NL", "Swiss": "CH", "Danish": "DK",
    "Swedish": "SE", "Finnish": "FI", "Norwegian": "NO", "Polish": "PL", "Spanish": "ES",
    "Turkish": "TR", "French": "FR", "Greek": "GR", "Cypriot": "CY", "Czech": "CZ",
    "Dominican": "DO", "Emirian": "AE", "Emirati": "AE", "Ivorian": "CI", "Laotian": "LA",
    "Malagasy": "MG", "Motswana": "BW", "Mozambican": "MZ", "Panamanian": "PA",
    "Peruvian": "PE", "Salvadoran": "SV", "Saudi": "SA", "Guamanian": "GU", "Swazi": "SZ",
    "Filipino": "PH", "Philippine": "PH", "Kyrgyz": "KG", "Tajik": "TJ", "Kazakh": "KZ",
    "Uzbek": "UZ", "Turkmen": "TM", "Azeri": "AZ", "Burmese": "MM", "Chinese": "CN",
    "Vietnamese": "VN", "Lebanese": "LB", "Sudanese": "SD", "Senegalese": "SN",
    "Congolese": "CD", "Maltese": "MT", "Portuguese": "PT", "Taiwanese": "TW",
    "Togolese": "TG", "Guyanese": "GY", "Surinamese": "SR", "Beninese": "BJ",
    "Gabonese": "GA", "Bhutanese": "BT", "Nepalese": "NP", "Nepali": "NP",
    "Bangladeshi": "BD", "Hong Konger": "HK", "Kiwi": "NZ", "Monegasque": "MC",
    "Luxembourgish": "LU", "Icelandic": "IS", "Thai": "TH", "Belarusian": "BY",
    "Slovene": "SI", "Slovenian": "SI", "Croatian": "HR", "Croat": "HR", "Serb": "RS",
    "Serbian": "RS", "Bosniak": "BA", "Kosovar": "XK", "Kosovan": "XK", "Macedonian": "MK",
    "Montenegrin": "ME", "Moldovan": "MD", "Armenian": "AM", "Azerbaijani": "AZ",
    "Afghan": "AF", "Pakistani": "PK", "Sri Lankan": "LK", "Maldivian": "MV",
    "Mongolian": "MN", "North Korean": "KP", "South Korean": "KR", "Korean": "KR",
    "Japanese": "JP", "Indonesian": "ID", "Malaysian": "MY", "Singaporean": "SG",
    "Bruneian": "BN", "Cambodian": "KH", "Khmer": "KH", "Iranian": "IR", "Persian": "IR",
    "Iraqi": "IQ", "Syrian": "SY", "Jordanian": "JO", "Israeli": "IL", "Palestinian": "PS",
    "Yemeni": "YE", "Omani": "OM", "Qatari": "QA", "Kuwaiti": "KW", "Bahraini": "BH",
    "Egyptian": "EG", "Libyan": "LY", "Tunisian": "TN", "Algerian": "DZ", "Moroccan": "MA",
    "Mauritanian": "MR", "Ethiopian": "ET", "Eritrean": "ER", "Somali": "SO",
    "Djiboutian": "DJ", "Kenyan": "KE", "Ugandan": "UG", "Tanzanian": "TZ", "Rwandan": "RW",
    "Burundian": "BI", "Nigerian": "NG", "Nigerien": "NE", "Ghanaian": "GH", "Malian": "ML",
    "Chadian": "TD", "Cameroonian": "CM", "Angolan": "AO", "Zambian": "ZM",
    "Zimbabwean": "ZW", "Namibian": "NA", "South African": "ZA", "Russian": "RU",
    "Ukrainian": "UA", "German": "DE", "Austrian": "AT", "Italian": "IT", "Belgian": "BE",
    "Romanian": "RO", "Bulgarian": "BG", "Hungarian": "HU", "Slovak": "SK",
    "Albanian": "AL", "Estonian": "EE", "Latvian": "LV", "Lithuanian": "LT",
    "Georgian": "GE", "Canadian": "CA", "Mexican": "MX", "Brazilian": "BR",
    "Argentine": "AR", "Argentinian": "AR", "Chilean": "CL", "Colombian": "CO",
    "Venezuelan": "VE", "Ecuadorian": "EC", "Bolivian": "BO", "Paraguayan": "PY",
    "Uruguayan": "UY", "Cuban": "CU", "Haitian": "HT", "Jamaican": "JM",
    "Australian": "AU", "New Zealander": "NZ", "Fijian": "FJ", "Indian": "IN",
    "Tajikistani": "TJ", "Uzbekistani": "UZ", "Kazakhstani": "KZ", "Turkmenistani": "TM",
    "Kyrgyzstani": "KG", "Vatican": "VA", "Scot": "GB", "Briton": "GB", "Brit": "GB",
    "Welshman": None, "Czechoslovak": None, "Czechoslovakian": None, "East German": None,
    "West German": None, "Yugoslav": None, "Yugoslavian": None, "Zairian": None,
    "Kurdish": None, "Scotch": None, "Southern Irish": None, "Western Samoan": "WS",
    "Tswana": "BW", "Mahoran": "YT",
}

# CLDR language codes whose English language name is also the nationality adjective.
LANG_COUNTRY = {
    "kk": "KZ", "uz": "UZ", "ky": "KG", "tg": "TJ", "tk": "TM", "az": "AZ", "mn": "MN",
    "zh": "CN", "ja": "JP", "ko": "KR", "vi": "VN", "th": "TH", "lo": "LA", "km": "KH",
    "my": "MM", "ms": "MY", "id": "ID", "fil": "PH", "tr": "TR", "hy": "AM", "ka": "GE",
    "ru": "RU", "uk": "UA", "be": "BY", "pl": "PL", "cs": "CZ", "sk": "SK", "hu": "HU",
    "ro": "RO", "bg": "BG", "sr": "RS", "hr": "HR", "bs": "BA", "sl": "SI", "mk": "MK",
    "sq": "AL", "el": "GR", "it": "IT", "es": "ES", "pt": "PT", "fr": "FR", "de": "DE",
    "nl": "NL", "da": "DK", "sv": "SE", "fi": "FI", "et": "EE", "lv": "LV", "lt": "LT",
    "is": "IS", "ga": "IE", "cy": "GB", "mt": "MT", "lb": "LU", "en": "GB", "so": "SO",
    "mg": "MG", "ne": "NP", "fa": "IR", "no": "NO",
}

ENGLISH_DEMONYM_END = ("an", "ese", "ish", "i", "ic", "er", "ch", "ot", "k", "kh", "z", "ss",
                       "sh", "y")


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
        n = canon.get(c)
        if not n:
            return
        cs = "exact" if is_common(s) else None
        g.add(s, country=c, name=n, case=cs)
        p = demonym_plural(s)
        if p:
            g.add(p, country=c, name=n, case="exact" if is_common(p) else None)

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
        if c and s not in ("Persian", "Kiwi", "Brit"):
            add(s, c)
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

EN_MONTH_EXTRA = [("Jan.", 1), ("Feb.", 2), ("Mar.", 3), ("Apr.", 4), ("Jun.", 6), ("Jul.", 7),
                  ("Aug.", 8), ("Sep.", 9), ("Sept", 9), ("Sept.", 9), ("Oct.", 10), ("Nov.", 11),
                  ("Dec.", 12)]
EN_DAY_EXTRA = [("Mon.", 1), ("Tue.", 2), ("Tues", 2), ("Tues.", 2), ("Wed.", 3), ("Thu.", 4),
                ("Thur", 4), ("Thur.", 4), ("Thurs", 4), ("Thurs.", 4), ("Fri.", 5), ("Sat.", 6),
                ("Sun.", 7)]
EN_EXACT = {"may", "march", "mar", "sun", "sat", "wed"}


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
    first = ["en", "fr", "de", "es", "it", "pt", "ru", "uk", "kk", "uz", "zh", "ja"]
    locs = [l for l in first if l in locs] + sorted(l for l in locs if l not in first)
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

# Function words that stay stop words even if some census surname equals them.
FORCE_STOP = set(words("""
the a an and of or but for nor so yet in on at by to from with without about as is
it its this that these those he she we they you i his her their our your my me him
them us who what which when where why how then there here not no yes all any each
every some one two three four five six seven eight nine ten first second third last
next also however meanwhile moreover today yesterday tomorrow do read still weeks
"""))


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


ABBREVIATIONS = """
Mr. Mrs. Ms. Mx. Dr. Drs. Prof. St. Ste. Mt. Ft. Jr. Sr. Inc. Ltd. Corp. Co. Bros. Cos.
Gen. Lt. Col. Maj. Capt. Sgt. Cpl. Pvt. Adm. Cmdr. Cdr. Brig. Gov. Sen. Rep. Rev. Revd.
Hon. Pres. Supt. Insp. Det. Dept. Univ. Assn. Assoc. Inst. Govt. Admin. Amb. Atty. Messrs.
Mme. Mlle. Esq. Fr. Jan. Feb. Mar. Apr. Jun. Jul. Aug. Sep. Sept. Oct. Nov. Dec. Mon. Tue.
Tues. Wed. Thu. Thur. Thurs. Fri. Sat. Sun. No. Nos. Vol. Vols. vs. etc. e.g. i.e. a.m.
p.m. A.M. P.M. U.S. U.K. U.N. E.U. U.S.A. U.A.E. U.S.S.R. D.C. N.Y. L.A. Ph.D. M.D. B.A.
M.A. M.Sc. B.Sc. LL.B. LL.M. M.B.A. H.E. approx. est. fig. Fig. pp. p. cf. al. ca. c.
Ave. Blvd. Rd. Sq. Hwy. Pl. Ct. Ln. Dist. Prov. Reg. Ph. Ed. Eds. eds. Jr Ala. Ariz. Ark.
Calif. Colo. Conn. Del. Fla. Ga. Ill. Ind. Kan. Ky. La. Md. Mass. Mich. Minn. Miss. Mo.
Mont. Neb. Nev. N.H. N.J. N.M. N.C. N.D. Okla. Ore. Pa. R.I. S.C. S.D. Tenn. Tex. Va. Vt.
Wash. Wis. Wyo. W.Va. Wisc. Kans. Nebr. Oreg. N.Dak. S.Dak. Ont. Que. Alta. Sask. Nfld. Nr. nr. Tel. tel. ext. Ext. Op. op. Art. Sec. Ch. Para. para. incl. excl.
Rt. Gp. Flt. Wg. Sqn. Lt.-Gen. Maj.-Gen. Lt.-Col.
"""


def build_abbreviations():
    g = Gaz("abbreviations.tsv", "words the tokenizer keeps together with their final period",
            "nerx project", LIC_HAND, type_="abbreviation")
    for s in ABBREVIATIONS.split():
        if not s.endswith("."):
            continue
        core = fold(s.rstrip(".").replace(".", ""))
        cs = None
        if s[0].isupper() and ((core in COMMON_WORDS and core not in ("mr", "mrs", "ms")) or
                               core in ("ill", "mass", "wash", "miss", "ind", "del", "mo", "pa",
                                        "ore", "ga", "la", "art", "op", "sec", "ch", "ed", "fig",
                                        "no", "nos", "vol", "est", "tel", "para", "ext")):
            cs = "exact"
        g.add(s, case=cs)
    g.write()


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
            key = (surf, attrs.get("type", header.get("type")), attrs.get("name", surf))
            if key in seen:
                problems.append("%s:%d: duplicate %r" % (fname, i, key))
            seen.add(key)
            if not (attrs.get("type") or header.get("type")):
                problems.append("%s:%d: no type" % (fname, i))
            sk = (fold(surf), surf)
            if prev is not None and sk < prev:
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
