import type { AppendedAuditEvent } from '../../platform/audit/append';
import { WEBHOOK_TEST_EVENT } from '../../../contracts/webhooks';

/**
 * The body of a delivery: ids, references and enumerated values only, never PHI and never text a
 * person wrote (164.312(e)(1): what leaves Custos says which record changed, not what it holds).
 */
export interface WebhookPayload {
  readonly type: string;
  readonly timestamp: string;
  readonly data: {
    readonly orgId: string;
    readonly eventId: string | null;
    readonly action: string;
    readonly recordType: string | null;
    readonly recordId: string | null;
    readonly actorType: string;
    readonly actorId: string | null;
  };
}

export function payloadOfEvent(orgId: string, event: AppendedAuditEvent): WebhookPayload {
  return {
    type: event.action,
    timestamp: event.occurredAt,
    data: {
      orgId,
      eventId: event.id,
      action: event.action,
      recordType: event.entityType,
      recordId: event.entityId,
      actorType: event.actorType,
      actorId: event.actorId,
    },
  };
}

export function testPayload(
  orgId: string,
  endpointId: string,
  actor: { type: string; id: string | null },
  at: string,
): WebhookPayload {
  return {
    type: WEBHOOK_TEST_EVENT,
    timestamp: at,
    data: {
      orgId,
      eventId: null,
      action: WEBHOOK_TEST_EVENT,
      recordType: 'webhook',
      recordId: endpointId,
      actorType: actor.type,
      actorId: actor.id,
    },
  };
}
