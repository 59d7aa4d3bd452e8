import type { FastifyRequest } from 'fastify';
import type { AuditContext } from '../audit/append';

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
