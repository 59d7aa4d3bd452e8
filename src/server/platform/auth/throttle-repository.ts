import type { Kysely, Transaction } from 'kysely';
import type { AuthThrottleTable, Database } from '../../db/schema';
import { isPostgres } from '../db/dialect';

// Throttle rows are keyed by account or address, not organization: sign-in precedes any tenant.

/**
 * The row of `key` (created with no failures when missing), locked until the transaction ends so
 * that concurrent attempts on the key queue up: a PostgreSQL row lock; SQLite serialises writers,
 * and the insert makes this a write transaction from its first statement.
 */
export async function lockThrottle(
  trx: Transaction<Database>,
  key: string,
  at: string,
): Promise<AuthThrottleTable> {
  await trx
    .insertInto('auth_throttle')
    .values({ key, failures: 0, last_failure_at: at, locked_until: null })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const query = trx.selectFrom('auth_throttle').selectAll().where('key', '=', key);
  return (isPostgres(trx) ? query.forUpdate() : query).executeTakeFirstOrThrow();
}

export async function updateThrottle(
  trx: Transaction<Database>,
  row: AuthThrottleTable,
): Promise<void> {
  await trx
    .updateTable('auth_throttle')
    .set({
      failures: row.failures,
      last_failure_at: row.last_failure_at,
      locked_until: row.locked_until,
    })
    .where('key', '=', row.key)
    .execute();
}

/**
 * Gives back one counted attempt in a single statement; a lock that attempt set is lifted when
 * the count falls below `lockAt` again.
 */
export async function decrementThrottle(
  db: Kysely<Database>,
  key: string,
  lockAt: number,
): Promise<void> {
  await db
    .updateTable('auth_throttle')
    .set((eb) => ({
      failures: eb('failures', '-', 1),
      // The right-hand sides read the row as it was before this update, on both databases.
      locked_until: eb
        .case()
        .when(eb('failures', '>', lockAt))
        .then(eb.ref('locked_until'))
        .else(null)
        .end(),
    }))
    .where('key', '=', key)
    .where('failures', '>', 0)
    .execute();
}

export async function clearThrottle(db: Kysely<Database>, key: string): Promise<void> {
  await db.deleteFrom('auth_throttle').where('key', '=', key).execute();
}
