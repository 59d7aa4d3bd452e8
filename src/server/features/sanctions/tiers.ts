import { DEFAULT_SANCTION_TIERS } from '../../../contracts/sanctions';
import { appendAuditEvent, type AuditContext } from '../../platform/audit/append';
import type { AppDeps } from '../../platform/deps';
import type { Db } from '../../platform/db/types';
import { AppError } from '../../platform/errors';
import { listTiers, replaceTiers, usedTierNames } from './repository';

interface Tier {
  rank: number;
  name: string;
}

/** The organization's tiers, mildest first (rank 1), or Custos's default ones. */
export async function tiersOf(db: Db, orgId: string) {
  const rows = await listTiers(db, orgId);
  return {
    builtIn: rows.length === 0,
    data:
      rows.length === 0
        ? DEFAULT_SANCTION_TIERS.map((name, i) => ({ rank: i + 1, name }))
        : rows.map((r) => ({ rank: r.rank, name: r.name })),
  };
}

export async function getTiers(deps: AppDeps, orgId: string) {
  return tiersOf(deps.database.db, orgId);
}

/**
 * Progressive discipline: the tier after the highest one the person received, the last tier at
 * most, the first when none. A prior record counts with its tier's place today (tiers may have
 * been reordered), or with its place when decided if its tier is gone.
 */
export function nextTier(
  tiers: readonly Tier[],
  prior: readonly { decision_name: string; decision_rank: number }[],
): Tier | null {
  const rankOf = new Map(tiers.map((t) => [t.name.toLowerCase(), t.rank]));
  const highest = Math.max(
    0,
    ...prior.map((r) => rankOf.get(r.decision_name.toLowerCase()) ?? r.decision_rank),
  );
  return tiers.find((t) => t.rank > highest) ?? tiers.at(-1) ?? null;
}

/**
 * Replaces the tiers (renamed, added, reordered, removed). A tier a record was decided with stays:
 * the record names it, and progressive discipline counts it (164.308(a)(1)(ii)(C)).
 */
export async function setTiers(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  tiers: readonly string[],
) {
  const seen = new Set<string>();
  for (const [index, name] of tiers.entries()) {
    const key = name.trim().toLowerCase();
    if (seen.has(key)) throw AppError.field(`body.tiers.${index}`, 'names a tier twice');
    seen.add(key);
  }
  await deps.database.db.transaction().execute(async (trx) => {
    const before = await tiersOf(trx, orgId);
    const used = await usedTierNames(trx, orgId);
    const dropped = before.data.find(
      (t) => used.has(t.name.toLowerCase()) && !seen.has(t.name.toLowerCase()),
    );
    if (dropped) {
      throw AppError.field(
        'body.tiers',
        `must keep "${dropped.name}": a sanction record was decided with it`,
      );
    }
    await replaceTiers(
      trx,
      orgId,
      tiers.map((name, i) => ({ org_id: orgId, rank: i + 1, name })),
    );
    await appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'sanction_tiers.changed',
      entity: { type: 'organization', id: orgId },
      changes: {
        tiers: { before: before.data.map((t) => t.name).join('; '), after: tiers.join('; ') },
      },
    });
  });
  return getTiers(deps, orgId);
}
