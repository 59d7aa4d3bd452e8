import { createHash } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { keepRecordIn } from '../retention/service';
import type { Database } from '../../db/schema';
import type { RiskAssessmentsTable } from './tables';
import type { Kysely } from 'kysely';
import { appendAuditEvent, type AuditContext } from '../../platform/audit/append';
import type { AppDeps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { othersWhoHold } from '../../platform/auth/members';
import { findSubmitterIds } from './changes-repository';
import { organizationToday } from '../../platform/org-calendar';
import { organizationName } from '../organizations/service/profile';
import { organizationMatrix } from '../risks/settings';
import { recordRiskAnalysisIn } from '../safeguards/record-risk-analysis';
import { presentAssessment } from './presenter';
import { completeCoveredChangeTaskIn, scheduleReviewIn } from './reminders';
import { renderReport, type ReportInput } from './report/report';
import {
  findAssessment,
  findMemberName,
  insertReport,
  lockAssessment,
  updateAssessment,
} from './repository';
import { getAssessment } from './service';
import { requireEditable } from './editable';
import { gapsOf, guidedPairs, requireAcknowledged } from './guided';
import { gapsInWords, levelCounts, takeSnapshot } from './snapshot';
import { findTimeZone } from '../../platform/org-calendar-repository';
import { isComplete, type Gaps } from '../../../contracts/risk-assessment-gaps';

/** What an approval freezes, read at one instant, and the report drawn from it. */
interface Approval {
  reference: string;
  values: Partial<RiskAssessmentsTable>;
  report: ReportInput;
  /** What the approver acknowledged as incomplete, if anything. */
  incomplete: Gaps | null;
  /** Everything the stored record and the report are made of, for the re-check. */
  fingerprint: string;
}

/**
 * Four eyes where there are four: whoever submitted an assessment does not approve it too while
 * another member may (a separation of duties the Security Rule does not require, but an auditor
 * looks for; a one-person practice still approves its own analysis).
 */
async function requireSecondPerson(
  db: Kysely<Database>,
  orgId: string,
  row: RiskAssessmentsTable,
  approverId: string,
  now: string,
): Promise<void> {
  // Everyone who submitted it, not only the last: returning one's own submission for a colleague
  // to resubmit does not make one its second pair of eyes.
  const submitters = new Set([row.submitted_by, ...(await findSubmitterIds(db, orgId, row.id))]);
  if (!submitters.has(approverId)) return;
  const others = await othersWhoHold(db, orgId, approverId, 'risks.approve', now);
  if (others.length === 0) return;
  throw new AppError(
    'conflict',
    `You submitted RA-${row.number}, so someone else approves it: ${others.join(', ')} may.`,
  );
}

/**
 * Reads an assessment in review and everything its approval freezes: the matrix, the register,
 * the inventory and the flows (the snapshot), and what the report prints. `db` is the database
 * before the write transaction, or the transaction itself when re-checking.
 */
async function readApproval(
  db: Kysely<Database>,
  orgId: string,
  id: string,
  approverId: string,
  note: string,
  now: string,
  acknowledgeIncomplete: boolean | undefined,
): Promise<Approval> {
  const row = await findAssessment(db, orgId, id);
  if (!row) throw new AppError('not_found', 'No such risk assessment.');
  requireEditable(row);
  if (row.status !== 'in_review') {
    throw new AppError(
      'conflict',
      `RA-${row.number} must be submitted for review before approval.`,
    );
  }
  await requireSecondPerson(db, orgId, row, approverId, now);
  const matrix = await organizationMatrix(db, orgId);
  const snapshot = await takeSnapshot(db, orgId, id, now);
  const { pairs, assets } = await guidedPairs(db, orgId, id);
  const gaps = gapsOf(snapshot.risks, pairs, assets);
  requireAcknowledged(`RA-${row.number}`, 'approve', gaps, acknowledgeIncomplete);
  const incomplete = isComplete(gaps) ? null : gaps;
  const values = {
    status: 'approved',
    approved_at: now,
    approved_by: approverId,
    approval_note: note,
    matrix: JSON.stringify(matrix),
    snapshot: JSON.stringify(snapshot),
    level_counts: JSON.stringify(levelCounts(snapshot, matrix.levels)),
    approval_gaps: incomplete ? JSON.stringify(incomplete) : null,
    updated_at: now,
  } satisfies Partial<RiskAssessmentsTable>;
  const approved = {
    ...row,
    ...values,
    approved_by_name: await findMemberName(db, orgId, approverId),
  };
  const report: ReportInput = {
    organization: await organizationName(db, orgId),
    timeZone: (await findTimeZone(db, orgId)) ?? 'UTC',
    assessment: presentAssessment(approved, matrix),
    snapshot,
    matrix,
    generatedAt: now,
    gaps,
  };
  return {
    reference: `RA-${row.number}`,
    values,
    report,
    incomplete,
    fingerprint: JSON.stringify(report),
  };
}

/**
 * Approves an assessment in review: freezes the matrix and the register, renders the report and
 * keeps it with its SHA-256, and schedules the yearly update (164.308(a)(1)(ii)(A), 164.316(b)).
 *
 * The snapshot and the report (seconds for a large register) are made before the write
 * transaction, which on SQLite holds the only connection: every other request would wait. The
 * transaction then reads the same inputs again and writes only if nothing changed, so the stored
 * record, snapshot and report always describe one state. If something did change meanwhile, the
 * work is done once more; a second change answers 409 (someone is still editing).
 */
export async function approveAssessment(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  id: string,
  note: string | undefined,
  acknowledgeIncomplete?: boolean,
) {
  const approverId = context.actor.type === 'user' ? context.actor.id : null;
  if (approverId === null) {
    throw new AppError('forbidden', 'A person approves an assessment, not a token.');
  }
  const db = deps.database.db;
  for (let attempt = 1; ; attempt++) {
    const now = deps.clock.now().toISOString();
    const prepared = await readApproval(
      db,
      orgId,
      id,
      approverId,
      note ?? '',
      now,
      acknowledgeIncomplete,
    );
    const pdf = await renderReport(prepared.report);
    const sha256 = createHash('sha256').update(pdf).digest('hex');
    const written = await db.transaction().execute(async (trx) => {
      await lockAssessment(trx, orgId, id);
      const current = await readApproval(
        trx,
        orgId,
        id,
        approverId,
        note ?? '',
        now,
        acknowledgeIncomplete,
      );
      if (current.fingerprint !== prepared.fingerprint) return false;
      await updateAssessment(trx, orgId, id, prepared.values);
      await insertReport(trx, {
        id: uuidv7(),
        org_id: orgId,
        assessment_id: id,
        sha256,
        size: pdf.length,
        content: pdf,
        created_at: now,
      });
      await appendAuditEvent(trx, deps, context, {
        orgId,
        action: 'risk_assessment.approved',
        entity: { type: 'risk_assessment', id },
        changes: {
          status: { before: 'in_review', after: 'approved' },
          risks: { after: prepared.report.snapshot.risks.length },
          reportSha256: { after: sha256 },
          ...(prepared.incomplete
            ? { incompleteAcknowledged: { after: gapsInWords(prepared.incomplete) } }
            : {}),
        },
      });
      // 164.316(b)(2)(i): the approved analysis and its report are documentation kept six years.
      await keepRecordIn(trx, deps, orgId, {
        type: 'risk_assessment',
        id,
        label: `${prepared.reference} ${prepared.report.assessment.title}`,
        createdAt: now,
      });
      const today = await organizationToday(trx, deps.clock, orgId);
      await scheduleReviewIn(trx, deps, context, orgId, prepared.reference, today);
      await completeCoveredChangeTaskIn(trx, deps, context, orgId, prepared.reference);
      await recordRiskAnalysisIn(trx, deps, context, orgId, {
        assessmentId: id,
        reference: prepared.reference,
        title: prepared.report.assessment.title,
        approverId,
        approverName: prepared.report.assessment.approved?.by.name ?? '',
        approvedOn: today,
      });
      return true;
    });
    if (written) break;
    if (attempt === 2) {
      throw new AppError(
        'conflict',
        `${prepared.reference}, its register or its inventory changed twice while the report was being prepared; nothing was approved. Approve again.`,
      );
    }
  }
  return getAssessment(deps, orgId, id);
}
