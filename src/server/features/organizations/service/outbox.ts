import { appendAuditEvent, type AuditContext } from '../../../platform/audit/append';
import type { AppDeps } from '../../../platform/deps';
import { listOutbox } from '../../../platform/mail/repository';
import { presentOutboxMessage } from '../presenter';

const SHOWN = 100;

/** The organization's latest messages, sent or waiting (without SMTP they wait here). */
export async function readOutbox(deps: AppDeps, context: AuditContext, orgId: string) {
  // Without SMTP the outbox holds invitation links (reset links are sealed, never shown): an
  // audited read.
  await deps.database.db
    .transaction()
    .execute((trx) => appendAuditEvent(trx, deps, context, { orgId, action: 'outbox.read' }));
  return { data: (await listOutbox(deps.database.db, orgId, SHOWN)).map(presentOutboxMessage) };
}
