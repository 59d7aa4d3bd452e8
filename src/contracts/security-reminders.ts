import { z } from 'zod';
import { DateOnly, OrgParamsSchema, PersonRef, Prose, Title } from './common';
import { HttpsUrl } from './evidence';
import type { Grant } from './grants';
import { ROLES } from './roles';
import { route } from './route';

/** Names this feature's folders under src/server/features and src/web/features. */
export const feature = 'security-reminders';

/** What this feature keeps as the written record of 164.316(b)(1) (contracts/records-kept.ts). */
export const recordsKept = [
  'periodic security reminders (164.308(a)(5)(ii)(A)): what was sent, to whom, when and how',
] as const;

// 164.308(a)(5)(ii)(A) periodic security updates: the program's officials send them; auditors read
// what was sent. Everyone reads the reminders they received (My reminders).
const SENDERS = ['owner', 'admin', 'security_officer'] as const;

/** Who may use what this feature offers (assembled into PERMISSIONS, contracts/permissions.ts). */
export const permissions = {
  'security_reminders.read': [...SENDERS, 'privacy_officer', 'auditor'],
  'security_reminders.manage': SENDERS,
  'my_security_reminders.read': ROLES,
} as const satisfies Record<string, Grant>;

// What a person received is their own: read by them, never by a token.
export const personOnly = ['my_security_reminders.read'] as const;

/** The audit actions this feature writes (assembled into AUDIT_ACTIONS; 164.312(b)). */
export const auditActions = [
  'security_reminder.created',
  'security_reminder.changed',
  'security_reminder.stopped',
  'security_reminder.sent',
] as const;
/** What a person reads for each audit action (the audit log, its export). */
export const auditActionLabels: Record<(typeof auditActions)[number], string> = {
  'security_reminder.created': 'Security reminder scheduled',
  'security_reminder.changed': 'Security reminder changed',
  'security_reminder.stopped': 'Security reminder stopped',
  'security_reminder.sent': 'Security reminder sent',
};

/** How often a reminder goes out. */
export const REMINDER_SCHEDULES = ['once', 'monthly', 'quarterly', 'yearly'] as const;
export type ReminderSchedule = (typeof REMINDER_SCHEDULES)[number];
export const REMINDER_SCHEDULE_LABELS: Record<ReminderSchedule, string> = {
  once: 'Once',
  monthly: 'Every month',
  quarterly: 'Every three months',
  yearly: 'Every year',
};

/** How a person got a reminder. */
export const REMINDER_CHANNELS = [
  'bell_and_email',
  'bell_and_digest',
  'bell',
  'email',
  'not_reached',
] as const;
export type ReminderChannel = (typeof REMINDER_CHANNELS)[number];
export const REMINDER_CHANNEL_LABELS: Record<ReminderChannel, string> = {
  bell_and_email: 'In Custos and by email',
  bell_and_digest: 'In Custos and in the daily digest',
  bell: 'In Custos only (their choice)',
  // Handed to the outbox: Administration → Outbox shows whether the mail server took it.
  email: 'Email to their roster address (no Custos account)',
  not_reached: 'Not reached: no account and no email address',
};

const Ref = z.object({ id: z.string(), name: z.string() });

export const SecurityReminderSchema = z.object({
  id: z.string(),
  reference: z.string().describe('SR-n, per organization'),
  title: z.string(),
  message: z.string(),
  linkUrl: z.string().nullable(),
  schedule: z.enum(REMINDER_SCHEDULES),
  startsOn: DateOnly,
  nextOn: DateOnly.nullable().describe('The next sending; null once sent (once) or stopped'),
  stopped: z.boolean(),
  roles: z.array(z.enum(ROLES)),
  departments: z.array(Ref),
  people: z.array(Ref),
  sendings: z.number().int(),
  lastSentAt: z.iso.datetime().nullable(),
  createdBy: PersonRef.nullable(),
  createdAt: z.iso.datetime(),
});
export type SecurityReminder = z.infer<typeof SecurityReminderSchema>;

