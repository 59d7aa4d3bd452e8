import { z } from 'zod';
import {
  AssetImportQuerySchema,
  AssetImportResultSchema,
  AssetBodySchema,
  AssetListSchema,
  AssetQuerySchema,
  AssetSchema,
  AssetUpdateBodySchema,
} from '../../../contracts/assets';
import type { App } from '../../platform/http/app';
import { auditContextOf } from '../../platform/auth/context';
import type { AppDeps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { importAssets } from './import';
import { EXPORT_COLUMNS, assetCells } from './export';
import { changeAsset, createAsset, exportAssets, getAsset, listAssetPage } from './service';
import { sendTable, XLSX_TYPE as XLSX } from '../../platform/http/spreadsheet';
import { TABLE_LIMITS } from '../../platform/import/limits';

const IMPORT_LIMIT = TABLE_LIMITS.bodyBytes;

const tags = ['assets'];
const params = z.object({ orgId: z.uuid() });
const assetParams = params.extend({ assetId: z.uuid() });

export function registerAssetRoutes(app: App, deps: AppDeps): void {
  // Import files arrive as the request body: CSV or an XLSX workbook, both as bytes (the import
  // finds the CSV's encoding; a string parser would turn bytes that are not UTF-8 into U+FFFD).
  // The parsers live in this route's own scope, so every other route still answers 415 to them.
  void app.register((scope: App, _options, done) => {
    for (const type of ['text/csv', XLSX]) {
      scope.addContentTypeParser(
        type,
        { parseAs: 'buffer', bodyLimit: IMPORT_LIMIT },
        (_req, body, next) => {
          next(null, body);
        },
      );
    }
    scope.post(
      '/api/orgs/:orgId/assets/import',
      {
        config: { permission: 'assets.manage' },
        bodyLimit: IMPORT_LIMIT,
        schema: {
          tags,
          summary: 'Import assets from CSV or XLSX: preview, or commit all rows or none',
          description: `Send the file as the body with content-type text/csv or ${XLSX}. Columns: see the README.`,
          params,
          querystring: AssetImportQuerySchema,
          response: { 200: AssetImportResultSchema },
        },
      },
      async (request) => {
        const contentType = request.headers['content-type'] ?? '';
        if (!contentType.startsWith('text/csv') && !contentType.startsWith(XLSX)) {
          throw AppError.field('headers.content-type', `must be text/csv or ${XLSX}`);
        }
        return importAssets(
          deps,
          auditContextOf(request),
          request.params.orgId,
          contentType,
          request.body as Buffer,
          request.query.mode,
        );
      },
    );
    done();
  });

  app.get(
    '/api/orgs/:orgId/assets',
    {
      config: { permission: 'assets.read' },
      schema: {
        tags,
        summary: 'The asset inventory, filtered and paged',
        params,
        querystring: AssetQuerySchema,
        response: { 200: AssetListSchema },
      },
    },
    (request) => listAssetPage(deps, request.params.orgId, request.query),
  );

  app.post(
    '/api/orgs/:orgId/assets',
    {
      config: { permission: 'assets.manage' },
      schema: {
        tags,
        summary: 'Add an asset',
        params,
        body: AssetBodySchema,
        response: { 201: AssetSchema },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await createAsset(deps, auditContextOf(request), request.params.orgId, request.body)),
  );

  for (const format of ['csv', 'xlsx'] as const) {
    app.get(
      `/api/orgs/:orgId/assets/export.${format}`,
      {
        config: { permission: 'assets.read' },
        schema: {
          tags,
          summary: `The inventory as ${format.toUpperCase()}, in the import's columns (audited)`,
          params,
        },
      },
      async (request, reply) => {
        const rows = await exportAssets(
          deps,
          auditContextOf(request),
          request.params.orgId,
          format,
        );
        return sendTable(
          reply,
          format,
          {
            name: 'assets',
            sheet: 'Assets',
            title: 'Asset inventory',
            createdAt: deps.clock.now().toISOString(),
          },
          EXPORT_COLUMNS,
          rows.map(assetCells),
        );
      },
    );
  }

  app.get(
    '/api/orgs/:orgId/assets/:assetId',
    {
      config: { permission: 'assets.read' },
      schema: { tags, summary: 'One asset', params: assetParams, response: { 200: AssetSchema } },
    },
    (request) => getAsset(deps, request.params.orgId, request.params.assetId),
  );

  app.patch(
    '/api/orgs/:orgId/assets/:assetId',
    {
      config: { permission: 'assets.manage' },
      schema: {
        tags,
        summary: 'Change an asset',
        params: assetParams,
        body: AssetUpdateBodySchema,
        response: { 200: AssetSchema },
      },
    },
    (request) =>
      changeAsset(
        deps,
        auditContextOf(request),
        request.params.orgId,
        request.params.assetId,
        request.body,
      ),
  );
}
