import {
  ASSET_KIND_LABELS,
  CRITICALITY_LABELS,
  EPHI_ROLE_LABELS,
  LIFECYCLE_STATUS_LABELS,
  PROTECTION_STATE_LABELS,
} from '../../../contracts/assets';

// An import cell may hold a value ("moderate") or its label ("Moderate", "Application or system"):
// people fill the template by reading the app. A wrong cell is answered with the labels (issue 12),
// never with zod's `expected one of "low"|"moderate"`.
const CHOICES: Record<string, Readonly<Record<string, string>>> = {
  kind: ASSET_KIND_LABELS,
  ephiRoles: EPHI_ROLE_LABELS,
  criticality: CRITICALITY_LABELS,
  encryptionAtRest: PROTECTION_STATE_LABELS,
  encryptionInTransit: PROTECTION_STATE_LABELS,
  mfa: PROTECTION_STATE_LABELS,
  backup: PROTECTION_STATE_LABELS,
  lifecycle: LIFECYCLE_STATUS_LABELS,
};

const simple = (text: string) =>
  text
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ');

/** The stored value a cell names, by value or by label; the cell lowercased when it names none. */
export function choiceOf(field: string, text: string): string {
  const choices = CHOICES[field];
  const wanted = simple(text);
  const found = choices
    ? Object.entries(choices).find(
        ([value, label]) => simple(value) === wanted || simple(label) === wanted,
      )
    : undefined;
  return found ? found[0] : text.toLowerCase();
}

/** The message for a cell outside its choices, listing their labels; undefined for a free field. */
export function choicesMessage(field: string): string | undefined {
  const choices = CHOICES[field];
  return choices ? `must be one of: ${Object.values(choices).join(', ')}` : undefined;
}
