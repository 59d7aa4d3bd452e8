import type { LinkTarget } from '../../platform/feature';
import { catalog } from '../catalog/content';

/** Safeguards as ends of links, addressed by citation: `164.308(a)(1)(i) Security management process`. */
export const safeguardLink: LinkTarget = {
  type: 'safeguard',
  exists: (_db, _orgId, ids) =>
    Promise.resolve(new Set(ids.filter((id) => catalog().byId.has(id)))),
  labels: (_db, _orgId, ids) =>
    Promise.resolve(
      new Map(ids.map((id) => [id, `${id} ${catalog().byId.get(id)?.title ?? ''}`.trim()])),
    ),
};
