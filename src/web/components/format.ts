// Words and numbers a user reads: real plurals, dates in the organization's time zone.

export { countOf, plural } from '../../contracts/words';

/** A date as people read it: 12 Mar 2026. A date-only value has no time zone. */
export function formatDate(date: string | null): string {
  if (!date) return '—';
  return new Date(`${date}T00:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** The time zone's short name at `at` as Americans read it: CST, EDT, UTC, GMT+1. */
function zoneName(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'short' }).formatToParts(
    at,
  );
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
}

/**
 * An instant in the organization's time zone, saying which: 12 Mar 2026, 14:05 CST.
 * `timeZone` is the organization's (useOrgTimeZone), never the browser's.
 */
export function formatDateTime(instant: string | null, timeZone: string): string {
  if (!instant) return '—';
  const at = new Date(instant);
  const local = at.toLocaleString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  });
  return `${local} ${zoneName(at, timeZone)}`;
}

/** The calendar day of `instant` in `timeZone`, as YYYY-MM-DD. */
export function dayIn(timeZone: string, instant: Date): string {
  // en-CA writes dates as YYYY-MM-DD.
  return instant.toLocaleDateString('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
}

/** The date of an instant as people read it, in the organization's time zone: 12 Mar 2026. */
export function formatDayOf(instant: string | null, timeZone: string): string {
  return instant ? formatDate(dayIn(timeZone, new Date(instant))) : '—';
}

/**
 * A deadline as people read it, in the organization's zone: "3 Dec, 17:30 CST"; one at midnight
 * is the end of the day before ("end of 3 Dec"), never "4 Dec, 00:00". The year only when it is
 * not this year's.
 */
export function formatDue(instant: string | null, timeZone: string, now = new Date()): string {
  if (!instant) return '—';
  const at = new Date(instant);
  const parts = (d: Date) =>
    Object.fromEntries(
      new Intl.DateTimeFormat('en-GB', {
        timeZone,
        year: 'numeric',
        month: 'short',
        day: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      })
        .formatToParts(d)
        .map((p) => [p.type, p.value]),
    );
  const local = parts(at);
  const midnight = local.hour === '00' && local.minute === '00';
  const day = midnight ? parts(new Date(at.getTime() - 1)) : local;
  const thisYear = parts(now).year === day.year;
  const date = `${day.day} ${day.month}${thisYear ? '' : ` ${day.year}`}`;
  return midnight
    ? `end of ${date}`
    : `${date}, ${local.hour}:${local.minute} ${zoneName(at, timeZone)}`;
}
