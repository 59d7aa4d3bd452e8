import type { BreachStepsBody } from '../../../contracts/breach-determination-schemas';
import type { AuditContext } from '../../platform/audit/append';
import type { DemoClinic } from '../../platform/demo';
import { addDays } from '../../platform/time';
import { approveBreachDetermination, saveBreachSteps } from './breach';

// The demo's breach determinations (issue 16 part 7): recorded by the Security Official and
// approved by the Privacy Official (four eyes), dated relative to the demo's today.

/** The demo clinic acting as one of its people. */
export function as(clinic: DemoClinic, key: string): AuditContext {
  return { ...clinic.context, actor: { type: 'user', id: clinic.person(key), label: key } };
}

/** An instant `days` before the demo's today, mid-afternoon in the clinic's zone (a US zone). */
export const daysAgo = (clinic: DemoClinic, days: number): string =>
  `${addDays(clinic.today, -days)}T20:00:00Z`;

/** The calendar date `days` before the demo's today. */
export const dayAgo = (clinic: DemoClinic, days: number): string => addDays(clinic.today, -days);

const LOW = 'low' as const;
const HIGH = 'high' as const;

/** Records the steps as Priya and approves them as Tom. */
export async function determine(
  clinic: DemoClinic,
  incidentId: string,
  steps: BreachStepsBody,
  note: string,
): Promise<void> {
  const { deps, orgId } = clinic;
  await saveBreachSteps(deps, as(clinic, 'priya'), orgId, incidentId, steps);
  await approveBreachDetermination(deps, as(clinic, 'tom'), orgId, incidentId, note);
}

/** A phishing sign-in: PHI reachable, unsecured, but a low probability of compromise shown. */
export const phishingSteps = (clinic: DemoClinic): BreachStepsBody => ({
  phi: {
    involved: true,
    unsecured: true,
    rationale: 'The billing mailbox holds claim emails with patient names and account numbers.',
  },
  exclusion: { applies: null, facts: '' },
  factors: {
    nature: { rating: 'medium', rationale: 'Names, account numbers and dates of service.' },
    recipient: { rating: HIGH, rationale: 'An unknown attacker behind a fake sign-in page.' },
    acquired: {
      rating: LOW,
      rationale: 'Sign-in logs show no sign-in from outside: MFA refused the attacker.',
    },
    mitigation: { rating: LOW, rationale: 'Password reset within 10 minutes; sessions revoked.' },
  },
  facts: {
    breachOccurredOn: dayAgo(clinic, 75),
    affectedTotal: 80,
    affectedByState: { IL: 80 },
    lawEnforcementDelay: null,
  },
  conclusion: {
    lowProbability: true,
    rationale: 'MFA blocked every attempt and no message was read: low probability of compromise.',
  },
});

/** The stolen laptop: encrypted, key not compromised: secured, not a breach. */
export const laptopSteps = (clinic: DemoClinic): BreachStepsBody => ({
  phi: {
    involved: true,
    unsecured: false,
    rationale:
      'BitLocker full-disk encryption (AES-256) was on; the recovery key is held only in the device management tenant.',
  },
  facts: {
    breachOccurredOn: dayAgo(clinic, 31),
    affectedTotal: 340,
    affectedByState: { IL: 340 },
    lawEnforcementDelay: null,
  },
});

const breachFactors = (nature: string, recipient: string, mitigation: string) => ({
  nature: { rating: HIGH, rationale: nature },
  recipient: { rating: HIGH, rationale: recipient },
  acquired: { rating: HIGH, rationale: 'The PHI was received and could be read.' },
  mitigation: { rating: 'medium' as const, rationale: mitigation },
});

/** A fax of 12 patients' lab results sent to a wrong number: a breach under 500 (the yearly log). */
export const faxSteps = (clinic: DemoClinic): BreachStepsBody => ({
  phi: { involved: true, unsecured: true, rationale: 'A paper fax: not secured.' },
  exclusion: { applies: null, facts: '' },
  factors: breachFactors(
    'Names, dates of birth and lab results of 12 patients.',
    'A local business outside HIPAA, unknown to the clinic.',
    'The recipient confirmed in writing that the pages were shredded; fax numbers are now picked from the directory.',
  ),
  facts: {
    breachOccurredOn: dayAgo(clinic, 41),
    affectedTotal: 12,
    affectedByState: { IL: 12 },
    lawEnforcementDelay: null,
  },
  conclusion: { lowProbability: false, rationale: 'Lab results read by a stranger.' },
});

/** The ransomware: 1,200 patients in Illinois and Indiana; media notice where more than 500 live. */
export const ransomwareSteps = (clinic: DemoClinic): BreachStepsBody => ({
  phi: {
    involved: true,
    unsecured: true,
    rationale: 'The shared drive was not encrypted at rest.',
  },
  exclusion: { applies: null, facts: '' },
  factors: breachFactors(
    'Scanned referrals and intake forms: names, addresses, insurance numbers, diagnoses.',
    'A criminal group that copies data before encrypting it.',
    'Server isolated and rebuilt from backups; the copy could not be recovered.',
  ),
  facts: {
    breachOccurredOn: dayAgo(clinic, 52),
    affectedTotal: 1200,
    affectedByState: { IL: 700, IN: 500 },
    lawEnforcementDelay: null,
  },
  conclusion: {
    lowProbability: false,
    rationale: 'Data copied out by the attackers: a breach is presumed and not rebutted.',
  },
});
