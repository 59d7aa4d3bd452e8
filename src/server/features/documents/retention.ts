import { addMonths } from '../../platform/time';

// 164.316(b)(2)(i): documentation is kept six years from its creation or from when it was last
// in effect, whichever is later.
// TODO(issue 14, part 5): call retainUntilIn from features/retention once it is on main (the
// organization's own number of years, legal holds).
const RETENTION_YEARS = 6;

/** The date until which a version is kept: the later of its creation and its last day in effect. */
export function retainUntil(createdAt: string, lastInEffectAt: string | null): string {
  const from = lastInEffectAt && lastInEffectAt > createdAt ? lastInEffectAt : createdAt;
  return addMonths(from.slice(0, 10), RETENTION_YEARS * 12);
}
