import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';
import { AppError } from '../errors';
import { runWorkerTask, WorkerTaskError } from '../worker-task';
import { csvLine } from './csv';

// Above this many cells a workbook is written in a worker thread: ExcelJS takes about 6 s of the
// event loop for a 20,000-person roster, stalling every request of every organization meanwhile.
const WORKER_CELLS = 20_000;

export type Cell = string | number;
export type Columns = readonly (readonly [header: string, width: number])[];

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A table as CSV text: a header line, then one line per row, formula-safe (design.md §6.9). */
export function csvTable(columns: Columns, rows: readonly (readonly Cell[])[]): string {
  return [columns.map(([header]) => header), ...rows].map(csvLine).join('');
}

/**
 * A table as an XLSX workbook with a frozen, filterable header. Strings go in as shared-string
 * text cells, never formulas (ExcelJS only writes a formula from a { formula } object), so "=…"
 * stays text (design.md §6.9).
 */
export async function xlsxTable(
  sheetName: string,
  columns: Columns,
  rows: readonly (readonly Cell[])[],
  meta: { title: string; createdAt: string },
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Custos';
  workbook.created = new Date(meta.createdAt);
  workbook.title = meta.title;
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map(([header, width]) => ({ header, width }));
  sheet.getRow(1).font = { bold: true };
  for (const cells of rows) {
    sheet.addRow([...cells]).alignment = { vertical: 'top', wrapText: true };
  }
  sheet.autoFilter = { from: 'A1', to: { row: 1, column: columns.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Sends a table as a CSV or XLSX download named `custos-<name>-<date>.<format>`. */
export async function sendTable(
  reply: FastifyReply,
  format: 'csv' | 'xlsx',
  file: { name: string; sheet: string; title: string; createdAt: string },
  columns: Columns,
  rows: readonly (readonly Cell[])[],
): Promise<FastifyReply> {
  void reply.header(
    'content-disposition',
    `attachment; filename="custos-${file.name}-${file.createdAt.slice(0, 10)}.${format}"`,
  );
  return format === 'csv'
    ? reply.header('content-type', 'text/csv; charset=utf-8').send(csvTable(columns, rows))
    : reply
        .header('content-type', XLSX_TYPE)
        .send(await xlsxOffLoop(file.sheet, columns, rows, file));
}

/** `xlsxTable`, in a worker thread when the table is large (platform/worker-task.ts). */
export async function xlsxOffLoop(
  sheetName: string,
  columns: Columns,
  rows: readonly (readonly Cell[])[],
  meta: { title: string; createdAt: string },
  workerCells = WORKER_CELLS,
): Promise<Buffer> {
  if (rows.length * columns.length <= workerCells) {
    return xlsxTable(sheetName, columns, rows, meta);
  }
  try {
    const bytes = await runWorkerTask<Uint8Array>(new URL('./xlsx-worker', import.meta.url), {
      sheet: sheetName,
      columns,
      rows,
      meta: { title: meta.title, createdAt: meta.createdAt },
    });
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  } catch (error) {
    if (error instanceof WorkerTaskError) {
      throw new AppError('unavailable', `The XLSX export ${error.message}.`);
    }
    throw error;
  }
}
