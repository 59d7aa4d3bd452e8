import type { Safeguard } from '../../../contracts/safeguards';
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

/** The risk analysis while it is not implemented, then what the records lack. */
export const safeguardsDashboard: DashboardContribution = {
  nextActions: async (ask) => {
    const records = await safeguardsFor(ask);
    const counts = attentionCounts(records);
    const actions: Ranked<NextAction>[] = [];
    const riskAnalysis = records.find((r) => r.requirementId === '164.308(a)(1)(ii)(A)');
    if (riskAnalysis && riskAnalysis.status !== 'implemented') {
      actions.push({
        rank: 30,
        item: {
          id: 'risk-analysis',
          title: 'Complete your risk analysis',
          detail: 'The first thing OCR asks for, and the basis of every addressable decision.',
          href: '/safeguards/164.308(a)(1)(ii)(A)',
        },
      });
    }
    if (counts.unowned > 0) {
      actions.push({
        rank: 50,
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
