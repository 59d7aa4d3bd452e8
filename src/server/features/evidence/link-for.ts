import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import type { AuditContext } from '../../platform/audit/append';
import type { AppDeps } from '../../platform/deps';
import { findLinkItemByUrl } from './repository';
import { newEvidenceRowIn } from './service';

/**
 * The evidence item of kind link recording `url` for another feature's record (a task completed
 * with an address), in the caller's transaction: the organization's item for that address if it
 * has one (as migrations 0019 and 0022 keep one item per address), else a new one, audited and in
 * the retention register (164.316(b)(2)(i)). Returns its id, for the caller to link.
 */
export async function evidenceLinkForIn(
  trx: Transaction<Database>,
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  link: { url: string; title: string; collectedOn: string },
): Promise<string> {
  const existing = await findLinkItemByUrl(trx, orgId, link.url);
  if (existing) return existing.id;
  const row = await newEvidenceRowIn(trx, deps, context, orgId, {
    kind: 'link',
    title: link.title.slice(0, 200),
    url: link.url,
    collected_on: link.collectedOn,
  });
  return row.id;
}
