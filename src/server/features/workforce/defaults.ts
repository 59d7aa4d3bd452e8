import type { ChecklistKind } from '../../../contracts/workforce';

/**
 * Custos's checklist items, for everyone, while an organization has not written its own template
 * (it edits a copy). Termination items on top of these are fixed: an account task per system with
 * ePHI, devices and badges, remote access (termination.ts).
 */
export const DEFAULT_TEMPLATES: Record<ChecklistKind, readonly string[]> = {
  // 164.308(a)(3)(ii)(A)–(B) and 164.308(a)(5): authorized, cleared and trained before access.
  onboarding: [
    'Confirm the background check outcome is on the roster',
    'Create accounts on the systems the job needs, and no others',
    'Issue the badge, keys and devices, and record them',
    'Assign security awareness training',
    'Have the security policies acknowledged',
    'Name who supervises the person where ePHI is reachable',
  ],
  // 164.308(a)(3)(ii)(C): termination procedures.
  termination: [
    'Change shared passwords, door codes and safe combinations the person knew',
    "Forward or close the person's mailbox and voicemail",
    "Review the person's recent access to ePHI",
  ],
};
