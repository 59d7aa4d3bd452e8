import { auditLogRoutes } from '../../../contracts/audit';
import { actingOf } from '../../platform/auth/acting';
import { auditContextOf } from '../../platform/auth/context';
import { principalOf } from '../../platform/auth/principal';
import type { AppDeps } from '../../platform/deps';
import type { App } from '../../platform/http/app';
import { registerRoutes } from '../../platform/http/contract-routes';
import { auditCsvExport, listAuditEvents, verifyAuditTrail } from './service';

export function registerAuditLogRoutes(app: App, deps: AppDeps): void {
  registerRoutes(app, auditLogRoutes, {
    list: (request) =>
      listAuditEvents(deps, request.params.orgId, request.query, (permission) =>
        actingOf(request).holds(permission),
      ),
    exportCsv: async (request, reply) => {
      const { filename, body } = await auditCsvExport(
        deps,
        principalOf(request),
        auditContextOf(request),
        request.params.orgId,
        request.query,
        (permission) => actingOf(request).holds(permission),
      );
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${filename}"`)
        .send(body);
    },
    verify: (request) => verifyAuditTrail(deps, auditContextOf(request), request.params.orgId),
  });
}
