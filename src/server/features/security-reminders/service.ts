import { v7 as uuidv7 } from 'uuid';
import {
  REMINDER_SCHEDULE_LABELS,
  type SecurityReminder,
  type SecurityReminderBody,
} from '../../../contracts/security-reminders';
import { ROLE_LABELS } from '../../../contracts/roles';
import { appendAuditEvent, type AuditContext } from '../../platform/audit/append';
import type { AppDeps } from '../../platform/deps';
import type { Db } from '../../platform/db/types';
import { AppError } from '../../platform/errors';
import { organizationToday } from '../../platform/org-calendar';
import { findPeopleNames } from '../../platform/people-repository';
import { nextReferenceNumber } from '../../platform/references-repository';
import { listDepartmentNames } from '../people/departments';
import { rosterNames } from '../people/service';
import { recordSecurityReminderIn } from '../safeguards/record-security-reminders';
import { presentReminder, reference } from './presenter';
import {
  findReminder,
  insertReminder,
  listAudience,
  listDeliveries,
  listReceived,
  listReminders,
  listSendings,
  sendingTotals,
  updateReminder,
} from './repository';
import { dueSending } from './schedule';
import { sendReminderIn } from './send';
import type { SecurityReminderAudienceTable, SecurityRemindersTable } from './tables';

const iso = (value: string | Date | null | undefined): string | null =>
  value === null || value === undefined ? null : new Date(value).toISOString();

async function present(
  db: Db,
  orgId: string,
  rows: readonly SecurityRemindersTable[],
): Promise<SecurityReminder[]> {
  const audience = await listAudience(
    db,
    orgId,
    rows.map((r) => r.id),
  );
  const totals = new Map(
    (await sendingTotals(db, orgId)).map((t) => [
      t.reminder_id,
      { sendings: t.sendings, lastSentAt: iso(t.last_sent_at) },
    ]),
  );
  const facts = {
    audience,
    departments: await listDepartmentNames(db, orgId),
    people: await rosterNames(
      db,
      orgId,
      audience.flatMap((a) => (a.person_id ? [a.person_id] : [])),
    ),
    creators: await findPeopleNames(
      db,
      orgId,
      rows.flatMap((r) => (r.created_by ? [r.created_by] : [])),
    ),
    totals,
  };
  return rows.map((row) => presentReminder(row, facts));
}

async function found(db: Db, orgId: string, id: string) {
  const row = await findReminder(db, orgId, id);
  if (!row) throw new AppError('not_found', 'No such security reminder.');
  return row;
}

export async function listReminderPage(deps: AppDeps, orgId: string) {
  const db = deps.database.db;
  return { data: await present(db, orgId, await listReminders(db, orgId)) };
}

export async function getReminder(deps: AppDeps, orgId: string, id: string) {
  const db = deps.database.db;
  const [one] = await present(db, orgId, [await found(db, orgId, id)]);
  if (!one) throw new Error('a found reminder presents');
  return one;
}

/**
 * Schedules a security reminder (164.308(a)(5)(ii)(A) periodic security updates) to membership
 * roles, departments and roster people. One starting today is sent in the same transaction, so
 * whoever schedules it sees it in the log at once; the safeguard's record is updated and linked.
 */
