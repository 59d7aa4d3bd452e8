import { FEATURES } from './features';
import type { AppDeps } from './platform/deps';
import type { JobRunner } from './platform/jobs';
import { UPKEEP_SCHEDULES, upkeepJobs } from './platform/jobs/upkeep';

/**
 * Declares every kind of background work on `runner`: the platform's (mail, upkeep) and each
 * feature's manifest `jobs` and `schedules`; then makes the store ready for them.
 */
export async function defineAppJobs(runner: JobRunner, deps: AppDeps): Promise<void> {
  runner.define(deps.mailer.sendJob);
  for (const kind of upkeepJobs(deps.auditKeys)) {
    runner.define(kind);
  }
  for (const feature of FEATURES) {
    for (const kind of feature.jobs?.(deps) ?? []) {
      runner.define(kind);
    }
  }
  for (const schedule of [...UPKEEP_SCHEDULES, ...FEATURES.flatMap((f) => f.schedules ?? [])]) {
    runner.defineSchedule(schedule);
  }
  await runner.prepare();
}
