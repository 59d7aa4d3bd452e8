import { z } from 'zod';
import { OrgParamsSchema, Required, Text } from './common';
import { EDITORS, STAFF_READERS, type Grant } from './grants';
import { route } from './route';

/** Names this feature's folders under src/server/features and src/web/features. */
export const feature = 'evidence';

/** Who may use what this feature offers (assembled into PERMISSIONS, contracts/permissions.ts). */
export const permissions = {
  'evidence.read': STAFF_READERS,
  'evidence.manage': EDITORS,
} as const satisfies Record<string, Grant>;

/** The audit actions this feature writes (assembled into AUDIT_ACTIONS; 164.312(b)). */
export const auditActions = [
  'evidence_item.created',
  'evidence_item.changed',
  'evidence_item.removed',
] as const;
/** What a person reads for each audit action (the audit log, its export). */
export const auditActionLabels: Record<(typeof auditActions)[number], string> = {
  'evidence_item.created': 'Added: evidence item',
  'evidence_item.changed': 'Changed: evidence item',
  'evidence_item.removed': 'Removed: evidence item',
};

export const EvidenceItemSchema = z.object({
  id: z.string(),
  reference: z.string().describe('EV-n, per organization'),
  name: z.string(),
  notes: z.string(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type EvidenceItem = z.infer<typeof EvidenceItemSchema>;

export const EvidenceItemBodySchema = z.object({
  name: Required(200),
  notes: Text(20000).optional(),
});
export type EvidenceItemBody = z.infer<typeof EvidenceItemBodySchema>;

export const EvidenceItemUpdateBodySchema = EvidenceItemBodySchema.partial();
export type EvidenceItemUpdateBody = z.infer<typeof EvidenceItemUpdateBodySchema>;

// ---------- routes ----------

const tags = ['evidence'];
const EvidenceItemParamsSchema = OrgParamsSchema.extend({ evidenceItemId: z.uuid() });
const invalidates = ['evidence'];

/** The Evidence routes. */
export const evidenceRoutes = {
  list: route({
    method: 'GET',
    path: '/api/orgs/:orgId/evidence',
    tags,
    summary: 'Every evidence item of the organization, by reference',
    permission: 'evidence.read',
    params: OrgParamsSchema,
    response: z.object({ data: z.array(EvidenceItemSchema) }),
  }),
  create: route({
    method: 'POST',
    path: '/api/orgs/:orgId/evidence',
    tags,
    summary: 'Add a evidence item',
    permission: 'evidence.manage',
    params: OrgParamsSchema,
    body: EvidenceItemBodySchema,
    status: 201,
    response: EvidenceItemSchema,
    audits: ['evidence_item.created'],
    example: () => ({ name: 'Example evidence item', notes: 'Added by the audit pass.' }),
    invalidates,
  }),
  get: route({
    method: 'GET',
    path: '/api/orgs/:orgId/evidence/:evidenceItemId',
    tags,
    summary: 'One evidence item',
    permission: 'evidence.read',
    params: EvidenceItemParamsSchema,
    response: EvidenceItemSchema,
  }),
  update: route({
    method: 'PATCH',
    path: '/api/orgs/:orgId/evidence/:evidenceItemId',
    tags,
    summary: 'Change a evidence item',
    permission: 'evidence.manage',
    params: EvidenceItemParamsSchema,
    body: EvidenceItemUpdateBodySchema,
    response: EvidenceItemSchema,
    audits: ['evidence_item.changed'],
    example: () => ({ notes: 'Changed by the audit pass.' }),
    invalidates,
  }),
  remove: route({
    method: 'DELETE',
    path: '/api/orgs/:orgId/evidence/:evidenceItemId',
    tags,
    summary: 'Remove a evidence item',
    permission: 'evidence.manage',
    params: EvidenceItemParamsSchema,
    status: 204,
    audits: ['evidence_item.removed'],
    invalidates,
  }),
};
