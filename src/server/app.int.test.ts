import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestApp, type TestApp } from '../../test/support/app';
import { testDatabaseKind } from '../../test/support/database';
import { ErrorBodySchema } from '../contracts/errors';
import { SystemStatusSchema } from '../contracts/system';
import { CONNECTION_IDLE_MS, HEADERS_MS, REQUEST_MS } from './app';
import { allMigrations } from './platform/db/migrator';
import { AppError } from './platform/errors';
import { systemClock } from './platform/clock';
import { buildMember, buildOrganization } from '../../test/support/factories';

// db/migrations and every feature's own.
const migrations = await allMigrations();

const SECRET_SQL = 'select ssn from patients where mrn = 1234567';
const logLines: string[] = [];
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({
    config: { logLevel: 'info', trustProxy: 1 },
    logStream: new Writable({
      write(chunk: Buffer, _enc, done) {
        logLines.push(...chunk.toString().split('\n').filter(Boolean));
        done();
      },
    }),
    extraRoutes: (app) => {
      const Body = z.object({ name: z.string().min(1), owner: z.object({ email: z.email() }) });
      app.post(
        '/api/test/echo',
        { config: { permission: 'system.health' }, schema: { body: Body } },
        (request) => ({ name: request.body.name }),
      );
      app.get('/api/test/boom', { config: { permission: 'system.health' } }, () => {
        throw new Error(`SQLITE_ERROR near "${SECRET_SQL}"`);
      });
      app.get('/api/test/conflict', { config: { permission: 'system.health' } }, () => {
        throw new AppError('conflict', 'Approved assessments cannot change.');
      });
    },
  });
});
afterAll(async () => t.close());

const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ url, headers });
const errorOf = (body: string) => ErrorBodySchema.parse(JSON.parse(body)).error;

describe('probes and status', () => {
  it('drops a connection that trickles its request (slow-loris)', () => {
    expect(t.app.server.timeout).toBe(CONNECTION_IDLE_MS);
    expect(t.app.server.headersTimeout).toBe(HEADERS_MS);
    expect(t.app.server.requestTimeout).toBe(REQUEST_MS);
    expect(HEADERS_MS).toBeLessThanOrEqual(CONNECTION_IDLE_MS);
  });

  it('GET /healthz answers 200', async () => {
    const res = await get('/healthz');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('GET /readyz answers 200 when the database is migrated', async () => {
    const res = await get('/readyz');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      status: 'ready',
      checks: { database: 'ok', migrations: 'current' },
    });
  });

  it('GET /api/status reports version, database kind and migrations to an owner', async () => {
    expect((await get('/api/status')).statusCode).toBe(401);
    const db = t.database.handle.db;
    const org = await buildOrganization(db);
    const owner = await buildMember(db, systemClock, org.id, 'owner');
    const status = SystemStatusSchema.parse((await get('/api/status', owner.headers)).json());
    expect(status.database.kind).toBe(testDatabaseKind());
    expect(status.migrations).toEqual({
      applied: Object.keys(migrations).length,
      pending: 0,
      latest: Object.keys(migrations).at(-1),
      current: true,
    });
    expect(status.instance.id).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });
});

describe('errors', () => {
  it('unknown /api paths answer 404 JSON naming the path', async () => {
    const res = await get('/api/nope');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    const error = errorOf(res.body);
    expect(error.code).toBe('not_found');
    expect(error.message).toBe('No API route matches GET /api/nope.');
    expect(error.requestId).toBe(res.headers['x-request-id']);
  });

  it('unknown /api paths answer 404 for other methods too, without echoing the query', async () => {
    const res = await t.app.inject({ method: 'DELETE', url: '/api/nope?mrn=1234567' });
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('1234567');
  });

  it('validation errors list the field paths', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/test/echo',
      payload: { name: '', owner: { email: 'nope' } },
    });
    expect(res.statusCode).toBe(400);
    const error = errorOf(res.body);
    expect(error.code).toBe('validation_failed');
    expect(error.details?.map((d) => d.path).sort()).toEqual(['body.name', 'body.owner.email']);
    expect(error.message).toContain('body.name');
  });

  it('malformed JSON is a 400 that does not echo the body', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/test/echo',
      headers: { 'content-type': 'application/json' },
      payload: '{"name": "Jane Doe 1234567",',
    });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res.body).code).toBe('bad_request');
    expect(res.body).not.toContain('1234567');
  });

  it('an unsupported content type is a 415', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/test/echo',
      headers: { 'content-type': 'text/csv' },
      payload: 'a,b',
    });
    expect(res.statusCode).toBe(415);
    expect(errorOf(res.body).code).toBe('unsupported_media_type');
  });

  it('a body over the limit is a 413', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/test/echo',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ name: 'x'.repeat(1_100_000), owner: { email: 'a@b.co' } }),
    });
    expect(res.statusCode).toBe(413);
    expect(errorOf(res.body).code).toBe('payload_too_large');
  });

  it('AppError codes decide the status', async () => {
    const res = await get('/api/test/conflict');
    expect(res.statusCode).toBe(409);
    expect(errorOf(res.body)).toMatchObject({
      code: 'conflict',
      message: 'Approved assessments cannot change.',
    });
  });

  it('unknown errors answer a generic 500 with the request id; details go to the log only', async () => {
    const res = await get('/api/test/boom');
    expect(res.statusCode).toBe(500);
    const error = errorOf(res.body);
    expect(error.code).toBe('internal');
    expect(error.message).toContain(res.headers['x-request-id'] as string);
    expect(res.body).not.toContain('patients');
    expect(res.body).not.toContain('stack');
    const logged = logLines.map((l) => JSON.parse(l) as Record<string, unknown>);
    const entry = logged.find(
      (l) => l.requestId === error.requestId && l.msg === 'unhandled error',
    );
    expect(JSON.stringify(entry)).toContain('patients');
  });
});

