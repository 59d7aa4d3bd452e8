import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { testApps, type TestApp } from '../../../../test/support/app';
import { testDatabaseKind } from '../../../../test/support/database';
import { buildMember, buildOrganization, testClock } from '../../../../test/support/factories';
import { localBlobPath } from '../../platform/storage/local-blob-store';

const startApp = testApps();

const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< >>\n%%EOF\n');
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(510, 0x90)]);

async function setUp(options: { maxUploadBytes?: number } = {}) {
  const clock = testClock();
  const t = await startApp({ clock, ...options });
  const db = t.database.handle.db;
  const org = await buildOrganization(db);
  const editor = await buildMember(db, clock, org.id, 'contributor');
  const auditor = await buildMember(db, clock, org.id, 'auditor');
  const workforce = await buildMember(db, clock, org.id, 'workforce');
  const base = `/api/orgs/${org.id}/evidence`;
  const upload = (payload: Buffer, filename: string, type = 'application/octet-stream') =>
    t.app.inject({
      method: 'POST',
      url: `${base}/files?filename=${encodeURIComponent(filename)}`,
      headers: { ...editor.headers, 'content-type': type },
      payload,
    });
  return { t, db, org, editor, auditor, workforce, base, upload };
}

const storedFiles = (t: TestApp) =>
  readdirSync(t.blobsRoot, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());

async function rowsAndActions(t: TestApp, orgId: string) {
  const db = t.database.handle.db;
  const rows = await db
    .selectFrom('evidence_items')
    .select('id')
    .where('org_id', '=', orgId)
    .execute();
  const events = await db
    .selectFrom('audit_events')
    .select(['action', 'outcome'])
    .where('org_id', '=', orgId)
    .orderBy('seq')
    .execute();
  return { rows: rows.length, events };
}

