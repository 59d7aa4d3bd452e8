import { z } from 'zod';
import { Line, OrgParamsSchema } from './common';
import { route } from './route';
import { EDITORS, type Grant } from './grants';

/** Names this feature's folders under src/server/features and src/web/features. */
export const feature = 'links';

/** Who may use what this feature offers (assembled into PERMISSIONS, contracts/permissions.ts). */
export const permissions = {
  'links.manage': EDITORS,
} as const satisfies Record<string, Grant>;

/** What this feature keeps as the written record of 164.316(b)(1) (contracts/records-kept.ts). */
export const recordsKept = ['the evidence linked to each requirement, risk or task'] as const;

/** The audit actions this feature writes (assembled into AUDIT_ACTIONS, contracts/audit-actions.ts). */
export const auditActions = ['link.created', 'link.removed'] as const;
/** What a person reads for each of this feature's audit actions (the audit log, its export). */
export const auditActionLabels: Record<(typeof auditActions)[number], string> = {
  'link.created': 'Link added',
  'link.removed': 'Link removed',
};

/** Record types a link may join; later features add theirs here (policy, risk, evidence…). */
export const LINK_TYPES = [
  'safeguard',
  'task',
  'url',
  'risk',
  'risk_assessment',
  // An approved assessment's stored report, addressed by the assessment's id.
  'risk_report',
  'asset',
  // A policy or procedure (the documents feature), addressed by the document's id.
  'document',
  'evidence',
  // A person's training for one assignment and cycle (the training feature).
  'training',
  // A security incident (the incidents feature), addressed by its id.
  'incident',
  // A security reminder (the security-reminders feature), addressed by its id.
  'security_reminder',
] as const;
export type LinkType = (typeof LINK_TYPES)[number];
export const LINK_TYPE_LABELS: Record<LinkType, string> = {
  safeguard: 'Safeguard',
  task: 'Task',
  url: 'Web address',
  risk: 'Risk',
  risk_assessment: 'Risk assessment',
  risk_report: 'Risk analysis report',
  asset: 'Asset',
  document: 'Policy',
  evidence: 'Evidence',
  training: 'Training',
  incident: 'Incident',
  security_reminder: 'Security reminder',
};

export const LinkEndSchema = z.object({
  type: z.enum(LINK_TYPES),
  id: z
    .string()
    .trim()
    .min(1, { error: 'is required' })
    .max(2000)
    .describe(
      'A citation for safeguard, or the id of a task, risk, asset, policy or evidence item; url (a web address) is refused since addresses became evidence items',
    ),
});
export type LinkEnd = z.infer<typeof LinkEndSchema>;

export const LinkSchema = z.object({
  id: z.string(),
  type: z.enum(LINK_TYPES).describe('Type of the other record'),
  targetId: z.string(),
  label: z.string().describe('What the other record is, readable'),
  createdAt: z.iso.datetime(),
});
export type Link = z.infer<typeof LinkSchema>;

export const LinkBodySchema = z.object({
  from: LinkEndSchema,
  to: LinkEndSchema,
  label: Line(200).optional(),
});

export const LinkCreatedSchema = z.object({ id: z.string() });

// ---------- routes ----------

const tags = ['links'];
// Links show on safeguard records, tasks, risks (their controls), the risks of assessments and
// the evidence item's own page.
const invalidates = ['safeguards', 'tasks', 'risks', 'risk-assessments', 'documents', 'evidence'];

/** Links between records: evidence for a safeguard, the records a task or risk is about. */
export const linkRoutes = {
  create: route({
    method: 'POST',
    path: '/api/orgs/:orgId/links',
    tags,
    summary:
      'Link two records (a safeguard and a task, a record and its evidence…); a web address is recorded as evidence first',
    permission: 'links.manage',
    params: OrgParamsSchema,
    body: LinkBodySchema,
    status: 201,
    response: LinkCreatedSchema,
    audits: ['link.created'],
    example: (id) => ({
      from: { type: 'safeguard', id: '164.308(a)(6)(ii)' },
      to: { type: 'evidence', id: id('evidenceItemId') },
      label: 'Security incident log, front desk and EHR',
    }),
    invalidates,
  }),
  remove: route({
    method: 'DELETE',
    path: '/api/orgs/:orgId/links/:linkId',
    tags,
    summary: 'Remove a link',
    permission: 'links.manage',
    params: OrgParamsSchema.extend({ linkId: z.uuid() }),
    status: 204,
    audits: ['link.removed'],
    invalidates,
  }),
};
