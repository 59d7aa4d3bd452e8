import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import type { AuditContext } from '../../platform/audit/append';
import type { AppDeps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { createLinkIn, linkedIds, removeLinkBetweenIn } from '../links/service';

/**
 * The requirements a document addresses are links from their safeguard records to the document
 * (record_links): the one source, so each safeguard's page shows its policies with its other
 * evidence. Sets them to exactly `citations`, each change audited by the links feature.
 */
export async function syncRequirementsIn(
  trx: Transaction<Database>,
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  documentId: string,
  citations: readonly string[],
): Promise<void> {
  const known = await deps.links.target('safeguard')?.exists(trx, orgId, citations);
  citations.forEach((citation, index) => {
    if (!known?.has(citation)) {
      throw AppError.field(`body.requirements.${index}`, 'names no requirement of the catalog');
    }
  });
  const wanted = [...new Set(citations)];
  const held = (await linkedIds(trx, orgId, 'document', [documentId], 'safeguard')).get(documentId);
  const document = { type: 'document', id: documentId } as const;
  for (const citation of wanted) {
    if (held?.includes(citation)) continue;
    await createLinkIn(trx, deps, context, orgId, {
      from: { type: 'safeguard', id: citation },
      to: document,
    });
  }
  for (const citation of held ?? []) {
    if (wanted.includes(citation)) continue;
    await removeLinkBetweenIn(
      trx,
      deps,
      context,
      orgId,
      { type: 'safeguard', id: citation },
      document,
    );
  }
}
