import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { freshDatabases, testDatabaseKind } from '../../../../test/support/database';
import { testClock } from '../../../../test/support/factories';
import type { DatabaseHandle } from '../db/connection';
import type { Clock } from '../clock';
import { createJobs, type JobRunner } from '.';

const freshDatabase = freshDatabases();
const Payload = z.object({ n: z.number() });
const Scheduled = z.object({ dueAt: z.string(), schedule: z.string() });

/**
 * A runner with a `test.count` kind recording each run, a `test.fail` kind that always throws, and
 * a `test.sweep` every 15 minutes recording its due time.
 */
async function runnerOn(database: DatabaseHandle, clock: Clock, runs: number[]) {
  const jobs = createJobs({ database, clock, onError: () => undefined });
  jobs.define({
    name: 'test.count',
    label: 'Counting',
    parse: (data) => Payload.parse(data),
    run: ({ n }) => {
      runs.push(n);
      return Promise.resolve();
    },
  });
  jobs.define({
    name: 'test.fail',
    label: 'Failing',
    retryLimit: 2,
    retryDelaySeconds: 10,
    parse: (data) => Payload.parse(data),
    run: () => Promise.reject(new Error('receiver answered 500')),
  });
  jobs.define({
    name: 'test.fail-once',
    label: 'Failing for good',
    retryLimit: 0,
    parse: (data) => Payload.parse(data),
    run: () => Promise.reject(new Error('no such endpoint')),
  });
  jobs.define({
    name: 'test.sweep',
    label: 'Sweeping',
    parse: (data) => Scheduled.parse(data),
    run: ({ dueAt }) => {
      runs.push(Date.parse(dueAt));
      return Promise.resolve();
    },
  });
  jobs.defineSchedule({ name: 'test-every-15', cron: '*/15 * * * *', job: 'test.sweep' });
  await jobs.prepare();
  return jobs;
}

async function enqueue(db: DatabaseHandle, jobs: JobRunner, kind: string, n: number, key?: string) {
  return db.db
    .transaction()
    .execute((trx) => jobs.enqueueIn(trx, kind, { n }, key === undefined ? {} : { key }));
}

