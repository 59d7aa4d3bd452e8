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

const EVERY_ROLE = ROLES;
const ADMINS = ['owner', 'admin'] as const satisfies readonly Role[];
// Who keeps the program's records (safeguards, tasks, links).
const EDITORS = [
  'owner',
  'admin',
  'security_officer',
  'privacy_officer',
  'contributor',
] as const satisfies readonly Role[];
// Everyone but workforce members: the program's records are staff work; auditors read them.
const STAFF_READERS = [...EDITORS, 'auditor'] as const satisfies readonly Role[];
// 164.308(a)(1)(ii)(D) information system activity review: who reads the trail.
const AUDIT_READERS = [
  'owner',
  'admin',
  'security_officer',
  'auditor',
] as const satisfies readonly Role[];

/**
 * The one permission table. Every API route names exactly one of these keys in its
 * `config.permission`; the server refuses to register an /api route that does not. Auditors
 * appear only on reading permissions: they can change nothing.
 */
export const PERMISSIONS = {
  'system.health': 'public',
  // Version, database and installation id help an attacker more than a load balancer, which has
  // /healthz and /readyz: installation-wide facts for owners and admins only.
  'system.status.read': { anyOrganization: ADMINS },
  'system.openapi.read': 'public',
  'setup.read': 'public',
  'setup.complete': 'public',
  'auth.sign_in': 'public',
  'auth.sign_out': 'authenticated',
  'auth.mfa.verify': 'authenticated',
  'auth.reauthenticate': 'authenticated',
  'me.mfa.manage': 'authenticated',
  'me.tokens.manage': 'authenticated',
  'me.password.change': 'authenticated',
  'auth.password_reset': 'public',
  'auth.session.read': 'authenticated',
  'me.read': 'authenticated',
  'me.sessions.manage': 'authenticated',
  'me.organization.switch': 'authenticated',
  // The regulation catalog is public knowledge, but the app serves it to signed-in people only.
  'catalog.read': 'authenticated',
  'organization.read': EVERY_ROLE,
  'organization.settings.update': ADMINS,
  // Contributors pick owners for safeguards and tasks, so they see who the members are.
  'members.read': STAFF_READERS,
  'members.invite': ADMINS,
  'members.manage': ADMINS,
  // Capability checked inside member management: only owners grant, change or remove ownership.
  'members.manage_owners': ['owner'],
  'invitations.lookup': 'public',
  'invitations.accept_new': 'public',
  'invitations.accept': 'authenticated',
  // The outbox holds every message sent (invitations, resets): owners only.
  'outbox.read': ['owner'],
  // The compliance program. Workforce members see their own tasks only (tasks service).
  'program.read': STAFF_READERS,
  'dashboard.read': EVERY_ROLE,
  'organization.profile.update': [...ADMINS, 'security_officer'],
  'safeguards.update': EDITORS,
  // 164.306(d)(3): the decision on an addressable specification is the security official's call.
  'safeguards.decide': [...ADMINS, 'security_officer'],
  'safeguards.export': ['owner', 'admin', 'security_officer', 'privacy_officer', 'auditor'],
  'links.manage': EDITORS,
  // 164.308(a)(1)(ii)(A): the inventory behind the risk analysis.
  'assets.read': STAFF_READERS,
  'assets.manage': EDITORS,
  // 164.308(a)(1)(ii)(A)–(B): the risk analysis and the risk register.
  'risks.read': STAFF_READERS,
  'risks.manage': EDITORS,
  // Approving an assessment, or changing the matrix it is rated on, is the security official's call.
  'risks.approve': [...ADMINS, 'security_officer'],
  'tasks.read': EVERY_ROLE,
  // Capability checked by the task list: workforce members see only their own tasks.
  'tasks.read_all': STAFF_READERS,
  'tasks.manage': EDITORS,
  'tasks.complete': [
    'owner',
    'admin',
    'security_officer',
    'privacy_officer',
    'contributor',
    'workforce',
  ],
  'audit.read': AUDIT_READERS,
  'audit.export': AUDIT_READERS,
  'audit.verify': AUDIT_READERS,
} as const satisfies Record<string, Grant>;

export type Permission = keyof typeof PERMISSIONS;

/**
 * Permissions that only a signed-in person holds, never an API token, whatever its role: an
 * approval or a decision is a person's own act and names them (design.md §6.2).
 */
export const PERSON_ONLY: readonly Permission[] = [
  'risks.approve',
  'safeguards.decide',
  // The outbox holds other members' reset and invitation links: a token reading it could take over
  // an account and then approve as that person.
  'outbox.read',
];

/** True when `key` names a permission of the table. */
export function isPermission(key: string): key is Permission {
  return Object.hasOwn(PERMISSIONS, key);
}

/** The grant of a permission. */
export function grantOf(permission: Permission): Grant {
  return PERMISSIONS[permission];
}

/** True when `role` holds `permission` (public and authenticated grants hold for everyone). */
export function roleHolds(role: Role, permission: Permission): boolean {
  const grant = grantOf(permission);
  if (grant === 'public' || grant === 'authenticated') {
    return true;
  }
  return (isAnyOrganizationGrant(grant) ? grant.anyOrganization : grant).includes(role);
}

/** True when everything `lesser` may do, `greater` may do too: a token's role must be within its creator's. */
export function roleWithin(lesser: Role, greater: Role): boolean {
  return (Object.keys(PERMISSIONS) as Permission[]).every(
    (p) => !roleHolds(lesser, p) || roleHolds(greater, p),
  );
}
