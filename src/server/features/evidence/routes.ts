import type { FastifyReply, FastifyRequest } from 'fastify';
import { evidenceRoutes } from '../../../contracts/evidence';
import { actingOf } from '../../platform/auth/acting';
import { auditContextOf } from '../../platform/auth/context';
import type { AppDeps } from '../../platform/deps';
import type { App } from '../../platform/http/app';
import { registerRoute, registerRoutes } from '../../platform/http/contract-routes';
import { downloadEvidenceFile, type EvidenceDownload } from './download';
import { removeEvidenceItem } from './remove';
import { refuseHiddenEvidence } from './restricted';
import {
  changeEvidenceItem,
  createEvidenceLink,
  getEvidenceItemDetail,
  listEvidencePage,
} from './service';
import { uploadEvidenceFile } from './upload';

const { upload, download, ...routes } = evidenceRoutes;

/** `attachment` with an ASCII fallback and the name itself in RFC 5987 form (no quote or CR can break out). */
export function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\;]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

function sendDownload(reply: FastifyReply, file: EvidenceDownload): FastifyReply {
  const text = file.type.startsWith('text/') ? '; charset=utf-8' : '';
  // design.md §6.3: served as the type found from the content, never sniffed, never inline.
  return reply
    .header('content-type', `${file.type}${text}`)
    .header('content-length', String(file.size))
    .header('content-disposition', contentDisposition(file.filename))
    .header('x-content-type-options', 'nosniff')
    .send(file.stream);
}

export function registerEvidenceRoutes(app: App, deps: AppDeps): void {
  // The file arrives as the request body, whatever its type, as a stream: the service checks its
  // size and content while encrypting it to storage. The parser lives in this route's scope only.
  void app.register((scope: App, _options, done) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_request, payload, next) => {
      next(null, payload);
    });
    registerRoute(scope, upload, (request) =>
      uploadEvidenceFile(deps, auditContextOf(request), request.params.orgId, {
        body: request.body,
        contentType: request.headers['content-type'],
        filename: request.query.filename,
        title: request.query.title,
      }),
    );
    done();
  });

  // Items of records the caller may not open (certificates, incidents) answer 404 (restricted.ts).
  const visible = async (
    request: FastifyRequest<{ Params: { orgId: string; evidenceItemId: string } }>,
  ) =>
    refuseHiddenEvidence(
      deps.database.db,
      request.params.orgId,
      actingOf(request),
      request.params.evidenceItemId,
    );

  registerRoutes(app, routes, {
    list: (request) =>
      listEvidencePage(deps, request.params.orgId, request.query, actingOf(request)),
    createLink: (request) =>
      createEvidenceLink(deps, auditContextOf(request), request.params.orgId, request.body),
    get: async (request) => {
      await visible(request);
      return getEvidenceItemDetail(
        deps,
        auditContextOf(request),
        request.params.orgId,
        request.params.evidenceItemId,
      );
    },
    update: async (request) => {
      await visible(request);
      return changeEvidenceItem(
        deps,
        auditContextOf(request),
        request.params.orgId,
        request.params.evidenceItemId,
        request.body,
      );
    },
    remove: async (request) => {
      await visible(request);
      return removeEvidenceItem(
        deps,
        auditContextOf(request),
        request.params.orgId,
        request.params.evidenceItemId,
      );
    },
  });
  registerRoute(app, download, async (request, reply) => {
    await visible(request);
    const file = await downloadEvidenceFile(
      deps,
      auditContextOf(request),
      request.params.orgId,
      request.params.evidenceItemId,
      (error) => request.log.error({ err: error }, 'evidence download cut: integrity check failed'),
    );
    return sendDownload(reply, file);
  });
}
