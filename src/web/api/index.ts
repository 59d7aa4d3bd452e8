import { authRoutes } from '../../contracts/auth';
import { organizationRoutes } from '../../contracts/organizations';
import { taskRoutes } from '../../contracts/tasks';
import { clientOf } from './endpoints';

/** The typed client of every feature's contracts: `api.tasks.update({ orgId, taskId }, body)`. */
export const api = {
  auth: clientOf('auth', authRoutes),
  organizations: clientOf('organizations', organizationRoutes),
  tasks: clientOf('tasks', taskRoutes),
};
