import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import type { AuditContext } from '../../platform/audit/append';
import type { AppDeps } from '../../platform/deps';
import { addMonths } from '../../platform/time';
import { createLinkIn } from '../links/service';
import { findSafeguardRow } from './repository';
import { dateWord } from '../../platform/words';
import { changeSafeguardIn } from './service';

const RISK_ANALYSIS = '164.308(a)(1)(ii)(A)';

/** The approved assessment that is the organization's risk analysis. */
export interface ApprovedAnalysis {
  assessmentId: string;
  reference: string;
  title: string;
  approverId: string;
  approverName: string;
  /** The approval's day in the organization's time zone. */
  approvedOn: string;
}

/**
 * Records an approved assessment on 164.308(a)(1)(ii)(A), in the approval's transaction, as
 * designating the Security Official records 164.308(a)(2): implemented, with a statement when the
 * record has none, an owner when it has none, the next review a year on, and the assessment and
 * its stored report linked as evidence. Every change is audited (safeguard.changed, link.created).
 */
export async function recordRiskAnalysisIn(
  trx: Transaction<Database>,
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  analysis: ApprovedAnalysis,
): Promise<void> {
  const before = await findSafeguardRow(trx, orgId, RISK_ANALYSIS);
  const interval = before?.review_interval_months ?? 12;
  // 164.308(a)(1)(ii)(A): an accurate and thorough assessment of the risks to ePHI; the approval
  // is that assessment's completion, and the next one is due a review interval later.
  await changeSafeguardIn(trx, deps, context, orgId, RISK_ANALYSIS, {
    status: 'implemented',
    ...(before?.owner_id ? {} : { ownerId: analysis.approverId }),
    ...(before?.statement
      ? {}
      : {
          statement: `${analysis.reference} "${analysis.title}", approved by ${analysis.approverName} on ${dateWord(analysis.approvedOn)}, is the organization's risk analysis: an assessment of the potential risks and vulnerabilities to the confidentiality, integrity and availability of the ePHI it holds. Its report is kept with its SHA-256.`,
        }),
    reviewIntervalMonths: interval,
    nextReviewOn: addMonths(analysis.approvedOn, interval),
  });
  const from = { type: 'safeguard', id: RISK_ANALYSIS } as const;
  await createLinkIn(trx, deps, context, orgId, {
    from,
    to: { type: 'risk_assessment', id: analysis.assessmentId },
  });
  await createLinkIn(trx, deps, context, orgId, {
    from,
    to: { type: 'risk_report', id: analysis.assessmentId },
  });
}
