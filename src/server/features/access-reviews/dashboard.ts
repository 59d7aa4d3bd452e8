import { accessReviewsRoutes } from '../../../contracts/access-reviews';
import type { AccessReviewFigures } from '../../../contracts/dashboard';
import { countOf } from '../../../contracts/words';
import {
  oncePerAsk,
  type DashboardAsk,
  type DashboardContribution,
} from '../../platform/dashboard';
import { organizationToday } from '../../platform/org-calendar';
import { countOpenReviews, countOverdueReviews } from './repository';

const figuresFor = oncePerAsk(async (ask: DashboardAsk): Promise<AccessReviewFigures> => {
  const db = ask.deps.database.db;
  const today = await organizationToday(db, ask.deps.clock, ask.orgId);
  const [open, overdue] = await Promise.all([
    countOpenReviews(db, ask.orgId),
    countOverdueReviews(db, ask.orgId, today),
  ]);
  return { open, overdue };
});

/** Open and overdue access reviews, for roles that read them (the dashboard's card). */
export async function accessReviewFiguresFor(
  ask: DashboardAsk,
): Promise<AccessReviewFigures | null> {
  return ask.holds(accessReviewsRoutes.list.permission) ? figuresFor(ask) : null;
}

export const accessReviewsDashboard: DashboardContribution = {
  nextActions: async (ask) => {
    if (!ask.holds(accessReviewsRoutes.list.permission)) return [];
    const { overdue } = await figuresFor(ask);
    if (overdue === 0) return [];
    // 164.308(a)(4)(ii)(C): access rights are reviewed; a review past its date is a gap.
    return [
      {
        rank: 12,
        for: [accessReviewsRoutes.list.permission, accessReviewsRoutes.decide.permission],
        item: {
          id: 'access-reviews-overdue',
          title:
            overdue === 1
              ? 'Finish the overdue access review'
              : `Finish the ${overdue} overdue access reviews`,
          detail: `${countOf(overdue, 'access review')} past ${overdue === 1 ? 'its' : 'their'} due date: decide each account and complete ${overdue === 1 ? 'it' : 'them'}.`,
          href: '/access-reviews?status=open',
        },
      },
    ];
  },
};
