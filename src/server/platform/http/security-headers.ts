import type { FastifyInstance } from 'fastify';
import { pathOf } from './errors';

// One Content-Security-Policy for the whole site. Scripts only from our own origin; Mantine
// injects <style> elements, hence 'unsafe-inline' for styles (never for scripts).
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const ALWAYS: [string, string][] = Object.entries({
  'content-security-policy': CSP,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
});

function isNoStore(path: string): boolean {
  return path === '/api' || path.startsWith('/api/') || path === '/healthz' || path === '/readyz';
}

/**
 * Sets the security headers of every answer, in this one place. API answers carry ePHI-adjacent
 * records and are never cached (164.312(a)(1)); HSTS is sent only when the request came over HTTPS.
 */
export function registerSecurityHeaders(app: FastifyInstance): void {
  // A callback hook: no promise and no extra turn of the event loop per answer.
  app.addHook('onSend', (request, reply, payload, done) => {
    for (const [name, value] of ALWAYS) {
      reply.header(name, value);
    }
    reply.header('x-request-id', request.id);
    if (request.protocol === 'https') {
      reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    }
    if (isNoStore(pathOf(request))) {
      reply.header('cache-control', 'no-store');
    }
    done(null, payload);
  });
}
