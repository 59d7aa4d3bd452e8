import { z } from 'zod';
import { OrgParamsSchema } from './common';
import { EVERY_ROLE, type Grant } from './grants';
import { LINK_TYPES } from './links';
import { route } from './route';

/** Names this feature's folders under src/server/features and src/web/features. */
export const feature = 'notifications';

/**
 * Every member has their own notifications and choices; nobody reads another's. Auditors read
 * theirs but change nothing (164.308(a)(4); they own no record, so none is addressed to them). A
 * token acts for an integration, not a person, so it holds neither (design.md §6.2).
 */
export const permissions = {
  'notifications.read': EVERY_ROLE,
  'notifications.manage': EVERY_ROLE.filter((role) => role !== 'auditor'),
} as const satisfies Record<string, Grant>;
export const personOnly = ['notifications.read', 'notifications.manage'] as const;

/** The audit actions this feature writes (assembled into AUDIT_ACTIONS; 164.312(b)). */
export const auditActions = [
  'notification.read',
  'notifications.read_all',
  'notification_preferences.changed',
] as const;
/** What a person reads for each audit action (the audit log, its export). */
export const auditActionLabels: Record<(typeof auditActions)[number], string> = {
  'notification.read': 'Notification marked read',
  'notifications.read_all': 'All notifications marked read',
  'notification_preferences.changed': 'Notification choices changed',
};

