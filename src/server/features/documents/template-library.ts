import { SAFEGUARD_CATEGORY_LABELS } from '../../../contracts/catalog';
import { loadPolicyTemplates, type PolicyTemplate } from './templates';

// The policy templates (content/policies/, features/documents/templates.ts) as the documents
// feature uses them: a category is shown in words.

export { fillPolicyTemplate, loadPolicyTemplates, type PolicyTemplate } from './templates';

/** A template's category as a document's category reads ("Administrative safeguards"). */
export function categoryOf(template: PolicyTemplate): string {
  return SAFEGUARD_CATEGORY_LABELS[template.category];
}

/** The template of an id, if any. */
export function findTemplate(id: string): PolicyTemplate | undefined {
  return loadPolicyTemplates().find((t) => t.id === id);
}
