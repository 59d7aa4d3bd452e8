/** A date as people read it: 12 Mar 2026. */
export function formatDate(date: string | null): string {
  if (!date) return '—';
  return new Date(`${date}T00:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
}
