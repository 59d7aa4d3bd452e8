import { z } from 'zod';
import type { BreachDeadlinesInput } from './breach-deadlines-input';
import { addCalendarDays, earlierDate, endOfCalendarYear, laterDate } from './calendar-date';
import { DateOnly } from './common';

export {
  BREACH_EXCLUSIONS,
  BREACH_EXCLUSION_LABELS,
  BreachDeadlinesInputSchema,
  ENTITY_TYPES,
  ENTITY_TYPE_LABELS,
  LATEST_INPUT_DATE,
  MAX_AFFECTED,
  US_JURISDICTION_CODES,
  US_JURISDICTION_CODE_LABELS,
  parseBreachDeadlinesInput,
  type BreachDeadlinesInput,
  type BreachInputProblem,
} from './breach-deadlines-input';

// The Breach Notification Rule (45 CFR 164.400–414, Subpart D) as issue 16 states it. The citations
// below come from the issue; check them against the eCFR text of Subpart D (the team's
// shared/hipaa-sources holds Subpart C only).

/** Calendar days from discovery (day 0) to the outer limit of a notice; weekends and holidays count. */
export const NOTICE_DAYS = 60;
/** Breaches that occurred before this date are outside the rule (164.400). */
export const RULE_APPLIES_FROM = '2009-09-23';
/** Media notice for a State or jurisdiction with more than this many affected residents (164.406). */
export const MEDIA_NOTICE_ABOVE = 500;
/** HHS notice with the individual notice when this many or more are affected in total (164.408(b)). */
export const HHS_PROMPT_NOTICE_FROM = 500;
/** An oral law-enforcement request without a written statement delays at most this long (164.412). */
export const ORAL_DELAY_MAX_DAYS = 30;

export const HHS_NOTICE_KINDS = ['within_60_days', 'annual'] as const;
export const HHS_NOTICE_KIND_LABELS: Record<(typeof HHS_NOTICE_KINDS)[number], string> = {
  within_60_days: 'With the notice to individuals',
  annual: 'On the yearly log',
};

/** The deadlines of one incident: what `custos breach deadlines` prints (issue 16). */
export const BreachDeadlinesSchema = z.object({
  isBreach: z.boolean(),
  individualNoticeBy: DateOnly.nullable(),
  mediaNoticeRequiredStates: z.array(z.string()),
  mediaNoticeBy: DateOnly.nullable(),
  hhsNotice: z.enum(HHS_NOTICE_KINDS).nullable(),
  hhsNoticeBy: DateOnly.nullable(),
  businessAssociateNoticeToCoveredEntityBy: DateOnly.nullable(),
});

export type BreachDeadlines = z.infer<typeof BreachDeadlinesSchema>;

const NOTHING_DUE: BreachDeadlines = {
  isBreach: false,
  individualNoticeBy: null,
  mediaNoticeRequiredStates: [],
  mediaNoticeBy: null,
  hhsNotice: null,
  hhsNoticeBy: null,
  businessAssociateNoticeToCoveredEntityBy: null,
};

/** Whether the facts make a breach whose notices are due (otherwise nothing is). */
export function isNotifiableBreach(input: BreachDeadlinesInput): boolean {
  // Issue 16 "Not a breach": PHI secured (encrypted or destroyed per the HHS guidance).
  if (!input.unsecuredPhi) {
    return false;
  }
  // 164.402(1)(i)–(iii): an exclusion applies.
  if (input.exclusionClaimed !== null) {
    return false;
  }
  // 164.402(2): a low probability of compromise, demonstrated by the risk assessment.
  if (input.lowProbabilityDemonstrated) {
    return false;
  }
  // 164.400: the rule applies to breaches occurring on or after 2009-09-23.
  return input.breachOccurredOn >= RULE_APPLIES_FROM;
}

/**
 * The day a law-enforcement delay ends, or null without one (164.412). A delay asked for orally,
 * without a written statement, ends at the latest 30 days after the oral statement (164.412).
 */
export function lawEnforcementDelayEnds(input: BreachDeadlinesInput): string | null {
  const until = input.lawEnforcementDelayUntil;
  const oral = input.lawEnforcementOralStatementOn;
  if (until === null) {
    return null;
  }
  return oral ? earlierDate(until, addCalendarDays(oral, ORAL_DELAY_MAX_DAYS)) : until;
}

/**
 * The notification deadlines of an incident: pure, calendar dates only (YYYY-MM-DD), no clock.
 * Used by the server, the web app and `custos breach deadlines`; validate the input first with
 * `BreachDeadlinesInputSchema` or `parseBreachDeadlinesInput`.
 */
export function computeBreachDeadlines(input: BreachDeadlinesInput): BreachDeadlines {
  if (!isNotifiableBreach(input)) {
    return NOTHING_DUE;
  }
  const delayEnds = lawEnforcementDelayEnds(input);
  // 164.412: each deadline becomes the later of its own date and the end of the delay.
  const due = (date: string) => (delayEnds === null ? date : laterDate(date, delayEnds));
  // Discovery is day 0; the outer limit is discovery + 60 calendar days (164.404(b), 164.410(b)).
  const outerLimit = due(addCalendarDays(input.discoveredOn, NOTICE_DAYS));

  if (input.entityType === 'business_associate') {
    // 164.410(b): a business associate notifies the covered entity; the individual, media and
    // HHS notices are the covered entity's duties and are not computed here.
    return { ...NOTHING_DUE, isBreach: true, businessAssociateNoticeToCoveredEntityBy: outerLimit };
  }

  // 164.406: media notice for each State or jurisdiction with more than 500 residents affected
  // (strictly more: 500 → no notice, 501 → notice).
  const mediaStates = Object.entries(input.affectedByState)
    .filter(([, count]) => count > MEDIA_NOTICE_ABOVE)
    .map(([state]) => state)
    .sort();
  // 164.408(b): 500 or more → HHS with the individual notice; 164.408(c): fewer → the yearly log,
  // within 60 days after the end of the calendar year of discovery.
  const prompt = input.affectedTotal >= HHS_PROMPT_NOTICE_FROM;
  const yearlyLog = addCalendarDays(endOfCalendarYear(input.discoveredOn), NOTICE_DAYS);
  return {
    isBreach: true,
    // 164.404(b): individual notice by discovery + 60.
    individualNoticeBy: outerLimit,
    mediaNoticeRequiredStates: mediaStates,
    mediaNoticeBy: mediaStates.length > 0 ? outerLimit : null,
    hhsNotice: prompt ? 'within_60_days' : 'annual',
    hhsNoticeBy: prompt ? outerLimit : due(yearlyLog),
    businessAssociateNoticeToCoveredEntityBy: null,
  };
}
