import * as features from '../../contracts/features';
import type { RouteContract } from '../../contracts/route';
import { authApi } from './auth';
import { clientOf, type Client } from './endpoints';

type Features = typeof features;

/** A contract module's route table: its one export named `<feature>Routes`. */
type RoutesOf<M> = M[Extract<keyof M, `${string}Routes`>];

/** The typed client of every feature of contracts/features.ts, by its export name there. */
export type Api = {
  [K in keyof Features]: RoutesOf<Features[K]> extends Record<string, RouteContract>
    ? Client<RoutesOf<Features[K]>>
    : never;
};

/** The route table of a contract module, failing loudly unless it has exactly one. */
function routesOf(name: string, module: object): Record<string, RouteContract> {
  const tables = Object.entries(module).filter(([key]) => key.endsWith('Routes'));
  const [table] = tables;
  if (tables.length !== 1 || !table) {
    throw new Error(`contracts/features.ts: "${name}" must export one <feature>Routes table`);
  }
  return table[1] as Record<string, RouteContract>;
}

function clientsOf(): Api {
  const entries = Object.entries(features).map(([name, module]) => [
    name,
    // The app shell's client, so that it and the pages share one (api/auth.ts).
    name === 'auth' ? authApi : clientOf(module.feature, routesOf(name, module)),
  ]);
  return Object.fromEntries(entries) as Api;
}

/**
 * The typed client of every feature's contracts, derived from contracts/features.ts (a new feature
 * adds no line here): `api.tasks.update({ orgId, taskId }, body)`.
 */
export const api = clientsOf();
