import { z } from 'zod';
import {
  ApproveBodySchema,
  AssessmentCreateBodySchema,
  AssessmentDetailSchema,
  AssessmentListSchema,
  AssessmentUpdateBodySchema,
  CandidateListSchema,
  RiskSummarySchema,
  SignificantChangeBodySchema,
} from '../../../contracts/risk';
import type { App } from '../../platform/http/app';
import { auditContextOf } from '../../platform/auth/context';
import type { AppDeps } from '../../platform/deps';
import { sendTable } from '../../platform/http/spreadsheet';
import { REGISTER_COLUMNS, riskCells } from '../risks/export';
import { heatMap } from '../risks/service';
import { approveAssessment } from './approve-assessment';
import { candidates } from './guided';
import { recordSignificantChangeIn } from './reminders';
import { approvedLevelCounts } from './repository';
import {
  assessmentReport,
  assessmentRisks,
  changeAssessment,
  createAssessment,
  getAssessment,
  listAssessmentsOf,
  moveAssessment,
} from './service';
import type { RiskSummary } from '../../../contracts/risk';

const tags = ['risk assessments'];
const params = z.object({ orgId: z.uuid() });
const idParams = params.extend({ assessmentId: z.uuid() });
const base = '/api/orgs/:orgId/risk-assessments';

/** Risk assessments (164.308(a)(1)(ii)(A)): draft → in review → approved, report, guided path. */
export function registerAssessmentRoutes(app: App, deps: AppDeps): void {
  app.get(
    base,
    {
      config: { permission: 'risks.read' },
      schema: {
        tags,
        summary: 'Every assessment, newest first',
        params,
        response: { 200: AssessmentListSchema },
      },
    },
    async (request) => ({ data: await listAssessmentsOf(deps, request.params.orgId) }),
  );

  app.post(
    base,
    {
      config: { permission: 'risks.manage' },
      schema: {
        tags,
        summary: 'Start a draft, optionally from an approved assessment',
        params,
        body: AssessmentCreateBodySchema,
        response: { 201: AssessmentDetailSchema },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await createAssessment(deps, auditContextOf(request), request.params.orgId, request.body),
        ),
  );

  app.post(
    `${base}/significant-changes`,
    {
      config: { permission: 'risks.manage' },
      schema: {
        tags,
        summary:
          'Record a significant change (new system, vendor, incident): a task asks for an update',
        params,
        body: SignificantChangeBodySchema,
      },
    },
    async (request, reply) => {
      await deps.database.db
        .transaction()
        .execute((trx) =>
          recordSignificantChangeIn(
            trx,
            deps,
            auditContextOf(request),
            request.params.orgId,
            request.body,
          ),
        );
      return reply.code(204).send();
    },
  );

  app.get(
    `/api/orgs/:orgId/risk-summary`,
    {
      config: { permission: 'risks.read' },
      schema: {
        tags,
        summary:
          'Heat maps of open risks (inherent, residual) and the trend across approved assessments',
        params,
        response: { 200: RiskSummarySchema },
      },
    },
    async (request) => {
      const db = deps.database.db;
      const { orgId } = request.params;
      const trend = (await approvedLevelCounts(db, orgId)).map((row) => ({
        assessmentId: row.id,
        reference: `RA-${row.number}`,
        approvedAt: row.approved_at ?? '',
        levels: JSON.parse(row.level_counts ?? '[]') as RiskSummary['trend'][number]['levels'],
      }));
      return { heatMap: await heatMap(db, orgId), trend };
    },
  );

  app.get(
    `${base}/:assessmentId`,
    {
      config: { permission: 'risks.read' },
      schema: {
        tags,
        summary: 'One assessment, with the changes since the one it started from',
        params: idParams,
        response: { 200: AssessmentDetailSchema },
      },
    },
    (request) => getAssessment(deps, request.params.orgId, request.params.assessmentId),
  );

  app.patch(
    `${base}/:assessmentId`,
    {
      config: { permission: 'risks.manage' },
      schema: {
        tags,
        summary: 'Change a draft or an assessment in review (an approved one answers 409)',
        params: idParams,
        body: AssessmentUpdateBodySchema,
        response: { 200: AssessmentDetailSchema },
      },
    },
    (request) =>
      changeAssessment(
        deps,
        auditContextOf(request),
        request.params.orgId,
        request.params.assessmentId,
        request.body,
      ),
  );

  for (const [step, to, permission] of [
    ['submit', 'in_review', 'risks.manage'],
    ['return', 'draft', 'risks.approve'],
  ] as const) {
    app.post(
      `${base}/:assessmentId/${step}`,
      {
        config: { permission },
        schema: {
          tags,
          summary:
            step === 'submit'
              ? 'Submit a draft for review'
              : 'Send an assessment in review back to draft',
          params: idParams,
          response: { 200: AssessmentDetailSchema },
        },
      },
      (request) =>
        moveAssessment(
          deps,
          auditContextOf(request),
          request.params.orgId,
          request.params.assessmentId,
          to,
        ),
    );
  }

  app.post(
    `${base}/:assessmentId/approve`,
    {
      config: { permission: 'risks.approve' },
      schema: {
        tags,
        summary: 'Approve: freezes the matrix and register, stores the report with its SHA-256',
        params: idParams,
        body: ApproveBodySchema,
        response: { 200: AssessmentDetailSchema },
      },
    },
    (request) =>
      approveAssessment(
        deps,
        auditContextOf(request),
        request.params.orgId,
        request.params.assessmentId,
        request.body.note,
      ),
  );

  app.get(
    `${base}/:assessmentId/report.pdf`,
    {
      config: { permission: 'risks.read' },
      schema: {
        tags,
        summary: 'The report: stored and immutable once approved, a draft rendering before',
        params: idParams,
      },
    },
    async (request, reply) => {
      const report = await assessmentReport(
        deps,
        auditContextOf(request),
        request.params.orgId,
        request.params.assessmentId,
      );
      const name = `custos-risk-analysis-${report.reference}${report.draft ? '-draft' : ''}.pdf`;
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="${name}"`)
        .header('x-content-sha256', report.sha256)
        .send(report.pdf);
    },
  );

  for (const format of ['csv', 'xlsx'] as const) {
    app.get(
      `${base}/:assessmentId/register.${format}`,
      {
        config: { permission: 'risks.read' },
        schema: {
          tags,
          summary: `The assessment's register as ${format.toUpperCase()}`,
          params: idParams,
        },
      },
      async (request, reply) => {
        const { reference, risks } = await assessmentRisks(
          deps,
          request.params.orgId,
          request.params.assessmentId,
        );
        return sendTable(
          reply,
          format,
          {
            name: `risk-register-${reference}`,
            sheet: 'Risk register',
            title: `Risk register ${reference}`,
            createdAt: deps.clock.now().toISOString(),
          },
          REGISTER_COLUMNS,
          risks.map(riskCells),
        );
      },
    );
  }

  app.get(
    `${base}/:assessmentId/candidates`,
    {
      config: { permission: 'risks.read' },
      schema: {
        tags,
        summary: 'Guided path: ePHI assets × applicable threats, with the risks that cover them',
        params: idParams,
        response: { 200: CandidateListSchema },
      },
    },
    async (request) => {
      await getAssessment(deps, request.params.orgId, request.params.assessmentId);
      return candidates(deps, request.params.orgId);
    },
  );
}
