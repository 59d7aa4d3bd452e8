import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors';
import { sendError } from './errors';

const CHARSET = /;\s*charset\s*=\s*"?([^";\s]+)/gi;
const UTF8 = new Set(['utf-8', 'utf8']);

/**
 * Reads JSON bodies as bytes and refuses, rather than repairs, what cannot be stored faithfully
 * (design.md §6.9): bytes that are not UTF-8 (a string parser would turn them into U+FFFD, stored
 * and hashed into the audit trail as if sent), another declared charset (415), and compressed
 * bodies (415: Custos does not inflate request bodies, so none can be a compression bomb). An
 * empty body is no body, whatever the Content-Type says.
 */
export function registerJsonBody(app: FastifyInstance): void {
  app.addHook('onRequest', (request, reply, done) => {
    const encoding = request.headers['content-encoding']?.trim().toLowerCase();
    // Only chunking may frame a body; a compression named in Transfer-Encoding is refused too.
    const transfer = (request.headers['transfer-encoding'] ?? '')
      .toLowerCase()
      .split(',')
      .map((t) => t.trim())
      .filter((t) => t !== '' && t !== 'chunked');
    if ((encoding !== undefined && encoding !== '' && encoding !== 'identity') || transfer.length) {
      sendError(
        request,
        reply,
        'unsupported_media_type',
        'Compressed request bodies are not accepted: send the body without Content-Encoding.',
      );
      return;
    }
    done();
  });
  // Fastify's own parser, with its refusal of __proto__ and constructor keys.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  const decoder = new TextDecoder('utf-8', { fatal: true });
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    const charsets = [...(request.headers['content-type'] ?? '').matchAll(CHARSET)].map((m) =>
      (m[1] ?? '').toLowerCase(),
    );
    if (charsets.some((c) => !UTF8.has(c))) {
      done(
        new AppError(
          'unsupported_media_type',
          'JSON bodies are read as UTF-8: send Content-Type: application/json; charset=utf-8.',
        ),
      );
      return;
    }
    let text: string;
    try {
      text = typeof body === 'string' ? body : decoder.decode(body);
    } catch {
      done(AppError.field('body', 'is not valid UTF-8'));
      return;
    }
    // No bytes is no body (a script's POST to rotate or mark read with the header set): routes
    // that take none go on, routes that need one refuse it naming `body`.
    if (text === '') {
      done(null, undefined);
      return;
    }
    void parseJson(request, text, done);
  });
}
