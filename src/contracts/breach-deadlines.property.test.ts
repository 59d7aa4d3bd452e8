import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BREACH_EXCLUSIONS,
  BreachDeadlinesInputSchema,
  US_JURISDICTION_CODES,
  computeBreachDeadlines,
  lawEnforcementDelayEnds,
  type BreachDeadlines,
  type BreachDeadlinesInput,
} from './breach-deadlines';
import { addCalendarDays, endOfCalendarYear, laterDate } from './calendar-date';

const DAY = 86_400_000;
/** A calendar date from `from` to `to`, both included. */
const dateBetween = (from: string, to: string) =>
  fc
    .integer({ min: Date.parse(from) / DAY, max: Date.parse(to) / DAY })
    .map((n) => new Date(n * DAY).toISOString().slice(0, 10));

/** Mostly `usual`, now and then the other boolean. */
const mostly = (usual: boolean) =>
  fc.oneof(
    { arbitrary: fc.constant(usual), weight: 4 },
    { arbitrary: fc.constant(!usual), weight: 1 },
  );

const inputs: fc.Arbitrary<BreachDeadlinesInput> = fc
  .record({
    entityType: fc.constantFrom('covered_entity', 'business_associate'),
    discoveredOn: dateBetween('2008-01-01', '2100-12-31'),
    occurredDaysBefore: fc.integer({ min: 0, max: 1_500 }),
    affectedByState: fc.dictionary(
      fc.constantFrom(...US_JURISDICTION_CODES),
      fc.oneof(
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 2_000 }),
        fc.constantFrom(499, 500, 501),
      ),
      { maxKeys: 6 },
    ),
    unlisted: fc.oneof(fc.integer({ min: 0, max: 2_000 }), fc.constant(0)),
    unsecuredPhi: mostly(true),
    exclusionClaimed: fc.oneof(
      { arbitrary: fc.constant(null), weight: 6 },
      { arbitrary: fc.constantFrom(...BREACH_EXCLUSIONS), weight: 1 },
    ),
    lowProbabilityDemonstrated: mostly(false),
    delayDays: fc.option(fc.integer({ min: -100, max: 500 }), { freq: 2 }),
    oralDays: fc.option(fc.integer({ min: -30, max: 200 }), { freq: 2 }),
  })
  .map((r) => {
    const byState = Object.values(r.affectedByState).reduce((sum, n) => sum + n, 0);
    const delayUntil = r.delayDays === null ? null : addCalendarDays(r.discoveredOn, r.delayDays);
    return BreachDeadlinesInputSchema.parse({
      entityType: r.entityType,
      discoveredOn: r.discoveredOn,
      breachOccurredOn: addCalendarDays(r.discoveredOn, -r.occurredDaysBefore),
      affectedTotal: byState + r.unlisted,
      affectedByState: r.affectedByState,
      unsecuredPhi: r.unsecuredPhi,
      exclusionClaimed: r.exclusionClaimed,
      lowProbabilityDemonstrated: r.lowProbabilityDemonstrated,
      lawEnforcementDelayUntil: delayUntil,
      lawEnforcementOralStatementOn:
        delayUntil === null || r.oralDays === null
          ? null
          : addCalendarDays(r.discoveredOn, r.oralDays),
    });
  });

const DATE_FIELDS = [
  'individualNoticeBy',
  'mediaNoticeBy',
  'hhsNoticeBy',
  'businessAssociateNoticeToCoveredEntityBy',
] as const satisfies readonly (keyof BreachDeadlines)[];

const RUNS = { numRuns: 1_000 };

describe('computeBreachDeadlines, for any valid input', () => {
  it('never puts a deadline before discovery', () => {
    fc.assert(
      fc.property(inputs, (input) => {
        const result = computeBreachDeadlines(input);
        for (const field of DATE_FIELDS) {
          const date = result[field];
          if (date !== null) {
            expect(date >= input.discoveredOn).toBe(true);
          }
        }
      }),
      RUNS,
    );
  });

  it('puts none after discovery + 60 unless the delay or the yearly log applies', () => {
    fc.assert(
      fc.property(inputs, (input) => {
        const result = computeBreachDeadlines(input);
        const day60 = addCalendarDays(input.discoveredOn, 60);
        const delayEnds = lawEnforcementDelayEnds(input);
        for (const field of DATE_FIELDS) {
          const date = result[field];
          const yearlyLog = field === 'hhsNoticeBy' && result.hhsNotice === 'annual';
          if (date === null || yearlyLog) {
            continue;
          }
          expect(date === day60 || date === delayEnds).toBe(true);
          expect(date).toBe(delayEnds === null ? day60 : laterDate(day60, delayEnds));
        }
        if (result.hhsNotice === 'annual') {
          const log = addCalendarDays(endOfCalendarYear(input.discoveredOn), 60);
          expect(result.hhsNoticeBy).toBe(delayEnds === null ? log : laterDate(log, delayEnds));
        }
      }),
      RUNS,
    );
  });

  it('never makes a deadline earlier because of a law-enforcement delay, nor changes what is due', () => {
    fc.assert(
      fc.property(inputs, (input) => {
        const delayed = computeBreachDeadlines(input);
        const plain = computeBreachDeadlines({
          ...input,
          lawEnforcementDelayUntil: null,
          lawEnforcementOralStatementOn: null,
        });
        expect(delayed.isBreach).toBe(plain.isBreach);
        expect(delayed.hhsNotice).toBe(plain.hhsNotice);
        expect(delayed.mediaNoticeRequiredStates).toEqual(plain.mediaNoticeRequiredStates);
        for (const field of DATE_FIELDS) {
          const before = plain[field];
          const after = delayed[field];
          expect(after === null).toBe(before === null);
          if (before !== null && after !== null) {
            expect(after >= before).toBe(true);
          }
        }
      }),
      RUNS,
    );
  });

  it('keeps an oral delay within 30 days of the oral statement', () => {
    fc.assert(
      fc.property(inputs, (input) => {
        const ends = lawEnforcementDelayEnds(input);
        const oral = input.lawEnforcementOralStatementOn;
        if (ends !== null && oral) {
          expect(ends <= addCalendarDays(oral, 30)).toBe(true);
          expect(ends <= (input.lawEnforcementDelayUntil ?? '')).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('computes only what the entity owes, and nothing for a non-breach', () => {
    fc.assert(
      fc.property(inputs, (input) => {
        const result = computeBreachDeadlines(input);
        const dates = DATE_FIELDS.filter((field) => result[field] !== null);
        if (!result.isBreach) {
          expect(dates).toEqual([]);
          expect(result.hhsNotice).toBeNull();
        } else if (input.entityType === 'business_associate') {
          expect(dates).toEqual(['businessAssociateNoticeToCoveredEntityBy']);
        } else {
          expect(dates).not.toContain('businessAssociateNoticeToCoveredEntityBy');
          expect(result.hhsNotice === 'within_60_days').toBe(input.affectedTotal >= 500);
          expect(result.mediaNoticeRequiredStates).toEqual(
            Object.keys(input.affectedByState)
              .filter((state) => (input.affectedByState[state] ?? 0) > 500)
              .sort(),
          );
        }
      }),
      RUNS,
    );
  });
});
