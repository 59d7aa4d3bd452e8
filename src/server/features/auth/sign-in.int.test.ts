import { describe, expect, it } from 'vitest';
import { testApps } from '../../../../test/support/app';
import { testDatabaseKind } from '../../../../test/support/database';
import { ACCOUNT_POLICY, IP_POLICY } from '../../platform/auth/throttle';
import {
  buildMembership,
  buildOrganization,
  buildUser,
  sessionTokenOf,
  TEST_PASSWORD,
  testClock,
} from '../../../../test/support/factories';

const startApp = testApps();

async function setUp() {
  const clock = testClock();
  const t = await startApp({ clock });
  const db = t.database.handle.db;
  const org = await buildOrganization(db);
  const user = await buildUser(db, { email: 'nurse.lee@clinic.example' });
  await buildMembership(db, org.id, user.id, 'workforce');
  const app = t.app;
  const signIn = (email: string, password: string, ip = '198.51.100.7') =>
    app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email, password },
      remoteAddress: ip,
    });
  return { clock, db, org, user, signIn };
}

describe(`sign-in on ${testDatabaseKind()}`, () => {
  it('signs in with the right password (email case-insensitive) and starts a new session each time', async () => {
    const { signIn } = await setUp();
    const first = await signIn('Nurse.Lee@Clinic.example', TEST_PASSWORD);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ mfaRequired: false });
    const second = await signIn('nurse.lee@clinic.example', TEST_PASSWORD);
    const [a, b] = [
      sessionTokenOf(first.headers['set-cookie']),
      sessionTokenOf(second.headers['set-cookie']),
    ];
    expect(a).toBeDefined();
    expect(b).toBeDefined();
    expect(a).not.toBe(b);
  });

  it('answers a wrong password and an unknown email alike', async () => {
    const { signIn } = await setUp();
    const wrong = await signIn('nurse.lee@clinic.example', 'not the password at all');
    const unknown = await signIn('nobody@clinic.example', 'not the password at all');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json<{ error: { message: string } }>().error.message).toBe(
      unknown.json<{ error: { message: string } }>().error.message,
    );
  });

  it('throttles repeated failures with growing delays, then locks the account for 15 minutes', async () => {
    const { signIn, clock, db, org } = await setUp();
    const email = 'nurse.lee@clinic.example';
    for (let i = 1; i <= 5; i++) {
      expect((await signIn(email, `wrong password ${i}`)).statusCode).toBe(401);
    }
    // The fifth failure imposes a 1 s delay: an immediate retry is refused, even with the right password.
    const throttled = await signIn(email, TEST_PASSWORD);
    expect(throttled.statusCode).toBe(429);
    expect(throttled.headers['retry-after']).toBe('1');
    expect(throttled.json<{ error: { message: string } }>().error.message).toMatch(
      /wait 1 seconds/,
    );

    const delays: string[] = [];
    for (let i = 6; i <= 9; i++) {
      clock.advance(60_000);
      expect((await signIn(email, `wrong password ${i}`)).statusCode).toBe(401);
      delays.push(String((await signIn(email, TEST_PASSWORD)).headers['retry-after']));
    }
    expect(delays).toEqual(['2', '4', '8', '16']);

    clock.advance(60_000);
    expect((await signIn(email, 'wrong password 10')).statusCode).toBe(401);
    const locked = await signIn(email, TEST_PASSWORD);
    expect(locked.statusCode).toBe(429);
    expect(locked.json<{ error: { message: string } }>().error.message).toMatch(
      /locked for 15 more minutes/,
    );

    clock.advance(14 * 60_000);
    expect((await signIn(email, TEST_PASSWORD)).statusCode).toBe(429);
    clock.advance(60_000 + 1000);
    expect((await signIn(email, TEST_PASSWORD)).statusCode).toBe(200);

    const actions = await db
      .selectFrom('audit_events')
      .select('action')
      .where('org_id', '=', org.id)
      .orderBy('seq')
      .execute();
    expect(actions.filter((a) => a.action === 'auth.sign_in_failed')).toHaveLength(10);
    expect(actions.filter((a) => a.action === 'auth.locked_out')).toHaveLength(1);
    expect(actions.at(-1)?.action).toBe('auth.signed_in');
  });

  it('forgets the failures of an account that signs in, and never counts success against an address', async () => {
    const { signIn } = await setUp();
    const email = 'nurse.lee@clinic.example';
    const statuses: number[] = [];
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < ACCOUNT_POLICY.free; i++) {
        statuses.push((await signIn(email, `wrong password ${round}.${i}`)).statusCode);
      }
      statuses.push((await signIn(email, TEST_PASSWORD)).statusCode);
    }
    expect(statuses).toEqual([
      401, 401, 401, 401, 200, 401, 401, 401, 401, 200, 401, 401, 401, 401, 200,
    ]);
    // A clinic behind one address: more sign-ins than the address's free failures.
    for (let i = 0; i < IP_POLICY.free + 5; i++) {
      expect((await signIn(email, TEST_PASSWORD)).statusCode).toBe(200);
    }
  });

  it('throttles an unknown email exactly like a known one', async () => {
    const { signIn } = await setUp();
    const statuses = async (email: string, ip: string) => {
      const out: number[] = [];
      for (let i = 0; i < 7; i++) {
        out.push((await signIn(email, 'wrong password here', ip)).statusCode);
      }
      return out;
    };
    expect(await statuses('nobody@clinic.example', '198.51.100.8')).toEqual(
      await statuses('nurse.lee@clinic.example', '198.51.100.9'),
    );
  });

  it('throttles one address trying many accounts', async () => {
    const { signIn } = await setUp();
    const codes: number[] = [];
    for (let i = 0; i < 22; i++) {
      codes.push(
        (await signIn(`guess${i}@clinic.example`, 'wrong password here', '203.0.113.66'))
          .statusCode,
      );
    }
    expect(codes.slice(0, 20).every((c) => c === 401)).toBe(true);
    expect(codes.slice(20)).toContain(429);
  });
});

