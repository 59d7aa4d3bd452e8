import { assetRoutes } from '../../contracts/assets';
import { taskRoutes } from '../../contracts/tasks';
import { clientOf } from './endpoints';

/** The typed client of every feature's contracts: `api.tasks.update({ orgId, taskId }, body)`. */
export const api = {
  tasks: clientOf('tasks', taskRoutes),
  assets: clientOf('assets', assetRoutes),
};
