import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { testAuditDeps } from '../../test/support/audit';
import { testApps } from '../../test/support/app';
import { testDatabaseKind } from '../../test/support/database';
import { buildMember, buildOrganization, testClock } from '../../test/support/factories';
import { verifyTrail } from './platform/audit/trail';
import { verifyChain } from './platform/audit/verify';

// design.md §6.9, #10 findings 2 and 9: text that cannot be stored faithfully (lone surrogates, NUL)
// is refused at the edge naming the field, and nothing from outside can break the audit trail.

const startApp = testApps();

async function setUp() {
  const clock = testClock();
  const t = await startApp({ clock });
  const db = t.database.handle.db;
  const org = await buildOrganization(db);
  const officer = await buildMember(db, clock, org.id, 'security_officer');
  const keys = testAuditDeps(clock).auditKeys;
  return { t, db, org, officer, keys, clock };
}

const errorOf = (body: string) =>
  (JSON.parse(body) as { error: { code: string; details?: { path: string }[] } }).error;

describe(`text at the edge on ${testDatabaseKind()}`, () => {
  it('refuses a lone surrogate in a sign-in, naming the field, and the trail stays verifiable', async () => {
    const { t, db, keys } = await setUp();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { 'content-type': 'application/json' },
      // Raw JSON: "\ud800" is an unpaired surrogate once parsed.
      payload: '{"email":"x\\ud800y@clinic.example","password":"x"}',
    });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res.body).details).toEqual([
      { path: 'body.email', message: 'contains ill-formed Unicode (an unpaired surrogate)' },
    ]);
    expect(await db.selectFrom('audit_events').select('id').execute()).toEqual([]);
    expect((await verifyChain(db, keys, null)).intact).toBe(true);
  });

  it('refuses NUL in a body field, a search parameter and a field name', async () => {
    const { t, org, officer } = await setUp();
    const write = await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${org.id}/tasks`,
      headers: officer.headers,
      payload: { title: 'Back up\u0000 the EHR' },
    });
    expect(write.statusCode).toBe(400);
    expect(errorOf(write.body).details?.[0]?.path).toBe('body.title');
    const search = await t.app.inject({
      url: `/api/orgs/${org.id}/assets?q=a%00b`,
      headers: officer.headers,
    });
    expect(search.statusCode).toBe(400);
    expect(errorOf(search.body).details?.[0]?.path).toBe('querystring.q');
    const key = await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${org.id}/tasks`,
      headers: { ...officer.headers, 'content-type': 'application/json' },
      payload: '{"title":"x","links":[{"ty\\u0000pe":"risk"}]}',
    });
    expect(key.statusCode).toBe(400);
    expect(errorOf(key.body).details?.[0]?.path).toBe('body.links.0');
  });

  it('refuses a cursor too large for the database, naming it', async () => {
    const { t, org, officer } = await setUp();
    for (const list of ['assets', 'risks', 'audit-events', 'tasks']) {
      const res = await t.app.inject({
        url: `/api/orgs/${org.id}/${list}?cursor=99999999999999999999999`,
        headers: officer.headers,
      });
      expect(res.statusCode, list).toBe(400);
      expect(errorOf(res.body).details?.[0]?.path, list).toBe('querystring.cursor');
    }
  });

  it('answers no 5xx to arbitrary text in a sign-in and a write, and the trail stays intact', async () => {
    const { t, db, org, officer, keys, clock } = await setUp();
    // Any UTF-16 code units: lone surrogates, NUL, controls, astral characters.
    const text = fc.string({ unit: 'binary', maxLength: 40 });
    await fc.assert(
      fc.asyncProperty(text, text, async (email, title) => {
        clock.advance(61_000);
        const signIn = await t.app.inject({
          method: 'POST',
          url: '/api/auth/sign-in',
          payload: { email, password: 'not the password' },
        });
        expect([400, 401, 429]).toContain(signIn.statusCode);
        const write = await t.app.inject({
          method: 'POST',
          url: `/api/orgs/${org.id}/tasks`,
          headers: officer.headers,
          payload: { title },
        });
        expect([201, 400]).toContain(write.statusCode);
      }),
      { numRuns: 60 },
    );
    const trail = await verifyTrail(db, keys);
    expect(trail.problems).toEqual([]);
    expect(trail.events).toBeGreaterThan(0);
  });
});

