import { z } from 'zod';
import { AssetRef } from './assets';
import { DateOnly, OrgParamsSchema, PersonRef, Text, Title } from './common';
import { NumberCursorSchema } from './pagination';
import { LinkSchema } from './links';
import {
  Citation,
  LevelSchema,
  LibraryItemBodySchema,
  MatrixBodySchema,
  OrganizationLibrarySchema,
  OrganizationMatrixSchema,
  RiskMatrixListSchema,
  RiskMatrixSchema,
  ScalePoint,
  ThreatLibrarySchema,
} from './risk-library';
import { route } from './route';
import { ADMINS, EDITORS, STAFF_READERS, type Grant } from './grants';

/** Names this feature's folders under src/server/features and src/web/features. */
export const feature = 'risks';

/** Who may use what this feature offers (assembled into PERMISSIONS, contracts/permissions.ts). */
export const permissions = {
  // 164.308(a)(1)(ii)(A)–(B): the risk analysis and the risk register (risk assessments too).
  'risks.read': STAFF_READERS,
  'risks.manage': EDITORS,
  // Approving an assessment, or changing the matrix it is rated on, is the security official's call.
  'risks.approve': [...ADMINS, 'security_officer'],
} as const satisfies Record<string, Grant>;

// Held by a signed-in person only, never an API token: it is a person's own act (design.md §6.2).
export const personOnly = [
  'risks.approve',
] as const satisfies readonly (keyof typeof permissions)[];

/** What this feature keeps as the written record of 164.316(b)(1) (contracts/records-kept.ts). */
export const recordsKept = [
  'each risk of the register with its rating and treatment, and who accepted it',
] as const;

/** The audit actions this feature writes (assembled into AUDIT_ACTIONS, contracts/audit-actions.ts). */
export const auditActions = [
  'risk_library.item_added',
  'risk_matrix.changed',
  'risk.created',
  'risk.changed',
  'risk.accepted',
  'risk.acceptance_withdrawn',
  'risks.exported',
] as const;
/** What a person reads for each of this feature's audit actions (the audit log, its export). */
export const auditActionLabels: Record<(typeof auditActions)[number], string> = {
  'risk_library.item_added': 'Threat or vulnerability added to the library',
  'risk_matrix.changed': 'Risk matrix changed',
  'risk.created': 'Risk added',
  'risk.changed': 'Risk changed',
  'risk.accepted': 'Risk accepted',
  'risk.acceptance_withdrawn': 'Risk acceptance withdrawn',
  'risks.exported': 'Risk register exported',
};

// ---------- risks ----------

export const RISK_STATUSES = ['open', 'closed'] as const;
export const RISK_STATUS_LABELS: Record<(typeof RISK_STATUSES)[number], string> = {
  open: 'Open',
  closed: 'Closed',
};
export const TREATMENTS = ['mitigate', 'accept', 'transfer', 'avoid'] as const;
export const TREATMENT_LABELS: Record<(typeof TREATMENTS)[number], string> = {
  mitigate: 'Mitigate',
  accept: 'Accept',
  transfer: 'Transfer',
  avoid: 'Avoid',
};
const ScaleIndex = z.number().int().min(0).max(6).nullable();
/** A field a client may no longer set: only null (nothing) passes, anything else gets `message`. */
const NoApproval = (message: string) => z.null({ error: message });

