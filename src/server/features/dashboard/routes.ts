import { dashboardRoutes } from '../../../contracts/dashboard';
import { actingOf } from '../../platform/auth/acting';
import { principalOf } from '../../platform/auth/principal';
import type { AppDeps } from '../../platform/deps';
import type { App } from '../../platform/http/app';
import { registerRoutes } from '../../platform/http/contract-routes';
import { dashboard } from './service';

export function registerDashboardRoutes(app: App, deps: AppDeps): void {
  registerRoutes(app, dashboardRoutes, {
    get: (request) =>
      dashboard(deps, request.params.orgId, principalOf(request).userId, (permission) =>
        actingOf(request).holds(permission),
      ),
  });
}
