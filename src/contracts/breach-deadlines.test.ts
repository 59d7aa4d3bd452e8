import { describe, expect, it } from 'vitest';
import {
  BreachDeadlinesInputSchema,
  computeBreachDeadlines,
  lawEnforcementDelayEnds,
  type BreachDeadlinesInput,
} from './breach-deadlines';

/** A valid input: a covered entity's breach of 12 Californians, occurred and discovered 2026-03-10. */
function facts(overrides: Partial<BreachDeadlinesInput> = {}): BreachDeadlinesInput {
  const discoveredOn = overrides.discoveredOn ?? '2026-03-10';
  return BreachDeadlinesInputSchema.parse({
    entityType: 'covered_entity',
    discoveredOn,
    breachOccurredOn: discoveredOn,
    affectedTotal: 12,
    affectedByState: { CA: 12 },
    unsecuredPhi: true,
    exclusionClaimed: null,
    lowProbabilityDemonstrated: false,
    lawEnforcementDelayUntil: null,
    ...overrides,
  });
}

const deadlines = (overrides: Partial<BreachDeadlinesInput> = {}) =>
  computeBreachDeadlines(facts(overrides));

const nothingDue = {
  isBreach: false,
  individualNoticeBy: null,
  mediaNoticeRequiredStates: [],
  mediaNoticeBy: null,
  hhsNotice: null,
  hhsNoticeBy: null,
  businessAssociateNoticeToCoveredEntityBy: null,
};

const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

describe('computeBreachDeadlines: a covered entity', () => {
  it('gives the whole answer for a small breach: individuals by day 60, HHS on the yearly log', () => {
    expect(deadlines()).toEqual({
      isBreach: true,
      individualNoticeBy: '2026-05-09',
      mediaNoticeRequiredStates: [],
      mediaNoticeBy: null,
      hhsNotice: 'annual',
      hhsNoticeBy: '2027-03-01',
      businessAssociateNoticeToCoveredEntityBy: null,
    });
  });

  it('counts discovery as day 0 and calendar days through short months', () => {
    expect(deadlines({ discoveredOn: '2026-01-01' }).individualNoticeBy).toBe('2026-03-02');
    expect(deadlines({ discoveredOn: '2026-03-01' }).individualNoticeBy).toBe('2026-04-30');
  });

  it('gives no extra day for a weekend or a holiday', () => {
    const saturday = deadlines({ discoveredOn: '2026-03-10' }).individualNoticeBy;
    expect(saturday).toBe('2026-05-09');
    expect(weekday('2026-05-09')).toBe(6);
    // Discovered 2026-05-05: day 60 is Independence Day, a Saturday.
    expect(deadlines({ discoveredOn: '2026-05-05' }).individualNoticeBy).toBe('2026-07-04');
  });

  it('counts February 29 in a leap year', () => {
    expect(deadlines({ discoveredOn: '2024-01-01' }).individualNoticeBy).toBe('2024-03-01');
    expect(deadlines({ discoveredOn: '2025-01-01' }).individualNoticeBy).toBe('2025-03-02');
    expect(
      deadlines({ discoveredOn: '2024-02-29', breachOccurredOn: '2024-02-01' }).individualNoticeBy,
    ).toBe('2024-04-29');
    // 2100 is not a leap year (divisible by 100, not by 400).
    expect(
      deadlines({ discoveredOn: '2100-01-01', breachOccurredOn: '2100-01-01' }).individualNoticeBy,
    ).toBe('2100-03-02');
  });

  it('crosses the year end', () => {
    expect(deadlines({ discoveredOn: '2026-12-15' }).individualNoticeBy).toBe('2027-02-13');
    expect(deadlines({ discoveredOn: '2026-12-31' }).individualNoticeBy).toBe('2027-03-01');
    expect(deadlines({ discoveredOn: '2027-11-30' }).individualNoticeBy).toBe('2028-01-29');
  });

  it('requires media notice in a State with more than 500 residents affected: 500 no, 501 yes', () => {
    const at500 = deadlines({ affectedTotal: 500, affectedByState: { CA: 500 } });
    expect(at500.mediaNoticeRequiredStates).toEqual([]);
    expect(at500.mediaNoticeBy).toBeNull();
    const at501 = deadlines({ affectedTotal: 501, affectedByState: { CA: 501 } });
    expect(at501.mediaNoticeRequiredStates).toEqual(['CA']);
    expect(at501.mediaNoticeBy).toBe('2026-05-09');
  });

  it('decides media notice State by State, sorted, not on the total', () => {
    const result = deadlines({
      affectedTotal: 2_000,
      affectedByState: { TX: 800, NY: 500, CA: 501, FL: 3, PR: 196 },
    });
    expect(result.mediaNoticeRequiredStates).toEqual(['CA', 'TX']);
    expect(result.mediaNoticeBy).toBe(result.individualNoticeBy);
    // 1,000 people over three States, none above 500: no media notice, yet HHS within 60 days.
    const spread = deadlines({
      affectedTotal: 1_000,
      affectedByState: { CA: 400, NV: 400, OR: 200 },
    });
    expect(spread.mediaNoticeRequiredStates).toEqual([]);
    expect(spread.hhsNotice).toBe('within_60_days');
  });

  it('notifies HHS with the individuals from 500 affected in total; below 500, on the yearly log', () => {
    expect(deadlines({ affectedTotal: 500, affectedByState: {} })).toMatchObject({
      hhsNotice: 'within_60_days',
      hhsNoticeBy: '2026-05-09',
    });
    expect(deadlines({ affectedTotal: 499, affectedByState: {} })).toMatchObject({
      hhsNotice: 'annual',
      hhsNoticeBy: '2027-03-01',
    });
  });

  it('puts the yearly log 60 days after the end of the year of discovery, leap years included', () => {
    const logDate = (discoveredOn: string) =>
      deadlines({ discoveredOn, breachOccurredOn: discoveredOn }).hhsNoticeBy;
    // Discovered in 2027: the log is due in the leap year 2028, on February 29.
    expect(logDate('2027-01-01')).toBe('2028-02-29');
    expect(logDate('2027-12-31')).toBe('2028-02-29');
    // Discovered in the leap year 2028 (its February 29 included): due March 1, 2029.
    expect(logDate('2028-02-29')).toBe('2029-03-01');
    expect(logDate('2028-12-31')).toBe('2029-03-01');
    expect(logDate('2026-06-15')).toBe('2027-03-01');
  });
});

