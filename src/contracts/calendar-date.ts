// Calendar dates as YYYY-MM-DD strings, computed on UTC dates only, so no time zone can move a
// date by a day. Four-digit years: callers keep their inputs at or before 9998-12-31.

function parts(date: string): [number, number, number] {
  const [year = Number.NaN, month = Number.NaN, day = Number.NaN] = date.split('-').map(Number);
  return [year, month, day];
}

function format(at: Date): string {
  const year = String(at.getUTCFullYear()).padStart(4, '0');
  const month = String(at.getUTCMonth() + 1).padStart(2, '0');
  const day = String(at.getUTCDate()).padStart(2, '0');
  return `${year}-${month}-${day}`;
}

function utcDate(year: number, month: number, day: number): Date {
  const at = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not read years 0–99 as 1900–1999.
  at.setUTCFullYear(year, month - 1, day);
  return at;
}

/** The calendar date `days` days after `date` (before it when negative). */
export function addCalendarDays(date: string, days: number): string {
  const [year, month, day] = parts(date);
  return format(utcDate(year, month, day + days));
}

/** The last day of the calendar year of `date`. */
export function endOfCalendarYear(date: string): string {
  const [year] = parts(date);
  return format(utcDate(year, 12, 31));
}

/** The later of two calendar dates (YYYY-MM-DD strings compare in calendar order). */
export function laterDate(a: string, b: string): string {
  return a >= b ? a : b;
}

/** The earlier of two calendar dates. */
export function earlierDate(a: string, b: string): string {
  return a <= b ? a : b;
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier): days left to a deadline. */
export function calendarDaysBetween(from: string, to: string): number {
  const [fy, fm, fd] = parts(from);
  const [ty, tm, td] = parts(to);
  return Math.round((utcDate(ty, tm, td).getTime() - utcDate(fy, fm, fd).getTime()) / 86_400_000);
}
