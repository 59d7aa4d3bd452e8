import type { LinkType } from '../../contracts/links';
import type { Feature, LinkTarget } from './feature';

/** The link targets the features declare, by link type (built once per app from the manifests). */
export interface LinkRegistry {
  /** The target of `type`, or undefined when no feature declares it (`url` is no record). */
  target(type: LinkType): LinkTarget | undefined;
}

/** Collects every feature's `link`; two features declaring one type is a programming error. */
export function linkRegistry(features: readonly Feature[]): LinkRegistry {
  const targets = new Map<LinkType, LinkTarget>();
  for (const feature of features) {
    const declared: readonly LinkTarget[] =
      feature.link === undefined ? [] : 'type' in feature.link ? [feature.link] : feature.link;
    for (const link of declared) {
      if (targets.has(link.type)) {
        throw new Error(`Two features declare the link type "${link.type}"`);
      }
      targets.set(link.type, link);
    }
  }
  return { target: (type) => targets.get(type) };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The ids shaped like UUIDs: PostgreSQL refuses anything else compared with a uuid column. */
export function uuidsOnly(ids: readonly string[]): string[] {
  return ids.filter((id) => UUID.test(id));
}
