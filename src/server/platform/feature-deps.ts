import type { AppDeps } from './deps';
import type { Feature } from './feature';
import { linkRegistry } from './links-registry';

/** The dependencies the features' manifests make: link targets and dashboard contributions. */
export function featureDeps(features: readonly Feature[]): Pick<AppDeps, 'links' | 'dashboard'> {
  return {
    links: linkRegistry(features),
    dashboard: features.flatMap((f) => (f.dashboard ? [f.dashboard] : [])),
  };
}
