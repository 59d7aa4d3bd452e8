import { describe, expect, it } from 'vitest';
import { dueSending } from './schedule';

describe('dueSending', () => {
  it('sends nothing before the start', () => {
    expect(dueSending('monthly', '2026-03-10', '2026-03-09')).toBeNull();
    expect(dueSending('once', '2026-03-10', '2026-03-09')).toBeNull();
  });

  it('sends a one-off on its day, then never again', () => {
    expect(dueSending('once', '2026-03-10', '2026-03-10')).toEqual({
      dueOn: '2026-03-10',
      nextOn: null,
    });
  });

  it('repeats monthly, quarterly and yearly from the start, clamped to short months', () => {
    expect(dueSending('monthly', '2026-01-31', '2026-01-31')).toEqual({
      dueOn: '2026-01-31',
      nextOn: '2026-02-28',
    });
    expect(dueSending('monthly', '2026-01-31', '2026-03-01')).toEqual({
      dueOn: '2026-02-28',
      nextOn: '2026-03-31',
    });
    expect(dueSending('quarterly', '2026-01-15', '2026-04-15')).toEqual({
      dueOn: '2026-04-15',
      nextOn: '2026-07-15',
    });
    expect(dueSending('yearly', '2024-02-29', '2025-03-01')).toEqual({
      dueOn: '2025-02-28',
      nextOn: '2026-02-28',
    });
  });

  it('after days down, sends once for the latest date, not once per missed month', () => {
    expect(dueSending('monthly', '2026-01-05', '2026-06-20')).toEqual({
      dueOn: '2026-06-05',
      nextOn: '2026-07-05',
    });
  });
});
