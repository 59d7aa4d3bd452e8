import Fastify, { type FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { requireRoutePermissions } from './route-permissions';

function appWith(register: (app: FastifyInstance) => void): FastifyInstance {
  const app = Fastify({ logger: false });
  requireRoutePermissions(app);
  register(app);
  return app;
}

describe('requireRoutePermissions', () => {
  it('refuses an /api route without a permission', () => {
    expect(() => appWith((app) => app.get('/api/things', () => 'x'))).toThrow(
      'Route GET /api/things declares no permission of the permission table',
    );
  });

  it('refuses a permission that is not in the table', () => {
    expect(() =>
      appWith((app) =>
        app.get('/api/things', { config: { permission: 'things.read' as never } }, () => 'x'),
      ),
    ).toThrow(/declares no permission/);
  });

  it('accepts a route that names a permission of the table', async () => {
    const app = appWith((a) =>
      a.get('/api/things', { config: { permission: 'system.status.read' } }, () => 'x'),
    );
    expect((await app.inject('/api/things')).body).toBe('x');
  });

  it('leaves non-API routes alone', async () => {
    const app = appWith((a) => a.get('/favicon.svg', () => 'svg'));
    expect((await app.inject('/favicon.svg')).statusCode).toBe(200);
  });
});
