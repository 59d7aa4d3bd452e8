import type { LinkTarget } from '../../platform/feature';
import { uuidsOnly } from '../../platform/links-registry';
import { findRiskLabels } from './repository/risks';

/** Risks as ends of links: `RISK-3 Laptop theft`. */
export const riskLink: LinkTarget = {
  type: 'risk',
  exists: async (db, orgId, ids) =>
    new Set((await findRiskLabels(db, orgId, uuidsOnly(ids))).map((r) => r.id)),
  labels: async (db, orgId, ids) => {
    const rows = await findRiskLabels(db, orgId, uuidsOnly(ids));
    const found = new Map(rows.map((r) => [r.id, `RISK-${r.number} ${r.title}`]));
    return new Map(ids.map((id) => [id, found.get(id) ?? 'Risk']));
  },
};
