import { z } from 'zod';
import { DateOnly, OrgParamsSchema, PersonRef, Prose, Title } from './common';
import { EDITORS, type Grant } from './grants';
import { route } from './route';

/** Names this feature's folders under src/server/features and src/web/features. */
export const feature = 'sanctions';

// 164.308(a)(1)(ii)(C) sanction policy. Disciplinary records are personnel matters: only those
// who run the program and the officials see them; everyone else, auditors included, is answered
// 404 as if there were none (`concealed`).
const SANCTION_ROLES = ['owner', 'admin', 'security_officer', 'privacy_officer'] as const;

/** Who may use what this feature offers (assembled into PERMISSIONS, contracts/permissions.ts). */
export const permissions = {
  'sanctions.read': SANCTION_ROLES,
  'sanctions.manage': SANCTION_ROLES,
  // Who approved is who acted: an HR sign-off is a person's own, never a token's.
  'sanctions.sign_off': SANCTION_ROLES,
  // The person a sanction is about reads their own records and acknowledges them, whatever their
  // workforce role: the routes answer only the caller's own records (anyone else's: 404). Auditors
  // are outsiders, not the workforce a sanction policy applies to, and write nothing.
  'sanctions.acknowledge_own': [...EDITORS, 'workforce'],
} as const satisfies Record<string, Grant>;

/** Permissions only a signed-in person holds, never an API token (contracts/permissions.ts). */
export const personOnly = ['sanctions.sign_off', 'sanctions.acknowledge_own'] as const;

/** Permissions whose refusal answers 404, not 403: their records' existence is itself private. */
export const concealed = [
  'sanctions.read',
  'sanctions.manage',
  'sanctions.sign_off',
  'sanctions.acknowledge_own',
] as const;

/** What this feature keeps as the written record of 164.316(b)(1) (contracts/records-kept.ts). */
export const recordsKept = [
  'sanctions applied to workforce members who failed to comply with the security policies (164.308(a)(1)(ii)(C))',
] as const;

/** The audit actions this feature writes (assembled into AUDIT_ACTIONS; 164.312(b)). */
export const auditActions = [
  'sanction.recorded',
  'sanction.changed',
  'sanction.signed_off',
  'sanction.acknowledged',
  'sanction_tiers.changed',
] as const;
/**
 * The audit events only a role reading sanctions sees (the audit log leaves them out for others):
 * an event of a sanction, even without its content, names who decided, who acknowledged and when,
 * and its request id ties it to the tasks and the training assignment it made.
 */
export const concealedAuditActions = {
  permission: 'sanctions.read',
  actions: auditActions,
} as const;
/** What a person reads for each audit action (the audit log, its export). */
export const auditActionLabels: Record<(typeof auditActions)[number], string> = {
  'sanction.recorded': 'Sanction recorded',
  'sanction.changed': 'Sanction record changed',
  'sanction.signed_off': 'Sanction signed off by HR',
  'sanction.acknowledged': 'Sanction acknowledged',
  'sanction_tiers.changed': 'Sanction tiers changed',
};

/** The tiers of progressive discipline Custos starts an organization with. */
export const DEFAULT_SANCTION_TIERS = [
  'Coaching',
  'Retraining',
  'Written warning',
  'Suspension',
  'Termination',
] as const;

export const SANCTION_SEVERITIES = ['low', 'moderate', 'high', 'critical'] as const;
export type SanctionSeverity = (typeof SANCTION_SEVERITIES)[number];
export const SANCTION_SEVERITY_LABELS: Record<SanctionSeverity, string> = {
  low: 'Low',
  moderate: 'Moderate',
  high: 'High',
  critical: 'Critical',
};

export const SANCTION_INTENTS = ['unintentional', 'negligent', 'intentional', 'malicious'] as const;
export type SanctionIntent = (typeof SANCTION_INTENTS)[number];
export const SANCTION_INTENT_LABELS: Record<SanctionIntent, string> = {
  unintentional: 'Unintentional (a mistake)',
  negligent: 'Negligent (careless)',
  intentional: 'Intentional',
  malicious: 'Malicious',
};

export const SanctionTierSchema = z.object({
  rank: z.number().int().describe('1 = the mildest'),
  name: z.string(),
});
export const SanctionTiersSchema = z.object({
  builtIn: z.boolean().describe("True while the organization uses Custos's default tiers"),
  data: z.array(SanctionTierSchema),
});
export const SanctionTiersBodySchema = z.object({
  tiers: z
    .array(Title(80))
    .min(1, { error: 'must name at least one tier' })
    .max(12, { error: 'must be at most 12 tiers' })
    .describe('Mildest first'),
});

const TaskSummary = z.object({
  id: z.string(),
  reference: z.string(),
  title: z.string(),
  status: z.enum(['open', 'in_progress', 'done', 'cancelled']),
});

