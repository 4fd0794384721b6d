# nerx patterns: calendar dates
# source: nerx project (hand-written)
# licence: same as nerx
#
# name<TAB>type<TAB>regex. Named groups the date stage reads: year, month
# (a number or a month name), day, ... (see src/patterns.h). {MONTH} is every
# month name in the gazetteers (months.tsv); @define adds a macro for this file.
@define	DAY	(?:0?[1-9]|[12][0-9]|3[01])
@define	ORD	(?:st|nd|rd|th)
@define	YEAR	(?:1[0-9]{3}|20[0-9]{2})
month-day-year	date	\b(?<month>{MONTH})\.?\s+(?<day>{DAY}){ORD}?,?\s+(?<year>{YEAR})\b(?![-/.:]?\d)
day-numeric-date	date	(?<![\d/.-])(?<md1>0?[1-9]|[12][0-9]|3[01])(?<sep>[/.])(?<md2>0?[1-9]|[12][0-9]|3[01])\k<sep>(?<year>{YEAR}|'?[0-9]{2})(?![\d/]|[.-]\d)
month-year	date	\b(?<day>{DAY}){ORD}?\s+(?:of\s+)?(?<month>{MONTH})\.?,?\s+(?<year>{YEAR})\b(?![-/.:]?\d)
iso-date	date	(?<![\d-])(?<year>{YEAR})-(?<month>0[1-9]|1[0-2])-(?<day>0[1-9]|[12][0-9]|3[01])(?![\d-])
month-day	date	\b(?<month>{MONTH})\.?\s+(?<day>{DAY}){ORD}?\b(?![-/.:,]?\s*\d)
day-month	date	\b(?<day>{DAY}){ORD}?\s+(?:of\s+)?(?<month>{MONTH})\b
numeric-date	date	(?<![\d/.-])(?<md1>0?[1-9]|[12][0-9]|3[01])(?<sep>[/.])(?<md2>0?[1-9]|[12][0-9]|3[01])\k<sep>(?<year>{YEAR}|'?[0-9]{2})(?![\d/]|[.-]\d)
month-year	date	\b(?<month>{MONTH})\.?,?\s+(?<year>{YEAR})\b(?![-/.:]?\d)
