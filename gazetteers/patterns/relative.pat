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
@define	ENWD	(=Monday | =Tuesday | =Wednesday | =Thursday | =Friday | =Saturday | =Sunday | =MONDAY | =TUESDAY | =WEDNESDAY | =THURSDAY | =FRIDAY | =SATURDAY | =SUNDAY)
@define	ENMONTH	(=January | =February | =March | =April | =May | =June | =July | =August | =September | =October | =November | =December)
@define	HS	(~"-" ~ | _)
@define	ORD	~(st | nd | rd | th)
@define	RELW	(last | this | next | past | previous | coming | following | current | upcoming | latest | preceding | prior)
@define	REL	<rel (this | the)? RELW>
@define	PART	<part early | earlier | late | later | mid | the end of | the beginning of | the start of | the middle of | the rest of | the remainder of | the balance of>
@define	NUM	<num DIGITS (~"." ~DIGITS)? (1 ~"/" ~2)? | (a | an)? NUMBER (HS NUMBER)? of? | a | an>
@define	MOD	(about | nearly | almost | some | more than | less than | over | roughly | around | approximately | at least | just | only | barely | exactly | precisely)
@define	NOTEND	(?! ~("-" | "'") | two | before | ago | earlier | after | since | ended | ending | to date)
# weekday names that are not days here: Sunday Times, Black Monday
@define	NOTWD	(?<! (=Black | =Bloody | =Good | =Ash | =Super | =Cyber | =Holy | =Palm | =Easter | =Maundy | =Shrove) _)
# a weekday or holiday that begins a name: Sunday Times, Easter Island
@define	NAMEWORD	(=Times | =Telegraph | =Mirror | =Express | =Herald | =Post | =Tribune | =Independent | =Observer | =Star | =Sport | =People | =Mail | =World | =Journal | =News | =Night | =Morning | =Business | =Review | =Magazine | =Edition | =Standard | =Age | =Record | =Service | =School | =Football | =Club | =Show | =Program | =Programme | =Island | =Islands | =Rising | =Offensive | =Agreement | =Accord | =Parade | =Bowl | =Massacre | =Group | =Party | =Movement)
@define	NOTNAME	(?! ~("-" | "'") ~(ALPHA | IDEO) | NAMEWORD)
# (the same, but a possessive may follow: "Friday's session")
@define	NOTNAMEPOSS	(?! ~"-" ~(ALPHA | IDEO) | ~"'" ~(ALPHA | IDEO) (?<! s) | NAMEWORD)
@define	DPART	<dpart morning | afternoon | evening | night>

# last week, this year, the past month, early next year, the end of this week
rel-unit	date	(PART (in | of)? HS)? REL (?! CAPWORD) <unit week | weekend | month | year | quarter | decade | century | fiscal year | fortnight> (?! ~"-")
# last Friday, this coming Sunday, the previous Tuesday
rel-weekday	date	PART? REL <weekday ENWD> (~","? <month ENMONTH> <day #0..99 ORD? | ORDINAL> | DPART)? NOTNAME
# Friday last week, Tuesday next week
weekday-rel-week	date	NOTWD <weekday ENWD> <rel last | next | this> <unit week>
# last June, this September, last fall, this past spring, last Christmas
rel-month	date	(PART HS)? REL <month ENMONTH> (?! ~("-" | "'") ~(ALPHA | IDEO) | DIGITS)
rel-season	date	(PART HS)? REL <season SEASON> (?! ~"-")
rel-holiday	date	REL <holiday HOLIDAY> NOTNAME
# two years ago, a year earlier, six weeks ago, a week or so ago, three days from now
ago	date	MOD? NUM <unit UNIT> (or so | or two)? <rel ago | earlier | later | from now | hence | back>
# the year-earlier results, year-ago levels
year-ago	date	<yrel "year-earlier" | "year-ago" | a year ago | a year earlier> (?! first | second | third | fourth | quarter | period)
# the year, the end of the month: the dct's (a reporting period: for the year)
the-unit	date	(<part the end | the beginning | the start | the middle | the rest | the remainder | the balance> of | (?<= (for | in | during | through) _)) the (full | whole | entire | current)? <unit year | month> NOTEND
# the corresponding period last year
ref-quarter-ago	date	(the | that) (comparable | corresponding | same)? fiscal? <unit quarter | period> <yrel last year | a year (ago | earlier)>
# that year, later that day, that same week, the next morning: the time the text spoke of last
that-unit	date	(<part early | earlier | late | later>)? <rel that same? | the same | the very same> <unit day | week | month | year> (?! ~"-" | ago | earlier | later | before | after)
next-day	date	the <rel next | following | previous | preceding> (<unit day> | DPART)
# the quarter, the latest quarter, the year-ago period: the quarter the text is about
ref-quarter	date	(the | that | its | this) (comparable | corresponding | same)? (<yrel "year-ago" | "year-earlier" | "prior-year" | "previous-year"> | <year #1900..2099> | <rel latest | current | same | comparable | corresponding | previous | preceding | prior | most recent | recent>)? fiscal? <unit quarter | period> (?! ~"-" | of | to | from)
# today, yesterday morning, late yesterday, now, recently, the past, the future
word	date	(<part early | earlier | late | later | mid> HS)? <word TWORD> (?! ~"-") ((?<! =future) | (?! LOWER ~"'" ~s)) DPART?
# this morning, last night, tomorrow evening
rel-daypart	time	(<part early | late | later | earlier>)? <rel this | last> DPART
# Friday, early Tuesday, Sunday night; "Friday" of "Friday's" (the possessive stays out of the span)
weekday	date	(<part early | earlier | late | later> on?)? NOTWD (?<! (=a | =A) _) <weekday ENWD> DPART? NOTNAMEPOSS
# the weekend ("over" stays out: "over the weekend" is "the weekend")
weekend	date	(the | this past) <unit weekend> (?! ~"-")
# Thanksgiving, Christmas Eve, Easter 2024
holiday	date	<holiday HOLIDAY> (~","? <year #1500..2099>)? NOTNAME
# a season of the document's year: the summer, in winter
season	date	(?<= (the | in | during | over | by | until | since | through) _) (<part early | late | mid> HS)? <season spring | summer | autumn | winter> (?! ~"-" | of (?! DIGITS) | (?! =and | =or | =but | =when | =as | =to | =in | =on | =at | =for | =with | =after | =before | =until | =he | =she | =it | =they | =we | =the | =a | =an | =is | =was | =will | =of) LOWER | =Olympics | =Games | =Palace)