describe('computeBreachDeadlines: a business associate', () => {
  it('owes the covered entity notice by day 60 and nothing else is computed', () => {
    expect(
      deadlines({
        entityType: 'business_associate',
        affectedTotal: 1_200,
        affectedByState: { CA: 700, NV: 500 },
      }),
    ).toEqual({
      ...nothingDue,
      isBreach: true,
      businessAssociateNoticeToCoveredEntityBy: '2026-05-09',
    });
  });

  it('is not a breach for a business associate either when an exclusion applies', () => {
    expect(deadlines({ entityType: 'business_associate', exclusionClaimed: '(1)(ii)' })).toEqual(
      nothingDue,
    );
  });
});

describe('computeBreachDeadlines: not a breach, nothing due', () => {
  it('when the PHI was secured', () => {
    expect(
      deadlines({ unsecuredPhi: false, affectedTotal: 900, affectedByState: { CA: 900 } }),
    ).toEqual(nothingDue);
  });

  it.each(['(1)(i)', '(1)(ii)', '(1)(iii)'] as const)('when exclusion %s applies', (exclusion) => {
    expect(deadlines({ exclusionClaimed: exclusion })).toEqual(nothingDue);
  });

  it('when a low probability of compromise is demonstrated', () => {
    expect(deadlines({ lowProbabilityDemonstrated: true })).toEqual(nothingDue);
  });

  it('when the breach occurred before 2009-09-23, even if discovered after', () => {
    expect(deadlines({ breachOccurredOn: '2009-09-22', discoveredOn: '2009-10-01' })).toEqual(
      nothingDue,
    );
    expect(deadlines({ breachOccurredOn: '2009-09-23', discoveredOn: '2009-10-01' })).toMatchObject(
      { isBreach: true, individualNoticeBy: '2009-11-30' },
    );
  });
});

