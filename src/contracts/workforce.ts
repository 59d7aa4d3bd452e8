import { z } from 'zod';
import { DateOnly, Line, OrgParamsSchema, PersonRef, Prose, Title } from './common';
import type { Grant } from './grants';
import { route } from './route';

/** Names this feature's folders under src/server/features and src/web/features. */
export const feature = 'workforce';

// 164.308(a)(3)(ii)(C): those who keep the roster start and end a person's employment; the Privacy
// Official and auditors read the checklists, as they read the roster (contracts/people.ts).
const KEEPERS = ['owner', 'admin', 'security_officer'] as const;

/** Who may use what this feature offers (assembled into PERMISSIONS, contracts/permissions.ts). */
export const permissions = {
  'workforce.read': [...KEEPERS, 'privacy_officer', 'auditor'],
  'workforce.manage': KEEPERS,
} as const satisfies Record<string, Grant>;

/** What this feature keeps as the written record of 164.316(b)(1) (contracts/records-kept.ts). */
export const recordsKept = [
  'onboarding and termination checklists per person: what was to be done, by whom, by when, and when it was done',
] as const;

/** The audit actions this feature writes (assembled into AUDIT_ACTIONS; 164.312(b)). */
export const auditActions = [
  'checklist_template.changed',
  'workforce_settings.changed',
  'onboarding.started',
  'employment.ended',
  'employment.end_undone',
  'membership.access_ended',
] as const;
/** What a person reads for each audit action (the audit log, its export). */
export const auditActionLabels: Record<(typeof auditActions)[number], string> = {
  'checklist_template.changed': 'Checklist template changed',
  'workforce_settings.changed': 'Termination deadline changed',
  'onboarding.started': 'Onboarding started',
  'employment.ended': 'Employment ended',
  'employment.end_undone': 'End of employment undone',
  'membership.access_ended': "Member's access ended with their employment",
};

/** The two checklists a person goes through. */
export const CHECKLIST_KINDS = ['onboarding', 'termination'] as const;
export type ChecklistKind = (typeof CHECKLIST_KINDS)[number];
export const CHECKLIST_KIND_LABELS: Record<ChecklistKind, string> = {
  onboarding: 'Onboarding',
  termination: 'Termination',
};

/** What a termination item is about: the fixed ones of 164.308(a)(3)(ii)(C), or the template's. */
export const CHECKLIST_ITEM_SOURCES = ['account', 'devices', 'remote_access', 'template'] as const;
export type ChecklistItemSource = (typeof CHECKLIST_ITEM_SOURCES)[number];
export const CHECKLIST_ITEM_SOURCE_LABELS: Record<ChecklistItemSource, string> = {
  account: 'Account on a system with ePHI',
  devices: 'Devices and badges',
  remote_access: 'Remote access',
  template: 'From the checklist template',
};

/** Why employment ended. */
export const END_REASONS = ['resigned', 'dismissed', 'contract_ended', 'retired', 'other'] as const;
export type EndReason = (typeof END_REASONS)[number];
export const END_REASON_LABELS: Record<EndReason, string> = {
  resigned: 'Resigned',
  dismissed: 'Dismissed',
  contract_ended: 'Contract or placement ended',
  retired: 'Retired',
  other: 'Other',
};

export const TemplateItemSchema = z.object({
  title: Title(300),
  departmentId: z
    .uuid({ error: 'must be a department id' })
    .nullable()
    .describe('Only for people of this department; null for everyone'),
  jobRole: Line(200)
    .nullable()
    .describe('Only for people with this job role (any letter case); null for every role'),
});
export type TemplateItem = z.infer<typeof TemplateItemSchema>;

export const ChecklistTemplateSchema = z.object({
  kind: z.enum(CHECKLIST_KINDS),
  builtIn: z
    .boolean()
    .describe("True while the organization has not written its own: Custos's default set"),
  items: z.array(
    TemplateItemSchema.extend({
      department: z.object({ id: z.string(), name: z.string() }).nullable(),
    }),
  ),
});
export const ChecklistTemplatesSchema = z.object({ data: z.array(ChecklistTemplateSchema) });
export const ChecklistTemplateBodySchema = z.object({
  kind: z.enum(CHECKLIST_KINDS),
  items: z.array(TemplateItemSchema).max(100, { error: 'must be at most 100 items' }),
});
export type ChecklistTemplateBody = z.infer<typeof ChecklistTemplateBodySchema>;

export const WorkforceSettingsSchema = z.object({
  terminationDeadlineHours: z
    .number()
    .int()
    .describe('Hours after the end of employment by which termination tasks are due'),
});
export const WorkforceSettingsBodySchema = z.object({
  terminationDeadlineHours: z
    .number({ error: 'must be a number of hours' })
    .int({ error: 'must be a whole number of hours' })
    .min(1, { error: 'must be at least 1 hour' })
    .max(720, { error: 'must be at most 720 hours (30 days)' }),
});

export const ChecklistItemSchema = z.object({
  id: z.string(),
  source: z.enum(CHECKLIST_ITEM_SOURCES),
  title: z.string(),
  asset: z.object({ id: z.string(), name: z.string() }).nullable(),
  dueAt: z.iso.datetime(),
  overdue: z.boolean(),
  task: z.object({
    id: z.string(),
    reference: z.string(),
    status: z.enum(['open', 'in_progress', 'done', 'cancelled']),
    owner: PersonRef.nullable(),
  }),
});
export const ChecklistSchema = z.object({
  kind: z.enum(CHECKLIST_KINDS),
  status: z.enum(['open', 'undone']).describe('undone: the end of employment was taken back'),
  endDate: z.string().nullable(),
  reason: z.enum(END_REASONS).nullable(),
  accessEndsAt: z.iso.datetime().nullable().describe("When the person's Custos access ends"),
  startedAt: z.iso.datetime(),
  items: z.array(ChecklistItemSchema),
});
export type Checklist = z.infer<typeof ChecklistSchema>;
export const PersonChecklistsSchema = z.object({
  onboarding: ChecklistSchema.nullable(),
  termination: ChecklistSchema.nullable(),
});

