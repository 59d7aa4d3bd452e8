import type { FastifyReply } from 'fastify';
import { safeguardRoutes } from '../../../contracts/safeguards';
import { auditContextOf } from '../../platform/auth/context';
import { principalOf } from '../../platform/auth/principal';
import type { AppDeps } from '../../platform/deps';
import type { App } from '../../platform/http/app';
import { registerRoutes, type ContractRequest } from '../../platform/http/contract-routes';
import { sendTable } from '../../platform/http/spreadsheet';
import { exportRegister } from './export';
import { readinessOf } from './readiness';
import { recordDecision } from './record-decision';
import { changeSafeguard, getSafeguard, listSafeguards } from './service';

export function registerSafeguardRoutes(app: App, deps: AppDeps): void {
  const download =
    (format: 'csv' | 'xlsx') =>
    async (request: ContractRequest<typeof safeguardRoutes.exportCsv>, reply: FastifyReply) => {
      const table = await exportRegister(
        deps,
        auditContextOf(request),
        request.params.orgId,
        format,
      );
      return sendTable(reply, format, table.file, table.columns, table.rows);
    };
  registerRoutes(app, safeguardRoutes, {
    list: (request) =>
      listSafeguards(deps, request.params.orgId, principalOf(request).userId, request.query),
    exportCsv: download('csv'),
    exportXlsx: download('xlsx'),
    get: (request) => getSafeguard(deps, request.params.orgId, request.params.requirementId),
    update: (request) =>
      changeSafeguard(
        deps,
        auditContextOf(request),
        request.params.orgId,
        request.params.requirementId,
        request.body,
      ),
    decide: (request) =>
      recordDecision(
        deps,
        auditContextOf(request),
        request.params.orgId,
        request.params.requirementId,
        request.body,
      ),
    readiness: (request) => readinessOf(deps, request.params.orgId, request.params.profileId),
  });
}
