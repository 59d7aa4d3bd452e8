import { z } from 'zod';
import { DateOnly, OrgParamsSchema, PersonRef, Required } from './common';
import { ADMINS, STAFF_READERS, type Grant } from './grants';
import { route } from './route';

/** Names this feature's folders under src/server/features and src/web/features. */
export const feature = 'retention';

/** What this feature keeps as the written record of 164.316(b)(1) (contracts/records-kept.ts). */
export const recordsKept = ['Legal holds: who placed and released each, when and why'];

// 164.316(b)(2)(i): six years from creation or from when last in effect, whichever is later.
export const MINIMUM_RETENTION_YEARS = 6;

// Who may place and release a legal hold: the officials and the administrators, not contributors.
const HOLDERS = ['owner', 'admin', 'security_officer', 'privacy_officer'] as const satisfies Grant;

/** Who may use what this feature offers (assembled into PERMISSIONS, contracts/permissions.ts). */
export const permissions = {
  'retention.read': STAFF_READERS,
  'retention.hold': HOLDERS,
  'retention.settings': ADMINS,
} as const satisfies Record<string, Grant>;

/** The audit actions this feature writes (assembled into AUDIT_ACTIONS; 164.312(b)). */
export const auditActions = [
  'legal_hold.placed',
  'legal_hold.released',
  'retention.settings_changed',
] as const;
/** What a person reads for each audit action (the audit log, its export). */
export const auditActionLabels: Record<(typeof auditActions)[number], string> = {
  'legal_hold.placed': 'Placed a legal hold',
  'legal_hold.released': 'Released a legal hold',
  'retention.settings_changed': 'Changed the retention period',
};

/**
 * The kinds of record whose retention Custos tracks; each feature that keeps one adds its type
 * here, with the words a person reads for it.
 */
export const RETAINED_RECORD_TYPES = [
  'document_version',
  'evidence',
  'risk_assessment',
  'breach_determination',
  'breach_letter',
  'breach_notice',
] as const;
export type RetainedRecordType = (typeof RETAINED_RECORD_TYPES)[number];
export const RETAINED_RECORD_TYPE_LABELS: Record<RetainedRecordType, string> = {
  document_version: 'Policy version',
  evidence: 'Evidence',
  risk_assessment: 'Approved risk assessment',
  breach_determination: 'Approved breach determination',
  breach_letter: 'Breach notice text',
  breach_notice: 'Breach notice sent',
};

export const LegalHoldSchema = z.object({
  id: z.string(),
  reference: z.string().describe('LH-n, per organization'),
  recordType: z.enum(RETAINED_RECORD_TYPES),
  recordId: z.string(),
  recordLabel: z.string(),
  reason: z.string(),
  placedBy: PersonRef.nullable(),
  placedAt: z.iso.datetime(),
  releasedBy: PersonRef.nullable(),
  releasedAt: z.iso.datetime().nullable(),
  releaseReason: z.string().nullable(),
});
export type LegalHold = z.infer<typeof LegalHoldSchema>;

export const RetainedRecordSchema = z.object({
  recordType: z.enum(RETAINED_RECORD_TYPES),
  recordId: z.string(),
  /** The record a person opens to see this one (a policy version opens its policy). */
  opensId: z.string(),
  label: z.string(),
  keptFrom: DateOnly.describe('the later of creation and last in effect'),
  retainUntil: DateOnly.describe(
    'while inEffect, at least this: it becomes the day it leaves effect plus the retention years',
  ),
  inEffect: z
    .boolean()
    .describe('in effect (a policy version): kept while in effect, then the retention years'),
  /** The legal hold in force on it, if any. */
  hold: LegalHoldSchema.nullable(),
});
export type RetainedRecord = z.infer<typeof RetainedRecordSchema>;

export const RetentionSettingsSchema = z.object({
  years: z.number().int(),
  minimumYears: z.number().int(),
});
export type RetentionSettings = z.infer<typeof RetentionSettingsSchema>;

