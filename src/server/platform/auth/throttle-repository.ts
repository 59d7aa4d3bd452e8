import type { Kysely } from 'kysely';
import type { AuthThrottleTable, Database } from '../../db/schema';

// Throttle rows are keyed by account or address, not organization: sign-in precedes any tenant.
export async function findThrottle(
  db: Kysely<Database>,
  key: string,
): Promise<AuthThrottleTable | undefined> {
  return db.selectFrom('auth_throttle').selectAll().where('key', '=', key).executeTakeFirst();
}

export async function saveThrottle(db: Kysely<Database>, row: AuthThrottleTable): Promise<void> {
  await db
    .insertInto('auth_throttle')
    .values(row)
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        failures: row.failures,
        last_failure_at: row.last_failure_at,
        locked_until: row.locked_until,
      }),
    )
    .execute();
}

export async function clearThrottle(db: Kysely<Database>, key: string): Promise<void> {
  await db.deleteFrom('auth_throttle').where('key', '=', key).execute();
}
