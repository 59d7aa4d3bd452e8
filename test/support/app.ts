import { afterEach } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildApp, type App, type AppOptions } from '../../src/server/app';
import { ensureInstance } from '../../src/server/features/system/service';
import { TEST_MASTER_KEY } from './audit';
import { createBackground, type Background } from '../../src/server/platform/background';
import { createTestDatabase, type TestDatabase } from './database';
import { createJobs, type JobRunner } from '../../src/server/platform/jobs';
import { systemClock } from '../../src/server/platform/clock';
import { localBlobStore } from '../../src/server/platform/storage/local-blob-store';

export interface TestApp {
  app: App;
  database: TestDatabase;
  /** The app's after-the-answer work: `await background.idle()` before reading what it does. */
  background: Background;
  /** The app's background jobs, never started: `await jobs.drain()` runs what is due now. */
  jobs: JobRunner;
  webRoot: string;
  /** The folder of the app's stored files (tests damage one on purpose). */
  blobsRoot: string;
  close(): Promise<void>;
}

/** A tiny stand-in for the built web app, so HTTP tests need no Vite build. */
export function writeFakeWebRoot(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'custos-web-'));
  mkdirSync(path.join(root, 'assets'));
  writeFileSync(
    path.join(root, 'index.html'),
    '<!doctype html><title>Custos</title><div id="root"></div>',
  );
  writeFileSync(path.join(root, 'assets', 'index-AbC123.js'), 'console.log("app")');
  return root;
}

/** The whole app, in process, over a fresh migrated database of the run's kind. */
export async function createTestApp(
  options: Partial<
    Pick<
      AppOptions,
      | 'extraRoutes'
      | 'config'
      | 'logStream'
      | 'clock'
      | 'mailer'
      | 'baseUrl'
      | 'background'
      | 'checkResponses'
      | 'outbound'
    >
  > & {
    migrate?: boolean;
    /** The upload limit in bytes (1 MiB by default, so over-limit tests stay small). */
    maxUploadBytes?: number;
    /** Don't print failing jobs (tests of retries). */
    quietJobs?: boolean;
  } = {},
): Promise<TestApp> {
  const database = await createTestDatabase({ migrate: options.migrate ?? true });
  if (options.migrate !== false) {
    await ensureInstance({ database: database.handle });
  }
  const webRoot = writeFakeWebRoot();
  const blobsRoot = mkdtempSync(path.join(tmpdir(), 'custos-blobs-'));
  const background =
    options.background ??
    // A failing task shows here; the test then misses what the task should have done.
    createBackground((error) => {
      console.error('background task failed', error);
    });
  const jobs = createJobs({
    database: database.handle,
    clock: options.clock ?? systemClock,
    // A failing job shows here; tests that expect failures read the job's state instead.
    onError: (error, job) => {
      if (!options.quietJobs) console.error('background job failed', job, error);
    },
  });
  const app = await buildApp({
    background,
    jobs,
    config: options.config ?? { logLevel: 'silent', trustProxy: false },
    database: database.handle,
    webRoot,
    masterKey: TEST_MASTER_KEY,
    storage: {
      blobs: localBlobStore(blobsRoot),
      maxUploadBytes: options.maxUploadBytes ?? 1024 * 1024,
    },
    ...(options.extraRoutes ? { extraRoutes: options.extraRoutes } : {}),
    ...(options.logStream ? { logStream: options.logStream } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.mailer ? { mailer: options.mailer } : {}),
    ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
    ...(options.outbound ? { outbound: options.outbound } : {}),
    ...(options.checkResponses !== undefined ? { checkResponses: options.checkResponses } : {}),
  });
  return {
    app,
    database,
    background,
    jobs,
    webRoot,
    blobsRoot,
    close: async () => {
      await app.close();
      await database.drop();
      rmSync(webRoot, { recursive: true, force: true });
      rmSync(blobsRoot, { recursive: true, force: true });
    },
  };
}

/**
 * For a test file: returns a function starting apps (see createTestApp), each closed after the test
 * that started it.
 */
export function testApps(): (options?: Parameters<typeof createTestApp>[0]) => Promise<TestApp> {
  const open: TestApp[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((t) => t.close()));
  });
  return async (options) => {
    const t = await createTestApp(options);
    open.push(t);
    return t;
  };
}
