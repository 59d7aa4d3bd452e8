import { todayIn } from '../../platform/time';
import { zoneOffsetMs } from '../../../contracts/zone-offset';

/**
 * The instant a calendar day ends in a time zone: midnight at the start of the next local day
 * (design.md §6.7: dates are the organization's). Correct across daylight-saving changes.
 */
export function endOfDayIn(timeZone: string, date: string): Date {
  const [year = 1970, month = 1, day = 1] = date.split('-').map(Number);
  const midnightAsUtc = Date.UTC(year, month - 1, day + 1);
  let at = midnightAsUtc - zoneOffsetMs(timeZone, midnightAsUtc);
  // Once more with the offset at the found instant (a change of offset around that midnight).
  at = midnightAsUtc - zoneOffsetMs(timeZone, at);
  return new Date(at);
}

/**
 * The day a deadline falls on, in a time zone: a deadline at midnight is the end of the day
 * before it (due 3 June means by the end of 3 June), so a task's due date and its checklist's
 * deadline name the same day.
 */
export function dueDayIn(timeZone: string, at: Date): string {
  return todayIn(timeZone, new Date(at.getTime() - 1));
}