export async function createReminder(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  body: SecurityReminderBody,
): Promise<SecurityReminder> {
  const db = deps.database.db;
  const id = uuidv7();
  await db.transaction().execute(async (trx) => {
    const roles = [...new Set(body.roles)];
    const departmentIds = [...new Set(body.departmentIds)];
    const personIds = [...new Set(body.personIds)];
    if (roles.length + departmentIds.length + personIds.length === 0) {
      throw AppError.field('body.roles', 'must name at least one role, department or person');
    }
    const today = await organizationToday(trx, deps.clock, orgId);
    if (body.startsOn < today) throw AppError.field('body.startsOn', 'must be today or later');
    const departments = await listDepartmentNames(trx, orgId);
    const missingDepartment = body.departmentIds.findIndex((d) => !departments.has(d));
    if (missingDepartment >= 0) {
      throw AppError.field(`body.departmentIds.${missingDepartment}`, 'names no department');
    }
    const people = await rosterNames(trx, orgId, personIds);
    const missingPerson = body.personIds.findIndex((p) => !people.has(p));
    if (missingPerson >= 0) {
      throw AppError.field(`body.personIds.${missingPerson}`, 'names nobody on the roster');
    }
    const now = deps.clock.now().toISOString();
    const row: SecurityRemindersTable = {
      id,
      org_id: orgId,
      number: await nextReferenceNumber(trx, orgId, 'security_reminder'),
      title: body.title,
      message: body.message,
      link_url: body.linkUrl ?? null,
      schedule: body.schedule,
      starts_on: body.startsOn,
      next_on: body.startsOn,
      stopped_at: null,
      created_at: now,
      created_by: context.actor.type === 'user' ? context.actor.id : null,
      updated_at: now,
    };
    const audience: SecurityReminderAudienceTable[] = [
      ...roles.map((role) => ({ role, department_id: null, person_id: null })),
      ...departmentIds.map((d) => ({ role: null, department_id: d, person_id: null })),
      ...personIds.map((p) => ({ role: null, department_id: null, person_id: p })),
    ].map((who) => ({ id: uuidv7(), org_id: orgId, reminder_id: id, ...who }));
    await insertReminder(trx, row, audience);
    await appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'security_reminder.created',
      entity: { type: 'security_reminder', id },
      changes: {
        reference: { after: reference(row.number) },
        title: { after: row.title },
        schedule: { after: REMINDER_SCHEDULE_LABELS[row.schedule] },
        startsOn: { after: row.starts_on },
        roles: { after: roles.map((r) => ROLE_LABELS[r]).join(', ') },
        departments: { after: departmentIds.map((d) => departments.get(d) ?? '').join(', ') },
        people: { after: personIds.map((p) => people.get(p) ?? '').join(', ') },
      },
    });
    await recordSecurityReminderIn(trx, deps, context, orgId, {
      id,
      repeats: row.schedule !== 'once',
    });
    const due = dueSending(row.schedule, row.starts_on, today);
    if (due) await sendReminderIn(trx, deps, context, row, due, today);
  });
  return getReminder(deps, orgId, id);
}

/** Stops a reminder: nothing more goes out; its log stays (164.316(b)(2)(i)). */
export async function stopReminder(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  id: string,
): Promise<SecurityReminder> {
  await deps.database.db.transaction().execute(async (trx) => {
    const before = await found(trx, orgId, id);
    if (before.stopped_at !== null) return;
    const now = deps.clock.now().toISOString();
    await updateReminder(trx, orgId, id, { stopped_at: now, updated_at: now });
    await appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'security_reminder.stopped',
      entity: { type: 'security_reminder', id },
      changes: {
        reference: { after: reference(before.number) },
        nextOn: { before: before.next_on, after: null },
      },
    });
  });
  return getReminder(deps, orgId, id);
}

/** The log: each sending, newest first, with who got it and how. */
export async function listSendingPage(deps: AppDeps, orgId: string, reminderId?: string) {
  const db = deps.database.db;
  if (reminderId) await found(db, orgId, reminderId);
  const sendings = await listSendings(db, orgId, reminderId);
  const deliveries = await listDeliveries(
    db,
    orgId,
    sendings.map((s) => s.id),
  );
  return {
    data: sendings.map((s) => ({
      id: s.id,
      reminder: { id: s.reminder_id, reference: reference(s.number), title: s.title },
      dueOn: s.due_on,
      sentAt: iso(s.sent_at) ?? '',
      recipients: s.recipients,
      deliveries: deliveries
        .filter((d) => d.sending_id === s.id)
        .map((d) => ({
          name: d.name,
          person: d.person_id ? { id: d.person_id, name: d.name } : null,
          channel: d.channel,
        })),
    })),
  };
}

/** The reminders sent to the caller, newest first. */
export async function listMyReminders(deps: AppDeps, context: AuditContext, orgId: string) {
  if (context.actor.type !== 'user' || !context.actor.id) return { data: [] };
  const rows = await listReceived(deps.database.db, orgId, context.actor.id);
  return {
    data: rows.map((r) => ({
      id: r.id,
      title: r.title,
      message: r.message,
      linkUrl: r.link_url,
      sentAt: iso(r.delivered_at) ?? '',
    })),
  };
}
