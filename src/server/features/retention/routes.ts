import { retentionRoutes } from '../../../contracts/retention';
import { auditContextOf } from '../../platform/auth/context';
import type { AppDeps } from '../../platform/deps';
import type { App } from '../../platform/http/app';
import { registerRoutes } from '../../platform/http/contract-routes';
import {
  changeRetentionSettings,
  getRetentionSettings,
  listLegalHolds,
  listRegister,
  placeLegalHold,
  releaseLegalHold,
} from './service';

export function registerRetentionRoutes(app: App, deps: AppDeps): void {
  registerRoutes(app, retentionRoutes, {
    register: (request) => listRegister(deps, request.params.orgId, request.query),
    settings: (request) => getRetentionSettings(deps, request.params.orgId),
    changeSettings: (request) =>
      changeRetentionSettings(
        deps,
        auditContextOf(request),
        request.params.orgId,
        request.body.years,
      ),
    holds: (request) => listLegalHolds(deps, request.params.orgId),
    placeHold: (request) =>
      placeLegalHold(deps, auditContextOf(request), request.params.orgId, request.body),
    releaseHold: (request) =>
      releaseLegalHold(
        deps,
        auditContextOf(request),
        request.params.orgId,
        request.params.holdId,
        request.body.reason,
      ),
  });
}
