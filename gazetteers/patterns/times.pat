# nerx patterns: times of day (TIMEX3 type time)
# source: nerx project (hand-written)
# licence: same as nerx
#
# Groups: hour, minute, ampm, clock (a temporal.tsv clock word: noon), dpart,
# and the day it is on: weekday, word (today, yesterday), month/day.
@define	ENWD	(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)
@define	DAY	(?:0?[1-9]|[12][0-9]|3[01])
@define	APPROX	(?:(?i:about|around|approximately|roughly|shortly\s++before|shortly\s++after|just\s++before|just\s++after)\s++)
@define	TZ	(?:\s++\(?(?:[ECMP][SD]?T|GMT|UTC|BST|CET|CEST|JST|IST|local\s++time)\)?\b)
@define	ON	(?:,?\s++(?:(?i:on)\s++)?(?:(?<weekday>{ENWD})|(?<word>(?i:today|yesterday|tomorrow|tonight))|(?:{ENWD},?\s++)?(?<month>{MONTH})\.?\s++(?<day>{DAY})\b(?!\s*+,?\s*+\d)))

# 3 p.m., 10:35 a.m. EST Tuesday, 5 p.m. EST Nov. 9
clock-ampm	time	\b{APPROX}?(?<hour>1[0-2]|0?[1-9])(?:[:.](?<minute>[0-5]\d))?\s*+(?<ampm>(?i:[ap]\.\s?m\.?|[ap]m)(?![\w]))(?:{TZ})?{ON}?
# 14:30 GMT, 0930 GMT, at 14:30
clock-24	time	\b{APPROX}?(?<hour>[01]?\d|2[0-3])[:.]?(?<minute>[0-5]\d){TZ}{ON}?
clock-at	time	(?=\d)(?<=(?i)\bat\s|\bby\s|\buntil\s|\btill\s|\bfrom\s|\bbefore\s|\bafter\s)(?<hour>[01]?\d|2[0-3]):(?<minute>[0-5]\d)\b(?![:.]?\d)(?:{TZ})?{ON}?
# 3 o'clock, four in the morning
oclock	time	\b{APPROX}?(?<hour>1[0-2]|0?[1-9]|{NUMBER})\s++(?i:o['’]clock)(?:\s++(?i:in\s++the)\s++(?<dpart>(?i:morning|afternoon|evening)))?{ON}?
in-the-morning	time	\b{APPROX}?(?<hour>1[0-2]|0?[1-9]|{NUMBER})\s++(?i:in\s++the)\s++(?<dpart>(?i:morning|afternoon|evening))\b{ON}?
# noon, midnight Friday, noon Saturday
clock-word	time	\b(?<!\bHigh\s)(?<!\bhigh\s){APPROX}?(?<clock>{CLOCK})\b(?!-){ON}?
