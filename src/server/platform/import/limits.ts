import { AppError } from '../errors';

/**
 * What an uploaded table (CSV or XLSX) may hold. Reading stops at the first limit it passes and
 * the request is refused with 413 naming that limit, before the rest is read (design.md §6.11:
 * bounded memory). An XLSX is a ZIP: its declared sizes can lie, so the bytes actually inflated
 * are counted.
 */
export interface TableLimits {
  /** Bytes of the request body (Fastify's bodyLimit on the import route). */
  bodyBytes: number;
  /** Bytes inflated from an XLSX, all parts read together. */
  uncompressedBytes: number;
  /** Data rows after the header. */
  rows: number;
  /** Columns with a value; a value further right is refused. */
  columns: number;
  /** Characters of one cell (Excel's own maximum). */
  cellCharacters: number;
  /** Entries of an XLSX's shared-string table. */
  sharedStrings: number;
  /** Files inside an XLSX (an ordinary workbook has a dozen or two). */
  zipEntries: number;
}

const MiB = 1024 * 1024;

export const TABLE_LIMITS: TableLimits = {
  bodyBytes: 20 * MiB,
  // An export of 20,000 assets unpacks to about 16 MiB; a CSV of the same rows is bounded by
  // the 20 MiB body. Parsing is CPU-bound (~10 MB/s of dense XML), so this also bounds time.
  uncompressedBytes: 32 * MiB,
  rows: 20_000,
  columns: 100,
  cellCharacters: 32_767,
  sharedStrings: 500_000,
  zipEntries: 1_000,
};

export type TableLimit = Exclude<keyof TableLimits, 'bodyBytes'>;

const NAMES: Record<TableLimit, string> = {
  uncompressedBytes: 'uncompressed size',
  rows: 'rows',
  columns: 'columns',
  cellCharacters: 'cell length',
  sharedStrings: 'shared strings',
  zipEntries: 'files in the workbook',
};

/** Human size: 64 MiB, 512 KiB, 100 bytes. */
export function formatBytes(bytes: number): string {
  if (bytes >= MiB && bytes % MiB === 0) return `${bytes / MiB} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}

/** A limit's value as messages show it: "32 MiB", "20,000". */
export function limitText(limit: TableLimit, value: number): string {
  return limit === 'uncompressedBytes' ? formatBytes(value) : value.toLocaleString('en-US');
}

/**
 * The refusal for a table that passes one of its limits: 413 naming the limit and its value.
 * `what` says what the file does, given the limit's value as text ("has more than 20,000 rows").
 */
export function tableLimitError(
  limit: TableLimit,
  value: number,
  what: (shown: string) => string,
): AppError {
  const shown = limitText(limit, value);
  const message = `${what(shown)} (import limit: ${NAMES[limit]}, at most ${shown})`;
  return new AppError('payload_too_large', `body ${message}. Nothing was imported.`, [
    { path: 'body', message },
  ]);
}
