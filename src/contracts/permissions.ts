import type { Role } from './roles';

/** Who may use a permission: anybody (`public`) or members holding one of the listed roles. */
export type Grant = 'public' | readonly Role[];

/**
 * The one permission table. Every API route names exactly one of these keys in its
 * `config.permission`; the server refuses to register an /api route that does not.
 */
export const PERMISSIONS = {
  'system.health': 'public',
  'system.status.read': 'public',
  'system.openapi.read': 'public',
} as const satisfies Record<string, Grant>;

export type Permission = keyof typeof PERMISSIONS;

/** True when `key` names a permission of the table. */
export function isPermission(key: string): key is Permission {
  return Object.hasOwn(PERMISSIONS, key);
}
