import { z } from 'zod';
import { DateOnly, OrgParamsSchema, Text, PersonRef } from './common';
import { RequirementSchema, SAFEGUARD_CATEGORIES } from './catalog';
import { LinkSchema } from './links';
import { route } from './route';
import { ADMINS, EDITORS, STAFF_READERS, type Grant } from './grants';

/** Names this feature's folders under src/server/features and src/web/features. */
export const feature = 'safeguards';

/** Who may use what this feature offers (assembled into PERMISSIONS, contracts/permissions.ts). */
export const permissions = {
  // The compliance program. Workforce members see their own tasks only (tasks service).
  'program.read': STAFF_READERS,
  'safeguards.update': EDITORS,
  // 164.306(d)(3): the decision on an addressable specification is the security official's call.
  'safeguards.decide': [...ADMINS, 'security_officer'],
  'safeguards.export': ['owner', 'admin', 'security_officer', 'privacy_officer', 'auditor'],
} as const satisfies Record<string, Grant>;

// Held by a signed-in person only, never an API token: it is a person's own act (design.md §6.2).
export const personOnly = [
  'safeguards.decide',
] as const satisfies readonly (keyof typeof permissions)[];

/** What this feature keeps as the written record of 164.316(b)(1) (contracts/records-kept.ts). */
export const recordsKept = [
  "each requirement's implementation statement, owner and review date, and each addressable decision with its rationale, approver and date",
] as const;

/** The audit actions this feature writes (assembled into AUDIT_ACTIONS, contracts/audit-actions.ts). */
export const auditActions = [
  'safeguard.changed',
  'safeguard.decision_recorded',
  'safeguards.exported',
] as const;
/** What a person reads for each of this feature's audit actions (the audit log, its export). */
export const auditActionLabels: Record<(typeof auditActions)[number], string> = {
  'safeguard.changed': 'Safeguard changed',
  'safeguard.decision_recorded': 'Addressable decision recorded',
  'safeguards.exported': 'Safeguard register exported',
};

export const SAFEGUARD_STATUSES = [
  'not_started',
  'in_progress',
  'implemented',
  'not_applicable',
] as const;
export type SafeguardStatus = (typeof SAFEGUARD_STATUSES)[number];
export const SAFEGUARD_STATUS_LABELS: Record<SafeguardStatus, string> = {
  not_started: 'Not started',
  in_progress: 'In progress',
  implemented: 'Implemented',
  not_applicable: 'Not applicable',
};

/** The 164.306(d)(3) decision on an addressable implementation specification. */
export const DECISIONS = ['as_specified', 'alternative', 'not_reasonable'] as const;
export const DECISION_LABELS: Record<(typeof DECISIONS)[number], string> = {
  as_specified: 'Implemented as specified',
  alternative: 'Equivalent alternative implemented',
  not_reasonable: 'Not reasonable and appropriate',
};

export const DecisionSchema = z.object({
  decision: z.enum(DECISIONS),
  rationale: z.string().nullable(),
  alternative: z.string().nullable(),
  approvedBy: PersonRef.nullable(),
  approvedOn: z.string().nullable(),
  basis: z.string().nullable().describe('The risk analysis the decision rests on, in words'),
  basisAssessment: z
    .object({
      id: z.string(),
      reference: z.string(),
      title: z.string(),
      approvedAt: z.string().nullable(),
    })
    .nullable()
    .describe('The approved risk assessment the decision rests on'),
});

