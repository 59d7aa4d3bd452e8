import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildWorkbook, buildZip, deflatePart, inlineRow } from '../../../../test/support/xlsx';
import { AppError } from '../errors';
import { TABLE_LIMITS, type TableLimits } from './limits';
import { readXlsxTable, type ReadProbe } from './read-xlsx';

const MiB = 1024 * 1024;
/** Small limits, so each bomb is many times over them and the tests stay quick. */
const SMALL: TableLimits = {
  ...TABLE_LIMITS,
  uncompressedBytes: 1 * MiB,
  rows: 100,
  columns: 10,
  cellCharacters: 1_000,
  sharedStrings: 50,
  zipEntries: 20,
};
/** How far zlib may run ahead of the reader: its output buffer and one chunk (16 KiB each). */
const READ_AHEAD = 64 * 1024;

async function refusal(read: Promise<unknown>): Promise<AppError> {
  const error = await read.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe('readXlsxTable', () => {
  it('reads an ExcelJS workbook: shared, rich and multi-byte text, numbers, the first sheet', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Assets');
    workbook.addWorksheet('Other').addRow(['not', 'read']);
    sheet.addRow(['Kind', 'Name', 'Record count']);
    // Enough multi-byte text that chunk boundaries (16 KiB) fall inside characters: ExcelJS's
    // own streaming reader turns those into U+FFFD (exceljs issues 2063, 2084, 2316).
    for (let i = 0; i < 3000; i++) sheet.addRow(['server', `Zürich 東京 ${i} 🩺`, i]);
    sheet.addRow([
      'server',
      { richText: [{ text: 'Rich ' }, { text: 'text', font: { bold: true } }] },
    ]);
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    const table = await readXlsxTable(buffer, TABLE_LIMITS);
    expect(table.header).toEqual(['Kind', 'Name', 'Record count']);
    expect(table.rows).toHaveLength(3001);
    expect(table.rows[0]).toEqual({ line: 2, cells: ['server', 'Zürich 東京 0 🩺', '0'] });
    expect(table.rows.every((r) => !r.cells.join('').includes('\uFFFD'))).toBe(true);
    expect(table.rows[2999]?.cells[1]).toBe('Zürich 東京 2999 🩺');
    expect(table.rows[3000]).toEqual({ line: 3002, cells: ['server', 'Rich text'] });
  });

  it('refuses one huge shared string at the cell limit, having inflated little of it', async () => {
    const huge = 16 * MiB;
    const bomb = await buildWorkbook({
      sheetData: ['<row r="1"><c r="A1" t="s"><v>0</v></c></row>'],
      sharedStrings: ['<si><t>', { repeat: 'A', times: huge }, '</t></si>'],
      // Claiming a small size gets it past the declared-size check, to the streaming guards.
      lie: { part: 'sharedStrings', declaredSize: 100 },
    });
    expect(bomb.length).toBeLessThan(huge / 500);
    const probe: ReadProbe = { inflatedBytes: 0 };
    const error = await refusal(readXlsxTable(bomb, SMALL, probe));
    expect(error.status).toBe(413);
    expect(error.message).toMatch(/cell longer than 1,000 characters \(import limit: cell length/);
    // The guard stops at the longest run a cell may take (6 × 1,000 + 64 KiB), not at 16 MiB.
    expect(probe.inflatedBytes).toBeLessThanOrEqual(6 * 1000 + 65_536 + READ_AHEAD);
  });

  it('refuses 200,000 rows at the row limit, having read only those', async () => {
    const bomb = await buildWorkbook({
      sheetData: [
        inlineRow(['kind', 'name']),
        { repeat: inlineRow(['server', 'x']), times: 200_000 },
      ],
      lie: { part: 'sheet', declaredSize: 100 },
    });
    const probe: ReadProbe = { inflatedBytes: 0 };
    const error = await refusal(readXlsxTable(bomb, SMALL, probe));
    expect(error.status).toBe(413);
    expect(error.message).toMatch(/more than 100 rows \(import limit: rows, at most 100\)/);
    const rowBytes = Buffer.byteLength(inlineRow(['server', 'x']));
    expect(probe.inflatedBytes).toBeLessThanOrEqual(102 * rowBytes + 512 + READ_AHEAD);
  });

  it('counts the bytes really inflated when a part lies about its size', async () => {
    const real = 16 * MiB;
    const bomb = await buildWorkbook({
      sheetData: [{ repeat: '<row/>', times: real / 6 }],
      lie: { part: 'sheet', declaredSize: 1000 },
    });
    const probe: ReadProbe = { inflatedBytes: 0 };
    const error = await refusal(readXlsxTable(bomb, SMALL, probe));
    expect(error.status).toBe(413);
    expect(error.message).toMatch(/unpacks to more than 1 MiB \(import limit: uncompressed size/);
    expect(error.details).toEqual([
      { path: 'body', message: expect.stringContaining('1 MiB') as string },
    ]);
    expect(probe.inflatedBytes).toBeGreaterThan(SMALL.uncompressedBytes);
    expect(probe.inflatedBytes).toBeLessThanOrEqual(SMALL.uncompressedBytes + READ_AHEAD);
  });

  it('refuses an honest declared size over the limit before inflating anything of it', async () => {
    const bomb = await buildWorkbook({ sheetData: [{ repeat: '<row/>', times: (2 * MiB) / 6 }] });
    const probe: ReadProbe = { inflatedBytes: 0 };
    const error = await refusal(readXlsxTable(bomb, SMALL, probe));
    expect(error.message).toMatch(/uncompressed size/);
    // Only the small parts before the sheet (relationships, workbook) were read.
    expect(probe.inflatedBytes).toBeLessThan(2048);
  });

  it('refuses too many shared strings, too many files, values too far right', async () => {
    const strings = await buildWorkbook({
      sheetData: [inlineRow(['kind'])],
      sharedStrings: [{ repeat: '<si><t>x</t></si>', times: 51 }],
    });
    expect((await refusal(readXlsxTable(strings, SMALL))).message).toMatch(
      /more than 50 shared strings \(import limit: shared strings, at most 50\)/,
    );
    const part = await deflatePart('x.xml', ['<x/>']);
    const crowded = buildZip(Array.from({ length: 21 }, (_, i) => ({ ...part, name: `p${i}` })));
    expect((await refusal(readXlsxTable(crowded, SMALL))).message).toMatch(
      /more than 20 files \(import limit: files in the workbook/,
    );
    const wide = await buildWorkbook({
      sheetData: ['<row r="1"><c r="K1" t="inlineStr"><is><t>far</t></is></c></row>'],
    });
    expect((await refusal(readXlsxTable(wide, SMALL))).message).toMatch(
      /value beyond column 10 \(row 1\) \(import limit: columns/,
    );
  });

  it('answers "not a readable XLSX workbook" for what is not one', async () => {
    const good = await buildWorkbook({ sheetData: [inlineRow(['kind'])] });
    const corrupt = Buffer.from(good);
    corrupt.fill(0x55, 200, 260);
    for (const body of [Buffer.from('kind,name\n'), corrupt, good.subarray(0, good.length - 30)]) {
      const error = await refusal(readXlsxTable(body, SMALL));
      expect(error.status).toBe(400);
      expect(error.message).toBe('body is not a readable XLSX workbook.');
    }
  });
});
