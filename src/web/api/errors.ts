import type { ErrorCode, FieldIssue } from '../../contracts/errors';

/** An API failure, carrying the server's code and request id for support. Kept free of zod so
 * error screens in the first chunk do not pull the schema library in. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    message: string,
    readonly status: number,
    readonly code: ErrorCode | 'network',
    readonly requestId?: string,
    readonly details: FieldIssue[] = [],
  ) {
    super(message);
  }
}
