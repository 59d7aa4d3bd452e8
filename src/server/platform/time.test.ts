import { describe, expect, it } from 'vitest';
import { addDays, addMonths, todayIn } from './time';

describe('calendar dates', () => {
  it('today depends on the time zone', () => {
    const now = new Date('2026-03-01T03:30:00Z');
    expect(todayIn('UTC', now)).toBe('2026-03-01');
    expect(todayIn('America/Chicago', now)).toBe('2026-02-28');
  });

  it('adds months, clamping to the end of shorter months', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
});
