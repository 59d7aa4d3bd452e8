import {
  BREACH_FACTORS,
  type BreachDeterminationView,
  type BreachFactor,
  type BreachStepsBody,
  type DelayStatement,
  type FactorRating,
} from '../../../contracts/breach-determination-schemas';
import type { BREACH_EXCLUSIONS, US_JURISDICTION_CODES } from '../../../contracts/breach-deadlines';

// The determination's form state and the request body it makes: each answered step is sent (and
// stamped by the server with who and when); a step left unanswered is not.

type YesNo = 'yes' | 'no' | null;
type Exclusion = (typeof BREACH_EXCLUSIONS)[number] | 'none' | null;
export type StateCode = (typeof US_JURISDICTION_CODES)[number];

export interface BreachForm {
  involved: YesNo;
  unsecured: YesNo;
  phiRationale: string;
  exclusion: Exclusion;
  exclusionFacts: string;
  factors: Record<BreachFactor, { rating: FactorRating | null; rationale: string }>;
  breachOccurredOn: string;
  affectedTotal: number | string;
  byState: Partial<Record<StateCode, number | string>>;
  delayed: boolean;
  delayUntil: string;
  statement: DelayStatement;
  statementOn: string;
  lowProbability: YesNo;
  conclusionRationale: string;
}

const yesNo = (v: boolean | null | undefined): YesNo =>
  v === true ? 'yes' : v === false ? 'no' : null;

/** The form for a draft, from what it holds. */
export function formOf(d: BreachDeterminationView | undefined): BreachForm {
  const factors = Object.fromEntries(
    BREACH_FACTORS.map((f) => [
      f,
      { rating: d?.factors?.[f].rating ?? null, rationale: d?.factors?.[f].rationale ?? '' },
    ]),
  ) as BreachForm['factors'];
  const delay = d?.facts?.lawEnforcementDelay ?? null;
  return {
    involved: yesNo(d?.phi?.involved),
    unsecured: yesNo(d?.phi?.unsecured),
    phiRationale: d?.phi?.rationale ?? '',
    exclusion: d?.exclusion ? (d.exclusion.applies ?? 'none') : null,
    exclusionFacts: d?.exclusion?.facts ?? '',
    factors,
    breachOccurredOn: d?.facts?.breachOccurredOn ?? '',
    affectedTotal: d?.facts?.affectedTotal ?? '',
    byState: { ...(d?.facts?.affectedByState ?? {}) },
    delayed: delay !== null,
    delayUntil: delay?.until ?? '',
    statement: delay?.statement ?? 'written',
    statementOn: delay?.statementOn ?? '',
    lowProbability: yesNo(d?.conclusion?.lowProbability),
    conclusionRationale: d?.conclusion?.rationale ?? '',
  };
}

/** Which steps the answers so far lead to. */
export function stepsShown(form: BreachForm) {
  const unsecured = form.involved === 'yes' && form.unsecured === 'yes';
  const assess = unsecured && form.exclusion === 'none';
  return { unsecured, exclusion: unsecured, assess, facts: form.involved === 'yes' };
}

const count = (v: number | string) => (typeof v === 'number' ? v : Number.parseInt(v, 10));

/** The request body: the steps answered, as the API takes them. */
export function bodyOf(form: BreachForm): BreachStepsBody {
  const shown = stepsShown(form);
  const body: BreachStepsBody = {};
  if (form.involved) {
    body.phi = {
      involved: form.involved === 'yes',
      unsecured: form.involved === 'yes' && form.unsecured ? form.unsecured === 'yes' : null,
      rationale: form.phiRationale,
    };
  }
  if (shown.exclusion && form.exclusion) {
    body.exclusion = {
      applies: form.exclusion === 'none' ? null : form.exclusion,
      facts: form.exclusionFacts,
    };
  }
  if (shown.assess && BREACH_FACTORS.every((f) => form.factors[f].rating !== null)) {
    const factor = (f: BreachFactor) => ({
      rating: form.factors[f].rating ?? 'high',
      rationale: form.factors[f].rationale,
    });
    body.factors = {
      nature: factor('nature'),
      recipient: factor('recipient'),
      acquired: factor('acquired'),
      mitigation: factor('mitigation'),
    };
  }
  if (shown.assess && form.lowProbability) {
    body.conclusion = {
      lowProbability: form.lowProbability === 'yes',
      rationale: form.conclusionRationale,
    };
  }
  if (shown.facts && form.breachOccurredOn !== '') {
    const byState: Partial<Record<StateCode, number>> = {};
    for (const [state, n] of Object.entries(form.byState) as [StateCode, number | string][]) {
      byState[state] = count(n);
    }
    body.facts = {
      breachOccurredOn: form.breachOccurredOn,
      affectedTotal: count(form.affectedTotal),
      affectedByState: byState,
      lawEnforcementDelay: form.delayed
        ? {
            until: form.delayUntil,
            statement: form.statement,
            statementOn: form.statement === 'oral' ? form.statementOn || null : null,
          }
        : null,
    };
  }
  return body;
}
