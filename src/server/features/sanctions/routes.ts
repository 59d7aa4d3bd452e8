import { sanctionsRoutes } from '../../../contracts/sanctions';
import { auditContextOf } from '../../platform/auth/context';
import type { AppDeps } from '../../platform/deps';
import type { App } from '../../platform/http/app';
import { registerRoutes } from '../../platform/http/contract-routes';
import {
  changeSanction,
  getSanction,
  getTiers,
  listSanctionPage,
  recordSanction,
  setTiers,
  signOffSanction,
} from './service';

export function registerSanctionRoutes(app: App, deps: AppDeps): void {
  registerRoutes(app, sanctionsRoutes, {
    list: (request) => listSanctionPage(deps, request.params.orgId, request.query.personId),
    create: (request) =>
      recordSanction(deps, auditContextOf(request), request.params.orgId, request.body),
    get: (request) => getSanction(deps, request.params.orgId, request.params.sanctionId),
    update: (request) =>
      changeSanction(
        deps,
        auditContextOf(request),
        request.params.orgId,
        request.params.sanctionId,
        request.body,
      ),
    signOff: (request) =>
      signOffSanction(
        deps,
        auditContextOf(request),
        request.params.orgId,
        request.params.sanctionId,
      ),
    tiers: (request) => getTiers(deps, request.params.orgId),
    setTiers: (request) =>
      setTiers(deps, auditContextOf(request), request.params.orgId, request.body.tiers),
  });
}
