import { safeguardRoutes, type Safeguard } from '../../../contracts/safeguards';
import {
  oncePerAsk,
  type DashboardContribution,
  type NextAction,
  type Ranked,
} from '../../platform/dashboard';
import { allSafeguards } from './service';

/** The safeguard records of one dashboard request (the dashboard's figures read them too). */
export const safeguardsFor = oncePerAsk((ask) => allSafeguards(ask.deps, ask.orgId));

/** Records that need attention: an addressable decision, an overdue review, an owner. */
export function attentionCounts(records: readonly Safeguard[]) {
  return {
    decisionsMissing: records.filter((r) => r.decisionMissing).length,
    reviewsOverdue: records.filter((r) => r.reviewOverdue).length,
    unowned: records.filter((r) => r.owner === null && r.status !== 'not_applicable').length,
  };
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

// The register page (its list route), and the act each action asks for there.
const REGISTER = safeguardRoutes.list.permission;

/** What the records lack (the risk analysis is the risk assessments' action). */
export const safeguardsDashboard: DashboardContribution = {
  nextActions: async (ask) => {
    const records = await safeguardsFor(ask);
    const counts = attentionCounts(records);
    const actions: Ranked<NextAction>[] = [];
    if (counts.unowned > 0) {
      actions.push({
        rank: 50,
        for: [REGISTER, safeguardRoutes.update.permission],
        item: {
          id: 'assign-owners',
          title: `${plural(counts.unowned, 'requirement has', 'requirements have')} no owner`,
          detail: 'Every safeguard needs someone accountable for it.',
          href: '/safeguards?attention=unowned',
        },
      });
    }
    if (counts.decisionsMissing > 0) {
      actions.push({
        rank: 60,
        for: [REGISTER, safeguardRoutes.decide.permission],
        item: {
          id: 'record-decisions',
          title: `Record ${plural(counts.decisionsMissing, 'addressable decision', 'addressable decisions')}`,
          detail: '164.306(d)(3): implement, use an equivalent alternative, or document why not.',
          href: '/safeguards?attention=decision_missing',
        },
      });
    }
    if (counts.reviewsOverdue > 0) {
      actions.push({
        rank: 70,
        for: [REGISTER, safeguardRoutes.update.permission],
        item: {
          id: 'overdue-reviews',
          title: `${plural(counts.reviewsOverdue, 'review is', 'reviews are')} overdue`,
          detail: 'Review these safeguards and set their next review date.',
          href: '/safeguards?attention=review_overdue',
        },
      });
    }
    return actions;
  },
};
