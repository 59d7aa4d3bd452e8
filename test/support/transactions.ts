import type { Kysely } from 'kysely';
import { vi } from 'vitest';
import type { Database } from '../../src/server/db/schema';

/**
 * Watches the write transactions of the app's database: each start and end goes into `log`
 * (next to whatever else the test logs, e.g. when a report is rendered), and `beforeFirst` runs
 * just before the first transaction begins, to change the database "meanwhile".
 */
export function watchTransactions(
  db: Kysely<Database>,
  log: string[],
  beforeFirst?: () => Promise<void>,
) {
  const original = db.transaction.bind(db);
  let first = true;
  return vi.spyOn(db, 'transaction').mockImplementation(() => {
    const builder = original();
    const run = beforeFirst && first ? beforeFirst : undefined;
    first = false;
    // The services only call execute() on the builder.
    const execute: typeof builder.execute = async (callback) => {
      await run?.();
      log.push('transaction:start');
      try {
        return await builder.execute(callback);
      } finally {
        log.push('transaction:end');
      }
    };
    return Object.assign(Object.create(builder) as typeof builder, { execute });
  });
}
