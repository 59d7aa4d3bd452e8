import {
  computeBreachDeadlines,
  parseBreachDeadlinesInput,
  type BreachDeadlinesInput,
} from '../../../contracts/breach-deadlines';
import {
  BREACH_FACTORS,
  BREACH_STEPS,
  type BreachDeterminationView,
  type BreachOutcome,
} from '../../../contracts/breach-determination-schemas';
import { readJson, type JsonOf } from '../../platform/db/json-columns';
import type { Db } from '../../platform/db/types';
import { findPeopleNames } from '../../platform/people-repository';
import type { BreachDeterminationsTable } from './tables';

// A determination as the API answers it: its steps, what is missing, its outcome and deadlines.

type Row = BreachDeterminationsTable;

/** The steps a row holds, read through their shapes. */
export function stepsOf(row: Row) {
  return {
    phi: row.phi === null ? null : readJson('breach_determinations.phi', row.phi),
    exclusion:
      row.exclusion === null ? null : readJson('breach_determinations.exclusion', row.exclusion),
    factors: row.factors === null ? null : readJson('breach_determinations.factors', row.factors),
    facts: row.facts === null ? null : readJson('breach_determinations.facts', row.facts),
    conclusion:
      row.conclusion === null ? null : readJson('breach_determinations.conclusion', row.conclusion),
    saved: readJson('breach_determinations.saved', row.saved),
  };
}
export type Steps = ReturnType<typeof stepsOf>;

export interface Judgement {
  outcome: BreachOutcome | null;
  missing: string[];
  engineInput: BreachDeadlinesInput | null;
}

/** What the steps conclude (164.402; the reading, to be checked) and what is still missing. */
export function judge(row: Pick<Row, 'entity_type' | 'discovered_on'>, steps: Steps): Judgement {
  const { phi, exclusion, factors, facts, conclusion } = steps;
  const missing: string[] = [];
  let outcome: BreachOutcome | null = null;
  if (phi === null) {
    missing.push('whether PHI was involved');
  } else if (!phi.involved) {
    outcome = 'no_phi';
  } else if (phi.unsecured === null) {
    missing.push('whether the PHI was secured');
  } else if (!phi.unsecured) {
    // Secured (encrypted or destroyed per the HHS guidance, key not compromised): say how.
    if (phi.rationale === '') missing.push('how the PHI was secured');
    outcome = 'secured';
  } else if (exclusion === null) {
    missing.push('whether an exclusion applies');
  } else if (exclusion.applies !== null) {
    if (exclusion.facts === '') missing.push('the facts that support the exclusion');
    outcome = 'excluded';
  } else {
    // 164.402(2): otherwise a breach is presumed unless the four-factor assessment shows a low
    // probability of compromise.
    if (factors === null) missing.push('the four-factor risk assessment');
    else if (BREACH_FACTORS.some((f) => factors[f].rationale === '')) {
      missing.push('a rationale for each of the four factors');
    }
    if (conclusion === null) missing.push('the conclusion');
    else {
      if (conclusion.rationale === '') missing.push('the reason for the conclusion');
      outcome = conclusion.lowProbability ? 'low_probability' : 'breach';
    }
  }
  let engineInput: BreachDeadlinesInput | null = null;
  if (phi?.involved) {
    if (facts === null) missing.push('the dates and the number of people affected');
    else if (row.entity_type === null) {
      missing.push('the organization’s entity type (its profile)');
    } else {
      const parsed = parseBreachDeadlinesInput({
        entityType: row.entity_type,
        discoveredOn: row.discovered_on,
        breachOccurredOn: facts.breachOccurredOn,
        affectedTotal: facts.affectedTotal,
        affectedByState: facts.affectedByState,
        unsecuredPhi: phi.unsecured === true,
        exclusionClaimed: exclusion?.applies ?? null,
        lowProbabilityDemonstrated: conclusion?.lowProbability === true,
        lawEnforcementDelayUntil: facts.lawEnforcementDelay?.until ?? null,
        lawEnforcementOralStatementOn:
          facts.lawEnforcementDelay?.statement === 'oral'
            ? facts.lawEnforcementDelay.statementOn
            : null,
      });
      if (parsed.ok) engineInput = parsed.input;
      else
        missing.push(`facts that hold together: ${parsed.field ?? 'the facts'} ${parsed.message}`);
    }
  }
  return { outcome, missing, engineInput };
}

/** Presents versions of determinations, naming the people in one query. */
export async function presentDeterminations(
  db: Db,
  orgId: string,
  rows: Row[],
): Promise<BreachDeterminationView[]> {
  const read = rows.map((row) => ({ row, steps: stepsOf(row) }));
  const ids = new Set<string>();
  for (const { row, steps } of read) {
    if (row.approved_by) ids.add(row.approved_by);
    if (row.created_by) ids.add(row.created_by);
    for (const stamp of Object.values(steps.saved)) ids.add(stamp.by);
  }
  const names = await findPeopleNames(db, orgId, [...ids]);
  const person = (id: string) => ({ id, name: names.get(id) ?? 'Former member' });
  return read.map(({ row, steps }) => present(row, steps, person));
}

function present(
  row: Row,
  steps: Steps,
  person: (id: string) => { id: string; name: string },
): BreachDeterminationView {
  const judgement = judge(row, steps);
  const saved: BreachDeterminationView['saved'] = {};
  for (const step of BREACH_STEPS) {
    const stamp: JsonOf<'breach_determinations.saved'>[typeof step] = steps.saved[step];
    if (stamp) saved[step] = { at: stamp.at, by: person(stamp.by) };
  }
  return {
    id: row.id,
    incidentId: row.incident_id,
    version: row.version,
    status: row.status,
    reason: row.reason,
    entityType: row.entity_type,
    discoveredOn: row.discovered_on,
    phi: steps.phi,
    exclusion: steps.exclusion,
    factors: steps.factors,
    facts: steps.facts,
    conclusion: steps.conclusion,
    saved,
    missing: judgement.missing,
    outcome: judgement.missing.length === 0 ? judgement.outcome : null,
    engineInput: judgement.engineInput,
    deadlines:
      judgement.engineInput && judgement.missing.length === 0
        ? computeBreachDeadlines(judgement.engineInput)
        : null,
    approved:
      row.approved_at && row.approved_by
        ? { at: row.approved_at, by: person(row.approved_by), note: row.approval_note ?? '' }
        : null,
    createdAt: row.created_at,
    createdBy: row.created_by ? person(row.created_by) : null,
  };
}
