import { parentPort, workerData } from 'node:worker_threads';
import { xlsxTable, type Cell, type Columns } from './spreadsheet';

// Runs in a worker thread (platform/worker-task.ts): writes one large table and posts its bytes.
const { sheet, columns, rows, meta } = workerData as {
  sheet: string;
  columns: Columns;
  rows: Cell[][];
  meta: { title: string; createdAt: string };
};
const content = await xlsxTable(sheet, columns, rows, meta);
// A copy with its own memory: a small Buffer may share Node's pool, which cannot be transferred.
const bytes = new Uint8Array(content);
parentPort?.postMessage(bytes, [bytes.buffer]);
