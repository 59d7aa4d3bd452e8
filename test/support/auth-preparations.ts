import { Secret, TOTP } from 'otpauth';
import type { Role } from '../../src/contracts/roles';
import type { Clock } from '../../src/server/platform/clock';
import type { TestApp } from './app';
import { linkTokenTo } from './mail';
import { buildUser, sessionHeaders, sessionTokenOf, TEST_PASSWORD, asSession } from './factories';
import type { Clinic, Preparation } from './preparations';

// The states the auth and organizations operations need that the demo clinic does not have: a
// pending sign-in, an authenticator being set up or turned on, a reset or invitation link. Each
// uses its own person, so that the order the audit pass runs them in does not matter.

const NEW_PASSWORD = 'harbor violet compass 1987';

function person(clinic: Clinic, role: Role) {
  const found = clinic.people.find((p) => p.role === role);
  if (!found) throw new Error(`the demo clinic has no ${role}`);
  return found;
}

const headersOf = (t: TestApp, clock: Clock, userId: string, orgId: string | null) =>
  sessionHeaders(t.database.handle.db, clock, userId, orgId);

async function post(t: TestApp, url: string, headers: Record<string, string>, payload?: object) {
  const res = await t.app.inject({
    method: 'POST',
    url,
    headers,
    ...(payload ? { payload } : {}),
  });
  if (res.statusCode >= 300) {
    throw new Error(`preparation: POST ${url} answered ${res.statusCode} ${res.body}`);
  }
  return res;
}

/** The current code of an authenticator set up with `secret`, at the test clock's time. */
const codeAt = (secret: string, clock: Clock) =>
  new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: clock.now().getTime() });

/** Turns two-factor authentication on for `userId` through the API; returns its recovery codes. */
async function enableMfa(t: TestApp, clock: Clock, userId: string, orgId: string) {
  const headers = await headersOf(t, clock, userId, orgId);
  const { secret } = (await post(t, '/api/me/mfa/totp', headers)).json<{ secret: string }>();
  const confirmed = await post(t, '/api/me/mfa/totp/confirm', headers, {
    code: codeAt(secret, clock),
  });
  return confirmed.json<{ recoveryCodes: string[] }>().recoveryCodes;
}

/** The link token of the newest message sent to `email` (`…/invitations#token`). */
const linkTokenSentTo = (t: TestApp, email: string) => linkTokenTo(t.database.handle.db, email);

