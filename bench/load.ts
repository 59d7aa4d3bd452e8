// One autocannon load of one route; prints a line and returns the mean requests per second and,
// when the server's process id is given, the server's CPU time per request.
import autocannon from 'autocannon';
import { cpuMicros } from './cpu';

export const DURATION_S = Number(process.env.BENCH_SECONDS ?? 5);

/** Load without a figure: lets the JIT of both sides settle before a comparison. */
export async function warmUp(
  url: string,
  connections: number,
  headers: Record<string, string> = {},
) {
  await autocannon({ url, connections, duration: 1, headers });
}

export interface Measured {
  perSecond: number;
  /** The server's user + system CPU time over the load, divided by the requests answered. */
  cpuMicrosPerRequest: number | null;
}

export async function load(
  base: string,
  route: string,
  connections: number,
  headers: Record<string, string> = {},
  label = 'GET',
  pid?: number,
): Promise<Measured> {
  const cpuBefore = cpuMicros(pid);
  const result = await autocannon({
    url: base + route,
    connections,
    duration: DURATION_S,
    headers,
  });
  const cpuAfter = cpuMicros(pid);
  const l = result.latency;
  const perSecond = Math.round(result.requests.average);
  const answered = result.requests.total;
  const cpuMicrosPerRequest =
    cpuBefore !== null && cpuAfter !== null && answered > 0
      ? (cpuAfter - cpuBefore) / answered
      : null;
  const cpu = cpuMicrosPerRequest === null ? '' : `, CPU ${cpuMicrosPerRequest.toFixed(0)} µs/req`;
  console.log(
    `  ${label} ${route.replace(/[0-9a-f-]{36}/, ':orgId').padEnd(12)} ${connections} conns: ${perSecond} req/s${cpu}, latency p50 ${l.p50} ms, p90 ${l.p90} ms, p97.5 ${l.p97_5} ms, p99 ${l.p99} ms, errors ${result.errors + result.non2xx}`,
  );
  return { perSecond, cpuMicrosPerRequest };
}
