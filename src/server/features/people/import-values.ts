import {
  CLEARANCE_OUTCOMES,
  CLEARANCE_OUTCOME_LABELS,
  PERSON_KINDS,
  PERSON_KIND_LABELS,
  type ClearanceOutcome,
  type PersonKind,
  type RosterColumn,
} from '../../../contracts/people-schemas';

// A roster cell may hold a value ("not_cleared") or its label ("Not cleared"): people fill the
// template by reading the app (issue 12). A wrong cell is answered with the labels.
const CHOICES: Partial<Record<RosterColumn, Readonly<Record<string, string>>>> = {
  kind: PERSON_KIND_LABELS,
  clearance_outcome: CLEARANCE_OUTCOME_LABELS,
};

const simple = (text: string) =>
  text
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ');

/** The stored value a cell names, by value or by label; undefined when it names none. */
function choiceOf(column: RosterColumn, text: string): string | undefined {
  const wanted = simple(text);
  const found = Object.entries(CHOICES[column] ?? {}).find(
    ([value, label]) => simple(value) === wanted || simple(label) === wanted,
  );
  return found?.[0];
}

/** The kind a cell names, by value or label. */
export const kindOf = (text: string): PersonKind | undefined =>
  PERSON_KINDS.find((k) => k === choiceOf('kind', text));

/** The clearance outcome a cell names, by value or label. */
export const outcomeOf = (text: string): ClearanceOutcome | undefined =>
  CLEARANCE_OUTCOMES.find((o) => o === choiceOf('clearance_outcome', text));

/** The message for a cell outside its choices, listing their labels. */
export function choicesMessage(column: RosterColumn): string {
  return `must be one of: ${Object.values(CHOICES[column] ?? {}).join(', ')}`;
}

// Excel's day 0 of the 1900 date system (its serial 60 is the 29 February 1900 that never was).
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const DAY = 86_400_000;

/**
 * A date cell as YYYY-MM-DD: ISO text, or the serial number an XLSX holds for a date typed in a
 * spreadsheet (the reader does not apply formats). Undefined when the cell is neither.
 */
export function dateOf(text: string): string | undefined {
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    const date = new Date(`${text}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text) ? text : undefined;
  }
  // 1 January 1900 to 31 December 9999.
  if (/^\d{1,7}(\.\d+)?$/.test(text)) {
    const serial = Math.floor(Number(text));
    if (serial >= 61 && serial <= 2_958_465) {
      return new Date(EXCEL_EPOCH + serial * DAY).toISOString().slice(0, 10);
    }
  }
  return undefined;
}
