import { describe, expect, it } from 'vitest';
import { US_JURISDICTION_CODES, parseBreachDeadlinesInput } from './breach-deadlines-input';

const valid = {
  entityType: 'covered_entity',
  discoveredOn: '2026-03-10',
  breachOccurredOn: '2026-03-01',
  affectedTotal: 1_200,
  affectedByState: { CA: 700, NV: 500 },
  unsecuredPhi: true,
  exclusionClaimed: null,
  lowProbabilityDemonstrated: false,
  lawEnforcementDelayUntil: null,
};

const problem = (input: unknown) => {
  const parsed = parseBreachDeadlinesInput(input);
  return parsed.ok ? 'accepted' : `${parsed.field ?? '(input)'} ${parsed.message}`;
};

describe('parseBreachDeadlinesInput', () => {
  it('accepts the issue’s shape, with or without the optional oral statement date', () => {
    expect(problem(valid)).toBe('accepted');
    expect(problem({ ...valid, lawEnforcementOralStatementOn: null })).toBe('accepted');
    expect(
      problem({
        ...valid,
        lawEnforcementDelayUntil: '2026-06-30',
        lawEnforcementOralStatementOn: '2026-03-12',
      }),
    ).toBe('accepted');
  });

  it.each(Object.keys(valid))('names %s when it is missing', (field) => {
    const without = Object.fromEntries(Object.entries(valid).filter(([key]) => key !== field));
    expect(problem(without)).toBe(`${field} is required`);
  });

  it.each([
    ['entityType', 'hospital', 'entityType must be "covered_entity" or "business_associate"'],
    ['discoveredOn', '2026-02-29', 'discoveredOn must be a date (YYYY-MM-DD)'],
    ['discoveredOn', '2026-3-10', 'discoveredOn must be a date (YYYY-MM-DD)'],
    ['discoveredOn', '2026-03-10T10:00:00Z', 'discoveredOn must be a date (YYYY-MM-DD)'],
    ['discoveredOn', 20260310, 'discoveredOn must be a date (YYYY-MM-DD)'],
    ['discoveredOn', '9999-01-01', 'discoveredOn must be on or before 9998-12-31'],
    ['breachOccurredOn', '2026-13-01', 'breachOccurredOn must be a date (YYYY-MM-DD)'],
    ['breachOccurredOn', '2026-03-11', 'breachOccurredOn must be on or before discoveredOn'],
    ['affectedTotal', -1, 'affectedTotal must be a whole number from 0 to 1,000,000,000'],
    ['affectedTotal', 2.5, 'affectedTotal must be a whole number from 0 to 1,000,000,000'],
    ['affectedTotal', '1200', 'affectedTotal must be a whole number from 0 to 1,000,000,000'],
    ['affectedTotal', 1e12, 'affectedTotal must be a whole number from 0 to 1,000,000,000'],
    ['affectedByState', [], 'affectedByState must be an object of State codes and counts'],
    ['affectedByState', null, 'affectedByState must be an object of State codes and counts'],
    ['unsecuredPhi', 'yes', 'unsecuredPhi must be true or false'],
    ['unsecuredPhi', null, 'unsecuredPhi must be true or false'],
    [
      'exclusionClaimed',
      '(1)(iv)',
      'exclusionClaimed must be null, "(1)(i)", "(1)(ii)" or "(1)(iii)"',
    ],
    ['exclusionClaimed', false, 'exclusionClaimed must be null, "(1)(i)", "(1)(ii)" or "(1)(iii)"'],
    ['lowProbabilityDemonstrated', 0, 'lowProbabilityDemonstrated must be true or false'],
    ['lawEnforcementDelayUntil', 'soon', 'lawEnforcementDelayUntil must be a date (YYYY-MM-DD)'],
    [
      'lawEnforcementOralStatementOn',
      'yesterday',
      'lawEnforcementOralStatementOn must be a date (YYYY-MM-DD)',
    ],
  ])('names %s when it is %j', (field, value, expected) => {
    expect(problem({ ...valid, [field]: value })).toMatch(
      new RegExp(`^${expected.replace(/[()[\]{}.*+?^$|\\]/g, '\\$&')}`),
    );
  });

  it('names a State code that is not a USPS code of a State, DC or territory', () => {
    const message = 'is not the two-letter USPS code of a State, DC or territory (such as "CA")';
    expect(problem({ ...valid, affectedByState: { ca: 12 } })).toBe(
      `affectedByState.ca ${message}`,
    );
    expect(problem({ ...valid, affectedByState: { ZZ: 12 } })).toBe(
      `affectedByState.ZZ ${message}`,
    );
    expect(problem({ ...valid, affectedByState: { California: 1 } })).toBe(
      `affectedByState.California ${message}`,
    );
    // As JSON.parse gives it: an own `__proto__` key, which zod's record passes over.
    const proto = JSON.parse(
      JSON.stringify(valid).replace(
        '"affectedByState":{',
        '"affectedByState":{"__proto__":{"CA":900},',
      ),
    ) as unknown;
    expect(problem(proto)).toBe(`affectedByState.__proto__ ${message}`);
  });

  it('accepts the 50 States, DC and the five territories, and nothing else', () => {
    expect(US_JURISDICTION_CODES).toHaveLength(56);
    for (const code of ['DC', 'PR', 'GU', 'VI', 'AS', 'MP']) {
      expect(problem({ ...valid, affectedByState: { [code]: 1 } })).toBe('accepted');
    }
  });

  it('names a State count that is not a whole number of at least 0', () => {
    expect(problem({ ...valid, affectedByState: { CA: -3 } })).toMatch(/^affectedByState\.CA must/);
    expect(problem({ ...valid, affectedByState: { CA: 1.5 } })).toMatch(
      /^affectedByState\.CA must/,
    );
    expect(problem({ ...valid, affectedByState: { CA: '7' } })).toMatch(
      /^affectedByState\.CA must/,
    );
  });

  it('refuses State counts that add up to more than the total, and accepts them equal', () => {
    expect(problem({ ...valid, affectedByState: { CA: 700, NV: 501 } })).toBe(
      'affectedByState counts add up to 1201, more than affectedTotal (1200)',
    );
    expect(problem({ ...valid, affectedByState: { CA: 700, NV: 500 } })).toBe('accepted');
    expect(problem({ ...valid, affectedByState: {} })).toBe('accepted');
  });

  it('requires the end of the delay when an oral statement is given', () => {
    expect(problem({ ...valid, lawEnforcementOralStatementOn: '2026-03-12' })).toBe(
      'lawEnforcementDelayUntil is required when lawEnforcementOralStatementOn is given',
    );
  });

  it('names a field it does not know', () => {
    expect(problem({ ...valid, discoveredAt: '2026-03-10' })).toBe(
      'discoveredAt is not a known field',
    );
  });

  it.each([[null], [[]], ['text'], [42]])('refuses %j as a whole, naming no field', (input) => {
    expect(problem(input)).toBe('(input) must be one JSON object');
  });
});
