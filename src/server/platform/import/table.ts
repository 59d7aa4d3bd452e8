import { setImmediate } from 'node:timers/promises';
import { parse, type Options } from 'csv-parse';
import { AppError } from '../errors';
import { XLSX_TYPE } from '../http/spreadsheet';
import { decodeText } from './decode-text';
import { TABLE_LIMITS, tableLimitError, type TableLimits } from './limits';
import { readXlsxTable } from './read-xlsx';

/** An uploaded table: the header and the rows of text, each with its line (CSV) or row (XLSX). */
export interface Table {
  header: string[];
  rows: { line: number; cells: string[] }[];
}

/** Comma-separated, or tab-separated when the first line has tabs and no comma (Excel's "Unicode Text"). */
function delimiterOf(text: string): string {
  const end = text.indexOf('\n');
  const first = end === -1 ? text : text.slice(0, end);
  return first.includes('\t') && !first.includes(',') ? '\t' : ',';
}

/** Bytes handed to the CSV parser between two turns of the event loop. */
const CHUNK = 256 * 1024;

/**
 * Runs csv-parse over the text a chunk at a time, letting other requests in between (20,000
 * rows parsed in one go held the event loop about a second). The chunks are UTF-8 bytes, which
 * the parser joins within a field, so no character is cut in two. Stops at the first error.
 */
async function parseCsv(text: string, options: Options): Promise<string[][]> {
  const bytes = Buffer.from(text, 'utf8');
  const parser = parse(options);
  const records: string[][] = [];
  const state: { failure?: Error; ended: boolean } = { ended: false };
  parser.on('data', (record: string[]) => records.push(record));
  const done = new Promise<void>((resolve) => {
    parser.on('error', (error) => {
      state.failure ??= error;
      resolve();
    });
    parser.on('end', () => {
      state.ended = true;
      resolve();
    });
  });
  for (let at = 0; at < bytes.length && !state.failure && !state.ended; at += CHUNK) {
    parser.write(bytes.subarray(at, at + CHUNK));
    await setImmediate();
  }
  if (!state.failure) parser.end();
  await done;
  if (state.failure) throw state.failure;
  return records;
}

/**
 * Refuses a text with more cells than the limits' rows × columns before it is parsed: empty cells
 * to the right are allowed (Excel writes them), but 20 MB of commas are 20 million of them, which
 * the parser holds at once (a second and a gigabyte per request). A quote-aware count of the
 * separators, linear and allocation-free.
 */
function checkCellCount(text: string, delimiter: string, limits: TableLimits): void {
  const cap = (limits.rows + 1) * limits.columns;
  const separator = delimiter.charCodeAt(0);
  let cells = 1;
  let line = 1;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    else if (c === 10) {
      line++;
      if (!quoted) cells++;
    } else if (c === separator && !quoted && ++cells > cap) {
      throw tableLimitError(
        'columns',
        limits.columns,
        (n) =>
          `has more cells than ${(limits.rows + 1).toLocaleString('en-US')} rows of ${n} columns hold, most of them empty (line ${line})`,
      );
    }
  }
}

/** A CSV upload, decoded (see decodeText) and read up to the limits. */
export async function readCsvTable(
  body: Buffer,
  limits: TableLimits = TABLE_LIMITS,
): Promise<Table> {
  const text = decodeText(body);
  const delimiter = delimiterOf(text);
  checkCellCount(text, delimiter, limits);
  const lines: number[] = [];
  let records: string[][];
  try {
    records = await parseCsv(text, {
      relax_column_count: true,
      skip_empty_lines: true,
      delimiter,
      // The header, the rows allowed and one more to tell that there are too many.
      to: limits.rows + 2,
      on_record: (record: string[], context) => {
        let last = record.length - 1;
        while (last >= 0 && record[last] === '') last--;
        if (last >= limits.columns) {
          throw tableLimitError(
            'columns',
            limits.columns,
            (n) => `has a value beyond column ${n} (line ${context.lines})`,
          );
        }
        if (record.some((cell) => cell.length > limits.cellCharacters)) {
          throw tableLimitError(
            'cellCharacters',
            limits.cellCharacters,
            (n) => `has a cell longer than ${n} characters (line ${context.lines})`,
          );
        }
        lines.push(context.lines);
        return record;
      },
    });
  } catch (error) {
    if (error instanceof AppError) throw error;
    const line = (error as { lines?: number }).lines;
    throw AppError.field('body', `is not valid CSV${line ? ` (line ${line})` : ''}`);
  }
  if (records.length > limits.rows + 1) {
    throw tableLimitError('rows', limits.rows, (n) => `has more than ${n} rows`);
  }
  const [header, ...rest] = records;
  return {
    header: header ?? [],
    rows: rest.map((cells, i) => ({ line: lines[i + 1] ?? 0, cells })),
  };
}

/** The uploaded table, CSV or XLSX by content type, within the import limits. */
export async function readTable(
  contentType: string,
  body: Buffer,
  limits: TableLimits = TABLE_LIMITS,
): Promise<Table> {
  return contentType.startsWith(XLSX_TYPE)
    ? readXlsxTable(body, limits)
    : readCsvTable(body, limits);
}
