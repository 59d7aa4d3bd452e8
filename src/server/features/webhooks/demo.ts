import type { Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import type { WebhookEventType } from '../../../contracts/webhooks';
import type { Database } from '../../db/schema';
import { demoStep, type DemoClinic } from '../../platform/demo';
import { DELIVER_JOB } from './deliver';
import { insertAttempt, insertDelivery } from './repository/deliveries';
import { retryDelayMs } from './schedule';
import { createWebhookIn } from './service';

// The demo clinic's endpoint: a receiver on the same computer, which only the demo's own endpoint
// may reach without CUSTOS_WEBHOOKS_ALLOW_PRIVATE (issue 13, part 7). Its log shows a delivery in
// each state; the ids in their bodies are made up, as no receiver ever read them.
export const DEMO_WEBHOOK_URL = 'http://localhost:9000/custos-webhooks';

const MINUTE = 60_000;

interface DemoAttempt {
  readonly statusCode: number | null;
  readonly error: string | null;
}
interface DemoDelivery {
  readonly type: WebhookEventType | 'webhook.test';
  readonly minutesAgo: number;
  readonly attempts: readonly DemoAttempt[];
  readonly state: 'delivered' | 'pending' | 'failed';
}

const refused: DemoAttempt = { statusCode: null, error: 'The receiver refused the connection.' };
const DELIVERIES: readonly DemoDelivery[] = [
  {
    type: 'risk.accepted',
    minutesAgo: 3 * 24 * 60,
    attempts: Array.from({ length: 13 }, () => refused),
    state: 'failed',
  },
  {
    type: 'task.completed',
    minutesAgo: 26 * 60,
    attempts: [{ statusCode: 200, error: null }],
    state: 'delivered',
  },
  {
    type: 'risk.changed',
    // Five attempts over 7.5 minutes: the sixth is due a few minutes from now.
    minutesAgo: 10,
    attempts: [
      { statusCode: 503, error: null },
      { statusCode: 503, error: null },
      refused,
      refused,
      refused,
    ],
    state: 'pending',
  },
  {
    type: 'webhook.test',
    minutesAgo: 2,
    attempts: [{ statusCode: 204, error: null }],
    state: 'delivered',
  },
];

async function seedDelivery(
  trx: Transaction<Database>,
  clinic: DemoClinic,
  endpointId: string,
  demo: DemoDelivery,
): Promise<void> {
  const now = clinic.deps.clock.now().getTime();
  const created = now - demo.minutesAgo * MINUTE;
  const id = uuidv7({ msecs: created });
  let at = created;
  const attempts = demo.attempts.map((a, index) => {
    const attempt = index + 1;
    const last = attempt === demo.attempts.length;
    const failed = a.statusCode === null || a.statusCode >= 300;
    const next = failed && !(last && demo.state === 'failed') ? at + retryDelayMs(attempt) : null;
    const row = { attempt, at: new Date(at).toISOString(), next };
    at = next ?? at;
    return { ...a, ...row };
  });
  const payload = {
    type: demo.type,
    timestamp: new Date(created).toISOString(),
    data: {
      orgId: clinic.orgId,
      eventId: demo.type === 'webhook.test' ? null : uuidv7({ msecs: created }),
      action: demo.type,
      recordType: demo.type === 'webhook.test' ? 'webhook' : demo.type.split('.')[0],
      recordId: demo.type === 'webhook.test' ? endpointId : uuidv7({ msecs: created }),
      actorType: 'user',
      actorId: clinic.person('dana'),
    },
  };
  const lastNext = attempts.at(-1)?.next ?? null;
  const nextAt = demo.state === 'pending' && lastNext !== null ? new Date(lastNext) : null;
  await insertDelivery(trx, {
    id,
    org_id: clinic.orgId,
    endpoint_id: endpointId,
    event_type: demo.type,
    event_id: payload.data.eventId,
    payload: JSON.stringify(payload),
    state: demo.state,
    attempts: attempts.length,
    next_attempt_at: nextAt?.toISOString() ?? null,
    created_at: new Date(created).toISOString(),
    finished_at: demo.state === 'pending' ? null : (attempts.at(-1)?.at ?? null),
  });
  for (const a of attempts) {
    await insertAttempt(trx, {
      id: uuidv7(),
      org_id: clinic.orgId,
      delivery_id: id,
      attempt: a.attempt,
      at: a.at,
      duration_ms: a.statusCode === null ? 2 : 140,
      status_code: a.statusCode,
      error: a.error,
      next_attempt_at: a.next === null ? null : new Date(a.next).toISOString(),
    });
  }
  if (nextAt !== null) {
    await clinic.deps.jobs.enqueueIn(
      trx,
      DELIVER_JOB,
      { deliveryId: id, orgId: clinic.orgId },
      { startAfter: nextAt, key: `${id}:${attempts.length + 1}` },
    );
  }
}

const webhooks = demoStep(90, z.unknown(), async (clinic) => {
  const { deps, context, orgId } = clinic;
  await deps.database.db.transaction().execute(async (trx) => {
    const { id } = await createWebhookIn(
      trx,
      deps,
      context,
      orgId,
      {
        url: DEMO_WEBHOOK_URL,
        description: 'Demo receiver on this computer (allowed for the demo clinic only)',
        eventTypes: ['task.completed', 'risk.changed', 'risk.accepted', 'risk_assessment.approved'],
      },
      { demoLocal: true },
    );
    for (const delivery of DELIVERIES) {
      await seedDelivery(trx, clinic, id, delivery);
    }
  });
});

export const webhooksDemo = [webhooks];
