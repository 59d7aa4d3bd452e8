import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import type { AuditContext } from '../../platform/audit/append';
import type { AppDeps } from '../../platform/deps';
import { recordSignificantChangeIn } from '../risk-assessments/reminders';
import { severityScale } from './common';

/**
 * An incident rated at the top of the organization's severity scale is a significant change to
 * the environment: the risk analysis is updated for it (164.308(a)(1)(ii)(A)–(B), 164.316(b)(2)(iii)).
 * Raised once per incident, however often it is rated again, linked to it and audited. The top
 * level rather than a separate flag: the Security Official already rates severity at triage
 * against the organization's own definitions, and a second judgement would drift from the first.
 */
export async function raiseSignificantChangeIn(
  trx: Transaction<Database>,
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  incident: { id: string; reference: string; severity: number | null | undefined },
): Promise<void> {
  if (incident.severity === null || incident.severity === undefined) return;
  const { levels } = await severityScale(trx, orgId);
  const top = levels.at(-1);
  if (top?.level !== incident.severity) return;
  await recordSignificantChangeIn(trx, deps, context, orgId, {
    kind: 'security_incident',
    // The reference and the level only: an incident's title may describe PHI.
    description: `${incident.reference}, rated ${top.name}`,
    subject: { type: 'incident', id: incident.id },
  });
}
