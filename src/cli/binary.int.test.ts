import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { envFor, freePort, spawnNode, waitForLine, waitForOk } from '../../test/support/cli';
import { freshDatabases, testDatabaseKind } from '../../test/support/database';

// The real process: entry point, signal handling and what an operator sees on the terminal.
const entry = ['--import', 'tsx', 'src/cli/main.ts'];
const kind = testDatabaseKind();
const freshDatabase = freshDatabases();

describe('custos binary', () => {
  it('exits 1 with one stderr line naming PORT when PORT=abc', async () => {
    const run = await spawnNode([...entry, 'serve'], { PORT: 'abc' }).exit;
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([
      'custos: Invalid configuration: PORT must be a whole number from 1 to 65535, got "abc"',
    ]);
  });

  it(`serves on ${kind}, migrates at start, and stops cleanly on SIGTERM`, async () => {
    const database = await freshDatabase({ migrate: false });
    const port = await freePort();
    const base = envFor(database.target);
    const dataDir = String(base.CUSTOS_DATA_DIR);
    const env = { ...base, PORT: String(port) };
    const server = spawnNode([...entry, 'serve'], env);
    try {
      await waitForOk(`http://127.0.0.1:${port}/readyz`);
    } catch (error) {
      server.kill('SIGKILL');
      throw new Error(`${String(error)}\n${(await server.exit).stderr}`);
    }
    if (database.target.kind === 'sqlite') {
      expect(existsSync(path.join(dataDir, 'custos.db'))).toBe(true);
    }
    await waitForLine(server, /^Custos .* is running at http:\/\/127\.0\.0\.1:\d+/);
    server.kill('SIGTERM');
    const { code } = await server.exit;
    expect(code).toBe(0);
  });

  it('exits 1 with one line when the port is taken', async () => {
    const port = await freePort();
    const blocker = (await import('node:net')).createServer().listen(port, '127.0.0.1');
    try {
      const database = await freshDatabase({ migrate: false });
      const run = await spawnNode([...entry, 'serve'], {
        ...envFor(database.target),
        PORT: String(port),
      }).exit;
      expect(run.code).toBe(1);
      expect(run.stderr.trim().split('\n')).toEqual([
        `custos: Port ${port} on 127.0.0.1 is already in use (set PORT to another port)`,
      ]);
    } finally {
      blocker.close();
    }
  });
});
