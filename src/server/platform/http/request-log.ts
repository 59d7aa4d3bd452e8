import { randomUUID } from 'node:crypto';
import { LogController, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { pathOf } from './errors';

const INCOMING_ID = /^[A-Za-z0-9._-]{8,100}$/;

/**
 * Request ids: a well-formed X-Request-Id from a load balancer is kept so logs line up;
 * anything else is replaced by a fresh id.
 */
export const requestLogOptions: Pick<FastifyServerOptions, 'genReqId' | 'logController'> = {
  // Fastify's own two lines per request are replaced by the single one of registerRequestLog.
  logController: new LogController({ requestIdLogLabel: 'requestId', disableRequestLogging: true }),
  genReqId: (req) => {
    const incoming = req.headers['x-request-id'];
    return typeof incoming === 'string' && INCOMING_ID.test(incoming) ? incoming : randomUUID();
  },
};

/** Errors are logged by type, message, code and stack only: driver details may quote row values. */
export const errorSerializer = (err: Error & { code?: unknown }) => ({
  type: err.name,
  message: err.message,
  code: err.code,
  stack: err.stack ?? '',
});

/**
 * One log line per request: method, path, status, duration and request id. Never headers,
 * queries or bodies (design.md §6.10: no PHI or secrets in logs).
 */
export function registerRequestLog(app: FastifyInstance): void {
  app.addHook('onResponse', (request, reply, done) => {
    request.log.info(
      {
        method: request.method,
        path: pathOf(request),
        status: reply.statusCode,
        durationMs: Math.round(reply.elapsedTime * 10) / 10,
      },
      'request',
    );
    done();
  });
}
