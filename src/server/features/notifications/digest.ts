import { z } from 'zod';
import type { NotificationKind } from '../../../contracts/notifications';
import { countOf } from '../../../contracts/words';
import type { AppDeps } from '../../platform/deps';
import type { JobKind, JobSchedule } from '../../platform/jobs/types';
import { addDays, todayIn } from '../../platform/time';
import { openTasksOfOwnerDueBy } from '../tasks/summaries';
import {
  insertDigestOnce,
  listDigestRecipients,
  listOrganizationZonesForDigest,
  listPendingDigest,
  markDigested,
} from './digest-repository';
import { formatDay, recordPath, renderEmail, type EmailItem } from './email';
import { effectivePreferences } from './preferences';

// The daily digest (issue 13): one email per person and local day, at the hour they chose in the
// organization's time zone: what is overdue, what falls due this week, what was assigned to them,
// and the other reminders they asked to receive this way. One organization's, one person's.

/** At most this many lines per section: a digest is read, not searched. */
const SECTION_LIMIT = 50;
const ASSIGNED: readonly NotificationKind[] = ['task.assigned', 'record.owner_changed'];
// Live task lists stand for these: a reminder kept for the digest is not listed twice.
const COVERED_BY_TASKS: readonly NotificationKind[] = ['task.due_soon', 'task.overdue'];

/** The hour (0–23) it is now in `timeZone`. */
export function localHour(timeZone: string, now: Date): number {
  const hour = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    hourCycle: 'h23',
  }).format(now);
  return Number(hour);
}

/** Sends the digest of one person; true when an email was queued. */
async function digestFor(
  deps: AppDeps,
  org: { id: string; time_zone: string },
  person: { user_id: string; email: string; name: string },
  today: string,
): Promise<boolean> {
  const db = deps.database.db;
  const { deliveries } = await effectivePreferences(db, org.id, person.user_id);
  const wants = (kind: NotificationKind) => deliveries.get(kind)?.delivery !== 'off';
  const weekEnd = addDays(today, 6);
  const tasks =
    wants('task.overdue') || wants('task.due_soon')
      ? await openTasksOfOwnerDueBy(db, org.id, person.user_id, weekEnd, SECTION_LIMIT * 2)
      : [];
  const taskItem = (t: (typeof tasks)[number]): EmailItem => ({
    title: `${t.reference} ${t.title}`,
    dueOn: t.dueOn,
    url: `${deps.baseUrl}${recordPath('task', t.id)}`,
  });
  const overdue = wants('task.overdue') ? tasks.filter((t) => t.dueOn < today) : [];
  const dueSoon = wants('task.due_soon') ? tasks.filter((t) => t.dueOn >= today) : [];
  const pending = await listPendingDigest(db, org.id, person.user_id, SECTION_LIMIT * 4);
  const listed = pending.filter((n) => !COVERED_BY_TASKS.includes(n.kind));
  const noticeItem = (n: (typeof pending)[number]): EmailItem => ({
    title: n.title,
    dueOn: n.due_on,
    url: `${deps.baseUrl}${recordPath(n.record_type, n.record_id)}`,
  });
  const assigned = listed.filter((n) => ASSIGNED.includes(n.kind));
  const others = listed.filter((n) => !ASSIGNED.includes(n.kind));
  const items = overdue.length + dueSoon.length + assigned.length + others.length;
  if (items === 0 && pending.length === 0) return false;
  const now = deps.clock.now().toISOString();
  return db.transaction().execute(async (trx) => {
    // Once per person and local day, however often the job runs (or is retried).
    const first = await insertDigestOnce(trx, {
      org_id: org.id,
      user_id: person.user_id,
      local_day: today,
      sent_at: now,
      items,
    });
    if (!first) return false;
    await markDigested(
      trx,
      org.id,
      person.user_id,
      pending.map((n) => n.id),
      now,
    );
    if (items === 0) return false;
    const email = renderEmail({
      heading: `Your Custos digest for ${formatDay(today)}`,
      intro: `Hello ${person.name}, here is what needs you: ${countOf(items, 'item')}.`,
      sections: [
        { heading: 'Overdue', items: overdue.slice(0, SECTION_LIMIT).map(taskItem) },
        { heading: 'Due this week', items: dueSoon.slice(0, SECTION_LIMIT).map(taskItem) },
        { heading: 'Assigned to you', items: assigned.slice(0, SECTION_LIMIT).map(noticeItem) },
        { heading: 'Reminders', items: others.slice(0, SECTION_LIMIT).map(noticeItem) },
      ],
      footer: 'Choose what the digest carries, and when',
      footerUrl: `${deps.baseUrl}/profile#notifications`,
    });
    await deps.mailer.queue(trx, deps, {
      orgId: org.id,
      to: person.email,
      subject: `Custos digest: ${countOf(items, 'item')} for ${formatDay(today)}`,
      text: email.text,
      html: email.html,
    });
    return true;
  });
}

/**
 * Sends the digests due this hour: for each organization, the people whose digest hour is the
 * organization's local hour now. Returns how many emails were queued. Safe to run twice.
 */
export async function sendDigests(deps: AppDeps, at?: Date): Promise<number> {
  // A retried run keeps the hour it was due for, not the hour it is retried in.
  const now = at ?? deps.clock.now();
  let sent = 0;
  for (const org of await listOrganizationZonesForDigest(deps.database.db)) {
    const hour = localHour(org.time_zone, now);
    const today = todayIn(org.time_zone, now);
    const people = await listDigestRecipients(deps.database.db, org.id, hour, now.toISOString());
    for (const person of people) {
      if (await digestFor(deps, org, person, today)) sent += 1;
    }
  }
  return sent;
}

const DigestPayloadSchema = z.object({ dueAt: z.string().nullable().default(null) });

/** The hourly job (`0 * * * *`): a run is the digests of the hour it runs in. */
export function digestJob(deps: AppDeps): JobKind<z.infer<typeof DigestPayloadSchema>> {
  return {
    name: 'notifications.digest',
    label: 'Sending the daily digests',
    retryLimit: 3,
    parse: (data) => DigestPayloadSchema.parse(data),
    run: async (payload) => {
      const due = payload.dueAt === null ? undefined : new Date(payload.dueAt);
      await sendDigests(deps, due && !Number.isNaN(due.getTime()) ? due : undefined);
    },
  };
}

/** The digest's timetable: every hour on the hour, each organization's local hour decides. */
export const DIGEST_SCHEDULE: JobSchedule = {
  name: 'notifications.digest',
  cron: '0 * * * *',
  job: 'notifications.digest',
};
