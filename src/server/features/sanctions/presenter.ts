import type { OwnSanction, Sanction } from '../../../contracts/sanctions';
import { readJson } from '../../platform/db/json-columns';
import type { SanctionRow } from './repository';

export const reference = (number: number): string => `SAN-${number}`;

type TaskSummaries = ReadonlyMap<
  string,
  {
    id: string;
    reference: string;
    title: string;
    status: Sanction['correctiveTasks'][number]['status'];
  }
>;
type PeopleNames = ReadonlyMap<string, { name: string; reference: string }>;
type VersionLabels = ReadonlyMap<string, { documentId: string; versionId: string; label: string }>;

/** What a list of records names besides them: tasks, policy versions, people, incidents. */
export interface Named {
  tasks: TaskSummaries;
  versions: VersionLabels;
  people: PeopleNames;
  incidents: ReadonlyMap<string, string>;
}

/** A record, field by field. */
export function presentSanction(row: SanctionRow, named: Named): Sanction {
  const { tasks, versions, people, incidents } = named;
  const taskIds = readJson('sanctions.task_ids', row.task_ids);
  const person = people.get(row.person_id);
  return {
    id: row.id,
    reference: reference(row.number),
    person: {
      id: row.person_id,
      name: person?.name ?? 'Removed from the roster',
      reference: person?.reference ?? '',
      userId: row.person_user_id,
    },
    violation: row.violation,
    policy: row.document_version_id ? (versions.get(row.document_version_id) ?? null) : null,
    incidentId: row.incident_id,
    incident: row.incident_id
      ? { id: row.incident_id, label: incidents.get(row.incident_id) ?? 'Incident' }
      : null,
    severity: row.severity,
    intent: row.intent,
    investigationNotes: row.investigation_notes,
    decision: { rank: row.decision_rank, name: row.decision_name },
    decidedBy: { id: row.decided_by, name: row.decider_name ?? 'Former member' },
    decidedOn: row.decided_on,
    hrSignOff:
      row.hr_signed_off_by && row.hr_signed_off_at
        ? {
            by: { id: row.hr_signed_off_by, name: row.signer_name ?? 'Former member' },
            at: row.hr_signed_off_at,
          }
        : null,
    acknowledgedOn: row.acknowledged_on,
    acknowledgement: presentAcknowledgement(row),
    correctiveTasks: taskIds.flatMap((id) => {
      const task = tasks.get(id);
      return task
        ? [{ id: task.id, reference: task.reference, title: task.title, status: task.status }]
        : [];
    }),
    retrainingAssignmentId: row.training_assignment_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** How the person acknowledged, and who recorded it; records acknowledged before 0042 say neither. */
function presentAcknowledgement(row: SanctionRow): Sanction['acknowledgement'] {
  if (!row.acknowledged_on || !row.acknowledged_way || !row.acknowledged_by) return null;
  return {
    on: row.acknowledged_on,
    way: row.acknowledged_way,
    recordedBy: { id: row.acknowledged_by, name: row.acknowledger_name ?? 'Former member' },
    at: row.acknowledged_at ?? row.updated_at,
  };
}

/** What the person a record is about reads of it. */
export function presentOwnSanction(row: SanctionRow, policy: string | null): OwnSanction {
  return {
    id: row.id,
    reference: reference(row.number),
    violation: row.violation,
    policy,
    decision: row.decision_name,
    decidedOn: row.decided_on,
    acknowledgedOn: row.acknowledged_on,
  };
}
