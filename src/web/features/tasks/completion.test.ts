import { describe, expect, it } from 'vitest';
import { completionText } from './completion';

describe('a completed task says who completed it and when', () => {
  const done = {
    status: 'done' as const,
    completedAt: '2026-03-13T04:30:00.000Z',
    completedBy: { id: 'u1', name: 'Priya Raman' },
  };

  it('on the day of the organization’s zone, not UTC’s', () => {
    expect(completionText(done, 'America/Chicago')).toBe('Completed by Priya Raman on 12 Mar 2026');
    expect(completionText(done, 'Europe/Berlin')).toBe('Completed by Priya Raman on 13 Mar 2026');
    expect(completionText(done, 'America/Chicago', true)).toBe(
      'Completed by Priya Raman on 12 Mar 2026, 23:30 CDT',
    );
  });

  it('names nobody when no person completed it, and says nothing of an open task', () => {
    expect(completionText({ ...done, completedBy: null }, 'UTC')).toBe('Completed on 13 Mar 2026');
    expect(completionText({ status: 'open', completedAt: null, completedBy: null }, 'UTC')).toBe(
      '',
    );
  });
});
