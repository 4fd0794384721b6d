# nerx patterns: fuzz seed (a few patterns using every part of the token
# pattern program a model file stores: classes, ranges, a /regex/ with a
# group, a word switch, look-arounds, anchors, needs=, a skip regex)
@define	DAY	#1..31
@define	END	(?! ~("-" | "/" | ".") ~DIGITS)
month-day-year	date	(?<! DIGITS ~) <month MONTH> ~"."? <day DAY> ~","? <year /(?<year>[12][0-9]{3})/> END
weekday	date	<weekday WEEKDAY>
ago	duration	(about | more than | at least | up to | nearly)? <num #1..99 | NUMBER> UNIT ago
clock	time	(?<! ~":") <hour #0..23> ~":" ~#00..59 (?! ~":")
url	skip	(?i)\bwww\.[^\s<>"]+	needs=www.
file	skip	(?i)\b\w+\.jpg\b	needs=.jpg
