import { z } from 'zod';

/** Every error code the API can answer with. The set is closed: add a code here and in ERROR_STATUS. */
export const ERROR_CODES = [
  'validation_failed',
  'bad_request',
  'unauthenticated',
  'forbidden',
  'reauthentication_required',
  'mfa_enrolment_required',
  'not_found',
  'method_not_allowed',
  'conflict',
  'payload_too_large',
  'unsupported_media_type',
  'rate_limited',
  'internal',
  // A stored file failed its check (tags or SHA-256) and is not served (164.312(c)(1)).
  'integrity_failed',
  'unavailable',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** The one code → HTTP status table. */
export const ERROR_STATUS: Readonly<Record<ErrorCode, number>> = {
  validation_failed: 400,
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  reauthentication_required: 403,
  mfa_enrolment_required: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  integrity_failed: 500,
  unavailable: 503,
};

/** One problem with one field: `path` is dotted from the request part, e.g. `body.owner.email`. */
export const FieldIssueSchema = z.object({
  path: z.string(),
  message: z.string(),
});
export type FieldIssue = z.infer<typeof FieldIssueSchema>;

/** The body of every error answer. */
export const ErrorBodySchema = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    requestId: z.string().optional(),
    details: z.array(FieldIssueSchema).optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;
