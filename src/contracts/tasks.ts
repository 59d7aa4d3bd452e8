import { z } from 'zod';
import { DateOnly, OrgParamsSchema, PersonRef, Text, Title } from './common';
import { route } from './route';
import { LINK_TYPES, LinkEndSchema, LinkSchema } from './links';
import { EDITORS, EVERY_ROLE, STAFF_READERS, type Grant } from './grants';

/** Names this feature's folders under src/server/features and src/web/features. */
export const feature = 'tasks';

/** Who may use what this feature offers (assembled into PERMISSIONS, contracts/permissions.ts). */
export const permissions = {
  'tasks.read': EVERY_ROLE,
  // Capability checked by the task list: workforce members see only their own tasks.
  'tasks.read_all': STAFF_READERS,
  'tasks.manage': EDITORS,
  'tasks.complete': [
    'owner',
    'admin',
    'security_officer',
    'privacy_officer',
    'contributor',
    'workforce',
  ],
} as const satisfies Record<string, Grant>;

/** What this feature keeps as the written record of 164.316(b)(1) (contracts/records-kept.ts). */
export const recordsKept = ['tasks with their owner, due date, completion and evidence'] as const;

/** The audit actions this feature writes (assembled into AUDIT_ACTIONS, contracts/audit-actions.ts). */
export const auditActions = ['task.created', 'task.changed', 'task.completed'] as const;
/** What a person reads for each of this feature's audit actions (the audit log, its export). */
export const auditActionLabels: Record<(typeof auditActions)[number], string> = {
  'task.created': 'Task created',
  'task.changed': 'Task changed',
  'task.completed': 'Task completed',
};

export const TASK_STATUSES = ['open', 'in_progress', 'done', 'cancelled'] as const;
export const TASK_PRIORITIES = ['low', 'medium', 'high', 'critical'] as const;
export const RECURRENCE_FREQUENCIES = ['daily', 'weekly', 'monthly', 'yearly'] as const;
export const TASK_STATUS_LABELS: Record<(typeof TASK_STATUSES)[number], string> = {
  open: 'Open',
  in_progress: 'In progress',
  done: 'Done',
  cancelled: 'Cancelled',
};
/** The label of a task status read as text (a linked task's status), the text itself if unknown. */
export function taskStatusLabel(status: string): string {
  const known = TASK_STATUSES.find((s) => s === status);
  return known ? TASK_STATUS_LABELS[known] : status;
}
export const TASK_PRIORITY_LABELS: Record<(typeof TASK_PRIORITIES)[number], string> = {
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  critical: 'Critical',
};
export const RECURRENCE_FREQUENCY_LABELS: Record<(typeof RECURRENCE_FREQUENCIES)[number], string> =
  {
    daily: 'Daily',
    weekly: 'Weekly',
    monthly: 'Monthly',
    yearly: 'Yearly',
  };

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
  completedAt: z.iso.datetime().nullable(),
  completedBy: PersonRef.nullable().describe('who completed it; null when open or done by a token'),
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
  title: Title(300),
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
  evidenceUrl: HttpsUrl.optional().describe(
    'An address showing the work done: recorded as an evidence item of kind link, linked to the task (one item per address)',
  ),
});
export type TaskCompleteBody = z.infer<typeof TaskCompleteBodySchema>;

export const TaskCompletionSchema = z.object({
  task: TaskSchema,
  next: TaskSchema.nullable().describe('The next occurrence of a recurring task'),
});

// ---------- routes ----------

const tags = ['tasks'];
const TaskParamsSchema = OrgParamsSchema.extend({ taskId: z.uuid() });
// Tasks feed the dashboard, the safeguard records and the risk register.
// A done termination task ends its access grant and shows on the person's checklist.
const invalidates = [
  'tasks',
  'dashboard',
  'safeguards',
  'risks',
  'risk-assessments',
  'workforce',
  'access-reviews',
];

/** The task routes: 164.308(a)(1)(ii)(B) risk management work, reviews and reminders. */
export const taskRoutes = {
  list: route({
    method: 'GET',
    path: '/api/orgs/:orgId/tasks',
    tags,
    summary: 'Tasks, by due date; workforce members see their own',
    permission: 'tasks.read',
    params: OrgParamsSchema,
    query: TaskQuerySchema,
    response: TaskListSchema,
  }),
  create: route({
    method: 'POST',
    path: '/api/orgs/:orgId/tasks',
    tags,
    summary: 'Create a task, optionally recurring and linked to records',
    permission: 'tasks.manage',
    params: OrgParamsSchema,
    body: TaskCreateBodySchema,
    status: 201,
    response: TaskDetailSchema,
    audits: ['task.created', 'link.created'],
    example: (id) => ({
      title: 'Review the access log of the EHR',
      dueOn: '2027-01-15',
      priority: 'high',
      links: [{ type: 'risk', id: id('riskId') }],
    }),
    invalidates,
  }),
  get: route({
    method: 'GET',
    path: '/api/orgs/:orgId/tasks/:taskId',
    tags,
    summary: 'A task with its links',
    permission: 'tasks.read',
    params: TaskParamsSchema,
    response: TaskDetailSchema,
  }),
  update: route({
    method: 'PATCH',
    path: '/api/orgs/:orgId/tasks/:taskId',
    tags,
    summary: 'Change a task',
    permission: 'tasks.manage',
    params: TaskParamsSchema,
    body: TaskUpdateBodySchema,
    response: TaskDetailSchema,
    audits: ['task.changed'],
    example: () => ({ priority: 'critical', dueOn: '2027-02-01' }),
    invalidates,
  }),
  complete: route({
    method: 'POST',
    path: '/api/orgs/:orgId/tasks/:taskId/complete',
    tags,
    summary: 'Complete a task with a note and evidence; a recurring task gets its next occurrence',
    permission: 'tasks.complete',
    params: TaskParamsSchema,
    body: TaskCompleteBodySchema,
    response: TaskCompletionSchema,
    audits: ['task.completed', 'evidence_item.created', 'link.created'],
    example: () => ({
      note: 'Reviewed; no unexpected access.',
      evidenceUrl: 'https://intranet.riverside-clinic.example/reviews/access-q2',
    }),
    // The address becomes an evidence item.
    invalidates: [...invalidates, 'evidence'],
  }),
};
