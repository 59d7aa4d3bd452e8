/**
 * Thrown by a job's `run` when trying again cannot help (a mail server's 550 "no such mailbox"):
 * the job is dead at once, with this message, rather than retried.
 */
export class PermanentJobError extends Error {
  override readonly name = 'PermanentJobError';
}
