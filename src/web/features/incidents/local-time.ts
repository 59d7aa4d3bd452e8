import { zoneOffsetMs } from '../../../contracts/zone-offset';

/** Minutes `timeZone` is ahead of UTC at an instant. */
const offsetMinutes = (instant: number, timeZone: string): number =>
  Math.round(zoneOffsetMs(timeZone, instant) / 60_000);

/**
 * The UTC instant (ISO) of a wall-clock time `2026-06-01T09:30` (a datetime-local field) in a
 * time zone, or undefined for an empty or malformed field.
 */
export function zonedToIso(local: string, timeZone: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local)) return undefined;
  const asUtc = Date.parse(`${local}:00Z`);
  if (Number.isNaN(asUtc)) return undefined;
  const first = asUtc - offsetMinutes(asUtc, timeZone) * 60_000;
  const second = asUtc - offsetMinutes(first, timeZone) * 60_000;
  return new Date(second).toISOString();
}

/** The wall-clock time of an instant in a zone, as a datetime-local field shows it. */
export function isoToZoned(iso: string | null, timeZone: string): string {
  if (iso === null) return '';
  const at = Date.parse(iso);
  return new Date(at + offsetMinutes(at, timeZone) * 60_000).toISOString().slice(0, 16);
}
