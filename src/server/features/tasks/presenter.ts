import type { Task } from '../../../contracts/tasks';
import type { TaskRow } from './repository';
import { fromRrule } from './recurrence';

export function presentTask(row: TaskRow, today: string): Task {
  const active = row.status === 'open' || row.status === 'in_progress';
  return {
    id: row.id,
    reference: `TASK-${row.number}`,
    title: row.title,
    description: row.description,
    owner: row.owner_id ? { id: row.owner_id, name: row.owner_name ?? '' } : null,
    dueOn: row.due_on,
    status: row.status,
    priority: row.priority,
    recurrence: row.recurrence ? fromRrule(row.recurrence) : null,
    overdue: active && row.due_on !== null && row.due_on < today,
    completionNote: row.completion_note,
    completedAt: row.completed_at,
    completedBy: row.completed_by
      ? { id: row.completed_by, name: row.completed_by_name ?? '' }
      : null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
