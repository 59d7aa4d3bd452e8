import { Readable } from 'node:stream';
import { z } from 'zod';
import {
  AuditEventListSchema,
  AuditQuerySchema,
  AuditVerificationSchema,
} from '../../../contracts/audit';
import type { App } from '../../platform/http/app';
import { auditContextOf } from '../../platform/auth/context';
import { principalOf } from '../../platform/auth/principal';
import { requireRecentAuthentication } from '../../platform/auth/recent';
import type { AppDeps } from '../../platform/deps';
import { csvLine } from '../../platform/http/csv';
import { auditCsvRow, CSV_HEADER, presentAuditEvent } from './presenter';
import { exportAuditEvents, listAuditEvents, verifyAuditTrail } from './service';

const tags = ['audit'];
const params = z.object({ orgId: z.uuid() });

export function registerAuditLogRoutes(app: App, deps: AppDeps): void {
  app.get(
    '/api/orgs/:orgId/audit-events',
    {
      config: { permission: 'audit.read' },
      schema: {
        tags,
        summary: 'The audit trail, newest first',
        params,
        querystring: AuditQuerySchema,
        response: { 200: AuditEventListSchema },
      },
    },
    async (request) => {
      const { rows, nextCursor } = await listAuditEvents(deps, request.params.orgId, request.query);
      return { data: rows.map(presentAuditEvent), nextCursor };
    },
  );

  app.get(
    '/api/orgs/:orgId/audit-events/export.csv',
    {
      config: { permission: 'audit.export' },
      schema: {
        tags,
        summary: 'The audit trail as CSV (the export is itself audited)',
        params,
        querystring: AuditQuerySchema.omit({ cursor: true, limit: true }),
      },
    },
    async (request, reply) => {
      // A bulk export of the trail is a sensitive read: it needs a recent sign-in.
      requireRecentAuthentication(principalOf(request), deps.clock);
      const batches = exportAuditEvents(
        deps,
        auditContextOf(request),
        request.params.orgId,
        request.query,
      );
      const first = await batches.next();
      async function* lines() {
        yield csvLine(CSV_HEADER);
        if (!first.done) {
          yield first.value.map((r) => csvLine(auditCsvRow(r))).join('');
        }
        for await (const batch of batches) {
          yield batch.map((r) => csvLine(auditCsvRow(r))).join('');
        }
      }
      const stamp = deps.clock.now().toISOString().slice(0, 10);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="custos-audit-${stamp}.csv"`)
        .send(Readable.from(lines()));
    },
  );

  app.post(
    '/api/orgs/:orgId/audit-events/verify',
    {
      config: { permission: 'audit.verify' },
      schema: {
        tags,
        summary: 'Check the hash chain of the audit trail',
        params,
        response: { 200: AuditVerificationSchema },
      },
    },
    async (request) => verifyAuditTrail(deps, auditContextOf(request), request.params.orgId),
  );
}