export const SecurityReminderBodySchema = z.object({
  title: Title(120).describe('Shown in notifications and email subjects: never PHI'),
  message: Prose(1000).min(1, { error: 'is required' }),
  linkUrl: HttpsUrl.nullable().optional(),
  schedule: z.enum(REMINDER_SCHEDULES),
  startsOn: DateOnly.describe('The first sending; today sends at once'),
  roles: z.array(z.enum(ROLES)).max(ROLES.length),
  departmentIds: z.array(z.uuid({ error: 'must be a department id' })).max(200),
  personIds: z.array(z.uuid({ error: 'must be a person id' })).max(1000),
});
export type SecurityReminderBody = z.infer<typeof SecurityReminderBodySchema>;

export const SendingSchema = z.object({
  id: z.string(),
  reminder: z.object({ id: z.string(), reference: z.string(), title: z.string() }),
  dueOn: DateOnly,
  sentAt: z.iso.datetime(),
  recipients: z.number().int(),
  deliveries: z.array(
    z.object({
      name: z.string(),
      person: Ref.nullable().describe('The roster entry, when the recipient has one'),
      channel: z.enum(REMINDER_CHANNELS),
    }),
  ),
});
export type Sending = z.infer<typeof SendingSchema>;

export const SendingQuerySchema = z.object({
  reminderId: z.uuid({ error: 'must be a security reminder id' }).optional(),
});

export const MyReminderSchema = z.object({
  id: z.string(),
  title: z.string(),
  message: z.string(),
  linkUrl: z.string().nullable(),
  sentAt: z.iso.datetime(),
});

// ---------- routes ----------

const tags = ['security-reminders'];
const ReminderParamsSchema = OrgParamsSchema.extend({ securityReminderId: z.uuid() });
const invalidates = ['security-reminders', 'dashboard', 'notifications'];

/** Security reminders (164.308(a)(5)(ii)(A)): scheduled messages and the log of what was sent. */
export const securityRemindersRoutes = {
  list: route({
    method: 'GET',
    path: '/api/orgs/:orgId/security-reminders',
    tags,
    summary: 'Every security reminder of the organization, newest first',
    permission: 'security_reminders.read',
    params: OrgParamsSchema,
    response: z.object({ data: z.array(SecurityReminderSchema) }),
  }),
  create: route({
    method: 'POST',
    path: '/api/orgs/:orgId/security-reminders',
    tags,
    summary: 'Schedule a security reminder to roles, departments or people (today: sent at once)',
    permission: 'security_reminders.manage',
    params: OrgParamsSchema,
    body: SecurityReminderBodySchema,
    status: 201,
    response: SecurityReminderSchema,
    audits: ['security_reminder.created', 'security_reminder.sent'],
    example: (id) => ({
      title: 'Lock your screen',
      message: 'Press Windows+L or Ctrl+Cmd+Q whenever you step away from a workstation.',
      linkUrl: 'https://intranet.example/security',
      schedule: 'monthly',
      startsOn: '2099-01-05',
      roles: ['workforce'],
      departmentIds: [id('departmentId')],
      personIds: [],
    }),
    invalidates,
  }),
  get: route({
    method: 'GET',
    path: '/api/orgs/:orgId/security-reminders/:securityReminderId',
    tags,
    summary: 'One security reminder',
    permission: 'security_reminders.read',
    params: ReminderParamsSchema,
    response: SecurityReminderSchema,
  }),
  stop: route({
    method: 'POST',
    path: '/api/orgs/:orgId/security-reminders/:securityReminderId/stop',
    tags,
    summary: 'Stop a reminder: nothing more is sent; what was sent stays in the log',
    permission: 'security_reminders.manage',
    params: ReminderParamsSchema,
    response: SecurityReminderSchema,
    audits: ['security_reminder.stopped'],
    invalidates,
  }),
  sendings: route({
    method: 'GET',
    path: '/api/orgs/:orgId/security-reminder-sendings',
    tags,
    summary: 'The log: each sending, newest first, with who got it and how (last 100)',
    permission: 'security_reminders.read',
    params: OrgParamsSchema,
    query: SendingQuerySchema,
    response: z.object({ data: z.array(SendingSchema) }),
  }),
  mine: route({
    method: 'GET',
    path: '/api/orgs/:orgId/my-security-reminders',
    tags,
    summary: 'The security reminders sent to me, newest first (last 100)',
    permission: 'my_security_reminders.read',
    params: OrgParamsSchema,
    response: z.object({ data: z.array(MyReminderSchema) }),
  }),
};
