import { ErrorBodySchema } from '../../../contracts/errors';
import { HealthSchema, ReadinessSchema, SystemStatusSchema } from '../../../contracts/system';
import type { App } from '../../platform/http/app';
import type { AppDeps } from '../../platform/deps';
import { presentStatus } from './presenter';
import { checkReadiness, getStatus } from './service';

export function registerSystemRoutes(app: App, deps: AppDeps): void {
  app.get(
    '/healthz',
    {
      config: { permission: 'system.health' },
      schema: {
        tags: ['system'],
        summary: 'Liveness: the process answers',
        response: { 200: HealthSchema },
      },
    },
    () => ({ status: 'ok' as const }),
  );

  app.get(
    '/readyz',
    {
      config: { permission: 'system.health' },
      schema: {
        tags: ['system'],
        summary: 'Readiness: database reachable and migrations current',
        response: { 200: ReadinessSchema, 503: ReadinessSchema },
      },
    },
    async (_request, reply) => {
      const readiness = await checkReadiness(deps);
      return reply.code(readiness.status === 'ready' ? 200 : 503).send(readiness);
    },
  );

  app.get(
    '/api/status',
    {
      config: { permission: 'system.status.read' },
      schema: {
        tags: ['system'],
        summary: 'Version, database kind and migration state',
        response: { 200: SystemStatusSchema, 503: ErrorBodySchema },
      },
    },
    async () => presentStatus(await getStatus(deps)),
  );

  app.get(
    '/api/openapi.json',
    {
      config: { permission: 'system.openapi.read' },
      schema: { hide: true },
    },
    () => app.swagger(),
  );
}
