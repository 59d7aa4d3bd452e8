import { cliAppDeps } from '../app-deps';
import { withDatabase } from '../database';
import { oneLine, type Io } from '../io';
import { countOf } from '../../contracts/words';

const STATES = ['waiting', 'running', 'retrying', 'dead'] as const;

/** `custos jobs`: each queue's counts, then the jobs that failed (retrying or dead). */
export async function runJobsList(env: NodeJS.ProcessEnv, io: Io): Promise<number> {
  try {
    return await withDatabase(env, async (db, config) => {
      const { jobs } = await cliAppDeps(db, config, io);
      try {
        const queues = await jobs.queues();
        const width = Math.max(...queues.map((q) => q.queue.length), 5);
        io.out(`${'Queue'.padEnd(width)}  ${STATES.map((s) => s.padStart(8)).join('  ')}`);
        for (const q of queues) {
          io.out(
            `${q.queue.padEnd(width)}  ${STATES.map((s) => String(q[s]).padStart(8)).join('  ')}`,
          );
        }
        const failed = [
          ...(await jobs.list({ state: 'dead', limit: 50 })),
          ...(await jobs.list({ state: 'retrying', limit: 50 })),
        ];
        io.out('');
        io.out(
          failed.length === 0 ? 'No failed jobs.' : `${countOf(failed.length, 'failed job')}:`,
        );
        for (const job of failed) {
          io.out(
            `  ${job.id}  ${job.queue}  ${job.state} after ${countOf(job.attempts, 'attempt')}` +
              `${job.runAfter ? `, next at ${job.runAfter}` : ''}: ${job.lastError ?? 'no message'}`,
          );
        }
        if (failed.some((job) => job.state === 'dead')) {
          io.out('');
          io.out('Run `custos jobs retry <id>` to try a dead job again.');
        }
        return 0;
      } finally {
        await jobs.stop();
      }
    });
  } catch (error) {
    io.err(`custos: ${oneLine(error)}`);
    return 1;
  }
}

/** `custos jobs retry <id>`: puts a dead job back in its queue. */
export async function runJobsRetry(env: NodeJS.ProcessEnv, io: Io, id: string): Promise<number> {
  try {
    return await withDatabase(env, async (db, config) => {
      const { jobs } = await cliAppDeps(db, config, io);
      try {
        if (!(await jobs.retry(id))) {
          io.err(`custos: no dead job has the id ${JSON.stringify(id.slice(0, 60))}`);
          return 1;
        }
        io.out(`Job ${id} is waiting again; the server runs it within a few seconds.`);
        return 0;
      } finally {
        await jobs.stop();
      }
    });
  } catch (error) {
    io.err(`custos: ${oneLine(error)}`);
    return 1;
  }
}