export const ACKNOWLEDGEMENT_WAYS = ['in_app', 'paper'] as const;
export const ACKNOWLEDGEMENT_WAY_LABELS: Record<(typeof ACKNOWLEDGEMENT_WAYS)[number], string> = {
  in_app: 'in Custos, by the person',
  paper: 'on signed paper',
};

export const SanctionSchema = z.object({
  id: z.string(),
  reference: z.string().describe('SAN-n, per organization'),
  person: z.object({
    id: z.string(),
    name: z.string(),
    reference: z.string(),
    userId: z
      .string()
      .nullable()
      .describe('Their Custos account: they acknowledge in Custos; without one, on paper'),
  }),
  violation: z.string(),
  policy: z
    .object({ documentId: z.string(), versionId: z.string(), label: z.string() })
    .nullable()
    .describe('The policy version violated'),
  incidentId: z.string().nullable(),
  incident: z.object({ id: z.string(), label: z.string() }).nullable(),
  severity: z.enum(SANCTION_SEVERITIES),
  intent: z.enum(SANCTION_INTENTS),
  investigationNotes: z.string(),
  decision: SanctionTierSchema,
  decidedBy: PersonRef,
  decidedOn: z.string(),
  hrSignOff: z.object({ by: PersonRef, at: z.iso.datetime() }).nullable(),
  acknowledgedOn: z.string().nullable().describe('When the person acknowledged the sanction'),
  acknowledgement: z
    .object({
      on: z.string(),
      way: z.enum(ACKNOWLEDGEMENT_WAYS),
      recordedBy: PersonRef.describe('The person themselves (in_app), or the official (paper)'),
      at: z.iso.datetime(),
    })
    .nullable(),
  correctiveTasks: z.array(TaskSummary),
  retrainingAssignmentId: z
    .string()
    .nullable()
    .describe('The training assignment a sanction of retraining made'),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Sanction = z.infer<typeof SanctionSchema>;

export const SanctionListSchema = z.object({
  data: z.array(SanctionSchema),
  suggestion: SanctionTierSchema.nullable().describe(
    "With personId: the next tier of progressive discipline after the person's prior records",
  ),
});
export const SanctionQuerySchema = z.object({
  personId: z.uuid({ error: 'must be a person id' }).optional(),
});

export const CorrectiveActionSchema = z.object({
  title: Title(300).describe('Seen by whoever reads tasks: word it without the sanction'),
  dueOn: DateOnly,
  ownerId: z.uuid({ error: 'must be a member id' }).optional(),
});

export const SanctionBodySchema = z.object({
  personId: z.uuid({ error: 'must be a person id' }),
  violation: Prose(5000).min(1, { error: 'is required' }),
  policyVersionId: z.uuid({ error: 'must be a policy version id' }).nullable().optional(),
  incidentId: z.uuid({ error: 'must be an incident id' }).nullable().optional(),
  severity: z.enum(SANCTION_SEVERITIES),
  intent: z.enum(SANCTION_INTENTS),
  investigationNotes: Prose(20000).optional(),
  decision: Title(80).describe("One of the organization's tiers, by name"),
  decidedOn: DateOnly,
  correctiveActions: z.array(CorrectiveActionSchema).max(10).optional(),
  retraining: z
    .object({ courseId: z.string().min(1, { error: 'is required' }).max(100), dueOn: DateOnly })
    .optional()
    .describe('With the tier Retraining: the course assigned to the person, due by dueOn'),
});
export type SanctionBody = z.infer<typeof SanctionBodySchema>;

export const SanctionUpdateBodySchema = z.object({
  investigationNotes: Prose(20000).optional(),
  incidentId: z
    .uuid({ error: 'must be an incident id' })
    .nullable()
    .optional()
    .describe('The incident the violation came to light in; null unlinks it'),
});

export const PaperAcknowledgementBodySchema = z.object({
  signedOn: DateOnly.describe('The date the person signed the paper acknowledgement'),
});

/** What the person a sanction is about reads of it (their own records only). */
export const OwnSanctionSchema = z.object({
  id: z.string(),
  reference: z.string(),
  violation: z.string(),
  policy: z.string().nullable(),
  decision: z.string(),
  decidedOn: z.string(),
  acknowledgedOn: z.string().nullable(),
});
export type OwnSanction = z.infer<typeof OwnSanctionSchema>;
export const OwnSanctionListSchema = z.object({ data: z.array(OwnSanctionSchema) });

// ---------- routes ----------

const tags = ['sanctions'];
const SanctionParamsSchema = OrgParamsSchema.extend({ sanctionId: z.uuid() });
const ownInvalidates = ['sanctions', 'my-sanctions'];
const invalidates = ['sanctions', 'tasks', 'training'];

/** Sanctions (164.308(a)(1)(ii)(C)): answered 404 to every role but the four that keep them. */
export const sanctionsRoutes = {
  list: route({
    method: 'GET',
    path: '/api/orgs/:orgId/sanctions',
    tags,
    summary: "Sanction records, newest first; with personId, the person's and the next tier",
    permission: 'sanctions.read',
    params: OrgParamsSchema,
    query: SanctionQuerySchema,
    response: SanctionListSchema,
  }),
  create: route({
    method: 'POST',
    path: '/api/orgs/:orgId/sanctions',
    tags,
    summary: 'Record a sanction; the caller is who decided; corrective actions become tasks',
    permission: 'sanctions.manage',
    params: OrgParamsSchema,
    body: SanctionBodySchema,
    status: 201,
    response: SanctionSchema,
    audits: ['sanction.recorded', 'task.created', 'training_assignment.created'],
    example: (id) => ({
      personId: id('personId'),
      violation: 'Shared a password with a coworker.',
      severity: 'moderate',
      intent: 'negligent',
      decision: 'Retraining',
      decidedOn: '2026-03-04',
      correctiveActions: [{ title: 'Password hygiene refresher', dueOn: '2026-03-18' }],
    }),
    invalidates,
  }),
  get: route({
    method: 'GET',
    path: '/api/orgs/:orgId/sanctions/:sanctionId',
    tags,
    summary: 'One sanction record',
    permission: 'sanctions.read',
    params: SanctionParamsSchema,
    response: SanctionSchema,
  }),
  update: route({
    method: 'PATCH',
    path: '/api/orgs/:orgId/sanctions/:sanctionId',
    tags,
    summary: 'Change the investigation notes, or link the incident the violation came to light in',
    permission: 'sanctions.manage',
    params: SanctionParamsSchema,
    body: SanctionUpdateBodySchema,
    response: SanctionSchema,
    audits: ['sanction.changed'],
    example: () => ({
      investigationNotes: 'Interviewed the locum; confirmed the account was shared once.',
    }),
    invalidates,
  }),
  signOff: route({
    method: 'POST',
    path: '/api/orgs/:orgId/sanctions/:sanctionId/hr-sign-off',
    tags,
    summary: 'Sign the decision off for HR: by a member other than who decided, as themselves',
    permission: 'sanctions.sign_off',
    params: SanctionParamsSchema,
    response: SanctionSchema,
    audits: ['sanction.signed_off'],
    invalidates,
  }),
  paperAcknowledgement: route({
    method: 'POST',
    path: '/api/orgs/:orgId/sanctions/:sanctionId/paper-acknowledgement',
    tags,
    summary:
      'Record the signed paper acknowledgement of a person without a Custos account, as its recorder',
    permission: 'sanctions.manage',
    params: SanctionParamsSchema,
    body: PaperAcknowledgementBodySchema,
    response: SanctionSchema,
    audits: ['sanction.acknowledged'],
    example: () => ({ signedOn: '2026-03-05' }),
    invalidates: ownInvalidates,
  }),
  mine: route({
    method: 'GET',
    path: '/api/orgs/:orgId/my-sanctions',
    tags,
    summary: "The caller's own sanction records, to read and acknowledge",
    permission: 'sanctions.acknowledge_own',
    params: OrgParamsSchema,
    response: OwnSanctionListSchema,
  }),
  acknowledge: route({
    method: 'POST',
    path: '/api/orgs/:orgId/my-sanctions/:sanctionId/acknowledgement',
    tags,
    summary: 'Acknowledge a sanction about oneself, today (anyone else: 404)',
    permission: 'sanctions.acknowledge_own',
    params: SanctionParamsSchema,
    response: OwnSanctionSchema,
    audits: ['sanction.acknowledged'],
    invalidates: ownInvalidates,
  }),
  tiers: route({
    method: 'GET',
    path: '/api/orgs/:orgId/sanction-tiers',
    tags,
    summary: 'The tiers of progressive discipline, mildest first',
    permission: 'sanctions.read',
    params: OrgParamsSchema,
    response: SanctionTiersSchema,
  }),
  setTiers: route({
    method: 'PUT',
    path: '/api/orgs/:orgId/sanction-tiers',
    tags,
    summary: 'Replace the tiers (records keep the tier they were decided with)',
    permission: 'sanctions.manage',
    params: OrgParamsSchema,
    body: SanctionTiersBodySchema,
    response: SanctionTiersSchema,
    audits: ['sanction_tiers.changed'],
    example: () => ({
      tiers: ['Coaching', 'Retraining', 'Written warning', 'Final warning', 'Termination'],
    }),
    invalidates: ['sanctions'],
  }),
};
