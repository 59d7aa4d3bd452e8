import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Person, RosterImportResult } from '../../../contracts/people-schemas';
import { testApps } from '../../../../test/support/app';
import { testDatabaseKind } from '../../../../test/support/database';
import { buildMember, buildOrganization, testClock } from '../../../../test/support/factories';

const startApp = testApps();
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function setUp() {
  const clock = testClock();
  const t = await startApp({ clock });
  const db = t.database.handle.db;
  const org = await buildOrganization(db);
  const officer = await buildMember(db, clock, org.id, 'security_officer');
  const base = `/api/orgs/${org.id}/people`;
  const send = (body: string | Buffer, mode: 'preview' | 'commit', contentType = 'text/csv') =>
    t.app.inject({
      method: 'POST',
      url: `${base}/import?mode=${mode}`,
      headers: { ...officer.headers, 'content-type': contentType },
      payload: body,
    });
  const all = async () => {
    const res = await t.app.inject({ url: `${base}?limit=200`, headers: officer.headers });
    return res.json<{ data: Person[] }>().data;
  };
  const count = async () => {
    const row = await db
      .selectFrom('people')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .where('org_id', '=', org.id)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  };
  const events = async (action: 'people.imported' | 'department.created') =>
    (
      await db
        .selectFrom('audit_events')
        .select('action')
        .where('org_id', '=', org.id)
        .where('action', '=', action)
        .execute()
    ).length;
  return { t, db, clock, org, officer, base, send, all, count, events };
}

const HEADER = 'employee_id,name,kind,email,department,manager,start_date,clearance_outcome';

function bigFile(rows: number, bad?: { row: number; cells: string }) {
  const lines = [HEADER];
  for (let i = 1; i <= rows; i++) {
    lines.push(
      bad?.row === i
        ? bad.cells
        : `E-${i},Person ${i},employee,p${i}@example.org,Dept ${i % 7},${i > 1 ? 'E-1' : ''},2024-01-15,Cleared`,
    );
  }
  return lines.join('\r\n') + '\r\n';
}

