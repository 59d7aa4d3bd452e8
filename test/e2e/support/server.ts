import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, spawnNode, type Spawned, waitForOk } from '../../support/cli';
import {
  createTestDatabase,
  type TestDatabase,
  type TestDatabaseKind,
} from '../../support/database';

export interface RunningApp {
  url: string;
  dataDir: string;
  /** Milliseconds from spawning `npm start`'s script until /healthz answered. */
  startMs: number;
  process: Spawned;
  /** The environment the app runs with, for CLI commands against the same database. */
  env: NodeJS.ProcessEnv;
  stop(): Promise<number | null>;
}

/**
 * Starts Custos the way `npm start` does (scripts/start.mjs) on a fresh database of `kind`, on
 * `port` when given (a helper's own range on a shared machine), else on a free one.
 */
export async function startApp(kind: TestDatabaseKind, port?: number): Promise<RunningApp> {
  let database: TestDatabase | undefined;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'custos-e2e-'));
  const env: NodeJS.ProcessEnv = { CUSTOS_DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
  if (kind === 'postgres') {
    database = await createTestDatabase({ kind, migrate: false });
    await database.handle.destroy();
    if (database.target.kind === 'postgres') {
      env.DATABASE_URL = database.target.url;
    }
  }
  const listenOn = port ?? (await freePort());
  env.PORT = String(listenOn);
  const started = Date.now();
  const child = spawnNode(['scripts/start.mjs'], env);
  const url = `http://127.0.0.1:${listenOn}`;
  try {
    await waitForOk(`${url}/healthz`, 30_000);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`${String(error)}\n${(await child.exit).stderr}`);
  }
  return {
    url,
    dataDir,
    startMs: Date.now() - started,
    process: child,
    env,
    stop: async () => {
      child.kill('SIGTERM');
      const { code } = await child.exit;
      await database?.drop().catch(() => undefined);
      return code;
    },
  };
}
