import { attestationRoutes } from '../../../contracts/attestations';
import { auditContextOf } from '../../platform/auth/context';
import type { AppDeps } from '../../platform/deps';
import type { App } from '../../platform/http/app';
import { registerRoutes } from '../../platform/http/contract-routes';
import { sendTable } from '../../platform/http/spreadsheet';
import { exportAcknowledgements } from './export';
import {
  acknowledgePolicy,
  getCompletion,
  getMyPolicy,
  getPolicyCompletion,
  listMyPolicies,
  publishPolicy,
} from './service';

export function registerAttestationsRoutes(app: App, deps: AppDeps): void {
  registerRoutes(app, attestationRoutes, {
    completion: (request) => getCompletion(deps, request.params.orgId),
    exportCsv: async (request, reply) => {
      const table = await exportAcknowledgements(
        deps,
        auditContextOf(request),
        request.params.orgId,
      );
      return sendTable(reply, 'csv', table.file, table.columns, table.rows);
    },
    policy: (request) => getPolicyCompletion(deps, request.params.orgId, request.params.documentId),
    publish: (request) =>
      publishPolicy(
        deps,
        auditContextOf(request),
        request.params.orgId,
        request.params.documentId,
        request.body,
      ),
    mine: (request) => listMyPolicies(deps, auditContextOf(request), request.params.orgId),
    myPolicy: (request) =>
      getMyPolicy(deps, auditContextOf(request), request.params.orgId, request.params.versionId),
    acknowledge: (request) =>
      acknowledgePolicy(
        deps,
        auditContextOf(request),
        request.params.orgId,
        request.params.versionId,
        request.body.sha256,
      ),
  });
}
