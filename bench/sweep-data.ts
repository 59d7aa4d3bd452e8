// The reminder sweep over an organization of 100,000 open tasks (issue 13: under 2 s, memory
// flat): due dates spread over two years around today, half of them owned, a Security Official
// set. The first sweep creates what is due; the second finds nothing new. Reference: reading the
// same window of tasks once.
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileVault } from '../src/server/platform/storage/file-vault';
import { localBlobStore } from '../src/server/platform/storage/local-blob-store';
import { v7 as uuidv7 } from 'uuid';
import { FEATURES } from '../src/server/features';
import { sweepEveryOrganization } from '../src/server/features/notifications/sweep';
import { taskNotices } from '../src/server/features/tasks/reminders';
import { listOpenTasksDueBetween } from '../src/server/features/tasks/reminders-repository';
import { auditKeysFrom } from '../src/server/platform/audit/keys';
import { createBackground } from '../src/server/platform/background';
import { systemClock } from '../src/server/platform/clock';
import { secretBox } from '../src/server/platform/crypto/secret-box';
import type { DatabaseHandle } from '../src/server/platform/db/connection';
import type { AppDeps } from '../src/server/platform/deps';
import { featureDeps } from '../src/server/platform/feature-deps';
import { createJobs } from '../src/server/platform/jobs';
import { createMailer } from '../src/server/platform/mail/mailer';
import { addDays, todayIn } from '../src/server/platform/time';
import { defaultOutboundPolicy } from '../src/server/platform/net/outbound';
import { defineAppJobs } from '../src/server/app-jobs';

const TASKS = Number(process.env.BENCH_SWEEP_TASKS ?? 100_000);

async function seed(database: DatabaseHandle): Promise<string> {
  const db = database.db;
  const now = new Date().toISOString();
  const orgId = uuidv7();
  const people = Array.from({ length: 20 }, (_, i) => ({
    id: uuidv7(),
    email: `person${i}@bench.example`,
    email_key: `person${i}@bench.example`,
    name: `Person ${i}`,
    password_hash: 'x',
    password_changed_at: now,
    created_at: now,
  }));
  await db
    .insertInto('users')
    .values(people.map((p) => ({ ...p })))
    .execute();
  await db
    .insertInto('organizations')
    .values({
      id: orgId,
      name: 'Sweep clinic',
      time_zone: 'America/Chicago',
      idle_timeout_minutes: 15,
      escalate_overdue_after_days: 7,
      mfa_required: 0,
      includes_group_health_plan: 0,
      includes_clearinghouse: 0,
      locations: '[]',
      created_at: now,
      security_official_id: people[0]?.id ?? null,
    })
    .execute();
  await db
    .insertInto('memberships')
    .values(
      people.map((p, i) => ({
        id: uuidv7(),
        org_id: orgId,
        user_id: p.id,
        role: i === 0 ? ('security_officer' as const) : ('contributor' as const),
        access_expires_at: null,
        created_at: now,
      })),
    )
    .execute();
  const today = todayIn('America/Chicago', new Date());
  for (let start = 0; start < TASKS; start += 500) {
    const rows = Array.from({ length: Math.min(500, TASKS - start) }, (_, k) => {
      const i = start + k;
      const due = addDays(today, (i % 730) - 365);
      return {
        id: uuidv7(),
        org_id: orgId,
        number: i + 1,
        title: `Generated task ${i + 1}`,
        description: '',
        owner_id: i % 2 === 0 ? (people[1 + (i % 19)]?.id ?? null) : null,
        due_on: due,
        due_key: due,
        status: i % 3 === 0 ? ('in_progress' as const) : ('open' as const),
        priority: 'medium' as const,
        recurrence: null,
        completion_note: null,
        evidence_url: null,
        completed_at: null,
        completed_by: null,
        created_at: now,
        created_by: null,
        updated_at: now,
      };
    });
    await db.insertInto('tasks').values(rows).execute();
  }
  return orgId;
}

function benchDeps(database: DatabaseHandle): AppDeps {
  const key = randomBytes(32);
  return {
    database,
    clock: systemClock,
    jobs: createJobs({ database, clock: systemClock, onError: () => undefined }),
    auditKeys: auditKeysFrom(key),
    secrets: secretBox(key),
    // Sweeps store no files: a folder that is never created.
    files: fileVault(localBlobStore(path.join(tmpdir(), 'custos-bench-unused')), secretBox(key), 1),
    mailer: createMailer(null, 'Custos <custos@localhost>', secretBox(key)),
    baseUrl: 'http://localhost:8080',
    ...featureDeps(FEATURES),
    background: createBackground(() => undefined),
    outbound: defaultOutboundPolicy(),
  };
}

const mib = () => process.memoryUsage().rss / 2 ** 20;

export async function sweepBench(label: string, database: DatabaseHandle): Promise<void> {
  const orgId = await seed(database);
  const deps = benchDeps(database);
  const runner = createJobs({ database, clock: systemClock, onError: () => undefined });
  await defineAppJobs(runner, { ...deps, jobs: runner });
  const today = todayIn('America/Chicago', new Date());
  const time = async <T>(run: () => Promise<T>) => {
    const start = process.hrtime.bigint();
    const result = await run();
    return { ms: Number(process.hrtime.bigint() - start) / 1e6, result };
  };
  const reference = await time(() =>
    listOpenTasksDueBetween(database.db, orgId, addDays(today, -67), addDays(today, 1)),
  );
  const before = mib();
  const first = await time(() => sweepEveryOrganization({ ...deps, jobs: runner }, taskNotices));
  const afterFirst = mib();
  const second = await time(() => sweepEveryOrganization({ ...deps, jobs: runner }, taskNotices));
  const afterSecond = mib();
  console.log(
    `${label}: task reminder sweep over ${TASKS.toLocaleString('en-US')} open tasks: first ` +
      `${first.ms.toFixed(0)} ms (${String(first.result)} notices), again ${second.ms.toFixed(0)} ms ` +
      `(${String(second.result)} new); reading the window alone ${reference.ms.toFixed(0)} ms ` +
      `(${reference.result.length} tasks); RSS ${before.toFixed(0)} → ${afterFirst.toFixed(0)} → ` +
      `${afterSecond.toFixed(0)} MiB`,
  );
  await runner.stop();
}
