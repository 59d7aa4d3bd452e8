import { useActiveOrg } from '../app/useActiveOrg';
import { dayIn, formatDateTime, formatDayOf, formatDue } from './format';
import { browserZone } from './time-zones';

/**
 * Dates and times in the active organization's time zone (its profile), each saying which zone:
 * an approval at 23:30 in Chicago is that day in Chicago, wherever the reader's browser is.
 */
export function useOrgTime() {
  const timeZone = useActiveOrg()?.timeZone ?? browserZone();
  return {
    timeZone,
    /** 12 Mar 2026, 14:05 CST */
    dateTime: (instant: string | null) => formatDateTime(instant, timeZone),
    /** A deadline: "3 Dec, 17:30 CST", or "end of 3 Dec" for one at midnight. */
    due: (instant: string | null) => formatDue(instant, timeZone),
    /** 12 Mar 2026: the day of an instant in the organization's zone. */
    day: (instant: string | null) => formatDayOf(instant, timeZone),
    /** Today in the organization's zone, YYYY-MM-DD (a default for date fields). */
    today: () => dayIn(timeZone, new Date()),
  };
}
