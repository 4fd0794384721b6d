# nerx patterns: calendar dates (absolute and partial)
# source: nerx project (hand-written)
# licence: same as nerx
#
# name<TAB>type<TAB>pattern, in the token pattern language (gazetteers/README.md,
# "Patterns"). Named groups the date stage reads: year, month (a number or a
# month name), day, weekday, md1/md2 (a numeric day and month in the
# document's order), day2/year2 (the end of a range: the value is its start),
# yrel (a year said relative to the document date: "last year"), part (early,
# mid, late), decade, century, quarter, half, season (see src/registry.h and
# src/dates.c). MONTH and WEEKDAY are every month and weekday name in the
# gazetteers (months.tsv, weekdays.tsv); NUMBER, ORDINAL, SEASON, ... the
# temporal.tsv words of that kind; @define names a part for this file.
@define	DAY	#1..31
@define	ORD	~(st|nd|rd|th)
@define	YEAR	#1000..2099
@define	YR2	(YEAR | #00..99)
# a year or day ends there: no digit after a separator
@define	END	(?! ~("-" | "/" | "." | ":") ~DIGITS)
@define	END2	(?! ~("-" | "/" | "." | "," | ":") ~DIGITS)
@define	SEP	","?
@define	TO	("-" | to | through | until | till)
# a hyphen or white space between two words
@define	HS	(~"-" ~ | _)
# "Friday, Oct. 23": a weekday before a date belongs to it
@define	WDNAME	(=Mon | =Monday | =Tue | =Tues | =Tuesday | =Wed | =Wednesday | =Thu | =Thur | =Thurs | =Thursday | =Fri | =Friday | =Sat | =Saturday | =Sun | =Sunday | =MON | =MONDAY | =TUE | =TUES | =TUESDAY | =WED | =WEDNESDAY | =THU | =THUR | =THURS | =THURSDAY | =FRI | =FRIDAY | =SAT | =SATURDAY | =SUN | =SUNDAY)
@define	WD	(<weekday WDNAME> ~"."? ~","? _)?
@define	ENMONTH	(=January | =February | =March | =April | =May | =June | =July | =August | =September | =October | =November | =December | =JANUARY | =FEBRUARY | =MARCH | =APRIL | =MAY | =JUNE | =JULY | =AUGUST | =SEPTEMBER | =OCTOBER | =NOVEMBER | =DECEMBER)
# a year said in words: nineteen ninety-six, two thousand (and) one
@define	UNITW	(one | two | three | four | five | six | seven | eight | nine)
@define	TENS	(twenty | thirty | forty | fifty | sixty | seventy | eighty | ninety)
@define	TEEN	(ten | eleven | twelve | thirteen | fourteen | fifteen | sixteen | seventeen | eighteen | nineteen)
@define	YWORDS	((nineteen | twenty) HS (TENS (HS UNITW)? | TEEN | hundred) | two thousand and? (HS (UNITW | TEEN | TENS (HS UNITW)?))?)
@define	YREL	<yrel (last | next | this | the previous | the following) year>
# words that a number before them counts: "2000 people" is no year
@define	COUNTED	(people | persons | men | women | children | kids | adults | employees | workers | jobs | troops | soldiers | police | officers | shares | votes | voters | tons | tonnes | barrels | dollars | dlrs | euros | pounds | yen | yuan | rupees | units | cars | vehicles | homes | houses | apartments | acres | hectares | miles | kilometres | kilometers | km | feet | ft | metres | meters | yards | points | students | members | cases | deaths | patients | copies | pages | words | times | rooms | seats | beds | companies | firms | stores | flights | passengers | visitors | tourists | residents | households | families | cattle | pieces | items | calories | degrees | square | cubic | mln | million | billion | bln | crore | lakh | to /[0-9]/)
# a street address: 1600 Pennsylvania Avenue
@define	STREETWORD	CAP (~("." | "'" | "-" | ALNUM))*
@define	STREET	STREETWORD{1,3} (=Street | =St ~"."? | =Avenue | =Ave ~"."? | =Road | =Rd ~"."? | =Boulevard | =Blvd ~"."? | =Lane | =Ln ~"."? | =Drive | =Dr ~"."? | =Way | =Place | =Pl ~"."? | =Court | =Ct ~"."? | =Square | =Sq ~"."? | =Highway | =Hwy ~"."? | =Parkway | =Terrace | =Crescent | =Close | =Strasse | =Straße)
@define	NOTAFTERNUM	(?<! (DIGITS | "$" | "€" | "£" | "¥" | "#" | "." | "," | "/" | ":" | "-") ~)
@define	PART	<part early | mid | late>

# ---- full dates
month-day-year	date	WD <month MONTH> ~"."? <day DAY> ORD? (TO <day2 DAY> ORD?)? SEP <year YEAR> END
month-day-yearw	date	WD <month ENMONTH> <day DAY | ORDINAL> ORD? SEP <year YWORDS>
day-month-year	date	WD <day DAY> (ORD | ~".")? (TO <day2 DAY> (ORD | ~".")?)? (of | de)? <month MONTH> ~"."? ("," | de | del)? <year YEAR> END
iso-date	date	(?<! (DIGITS | "." | "-") ~) <year YEAR> (~"-" ~<month #1..12> ~"-" ~<day DAY> | ~"/" ~<month #1..12> ~"/" ~<day DAY> | ~"." ~<month #1..12> ~"." ~<day DAY>) (~=T ~#00..29 ~":" ~#00..59 (~":" ~#00..59)? ~=Z?)? (?! ~"-" | ~"." ~DIGITS)
numeric-date	date	(?<! (DIGITS | "/" | "." | "-") ~) <md1 DAY> (~"/" ~<md2 DAY> ~"/" | ~"." ~<md2 DAY> ~".") ~<year YEAR | "'" ~#00..99 | #00..99> (?! ~"/" | ~("." | "-") ~DIGITS)
# with dashes only a four-digit year: 05-07-2024, not a score (3-2-10)
numeric-date-dash	date	(?<! (DIGITS | "/" | "." | "-") ~) <md1 DAY> ~"-" ~<md2 DAY> ~"-" ~<year YEAR> (?! ~"/" | ~("." | "-") ~DIGITS)
cjk-date	date	(?<! DIGITS ~) ~?<year YEAR> ~?年 ~?<month #1..12> ~?月 (~?<day DAY> ~?(日 | 号))?
cjk-month-day	date	(?<! (DIGITS | 年) ~) ~?<month #1..12> ~?月 ~?<day DAY> ~?(日 | 号)
# November 6 last year, January next year
month-day-yrel	date	WD <month MONTH> ~"."? <day DAY ORD? | ORDINAL | NUMBER> ~","? YREL
month-yrel	date	(<part early | mid | late | the end of | the beginning of | the middle of> HS)? <month ENMONTH> of? YREL
# ---- partial dates: month and day (the year from the document date)
month-day	date	(<rel last | next | this past | this coming>)? WD <month MONTH> ~"."? <day DAY> ORD? (TO <day2 DAY> ORD?)? (?! ~("-" | "/" | "." | ":" | ",")? DIGITS) (?! ~?(percent | per cent | "%" | point | points | mln | million | billion | pct))
day-month-w	date	the <day ORDINAL> of <month ENMONTH> (~","? <year YEAR>)?
month-dayw	date	WD <month ENMONTH> the? <day ORDINAL> (?! ~?"-"? ~?(quarter | half | time | place | round | class | step | stage | phase | anniversary | century | day | week | month | year))
day-month	date	WD the? <day DAY> ORD? (TO the? <day2 DAY> ORD?)? of? <month MONTH> ~"."? (?! ~?"-"? ~?DIGITS)
# the week of March 6
week-of	date	the <unit week> of <month MONTH> ~"."? <day DAY> ORD? (SEP <year YEAR>)? END
# ---- months and years
month-year	date	(PART HS)? <month MONTH> ~"."? ~","? of? <year YEAR> END
month-yearw	date	<month ENMONTH> of? <year YWORDS>
month-range-year	date	<month ENMONTH> TO <month2 ENMONTH> ~","? <year YEAR> END
month-range	date	from <month ENMONTH> (to | through | until | till) <month2 ENMONTH> (?! ~?"-"? ~?DIGITS)
# a month alone is a date unless it is a name: the date stage also checks
# its neighbours (June Carter, Theresa May); May needs a word of time before it
month	date	(PART HS)? <month =January | =February | =March | =April | =June | =July | =August | =September | =October | =November | =December> (?! ~"-" | ~"'" (?! ~s) | DIGITS)
month-may	date	(PART HS | (?<= (in | of | since | until | till | by | from | through | to | during | before | after | early | late | last | next | this | each | every | between | and | or | around) _)) <month =May> (?! ~"-" | ~"'" (?! ~s) | DIGITS)
year-range	date	NOTAFTERNUM <year YEAR> ("-" | ~"/" ~) <year2 YEAR | #00..99> END2 (?! ~?("%" | COUNTED))
# years from 1500 (earlier ones need a word of time before them)
year	date	(PART HS | (?<! (DIGITS | "$" | "€" | "£" | "¥" | "#" | "." | "," | "/" | ":" | "-" | ALPHA | IDEO) ~) (?<! =No ~"." _)) <year #1500..2099> END2 (?! ~?("%" | COUNTED) | (?= CAP) STREET)
year-early	date	(?<= (in | since | of | from | until | till | by | circa | around | before | after) _ | c ~".") <year #1000..1499> END2 (?! ~?("%" | COUNTED))
yearw	date	(the year)? <year YWORDS> (?! ~?"-"? ~?(hundred | thousand | million | billion | COUNTED))
# fiscal 2024, FY2024, FY 24
fiscal-year	date	(fiscal year? <year YR2> | =FY ~?"'"? ~?<year YR2>) END2
# ---- decades and centuries
decade	date	(?<! (ALNUM | "'") ~) the? (PART ~"-"?)? <decade /(1[0-9]|20)[0-9]0/ ~=s | "'" ~/[0-9]0/ ~=s>
decade-short	date	the (PART ~"-"? ~?<decade /[1-9]0/ ~=s> | <decade /[1-9]0/ ~=s>)
decade-words	date	the (PART HS)? <decade twenties | thirties | forties | fifties | sixties | seventies | eighties | nineties>
century	date	the? (PART ~"-"? ~?<century #1..22> | <century #1..22>) ORD "-"? century
century-words	date	the? (PART HS)? <century ORDINAL | twenty ~"-" ~first> HS century
# ---- quarters, halves and seasons
@define	QORD	(first | second | third | fourth | 1 ~st | 2 ~nd | 3 ~rd | 4 ~th)
quarter-q	date	<quarter =Q ~#1..4 | #1..4 ~=Q> ("'" | "/" | "-" | of? =FY?)? ~?<year YR2> END2
year-quarter-q	date	<year YEAR> ("-" | "/")? ~?<quarter =Q ~#1..4>
quarter-of	date	((the | its | a | an | this | that) ALNUM?)? (fiscal HS)? <quarter QORD> HS (fiscal HS)? quarter of fiscal? (<year YEAR> | <yrel (this | last | next) year>)
year-quarter	date	(the | its)? (comparable | corresponding | same)? (<year YEAR> | <yrel (this | last | next) year ~"'" ~s | "year-ago" | "year-earlier" | "prior-year" | "previous-year" | a year ago | a year earlier>) (fiscal HS)? <quarter first | second | third | fourth> HS (fiscal HS)? quarter
# (an article opens the span only before "third quarter", not the adjective "third-quarter": TimeBank)
quarter	date	((the | its | a | an | this | that) (flat | weak | strong | disappointing | slow | fiscal | same | current | latest | comparable)? (?! (fiscal HS)? QORD ~"-"))? (fiscal HS)? <quarter QORD> HS (fiscal HS)? quarter
half-of	date	the? <half first | second | last | latter> half of fiscal? <year YEAR>
# the first half of the year (not of a match: "the first half" alone is often sport)
half-rel	date	the <half first | second | latter> half of ((the | this) year | <yrel (last | next) year>)
quarter-q-bare	date	<quarter =Q ~#1..4> (?! ~("-" | "/" | "'")? ~?DIGITS)
half	date	<half =H ~#1..2> ("'" | "/" | "-")? ~?<year YR2> END2
season-year	date	the? (PART HS)? <season SEASON> of? <year YEAR | YWORDS>
