import { hashKey, useQuery, type QueryClient } from '@tanstack/react-query';
import type { Me } from '../../contracts/auth';
import { grantOf, isAnyOrganizationGrant, type Permission } from '../../contracts/permissions';
import type { Role } from '../../contracts/roles';
import { authApi } from '../api/auth';

/** The query key of the signed-in user (`GET /api/auth/state`); null there means signed out. */
export const ME_KEY = authApi.state.key();
const ME_HASH = hashKey(ME_KEY);

/**
 * The signed-in user, or null when signed out. Asked of `GET /api/auth/state`, which answers 200
 * either way: a 401 from `GET /api/me` showed as an error in the console of every signed-out visit.
 */
export function useMe() {
  return useQuery({
    queryKey: ME_KEY,
    queryFn: async (): Promise<Me | null> => {
      const state = await authApi.state();
      return state.signedIn ? state.me : null;
    },
    staleTime: 60_000,
  });
}

/**
 * Forgets what the signed-out user saw and marks them signed out. clear() would detach the
 * mounted session observer, so every other query is dropped instead.
 */
export function forgetSession(queryClient: QueryClient): void {
  queryClient.removeQueries({ predicate: (query) => query.queryHash !== ME_HASH });
  queryClient.setQueryData(ME_KEY, null);
}

/** The active organization and the user's role in it. */
export function activeMembership(me: Me | null | undefined) {
  if (!me) {
    return undefined;
  }
  return me.memberships.find((m) => m.orgId === me.session.activeOrgId) ?? me.memberships[0];
}

/** Whether `role` holds `permission` (the server checks again; this only hides what would be refused). */
export function can(
  role: Role | undefined,
  what: Permission | { readonly contract: { readonly permission: Permission } },
): boolean {
  const grant = grantOf(typeof what === 'string' ? what : what.contract.permission);
  if (grant === 'public' || grant === 'authenticated') {
    return true;
  }
  return (
    role !== undefined &&
    (isAnyOrganizationGrant(grant) ? grant.anyOrganization : grant).includes(role)
  );
}

/**
 * Whether the user may use `permission`: with their role in the active organization, or, for an
 * installation-wide permission, with their role in any of their organizations.
 */
export function mayUse(me: Me | null | undefined, permission: Permission): boolean {
  const grant = grantOf(permission);
  if (isAnyOrganizationGrant(grant)) {
    return (me?.memberships ?? []).some((m) => can(m.role, permission));
  }
  return can(activeMembership(me)?.role, permission);
}
