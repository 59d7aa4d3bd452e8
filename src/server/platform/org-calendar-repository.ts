import type { Db } from './db/types';

/** The organization's IANA time zone, if the organization exists. */
export async function findTimeZone(db: Db, orgId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('organizations')
    .select('time_zone')
    .where('id', '=', orgId)
    .executeTakeFirst();
  return row?.time_zone;
}

/** What a sweep needs of every organization: its zone, its escalation rule, its official. */
export interface OrganizationCalendarRow {
  id: string;
  time_zone: string;
  escalate_overdue_after_days: number;
  security_official_id: string | null;
}

/** Every organization (sweeps run across all of them: the loud name says so). */
export async function listOrganizationCalendarsUnscoped(
  db: Db,
): Promise<OrganizationCalendarRow[]> {
  return db
    .selectFrom('organizations')
    .select(['id', 'time_zone', 'escalate_overdue_after_days', 'security_official_id'])
    .orderBy('id')
    .execute();
}
