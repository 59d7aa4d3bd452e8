import type { LinkTarget } from '../../platform/feature';
import type { Db } from '../../platform/db/types';
import { findAssessmentLabels, type AssessmentLabelRow } from './labels-repository';

async function byId(db: Db, orgId: string, ids: readonly string[]) {
  return new Map((await findAssessmentLabels(db, orgId, ids)).map((r) => [r.id, r]));
}

/** `RA-1 Risk analysis 2026` */
export const assessmentLabel = (row: Pick<AssessmentLabelRow, 'number' | 'title'>) =>
  `RA-${row.number} ${row.title}`;

/** Risk assessments as ends of links (the evidence of 164.308(a)(1)(ii)(A), a decision's basis). */
export const assessmentLink: LinkTarget = {
  type: 'risk_assessment',
  exists: async (db, orgId, ids) => new Set((await byId(db, orgId, ids)).keys()),
  labels: async (db, orgId, ids) => {
    const found = await byId(db, orgId, ids);
    return new Map(
      ids.map((id) => {
        const row = found.get(id);
        return [id, row ? assessmentLabel(row) : 'Risk assessment'];
      }),
    );
  },
};

/**
 * The stored report of an approved assessment, addressed by the assessment's id: only an
 * approved assessment has one (before approval the report is a draft rendering, not a record).
 */
export const reportLink: LinkTarget = {
  type: 'risk_report',
  exists: async (db, orgId, ids) =>
    new Set(
      [...(await byId(db, orgId, ids)).values()]
        .filter((r) => r.report_sha256 !== null)
        .map((r) => r.id),
    ),
  labels: async (db, orgId, ids) => {
    const found = await byId(db, orgId, ids);
    return new Map(
      ids.map((id) => {
        const row = found.get(id);
        return [
          id,
          row?.report_sha256
            ? `RA-${row.number} report (PDF, SHA-256 ${row.report_sha256.slice(0, 12)}…)`
            : 'Risk analysis report',
        ];
      }),
    );
  },
};

/** How another feature names an assessment: a decision's basis. */
export interface AssessmentRef {
  id: string;
  reference: string;
  title: string;
  approved: boolean;
  approvedAt: string | null;
}

/** The organization's assessments among `ids`, by id (another tenant's ids find nothing). */
export async function assessmentRefs(
  db: Db,
  orgId: string,
  ids: readonly string[],
): Promise<Map<string, AssessmentRef>> {
  return new Map(
    [...(await byId(db, orgId, ids)).values()].map((r) => [
      r.id,
      {
        id: r.id,
        reference: `RA-${r.number}`,
        title: r.title,
        approved: r.status === 'approved',
        approvedAt: r.approved_at,
      },
    ]),
  );
}
