// Field names in a person's words, for history, the audit log and error messages. No imports: the
// API client (first chunk) uses it.

/** Labels of the fields the features record in their changes; others are spelled out from camelCase. */
const FIELD_LABELS: Record<string, string> = {
  ownerId: 'Owner',
  owner: 'Owner',
  assigneeId: 'Assignee',
  approverId: 'Approver',
  approvedBy: 'Approved by',
  nextReviewOn: 'Next review',
  dueOn: 'Due',
  status: 'Status',
  priority: 'Priority',
  decision: 'Decision',
  rationale: 'Reasoning',
  alternative: 'Alternative',
  basis: 'Risk analysis it rests on',
  basisAssessmentId: 'Risk analysis it rests on',
  implementation: 'How it is implemented',
  kind: 'Kind',
  criticality: 'Criticality',
  encrypted: 'Encrypted',
  treatment: 'Treatment',
  role: 'Role',
  entityType: 'Kind of entity',
  size: 'Size',
  timeZone: 'Time zone',
  idleTimeoutMinutes: 'Sign out after inactivity (minutes)',
  mfaRequired: 'Two-factor sign-in required',
  securityOfficial: 'Security official',
  privacyOfficial: 'Privacy official',
  includesGroupHealthPlan: 'Includes a group health plan',
  includesClearinghouse: 'Includes a clearinghouse',
  ephiRoles: 'What it does with ePHI',
  accessExpiresAt: 'Access ends',
};

/** A field's label: "ownerId" → "Owner"; undeclared ones spelled out ("nextReviewOn" → "Next review on"). */
export function fieldLabel(path: string): string {
  // body.owner.email → email; items.3.name → name
  const field =
    path
      .split('.')
      .filter((part) => !/^\d+$/.test(part))
      .pop() ?? path;
  const known = FIELD_LABELS[field];
  if (known) {
    return known;
  }
  const words = field
    .replace(/Id$/, '')
    .replace(/_/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
