import { parentPort, workerData } from 'node:worker_threads';
import { renderVersionDocx } from './export-docx';
import { renderVersionPdf, type ExportInput } from './export-pdf';

// Runs in a worker thread (platform/worker-task.ts): draws one export and posts its bytes back.
const { format, input } = workerData as { format: 'pdf' | 'docx'; input: ExportInput };
const content = format === 'pdf' ? await renderVersionPdf(input) : await renderVersionDocx(input);
// A copy with its own memory: a small Buffer may share Node's pool, which cannot be transferred.
const bytes = new Uint8Array(content);
parentPort?.postMessage(bytes, [bytes.buffer]);
