import { appendAuditEvent, type AuditContext } from '../audit/append';
import type { AppDeps } from '../deps';
import { AppError } from '../errors';

/**
 * The person approving in this request. An approval is always the actor's own (design.md §6.2):
 * a token, the system or an anonymous caller cannot approve, and nobody records another's
 * approval. The refusal is audited like any denied attempt (design.md §6.3). Call it before the
 * change's transaction opens.
 */
export async function requireApprover(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  what: { action: string; entity: { type: string; id: string } },
): Promise<string> {
  if (context.actor.type === 'user' && context.actor.id) {
    return context.actor.id;
  }
  await deps.database.db.transaction().execute((trx) =>
    appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'access.denied',
      outcome: 'denied',
      entity: what.entity,
      changes: { reason: { after: `only a person may ${what.action}` } },
    }),
  );
  throw new AppError('forbidden', `Only a person can ${what.action}; an API token cannot.`);
}

/** The approver of a change made inside a caller's transaction: the context's own person. */
export function approverOf(context: AuditContext): string {
  if (context.actor.type !== 'user' || !context.actor.id) {
    throw new AppError('forbidden', 'Only a person approves.');
  }
  return context.actor.id;
}
