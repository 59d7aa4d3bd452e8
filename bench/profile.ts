// `npm run bench:profile`: where a request's CPU time goes. Runs the built server under
// `--cpu-prof` once per route (/healthz, /api/me, the risk list), loads it with autocannon and
// prints the functions with the most self and total time. BENCH_PROFILE_DIR keeps the
// .cpuprofile files (open them in Chrome DevTools); otherwise they are deleted.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { load, warmUp } from './load';
import { seedRisks } from './risk-data';
import { CLI, setUpOwner, startProcess, stop } from './server';
import { summarize, type CpuProfile } from './profile-summary';

const dir = mkdtempSync(path.join(tmpdir(), 'custos-profile-'));
const profiles = process.env.BENCH_PROFILE_DIR ?? path.join(dir, 'profiles');
const env = { CUSTOS_DATA_DIR: path.join(dir, 'data'), LOG_LEVEL: 'silent' };
const serve = (args: string[] = []) => startProcess([...args, CLI, 'serve'], env, '/readyz');

try {
  const setup = await serve();
  const { cookie, orgId } = await setUpOwner(setup);
  await stop(setup);
  await seedRisks(env, orgId, Number(process.env.BENCH_RISKS ?? 50_000));
  const routes: [string, string, number][] = [
    ['healthz', '/healthz', 50],
    ['me', '/api/me', 50],
    ['risks', `/api/orgs/${orgId}/risks?limit=50`, 10],
  ];
  for (const [name, route, connections] of routes) {
    const into = path.join(profiles, name);
    const server = await serve(['--cpu-prof', `--cpu-prof-dir=${into}`]);
    const headers = name === 'healthz' ? {} : { cookie };
    await warmUp(server.url + route, connections, headers);
    await load(server.url, route, connections, headers, 'GET', server.process.pid);
    await stop(server);
    for (const file of readdirSync(into).filter((f) => f.endsWith('.cpuprofile'))) {
      const profile = JSON.parse(readFileSync(path.join(into, file), 'utf8')) as CpuProfile;
      // Start-up and warm-up left out: the figures are those of the measured load.
      const skipMs = server.ms + 1500;
      console.log(summarize(profile, Number(process.env.BENCH_PROFILE_TOP ?? 25), skipMs));
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
