import type { LinkTarget } from '../../platform/feature';
import { uuidsOnly } from '../../platform/links-registry';
import { reference } from './presenter';
import { findDocumentsByIds } from './repository';

/** Documents as ends of links: `POL-3 Access control`. */
export const documentLink: LinkTarget = {
  type: 'document',
  exists: async (db, orgId, ids) =>
    new Set((await findDocumentsByIds(db, orgId, uuidsOnly(ids))).map((d) => d.id)),
  labels: async (db, orgId, ids) => {
    const rows = await findDocumentsByIds(db, orgId, uuidsOnly(ids));
    const found = new Map(rows.map((d) => [d.id, `${reference(d.number)} ${d.title}`]));
    return new Map(ids.map((id) => [id, found.get(id) ?? 'Policy']));
  },
};
