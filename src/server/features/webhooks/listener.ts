import { WEBHOOK_EVENT_TYPES } from '../../../contracts/webhooks';
import type { AuditListener } from '../../platform/audit/append';
import { createDeliveryIn, type DeliveryDeps } from './deliver';
import { payloadOfEvent } from './payload';
import { eventTypesOf } from './presenter';
import { activeSubscriptions } from './repository/endpoints';

const OFFERED: ReadonlySet<string> = new Set(WEBHOOK_EVENT_TYPES);

/**
 * Queues a delivery to every active endpoint of the organization that wants the event, in the
 * event's transaction: a change that rolls back sends nothing. Events no endpoint can want
 * (sign-ins, reads) cost no query.
 */
export function webhookAuditListener(deps: DeliveryDeps): AuditListener {
  return async (trx, event) => {
    const orgId = event.orgId;
    if (orgId === null || !OFFERED.has(event.action)) return;
    for (const endpoint of await activeSubscriptions(trx, orgId)) {
      if (eventTypesOf(endpoint).some((t) => t === event.action)) {
        await createDeliveryIn(trx, deps, { id: endpoint.id, orgId }, payloadOfEvent(orgId, event));
      }
    }
  };
}
