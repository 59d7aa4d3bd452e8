import { z } from 'zod';
import { FlowMapLayoutBodySchema, FlowMapLayoutSchema } from './assets-flow-map';
import { OrgParamsSchema, PersonRef, Required, Text } from './common';
import { NumberCursorSchema } from './pagination';
import { route } from './route';
import { EDITORS, STAFF_READERS, type Grant } from './grants';

/** Names this feature's folders under src/server/features and src/web/features. */
export const feature = 'assets';

/** Who may use what this feature offers (assembled into PERMISSIONS, contracts/permissions.ts). */
export const permissions = {
  // 164.308(a)(1)(ii)(A): the inventory behind the risk analysis.
  'assets.read': STAFF_READERS,
  'assets.manage': EDITORS,
} as const satisfies Record<string, Grant>;

/** What this feature keeps as the written record of 164.316(b)(1) (contracts/records-kept.ts). */
export const recordsKept = [
  'the inventory of the assets that hold or reach ePHI, and the data flows between them',
] as const;

/** The audit actions this feature writes (assembled into AUDIT_ACTIONS, contracts/audit-actions.ts). */
export const auditActions = [
  'asset.created',
  'asset.changed',
  'assets.imported',
  'assets.exported',
  'data_flow.created',
  'data_flow.changed',
  'data_flow.removed',
  'data_flow_map.layout_saved',
] as const;
/** What a person reads for each of this feature's audit actions (the audit log, its export). */
export const auditActionLabels: Record<(typeof auditActions)[number], string> = {
  'asset.created': 'Asset added',
  'asset.changed': 'Asset changed',
  'assets.imported': 'Assets imported',
  'assets.exported': 'Inventory exported',
  'data_flow.created': 'Data flow added',
  'data_flow.changed': 'Data flow changed',
  'data_flow.removed': 'Data flow removed',
  'data_flow_map.layout_saved': 'Data-flow map layout saved',
};

export const ASSET_KINDS = [
  'application',
  'server',
  'workstation',
  'mobile_device',
  'medical_device',
  'network_device',
  'cloud_service',
  'removable_media',
  'facility',
  'workflow',
] as const;
export const ASSET_KIND_LABELS: Record<(typeof ASSET_KINDS)[number], string> = {
  application: 'Application or system',
  server: 'Server',
  workstation: 'Workstation',
  mobile_device: 'Mobile device',
  medical_device: 'Medical device',
  network_device: 'Network device',
  cloud_service: 'Cloud service',
  removable_media: 'Removable media',
  facility: 'Facility or location',
  workflow: 'Workflow or process',
};
/** What the asset does with ePHI (164.308(a)(1)(ii)(A): all ePHI created, received, maintained or transmitted). */
export const EPHI_ROLES = ['creates', 'receives', 'maintains', 'transmits'] as const;
export const EPHI_ROLE_LABELS: Record<(typeof EPHI_ROLES)[number], string> = {
  creates: 'Creates',
  receives: 'Receives',
  maintains: 'Maintains',
  transmits: 'Transmits',
};
/** Criticality for the applications and data criticality analysis, 164.308(a)(7)(ii)(E). */
export const CRITICALITIES = ['low', 'moderate', 'high', 'critical'] as const;
export const CRITICALITY_LABELS: Record<(typeof CRITICALITIES)[number], string> = {
  low: 'Low',
  moderate: 'Moderate',
  high: 'High',
  critical: 'Critical',
};
export const LIFECYCLE_STATUSES = ['planned', 'active', 'retired', 'disposed'] as const;
export const LIFECYCLE_STATUS_LABELS: Record<(typeof LIFECYCLE_STATUSES)[number], string> = {
  planned: 'Planned',
  active: 'In use',
  retired: 'Retired',
  disposed: 'Disposed of',
};
/** Whether a protection is in place. */
export const PROTECTION_STATES = ['yes', 'partial', 'no', 'unknown', 'not_applicable'] as const;
export const PROTECTION_STATE_LABELS: Record<(typeof PROTECTION_STATES)[number], string> = {
  yes: 'Yes',
  partial: 'Partly',
  no: 'No',
  unknown: 'Unknown',
  not_applicable: 'Not applicable',
};

