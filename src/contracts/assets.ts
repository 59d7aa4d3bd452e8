import { z } from 'zod';
import { NumberCursorSchema } from './pagination';

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
/** Criticality for the applications and data criticality analysis, 164.308(a)(7)(ii)(E). */
export const CRITICALITIES = ['low', 'moderate', 'high', 'critical'] as const;
export const LIFECYCLE_STATUSES = ['planned', 'active', 'retired', 'disposed'] as const;
/** Whether a protection is in place. */
export const PROTECTION_STATES = ['yes', 'partial', 'no', 'unknown', 'not_applicable'] as const;

const Text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `must be at most ${max} characters` });
const Protection = z.enum(PROTECTION_STATES);

export const AssetBodySchema = z.object({
  kind: z.enum(ASSET_KINDS),
  name: Text(200).min(1, { error: 'is required' }),
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
  owner: z.object({ id: z.string(), name: z.string() }).nullable(),
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
