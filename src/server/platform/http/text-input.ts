import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { FieldIssue } from '../../../contracts/errors';
import { isWellFormedText } from '../text';
import { sendError } from './errors';

const NUL = '\u0000';

/**
 * The first text in `value` (strings and object keys, at any depth) that Custos refuses to store:
 * ill-formed UTF-16 (a lone surrogate, which SQLite and PostgreSQL would each store differently
 * from what was hashed into the audit trail) or a NUL character (PostgreSQL text cannot hold it).
 * Walks iteratively, so a deeply nested body cannot exhaust the stack.
 */
export function findBadText(value: unknown, root: string): FieldIssue | null {
  const stack: { value: unknown; path: string }[] = [{ value, path: root }];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const problem = typeof item.value === 'string' ? textProblem(item.value) : null;
    if (problem) {
      return { path: item.path, message: problem };
    }
    if (
      typeof item.value !== 'object' ||
      item.value === null ||
      Buffer.isBuffer(item.value) ||
      // A streamed upload's body (evidence files): bytes, checked by its route.
      item.value instanceof Readable
    ) {
      continue;
    }
    const entries: [string, unknown][] = Array.isArray(item.value)
      ? item.value.map((v: unknown, i) => [String(i), v])
      : Object.entries(item.value);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i] ?? ['', undefined];
      const keyProblem = textProblem(key);
      if (keyProblem) {
        return { path: item.path, message: `has a field name that ${keyProblem}` };
      }
      stack.push({ value: child, path: `${item.path}.${key}` });
    }
  }
  return null;
}

function textProblem(text: string): string | null {
  if (text.includes(NUL)) {
    return 'contains a NUL character';
  }
  if (!isWellFormedText(text)) {
    return 'contains ill-formed Unicode (an unpaired surrogate)';
  }
  return null;
}

/**
 * Refuses, before validation, any request whose body, query or path parameters carry text that
 * cannot be stored faithfully (design.md §6.9): a 400 naming the field, nothing written.
 */
export function registerTextInputCheck(app: FastifyInstance): void {
  app.addHook('preValidation', (request, reply, done) => {
    const issue =
      findBadText(request.params, 'params') ??
      findBadText(request.query, 'querystring') ??
      findBadText(request.body, 'body');
    if (issue) {
      // Answered here: the request goes no further (a callback hook that answers skips `done`).
      sendError(request, reply, 'validation_failed', `${issue.path} ${issue.message}.`, [issue]);
      return;
    }
    done();
  });
}
