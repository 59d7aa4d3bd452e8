/** Retries after the first attempt: with doubling delays from 30 s, the last is ~34 h after the first. */
export const RETRY_LIMIT = 12;
export const FIRST_RETRY_MS = 30_000;

/** The wait after failed attempt `attempt` (1-based): 30 s, 1 min, 2 min, … 17 h. */
export const retryDelayMs = (attempt: number): number => FIRST_RETRY_MS * 2 ** (attempt - 1);

/** When attempt `attempt + 1` runs after attempt `attempt` failed at `failedAt`; null when none is left. */
export function nextAttemptAt(attempt: number, failedAt: Date): Date | null {
  return attempt > RETRY_LIMIT ? null : new Date(failedAt.getTime() + retryDelayMs(attempt));
}
