import { z } from 'zod';
import {
  ApproveBodySchema,
  DiffQuerySchema,
  DiffSchema,
  DocumentBodySchema,
  DocumentDetailSchema,
  DocumentSchema,
  DocumentUpdateBodySchema,
  NewVersionBodySchema,
  PolicyTemplateSchema,
  PutInEffectBodySchema,
  ReviewBodySchema,
  VersionSchema,
  VersionUpdateBodySchema,
} from './document-schemas';
import { OrgParamsSchema } from './common';
import { ADMINS, EDITORS, STAFF_READERS, type Grant } from './grants';
import { route } from './route';

export * from './document-schemas';

/** Names this feature's folders under src/server/features and src/web/features. */
export const feature = 'documents';

/**
 * Who may use what this feature offers (assembled into PERMISSIONS, contracts/permissions.ts).
 * Contributors draft and submit; the officials and administrators approve (164.316(a): the
 * organization adopts its policies); auditors read; workforce members see none of it here.
 */
export const permissions = {
  'documents.read': STAFF_READERS,
  'documents.manage': EDITORS,
  'documents.approve': [...ADMINS, 'security_officer', 'privacy_officer'],
} as const satisfies Record<string, Grant>;

// Approving, putting in effect, retiring and reviewing are a person's own acts (design.md §6.2).
export const personOnly = [
  'documents.approve',
] as const satisfies readonly (keyof typeof permissions)[];

/** What this feature keeps as the written record of 164.316(b)(1) (contracts/records-kept.ts). */
export const recordsKept = [
  'policies and procedures, every version with its approver, effective date, hash and reviews',
] as const;

/** The audit actions this feature writes (assembled into AUDIT_ACTIONS; 164.312(b)). */
export const auditActions = [
  'document.created',
  'document.changed',
  'document.removed',
  'document.version_created',
  'document.version_changed',
  'document.version_discarded',
  'document.submitted',
  'document.returned',
  'document.approved',
  'document.put_in_effect',
  'document.superseded',
  'document.retired',
  'document.reviewed',
  'document.exported',
] as const;
/** What a person reads for each audit action (the audit log, its export). */
export const auditActionLabels: Record<(typeof auditActions)[number], string> = {
  'document.created': 'Policy added',
  'document.changed': 'Policy details changed',
  'document.removed': 'Policy removed',
  'document.version_created': 'Policy version started',
  'document.version_changed': 'Policy draft changed',
  'document.version_discarded': 'Policy draft discarded',
  'document.submitted': 'Policy version submitted for approval',
  'document.returned': 'Policy version returned for changes',
  'document.approved': 'Policy version approved',
  'document.put_in_effect': 'Policy version put in effect',
  'document.superseded': 'Policy version superseded',
  'document.retired': 'Policy version retired',
  'document.reviewed': 'Policy reviewed, no change',
  'document.exported': 'Policy version exported',
};

// ---------- routes ----------

const tags = ['documents'];
const base = '/api/orgs/:orgId/documents';
const DocumentParamsSchema = OrgParamsSchema.extend({ documentId: z.uuid() });
const VersionParamsSchema = DocumentParamsSchema.extend({ versionId: z.uuid() });
// Policies show on safeguard records (their links) and the dashboard.
// A version put in effect or retired changes what people are asked to acknowledge.
const invalidates = ['documents', 'safeguards', 'dashboard', 'attestations'];

const step = (
  path: string,
  summary: string,
  permission: 'documents.manage' | 'documents.approve',
) =>
  ({
    method: 'POST',
    path: `${base}/:documentId/versions/:versionId/${path}`,
    tags,
    summary,
    permission,
    params: VersionParamsSchema,
    response: VersionSchema,
    invalidates,
  }) as const;

const exported = (format: 'pdf' | 'docx') =>
  route({
    method: 'GET',
    path: `${base}/:documentId/versions/:versionId/export.${format}`,
    tags,
    summary: `The version as ${format.toUpperCase()} (audited)`,
    permission: 'documents.read',
    params: VersionParamsSchema,
    file: true,
    audits: ['document.exported'],
  });

