import { z } from 'zod';
import type { JobKind } from '../../platform/jobs/types';
import { DELIVER_JOB, runDelivery, type DeliveryDeps } from './deliver';

// The organization rides along so its owners see their deliveries on the jobs page (JobFilter).
const DeliverPayloadSchema = z.object({ deliveryId: z.uuid(), orgId: z.uuid() });

/**
 * One attempt of one delivery. The job succeeds whatever the receiver answers: the delivery
 * schedules its own next attempt (so the log shows each one); the engine's retries only cover a
 * run that crashed before recording its answer.
 */
export function deliverJob(deps: DeliveryDeps): JobKind<{ deliveryId: string; orgId: string }> {
  return {
    name: DELIVER_JOB,
    label: 'Sending webhooks',
    retryLimit: 3,
    retryDelaySeconds: 30,
    // A receiver may take 10 s to time out: deliveries run a few at a time, one per organization
    // at once, so one organization's slow receivers never hold up another's deliveries.
    concurrency: 4,
    oneRunningPer: 'orgId',
    parse: (data) => DeliverPayloadSchema.parse(data),
    run: (payload) => runDelivery(deps, payload.deliveryId),
  };
}
