import { describe, expect, it } from 'vitest';
import { accountMatcher, type RosterIdentity } from './match';

const person = (over: Partial<RosterIdentity> & { id: string; name: string }): RosterIdentity => ({
  reference: `PERSON-${over.id}`,
  emailKey: null,
  employeeId: null,
  endDate: null,
  ...over,
});

const roster = [
  person({ id: '1', name: 'Ana Patel', emailKey: 'ana.patel@example.org', employeeId: 'E-1' }),
  person({ id: '2', name: 'Ellen Brooks', employeeId: 'E-2', endDate: '2026-02-10' }),
  person({ id: '3', name: 'Sam Lee', employeeId: 'E-3' }),
  person({ id: '4', name: 'Sam Lee', employeeId: 'E-4' }),
  person({ id: '5', name: 'Left Later', endDate: '2026-04-02' }),
];
const match = accountMatcher(roster, '2026-04-01');

describe('matching an account export to the roster', () => {
  it('tries email (person, then account), then employee ID, then exact name, and says which', () => {
    expect(match('apatel', 'ANA.PATEL@example.org')).toMatchObject({
      person: { id: '1' },
      matchedBy: 'email',
    });
    expect(match('ana.patel@example.org', '')).toMatchObject({ matchedBy: 'email' });
    expect(match('ebrooks', 'E-2')).toMatchObject({
      person: { id: '2' },
      matchedBy: 'employee_id',
    });
    expect(match('E-3', 'Someone')).toMatchObject({ person: { id: '3' } });
    expect(match('ebrooks', 'Ellen Brooks')).toMatchObject({ matchedBy: 'name' });
  });

  it('takes no side when a name is shared, and a name must be exact', () => {
    expect(match('slee', 'Sam Lee')).toMatchObject({ person: null, matchedBy: null });
    expect(match('apatel', 'ana patel')).toMatchObject({ person: null });
  });

  it('flags a person whose end date is before the period start, not one leaving during it', () => {
    expect(match('x', 'Ellen Brooks').leftBeforePeriod).toBe(true);
    expect(match('x', 'Left Later').leftBeforePeriod).toBe(false);
    expect(match('x', 'Ana Patel').leftBeforePeriod).toBe(false);
    expect(match('x', 'Nobody').leftBeforePeriod).toBe(false);
  });
});
