import type { DocumentDetail } from '../../../contracts/documents';
import type { AuditContext } from '../../platform/audit/append';
import type { AppDeps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { getProfile } from '../organizations/service/profile';
import { createDocumentIn, getDocument } from './service';
import { fillPolicyTemplate, loadPolicyTemplates } from './template-library';

/** The templates as the list shows them (without their bodies). */
export function listTemplates() {
  return {
    data: loadPolicyTemplates().map((t) => ({
      id: t.id,
      title: t.title,
      kind: t.kind,
      category: t.category,
      summary: t.summary,
      requirements: [...t.requirements],
    })),
  };
}

/**
 * A new document whose first draft is the template filled from the organization profile, linked
 * to the safeguard records of the requirements the template addresses.
 */
export async function createFromTemplate(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  templateId: string,
): Promise<DocumentDetail> {
  const template = loadPolicyTemplates().find((t) => t.id === templateId);
  if (!template) throw new AppError('not_found', 'No such template.');
  const profile = await getProfile(deps, orgId);
  const body = fillPolicyTemplate(template, {
    organizationName: profile.name,
    securityOfficial: profile.securityOfficial?.name ?? 'the Security Official',
    privacyOfficial: profile.privacyOfficial?.name ?? 'the Privacy Official',
    timeZone: profile.timeZone,
  });
  const id = await deps.database.db.transaction().execute((trx) =>
    createDocumentIn(trx, deps, context, orgId, {
      title: template.title,
      kind: template.kind,
      category: template.category,
      requirements: [...template.requirements],
      body,
    }),
  );
  return getDocument(deps, orgId, id);
}
