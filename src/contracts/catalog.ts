import { z } from 'zod';
import { route } from './route';
import type { Grant } from './grants';

/** Names this feature's folders under src/server/features and src/web/features. */
export const feature = 'catalog';

/** Who may use what this feature offers (assembled into PERMISSIONS, contracts/permissions.ts). */
export const permissions = {
  // The regulation catalog is public knowledge, but the app serves it to signed-in people only.
  'catalog.read': 'authenticated',
} as const satisfies Record<string, Grant>;

/** The audit actions this feature writes (assembled into AUDIT_ACTIONS, contracts/audit-actions.ts). */
export const auditActions = [] as const;
// No actions: a label map typed by them once there are some (test/labels.test.ts checks).
export const auditActionLabels: Readonly<Record<string, never>> = {};

export const SAFEGUARD_CATEGORIES = [
  'administrative',
  'physical',
  'technical',
  'organizational',
  'documentation',
] as const;
export type SafeguardCategory = (typeof SAFEGUARD_CATEGORIES)[number];

export const SAFEGUARD_CATEGORY_LABELS: Record<SafeguardCategory, string> = {
  administrative: 'Administrative safeguards (164.308)',
  physical: 'Physical safeguards (164.310)',
  technical: 'Technical safeguards (164.312)',
  organizational: 'Organizational requirements (164.314)',
  documentation: 'Policies, procedures and documentation (164.316)',
};

/** Conditions under which the rule lets an organization mark a requirement not applicable. */
export const NOT_APPLICABLE_CONDITIONS = ['no_clearinghouse', 'no_group_health_plan'] as const;
export type NotApplicableCondition = (typeof NOT_APPLICABLE_CONDITIONS)[number];
export const NOT_APPLICABLE_CONDITION_LABELS: Record<NotApplicableCondition, string> = {
  no_clearinghouse: 'The organization includes no health care clearinghouse',
  no_group_health_plan: 'The organization includes no group health plan',
};

const Citation = z
  .string()
  .regex(/^164\.3\d\d(\([a-zA-Z0-9]+\))+$/, { error: 'is not a citation' });

export const KeyActivitySchema = z.object({
  title: z.string(),
  specifications: z.array(Citation).describe('Implementation specifications the activity serves'),
});

export const RequirementSchema = z.object({
  id: Citation.describe('Exact citation in 45 CFR, e.g. 164.308(a)(1)(ii)(A)'),
  kind: z.enum(['standard', 'implementation_specification']),
  parent: Citation.nullable().describe('The standard of an implementation specification'),
  title: z.string(),
  safeguard: z.enum(SAFEGUARD_CATEGORIES),
  designation: z
    .enum(['required', 'addressable'])
    .nullable()
    .describe(
      'Specifications carry the designation the rule gives them; a standard with no separate specification is itself required; a standard with specifications has none of its own (null)',
    ),
  summary: z.string(),
  guidance: z.string(),
  aliases: z.array(z.string()).optional().describe('Older or NIST CPRT citations of the same item'),
  selfSpecified: z
    .boolean()
    .optional()
    .describe('A standard with no separate implementation specification'),
  notApplicableWhen: z.enum(NOT_APPLICABLE_CONDITIONS).optional(),
  keyActivities: z.array(KeyActivitySchema).optional().describe('NIST SP 800-66r2, per standard'),
  mappings: z
    .object({ nistSp80053r5: z.array(z.string()), nistCsf11: z.array(z.string()) })
    .optional(),
});
export type Requirement = z.infer<typeof RequirementSchema>;
export type Designation = NonNullable<Requirement['designation']>;

export const DESIGNATION_LABELS: Record<Designation, string> = {
  required: 'Required',
  addressable: 'Addressable',
};

/**
 * What the rule designates a requirement (Appendix A's "(R)"/"(A)"): a specification's own, a
 * self-specified standard's "Required", and nothing for a standard with specifications ("").
 */
export function designationLabel(requirement: Pick<Requirement, 'designation'>): string {
  return requirement.designation ? DESIGNATION_LABELS[requirement.designation] : '';
}

export const CatalogSchema = z.object({
  id: z.string(),
  version: z.string(),
  title: z.string(),
  sources: z.array(z.string()),
  requirements: z.array(RequirementSchema),
});
export type Catalog = z.infer<typeof CatalogSchema>;

