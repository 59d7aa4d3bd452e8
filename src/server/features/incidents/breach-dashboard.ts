import type { BreachFigures } from '../../../contracts/dashboard';
import { incidentsRoutes } from '../../../contracts/incidents';
import { countOf } from '../../../contracts/words';
import {
  oncePerAsk,
  type DashboardAsk,
  type NextAction,
  type Ranked,
} from '../../platform/dashboard';
import { organizationToday } from '../../platform/org-calendar';
import { dateWord } from '../../platform/words';
import { daysBetween } from '../notifications/sweep';
import { listSubmissions } from './breach-log-repository';
import { approvedBreaches, logYears } from './breach-register';

/** Days before a deadline from which it is a next action (and always once overdue). */
export const BREACH_ACTION_DAYS = 14;

const read = incidentsRoutes.breachLog.permission;

const figuresFor = oncePerAsk(async (ask: DashboardAsk): Promise<BreachFigures> => {
  const db = ask.deps.database.db;
  const [breaches, submissions, today] = await Promise.all([
    approvedBreaches(db, ask.orgId),
    listSubmissions(db, ask.orgId),
    organizationToday(db, ask.deps.clock, ask.orgId),
  ]);
  const open = breaches.flatMap((b) => {
    if (b.closed) return [];
    // 164.404(b), 164.410(b): the outer limit every notice of the breach shares (media and a
    // prompt HHS notice fall on the same day as the individual notice).
    const individuals = b.deadlines.individualNoticeBy;
    const entity = b.deadlines.businessAssociateNoticeToCoveredEntityBy;
    const dueOn = individuals ?? entity;
    if (dueOn === null) return [];
    return [
      {
        incidentId: b.incidentId,
        reference: b.reference,
        title: b.title,
        notice: individuals === null ? ('covered_entity' as const) : ('individuals' as const),
        dueOn,
        daysLeft: daysBetween(today, dueOn),
      },
    ];
  });
  const submitted = new Set(submissions.map((s) => s.year));
  const [year] = [...logYears(breaches)]
    .filter(([y]) => !submitted.has(y))
    .toSorted(([a], [b]) => a - b);
  return {
    open: open.toSorted((a, b) => a.dueOn.localeCompare(b.dueOn)),
    yearlyLog: year
      ? {
          year: year[0],
          dueOn: year[1].deadline,
          daysLeft: daysBetween(today, year[1].deadline),
          breaches: year[1].entries.length,
        }
      : null,
  };
});

/** The breaches' deadlines, for roles that read breach determinations (the dashboard's card). */
export async function breachFiguresFor(ask: DashboardAsk): Promise<BreachFigures | null> {
  return ask.holds(read) && ask.holds(incidentsRoutes.list.permission) ? figuresFor(ask) : null;
}

const when = (daysLeft: number) =>
  daysLeft < 0
    ? `${countOf(-daysLeft, 'day')} overdue`
    : daysLeft === 0
      ? 'due today'
      : `${countOf(daysLeft, 'day')} left`;

/** A deadline within two weeks, or past, is a next action (164.404–164.408; rank 1: set in law). */
export async function breachNextActions(ask: DashboardAsk): Promise<Ranked<NextAction>[]> {
  const figures = await breachFiguresFor(ask);
  if (!figures) return [];
  const actions: Ranked<NextAction>[] = figures.open
    .filter((b) => b.daysLeft <= BREACH_ACTION_DAYS)
    .map((b) => ({
      rank: 1,
      for: [incidentsRoutes.get.permission, read],
      item: {
        id: `breach-notices-${b.incidentId}`,
        title: `Send the breach notices of ${b.reference} (${when(b.daysLeft)})`,
        detail: `${b.title}: due by ${dateWord(b.dueOn)}. Send them and record it on the incident.`,
        href: `/incidents/${b.incidentId}`,
      },
    }));
  const log = figures.yearlyLog;
  if (log && log.daysLeft <= BREACH_ACTION_DAYS) {
    actions.push({
      rank: 1,
      for: [read, incidentsRoutes.recordBreachLogSubmission.permission],
      item: {
        id: `breach-log-${log.year}`,
        title: `Submit the ${log.year} log of breaches under 500 to HHS (${when(log.daysLeft)})`,
        detail: `${countOf(log.breaches, 'breach', 'breaches')} on the log, due by ${dateWord(log.dueOn)}; then record the submission.`,
        href: `/incidents/breach-log?year=${log.year}`,
      },
    });
  }
  return actions;
}
