import type { Feature } from '../../platform/feature';
import { taskReminders } from './reminders';
import { tasksDemo } from './demo';
import { tasksDashboard } from './dashboard';
import { taskLink } from './link';
import { registerTaskRoutes } from './routes';

/** Tasks: owned, dated work, recurring on schedule, linked to the records they are about. */
export const feature: Feature = {
  name: 'tasks',
  // Reminders of what falls due, every 15 minutes (issue 13).
  jobs: (deps) => [taskReminders.kind(deps)],
  schedules: [taskReminders.schedule],
  tables: ['tasks'],
  routes: registerTaskRoutes,
  records: { taskId: 'tasks' },
  link: taskLink,
  dashboard: tasksDashboard,
  demo: tasksDemo,
};
