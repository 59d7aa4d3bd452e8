import { ROSTER_IMPORT_TYPES, peopleRoutes } from '../../../contracts/people';
import { actingOf } from '../../platform/auth/acting';
import { auditContextOf } from '../../platform/auth/context';
import type { AppDeps } from '../../platform/deps';
import type { App } from '../../platform/http/app';
import {
  registerRoute,
  registerRoutes,
  type ContractHandler,
} from '../../platform/http/contract-routes';
import { sendTable } from '../../platform/http/spreadsheet';
import { TABLE_LIMITS } from '../../platform/import/limits';
import {
  changeDepartment,
  createDepartment,
  listDepartments,
  removeDepartment,
} from './departments';
import { exportRoster } from './export';
import { importRoster } from './import';
import { changePerson, createPerson, getPerson, listPeoplePage, removePerson } from './service';

const { import: importRoute, ...routes } = peopleRoutes;

// 164.308(a)(3)(ii)(B): clearance notes only for the roster's keepers (contracts/people.ts).
const seesNotes = (request: Parameters<typeof actingOf>[0]) =>
  actingOf(request).holds('people.read_clearance_notes');

export function registerPeopleRoutes(app: App, deps: AppDeps): void {
  // Import files arrive as the request body, CSV or XLSX, as bytes (the asset import's way: the
  // parsers live in this route's own scope, so every other route still answers 415 to them).
  void app.register((scope: App, _options, done) => {
    for (const type of ROSTER_IMPORT_TYPES) {
      scope.addContentTypeParser(
        type,
        { parseAs: 'buffer', bodyLimit: TABLE_LIMITS.bodyBytes },
        (_req, body, next) => {
          next(null, body);
        },
      );
    }
    registerRoute(
      scope,
      importRoute,
      (request) =>
        importRoster(
          deps,
          auditContextOf(request),
          request.params.orgId,
          { contentType: request.headers['content-type'] ?? '', body: request.body },
          request.query.mode,
        ),
      { bodyLimit: TABLE_LIMITS.bodyBytes },
    );
    done();
  });

  const exportAs =
    (format: 'csv' | 'xlsx'): ContractHandler<typeof routes.exportCsv> =>
    async (request, reply) => {
      const { orgId } = request.params;
      const table = await exportRoster(
        deps,
        auditContextOf(request),
        orgId,
        format,
        seesNotes(request),
      );
      return sendTable(reply, table.format, table.file, table.columns, table.rows);
    };

  registerRoutes(app, routes, {
    list: (request) =>
      listPeoplePage(deps, request.params.orgId, request.query, seesNotes(request)),
    create: (request) =>
      createPerson(
        deps,
        auditContextOf(request),
        request.params.orgId,
        request.body,
        seesNotes(request),
      ),
    exportCsv: exportAs('csv'),
    exportXlsx: exportAs('xlsx'),
    get: (request) =>
      getPerson(deps, request.params.orgId, request.params.personId, seesNotes(request)),
    update: (request) =>
      changePerson(
        deps,
        auditContextOf(request),
        request.params.orgId,
        request.params.personId,
        request.body,
        seesNotes(request),
      ),
    remove: (request) =>
      removePerson(deps, auditContextOf(request), request.params.orgId, request.params.personId),
    listDepartments: (request) => listDepartments(deps, request.params.orgId),
    createDepartment: (request) =>
      createDepartment(deps, auditContextOf(request), request.params.orgId, request.body.name),
    updateDepartment: (request) =>
      changeDepartment(
        deps,
        auditContextOf(request),
        request.params.orgId,
        request.params.departmentId,
        request.body,
      ),
    removeDepartment: (request) =>
      removeDepartment(
        deps,
        auditContextOf(request),
        request.params.orgId,
        request.params.departmentId,
      ),
  });
}
