import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { isPostgres } from '../../platform/db/dialect';
import type { Db } from '../../platform/db/types';
import type { IncidentStatus } from '../../../contracts/incidents-schemas';
import type { BreachDeterminationsTable, BreachLettersTable } from './tables';

// The breach determinations' SQL (issue 16 part 3). Every method takes the organization id.

/** Every version of an incident's determination, newest first. */
export async function listDeterminations(
  db: Db,
  orgId: string,
  incidentId: string,
): Promise<BreachDeterminationsTable[]> {
  return db
    .selectFrom('breach_determinations')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('incident_id', '=', incidentId)
    .orderBy('version', 'desc')
    .execute();
}

/** The newest version of an incident's determination. */
export async function latestDetermination(
  db: Db,
  orgId: string,
  incidentId: string,
): Promise<BreachDeterminationsTable | undefined> {
  return db
    .selectFrom('breach_determinations')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('incident_id', '=', incidentId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Holds the incident's row until the transaction ends, so two saves of a version do not cross. */
export async function lockIncident(
  trx: Transaction<Database>,
  orgId: string,
  incidentId: string,
): Promise<void> {
  if (!isPostgres(trx)) return;
  await trx
    .selectFrom('incidents')
    .select('id')
    .where('org_id', '=', orgId)
    .where('id', '=', incidentId)
    .forUpdate()
    .execute();
}

export async function insertDetermination(trx: Db, row: BreachDeterminationsTable): Promise<void> {
  await trx.insertInto('breach_determinations').values(row).execute();
}

/** Changes a draft only: an approved version is never written again (design.md §6.4). */
export async function updateDraftDetermination(
  trx: Db,
  orgId: string,
  id: string,
  values: Partial<BreachDeterminationsTable>,
): Promise<number> {
  const result = await trx
    .updateTable('breach_determinations')
    .set(values)
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** The approved determinations that found a breach, with their incidents (dashboard, log). */
export async function listApprovedBreaches(
  db: Db,
  orgId: string,
): Promise<
  (BreachDeterminationsTable & {
    year: number;
    number: number;
    title: string;
    incident_status: IncidentStatus;
  })[]
> {
  return db
    .selectFrom('breach_determinations as d')
    .innerJoin('incidents as i', (join) =>
      join.onRef('i.org_id', '=', 'd.org_id').onRef('i.id', '=', 'd.incident_id'),
    )
    .selectAll('d')
    .select(['i.year', 'i.number', 'i.title', 'i.status as incident_status'])
    .where('d.org_id', '=', orgId)
    .where('d.status', '=', 'approved')
    .where('d.outcome', '=', 'breach')
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('breach_determinations as later')
            .select('later.id')
            .whereRef('later.org_id', '=', 'd.org_id')
            .whereRef('later.incident_id', '=', 'd.incident_id')
            .whereRef('later.version', '>', 'd.version')
            .where('later.status', '=', 'approved'),
        ),
      ),
    )
    .orderBy('d.discovered_on')
    .execute();
}

/** The incident's edited notice letter, if any. */
export async function findLetter(
  db: Db,
  orgId: string,
  incidentId: string,
): Promise<BreachLettersTable | undefined> {
  return db
    .selectFrom('breach_letters')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('incident_id', '=', incidentId)
    .executeTakeFirst();
}

/** Keeps the incident's notice letter, replacing the one before. */
export async function upsertLetter(trx: Db, row: BreachLettersTable): Promise<void> {
  const { body, updated_at, updated_by } = row;
  await trx
    .insertInto('breach_letters')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['org_id', 'incident_id']).doUpdateSet({ body, updated_at, updated_by }),
    )
    .execute();
}
