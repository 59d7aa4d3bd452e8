import { describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { retentionRoutes } from '../../../contracts/retention';
import { testApps } from '../../../../test/support/app';
import { testDatabaseKind } from '../../../../test/support/database';
import { buildMember, buildOrganization, testClock } from '../../../../test/support/factories';
import { describeTenantPasses } from '../../../../test/support/tenant-passes';
import { testDeps } from '../../../../test/support/tenants';
import { assertMayDeleteIn, keepRecordIn, retainUntilIn } from './service';

// Another organization's records answer 404 on every route of the feature, and every write leaves
// an audit event it declares (164.308(a)(4), 164.312(b)): the passes every feature runs (issue 11).
describeTenantPasses([retentionRoutes]);

const startApp = testApps();

async function setUp() {
  const clock = testClock('2026-06-01T09:00:00.000Z');
  const t = await startApp({ clock });
  const db = t.database.handle.db;
  const org = await buildOrganization(db);
  const official = await buildMember(db, clock, org.id, 'security_officer');
  const contributor = await buildMember(db, clock, org.id, 'contributor');
  const auditor = await buildMember(db, clock, org.id, 'auditor');
  const deps = testDeps(t, clock);
  const base = `/api/orgs/${org.id}`;
  const keep = (id: string, dates: { createdAt: string; lastInEffectAt?: string | null }) =>
    db
      .transaction()
      .execute((trx) =>
        keepRecordIn(trx, deps, org.id, { type: 'evidence', id, label: 'Backup log', ...dates }),
      );
  const mayDelete = (id: string) =>
    db
      .transaction()
      .execute((trx) =>
        assertMayDeleteIn(trx, deps, org.id, { type: 'evidence', id, label: 'Backup log' }),
      );
  return { clock, t, db, org, official, contributor, auditor, deps, base, keep, mayDelete };
}

describe(`retention on ${testDatabaseKind()}`, () => {
  it('keeps a record six years from the later of creation and last in effect', async () => {
    const { db, org, keep } = await setUp();
    expect(
      await retainUntilIn(db, org.id, {
        createdAt: '2026-02-10T12:00:00.000Z',
        lastInEffectAt: '2027-03-01',
      }),
    ).toBe('2033-03-01');
    expect(await retainUntilIn(db, org.id, { createdAt: '2026-02-10T12:00:00.000Z' })).toBe(
      '2032-02-10',
    );
    // A record that stays in effect pushes its date later, never earlier.
    const id = uuidv7();
    expect(
      await keep(id, { createdAt: '2026-05-01T10:00:00.000Z', lastInEffectAt: '2028-01-01' }),
    ).toBe('2034-01-01');
    expect(await keep(id, { createdAt: '2026-05-01T10:00:00.000Z' })).toBe('2034-01-01');
  });

  it('refuses deletion before the date, naming it, and allows it after', async () => {
    const { clock, db, keep, mayDelete } = await setUp();
    const id = uuidv7();
    await keep(id, { createdAt: '2026-06-01T09:00:00.000Z' });
    await expect(mayDelete(id)).rejects.toThrow(/must be kept until 1 Jun 2032/);
    clock.set('2032-06-01T20:00:00.000Z');
    await expect(mayDelete(id)).rejects.toThrow(/1 Jun 2032/);
    clock.set('2032-06-02T09:00:00.000Z');
    await mayDelete(id);
    const left = await db
      .selectFrom('retained_records')
      .selectAll()
      .where('record_id', '=', id)
      .execute();
    expect(left).toEqual([]);
  });

  it('counts longer when the organization keeps records longer, never shorter than six years', async () => {
    const { t, org, official, contributor, base, keep } = await setUp();
    const refused = await t.app.inject({
      method: 'PUT',
      url: `${base}/retention/settings`,
      headers: official.headers,
      payload: { years: 8 },
    });
    expect(refused.statusCode).toBe(403);
    const owner = await buildMember(t.database.handle.db, testClock(), org.id, 'owner');
    const short = await t.app.inject({
      method: 'PUT',
      url: `${base}/retention/settings`,
      headers: owner.headers,
      payload: { years: 5 },
    });
    expect(short.statusCode).toBe(400);
    expect(short.body).toContain('body.years');
    expect(short.body).toContain('164.316(b)(2)(i)');
    const changed = await t.app.inject({
      method: 'PUT',
      url: `${base}/retention/settings`,
      headers: owner.headers,
      payload: { years: 8 },
    });
    expect(changed.json()).toEqual({ years: 8, minimumYears: 6 });
    expect(await keep(uuidv7(), { createdAt: '2026-06-01T09:00:00.000Z' })).toBe('2034-06-01');
    const read = await t.app.inject({
      url: `${base}/retention/settings`,
      headers: contributor.headers,
    });
    expect(read.json<{ years: number }>().years).toBe(8);
  });

  it('a legal hold blocks deletion even after the date, until released', async () => {
    const { clock, t, official, contributor, auditor, base, keep, mayDelete } = await setUp();
    const id = uuidv7();
    await keep(id, { createdAt: '2026-06-01T09:00:00.000Z' });
    const byContributor = await t.app.inject({
      method: 'POST',
      url: `${base}/legal-holds`,
      headers: contributor.headers,
      payload: { recordType: 'evidence', recordId: id, reason: 'Litigation' },
    });
    expect(byContributor.statusCode).toBe(403);
    const unknown = await t.app.inject({
      method: 'POST',
      url: `${base}/legal-holds`,
      headers: official.headers,
      payload: { recordType: 'evidence', recordId: uuidv7(), reason: 'Litigation' },
    });
    expect(unknown.statusCode).toBe(404);
    const placed = await t.app.inject({
      method: 'POST',
      url: `${base}/legal-holds`,
      headers: official.headers,
      payload: { recordType: 'evidence', recordId: id, reason: 'Patient complaint to OCR' },
    });
    expect(placed.statusCode).toBe(201);
    const hold = placed.json<{ id: string; reference: string; placedBy: { name: string } }>();
    expect(hold.reference).toBe('LH-1');
    const twice = await t.app.inject({
      method: 'POST',
      url: `${base}/legal-holds`,
      headers: official.headers,
      payload: { recordType: 'evidence', recordId: id, reason: 'Again' },
    });
    expect(twice.statusCode).toBe(409);

    const register = await t.app.inject({
      url: `${base}/retention/records?held=true`,
      headers: auditor.headers,
    });
    expect(register.statusCode, register.body).toBe(200);
    expect(
      register.json<{
        data: { recordId: string; retainUntil: string; hold: { reference: string } }[];
      }>().data,
    ).toEqual([
      expect.objectContaining({
        recordId: id,
        retainUntil: '2032-06-01',
        hold: expect.objectContaining({ reference: 'LH-1' }) as unknown,
      }),
    ]);

    clock.set('2040-01-01T09:00:00.000Z');
    await expect(mayDelete(id)).rejects.toThrow(
      /under legal hold LH-1 \(Patient complaint to OCR\)/,
    );
    // Sessions do not last until 2040: back to the day the hold was placed.
    clock.set('2026-06-01T09:05:00.000Z');
    const released = await t.app.inject({
      method: 'POST',
      url: `${base}/legal-holds/${hold.id}/release`,
      headers: official.headers,
      payload: { reason: 'Complaint closed' },
    });
    expect(released.statusCode).toBe(200);
    expect(released.json<{ releasedAt: string | null }>().releasedAt).not.toBeNull();
    const again = await t.app.inject({
      method: 'POST',
      url: `${base}/legal-holds/${hold.id}/release`,
      headers: official.headers,
      payload: { reason: 'Again' },
    });
    expect(again.statusCode).toBe(409);
    clock.set('2040-01-01T09:00:00.000Z');
    await mayDelete(id);
  });

  it('pages the register oldest first', async () => {
    const { t, auditor, base, keep } = await setUp();
    const ids: string[] = [];
    for (let i = 0; i < 105; i += 1) {
      const id = uuidv7();
      ids.push(id);
      await keep(id, {
        createdAt: `2026-01-${String((i % 28) + 1).padStart(2, '0')}T12:00:00.000Z`,
      });
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { data: { recordId: string; keptFrom: string }[]; nextCursor: string | null } = (
        await t.app.inject({
          url: `${base}/retention/records${cursor ? `?cursor=${cursor}` : ''}`,
          headers: auditor.headers,
        })
      ).json();
      seen.push(...page.data.map((r) => r.recordId));
      cursor = page.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(105);
    expect(seen.sort()).toEqual(ids.sort());
    const bad = await t.app.inject({
      url: `${base}/retention/records?cursor=nonsense`,
      headers: auditor.headers,
    });
    expect(bad.statusCode).toBe(400);
  });
});