export const RiskBodySchema = z.object({
  title: Title(200),
  description: Text(5000).optional(),
  status: z.enum(RISK_STATUSES).optional(),
  ownerId: z.uuid({ error: 'must be a member id' }).nullable().optional(),
  assetIds: z
    .array(z.uuid({ error: 'must be an asset id' }))
    .max(50)
    .optional(),
  threatId: z.string().max(40).nullable().optional(),
  vulnerabilityId: z.string().max(40).nullable().optional(),
  controls: z
    .array(Citation)
    .max(40)
    .optional()
    .describe('Existing controls: citations of safeguard records'),
  likelihood: ScaleIndex.optional().describe('Index into the matrix likelihood scale'),
  impact: ScaleIndex.optional().describe('Index into the matrix impact scale'),
  ratingRationale: Text(5000).optional(),
  treatment: z.enum(TREATMENTS).nullable().optional(),
  treatmentPlan: Text(5000).optional(),
  residualLikelihood: ScaleIndex.optional(),
  residualImpact: ScaleIndex.optional(),
  residualRationale: Text(5000).optional(),
  // Who approved is who acted (design.md §6.2): a risk's editor names no approver; an approver
  // accepts with PUT …/risks/{riskId}/acceptance, which records that request's own actor.
  acceptedBy: NoApproval('cannot be named here: an approver accepts the risk themselves')
    .optional()
    .describe('Refused unless null: use PUT /api/orgs/{orgId}/risks/{riskId}/acceptance'),
  acceptanceExpiresOn: NoApproval('is set by the approver when accepting the risk')
    .optional()
    .describe('Refused unless null: use PUT /api/orgs/{orgId}/risks/{riskId}/acceptance'),
  identifiedOn: DateOnly.optional(),
  lastReviewedOn: DateOnly.nullable().optional(),
  nextReviewOn: DateOnly.nullable().optional(),
});
export type RiskBody = z.infer<typeof RiskBodySchema>;
export const RiskUpdateBodySchema = RiskBodySchema.partial();
export type RiskUpdateBody = z.infer<typeof RiskUpdateBodySchema>;

