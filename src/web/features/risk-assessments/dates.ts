import { api } from '../../api';
import { useApiQuery } from '../../api/hooks';
import { useActiveOrg } from '../../app/useActiveOrg';

/** The active organization's IANA time zone (UTC until known). */
export function useOrgTimeZone(): string {
  const org = useActiveOrg();
  const query = useApiQuery(api.organizations.get, org ? [{ orgId: org.orgId }] : null);
  return query.data?.timeZone ?? 'UTC';
}

/** Today's date (YYYY-MM-DD) in a time zone. */
export function todayIn(timeZone: string, now = new Date()): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/** An instant in the organization's time zone, naming it: 22 Nov 2026, 09:00 (America/Chicago). */
export function formatInstant(iso: string, timeZone: string): string {
  const text = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso));
  return `${text} (${timeZone})`;
}
