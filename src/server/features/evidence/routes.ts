import { evidenceRoutes } from '../../../contracts/evidence';
import { auditContextOf } from '../../platform/auth/context';
import type { AppDeps } from '../../platform/deps';
import type { App } from '../../platform/http/app';
import { registerRoutes } from '../../platform/http/contract-routes';
import {
  changeEvidenceItem,
  createEvidenceItem,
  getEvidenceItem,
  listEvidencePage,
  removeEvidenceItem,
} from './service';

export function registerEvidenceRoutes(app: App, deps: AppDeps): void {
  registerRoutes(app, evidenceRoutes, {
    list: (request) => listEvidencePage(deps, request.params.orgId),
    create: (request) =>
      createEvidenceItem(deps, auditContextOf(request), request.params.orgId, request.body),
    get: (request) => getEvidenceItem(deps, request.params.orgId, request.params.evidenceItemId),
    update: (request) =>
      changeEvidenceItem(
        deps,
        auditContextOf(request),
        request.params.orgId,
        request.params.evidenceItemId,
        request.body,
      ),
    remove: (request) =>
      removeEvidenceItem(
        deps,
        auditContextOf(request),
        request.params.orgId,
        request.params.evidenceItemId,
      ),
  });
}
