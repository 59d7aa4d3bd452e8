import { Readable } from 'node:stream';
import type {
  AuditAction,
  AuditEvent,
  AuditExportQuery,
  AuditQuery,
  AuditVerification,
} from '../../../contracts/audit';
import type { Permission } from '../../../contracts/permissions';
import { concealedAuditActions } from '../../../contracts/sanctions';
import type { AuditEventsTable } from '../../db/schema';
import { appendAuditEvent, type AuditContext } from '../../platform/audit/append';
import { takeCheckpoint } from '../../platform/audit/checkpoints';
import { verifyTrail } from '../../platform/audit/trail';
import { requireRecentAuthentication } from '../../platform/auth/recent';
import type { Principal } from '../../platform/auth/sessions';
import type { AppDeps } from '../../platform/deps';
import { csvLine } from '../../platform/http/csv';
import { auditCsvRow, CSV_HEADER, presentAuditEvent } from './presenter';
import { findAuditEvents } from './repository';

/** Whether the asking role holds a permission (the request's acting role). */
export type Holds = (permission: Permission) => boolean;

/**
 * The actions the asker may not see in the trail: a sanction's events for a role that may not
 * read sanctions (164.308(a)(1)(ii)(C) records stay with those who keep them), auditors included.
 */
export function hiddenActionsFor(holds: Holds): readonly AuditAction[] {
  return holds(concealedAuditActions.permission) ? [] : concealedAuditActions.actions;
}

/** One page of the organization's trail, newest first, with the cursor of the next page. */
export async function listAuditEvents(
  deps: AppDeps,
  orgId: string,
  query: AuditQuery,
  holds: Holds,
): Promise<{ data: AuditEvent[]; nextCursor: number | null }> {
  const { cursor, limit, ...filters } = query;
  const rows = await findAuditEvents(
    deps.database.db,
    orgId,
    filters,
    cursor,
    limit + 1,
    hiddenActionsFor(holds),
  );
  const page = rows.slice(0, limit);
  return {
    data: page.map(presentAuditEvent),
    nextCursor: rows.length > limit ? (page.at(-1)?.seq ?? null) : null,
  };
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
  query: AuditExportQuery,
  holds: Holds,
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
    const rows = await findAuditEvents(
      deps.database.db,
      orgId,
      query,
      before,
      EXPORT_BATCH,
      hiddenActionsFor(holds),
    );
    if (rows.length > 0) {
      yield rows;
    }
    if (rows.length < EXPORT_BATCH) {
      return;
    }
    before = rows.at(-1)?.seq;
  }
}

/**
 * The matching trail as a CSV download, streamed in batches. A bulk export of the trail is a
 * sensitive read: it needs a recent sign-in, and is recorded before the first line is sent.
 */
export async function auditCsvExport(
  deps: AppDeps,
  principal: Principal,
  context: AuditContext,
  orgId: string,
  query: AuditExportQuery,
  holds: Holds,
): Promise<{ filename: string; body: Readable }> {
  requireRecentAuthentication(principal, deps.clock);
  const batches = exportAuditEvents(deps, context, orgId, query, holds);
  const first = await batches.next();
  async function* lines() {
    yield csvLine(CSV_HEADER);
    if (!first.done) {
      yield first.value.map((r) => csvLine(auditCsvRow(r))).join('');
    }
    for await (const batch of batches) {
      yield batch.map((r) => csvLine(auditCsvRow(r))).join('');
    }
  }
  const stamp = deps.clock.now().toISOString().slice(0, 10);
  return { filename: `custos-audit-${stamp}.csv`, body: Readable.from(lines()) };
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
