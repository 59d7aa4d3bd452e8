import { ERROR_STATUS, type ErrorCode, type FieldIssue } from '../../contracts/errors';

/** The one error type services throw; its code decides the HTTP status. */
export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: FieldIssue[],
    /** Extra response headers, e.g. Retry-After on rate_limited. */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }

  /** A validation failure of one field, named by its request path (e.g. `body.code`). */
  static field(path: string, message: string): AppError {
    return new AppError('validation_failed', `${path} ${message}.`, [{ path, message }]);
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}
