import { z } from 'zod';

/** The largest reference or sequence number a cursor may carry: it must fit a 32-bit integer column. */
export const MAX_CURSOR_NUMBER = 2_147_483_647;

/**
 * A page cursor that is a reference or sequence number: digits only, within a 32-bit integer, so a
 * forged `?cursor=99999999999999999999999` is a 400 naming the field rather than a database error.
 */
export const NumberCursorSchema = z
  .string()
  .regex(/^[0-9]{1,10}$/, { error: 'is not a cursor from a previous page' })
  .transform(Number)
  .refine((n) => n <= MAX_CURSOR_NUMBER, { error: 'is not a cursor from a previous page' });
