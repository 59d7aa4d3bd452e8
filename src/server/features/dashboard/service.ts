import type { Dashboard } from '../../../contracts/dashboard';
import { collectFirstWeek, collectNextActions, type DashboardAsk } from '../../platform/dashboard';
import type { AppDeps } from '../../platform/deps';
import { catalog } from '../catalog/content';
import { readiness } from '../safeguards/readiness';
import { safeguardsFor } from '../safeguards/dashboard';
import { taskSummaryFor } from '../tasks/dashboard';
import { COMING_STEPS, progressFigures } from './figures';

/**
 * The home page's figures for one organization and the person looking. Next actions and the first
 * week come from the features' manifests (`deps.dashboard`).
 */
export async function dashboard(deps: AppDeps, orgId: string, userId: string): Promise<Dashboard> {
  const ask: DashboardAsk = { deps, orgId, userId };
  const [records, tasks, nextActions, firstWeek] = await Promise.all([
    safeguardsFor(ask),
    taskSummaryFor(ask),
    collectNextActions(deps.dashboard, ask),
    collectFirstWeek(deps.dashboard, ask, COMING_STEPS),
  ]);
  const figures = progressFigures(records);
  const proposed = catalog().profiles.find((p) => p.status === 'proposed');
  const ready = proposed ? readiness(proposed, records) : null;
  return {
    ...figures,
    tasks,
    nextActions: nextActions.slice(0, 5),
    firstWeek,
    proposedRule: { met: ready?.met ?? 0, total: ready?.items.length ?? 0 },
  };
}
