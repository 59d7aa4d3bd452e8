import { z } from 'zod';
import type { AppDeps } from '../../platform/deps';
import { actingAs as as, demoStep, type DemoClinic } from '../../platform/demo';
import { addDays, addMonths } from '../../platform/time';
import { approveVersion, putVersionInEffect, retireVersion, submitVersion } from './approval';
import { createDocumentIn, getDocument } from './service';
import { filledTemplate } from './from-template';
import { categoryOf, findTemplate } from './template-library';
import { withFirstChoices } from './templates';
import { changeVersion, startVersion } from './versions';

// The demo clinic's policies, from the templates (content/policies): one of each state, and one
// with three versions (superseded, in effect, a draft), and one approved but not yet in effect.
interface DemoPolicy {
  template: string;
  /** How far the policy got, and how long ago it took effect (months). */
  goes: 'draft' | 'in_review' | 'approved' | 'in_effect' | 'revised' | 'retired';
  monthsAgo?: number;
}

const POLICIES: DemoPolicy[] = [
  { template: 'workstation-use-security', goes: 'revised', monthsAgo: 20 },
  { template: 'security-management', goes: 'in_effect', monthsAgo: 11 },
  { template: 'sanctions', goes: 'in_review' },
  { template: 'security-incident-response', goes: 'approved' },
  { template: 'data-backup', goes: 'draft' },
  { template: 'transmission-security', goes: 'retired', monthsAgo: 30 },
];

const at = (deps: AppDeps, date: string): AppDeps => ({
  ...deps,
  clock: { now: () => new Date(`${date}T16:00:00Z`) },
});

async function seedPolicy(clinic: DemoClinic, policy: DemoPolicy): Promise<void> {
  const { deps, context, orgId, person, today } = clinic;
  const grace = as(context, person('grace'));
  const priya = as(context, person('priya'));
  const dana = as(context, person('dana'));
  const start = addMonths(today, -(policy.monthsAgo ?? 0));
  const then = at(deps, addDays(start, -7));
  const template = findTemplate(policy.template);
  if (!template) throw new Error(`the demo names no template ${policy.template}`);
  // The demo clinic made its choices, except in the draft it is still writing.
  const filled = await filledTemplate(deps, orgId, template, start);
  const body = policy.goes === 'draft' ? filled : withFirstChoices(filled);
  const id = await deps.database.db.transaction().execute((trx) =>
    createDocumentIn(trx, then, grace, orgId, {
      title: template.title,
      kind: template.kind,
      category: categoryOf(template),
      ownerId: person('priya'),
      requirements: [...template.requirements],
      body,
    }),
  );
  const [first] = (await getDocument(deps, orgId, id)).versions;
  if (!first || policy.goes === 'draft') return;
  await submitVersion(then, grace, orgId, id, first.id);
  if (policy.goes === 'in_review') return;
  await approveVersion(at(deps, addDays(start, -2)), priya, orgId, id, first.id, 'Adopted.');
  if (policy.goes === 'approved') return;
  await putVersionInEffect(at(deps, start), priya, orgId, id, first.id, start);
  if (policy.goes === 'retired') {
    await retireVersion(at(deps, addMonths(start, 12)), dana, orgId, id, first.id);
    return;
  }
  if (policy.goes !== 'revised') return;
  // A second version in effect since eight months, and a third being drafted.
  const later = addMonths(today, -8);
  const second = await startVersion(at(deps, addDays(later, -10)), grace, orgId, id, first.id);
  await changeVersion(at(deps, addDays(later, -10)), grace, orgId, id, second.id, {
    body: `${body}\n## Screens\n\nScreens lock after **10 minutes** without use.\n`,
    changeSummary: 'Screens lock after 10 minutes.',
  });
  await submitVersion(at(deps, addDays(later, -9)), grace, orgId, id, second.id);
  await approveVersion(at(deps, addDays(later, -2)), priya, orgId, id, second.id, 'Approved.');
  await putVersionInEffect(at(deps, later), priya, orgId, id, second.id, later);
  const third = await startVersion(deps, grace, orgId, id, second.id);
  await changeVersion(deps, grace, orgId, id, third.id, {
    body: `${body}\n## Screens\n\nScreens lock after **10 minutes** without use.\n\n## Laptops\n\nLaptops leave the clinic only encrypted.\n`,
    changeSummary: 'Laptops added.',
  });
}

const documents = demoStep(90, z.unknown(), async (clinic) => {
  for (const policy of POLICIES) await seedPolicy(clinic, policy);
});

export const documentsDemo = [documents];
