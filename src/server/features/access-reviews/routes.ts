import type { FastifyReply } from 'fastify';
import { accessReviewsRoutes } from '../../../contracts/access-reviews';
import { auditContextOf } from '../../platform/auth/context';
import type { AppDeps } from '../../platform/deps';
import type { App } from '../../platform/http/app';
import { registerRoute, registerRoutes } from '../../platform/http/contract-routes';
import { TABLE_LIMITS } from '../../platform/import/limits';
import type { EvidenceDownload } from '../evidence/download';
import { contentDisposition } from '../evidence/routes';
import { completeReview } from './complete';
import { decideItem } from './decide';
import { reviewReport } from './download';
import { listGrantPage, recordGrant, revokeGrant } from './grants';
import { ACCOUNT_IMPORT_TYPE, importAccounts } from './import';
import { createReview, getReview, listReviewPage } from './reviews';

const { importAccounts: importRoute, ...routes } = accessReviewsRoutes;

function sendPdf(reply: FastifyReply, file: EvidenceDownload): FastifyReply {
  return reply
    .header('content-type', 'application/pdf')
    .header('content-length', String(file.size))
    .header('content-disposition', contentDisposition(file.filename))
    .header('x-content-type-options', 'nosniff')
    .send(file.stream);
}

export function registerAccessReviewsRoutes(app: App, deps: AppDeps): void {
  // The account export arrives as the request body, as bytes, parsed in this route's own scope
  // (every other route still answers 415 to CSV), within the import limits (platform/import).
  void app.register((scope: App, _options, done) => {
    scope.addContentTypeParser(
      ACCOUNT_IMPORT_TYPE,
      { parseAs: 'buffer', bodyLimit: TABLE_LIMITS.bodyBytes },
      (_req, body, next) => {
        next(null, body);
      },
    );
    registerRoute(
      scope,
      importRoute,
      (request) =>
        importAccounts(
          deps,
          auditContextOf(request),
          request.params.orgId,
          request.params.accessReviewId,
          { contentType: request.headers['content-type'] ?? '', body: request.body },
          request.query.mode,
        ),
      { bodyLimit: TABLE_LIMITS.bodyBytes },
    );
    done();
  });

  registerRoutes(app, routes, {
    grants: (request) => listGrantPage(deps, request.params.orgId, request.query),
    grant: (request) =>
      recordGrant(deps, auditContextOf(request), request.params.orgId, request.body),
    revokeGrant: (request) =>
      revokeGrant(
        deps,
        auditContextOf(request),
        request.params.orgId,
        request.params.accessGrantId,
        request.body,
      ),
    list: (request) => listReviewPage(deps, request.params.orgId, request.query.status),
    create: (request) =>
      createReview(deps, auditContextOf(request), request.params.orgId, request.body),
    get: (request) => getReview(deps, request.params.orgId, request.params.accessReviewId),
    decide: (request) =>
      decideItem(
        deps,
        auditContextOf(request),
        request.params.orgId,
        request.params.accessReviewId,
        request.params.accessItemId,
        request.body,
      ),
    complete: (request) =>
      completeReview(
        deps,
        auditContextOf(request),
        request.params.orgId,
        request.params.accessReviewId,
      ),
    report: async (request, reply) => {
      const { orgId, accessReviewId } = request.params;
      const file = await reviewReport(deps, auditContextOf(request), orgId, accessReviewId, (e) =>
        request.log.error({ err: e }, 'access review report download failed'),
      );
      return sendPdf(reply, file);
    },
  });
}