/** Policies and procedures (164.316): documents, their versions, reviews, exports, templates. */
export const documentsRoutes = {
  list: route({
    method: 'GET',
    path: base,
    tags,
    summary: 'Every policy and procedure of the organization, by reference',
    permission: 'documents.read',
    params: OrgParamsSchema,
    response: z.object({ data: z.array(DocumentSchema) }),
  }),
  create: route({
    method: 'POST',
    path: base,
    tags,
    summary: 'Add a document with its first draft',
    permission: 'documents.manage',
    params: OrgParamsSchema,
    body: DocumentBodySchema,
    status: 201,
    response: DocumentDetailSchema,
    audits: ['document.created'],
    example: () => ({
      title: 'Workstation use',
      kind: 'policy',
      category: 'Physical safeguards',
      requirements: ['164.310(b)'],
      body: '# Workstation use\n\nScreens lock after 10 minutes.',
    }),
    invalidates,
  }),
  get: route({
    method: 'GET',
    path: `${base}/:documentId`,
    tags,
    summary: 'One document, its versions and its reviews',
    permission: 'documents.read',
    params: DocumentParamsSchema,
    response: DocumentDetailSchema,
  }),
  update: route({
    method: 'PATCH',
    path: `${base}/:documentId`,
    tags,
    summary: 'Change category, owner, review interval or the requirements addressed',
    permission: 'documents.manage',
    params: DocumentParamsSchema,
    body: DocumentUpdateBodySchema,
    response: DocumentDetailSchema,
    audits: ['document.changed', 'link.created', 'link.removed'],
    example: () => ({ category: 'Administrative safeguards', reviewMonths: 24 }),
    invalidates,
  }),
  remove: route({
    method: 'DELETE',
    path: `${base}/:documentId`,
    tags,
    summary: 'Remove a document none of whose versions left draft (records are kept: 409)',
    permission: 'documents.manage',
    params: DocumentParamsSchema,
    status: 204,
    audits: ['document.removed', 'link.removed'],
    invalidates,
  }),
  review: route({
    method: 'POST',
    path: `${base}/:documentId/reviews`,
    tags,
    summary: 'Reviewed, no change: records the review and moves the next review date',
    permission: 'documents.approve',
    params: DocumentParamsSchema,
    body: ReviewBodySchema,
    status: 201,
    response: DocumentDetailSchema,
    audits: ['document.reviewed'],
    example: () => ({ note: 'Read through with the front desk; still accurate.' }),
    invalidates,
  }),
  newVersion: route({
    method: 'POST',
    path: `${base}/:documentId/versions`,
    tags,
    summary: 'Start a draft copied from a version (one open draft per document)',
    permission: 'documents.manage',
    params: DocumentParamsSchema,
    body: NewVersionBodySchema,
    status: 201,
    response: VersionSchema,
    audits: ['document.version_created'],
    example: () => ({}),
    invalidates,
  }),
  version: route({
    method: 'GET',
    path: `${base}/:documentId/versions/:versionId`,
    tags,
    summary: 'One version with its text',
    permission: 'documents.read',
    params: VersionParamsSchema,
    response: VersionSchema,
  }),
  changeVersion: route({
    method: 'PATCH',
    path: `${base}/:documentId/versions/:versionId`,
    tags,
    summary: 'Change a draft (a version in review or approved answers 409)',
    permission: 'documents.manage',
    params: VersionParamsSchema,
    body: VersionUpdateBodySchema,
    response: VersionSchema,
    audits: ['document.version_changed'],
    example: () => ({ body: '# Workstation use\n\nScreens lock after 5 minutes.' }),
    invalidates,
  }),
  discardVersion: route({
    method: 'DELETE',
    path: `${base}/:documentId/versions/:versionId`,
    tags,
    summary: 'Discard a draft never submitted (a version that reached review is a record: 409)',
    permission: 'documents.manage',
    params: VersionParamsSchema,
    status: 204,
    audits: ['document.version_discarded'],
    invalidates,
  }),
  submit: route({
    ...step('submit', 'Submit a draft for approval', 'documents.manage'),
    audits: ['document.submitted'],
  }),
  return: route({
    ...step('return', 'Send a version in review back to draft', 'documents.approve'),
    audits: ['document.returned'],
  }),
  // Who approved is who acted (design.md §6.2); the submitter does not approve while another may.
  approve: route({
    ...step('approve', 'Approve a version in review; it never changes again', 'documents.approve'),
    body: ApproveBodySchema,
    audits: ['document.approved'],
    example: () => ({ note: 'Approved for the clinic.' }),
  }),
  putInEffect: route({
    ...step(
      'put-in-effect',
      'Put an approved version in effect; the one in effect is superseded',
      'documents.approve',
    ),
    body: PutInEffectBodySchema,
    audits: ['document.put_in_effect'],
    example: () => ({}),
  }),
  retire: route({
    ...step('retire', 'Withdraw an approved or in-effect version', 'documents.approve'),
    audits: ['document.retired'],
  }),
  diff: route({
    method: 'GET',
    path: `${base}/:documentId/versions/:versionId/diff`,
    tags,
    summary: 'What changed from another version to this one',
    permission: 'documents.read',
    params: VersionParamsSchema,
    query: DiffQuerySchema,
    response: DiffSchema,
  }),
  pdf: exported('pdf'),
  docx: exported('docx'),
  templates: route({
    method: 'GET',
    path: '/api/orgs/:orgId/policy-templates',
    tags,
    summary: "Custos's policy templates, filled from the organization profile on use",
    permission: 'documents.read',
    params: OrgParamsSchema,
    response: z.object({ data: z.array(PolicyTemplateSchema) }),
  }),
  fromTemplate: route({
    method: 'POST',
    path: '/api/orgs/:orgId/policy-templates/:templateId/documents',
    tags,
    summary: 'A new document whose first draft is the filled template, linked to its requirements',
    permission: 'documents.manage',
    params: OrgParamsSchema.extend({ templateId: z.string().min(1).max(100) }),
    status: 201,
    response: DocumentDetailSchema,
    audits: ['document.created'],
    invalidates,
  }),
};
