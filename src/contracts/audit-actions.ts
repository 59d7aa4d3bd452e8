import * as features from './features';
import { collectAuditActionLabels, collectAuditActions } from './audit';

export type { AuditAction } from './audit';

/**
 * Every action the audit trail records: each feature's `auditActions`, in the (alphabetical) order
 * of contracts/features.ts. Closed: a feature adds its own in its contract module. Apart from
 * contracts/audit.ts, which the list imports, so that the list is complete when this runs.
 */
export const AUDIT_ACTIONS = collectAuditActions(features);

/** The label of every audit action, as the audit log shows it. */
export const AUDIT_ACTION_LABELS = collectAuditActionLabels(features);

/** The label of a stored action; an action no longer declared shows as stored. */
export function auditActionLabel(action: string): string {
  return AUDIT_ACTION_LABELS.get(action) ?? action;
}
