import { systemRoutes } from '../../../contracts/system';
import type { AppDeps } from '../../platform/deps';
import type { App } from '../../platform/http/app';
import { registerRoutes } from '../../platform/http/contract-routes';
import { auditContextOf } from '../../platform/auth/context';
import { checkReadiness, systemStatus } from './service';
import { jobsOverview, retryDeadJobs } from './jobs';

export function registerSystemRoutes(app: App, deps: AppDeps): void {
  registerRoutes(app, systemRoutes, {
    health: () => ({ status: 'ok' as const }),
    ready: async (_request, reply) => {
      const readiness = await checkReadiness(deps);
      return readiness.status === 'ready' ? readiness : reply.code(503).send(readiness);
    },
    status: () => systemStatus(deps),
    jobs: (request) => jobsOverview(deps, request.params.orgId),
    retryJobs: (request) => retryDeadJobs(deps, auditContextOf(request), request.params.orgId),
    openapi: () => app.swagger(),
  });
}
