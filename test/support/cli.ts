import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { runCli, type CliResult } from '../../src/cli/program';
import { TEST_MASTER_KEY } from './audit';
import type { TestDatabase } from './database';

export interface CliRun {
  result: CliResult;
  out: string[];
  err: string[];
}

/** Runs the CLI in process with the given environment, capturing what it prints. */
export async function cli(argv: string[], env: NodeJS.ProcessEnv, stdin = ''): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const result = await runCli(
    argv,
    env,
    {
      out: (line) => out.push(...line.split('\n')),
      err: (line) => err.push(...line.split('\n')),
    },
    Readable.from([stdin]),
  );
  return { result, out, err };
}

/** Environment variables pointing Custos at a test database (and a fresh data directory). */
export function envFor(database: TestDatabase['target']): NodeJS.ProcessEnv {
  const dataDir =
    database.kind === 'sqlite'
      ? path.dirname(database.file)
      : mkdtempSync(path.join(tmpdir(), 'custos-data-'));
  return {
    CUSTOS_DATA_DIR: dataDir,
    CUSTOS_MASTER_KEY: TEST_MASTER_KEY.toString('base64'),
    LOG_LEVEL: 'silent',
    ...(database.kind === 'postgres' ? { DATABASE_URL: database.url } : {}),
  };
}

/** A TCP port that was free a moment ago. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface Spawned {
  /** The child's process id (the bench reads its CPU time from it). */
  pid: number | undefined;
  exit: Promise<{ code: number | null; stdout: string; stderr: string }>;
  stderrLines(): string[];
  kill(signal: NodeJS.Signals): void;
}

/**
 * Runs `node <args>` from the repository root with a clean environment plus `env`; `stdin`, when
 * given, is written to its standard input (otherwise it has none).
 */
export function spawnNode(args: string[], env: NodeJS.ProcessEnv, stdin?: string): Spawned {
  const options = {
    cwd: path.resolve(import.meta.dirname, '../..'),
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
  };
  const child =
    stdin === undefined
      ? spawn(process.execPath, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] })
      : spawn(process.execPath, args, { ...options, stdio: ['pipe', 'pipe', 'pipe'] });
  if (child.stdin) {
    // A child that exits without reading its input closes the pipe: EPIPE is no test failure.
    child.stdin.on('error', () => undefined);
    child.stdin.end(stdin);
  }
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exit = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
  return {
    pid: child.pid,
    exit,
    stderrLines: () => stderr.split('\n').filter(Boolean),
    kill: (signal) => child.kill(signal),
  };
}

/**
 * Waits until the child has written a stderr line matching `pattern`: the server answers before
 * its "is running" line has crossed the pipe, so a test that reads the lines at once races it.
 */
export async function waitForLine(child: Spawned, pattern: RegExp, ms = 15_000): Promise<string> {
  const deadline = Date.now() + ms;
  for (;;) {
    const line = child.stderrLines().find((l) => pattern.test(l));
    if (line !== undefined) {
      return line;
    }
    if (Date.now() > deadline) {
      throw new Error(`no stderr line matched ${String(pattern)} within ${ms} ms`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Polls `url` until it answers 200 or `ms` pass. */
export async function waitForOk(url: string, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      const res = await fetch(url);
      if (res.ok) {
        return;
      }
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      throw new Error(`${url} did not answer 200 within ${ms} ms`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
