import { assetRoutes } from '../../contracts/assets';
import { riskAssessmentRoutes } from '../../contracts/risk-assessments';
import { riskRoutes } from '../../contracts/risks';
import { taskRoutes } from '../../contracts/tasks';
import { clientOf } from './endpoints';

/** The typed client of every feature's contracts: `api.tasks.update({ orgId, taskId }, body)`. */
export const api = {
  tasks: clientOf('tasks', taskRoutes),
  assets: clientOf('assets', assetRoutes),
  risks: clientOf('risks', riskRoutes),
  riskAssessments: clientOf('risk-assessments', riskAssessmentRoutes),
};
