import rrule from 'rrule';
import type { Recurrence } from '../../../contracts/tasks';

const { RRule } = rrule;

const FREQUENCY = {
  daily: RRule.DAILY,
  weekly: RRule.WEEKLY,
  monthly: RRule.MONTHLY,
  yearly: RRule.YEARLY,
} as const;

/** The stored RRULE (RFC 5545) of a recurrence, e.g. FREQ=MONTHLY;INTERVAL=3. */
export function toRrule(recurrence: Recurrence): string {
  return new RRule({ freq: FREQUENCY[recurrence.frequency], interval: recurrence.interval })
    .toString()
    .replace(/^RRULE:/, '');
}

export function fromRrule(text: string): Recurrence {
  const options = RRule.parseString(text);
  const frequency =
    (Object.keys(FREQUENCY) as (keyof typeof FREQUENCY)[]).find(
      (key) => FREQUENCY[key] === options.freq,
    ) ?? 'monthly';
  return { frequency, interval: options.interval ?? 1 };
}

/**
 * The due date after `dueOn` for a stored rule. Monthly and yearly rules keep the day of the
 * month and fall back to the month's last day when it is shorter (31 Jan → 28 Feb → 31 Mar),
 * expressed in RRULE itself with BYMONTHDAY=28..d;BYSETPOS=-1.
 */
export function nextDueOn(rule: string, dueOn: string): string {
  const start = new Date(`${dueOn}T00:00:00Z`);
  const options = RRule.parseString(rule);
  const day = start.getUTCDate();
  const clamp =
    day > 28 && (options.freq === RRule.MONTHLY || options.freq === RRule.YEARLY)
      ? {
          bymonthday: Array.from({ length: day - 27 }, (_, i) => 28 + i),
          bysetpos: [-1],
          ...(options.freq === RRule.YEARLY ? { bymonth: [start.getUTCMonth() + 1] } : {}),
        }
      : {};
  const next = new RRule({ ...options, ...clamp, dtstart: start }).after(start, false);
  if (!next) {
    throw new Error(`recurrence ${rule} has no occurrence after ${dueOn}`);
  }
  return next.toISOString().slice(0, 10);
}
