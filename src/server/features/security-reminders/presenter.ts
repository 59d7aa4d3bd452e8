import type { SecurityReminder } from '../../../contracts/security-reminders';
import { roleOf } from '../../../contracts/roles';
import type { SecurityReminderAudienceTable, SecurityRemindersTable } from './tables';

export const reference = (number: number): string => `SR-${number}`;

/** What presenting a reminder looks up once for a whole list. */
export interface ReminderFacts {
  readonly audience: readonly SecurityReminderAudienceTable[];
  readonly departments: ReadonlyMap<string, string>;
  readonly people: ReadonlyMap<string, string>;
  readonly creators: ReadonlyMap<string, string>;
  readonly totals: ReadonlyMap<string, { sendings: number; lastSentAt: string | null }>;
}

export function presentReminder(
  row: SecurityRemindersTable,
  facts: ReminderFacts,
): SecurityReminder {
  const mine = facts.audience.filter((a) => a.reminder_id === row.id);
  const totals = facts.totals.get(row.id);
  return {
    id: row.id,
    reference: reference(row.number),
    title: row.title,
    message: row.message,
    linkUrl: row.link_url,
    schedule: row.schedule,
    startsOn: row.starts_on,
    nextOn: row.stopped_at === null ? row.next_on : null,
    stopped: row.stopped_at !== null,
    roles: mine.flatMap((a) => (a.role ? [roleOf(a.role)] : [])),
    departments: mine.flatMap((a) =>
      a.department_id
        ? [
            {
              id: a.department_id,
              name: facts.departments.get(a.department_id) ?? 'Removed department',
            },
          ]
        : [],
    ),
    people: mine.flatMap((a) =>
      a.person_id
        ? [{ id: a.person_id, name: facts.people.get(a.person_id) ?? 'Removed person' }]
        : [],
    ),
    sendings: totals?.sendings ?? 0,
    lastSentAt: totals?.lastSentAt ?? null,
    createdBy: row.created_by
      ? { id: row.created_by, name: facts.creators.get(row.created_by) ?? 'Former member' }
      : null,
    createdAt: row.created_at,
  };
}
