import type { z } from 'zod';
import type { AuditAction } from './audit-actions';
import type { Permission } from './permissions';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Gives the id of a record of the kind a path parameter names (`riskId`), for examples; `nth`
 * (from 0, the default) picks another record of that kind, for a body naming two (a flow's ends).
 */
export type ExampleIds = (param: string, nth?: number) => string;

/**
 * One HTTP operation, declared once: the server registers it from here (validation, permission,
 * OpenAPI), the web calls it through the typed client, and the tests drive it.
 */
export interface RouteContract {
  readonly method: Method;
  /** Fastify-style path, parameters as `:name`. */
  readonly path: string;
  readonly tags: readonly string[];
  readonly summary: string;
  readonly description?: string;
  /** The permission of src/contracts/permissions.ts the caller's role must hold. */
  readonly permission: Permission;
  readonly params?: z.ZodObject;
  readonly query?: z.ZodObject;
  readonly body?: z.ZodType;
  /** The success status; 200 by default. */
  readonly status?: 200 | 201 | 202 | 204;
  /** The JSON answer on success; none for 204 and for files (`file: true`). */
  readonly response?: z.ZodType;
  /**
   * Other answers the route documents, by status (a probe's 503 "not ready"); a handler gives one
   * by sending its reply itself.
   */
  readonly responses?: Readonly<Record<number, z.ZodType>>;
  /** Left out of the OpenAPI document (the document's own route). */
  readonly hidden?: true;
  /** The answer is a file (CSV, XLSX, PDF): not JSON, downloaded by link. */
  readonly file?: true;
  /** The body is a file sent as is (CSV or XLSX), not JSON. */
  readonly upload?: true;
  /** Audit actions a successful call writes (at least one of them); every write declares some. */
  readonly audits?: readonly AuditAction[];
  /** A valid body for tests, built from ids of the target organization's records. */
  readonly example?: (id: ExampleIds) => unknown;
  /** The query the tests send with the example, where the write depends on it (an import's commit). */
  readonly exampleQuery?: Readonly<Record<string, string>>;
  /** Web query keys (first segments) a successful call makes stale. */
  readonly invalidates?: readonly string[];
}

/** Declares a route contract, keeping its literal types for the server and the client. */
export function route<const C extends RouteContract>(contract: C): C {
  return contract;
}

/** Path parameters of a contract: its params schema's input, or none. */
export type ParamsOf<C extends RouteContract> = C['params'] extends z.ZodObject
  ? z.input<C['params']>
  : Record<string, never>;

/** The query of a contract, as the caller writes it. */
export type QueryOf<C extends RouteContract> = C['query'] extends z.ZodObject
  ? z.input<C['query']>
  : undefined;

/** The body of a contract, as the caller writes it. */
export type BodyOf<C extends RouteContract> = C['body'] extends z.ZodType
  ? z.input<C['body']>
  : undefined;

/** What a successful call answers, as the client reads it. */
export type ResponseOf<C extends RouteContract> = C['response'] extends z.ZodType
  ? z.output<C['response']>
  : undefined;

function scalar(value: unknown, name: string): string {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  throw new Error(`"${name}" must be a string, number or boolean`);
}

/** Fills a contract's path with its parameters (each URI-encoded). */
export function pathOf(contract: Pick<RouteContract, 'path'>, params: object): string {
  const values = params as Record<string, unknown>;
  return contract.path.replace(/:(\w+)/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined || value === null || value === '') {
      throw new Error(`${contract.path} needs its "${name}" parameter`);
    }
    return encodeURIComponent(scalar(value, name));
  });
}

/** A query string (with its "?") of the defined values of `query`; arrays repeat their key. */
export function queryStringOf(query: object | undefined): string {
  if (!query) {
    return '';
  }
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    for (const item of [value].flat() as unknown[]) {
      if (item !== undefined && item !== null && item !== '') {
        search.append(key, scalar(item, key));
      }
    }
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
