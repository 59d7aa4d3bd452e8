import type { IncidentFigures } from '../../../contracts/dashboard';
import { incidentsRoutes } from '../../../contracts/incidents';
import { countOf } from '../../../contracts/words';
import {
  oncePerAsk,
  type DashboardAsk,
  type DashboardContribution,
} from '../../platform/dashboard';
import { severityScale } from './common';
import { countOpenBySeverity, findReportLink } from './repository';

const figuresFor = oncePerAsk(async (ask: DashboardAsk): Promise<IncidentFigures> => {
  const db = ask.deps.database.db;
  const [counts, { levels }] = await Promise.all([
    countOpenBySeverity(db, ask.orgId),
    severityScale(db, ask.orgId),
  ]);
  const sum = (rows: typeof counts) => rows.reduce((n, r) => n + r.n, 0);
  return {
    open: sum(counts),
    awaitingTriage: sum(counts.filter((c) => c.status === 'reported')),
    bySeverity: levels
      .map((l) => ({
        level: l.level,
        name: l.name,
        open: sum(counts.filter((c) => c.severity === l.level)),
      }))
      .toReversed(),
    unrated: sum(counts.filter((c) => c.severity === null)),
  };
});

/** Open incidents by severity, for roles that read incidents (the dashboard's figures). */
export async function incidentFiguresFor(ask: DashboardAsk): Promise<IncidentFigures | null> {
  return ask.holds(incidentsRoutes.list.permission) ? figuresFor(ask) : null;
}

export const incidentsDashboard: DashboardContribution = {
  nextActions: async (ask) => {
    if (!ask.holds(incidentsRoutes.list.permission)) return [];
    const { awaitingTriage } = await figuresFor(ask);
    if (awaitingTriage === 0) return [];
    // 164.308(a)(6)(ii): respond to suspected incidents: a report waiting is urgent.
    return [
      {
        rank: 3,
        for: [incidentsRoutes.list.permission, incidentsRoutes.changeStatus.permission],
        item: {
          id: 'incidents-awaiting-triage',
          title:
            awaitingTriage === 1
              ? 'Triage the incident report waiting'
              : `Triage the ${awaitingTriage} incident reports waiting`,
          detail: `${countOf(awaitingTriage, 'report')} not looked at yet: rate ${awaitingTriage === 1 ? 'its' : 'their'} severity and start the response.`,
          href: '/incidents?status=open',
        },
      },
    ];
  },
  firstWeek: async (ask) => [
    {
      rank: 70,
      for: [incidentsRoutes.reportLink.permission],
      item: {
        id: 'incidents',
        title: 'Give your workforce a way to report incidents',
        detail:
          'Everyone can use "Report a problem"; turn on the anonymous link for people who will not sign in.',
        state: (await findReportLink(ask.deps.database.db, ask.orgId)) ? 'done' : 'todo',
        href: '/incidents?tab=reporting',
      },
    },
  ],
};
