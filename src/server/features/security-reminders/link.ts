import type { LinkTarget } from '../../platform/feature';
import { uuidsOnly } from '../../platform/links-registry';
import { findReminderLabels } from './repository';

/** A security reminder as the end of a link (164.308(a)(5)(ii)(A)'s record, notifications). */
export const securityReminderLink: LinkTarget = {
  type: 'security_reminder',
  exists: async (db, orgId, ids) =>
    new Set((await findReminderLabels(db, orgId, uuidsOnly(ids))).keys()),
  labels: async (db, orgId, ids) => {
    const found = await findReminderLabels(db, orgId, uuidsOnly(ids));
    return new Map(ids.map((id) => [id, found.get(id) ?? 'Security reminder']));
  },
};
