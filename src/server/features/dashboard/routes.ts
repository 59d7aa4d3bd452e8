import { z } from 'zod';
import { DashboardSchema } from '../../../contracts/dashboard';
import type { App } from '../../platform/http/app';
import { principalOf } from '../../platform/auth/principal';
import type { AppDeps } from '../../platform/deps';
import { dashboard } from './service';

export function registerDashboardRoutes(app: App, deps: AppDeps): void {
  app.get(
    '/api/orgs/:orgId/dashboard',
    {
      config: { permission: 'dashboard.read' },
      schema: {
        tags: ['dashboard'],
        summary: 'Progress, what needs attention, my tasks and the next things to do',
        params: z.object({ orgId: z.uuid() }),
        response: { 200: DashboardSchema },
      },
    },
    (request) => dashboard(deps, request.params.orgId, principalOf(request).userId),
  );
}
