import {
  CLEARANCE_OUTCOME_LABELS,
  PERSON_STATUS_LABELS,
  type Person,
} from '../../../contracts/people-schemas';

/** A Select's choices: each value with the label a person reads. */
export const options = <K extends string>(values: readonly K[], labels: Record<K, string>) =>
  values.map((v) => ({ value: v, label: labels[v] }));

export const STATUS_COLORS: Record<Person['status'], string> = {
  active: 'teal',
  starting: 'blue',
  ended: 'gray',
};

export const CLEARANCE_COLORS: Record<NonNullable<Person['clearanceOutcome']>, string> = {
  cleared: 'teal',
  not_cleared: 'red',
  waived: 'gray',
  pending: 'yellow',
};

export const statusLabel = (p: Person) => PERSON_STATUS_LABELS[p.status];
export const clearanceLabel = (p: Person) =>
  p.clearanceOutcome ? CLEARANCE_OUTCOME_LABELS[p.clearanceOutcome] : 'Not recorded';
