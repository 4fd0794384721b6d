# nerx patterns: durations (TIMEX3 type duration: three years -> P3Y) and
# sets (type set: every year -> P1Y, daily -> P1D)
# source: nerx project (hand-written)
# licence: same as nerx
#
# Groups: num (digits, a number word of temporal.tsv, "a"), unit (a unit word
# of temporal.tsv), rel (the first, the past ...), tset (a set word of
# temporal.tsv), weekday, month, season, dpart.
@define	ENWD	(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)
@define	ENMONTH	(?:January|February|March|April|May|June|July|August|September|October|November|December)
@define	NUMX	(?<num>\d{1,3}(?:,\d{3})?(?:\.\d+)?(?:\s++1/2)?|(?i:an?\s++)?{NUMBER}(?:[-\s]{NUMBER})?(?:\s++(?i:of))?)
@define	MOD	(?i:about|nearly|almost|some|more\s++than|less\s++than|fewer\s++than|over|roughly|around|approximately|at\s++least|at\s++most|up\s++to|no\s++more\s++than|no\s++less\s++than|only|just|another|an\s++additional|within|under|a\s++full|the\s++entire|the\s++whole|the\s++full)
@define	LEAD	(?:(?i:the)\s++(?:(?<rel>(?i:past|last|next|first|coming|previous|following|latest|final|initial|remaining|same|ensuing|preceding|prior))\s++)?)
# "a quarter of the vote", "three quarters of voters": fractions, not periods
@define	NOTFRAC	(?:(?<=quarter|quarters)(?!\s++(?i:of)\b)|(?<!quarter|quarters))
@define	ADJ	(?:(?i:more|additional|full|straight|consecutive|trading|business|working|calendar|long|short|further|extra)\s++)

# three years, the past two months, the first nine months, nearly an hour
duration	duration	\b(?:{MOD}\s++|{LEAD})?(?<![\d.,])(?:{NUMX})\s++{ADJ}?(?![[:upper:]][[:lower:]])(?<unit>{UNIT})\b{NOTFRAC}(?:\s++(?i:and\s++a\s++half))?(?![-'’])(?!\s++(?i:old|of\s++age)\b)
# a year, an hour: only where a period is meant (for a year, within a week)
duration-a	duration	(?=(?i:an?)\s)(?<=(?i)\bfor\s|\bin\s|\bwithin\s|\bthan\s|\bover\s|\babout\s|\bnearly\s|\balmost\s|\bafter\s|\bleast\s|\bonly\s|\bjust\s|\banother\s|\btook\s|\btake\s|\btakes\s|\bspend\s|\bspent\s|\blasted\s|\blasting\s)(?<num>(?i:an?))\s++{ADJ}?(?<unit>{UNIT})\b{NOTFRAC}(?:\s++(?i:and\s++a\s++half))?(?![-'’])(?!\s++(?i:ago|earlier|later|before|after))
# two-year, 30-day, 8-month-old, day-long
duration-adj	duration	\b(?<![\d.,])(?<num>\d++(?:\.\d++)?|{NUMBER}(?:-{NUMBER})?)(?:[-‐]| - )(?<unit>(?i:second|minute|hour|day|week|month|quarter|year|decade|century))(?:[-‐](?i:long))?\b(?![-‐]\w)
# the year (a reporting period): for the year ended Sept. 30
duration-the-year	duration	(?=(?i:the)\s)(?<=(?i)\bfor\s|\bin\s|\bof\s|\bduring\s|\bthrough\s)(?i:the)\s++(?:(?i:full|fiscal|whole|entire)\s++)?(?<unit>(?i:year))\b(?=\s++(?i:ended|ending|that\s++ended|to\s++date)\b)
duration-long	duration	\b(?<unit>(?i:hour|day|week|month|year))[-‐](?i:long)\b
# the past decade: a period back from now (TimeML: P10Y)
duration-past	duration	\b(?i:the\s++(?:past|last))\s++(?<unit>(?i:decade|century|millennium))\b(?!-)
# recent years, the coming weeks, for years
duration-vague	duration	\b(?:(?i:the)\s++)?(?<rel>(?i:recent|coming|ensuing|past|next|last|following|previous))\s++(?<unit>(?i:seconds|minutes|hours|days|weeks|months|quarters|years|decades|centuries))\b
duration-plural	duration	(?=(?i:years|months|weeks|decades|centuries|days|hours|minutes)\b)(?<=(?i)\bfor\s|\bover\s|\bwithin\s)(?<unit>(?i:years|months|weeks|decades|centuries|days|hours|minutes))\b(?!\s++(?i:ago|later|earlier|of|before|after))
# daily, annually, every year, each July, every other week, twice a year
set-word	set	\b(?<tset>{TSET})\b(?!-)
set-every	set	\b(?i:every|each)\s++(?:(?<num>(?i:other)|\d+|{NUMBER})\s++)?(?:(?<unit>(?i:second|minute|hour|day|week|weekend|month|quarter|year|decade|seconds|minutes|hours|days|weeks|months|quarters|years|decades))|(?<weekday>{ENWD})|(?<month>{ENMONTH})|(?<season>(?i:spring|summer|autumn|fall|winter))|(?<dpart>(?i:morning|afternoon|evening|night)))\b
set-times	set	\b(?:(?i:once|twice|thrice)|(?:\d+|{NUMBER})\s++(?i:times))\s++(?:(?i:a|an|per|each|every)\s++)(?<unit>(?i:second|minute|hour|day|week|month|quarter|year|decade))\b
set-weekdays	set	\b(?:(?i:on)\s++)?(?<weekday>{ENWD})s\b(?:\s++(?<dpart>(?i:morning|afternoon|evening|night))s\b)?
set-weekday-nights	set	\b(?:(?i:on)\s++)?(?<weekday>{ENWD})\s++(?<dpart>(?i:morning|afternoon|evening|night))s\b
