import { TASK_PRIORITIES, TASK_PRIORITY_LABELS, type Task } from '../../../contracts/tasks';

export const PRIORITY_COLORS: Record<Task['priority'], string> = {
  low: 'gray',
  medium: 'blue',
  high: 'orange',
  critical: 'red',
};

// The labels live beside the values in the contract (the server's exports read them too).
export { TASK_PRIORITY_LABELS, TASK_STATUS_LABELS } from '../../../contracts/tasks';

/** The priorities as choices, lowest first. */
export const PRIORITY_OPTIONS = TASK_PRIORITIES.map((value) => ({
  value,
  label: TASK_PRIORITY_LABELS[value],
}));