export const RiskSchema = z.object({
  id: z.string(),
  reference: z.string().describe('RISK-n'),
  title: z.string(),
  description: z.string(),
  status: z.enum(RISK_STATUSES),
  owner: PersonRef.nullable(),
  assets: z.array(AssetRef),
  threat: z.object({ id: z.string(), title: z.string() }).nullable(),
  vulnerability: z.object({ id: z.string(), title: z.string() }).nullable(),
  controls: z.array(z.object({ citation: z.string(), title: z.string() })),
  likelihood: ScalePoint.nullable(),
  impact: ScalePoint.nullable(),
  inherentLevel: LevelSchema.nullable(),
  ratingRationale: z.string(),
  treatment: z.enum(TREATMENTS).nullable(),
  treatmentPlan: z.string(),
  planTasks: z.array(
    z.object({ id: z.string(), reference: z.string(), title: z.string(), status: z.string() }),
  ),
  residualLikelihood: ScalePoint.nullable(),
  residualImpact: ScalePoint.nullable(),
  residualLevel: LevelSchema.nullable(),
  residualRationale: z.string(),
  acceptance: z
    .object({ approver: PersonRef, acceptedOn: z.string(), expiresOn: z.string() })
    .nullable()
    .describe(
      'Who accepted the risk (the actor of the acceptance), when, and until when; null while an accept treatment awaits its approver',
    ),
  identifiedOn: z.string(),
  lastReviewedOn: z.string().nullable(),
  nextReviewOn: z.string().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Risk = z.infer<typeof RiskSchema>;
/** One risk with every record linked to it (its evidence among them). */
export const RiskDetailSchema = RiskSchema.extend({ links: z.array(LinkSchema) });
export type RiskDetail = z.infer<typeof RiskDetailSchema>;
export const RiskListSchema = z.object({
  data: z.array(RiskSchema),
  nextCursor: z.string().nullable(),
});

export const RiskQuerySchema = z.object({
  q: z.string().trim().max(200).optional().describe('Words in title or description'),
  status: z.enum(RISK_STATUSES).optional(),
  level: z.coerce.number().int().min(0).max(6).optional().describe('Inherent level index'),
  residualLevel: z.coerce.number().int().min(0).max(6).optional(),
  treatment: z.enum([...TREATMENTS, 'none']).optional(),
  assetId: z.uuid().optional(),
  ownerId: z.union([z.uuid(), z.literal('none')]).optional(),
  cursor: NumberCursorSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type RiskQuery = z.infer<typeof RiskQuerySchema>;

/** True when the treatment is "accept" but no approver has accepted the risk yet. */
export function acceptancePending(risk: Pick<Risk, 'treatment' | 'acceptance'>): boolean {
  return risk.treatment === 'accept' && !risk.acceptance;
}

/** An approver accepts a risk: the request's own actor is recorded, with today's date. */
export const RiskAcceptanceBodySchema = z.object({
  expiresOn: DateOnly.describe('The acceptance lapses on this date (after today)'),
});
export type RiskAcceptanceBody = z.infer<typeof RiskAcceptanceBodySchema>;

export const RiskPlanTaskBodySchema = z.object({
  title: Title(200),
  ownerId: z.uuid({ error: 'must be a member id' }).nullable().optional(),
  dueOn: DateOnly.nullable().optional(),
});
export type RiskPlanTaskBody = z.infer<typeof RiskPlanTaskBodySchema>;

/** Open risks counted per matrix cell: counts[likelihood][impact]. */
export const HeatMapSchema = z.object({
  matrix: RiskMatrixSchema,
  inherent: z.array(z.array(z.number().int())),
  residual: z.array(z.array(z.number().int())),
  unrated: z.number().int(),
});
export type HeatMap = z.infer<typeof HeatMapSchema>;

// ---------- routes ----------

const tags = ['risks'];
const RiskParamsSchema = OrgParamsSchema.extend({ riskId: z.uuid() });
// A risk shows in the heat maps, the assessments (guided path, changes) and the dashboard; its
// plan and acceptance are tasks; its controls are links on safeguard records.
const invalidates = ['risk-assessments', 'tasks', 'dashboard', 'safeguards'];
const exported = (format: 'csv' | 'xlsx') =>
  route({
    method: 'GET',
    path: `/api/orgs/:orgId/risks/export.${format}`,
    tags,
    summary: `The register as ${format.toUpperCase()} (audited)`,
    permission: 'risks.read',
    params: OrgParamsSchema,
    file: true,
    audits: ['risks.exported'],
  });
// The clinic's own wording on SP 800-30's 5×5 (Table I-2): the size of the scales risks are rated on.
const exampleMatrix = {
  id: 'riverside-5x5',
  name: 'Riverside 5×5 (SP 800-30 Table I-2, clinic wording)',
  likelihood: ['Rare', 'Unlikely', 'Possible', 'Likely', 'Almost certain'],
  impact: ['Negligible', 'Minor', 'Moderate', 'Major', 'Severe'],
  levels: [
    { label: 'Very Low', color: '#2f9e44' },
    { label: 'Low', color: '#94d82d' },
    { label: 'Moderate', color: '#fab005' },
    { label: 'High', color: '#f76707' },
    { label: 'Very High', color: '#e03131' },
  ],
  cells: [
    [0, 0, 0, 1, 1],
    [0, 1, 1, 1, 2],
    [0, 1, 2, 2, 3],
    [0, 1, 2, 3, 4],
    [0, 1, 2, 3, 4],
  ],
};

/** The risk register (164.308(a)(1)(ii)(B)), the organization's matrix and its own library. */
export const riskRoutes = {
  list: route({
    method: 'GET',
    path: '/api/orgs/:orgId/risks',
    tags,
    summary: 'The risk register, filtered and paged',
    permission: 'risks.read',
    params: OrgParamsSchema,
    query: RiskQuerySchema,
    response: RiskListSchema,
  }),
  create: route({
    method: 'POST',
    path: '/api/orgs/:orgId/risks',
    tags,
    summary: 'Add a risk',
    permission: 'risks.manage',
    params: OrgParamsSchema,
    body: RiskBodySchema,
    status: 201,
    response: RiskSchema,
    // Controls are links to safeguard records; the treatment "accept" raises a task for approvers.
    audits: ['risk.created', 'link.created', 'task.created'],
    example: (id) => ({
      title: 'Lost or stolen physician laptop exposes clinical notes',
      assetIds: [id('assetId')],
      controls: ['164.312(a)(2)(iv)'],
      likelihood: 2,
      impact: 3,
      ratingRationale: 'Laptops travel between offices; disks are encrypted but not every one.',
      treatment: 'mitigate',
      treatmentPlan: 'Enforce BitLocker on every laptop through Intune.',
    }),
    invalidates,
  }),
  exportCsv: exported('csv'),
  exportXlsx: exported('xlsx'),
  get: route({
    method: 'GET',
    path: '/api/orgs/:orgId/risks/:riskId',
    tags,
    summary: 'One risk, with the records linked to it (controls, tasks, evidence)',
    permission: 'risks.read',
    params: RiskParamsSchema,
    response: RiskDetailSchema,
  }),
  update: route({
    method: 'PATCH',
    path: '/api/orgs/:orgId/risks/:riskId',
    tags,
    summary:
      'Change a risk: rating, treatment, review. Setting the treatment "accept" asks an approver (pending)',
    permission: 'risks.manage',
    params: RiskParamsSchema,
    body: RiskUpdateBodySchema,
    response: RiskSchema,
    audits: ['risk.changed', 'link.created', 'link.removed', 'task.created', 'task.changed'],
    example: () => ({
      treatmentPlan: 'Turn on MFA in the EHR for every clinician; review the access log monthly.',
      nextReviewOn: '2027-06-30',
    }),
    invalidates,
  }),
  // Who approved is who acted (design.md §6.2): the acceptance records this request's own person,
  // whose acting role must hold risks.approve (a token's scope included); tokens cannot accept.
  accept: route({
    method: 'PUT',
    path: '/api/orgs/:orgId/risks/:riskId/acceptance',
    tags,
    summary: 'Accept the risk yourself: you are recorded as its approver, today, until expiresOn',
    permission: 'risks.approve',
    params: RiskParamsSchema,
    body: RiskAcceptanceBodySchema,
    response: RiskSchema,
    // A pending acceptance's task is completed.
    audits: ['risk.accepted', 'task.completed'],
    example: () => ({ expiresOn: '2027-12-31' }),
    invalidates,
  }),
  withdrawAcceptance: route({
    method: 'DELETE',
    path: '/api/orgs/:orgId/risks/:riskId/acceptance',
    tags,
    summary: 'Withdraw an acceptance, or decline a pending one; the risk is left untreated',
    permission: 'risks.approve',
    params: RiskParamsSchema,
    response: RiskSchema,
    // A pending acceptance's task is cancelled.
    audits: ['risk.acceptance_withdrawn', 'task.changed'],
    invalidates,
  }),
  addPlanTask: route({
    method: 'POST',
    path: '/api/orgs/:orgId/risks/:riskId/tasks',
    tags,
    summary: "Add a task to the risk's treatment plan",
    permission: 'risks.manage',
    params: RiskParamsSchema,
    body: RiskPlanTaskBodySchema,
    status: 201,
    response: RiskSchema,
    audits: ['task.created', 'link.created'],
    example: () => ({ title: 'Replace the unsupported imaging workstation', dueOn: '2027-03-31' }),
    invalidates,
  }),
  getMatrix: route({
    method: 'GET',
    path: '/api/orgs/:orgId/risk-matrix',
    tags,
    summary: "The organization's risk matrix, and the shipped presets",
    permission: 'risks.read',
    params: OrgParamsSchema,
    response: OrganizationMatrixSchema,
  }),
  setMatrix: route({
    method: 'PUT',
    path: '/api/orgs/:orgId/risk-matrix',
    tags,
    summary: 'Set the risk matrix: size, labels, levels, colours and cells',
    permission: 'risks.approve',
    params: OrgParamsSchema,
    body: MatrixBodySchema,
    response: OrganizationMatrixSchema,
    audits: ['risk_matrix.changed'],
    example: () => ({ matrix: exampleMatrix }),
    invalidates,
  }),
  getLibrary: route({
    method: 'GET',
    path: '/api/orgs/:orgId/risk-library',
    tags,
    summary: "Threats and vulnerabilities: the shipped library and the organization's own",
    permission: 'risks.read',
    params: OrgParamsSchema,
    response: OrganizationLibrarySchema,
  }),
  addLibraryItem: route({
    method: 'POST',
    path: '/api/orgs/:orgId/risk-library',
    tags,
    summary: 'Add a threat or vulnerability of your own',
    permission: 'risks.manage',
    params: OrgParamsSchema,
    body: LibraryItemBodySchema,
    status: 201,
    response: OrganizationLibrarySchema,
    audits: ['risk_library.item_added'],
    example: () => ({
      kind: 'threat',
      title: 'Imaging vendor remote support session misused',
      description: 'The vendor connects to the X-ray workstation over an always-on remote tool.',
      sourceType: 'adversarial',
    }),
    // The guided path of assessments proposes the library's threats.
    invalidates: ['risk-assessments'],
  }),
  matrices: route({
    method: 'GET',
    path: '/api/catalog/risk-matrices',
    tags: ['risk library'],
    summary: 'Risk matrices: NIST SP 800-30 5×5 (the default), 4×4 and 3×3',
    permission: 'catalog.read',
    response: RiskMatrixListSchema,
  }),
  threats: route({
    method: 'GET',
    path: '/api/catalog/threats',
    tags: ['risk library'],
    summary:
      'Threat sources and events, and vulnerabilities with the requirements that address them',
    permission: 'catalog.read',
    response: ThreatLibrarySchema,
  }),
};
