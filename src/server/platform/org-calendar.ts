import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';
import type { Clock } from './clock';
import { todayIn } from './time';

/** Today's date in the organization's time zone: what "due" and "overdue" are measured against. */
export async function organizationToday(
  db: Kysely<Database> | Transaction<Database>,
  clock: Clock,
  orgId: string,
): Promise<string> {
  const row = await db
    .selectFrom('organizations')
    .select('time_zone')
    .where('id', '=', orgId)
    .executeTakeFirst();
  return todayIn(row?.time_zone ?? 'UTC', clock.now());
}
