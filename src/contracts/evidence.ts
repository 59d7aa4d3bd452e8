import { z } from 'zod';
import { DateOnly, OrgParamsSchema, PersonRef, Line, Prose, Title, isDisguising } from './common';
import { EDITORS, STAFF_READERS, type Grant } from './grants';
import { LinkSchema } from './links';
import { LegalHoldSchema } from './retention';
import { route } from './route';

/** Names this feature's folders under src/server/features and src/web/features. */
export const feature = 'evidence';

/** Who may use what this feature offers (assembled into PERMISSIONS, contracts/permissions.ts). */
export const permissions = {
  // Auditors read and download evidence; workforce members see none of it.
  'evidence.read': STAFF_READERS,
  'evidence.manage': EDITORS,
} as const satisfies Record<string, Grant>;

/** What this feature keeps as the written record of 164.316(b)(1) (contracts/records-kept.ts). */
export const recordsKept = [
  'evidence files (encrypted, with the SHA-256 of their content) and links, with their dates',
] as const;

/** The audit actions this feature writes (assembled into AUDIT_ACTIONS; 164.312(b)). */
export const auditActions = [
  'evidence_item.created',
  'evidence_item.changed',
  'evidence_item.removed',
  'evidence_item.downloaded',
  'evidence_item.integrity_failed',
] as const;
/** What a person reads for each audit action (the audit log, its export). */
export const auditActionLabels: Record<(typeof auditActions)[number], string> = {
  'evidence_item.created': 'Evidence added',
  'evidence_item.changed': 'Evidence changed',
  'evidence_item.removed': 'Evidence removed',
  'evidence_item.downloaded': 'Evidence file downloaded',
  'evidence_item.integrity_failed': 'Evidence file refused: failed its integrity check',
};

export const EVIDENCE_KINDS = ['file', 'link'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];
export const EVIDENCE_KIND_LABELS: Record<EvidenceKind, string> = {
  file: 'File',
  link: 'Link',
};

// Invisible in an address or a file name, where they only hide what is there (zero-width space,
// word joiner, byte-order mark); names in some scripts need the zero-width (non-)joiners, URLs not.
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff]/u;

/**
 * A web address people are sent to: http or https only, no user name or password, no control
 * characters, direction marks or invisible characters (evidence links, security reminders).
 */
export const HttpsUrl = z
  .string()
  .trim()
  .max(2000, { error: 'must be at most 2000 characters', abort: true })
  .refine((v) => !isDisguising(v) && !INVISIBLE.test(v), {
    error: 'must not hold control characters, direction marks or invisible characters',
    abort: true,
  })
  .refine((v) => /^https?:\/\/[^\s/]/.test(v) && URL.canParse(v), {
    error: 'must be an http:// or https:// address',
    abort: true,
  })
  // A password in an address would be shown to every reader of the evidence (164.312(d)).
  .refine((v) => new URL(v).username === '' && new URL(v).password === '', {
    error: 'must not hold a user name or password (write them nowhere in Custos)',
  });

export const EvidenceFileSchema = z.object({
  name: z.string().describe('The file name as uploaded'),
  size: z.number().int().describe('Bytes'),
  type: z.string().describe('The type found from the content (magic bytes), served as such'),
  sha256: z.string().describe('SHA-256 of the content, checked on every download'),
});

