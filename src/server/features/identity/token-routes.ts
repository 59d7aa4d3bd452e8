import { z } from 'zod';
import {
  ApiTokenListSchema,
  CreatedTokenSchema,
  TokenCreateBodySchema,
} from '../../../contracts/identity';
import { roleOf } from '../../../contracts/roles';
import type { App } from '../../platform/http/app';
import type { ApiTokensTable } from '../../db/schema';
import { auditContextOf } from '../../platform/auth/context';
import { principalOf } from '../../platform/auth/principal';
import type { AppDeps } from '../../platform/deps';
import { createToken, listTokens, revokeToken } from './service/tokens';

const tags = ['identity'];

function presentToken(row: ApiTokensTable) {
  return {
    id: row.id,
    orgId: row.org_id,
    name: row.name,
    role: roleOf(row.role),
    prefix: row.prefix,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    lastUsedAt: row.last_used_at,
  };
}

export function registerTokenRoutes(app: App, deps: AppDeps): void {
  app.get(
    '/api/me/tokens',
    {
      config: { permission: 'me.tokens.manage' },
      schema: { tags, summary: 'My API tokens', response: { 200: ApiTokenListSchema } },
    },
    async (request) => ({
      data: (
        await listTokens(
          deps.database.db,
          principalOf(request).userId,
          deps.clock.now().toISOString(),
        )
      ).map(presentToken),
    }),
  );

  app.post(
    '/api/me/tokens',
    {
      config: { permission: 'me.tokens.manage' },
      schema: {
        tags,
        summary: 'Create an API token (the secret is shown once)',
        body: TokenCreateBodySchema,
        response: { 201: CreatedTokenSchema },
      },
    },
    async (request, reply) => {
      const { row, token } = await createToken(
        deps,
        auditContextOf(request),
        principalOf(request),
        request.body,
      );
      return reply.code(201).send({ ...presentToken(row), token });
    },
  );

  app.delete(
    '/api/me/tokens/:tokenId',
    {
      config: { permission: 'me.tokens.manage' },
      schema: { tags, summary: 'Revoke an API token', params: z.object({ tokenId: z.uuid() }) },
    },
    async (request, reply) => {
      await revokeToken(
        deps,
        auditContextOf(request),
        principalOf(request),
        request.params.tokenId,
      );
      return reply.code(204).send();
    },
  );
}
