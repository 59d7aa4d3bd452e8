import { describe, expect, it } from 'vitest';
import { testApps } from '../../../../test/support/app';
import { testDatabaseKind } from '../../../../test/support/database';
import { testClock } from '../../../../test/support/factories';
import type { Config } from '../config';

const startApp = testApps();

// A client behind one reverse proxy sends its own X-Forwarded-For; the proxy appends the address it
// saw. Only that last entry may be believed, whatever the client wrote before it.
async function signInFailuresBehind(trustProxy: Config['trustProxy']) {
  const t = await startApp({ clock: testClock(), config: { logLevel: 'silent', trustProxy } });
  for (let i = 0; i < 12; i++) {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { 'x-forwarded-for': `10.9.${i}.1, 198.51.100.7` },
      payload: { email: `nobody-${i}@clinic.example`, password: 'wrong password here' },
    });
    expect(res.statusCode).toBe(401);
  }
  const db = t.database.handle.db;
  const ips = await db.selectFrom('audit_events').select('ip').distinct().execute();
  const throttle = await db
    .selectFrom('auth_throttle')
    .select(['key', 'failures'])
    .where('key', 'like', 'ip:%')
    .execute();
  return { ips: ips.map((r) => r.ip), throttle };
}

describe(`CUSTOS_TRUST_PROXY on ${testDatabaseKind()}`, () => {
  it.each([
    ['one hop', 1 as const],
    ['the proxy address', ['127.0.0.1']],
  ])('believes only what the trusted proxy added (%s)', async (_name, trust) => {
    const { ips, throttle } = await signInFailuresBehind(trust);
    expect(ips).toEqual(['198.51.100.7']);
    expect(throttle).toEqual([{ key: 'ip:198.51.100.7', failures: 12 }]);
  });

  it('without a proxy, ignores X-Forwarded-For', async () => {
    const { ips } = await signInFailuresBehind(false);
    expect(ips).toEqual(['127.0.0.1']);
  });
});
