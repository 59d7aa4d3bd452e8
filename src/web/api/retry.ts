import { ApiError } from './errors';

/**
 * Whether a failed query is tried again: once after a network failure or a server error, never
 * after a 4xx. A refusal (403), a missing record (404) or a bad request stays so on a second try,
 * and each retried refusal would only add an "access refused" event to the audit trail.
 */
export function retryQuery(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 1;
}
