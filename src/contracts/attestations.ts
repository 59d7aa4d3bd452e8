import { z } from 'zod';
import { DateOnly, OrgParamsSchema, PersonRef } from './common';
import { ADMINS, EDITORS, EVERY_ROLE, STAFF_READERS, type Grant } from './grants';
import { ROLES } from './roles';
import { route } from './route';

/** Names this feature's folders under src/server/features and src/web/features. */
export const feature = 'attestations';

/** What this feature keeps as the written record of 164.316(b)(1) (contracts/records-kept.ts). */
export const recordsKept = [
  'acknowledgements of policies: who read which version (by its hash) and when',
] as const;

// 164.316(b)(2)(ii): documentation is made available to those who carry it out; the officials
// choose who must acknowledge which policy.
const PUBLISHERS = [...ADMINS, 'security_officer', 'privacy_officer'] as const satisfies Grant;

/** Who may use what this feature offers (assembled into PERMISSIONS, contracts/permissions.ts). */
export const permissions = {
  'attestations.read': STAFF_READERS,
  'attestations.publish': PUBLISHERS,
  // Every member reads the policies that apply to them and acknowledges them; auditors write
  // nothing (README), so an auditor named in an audience reads but does not acknowledge.
  'my_policies.read': EVERY_ROLE,
  'my_policies.acknowledge': [...EDITORS, 'workforce'],
} as const satisfies Record<string, Grant>;

// An acknowledgement is a person's own word (design.md §6.2): never a token's.
export const personOnly = [
  'my_policies.read',
  'my_policies.acknowledge',
] as const satisfies readonly (keyof typeof permissions)[];

/** The audit actions this feature writes (assembled into AUDIT_ACTIONS; 164.312(b)). */
export const auditActions = [
  'policy.published',
  'policy.acknowledged',
  'attestations.exported',
] as const;
/** What a person reads for each audit action (the audit log, its export). */
export const auditActionLabels: Record<(typeof auditActions)[number], string> = {
  'policy.published': 'Policy audience changed',
  'policy.acknowledged': 'Policy acknowledged',
  'attestations.exported': 'Acknowledgements exported',
};

export const DEFAULT_ACKNOWLEDGE_DAYS = 14;

/** Who must acknowledge a policy: roles, named people, or both. */
export const AudienceSchema = z.object({
  roles: z.array(z.enum(ROLES)),
  people: z.array(PersonRef),
  dueDays: z.number().int(),
  publishedAt: z.iso.datetime().nullable(),
  publishedBy: PersonRef.nullable(),
});
export type Audience = z.infer<typeof AudienceSchema>;

export const AudienceBodySchema = z.object({
  roles: z.array(z.enum(ROLES)).max(ROLES.length),
  userIds: z.array(z.uuid()).max(1000),
  dueDays: z
    .number()
    .int({ error: 'must be a whole number of days' })
    .min(1, { error: 'must be at least 1 day' })
    .max(365, { error: 'must be at most 365 days' })
    .optional(),
});
export type AudienceBody = z.infer<typeof AudienceBodySchema>;

export const ACK_STATUSES = ['acknowledged', 'due', 'overdue'] as const;
export type AckStatus = (typeof ACK_STATUSES)[number];
export const ACK_STATUS_LABELS: Record<AckStatus, string> = {
  acknowledged: 'Acknowledged',
  due: 'Waiting',
  overdue: 'Overdue',
};

const VersionRefSchema = z.object({
  id: z.string(),
  number: z.number().int(),
  sha256: z.string(),
  effectiveOn: DateOnly.nullable(),
});

const PolicyRefSchema = z.object({
  id: z.string(),
  reference: z.string(),
  title: z.string(),
});

/** One person's state for the version in effect of one policy. */
export const AckRowSchema = z.object({
  person: PersonRef,
  status: z.enum(ACK_STATUSES),
  dueOn: DateOnly,
  acknowledgedAt: z.iso.datetime().nullable(),
});

export const PolicyCompletionSchema = z.object({
  policy: PolicyRefSchema,
  version: VersionRefSchema.nullable(),
  audience: AudienceSchema,
  required: z.number().int(),
  acknowledged: z.number().int(),
  overdue: z.number().int(),
  people: z.array(AckRowSchema),
});
export type PolicyCompletion = z.infer<typeof PolicyCompletionSchema>;