export const RetentionSettingsBodySchema = z.object({
  years: z
    .number()
    .int({ error: 'must be a whole number of years' })
    .min(MINIMUM_RETENTION_YEARS, {
      error: `must be at least ${MINIMUM_RETENTION_YEARS} years (164.316(b)(2)(i))`,
    })
    .max(100, { error: 'must be at most 100 years' }),
});

export const LegalHoldBodySchema = z.object({
  recordType: z.enum(RETAINED_RECORD_TYPES),
  recordId: Required(100),
  reason: Required(2000),
});
export type LegalHoldBody = z.infer<typeof LegalHoldBodySchema>;

export const ReleaseHoldBodySchema = z.object({ reason: Required(2000) });

const RegisterCursor = z.string().regex(/^\d{4}-\d{2}-\d{2}_[0-9a-zA-Z-]{1,100}$/, {
  error: 'is not a cursor from a previous page',
});

export const RegisterQuerySchema = z.object({
  held: z.enum(['true', 'false']).optional().describe('true: only records under a legal hold'),
  cursor: RegisterCursor.optional(),
});

// ---------- routes ----------

const tags = ['retention'];
const HoldParamsSchema = OrgParamsSchema.extend({ holdId: z.uuid() });
const invalidates = ['retention'];

/** The retention register routes (164.316(b)(2)(i)). */
export const retentionRoutes = {
  register: route({
    method: 'GET',
    path: '/api/orgs/:orgId/retention/records',
    tags,
    summary: 'The records Custos keeps, until when, and the legal holds on them',
    permission: 'retention.read',
    params: OrgParamsSchema,
    query: RegisterQuerySchema,
    response: z.object({ data: z.array(RetainedRecordSchema), nextCursor: z.string().nullable() }),
  }),
  settings: route({
    method: 'GET',
    path: '/api/orgs/:orgId/retention/settings',
    tags,
    summary: 'How many years the organization keeps its records',
    permission: 'retention.read',
    params: OrgParamsSchema,
    response: RetentionSettingsSchema,
  }),
  changeSettings: route({
    method: 'PUT',
    path: '/api/orgs/:orgId/retention/settings',
    tags,
    summary: 'Keep records longer than six years',
    permission: 'retention.settings',
    params: OrgParamsSchema,
    body: RetentionSettingsBodySchema,
    response: RetentionSettingsSchema,
    audits: ['retention.settings_changed'],
    example: () => ({ years: 7 }),
    invalidates,
  }),
  holds: route({
    method: 'GET',
    path: '/api/orgs/:orgId/legal-holds',
    tags,
    summary: 'Every legal hold, in force first',
    permission: 'retention.read',
    params: OrgParamsSchema,
    response: z.object({ data: z.array(LegalHoldSchema) }),
  }),
  placeHold: route({
    method: 'POST',
    path: '/api/orgs/:orgId/legal-holds',
    tags,
    summary: 'Place a legal hold on a record: it cannot be deleted until released',
    permission: 'retention.hold',
    params: OrgParamsSchema,
    body: LegalHoldBodySchema,
    status: 201,
    response: LegalHoldSchema,
    audits: ['legal_hold.placed'],
    example: (id) => ({
      recordType: 'risk_assessment',
      recordId: id('assessmentId'),
      reason: 'Complaint inquiry: keep what was in force at the time.',
    }),
    invalidates,
  }),
  releaseHold: route({
    method: 'POST',
    path: '/api/orgs/:orgId/legal-holds/:holdId/release',
    tags,
    summary: 'Release a legal hold',
    permission: 'retention.hold',
    params: HoldParamsSchema,
    body: ReleaseHoldBodySchema,
    response: LegalHoldSchema,
    audits: ['legal_hold.released'],
    example: () => ({ reason: 'The matter is closed.' }),
    invalidates,
  }),
};
