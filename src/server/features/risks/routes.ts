import { riskRoutes } from '../../../contracts/risks';
import { auditContextOf } from '../../platform/auth/context';
import type { AppDeps } from '../../platform/deps';
import type { App } from '../../platform/http/app';
import { registerRoutes, type ContractHandler } from '../../platform/http/contract-routes';
import { sendTable } from '../../platform/http/spreadsheet';
import { acceptRisk, withdrawAcceptance } from './acceptance';
import { riskContent, shippedMatrices } from './content';
import { exportRisks } from './export';
import { addPlanTask, changeRisk, createRisk, getRiskDetail, listRiskPage } from './service';
import { addLibraryItem, changeMatrix, matrixSettings, organizationLibrary } from './settings';

/**
 * The risk register (164.308(a)(1)(ii)(B)), the organization's matrix and its own library, and the
 * shipped matrices and threat/vulnerability library (read-only content).
 */
export function registerRiskRoutes(app: App, deps: AppDeps): void {
  const exportAs =
    (format: 'csv' | 'xlsx'): ContractHandler<typeof riskRoutes.exportCsv> =>
    async (request, reply) => {
      const table = await exportRisks(deps, auditContextOf(request), request.params.orgId, format);
      return sendTable(reply, table.format, table.file, table.columns, table.rows);
    };

  registerRoutes(app, riskRoutes, {
    list: (request) => listRiskPage(deps, request.params.orgId, request.query),
    create: (request) =>
      createRisk(deps, auditContextOf(request), request.params.orgId, request.body),
    exportCsv: exportAs('csv'),
    exportXlsx: exportAs('xlsx'),
    get: (request) => getRiskDetail(deps, request.params.orgId, request.params.riskId),
    update: (request) =>
      changeRisk(
        deps,
        auditContextOf(request),
        request.params.orgId,
        request.params.riskId,
        request.body,
      ),
    accept: (request) =>
      acceptRisk(
        deps,
        auditContextOf(request),
        request.params.orgId,
        request.params.riskId,
        request.body,
      ),
    withdrawAcceptance: (request) =>
      withdrawAcceptance(
        deps,
        auditContextOf(request),
        request.params.orgId,
        request.params.riskId,
      ),
    addPlanTask: (request) =>
      addPlanTask(
        deps,
        auditContextOf(request),
        request.params.orgId,
        request.params.riskId,
        request.body,
      ),
    getMatrix: (request) => matrixSettings(deps, request.params.orgId),
    setMatrix: (request) =>
      changeMatrix(deps, auditContextOf(request), request.params.orgId, request.body.matrix),
    getLibrary: (request) => organizationLibrary(deps.database.db, request.params.orgId),
    addLibraryItem: (request) =>
      addLibraryItem(deps, auditContextOf(request), request.params.orgId, request.body),
    matrices: () => shippedMatrices(),
    threats: () => riskContent().library,
  });
}
