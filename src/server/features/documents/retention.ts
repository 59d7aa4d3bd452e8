import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import type { AppDeps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { assertMayDeleteIn, holdInForce, keepRecordIn } from '../retention/service';
import { versionName } from './presenter';
import type { DocumentsTable, DocumentVersionsTable } from './tables';

// 164.316(b)(2)(i): a version that reached review is documentation, kept from the later of its
// creation and its last day in effect, for the organization's retention years (six at least).

/**
 * Enters a version in the retention register (or moves its start to `lastInEffectAt`) and gives the
 * date it is kept until, stored on the version; `inEffect` marks it kept while in effect.
 */
export function keepVersionIn(
  trx: Transaction<Database>,
  deps: AppDeps,
  document: DocumentsTable,
  version: DocumentVersionsTable,
  lastInEffectAt: string | null,
  inEffect = false,
): Promise<string> {
  return keepRecordIn(trx, deps, document.org_id, {
    type: 'document_version',
    id: version.id,
    opensId: document.id,
    label: `${versionName(document.number, version.number)} ${version.title}`,
    createdAt: version.created_at,
    lastInEffectAt,
    inEffect,
  });
}

/**
 * Refuses to delete a version in effect (retire it first), one under legal hold, or one that
 * reached review before its retention ends (409 naming the date); a draft never submitted is no
 * record yet and goes freely.
 */
export async function assertMayDeleteVersionIn(
  trx: Transaction<Database>,
  deps: AppDeps,
  document: DocumentsTable,
  version: DocumentVersionsTable,
): Promise<void> {
  const name = versionName(document.number, version.number);
  if (version.status === 'in_effect') {
    throw new AppError('conflict', `${name} is in effect: retire it first.`);
  }
  if (version.submitted_at === null) return;
  await assertMayDeleteIn(trx, deps, document.org_id, {
    type: 'document_version',
    id: version.id,
    label: name,
    ...(version.retain_until ? { retainUntil: version.retain_until } : {}),
  });
}

/**
 * A version under legal hold keeps its text as it is: it is neither returned to draft nor changed
 * until the hold is released (164.316(b)(2)(i); 409 naming the hold).
 */
export async function refuseWhileHeld(
  trx: Transaction<Database>,
  document: DocumentsTable,
  version: DocumentVersionsTable,
  act: string,
): Promise<void> {
  const hold = await holdInForce(trx, document.org_id, {
    type: 'document_version',
    id: version.id,
  });
  if (hold) {
    throw new AppError(
      'conflict',
      `${versionName(document.number, version.number)} is under legal hold ${hold.reference} (${hold.reason}): it cannot ${act} until the hold is released.`,
    );
  }
}
