import type { FailedJob, JobsOverview } from '../../../contracts/system';
import { appendAuditEvent, type AuditContext } from '../../platform/audit/append';
import type { AppDeps } from '../../platform/deps';

const SHOWN = 50;

/** The organization's jobs per queue, and those that failed (latest first). */
export async function jobsOverview(deps: AppDeps, orgId: string): Promise<JobsOverview> {
  const queues = await deps.jobs.queues({ orgId });
  const labels = new Map(queues.map((q) => [q.queue, q.label]));
  const failed = [
    ...(await deps.jobs.list({ orgId, state: 'dead', limit: SHOWN })),
    ...(await deps.jobs.list({ orgId, state: 'retrying', limit: SHOWN })),
  ]
    .toSorted((a, b) => b.createdAt.localeCompare(a.createdAt))
    .slice(0, SHOWN);
  return {
    // The organization's own work only: installation-wide kinds (sweeps, upkeep) never count here.
    queues: queues.filter((q) => q.waiting + q.running + q.retrying + q.dead > 0),
    failed: failed.map((job): FailedJob => ({
      id: job.id,
      queue: job.queue,
      label: labels.get(job.queue) ?? job.queue,
      state: job.state,
      attempts: job.attempts,
      createdAt: job.createdAt,
      runAfter: job.runAfter,
      lastError: job.lastError,
    })),
  };
}

/** Puts every job of the organization that gave up back in its queue; audited with the count. */
export async function retryDeadJobs(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
): Promise<{ retried: number }> {
  let retried = 0;
  for (const job of await deps.jobs.list({ orgId, state: 'dead', limit: 500 })) {
    retried += (await deps.jobs.retry(job.id, { orgId })) ? 1 : 0;
  }
  await deps.database.db.transaction().execute((trx) =>
    appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'jobs.retried',
      changes: { retried: { after: retried } },
    }),
  );
  return { retried };
}
