// Dates as people read them, for text the server writes (emails, notes, the report): the
// organization's calendar, never the server's zone nor a bare ISO string.

/** A calendar date as people read it: 22 Nov 2026 (a date-only value has no time zone). */
export function dateWord(date: string | null | undefined): string {
  if (!date) return '—';
  return new Date(`${date.slice(0, 10)}T00:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** An instant in the organization's time zone, naming it: 22 Nov 2026, 09:00 America/Chicago. */
export function instantIn(timeZone: string): (iso: string | null | undefined) => string {
  const format = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return (iso) => (iso ? `${format.format(new Date(iso))} ${timeZone}` : '—');
}
