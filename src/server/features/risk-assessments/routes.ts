import { riskAssessmentRoutes } from '../../../contracts/risk-assessments';
import { auditContextOf } from '../../platform/auth/context';
import type { AppDeps } from '../../platform/deps';
import type { App } from '../../platform/http/app';
import { registerRoutes, type ContractHandler } from '../../platform/http/contract-routes';
import { sendTable } from '../../platform/http/spreadsheet';
import { approveAssessment } from './approve-assessment';
import { candidates, gapsOfAssessment } from './guided';
import { recordSignificantChange } from './reminders';
import { assessmentRegister, assessmentReport } from './downloads';
import { moveAssessment } from './move-assessment';
import { judgeNegligible, reopenPair } from './negligible';
import {
  changeAssessment,
  createAssessment,
  getAssessment,
  listAssessmentsOf,
  riskSummary,
} from './service';

/** Risk assessments (164.308(a)(1)(ii)(A)): draft → in review → approved, report, guided path. */
export function registerAssessmentRoutes(app: App, deps: AppDeps): void {
  const registerAs =
    (format: 'csv' | 'xlsx'): ContractHandler<typeof riskAssessmentRoutes.registerCsv> =>
    async (request, reply) => {
      const { orgId, assessmentId } = request.params;
      const table = await assessmentRegister(
        deps,
        auditContextOf(request),
        orgId,
        assessmentId,
        format,
      );
      return sendTable(reply, table.format, table.file, table.columns, table.rows);
    };

  registerRoutes(app, riskAssessmentRoutes, {
    list: (request) => listAssessmentsOf(deps, request.params.orgId),
    create: (request) =>
      createAssessment(deps, auditContextOf(request), request.params.orgId, request.body),
    recordSignificantChange: (request) =>
      recordSignificantChange(deps, auditContextOf(request), request.params.orgId, request.body),
    summary: (request) => riskSummary(deps, request.params.orgId),
    get: (request) => getAssessment(deps, request.params.orgId, request.params.assessmentId),
    update: (request) =>
      changeAssessment(
        deps,
        auditContextOf(request),
        request.params.orgId,
        request.params.assessmentId,
        request.body,
      ),
    submit: (request) =>
      moveAssessment(
        deps,
        auditContextOf(request),
        request.params.orgId,
        request.params.assessmentId,
        'in_review',
        request.body?.acknowledgeIncomplete,
      ),
    return: (request) =>
      moveAssessment(
        deps,
        auditContextOf(request),
        request.params.orgId,
        request.params.assessmentId,
        'draft',
      ),
    approve: (request) =>
      approveAssessment(
        deps,
        auditContextOf(request),
        request.params.orgId,
        request.params.assessmentId,
        request.body.note,
        request.body.acknowledgeIncomplete,
      ),
    report: async (request, reply) => {
      const { orgId, assessmentId } = request.params;
      const report = await assessmentReport(deps, auditContextOf(request), orgId, assessmentId);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="${report.fileName}"`)
        .header('x-content-sha256', report.sha256)
        .send(report.pdf);
    },
    registerCsv: registerAs('csv'),
    registerXlsx: registerAs('xlsx'),
    candidates: (request) => candidates(deps, request.params.orgId, request.params.assessmentId),
    gaps: (request) =>
      gapsOfAssessment(deps.database.db, request.params.orgId, request.params.assessmentId),
    judgeNegligible: (request) =>
      judgeNegligible(
        deps,
        auditContextOf(request),
        request.params.orgId,
        request.params.assessmentId,
        request.body,
      ),
    reopenPair: (request) =>
      reopenPair(
        deps,
        auditContextOf(request),
        request.params.orgId,
        request.params.assessmentId,
        request.params.negligiblePairId,
      ),
  });
}
