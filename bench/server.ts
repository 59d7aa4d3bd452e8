// The built server under test, started as a child process, and the owner every figure signs in as.
import path from 'node:path';
import { freePort, spawnNode, waitForOk, type Spawned } from '../test/support/cli';

const root = path.resolve(import.meta.dirname, '..');
export const CLI = path.join(root, 'dist', 'node', 'cli.js');

export interface Server {
  url: string;
  process: Spawned;
  ms: number;
}

// BENCH_PORT_BASE pins the ports (one after another from the base) on a shared machine.
let portsTaken = 0;
export async function benchPort(): Promise<number> {
  const base = Number(process.env.BENCH_PORT_BASE ?? 0);
  return base > 0 ? base + portsTaken++ : freePort();
}

/** Runs `node args` (plus PORT) and waits until `probe` answers 200. */
export async function startProcess(
  args: string[],
  env: NodeJS.ProcessEnv,
  probe: string,
): Promise<Server> {
  const port = await benchPort();
  const began = performance.now();
  const child = spawnNode(args, { ...env, PORT: String(port) });
  const url = `http://127.0.0.1:${port}`;
  await waitForOk(url + probe, 30_000);
  return { url, process: child, ms: performance.now() - began };
}

/** The built Custos server. */
export function start(env: NodeJS.ProcessEnv): Promise<Server> {
  return startProcess([CLI, 'serve'], { LOG_LEVEL: 'silent', ...env }, '/readyz');
}

export async function stop(server: Server): Promise<void> {
  server.process.kill('SIGTERM');
  await server.process.exit;
}

export const median = (xs: number[]) =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

export async function setUpOwner(server: Server): Promise<{ cookie: string; orgId: string }> {
  const res = await fetch(`${server.url}/api/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      organization: { name: 'Bench Clinic' },
      owner: {
        name: 'Bench Owner',
        email: 'owner@bench.example',
        password: 'bench quiet harbor lantern 42',
      },
    }),
  });
  const { orgId } = (await res.json()) as { orgId: string };
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return { cookie, orgId };
}
