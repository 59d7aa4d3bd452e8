import {
  PERSON_ONLY,
  roleHolds,
  roleWithin,
  type Permission,
} from '../../../contracts/permissions';
import { roleOf, type Role } from '../../../contracts/roles';
import type { Principal } from './sessions';

/**
 * The role a request acts with in its organization. For a session, the member's role; for an API
 * token, the lesser of the token's role and its creator's current one (design.md §6.2). Every
 * authorization check in every feature asks this object, never a membership row: a token created
 * with a narrow scope must never act with its creator's wider role (164.312(a)(1)).
 */
export interface ActingRole {
  orgId: string;
  userId: string;
  membershipId: string;
  /** The role to name in messages: the token's when it is the lesser, else the member's. */
  role: Role;
  /** Set when an API token calls. */
  viaToken: boolean;
  /** True when the request may use `permission`: every role it acts with holds it (and, for an
   * approval, a person rather than a token acts). */
  holds(permission: Permission): boolean;
}

/**
 * Builds the acting role from a live membership and the principal. When neither role is within
 * the other (the creator's role changed after the token was made), the request holds only what
 * both hold.
 */
export function actingRoleOf(
  membership: { id: string; org_id: string; user_id: string; role: string },
  principal: Pick<Principal, 'token'>,
): ActingRole {
  const memberRole = roleOf(membership.role);
  const tokenRole = principal.token?.role ?? null;
  const roles = tokenRole === null ? [memberRole] : [memberRole, tokenRole];
  // Name the lesser role: the member's only when the creator now holds less than the token.
  const creatorBelowToken =
    tokenRole !== null && roleWithin(memberRole, tokenRole) && !roleWithin(tokenRole, memberRole);
  const named = tokenRole === null || creatorBelowToken ? memberRole : tokenRole;
  return {
    orgId: membership.org_id,
    userId: membership.user_id,
    membershipId: membership.id,
    role: named,
    viaToken: tokenRole !== null,
    holds: (permission) =>
      !(tokenRole !== null && PERSON_ONLY.includes(permission)) &&
      roles.every((role) => roleHolds(role, permission)),
  };
}

/** The acting role of an organization route's request (set by the authorization hook). */
export function actingOf(request: { acting: ActingRole | null }): ActingRole {
  if (!request.acting) {
    throw new Error('organization route reached without an acting role');
  }
  return request.acting;
}
