import { z } from 'zod';
import { takeCheckpoint } from '../audit/checkpoints';
import type { AuditKeys } from '../audit/keys';
import { databaseUpkeep } from './upkeep-repository';
import type { JobKind, JobSchedule } from './types';

const Scheduled = z.object({ dueAt: z.string(), schedule: z.string() });
const Upkeep = z.object({ reason: z.string() }).or(Scheduled);

/** The database's own upkeep, on a timetable (issue 13): audit checkpoints, planner statistics. */
export function upkeepJobs(auditKeys: AuditKeys): JobKind[] {
  return [
    {
      name: 'platform.audit-checkpoint',
      label: 'Signing audit checkpoints',
      parse: (data) => Scheduled.parse(data),
      // 164.312(c)(1): a signed checkpoint each day, so rewriting the trail shows without the key.
      run: async (_payload, { db, clock }) => {
        await takeCheckpoint(db, { clock, auditKeys }, 'schedule');
      },
    },
    {
      name: 'platform.database-upkeep',
      label: 'Database upkeep',
      parse: (data) => Upkeep.parse(data),
      run: (_payload, { db }) => databaseUpkeep(db),
    },
  ];
}

export const UPKEEP_SCHEDULES: readonly JobSchedule[] = [
  { name: 'audit-checkpoint-daily', cron: '15 2 * * *', job: 'platform.audit-checkpoint' },
  { name: 'database-upkeep-daily', cron: '45 2 * * *', job: 'platform.database-upkeep' },
];