describe(`bodies at the edge on ${testDatabaseKind()}`, () => {
  it('refuses bytes that are not UTF-8, another charset and compressed bodies, writing nothing', async () => {
    const { t, db, org, officer } = await setUp();
    const post = (payload: Buffer | string, headers: Record<string, string> = {}) =>
      t.app.inject({
        method: 'POST',
        url: `/api/orgs/${org.id}/tasks`,
        headers: { ...officer.headers, 'content-type': 'application/json', ...headers },
        payload,
      });
    // "a" then FF FE C3: not UTF-8 (a string parser would store U+FFFD as if sent).
    const bytes = Buffer.concat([
      Buffer.from('{"title":"a'),
      Buffer.from([0xff, 0xfe, 0xc3]),
      Buffer.from('"}'),
    ]);
    const bad = await post(bytes);
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad.body).details).toEqual([{ path: 'body', message: 'is not valid UTF-8' }]);
    const latin1 = await post('{"title":"Caf\u00e9"}', {
      'content-type': 'application/json; charset=iso-8859-1',
    });
    expect(latin1.statusCode).toBe(415);
    const twoCharsets = await post('{"title":"Backups"}', {
      'content-type': 'application/json; charset=utf-8; charset=utf-16',
    });
    expect(twoCharsets.statusCode).toBe(415);
    const framed = await post('{"title":"Backups"}', { 'transfer-encoding': 'gzip, chunked' });
    expect(framed.statusCode).toBe(415);
    const gzip = await post('{"title":"Backups"}', { 'content-encoding': 'gzip' });
    expect(gzip.statusCode).toBe(415);
    expect(errorOf(gzip.body).code).toBe('unsupported_media_type');
    expect(await db.selectFrom('tasks').select('id').execute()).toEqual([]);
    // Well-formed UTF-8, declared or not, including U+FFFD itself sent on purpose, goes through.
    const ok = await post('{"title":"Caf\u00e9 \ufffd"}', {
      'content-type': 'application/json; charset=UTF-8',
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json<{ title: string }>().title).toBe('Caf\u00e9 \ufffd');
    const proto = await post('{"title":"x","__proto__":{"admin":true}}');
    expect(proto.statusCode).toBe(400);
    // A field the request does not take is refused, not ignored: a 200 would read as agreement.
    const unknown = await post('{"title":"Backups","approvedBy":"someone","ownerID":"x"}');
    expect(unknown.statusCode).toBe(400);
    expect(errorOf(unknown.body).details).toEqual([
      { path: 'body', message: 'has fields this request does not take: "approvedBy", "ownerID"' },
    ]);
    // At any depth: in an array's objects and in a nested object, each named with its path.
    const nested = await post(
      JSON.stringify({
        title: 'Backups',
        dueOn: '2027-01-04',
        links: [{ type: 'url', id: 'https://x.example', evil: 1 }],
        recurrence: { frequency: 'weekly', interval: 1, every: 'day' },
      }),
    );
    expect(nested.statusCode).toBe(400);
    expect(errorOf(nested.body).details).toEqual([
      { path: 'body.links.0', message: 'has a field this request does not take: "evil"' },
      { path: 'body.recurrence', message: 'has a field this request does not take: "every"' },
    ]);
  });

  it('refuses direction marks and control characters in titles, naming the field', async () => {
    const { t, org, officer } = await setUp();
    const send = (method: 'POST', url: string, payload?: object) =>
      t.app.inject({
        method,
        url: `/api/orgs/${org.id}${url}`,
        headers: officer.headers,
        ...(payload ? { payload } : {}),
      });
    // U+202E makes "Policy gpj.exe" read as "Policy exe.jpg"; U+2066 isolates; BEL and a line
    // break have no place in a title (outside attacker, issue 14).
    for (const bad of [
      'Policy \u202egpj.exe',
      'Backups \u2066x\u2069',
      'Ring\u0007',
      'Two\nlines',
    ]) {
      const cases: [string, object, string][] = [
        ['/documents', { title: bad, kind: 'policy' }, 'body.title'],
        ['/documents', { title: 'Ok', kind: 'policy', category: bad }, 'body.category'],
        ['/evidence', { title: bad, url: 'https://x.example' }, 'body.title'],
        ['/tasks', { title: bad }, 'body.title'],
        ['/risks', { title: bad }, 'body.title'],
      ];
      for (const [url, payload, path] of cases) {
        const res = await send('POST', url, payload);
        expect(res.statusCode, `${url} ${JSON.stringify(bad)}`).toBe(400);
        expect(errorOf(res.body).details).toContainEqual({
          path,
          message: 'must not hold control characters or direction marks',
        });
      }
      const upload = await t.app.inject({
        method: 'POST',
        url: `/api/orgs/${org.id}/evidence/files?filename=log.txt&title=${encodeURIComponent(bad)}`,
        headers: { ...officer.headers, 'content-type': 'text/plain' },
        payload: 'sign-in log\n',
      });
      expect(upload.statusCode).toBe(400);
      expect(errorOf(upload.body).details?.[0]?.path).toBe('querystring.title');
    }
    // Letters of any script, and a title's surrounding spaces (trimmed), are fine.
    const fine = await send('POST', '/tasks', { title: '  Revisión de accesos — مراجعة  ' });
    expect(fine.statusCode).toBe(201);
    expect(fine.json<{ title: string }>().title).toBe('Revisión de accesos — مراجعة');
  });

  it('refuses a body sent to a request that takes none, and takes {} or nothing', async () => {
    const { t, org, officer } = await setUp();
    const retry = (payload?: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/orgs/${org.id}/notifications/read-all`,
        headers: {
          ...officer.headers,
          ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(payload === undefined ? {} : { payload }),
      });
    const refused = await retry('{"before":"2020"}');
    expect(refused.statusCode).toBe(400);
    expect(errorOf(refused.body).details).toEqual([
      { path: 'body', message: 'takes no body: send none' },
    ]);
    expect((await retry('[1]')).statusCode).toBe(400);
    expect((await retry('{}')).statusCode).toBe(204);
    expect((await retry()).statusCode).toBe(204);
    // Content-Type: application/json with no bytes is no body, not malformed JSON.
    expect((await retry('')).statusCode).toBe(204);
  });

  it('takes an empty JSON body as none: a route that needs a body says so, naming it', async () => {
    const { t, org, officer } = await setUp();
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${org.id}/tasks`,
      headers: { ...officer.headers, 'content-type': 'application/json' },
      payload: '',
    });
    expect(res.statusCode).toBe(400);
    const error = errorOf(res.body);
    expect(error.code).toBe('validation_failed');
    expect(error.details).toEqual([expect.objectContaining({ path: 'body' })]);
  });
});
