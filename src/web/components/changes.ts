import {
  CRITICALITY_LABELS,
  FLOW_ENCRYPTION_LABELS,
  ASSET_KIND_LABELS,
} from '../../contracts/assets';
import { ENTITY_TYPE_LABELS, ORGANIZATION_SIZE_LABELS } from '../../contracts/organizations';
import { ASSESSMENT_STATUS_LABELS } from '../../contracts/risk-assessments';
import { TREATMENT_LABELS } from '../../contracts/risks';
import { ROLE_LABELS } from '../../contracts/roles';
import { DECISION_LABELS, SAFEGUARD_STATUS_LABELS } from '../../contracts/safeguards';
import { TASK_PRIORITY_LABELS, TASK_STATUS_LABELS } from '../../contracts/tasks';
import { fieldLabel } from './field-labels';
import { formatDate, formatDateTime } from './format';

// History and the audit log say what changed in a person's words: field labels, value labels,
// people by name, dates in the organization's time zone. Never `nextReviewOn: "2026-03-01"`.

/** Value labels by field: a stored value such as `in_progress` reads as "In progress". */
const VALUE_LABELS: Record<string, Readonly<Record<string, string>>> = {
  status: {
    ...SAFEGUARD_STATUS_LABELS,
    ...TASK_STATUS_LABELS,
    ...ASSESSMENT_STATUS_LABELS,
    closed: 'Closed',
  },
  priority: TASK_PRIORITY_LABELS,
  decision: DECISION_LABELS,
  kind: ASSET_KIND_LABELS,
  criticality: CRITICALITY_LABELS,
  encrypted: FLOW_ENCRYPTION_LABELS,
  treatment: TREATMENT_LABELS,
  role: ROLE_LABELS,
  entityType: ENTITY_TYPE_LABELS,
  size: ORGANIZATION_SIZE_LABELS,
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

export interface ChangeContext {
  /** Names of the organization's people by user id. */
  people: ReadonlyMap<string, string>;
  timeZone: string;
}

/** A recorded value in words. */
export function valueText(field: string, value: unknown, context: ChangeContext): string {
  if (value === null || value === undefined || value === '') {
    return 'none';
  }
  if (typeof value === 'boolean') {
    return value ? 'yes' : 'no';
  }
  if (typeof value === 'number') {
    return value.toLocaleString('en-US');
  }
  if (Array.isArray(value)) {
    return value.map((v) => valueText(field, v, context)).join(', ') || 'none';
  }
  if (typeof value === 'object') {
    // A person or record reference ({ id, name }, { userId, name, since }…): its name.
    const named = Object.entries(value).find(([k]) => k === 'name' || k === 'title');
    return typeof named?.[1] === 'string' ? named[1] : 'changed';
  }
  if (typeof value !== 'string') {
    return 'changed';
  }
  const text = value;
  const label = VALUE_LABELS[field]?.[text];
  if (label) {
    return label;
  }
  if (UUID.test(text)) {
    return context.people.get(text) ?? 'another record';
  }
  if (DAY.test(text)) {
    return formatDate(text);
  }
  if (INSTANT.test(text)) {
    return formatDateTime(text, context.timeZone);
  }
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

/** What changed, in words: "Owner: Dana Reyes → Sam Lee; Next review: 1 Mar 2027". */
export function describeChanges(
  changes: Record<string, { before?: unknown; after?: unknown }> | null,
  context: ChangeContext,
  hidden: readonly string[] = [],
): string {
  if (!changes) {
    return '';
  }
  return Object.entries(changes)
    .filter(([field]) => !hidden.includes(field))
    .map(([field, { before, after }]) =>
      before === undefined
        ? `${fieldLabel(field)}: ${valueText(field, after, context)}`
        : `${fieldLabel(field)}: ${valueText(field, before, context)} → ${valueText(field, after, context)}`,
    )
    .join('; ');
}