export const SafeguardSchema = z.object({
  requirementId: z.string(),
  kind: RequirementSchema.shape.kind,
  parent: z.string().nullable(),
  title: z.string(),
  safeguard: z.enum(SAFEGUARD_CATEGORIES),
  designation: RequirementSchema.shape.designation,
  status: z.enum(SAFEGUARD_STATUSES),
  owner: PersonRef.nullable(),
  statement: z.string(),
  reviewIntervalMonths: z.number().int().nullable(),
  nextReviewOn: z.string().nullable(),
  reviewOverdue: z.boolean(),
  decision: DecisionSchema.nullable(),
  decisionMissing: z
    .boolean()
    .describe('Addressable, applicable and no 164.306(d)(3) decision yet'),
  notApplicableAllowed: z.boolean(),
  notApplicableReason: z
    .string()
    .nullable()
    .describe(
      'Set when the organization profile makes the requirement not applicable: the status then shows not_applicable, whatever was recorded',
    ),
  updatedAt: z.iso.datetime().nullable(),
});
export type Safeguard = z.infer<typeof SafeguardSchema>;

export const SafeguardListSchema = z.object({
  data: z.array(SafeguardSchema),
  nextCursor: z.null(),
});

export const SafeguardQuerySchema = z.object({
  q: z.string().trim().max(200).optional(),
  safeguard: z.enum(SAFEGUARD_CATEGORIES).optional(),
  status: z.enum(SAFEGUARD_STATUSES).optional(),
  ownerId: z.union([z.uuid(), z.literal('none'), z.literal('me')]).optional(),
  attention: z
    .enum(['decision_missing', 'review_overdue', 'unowned'])
    .optional()
    .describe('Only records needing this kind of attention'),
});
export type SafeguardQuery = z.infer<typeof SafeguardQuerySchema>;

export const HistoryEntrySchema = z.object({
  at: z.iso.datetime(),
  actor: z.string().nullable(),
  action: z.string(),
  changes: z
    .record(z.string(), z.object({ before: z.unknown(), after: z.unknown() }).partial())
    .nullable(),
});

export const SafeguardDetailSchema = SafeguardSchema.extend({
  requirement: RequirementSchema,
  links: z.array(LinkSchema),
  history: z.array(HistoryEntrySchema).describe('From the audit trail, newest first'),
});
export type SafeguardDetail = z.infer<typeof SafeguardDetailSchema>;

export const SafeguardUpdateBodySchema = z.object({
  status: z.enum(SAFEGUARD_STATUSES).optional(),
  ownerId: z.uuid({ error: 'must be a member id' }).nullable().optional(),
  statement: Text(20000).optional(),
  reviewIntervalMonths: z.number().int().min(1).max(60).nullable().optional(),
  nextReviewOn: DateOnly.nullable().optional(),
});
export type SafeguardUpdateBody = z.infer<typeof SafeguardUpdateBodySchema>;

export const DecisionBodySchema = z.object({
  decision: z.enum(DECISIONS),
  rationale: Text(20000)
    .optional()
    .describe('Why the specification as written is not reasonable and appropriate'),
  alternative: Text(20000).optional().describe('The equivalent alternative measure'),
  // Who approved is who acted (design.md §6.2): the approver is the person recording the decision.
  approvedBy: z
    .uuid({ error: 'must be a member id' })
    .optional()
    .describe(
      'Optional, and when sent it must be your own user id: the approver is who records it',
    ),
  approvedOn: DateOnly.optional().describe(
    "When it was approved: today in the organization's time zone unless given; never later",
  ),
  basisAssessmentId: z
    .uuid({ error: 'must be a risk assessment id' })
    .nullable()
    .optional()
    .describe('The approved risk assessment the decision rests on'),
  basis: Text(2000)
    .optional()
    .describe(
      'The risk analysis the decision rests on, in words: required without basisAssessmentId (an analysis made outside Custos)',
    ),
});
export type DecisionBody = z.infer<typeof DecisionBodySchema>;

export const ReadinessItemSchema = z.object({
  id: z.string(),
  title: z.string(),
  summary: z.string(),
  state: z.enum(['met', 'partial', 'gap']).describe('Met only on evidence that fits the item'),
  gaps: z.array(z.string()).describe('What is missing, readable'),
  toCheck: z
    .string()
    .nullable()
    .describe('Set when the item is not sourced yet: what to check against the proposal text'),
  requirements: z.array(
    z.object({ id: z.string(), title: z.string(), status: z.enum(SAFEGUARD_STATUSES) }),
  ),
});

