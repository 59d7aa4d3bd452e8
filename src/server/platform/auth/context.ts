import type { FastifyRequest } from 'fastify';
import type { Permission } from '../../../contracts/permissions';
import { appendAuditEvent, type AuditContext, type AuditDeps } from '../audit/append';
import type { DatabaseHandle } from '../db/connection';

/** Who is acting and from where, for the audit trail. */
export function auditContextOf(request: FastifyRequest): AuditContext {
  const principal = request.principal;
  const agent = request.headers['user-agent'];
  return {
    actor: principal?.token
      ? {
          type: 'token',
          id: principal.token.id,
          label: `${principal.token.name} (${principal.email})`,
        }
      : principal
        ? { type: 'user', id: principal.userId, label: principal.email }
        : { type: 'anonymous', id: null, label: null },
    ip: request.ip,
    userAgent: typeof agent === 'string' ? agent.slice(0, 400) : null,
    requestId: request.id,
  };
}

/** Records a refused request (design.md §6.3: denied attempts are audited too). */
export async function recordDenied(
  deps: AuditDeps & { database: DatabaseHandle },
  request: FastifyRequest,
  orgId: string | null,
  permission: Permission,
): Promise<void> {
  await deps.database.db.transaction().execute((trx) =>
    appendAuditEvent(trx, deps, auditContextOf(request), {
      orgId,
      action: 'access.denied',
      outcome: 'denied',
      changes: {
        permission: { after: permission },
        route: { after: `${request.method} ${request.routeOptions.url ?? ''}` },
      },
    }),
  );
}
