import type { z } from 'zod';
import { ErrorBodySchema } from '../../contracts/errors';
import { fieldLabel } from '../components/field-labels';
import { ApiError } from './errors';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** The ApiError of a failed answer, from its error body when it has one. */
function errorOf(status: number, parsed: unknown): ApiError {
  const error = ErrorBodySchema.safeParse(parsed);
  if (error.success) {
    const { code, message, requestId, details } = error.data.error;
    // The server names fields by their request path (body.code); a person reads their label.
    const readable =
      code === 'validation_failed' && details && details.length > 0
        ? details.map((d) => `${fieldLabel(d.path)} ${d.message}.`).join(' ')
        : message;
    return new ApiError(readable, status, code, requestId, details);
  }
  return new ApiError(`The server answered ${status}.`, status, 'internal');
}

/** One call of the API: JSON in and out, the CSRF header on every write, errors as ApiError. */
export async function request(method: Method, path: string, body?: unknown): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: {
        accept: 'application/json',
        // Required on every write: the server refuses cookie-authenticated writes without it (CSRF).
        'x-custos-csrf': '1',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    throw new ApiError(
      'Custos cannot be reached. Check your connection and try again.',
      0,
      'network',
    );
  }
  const parsed: unknown = res.status === 204 ? undefined : await res.json().catch(() => undefined);
  if (!res.ok) throw errorOf(res.status, parsed);
  return parsed;
}

/** GETs a JSON resource and checks it against its contract schema. */
export async function apiGet<T extends z.ZodType>(path: string, schema: T): Promise<z.infer<T>> {
  return schema.parse(await request('GET', path));
}

/** Sends a change; checks the answer against `schema` when one is given. */
export async function apiSend<T extends z.ZodType>(
  method: Exclude<Method, 'GET'>,
  path: string,
  body?: unknown,
  schema?: T,
): Promise<z.infer<T> | undefined> {
  const answer = await request(method, path, body);
  return schema ? schema.parse(answer) : undefined;
}

/**
 * Field errors of a validation failure, keyed by field path without its "body." prefix. The
 * server's messages follow the field's name ("is required"), so each gets a subject: the label
 * given for its path, or the field's own label (components/field-labels.ts).
 */
export function fieldErrors(
  error: unknown,
  subjects: Record<string, string> = {},
): Record<string, string> {
  if (!(error instanceof ApiError)) {
    return {};
  }
  return Object.fromEntries(
    error.details.map((d) => {
      const path = d.path.replace(/^body\./, '');
      return [path, `${subjects[path] ?? fieldLabel(path)} ${d.message}.`];
    }),
  );
}

/** Sends a file as the raw request body (imports); checks the answer against `schema`. */
/** Sends a file as the raw request body (imports). */
export async function upload(path: string, file: File): Promise<unknown> {
  // Table imports say their type by name; anything else (evidence) is application/octet-stream,
  // and the server judges the content itself (a browser's guess from the name adds nothing).
  const name = file.name.toLowerCase();
  const contentType = name.endsWith('.xlsx')
    ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
    : name.endsWith('.csv')
      ? 'text/csv'
      : 'application/octet-stream';
  let res: Response;
  try {
    res = await fetch(path, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { accept: 'application/json', 'x-custos-csrf': '1', 'content-type': contentType },
      body: file,
    });
  } catch {
    throw new ApiError(
      'Custos cannot be reached. Check your connection and try again.',
      0,
      'network',
    );
  }
  const parsed: unknown = await res.json().catch(() => undefined);
  if (!res.ok) throw errorOf(res.status, parsed);
  return parsed;
}

/** Sends a file as the raw request body (imports); checks the answer against `schema`. */
export async function apiUpload<T extends z.ZodType>(
  path: string,
  file: File,
  schema: T,
): Promise<z.infer<T>> {
  return schema.parse(await upload(path, file));
}
