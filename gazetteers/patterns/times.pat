# nerx patterns: times of day (TIMEX3 type time)
# source: nerx project (hand-written)
# licence: same as nerx
#
# Groups: hour, minute, ampm, clock (a temporal.tsv clock word: noon), dpart,
# and the day it is on: weekday, word (today, yesterday), month/day.
@define	ENWD	(=Monday | =Tuesday | =Wednesday | =Thursday | =Friday | =Saturday | =Sunday)
@define	DAY	#1..31
@define	APPROX	(about | around | approximately | roughly | shortly before | shortly after | just before | just after)
@define	TZ	_ ("(" ~)? (=ET | =EST | =EDT | =CT | =CST | =CDT | =MT | =MST | =MDT | =PT | =PST | =PDT | =GMT | =UTC | =BST | =CET | =CEST | =JST | =IST | local time)
@define	ON	~","? on? (<weekday ENWD> | <word today | yesterday | tomorrow | tonight> | (ENWD ~","?)? <month MONTH> ~"."? <day DAY> (?! ~?","? ~?DIGITS))
@define	H12	#1..12
@define	H24	#0..23
@define	MIN	#00..59

# 3 p.m., 10:35 a.m. EST Tuesday, 5 p.m. EST Nov. 9
clock-ampm	time	APPROX? <hour H12> (~(":" | ".") ~<minute MIN>)? ~?<ampm (a | p) ~"." ~?m ~"."? | am | pm> TZ? ON?
# 14:30 GMT, 0930 GMT, at 14:30
clock-24	time	APPROX? (<hour H24> ~(":" | ".") ~<minute MIN> | /(?<hour>[01]?[0-9]|2[0-3])(?<minute>[0-5][0-9])/) TZ ON?
clock-at	time	(?<= (at | by | until | till | from | before | after) _) <hour H24> ~":" ~<minute MIN> (?! ~(":" | ".") ~DIGITS) TZ? ON?
# 3 o'clock, four in the morning
oclock	time	APPROX? <hour H12 | NUMBER> "o'clock" (in the <dpart morning | afternoon | evening>)? ON?
in-the-morning	time	APPROX? <hour H12 | NUMBER> in the <dpart morning | afternoon | evening> ON?
# noon, midnight Friday, noon Saturday
clock-word	time	(?<! (=High | =high) _) APPROX? <clock CLOCK> (?! ~"-") ON?
