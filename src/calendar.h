/*
 * calendar.h: proleptic Gregorian calendar arithmetic, with no knowledge of
 * text: ISO dates, days since the epoch, weekdays, ISO weeks and Easter.
 * Used by the date stage (dates.c) to resolve values and by the readers
 * (input.c) and the public nx_is_date() to check a dct.
 *
 * Days are counted from 1970-01-01 (day 0); weekdays are 1 = Monday to
 * 7 = Sunday, as in ISO 8601 and TIMEX3 (XXXX-WXX-1 is a Monday).
 */
#ifndef NX_CALENDAR_H
#define NX_CALENDAR_H

#include <stddef.h>

int nx_cal_is_leap(int y);
/* Days in month m (1-12) of year y; 0 for a month out of range. Year 0 and
 * before (an unknown year) let February have 29 days. */
int nx_cal_days_in_month(int y, int m);
/* Parses "YYYY-MM-DD" (exactly 10 bytes, a real calendar date).
 * Returns 1 and sets *y, *m, *d when valid, else 0. */
int nx_cal_parse_iso(const char *s, size_t len, int *y, int *m, int *d);
/* Days since 1970-01-01 of a date, and back (H. Hinnant's algorithms). */
long nx_cal_days(int y, int m, int d);
void nx_cal_civil(long days, int *y, int *m, int *d);
/* The weekday of a day: 1 = Monday ... 7 = Sunday. */
int nx_cal_weekday(long days);
/* The ISO 8601 week of a day and the year it belongs to. */
void nx_cal_iso_week(long days, int *week_year, int *week);
/* Easter Sunday of year y (the anonymous Gregorian algorithm), as days. */
long nx_cal_easter(int y);

#endif
