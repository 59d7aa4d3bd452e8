import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { testApps } from '../../../../test/support/app';
import { testDatabaseKind } from '../../../../test/support/database';
import { buildMember, buildOrganization, testClock } from '../../../../test/support/factories';
import { buildWorkbook } from '../../../../test/support/xlsx';

const startApp = testApps();
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MiB = 1024 * 1024;

async function setUp() {
  const clock = testClock();
  const t = await startApp({ clock });
  const db = t.database.handle.db;
  const org = await buildOrganization(db);
  const officer = await buildMember(db, clock, org.id, 'security_officer');
  const send = (body: Buffer, mode: 'preview' | 'commit' = 'commit') =>
    t.app.inject({
      method: 'POST',
      url: `/api/orgs/${org.id}/assets/import?mode=${mode}`,
      headers: { ...officer.headers, 'content-type': XLSX },
      payload: body,
    });
  const count = async () =>
    (await db.selectFrom('assets').select('id').where('org_id', '=', org.id).execute()).length;
  return { send, count, jobs: t.jobs };
}

interface ErrorJson {
  error: { code: string; message: string; details: { path: string; message: string }[] };
}

// The workbooks of the security probe (finding 7), each small on the wire. The reader's unit
// tests (platform/import/read-xlsx.test.ts) show with a probe how little of each is inflated.
describe(`XLSX import limits on ${testDatabaseKind()}`, () => {
  it('refuses a small file holding one 100 MiB string, naming the limit', async () => {
    const { send, count } = await setUp();
    const bomb = await buildWorkbook({
      sheetData: ['<row r="1"><c r="A1" t="s"><v>0</v></c></row>'],
      sharedStrings: ['<si><t>', { repeat: 'A', times: 100 * MiB }, '</t></si>'],
    });
    expect(bomb.length).toBeLessThan(MiB / 2);
    const response = await send(bomb);
    expect(response.statusCode).toBe(413);
    const error = response.json<ErrorJson>().error;
    expect(error.code).toBe('payload_too_large');
    expect(error.message).toBe(
      'body unpacks to more than 32 MiB (import limit: uncompressed size, at most 32 MiB). Nothing was imported.',
    );
    expect(error.details).toEqual([
      {
        path: 'body',
        message: 'unpacks to more than 32 MiB (import limit: uncompressed size, at most 32 MiB)',
      },
    ]);
    expect(await count()).toBe(0);
  });

  it('refuses a million rows at 20,000, in preview too', async () => {
    const { send, count } = await setUp();
    const bomb = await buildWorkbook({
      sheetData: [
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>',
        { repeat: '<row><c t="s"><v>2</v></c><c t="s"><v>3</v></c></row>', times: 1_000_000 },
      ],
      sharedStrings: [
        '<si><t>kind</t></si><si><t>name</t></si>',
        '<si><t>server</t></si><si><t>x</t></si>',
      ],
      // Its true 52 MB would be refused from the header alone; claiming 1 KB, it gets streamed.
      lie: { part: 'sheet', declaredSize: 1000 },
    });
    for (const mode of ['preview', 'commit'] as const) {
      const response = await send(bomb, mode);
      expect(response.statusCode).toBe(413);
      expect(response.json<ErrorJson>().error.message).toBe(
        'body has more than 20,000 rows (import limit: rows, at most 20,000). Nothing was imported.',
      );
    }
    expect(await count()).toBe(0);
  });

  it('counts what is really inflated when a part lies about its size', async () => {
    const { send, count } = await setUp();
    const bomb = await buildWorkbook({
      sheetData: [{ repeat: '<row/>', times: (40 * MiB) / 6 }],
      lie: { part: 'sheet', declaredSize: 1000 },
    });
    const response = await send(bomb);
    expect(response.statusCode).toBe(413);
    expect(response.json<ErrorJson>().error.message).toMatch(
      /^body unpacks to more than 32 MiB \(import limit: uncompressed size/,
    );
    expect(await count()).toBe(0);
  });

  it('still imports an ordinary workbook written by ExcelJS', async () => {
    const { send, count } = await setUp();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Assets');
    sheet.addRow(['kind', 'name', 'record_count']);
    for (let i = 1; i <= 300; i++) sheet.addRow(['server', `Serveur ${i} – Zürich`, i * 10]);
    const response = await send(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(response.json()).toMatchObject({ rows: 300, imported: 300 });
    expect(await count()).toBe(300);
  });

  it('follows a large import with database upkeep, and a small one without', async () => {
    const { send, jobs } = await setUp();
    const workbook = (rows: number) => {
      const book = new ExcelJS.Workbook();
      const sheet = book.addWorksheet('Assets');
      sheet.addRow(['kind', 'name']);
      for (let i = 1; i <= rows; i++) sheet.addRow(['workstation', `PC ${rows}-${i}`]);
      return book.xlsx.writeBuffer();
    };
    const upkeep = async () => (await jobs.list({ queue: 'platform.database-upkeep' })).length;
    expect((await send(Buffer.from(await workbook(999)))).statusCode).toBe(200);
    expect(await upkeep()).toBe(0);
    expect((await send(Buffer.from(await workbook(1000)))).statusCode).toBe(200);
    expect(await upkeep()).toBe(1);
    expect(await jobs.drain()).toBe(1);
  });
});
