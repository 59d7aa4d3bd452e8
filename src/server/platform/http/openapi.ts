import { readFileSync } from 'node:fs';
import path from 'node:path';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { packageRoot } from '../package-info';

// The version of the API description, not of the release: the exact release would tell anyone
// which known flaws an installation has; signed-in admins see it in GET /api/status.
const API_VERSION = '1';

/** The OpenAPI 3 document, generated from the zod route schemas. */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Custos API',
        version: API_VERSION,
        description: 'Run a HIPAA Security Rule program and prove it to an auditor.',
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
    hiddenTag: 'internal',
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    uiConfig: { deepLinking: true },
    logo: {
      type: 'image/svg+xml',
      content: readFileSync(path.join(packageRoot(), 'src', 'web', 'public', 'favicon.svg')),
    },
  });
}
