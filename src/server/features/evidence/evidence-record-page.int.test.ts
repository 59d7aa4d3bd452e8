import { describe, expect, it } from 'vitest';
import type { EvidenceItem, EvidenceItemDetail } from '../../../contracts/evidence';
import type { RiskDetail } from '../../../contracts/risks';
import { testApps } from '../../../../test/support/app';
import { testDatabaseKind } from '../../../../test/support/database';
import { buildMember, buildOrganization, testClock } from '../../../../test/support/factories';

const startApp = testApps();

async function setUp() {
  const clock = testClock('2026-06-01T15:00:00.000Z');
  const t = await startApp({ clock });
  const db = t.database.handle.db;
  const org = await buildOrganization(db);
  const editor = await buildMember(db, clock, org.id, 'contributor');
  const official = await buildMember(db, clock, org.id, 'security_officer');
  const auditor = await buildMember(db, clock, org.id, 'auditor');
  const base = `/api/orgs/${org.id}`;
  return { t, org, editor, official, auditor, base };
}

describe(`an evidence item's page, on ${testDatabaseKind()}`, () => {
  it('makes the person who adds evidence its owner unless another is named', async () => {
    const { t, editor, official, base } = await setUp();
    const uploaded = await t.app.inject({
      method: 'POST',
      url: `${base}/evidence/files?filename=log.csv`,
      headers: { ...editor.headers, 'content-type': 'text/csv' },
      payload: 'date,user\n2026-06-01,jdoe\n',
    });
    expect(uploaded.statusCode).toBe(201);
    expect(uploaded.json<EvidenceItem>().owner?.id).toBe(editor.user.id);
    const linked = await t.app.inject({
      method: 'POST',
      url: `${base}/evidence`,
      headers: editor.headers,
      payload: {
        title: 'Firewall review',
        url: 'https://example.org/fw',
        ownerId: official.user.id,
      },
    });
    expect(linked.json<EvidenceItem>().owner?.id).toBe(official.user.id);
  });

  it('shows the legal hold in force and refuses deletion naming it (164.316(b)(2)(i))', async () => {
    const { t, editor, official, auditor, base } = await setUp();
    const item = (
      await t.app.inject({
        method: 'POST',
        url: `${base}/evidence`,
        headers: editor.headers,
        payload: { title: 'Firewall review', url: 'https://example.org/fw' },
      })
    ).json<EvidenceItem>();
    const page = async () =>
      (
        await t.app.inject({ url: `${base}/evidence/${item.id}`, headers: auditor.headers })
      ).json<EvidenceItemDetail>();
    expect((await page()).hold).toBeNull();
    const placed = await t.app.inject({
      method: 'POST',
      url: `${base}/legal-holds`,
      headers: official.headers,
      payload: { recordType: 'evidence', recordId: item.id, reason: 'Complaint to OCR' },
    });
    expect(placed.statusCode).toBe(201);
    const { hold } = await page();
    expect(hold).toMatchObject({
      reference: 'LH-1',
      reason: 'Complaint to OCR',
      placedBy: { id: official.user.id },
      placedAt: '2026-06-01T15:00:00.000Z',
    });
    const refused = await t.app.inject({
      method: 'DELETE',
      url: `${base}/evidence/${item.id}`,
      headers: editor.headers,
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain('LH-1');
  });

  it("lists the evidence linked to a risk on the risk's record", async () => {
    const { t, editor, auditor, base } = await setUp();
    const risk = (
      await t.app.inject({
        method: 'POST',
        url: `${base}/risks`,
        headers: editor.headers,
        payload: { title: 'Stolen laptop' },
      })
    ).json<{ id: string }>();
    const item = (
      await t.app.inject({
        method: 'POST',
        url: `${base}/evidence`,
        headers: editor.headers,
        payload: { title: 'Encryption report', url: 'https://example.org/bitlocker' },
      })
    ).json<EvidenceItem>();
    const linked = await t.app.inject({
      method: 'POST',
      url: `${base}/links`,
      headers: editor.headers,
      payload: { from: { type: 'risk', id: risk.id }, to: { type: 'evidence', id: item.id } },
    });
    expect(linked.statusCode).toBe(201);
    const detail = await t.app.inject({
      url: `${base}/risks/${risk.id}`,
      headers: auditor.headers,
    });
    expect(detail.json<RiskDetail>().links).toEqual([
      expect.objectContaining({
        type: 'evidence',
        targetId: item.id,
        label: `${item.reference} Encryption report`,
      }),
    ]);
  });
});
