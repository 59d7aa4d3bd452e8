import type { Kysely, Transaction } from 'kysely';
import type { Database, RiskAssessmentsTable, RiskReportsTable } from '../../db/schema';

type Db = Kysely<Database> | Transaction<Database>;

export interface AssessmentRow extends RiskAssessmentsTable {
  submitted_by_name: string | null;
  approved_by_name: string | null;
  based_on_number: number | null;
  report_sha256: string | null;
  report_size: number | null;
  report_created_at: string | null;
}

function withNames(db: Db, orgId: string) {
  return db
    .selectFrom('risk_assessments')
    .leftJoin('users as submitter', 'submitter.id', 'risk_assessments.submitted_by')
    .leftJoin('users as approver', 'approver.id', 'risk_assessments.approved_by')
    .leftJoin('risk_assessments as base', 'base.id', 'risk_assessments.based_on_id')
    .leftJoin('risk_reports', 'risk_reports.assessment_id', 'risk_assessments.id')
    .selectAll('risk_assessments')
    .select([
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
  const rows = await withNames(db, orgId).orderBy('risk_assessments.number', 'desc').execute();
  return rows.map((row) => ({ ...row, snapshot: null }));
}

export async function findAssessment(
  db: Db,
  orgId: string,
  id: string,
): Promise<AssessmentRow | undefined> {
  return withNames(db, orgId).where('risk_assessments.id', '=', id).executeTakeFirst();
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

/** Approved assessments, oldest first, with their snapshots (the trend). */
export async function approvedSnapshots(db: Db, orgId: string) {
  return db
    .selectFrom('risk_assessments')
    .select(['id', 'number', 'approved_at', 'snapshot', 'matrix'])
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
