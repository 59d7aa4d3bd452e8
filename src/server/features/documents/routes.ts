import { documentsRoutes } from '../../../contracts/documents';
import { auditContextOf } from '../../platform/auth/context';
import type { AppDeps } from '../../platform/deps';
import type { App } from '../../platform/http/app';
import { registerRoutes } from '../../platform/http/contract-routes';
import {
  changeDocument,
  createDocument,
  getDocument,
  listDocumentsPage,
  removeDocument,
} from './service';

export function registerDocumentsRoutes(app: App, deps: AppDeps): void {
  registerRoutes(app, documentsRoutes, {
    list: (request) => listDocumentsPage(deps, request.params.orgId),
    create: (request) =>
      createDocument(deps, auditContextOf(request), request.params.orgId, request.body),
    get: (request) => getDocument(deps, request.params.orgId, request.params.documentId),
    update: (request) =>
      changeDocument(
        deps,
        auditContextOf(request),
        request.params.orgId,
        request.params.documentId,
        request.body,
      ),
    remove: (request) =>
      removeDocument(
        deps,
        auditContextOf(request),
        request.params.orgId,
        request.params.documentId,
      ),
  });
}
