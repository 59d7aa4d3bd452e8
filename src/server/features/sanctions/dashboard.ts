import { sanctionsRoutes } from '../../../contracts/sanctions';
import { countOf } from '../../../contracts/words';
import type {
  DashboardAsk,
  DashboardContribution,
  NextAction,
  Ranked,
} from '../../platform/dashboard';
import { organizationToday } from '../../platform/org-calendar';
import { addDays } from '../../platform/time';
import { countAwaiting, listSanctionsAbout } from './repository';
import { reference } from './presenter';

/** How long a decided sanction may wait for the HR sign-off or the acknowledgement. */
export const AWAITING_DAYS = 14;

/** The person's own records to acknowledge: shown on their own dashboard only. */
async function toAcknowledge(ask: DashboardAsk): Promise<Ranked<NextAction>[]> {
  if (!ask.holds(sanctionsRoutes.acknowledge.permission)) return [];
  const db = ask.deps.database.db;
  const today = await organizationToday(db, ask.deps.clock, ask.orgId);
  const open = (await listSanctionsAbout(db, ask.orgId, ask.userId)).filter(
    (r) => r.acknowledged_on === null && r.decided_on <= today,
  );
  const first = open.at(-1);
  if (!first) return [];
  return [
    {
      rank: 1,
      for: [sanctionsRoutes.mine.permission, sanctionsRoutes.acknowledge.permission],
      item: {
        id: 'sanctions-to-acknowledge',
        title:
          open.length === 1
            ? `Acknowledge ${reference(first.number)}`
            : `Acknowledge ${countOf(open.length, 'sanction record')}`,
        detail: 'Read what was decided and acknowledge that you were told of it.',
        href: '/my-sanctions',
      },
    },
  ];
}

export const sanctionsDashboard: DashboardContribution = {
  nextActions: async (ask) => [...(await toAcknowledge(ask)), ...(await awaiting(ask))],
};

async function awaiting(ask: DashboardAsk): Promise<Ranked<NextAction>[]> {
  {
    // Concealed records (164.308(a)(1)(ii)(C)): only the roles that read sanctions hear of them.
    if (!ask.holds(sanctionsRoutes.list.permission)) return [];
    const db = ask.deps.database.db;
    const today = await organizationToday(db, ask.deps.clock, ask.orgId);
    const waiting = await countAwaiting(db, ask.orgId, addDays(today, -AWAITING_DAYS - 1));
    if (waiting === 0) return [];
    return [
      {
        rank: 30,
        for: [sanctionsRoutes.list.permission, sanctionsRoutes.update.permission],
        item: {
          id: 'sanctions-awaiting',
          title:
            waiting === 1
              ? 'Complete the sanction record awaiting sign-off or acknowledgement'
              : `Complete the ${waiting} sanction records awaiting sign-off or acknowledgement`,
          detail: `${countOf(waiting, 'sanction record')} decided more than ${AWAITING_DAYS} days ago still ${waiting === 1 ? 'lacks' : 'lack'} the HR sign-off or the person's acknowledgement.`,
          href: '/sanctions?awaiting=1',
        },
      },
    ];
  }
}
