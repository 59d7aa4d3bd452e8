import { Worker } from 'node:worker_threads';

/**
 * Runs CPU-heavy work (document exports, large XLSX tables) in a worker thread, so one large export cannot stall
 * every other request of every organization on the event loop. At most `MAX_RUNNING` run at once
 * (the others wait their turn); each is stopped after `timeoutMs` and bounded in memory.
 *
 * `entry` is the worker module's URL without its extension: `.js` beside the bundle in dist/, or
 * `.ts` from the sources (tests, `tsx`), where the worker registers tsx itself first.
 */
const MAX_RUNNING = 2;
let running = 0;
const waiting: (() => void)[] = [];

export class WorkerTaskError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkerTaskError';
  }
}

async function turn(): Promise<() => void> {
  if (running >= MAX_RUNNING) {
    await new Promise<void>((resolve) => waiting.push(resolve));
  } else {
    running += 1;
  }
  return () => {
    const next = waiting.shift();
    if (next) next();
    else running -= 1;
  };
}

function startWorker(entry: URL, data: unknown): Worker {
  const options = { workerData: data, resourceLimits: { maxOldGenerationSizeMb: 512 } };
  if (import.meta.url.endsWith('.ts')) {
    const href = JSON.stringify(`${entry.href}.ts`);
    const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${href}); })`;
    return new Worker(boot, { ...options, eval: true });
  }
  return new Worker(new URL(`${entry.href}.js`), options);
}

/** Runs the worker at `entry` on `data` and resolves with the one message it posts back. */
export async function runWorkerTask<T>(entry: URL, data: unknown, timeoutMs = 60_000): Promise<T> {
  const release = await turn();
  try {
    return await new Promise<T>((resolve, reject) => {
      const worker = startWorker(entry, data);
      let settled = false;
      const settle = (finish: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        finish();
        void worker.terminate();
      };
      const timer = setTimeout(
        () => settle(() => reject(new WorkerTaskError(`took longer than ${timeoutMs} ms`))),
        timeoutMs,
      );
      worker.once('message', (message: T) => settle(() => resolve(message)));
      worker.once('error', (error) => settle(() => reject(error)));
      worker.once('exit', (code) =>
        settle(() => reject(new WorkerTaskError(`ended with code ${code} before answering`))),
      );
    });
  } finally {
    release();
  }
}
