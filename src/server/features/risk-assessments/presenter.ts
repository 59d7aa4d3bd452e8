import type { Assessment, FrozenRecord, Snapshot } from '../../../contracts/risk-assessments';
import type { RiskMatrix } from '../../../contracts/risk-library';
import type { AssessmentRow } from './repository';
import { readJson } from '../../platform/db/json-columns';

export function presentAssessment(row: AssessmentRow, organizationMatrix: RiskMatrix): Assessment {
  return {
    id: row.id,
    reference: `RA-${row.number}`,
    title: row.title,
    scope: row.scope,
    method: row.method,
    participants: readJson('risk_assessments.participants', row.participants),
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    status: row.status,
    basedOn:
      row.based_on_id && row.based_on_number !== null
        ? { id: row.based_on_id, reference: `RA-${row.based_on_number}` }
        : null,
    matrix: row.matrix ? readJson('risk_assessments.matrix', row.matrix) : organizationMatrix,
    submitted: row.submitted_at
      ? {
          by: row.submitted_by ? { id: row.submitted_by, name: row.submitted_by_name ?? '' } : null,
          at: row.submitted_at,
          incomplete: row.submission_gaps
            ? readJson('risk_assessments.submission_gaps', row.submission_gaps)
            : null,
        }
      : null,
    approved:
      row.approved_at && row.approved_by
        ? {
            by: { id: row.approved_by, name: row.approved_by_name ?? '' },
            at: row.approved_at,
            note: row.approval_note ?? '',
            incomplete: row.approval_gaps
              ? readJson('risk_assessments.approval_gaps', row.approval_gaps)
              : null,
          }
        : null,
    report:
      row.report_sha256 && row.report_size !== null && row.report_created_at
        ? { sha256: row.report_sha256, size: row.report_size, createdAt: row.report_created_at }
        : null,
    createdBy: row.created_by ? { id: row.created_by, name: row.created_by_name ?? '' } : null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The frozen register of an approved assessment, as its record shows it. */
export function presentRecord(snapshot: Snapshot): FrozenRecord {
  return {
    takenAt: snapshot.takenAt,
    risks: snapshot.risks.map((r) => ({
      reference: r.reference,
      title: r.title,
      status: r.status,
      assets: r.assets.map((a) => a.name),
      inherentLevel: r.inherentLevel,
      residualLevel: r.residualLevel,
      treatment: r.treatment,
      owner: r.owner?.name ?? null,
    })),
    negligiblePairs: snapshot.negligiblePairs,
  };
}
