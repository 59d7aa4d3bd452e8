import { linkRoutes } from '../../../contracts/links';
import { auditContextOf } from '../../platform/auth/context';
import type { AppDeps } from '../../platform/deps';
import type { App } from '../../platform/http/app';
import { registerRoutes } from '../../platform/http/contract-routes';
import { createLink, removeLink } from './service';

export function registerLinkRoutes(app: App, deps: AppDeps): void {
  registerRoutes(app, linkRoutes, {
    create: (request) =>
      createLink(deps, auditContextOf(request), request.params.orgId, request.body),
    remove: (request) =>
      removeLink(deps, auditContextOf(request), request.params.orgId, request.params.linkId),
  });
}
