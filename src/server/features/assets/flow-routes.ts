import { z } from 'zod';
import {
  DataFlowBodySchema,
  DataFlowListSchema,
  DataFlowSchema,
  DataFlowUpdateBodySchema,
} from '../../../contracts/risk';
import type { App } from '../../platform/http/app';
import { auditContextOf } from '../../platform/auth/context';
import type { AppDeps } from '../../platform/deps';
import { allFlows, changeFlow, createFlow, removeFlow } from './flows';

const tags = ['data flows'];
const params = z.object({ orgId: z.uuid() });
const flowParams = params.extend({ flowId: z.uuid() });

/** Directed flows of ePHI between assets: the data-flow map of the risk analysis. */
export function registerFlowRoutes(app: App, deps: AppDeps): void {
  app.get(
    '/api/orgs/:orgId/data-flows',
    {
      config: { permission: 'assets.read' },
      schema: { tags, summary: 'Every data flow', params, response: { 200: DataFlowListSchema } },
    },
    async (request) => ({ data: await allFlows(deps.database.db, request.params.orgId) }),
  );
  app.post(
    '/api/orgs/:orgId/data-flows',
    {
      config: { permission: 'assets.manage' },
      schema: {
        tags,
        summary: 'Add a data flow',
        params,
        body: DataFlowBodySchema,
        response: { 201: DataFlowSchema },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await createFlow(deps, auditContextOf(request), request.params.orgId, request.body)),
  );
  app.patch(
    '/api/orgs/:orgId/data-flows/:flowId',
    {
      config: { permission: 'assets.manage' },
      schema: {
        tags,
        summary: 'Change a data flow',
        params: flowParams,
        body: DataFlowUpdateBodySchema,
        response: { 200: DataFlowSchema },
      },
    },
    (request) =>
      changeFlow(
        deps,
        auditContextOf(request),
        request.params.orgId,
        request.params.flowId,
        request.body,
      ),
  );
  app.delete(
    '/api/orgs/:orgId/data-flows/:flowId',
    {
      config: { permission: 'assets.manage' },
      schema: { tags, summary: 'Remove a data flow', params: flowParams },
    },
    async (request, reply) => {
      await removeFlow(deps, auditContextOf(request), request.params.orgId, request.params.flowId);
      return reply.code(204).send();
    },
  );
}
