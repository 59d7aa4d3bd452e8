import type { IncidentStatus } from '../../../contracts/incidents-schemas';
import type { Db } from '../../platform/db/types';
import type {
  IncidentReportLinksTable,
  IncidentSeverityLevelsTable,
  IncidentsTable,
  IncidentTimelineTable,
} from './tables';

// The only place that reads and writes the incidents feature's tables (issue 11). Every method
// takes the organization id, except the anonymous link's lookup by token hash (its loud name).

export type IncidentRow = IncidentsTable & {
  reporter_name: string | null;
  owner_name: string | null;
  reviewer_name: string | null;
};

function withNames(db: Db, orgId: string) {
  return db
    .selectFrom('incidents')
    .leftJoin('users as reporter', 'reporter.id', 'incidents.reported_by')
    .leftJoin('users as owner', 'owner.id', 'incidents.owner_id')
    .leftJoin('users as reviewer', 'reviewer.id', 'incidents.reviewed_by')
    .selectAll('incidents')
    .select([
      'reporter.name as reporter_name',
      'owner.name as owner_name',
      'reviewer.name as reviewer_name',
    ])
    .where('incidents.org_id', '=', orgId);
}

export async function insertIncident(trx: Db, row: IncidentsTable): Promise<void> {
  await trx.insertInto('incidents').values(row).execute();
}

