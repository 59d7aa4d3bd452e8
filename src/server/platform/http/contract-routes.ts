import type { FastifyContextConfig, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { RouteContract } from '../../../contracts/route';
import type { App } from './app';
import { sendError } from './errors';
import { unknownFields } from './unknown-fields';

type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;

/**
 * A request of a contract's route: params, query and body already validated by its schemas. An
 * upload's body is whatever its scope's content-type parser made of it: the handler checks it.
 */
export type ContractRequest<C extends RouteContract> = FastifyRequest & {
  params: Parsed<C['params']>;
  query: Parsed<C['query']>;
  body: C['upload'] extends true ? unknown : Parsed<C['body']>;
};

/**
 * What a handler answers: the response's value (the platform sets the status), a sent file, or,
 * where the contract documents other `responses`, the reply it sent with one of them.
 */
export type ContractAnswer<C extends RouteContract> = C['file'] extends true
  ? FastifyReply
  : | (C['response'] extends z.ZodType ? z.input<C['response']> : unknown)
    | (C['responses'] extends object ? FastifyReply : never);

export type ContractHandler<C extends RouteContract> = (
  request: ContractRequest<C>,
  reply: FastifyReply,
) => Promise<ContractAnswer<C>> | ContractAnswer<C>;

/** Handlers for every contract of a group, by the same keys: none can be forgotten. */
export type ContractHandlers<R extends Record<string, RouteContract>> = {
  [K in keyof R]: ContractHandler<R[K]>;
};

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The contract a route was registered from (tests drive every operation through it). */
    contract?: RouteContract;
  }
}

/**
 * A body object is strict at its top level, so the OpenAPI says no other field is taken; the
 * preValidation check below (unknown-fields.ts) refuses unknown fields at every depth, naming them.
 */
function knownFieldsOnly<S extends z.ZodType>(schema: S): S | z.ZodObject {
  return schema instanceof z.ZodObject ? schema.strict() : schema;
}

/** Fastify route options a contract gives beyond its schemas (an upload's own body limit). */
export interface RouteExtras {
  bodyLimit?: number;
  /** Route config beside the contract's permission (e.g. `passiveSession`). */
  config?: Omit<FastifyContextConfig, 'permission' | 'contract'>;
}

/** Registers one route from its contract: schemas, permission, success status. */
export function registerRoute<C extends RouteContract>(
  app: App,
  contract: C,
  handler: ContractHandler<C>,
  extras: RouteExtras = {},
): void {
  const status = contract.status ?? 200;
  const { config, ...options } = extras;
  const { body } = contract;
  app.route({
    method: contract.method,
    url: contract.path,
    ...options,
    ...(body && !contract.upload
      ? {
          // Before validation, which would drop them: fields the contract does not name, at any depth.
          preValidation: (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
            const issues = unknownFields(body, request.body, 'body');
            const first = issues[0];
            if (first) {
              sendError(
                request,
                reply,
                'validation_failed',
                `${first.path} ${first.message}.`,
                issues,
              );
              return;
            }
            done();
          },
        }
      : !body && !contract.upload
        ? {
            // A request that takes no body refuses one rather than ignore it ({} passes).
            preValidation: (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
              const given: unknown = request.body;
              const empty =
                given === undefined ||
                given === null ||
                (typeof given === 'object' &&
                  !Array.isArray(given) &&
                  Object.keys(given).length === 0);
              if (!empty) {
                const message = 'takes no body: send none';
                sendError(request, reply, 'validation_failed', `body ${message}.`, [
                  { path: 'body', message },
                ]);
                return;
              }
              done();
            },
          }
        : {}),
    config: { ...config, permission: contract.permission, contract },
    schema: {
      ...(contract.hidden ? { hide: true } : {}),
      tags: [...contract.tags],
      summary: contract.summary,
      ...(contract.description === undefined ? {} : { description: contract.description }),
      ...(contract.params ? { params: contract.params } : {}),
      ...(contract.query ? { querystring: contract.query } : {}),
      ...(contract.body ? { body: knownFieldsOnly(contract.body) } : {}),
      ...(contract.response || contract.responses
        ? {
            response: {
              ...(contract.response ? { [status]: contract.response } : {}),
              ...contract.responses,
            },
          }
        : {}),
    },
    handler: async (request, reply) => {
      // Fastify validated params, query and body with the contract's schemas before this runs.
      const answer: unknown = await handler(request as ContractRequest<C>, reply);
      if (contract.file || reply.sent) {
        return reply;
      }
      reply.code(status);
      return status === 204 ? reply.send() : answer;
    },
  });
}

/** Registers every contract of a group with its handler (and, for some, their extras). */
export function registerRoutes<R extends Record<string, RouteContract>>(
  app: App,
  contracts: R,
  handlers: ContractHandlers<R>,
  extras: Partial<Record<keyof R, RouteExtras>> = {},
): void {
  for (const key of Object.keys(contracts) as (keyof R & string)[]) {
    registerRoute(app, contracts[key], handlers[key], extras[key]);
  }
}
