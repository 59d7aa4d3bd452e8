import { z } from 'zod';
import {
  AssetBodySchema,
  AssetListSchema,
  AssetQuerySchema,
  AssetSchema,
  AssetUpdateBodySchema,
} from '../../../contracts/assets';
import type { App } from '../../app';
import { auditContextOf } from '../../platform/auth/context';
import type { AppDeps } from '../../platform/deps';
import { changeAsset, createAsset, getAsset, listAssetPage } from './service';

const tags = ['assets'];
const params = z.object({ orgId: z.uuid() });
const assetParams = params.extend({ assetId: z.uuid() });

export function registerAssetRoutes(app: App, deps: AppDeps): void {
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