describe('computeBreachDeadlines: a law-enforcement delay', () => {
  const big = { affectedTotal: 1_200, affectedByState: { CA: 700, NV: 500 } };

  it('moves every deadline to the end of a delay that ends after day 60', () => {
    expect(deadlines({ ...big, lawEnforcementDelayUntil: '2026-06-30' })).toMatchObject({
      individualNoticeBy: '2026-06-30',
      mediaNoticeRequiredStates: ['CA'],
      mediaNoticeBy: '2026-06-30',
      hhsNotice: 'within_60_days',
      hhsNoticeBy: '2026-06-30',
    });
    expect(
      deadlines({ entityType: 'business_associate', lawEnforcementDelayUntil: '2026-06-30' })
        .businessAssociateNoticeToCoveredEntityBy,
    ).toBe('2026-06-30');
  });

  it('changes nothing when it ends before or on day 60, or before discovery', () => {
    const plain = deadlines(big);
    expect(deadlines({ ...big, lawEnforcementDelayUntil: '2026-04-01' })).toEqual(plain);
    expect(deadlines({ ...big, lawEnforcementDelayUntil: '2026-05-09' })).toEqual(plain);
    expect(deadlines({ ...big, lawEnforcementDelayUntil: '2026-01-01' })).toEqual(plain);
  });

  it('moves the yearly log only when it ends after the log date', () => {
    expect(deadlines({ lawEnforcementDelayUntil: '2026-06-30' })).toMatchObject({
      individualNoticeBy: '2026-06-30',
      hhsNotice: 'annual',
      hhsNoticeBy: '2027-03-01',
    });
    expect(deadlines({ lawEnforcementDelayUntil: '2027-04-15' })).toMatchObject({
      individualNoticeBy: '2027-04-15',
      hhsNoticeBy: '2027-04-15',
    });
  });

  it('does not make a non-breach due', () => {
    expect(deadlines({ unsecuredPhi: false, lawEnforcementDelayUntil: '2026-06-30' })).toEqual(
      nothingDue,
    );
  });

  it('asked orally without a written statement, lasts at most 30 days from the oral statement', () => {
    // Oral on 2026-04-20: the delay ends 2026-05-20 at the latest, whatever was asked.
    const oral = {
      lawEnforcementOralStatementOn: '2026-04-20',
      lawEnforcementDelayUntil: '2026-06-30',
    };
    expect(lawEnforcementDelayEnds(facts(oral))).toBe('2026-05-20');
    expect(deadlines(oral).individualNoticeBy).toBe('2026-05-20');
    // An oral delay asked to end sooner ends then.
    const short = {
      lawEnforcementOralStatementOn: '2026-04-20',
      lawEnforcementDelayUntil: '2026-05-15',
    };
    expect(deadlines(short).individualNoticeBy).toBe('2026-05-15');
    // Oral on 2026-03-12: capped at 2026-04-11, before day 60, so nothing moves.
    const early = {
      lawEnforcementOralStatementOn: '2026-03-12',
      lawEnforcementDelayUntil: '2026-06-30',
    };
    expect(deadlines(early).individualNoticeBy).toBe('2026-05-09');
    // Without an oral statement (a written one), the delay lasts as long as it says.
    expect(lawEnforcementDelayEnds(facts({ lawEnforcementDelayUntil: '2026-06-30' }))).toBe(
      '2026-06-30',
    );
    expect(
      lawEnforcementDelayEnds(
        facts({ lawEnforcementDelayUntil: '2026-06-30', lawEnforcementOralStatementOn: null }),
      ),
    ).toBe('2026-06-30');
    expect(lawEnforcementDelayEnds(facts())).toBeNull();
  });
});
