import { matchRoutes, type RouteObject } from 'react-router';
import type { Me } from '../../contracts/auth';
import { isPermission, type Permission } from '../../contracts/permissions';
import { WEB_FEATURES } from './features';
import { mayUse, useMe } from './session';
import { routesOf } from './web-feature';

const { pages } = routesOf(WEB_FEATURES);

/** The permissions the pages matching `to` declare (`needs` in web-feature.ts); none for others. */
export function permissionsToOpen(to: string, routes: RouteObject[] = pages): Permission[] {
  const pathname = to.split(/[?#]/)[0] ?? to;
  return (matchRoutes(routes, pathname) ?? []).flatMap(({ route }) => {
    const handle: unknown = route.handle;
    if (typeof handle !== 'object' || handle === null || !('permission' in handle)) return [];
    const { permission } = handle;
    return typeof permission === 'string' && isPermission(permission) ? [permission] : [];
  });
}

/**
 * Whether `me` may open the page at `to`: the rule PermissionGate applies once there, applied
 * before a link is drawn, so nobody is sent to a page that answers "Not open to your role".
 */
export function mayOpen(me: Me | null | undefined, to: string): boolean {
  return permissionsToOpen(to).every((p) => mayUse(me, p));
}

/** mayOpen for the signed-in user. */
export function useMayOpen(): (to: string) => boolean {
  const me = useMe().data;
  return (to) => mayOpen(me, to);
}
