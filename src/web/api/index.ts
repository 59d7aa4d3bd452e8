import { organizationRoutes } from '../../contracts/organizations';
import { auditLogRoutes } from '../../contracts/audit';
import { catalogRoutes } from '../../contracts/catalog';
import { dashboardRoutes } from '../../contracts/dashboard';
import { linkRoutes } from '../../contracts/links';
import { safeguardRoutes } from '../../contracts/safeguards';
import { systemRoutes } from '../../contracts/system';
import { assetRoutes } from '../../contracts/assets';
import { riskAssessmentRoutes } from '../../contracts/risk-assessments';
import { riskRoutes } from '../../contracts/risks';
import { taskRoutes } from '../../contracts/tasks';
import { authApi } from './auth';
import { clientOf } from './endpoints';

/** The typed client of every feature's contracts: `api.tasks.update({ orgId, taskId }, body)`. */
export const api = {
  auth: authApi,
  organizations: clientOf('organizations', organizationRoutes),
  tasks: clientOf('tasks', taskRoutes),
  system: clientOf('system', systemRoutes),
  catalog: clientOf('catalog', catalogRoutes),
  links: clientOf('links', linkRoutes),
  dashboard: clientOf('dashboard', dashboardRoutes),
  auditLog: clientOf('audit-log', auditLogRoutes),
  safeguards: clientOf('safeguards', safeguardRoutes),
  assets: clientOf('assets', assetRoutes),
  risks: clientOf('risks', riskRoutes),
  riskAssessments: clientOf('risk-assessments', riskAssessmentRoutes),
};
