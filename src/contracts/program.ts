import { z } from 'zod';
import { RequirementSchema, SAFEGUARD_CATEGORIES } from './catalog';

// Shared field shapes: calendar dates are YYYY-MM-DD in the organization's time zone (design.md §6.7).
export const DateOnly = z.iso.date({ error: 'must be a date (YYYY-MM-DD)' });
const Text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `must be at most ${max} characters` });
const Required = (max: number) => Text(max).min(1, { error: 'is required' });
const PersonRef = z.object({ id: z.string(), name: z.string() });

// ---------- organization profile ----------

export const ENTITY_TYPES = [
  'provider',
  'health_plan',
  'clearinghouse',
  'business_associate',
  'hybrid',
] as const;
export const ENTITY_TYPE_LABELS: Record<(typeof ENTITY_TYPES)[number], string> = {
  provider: 'Covered entity: health care provider',
  health_plan: 'Covered entity: health plan',
  clearinghouse: 'Covered entity: health care clearinghouse',
  business_associate: 'Business associate',
  hybrid: 'Hybrid entity',
};
export const ORGANIZATION_SIZES = ['1-10', '11-50', '51-200', '201-1000', '1000+'] as const;

const OfficialSchema = z.object({
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  since: z.string().nullable().describe('Appointment date'),
});

export const OrganizationProfileSchema = z.object({
  name: z.string(),
  entityType: z.enum(ENTITY_TYPES).nullable(),
  includesGroupHealthPlan: z.boolean(),
  includesClearinghouse: z.boolean(),
  size: z.enum(ORGANIZATION_SIZES).nullable(),
  locations: z.array(z.string()),
  timeZone: z.string(),
  securityOfficial: OfficialSchema.nullable().describe('164.308(a)(2)'),
  privacyOfficial: OfficialSchema.nullable().describe('164.530(a)'),
});
export type OrganizationProfile = z.infer<typeof OrganizationProfileSchema>;

const OfficialBody = z.object({
  userId: z.uuid({ error: 'must be a member id' }),
  since: DateOnly,
});

export const OrganizationProfileBodySchema = z.object({
  name: Required(200).optional(),
  entityType: z.enum(ENTITY_TYPES).nullable().optional(),
  includesGroupHealthPlan: z.boolean().optional(),
  includesClearinghouse: z.boolean().optional(),
  size: z.enum(ORGANIZATION_SIZES).nullable().optional(),
  locations: z.array(Required(200)).max(100).optional(),
  timeZone: z
    .string()
    .refine((zone) => isTimeZone(zone), {
      error: 'must be an IANA time zone such as America/Chicago',
    })
    .optional(),
  securityOfficial: OfficialBody.nullable().optional(),
  privacyOfficial: OfficialBody.nullable().optional(),
});
export type OrganizationProfileBody = z.infer<typeof OrganizationProfileBodySchema>;

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return zone.length > 0;
  } catch {
    return false;
  }
}

// ---------- links between records ----------

/** Record types a link may join; later features add theirs here (policy, risk, evidence…). */
export const LINK_TYPES = ['safeguard', 'task', 'url', 'risk'] as const;
export type LinkType = (typeof LINK_TYPES)[number];

export const LinkEndSchema = z.object({
  type: z.enum(LINK_TYPES),
  id: z
    .string()
    .trim()
    .min(1, { error: 'is required' })
    .max(2000)
    .describe('A citation for safeguard, a task or risk id, or an https address for url'),
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
  label: Text(200).optional(),
});

// ---------- safeguard records ----------

export const SAFEGUARD_STATUSES = [
  'not_started',
  'in_progress',
  'implemented',
  'not_applicable',
] as const;
export type SafeguardStatus = (typeof SAFEGUARD_STATUSES)[number];
export const SAFEGUARD_STATUS_LABELS: Record<SafeguardStatus, string> = {
  not_started: 'Not started',
  in_progress: 'In progress',
  implemented: 'Implemented',
  not_applicable: 'Not applicable',
};

/** The 164.306(d)(3) decision on an addressable implementation specification. */
export const DECISIONS = ['as_specified', 'alternative', 'not_reasonable'] as const;
export const DECISION_LABELS: Record<(typeof DECISIONS)[number], string> = {
  as_specified: 'Implemented as specified',
  alternative: 'Equivalent alternative implemented',
  not_reasonable: 'Not reasonable and appropriate',
};

export const DecisionSchema = z.object({
  decision: z.enum(DECISIONS),
  rationale: z.string().nullable(),
  alternative: z.string().nullable(),
  approvedBy: PersonRef.nullable(),
  approvedOn: z.string().nullable(),
  basis: z.string().nullable().describe('The risk analysis the decision rests on'),
});

