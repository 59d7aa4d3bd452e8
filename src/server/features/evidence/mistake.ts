import type { AuditContext } from '../../platform/audit/append';

/** How long the person who added an item may take it back as a mistake (a wrong file). */
export const MISTAKE_HOURS = 24;

/**
 * Whether the acting person added the item less than MISTAKE_HOURS ago: a wrong file (perhaps
 * holding PHI that does not belong here) is no documentation yet, and its owner may remove it
 * (164.316(b)(2)(i) keeps documentation, not mistakes). The removal is audited like any other.
 */
export function isFreshMistake(
  item: { created_at: string; created_by: string | null },
  context: AuditContext,
  now: Date,
): boolean {
  return (
    context.actor.type === 'user' &&
    item.created_by === context.actor.id &&
    now.getTime() - Date.parse(item.created_at) < MISTAKE_HOURS * 3_600_000
  );
}
