import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  isResponseSerializationError,
} from 'fastify-type-provider-zod';
import {
  ERROR_STATUS,
  type ErrorBody,
  type ErrorCode,
  type FieldIssue,
} from '../../../contracts/errors';
import { AppError } from '../errors';
import { unknownFieldsMessage } from './unknown-fields';

// Fastify's own client errors, answered with fixed texts so nothing from the request is echoed.
const FASTIFY_CLIENT_ERRORS: Record<string, { code: ErrorCode; message: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: {
    code: 'bad_request',
    message: 'The request body is not valid JSON.',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    code: 'bad_request',
    message: 'The request body is empty but Content-Type is application/json.',
  },
  FST_ERR_CTP_BODY_TOO_LARGE: {
    code: 'payload_too_large',
    message: 'The request body is too large.',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: 'unsupported_media_type',
    message: 'This Content-Type is not accepted here.',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    code: 'bad_request',
    message: 'Content-Length does not match the body.',
  },
};

function body(
  request: FastifyRequest,
  code: ErrorCode,
  message: string,
  details?: FieldIssue[],
): ErrorBody {
  return { error: { code, message, requestId: request.id, ...(details ? { details } : {}) } };
}

/** Sends an error answer in the one shape every client expects. */
export function sendError(
  request: FastifyRequest,
  reply: FastifyReply,
  code: ErrorCode,
  message: string,
  details?: FieldIssue[],
): FastifyReply {
  return reply.code(ERROR_STATUS[code]).send(body(request, code, message, details));
}

function validationIssues(error: FastifyError): FieldIssue[] {
  const part = error.validationContext ?? 'request';
  return (error.validation ?? []).map((v) => {
    const field = v.instancePath.split('/').filter(Boolean).join('.');
    return { path: field ? `${part}.${field}` : part, message: issueMessage(v) };
  });
}

/** A field the request does not take is named as such (contract-routes.ts refuses them). */
function issueMessage(v: NonNullable<FastifyError['validation']>[number]): string {
  const keys = v.keyword === 'unrecognized_keys' ? v.params.keys : undefined;
  if (Array.isArray(keys) && keys.length > 0) return unknownFieldsMessage(keys.map(String));
  return v.message ?? 'is invalid';
}

/** Installs the error handler: every failure answers `{ error: { code, message, requestId } }`. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      if (error.headers) {
        void reply.headers(error.headers);
      }
      return sendError(request, reply, error.code, error.message, error.details);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const details = validationIssues(error);
      const fields = details.map((d) => d.path).join(', ');
      return sendError(request, reply, 'validation_failed', `Invalid input: ${fields}`, details);
    }
    const known = error.code ? FASTIFY_CLIENT_ERRORS[error.code] : undefined;
    if (known) {
      return sendError(request, reply, known.code, known.message);
    }
    if (isResponseSerializationError(error)) {
      request.log.error(
        { err: error, issues: error.cause.issues },
        'response does not match its schema',
      );
    } else {
      request.log.error({ err: error }, 'unhandled error');
    }
    return sendError(
      request,
      reply,
      'internal',
      `Something went wrong on our side. Quote request id ${request.id} when reporting it.`,
    );
  });
}

/** The request's path without its query string (queries may carry identifiers; keep them out). */
export function pathOf(request: FastifyRequest): string {
  const url = request.url;
  const q = url.indexOf('?');
  return q === -1 ? url : url.slice(0, q);
}
