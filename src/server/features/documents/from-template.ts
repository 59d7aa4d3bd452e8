import type { DocumentDetail } from '../../../contracts/documents';
import type { AuditContext } from '../../platform/audit/append';
import type { AppDeps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { getProfile } from '../organizations/service/profile';
import { createDocumentIn, getDocument } from './service';
import {
  categoryOf,
  fillPolicyTemplate,
  findTemplate,
  loadPolicyTemplates,
  type PolicyTemplate,
} from './template-library';

/** The templates as the list shows them (without their bodies). */
export function listTemplates() {
  return {
    data: loadPolicyTemplates().map((t) => ({
      id: t.id,
      title: t.title,
      kind: t.kind,
      category: categoryOf(t),
      summary: t.summary,
      requirements: [...t.requirements],
    })),
  };
}

/** A template's body filled from the organization profile (its name, officials, time zone). */
export async function filledTemplate(
  deps: AppDeps,
  orgId: string,
  template: PolicyTemplate,
  effectiveDate?: string,
): Promise<string> {
  const profile = await getProfile(deps, orgId);
  return fillPolicyTemplate(template, {
    organizationName: profile.name,
    securityOfficial: profile.securityOfficial?.name ?? null,
    privacyOfficial: profile.privacyOfficial?.name ?? null,
    timeZone: profile.timeZone,
    effectiveDate: effectiveDate ?? null,
  });
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
  const template = findTemplate(templateId);
  if (!template) throw new AppError('not_found', 'No such template.');
  const body = await filledTemplate(deps, orgId, template);
  const id = await deps.database.db.transaction().execute((trx) =>
    createDocumentIn(trx, deps, context, orgId, {
      title: template.title,
      kind: template.kind,
      category: categoryOf(template),
      requirements: [...template.requirements],
      body,
    }),
  );
  return getDocument(deps, orgId, id);
}
