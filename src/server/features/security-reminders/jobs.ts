import { z } from 'zod';
import type { AppDeps } from '../../platform/deps';
import type { JobKind, JobSchedule } from '../../platform/jobs/types';
import { SEND_JOB, sendDueReminders } from './send';

const Scheduled = z.object({ dueAt: z.string(), schedule: z.string() });

/** Sends the security reminders that are due (send.ts); safe to run twice. */
export function sendKind(deps: AppDeps): JobKind<z.infer<typeof Scheduled>> {
  return {
    name: SEND_JOB,
    label: 'Sending security reminders',
    parse: (data) => Scheduled.parse(data),
    run: async () => {
      await sendDueReminders(deps);
    },
  };
}

export const sendSchedule: JobSchedule = { name: SEND_JOB, cron: '*/15 * * * *', job: SEND_JOB };
