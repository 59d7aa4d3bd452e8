import type { Db } from '../../platform/db/types';
import { uuidsOnly } from '../../platform/links-registry';

/** What names an assessment elsewhere (links, decisions): reference, title, state, report. */
export interface AssessmentLabelRow {
  id: string;
  number: number;
  title: string;
  status: string;
  approved_at: string | null;
  report_sha256: string | null;
}

/** The organization's assessments among `ids` (other ids, and other tenants', are left out). */
export async function findAssessmentLabels(
  db: Db,
  orgId: string,
  ids: readonly string[],
): Promise<AssessmentLabelRow[]> {
  const wanted = uuidsOnly(ids);
  if (wanted.length === 0) return [];
  return db
    .selectFrom('risk_assessments')
    .leftJoin('risk_reports', 'risk_reports.assessment_id', 'risk_assessments.id')
    .select([
      'risk_assessments.id',
      'risk_assessments.number',
      'risk_assessments.title',
      'risk_assessments.status',
      'risk_assessments.approved_at',
      'risk_reports.sha256 as report_sha256',
    ])
    .where('risk_assessments.org_id', '=', orgId)
    .where('risk_assessments.id', 'in', wanted)
    .execute();
}

/** The organization's approved assessments, newest first (a decision's basis is picked from them). */
export async function listApprovedAssessments(
  db: Db,
  orgId: string,
): Promise<AssessmentLabelRow[]> {
  return db
    .selectFrom('risk_assessments')
    .leftJoin('risk_reports', 'risk_reports.assessment_id', 'risk_assessments.id')
    .select([
      'risk_assessments.id',
      'risk_assessments.number',
      'risk_assessments.title',
      'risk_assessments.status',
      'risk_assessments.approved_at',
      'risk_reports.sha256 as report_sha256',
    ])
    .where('risk_assessments.org_id', '=', orgId)
    .where('risk_assessments.status', '=', 'approved')
    .orderBy('risk_assessments.approved_at', 'desc')
    .execute();
}
