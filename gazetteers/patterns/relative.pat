# nerx patterns: dates said relative to the document date (last week,
# yesterday, Friday, two years ago) and vague references (now, recently)
# source: nerx project (hand-written)
# licence: same as nerx
#
# The groups: rel (a relation word of temporal.tsv, kind rel: last, next,
# this, ago ...; when it holds several, the last one counts: "this past"),
# unit, num, weekday, month, season, holiday, word (a temporal.tsv word of
# kind word: yesterday, now), dpart (morning, night), part (early, late ...),
# yrel (a relative year: "year-earlier"). See src/dates.c.
@define	ENWD	(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|(?:MON|TUES|WEDNES|THURS|FRI|SATUR|SUN)DAY)
@define	ENMONTH	(?:January|February|March|April|May|June|July|August|September|October|November|December)
@define	RELW	(?i:last|this|next|past|previous|coming|following|current|upcoming|latest|preceding|prior)
@define	REL	(?<rel>(?:(?i:this|the)\s++)?{RELW})
@define	PART	(?<part>(?i:early|earlier|late|later|mid|the\s++end\s++of|the\s++beginning\s++of|the\s++start\s++of|the\s++middle\s++of|the\s++rest\s++of|the\s++remainder\s++of|the\s++balance\s++of))
@define	NUM	(?<num>\d+(?:\.\d+)?(?:\s++1/2)?|(?i:an?\s++)?{NUMBER}(?:[-\s]{NUMBER})?(?:\s++(?i:of))?|(?i:an?))
@define	MOD	(?i:about|nearly|almost|some|more\s++than|less\s++than|over|roughly|around|approximately|at\s++least|just|only|barely|exactly|precisely)
@define	NOTEND	(?![-'’]|\s++(?i:two|before|ago|earlier|after|since|ended|ending|to\s++date)\b)
# weekday names that are not days here: Sunday Times, Black Monday
@define	NOTWD	(?<!\bBlack\s)(?<!\bBloody\s)(?<!\bGood\s)(?<!\bAsh\s)(?<!\bSuper\s)(?<!\bCyber\s)(?<!\bHoly\s)(?<!\bPalm\s)(?<!\bEaster\s)(?<!\bMaundy\s)(?<!\bShrove\s)
# a weekday or holiday that begins a name: Sunday Times, Easter Island
@define	NOTNAME	(?![-'’]\pL|\s++(?:Times|Telegraph|Mirror|Express|Herald|Post|Tribune|Independent|Observer|Star|Sport|People|Mail|World|Journal|News|Night|Morning|Business|Review|Magazine|Edition|Standard|Age|Record|Service|School|Football|Club|Show|Program|Programme|Island|Islands|Rising|Offensive|Agreement|Accord|Parade|Bowl|Massacre|Group|Party|Movement)\b)

# last week, this year, the past month, early next year, the end of this week
rel-unit	date	\b(?:{PART}(?:\s++(?i:in|of))?[-\s]+)?{REL}\s++(?![[:upper:]][[:lower:]])(?<unit>(?i:week|weekend|month|year|quarter|decade|century|fiscal\s++year|fortnight))\b(?!-)
# last Friday, this coming Sunday, the previous Tuesday
rel-weekday	date	\b(?:{PART}\s++)?{REL}\s++(?<weekday>{ENWD})\b(?:,?\s++(?<month>{ENMONTH})\s++(?<day>\d{1,2}(?:st|nd|rd|th)?|{ORDINAL})\b|\s++(?<dpart>(?i:morning|afternoon|evening|night)))?{NOTNAME}
# Friday last week, Tuesday next week
weekday-rel-week	date	\b{NOTWD}(?<weekday>{ENWD})\s++(?<rel>(?i:last|next|this))\s++(?<unit>(?i:week))\b
# last June, this September, last fall, this past spring, last Christmas
rel-month	date	\b(?:{PART}[-\s]+)?{REL}\s++(?<month>{ENMONTH})\b(?![-'’]\pL|\s++\d)
rel-season	date	\b(?:{PART}[-\s]+)?{REL}\s++(?<season>{SEASON})\b(?!-)
rel-holiday	date	\b{REL}\s++(?<holiday>{HOLIDAY})\b{NOTNAME}
# two years ago, a year earlier, six weeks ago, a week or so ago, three days from now
ago	date	\b(?:{MOD}\s++)?{NUM}\s++(?<unit>{UNIT})(?:\s++(?i:or\s++so|or\s++two))?\s++(?<rel>(?i:ago|earlier|later|from\s++now|hence|back))\b
# the year-earlier results, year-ago levels
year-ago	date	\b(?<yrel>(?i:year-earlier|year-ago|a\s++year\s++ago|a\s++year\s++earlier))\b(?!\s++(?i:first|second|third|fourth|quarter|period))
# the year, the end of the month: the dct's (a reporting period: for the year)
the-unit	date	(?=(?i:the)\s)\b(?:(?<part>(?i:the\s++end|the\s++beginning|the\s++start|the\s++middle|the\s++rest|the\s++remainder|the\s++balance))\s++(?i:of)\s++|(?<=(?i)\bfor\s|\bin\s|\bduring\s|\bthrough\s))(?i:the)\s++(?:(?i:full|whole|entire|current)\s++)?(?<unit>(?i:year|month))\b{NOTEND}
# the corresponding period last year
ref-quarter-ago	date	\b(?i:the|that)\s++(?:(?i:comparable|corresponding|same)\s++)?(?:(?i:fiscal)\s++)?(?<unit>(?i:quarter|period))\s++(?<yrel>(?i:last\s++year|a\s++year\s++(?:ago|earlier)))\b
# that year, later that day, that same week, the next morning: the time the text spoke of last
that-unit	date	\b(?:(?<part>(?i:early|earlier|late|later))\s++)?(?<rel>(?i:that(?:\s++same)?|the\s++same|the\s++very\s++same))\s++(?<unit>(?i:day|week|month|year))\b(?!-|\s++(?i:ago|earlier|later|before|after)\b)
next-day	date	\b(?i:the)\s++(?<rel>(?i:next|following|previous|preceding))\s++(?:(?<unit>(?i:day))|(?<dpart>(?i:morning|afternoon|evening|night)))\b
# the quarter, the latest quarter, the year-ago period: the quarter the text is about
ref-quarter	date	\b(?:(?i:the|that|its|this)\s++)(?:(?i:comparable|corresponding|same)\s++)?(?:(?<yrel>(?i:year-ago|year-earlier|prior-year|previous-year))\s++|(?<year>(?:19|20)\d\d)\s++|(?<rel>(?i:latest|current|same|comparable|corresponding|previous|preceding|prior|most\s++recent|recent))\s++)?(?:(?i:fiscal)\s++)?(?<unit>(?i:quarter|period))\b(?!s|-)(?!\s++(?i:of|to|from))
# today, yesterday morning, late yesterday, now, recently, the past, the future
word	date	\b(?:(?<part>(?i:early|earlier|late|later|mid))[-\s]+)?(?<word>{TWORD})\b(?!-)(?:(?<=future)(?!\s++[[:lower:]]+['’]s\b)|(?<!future))(?:\s++(?<dpart>(?i:morning|afternoon|evening|night)))?
# this morning, last night, tomorrow evening
rel-daypart	time	\b(?:(?<part>(?i:early|late|later|earlier))\s++)?(?<rel>(?i:this|last))\s++(?<dpart>(?i:morning|afternoon|evening|night))\b
# Friday, early Tuesday, Sunday night, Friday's
weekday	date	\b(?=[EeLlMTWFS])(?:(?<part>(?i:early|earlier|late|later))\s++(?:(?i:on)\s++)?)?{NOTWD}(?<!\ba\s)(?<!\bA\s)(?<weekday>{ENWD})(?:['’]s)?\b(?:\s++(?<dpart>(?i:morning|afternoon|evening|night))\b)?{NOTNAME}
# the weekend
weekend	date	\b(?i:the|over\s++the|this\s++past)\s++(?<unit>(?i:weekend))\b(?!s|-)
# Thanksgiving, Christmas Eve, Easter 2024
holiday	date	\b(?<holiday>{HOLIDAY})(?:,?\s++(?<year>(?:1[5-9]|20)\d\d))?\b{NOTNAME}
# a season of the document's year: the summer, in winter
season	date	(?=(?i:early|late|mid)[-\s]+(?i:spring|summer|autumn|winter)|(?i:spring|summer|autumn|winter)\b)(?<=(?i)\bthe\s|\bin\s|\bduring\s|\bover\s|\bby\s|\buntil\s|\bsince\s|\bthrough\s)(?:(?<part>(?i:early|late|mid))[-\s]+)?(?<season>(?i:spring|summer|autumn|winter))\b(?!-|\s++(?i:of)\s++(?!\d)|\s++(?!(?:and|or|but|when|as|to|in|on|at|for|with|after|before|until|he|she|it|they|we|the|a|an|is|was|will|of)\b)[[:lower:]]|\s++(?:Olympics|Games|Palace)\b)
