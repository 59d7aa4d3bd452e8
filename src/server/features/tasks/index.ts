import type { Feature } from '../../platform/feature';
import { tasksDemo } from './demo';
import { tasksDashboard } from './dashboard';
import { taskLink } from './link';
import { registerTaskRoutes } from './routes';

/** Tasks: owned, dated work, recurring on schedule, linked to the records they are about. */
export const feature: Feature = {
  name: 'tasks',
  tables: ['tasks'],
  routes: registerTaskRoutes,
  records: { taskId: 'tasks' },
  link: taskLink,
  dashboard: tasksDashboard,
  demo: tasksDemo,
};
