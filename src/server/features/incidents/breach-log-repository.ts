import type { Db } from '../../platform/db/types';
import type { BreachLogSubmissionsTable } from './tables';

// The yearly log's submissions (164.408(c)). Every method takes the organization id.

/** The organization's record of each year submitted to HHS. */
export async function listSubmissions(db: Db, orgId: string): Promise<BreachLogSubmissionsTable[]> {
  return db
    .selectFrom('breach_log_submissions')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('year', 'desc')
    .execute();
}

/** The record of one year, if any. */
export async function findSubmission(
  db: Db,
  orgId: string,
  year: number,
): Promise<BreachLogSubmissionsTable | undefined> {
  return db
    .selectFrom('breach_log_submissions')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('year', '=', year)
    .executeTakeFirst();
}

/** Keeps the year's record, replacing the one before. */
export async function upsertSubmission(trx: Db, row: BreachLogSubmissionsTable): Promise<void> {
  const { submitted_on, note, recorded_at, recorded_by } = row;
  await trx
    .insertInto('breach_log_submissions')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['org_id', 'year']).doUpdateSet({ submitted_on, note, recorded_at, recorded_by }),
    )
    .execute();
}
