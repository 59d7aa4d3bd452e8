import type { LinkTarget } from '../../platform/feature';
import { uuidsOnly } from '../../platform/links-registry';
import { findIncidentTitles } from './repository';
import { reference } from './presenter';

/** Incidents as ends of links (tasks, evidence, risks) and of notifications: `INC-2026-007 Lost laptop`. */
export const incidentLink: LinkTarget = {
  type: 'incident',
  exists: async (db, orgId, ids) =>
    new Set((await findIncidentTitles(db, orgId, uuidsOnly(ids))).map((i) => i.id)),
  labels: async (db, orgId, ids) => {
    const rows = await findIncidentTitles(db, orgId, uuidsOnly(ids));
    const found = new Map(rows.map((i) => [i.id, `${reference(i)} ${i.title}`]));
    return new Map(ids.map((id) => [id, found.get(id) ?? 'Incident']));
  },
};
