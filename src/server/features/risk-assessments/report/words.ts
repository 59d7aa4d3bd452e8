import type {
  CRITICALITIES,
  FLOW_ENCRYPTION,
  PROTECTION_STATES,
} from '../../../../contracts/assets';
import type { Assessment } from '../../../../contracts/risk-assessments';
import { dateWord } from '../../../platform/words';

// The report's words for stored values: never a raw enum value on paper.
const CRITICALITY: Record<(typeof CRITICALITIES)[number], string> = {
  low: 'Low',
  moderate: 'Moderate',
  high: 'High',
  critical: 'Critical',
};
const PROTECTION: Record<(typeof PROTECTION_STATES)[number], string> = {
  yes: 'Yes',
  partial: 'Partly',
  no: 'No',
  unknown: 'Unknown',
  not_applicable: 'N/A',
};
const FLOW: Record<(typeof FLOW_ENCRYPTION)[number], string> = {
  yes: 'Yes',
  no: 'No',
  unknown: 'Unknown',
};
const TASK: Record<string, string> = {
  open: 'open',
  in_progress: 'in progress',
  done: 'done',
  cancelled: 'cancelled',
};
export const STATUS: Record<Assessment['status'], string> = {
  draft: 'Draft',
  in_review: 'In review',
  approved: 'Approved',
};

const lookup = (labels: Record<string, string>) => (value: string) => labels[value] ?? value;
export const criticalityWord = lookup(CRITICALITY);
export const protectionWord = lookup(PROTECTION);
export const flowEncryptionWord = lookup(FLOW);
export const taskStatusWord = lookup(TASK);

// Shared with every text the server writes.
export { dateWord, instantIn } from '../../../platform/words';

/** The calendar day an instant falls on in the organization's time zone, as YYYY-MM-DD. */
export function dayIn(timeZone: string, iso: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date(iso));
}

/**
 * The assessment's period: its end date, else (approved) the day it was approved in the
 * organization's time zone, else open.
 */
export function periodWords(a: Assessment, timeZone: string): string {
  const end = a.endsOn ?? (a.approved ? dayIn(timeZone, a.approved.at) : null);
  const ending = end
    ? `to ${dateWord(end)}${a.endsOn ? '' : ' (approval)'}`
    : 'open until approval';
  if (!a.startsOn) return `start not recorded, ${ending}`;
  return end ? `${dateWord(a.startsOn)} ${ending}` : `from ${dateWord(a.startsOn)}, ${ending}`;
}
