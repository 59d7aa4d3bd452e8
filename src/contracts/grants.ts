import { ROLES, type Role } from './roles';

/**
 * Who may use a permission: anybody (`public`), any signed-in person (`authenticated`), members
 * of the organization named in the route's `:orgId` holding one of the listed roles, or, for
 * installation-wide routes without `:orgId`, a signed-in person holding one of the listed roles in
 * at least one organization (`{ anyOrganization }`). API tokens act in one organization and use
 * only the organization grants.
 */
export type Grant =
  'public' | 'authenticated' | readonly Role[] | { readonly anyOrganization: readonly Role[] };

/** True for a grant held through a role in any of the caller's organizations. */
export function isAnyOrganizationGrant(
  grant: Grant,
): grant is { readonly anyOrganization: readonly Role[] } {
  return typeof grant === 'object' && 'anyOrganization' in grant;
}

// The role groups the features' permission tables grant to.
export const EVERY_ROLE = ROLES;
export const ADMINS = ['owner', 'admin'] as const satisfies readonly Role[];
// Who keeps the program's records (safeguards, tasks, links).
export const EDITORS = [
  'owner',
  'admin',
  'security_officer',
  'privacy_officer',
  'contributor',
] as const satisfies readonly Role[];
// Everyone but workforce members: the program's records are staff work; auditors read them.
export const STAFF_READERS = [...EDITORS, 'auditor'] as const satisfies readonly Role[];
// 164.308(a)(1)(ii)(D) information system activity review: who reads the trail.
export const AUDIT_READERS = [
  'owner',
  'admin',
  'security_officer',
  'auditor',
] as const satisfies readonly Role[];
