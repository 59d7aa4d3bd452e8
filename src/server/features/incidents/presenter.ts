import {
  INCIDENT_TRANSITIONS,
  type Incident,
  type IncidentSummary,
  type OwnReport,
  type SeverityLevel,
  type TimelineEntry,
} from '../../../contracts/incidents-schemas';
import type { IncidentRow } from './repository';
import type { IncidentTimelineTable } from './tables';

/** INC-2026-007: the year of the report and a number of at least three digits. */
export const reference = (row: { year: number; number: number }): string =>
  `INC-${row.year}-${String(row.number).padStart(3, '0')}`;

const person = (id: string | null, name: string | null) =>
  id === null ? null : { id, name: name ?? 'Former member' };

function severityOf(level: number | null, scale: readonly SeverityLevel[]): SeverityLevel | null {
  if (level === null) return null;
  return scale.find((s) => s.level === level) ?? { level, name: `Level ${level}`, definition: '' };
}

export function presentIncidentSummary(
  row: IncidentRow,
  scale: readonly SeverityLevel[],
): IncidentSummary {
  return {
    id: row.id,
    reference: reference(row),
    title: row.title,
    category: row.category,
    severity: severityOf(row.severity, scale),
    status: row.status,
    source: row.source,
    reportedAt: row.reported_at,
    owner: person(row.owner_id, row.owner_name),
  };
}

export function presentIncident(
  row: IncidentRow,
  scale: readonly SeverityLevel[],
  involved: { assets: { id: string; name: string }[]; people: { id: string; name: string }[] },
): Incident {
  return {
    ...presentIncidentSummary(row, scale),
    description: row.description,
    nextStatuses: [...INCIDENT_TRANSITIONS[row.status]],
    reportedBy: person(row.reported_by, row.reporter_name),
    reporterContact: row.reporter_contact,
    occurredAt: row.occurred_at,
    discoveredAt: row.discovered_at,
    discoveredTimeZone: row.discovered_time_zone,
    businessAssociate: row.business_associate,
    system: row.system,
    assets: involved.assets,
    people: involved.people,
    review:
      row.reviewed_at === null
        ? null
        : {
            rootCause: row.review_root_cause ?? '',
            whatWorked: row.review_what_worked ?? '',
            lessons: row.review_lessons ?? '',
            reviewedAt: row.reviewed_at,
            reviewedBy: person(row.reviewed_by, row.reviewer_name),
          },
    checklistTasksCreated: row.checklist_applied_at !== null,
    closedAt: row.closed_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** What a reporter sees of their own report: status and dates, nothing of the response. */
export function presentOwnReport(row: IncidentRow): OwnReport {
  return {
    id: row.id,
    reference: reference(row),
    title: row.title,
    status: row.status,
    reportedAt: row.reported_at,
    updatedAt: row.updated_at,
  };
}

export function presentTimelineEntry(
  row: IncidentTimelineTable,
  evidenceNames: ReadonlyMap<string, string>,
): TimelineEntry {
  return {
    id: row.id,
    kind: row.kind,
    text: row.text,
    at: row.at,
    recordedAt: row.recorded_at,
    by: row.actor_label,
    evidence:
      row.evidence_id === null
        ? null
        : { id: row.evidence_id, name: evidenceNames.get(row.evidence_id) ?? 'Evidence' },
  };
}
