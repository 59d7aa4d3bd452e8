import { describe, expect, it } from 'vitest';
import { cli, envFor } from '../../test/support/cli';
import { freshDatabases } from '../../test/support/database';
import { systemClock } from '../server/platform/clock';
import { createJobs } from '../server/platform/jobs';

const freshDatabase = freshDatabases();

describe('custos jobs', () => {
  it('lists the queues, then a dead job, which `custos jobs retry` puts back', async () => {
    const database = await freshDatabase();
    // A checkpoint job that fails: its payload is not a checkpoint's.
    const jobs = createJobs({
      database: database.handle,
      clock: systemClock,
      onError: () => undefined,
    });
    jobs.define({
      name: 'platform.audit-checkpoint',
      label: 'Signing audit checkpoints',
      retryLimit: 0,
      parse: () => ({}),
      run: () => Promise.reject(new Error('disk full')),
    });
    await jobs.prepare();
    await database.handle.db
      .transaction()
      .execute((trx) => jobs.enqueueIn(trx, 'platform.audit-checkpoint', {}));
    await jobs.drain();
    await jobs.stop();
    const [dead] = await jobs.list({ state: 'dead' });

    const listed = await cli(['jobs'], envFor(database.target));
    expect(listed.err).toEqual([]);
    expect(listed.result).toBe(0);
    expect(listed.out[0]).toMatch(/^Queue\s+waiting\s+running\s+retrying\s+dead$/);
    expect(listed.out).toContainEqual(expect.stringMatching(/^mail\.send\s+0\s+0\s+0\s+0$/));
    expect(listed.out).toContainEqual(
      expect.stringMatching(/^platform\.audit-checkpoint\s+0\s+0\s+0\s+1$/),
    );
    expect(listed.out).toContain('1 failed job:');
    expect(listed.out).toContain(
      `  ${dead?.id}  platform.audit-checkpoint  dead after 1 attempt: disk full`,
    );

    const retried = await cli(['jobs', 'retry', dead?.id ?? ''], envFor(database.target));
    expect(retried.out).toEqual([
      `Job ${dead?.id} is waiting again; the server runs it within a few seconds.`,
    ]);
    // Waiting on SQLite; on PostgreSQL pg-boss shows it retrying until it runs. Dead no more.
    expect((await cli(['jobs'], envFor(database.target))).out).toContainEqual(
      expect.stringMatching(/^platform\.audit-checkpoint\s+[01]\s+0\s+[01]\s+0$/),
    );
    const again = await cli(['jobs', 'retry', dead?.id ?? ''], envFor(database.target));
    expect(again.result).toBe(1);
    expect(again.err).toEqual([`custos: no dead job has the id "${dead?.id}"`]);
  });
});
