import { sql, type Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import type { RiskAssessmentsTable, RiskReportsTable } from './tables';
import { isPostgres } from '../../platform/db/dialect';
import type { Db } from '../../platform/db/types';

export interface AssessmentRow extends RiskAssessmentsTable {
  created_by_name: string | null;
  submitted_by_name: string | null;
  approved_by_name: string | null;
  based_on_number: number | null;
  report_sha256: string | null;
  report_size: number | null;
  report_created_at: string | null;
}

const COLUMNS = [
  'risk_assessments.id',
  'risk_assessments.org_id',
  'risk_assessments.number',
  'risk_assessments.title',
  'risk_assessments.scope',
  'risk_assessments.method',
  'risk_assessments.participants',
  'risk_assessments.starts_on',
  'risk_assessments.ends_on',
  'risk_assessments.status',
  'risk_assessments.based_on_id',
  'risk_assessments.submitted_at',
  'risk_assessments.submitted_by',
  'risk_assessments.approved_at',
  'risk_assessments.approved_by',
  'risk_assessments.approval_note',
  'risk_assessments.matrix',
  'risk_assessments.level_counts',
  'risk_assessments.submission_gaps',
  'risk_assessments.approval_gaps',
  'risk_assessments.created_at',
  'risk_assessments.created_by',
  'risk_assessments.updated_at',
] as const;

/** Assessments with the names and report they show; the (large) snapshot only when asked. */
function withNames(db: Db, orgId: string, snapshot: boolean) {
  return db
    .selectFrom('risk_assessments')
    .leftJoin('users as creator', 'creator.id', 'risk_assessments.created_by')
    .leftJoin('users as submitter', 'submitter.id', 'risk_assessments.submitted_by')
    .leftJoin('users as approver', 'approver.id', 'risk_assessments.approved_by')
    .leftJoin('risk_assessments as base', 'base.id', 'risk_assessments.based_on_id')
    .leftJoin('risk_reports', 'risk_reports.assessment_id', 'risk_assessments.id')
    .select(COLUMNS)
    .select(
      (snapshot ? sql<string | null>`risk_assessments.snapshot` : sql<string | null>`null`).as(
        'snapshot',
      ),
    )
    .select([
      'creator.name as created_by_name',
      'submitter.name as submitted_by_name',
      'approver.name as approved_by_name',
      'base.number as based_on_number',
      'risk_reports.sha256 as report_sha256',
      'risk_reports.size as report_size',
      'risk_reports.created_at as report_created_at',
    ])
    .where('risk_assessments.org_id', '=', orgId);
}

/** Every assessment, newest first, without the (large) snapshots. */
export async function listAssessments(db: Db, orgId: string): Promise<AssessmentRow[]> {
  return withNames(db, orgId, false).orderBy('risk_assessments.number', 'desc').execute();
}

export async function findAssessment(
  db: Db,
  orgId: string,
  id: string,
): Promise<AssessmentRow | undefined> {
  return withNames(db, orgId, true).where('risk_assessments.id', '=', id).executeTakeFirst();
}

/**
 * Locks an assessment's row until the transaction ends, so two approvals cannot both find it in
 * review (PostgreSQL; SQLite runs one write transaction at a time).
 */
export async function lockAssessment(trx: Transaction<Database>, orgId: string, id: string) {
  if (!isPostgres(trx)) return;
  await trx
    .selectFrom('risk_assessments')
    .select('id')
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .forUpdate()
    .execute();
}

export async function insertAssessment(trx: Db, row: RiskAssessmentsTable): Promise<void> {
  await trx.insertInto('risk_assessments').values(row).execute();
}

export async function updateAssessment(
  trx: Db,
  orgId: string,
  id: string,
  values: Partial<RiskAssessmentsTable>,
): Promise<void> {
  await trx
    .updateTable('risk_assessments')
    .set(values)
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

/** Approved assessments, oldest first, with their level counts (the trend). */
export async function approvedLevelCounts(db: Db, orgId: string) {
  return db
    .selectFrom('risk_assessments')
    .select(['id', 'number', 'approved_at', 'level_counts'])
    .where('org_id', '=', orgId)
    .where('status', '=', 'approved')
    .orderBy('approved_at')
    .execute();
}

/** The most recent approval, if any. */
export async function lastApproval(db: Db, orgId: string) {
  return db
    .selectFrom('risk_assessments')
    .select(['id', 'number', 'approved_at'])
    .where('org_id', '=', orgId)
    .where('status', '=', 'approved')
    .orderBy('approved_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function insertReport(trx: Db, row: RiskReportsTable): Promise<void> {
  await trx.insertInto('risk_reports').values(row).execute();
}

export async function findReport(db: Db, orgId: string, assessmentId: string) {
  return db
    .selectFrom('risk_reports')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('assessment_id', '=', assessmentId)
    .executeTakeFirst();
}

/** The name of a member of the organization (the approver, printed on the report). */
export async function findMemberName(db: Db, orgId: string, userId: string): Promise<string> {
  const row = await db
    .selectFrom('users')
    .innerJoin('memberships', 'memberships.user_id', 'users.id')
    .select('users.name')
    .where('memberships.org_id', '=', orgId)
    .where('users.id', '=', userId)
    .executeTakeFirst();
  return row?.name ?? '';
}

/** An assessment not yet approved that started from `baseId`, if any. */
export async function openAssessmentFrom(db: Db, orgId: string, baseId: string) {
  return db
    .selectFrom('risk_assessments')
    .select(['id', 'number', 'status'])
    .where('org_id', '=', orgId)
    .where('based_on_id', '=', baseId)
    .where('status', '!=', 'approved')
    .orderBy('number')
    .executeTakeFirst();
}
