import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { todayIn } from '../../platform/time';
import { endOfDayIn } from './end-of-day';

describe('endOfDayIn', () => {
  it('is the next local midnight', () => {
    expect(endOfDayIn('UTC', '2026-03-02').toISOString()).toBe('2026-03-03T00:00:00.000Z');
    expect(endOfDayIn('America/New_York', '2026-03-02').toISOString()).toBe(
      '2026-03-03T05:00:00.000Z',
    );
    // The night clocks go forward (8 March 2026 in New York): EDT, four hours behind.
    expect(endOfDayIn('America/New_York', '2026-03-08').toISOString()).toBe(
      '2026-03-09T04:00:00.000Z',
    );
    expect(endOfDayIn('Asia/Kolkata', '2026-03-02').toISOString()).toBe('2026-03-02T18:30:00.000Z');
  });

  it('ends the day itself: a millisecond before is that day, the instant is the next', () => {
    const zones = ['UTC', 'America/New_York', 'Europe/Berlin', 'Australia/Lord_Howe'];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.date({ min: new Date('2000-01-01'), max: new Date('2040-12-31'), noInvalidDate: true }),
        (zone, d) => {
          const date = d.toISOString().slice(0, 10);
          const end = endOfDayIn(zone, date);
          expect(todayIn(zone, new Date(end.getTime() - 1))).toBe(date);
          expect(todayIn(zone, end)).not.toBe(date);
        },
      ),
    );
  });
});
