import { z } from 'zod';
import {
  DecisionBodySchema,
  ReadinessSchema,
  SafeguardDetailSchema,
  SafeguardListSchema,
  SafeguardQuerySchema,
  SafeguardUpdateBodySchema,
} from '../../../contracts/safeguards';
import type { App } from '../../platform/http/app';
import { appendAuditEvent } from '../../platform/audit/append';
import { auditContextOf } from '../../platform/auth/context';
import { principalOf } from '../../platform/auth/principal';
import type { AppDeps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { catalog } from '../catalog/content';
import { getOrganization } from '../organizations/service/organization';
import { registerCsv, registerXlsx } from './export';
import { readiness } from './readiness';
import {
  allSafeguards,
  changeSafeguard,
  getSafeguard,
  listSafeguards,
  recordDecision,
} from './service';

const tags = ['safeguards'];
const params = z.object({ orgId: z.uuid() });
const recordParams = params.extend({
  requirementId: z.string().max(40).describe('The citation, e.g. 164.312(a)(2)(iv)'),
});

export function registerSafeguardRoutes(app: App, deps: AppDeps): void {
  app.get(
    '/api/orgs/:orgId/safeguards',
    {
      config: { permission: 'program.read' },
      schema: {
        tags,
        summary: 'The safeguard register: one record per requirement, in catalog order',
        params,
        querystring: SafeguardQuerySchema,
        response: { 200: SafeguardListSchema },
      },
    },
    async (request) => ({
      data: await listSafeguards(
        deps,
        request.params.orgId,
        principalOf(request).userId,
        request.query,
      ),
      nextCursor: null,
    }),
  );

  const exportRoute = (format: 'csv' | 'xlsx') =>
    app.get(
      `/api/orgs/:orgId/safeguards/export.${format}`,
      {
        config: { permission: 'safeguards.export' },
        schema: {
          tags,
          summary: `The safeguard register as ${format.toUpperCase()} (the export is audited)`,
          params,
        },
      },
      async (request, reply) => {
        const orgId = request.params.orgId;
        const safeguards = await allSafeguards(deps, orgId);
        const now = deps.clock.now().toISOString();
        await deps.database.db.transaction().execute((trx) =>
          appendAuditEvent(trx, deps, auditContextOf(request), {
            orgId,
            action: 'safeguards.exported',
            changes: { format: { after: format }, rows: { after: safeguards.length } },
          }),
        );
        const name = `custos-safeguards-${now.slice(0, 10)}.${format}`;
        void reply.header('content-disposition', `attachment; filename="${name}"`);
        if (format === 'csv') {
          return reply
            .header('content-type', 'text/csv; charset=utf-8')
            .send(registerCsv(safeguards));
        }
        const organization = (await getOrganization(deps, orgId)).name;
        return reply
          .header(
            'content-type',
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          )
          .send(await registerXlsx(safeguards, organization, now));
      },
    );
  exportRoute('csv');
  exportRoute('xlsx');

  app.get(
    '/api/orgs/:orgId/safeguards/:requirementId',
    {
      config: { permission: 'program.read' },
      schema: {
        tags,
        summary: 'One safeguard record with its requirement, links and history',
        params: recordParams,
        response: { 200: SafeguardDetailSchema },
      },
    },
    (request) => getSafeguard(deps, request.params.orgId, request.params.requirementId),
  );

  app.patch(
    '/api/orgs/:orgId/safeguards/:requirementId',
    {
      config: { permission: 'safeguards.update' },
      schema: {
        tags,
        summary: 'Change status, owner, statement or review schedule',
        params: recordParams,
        body: SafeguardUpdateBodySchema,
        response: { 200: SafeguardDetailSchema },
      },
    },
    (request) =>
      changeSafeguard(
        deps,
        auditContextOf(request),
        request.params.orgId,
        request.params.requirementId,
        request.body,
      ),
  );

  app.put(
    '/api/orgs/:orgId/safeguards/:requirementId/decision',
    {
      config: { permission: 'safeguards.decide' },
      schema: {
        tags,
        summary: 'Record the 164.306(d)(3) decision on an addressable specification',
        params: recordParams,
        body: DecisionBodySchema,
        response: { 200: SafeguardDetailSchema },
      },
    },
    (request) =>
      recordDecision(
        deps,
        auditContextOf(request),
        request.params.orgId,
        request.params.requirementId,
        request.body,
      ),
  );

  app.get(
    '/api/orgs/:orgId/readiness/:profileId',
    {
      config: { permission: 'program.read' },
      schema: {
        tags,
        summary: 'Readiness against a rule profile, from the in-force records',
        params: params.extend({ profileId: z.string().max(60) }),
        response: { 200: ReadinessSchema },
      },
    },
    async (request) => {
      const profile = catalog().profiles.find((p) => p.id === request.params.profileId);
      if (!profile) {
        throw new AppError('not_found', 'No such rule profile.');
      }
      return readiness(profile, await allSafeguards(deps, request.params.orgId));
    },
  );
}
