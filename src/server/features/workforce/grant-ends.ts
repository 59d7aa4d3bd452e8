import type { AuditListener } from '../../platform/audit/append';
import type { AppDeps } from '../../platform/deps';
import { organizationToday } from '../../platform/org-calendar';
import { endGrantIn, grantRowIn } from '../access-reviews/grants';
import { findTerminationItemOfTask } from './repository';

/** The prefix of a termination item's key that names the access grant it disables. */
export const GRANT_ITEM = 'grant:';

/**
 * When the task "disable the account on <system>" of a recorded grant is done, the grant ends that
 * day, by whoever did it, audited (164.308(a)(3)(ii)(C), 164.308(a)(4)(ii)(C)). Not when
 * employment ends: the grant records access that exists, and an auditor compares it with the
 * system, where the account lives until someone disables it.
 */
export function grantEndsWithTask(deps: AppDeps): AuditListener {
  return async (trx, event) => {
    if (event.action !== 'task.completed' || event.entityType !== 'task') return;
    if (event.orgId === null || event.entityId === null) return;
    const orgId = event.orgId;
    const item = await findTerminationItemOfTask(trx, orgId, event.entityId);
    if (item?.status !== 'open' || !item.item_key.startsWith(GRANT_ITEM)) return;
    const grant = await grantRowIn(trx, orgId, item.item_key.slice(GRANT_ITEM.length));
    if (grant?.revoked_on !== null) return;
    const context = {
      actor: { type: event.actorType, id: event.actorId, label: null },
      ip: null,
      userAgent: null,
      requestId: null,
    };
    await endGrantIn(
      trx,
      deps,
      context,
      orgId,
      grant,
      await organizationToday(trx, deps.clock, orgId),
    );
  };
}
