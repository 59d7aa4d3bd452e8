import { describe, expect, it } from 'vitest';
import { testApps } from '../../../../test/support/app';
import { testDatabaseKind } from '../../../../test/support/database';
import {
  buildMember,
  buildOrganization,
  testClock,
  tokenHeaders,
} from '../../../../test/support/factories';

// Whoever submitted an assessment does not approve it too while someone else may; a one-person
// practice still approves its own (approve-assessment.ts).

const startApp = testApps();

async function submittedBy(role: 'security_officer' | 'owner', withAdmin: boolean) {
  const clock = testClock();
  const t = await startApp({ clock });
  const db = t.database.handle.db;
  const org = await buildOrganization(db);
  const author = await buildMember(db, clock, org.id, role);
  const admin = withAdmin ? await buildMember(db, clock, org.id, 'admin') : null;
  // An auditor may not approve, and one whose access ended does not count either.
  await buildMember(db, clock, org.id, 'auditor');
  await buildMember(db, clock, org.id, 'owner', '2026-01-01T00:00:00.000Z');
  const call = (headers: Record<string, string>, method: 'GET' | 'POST', url: string) =>
    t.app.inject({ method, url: `/api/orgs/${org.id}${url}`, headers, payload: {} });
  const ra = (await call(author.headers, 'POST', '/risk-assessments')).json<{ id: string }>();
  const url = `/risk-assessments/${ra.id}`;
  const submitted = await call(author.headers, 'POST', `${url}/submit`);
  expect(submitted.statusCode, submitted.body).toBe(200);
  return { t, db, org, clock, call, author, admin, url };
}

describe(`four eyes on an approval, on ${testDatabaseKind()}`, () => {
  it('refuses the submitter while another approver exists, naming them; the other approves', async () => {
    const { call, author, admin, url } = await submittedBy('security_officer', true);
    const own = await call(author.headers, 'POST', `${url}/approve`);
    expect(own.statusCode).toBe(409);
    expect(own.json<{ error: { message: string } }>().error.message).toBe(
      'You submitted RA-1, so someone else approves it: A admin may.',
    );
    const other = await call(admin?.headers ?? {}, 'POST', `${url}/approve`);
    expect(other.statusCode, other.body).toBe(200);
    expect(other.json<{ status: string }>().status).toBe('approved');
  });

  it('does not count a submitter who returned the assessment for a colleague to resubmit', async () => {
    const { db, org, clock, call, author, admin, url } = await submittedBy(
      'security_officer',
      true,
    );
    const colleague = await buildMember(db, clock, org.id, 'contributor');
    expect((await call(author.headers, 'POST', `${url}/return`)).statusCode).toBe(200);
    expect((await call(colleague.headers, 'POST', `${url}/submit`)).statusCode).toBe(200);
    const own = await call(author.headers, 'POST', `${url}/approve`);
    expect(own.statusCode).toBe(409);
    const other = await call(admin?.headers ?? {}, 'POST', `${url}/approve`);
    expect(other.statusCode, other.body).toBe(200);
  });

  it('takes an acknowledgement of gaps only from a person signed in, not a token', async () => {
    const { t, db, org, clock, author } = await submittedBy('owner', false);
    const token = await tokenHeaders(db, clock, author.user.id, org.id, 'owner');
    const post = (headers: Record<string, string>, url: string, payload: object) =>
      t.app.inject({ method: 'POST', url: `/api/orgs/${org.id}${url}`, headers, payload });
    // An unrated risk leaves the next draft incomplete.
    expect((await post(author.headers, '/risks', { title: 'Lost tablet' })).statusCode).toBe(201);
    const ra = (await post(author.headers, '/risk-assessments', {})).json<{ id: string }>();
    const submit = `/risk-assessments/${ra.id}/submit`;
    const byToken = await post(token, submit, { acknowledgeIncomplete: true });
    expect(byToken.statusCode).toBe(403);
    expect(byToken.json<{ error: { message: string } }>().error.message).toBe(
      'Only a person signed in can acknowledge what is incomplete; an API token cannot.',
    );
    const byPerson = await post(author.headers, submit, { acknowledgeIncomplete: true });
    expect(byPerson.statusCode, byPerson.body).toBe(200);
  });

  it('lets the only approver of a small practice approve what they submitted', async () => {
    const { call, author, url } = await submittedBy('owner', false);
    const own = await call(author.headers, 'POST', `${url}/approve`);
    expect(own.statusCode, own.body).toBe(200);
  });
});
