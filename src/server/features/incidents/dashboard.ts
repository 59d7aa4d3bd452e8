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
import { breachNextActions } from './breach-dashboard';
import { findContainedSince } from './containment-repository';

/** Mean time to contain over the incidents contained in the last 12 months (164.308(a)(6)(ii)). */
async function containment(ask: DashboardAsk): Promise<IncidentFigures['containment']> {
  const now = ask.deps.clock.now();
  const since = new Date(now.getTime() - 365 * 86_400_000).toISOString();
  const rows = await findContainedSince(ask.deps.database.db, ask.orgId, since);
  if (rows.length === 0) return { contained: 0, meanHours: null };
  const hours = rows.map(
    (r) => Math.max(0, Date.parse(r.containedAt) - Date.parse(r.discoveredAt)) / 3_600_000,
  );
  const mean = hours.reduce((a, b) => a + b, 0) / hours.length;
  return { contained: rows.length, meanHours: Math.round(mean * 10) / 10 };
}

const figuresFor = oncePerAsk(async (ask: DashboardAsk): Promise<IncidentFigures> => {
  const db = ask.deps.database.db;
  const [counts, { levels }, contained] = await Promise.all([
    countOpenBySeverity(db, ask.orgId),
    severityScale(db, ask.orgId),
    containment(ask),
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
    containment: contained,
  };
});

/** Open incidents by severity, for roles that read incidents (the dashboard's figures). */
export async function incidentFiguresFor(ask: DashboardAsk): Promise<IncidentFigures | null> {
  return ask.holds(incidentsRoutes.list.permission) ? figuresFor(ask) : null;
}

export const incidentsDashboard: DashboardContribution = {
  nextActions: async (ask) => {
    if (!ask.holds(incidentsRoutes.list.permission)) return [];
    const [{ awaitingTriage }, breaches] = await Promise.all([
      figuresFor(ask),
      breachNextActions(ask),
    ]);
    if (awaitingTriage === 0) return breaches;
    // 164.308(a)(6)(ii): respond to suspected incidents: a report waiting is urgent.
    return [
      ...breaches,
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
