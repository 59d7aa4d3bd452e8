import type { Clock } from './clock';
import type { Db } from './db/types';
import { findTimeZone, listOrganizationCalendarsUnscoped } from './org-calendar-repository';
import { todayIn } from './time';

/** Today's date in the organization's time zone: what "due" and "overdue" are measured against. */
export async function organizationToday(db: Db, clock: Clock, orgId: string): Promise<string> {
  return todayIn((await findTimeZone(db, orgId)) ?? 'UTC', clock.now());
}

/** An organization as a sweep sees it: its today, its escalation rule, its Security Official. */
export interface OrganizationCalendar {
  readonly orgId: string;
  readonly timeZone: string;
  /** Today in the organization's zone (YYYY-MM-DD). */
  readonly today: string;
  readonly escalateOverdueAfterDays: number;
  readonly securityOfficialId: string | null;
}

/** Every organization's calendar now: sweeps run across all organizations, each on its own day. */
export async function organizationCalendarsUnscoped(
  db: Db,
  clock: Clock,
): Promise<OrganizationCalendar[]> {
  const now = clock.now();
  return (await listOrganizationCalendarsUnscoped(db)).map((row) => ({
    orgId: row.id,
    timeZone: row.time_zone,
    today: todayIn(row.time_zone, now),
    escalateOverdueAfterDays: row.escalate_overdue_after_days,
    securityOfficialId: row.security_official_id,
  }));
}
