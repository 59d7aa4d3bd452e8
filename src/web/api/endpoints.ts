import {
  pathOf,
  queryStringOf,
  type BodyOf,
  type ParamsOf,
  type QueryOf,
  type ResponseOf,
  type RouteContract,
} from '../../contracts/route';
import { request, upload } from './client';

type ParamsArg<C extends RouteContract> = C['params'] extends object ? [params: ParamsOf<C>] : [];
type PayloadArg<C extends RouteContract> = C['body'] extends object
  ? [body: BodyOf<C>]
  : C['upload'] extends true
    ? [file: File]
    : C['query'] extends object
      ? [query?: QueryOf<C>]
      : [];

/** A call of one operation: `api.tasks.update({ orgId, taskId }, body)`. */
export interface Call<C extends RouteContract> {
  (...args: [...ParamsArg<C>, ...PayloadArg<C>]): Promise<ResponseOf<C>>;
  readonly contract: C;
  /** The feature it belongs to: the first segment of its query keys. */
  readonly feature: string;
  /** Its query key: feature, organization, path and query. */
  key(...args: [...ParamsArg<C>, ...PayloadArg<C>]): readonly unknown[];
}

/** The address of a file operation (export, report), for a link or a download. */
export interface FileLink<C extends RouteContract> {
  (...args: [...ParamsArg<C>, ...PayloadArg<C>]): string;
  readonly contract: C;
  readonly feature: string;
}

export type Client<R extends Record<string, RouteContract>> = {
  [K in keyof R]: R[K]['file'] extends true ? FileLink<R[K]> : Call<R[K]>;
};

function split(contract: RouteContract, args: readonly unknown[]): [object, unknown] {
  return contract.params ? [args[0] as object, args[1]] : [{}, args[0]];
}

function addressOf(contract: RouteContract, params: object, query: unknown): string {
  const withQuery = contract.query && !contract.body && !contract.upload;
  return pathOf(contract, params) + (withQuery ? queryStringOf(query as object | undefined) : '');
}

/** A typed client of a feature's contracts, checking every answer against its response schema. */
export function clientOf<R extends Record<string, RouteContract>>(
  feature: string,
  contracts: R,
): Client<R> {
  const entries = Object.entries(contracts).map(([name, contract]) => {
    if (contract.file) {
      const link = (...args: unknown[]) => {
        const [params, query] = split(contract, args);
        return addressOf(contract, params, query);
      };
      return [name, Object.assign(link, { contract, feature })];
    }
    const call = async (...args: unknown[]) => {
      const [params, payload] = split(contract, args);
      const path = addressOf(contract, params, payload);
      const answer = contract.upload
        ? await upload(path, payload as File)
        : await request(contract.method, path, contract.body ? payload : undefined);
      return contract.response ? contract.response.parse(answer) : undefined;
    };
    const key = (...args: unknown[]) => {
      const [params, query] = split(contract, args);
      const orgId = (params as { orgId?: string }).orgId ?? null;
      return [feature, orgId, pathOf(contract, params), query ?? null] as const;
    };
    return [name, Object.assign(call, { contract, feature, key })];
  });
  return Object.fromEntries(entries) as Client<R>;
}
