import type { Dashboard } from '../../../contracts/dashboard';
import type { Permission } from '../../../contracts/permissions';
import { safeguardRoutes } from '../../../contracts/safeguards';
import { collectFirstWeek, collectNextActions, type DashboardAsk } from '../../platform/dashboard';
import type { AppDeps } from '../../platform/deps';
import { catalog } from '../catalog/content';
import { acknowledgementFigures } from '../attestations/dashboard';
import { policyFiguresFor } from '../documents/dashboard';
import { accessReviewFiguresFor } from '../access-reviews/dashboard';
import { incidentFiguresFor } from '../incidents/dashboard';
import { breachFiguresFor } from '../incidents/breach-dashboard';
import { programFactsFor } from '../safeguards/program-facts';
import { readiness } from '../safeguards/readiness';
import { taskSummaryFor } from '../tasks/dashboard';
import { trainingFigures } from '../training/dashboard';
import { COMING_STEPS, progressFigures } from './figures';

/** The organization's figures, for a role that may open the register and readiness pages. */
async function programFigures(ask: DashboardAsk): Promise<Dashboard['program']> {
  // The figures link to the register and to readiness, both read with the register's permission.
  if (
    !ask.holds(safeguardRoutes.list.permission) ||
    !ask.holds(safeguardRoutes.readiness.permission)
  ) {
    return null;
  }
  const facts = await programFactsFor(ask);
  const proposed = catalog().profiles.find((p) => p.status === 'proposed');
  const ready = proposed ? readiness(proposed, facts) : null;
  return {
    ...progressFigures(facts.safeguards),
    proposedRule: { met: ready?.met ?? 0, total: ready?.items.length ?? 0 },
  };
}

/**
 * The home page for one organization and the person looking, built for the role the request acts
 * with: the organization's figures only for a role that may read the program, and only next
 * actions and first-week steps whose page and act the role may use. Next actions and the first
 * week come from the features' manifests (`deps.dashboard`).
 */
export async function dashboard(
  deps: AppDeps,
  orgId: string,
  userId: string,
  holds: (permission: Permission) => boolean,
): Promise<Dashboard> {
  const ask: DashboardAsk = { deps, orgId, userId, holds };
  const [
    program,
    tasks,
    nextActions,
    firstWeek,
    policies,
    acknowledgements,
    training,
    incidents,
    breaches,
    accessReviews,
  ] = await Promise.all([
    programFigures(ask),
    taskSummaryFor(ask),
    collectNextActions(deps.dashboard, ask),
    collectFirstWeek(deps.dashboard, ask, COMING_STEPS),
    policyFiguresFor(ask),
    acknowledgementFigures(ask),
    trainingFigures(ask),
    incidentFiguresFor(ask),
    breachFiguresFor(ask),
    accessReviewFiguresFor(ask),
  ]);
  // The organization's task counts are for roles that may list everyone's tasks.
  const everyone = holds('tasks.read_all');
  return {
    program,
    tasks: {
      ...tasks,
      open: everyone ? tasks.open : null,
      overdue: everyone ? tasks.overdue : null,
    },
    nextActions: nextActions.slice(0, 5),
    firstWeek,
    policies: policies && { ...policies, acknowledgements },
    training,
    incidents,
    breaches,
    accessReviews,
  };
}
