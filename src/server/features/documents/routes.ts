import { documentsRoutes } from '../../../contracts/documents';
import { auditContextOf } from '../../platform/auth/context';
import type { AppDeps } from '../../platform/deps';
import type { App } from '../../platform/http/app';
import { registerRoutes, type ContractHandler } from '../../platform/http/contract-routes';
import {
  approveVersion,
  putVersionInEffect,
  retireVersion,
  returnVersion,
  reviewDocument,
  submitVersion,
} from './approval';
import { versionDiff } from './diff';
import { exportVersion } from './exports';
import { createFromTemplate, listTemplates } from './from-template';
import {
  changeDocument,
  createDocument,
  getDocument,
  listDocumentsPage,
  removeDocument,
} from './service';
import { changeVersion, discardVersion, getVersion, startVersion } from './versions';

export function registerDocumentsRoutes(app: App, deps: AppDeps): void {
  const exported =
    (format: 'pdf' | 'docx'): ContractHandler<typeof documentsRoutes.pdf> =>
    async (request, reply) => {
      const { orgId, documentId, versionId } = request.params;
      const context = auditContextOf(request);
      const file = await exportVersion(deps, context, orgId, documentId, versionId, format);
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('x-content-sha256', file.sha256)
        .send(file.content);
    };
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
    review: (request) =>
      reviewDocument(
        deps,
        auditContextOf(request),
        request.params.orgId,
        request.params.documentId,
        request.body.note ?? '',
      ),
    newVersion: (request) =>
      startVersion(
        deps,
        auditContextOf(request),
        request.params.orgId,
        request.params.documentId,
        request.body.fromVersionId,
      ),
    version: (request) =>
      getVersion(deps, request.params.orgId, request.params.documentId, request.params.versionId),
    changeVersion: (request) => {
      const { orgId, documentId, versionId } = request.params;
      return changeVersion(
        deps,
        auditContextOf(request),
        orgId,
        documentId,
        versionId,
        request.body,
      );
    },
    discardVersion: (request) => {
      const { orgId, documentId, versionId } = request.params;
      return discardVersion(deps, auditContextOf(request), orgId, documentId, versionId);
    },
    submit: (request) => {
      const { orgId, documentId, versionId } = request.params;
      return submitVersion(deps, auditContextOf(request), orgId, documentId, versionId);
    },
    return: (request) => {
      const { orgId, documentId, versionId } = request.params;
      return returnVersion(deps, auditContextOf(request), orgId, documentId, versionId);
    },
    approve: (request) => {
      const { orgId, documentId, versionId } = request.params;
      const note = request.body.note ?? '';
      return approveVersion(deps, auditContextOf(request), orgId, documentId, versionId, note);
    },
    putInEffect: (request) => {
      const { orgId, documentId, versionId } = request.params;
      const on = request.body.effectiveOn;
      return putVersionInEffect(deps, auditContextOf(request), orgId, documentId, versionId, on);
    },
    retire: (request) => {
      const { orgId, documentId, versionId } = request.params;
      return retireVersion(deps, auditContextOf(request), orgId, documentId, versionId);
    },
    diff: (request) => {
      const { orgId, documentId, versionId } = request.params;
      return versionDiff(deps, orgId, documentId, versionId, request.query.against);
    },
    pdf: exported('pdf'),
    docx: exported('docx'),
    templates: () => listTemplates(),
    fromTemplate: (request) =>
      createFromTemplate(
        deps,
        auditContextOf(request),
        request.params.orgId,
        request.params.templateId,
      ),
  });
}
