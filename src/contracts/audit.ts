import { z } from 'zod';
import * as features from './features';
import { OrgParamsSchema } from './common';
import { NumberCursorSchema } from './pagination';
import { route } from './route';
import { AUDIT_READERS, type Grant } from './grants';

/** Names this feature's folders under src/server/features and src/web/features. */
export const feature = 'audit-log';

/** Who may use what this feature offers (assembled into PERMISSIONS, contracts/permissions.ts). */
export const permissions = {
  'audit.read': AUDIT_READERS,
  'audit.export': AUDIT_READERS,
  'audit.verify': AUDIT_READERS,
} as const satisfies Record<string, Grant>;

/** The audit actions this feature writes (assembled into AUDIT_ACTIONS, contracts/audit-actions.ts). */
export const auditActions = [
  // Written by the platform's authorization hook for every refused request.
  'access.denied',
  'audit.exported',
  'audit.verified',
] as const;
/** What a person reads for each of this feature's audit actions (the audit log, its export). */
export const auditActionLabels: Record<(typeof auditActions)[number], string> = {
  'access.denied': 'Access refused',
  'audit.exported': 'Audit trail exported',
  'audit.verified': 'Audit trail verified',
};

type FeatureModules = typeof features;

/** An action the audit trail records: one of some feature's `auditActions`. */
export type AuditAction = FeatureModules[keyof FeatureModules]['auditActions'][number];

/** The features' audit actions in their order, refusing one declared twice (see AUDIT_ACTIONS). */
export function collectAuditActions(modules: FeatureModules): readonly AuditAction[] {
  const actions: AuditAction[] = [];
  for (const { feature, auditActions } of Object.values(modules)) {
    for (const action of auditActions) {
      if (actions.includes(action)) {
        throw new Error(`audit action "${action}" of feature "${feature}" is declared twice`);
      }
      actions.push(action);
    }
  }
  return actions;
}

/**
 * What a person reads for every audit action: each feature's `auditActionLabels`, typed
 * `Record<(typeof auditActions)[number], string>` beside its `auditActions`, so an action without
 * a label does not compile (contracts/audit-labels.test.ts checks that none is left over).
 */
export function collectAuditActionLabels(modules: FeatureModules): ReadonlyMap<string, string> {
  const labels = new Map<string, string>();
  for (const module of Object.values(modules)) {
    for (const [action, label] of Object.entries(module.auditActionLabels)) {
      labels.set(action, label);
    }
  }
  return labels;
}

export const AUDIT_OUTCOMES = ['success', 'denied', 'failure'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];
export const AUDIT_OUTCOME_LABELS: Record<AuditOutcome, string> = {
  success: 'Succeeded',
  denied: 'Refused',
  failure: 'Failed',
};

export const ACTOR_TYPES = ['user', 'token', 'system', 'anonymous'] as const;
export type ActorType = (typeof ACTOR_TYPES)[number];
export const ACTOR_TYPE_LABELS: Record<ActorType, string> = {
  user: 'Person',
  token: 'API token',
  system: 'Custos',
  anonymous: 'Not signed in',
};

/** Changed fields, each with its value before and after (secrets shown as "[redacted]"). */
export type AuditChanges = Record<string, { before?: unknown; after?: unknown }>;

export const AuditEventSchema = z.object({
  id: z.string(),
  seq: z.number().int(),
  occurredAt: z.iso.datetime(),
  actor: z.object({
    type: z.enum(ACTOR_TYPES),
    id: z.string().nullable(),
    label: z.string().nullable(),
  }),
  action: z.string(),
  entity: z.object({ type: z.string(), id: z.string() }).nullable(),
  changes: z
    .record(z.string(), z.object({ before: z.unknown(), after: z.unknown() }).partial())
    .nullable(),
  outcome: z.enum(AUDIT_OUTCOMES),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  requestId: z.string().nullable(),
  hash: z.string(),
});
export type AuditEvent = z.infer<typeof AuditEventSchema>;

export const AUDIT_PROBLEM_KINDS = [
  // An event's content or link no longer matches its hash (or was re-linked without the key).
  'altered',
  // Events are missing: a gap, a cut-off tail, or events a checkpoint covers.
  'removed',
  'out_of_order',
  // The chain head is missing, unsealed, moved, or its MAC is wrong.
  'head',
  // A checkpoint's signature is wrong, or it disagrees with the trail.
  'checkpoint',
] as const;
export const AUDIT_PROBLEM_KIND_LABELS: Record<(typeof AUDIT_PROBLEM_KINDS)[number], string> = {
  altered: 'Altered',
  removed: 'Missing',
  out_of_order: 'Out of order',
  head: 'Chain head',
  checkpoint: 'Checkpoint',
};

export const AuditProblemSchema = z.object({
  chain: z.string().describe('Organization id, or "global"'),
  seq: z.number().int(),
  eventId: z.string().nullable(),
  kind: z.enum(AUDIT_PROBLEM_KINDS),
  message: z.string(),
});
export type AuditProblem = z.infer<typeof AuditProblemSchema>;

export const AuditVerificationSchema = z.object({
  intact: z.boolean(),
  events: z.number().int().describe('Events checked'),
  /** The first problem found (null when intact). */
  problem: AuditProblemSchema.nullable(),
  /** Every problem found, up to 100 per chain: verification goes on past a broken link. */
  problems: z.array(AuditProblemSchema),
});
export type AuditVerification = z.infer<typeof AuditVerificationSchema>;

export const AuditQuerySchema = z.object({
  actor: z.string().max(254).optional().describe('User id or email of the actor'),
  // Lazy: the actions come from every feature's contract module, this one included (a cycle).
  action: z
    .lazy(() => z.enum(collectAuditActions(features), { error: 'is not a known action' }))
    .optional(),
  entityType: z.string().max(100).optional(),
  entityId: z.string().max(100).optional(),
  from: z.iso.datetime({ error: 'must be an ISO-8601 instant' }).optional(),
  to: z.iso.datetime({ error: 'must be an ISO-8601 instant' }).optional(),
  cursor: NumberCursorSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditQuery = z.infer<typeof AuditQuerySchema>;

export const AuditEventListSchema = z.object({
  data: z.array(AuditEventSchema),
  nextCursor: z.number().int().nullable(),
});

export const AuditExportQuerySchema = AuditQuerySchema.omit({ cursor: true, limit: true });
export type AuditExportQuery = z.infer<typeof AuditExportQuerySchema>;

// ---------- routes ----------

const tags = ['audit'];

/** The audit trail's reader (164.312(b) audit controls): search, export and verification. */
export const auditLogRoutes = {
  list: route({
    method: 'GET',
    path: '/api/orgs/:orgId/audit-events',
    tags,
    summary: 'The audit trail, newest first',
    permission: 'audit.read',
    params: OrgParamsSchema,
    query: AuditQuerySchema,
    response: AuditEventListSchema,
  }),
  exportCsv: route({
    method: 'GET',
    path: '/api/orgs/:orgId/audit-events/export.csv',
    tags,
    summary: 'The audit trail as CSV (the export is itself audited)',
    permission: 'audit.export',
    params: OrgParamsSchema,
    query: AuditExportQuerySchema,
    file: true,
    audits: ['audit.exported'],
  }),
  verify: route({
    method: 'POST',
    path: '/api/orgs/:orgId/audit-events/verify',
    tags,
    summary: 'Check the hash chain of the audit trail',
    permission: 'audit.verify',
    params: OrgParamsSchema,
    response: AuditVerificationSchema,
    audits: ['audit.verified'],
  }),
};
