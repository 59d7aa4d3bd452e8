import type { Risk, RiskAcceptanceBody } from '../../../contracts/risks';
import type { Database } from '../../db/schema';
import type { RisksTable } from './tables';
import { appendAuditEvent, type AuditContext } from '../../platform/audit/append';
import { changesOf } from '../../platform/audit/changes';
import { approverOf, requireApprover } from '../../platform/auth/approver';
import type { AppDeps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { organizationToday } from '../../platform/org-calendar';
import { dateWord } from '../../platform/words';
import { closeTaskIn } from '../tasks/service';
import { openAcceptanceTasks } from './acceptance-task';
import { findRisk, updateRisk } from './repository/risks';
import { ACCEPTANCE_AUDIT_FIELDS } from './rules';
import { getRisk } from './service';
import type { Transaction } from 'kysely';

// 164.308(a)(1)(ii)(B): a risk kept rather than reduced is a decision someone with authority owns,
// and who approved is who acted (design.md §6.2): only the approver's own request accepts it.

/**
 * Accepts a risk in a caller's transaction: the approver is the context's own person, the date is
 * today in the organization's time zone. A later acceptance (a renewal) replaces the earlier one.
 */
export async function acceptRiskIn(
  trx: Transaction<Database>,
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  riskId: string,
  body: RiskAcceptanceBody,
): Promise<void> {
  const approverId = approverOf(context);
  const before = await findRisk(trx, orgId, riskId);
  if (!before) throw new AppError('not_found', 'No such risk.');
  const today = await organizationToday(trx, deps.clock, orgId);
  if (body.expiresOn <= today) throw AppError.field('body.expiresOn', 'must be after today');
  const values: Partial<RisksTable> = {
    treatment: 'accept',
    accepted_by: approverId,
    accepted_on: today,
    acceptance_expires_on: body.expiresOn,
  };
  await updateRisk(trx, orgId, riskId, { ...values, updated_at: deps.clock.now().toISOString() });
  for (const task of await openAcceptanceTasks(trx, orgId, before)) {
    await closeTaskIn(trx, deps, context, orgId, task.id, {
      status: 'done',
      note: `Accepted until ${dateWord(body.expiresOn)}.`,
    });
  }
  await appendAuditEvent(trx, deps, context, {
    orgId,
    action: 'risk.accepted',
    entity: { type: 'risk', id: riskId },
    changes: changesOf(before, values, ACCEPTANCE_AUDIT_FIELDS, { unchanged: true }),
  });
}

/** PUT …/acceptance: the request's own person accepts the risk (never a token). */
export async function acceptRisk(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  riskId: string,
  body: RiskAcceptanceBody,
): Promise<Risk> {
  await requireApprover(deps, context, orgId, {
    action: 'accept a risk',
    entity: { type: 'risk', id: riskId },
  });
  await deps.database.db
    .transaction()
    .execute((trx) => acceptRiskIn(trx, deps, context, orgId, riskId, body));
  return getRisk(deps, orgId, riskId);
}

/**
 * DELETE …/acceptance: an approver withdraws an acceptance, or declines a pending one. The risk is
 * left without a treatment, so the register shows that it needs one again.
 */
export async function withdrawAcceptance(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  riskId: string,
): Promise<Risk> {
  await requireApprover(deps, context, orgId, {
    action: 'withdraw the acceptance of a risk',
    entity: { type: 'risk', id: riskId },
  });
  await deps.database.db.transaction().execute(async (trx) => {
    const before = await findRisk(trx, orgId, riskId);
    if (!before) throw new AppError('not_found', 'No such risk.');
    if (before.treatment !== 'accept') {
      throw new AppError(
        'conflict',
        `RISK-${before.number} is neither accepted nor awaiting acceptance.`,
      );
    }
    const values: Partial<RisksTable> = {
      treatment: null,
      accepted_by: null,
      accepted_on: null,
      acceptance_expires_on: null,
    };
    await updateRisk(trx, orgId, riskId, {
      ...values,
      updated_at: deps.clock.now().toISOString(),
    });
    for (const task of await openAcceptanceTasks(trx, orgId, before)) {
      await closeTaskIn(trx, deps, context, orgId, task.id, { status: 'cancelled' });
    }
    await appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'risk.acceptance_withdrawn',
      entity: { type: 'risk', id: riskId },
      changes: changesOf(before, values, ACCEPTANCE_AUDIT_FIELDS, { unchanged: true }),
    });
  });
  return getRisk(deps, orgId, riskId);
}
