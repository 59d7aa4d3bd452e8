import { ACK_STATUS_LABELS } from '../../../contracts/attestations';
import { ROLE_LABELS, roleOf } from '../../../contracts/roles';
import { appendAuditEvent, type AuditContext } from '../../platform/audit/append';
import type { AppDeps } from '../../platform/deps';
import type { Columns } from '../../platform/http/spreadsheet';
import { publishedPolicies } from './obligations';

const COLUMNS: Columns = [
  ['policy', 10],
  ['title', 40],
  ['version', 8],
  ['version_sha256', 66],
  ['effective_on', 12],
  ['person', 24],
  ['role', 18],
  ['status', 14],
  ['due_on', 12],
  ['acknowledged_at', 24],
];

/**
 * Every person and policy version in effect they must acknowledge, with the hash of what they
 * acknowledged: what an auditor asks for under 164.316(b)(2)(ii). The export is audited.
 */
export async function exportAcknowledgements(deps: AppDeps, context: AuditContext, orgId: string) {
  const published = await publishedPolicies(deps.database.db, orgId, deps.clock.now());
  const rows = published
    .flatMap((p) => p.obligations)
    .sort(
      (a, b) =>
        a.version.reference.localeCompare(b.version.reference, 'en', { numeric: true }) ||
        a.name.localeCompare(b.name),
    )
    .map((o) => [
      o.version.reference,
      o.version.title,
      o.version.versionNumber,
      o.version.sha256,
      o.version.effectiveOn ?? '',
      o.name,
      ROLE_LABELS[roleOf(o.role)],
      ACK_STATUS_LABELS[o.status],
      o.dueOn,
      o.acknowledgedAt ?? '',
    ]);
  await deps.database.db.transaction().execute((trx) =>
    appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'attestations.exported',
      changes: { format: { after: 'csv' }, rows: { after: rows.length } },
    }),
  );
  const createdAt = deps.clock.now().toISOString();
  const file = {
    name: 'policy-acknowledgements',
    sheet: 'Acknowledgements',
    title: 'Policy acknowledgements',
    createdAt,
  };
  return { file, columns: COLUMNS, rows };
}