export const SafeguardSchema = z.object({
  requirementId: z.string(),
  kind: RequirementSchema.shape.kind,
  parent: z.string().nullable(),
  title: z.string(),
  safeguard: z.enum(SAFEGUARD_CATEGORIES),
  designation: RequirementSchema.shape.designation,
  status: z.enum(SAFEGUARD_STATUSES),
  owner: PersonRef.nullable(),
  statement: z.string(),
  reviewIntervalMonths: z.number().int().nullable(),
  nextReviewOn: z.string().nullable(),
  reviewOverdue: z.boolean(),
  decision: DecisionSchema.nullable(),
  decisionMissing: z
    .boolean()
    .describe('Addressable, applicable and no 164.306(d)(3) decision yet'),
  notApplicableAllowed: z.boolean(),
  updatedAt: z.iso.datetime().nullable(),
});
export type Safeguard = z.infer<typeof SafeguardSchema>;

export const SafeguardListSchema = z.object({
  data: z.array(SafeguardSchema),
  nextCursor: z.null(),
});

export const SafeguardQuerySchema = z.object({
  q: z.string().trim().max(200).optional(),
  safeguard: z.enum(SAFEGUARD_CATEGORIES).optional(),
  status: z.enum(SAFEGUARD_STATUSES).optional(),
  ownerId: z.union([z.uuid(), z.literal('none'), z.literal('me')]).optional(),
  attention: z
    .enum(['decision_missing', 'review_overdue', 'unowned'])
    .optional()
    .describe('Only records needing this kind of attention'),
});
export type SafeguardQuery = z.infer<typeof SafeguardQuerySchema>;

export const HistoryEntrySchema = z.object({
  at: z.iso.datetime(),
  actor: z.string().nullable(),
  action: z.string(),
  changes: z
    .record(z.string(), z.object({ before: z.unknown(), after: z.unknown() }).partial())
    .nullable(),
});

export const SafeguardDetailSchema = SafeguardSchema.extend({
  requirement: RequirementSchema,
  links: z.array(LinkSchema),
  history: z.array(HistoryEntrySchema).describe('From the audit trail, newest first'),
});

export const SafeguardUpdateBodySchema = z.object({
  status: z.enum(SAFEGUARD_STATUSES).optional(),
  ownerId: z.uuid({ error: 'must be a member id' }).nullable().optional(),
  statement: Text(20000).optional(),
  reviewIntervalMonths: z.number().int().min(1).max(60).nullable().optional(),
  nextReviewOn: DateOnly.nullable().optional(),
});
export type SafeguardUpdateBody = z.infer<typeof SafeguardUpdateBodySchema>;

export const DecisionBodySchema = z.object({
  decision: z.enum(DECISIONS),
  rationale: Text(20000)
    .optional()
    .describe('Why the specification as written is not reasonable and appropriate'),
  alternative: Text(20000).optional().describe('The equivalent alternative measure'),
  // Who approved is who acted (design.md §6.2): the approver is the person recording the decision.
  approvedBy: z
    .uuid({ error: 'must be a member id' })
    .optional()
    .describe(
      'Optional, and when sent it must be your own user id: the approver is who records it',
    ),
  approvedOn: DateOnly.optional().describe(
    "When it was approved: today in the organization's time zone unless given; never later",
  ),
  basis: Required(2000).describe('The risk analysis the decision rests on'),
});
export type DecisionBody = z.infer<typeof DecisionBodySchema>;

// ---------- tasks ----------

export const TASK_STATUSES = ['open', 'in_progress', 'done', 'cancelled'] as const;
export const TASK_PRIORITIES = ['low', 'medium', 'high', 'critical'] as const;
export const RECURRENCE_FREQUENCIES = ['daily', 'weekly', 'monthly', 'yearly'] as const;

export const RecurrenceSchema = z.object({
  frequency: z.enum(RECURRENCE_FREQUENCIES),
  interval: z.number().int().min(1, { error: 'must be at least 1' }).max(366),
});
export type Recurrence = z.infer<typeof RecurrenceSchema>;

