import { ASSET_IMPORT_TYPES, assetRoutes } from '../../../contracts/assets';
import { auditContextOf } from '../../platform/auth/context';
import type { AppDeps } from '../../platform/deps';
import type { App } from '../../platform/http/app';
import {
  registerRoute,
  registerRoutes,
  type ContractHandler,
} from '../../platform/http/contract-routes';
import { sendTable } from '../../platform/http/spreadsheet';
import { TABLE_LIMITS } from '../../platform/import/limits';
import { getFlowMapLayout, saveFlowMapLayout } from './flow-map';
import { changeFlow, createFlow, listDataFlows, removeFlow } from './flows';
import { importAssets } from './import';
import { changeAsset, createAsset, exportAssets, getAsset, listAssetPage } from './service';

const { import: importRoute, ...routes } = assetRoutes;

export function registerAssetRoutes(app: App, deps: AppDeps): void {
  // Import files arrive as the request body: CSV or an XLSX workbook, both as bytes (the import
  // finds the CSV's encoding; a string parser would turn bytes that are not UTF-8 into U+FFFD).
  // The parsers live in this route's own scope, so every other route still answers 415 to them.
  void app.register((scope: App, _options, done) => {
    for (const type of ASSET_IMPORT_TYPES) {
      scope.addContentTypeParser(
        type,
        { parseAs: 'buffer', bodyLimit: TABLE_LIMITS.bodyBytes },
        (_req, body, next) => {
          next(null, body);
        },
      );
    }
    registerRoute(
      scope,
      importRoute,
      (request) =>
        importAssets(
          deps,
          auditContextOf(request),
          request.params.orgId,
          { contentType: request.headers['content-type'] ?? '', body: request.body },
          request.query.mode,
        ),
      { bodyLimit: TABLE_LIMITS.bodyBytes },
    );
    done();
  });

  const exportAs =
    (format: 'csv' | 'xlsx'): ContractHandler<typeof routes.exportCsv> =>
    async (request, reply) => {
      const table = await exportAssets(deps, auditContextOf(request), request.params.orgId, format);
      return sendTable(reply, table.format, table.file, table.columns, table.rows);
    };

  registerRoutes(app, routes, {
    list: (request) => listAssetPage(deps, request.params.orgId, request.query),
    create: (request) =>
      createAsset(deps, auditContextOf(request), request.params.orgId, request.body),
    exportCsv: exportAs('csv'),
    exportXlsx: exportAs('xlsx'),
    get: (request) => getAsset(deps, request.params.orgId, request.params.assetId),
    update: (request) =>
      changeAsset(
        deps,
        auditContextOf(request),
        request.params.orgId,
        request.params.assetId,
        request.body,
      ),
    listFlows: (request) => listDataFlows(deps, request.params.orgId),
    createFlow: (request) =>
      createFlow(deps, auditContextOf(request), request.params.orgId, request.body),
    updateFlow: (request) =>
      changeFlow(
        deps,
        auditContextOf(request),
        request.params.orgId,
        request.params.flowId,
        request.body,
      ),
    removeFlow: (request) =>
      removeFlow(deps, auditContextOf(request), request.params.orgId, request.params.flowId),
    getFlowMapLayout: (request) => getFlowMapLayout(deps, request.params.orgId),
    saveFlowMapLayout: (request) =>
      saveFlowMapLayout(deps, auditContextOf(request), request.params.orgId, request.body),
  });
}
