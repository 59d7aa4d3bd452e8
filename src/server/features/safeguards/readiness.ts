import type { RuleProfile } from '../../../contracts/catalog';
import type { Safeguard } from '../../../contracts/safeguards';
import { DECISION_LABELS } from '../../../contracts/safeguards';
import type { AppDeps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { catalog } from '../catalog/content';
import { allSafeguards } from './service';

/**
 * Readiness against a rule profile, judged from the in-force records alone (they are never
 * changed by it). An item is met when what it builds on is done, a gap when nothing is.
 */
export function readiness(profile: RuleProfile, safeguards: readonly Safeguard[]) {
  const byId = new Map(safeguards.map((s) => [s.requirementId, s]));
  const items = profile.items.map((item) => {
    const gaps: string[] = [];
    let considered: Safeguard[];
    if (item.check === 'addressable_as_specified') {
      considered = safeguards.filter(
        (s) => s.designation === 'addressable' && s.kind === 'implementation_specification',
      );
      for (const s of considered) {
        if (s.status === 'not_applicable') continue;
        if (s.decision && s.decision.decision !== 'as_specified') {
          gaps.push(`${s.requirementId} ${s.title}: ${DECISION_LABELS[s.decision.decision]}`);
        } else if (s.status !== 'implemented') {
          gaps.push(`${s.requirementId} ${s.title}: not implemented yet`);
        }
      }
    } else {
      considered = item.requirements.flatMap((id) => byId.get(id) ?? []);
      for (const s of considered) {
        if (s.status !== 'implemented' && s.status !== 'not_applicable') {
          gaps.push(`${s.requirementId} ${s.title}: ${s.status.replace('_', ' ')}`);
        }
      }
    }
    const state: 'met' | 'partial' | 'gap' =
      gaps.length === 0 ? 'met' : gaps.length < considered.length ? 'partial' : 'gap';
    return {
      id: item.id,
      title: item.title,
      summary: item.summary,
      state,
      gaps,
      requirements: item.requirements.map((id) => ({
        id,
        title: catalog().byId.get(id)?.title ?? id,
        status: byId.get(id)?.status ?? 'not_started',
      })),
    };
  });
  const count = (state: string) => items.filter((i) => i.state === state).length;
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
  return readiness(profile, await allSafeguards(deps, orgId));
}
