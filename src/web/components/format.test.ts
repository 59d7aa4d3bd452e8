import { describe, expect, it } from 'vitest';
import { describeChanges } from './changes';
import { fieldLabel } from './field-labels';
import { countOf, dayIn, formatDateTime, formatDue, plural } from './format';
import { currentZoneName, timeZoneNames } from './time-zones';

describe('words a person reads', () => {
  it('says real plurals', () => {
    expect(countOf(1, 'flow')).toBe('1 flow');
    expect(countOf(0, 'flow')).toBe('0 flows');
    expect(countOf(2, 'problem')).toBe('2 problems');
    expect(countOf(1200, 'asset')).toBe('1,200 assets');
    expect(countOf(3, 'safeguard category', 'safeguard categories')).toBe('3 safeguard categories');
    expect(plural(1, 'sends', 'send')).toBe('sends');
  });

  it('shows an instant in the organization’s time zone, saying which', () => {
    // 04:30 UTC on 2 March is still 1 March in Chicago.
    expect(formatDateTime('2026-03-02T04:30:00.000Z', 'America/Chicago')).toBe(
      '1 Mar 2026, 22:30 CST',
    );
    expect(formatDateTime('2026-07-02T04:30:00.000Z', 'America/Chicago')).toBe(
      '1 Jul 2026, 23:30 CDT',
    );
    expect(formatDateTime('2026-03-02T04:30:00.000Z', 'UTC')).toBe('2 Mar 2026, 04:30 UTC');
    expect(dayIn('America/Chicago', new Date('2026-03-02T04:30:00.000Z'))).toBe('2026-03-01');
    expect(dayIn('Asia/Kolkata', new Date('2026-03-01T20:00:00.000Z'))).toBe('2026-03-02');
  });

  it('says a deadline in words: a time, or the end of a day for one at midnight', () => {
    const now = new Date('2026-06-01T12:00:00.000Z');
    // Midnight in Chicago at the start of 5 June is the end of 4 June, not "5 Jun, 00:00".
    expect(formatDue('2026-06-05T05:00:00.000Z', 'America/Chicago', now)).toBe('end of 4 Jun');
    expect(formatDue('2026-12-03T23:30:00.000Z', 'America/Chicago', now)).toBe('3 Dec, 17:30 CST');
    expect(formatDue('2027-01-05T06:00:00.000Z', 'America/Chicago', now)).toBe('end of 4 Jan 2027');
    expect(formatDue(null, 'UTC', now)).toBe('—');
  });

  it('lists time zones by their current names', () => {
    expect(currentZoneName('Asia/Calcutta')).toBe('Asia/Kolkata');
    const names = timeZoneNames();
    expect(names).toContain('Asia/Kolkata');
    expect(names).toContain('Europe/Kyiv');
    expect(names).not.toContain('Asia/Calcutta');
    expect(names).not.toContain('Europe/Kiev');
  });

  it('names fields by their labels, not their paths', () => {
    expect(fieldLabel('body.code')).toBe('Code');
    expect(fieldLabel('ownerId')).toBe('Owner');
    expect(fieldLabel('nextReviewOn')).toBe('Next review');
    expect(fieldLabel('body.items.3.startsOn')).toBe('Starts on');
  });

  it('describes changes with labels and names, never ids or codes', () => {
    const people = new Map([['0190a1b2-0000-7000-8000-000000000001', 'Dana Reyes']]);
    const text = describeChanges(
      {
        ownerId: { before: null, after: '0190a1b2-0000-7000-8000-000000000001' },
        status: { before: 'not_started', after: 'in_progress' },
        nextReviewOn: { after: '2027-03-01' },
      },
      { people, timeZone: 'America/Chicago' },
    );
    expect(text).toBe(
      'Owner: none → Dana Reyes; Status: Not started → In progress; Next review: 1 Mar 2027',
    );
  });
});
