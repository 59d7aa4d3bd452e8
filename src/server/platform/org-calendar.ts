import type { Clock } from './clock';
import type { Db } from './db/types';
import { findTimeZone } from './org-calendar-repository';
import { todayIn } from './time';

/** Today's date in the organization's time zone: what "due" and "overdue" are measured against. */
export async function organizationToday(db: Db, clock: Clock, orgId: string): Promise<string> {
  return todayIn((await findTimeZone(db, orgId)) ?? 'UTC', clock.now());
}
