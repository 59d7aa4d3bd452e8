import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { testApps } from '../../../../test/support/app';
import { testDatabaseKind } from '../../../../test/support/database';
import { buildMember, buildOrganization, testClock } from '../../../../test/support/factories';
import { MeSchema } from '../../../contracts/auth';
import type { App } from './app';

const startApp = testApps();

const Account = z.object({ id: z.string(), name: z.string() });
const account = { id: 'u1', name: 'Ann Example' };
// What a presenter must never pass on: a stored secret and a column added after the schema.
const leaky = { ...account, passwordHash: '$argon2id$v=19$secret', ssn: '123-45-6789' };

function routes(app: App): void {
  const config = { permission: 'system.health' } as const;
  app.get(
    '/api/test/account',
    {
      config,
      schema: { response: { 200: z.object({ account: Account, list: z.array(Account) }) } },
    },
    () => ({ account: leaky, list: [leaky], internalNote: 'not for clients' }),
  );
  app.get(
    '/api/test/wrong-shape',
    {
      config,
      schema: { response: { 200: z.object({ id: z.string(), count: z.number().int() }) } },
    },
    () => ({ id: 'x', count: 1.5 }),
  );
}

describe(`response serialization on ${testDatabaseKind()}`, () => {
  it.each([
    ['checked (tests)', true],
    ['unchecked (production)', false],
  ])('sends only the declared fields, %s', async (_name, checkResponses) => {
    const t = await startApp({ extraRoutes: routes, checkResponses });
    const res = await t.app.inject({ url: '/api/test/account' });
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toMatch(/argon2id|123-45-6789|passwordHash|ssn|internalNote/);
    expect(res.json()).toEqual({ account, list: [account] });
  });

  it('under tests, answers 500 and logs the issues when a presenter returns the wrong shape', async () => {
    const lines: string[] = [];
    const logStream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const t = await startApp({
      extraRoutes: routes,
      logStream,
      config: { logLevel: 'error', trustProxy: false },
    });
    const res = await t.app.inject({ url: '/api/test/wrong-shape' });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toMatchObject({ error: { code: 'internal' } });
    expect(lines.join('')).toContain('response does not match its schema');
  });

  it('writes a real answer (GET /api/me) with exactly the fields of its schema', async () => {
    const clock = testClock();
    const t = await startApp({ clock, checkResponses: false });
    const db = t.database.handle.db;
    const org = await buildOrganization(db);
    const owner = await buildMember(db, clock, org.id, 'owner');
    const res = await t.app.inject({ url: '/api/me', headers: owner.headers });
    expect(res.statusCode).toBe(200);
    const body = res.json<Record<string, unknown>>();
    // zod strips undeclared fields at every depth: equal means there were none.
    expect(MeSchema.parse(body)).toEqual(body);
    expect(Object.keys(body).sort()).toEqual([
      'endedAccess',
      'memberships',
      'passwordResetNotices',
      'session',
      'user',
    ]);
  });
});
