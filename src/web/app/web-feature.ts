import type { Icon } from '@tabler/icons-react';
import type { RouteObject } from 'react-router';
import type { Permission } from '../../contracts/permissions';

/** The navigation's groups, in order: the areas of the design. */
export const NAV_GROUPS = [
  'Program',
  'Risk',
  'Documentation',
  'Workforce',
  'Vendors',
  'Operations',
  'Reports',
  'Administration',
] as const;
export type NavGroupName = (typeof NAV_GROUPS)[number];

/** An entry of the navigation, declared by the feature whose page it opens. */
export interface NavEntry {
  readonly group: NavGroupName;
  /** Its place in the group: entries sort by it. */
  readonly order: number;
  readonly label: string;
  readonly path: string;
  readonly icon: Icon;
  /** One line for the overview page. */
  readonly summary: string;
  /** Hidden from members whose role lacks it (the server refuses them anyway). */
  readonly permission?: Permission;
}

/**
 * A feature's web manifest, exported as `manifest` by `src/web/features/<feature>/index.tsx`:
 * the router and the navigation assemble from them (app/features.ts).
 */
export interface WebFeature {
  /** Its folder, as its contract module's `feature` names it. */
  readonly feature: string;
  /** Pages inside the app shell (signed in, with the navigation); lazy, one chunk each. */
  readonly pages?: readonly RouteObject[];
  /** Pages on their own, outside the shell (sign-in, setup, a print view). */
  readonly fullPages?: readonly RouteObject[];
  readonly navigation?: readonly NavEntry[];
}

/** An item of the navigation as shown: a feature's entry, or a placeholder of one to come. */
export interface NavItem extends Omit<NavEntry, 'group' | 'order'> {
  /** False for a feature not built yet: shown as coming, never as a link to nowhere. */
  readonly available: boolean;
}

export interface NavGroup {
  readonly label: NavGroupName;
  readonly items: readonly NavItem[];
}

/**
 * A page that only some roles may open: the app shows others a plain "not open to your role"
 * page (app/PermissionGate.tsx) instead of asking the server for what it would refuse.
 */
export function needs(permission: Permission, route: RouteObject): RouteObject {
  return { ...route, handle: { permission } };
}

function fail(where: string, problem: string): never {
  throw new Error(`${where}: ${problem}`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function checkList(where: string, value: unknown, name: string): void {
  if (value !== undefined && !Array.isArray(value)) {
    fail(where, `"${name}" must be a list`);
  }
}

function checkEntry(where: string, entry: unknown): void {
  if (
    !isRecord(entry) ||
    !NAV_GROUPS.some((g) => g === entry.group) ||
    typeof entry.order !== 'number' ||
    typeof entry.label !== 'string' ||
    typeof entry.path !== 'string' ||
    typeof entry.summary !== 'string' ||
    entry.icon === undefined
  ) {
    fail(
      where,
      `a navigation entry needs group (${NAV_GROUPS.join(', ')}), order, label, path, icon, summary`,
    );
  }
}

function isWebFeature(where: string, folder: string, value: unknown): value is WebFeature {
  if (!isRecord(value)) {
    fail(where, 'must export `manifest`, the feature’s web manifest (app/web-feature.ts)');
  }
  if (value.feature !== folder) {
    fail(where, `manifest.feature must be "${folder}", its folder`);
  }
  checkList(where, value.pages, 'pages');
  checkList(where, value.fullPages, 'fullPages');
  checkList(where, value.navigation, 'navigation');
  for (const entry of Array.isArray(value.navigation) ? value.navigation : []) {
    checkEntry(where, entry);
  }
  return true;
}

/**
 * The manifests of the modules `import.meta.glob('../features/*\/index.tsx')` found, by path,
 * checked: each exports `manifest`, named after its folder, a folder of `known` features.
 */
export function webFeaturesOf(
  modules: Readonly<Record<string, unknown>>,
  known: readonly string[],
): WebFeature[] {
  return Object.entries(modules).map(([path, module]) => {
    const folder =
      /\/features\/([^/]+)\/index\.tsx$/.exec(path)?.[1] ?? fail(path, 'unexpected path');
    if (!known.includes(folder)) {
      fail(
        path,
        `"${folder}" is no feature of contracts/features.ts (shared parts go to components/)`,
      );
    }
    const manifest = isRecord(module) ? module.manifest : undefined;
    return isWebFeature(path, folder, manifest) ? manifest : fail(path, 'no manifest');
  });
}

/** Fails when two features claim one path. */
function checkOnce(paths: readonly string[], what: string): void {
  const seen = new Set<string>();
  for (const path of paths) {
    if (seen.has(path)) {
      fail(what, `"${path}" is declared twice`);
    }
    seen.add(path);
  }
}

/** The routes of the features' pages: inside the shell, and on their own. */
export function routesOf(features: readonly WebFeature[]) {
  const pages = features.flatMap((f) => f.pages ?? []);
  const fullPages = features.flatMap((f) => f.fullPages ?? []);
  checkOnce(
    [...pages, ...fullPages].map((r) => (r.index ? '/' : (r.path ?? ''))),
    'web routes',
  );
  return { pages, fullPages };
}

function itemOf(
  entry: Omit<NavEntry, 'permission'> & Partial<NavEntry>,
  available: boolean,
): NavItem {
  const { label, path, icon, summary, permission } = entry;
  return permission
    ? { label, path, icon, summary, permission, available }
    : { label, path, icon, summary, available };
}

/**
 * The navigation: the features' entries and, where no feature declares their path yet, the
 * placeholders of features to come, grouped in NAV_GROUPS order and sorted by `order`.
 */
export function navigationOf(
  features: readonly WebFeature[],
  coming: readonly Omit<NavEntry, 'permission'>[],
): NavGroup[] {
  const built = features.flatMap((f) => f.navigation ?? []);
  checkOnce(
    built.map((e) => e.path),
    'navigation',
  );
  const items = [
    ...built.map((entry) => ({ entry, available: true })),
    ...coming
      .filter((c) => !built.some((e) => e.path === c.path))
      .map((entry) => ({ entry, available: false })),
  ];
  return NAV_GROUPS.map((label) => ({
    label,
    items: items
      .filter(({ entry }) => entry.group === label)
      .sort((a, b) => a.entry.order - b.entry.order)
      .map(({ entry, available }) => itemOf(entry, available)),
  })).filter((g) => g.items.length > 0);
}
