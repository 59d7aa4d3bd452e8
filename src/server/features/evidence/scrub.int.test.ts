import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { testApps } from '../../../../test/support/app';
import { testDatabaseKind } from '../../../../test/support/database';
import { buildMember, buildOrganization, testClock } from '../../../../test/support/factories';
import { testDeps } from '../../../../test/support/tenants';
import { localBlobPath } from '../../platform/storage/local-blob-store';
import { scrubEvidenceFiles } from './scrub';

const startApp = testApps();
const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< >>\n%%EOF\n');

describe(`the integrity sweep of stored files on ${testDatabaseKind()}`, () => {
  it('reads each file monthly, and a damaged one is audited, told and never served', async () => {
    const clock = testClock('2026-06-01T09:00:00.000Z');
    const t = await startApp({ clock });
    const db = t.database.handle.db;
    const org = await buildOrganization(db);
    const official = await buildMember(db, clock, org.id, 'security_officer');
    await db
      .updateTable('organizations')
      .set({ security_official_id: official.user.id })
      .where('id', '=', org.id)
      .execute();
    const base = `/api/orgs/${org.id}/evidence`;
    const upload = async (name: string) =>
      (
        await t.app.inject({
          method: 'POST',
          url: `${base}/files?filename=${name}`,
          headers: { ...official.headers, 'content-type': 'application/pdf' },
          payload: PDF,
        })
      ).json<{ id: string }>().id;
    const [whole, damaged] = [await upload('whole.pdf'), await upload('damaged.pdf')];
    const deps = testDeps(t, clock);

    // Checked at upload: nothing is due within the month.
    expect(await scrubEvidenceFiles(deps)).toEqual({ checked: 0, damaged: 0 });

    const row = await db
      .selectFrom('evidence_items')
      .select('blob_key')
      .where('id', '=', damaged)
      .executeTakeFirstOrThrow();
    const file = localBlobPath(t.blobsRoot, row.blob_key ?? '');
    const bytes = readFileSync(file);
    bytes[30] = (bytes[30] ?? 0) ^ 0x01;
    writeFileSync(file, bytes);

    clock.advance(31 * 86_400_000);
    expect(await scrubEvidenceFiles(deps)).toEqual({ checked: 2, damaged: 1 });
    // Both read just now: the next run has nothing to do.
    expect(await scrubEvidenceFiles(deps)).toEqual({ checked: 0, damaged: 0 });

    const events = await db
      .selectFrom('audit_events')
      .select(['action', 'outcome', 'entity_id', 'actor_type'])
      .where('org_id', '=', org.id)
      .where('action', '=', 'evidence_item.integrity_failed')
      .execute();
    expect(events).toEqual([
      {
        action: 'evidence_item.integrity_failed',
        outcome: 'failure',
        entity_id: damaged,
        actor_type: 'system',
      },
    ]);
    const told = await db
      .selectFrom('notifications')
      .select(['user_id', 'kind'])
      .where('org_id', '=', org.id)
      .where('kind', '=', 'evidence.damaged')
      .execute();
    expect(told).toEqual([{ user_id: official.user.id, kind: 'evidence.damaged' }]);

    // Even with its blob untouched since, the damaged file is checked before a byte is served.
    const reader = await buildMember(db, clock, org.id, 'auditor');
    const down = await t.app.inject({ url: `${base}/${damaged}/file`, headers: reader.headers });
    expect(down.statusCode).toBe(500);
    const ok = await t.app.inject({ url: `${base}/${whole}/file`, headers: reader.headers });
    expect(ok.rawPayload.equals(PDF)).toBe(true);
  });
});
