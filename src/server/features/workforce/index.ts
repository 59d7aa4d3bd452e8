import type { Feature } from '../../platform/feature';
import { workforceDashboard } from './dashboard';
import { workforceDemo } from './demo';
import { terminationEscalation } from './escalation';
import { grantEndsWithTask } from './grant-ends';
import { cutOffKind } from './jobs';
import * as createChecklists from './migrations/0028_create_workforce_checklists';
import { registerWorkforceRoutes } from './routes';

/** Onboarding and termination (164.308(a)(3)(ii)(C)): the manifest (platform/feature.ts). */
export const feature: Feature = {
  name: 'workforce',
  tables: [
    'checklist_template_items',
    'workforce_settings',
    'person_checklists',
    'person_checklist_items',
  ],
  migrations: { '0028_create_workforce_checklists': createChecklists },
  routes: registerWorkforceRoutes,
  records: { personId: 'people' },
  jobs: (deps) => [cutOffKind(deps), terminationEscalation.kind(deps)],
  schedules: [terminationEscalation.schedule],
  auditListener: grantEndsWithTask,
  dashboard: workforceDashboard,
  demo: workforceDemo,
};
