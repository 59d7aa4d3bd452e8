import type { AuditListener } from './audit/append';
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

/**
 * The features' audit listeners (webhooks), built from the deps they belong to: the server and
 * every command that changes records hand them to `appendAuditEvent` through `deps.auditListeners`,
 * so a change made from the command line sends its webhooks as one made in the app does.
 */
export function featureAuditListeners(
  features: readonly Feature[],
  deps: AppDeps,
): AuditListener[] {
  return features.flatMap((f) => (f.auditListener ? [f.auditListener(deps)] : []));
}