describe(`evidence files on ${testDatabaseKind()}`, () => {
  it('stores an upload encrypted and gives it back whole, as an audited download', async () => {
    const { t, org, auditor, base, upload } = await setUp();
    const uploaded = await upload(PDF, 'Restore test "Q3".pdf', 'application/pdf');
    expect(uploaded.statusCode).toBe(201);
    const item = uploaded.json<{
      id: string;
      kind: string;
      file: { type: string; size: number; sha256: string };
    }>();
    expect(item.kind).toBe('file');
    expect(item.file).toMatchObject({ type: 'application/pdf', size: PDF.length });
    const [stored] = storedFiles(t);
    expect(stored).toBeDefined();
    expect(
      readFileSync(`${stored?.parentPath}/${stored?.name}`).includes(Buffer.from('Catalog')),
    ).toBe(false);

    const down = await t.app.inject({ url: `${base}/${item.id}/file`, headers: auditor.headers });
    expect(down.statusCode).toBe(200);
    expect(down.rawPayload.equals(PDF)).toBe(true);
    expect(down.headers['content-type']).toBe('application/pdf');
    expect(down.headers['x-content-type-options']).toBe('nosniff');
    expect(down.headers['content-disposition']).toBe(
      `attachment; filename="Restore test _Q3_.pdf"; filename*=UTF-8''Restore%20test%20%22Q3%22.pdf`,
    );
    const { events } = await rowsAndActions(t, org.id);
    expect(events.map((e) => e.action)).toEqual([
      'evidence_item.created',
      'evidence_item.downloaded',
    ]);
  });

  it('names a file in the retention register by the title given it, not by its file name', async () => {
    const { t, org, editor, auditor, base, upload } = await setUp();
    const item = (await upload(PDF, 'scan_0042.pdf', 'application/pdf')).json<{ id: string }>();
    const renamed = await t.app.inject({
      method: 'PATCH',
      url: `${base}/${item.id}`,
      headers: editor.headers,
      payload: { title: 'Backup restore test, March' },
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    const register = await t.app.inject({
      url: `/api/orgs/${org.id}/retention/records`,
      headers: auditor.headers,
    });
    expect(register.statusCode, register.body).toBe(200);
    const labels = register
      .json<{ data: { recordId: string; label: string }[] }>()
      .data.filter((r) => r.recordId === item.id)
      .map((r) => r.label);
    expect(labels).toEqual([expect.stringMatching(/^EV-\d+ Backup restore test, March$/)]);
  });

  it('refuses a file with one byte flipped, audits the refusal, and never serves it', async () => {
    const { t, org, auditor, base, upload } = await setUp();
    const item = (await upload(PDF, 'policy.pdf')).json<{ id: string }>();
    const row = await t.database.handle.db
      .selectFrom('evidence_items')
      .select('blob_key')
      .where('id', '=', item.id)
      .executeTakeFirstOrThrow();
    const file = localBlobPath(t.blobsRoot, row.blob_key ?? '');
    const bytes = readFileSync(file);
    bytes[30] = (bytes[30] ?? 0) ^ 0x01;
    writeFileSync(file, bytes);

    const down = await t.app.inject({ url: `${base}/${item.id}/file`, headers: auditor.headers });
    expect(down.statusCode).toBe(500);
    expect(down.json<{ error: { code: string } }>().error.code).toBe('integrity_failed');
    expect(down.body).not.toContain('Catalog');
    const { events } = await rowsAndActions(t, org.id);
    expect(events.at(-1)).toEqual({ action: 'evidence_item.integrity_failed', outcome: 'failure' });
    expect(events.map((e) => e.action)).not.toContain('evidence_item.downloaded');
  });

  it('refuses a large file damaged near its end before sending a byte of it', async () => {
    const { t, base, auditor, upload, org } = await setUp();
    const big = Buffer.from(randomBytes(300_000).toString('base64'));
    const item = (await upload(big, 'export.txt', 'text/plain')).json<{ id: string }>();
    const row = await t.database.handle.db
      .selectFrom('evidence_items')
      .select('blob_key')
      .where('id', '=', item.id)
      .executeTakeFirstOrThrow();
    const file = localBlobPath(t.blobsRoot, row.blob_key ?? '');
    const bytes = readFileSync(file);
    bytes[bytes.length - 100] = (bytes[bytes.length - 100] ?? 0) ^ 0x01;
    writeFileSync(file, bytes);
    const down = await t.app.inject({ url: `${base}/${item.id}/file`, headers: auditor.headers });
    // The whole file is checked first: no 200, no plaintext (the issue: never served).
    expect(down.statusCode).toBe(500);
    expect(down.json<{ error: { code: string } }>().error.code).toBe('integrity_failed');
    expect(down.rawPayload.includes(big.subarray(0, 64))).toBe(false);
    const { events } = await rowsAndActions(t, org.id);
    expect(events.at(-1)).toEqual({ action: 'evidence_item.integrity_failed', outcome: 'failure' });
    expect(events.map((e) => e.action)).not.toContain('evidence_item.downloaded');

    // Repaired (a restore from backup): checked end to end, served, and its new stamp recorded,
    // so the next download of the same bytes starts at once.
    bytes[bytes.length - 100] = (bytes[bytes.length - 100] ?? 0) ^ 0x01;
    writeFileSync(file, bytes);
    const stampOf = () =>
      t.database.handle.db
        .selectFrom('evidence_items')
        .select(['file_checked_stamp', 'file_checked_at'])
        .where('id', '=', item.id)
        .executeTakeFirstOrThrow();
    const before = await stampOf();
    const again = await t.app.inject({ url: `${base}/${item.id}/file`, headers: auditor.headers });
    expect(again.statusCode).toBe(200);
    expect(again.rawPayload.equals(big)).toBe(true);
    const after = await stampOf();
    expect(after.file_checked_stamp).not.toBe(before.file_checked_stamp);
    expect(after.file_checked_at).not.toBeNull();
  });

  it('refuses names that would open as a program or hide their extension, storing nothing', async () => {
    const { t, upload } = await setUp();
    const text = Buffer.from('<script>alert(1)</script>\n');
    for (const name of ['report.hta', 'run.bat', 'page.html', 'setup.exe']) {
      const res = await upload(text, name);
      expect([
        name,
        res.statusCode,
        res.json<{ error: { details: { path: string }[] } }>().error.details[0]?.path,
      ]).toEqual([name, 415, 'query.filename']);
    }
    const disguised = await upload(text, 'Audit-report-\u202efdp.txt');
    expect(disguised.statusCode).toBe(400);
    expect(disguised.body).toContain('direction marks');
    expect(await upload(text, 'notes.txt').then((r) => r.statusCode)).toBe(201);
    expect(storedFiles(t)).toHaveLength(1);
  });

  it('refuses an over-limit file, an executable named .pdf and a PDF declared as PNG, storing nothing', async () => {
    const { t, org, upload } = await setUp({ maxUploadBytes: 64 * 1024 });
    const tooBig = await upload(Buffer.alloc(200 * 1024, 'a'), 'notes.txt', 'text/plain');
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json<{ error: { details: { path: string }[] } }>().error.details[0]?.path).toBe(
      'body',
    );

    const exe = await upload(EXE, 'invoice.pdf', 'application/pdf');
    expect(exe.statusCode).toBe(415);
    expect(exe.body).toContain('application/x-msdownload');
    expect(exe.json<{ error: { message: string } }>().error.message).toMatch(
      /^The file is a program/,
    );

    const png = await upload(PDF, 'scan.png', 'image/png');
    expect(png.statusCode).toBe(415);
    expect(png.json<{ error: { details: { path: string }[] } }>().error.details[0]?.path).toBe(
      'headers.content-type',
    );

    const named = await upload(PDF, 'scan.png');
    expect(named.statusCode).toBe(415);
    expect(named.body).toContain('query.filename');
    // People read a sentence; API clients read the field and the media type in the details.
    expect(named.json<{ error: { message: string } }>().error.message).toBe(
      'The file name ends in .png but the content is a PDF.',
    );

    const binary = await upload(Buffer.from([0x41, 0x00, 0x42]), 'data.txt');
    expect(binary.statusCode).toBe(415);
    const zip = await upload(Buffer.from('PK\x03\x04' + '\0'.repeat(60), 'latin1'), 'report.docx');
    expect(zip.statusCode).toBe(415);

    const { rows, events } = await rowsAndActions(t, org.id);
    expect(rows).toBe(0);
    expect(events).toEqual([]);
    expect(storedFiles(t)).toEqual([]);
  });

  it('takes UTF-8 text and CSV by their names, and refuses text that is not UTF-8', async () => {
    const { upload } = await setUp();
    const csv = await upload(Buffer.from('a,b\n1,é\n'), 'access-review.csv');
    expect(csv.statusCode).toBe(201);
    expect(csv.json<{ file: { type: string } }>().file.type).toBe('text/csv');
    const latin1 = await upload(Buffer.from('caf\xe9\n', 'latin1'), 'notes.txt');
    expect(latin1.statusCode).toBe(415);
  });

  it('lets auditors download and workforce members see nothing', async () => {
    const { t, base, upload, workforce, auditor } = await setUp();
    const item = (await upload(PDF, 'a.pdf')).json<{ id: string }>();
    for (const url of [base, `${base}/${item.id}`, `${base}/${item.id}/file`]) {
      expect((await t.app.inject({ url, headers: workforce.headers })).statusCode).toBe(403);
    }
    const refused = await t.app.inject({
      method: 'POST',
      url: `${base}/files?filename=a.pdf`,
      headers: { ...auditor.headers, 'content-type': 'application/pdf' },
      payload: PDF,
    });
    expect(refused.statusCode).toBe(403);
  });
});