export const TaskSchema = z.object({
  id: z.string(),
  reference: z.string().describe('TASK-n, per organization'),
  title: z.string(),
  description: z.string(),
  owner: PersonRef.nullable(),
  dueOn: z.string().nullable(),
  status: z.enum(TASK_STATUSES),
  priority: z.enum(TASK_PRIORITIES),
  recurrence: RecurrenceSchema.nullable(),
  overdue: z.boolean(),
  completionNote: z.string().nullable(),
  evidenceUrl: z.string().nullable(),
  completedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Task = z.infer<typeof TaskSchema>;

export const TaskDetailSchema = TaskSchema.extend({ links: z.array(LinkSchema) });

export const TaskListSchema = z.object({
  data: z.array(TaskSchema),
  nextCursor: z.string().nullable(),
});

export const TaskQuerySchema = z.object({
  status: z
    .enum([...TASK_STATUSES, 'active'])
    .optional()
    .describe('active = open or in progress (the default)'),
  ownerId: z.union([z.uuid(), z.literal('me'), z.literal('none')]).optional(),
  priority: z.enum(TASK_PRIORITIES).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  linkedType: z.enum(LINK_TYPES).optional(),
  linkedId: z.string().max(2000).optional(),
  q: z.string().trim().max(200).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type TaskQuery = z.infer<typeof TaskQuerySchema>;

const HttpsUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) address' }).max(2000);

export const TaskCreateBodySchema = z.object({
  title: Required(300),
  description: Text(20000).optional(),
  ownerId: z.uuid({ error: 'must be a member id' }).nullable().optional(),
  dueOn: DateOnly.nullable().optional(),
  priority: z.enum(TASK_PRIORITIES).optional(),
  recurrence: RecurrenceSchema.nullable().optional(),
  links: z.array(LinkEndSchema).max(20).optional().describe('Records the task is about'),
});
export type TaskCreateBody = z.infer<typeof TaskCreateBodySchema>;

export const TaskUpdateBodySchema = TaskCreateBodySchema.omit({ links: true })
  .partial()
  .extend({ status: z.enum(['open', 'in_progress', 'cancelled']).optional() });
export type TaskUpdateBody = z.infer<typeof TaskUpdateBodySchema>;

export const TaskCompleteBodySchema = z.object({
  note: Text(20000).optional(),
  evidenceUrl: HttpsUrl.optional(),
});
export type TaskCompleteBody = z.infer<typeof TaskCompleteBodySchema>;

export const TaskCompletionSchema = z.object({
  task: TaskSchema,
  next: TaskSchema.nullable().describe('The next occurrence of a recurring task'),
});

// ---------- dashboard ----------

const CountsSchema = z.object({
  total: z.number().int(),
  implemented: z.number().int(),
  inProgress: z.number().int(),
  notStarted: z.number().int(),
  notApplicable: z.number().int(),
  percent: z.number().int().describe('Implemented or not applicable, of all'),
});
export type Counts = z.infer<typeof CountsSchema>;

export const NextActionSchema = z.object({
  id: z.string(),
  title: z.string(),
  detail: z.string(),
  href: z.string().describe('Where in the app to do it'),
});

export const FirstWeekStepSchema = z.object({
  id: z.string(),
  title: z.string(),
  detail: z.string(),
  state: z.enum(['done', 'todo', 'coming']).describe('coming = the feature is not in Custos yet'),
  href: z.string().nullable(),
});

export const DashboardSchema = z.object({
  progress: CountsSchema,
  byCategory: z.array(CountsSchema.extend({ safeguard: z.enum(SAFEGUARD_CATEGORIES) })),
  byStandard: z.array(
    CountsSchema.extend({
      id: z.string(),
      title: z.string(),
      safeguard: z.enum(SAFEGUARD_CATEGORIES),
    }),
  ),
  decisionsMissing: z.number().int(),
  reviewsOverdue: z.number().int(),
  unowned: z.number().int(),
  tasks: z.object({
    open: z.number().int(),
    overdue: z.number().int(),
    mineOpen: z.number().int(),
    mineOverdue: z.number().int(),
    mine: z.array(TaskSchema).describe('My next five, by due date'),
  }),
  nextActions: z.array(NextActionSchema),
  firstWeek: z.array(FirstWeekStepSchema),
  proposedRule: z.object({ met: z.number().int(), total: z.number().int() }),
});
export type Dashboard = z.infer<typeof DashboardSchema>;

// ---------- rule profile readiness ----------

export const ReadinessItemSchema = z.object({
  id: z.string(),
  title: z.string(),
  summary: z.string(),
  state: z.enum(['met', 'partial', 'gap']),
  gaps: z.array(z.string()).describe('What is missing, readable'),
  requirements: z.array(
    z.object({ id: z.string(), title: z.string(), status: z.enum(SAFEGUARD_STATUSES) }),
  ),
});

export const ReadinessSchema = z.object({
  profileId: z.string(),
  title: z.string(),
  met: z.number().int(),
  partial: z.number().int(),
  gap: z.number().int(),
  items: z.array(ReadinessItemSchema),
});
