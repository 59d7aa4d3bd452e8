import { z } from 'zod';
import type { AuditAction } from './audit';
import { OrgParamsSchema, Text } from './common';
import { ADMINS, type Grant } from './grants';
import { route } from './route';

/** Names this feature's folders under src/server/features and src/web/features. */
export const feature = 'webhooks';

/**
 * Who may use what this feature offers (assembled into PERMISSIONS, contracts/permissions.ts). A
 * webhook sends the program's activity out of Custos, like an API token lets it be read: owners and
 * admins set them up; the Security Official sees where events go and whether they arrive
 * (164.308(a)(1)(ii)(D) information system activity review).
 */
export const permissions = {
  'webhooks.read': [...ADMINS, 'security_officer'],
  'webhooks.manage': ADMINS,
} as const satisfies Record<string, Grant>;

/** The audit actions this feature writes (assembled into AUDIT_ACTIONS; 164.312(b)). */
export const auditActions = [
  'webhook.created',
  'webhook.changed',
  'webhook.removed',
  'webhook.secret_rotated',
  'webhook.test_sent',
  'webhook.disabled',
] as const;
/** What a person reads for each audit action (the audit log, its export). */
export const auditActionLabels: Record<(typeof auditActions)[number], string> = {
  'webhook.created': 'Webhook endpoint added',
  'webhook.changed': 'Webhook endpoint changed',
  'webhook.removed': 'Webhook endpoint removed',
  'webhook.secret_rotated': 'Webhook signing secret rotated',
  'webhook.test_sent': 'Webhook test event sent',
  'webhook.disabled': 'Webhook endpoint disabled by its receiver (410 Gone)',
};

/**
 * The audit actions an endpoint may subscribe to: changes to the program's records and its
 * people, not sign-ins, reads or exports (those say nothing a receiving system acts on).
 */
export const WEBHOOK_EVENT_TYPES = [
  'risk.created',
  'risk.changed',
  'risk.accepted',
  'risk.acceptance_withdrawn',
  'risk_assessment.created',
  'risk_assessment.submitted',
  'risk_assessment.returned',
  'risk_assessment.approved',
  'task.created',
  'task.changed',
  'task.completed',
  'safeguard.changed',
  'safeguard.decision_recorded',
  'asset.created',
  'asset.changed',
  'data_flow.created',
  'data_flow.changed',
  'data_flow.removed',
  'membership.created',
  'membership.changed',
  'membership.removed',
  'mfa.disabled',
  'token.created',
  'token.revoked',
  'access.denied',
] as const satisfies readonly AuditAction[];
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];
export const WEBHOOK_EVENT_TYPE_LABELS: Record<WebhookEventType, string> = {
  'risk.created': 'Risk added',
  'risk.changed': 'Risk changed',
  'risk.accepted': 'Risk accepted',
  'risk.acceptance_withdrawn': 'Risk acceptance withdrawn',
  'risk_assessment.created': 'Risk analysis started',
  'risk_assessment.submitted': 'Risk analysis submitted for approval',
  'risk_assessment.returned': 'Risk analysis returned',
  'risk_assessment.approved': 'Risk analysis approved',
  'task.created': 'Task added',
  'task.changed': 'Task changed',
  'task.completed': 'Task completed',
  'safeguard.changed': 'Safeguard changed',
  'safeguard.decision_recorded': 'Safeguard decision recorded',
  'asset.created': 'Asset added',
  'asset.changed': 'Asset changed',
  'data_flow.created': 'Data flow added',
  'data_flow.changed': 'Data flow changed',
  'data_flow.removed': 'Data flow removed',
  'membership.created': 'Member joined',
  'membership.changed': 'Member role changed',
  'membership.removed': 'Member removed',
  'mfa.disabled': 'Two-factor sign-in turned off',
  'token.created': 'API token created',
  'token.revoked': 'API token revoked',
  'access.denied': 'Access refused',
};
/** How the event picker groups the event types (in this order). */
export const WEBHOOK_EVENT_GROUPS: readonly {
  readonly label: string;
  readonly types: readonly WebhookEventType[];
}[] = [
  { label: 'Risks', types: WEBHOOK_EVENT_TYPES.filter((t) => t.startsWith('risk.')) },
  { label: 'Risk analysis', types: WEBHOOK_EVENT_TYPES.filter((t) => t.startsWith('risk_a')) },
  { label: 'Tasks', types: WEBHOOK_EVENT_TYPES.filter((t) => t.startsWith('task.')) },
  { label: 'Safeguards', types: WEBHOOK_EVENT_TYPES.filter((t) => t.startsWith('safeguard.')) },
  {
    label: 'Assets and data flows',
    types: WEBHOOK_EVENT_TYPES.filter((t) => t.startsWith('asset.') || t.startsWith('data_flow.')),
  },
  {
    label: 'People and access',
    types: WEBHOOK_EVENT_TYPES.filter((t) => /^(membership|mfa|token|access)\./.test(t)),
  },
];

