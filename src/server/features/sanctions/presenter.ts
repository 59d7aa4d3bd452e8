import type { Sanction } from '../../../contracts/sanctions';
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

/** A record, field by field. */
export function presentSanction(
  row: SanctionRow,
  tasks: TaskSummaries,
  versions: VersionLabels,
  people: PeopleNames,
): Sanction {
  const taskIds = readJson('sanctions.task_ids', row.task_ids);
  const person = people.get(row.person_id);
  return {
    id: row.id,
    reference: reference(row.number),
    person: {
      id: row.person_id,
      name: person?.name ?? 'Removed from the roster',
      reference: person?.reference ?? '',
    },
    violation: row.violation,
    policy: row.document_version_id ? (versions.get(row.document_version_id) ?? null) : null,
    incidentId: row.incident_id,
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
