import type { IncidentStatus } from '../../../contracts/incidents-schemas';

/** A Select's choices: each value with the label a person reads. */
export const options = <K extends string>(values: readonly K[], labels: Record<K, string>) =>
  values.map((v) => ({ value: v, label: labels[v] }));

export const STATUS_COLORS: Record<IncidentStatus, string> = {
  reported: 'red',
  triage: 'orange',
  contained: 'yellow',
  eradicated: 'blue',
  recovered: 'teal',
  closed: 'gray',
  not_an_incident: 'gray',
};

/** Severity colours by position on the scale, lowest first (a scale has 2 to 7 levels). */
export function severityColor(level: number, levels: number): string {
  const share = levels <= 1 ? 1 : (level - 1) / (levels - 1);
  return share >= 0.99 ? 'red' : share >= 0.6 ? 'orange' : share >= 0.3 ? 'yellow' : 'gray';
}

/** What a button moving to a status says. */
export const MOVE_LABELS: Record<IncidentStatus, string> = {
  reported: 'Back to reported',
  triage: 'Start triage',
  contained: 'Mark contained',
  eradicated: 'Mark eradicated',
  recovered: 'Mark recovered',
  closed: 'Close',
  not_an_incident: 'Close as not an incident',
};
