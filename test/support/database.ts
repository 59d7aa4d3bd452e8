import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterEach } from 'vitest';
import type { DatabaseTarget } from '../../src/server/platform/config';
import { openDatabase, type DatabaseHandle } from '../../src/server/platform/db/connection';
import { migrateToLatest } from '../../src/server/platform/db/migrator';

export type TestDatabaseKind = DatabaseTarget['kind'];

/** The database this integration run targets: set per Vitest project from TEST_DATABASES. */
export function testDatabaseKind(): TestDatabaseKind {
  const kind = process.env.TEST_DB ?? 'sqlite';
  if (kind !== 'sqlite' && kind !== 'postgres') {
    throw new Error(`TEST_DB must be sqlite or postgres, got ${JSON.stringify(kind)}`);
  }
  return kind;
}

/** The PostgreSQL server for tests; refuses loudly when unset. */
export function testPostgresUrl(): string {
  const url = process.env.TEST_POSTGRES_URL;
  if (!url) {
    throw new Error(
      'TEST_DATABASES includes postgres but TEST_POSTGRES_URL is not set (e.g. postgres://postgres@127.0.0.1:54329/postgres)',
    );
  }
  return url;
}

export interface TestDatabase {
  handle: DatabaseHandle;
  target: DatabaseTarget;
  /** Closes connections and removes the database (file or PostgreSQL database). */
  drop(): Promise<void>;
}

/**
 * A fresh, empty database of the run's kind: a new SQLite file in a temporary folder, or a new
 * database on the test PostgreSQL server. Migrated unless `migrate: false`.
 */
export async function createTestDatabase(
  options: { migrate?: boolean; kind?: TestDatabaseKind } = {},
): Promise<TestDatabase> {
  const kind = options.kind ?? testDatabaseKind();
  let target: DatabaseTarget;
  let cleanup: () => Promise<void>;
  if (kind === 'sqlite') {
    const dir = mkdtempSync(path.join(tmpdir(), 'custos-test-'));
    target = { kind, file: path.join(dir, 'custos.db') };
    cleanup = () => {
      rmSync(dir, { recursive: true, force: true });
      return Promise.resolve();
    };
  } else {
    const adminUrl = testPostgresUrl();
    const name = `custos_t_${randomBytes(6).toString('hex')}`;
    await withAdmin(adminUrl, (client) => client.query(`create database ${name}`));
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    target = { kind, url: url.toString() };
    cleanup = async () => {
      await withAdmin(adminUrl, (client) =>
        client.query(`drop database if exists ${name} with (force)`),
      );
    };
  }
  const handle = openDatabase(target);
  if (options.migrate !== false) {
    await migrateToLatest(handle.db);
  }
  return {
    handle,
    target,
    drop: async () => {
      await handle.destroy();
      await cleanup();
    },
  };
}

async function withAdmin<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** Throws a clear error when the test PostgreSQL server cannot be reached. */
export async function assertPostgresReachable(): Promise<void> {
  const url = testPostgresUrl();
  try {
    await withAdmin(url, (client) => client.query('select 1'));
  } catch (error) {
    const where = new URL(url);
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `TEST_DATABASES includes postgres but PostgreSQL at ${where.hostname}:${where.port || 5432} is unreachable: ${reason}`,
    );
  }
}

/**
 * For a test file: returns a function creating fresh databases (see createTestDatabase), each
 * dropped after the test that created it.
 */
export function freshDatabases(): (
  options?: Parameters<typeof createTestDatabase>[0],
) => Promise<TestDatabase> {
  const open: TestDatabase[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((d) => d.drop()));
  });
  return async (options) => {
    const database = await createTestDatabase(options);
    open.push(database);
    return database;
  };
}
