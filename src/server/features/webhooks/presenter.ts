import {
  DELIVERY_STATES,
  WEBHOOK_DISABLED_REASONS,
  WEBHOOK_EVENT_TYPES,
  type Delivery,
  type Webhook,
  type WebhookEventType,
} from '../../../contracts/webhooks';
import { readJson } from '../../platform/db/json-columns';
import type { WebhookAttemptsTable, WebhookDeliveriesTable, WebhookEndpointsTable } from './tables';

const isEventType = (value: unknown): value is WebhookEventType =>
  WEBHOOK_EVENT_TYPES.some((t) => t === value);

/** The stored event types that are still offered (an action no longer offered is left out). */
export function eventTypesOf(row: Pick<WebhookEndpointsTable, 'event_types'>): WebhookEventType[] {
  return readJson('webhook_endpoints.event_types', row.event_types).filter(isEventType);
}

const disabledReason = (value: string | null) =>
  WEBHOOK_DISABLED_REASONS.find((r) => r === value) ?? null;

/** An endpoint, field by field: never its secrets. */
export function presentWebhook(row: WebhookEndpointsTable, now: Date): Webhook {
  const graceLeft =
    row.previous_secret_expires_at !== null &&
    Date.parse(row.previous_secret_expires_at) > now.getTime();
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    eventTypes: eventTypesOf(row),
    active: row.active === 1,
    disabledReason: disabledReason(row.disabled_reason),
    previousSecretExpiresAt: graceLeft ? row.previous_secret_expires_at : null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function presentDelivery(
  row: WebhookDeliveriesTable,
  attempts: readonly WebhookAttemptsTable[],
): Delivery {
  return {
    id: row.id,
    eventType: row.event_type,
    eventId: row.event_id,
    state: DELIVERY_STATES.find((s) => s === row.state) ?? 'failed',
    attempts: attempts.map((a) => ({
      attempt: a.attempt,
      at: a.at,
      durationMs: a.duration_ms,
      statusCode: a.status_code,
      error: a.error,
      nextAttemptAt: a.next_attempt_at,
    })),
    nextAttemptAt: row.next_attempt_at,
    createdAt: row.created_at,
  };
}