describe(`the roster import on ${testDatabaseKind()}`, () => {
  it('writes nothing when one row of 5,000 is wrong, naming its row, line and column', async () => {
    const { send, count, events } = await setUp();
    const file = bigFile(5000, {
      row: 3721,
      cells: 'E-3721,Person 3721,employee,p3721@example.org,Dept 1,E-1,2024-02-30,Cleared',
    });
    const preview = await send(file, 'preview');
    const result = preview.json<RosterImportResult>();
    expect(result.valid).toBe(false);
    expect(result.problems).toEqual([
      { row: 3721, line: 3722, column: 'start_date', message: 'must be a date (YYYY-MM-DD)' },
    ]);
    const commit = await send(file, 'commit');
    expect(commit.statusCode).toBe(400);
    expect(commit.body).toContain('row 3721 (line 3722), start_date must be a date');
    expect(await count()).toBe(0);
    expect(await events('people.imported')).toBe(0);
    expect(await events('department.created')).toBe(0);

    const good = await send(bigFile(5000), 'commit');
    expect(good.json<RosterImportResult>()).toMatchObject({ created: 5000, applied: true });
    expect(await count()).toBe(5000);
  }, 120_000);

  it('previews exactly what it applies: created, changed (which columns) and left alone', async () => {
    const { send, all, count, base, t, officer } = await setUp();
    await send(
      [
        HEADER,
        'E-1,Ana Patel,employee,ana@example.org,Clinical,,2020-01-01,cleared',
        'E-2,Ben Okafor,employee,ben@example.org,Clinical,E-1,2021-01-01,cleared',
        ',Margaret Hill,volunteer,margaret@example.org,Volunteers,E-1,2022-01-01,waived',
      ].join('\n'),
      'commit',
    );
    const file = [
      HEADER,
      // Unchanged, by employee id; labels in place of values.
      'E-1,Ana Patel,Employee,ANA@example.org,clinical,,2020-01-01,Cleared',
      // Changed: department (a new one) and clearance.
      'E-2,Ben Okafor,employee,ben@example.org,Billing,E-1,2021-01-01,pending',
      // Matched by email (no employee id yet): given one, and a manager named in the file.
      'V-9,Margaret Hill,volunteer,margaret@example.org,Volunteers,E-3,2022-01-01,waived',
      // New, managed by another new row further down.
      'E-3,Chloe Martin,contractor,,Billing,E-4,2025-03-01,',
      'E-4,Daniel Cohen,employee,daniel@example.org,Billing,,2019-05-01,cleared',
    ].join('\n');
    const preview = (await send(file, 'preview')).json<RosterImportResult>();
    expect(preview).toMatchObject({
      valid: true,
      created: 2,
      changed: 2,
      unchanged: 1,
      departmentsCreated: ['Billing'],
      applied: false,
    });
    expect(preview.items).toEqual([
      {
        row: 2,
        action: 'change',
        reference: 'PERSON-2',
        name: 'Ben Okafor',
        columns: ['department', 'clearance_outcome'],
      },
      {
        row: 3,
        action: 'change',
        reference: 'PERSON-3',
        name: 'Margaret Hill',
        columns: ['employee_id', 'manager'],
      },
      { row: 4, action: 'create', reference: null, name: 'Chloe Martin', columns: [] },
      { row: 5, action: 'create', reference: null, name: 'Daniel Cohen', columns: [] },
    ]);
    expect(await count()).toBe(3);
    const applied = (await send(file, 'commit')).json<RosterImportResult>();
    expect({ ...applied, applied: false }).toEqual(preview);
    expect(await count()).toBe(5);
    const people = await all();
    const named = (name: string) => people.find((p) => p.name === name);
    expect(named('Ben Okafor')).toMatchObject({
      department: { name: 'Billing' },
      clearanceOutcome: 'pending',
    });
    expect(named('Margaret Hill')?.manager?.name).toBe('Chloe Martin');
    expect(named('Chloe Martin')).toMatchObject({
      kind: 'contractor',
      status: 'active',
      manager: { name: 'Daniel Cohen' },
    });
    // The same file again changes nothing.
    const again = (await send(file, 'preview')).json<RosterImportResult>();
    expect(again).toMatchObject({ created: 0, changed: 0, unchanged: 5 });
    const departments = await t.app.inject({
      url: base.replace('/people', '/departments'),
      headers: officer.headers,
    });
    expect(departments.json<{ data: { name: string }[] }>().data.map((d) => d.name)).toEqual([
      'Billing',
      'Clinical',
      'Volunteers',
    ]);
  });

  it('names each problem: unknown columns, choices, duplicates, loops, unknown managers', async () => {
    const { send, count } = await setUp();
    const header = await send('employee_id,name,shoe_size\nE-1,A,42\n', 'preview');
    expect(header.json<RosterImportResult>().problems).toEqual([
      expect.objectContaining({ row: 0, line: 1, column: 'shoe_size' }),
    ]);
    const file = [
      'employee_id,name,kind,email,manager,clearance_outcome,end_date,start_date',
      'E-1,A,intern,,,,,',
      'E-2,B,employee,not-an-email,,,,',
      'E-3,C,employee,,E-4,,,',
      'E-4,D,employee,,E-3,,,',
      'E-5,E,employee,,E-99,,,',
      'E-3,F,employee,,,,,',
      'E-6,,employee,,,,,',
      'E-7,G,employee,,,maybe,2020-01-01,2021-01-01',
      'E-8,Eve\u202Elive,employee,,,,,',
    ].join('\n');
    const checked = await send(file, 'preview');
    const { problems } = checked.json<RosterImportResult>();
    expect(problems, checked.body).toBeDefined();
    expect(problems.map((p) => `${p.row}:${p.line}:${p.column}`)).toEqual([
      '1:2:kind',
      '2:3:email',
      '3:4:manager',
      '4:5:manager',
      '5:6:manager',
      '6:7:employee_id',
      '7:8:name',
      '8:9:clearance_outcome',
      '8:9:end_date',
      '9:10:name',
    ]);
    expect(problems[0]?.message).toContain('Employee, Contractor, Volunteer, Trainee, Student');
    expect((await send(file, 'commit')).statusCode).toBe(400);
    expect(await count()).toBe(0);
  });

  it('round-trips its export, CSV and XLSX, formula-like text included', async () => {
    const { send, t, base, officer } = await setUp();
    await send(
      [
        HEADER + ',clearance_note',
        'E-1,"=HYPERLINK(""x"")",employee,a@example.org,Clinical,,2020-01-01,cleared,"Note, with comma"',
        'E-2,B,trainee,,Clinical,E-1,2021-01-01,,',
        ',C,volunteer,,,,,,',
      ].join('\n'),
      'commit',
    );
    const csv = await t.app.inject({ url: `${base}/export.csv`, headers: officer.headers });
    expect(csv.body).toContain("'=HYPERLINK");
    expect(csv.body.split('\n')[0]).toContain('clearance_note');
    const again = (await send(csv.body, 'preview')).json<RosterImportResult>();
    expect(again).toMatchObject({ valid: true, created: 0, changed: 0, unchanged: 3 });
    const xlsx = await t.app.inject({ url: `${base}/export.xlsx`, headers: officer.headers });
    const back = (await send(xlsx.rawPayload, 'preview', XLSX)).json<RosterImportResult>();
    expect(back).toMatchObject({ valid: true, created: 0, changed: 0, unchanged: 3 });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets[0]?.getCell('B2').value).toBe('=HYPERLINK("x")');
  });

  it('reads dates typed in a spreadsheet (serial numbers)', async () => {
    const { send, all } = await setUp();
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Roster');
    sheet.addRow(['name', 'start_date']);
    sheet.addRow(['Typed date', new Date(Date.UTC(2024, 2, 15))]);
    const body = Buffer.from(await book.xlsx.writeBuffer());
    const result = (await send(body, 'commit', XLSX)).json<RosterImportResult>();
    expect(result.created).toBe(1);
    expect((await all())[0]?.startDate).toBe('2024-03-15');
  });
});
