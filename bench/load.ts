// One autocannon load of one route; prints a line and returns the mean requests per second.
import autocannon from 'autocannon';

export const DURATION_S = Number(process.env.BENCH_SECONDS ?? 5);

/** Load without a figure: lets the JIT of both sides settle before a comparison. */
export async function warmUp(
  url: string,
  connections: number,
  headers: Record<string, string> = {},
) {
  await autocannon({ url, connections, duration: 1, headers });
}

export async function load(
  base: string,
  route: string,
  connections: number,
  headers: Record<string, string> = {},
  label = 'GET',
): Promise<number> {
  const result = await autocannon({
    url: base + route,
    connections,
    duration: DURATION_S,
    headers,
  });
  const l = result.latency;
  const perSecond = Math.round(result.requests.average);
  console.log(
    `  ${label} ${route.replace(/[0-9a-f-]{36}/, ':orgId').padEnd(12)} ${connections} conns: ${perSecond} req/s, latency p50 ${l.p50} ms, p90 ${l.p90} ms, p97.5 ${l.p97_5} ms, p99 ${l.p99} ms, errors ${result.errors + result.non2xx}`,
  );
  return perSecond;
}
