import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  calendarDaysBetween,
  earlierDate,
  endOfCalendarYear,
  laterDate,
} from './calendar-date';
import { DateOnly } from './common';

/** Days since 1970-01-01 of a civil date (H. Hinnant's algorithm): an oracle independent of Date. */
function dayNumber(date: string): number {
  const [year = 0, month = 0, day = 0] = date.split('-').map(Number);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

const FIRST = dayNumber('0001-01-01');
const LAST = dayNumber('9998-12-31');
const dateOf = (n: number) => new Date(n * 86_400_000).toISOString().slice(0, 10);

describe('calendar dates', () => {
  it('counts the days between two dates as the inverse of adding them', () => {
    expect(calendarDaysBetween('2026-03-12', '2026-05-08')).toBe(57);
    expect(calendarDaysBetween('2026-05-08', '2026-03-12')).toBe(-57);
    fc.assert(
      fc.property(fc.integer({ min: -3000, max: 3000 }), (days) => {
        expect(calendarDaysBetween('2024-02-29', addCalendarDays('2024-02-29', days))).toBe(days);
      }),
    );
  });

  it('adds days across month ends, year ends and February 29', () => {
    expect(addCalendarDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addCalendarDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addCalendarDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addCalendarDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(addCalendarDays('2000-02-28', 1)).toBe('2000-02-29');
    expect(addCalendarDays('2100-02-28', 1)).toBe('2100-03-01');
    // Years 0–99 stay themselves (Date.UTC would read them as 1900–1999).
    expect(addCalendarDays('0050-06-01', 1)).toBe('0050-06-02');
  });

  it('finds the end of the year and the later or earlier of two dates', () => {
    expect(endOfCalendarYear('2028-02-29')).toBe('2028-12-31');
    expect(laterDate('2026-05-09', '2026-06-30')).toBe('2026-06-30');
    expect(laterDate('2027-01-01', '2026-12-31')).toBe('2027-01-01');
    expect(earlierDate('2026-05-09', '2026-06-30')).toBe('2026-05-09');
  });

  it('agrees with an independent day count for any date and any shift', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: FIRST + 400, max: LAST - 400 }),
        fc.integer({ min: -400, max: 400 }),
        (day, shift) => {
          const date = dateOf(day);
          const shifted = addCalendarDays(date, shift);
          expect(DateOnly.safeParse(shifted).success).toBe(true);
          expect(dayNumber(shifted)).toBe(day + shift);
          // Lexical order of YYYY-MM-DD is calendar order.
          expect(Math.sign(shifted.localeCompare(date))).toBe(Math.sign(shift));
        },
      ),
      { numRuns: 2_000 },
    );
  });
});
