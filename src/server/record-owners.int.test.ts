import { describe, expect, it } from 'vitest';
import { testApps } from '../../test/support/app';
import { buildMember, buildOrganization, testClock } from '../../test/support/factories';

// 164.308(a)(3)(ii)(C): a record (an asset, a safeguard, a risk, the Security Official's role) is
// not handed to someone whose access has ended; a record whose owner has left can still be edited.

const startApp = testApps();

interface ErrorJson {
  error: { details?: { path: string; message: string }[] };
}

async function setUp() {
  const clock = testClock();
  const t = await startApp({ clock });
  const db = t.database.handle.db;
  const org = await buildOrganization(db);
  const officer = await buildMember(db, clock, org.id, 'security_officer');
  const leaving = await buildMember(db, clock, org.id, 'contributor', '2026-07-01T00:00:00.000Z');
  const former = await buildMember(db, clock, org.id, 'contributor', '2026-05-01T00:00:00.000Z');
  const auditor = await buildMember(db, clock, org.id, 'auditor', '2027-01-01T00:00:00.000Z');
  const send = (method: 'POST' | 'PATCH', url: string, payload: object) =>
    t.app.inject({ method, url: `/api/orgs/${org.id}${url}`, headers: officer.headers, payload });
  return { ...t, clock, org, officer, leaving, former, auditor, send };
}

function fieldOf(res: { body: string }) {
  return (JSON.parse(res.body) as ErrorJson).error.details?.[0];
}

describe('owners named on records', () => {
  it('refuses a newly named owner whose access has ended, and keeps one already named', async () => {
    const { send, former, leaving, database } = await setUp();
    const asset = { kind: 'server', name: 'File server', criticality: 'high' };
    const refused = await send('POST', '/assets', { ...asset, ownerId: former.user.id });
    expect(refused.statusCode).toBe(400);
    expect(fieldOf(refused)).toEqual({
      path: 'body.ownerId',
      message: "must be a member whose access has not ended (A contributor's has)",
    });
    const created = await send('POST', '/assets', { ...asset, ownerId: leaving.user.id });
    expect(created.statusCode, created.body).toBe(201);
    const assetId = created.json<{ id: string }>().id;
    const risk = await send('POST', '/risks', {
      title: 'Disk failure',
      assetIds: [assetId],
      ownerId: leaving.user.id,
    });
    expect(risk.statusCode, risk.body).toBe(201);
    const riskId = risk.json<{ id: string }>().id;
    const safeguard = '/safeguards/164.308(a)(7)(ii)(A)';
    expect((await send('PATCH', safeguard, { ownerId: leaving.user.id })).statusCode).toBe(200);

    await database.handle.db // the contributor's access has now ended
      .updateTable('memberships')
      .set({ access_expires_at: '2026-05-20T00:00:00.000Z' })
      .where('id', '=', leaving.membership.id)
      .execute();
    for (const [url, edit] of [
      [`/assets/${assetId}`, { name: 'File server (rack 2)' }],
      [`/risks/${riskId}`, { title: 'Disk failure in the rack' }],
      [safeguard, { statement: 'Nightly backups to the second office.' }],
    ] as const) {
      // Editing another field while naming the same owner goes through…
      const same = await send('PATCH', url, { ...edit, ownerId: leaving.user.id });
      expect(same.statusCode, same.body).toBe(200);
      // …naming someone else whose access ended does not.
      const other = await send('PATCH', url, { ownerId: former.user.id });
      expect(other.statusCode, url).toBe(400);
      expect(fieldOf(other)?.path).toBe('body.ownerId');
    }
  });

  it('refuses an auditor as the owner of a record: they read, and could not keep it', async () => {
    const { send, auditor } = await setUp();
    const asset = await send('POST', '/assets', {
      kind: 'server',
      name: 'File server',
      criticality: 'high',
      ownerId: auditor.user.id,
    });
    expect(fieldOf(asset)).toEqual({
      path: 'body.ownerId',
      message: 'must be someone whose role allows them to edit the inventory',
    });
    const safeguard = await send('PATCH', '/safeguards/164.308(a)(7)(ii)(B)', {
      ownerId: auditor.user.id,
    });
    expect(fieldOf(safeguard)?.path).toBe('body.ownerId');
    expect(safeguard.statusCode).toBe(400);
  });

  it('refuses a Security Official whose access has ended, or who could not keep the records', async () => {
    const { send, former, officer, auditor } = await setUp();
    for (const userId of [former.user.id, auditor.user.id]) {
      const res = await send('PATCH', '/profile', {
        securityOfficial: { userId, since: '2026-06-01' },
      });
      expect(res.statusCode).toBe(400);
      expect(fieldOf(res)?.path).toBe('body.securityOfficial.userId');
    }
    const ok = await send('PATCH', '/profile', {
      securityOfficial: { userId: officer.user.id, since: '2026-06-01' },
    });
    expect(ok.statusCode, ok.body).toBe(200);
  });
});
