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

/**
 * Control characters (C0, DEL, C1: a line break or an escape has no place in one line) and the
 * Unicode direction marks and embeddings (U+061C, U+200E/F, U+202A–E, U+2066–9), which disguise
 * text: U+202E makes "xfdp.hta" read as "ath.pdf" (outside attacker, issue 14).
 */
const DISGUISING = /[\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

/** True when `text` holds a control character or a direction mark. */
export function isDisguising(text: string): boolean {
  return DISGUISING.test(text);
}

/** One line a person reads as a name (a title, a file name): Text without disguising characters. */
export const Line = (max: number) =>
  Text(max).refine((v) => !isDisguising(v), {
    error: 'must not hold control characters or direction marks',
  });

/** A line that may not be empty: every title of a record. */
export const Title = (max: number) => Line(max).min(1, { error: 'is required' });

/** Text of several lines (notes, descriptions): line breaks and tabs, but no other control character or direction mark. */
export const Prose = (max: number) =>
  Text(max).refine((v) => !isDisguising(v.replace(/[\n\r\t]/g, ' ')), {
    error: 'must not hold control characters or direction marks',
  });

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
