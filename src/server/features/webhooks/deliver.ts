import type { Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { WEBHOOK_TEST_EVENT } from '../../../contracts/webhooks';
import type { Database } from '../../db/schema';
import { appendAuditEvent, SYSTEM_CONTEXT } from '../../platform/audit/append';
import type { AppDeps } from '../../platform/deps';
import type { Jobs } from '../../platform/jobs/types';
import type { WebhookPayload } from './payload';
import {
  claimAttempt,
  findDeliveryForJob,
  finishDelivery,
  insertAttempt,
  insertDelivery,
} from './repository/deliveries';
import { findEndpoint, updateEndpoint } from './repository/endpoints';
import { nextAttemptAt } from './schedule';
import { signedHeaders, signingSecrets } from './secrets';
import { sendWebhook, type SendResult } from './send';
import type { WebhookEndpointsTable } from './tables';

/** The job kind that makes one attempt of one delivery; its payload is the delivery's id alone. */
export const DELIVER_JOB = 'webhooks.deliver';

export type DeliveryDeps = Pick<
  AppDeps,
  'database' | 'clock' | 'secrets' | 'outbound' | 'auditKeys' | 'auditListeners'
> & { readonly jobs: Pick<Jobs, 'enqueueIn'> };

/** Queues attempt `attempt` of a delivery, once (the key), in the caller's transaction. */
async function enqueueAttempt(
  trx: Transaction<Database>,
  deps: DeliveryDeps,
  delivery: { id: string; orgId: string },
  attempt: number,
  at: Date,
): Promise<void> {
  await deps.jobs.enqueueIn(
    trx,
    DELIVER_JOB,
    { deliveryId: delivery.id, orgId: delivery.orgId },
    { startAfter: at, key: `${delivery.id}:${attempt}` },
  );
}

/** Records a delivery of `payload` to an endpoint and queues its first attempt, in `trx`. */
export async function createDeliveryIn(
  trx: Transaction<Database>,
  deps: DeliveryDeps,
  endpoint: { id: string; orgId: string },
  payload: WebhookPayload,
): Promise<string> {
  const now = deps.clock.now();
  const id = uuidv7();
  await insertDelivery(trx, {
    id,
    org_id: endpoint.orgId,
    endpoint_id: endpoint.id,
    event_type: payload.type,
    event_id: payload.data.eventId,
    payload: JSON.stringify(payload),
    state: 'pending',
    attempts: 0,
    next_attempt_at: now.toISOString(),
    created_at: now.toISOString(),
    finished_at: null,
  });
  await enqueueAttempt(trx, deps, { id, orgId: endpoint.orgId }, 1, now);
  return id;
}

const isSuccess = (status: number | null) => status !== null && status >= 200 && status < 300;

/** The answer, and whether another attempt may change it. */
async function send(
  deps: DeliveryDeps,
  endpoint: WebhookEndpointsTable | undefined,
  delivery: { id: string; event_type: string; payload: string },
  at: Date,
): Promise<{ result: SendResult; final: boolean }> {
  if (!endpoint) {
    return { result: { statusCode: null, error: 'The endpoint was removed.' }, final: true };
  }
  if (endpoint.active !== 1 && delivery.event_type !== WEBHOOK_TEST_EVENT) {
    return { result: { statusCode: null, error: 'The endpoint is turned off.' }, final: true };
  }
  const secrets = signingSecrets(deps.secrets, endpoint, at);
  const headers = signedHeaders(secrets, delivery.id, at, delivery.payload);
  // The demo clinic's own endpoint may reach a local address (issue 13, part 7); nothing else may
  // unless the operator allows it.
  const policy =
    endpoint.demo_local === 1 ? { ...deps.outbound, allowPrivate: true } : deps.outbound;
  const result = await sendWebhook(policy, new URL(endpoint.url), headers, delivery.payload);
  // 2xx is delivered; 410 Gone means the receiver will never take it.
  return { result, final: isSuccess(result.statusCode) || result.statusCode === 410 };
}

/**
 * Makes the next attempt of a delivery (the `webhooks.deliver` job): takes the attempt, signs and
 * sends, then records the answer and either finishes the delivery or queues the next attempt
 * with a doubled delay. A 410 Gone turns the endpoint off. Safe to run twice: a second run finds
 * the attempt taken, or the delivery finished, and does nothing.
 */
export async function runDelivery(deps: DeliveryDeps, deliveryId: string): Promise<void> {
  const db = deps.database.db;
  const delivery = await findDeliveryForJob(db, deliveryId);
  if (delivery?.state !== 'pending') return;
  const due = delivery.next_attempt_at === null ? null : Date.parse(delivery.next_attempt_at);
  // A stray early run (its attempt already made, the next not due) leaves the delivery alone.
  if (due === null || due > deps.clock.now().getTime() + 1000) return;
  const attempt = delivery.attempts + 1;
  if (!(await claimAttempt(db, deliveryId, attempt))) return;

  const endpoint = await findEndpoint(db, delivery.org_id, delivery.endpoint_id);
  const started = deps.clock.now();
  const startedMs = performance.now();
  const { result, final } = await send(deps, endpoint, delivery, started);
  const durationMs = Math.round(performance.now() - startedMs);
  const finished = deps.clock.now();
  const gone = result.statusCode === 410;
  const next = final ? null : nextAttemptAt(attempt, finished);

  await db.transaction().execute(async (trx) => {
    const finishedDelivery = await finishDelivery(trx, deliveryId, {
      state: isSuccess(result.statusCode) ? 'delivered' : next === null ? 'failed' : 'pending',
      next_attempt_at: next?.toISOString() ?? null,
      finished_at: next === null ? finished.toISOString() : null,
    });
    // The endpoint was removed while the attempt ran: nothing is left to record or deliver to.
    if (!finishedDelivery) return;
    await insertAttempt(trx, {
      id: uuidv7(),
      org_id: delivery.org_id,
      delivery_id: deliveryId,
      attempt,
      at: started.toISOString(),
      duration_ms: durationMs,
      status_code: result.statusCode,
      error: result.error,
      next_attempt_at: next?.toISOString() ?? null,
    });
    if (next !== null) {
      await enqueueAttempt(
        trx,
        deps,
        { id: deliveryId, orgId: delivery.org_id },
        attempt + 1,
        next,
      );
    }
    if (gone && endpoint?.active === 1) {
      // The receiver says the address is gone for good: stop sending rather than retry for a day.
      await updateEndpoint(trx, endpoint.org_id, endpoint.id, {
        active: 0,
        disabled_reason: 'gone',
        updated_at: finished.toISOString(),
      });
      await appendAuditEvent(trx, deps, SYSTEM_CONTEXT, {
        orgId: endpoint.org_id,
        action: 'webhook.disabled',
        entity: { type: 'webhook', id: endpoint.id },
        changes: { active: { before: true, after: false } },
      });
    }
  });
}
