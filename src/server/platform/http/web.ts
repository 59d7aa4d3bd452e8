import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { pathOf, sendError } from './errors';

const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Serves the built web app from `root`: hashed assets cached for a year, index.html revalidated
 * every time, and unknown non-API paths answered with index.html so the client router takes over.
 */
export async function registerWebApp(app: FastifyInstance, root: string): Promise<void> {
  const index = path.join(root, 'index.html');
  const built = existsSync(index);
  if (built) {
    await app.register(fastifyStatic, {
      root,
      wildcard: false,
      cacheControl: false,
      setHeaders: (res, file) => {
        const assets = file.startsWith(path.join(root, 'assets') + path.sep);
        res.setHeader('cache-control', assets ? IMMUTABLE : 'no-cache');
      },
    });
  } else {
    app.log.warn('The web app is not built; run `npm run build`. The API is served regardless.');
  }

  app.setNotFoundHandler((request, reply) => {
    const urlPath = pathOf(request);
    const api = urlPath === '/api' || urlPath.startsWith('/api/');
    const lastSegment = urlPath.slice(urlPath.lastIndexOf('/') + 1);
    // A missing file (name.ext) is a 404; anything else is a page, including citations such as
    // /safeguards/164.308(a)(2) whose dots are not extensions.
    const page =
      (request.method === 'GET' || request.method === 'HEAD') &&
      !/\.[A-Za-z0-9]+$/.test(lastSegment);
    if (!api && page && built) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    const what = api ? 'API route' : 'page or file';
    return sendError(
      request,
      reply,
      'not_found',
      `No ${what} matches ${request.method} ${urlPath}.`,
    );
  });
}
