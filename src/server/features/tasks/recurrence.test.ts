import { describe, expect, it } from 'vitest';
import { fromRrule, nextDueOn, toRrule } from './recurrence';

describe('task recurrence', () => {
  it('stores RRULE text and reads it back', () => {
    expect(toRrule({ frequency: 'monthly', interval: 3 })).toBe('FREQ=MONTHLY;INTERVAL=3');
    expect(fromRrule('FREQ=WEEKLY;INTERVAL=2')).toEqual({ frequency: 'weekly', interval: 2 });
  });

  it.each([
    ['FREQ=DAILY;INTERVAL=1', '2026-12-31', '2027-01-01'],
    ['FREQ=WEEKLY;INTERVAL=2', '2026-11-20', '2026-12-04'],
    ['FREQ=MONTHLY;INTERVAL=1', '2026-11-15', '2026-12-15'],
    ['FREQ=MONTHLY;INTERVAL=1', '2026-01-31', '2026-02-28'],
    ['FREQ=MONTHLY;INTERVAL=3', '2026-01-31', '2026-04-30'],
    ['FREQ=MONTHLY;INTERVAL=1', '2026-03-30', '2026-04-30'],
    ['FREQ=YEARLY;INTERVAL=1', '2028-02-29', '2029-02-28'],
    ['FREQ=YEARLY;INTERVAL=1', '2026-06-30', '2027-06-30'],
  ])('%s after %s is %s', (rule, due, next) => {
    expect(nextDueOn(rule, due)).toBe(next);
  });
});
