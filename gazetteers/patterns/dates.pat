# nerx patterns: calendar dates (absolute and partial)
# source: nerx project (hand-written)
# licence: same as nerx
#
# name<TAB>type<TAB>regex. Named groups the date stage reads: year, month
# (a number or a month name), day, weekday, md1/md2 (a numeric day and month
# in the document's order), day2/year2 (the end of a range: the value is its
# start), yrel (a year said relative to the document date: "last year"), part
# (early, mid, late), decade, century, quarter, half, season (see
# src/patterns.h and src/dates.c). {MONTH} and {WEEKDAY} are every month and
# weekday name in the gazetteers (months.tsv, weekdays.tsv); {NUMBER},
# {ORDINAL}, {SEASON}, ... the temporal.tsv words of that kind; @define adds a
# macro for this file. Every pattern is a plain alternation or a bounded
# repetition: no nested unbounded quantifiers.
@define	DAY	(?:0?[1-9]|[12][0-9]|3[01])
@define	ORD	(?:st|nd|rd|th)
@define	YEAR	(?:1[0-9]{3}|20[0-9]{2})
@define	END	\b(?![-/.:]?\d)
@define	SEP	(?:\s*+,\s*+|\s++)
@define	DASH	(?:-|–|—)
@define	TO	(?:\s*+{DASH}\s*+|\s++(?i:to|through|until|till)\s++)
# "Friday, Oct. 23": a weekday before a date belongs to it
@define	WD	(?:(?<weekday>(?:Mon|Tue|Tues|Wed|Wednes|Thu|Thur|Thurs|Fri|Sat|Satur|Sun)(?:day)?|(?:MON|TUE|TUES|WED|WEDNES|THU|THUR|THURS|FRI|SAT|SATUR|SUN)(?:DAY)?)\.?,?\s++)?
@define	ENMONTH	(?:January|February|March|April|May|June|July|August|September|October|November|December|JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER)
# a year said in words: nineteen ninety-six, two thousand (and) one
@define	TENS	(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)
@define	TEEN	(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)
@define	YWORDS	(?i:(?:nineteen|twenty)[-\s](?:{TENS}(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine))?|{TEEN}|hundred)|two\s++thousand(?:\s++and)?(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine|{TEEN}|{TENS}(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine))?))?)
@define	YREL	(?<yrel>(?i:last|next|this|the\s++previous|the\s++following)\s++year)
# words that a number before them counts: "2000 people" is no year
# a street address: 1600 Pennsylvania Avenue
@define	STREET	(?:\s++(?:[[:upper:]][\w.'’-]*\s++){1,3}(?:Street|St\.?|Avenue|Ave\.?|Road|Rd\.?|Boulevard|Blvd\.?|Lane|Ln\.?|Drive|Dr\.?|Way|Place|Pl\.?|Court|Ct\.?|Square|Sq\.?|Highway|Hwy\.?|Parkway|Terrace|Crescent|Close|Strasse|Straße)\b)
@define	COUNTED	(?i:people|persons|men|women|children|kids|adults|employees|workers|jobs|troops|soldiers|police|officers|shares|votes|voters|tons|tonnes|barrels|dollars|dlrs|euros|pounds|yen|yuan|rupees|units|cars|vehicles|homes|houses|apartments|acres|hectares|miles|kilometres|kilometers|km|feet|ft|metres|meters|yards|points|students|members|cases|deaths|patients|copies|pages|words|times|rooms|seats|beds|companies|firms|stores|flights|passengers|visitors|tourists|residents|households|families|cattle|pieces|items|calories|degrees|square|cubic|mln|million|billion|bln|crore|lakh|to\s++\d)\b

# ---- full dates
month-day-year	date	\b{WD}(?<month>{MONTH})\.?\s++(?<day>{DAY}){ORD}?(?:{TO}(?<day2>{DAY}){ORD}?)?{SEP}(?<year>{YEAR}){END}
month-day-yearw	date	\b{WD}(?<month>{ENMONTH})\s++(?<day>{DAY}|{ORDINAL}){ORD}?{SEP}(?<year>{YWORDS})\b
day-month-year	date	\b{WD}(?<day>{DAY})(?:{ORD}|\.)?(?:{TO}(?<day2>{DAY})(?:{ORD}|\.)?)?\s++(?:(?i:of|de)\s++)?(?<month>{MONTH})\.?(?:{SEP}|\s++(?i:de|del)\s++)(?<year>{YEAR}){END}
iso-date	date	(?=[12])(?<![\d.-])(?<year>{YEAR})(?<sep>[-/.])(?<month>0?[1-9]|1[0-2])\k<sep>(?<day>0?[1-9]|[12][0-9]|3[01])(?:T[0-2]\d:[0-5]\d(?::[0-5]\d)?Z?)?(?![\d-]|\.\d)
numeric-date	date	(?<![\d/.-])(?<md1>0?[1-9]|[12][0-9]|3[01])(?<sep>[/.])(?<md2>0?[1-9]|[12][0-9]|3[01])\k<sep>(?<year>{YEAR}|'?[0-9]{2})(?![\w/]|[.-]\d)
# with dashes only a four-digit year: 05-07-2024, not a score (3-2-10)
numeric-date-dash	date	(?<![\d/.-])(?<md1>0?[1-9]|[12][0-9]|3[01])-(?<md2>0?[1-9]|[12][0-9]|3[01])-(?<year>{YEAR})(?![\w/]|[.-]\d)
cjk-date	date	(?<![\d])(?<year>{YEAR})\s*+年\s*+(?<month>1[0-2]|0?[1-9])\s*+月(?:\s*+(?<day>{DAY})\s*+[日号])?
cjk-month-day	date	(?<![\d年])(?<month>1[0-2]|0?[1-9])\s*+月\s*+(?<day>{DAY})\s*+[日号]
# November 6 last year, January next year
month-day-yrel	date	\b{WD}(?<month>{MONTH})\.?\s++(?<day>{DAY}{ORD}?|{ORDINAL}|{NUMBER}),?\s++{YREL}\b
month-yrel	date	\b(?:(?<part>(?i:early|mid|late|the\s++end\s++of|the\s++beginning\s++of|the\s++middle\s++of))[-\s]+)?(?<month>{ENMONTH})\s++(?:of\s++)?{YREL}\b
# ---- partial dates: month and day (the year from the document date)
month-day	date	\b(?:(?<rel>(?i:last|next|this\s++past|this\s++coming))\s++)?{WD}(?<month>{MONTH})\.?\s++(?<day>{DAY}){ORD}?(?:{TO}(?<day2>{DAY}){ORD}?\b)?\b(?![-/.:,]?\s*+\d)(?!\s*+(?i:percent|per\s++cent|%|points?|mln|million|billion|pct))
day-month-w	date	\b(?i:the)\s++(?<day>{ORDINAL})\s++(?i:of)\s++(?<month>{ENMONTH})\b(?:,?\s++(?<year>{YEAR})\b)?
month-dayw	date	\b{WD}(?<month>{ENMONTH})\s++(?:the\s++)?(?<day>{ORDINAL})\b(?![-\s](?i:quarter|half|time|place|round|class|step|stage|phase|anniversary|century|day|week|month|year))
day-month	date	\b{WD}(?:the\s++)?(?<day>{DAY}){ORD}?(?:{TO}(?:the\s++)?(?<day2>{DAY}){ORD}?)?\s++(?:of\s++)?(?<month>{MONTH})\b\.?(?!\s*+{DASH}?\s*+\d)
# the week of March 6
week-of	date	\b(?i:the\s++(?<unit>week)\s++of)\s++(?<month>{MONTH})\.?\s++(?<day>{DAY}){ORD}?(?:{SEP}(?<year>{YEAR}))?\b(?![-/.:]?\d)
# ---- months and years
month-year	date	\b(?:(?<part>(?i:early|mid|late))[-\s]+)?(?<month>{MONTH})\.?,?\s++(?:of\s++)?(?<year>{YEAR}){END}
month-yearw	date	\b(?<month>{ENMONTH})\s++(?:of\s++)?(?<year>{YWORDS})\b
month-range-year	date	\b(?<month>{ENMONTH}){TO}(?<month2>{ENMONTH}),?\s++(?<year>{YEAR}){END}
month-range	date	\b(?i:from\s++)(?<month>{ENMONTH})\s++(?i:to|through|until|till)\s++(?<month2>{ENMONTH})\b(?![-\s]*\d)
# a month alone is a date unless it is a name: the date stage also checks
# its neighbours (June Carter, Theresa May); May needs a word of time before it
month	date	\b(?:(?<part>(?i:early|mid|late))[-\s]+)?(?<month>January|February|March|April|June|July|August|September|October|November|December)\b(?!-|['’](?!s\b)|\s++\d)
month-may	date	(?=(?i:early|mid|late)[-\s]+May\b|May\b)(?:\b(?<part>(?i:early|mid|late))[-\s]+|(?<=(?i)\bin\s|\bof\s|\bsince\s|\buntil\s|\btill\s|\bby\s|\bfrom\s|\bthrough\s|\bto\s|\bduring\s|\bbefore\s|\bafter\s|\bearly\s|\blate\s|\blast\s|\bnext\s|\bthis\s|\beach\s|\bevery\s|\bbetween\s|\band\s|\bor\s|\baround\s))(?<month>May)\b(?!-|['’](?!s\b)|\s++\d)
year-range	date	(?<![\d$€£¥#.,/:-])(?<year>{YEAR})(?:\s*+{DASH}\s*+|/)(?<year2>{YEAR}|\d\d)\b(?![-/.,:]?\d)(?!\s*+(?:%|{COUNTED}))
# years from 1500 (earlier ones need a word of time before them)
year	date	(?:\b(?<part>(?i:early|mid|late))[-\s]+|(?<![\d$€£¥#.,/:\pL-])(?<!\bNo\.\s))(?<year>1[5-9][0-9]{2}|20[0-9]{2})\b(?![-/.,:]?\d)(?!\s*+(?:%|{COUNTED})|{STREET})
year-early	date	(?=1[0-4]\d\d\b)(?<=(?i)\bin\s|\bsince\s|\bof\s|\bfrom\s|\buntil\s|\btill\s|\bby\s|\bcirca\s|\bc\.\s|\bc\.|\baround\s|\bbefore\s|\bafter\s)(?<year>1[0-4][0-9]{2})\b(?![-/.,:]?\d)(?!\s*+(?:%|{COUNTED}))
yearw	date	\b(?:(?i:the\s++year)\s++)?(?<year>{YWORDS})\b(?![-\s](?i:hundred|thousand|million|billion|{COUNTED}))
# fiscal 2024, FY2024, FY 24
fiscal-year	date	\b(?:(?i:fiscal)(?:\s++(?i:year))?\s++|FY\s?'?)(?<year>{YEAR}|[0-9]{2})\b(?![-/.,:]?\d)
# ---- decades and centuries
decade	date	(?<![\w'’])(?:(?i:the)\s++)?(?:(?<part>(?i:early|mid|late))[-\s]?)?(?<![\w'’])(?<decade>(?:1[0-9]|20)[0-9]0s|['’][0-9]0s)\b
decade-short	date	\b(?i:the)\s++(?:(?<part>(?i:early|mid|late))[-\s]?)?(?<decade>[1-9]0s)\b
decade-words	date	\b(?i:the)\s++(?:(?<part>(?i:early|mid|late))[-\s]?)?(?<decade>(?i:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))\b
century	date	\b(?:(?i:the)\s++)?(?:(?<part>(?i:early|mid|late))[-\s]?)?(?<century>[1-9]|1[0-9]|2[0-2])(?:st|nd|rd|th)(?:[-\s]| - )(?i:century)\b
century-words	date	\b(?:(?i:the)\s++)?(?:(?<part>(?i:early|mid|late))[-\s]?)?(?<century>{ORDINAL}|(?i:twenty-first))[-\s](?i:century)\b
# ---- quarters, halves and seasons
quarter-q	date	\b(?<quarter>Q[1-4]|[1-4]Q)(?:\s*+|\s*+['’/-]\s*+|\s++(?i:of\s++)?(?:FY\s?)?)(?<year>{YEAR}|[0-9]{2})\b(?![-/.,:]?\d)
year-quarter-q	date	\b(?<year>{YEAR})\s*+[-/ ]?\s*+(?<quarter>Q[1-4])\b
quarter-of	date	\b(?:(?i:the|its|a|an|this|that)\s++(?:\w+\s++)?)?(?:(?i:fiscal)[-\s]+)?(?<quarter>(?i:first|second|third|fourth|1st|2nd|3rd|4th))[-\s]+(?:(?i:fiscal)[-\s]+)?(?i:quarter)\s++(?i:of\s++)(?:(?i:fiscal)\s++)?(?:(?<year>{YEAR})|(?<yrel>(?i:this|last|next)\s++year))\b
year-quarter	date	\b(?:(?i:the|its)\s++)?(?:(?i:comparable|corresponding|same)\s++)?(?:(?<year>{YEAR})|(?<yrel>(?i:this|last|next)\s++year['’]s|(?i:year-ago|year-earlier|prior-year|previous-year|a\s++year\s++ago|a\s++year\s++earlier)))\s++(?:(?i:fiscal)[-\s]+)?(?<quarter>(?i:first|second|third|fourth))[-\s]+(?:(?i:fiscal)[-\s]+)?(?i:quarter)\b
quarter	date	\b(?:(?i:the|its|a|an|this|that)\s++(?:(?i:flat|weak|strong|disappointing|slow|fiscal|same|current|latest|comparable)\s++)?)?(?:(?i:fiscal)[-\s]+)?(?<quarter>(?i:first|second|third|fourth|1st|2nd|3rd|4th))[-\s]+(?:(?i:fiscal)[-\s]+)?(?i:quarter)(?!s)\b
half-of	date	\b(?:(?i:the)\s++)?(?<half>(?i:first|second|last|latter))\s++(?i:half)\s++(?i:of\s++)(?:(?i:fiscal)\s++)?(?<year>{YEAR})\b
# the first half of the year (not of a match: "the first half" alone is often sport)
half-rel	date	\b(?i:the)\s++(?<half>(?i:first|second|latter))\s++(?i:half)\s++(?i:of)\s++(?:(?i:the|this)\s++year|(?<yrel>(?i:last|next)\s++year))\b
quarter-q-bare	date	\b(?<quarter>Q[1-4])\b(?![-/'’]?\s?\d)
half	date	\b(?<half>H[12])\s*+['’/-]?\s*+(?<year>{YEAR}|[0-9]{2})\b(?![-/.,:]?\d)
season-year	date	\b(?:(?i:the)\s++)?(?:(?<part>(?i:early|mid|late))[-\s]+)?(?<season>{SEASON})\s++(?:(?i:of)\s++)?(?<year>{YEAR}|{YWORDS})\b