describe('logging', () => {
  it('logs method, path, status, duration and request id, never bodies or queries', async () => {
    const before = logLines.length;
    await t.app.inject({
      method: 'POST',
      url: '/api/test/echo?patient=Jane',
      headers: { cookie: 'custos_session=sekret-token' },
      payload: { name: 'Jane Doe', owner: { email: 'jane@example.org' } },
    });
    const lines = logLines.slice(before);
    const entry = lines
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((l) => l.msg === 'request');
    expect(entry).toMatchObject({ method: 'POST', path: '/api/test/echo', status: 200 });
    expect(typeof entry?.durationMs).toBe('number');
    expect(typeof entry?.requestId).toBe('string');
    const text = lines.join('\n');
    for (const secret of ['Jane', 'jane@example.org', 'sekret-token']) {
      expect(text).not.toContain(secret);
    }
  });
});

describe('security headers', () => {
  it('are set on API answers, which are never cached', async () => {
    const res = await get('/api/status');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it('include a CSP without inline scripts on pages', async () => {
    const csp = String((await get('/')).headers['content-security-policy']);
    const scriptSrc = csp.split(';').find((d) => d.trim().startsWith('script-src'));
    expect(scriptSrc?.trim()).toBe("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
  });

  it('add HSTS when the request came over HTTPS through a trusted proxy', async () => {
    const res = await get('/api/status', { 'x-forwarded-proto': 'https' });
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
  });

  it('keep a well-formed incoming request id and replace a malformed one', async () => {
    expect(
      (await get('/healthz', { 'x-request-id': 'lb-req-12345678' })).headers['x-request-id'],
    ).toBe('lb-req-12345678');
    const replaced = (await get('/healthz', { 'x-request-id': 'bad id\u0000' })).headers[
      'x-request-id'
    ];
    expect(replaced).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('web app', () => {
  it('serves index.html at / without caching', async () => {
    const res = await get('/');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('caches hashed assets as immutable', async () => {
    const res = await get('/assets/index-AbC123.js');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('falls back to index.html for client-side routes', async () => {
    const res = await get('/system/status');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<div id="root">');
    expect(res.headers['cache-control']).toBe('no-cache');
    // Citations have dots but are pages, not files.
    const citation = await get(`/safeguards/${encodeURIComponent('164.308(a)(2)')}`);
    expect(citation.statusCode).toBe(200);
    expect(citation.body).toContain('<div id="root">');
  });

  it('answers 404 for missing files instead of the app', async () => {
    expect((await get('/assets/missing-123.js')).statusCode).toBe(404);
    expect((await get('/favicon.ico')).statusCode).toBe(404);
  });
});

describe('OpenAPI', () => {
  it('GET /api/openapi.json is an OpenAPI 3 document of the routes', async () => {
    const res = await get('/api/openapi.json');
    expect(res.statusCode).toBe(200);
    const doc = res.json<{
      openapi: string;
      info: { title: string };
      paths: Record<string, unknown>;
    }>();
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.info.title).toBe('Custos API');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/status', '/healthz', '/readyz']),
    );
  });

  it('renders the document at /api/docs', async () => {
    const res = await get('/api/docs/');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('swagger-ui');
  });
});

describe('before migrations', () => {
  it('/readyz answers 503 while migrations are pending; /api/status still asks for a sign-in', async () => {
    const fresh = await createTestApp({ migrate: false });
    try {
      const ready = await fresh.app.inject('/readyz');
      expect(ready.statusCode).toBe(503);
      expect(ready.json()).toEqual({
        status: 'not_ready',
        checks: { database: 'ok', migrations: 'pending' },
      });
      const status = await fresh.app.inject('/api/status');
      expect(status.statusCode).toBe(401);
    } finally {
      await fresh.close();
    }
  });
});
