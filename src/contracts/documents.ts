import { z } from 'zod';
import { OrgParamsSchema, Required, Text } from './common';
import { EDITORS, STAFF_READERS, type Grant } from './grants';
import { route } from './route';

/** Names this feature's folders under src/server/features and src/web/features. */
export const feature = 'documents';

/** Who may use what this feature offers (assembled into PERMISSIONS, contracts/permissions.ts). */
export const permissions = {
  'documents.read': STAFF_READERS,
  'documents.manage': EDITORS,
} as const satisfies Record<string, Grant>;

/** The audit actions this feature writes (assembled into AUDIT_ACTIONS; 164.312(b)). */
export const auditActions = ['document.created', 'document.changed', 'document.removed'] as const;
/** What a person reads for each audit action (the audit log, its export). */
export const auditActionLabels: Record<(typeof auditActions)[number], string> = {
  'document.created': 'Added: document',
  'document.changed': 'Changed: document',
  'document.removed': 'Removed: document',
};

export const DocumentSchema = z.object({
  id: z.string(),
  reference: z.string().describe('POL-n, per organization'),
  name: z.string(),
  notes: z.string(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Document = z.infer<typeof DocumentSchema>;

export const DocumentBodySchema = z.object({
  name: Required(200),
  notes: Text(20000).optional(),
});
export type DocumentBody = z.infer<typeof DocumentBodySchema>;

export const DocumentUpdateBodySchema = DocumentBodySchema.partial();
export type DocumentUpdateBody = z.infer<typeof DocumentUpdateBodySchema>;

// ---------- routes ----------

const tags = ['documents'];
const DocumentParamsSchema = OrgParamsSchema.extend({ documentId: z.uuid() });
const invalidates = ['documents'];

/** The Policies routes. */
export const documentsRoutes = {
  list: route({
    method: 'GET',
    path: '/api/orgs/:orgId/documents',
    tags,
    summary: 'Every document of the organization, by reference',
    permission: 'documents.read',
    params: OrgParamsSchema,
    response: z.object({ data: z.array(DocumentSchema) }),
  }),
  create: route({
    method: 'POST',
    path: '/api/orgs/:orgId/documents',
    tags,
    summary: 'Add a document',
    permission: 'documents.manage',
    params: OrgParamsSchema,
    body: DocumentBodySchema,
    status: 201,
    response: DocumentSchema,
    audits: ['document.created'],
    example: () => ({ name: 'Example document', notes: 'Added by the audit pass.' }),
    invalidates,
  }),
  get: route({
    method: 'GET',
    path: '/api/orgs/:orgId/documents/:documentId',
    tags,
    summary: 'One document',
    permission: 'documents.read',
    params: DocumentParamsSchema,
    response: DocumentSchema,
  }),
  update: route({
    method: 'PATCH',
    path: '/api/orgs/:orgId/documents/:documentId',
    tags,
    summary: 'Change a document',
    permission: 'documents.manage',
    params: DocumentParamsSchema,
    body: DocumentUpdateBodySchema,
    response: DocumentSchema,
    audits: ['document.changed'],
    example: () => ({ notes: 'Changed by the audit pass.' }),
    invalidates,
  }),
  remove: route({
    method: 'DELETE',
    path: '/api/orgs/:orgId/documents/:documentId',
    tags,
    summary: 'Remove a document',
    permission: 'documents.manage',
    params: DocumentParamsSchema,
    status: 204,
    audits: ['document.removed'],
    invalidates,
  }),
};