export const EvidenceItemSchema = z.object({
  id: z.string(),
  reference: z.string().describe('EV-n, per organization'),
  kind: z.enum(EVIDENCE_KINDS),
  title: z.string(),
  description: z.string(),
  url: z.string().nullable().describe('The address of a link; null for a file'),
  file: EvidenceFileSchema.nullable(),
  collectedOn: DateOnly.nullable(),
  effectiveFrom: DateOnly.nullable(),
  effectiveTo: DateOnly.nullable(),
  refreshOn: DateOnly.nullable().describe('When the evidence should be collected again'),
  stale: z.boolean().describe('The refresh date has passed (in the organization’s time zone)'),
  owner: PersonRef.nullable(),
  retainUntil: DateOnly.describe('Kept at least until this date (164.316(b)(2)(i))'),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type EvidenceItem = z.infer<typeof EvidenceItemSchema>;

export const EvidenceItemDetailSchema = EvidenceItemSchema.extend({
  links: z.array(LinkSchema).describe('The records this evidence supports'),
  hold: LegalHoldSchema.nullable().describe('The legal hold in force on it: it cannot be deleted'),
  mayTakeBackUntil: z.iso
    .datetime()
    .nullable()
    .describe(
      'Until when the requester, who added it, may delete it as a mistake before its retention ends',
    ),
});
export type EvidenceItemDetail = z.infer<typeof EvidenceItemDetailSchema>;

const details = {
  title: Title(200),
  description: Prose(5000).optional(),
  collectedOn: DateOnly.nullable().optional(),
  effectiveFrom: DateOnly.nullable().optional(),
  effectiveTo: DateOnly.nullable().optional(),
  refreshOn: DateOnly.nullable().optional(),
  ownerId: z.uuid().nullable().optional(),
};

export const EvidenceLinkBodySchema = z.object({ ...details, url: HttpsUrl });
export type EvidenceLinkBody = z.infer<typeof EvidenceLinkBodySchema>;

export const EvidenceItemUpdateBodySchema = z
  .object({ ...details, url: HttpsUrl })
  .partial()
  .describe('The fields to change; `url` only for a link');
export type EvidenceItemUpdateBody = z.infer<typeof EvidenceItemUpdateBodySchema>;

export const EvidenceUploadQuerySchema = z.object({
  filename: Title(255)
    .refine((v) => !/[\\/]/.test(v), { error: 'must be a file name, not a path' })
    .refine((v) => !INVISIBLE.test(v), { error: 'must not hold invisible characters' })
    .describe('The file name, whose extension must agree with the content'),
  title: Line(200).optional().describe('The title; the file name by default'),
});

export const EvidenceListQuerySchema = z.object({
  kind: z.enum(EVIDENCE_KINDS).optional(),
  stale: z.enum(['true', 'false']).optional().describe('Only stale (or only current) evidence'),
});

// ---------- routes ----------

const tags = ['evidence'];
export const EvidenceItemParamsSchema = OrgParamsSchema.extend({ evidenceItemId: z.uuid() });
// Evidence shows on the records it is linked to.
const invalidates = ['evidence', 'safeguards', 'tasks', 'risks', 'risk-assessments'];

/** The Evidence routes. */
export const evidenceRoutes = {
  list: route({
    method: 'GET',
    path: '/api/orgs/:orgId/evidence',
    tags,
    summary: 'Every evidence item of the organization, by reference',
    permission: 'evidence.read',
    params: OrgParamsSchema,
    query: EvidenceListQuerySchema,
    response: z.object({ data: z.array(EvidenceItemSchema) }),
  }),
  createLink: route({
    method: 'POST',
    path: '/api/orgs/:orgId/evidence',
    tags,
    summary: 'Record evidence kept elsewhere, by its address',
    permission: 'evidence.manage',
    params: OrgParamsSchema,
    body: EvidenceLinkBodySchema,
    status: 201,
    response: EvidenceItemSchema,
    audits: ['evidence_item.created'],
    example: () => ({
      title: 'Backup restore test report',
      url: 'https://files.example.org/restore-test.pdf',
      refreshOn: '2027-06-30',
    }),
    invalidates,
  }),
  upload: route({
    method: 'POST',
    path: '/api/orgs/:orgId/evidence/files',
    tags,
    summary: 'Upload an evidence file (the body is the file), stored encrypted',
    description:
      'Send the file as the body. Content-Type is the declared type (application/octet-stream when unknown); it must agree with the content, whose type is found from its magic bytes: PDF, PNG, JPEG, GIF, WebP, HEIC, DOCX, XLSX, PPTX, DOC, XLS, CSV or UTF-8 text. Larger than CUSTOS_MAX_UPLOAD_MB answers 413. Set the other fields with PATCH.',
    permission: 'evidence.manage',
    params: OrgParamsSchema,
    query: EvidenceUploadQuerySchema,
    exampleQuery: { filename: 'sign-in-log.csv' },
    upload: true,
    status: 201,
    response: EvidenceItemSchema,
    audits: ['evidence_item.created'],
    example: () => 'date,user,result\n2026-11-30,jdoe,ok\n',
    invalidates,
  }),
  get: route({
    method: 'GET',
    path: '/api/orgs/:orgId/evidence/:evidenceItemId',
    tags,
    summary: 'One evidence item, with the records it supports',
    permission: 'evidence.read',
    params: EvidenceItemParamsSchema,
    response: EvidenceItemDetailSchema,
  }),
  download: route({
    method: 'GET',
    path: '/api/orgs/:orgId/evidence/:evidenceItemId/file',
    tags,
    summary: 'Download an evidence file, checked against its SHA-256 (an audited read)',
    permission: 'evidence.read',
    params: EvidenceItemParamsSchema,
    file: true,
    audits: ['evidence_item.downloaded', 'evidence_item.integrity_failed'],
  }),
  update: route({
    method: 'PATCH',
    path: '/api/orgs/:orgId/evidence/:evidenceItemId',
    tags,
    summary: 'Change an evidence item’s details',
    permission: 'evidence.manage',
    params: EvidenceItemParamsSchema,
    body: EvidenceItemUpdateBodySchema,
    response: EvidenceItemSchema,
    audits: ['evidence_item.changed'],
    example: () => ({ description: 'Changed by the audit pass.', refreshOn: '2027-12-31' }),
    invalidates,
  }),
  remove: route({
    method: 'DELETE',
    path: '/api/orgs/:orgId/evidence/:evidenceItemId',
    tags,
    summary: 'Remove an evidence item once its retention has passed (and its stored file)',
    permission: 'evidence.manage',
    params: EvidenceItemParamsSchema,
    status: 204,
    audits: ['evidence_item.removed', 'link.removed'],
    invalidates,
  }),
};
