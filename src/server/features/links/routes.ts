import { z } from 'zod';
import { LinkBodySchema } from '../../../contracts/links';
import type { App } from '../../platform/http/app';
import { auditContextOf } from '../../platform/auth/context';
import type { AppDeps } from '../../platform/deps';
import { createLink, removeLink } from './service';

const tags = ['links'];
const params = z.object({ orgId: z.uuid() });

export function registerLinkRoutes(app: App, deps: AppDeps): void {
  app.post(
    '/api/orgs/:orgId/links',
    {
      config: { permission: 'links.manage' },
      schema: {
        tags,
        summary: 'Link two records (a safeguard and a task, a record and a web address…)',
        params,
        body: LinkBodySchema,
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (request, reply) => {
      const id = await createLink(
        deps,
        auditContextOf(request),
        request.params.orgId,
        request.body,
      );
      return reply.code(201).send({ id });
    },
  );

  app.delete(
    '/api/orgs/:orgId/links/:linkId',
    {
      config: { permission: 'links.manage' },
      schema: { tags, summary: 'Remove a link', params: params.extend({ linkId: z.uuid() }) },
    },
    async (request, reply) => {
      await removeLink(deps, auditContextOf(request), request.params.orgId, request.params.linkId);
      return reply.code(204).send();
    },
  );
}