describe(`background jobs (${testDatabaseKind()})`, () => {
  it('runs a job whose transaction committed once, and never one whose transaction rolled back', async () => {
    const { handle } = await freshDatabase();
    const runs: number[] = [];
    const jobs = await runnerOn(handle, testClock(), runs);
    await enqueue(handle, jobs, 'test.count', 1);
    await expect(
      handle.db.transaction().execute(async (trx) => {
        await jobs.enqueueIn(trx, 'test.count', { n: 2 });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await jobs.drain()).toBe(1);
    expect(await jobs.drain()).toBe(0);
    expect(runs).toEqual([1]);
    await jobs.stop();
  });

  it('enqueues a keyed job once, ever', async () => {
    const { handle } = await freshDatabase();
    const runs: number[] = [];
    const jobs = await runnerOn(handle, testClock(), runs);
    expect(await enqueue(handle, jobs, 'test.count', 1, 'reminder:x:2026-06-02')).not.toBeNull();
    await jobs.drain();
    expect(await enqueue(handle, jobs, 'test.count', 2, 'reminder:x:2026-06-02')).toBeNull();
    await jobs.drain();
    expect(runs).toEqual([1]);
    await jobs.stop();
  });

  it('retries a failing job with growing delays, then keeps it dead until retried', async () => {
    const { handle } = await freshDatabase();
    const clock = testClock();
    const jobs = await runnerOn(handle, clock, []);
    await enqueue(handle, jobs, 'test.fail', 1);
    await jobs.drain();
    const [first] = await jobs.list({ queue: 'test.fail' });
    expect(first).toMatchObject({
      state: 'retrying',
      attempts: 1,
      lastError: 'receiver answered 500',
    });
    if (testDatabaseKind() === 'sqlite') {
      // The app's clock moves SQLite's runner: 10 s, then 20 s, then dead (retryLimit 2).
      expect(Date.parse(first?.runAfter ?? '') - clock.now().getTime()).toBe(10_000);
      clock.advance(10_000);
      await jobs.drain();
      const [second] = await jobs.list({ queue: 'test.fail' });
      expect(second).toMatchObject({ state: 'retrying', attempts: 2 });
      expect(Date.parse(second?.runAfter ?? '') - clock.now().getTime()).toBe(20_000);
      clock.advance(20_000);
      await jobs.drain();
      const [third] = await jobs.list({ queue: 'test.fail' });
      expect(third).toMatchObject({ state: 'dead', attempts: 3 });
      expect(await jobs.queues()).toContainEqual({
        queue: 'test.fail',
        label: 'Failing',
        waiting: 0,
        running: 0,
        retrying: 0,
        dead: 1,
      });
      expect(await jobs.retry(third?.id ?? '')).toBe(true);
      expect((await jobs.list({ queue: 'test.fail' }))[0]).toMatchObject({ state: 'waiting' });
    } else {
      // pg-boss waits on the database's clock, with jitter: the next try is in the future.
      expect(Date.parse(first?.runAfter ?? '')).toBeGreaterThan(Date.now());
    }
    expect(await jobs.retry('not-a-job')).toBe(false);
    await jobs.stop();
  });

  it("shows and retries an organization's jobs only to that organization", async () => {
    const { handle } = await freshDatabase();
    const jobs = await runnerOn(handle, testClock(), []);
    const [orgA, orgB] = [
      '0190a6f2-0000-7000-8000-00000000000a',
      '0190a6f2-0000-7000-8000-00000000000b',
    ];
    for (const orgId of [orgA, orgB, orgB]) {
      await handle.db
        .transaction()
        .execute((trx) => jobs.enqueueIn(trx, 'test.count', { n: 1, orgId }));
    }
    expect(await jobs.list({ orgId: orgA })).toHaveLength(1);
    expect(await jobs.list({ orgId: orgB })).toHaveLength(2);
    expect((await jobs.queues({ orgId: orgB })).find((q) => q.queue === 'test.count')).toEqual({
      queue: 'test.count',
      label: 'Counting',
      waiting: 2,
      running: 0,
      retrying: 0,
      dead: 0,
    });
    await handle.db
      .transaction()
      .execute((trx) => jobs.enqueueIn(trx, 'test.fail-once', { n: 1, orgId: orgA }));
    await jobs.drain();
    const [dead] = await jobs.list({ orgId: orgA, state: 'dead' });
    expect(dead).toMatchObject({ queue: 'test.fail-once', lastError: 'no such endpoint' });
    expect(await jobs.retry(dead?.id ?? '', { orgId: orgB })).toBe(false);
    expect(await jobs.retry(dead?.id ?? '', { orgId: orgA })).toBe(true);
    await jobs.stop();
  });

  it('enqueues a schedule once per due time, however many runners share the database', async () => {
    const { handle } = await freshDatabase();
    const clock = testClock('2026-06-01T09:07:00.000Z');
    const runs: number[] = [];
    const [a, b] = [await runnerOn(handle, clock, runs), await runnerOn(handle, clock, runs)];
    const ticks = await Promise.all([a.tick(), b.tick(), a.tick(), b.tick()]);
    expect(ticks.reduce((x, y) => x + y, 0)).toBe(1);
    await Promise.all([a.drain(), b.drain()]);
    expect(runs).toEqual([Date.parse('2026-06-01T09:00:00.000Z')]);
    clock.advance(8 * 60_000); // 09:15: the next due time
    expect((await Promise.all([a.tick(), b.tick()])).reduce((x, y) => x + y, 0)).toBe(1);
    await Promise.all([a.drain(), b.drain()]);
    expect(runs).toEqual([
      Date.parse('2026-06-01T09:00:00.000Z'),
      Date.parse('2026-06-01T09:15:00.000Z'),
    ]);
    await a.stop();
    await b.stop();
  });
});