export const PersonCompletionSchema = z.object({
  person: PersonRef,
  required: z.number().int(),
  acknowledged: z.number().int(),
  overdue: z.number().int(),
});
export type PersonCompletion = z.infer<typeof PersonCompletionSchema>;

export const CompletionSchema = z.object({
  policies: z.array(PolicyCompletionSchema.omit({ people: true })),
  people: z.array(PersonCompletionSchema),
});

export const MyPolicySchema = z.object({
  policy: PolicyRefSchema,
  version: VersionRefSchema,
  status: z.enum(ACK_STATUSES),
  dueOn: DateOnly,
  acknowledgedAt: z.iso.datetime().nullable(),
});
export type MyPolicy = z.infer<typeof MyPolicySchema>;

export const MyPolicyDetailSchema = MyPolicySchema.extend({
  title: z.string(),
  body: z.string().describe('Markdown'),
  replaces: z
    .object({ id: z.string(), number: z.number().int() })
    .nullable()
    .describe(
      'The older version the address named, when a newer version of the policy took effect and is answered instead; null otherwise',
    ),
});

export const AcknowledgeBodySchema = z.object({
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/, { error: 'must be the SHA-256 of the version you read' }),
});

// ---------- routes ----------

const tags = ['attestations'];
const DocumentParamsSchema = OrgParamsSchema.extend({ documentId: z.uuid() });
const VersionParamsSchema = OrgParamsSchema.extend({ versionId: z.uuid() });
const invalidates = ['attestations', 'documents', 'dashboard'];

/** Publishing policies to the workforce and their acknowledgements (164.316(b)(2)(ii)). */
export const attestationRoutes = {
  completion: route({
    method: 'GET',
    path: '/api/orgs/:orgId/acknowledgements',
    tags,
    summary: 'Acknowledgement of the policies in effect, per policy and per person',
    permission: 'attestations.read',
    params: OrgParamsSchema,
    response: CompletionSchema,
  }),
  exportCsv: route({
    method: 'GET',
    path: '/api/orgs/:orgId/acknowledgements/export.csv',
    tags,
    summary: 'Every person and policy version to acknowledge, as CSV (audited)',
    permission: 'attestations.read',
    params: OrgParamsSchema,
    file: true,
    audits: ['attestations.exported'],
  }),
  policy: route({
    method: 'GET',
    path: '/api/orgs/:orgId/documents/:documentId/acknowledgements',
    tags,
    summary: "One policy's audience and who acknowledged its version in effect",
    permission: 'attestations.read',
    params: DocumentParamsSchema,
    response: PolicyCompletionSchema,
  }),
  publish: route({
    method: 'PUT',
    path: '/api/orgs/:orgId/documents/:documentId/audience',
    tags,
    summary: 'Choose who must acknowledge the policy (roles, named people)',
    permission: 'attestations.publish',
    params: DocumentParamsSchema,
    body: AudienceBodySchema,
    response: PolicyCompletionSchema,
    audits: ['policy.published'],
    example: () => ({ roles: ['workforce', 'contributor'], userIds: [], dueDays: 14 }),
    invalidates,
  }),
  mine: route({
    method: 'GET',
    path: '/api/orgs/:orgId/my-policies',
    tags,
    summary: 'The policies in effect that apply to me, and whether I acknowledged them',
    permission: 'my_policies.read',
    params: OrgParamsSchema,
    response: z.object({ data: z.array(MyPolicySchema) }),
  }),
  myPolicy: route({
    method: 'GET',
    path: '/api/orgs/:orgId/my-policies/:versionId',
    tags,
    summary: 'The text of a policy version that applies to me',
    permission: 'my_policies.read',
    params: VersionParamsSchema,
    response: MyPolicyDetailSchema,
  }),
  acknowledge: route({
    method: 'POST',
    path: '/api/orgs/:orgId/my-policies/:versionId/acknowledge',
    tags,
    summary: 'Acknowledge that I read this exact version and will follow it',
    permission: 'my_policies.acknowledge',
    params: VersionParamsSchema,
    body: AcknowledgeBodySchema,
    response: MyPolicySchema,
    audits: ['policy.acknowledged'],
    // The audit pass sends the hash of a version the person was asked to read (preparations).
    example: () => ({ sha256: '0'.repeat(64) }),
    invalidates,
  }),
};