/** What a notification is about. Other features raise them through `notifyIn` (server). */
export const NOTIFICATION_KINDS = [
  'task.assigned',
  'task.due_soon',
  'task.overdue',
  'task.escalated',
  'safeguard.review_due',
  'risk.acceptance_expiring',
  'risk.review_due',
  'risk_analysis.due',
  'document.review_due',
  'policy.acknowledgement_due',
  'policy.acknowledgement_overdue',
  'policy.acknowledgements_escalated',
  'record.owner_changed',
  'evidence.stale',
  'evidence.damaged',
  'training.due',
  'training.overdue',
  'training.escalated',
  'incident.reported',
  'breach_log.due',
  'security_reminder.sent',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, string> = {
  'task.assigned': 'A task is assigned to me',
  'task.due_soon': 'A task of mine falls due soon',
  'task.overdue': 'A task of mine is overdue',
  'task.escalated': "Someone's task is long overdue (Security Official)",
  'safeguard.review_due': 'A safeguard review falls due',
  'risk.acceptance_expiring': 'A risk acceptance is expiring',
  'risk.review_due': 'A risk review falls due',
  'risk_analysis.due': 'The yearly risk analysis falls due',
  'document.review_due': 'A policy review falls due',
  'policy.acknowledgement_due': 'A policy asks for my acknowledgement',
  'policy.acknowledgement_overdue': 'My acknowledgement of a policy is overdue',
  'policy.acknowledgements_escalated': 'People are late acknowledging a policy (Security Official)',
  'record.owner_changed': 'A record is handed to me',
  'evidence.stale': 'Evidence of mine is due for refresh',
  'evidence.damaged': 'A stored evidence file fails its integrity check',
  'training.due': 'Training of mine falls due soon',
  'training.overdue': 'Training of mine is overdue',
  'training.escalated': "Someone's training is long overdue (Security Official)",
  'incident.reported': 'Someone reports a security incident (Security Official)',
  'breach_log.due': 'The yearly log of breaches under 500 is due at HHS (Security Official)',
  'security_reminder.sent': 'A security reminder is sent to me',
};

/**
 * What a notification says happened, in the recipient's words (the list, the email's heading);
 * the labels above name the kinds as choices in the profile.
 */
export const NOTIFICATION_KIND_HEADLINES: Record<NotificationKind, string> = {
  'task.assigned': 'A task was assigned to you',
  'task.due_soon': 'A task of yours falls due soon',
  'task.overdue': 'A task of yours is overdue',
  'task.escalated': 'A task is long overdue',
  'safeguard.review_due': 'A safeguard review is due',
  'risk.acceptance_expiring': 'A risk acceptance is expiring',
  'risk.review_due': 'A risk review is due',
  'risk_analysis.due': 'The yearly risk analysis is due',
  'document.review_due': 'A policy review is due',
  'policy.acknowledgement_due': 'A policy asks for your acknowledgement',
  'policy.acknowledgement_overdue': 'Your acknowledgement of a policy is overdue',
  'policy.acknowledgements_escalated': 'People are late acknowledging a policy',
  'record.owner_changed': 'A record was handed to you',
  'evidence.stale': 'Evidence of yours is due for refresh',
  'evidence.damaged': 'A stored evidence file failed its integrity check',
  'training.due': 'Training of yours falls due soon',
  'training.overdue': 'Training of yours is overdue',
  'training.escalated': 'Training is long overdue',
  'incident.reported': 'A security incident was reported',
  'breach_log.due': 'The yearly breach log is due at HHS',
  'security_reminder.sent': 'A security reminder for you',
};

/** How a person hears of a kind of notification, besides the bell (which shows every one). */
export const DELIVERIES = ['immediately', 'digest', 'off'] as const;
export type Delivery = (typeof DELIVERIES)[number];
export const DELIVERY_LABELS: Record<Delivery, string> = {
  immediately: 'Email at once',
  digest: 'In the daily digest',
  off: 'Only in Custos',
};

/**
 * Defaults: what asks for action now (work handed to me, overdue, escalated, an acceptance about
 * to lapse) is emailed at once; what falls due later waits for the daily digest.
 */
export const DEFAULT_DELIVERY: Record<NotificationKind, Delivery> = {
  'task.assigned': 'immediately',
  'task.due_soon': 'digest',
  'task.overdue': 'immediately',
  'task.escalated': 'immediately',
  'safeguard.review_due': 'digest',
  'risk.acceptance_expiring': 'immediately',
  'risk.review_due': 'digest',
  'risk_analysis.due': 'digest',
  'document.review_due': 'digest',
  'policy.acknowledgement_due': 'immediately',
  'policy.acknowledgement_overdue': 'immediately',
  'policy.acknowledgements_escalated': 'digest',
  'record.owner_changed': 'immediately',
  'evidence.stale': 'digest',
  'evidence.damaged': 'immediately',
  'training.due': 'immediately',
  'training.overdue': 'immediately',
  'training.escalated': 'digest',
  // 164.308(a)(6)(ii): a suspected incident is answered at once.
  'incident.reported': 'immediately',
  // 164.408(c): a deadline set in law; told at once, 30 and 7 days before.
  'breach_log.due': 'immediately',
  // 164.308(a)(5)(ii)(A): a reminder reaches people when it is sent, not a day later.
  'security_reminder.sent': 'immediately',
};
/** The local hour (organization's time zone) the digest is sent at, unless a person chooses. */
export const DEFAULT_DIGEST_HOUR = 7;

export const NotificationSchema = z.object({
  id: z.string(),
  kind: z.enum(NOTIFICATION_KINDS),
  title: z.string().describe('Short, never PHI: what happened and the record’s name'),
  record: z.object({
    type: z.enum(LINK_TYPES),
    id: z.string(),
    label: z.string().describe('The record’s current name, or the title’s when it is gone'),
  }),
  dueOn: z.iso.date().nullable(),
  createdAt: z.iso.datetime(),
  readAt: z.iso.datetime().nullable(),
  emailedAt: z.iso.datetime().nullable(),
  digestedAt: z.iso.datetime().nullable(),
});
export type Notification = z.infer<typeof NotificationSchema>;

export const NotificationQuerySchema = z.object({
  unread: z.enum(['true', 'false']).optional().describe('true: only unread ones'),
  cursor: z.uuid({ error: 'is not a cursor from a previous page' }).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type NotificationQuery = z.infer<typeof NotificationQuerySchema>;

export const NotificationPageSchema = z.object({
  data: z.array(NotificationSchema),
  unreadCount: z.number().int(),
  nextCursor: z.string().nullable(),
});
export type NotificationPage = z.infer<typeof NotificationPageSchema>;

export const NotificationPreferencesSchema = z.object({
  digestHour: z
    .number()
    .int()
    .min(0, { error: 'must be an hour from 0 to 23' })
    .max(23, { error: 'must be an hour from 0 to 23' })
    .describe("Local hour, in the organization's time zone"),
  kinds: z.array(
    z.object({
      kind: z.enum(NOTIFICATION_KINDS),
      delivery: z.enum(DELIVERIES),
      isDefault: z.boolean(),
    }),
  ),
  timeZone: z.string().describe("The organization's time zone the hour is read in"),
  email: z.boolean().describe('Whether this installation sends email (SMTP is set)'),
});
export type NotificationPreferences = z.infer<typeof NotificationPreferencesSchema>;

export const NotificationPreferencesBodySchema = z.object({
  digestHour: NotificationPreferencesSchema.shape.digestHour.optional(),
  kinds: z
    .array(z.object({ kind: z.enum(NOTIFICATION_KINDS), delivery: z.enum(DELIVERIES) }))
    .max(NOTIFICATION_KINDS.length * 2)
    .optional(),
});
export type NotificationPreferencesBody = z.infer<typeof NotificationPreferencesBodySchema>;

// ---------- routes ----------

const tags = ['notifications'];
const NotificationParamsSchema = OrgParamsSchema.extend({ notificationId: z.uuid() });
const invalidates = ['notifications'];

/** A person's own notifications and choices: nobody reads or marks another's. */
export const notificationsRoutes = {
  list: route({
    method: 'GET',
    path: '/api/orgs/:orgId/notifications',
    tags,
    summary: 'My notifications, newest first, with how many are unread',
    permission: 'notifications.read',
    params: OrgParamsSchema,
    query: NotificationQuerySchema,
    response: NotificationPageSchema,
  }),
  markRead: route({
    method: 'POST',
    path: '/api/orgs/:orgId/notifications/:notificationId/read',
    tags,
    summary: 'Mark one of my notifications read',
    permission: 'notifications.manage',
    params: NotificationParamsSchema,
    status: 204,
    audits: ['notification.read'],
    invalidates,
  }),
  markAllRead: route({
    method: 'POST',
    path: '/api/orgs/:orgId/notifications/read-all',
    tags,
    summary: 'Mark all my notifications read',
    permission: 'notifications.manage',
    params: OrgParamsSchema,
    status: 204,
    audits: ['notifications.read_all'],
    invalidates,
  }),
  preferences: route({
    method: 'GET',
    path: '/api/orgs/:orgId/notification-preferences',
    tags,
    summary: 'How I hear of each kind of notification, and my digest hour',
    permission: 'notifications.read',
    params: OrgParamsSchema,
    response: NotificationPreferencesSchema,
  }),
  setPreferences: route({
    method: 'PUT',
    path: '/api/orgs/:orgId/notification-preferences',
    tags,
    summary: 'Choose how I hear of each kind of notification, and my digest hour',
    permission: 'notifications.manage',
    params: OrgParamsSchema,
    body: NotificationPreferencesBodySchema,
    response: NotificationPreferencesSchema,
    audits: ['notification_preferences.changed'],
    example: () => ({
      digestHour: 8,
      kinds: [{ kind: 'task.due_soon', delivery: 'immediately' }],
    }),
    invalidates,
  }),
};
