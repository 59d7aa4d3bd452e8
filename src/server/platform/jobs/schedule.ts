import cronParser from 'cron-parser';
import type { JobSchedule } from './types';

/** The schedule's latest due time at or before `now`; throws naming the schedule on a bad cron. */
export function latestDueTime(schedule: JobSchedule, now: Date): Date {
  try {
    const times = cronParser.parseExpression(schedule.cron, {
      // prev() is strictly before its start: one millisecond on, so a due time equal to now counts.
      currentDate: new Date(now.getTime() + 1),
      tz: schedule.timeZone ?? 'UTC',
    });
    return times.prev().toDate();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`schedule ${schedule.name}: cron "${schedule.cron}" is not valid (${reason})`);
  }
}
