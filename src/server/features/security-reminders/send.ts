import type { Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { ReminderChannel } from '../../../contracts/security-reminders';
import type { Database } from '../../db/schema';
import { appendAuditEvent, SYSTEM_CONTEXT, type AuditContext } from '../../platform/audit/append';
import type { AppDeps } from '../../platform/deps';
import { organizationCalendarsUnscoped } from '../../platform/org-calendar';
import { listLiveMembers } from '../../platform/people-repository';
import { renderEmail } from '../notifications/email';
import { notifyDeliveryIn, notifyMemo } from '../notifications/notify';
import { reachablePeople } from '../people/service';
import { reference } from './presenter';
import {
  insertDeliveries,
  insertSendingOnce,
  listAudience,
  listDueReminders,
  setRecipients,
  updateReminder,
} from './repository';
import { dueSending } from './schedule';
import type { SecurityReminderDeliveriesTable, SecurityRemindersTable } from './tables';

/** The job and schedule that send what is due (every 15 minutes, each organization on its day). */
export const SEND_JOB = 'security_reminders.send';

interface Recipient {
  readonly personId: string | null;
  readonly userId: string | null;
  readonly name: string;
  readonly email: string | null;
}

/**
 * Who a reminder reaches today: roster people who work here (by department, by name, or by the
 * role of their linked account), and members of those roles who are not on the roster.
 */
async function recipientsOf(
  trx: Transaction<Database>,
  orgId: string,
  reminderId: string,
  today: string,
  now: string,
): Promise<Recipient[]> {
  const audience = await listAudience(trx, orgId, [reminderId]);
  const roles = new Set(audience.flatMap((a) => (a.role ? [a.role] : [])));
  const departments = new Set(audience.flatMap((a) => (a.department_id ? [a.department_id] : [])));
  const people = new Set(audience.flatMap((a) => (a.person_id ? [a.person_id] : [])));
  const roster = await reachablePeople(trx, orgId, today, now);
  const onRoster = new Set(roster.flatMap((p) => (p.userId ? [p.userId] : [])));
  const chosen: Recipient[] = roster
    .filter(
      (p) =>
        people.has(p.id) ||
        (p.departmentId !== null && departments.has(p.departmentId)) ||
        (p.role !== null && roles.has(p.role)),
    )
    .map((p) => ({ personId: p.id, userId: p.userId, name: p.name, email: p.email }));
  if (roles.size > 0) {
    for (const member of await listLiveMembers(trx, orgId, now)) {
      if (roles.has(member.role) && !onRoster.has(member.userId)) {
        chosen.push({ personId: null, userId: member.userId, name: member.name, email: null });
      }
    }
  }
  return chosen;
}

const CHANNEL = {
  immediately: 'bell_and_email',
  digest: 'bell_and_digest',
  off: 'bell',
} as const satisfies Record<string, ReminderChannel>;

/**
 * Sends one reminder for `dueOn`, in the caller's transaction, once (a sending per reminder and
 * date: a second process, or a second run, sends nothing), and logs who got it and how. Members
 * get a notification (emailed per their choice); people on the roster without an account get an
 * email at their roster address; anyone else is logged as not reached. 164.308(a)(5)(ii)(A).
 */
export async function sendReminderIn(
  trx: Transaction<Database>,
  deps: AppDeps,
  context: AuditContext,
  reminder: SecurityRemindersTable,
  due: { dueOn: string; nextOn: string | null },
  today: string,
): Promise<number | null> {
  const orgId = reminder.org_id;
  const now = deps.clock.now().toISOString();
  const sendingId = uuidv7();
  const fresh = await insertSendingOnce(trx, {
    id: sendingId,
    org_id: orgId,
    reminder_id: reminder.id,
    due_on: due.dueOn,
    sent_at: now,
    recipients: 0,
  });
  await updateReminder(trx, orgId, reminder.id, { next_on: due.nextOn, updated_at: now });
  if (!fresh) return null;
  const memo = notifyMemo();
  const deliveries: SecurityReminderDeliveriesTable[] = [];
  const title = `Security reminder: ${reminder.title}`;
  for (const who of await recipientsOf(trx, orgId, reminder.id, today, now)) {
    let channel: ReminderChannel = 'not_reached';
    if (who.userId) {
      const delivery = await notifyDeliveryIn(
        trx,
        deps,
        {
          orgId,
          userId: who.userId,
          kind: 'security_reminder.sent',
          record: { type: 'security_reminder', id: reminder.id },
          title,
          key: `security_reminder:${sendingId}`,
          detail: `a security reminder: ${reminder.message}`,
          moreUrl: reminder.link_url,
        },
        memo,
      );
      if (delivery) channel = CHANNEL[delivery];
    }
    if (channel === 'not_reached' && who.email) {
      const email = renderEmail({
        heading: reminder.title,
        intro: `Hello ${who.name}, a security reminder: ${reminder.message}`,
        sections: reminder.link_url
          ? [
              {
                heading: 'Read more',
                items: [{ title: reminder.link_url, dueOn: null, url: reminder.link_url }],
              },
            ]
          : [],
        footer: 'Sent for your organization through Custos',
        footerUrl: deps.baseUrl,
      });
      await deps.mailer.queue(trx, deps, {
        orgId,
        to: who.email,
        subject: title,
        text: email.text,
        html: email.html,
      });
      channel = 'email';
    }
    deliveries.push({
      id: uuidv7(),
      org_id: orgId,
      sending_id: sendingId,
      person_id: who.personId,
      user_id: channel === 'email' || channel === 'not_reached' ? null : who.userId,
      name: who.name,
      channel,
      delivered_at: now,
    });
  }
  await insertDeliveries(trx, deliveries);
  const reached = deliveries.filter((d) => d.channel !== 'not_reached').length;
  await setRecipients(trx, orgId, sendingId, reached);
  await appendAuditEvent(trx, deps, context, {
    orgId,
    action: 'security_reminder.sent',
    entity: { type: 'security_reminder', id: reminder.id },
    changes: {
      reference: { after: reference(reminder.number) },
      dueOn: { after: due.dueOn },
      reached: { after: reached },
      notReached: { after: deliveries.length - reached },
    },
  });
  return reached;
}

/** The sweep: every organization, on its own day, sends each reminder that is due. */
export async function sendDueReminders(deps: AppDeps): Promise<number> {
  let sent = 0;
  for (const org of await organizationCalendarsUnscoped(deps.database.db, deps.clock)) {
    for (const reminder of await listDueReminders(deps.database.db, org.orgId, org.today)) {
      const due = dueSending(reminder.schedule, reminder.starts_on, org.today);
      if (!due) continue;
      const done = await deps.database.db
        .transaction()
        .execute((trx) => sendReminderIn(trx, deps, SYSTEM_CONTEXT, reminder, due, org.today));
      if (done !== null) sent += 1;
    }
  }
  return sent;
}
