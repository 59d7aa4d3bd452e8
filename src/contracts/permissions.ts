import * as features from './features';
import { isAnyOrganizationGrant, type Grant } from './grants';
import type { Role } from './roles';

export { isAnyOrganizationGrant, type Grant } from './grants';

type Features = typeof features;

/** A permission: a key of some feature's `permissions` table. */
export type Permission = {
  [F in keyof Features]: keyof Features[F]['permissions'];
}[keyof Features];

/** The entries of a feature's table, keys keeping their type (Object.entries widens them to string). */
function entriesOf<K extends string>(table: Readonly<Partial<Record<K, Grant>>>): [K, Grant][] {
  return Object.entries(table) as [K, Grant][];
}

function assemblePermissions(): Readonly<Record<Permission, Grant>> {
  const table = new Map<Permission, Grant>();
  for (const { feature, permissions } of Object.values(features)) {
    for (const [permission, grant] of entriesOf<Permission>(permissions)) {
      if (table.has(permission)) {
        throw new Error(`permission "${permission}" of feature "${feature}" is declared twice`);
      }
      table.set(permission, grant);
    }
  }
  return Object.fromEntries(table) as Record<Permission, Grant>;
}

/**
 * The one permission table: every feature's `permissions`, in the order of contracts/features.ts
 * (alphabetical).
 * Every API route names exactly one of these keys in its `config.permission`; the server refuses to
 * register an /api route that does not. Auditors appear only on reading permissions: they can
 * change nothing.
 */
export const PERMISSIONS = assemblePermissions();

/**
 * Permissions that only a signed-in person holds, never an API token, whatever its role: each
 * feature's `personOnly` (design.md §6.2).
 */
export const PERSON_ONLY: readonly Permission[] = Object.values(features).flatMap((module) =>
  'personOnly' in module ? module.personOnly : [],
);

/**
 * Permissions whose refusal answers 404, as for a record of another organization, not 403: the
 * existence of their records is itself private (sanctions). Each feature's `concealed`.
 */
export const CONCEALED: readonly Permission[] = Object.values(features).flatMap((module) =>
  'concealed' in module ? module.concealed : [],
);

/** What a concealed permission's refusal answers (404), whether or not the record exists. */
export const CONCEALED_ANSWER = 'No such record here.';

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