describe(`sign-in races on ${testDatabaseKind()}`, () => {
  // Every request at once: the attempt must be counted before the password is checked, or all of
  // them pass the check before the first failure is recorded.
  it('evaluates at most the free attempts of 60 concurrent wrong passwords for one account', async () => {
    const { signIn, db, org, user } = await setUp();
    const answers = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        signIn('nurse.lee@clinic.example', `wrong password ${i}`, `198.51.100.${i + 10}`),
      ),
    );
    const statuses = answers.map((a) => a.statusCode);
    // ACCOUNT_POLICY: four free failures, then a delay after the fifth; the clock stands still.
    expect(statuses.filter((s) => s === 401)).toHaveLength(ACCOUNT_POLICY.free + 1);
    expect(statuses.filter((s) => s === 429)).toHaveLength(60 - ACCOUNT_POLICY.free - 1);
    const failed = await db
      .selectFrom('audit_events')
      .select('id')
      .where('org_id', '=', org.id)
      .where('action', '=', 'auth.sign_in_failed')
      .where('entity_id', '=', user.id)
      .execute();
    expect(failed).toHaveLength(ACCOUNT_POLICY.free + 1);
  });

  it('evaluates at most the free attempts of 120 concurrent sign-ins from one address', async () => {
    const { signIn, db } = await setUp();
    const answers = await Promise.all(
      Array.from({ length: 120 }, (_, i) =>
        signIn(`guess${i}@clinic.example`, 'wrong password here', '203.0.113.99'),
      ),
    );
    const statuses = answers.map((a) => a.statusCode);
    expect(statuses.filter((s) => s === 401)).toHaveLength(IP_POLICY.free + 1);
    expect(statuses.filter((s) => s === 429)).toHaveLength(120 - IP_POLICY.free - 1);
    const failed = await db
      .selectFrom('audit_events')
      .select('id')
      .where('action', '=', 'auth.sign_in_failed')
      .where('ip', '=', '203.0.113.99')
      .execute();
    expect(failed).toHaveLength(IP_POLICY.free + 1);
  });
});