export const ReadinessSchema = z.object({
  profileId: z.string(),
  title: z.string(),
  met: z.number().int(),
  partial: z.number().int(),
  gap: z.number().int(),
  items: z.array(ReadinessItemSchema),
});

// ---------- routes ----------

const tags = ['safeguards'];
const SafeguardParamsSchema = OrgParamsSchema.extend({
  requirementId: z.string().max(40).describe('The citation, e.g. 164.312(a)(2)(iv)'),
});
// A record's status, owner and decision show on the dashboard (progress, attention, next actions);
// readiness is part of this feature.
const invalidates = ['dashboard'];

const exportRoute = <const F extends 'csv' | 'xlsx'>(format: F) =>
  route({
    method: 'GET',
    path: `/api/orgs/:orgId/safeguards/export.${format}`,
    tags,
    summary: `The safeguard register as ${format === 'csv' ? 'CSV' : 'XLSX'} (the export is audited)`,
    permission: 'safeguards.export',
    params: OrgParamsSchema,
    file: true,
    audits: ['safeguards.exported'],
  });

/** The safeguard register: 164.316(b)(1) documentation of how each requirement is met. */
export const safeguardRoutes = {
  list: route({
    method: 'GET',
    path: '/api/orgs/:orgId/safeguards',
    tags,
    summary: 'The safeguard register: one record per requirement, in catalog order',
    permission: 'program.read',
    params: OrgParamsSchema,
    query: SafeguardQuerySchema,
    response: SafeguardListSchema,
  }),
  exportCsv: exportRoute('csv'),
  exportXlsx: exportRoute('xlsx'),
  get: route({
    method: 'GET',
    path: '/api/orgs/:orgId/safeguards/:requirementId',
    tags,
    summary: 'One safeguard record with its requirement, links and history',
    permission: 'program.read',
    params: SafeguardParamsSchema,
    response: SafeguardDetailSchema,
  }),
  update: route({
    method: 'PATCH',
    path: '/api/orgs/:orgId/safeguards/:requirementId',
    tags,
    summary: 'Change status, owner, statement or review schedule',
    permission: 'safeguards.update',
    params: SafeguardParamsSchema,
    body: SafeguardUpdateBodySchema,
    response: SafeguardDetailSchema,
    audits: ['safeguard.changed'],
    example: () => ({
      status: 'in_progress',
      statement:
        'The practice manager reviews EHR access reports every month and logs findings in the incident tracker.',
      reviewIntervalMonths: 6,
    }),
    invalidates,
  }),
  decide: route({
    method: 'PUT',
    path: '/api/orgs/:orgId/safeguards/:requirementId/decision',
    tags,
    summary: 'Record the 164.306(d)(3) decision on an addressable specification',
    permission: 'safeguards.decide',
    params: SafeguardParamsSchema,
    body: DecisionBodySchema,
    response: SafeguardDetailSchema,
    audits: ['safeguard.decision_recorded'],
    // Needs an addressable specification as :requirementId, e.g. 164.312(a)(2)(iv).
    example: () => ({
      decision: 'alternative',
      rationale: 'The legacy lab analyser cannot encrypt its local result cache.',
      alternative:
        'The analyser sits on an isolated network segment and its cache is wiped nightly.',
      basis: 'Risk analysis 2026, approved by the Security Official',
    }),
    invalidates,
  }),
  readiness: route({
    method: 'GET',
    path: '/api/orgs/:orgId/readiness/:profileId',
    tags,
    summary: 'Readiness against a rule profile, from the in-force records',
    permission: 'program.read',
    params: OrgParamsSchema.extend({ profileId: z.string().max(60) }),
    response: ReadinessSchema,
  }),
};
