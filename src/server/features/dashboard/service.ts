import type { Dashboard } from '../../../contracts/dashboard';
import type { AppDeps } from '../../platform/deps';
import { catalog } from '../catalog/content';
import { holdsAnyEphi } from '../assets/service';
import { getProfile } from '../organizations/service/profile';
import { lastApprovedAssessment } from '../risk-assessments/service';
import { readiness } from '../safeguards/readiness';
import { allSafeguards } from '../safeguards/service';
import { taskSummary } from '../tasks/service';
import { firstWeek, nextActions, progressFigures } from './figures';

/** The home page's figures for one organization and the person looking. */
export async function dashboard(deps: AppDeps, orgId: string, userId: string): Promise<Dashboard> {
  const [records, profile, tasks, ephiAssets, approved] = await Promise.all([
    allSafeguards(deps, orgId),
    getProfile(deps, orgId),
    taskSummary(deps, orgId, userId),
    holdsAnyEphi(deps.database.db, orgId),
    lastApprovedAssessment(deps.database.db, orgId),
  ]);
  const figures = progressFigures(records);
  const proposed = catalog().profiles.find((p) => p.status === 'proposed');
  const ready = proposed ? readiness(proposed, records) : null;
  return {
    ...figures,
    tasks,
    nextActions: nextActions(profile, figures, records, tasks),
    firstWeek: firstWeek(profile, { ephiAssets, approvedAssessment: approved !== undefined }),
    proposedRule: { met: ready?.met ?? 0, total: ready?.items.length ?? 0 },
  };
}
