import { z } from 'zod';
import {
  LibraryItemBodySchema,
  MatrixBodySchema,
  OrganizationLibrarySchema,
  OrganizationMatrixSchema,
  RiskAcceptanceBodySchema,
  RiskBodySchema,
  RiskListSchema,
  RiskPlanTaskBodySchema,
  RiskQuerySchema,
  RiskSchema,
  RiskUpdateBodySchema,
} from '../../../contracts/risk';
import type { App } from '../../platform/http/app';
import { appendAuditEvent } from '../../platform/audit/append';
import { auditContextOf } from '../../platform/auth/context';
import type { AppDeps } from '../../platform/deps';
import { sendTable } from '../../platform/http/spreadsheet';
import { createTaskIn } from '../tasks/service';
import { acceptRisk, withdrawAcceptance } from './acceptance';
import { REGISTER_COLUMNS, riskCells } from './export';
import { allRisks, changeRisk, createRisk, getRisk, listRiskPage } from './service';
import { addLibraryItem, changeMatrix, matrixSettings, organizationLibrary } from './settings';

const tags = ['risks'];
const params = z.object({ orgId: z.uuid() });
const riskParams = params.extend({ riskId: z.uuid() });

/** The risk register (164.308(a)(1)(ii)(B)), the organization's matrix and its own library. */
export function registerRiskRegisterRoutes(app: App, deps: AppDeps): void {
  app.get(
    '/api/orgs/:orgId/risks',
    {
      config: { permission: 'risks.read' },
      schema: {
        tags,
        summary: 'The risk register, filtered and paged',
        params,
        querystring: RiskQuerySchema,
        response: { 200: RiskListSchema },
      },
    },
    (request) => listRiskPage(deps, request.params.orgId, request.query),
  );

  app.post(
    '/api/orgs/:orgId/risks',
    {
      config: { permission: 'risks.manage' },
      schema: {
        tags,
        summary: 'Add a risk',
        params,
        body: RiskBodySchema,
        response: { 201: RiskSchema },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await createRisk(deps, auditContextOf(request), request.params.orgId, request.body)),
  );

  for (const format of ['csv', 'xlsx'] as const) {
    app.get(
      `/api/orgs/:orgId/risks/export.${format}`,
      {
        config: { permission: 'risks.read' },
        schema: { tags, summary: `The register as ${format.toUpperCase()} (audited)`, params },
      },
      async (request, reply) => {
        const { orgId } = request.params;
        const risks = await allRisks(deps.database.db, orgId);
        await deps.database.db.transaction().execute((trx) =>
          appendAuditEvent(trx, deps, auditContextOf(request), {
            orgId,
            action: 'risks.exported',
            changes: { format: { after: format }, rows: { after: risks.length } },
          }),
        );
        const createdAt = deps.clock.now().toISOString();
        return sendTable(
          reply,
          format,
          { name: 'risk-register', sheet: 'Risk register', title: 'Risk register', createdAt },
          REGISTER_COLUMNS,
          risks.map(riskCells),
        );
      },
    );
  }

  app.get(
    '/api/orgs/:orgId/risks/:riskId',
    {
      config: { permission: 'risks.read' },
      schema: { tags, summary: 'One risk', params: riskParams, response: { 200: RiskSchema } },
    },
    (request) => getRisk(deps, request.params.orgId, request.params.riskId),
  );

  app.patch(
    '/api/orgs/:orgId/risks/:riskId',
    {
      config: { permission: 'risks.manage' },
      schema: {
        tags,
        summary:
          'Change a risk: rating, treatment, review. Setting the treatment "accept" asks an approver (pending)',
        params: riskParams,
        body: RiskUpdateBodySchema,
        response: { 200: RiskSchema },
      },
    },
    (request) =>
      changeRisk(
        deps,
        auditContextOf(request),
        request.params.orgId,
        request.params.riskId,
        request.body,
      ),
  );

  // Who approved is who acted (design.md §6.2): the acceptance records this request's own person,
  // whose acting role must hold risks.approve (a token's scope included); tokens cannot accept.
  app.put(
    '/api/orgs/:orgId/risks/:riskId/acceptance',
    {
      config: { permission: 'risks.approve' },
      schema: {
        tags,
        summary:
          'Accept the risk yourself: you are recorded as its approver, today, until expiresOn',
        params: riskParams,
        body: RiskAcceptanceBodySchema,
        response: { 200: RiskSchema },
      },
    },
    (request) =>
      acceptRisk(
        deps,
        auditContextOf(request),
        request.params.orgId,
        request.params.riskId,
        request.body,
      ),
  );

  app.delete(
    '/api/orgs/:orgId/risks/:riskId/acceptance',
    {
      config: { permission: 'risks.approve' },
      schema: {
        tags,
        summary: 'Withdraw an acceptance, or decline a pending one; the risk is left untreated',
        params: riskParams,
        response: { 200: RiskSchema },
      },
    },
    (request) =>
      withdrawAcceptance(
        deps,
        auditContextOf(request),
        request.params.orgId,
        request.params.riskId,
      ),
  );

  app.post(
    '/api/orgs/:orgId/risks/:riskId/tasks',
    {
      config: { permission: 'risks.manage' },
      schema: {
        tags,
        summary: "Add a task to the risk's treatment plan",
        params: riskParams,
        body: RiskPlanTaskBodySchema,
        response: { 201: RiskSchema },
      },
    },
    async (request, reply) => {
      const { orgId, riskId } = request.params;
      await getRisk(deps, orgId, riskId);
      await deps.database.db.transaction().execute((trx) =>
        createTaskIn(trx, deps, auditContextOf(request), orgId, {
          title: request.body.title,
          ownerId: request.body.ownerId ?? null,
          dueOn: request.body.dueOn ?? null,
          priority: 'high',
          links: [{ type: 'risk', id: riskId }],
        }),
      );
      return reply.code(201).send(await getRisk(deps, orgId, riskId));
    },
  );

  app.get(
    '/api/orgs/:orgId/risk-matrix',
    {
      config: { permission: 'risks.read' },
      schema: {
        tags,
        summary: "The organization's risk matrix, and the shipped presets",
        params,
        response: { 200: OrganizationMatrixSchema },
      },
    },
    (request) => matrixSettings(deps, request.params.orgId),
  );

  app.put(
    '/api/orgs/:orgId/risk-matrix',
    {
      config: { permission: 'risks.approve' },
      schema: {
        tags,
        summary: 'Set the risk matrix: size, labels, levels, colours and cells',
        params,
        body: MatrixBodySchema,
        response: { 200: OrganizationMatrixSchema },
      },
    },
    (request) =>
      changeMatrix(deps, auditContextOf(request), request.params.orgId, request.body.matrix),
  );

  app.get(
    '/api/orgs/:orgId/risk-library',
    {
      config: { permission: 'risks.read' },
      schema: {
        tags,
        summary: "Threats and vulnerabilities: the shipped library and the organization's own",
        params,
        response: { 200: OrganizationLibrarySchema },
      },
    },
    (request) => organizationLibrary(deps.database.db, request.params.orgId),
  );

  app.post(
    '/api/orgs/:orgId/risk-library',
    {
      config: { permission: 'risks.manage' },
      schema: {
        tags,
        summary: 'Add a threat or vulnerability of your own',
        params,
        body: LibraryItemBodySchema,
        response: { 201: OrganizationLibrarySchema },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await addLibraryItem(deps, auditContextOf(request), request.params.orgId, request.body),
        ),
  );
}
