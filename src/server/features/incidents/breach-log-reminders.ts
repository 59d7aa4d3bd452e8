import { z } from 'zod';
import { appendAuditEvent, SYSTEM_CONTEXT } from '../../platform/audit/append';
import type { AppDeps } from '../../platform/deps';
import type { JobKind, JobSchedule } from '../../platform/jobs/types';
import {
  organizationCalendarsUnscoped,
  type OrganizationCalendar,
} from '../../platform/org-calendar';
import { notifyIn, type NotifyInput } from '../notifications/notify';
import { daysBetween } from '../notifications/sweep';
import { listSubmissions } from './breach-log-repository';
import { approvedBreaches, logYears } from './breach-register';

/** Days before the yearly log's deadline that the Security Official is told, once each. */
export const BREACH_LOG_REMINDER_DAYS = [7, 30] as const;

const NAME = 'incidents.breach-log-remind';

/**
 * The notices due today in one organization: for each year with breaches under 500 on the log and
 * not recorded as submitted, the tightest reminder whose window has opened (164.408(c): within 60
 * days of the end of the year). A process down for the 30-day one sends only the 7-day one.
 */
export async function breachLogNotices(
  deps: AppDeps,
  org: OrganizationCalendar,
): Promise<{ notice: NotifyInput; year: number; deadline: string; days: number }[]> {
  if (!org.securityOfficialId) return [];
  const db = deps.database.db;
  const years = logYears(await approvedBreaches(db, org.orgId));
  if (years.size === 0) return [];
  const submitted = new Set((await listSubmissions(db, org.orgId)).map((s) => s.year));
  const due = [];
  for (const [year, log] of years) {
    const left = daysBetween(org.today, log.deadline);
    const days = BREACH_LOG_REMINDER_DAYS.find((d) => left >= 0 && left <= d);
    const first = log.entries[0];
    if (submitted.has(year) || days === undefined || !first) continue;
    due.push({
      year,
      deadline: log.deadline,
      days,
      notice: {
        orgId: org.orgId,
        userId: org.securityOfficialId,
        kind: 'breach_log.due' as const,
        record: { type: 'incident' as const, id: first.incidentId },
        title: `Yearly log of breaches under 500 discovered in ${year}: submit it to HHS`,
        dueOn: log.deadline,
        key: `breach_log.due:${year}:${log.deadline}:${days}`,
      },
    });
  }
  return due;
}

/** Sends each organization's due reminders once, each audited as Custos itself (164.312(b)). */
export async function remindBreachLogs(deps: AppDeps): Promise<number> {
  let sent = 0;
  for (const org of await organizationCalendarsUnscoped(deps.database.db, deps.clock)) {
    for (const due of await breachLogNotices(deps, org)) {
      await deps.database.db.transaction().execute(async (trx) => {
        if (!(await notifyIn(trx, deps, due.notice))) return;
        sent += 1;
        await appendAuditEvent(trx, deps, SYSTEM_CONTEXT, {
          orgId: org.orgId,
          action: 'incident.breach_log_reminded',
          changes: {
            year: { after: due.year },
            deadline: { after: due.deadline },
            daysBefore: { after: due.days },
            recipient: { after: due.notice.userId },
          },
        });
      });
    }
  }
  return sent;
}

const Scheduled = z.object({ dueAt: z.string(), schedule: z.string() });

/** The job kind and its hourly schedule, declared in the manifest. */
export const breachLogReminders: {
  kind: (deps: AppDeps) => JobKind;
  schedule: JobSchedule;
} = {
  kind: (deps) => ({
    name: NAME,
    label: 'Yearly breach log reminders',
    parse: (data) => Scheduled.parse(data),
    run: async () => {
      await remindBreachLogs(deps);
    },
  }),
  schedule: { name: NAME, cron: '5 * * * *', job: NAME },
};
