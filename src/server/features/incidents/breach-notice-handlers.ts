import type { noticeRoutes } from '../../../contracts/incidents-notice-routes';
import { auditContextOf } from '../../platform/auth/context';
import type { AppDeps } from '../../platform/deps';
import type { ContractHandler, ContractHandlers } from '../../platform/http/contract-routes';
import { correctBreachNotice, removeBreachNotice } from './breach-notice-changes';
import { exportMediaNotice, getMediaNotice, saveMediaNotice } from './breach-media-notice';
import { listBreachNotices, recordBreachNotice, saveBreachUnreachable } from './breach-notices';
import { breachPortalFacts } from './breach-portal';

/** The handlers of the notice routes (contracts/incidents-notice-routes.ts). */
export function noticeHandlers(deps: AppDeps): ContractHandlers<typeof noticeRoutes> {
  const file =
    (format: 'pdf' | 'docx'): ContractHandler<typeof noticeRoutes.breachMediaNoticePdf> =>
    async (request, reply) => {
      const { orgId, incidentId, state } = request.params;
      const context = auditContextOf(request);
      const out = await exportMediaNotice(deps, context, orgId, incidentId, state, format);
      return reply
        .header('content-type', out.contentType)
        .header('content-disposition', `attachment; filename="${out.fileName}"`)
        .send(out.content);
    };
  return {
    breachNotices: (request) =>
      listBreachNotices(deps, request.params.orgId, request.params.incidentId),
    recordBreachNotice: (request) =>
      recordBreachNotice(
        deps,
        auditContextOf(request),
        request.params.orgId,
        request.params.incidentId,
        request.body,
      ),
    correctBreachNotice: (request) =>
      correctBreachNotice(
        deps,
        auditContextOf(request),
        request.params.orgId,
        request.params.incidentId,
        request.params.noticeId,
        request.body,
      ),
    removeBreachNotice: (request) => {
      const { orgId, incidentId, noticeId } = request.params;
      return removeBreachNotice(deps, auditContextOf(request), orgId, incidentId, noticeId);
    },
    saveBreachUnreachable: (request) =>
      saveBreachUnreachable(
        deps,
        auditContextOf(request),
        request.params.orgId,
        request.params.incidentId,
        request.body.unreachable,
      ),
    breachPortalFacts: (request) =>
      breachPortalFacts(deps, request.params.orgId, request.params.incidentId),
    breachMediaNotice: (request) =>
      getMediaNotice(deps, request.params.orgId, request.params.incidentId, request.params.state),
    saveBreachMediaNotice: (request) =>
      saveMediaNotice(
        deps,
        auditContextOf(request),
        request.params.orgId,
        request.params.incidentId,
        request.params.state,
        request.body.body,
      ),
    breachMediaNoticePdf: file('pdf'),
    breachMediaNoticeDocx: file('docx'),
  };
}
