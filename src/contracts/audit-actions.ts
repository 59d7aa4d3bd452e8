import * as features from './features';
import { collectAuditActions } from './audit';

export type { AuditAction } from './audit';

/**
 * Every action the audit trail records: each feature's `auditActions`, in the (alphabetical) order
 * of contracts/features.ts. Closed: a feature adds its own in its contract module. Apart from
 * contracts/audit.ts, which the list imports, so that the list is complete when this runs.
 */
export const AUDIT_ACTIONS = collectAuditActions(features);
