import { useQuery } from '@tanstack/react-query';
import { grantOf, isAnyOrganizationGrant, type Permission } from '../../contracts/permissions';
import type { Role } from '../../contracts/roles';
import { MeSchema, type Me } from '../../contracts/identity';
import { apiGet } from '../api/client';
import { ApiError } from '../api/errors';

export const ME_KEY = ['me'] as const;

/** The signed-in user, or null when signed out (401). */
export function useMe() {
  return useQuery({
    queryKey: ME_KEY,
    queryFn: async (): Promise<Me | null> => {
      try {
        return await apiGet('/api/me', MeSchema);
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) {
          return null;
        }
        throw error;
      }
    },
    staleTime: 60_000,
  });
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
