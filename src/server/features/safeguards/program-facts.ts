import type { Safeguard } from '../../../contracts/safeguards';
import { oncePerAsk, type DashboardAsk } from '../../platform/dashboard';
import type { AppDeps } from '../../platform/deps';
import { organizationToday } from '../../platform/org-calendar';
import { inventoryFacts } from '../assets/inventory-facts';
import { lastApprovedAssessment } from '../risk-assessments/service';
import { safeguardsFor } from './dashboard';
import { allSafeguards } from './service';

/**
 * What the organization's records say, read once: the dashboard's next actions, its first week
 * and the proposed-rule readiness all judge from these, so they cannot disagree (issue 12).
 */
export interface ProgramFacts {
  safeguards: readonly Safeguard[];
  /** The latest approved risk assessment, if any. */
  approvedAssessment: { id: string; reference: string; approvedAt: string } | null;
  anyAsset: boolean;
  anyEphiAsset: boolean;
  anyDataFlow: boolean;
  /** Today in the organization's time zone. */
  today: string;
}

async function load(deps: AppDeps, orgId: string, safeguards: Promise<readonly Safeguard[]>) {
  const db = deps.database.db;
  const [records, approved, inventory, today] = await Promise.all([
    safeguards,
    lastApprovedAssessment(db, orgId),
    inventoryFacts(db, orgId),
    organizationToday(db, deps.clock, orgId),
  ]);
  return {
    safeguards: records,
    today,
    approvedAssessment: approved?.approved_at
      ? { id: approved.id, reference: `RA-${approved.number}`, approvedAt: approved.approved_at }
      : null,
    ...inventory,
  } satisfies ProgramFacts;
}

/** The facts of one organization now. */
export function programFactsOf(deps: AppDeps, orgId: string): Promise<ProgramFacts> {
  return load(deps, orgId, allSafeguards(deps, orgId));
}

/** The facts of one dashboard request, read once however many features ask. */
export const programFactsFor = oncePerAsk((ask: DashboardAsk) =>
  load(ask.deps, ask.orgId, safeguardsFor(ask)),
);

/**
 * The risk analysis is done once an assessment is approved in Custos, or once 164.308(a)(1)(ii)(A)
 * is recorded as implemented (an analysis made outside Custos).
 */
export function riskAnalysisDone(facts: ProgramFacts): boolean {
  return (
    facts.approvedAssessment !== null ||
    facts.safeguards.some(
      (s) => s.requirementId === '164.308(a)(1)(ii)(A)' && s.status === 'implemented',
    )
  );
}
