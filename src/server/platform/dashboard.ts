import type { Dashboard } from '../../contracts/dashboard';
import type { Permission } from '../../contracts/permissions';
import type { AppDeps } from './deps';

export type NextAction = Dashboard['nextActions'][number];
export type FirstWeekStep = Dashboard['firstWeek'][number];

/** One dashboard request: who looks at which organization, acting with which permissions. */
export interface DashboardAsk {
  readonly deps: AppDeps;
  readonly orgId: string;
  readonly userId: string;
  /** Whether the request's acting role holds a permission (platform/auth/acting.ts). */
  readonly holds: (permission: Permission) => boolean;
}

/** An item and its place among every feature's items (lower first). */
export interface Ranked<T> {
  readonly rank: number;
  readonly item: T;
  /**
   * Whom the item is for: it is shown only to a role holding every one of these. Name the
   * permission of the data route of the page its link opens (`routes.list.permission`), and the
   * one of the act it asks for, so nobody is sent where their role cannot go.
   */
  readonly for: readonly Permission[];
}

/** The items the asker's role may see (every permission of `for` held). */
function visible<T>(items: readonly Ranked<T>[], holds: (p: Permission) => boolean) {
  return items.filter((r) => r.for.every(holds));
}

/**
 * What a feature adds to the dashboard, declared in its manifest (`dashboard`). The dashboard asks
 * every feature through `deps.dashboard`, so it imports none of them for these (issue 11).
 */
export type DashboardContribution = Contribution<DashboardAsk>;

/** A contribution answering some request (tests ask with a plain value). */
export interface Contribution<Ask> {
  /** The feature's steps of the guided first week (a step replaces the "coming" one of its id). */
  readonly firstWeek?: (ask: Ask) => Promise<readonly Ranked<FirstWeekStep>[]>;
  /** What to do next in the feature; the dashboard shows the first five of all, by rank. */
  readonly nextActions?: (ask: Ask) => Promise<readonly Ranked<NextAction>[]>;
}

/**
 * `load` run once per dashboard request however many features ask (the safeguard records feed
 * the figures and the next actions; the task summary too).
 */
export function oncePerAsk<T, Ask extends object = DashboardAsk>(load: (ask: Ask) => Promise<T>) {
  const loaded = new WeakMap<Ask, Promise<T>>();
  return (ask: Ask): Promise<T> => {
    const known = loaded.get(ask);
    if (known) return known;
    const promise = load(ask);
    loaded.set(ask, promise);
    return promise;
  };
}

const byRank = <T>(items: readonly Ranked<T>[]) =>
  items.toSorted((a, b) => a.rank - b.rank).map((r) => r.item);

/** A request as the collectors need it: any value saying which permissions it holds. */
type Asking = Pick<DashboardAsk, 'holds'>;

/** Every feature's next actions this request's role may see, by rank. */
export async function collectNextActions<Ask extends Asking = DashboardAsk>(
  contributions: readonly Contribution<Ask>[],
  ask: Ask,
): Promise<NextAction[]> {
  const lists = await Promise.all(
    contributions.map((c) => c.nextActions?.(ask) ?? Promise.resolve([])),
  );
  return byRank(visible(lists.flat(), ask.holds));
}

/**
 * Every feature's first-week steps, with the placeholders of features still to come that no
 * feature declares yet (adding the feature replaces its placeholder without an edit here).
 */
export async function collectFirstWeek<Ask extends Asking = DashboardAsk>(
  contributions: readonly Contribution<Ask>[],
  ask: Ask,
  coming: readonly Ranked<FirstWeekStep>[],
): Promise<FirstWeekStep[]> {
  const steps = (
    await Promise.all(contributions.map((c) => c.firstWeek?.(ask) ?? Promise.resolve([])))
  ).flat();
  const declared = new Set(steps.map((s) => s.item.id));
  return byRank(visible([...steps, ...coming.filter((c) => !declared.has(c.item.id))], ask.holds));
}
