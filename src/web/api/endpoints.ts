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
    ? C['query'] extends object
      ? [file: File, query?: QueryOf<C>]
      : [file: File]
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

/** A call's arguments: path parameters, then the body, file or query, then an upload's query. */
function split(contract: RouteContract, args: readonly unknown[]): [object, unknown, unknown] {
  const [params, payload, extra] = contract.params ? args : [{}, ...args];
  return [params as object, payload, extra];
}

/** The query among a call's payload arguments: none with a body; after the file of an upload. */
function queryOf(contract: RouteContract, payload: unknown, extra: unknown): unknown {
  if (!contract.query || contract.body) {
    return undefined;
  }
  return contract.upload ? extra : payload;
}

function addressOf(contract: RouteContract, params: object, query: unknown): string {
  return pathOf(contract, params) + queryStringOf(query as object | undefined);
}

/** A typed client of a feature's contracts, checking every answer against its response schema. */
export function clientOf<R extends Record<string, RouteContract>>(
  feature: string,
  contracts: R,
): Client<R> {
  const entries = Object.entries(contracts).map(([name, contract]) => {
    if (contract.file) {
      const link = (...args: unknown[]) => {
        const [params, payload, extra] = split(contract, args);
        return addressOf(contract, params, queryOf(contract, payload, extra));
      };
      return [name, Object.assign(link, { contract, feature })];
    }
    const call = async (...args: unknown[]) => {
      const [params, payload, extra] = split(contract, args);
      const path = addressOf(contract, params, queryOf(contract, payload, extra));
      const answer = contract.upload
        ? await upload(path, payload as File)
        : await request(contract.method, path, contract.body ? payload : undefined);
      return contract.response ? contract.response.parse(answer) : undefined;
    };
    const key = (...args: unknown[]) => {
      const [params, payload, extra] = split(contract, args);
      const orgId = (params as { orgId?: string }).orgId ?? null;
      const query = queryOf(contract, payload, extra) ?? null;
      return [feature, orgId, pathOf(contract, params), query] as const;
    };
    return [name, Object.assign(call, { contract, feature, key })];
  });
  return Object.fromEntries(entries) as Client<R>;
}
