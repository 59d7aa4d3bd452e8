import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buffer } from 'node:stream/consumers';
import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { TEST_MASTER_KEY } from '../../test/support/audit';
import { testApps } from '../../test/support/app';
import { cli, envFor } from '../../test/support/cli';
import { buildMember, buildOrganization, testClock } from '../../test/support/factories';
import { auditKeysFrom } from '../server/platform/audit/keys';
import { verifyTrail } from '../server/platform/audit/trail';
import { loadAuditRoot } from '../server/platform/crypto/audit-root';
import { secretBox } from '../server/platform/crypto/secret-box';
import { fileVault } from '../server/platform/storage/file-vault';
import { localBlobStore } from '../server/platform/storage/local-blob-store';

const startApp = testApps();

describe('custos keys rotate', () => {
  it('re-seals every file key and secret: files still read, the old key opens nothing, the trail still verifies', async () => {
    const clock = testClock();
    const t = await startApp({ clock });
    const db = t.database.handle.db;
    const org = await buildOrganization(db);
    const editor = await buildMember(db, clock, org.id, 'admin');
    const content = Buffer.from('%PDF-1.4\nrestore test\n%%EOF\n');
    const uploaded = await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${org.id}/evidence/files?filename=restore.pdf`,
      headers: { ...editor.headers, 'content-type': 'application/pdf' },
      payload: content,
    });
    expect(uploaded.statusCode).toBe(201);
    const old = secretBox(TEST_MASTER_KEY);
    // One value of every other sealed column.
    await db
      .updateTable('users')
      .set({
        totp_secret: old.seal('JBSWY3DPEHPK3PXP', 'totp-secret'),
        totp_pending_secret: old.seal('KRSXG5A', 'totp-secret'),
      })
      .where('id', '=', editor.user.id)
      .execute();
    const now = clock.now().toISOString();
    await db
      .insertInto('webhook_endpoints')
      .values({
        id: uuidv7(),
        org_id: org.id,
        url: 'https://hooks.example.org/custos',
        description: '',
        event_types: '[]',
        active: 1,
        disabled_reason: null,
        secret_sealed: old.seal('whsec_current', 'webhook-signing-secret'),
        previous_secret_sealed: old.seal('whsec_previous', 'webhook-signing-secret'),
        previous_secret_expires_at: now,
        demo_local: 0,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await db
      .insertInto('outbox')
      .values({
        id: uuidv7(),
        org_id: null,
        to_email: 'a@example.org',
        subject: 'Reset',
        body_text: old.seal('https://custos.example/reset#token', 'outbox-body'),
        body_html: null,
        created_at: now,
        claimed_at: null,
        sent_at: null,
        error: null,
        sealed: 1,
      })
      .execute();

    // The key in the data folder's master.key, as a default installation keeps it.
    const env = envFor(t.database.target);
    delete env.CUSTOS_MASTER_KEY;
    const dataDir = env.CUSTOS_DATA_DIR ?? '';
    writeFileSync(path.join(dataDir, 'master.key'), TEST_MASTER_KEY.toString('base64') + '\n');
    const run = await cli(['keys', 'rotate'], env);
    expect(run.err).toEqual([]);
    expect(run.result).toBe(0);
    expect(run.out).toContain('Re-sealed 1 evidence_items.sealed_key (file keys)');
    expect(run.out).toContain(`  ${path.join(dataDir, 'master.key')}`);

    const newKey = Buffer.from(
      readFileSync(path.join(dataDir, 'master.key'), 'utf8').trim(),
      'base64',
    );
    expect(newKey.equals(TEST_MASTER_KEY)).toBe(false);
    const fresh = secretBox(newKey);
    const row = await db.selectFrom('evidence_items').selectAll().executeTakeFirstOrThrow();
    const file = {
      blobKey: row.blob_key ?? '',
      sealedKey: row.sealed_key ?? '',
      sha256: row.file_sha256 ?? '',
      checkedStamp: row.file_checked_stamp,
    };
    const blobs = localBlobStore(t.blobsRoot);
    const read = await buffer((await fileVault(blobs, fresh, 1).open(file)).stream);
    expect(read.equals(content)).toBe(true);
    await expect(fileVault(blobs, old, 1).open(file)).rejects.toThrow('integrity');

    const user = await db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', editor.user.id)
      .executeTakeFirstOrThrow();
    expect(fresh.open(user.totp_secret ?? '', 'totp-secret')).toBe('JBSWY3DPEHPK3PXP');
    expect(() => old.open(user.totp_secret ?? '', 'totp-secret')).toThrow();
    const hook = await db.selectFrom('webhook_endpoints').selectAll().executeTakeFirstOrThrow();
    expect(fresh.open(hook.previous_secret_sealed ?? '', 'webhook-signing-secret')).toBe(
      'whsec_previous',
    );
    const mail = await db.selectFrom('outbox').selectAll().executeTakeFirstOrThrow();
    expect(fresh.open(mail.body_text, 'outbox-body')).toBe('https://custos.example/reset#token');

    // The trail's links were made with the first key: it stays their root, sealed under the new one.
    expect(loadAuditRoot(newKey, dataDir).equals(TEST_MASTER_KEY)).toBe(true);
    const report = await verifyTrail(db, auditKeysFrom(loadAuditRoot(newKey, dataDir)));
    expect(report.problems).toEqual([]);

    // A second rotation keeps working from the new key.
    const again = await cli(['keys', 'rotate'], env);
    expect(again.result).toBe(0);
  });

  it('changes nothing when a value does not open with the current key', async () => {
    const clock = testClock();
    const t = await startApp({ clock });
    const db = t.database.handle.db;
    const org = await buildOrganization(db);
    const member = await buildMember(db, clock, org.id, 'admin');
    const stranger = secretBox(Buffer.alloc(32, 0x5a)).seal('x', 'totp-secret');
    await db
      .updateTable('users')
      .set({ totp_secret: stranger })
      .where('id', '=', member.user.id)
      .execute();
    const env = envFor(t.database.target);
    const run = await cli(['keys', 'rotate'], env);
    expect(run.result).toBe(1);
    expect(run.err[0]).toBe(
      `custos: users.totp_secret of ${member.user.id} does not open with the current master key`,
    );
    const user = await db
      .selectFrom('users')
      .select('totp_secret')
      .where('id', '=', member.user.id)
      .executeTakeFirstOrThrow();
    expect(user.totp_secret).toBe(stranger);
  });
});