/** The id of `userId`'s membership of the clinic. */
async function membershipOf(t: TestApp, clinic: Clinic, userId: string): Promise<string> {
  const row = await t.database.handle.db
    .selectFrom('memberships')
    .select('id')
    .where('org_id', '=', clinic.orgId)
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Invites `email` into the clinic as its owner; returns the invitation's link token. */
async function invite(t: TestApp, clinic: Clinic, clock: Clock, email: string) {
  const owner = person(clinic, 'owner');
  const headers = await headersOf(t, clock, owner.userId, clinic.orgId);
  await post(t, `/api/orgs/${clinic.orgId}/invitations`, headers, { email, role: 'workforce' });
  return linkTokenSentTo(t, email);
}

export const AUTH_PREPARATIONS: Record<string, Preparation> = {
  // First-run setup happens once per installation: the seeded clinics already claimed it.
  'POST /api/setup': async (t) => {
    await t.database.handle.db.updateTable('instance').set({ setup_completed_at: null }).execute();
    return { headers: {} };
  },
  'POST /api/auth/sign-in': (_t, clinic) =>
    Promise.resolve({
      headers: {},
      body: { email: person(clinic, 'owner').email, password: TEST_PASSWORD },
    }),
  // A pending sign-in (password accepted, second factor awaited), finished with a recovery code.
  'POST /api/auth/mfa': async (t, clinic, _contract, clock) => {
    const { userId, email } = person(clinic, 'privacy_officer');
    const [code] = await enableMfa(t, clock, userId, clinic.orgId);
    const signedIn = await post(t, '/api/auth/sign-in', {}, { email, password: TEST_PASSWORD });
    const token = sessionTokenOf(signedIn.headers['set-cookie']);
    if (!token || !code) throw new Error('preparation: no pending session or recovery code');
    return { headers: asSession(token), body: { code } };
  },
  'POST /api/auth/reauthenticate': async (t, clinic, _contract, clock) => ({
    headers: await headersOf(t, clock, person(clinic, 'owner').userId, clinic.orgId),
    body: { password: TEST_PASSWORD },
  }),
  // An authenticator waiting for its first code.
  'POST /api/me/mfa/totp/confirm': async (t, clinic, _contract, clock) => {
    const headers = await headersOf(t, clock, person(clinic, 'contributor').userId, clinic.orgId);
    const { secret } = (await post(t, '/api/me/mfa/totp', headers)).json<{ secret: string }>();
    return { headers, body: { code: codeAt(secret, clock) } };
  },
  'POST /api/me/mfa/recovery-codes': async (t, clinic, _contract, clock) => {
    const { userId } = person(clinic, 'workforce');
    await enableMfa(t, clock, userId, clinic.orgId);
    return { headers: await headersOf(t, clock, userId, clinic.orgId) };
  },
  'DELETE /api/me/mfa/totp': async (t, clinic, _contract, clock) => {
    const { userId } = person(clinic, 'security_officer');
    const [code] = await enableMfa(t, clock, userId, clinic.orgId);
    return { headers: await headersOf(t, clock, userId, clinic.orgId), body: { code } };
  },
  'POST /api/me/password': async (t, clinic, _contract, clock) => ({
    headers: await headersOf(t, clock, person(clinic, 'admin').userId, clinic.orgId),
    body: { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD },
  }),
  'POST /api/auth/password-reset': (_t, clinic) =>
    Promise.resolve({ headers: {}, body: { email: person(clinic, 'auditor').email } }),
  // A reset link, as emailed.
  'POST /api/auth/password-reset/complete': async (t, clinic) => {
    const { email } = person(clinic, 'auditor');
    await post(t, '/api/auth/password-reset', {}, { email });
    await t.background.idle();
    return {
      headers: {},
      body: { token: await linkTokenSentTo(t, email), password: NEW_PASSWORD },
    };
  },
  // One of the owner's own sessions (the clinic's first one ended with "sign out everywhere").
  'DELETE /api/me/sessions/:sessionId': async (t, clinic, _contract, clock) => {
    const { userId } = person(clinic, 'owner');
    const headers = await headersOf(t, clock, userId, clinic.orgId);
    await headersOf(t, clock, userId, clinic.orgId);
    const newest = await t.database.handle.db
      .selectFrom('sessions')
      .select('id')
      .where('user_id', '=', userId)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    return { headers, id: (param) => (param === 'sessionId' ? newest.id : clinic.id(param)) };
  },
  // An owner issues a link for the workforce member (no SMTP: answered once).
  'POST /api/orgs/:orgId/members/:memberId/password-reset': async (t, clinic, _contract, clock) => {
    const memberId = await membershipOf(t, clinic, person(clinic, 'workforce').userId);
    return {
      headers: await headersOf(t, clock, person(clinic, 'owner').userId, clinic.orgId),
      id: (param) => (param === 'memberId' ? memberId : clinic.id(param)),
    };
  },
  // The notice of a link an owner issued for the auditor, read after signing in.
  'POST /api/me/password-reset-notices/seen': async (t, clinic, _contract, clock) => {
    const { userId } = person(clinic, 'auditor');
    const owner = await headersOf(t, clock, person(clinic, 'owner').userId, clinic.orgId);
    const memberId = await membershipOf(t, clinic, userId);
    await post(t, `/api/orgs/${clinic.orgId}/members/${memberId}/password-reset`, owner);
    return { headers: await headersOf(t, clock, userId, clinic.orgId) };
  },
  'POST /api/invitations/lookup': async (t, clinic, _contract, clock) => ({
    headers: {},
    body: { token: await invite(t, clinic, clock, 'lookup.nurse@riverside-clinic.example') },
  }),
  'POST /api/invitations/accept-new': async (t, clinic, _contract, clock) => ({
    headers: {},
    body: {
      token: await invite(t, clinic, clock, 'new.nurse@riverside-clinic.example'),
      name: 'Rosa Delgado',
      password: NEW_PASSWORD,
    },
  }),
  // Someone with an account elsewhere, signed in, accepting an invitation to their own address.
  'POST /api/invitations/accept': async (t, clinic, _contract, clock) => {
    const user = await buildUser(t.database.handle.db, {
      name: 'Omar Haddad',
      email: 'omar.haddad@lakeside-pediatrics.example',
    });
    const token = await invite(t, clinic, clock, user.email);
    return { headers: await headersOf(t, clock, user.id, null), body: { token } };
  },
};
