import type { ReminderSchedule } from '../../../contracts/security-reminders';
import { addMonths } from '../../platform/time';

const MONTHS: Record<Exclude<ReminderSchedule, 'once'>, number> = {
  monthly: 1,
  quarterly: 3,
  yearly: 12,
};

/** The n-th date of a schedule (n = 0: the start), clamped to short months from the start's day. */
function occurrence(schedule: ReminderSchedule, startsOn: string, n: number): string {
  return schedule === 'once' ? startsOn : addMonths(startsOn, MONTHS[schedule] * n);
}

/**
 * What a sweep on `today` does with a reminder: the date to send for (the latest one due, so a
 * process that was down sends once, not once per missed month) and the next date after today
 * (null for a one-off). Null when nothing is due yet.
 */
export function dueSending(
  schedule: ReminderSchedule,
  startsOn: string,
  today: string,
): { dueOn: string; nextOn: string | null } | null {
  if (startsOn > today) return null;
  if (schedule === 'once') return { dueOn: startsOn, nextOn: null };
  let n = 0;
  while (occurrence(schedule, startsOn, n + 1) <= today) n += 1;
  return {
    dueOn: occurrence(schedule, startsOn, n),
    nextOn: occurrence(schedule, startsOn, n + 1),
  };
}
