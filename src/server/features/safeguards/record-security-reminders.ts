import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import type { AuditContext } from '../../platform/audit/append';
import type { AppDeps } from '../../platform/deps';
import { createLinkIn } from '../links/service';
import { findSafeguardRow } from './repository';
import { changeSafeguardIn } from './service';

const SECURITY_REMINDERS = '164.308(a)(5)(ii)(A)';

/**
 * Records a scheduled security reminder on 164.308(a)(5)(ii)(A) ("periodic security updates"), in
 * the scheduling transaction: the reminder is linked from the record as its evidence; a repeating
 * reminder marks the record implemented (a one-off, in progress), with a statement when it has
 * none. A record already implemented, or judged not applicable, keeps its status. Every change is
 * audited (safeguard.changed, link.created).
 */
export async function recordSecurityReminderIn(
  trx: Transaction<Database>,
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  reminder: { id: string; repeats: boolean },
): Promise<void> {
  const before = await findSafeguardRow(trx, orgId, SECURITY_REMINDERS);
  const status = before?.status ?? 'not_started';
  const next = reminder.repeats ? 'implemented' : 'in_progress';
  const raise = status === 'not_started' || (status === 'in_progress' && next === 'implemented');
  if (raise) {
    await changeSafeguardIn(trx, deps, context, orgId, SECURITY_REMINDERS, {
      status: next,
      ...(before?.statement
        ? {}
        : {
            statement:
              'Security reminders are scheduled in Custos (Security reminders page) and sent to the workforce as notifications and email; each sending is logged with who received it, when and how.',
          }),
    });
  }
  await createLinkIn(trx, deps, context, orgId, {
    from: { type: 'safeguard', id: SECURITY_REMINDERS },
    to: { type: 'security_reminder', id: reminder.id },
  });
}
