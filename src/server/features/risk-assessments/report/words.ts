import type {
  CRITICALITIES,
  FLOW_ENCRYPTION,
  PROTECTION_STATES,
} from '../../../../contracts/assets';
import type { Assessment } from '../../../../contracts/risk-assessments';

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
