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
