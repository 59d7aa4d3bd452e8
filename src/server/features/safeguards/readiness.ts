import type { ProfileItem, RuleProfile } from '../../../contracts/catalog';
import type { Safeguard } from '../../../contracts/safeguards';
import { DECISION_LABELS, SAFEGUARD_STATUS_LABELS } from '../../../contracts/safeguards';
import type { AppDeps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { addMonths } from '../../platform/time';
import { catalog } from '../catalog/content';
import { programFactsOf, type ProgramFacts } from './program-facts';

type State = 'met' | 'partial' | 'gap';

/** What one item found: the gaps, and how many pieces of evidence it weighed. */
interface Judged {
  gaps: string[];
  weighed: number;
}

const stateOf = ({ gaps, weighed }: Judged): State =>
  gaps.length === 0 ? 'met' : gaps.length < weighed ? 'partial' : 'gap';

/**
 * Why a record does not show an item built on it, or null when it does. An addressable
 * specification shows it only as specified: an equivalent alternative to encryption, or a decision
 * not to encrypt, is not encryption (164.306(d)(3)).
 */
function requirementGap(s: Safeguard, reviewWithinMonths: number | undefined): string | null {
  const name = `${s.requirementId} ${s.title}`;
  if (s.status === 'not_applicable') return null;
  if (s.decision && s.decision.decision !== 'as_specified') {
    return `${name}: ${DECISION_LABELS[s.decision.decision]}, not the specification itself`;
  }
  if (s.status !== 'implemented') return `${name}: ${SAFEGUARD_STATUS_LABELS[s.status]}`;
  if (
    reviewWithinMonths !== undefined &&
    (s.reviewIntervalMonths === null || s.reviewIntervalMonths > reviewWithinMonths)
  ) {
    return `${name}: not reviewed at least every ${reviewWithinMonths} months`;
  }
  return null;
}

function requirementsJudged(
  item: ProfileItem,
  byId: ReadonlyMap<string, Safeguard>,
  reviewWithinMonths?: number,
): Judged {
  const considered = item.requirements.flatMap((id) => byId.get(id) ?? []);
  const gaps = considered.flatMap((s) => requirementGap(s, reviewWithinMonths) ?? []);
  return { gaps, weighed: considered.length };
}

const RECORD_GAPS = {
  asset_inventory: (f: ProgramFacts) => (f.anyAsset ? null : 'No asset in the inventory yet'),
  data_flow_map: (f: ProgramFacts) => (f.anyDataFlow ? null : 'No data flow on the map yet'),
  approved_risk_analysis: (f: ProgramFacts) => {
    const approved = f.approvedAssessment;
    if (!approved) return 'No approved risk assessment yet';
    // The proposal asks for a review at least every 12 months.
    return addMonths(approved.approvedAt.slice(0, 10), 12) < f.today
      ? `${approved.reference}, the latest approved risk assessment, is more than 12 months old`
      : null;
  },
} as const;

function judge(item: ProfileItem, facts: ProgramFacts, byId: ReadonlyMap<string, Safeguard>) {
  switch (item.check) {
    case 'addressable_as_specified': {
      const considered = facts.safeguards.filter(
        (s) => s.designation === 'addressable' && s.kind === 'implementation_specification',
      );
      const gaps = considered.flatMap((s) => {
        if (s.status === 'not_applicable') return [];
        if (s.decision && s.decision.decision !== 'as_specified') {
          return [`${s.requirementId} ${s.title}: ${DECISION_LABELS[s.decision.decision]}`];
        }
        return s.status === 'implemented'
          ? []
          : [`${s.requirementId} ${s.title}: not implemented yet`];
      });
      return { gaps, weighed: considered.length };
    }
    case 'requirements_implemented':
      return requirementsJudged(item, byId, item.reviewWithinMonths);
    case 'records': {
      const gaps = item.records.flatMap((record) => RECORD_GAPS[record](facts) ?? []);
      return { gaps, weighed: item.records.length };
    }
    case 'not_recorded': {
      // Never met: the foundation can be in place, the proposed specifics are not on record.
      const foundation = requirementsJudged(item, byId);
      return {
        gaps: [...foundation.gaps, `Not shown by your records: ${item.notRecorded}`],
        weighed: foundation.weighed + 1,
      };
    }
  }
}

/**
 * Readiness against a rule profile, judged from the organization's records (never changed by
 * it): an item is met only on evidence that fits it (contracts/catalog.ts, PROFILE_CHECKS).
 */
export function readiness(profile: RuleProfile, facts: ProgramFacts) {
  const byId = new Map(facts.safeguards.map((s) => [s.requirementId, s]));
  const items = profile.items.map((item) => {
    const judged = judge(item, facts, byId);
    return {
      id: item.id,
      title: item.title,
      summary: item.summary,
      state: stateOf(judged),
      gaps: judged.gaps,
      toCheck: item.toCheck ?? null,
      requirements: item.requirements.map((id) => ({
        id,
        title: catalog().byId.get(id)?.title ?? id,
        status: byId.get(id)?.status ?? 'not_started',
      })),
    };
  });
  const count = (state: State) => items.filter((i) => i.state === state).length;
  return {
    profileId: profile.id,
    title: profile.title,
    met: count('met'),
    partial: count('partial'),
    gap: count('gap'),
    items,
  };
}

/** Readiness of an organization against one of the catalog's rule profiles. */
export async function readinessOf(deps: AppDeps, orgId: string, profileId: string) {
  const profile = catalog().profiles.find((p) => p.id === profileId);
  if (!profile) {
    throw new AppError('not_found', 'No such rule profile.');
  }
  return readiness(profile, await programFactsOf(deps, orgId));
}
