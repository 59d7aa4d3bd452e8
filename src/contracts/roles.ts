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

/** What a person reads for each role. */
export const ROLE_LABELS: Record<Role, string> = {
  owner: 'Owner',
  admin: 'Administrator',
  security_officer: 'Security official',
  privacy_officer: 'Privacy official',
  contributor: 'Contributor',
  workforce: 'Workforce member',
  auditor: 'Auditor',
};

/** Everyone holding a role, as a sentence names them ("asked of workforce members"). */
export const ROLE_PLURALS: Record<Role, string> = {
  owner: 'owners',
  admin: 'administrators',
  security_officer: 'security officials',
  privacy_officer: 'privacy officials',
  contributor: 'contributors',
  workforce: 'workforce members',
  auditor: 'auditors',
};

/** Reads a stored role, refusing anything outside the closed set. */
export function roleOf(value: string): Role {
  const role = ROLES.find((r) => r === value);
  if (!role) {
    throw new Error(`unknown role ${JSON.stringify(value)}`);
  }
  return role;
}
