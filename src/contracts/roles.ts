/** Membership roles, most privileged first (design.md §6.2). */
export const ROLES = [
  'owner',
  'admin',
  'security_officer',
  'privacy_officer',
  'contributor',
  'workforce',
  'auditor',
] as const;

export type Role = (typeof ROLES)[number];

/** Reads a stored role, refusing anything outside the closed set. */
export function roleOf(value: string): Role {
  const role = ROLES.find((r) => r === value);
  if (!role) {
    throw new Error(`unknown role ${JSON.stringify(value)}`);
  }
  return role;
}
