import type { FastifyInstance } from 'fastify';
import { isPermission, type Permission } from '../../../contracts/permissions';
import type { RouteContract } from '../../../contracts/route';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The permission of the table in src/contracts/permissions.ts that this route needs. */
    permission?: Permission;
  }
}

// Routes registered by the documentation plugin are static assets, not API operations.
const EXEMPT = /^\/api\/docs(\/|$)/;

export interface RoutePermission {
  method: string;
  url: string;
  permission: Permission;
  /** The contract the route was registered from, when it was. */
  contract?: RouteContract;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every guarded route with its permission, for the authorization matrix test. */
    routePermissions: RoutePermission[];
  }
}

/** Refuses, at start-up, any /api route (and health probe) that does not declare a permission. */
export function requireRoutePermissions(app: FastifyInstance): void {
  const registry: RoutePermission[] = [];
  app.decorate('routePermissions', registry);
  app.addHook('onRoute', (route) => {
    const url = route.url;
    const guarded = url.startsWith('/api/') || url === '/healthz' || url === '/readyz';
    if (!guarded || EXEMPT.test(url)) {
      return;
    }
    const permission = route.config?.permission;
    if (typeof permission !== 'string' || !isPermission(permission)) {
      throw new Error(
        `Route ${String(route.method)} ${url} declares no permission of the permission table`,
      );
    }
    for (const method of [route.method].flat()) {
      const contract = route.config?.contract;
      registry.push({ method, url, permission, ...(contract ? { contract } : {}) });
    }
  });
}
