import { parse } from 'csv-parse/sync';
import { AppError } from '../http/errors';
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

/** A CSV upload, decoded (see decodeText) and read up to the limits. */
export function readCsvTable(body: Buffer, limits: TableLimits = TABLE_LIMITS): Table {
  const text = decodeText(body);
  const lines: number[] = [];
  let records: string[][];
  try {
    records = parse(text, {
      relax_column_count: true,
      skip_empty_lines: true,
      delimiter: delimiterOf(text),
      // The header, the rows allowed and one more to tell that there are too many.
      to: limits.rows + 2,
      on_record: (record, context) => {
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
