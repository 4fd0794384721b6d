/* calendar.c: see calendar.h. */
#include "calendar.h"

#include <stdlib.h>
#include <string.h>

#include "nerx.h"

int nx_cal_is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int nx_cal_days_in_month(int y, int m) {
    static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12) return 0;
    return m == 2 && (y <= 0 || nx_cal_is_leap(y)) ? 29 : d[m - 1];
}

int nx_cal_parse_iso(const char *s, size_t len, int *y, int *m, int *d) {
    if (len != 10 || s[4] != '-' || s[7] != '-') return 0;
    for (size_t i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9')) return 0;
    *y = atoi(s);
    *m = (s[5] - '0') * 10 + (s[6] - '0');
    *d = (s[8] - '0') * 10 + (s[9] - '0');
    return *y >= 1 && *m >= 1 && *m <= 12 && *d >= 1 && *d <= nx_cal_days_in_month(*y, *m);
}

long nx_cal_days(int y, int m, int d) {
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void nx_cal_civil(long z, int *y, int *m, int *d) {
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

int nx_cal_weekday(long z) { return (int)(((z % 7) + 7 + 3) % 7) + 1; }

void nx_cal_iso_week(long z, int *wy, int *w) {
    long thursday = z - nx_cal_weekday(z) + 4;
    int y, m, d;
    nx_cal_civil(thursday, &y, &m, &d);
    *wy = y;
    *w = (int)((thursday - nx_cal_days(y, 1, 1)) / 7) + 1;
}

long nx_cal_easter(int y) {
    int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
    int h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
    return nx_cal_days(y, month, day);
}

/* The public check for a dct (nerx.h). */
int nx_is_date(const char *s) {
    int y, m, d;
    return s && nx_cal_parse_iso(s, strlen(s), &y, &m, &d);
}
