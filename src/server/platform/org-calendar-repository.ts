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