export const RequirementListSchema = z.object({
  version: z.string(),
  data: z.array(RequirementSchema),
});

export const RequirementQuerySchema = z.object({
  q: z.string().trim().max(200).optional().describe('Words to find in citation, title or text'),
  safeguard: z.enum(SAFEGUARD_CATEGORIES).optional(),
  designation: z.enum(['required', 'addressable']).optional(),
  kind: z.enum(['standard', 'implementation_specification']).optional(),
});
export type RequirementQuery = z.infer<typeof RequirementQuerySchema>;

/**
 * How readiness for a rule-profile item is judged from the organization's records. An item is met
 * only on evidence that fits it:
 * - `requirements_implemented`: the requirements are the item (an addressable one only as
 *   specified: an alternative to encryption is not encryption);
 * - `addressable_as_specified`: every addressable specification implemented as specified;
 * - `records`: the organization's own records show it (`records`);
 * - `not_recorded`: Custos keeps no record that would show it; the requirements are only its
 *   foundation, so it is partly met at best, and the gaps say what is not recorded.
 */
export const PROFILE_CHECKS = [
  'requirements_implemented',
  'addressable_as_specified',
  'records',
  'not_recorded',
] as const;
export const PROFILE_CHECK_LABELS: Record<(typeof PROFILE_CHECKS)[number], string> = {
  requirements_implemented: 'The requirements are implemented',
  addressable_as_specified: 'Addressable specifications are implemented as specified',
  records: 'Your records show it',
  not_recorded: 'Not shown by any record Custos keeps',
};

/** Records that show a proposed change: the inventory, the data-flow map, an approved analysis. */
export const PROFILE_RECORDS = [
  'asset_inventory',
  'data_flow_map',
  'approved_risk_analysis',
] as const;
export const PROFILE_RECORD_LABELS: Record<(typeof PROFILE_RECORDS)[number], string> = {
  asset_inventory: 'The asset inventory',
  data_flow_map: 'The data-flow map',
  approved_risk_analysis: 'An approved risk assessment',
};

const ProfileItemBase = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string(),
  summary: z.string(),
  requirements: z.array(Citation).describe('In-force requirements the change builds on'),
  toCheck: z
    .string()
    .optional()
    .describe('Set when the item is not sourced yet: what to check against the proposal text'),
});

export const ProfileItemSchema = z.discriminatedUnion('check', [
  ProfileItemBase.extend({
    check: z.literal('requirements_implemented'),
    reviewWithinMonths: z
      .number()
      .int()
      .positive()
      .optional()
      .describe('Each record must also be reviewed at least this often'),
  }),
  ProfileItemBase.extend({ check: z.literal('addressable_as_specified') }),
  ProfileItemBase.extend({
    check: z.literal('records'),
    records: z.array(z.enum(PROFILE_RECORDS)).min(1),
  }),
  ProfileItemBase.extend({
    check: z.literal('not_recorded'),
    notRecorded: z.string().min(1).describe('What Custos keeps no record of, readable'),
  }),
]);
export type ProfileItem = z.infer<typeof ProfileItemSchema>;

export const RuleProfileSchema = z.object({
  id: z.string(),
  title: z.string(),
  status: z.enum(['in_force', 'proposed']),
  citation: z.string(),
  summary: z.string(),
  items: z.array(ProfileItemSchema),
});
export type RuleProfile = z.infer<typeof RuleProfileSchema>;

export const RuleProfileListSchema = z.object({ data: z.array(RuleProfileSchema) });

// ---------- routes ----------

const tags = ['catalog'];

/** The regulation catalog: the same for every organization, read by anyone signed in. */
export const catalogRoutes = {
  requirements: route({
    method: 'GET',
    path: '/api/catalog/requirements',
    tags,
    summary: 'Standards and implementation specifications of the Security Rule',
    permission: 'catalog.read',
    query: RequirementQuerySchema,
    response: RequirementListSchema,
  }),
  profiles: route({
    method: 'GET',
    path: '/api/catalog/profiles',
    tags,
    summary: 'Rule profiles: the rule in force and the proposed rule of 2025',
    permission: 'catalog.read',
    response: RuleProfileListSchema,
  }),
};
