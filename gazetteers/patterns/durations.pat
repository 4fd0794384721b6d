# nerx patterns: durations (TIMEX3 type duration: three years -> P3Y) and
# sets (type set: every year -> P1Y, daily -> P1D)
# source: nerx project (hand-written)
# licence: same as nerx
#
# Groups: num (digits, a number word of temporal.tsv, "a"), unit (a unit word
# of temporal.tsv), rel (the first, the past ...), tset (a set word of
# temporal.tsv), weekday, month, season, dpart.
@define	ENWD	(=Monday | =Tuesday | =Wednesday | =Thursday | =Friday | =Saturday | =Sunday)
@define	ENMONTH	(=January | =February | =March | =April | =May | =June | =July | =August | =September | =October | =November | =December)
@define	HS	(~"-" ~ | _)
@define	NUMX	<num #0..999 (~"," ~#000..999)? (~"." ~DIGITS)? (1 ~"/" ~2)? | (a | an)? NUMBER (HS NUMBER)? of?>
@define	MOD	(about | nearly | almost | some | more than | less than | fewer than | over | roughly | around | approximately | at least | at most | up to | no more than | no less than | only | just | another | an additional | within | under | a full | the entire | the whole | the full)
@define	LEAD	(the (<rel past | last | next | first | coming | previous | following | latest | final | initial | remaining | same | ensuing | preceding | prior>)?)
# "a quarter of the vote", "three quarters of voters": fractions, not periods
@define	NOTFRAC	((?<! quarter | quarters) | (?! of))
@define	ADJ	(more | additional | full | straight | consecutive | trading | business | working | calendar | long | short | further | extra)

# three years, the past two months, the first nine months, nearly an hour
duration	duration	(MOD | LEAD)? (?<! (DIGITS | "." | ",") ~) NUMX ADJ? (?! CAPWORD) <unit UNIT> NOTFRAC (and a half)? (?! ~("-" | "'")) (?! old | of age)
# a year, an hour: only where a period is meant (for a year, within a week)
duration-a	duration	(?<= (for | in | within | than | over | about | nearly | almost | after | least | only | just | another | took | take | takes | spend | spent | lasted | lasting) _) <num a | an> ADJ? <unit UNIT> NOTFRAC (and a half)? (?! ~("-" | "'")) (?! ago | earlier | later | before | after)
# two-year, 30-day, 8-month-old, day-long
duration-adj	duration	(?<! (DIGITS | "." | ",") ~) <num DIGITS (~"." ~DIGITS)? | NUMBER (~"-" ~NUMBER)?> (~"-" ~ | _"-" _) <unit second | minute | hour | day | week | month | quarter | year | decade | century> (~"-" ~long)? (?! ~"-" ~ALNUM)
# the year (a reporting period): for the year ended Sept. 30
duration-the-year	duration	(?<= (for | in | of | during | through) _) the (full | fiscal | whole | entire)? <unit year> (?= ended | ending | that ended | to date)
duration-long	duration	<unit hour | day | week | month | year> ~"-" ~long
# the past decade: a period back from now (TimeML: P10Y)
duration-past	duration	the (past | last) <unit decade | century | millennium> (?! ~"-")
# recent years, the coming weeks, for years
duration-vague	duration	the? <rel recent | coming | ensuing | past | next | last | following | previous> <unit seconds | minutes | hours | days | weeks | months | quarters | years | decades | centuries>
duration-plural	duration	(?<= (for | over | within) _) <unit years | months | weeks | decades | centuries | days | hours | minutes> (?! ago | later | earlier | of | before | after)
# daily, annually, every year, each July, every other week, twice a year
set-word	set	<tset TSET> (?! ~"-")
set-every	set	(every | each) (<num other | DIGITS | NUMBER>)? (<unit second | minute | hour | day | week | weekend | month | quarter | year | decade | seconds | minutes | hours | days | weeks | months | quarters | years | decades> | <weekday ENWD> | <month ENMONTH> | <season spring | summer | autumn | fall | winter> | <dpart morning | afternoon | evening | night>)
set-times	set	(once | twice | thrice | (DIGITS | NUMBER) times) (a | an | per | each | every) <unit second | minute | hour | day | week | month | quarter | year | decade>
set-weekdays	set	on? <weekday =Mondays | =Tuesdays | =Wednesdays | =Thursdays | =Fridays | =Saturdays | =Sundays> (<dpart mornings | afternoons | evenings | nights>)?
set-weekday-nights	set	on? <weekday ENWD> <dpart mornings | afternoons | evenings | nights>