const Protection = z.enum(PROTECTION_STATES);

export const AssetBodySchema = z.object({
  kind: z.enum(ASSET_KINDS),
  name: Required(200),
  description: Text(5000).optional(),
  ownerId: z.uuid({ error: 'must be a member id' }).nullable().optional(),
  location: Text(200).optional(),
  vendor: Text(200).optional(),
  ephiRoles: z.array(z.enum(EPHI_ROLES)).max(4).optional(),
  recordCount: z.number().int().min(0).max(1_000_000_000).nullable().optional(),
  criticality: z.enum(CRITICALITIES).optional(),
  encryptionAtRest: Protection.optional(),
  encryptionInTransit: Protection.optional(),
  mfa: Protection.optional(),
  backup: Protection.optional(),
  lifecycle: z.enum(LIFECYCLE_STATUSES).optional(),
});
export type AssetBody = z.infer<typeof AssetBodySchema>;

export const AssetUpdateBodySchema = AssetBodySchema.partial();
export type AssetUpdateBody = z.infer<typeof AssetUpdateBodySchema>;

export const AssetSchema = z.object({
  id: z.string(),
  reference: z.string().describe('ASSET-n, per organization'),
  kind: z.enum(ASSET_KINDS),
  name: z.string(),
  description: z.string(),
  owner: PersonRef.nullable(),
  location: z.string(),
  vendor: z.string(),
  ephiRoles: z.array(z.enum(EPHI_ROLES)),
  holdsEphi: z.boolean(),
  recordCount: z.number().int().nullable(),
  criticality: z.enum(CRITICALITIES),
  encryptionAtRest: Protection,
  encryptionInTransit: Protection,
  mfa: Protection,
  backup: Protection,
  lifecycle: z.enum(LIFECYCLE_STATUSES),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Asset = z.infer<typeof AssetSchema>;

export const AssetListSchema = z.object({
  data: z.array(AssetSchema),
  nextCursor: z.string().nullable(),
});
export type AssetList = z.infer<typeof AssetListSchema>;

export const AssetQuerySchema = z.object({
  q: z
    .string()
    .trim()
    .max(200)
    .optional()
    .describe('Words in name, description, location or vendor'),
  kind: z.enum(ASSET_KINDS).optional(),
  criticality: z.enum(CRITICALITIES).optional(),
  lifecycle: z.enum(LIFECYCLE_STATUSES).optional(),
  ephi: z
    .enum(['true', 'false'])
    .optional()
    .describe('Only assets that do (or do not) handle ePHI'),
  ownerId: z.union([z.uuid(), z.literal('none')]).optional(),
  cursor: NumberCursorSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AssetQuery = z.infer<typeof AssetQuerySchema>;

/** Columns of an asset import (CSV or XLSX), in the order of the template. */
export const ASSET_IMPORT_COLUMNS = [
  'kind',
  'name',
  'description',
  'owner_email',
  'location',
  'vendor',
  'ephi_roles',
  'record_count',
  'criticality',
  'encryption_at_rest',
  'encryption_in_transit',
  'mfa',
  'backup',
  'lifecycle',
] as const;

export const ImportProblemSchema = z.object({
  row: z.number().int().describe('Data row, 1 = the first row after the header'),
  line: z.number().int().describe('Line in the file (the header is line 1)'),
  field: z.string(),
  message: z.string(),
});

export const AssetImportResultSchema = z.object({
  rows: z.number().int(),
  valid: z.boolean(),
  problems: z.array(ImportProblemSchema).describe('At most 100, in file order'),
  preview: z.array(
    AssetBodySchema.omit({ ownerId: true }).extend({ ownerEmail: z.string().nullable() }),
  ),
  imported: z.number().int().describe('Assets written (0 for a preview or a refused file)'),
});

export const AssetImportQuerySchema = z.object({
  mode: z.enum(['preview', 'commit']).default('preview'),
});

/** The file types an asset import reads, sent as the request body. */
export const ASSET_IMPORT_TYPES = [
  'text/csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
] as const;

// ---------- data flows ----------

export const FLOW_ENCRYPTION = ['yes', 'no', 'unknown'] as const;
export const FLOW_ENCRYPTION_LABELS: Record<(typeof FLOW_ENCRYPTION)[number], string> = {
  yes: 'Encrypted',
  no: 'Not encrypted',
  unknown: 'Unknown',
};
export const DataFlowBodySchema = z.object({
  fromAssetId: z.uuid({ error: 'must be an asset id' }),
  toAssetId: z.uuid({ error: 'must be an asset id' }),
  ephi: Text(500).optional().describe('What ePHI moves; empty when none'),
  protocol: Text(100).optional(),
  encrypted: z.enum(FLOW_ENCRYPTION).optional(),
  external: z.boolean().optional().describe("Crosses the organization's boundary"),
});
export type DataFlowBody = z.infer<typeof DataFlowBodySchema>;
export const DataFlowUpdateBodySchema = DataFlowBodySchema.partial();
export type DataFlowUpdateBody = z.infer<typeof DataFlowUpdateBodySchema>;
/** An asset named in another record: id, ASSET-n and name. */
export const AssetRef = z.object({ id: z.string(), reference: z.string(), name: z.string() });
export const DataFlowSchema = z.object({
  id: z.string(),
  reference: z.string().describe('FLOW-n'),
  from: AssetRef,
  to: AssetRef,
  ephi: z.string(),
  protocol: z.string(),
  encrypted: z.enum(FLOW_ENCRYPTION),
  external: z.boolean(),
  exposed: z.boolean().describe('ePHI leaving the organization without encryption'),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type DataFlow = z.infer<typeof DataFlowSchema>;
export const DataFlowListSchema = z.object({ data: z.array(DataFlowSchema) });

// ---------- routes ----------

const tags = ['assets'];
const flowTags = ['data flows'];
const AssetParamsSchema = OrgParamsSchema.extend({ assetId: z.uuid() });
const FlowParamsSchema = OrgParamsSchema.extend({ flowId: z.uuid() });
// Assets are scored by the risk register, drawn in assessments' snapshots and proposed by their
// guided path; an asset with ePHI raises a task ("update the risk analysis") on the dashboard.
const invalidates = ['risks', 'risk-assessments', 'tasks', 'dashboard'];
const exported = (format: 'csv' | 'xlsx') =>
  route({
    method: 'GET',
    path: `/api/orgs/:orgId/assets/export.${format}`,
    tags,
    summary: `The inventory as ${format.toUpperCase()}, in the import's columns (audited)`,
    permission: 'assets.read',
    params: OrgParamsSchema,
    file: true,
    audits: ['assets.exported'],
  });

/** The asset inventory and its data flows: where ePHI is and how it moves (164.308(a)(1)(ii)(A)). */
export const assetRoutes = {
  list: route({
    method: 'GET',
    path: '/api/orgs/:orgId/assets',
    tags,
    summary: 'The asset inventory, filtered and paged',
    permission: 'assets.read',
    params: OrgParamsSchema,
    query: AssetQuerySchema,
    response: AssetListSchema,
  }),
  create: route({
    method: 'POST',
    path: '/api/orgs/:orgId/assets',
    tags,
    summary: 'Add an asset',
    permission: 'assets.manage',
    params: OrgParamsSchema,
    body: AssetBodySchema,
    status: 201,
    response: AssetSchema,
    // An asset with ePHI records a significant change, which opens a task to update the analysis.
    audits: ['asset.created', 'risk_analysis.change_recorded', 'task.created', 'link.created'],
    example: () => ({
      kind: 'medical_device',
      name: 'Ultrasound unit (exam room 2)',
      vendor: 'Imaging vendor',
      location: 'Main office, exam room 2',
      ephiRoles: ['creates', 'maintains'],
      recordCount: 1200,
      criticality: 'high',
      encryptionAtRest: 'no',
    }),
    invalidates,
  }),
  exportCsv: exported('csv'),
  exportXlsx: exported('xlsx'),
  import: route({
    method: 'POST',
    path: '/api/orgs/:orgId/assets/import',
    tags,
    summary: 'Import assets from CSV or XLSX: preview, or commit all rows or none',
    description: `Send the file as the body with content-type text/csv or ${ASSET_IMPORT_TYPES[1]}. Columns: see the README.`,
    permission: 'assets.manage',
    params: OrgParamsSchema,
    query: AssetImportQuerySchema,
    exampleQuery: { mode: 'commit' },
    upload: true,
    response: AssetImportResultSchema,
    // Written by ?mode=commit only; a preview writes nothing.
    audits: ['assets.imported', 'risk_analysis.change_recorded', 'task.created', 'link.created'],
    example: () =>
      'kind,name,location,ephi_roles,criticality\n' +
      'workstation,Nurse station PC (exam room 3),Main office,maintains,high\n' +
      'mobile_device,On-call phone (Dr. Patel),Eastside office,receives;transmits,moderate\n',
    invalidates,
  }),
  get: route({
    method: 'GET',
    path: '/api/orgs/:orgId/assets/:assetId',
    tags,
    summary: 'One asset',
    permission: 'assets.read',
    params: AssetParamsSchema,
    response: AssetSchema,
  }),
  update: route({
    method: 'PATCH',
    path: '/api/orgs/:orgId/assets/:assetId',
    tags,
    summary: 'Change an asset',
    permission: 'assets.manage',
    params: AssetParamsSchema,
    body: AssetUpdateBodySchema,
    response: AssetSchema,
    audits: ['asset.changed'],
    example: () => ({ mfa: 'yes', backup: 'yes', criticality: 'critical' }),
    invalidates,
  }),
  listFlows: route({
    method: 'GET',
    path: '/api/orgs/:orgId/data-flows',
    tags: flowTags,
    summary: 'Every data flow',
    permission: 'assets.read',
    params: OrgParamsSchema,
    response: DataFlowListSchema,
  }),
  createFlow: route({
    method: 'POST',
    path: '/api/orgs/:orgId/data-flows',
    tags: flowTags,
    summary: 'Add a data flow',
    permission: 'assets.manage',
    params: OrgParamsSchema,
    body: DataFlowBodySchema,
    status: 201,
    response: DataFlowSchema,
    audits: ['data_flow.created'],
    example: (id) => ({
      fromAssetId: id('assetId', 0),
      toAssetId: id('assetId', 1),
      ephi: 'Referral letters with diagnoses',
      protocol: 'Direct secure messaging',
      encrypted: 'yes',
      external: true,
    }),
    invalidates,
  }),
  updateFlow: route({
    method: 'PATCH',
    path: '/api/orgs/:orgId/data-flows/:flowId',
    tags: flowTags,
    summary: 'Change a data flow',
    permission: 'assets.manage',
    params: FlowParamsSchema,
    body: DataFlowUpdateBodySchema,
    response: DataFlowSchema,
    audits: ['data_flow.changed'],
    example: () => ({ protocol: 'SFTP over a site-to-site VPN', encrypted: 'yes' }),
    invalidates,
  }),
  removeFlow: route({
    method: 'DELETE',
    path: '/api/orgs/:orgId/data-flows/:flowId',
    tags: flowTags,
    summary: 'Remove a data flow',
    permission: 'assets.manage',
    params: FlowParamsSchema,
    status: 204,
    audits: ['data_flow.removed'],
    invalidates,
  }),
  getFlowMapLayout: route({
    method: 'GET',
    path: '/api/orgs/:orgId/data-flow-map/layout',
    tags: flowTags,
    summary: "Where the data-flow map's assets were placed by hand",
    permission: 'assets.read',
    params: OrgParamsSchema,
    response: FlowMapLayoutSchema,
  }),
  saveFlowMapLayout: route({
    method: 'PUT',
    path: '/api/orgs/:orgId/data-flow-map/layout',
    tags: flowTags,
    summary: "Save the data-flow map's layout (one for the organization)",
    permission: 'assets.manage',
    params: OrgParamsSchema,
    body: FlowMapLayoutBodySchema,
    response: FlowMapLayoutSchema,
    audits: ['data_flow_map.layout_saved'],
    example: (id) => ({ positions: [{ assetId: id('assetId', 0), x: 240, y: 120 }] }),
  }),
};
