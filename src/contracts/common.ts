import { z } from 'zod';

// Shared field shapes: calendar dates are YYYY-MM-DD in the organization's time zone (design.md §6.7).
export const DateOnly = z.iso.date({ error: 'must be a date (YYYY-MM-DD)' });

/** Trimmed text of at most `max` characters. */
export const Text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `must be at most ${max} characters` });

/** Trimmed text that may not be empty. */
export const Required = (max: number) => Text(max).min(1, { error: 'is required' });

/** A person named in a response: member id and display name. */
export const PersonRef = z.object({ id: z.string(), name: z.string() });

/** Path parameters of every organization route. */
export const OrgParamsSchema = z.object({ orgId: z.uuid() });

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return zone.length > 0;
  } catch {
    return false;
  }
}

/** An IANA time zone the platform knows, such as America/Chicago. */
export const TimeZone = z
  .string()
  .max(100)
  .refine((zone) => isTimeZone(zone), {
    error: 'must be an IANA time zone such as America/Chicago',
  });
