import type { Task } from '../../../contracts/tasks';
import { formatDateTime, formatDayOf } from '../../components/format';

/**
 * Who completed a task and when, in the organization's time zone: "Completed by Priya Raman on
 * 12 Mar 2026"; with `withTime`, the time and its zone too. Empty for a task not completed.
 */
export function completionText(
  task: Pick<Task, 'status' | 'completedAt' | 'completedBy'>,
  timeZone: string,
  withTime = false,
): string {
  if (task.status !== 'done' || task.completedAt === null) return '';
  const by = task.completedBy?.name ? ` by ${task.completedBy.name}` : '';
  const on = withTime
    ? formatDateTime(task.completedAt, timeZone)
    : formatDayOf(task.completedAt, timeZone);
  return `Completed${by} on ${on}`;
}