export async function updateIncident(
  trx: Db,
  orgId: string,
  id: string,
  values: Partial<IncidentsTable>,
): Promise<void> {
  await trx
    .updateTable('incidents')
    .set(values)
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

/** One incident of the organization; another organization's id finds nothing (164.308(a)(4)). */
export async function findIncident(
  db: Db,
  orgId: string,
  id: string,
): Promise<IncidentRow | undefined> {
  return withNames(db, orgId).where('incidents.id', '=', id).executeTakeFirst();
}

/** The incidents of the organization, newest report first, filtered in SQL. */
export async function listIncidents(
  db: Db,
  orgId: string,
  filter: { open?: boolean; reportedBy?: string },
): Promise<IncidentRow[]> {
  let query = withNames(db, orgId);
  if (filter.open !== undefined) {
    query = query.where('incidents.status', filter.open ? 'not in' : 'in', [
      'closed',
      'not_an_incident',
    ] satisfies IncidentStatus[]);
  }
  if (filter.reportedBy !== undefined) {
    query = query.where('incidents.reported_by', '=', filter.reportedBy);
  }
  return query
    .orderBy('incidents.year', 'desc')
    .orderBy('incidents.number', 'desc')
    .limit(1000)
    .execute();
}

/** Open incidents per severity level (null: not yet rated), for the dashboard. */
export async function countOpenBySeverity(
  db: Db,
  orgId: string,
): Promise<{ severity: number | null; status: IncidentStatus; n: number }[]> {
  const rows = await db
    .selectFrom('incidents')
    .select(['severity', 'status', (eb) => eb.fn.countAll<string | number>().as('n')])
    .where('org_id', '=', orgId)
    .where('status', 'not in', ['closed', 'not_an_incident'] satisfies IncidentStatus[])
    .groupBy(['severity', 'status'])
    .execute();
  return rows.map((r) => ({ severity: r.severity, status: r.status, n: Number(r.n) }));
}

export async function findInvolved(
  db: Db,
  orgId: string,
  incidentId: string,
): Promise<{ assetIds: string[]; personIds: string[] }> {
  const [assets, people] = await Promise.all([
    db
      .selectFrom('incident_assets')
      .select('asset_id')
      .where('org_id', '=', orgId)
      .where('incident_id', '=', incidentId)
      .execute(),
    db
      .selectFrom('incident_people')
      .select('person_id')
      .where('org_id', '=', orgId)
      .where('incident_id', '=', incidentId)
      .execute(),
  ]);
  return { assetIds: assets.map((a) => a.asset_id), personIds: people.map((p) => p.person_id) };
}

/** Replaces the assets or people an incident names. */
export async function replaceInvolved(
  trx: Db,
  orgId: string,
  incidentId: string,
  what: 'assets' | 'people',
  ids: readonly string[],
): Promise<void> {
  if (what === 'assets') {
    await trx
      .deleteFrom('incident_assets')
      .where('org_id', '=', orgId)
      .where('incident_id', '=', incidentId)
      .execute();
    if (ids.length > 0) {
      await trx
        .insertInto('incident_assets')
        .values(ids.map((asset_id) => ({ org_id: orgId, incident_id: incidentId, asset_id })))
        .execute();
    }
    return;
  }
  await trx
    .deleteFrom('incident_people')
    .where('org_id', '=', orgId)
    .where('incident_id', '=', incidentId)
    .execute();
  if (ids.length > 0) {
    await trx
      .insertInto('incident_people')
      .values(ids.map((person_id) => ({ org_id: orgId, incident_id: incidentId, person_id })))
      .execute();
  }
}

export async function insertTimelineEntry(trx: Db, row: IncidentTimelineTable): Promise<void> {
  await trx.insertInto('incident_timeline').values(row).execute();
}

export async function listTimeline(
  db: Db,
  orgId: string,
  incidentId: string,
): Promise<IncidentTimelineTable[]> {
  return db
    .selectFrom('incident_timeline')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('incident_id', '=', incidentId)
    .orderBy('at')
    .orderBy('id')
    .execute();
}

export async function listSeverityLevels(
  db: Db,
  orgId: string,
): Promise<IncidentSeverityLevelsTable[]> {
  return db
    .selectFrom('incident_severity_levels')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('level')
    .execute();
}

export async function replaceSeverityLevels(
  trx: Db,
  orgId: string,
  levels: readonly IncidentSeverityLevelsTable[],
): Promise<void> {
  await trx.deleteFrom('incident_severity_levels').where('org_id', '=', orgId).execute();
  await trx
    .insertInto('incident_severity_levels')
    .values([...levels])
    .execute();
}

/** The highest severity any incident of the organization holds, or null. */
export async function highestSeverityInUse(db: Db, orgId: string): Promise<number | null> {
  const row = await db
    .selectFrom('incidents')
    .select((eb) => eb.fn.max('severity').as('top'))
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  return row?.top ?? null;
}

export async function findReportLink(
  db: Db,
  orgId: string,
): Promise<IncidentReportLinksTable | undefined> {
  return db
    .selectFrom('incident_report_links')
    .selectAll()
    .where('org_id', '=', orgId)
    .executeTakeFirst();
}

export async function saveReportLink(trx: Db, row: IncidentReportLinksTable): Promise<void> {
  await trx.deleteFrom('incident_report_links').where('org_id', '=', row.org_id).execute();
  await trx.insertInto('incident_report_links').values(row).execute();
}

export async function deleteReportLink(trx: Db, orgId: string): Promise<number> {
  const result = await trx
    .deleteFrom('incident_report_links')
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * The organization whose anonymous link has this token hash, across organizations: the token is
 * the only thing an anonymous reporter holds (loud name: not scoped by an organization id).
 */
export async function findOrganizationByLinkHashUnscoped(
  db: Db,
  tokenHash: string,
): Promise<{ orgId: string; name: string } | undefined> {
  return db
    .selectFrom('incident_report_links')
    .innerJoin('organizations', 'organizations.id', 'incident_report_links.org_id')
    .select(['organizations.id as orgId', 'organizations.name as name'])
    .where('incident_report_links.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export async function findIncidentTitles(
  db: Db,
  orgId: string,
  ids: readonly string[],
): Promise<{ id: string; year: number; number: number; title: string }[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('incidents')
    .select(['id', 'year', 'number', 'title'])
    .where('org_id', '=', orgId)
    .where('id', 'in', [...ids])
    .execute();
}
