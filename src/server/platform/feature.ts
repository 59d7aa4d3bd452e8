import type { Migration } from 'kysely';
import type { LinkType } from '../../contracts/links';
import type { Database } from '../db/schema';
import type { DashboardContribution } from './dashboard';
import type { Db } from './db/types';
import type { DemoStep } from './demo';
import type { AppDeps } from './deps';
import type { App } from './http/app';
import type { JobKind, JobSchedule } from './jobs/types';

/**
 * What the platform needs from a feature, declared in the feature's `index.ts` as `feature`.
 * src/server/features/index.ts loads one for each module of src/contracts/features.ts.
 */
export interface Feature {
  /** The folder's name. */
  readonly name: string;
  /**
   * The tables the feature owns (declared in its `tables.ts`): only its repositories write them
   * (db/table-owners.ts builds the owner of each table from these).
   */
  readonly tables?: readonly (keyof Database)[];
  /**
   * The feature's migrations, `features/<feature>/migrations/NNNN_verb_object.ts` keyed by that
   * name; the migrator runs them with db/migrations, all ordered by name. A released one never changes.
   */
  readonly migrations?: Readonly<Record<string, Migration>>;
  /** Registers the feature's routes (from its contracts). */
  readonly routes?: (app: App, deps: AppDeps) => void;
  /** Checks the feature's content files at start; throws naming the file and field. */
  readonly checkContent?: () => void;
  /**
   * What each path parameter of the feature's routes names (`taskId: 'tasks'`): the table of an
   * organization's records, or `{ shared }`, an id that is the same in every organization (a
   * catalog citation), with an example. The cross-tenant and audit tests take ids from here.
   */
  readonly records?: Readonly<Record<string, string | { readonly shared: string }>>;
  /**
   * The feature's records as ends of links (record_links), one target per link type: the links
   * feature asks through this.
   */
  readonly link?: LinkTarget | readonly LinkTarget[];
  /** Its first-week steps and next actions on the dashboard. */
  readonly dashboard?: DashboardContribution;
  /** Its kinds of background work (platform/jobs), given the app's dependencies. */
  readonly jobs?: (deps: AppDeps) => readonly JobKind[];
  /** Its work on a timetable: each names one of its job kinds. */
  readonly schedules?: readonly JobSchedule[];
  /** Its part of the demo clinic (`custos demo`, and the tests' clinics). */
  readonly demo?: readonly DemoStep[];
}

/**
 * A kind of record other records can link to, declared by the feature that owns its table, so the
 * links feature never reads another feature's table (issue 11).
 */
export interface LinkTarget {
  /** The link type (`LINK_TYPES` in src/contracts/links.ts). */
  readonly type: LinkType;
  /** The ids among `ids` that name a record of the organization. */
  exists(db: Db, orgId: string, ids: readonly string[]): Promise<ReadonlySet<string>>;
  /** A readable label for each id asked for (one that names no record gets a generic label). */
  labels(db: Db, orgId: string, ids: readonly string[]): Promise<ReadonlyMap<string, string>>;
}

const OPTIONAL_FIELDS = {
  tables: 'array',
  migrations: 'object',
  routes: 'function',
  checkContent: 'function',
  records: 'object',
  link: 'object',
  dashboard: 'object',
  demo: 'array',
  jobs: 'function',
  schedules: 'array',
} as const;

/** Whether `value` has a feature manifest's shape: a name, and each field it has of its kind. */
export function isFeature(value: unknown): value is Feature {
  if (typeof value !== 'object' || value === null || !('name' in value)) return false;
  if (typeof value.name !== 'string') return false;
  return Object.entries(OPTIONAL_FIELDS).every(([field, kind]) => {
    if (!(field in value)) return true;
    const held: unknown = Object.getOwnPropertyDescriptor(value, field)?.value;
    if (held === undefined) return true;
    return kind === 'array' ? Array.isArray(held) : typeof held === kind && held !== null;
  });
}

/**
 * The manifest a feature folder's `index.ts` exports as `feature`; throws naming the folder when
 * it exports none, or one of another name (a typo in the folder or the contract's `feature`).
 */
export function featureManifest(folder: string, module: unknown): Feature {
  const manifest =
    typeof module === 'object' && module !== null && 'feature' in module
      ? module.feature
      : undefined;
  if (!isFeature(manifest)) {
    throw new Error(`src/server/features/${folder}/index.ts exports no feature manifest`);
  }
  if (manifest.name !== folder) {
    throw new Error(
      `src/server/features/${folder}/index.ts declares the feature "${manifest.name}", not "${folder}"`,
    );
  }
  return manifest;
}
