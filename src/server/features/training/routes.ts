import type { FastifyReply } from 'fastify';
import { trainingRoutes } from '../../../contracts/training';
import { auditContextOf } from '../../platform/auth/context';
import type { AppDeps } from '../../platform/deps';
import type { App } from '../../platform/http/app';
import { registerRoutes } from '../../platform/http/contract-routes';
import { sendTable } from '../../platform/http/spreadsheet';
import type { EvidenceDownload } from '../evidence/download';
import { contentDisposition } from '../evidence/routes';
import { assignTraining, endAssignment, listAssignmentsFor } from './assignments';
import { recordExternalCompletion, requireTraining } from './completion';
import { createExternalCourse, listAllCourses } from './courses';
import { certificateOf } from './download';
import { completionByPerson, completionReport, exportHistory, listRecords } from './report';
import { getMyCourse, listMyTraining, myTraining, startQuiz, submitQuiz } from './take';

function sendPdf(reply: FastifyReply, file: EvidenceDownload): FastifyReply {
  return reply
    .header('content-type', 'application/pdf')
    .header('content-length', String(file.size))
    .header('content-disposition', contentDisposition(file.filename))
    .header('x-content-type-options', 'nosniff')
    .send(file.stream);
}

export function registerTrainingRoutes(app: App, deps: AppDeps): void {
  registerRoutes(app, trainingRoutes, {
    courses: (request) => listAllCourses(deps, request.params.orgId),
    createCourse: (request) =>
      createExternalCourse(deps, auditContextOf(request), request.params.orgId, request.body),
    assignments: (request) => listAssignmentsFor(deps, request.params.orgId),
    assign: (request) =>
      assignTraining(deps, auditContextOf(request), request.params.orgId, request.body),
    endAssignment: (request) =>
      endAssignment(
        deps,
        auditContextOf(request),
        request.params.orgId,
        request.params.assignmentId,
      ),
    records: (request) => listRecords(deps, request.params.orgId, request.query),
    completion: (request) => completionReport(deps, request.params.orgId),
    completionByPerson: (request) => completionByPerson(deps, request.params.orgId, request.query),
    exportHistory: async (request, reply) => {
      const table = await exportHistory(
        deps,
        auditContextOf(request),
        request.params.orgId,
        request.query.personId,
      );
      return sendTable(reply, 'csv', table.file, table.columns, table.rows);
    },
    recordCompletion: (request) =>
      recordExternalCompletion(
        deps,
        auditContextOf(request),
        request.params.orgId,
        request.params.personTrainingId,
        request.body,
      ),
    certificate: async (request, reply) => {
      const { orgId, personTrainingId } = request.params;
      const row = await requireTraining(deps, orgId, personTrainingId);
      const file = await certificateOf(deps, auditContextOf(request), orgId, row, (error) =>
        request.log.error({ err: error }, 'certificate download failed'),
      );
      return sendPdf(reply, file);
    },
    mine: (request) => listMyTraining(deps, auditContextOf(request), request.params.orgId),
    myCourse: (request) =>
      getMyCourse(
        deps,
        auditContextOf(request),
        request.params.orgId,
        request.params.personTrainingId,
      ),
    startQuiz: (request) =>
      startQuiz(
        deps,
        auditContextOf(request),
        request.params.orgId,
        request.params.personTrainingId,
      ),
    submitQuiz: (request) =>
      submitQuiz(
        deps,
        auditContextOf(request),
        request.params.orgId,
        request.params.personTrainingId,
        request.params.attemptId,
        request.body.answers,
      ),
    myCertificate: async (request, reply) => {
      const { orgId, personTrainingId } = request.params;
      const context = auditContextOf(request);
      const row = await myTraining(deps, context, orgId, personTrainingId);
      const file = await certificateOf(deps, context, orgId, row, (error) =>
        request.log.error({ err: error }, 'certificate download failed'),
      );
      return sendPdf(reply, file);
    },
  });
}
