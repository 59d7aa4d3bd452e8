import { incidentsRoutes } from '../../../contracts/incidents';
import { auditContextOf } from '../../platform/auth/context';
import { actingPersonIn } from '../../platform/auth/members';
import type { AppDeps } from '../../platform/deps';
import type { App } from '../../platform/http/app';
import { registerRoutes, type ContractHandler } from '../../platform/http/contract-routes';
import {
  addTimelineEntry,
  applyChecklist,
  changeIncidentStatus,
  getSeverityScale,
  incidentChecklist,
  incidentTimeline,
  reviewIncident,
  setSeverityScale,
} from './response';
import {
  disableReportLink,
  getReportLink,
  lookupAnonymousLink,
  ownReport,
  ownReports,
  reportAnonymously,
  reportProblem,
  rotateReportLink,
} from './reporting';
import {
  approveBreachDetermination,
  listBreachDeterminations,
  reviseBreachDetermination,
  saveBreachSteps,
} from './breach';
import { exportBreachLetter, getBreachLetter, saveBreachLetter } from './breach-letter';
import { exportBreachLog, getBreachLog, recordBreachLogSubmission } from './breach-log';
import { sendTable } from '../../platform/http/spreadsheet';
import { noticeHandlers } from './breach-notice-handlers';
import { changeIncident, createIncident, getIncident, listIncidentsPage } from './service';

// The anonymous form's bodies are a few lines of text: 32 KiB is plenty, and a huge body is
// refused before it is read whole (413).
const SMALL_BODY = { bodyLimit: 32 * 1024 };

export function registerIncidentsRoutes(app: App, deps: AppDeps): void {
  const letter =
    (format: 'pdf' | 'docx'): ContractHandler<typeof incidentsRoutes.breachLetterPdf> =>
    async (request, reply) => {
      const { orgId, incidentId } = request.params;
      const file = await exportBreachLetter(
        deps,
        auditContextOf(request),
        orgId,
        incidentId,
        format,
      );
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .send(file.content);
    };
  registerRoutes(
    app,
    incidentsRoutes,
    {
      list: (request) => listIncidentsPage(deps, request.params.orgId, request.query),
      create: async (request) => {
        const context = auditContextOf(request);
        const orgId = request.params.orgId;
        const reporter = await actingPersonIn(deps.database.db, orgId, context.actor);
        return createIncident(deps, context, orgId, request.body, reporter);
      },
      get: (request) => getIncident(deps, request.params.orgId, request.params.incidentId),
      update: (request) =>
        changeIncident(
          deps,
          auditContextOf(request),
          request.params.orgId,
          request.params.incidentId,
          request.body,
        ),
      changeStatus: (request) =>
        changeIncidentStatus(
          deps,
          auditContextOf(request),
          request.params.orgId,
          request.params.incidentId,
          request.body,
        ),
      timeline: (request) =>
        incidentTimeline(deps, request.params.orgId, request.params.incidentId),
      addTimelineEntry: (request) =>
        addTimelineEntry(
          deps,
          auditContextOf(request),
          request.params.orgId,
          request.params.incidentId,
          request.body,
        ),
      review: (request) =>
        reviewIncident(
          deps,
          auditContextOf(request),
          request.params.orgId,
          request.params.incidentId,
          request.body,
        ),
      checklist: (request) =>
        incidentChecklist(deps, request.params.orgId, request.params.incidentId),
      applyChecklist: (request) =>
        applyChecklist(
          deps,
          auditContextOf(request),
          request.params.orgId,
          request.params.incidentId,
        ),
      breachDeterminations: (request) =>
        listBreachDeterminations(deps, request.params.orgId, request.params.incidentId),
      saveBreachSteps: (request) =>
        saveBreachSteps(
          deps,
          auditContextOf(request),
          request.params.orgId,
          request.params.incidentId,
          request.body,
        ),
      approveBreachDetermination: (request) =>
        approveBreachDetermination(
          deps,
          auditContextOf(request),
          request.params.orgId,
          request.params.incidentId,
          request.body.note,
        ),
      reviseBreachDetermination: (request) =>
        reviseBreachDetermination(
          deps,
          auditContextOf(request),
          request.params.orgId,
          request.params.incidentId,
          request.body.reason,
        ),
      breachLetter: (request) =>
        getBreachLetter(deps, request.params.orgId, request.params.incidentId),
      saveBreachLetter: (request) =>
        saveBreachLetter(
          deps,
          auditContextOf(request),
          request.params.orgId,
          request.params.incidentId,
          request.body.body,
        ),
      breachLog: (request) => getBreachLog(deps, request.params.orgId, request.query.year),
      exportBreachLog: async (request, reply) => {
        const table = await exportBreachLog(
          deps,
          auditContextOf(request),
          request.params.orgId,
          request.query.year,
        );
        return sendTable(reply, 'csv', table.file, table.columns, table.rows);
      },
      recordBreachLogSubmission: (request) =>
        recordBreachLogSubmission(
          deps,
          auditContextOf(request),
          request.params.orgId,
          request.body,
        ),
      breachLetterPdf: letter('pdf'),
      breachLetterDocx: letter('docx'),
      ...noticeHandlers(deps),
      severityScale: (request) => getSeverityScale(deps, request.params.orgId),
      setSeverityScale: (request) =>
        setSeverityScale(deps, auditContextOf(request), request.params.orgId, request.body),
      report: (request) =>
        reportProblem(deps, auditContextOf(request), request.params.orgId, request.body),
      ownReports: (request) => ownReports(deps, auditContextOf(request), request.params.orgId),
      ownReport: (request) =>
        ownReport(deps, auditContextOf(request), request.params.orgId, request.params.incidentId),
      reportLink: (request) => getReportLink(deps, request.params.orgId),
      rotateReportLink: (request) =>
        rotateReportLink(deps, auditContextOf(request), request.params.orgId),
      disableReportLink: (request) =>
        disableReportLink(deps, auditContextOf(request), request.params.orgId),
      lookupAnonymous: (request) =>
        lookupAnonymousLink(deps, auditContextOf(request), request.body.token),
      reportAnonymously: (request) =>
        reportAnonymously(deps, auditContextOf(request), request.body),
    },
    {
      report: SMALL_BODY,
      lookupAnonymous: SMALL_BODY,
      reportAnonymously: SMALL_BODY,
    },
  );
}
