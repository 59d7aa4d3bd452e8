import { describe, expect, it } from 'vitest';
import { isoToZoned, zonedToIso } from './local-time';

describe('wall-clock times in a time zone', () => {
  it('reads a field in the zone, across daylight saving time', () => {
    expect(zonedToIso('2026-06-01T09:30', 'America/Chicago')).toBe('2026-06-01T14:30:00.000Z');
    expect(zonedToIso('2026-01-15T09:30', 'America/Chicago')).toBe('2026-01-15T15:30:00.000Z');
    expect(zonedToIso('2026-06-01T09:30', 'Asia/Kolkata')).toBe('2026-06-01T04:00:00.000Z');
    expect(zonedToIso('', 'UTC')).toBeUndefined();
  });
  it('shows an instant back as the same field', () => {
    expect(isoToZoned('2026-06-01T14:30:00.000Z', 'America/Chicago')).toBe('2026-06-01T09:30');
    expect(isoToZoned(null, 'UTC')).toBe('');
  });
});
