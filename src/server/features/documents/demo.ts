import { z } from 'zod';
import type { DocumentKind } from '../../../contracts/documents';
import type { AuditContext } from '../../platform/audit/append';
import type { AppDeps } from '../../platform/deps';
import { demoStep, type DemoClinic } from '../../platform/demo';
import { addDays, addMonths } from '../../platform/time';
import { approveVersion, putVersionInEffect, retireVersion, submitVersion } from './approval';
import { createDocumentIn, getDocument } from './service';
import { changeVersion, startVersion } from './versions';

// The demo clinic's policies, kept here rather than in content/demo so that the feature stays in
// its folder: one of each state, and one with three versions (superseded, in effect, a draft).
interface DemoPolicy {
  title: string;
  kind: DocumentKind;
  category: string;
  requirements: string[];
  body: string;
  /** How far the policy got, and how long ago it took effect (months). */
  goes: 'draft' | 'in_review' | 'in_effect' | 'revised' | 'retired';
  monthsAgo?: number;
}

const POLICIES: DemoPolicy[] = [
  {
    title: 'Workstation use and security',
    kind: 'policy',
    category: 'Physical safeguards',
    requirements: ['164.310(b)', '164.310(c)'],
    body: '# Workstation use and security\n\nScreens lock after **15 minutes** without use.\n\n- Workstations at the front desk face away from the waiting room.\n- Nobody leaves a chart open when they step away.\n',
    goes: 'revised',
    monthsAgo: 20,
  },
  {
    title: 'Security management and risk management',
    kind: 'policy',
    category: 'Administrative safeguards',
    requirements: ['164.308(a)(1)', '164.308(a)(1)(ii)(A)', '164.308(a)(1)(ii)(B)'],
    body: '# Security management\n\nRiverside Clinic analyses its risks **every year** and after any significant change.\n\n| Step | Who | When |\n| --- | --- | --- |\n| Risk analysis | Security Official | Yearly |\n| Risk treatment | Owners of risks | Within 90 days |\n',
    goes: 'in_effect',
    monthsAgo: 11,
  },
  {
    title: 'Sanctions',
    kind: 'policy',
    category: 'Administrative safeguards',
    requirements: ['164.308(a)(1)(ii)(C)'],
    body: '# Sanctions\n\nA member of the workforce who breaks a security policy is sanctioned, in proportion:\n\n1. A documented conversation.\n2. A written warning.\n3. Ending access, and employment.\n',
    goes: 'in_review',
  },
  {
    title: 'Backup and restore',
    kind: 'procedure',
    category: 'Contingency',
    requirements: ['164.308(a)(7)(ii)(A)'],
    body: '# Backup and restore\n\nThe EHR vendor backs up nightly; the front-desk server is copied each evening to an encrypted drive.\n',
    goes: 'draft',
  },
  {
    title: 'Fax cover sheet',
    kind: 'form',
    category: 'Transmission security',
    requirements: [],
    body: '# Fax cover sheet\n\nReplaced by the e-fax service.\n',
    goes: 'retired',
    monthsAgo: 30,
  },
];

const as = (context: AuditContext, userId: string): AuditContext => ({
  ...context,
  actor: { type: 'user', id: userId, label: 'demo' },
});
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
  const id = await deps.database.db.transaction().execute((trx) =>
    createDocumentIn(trx, then, grace, orgId, {
      title: policy.title,
      kind: policy.kind,
      category: policy.category,
      ownerId: person('priya'),
      requirements: policy.requirements,
      body: policy.body,
    }),
  );
  const [first] = (await getDocument(deps, orgId, id)).versions;
  if (!first || policy.goes === 'draft') return;
  await submitVersion(then, grace, orgId, id, first.id);
  if (policy.goes === 'in_review') return;
  await approveVersion(at(deps, addDays(start, -2)), priya, orgId, id, first.id, 'Adopted.');
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
    body: policy.body.replace('15 minutes', '10 minutes'),
    changeSummary: 'Screens lock sooner.',
  });
  await submitVersion(at(deps, addDays(later, -9)), grace, orgId, id, second.id);
  await approveVersion(at(deps, addDays(later, -2)), priya, orgId, id, second.id, 'Approved.');
  await putVersionInEffect(at(deps, later), priya, orgId, id, second.id, later);
  const third = await startVersion(deps, grace, orgId, id, second.id);
  await changeVersion(deps, grace, orgId, id, third.id, {
    body: `${policy.body.replace('15 minutes', '10 minutes')}- Laptops leave the clinic only encrypted.\n`,
    changeSummary: 'Laptops added.',
  });
}

const documents = demoStep(90, z.unknown(), async (clinic) => {
  for (const policy of POLICIES) await seedPolicy(clinic, policy);
});

export const documentsDemo = [documents];