/** The event a test send delivers: not an audit action, never sent otherwise. */
export const WEBHOOK_TEST_EVENT = 'webhook.test';

/** Where a delivery stands. */
export const DELIVERY_STATES = ['pending', 'delivered', 'failed'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];
export const DELIVERY_STATE_LABELS: Record<DeliveryState, string> = {
  pending: 'Retrying',
  delivered: 'Delivered',
  failed: 'Failed',
};

/** Why an endpoint stopped: turned off by a person, or by its receiver answering 410 Gone. */
export const WEBHOOK_DISABLED_REASONS = ['gone'] as const;
export const WEBHOOK_DISABLED_REASON_LABELS: Record<
  (typeof WEBHOOK_DISABLED_REASONS)[number],
  string
> = { gone: 'The receiver answered 410 Gone' };

export const WebhookSchema = z.object({
  id: z.string(),
  url: z.string(),
  description: z.string(),
  eventTypes: z.array(z.enum(WEBHOOK_EVENT_TYPES)),
  active: z.boolean(),
  disabledReason: z.enum(WEBHOOK_DISABLED_REASONS).nullable(),
  /** Until then, deliveries are signed with the previous secret too. */
  previousSecretExpiresAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Webhook = z.infer<typeof WebhookSchema>;

/** The signing secret, shown once: at creation and at each rotation. */
const SecretSchema = z.string().describe('whsec_…, the Standard Webhooks signing secret');
export const WebhookWithSecretSchema = WebhookSchema.extend({ secret: SecretSchema });

const UrlField = z
  .string()
  .trim()
  .max(2000, { error: 'must be at most 2000 characters' })
  .refine((v) => URL.canParse(v), { error: 'must be an https:// address' });

export const WebhookBodySchema = z.object({
  url: UrlField,
  description: Text(500).optional(),
  eventTypes: z
    .array(z.enum(WEBHOOK_EVENT_TYPES, { error: 'is not an event a webhook can send' }))
    .min(1, { error: 'must name at least one event' })
    .max(WEBHOOK_EVENT_TYPES.length),
  active: z.boolean().optional(),
});
export type WebhookBody = z.infer<typeof WebhookBodySchema>;

export const WebhookUpdateBodySchema = WebhookBodySchema.partial();
export type WebhookUpdateBody = z.infer<typeof WebhookUpdateBodySchema>;

export const DeliveryAttemptSchema = z.object({
  attempt: z.number().int(),
  at: z.iso.datetime(),
  durationMs: z.number().int(),
  statusCode: z.number().int().nullable(),
  /** Why it failed without an answer (refused address, timeout, connection); never a body. */
  error: z.string().nullable(),
  nextAttemptAt: z.iso.datetime().nullable(),
});

export const DeliverySchema = z.object({
  id: z.string(),
  eventType: z.string(),
  /** The audit event it reports; null for a test send. */
  eventId: z.string().nullable(),
  state: z.enum(DELIVERY_STATES),
  attempts: z.array(DeliveryAttemptSchema),
  nextAttemptAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
export type Delivery = z.infer<typeof DeliverySchema>;

export const DeliveryQuerySchema = z.object({
  cursor: z.uuid({ error: 'is not a cursor from a previous page' }).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

// ---------- routes ----------

const tags = ['webhooks'];
const WebhookParamsSchema = OrgParamsSchema.extend({ webhookId: z.uuid() });
const invalidates = ['webhooks'];
// A public address (TEST-NET-2) checked without DNS: the audit pass creates it.
const exampleBody = {
  url: 'https://198.51.100.20/custos-events',
  description: 'Added by the audit pass.',
  eventTypes: ['task.completed', 'risk.changed'],
};

/** The Webhooks routes. */
export const webhooksRoutes = {
  list: route({
    method: 'GET',
    path: '/api/orgs/:orgId/webhooks',
    tags,
    summary: 'Every webhook endpoint of the organization',
    permission: 'webhooks.read',
    params: OrgParamsSchema,
    response: z.object({ data: z.array(WebhookSchema) }),
  }),
  create: route({
    method: 'POST',
    path: '/api/orgs/:orgId/webhooks',
    tags,
    summary: 'Add an endpoint; the answer holds its signing secret, shown this once',
    permission: 'webhooks.manage',
    params: OrgParamsSchema,
    body: WebhookBodySchema,
    status: 201,
    response: WebhookWithSecretSchema,
    audits: ['webhook.created'],
    example: () => exampleBody,
    invalidates,
  }),
  get: route({
    method: 'GET',
    path: '/api/orgs/:orgId/webhooks/:webhookId',
    tags,
    summary: 'One webhook endpoint',
    permission: 'webhooks.read',
    params: WebhookParamsSchema,
    response: WebhookSchema,
  }),
  update: route({
    method: 'PATCH',
    path: '/api/orgs/:orgId/webhooks/:webhookId',
    tags,
    summary: 'Change an endpoint, or turn it off and on',
    permission: 'webhooks.manage',
    params: WebhookParamsSchema,
    body: WebhookUpdateBodySchema,
    response: WebhookSchema,
    audits: ['webhook.changed'],
    example: () => ({ description: 'Changed by the audit pass.' }),
    invalidates,
  }),
  remove: route({
    method: 'DELETE',
    path: '/api/orgs/:orgId/webhooks/:webhookId',
    tags,
    summary: 'Remove an endpoint and its delivery log',
    permission: 'webhooks.manage',
    params: WebhookParamsSchema,
    status: 204,
    audits: ['webhook.removed'],
    invalidates,
  }),
  rotateSecret: route({
    method: 'POST',
    path: '/api/orgs/:orgId/webhooks/:webhookId/rotate-secret',
    tags,
    summary: 'A new signing secret, shown this once; the old one also signs for 24 hours',
    permission: 'webhooks.manage',
    params: WebhookParamsSchema,
    response: WebhookWithSecretSchema,
    audits: ['webhook.secret_rotated'],
    invalidates,
  }),
  sendTest: route({
    method: 'POST',
    path: '/api/orgs/:orgId/webhooks/:webhookId/test',
    tags,
    summary: 'Send a webhook.test event to the endpoint',
    permission: 'webhooks.manage',
    params: WebhookParamsSchema,
    status: 202,
    response: DeliverySchema,
    audits: ['webhook.test_sent'],
    invalidates,
  }),
  deliveries: route({
    method: 'GET',
    path: '/api/orgs/:orgId/webhooks/:webhookId/deliveries',
    tags,
    summary: 'The delivery log of an endpoint, newest first, each attempt with its answer',
    permission: 'webhooks.read',
    params: WebhookParamsSchema,
    query: DeliveryQuerySchema,
    response: z.object({ data: z.array(DeliverySchema), nextCursor: z.string().nullable() }),
  }),
};
