import type { AuditQuery, AuditVerification } from '../../../contracts/audit';
import type { AuditEventsTable } from '../../db/schema';
import { appendAuditEvent, type AuditContext } from '../../platform/audit/append';
import { takeCheckpoint } from '../../platform/audit/checkpoints';
import { verifyTrail } from '../../platform/audit/trail';
import type { AppDeps } from '../../platform/deps';
import { findAuditEvents } from './repository';

export async function listAuditEvents(deps: AppDeps, orgId: string, query: AuditQuery) {
  const { cursor, limit, ...filters } = query;
  const rows = await findAuditEvents(deps.database.db, orgId, filters, cursor, limit + 1);
  const page = rows.slice(0, limit);
  return { rows: page, nextCursor: rows.length > limit ? (page.at(-1)?.seq ?? null) : null };
}

const EXPORT_BATCH = 500;

/**
 * Every matching event for export, in batches (bounded memory per batch), after recording the
 * export itself: an export is a sensitive read (design.md §6.3).
 */
export async function* exportAuditEvents(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  query: Omit<AuditQuery, 'limit' | 'cursor'>,
): AsyncGenerator<AuditEventsTable[]> {
  await deps.database.db.transaction().execute(async (trx) => {
    await appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'audit.exported',
      changes: { filters: { after: query } },
    });
    // Every export also signs the chain's head: the trail up to here can no longer be cut off unseen.
    await takeCheckpoint(trx, deps, 'export', [orgId]);
  });
  let before: number | undefined;
  for (;;) {
    const rows = await findAuditEvents(deps.database.db, orgId, query, before, EXPORT_BATCH);
    if (rows.length > 0) {
      yield rows;
    }
    if (rows.length < EXPORT_BATCH) {
      return;
    }
    before = rows.at(-1)?.seq;
  }
}

export async function verifyAuditTrail(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
): Promise<AuditVerification> {
  const trail = await verifyTrail(deps.database.db, deps.auditKeys, { orgId });
  const result: AuditVerification = {
    intact: trail.intact,
    events: trail.events,
    problem: trail.problems[0] ?? null,
    problems: trail.problems,
  };
  await deps.database.db.transaction().execute((trx) =>
    appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'audit.verified',
      outcome: result.intact ? 'success' : 'failure',
      changes: { intact: { after: result.intact }, events: { after: result.events } },
    }),
  );
  return result;
}
