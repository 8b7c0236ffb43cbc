/* date.h: calendar arithmetic on the proleptic Gregorian calendar — a date as days counted
 * from 1970-01-01 and back (Howard Hinnant's algorithms, any year), and month lengths. */
#ifndef SURVEY_DATE_H
#define SURVEY_DATE_H

/* Days from 1970-01-01 to y-m-d (negative before it); m in 1..12, d in 1..31. */
long long date_days_from_civil(long long y, int m, int d);

/* The date of day z counted from 1970-01-01. */
void date_civil_from_days(long long z, int *y, int *m, int *d);

/* The days of month m (1..12) of year y: 28 to 31. */
int date_days_in_month(long long y, int m);

#endif
