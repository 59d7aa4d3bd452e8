import type { LinkTarget } from '../../platform/feature';
import { uuidsOnly } from '../../platform/links-registry';
import { reference } from './presenter';
import { findEvidenceTitles } from './repository';

/** Evidence items as ends of links: `EV-3 Backup restore test`. */
export const evidenceLink: LinkTarget = {
  type: 'evidence',
  exists: async (db, orgId, ids) =>
    new Set((await findEvidenceTitles(db, orgId, uuidsOnly(ids))).map((e) => e.id)),
  labels: async (db, orgId, ids) => {
    const rows = await findEvidenceTitles(db, orgId, uuidsOnly(ids));
    const found = new Map(rows.map((e) => [e.id, `${reference(e.number)} ${e.title}`]));
    return new Map(ids.map((id) => [id, found.get(id) ?? 'Evidence']));
  },
};