export const OnboardingBodySchema = z.object({
  dueOn: DateOnly.optional().describe(
    'When the onboarding tasks are due; the start date by default',
  ),
});
export const EndEmploymentBodySchema = z.object({
  endDate: DateOnly.describe('The last day worked'),
  reason: z.enum(END_REASONS),
  note: Prose(2000).optional(),
});
export type EndEmploymentBody = z.infer<typeof EndEmploymentBodySchema>;

/** 164.308(a)(3)(ii)(B): a person with ePHI access whose background check is pending or failed. */
export const ClearanceWarningSchema = z.object({
  person: z.object({ id: z.string(), name: z.string() }),
  clearanceOutcome: z.enum(['pending', 'not_cleared']),
  systems: z
    .array(z.object({ id: z.string(), name: z.string(), accessLevel: z.string() }))
    .describe('Systems with ePHI the person holds an active access grant on'),
});
export type ClearanceWarning = z.infer<typeof ClearanceWarningSchema>;
export const ClearanceWarningsSchema = z.object({ data: z.array(ClearanceWarningSchema) });

// ---------- routes ----------

const tags = ['workforce'];
const PersonParamsSchema = OrgParamsSchema.extend({ personId: z.uuid() });
const invalidates = ['people', 'tasks', 'dashboard'];

/** Onboarding and termination (164.308(a)(3)(ii)(C)). */
export const workforceRoutes = {
  templates: route({
    method: 'GET',
    path: '/api/orgs/:orgId/checklist-templates',
    tags,
    summary: 'The onboarding and termination checklist templates',
    permission: 'workforce.read',
    params: OrgParamsSchema,
    response: ChecklistTemplatesSchema,
  }),
  setTemplate: route({
    method: 'PUT',
    path: '/api/orgs/:orgId/checklist-templates',
    tags,
    summary: "Replace one checklist template's items",
    permission: 'workforce.manage',
    params: OrgParamsSchema,
    body: ChecklistTemplateBodySchema,
    response: ChecklistTemplateSchema,
    audits: ['checklist_template.changed'],
    example: (id) => ({
      kind: 'termination',
      items: [
        { title: 'Collect the pager', departmentId: id('departmentId'), jobRole: null },
        { title: 'Hand over the on-call rota', departmentId: null, jobRole: 'Nurse' },
      ],
    }),
    invalidates: ['workforce'],
  }),
  settings: route({
    method: 'GET',
    path: '/api/orgs/:orgId/workforce-settings',
    tags,
    summary: 'The termination deadline',
    permission: 'workforce.read',
    params: OrgParamsSchema,
    response: WorkforceSettingsSchema,
  }),
  updateSettings: route({
    method: 'PATCH',
    path: '/api/orgs/:orgId/workforce-settings',
    tags,
    summary: 'Change the termination deadline',
    permission: 'workforce.manage',
    params: OrgParamsSchema,
    body: WorkforceSettingsBodySchema,
    response: WorkforceSettingsSchema,
    audits: ['workforce_settings.changed'],
    example: () => ({ terminationDeadlineHours: 1 }),
    invalidates: ['workforce'],
  }),
  clearanceWarnings: route({
    method: 'GET',
    path: '/api/orgs/:orgId/clearance-warnings',
    tags,
    summary:
      'People whose background check is pending or failed who hold access to systems with ePHI',
    permission: 'workforce.read',
    params: OrgParamsSchema,
    response: ClearanceWarningsSchema,
  }),
  checklists: route({
    method: 'GET',
    path: '/api/orgs/:orgId/people/:personId/checklists',
    tags,
    summary: "A person's onboarding and termination checklists",
    permission: 'workforce.read',
    params: PersonParamsSchema,
    response: PersonChecklistsSchema,
  }),
  startOnboarding: route({
    method: 'POST',
    path: '/api/orgs/:orgId/people/:personId/onboarding',
    tags,
    summary: "Start a person's onboarding: a task per item of the template (once)",
    permission: 'workforce.manage',
    params: PersonParamsSchema,
    body: OnboardingBodySchema,
    response: PersonChecklistsSchema,
    audits: ['onboarding.started', 'task.created'],
    example: () => ({ dueOn: '2026-03-02' }),
    invalidates,
  }),
  endEmployment: route({
    method: 'POST',
    path: '/api/orgs/:orgId/people/:personId/termination',
    tags,
    summary:
      "End a person's employment: termination tasks due within the deadline, and their Custos access ends at the end date",
    description:
      'Ending again changes the end date and reason and adds no task twice. A past end date ends their access at once.',
    permission: 'workforce.manage',
    params: PersonParamsSchema,
    body: EndEmploymentBodySchema,
    response: PersonChecklistsSchema,
    audits: ['employment.ended', 'task.created', 'person.changed', 'membership.access_ended'],
    example: () => ({ endDate: '2026-02-27', reason: 'resigned' }),
    invalidates,
  }),
  undoEnd: route({
    method: 'DELETE',
    path: '/api/orgs/:orgId/people/:personId/termination',
    tags,
    summary:
      'Take back an end of employment (a rehire): open termination tasks are cancelled, done ones kept, access restored',
    permission: 'workforce.manage',
    params: PersonParamsSchema,
    response: PersonChecklistsSchema,
    audits: ['employment.end_undone', 'task.changed', 'person.changed'],
    invalidates,
  }),
};
