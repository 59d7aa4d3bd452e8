import type { Feature } from '../../platform/feature';
import { evidenceDemo } from './demo';
import { evidenceLink } from './link';
import * as createEvidence from './migrations/0019_create_evidence';
import * as moveTaskEvidence from './migrations/0022_move_task_evidence';
import * as addEvidenceChecks from './migrations/0025_add_evidence_checks';
import { evidenceReminders } from './reminders';
import { registerEvidenceRoutes } from './routes';
import { evidenceScrub } from './scrub';

/** Evidence: files (encrypted at rest) and links, dated and linked to the records they support. */
export const feature: Feature = {
  name: 'evidence',
  // Owners hear of evidence past its refresh date, every 15 minutes (issue 13's sweeps); every
  // stored file is read end to end at least monthly, 50 an hour (scrub.ts).
  jobs: (deps) => [evidenceReminders.kind(deps), evidenceScrub.kind(deps)],
  schedules: [evidenceReminders.schedule, evidenceScrub.schedule],
  tables: ['evidence_items'],
  migrations: {
    '0019_create_evidence': createEvidence,
    '0022_move_task_evidence': moveTaskEvidence,
    '0025_add_evidence_checks': addEvidenceChecks,
  },
  routes: registerEvidenceRoutes,
  records: { evidenceItemId: 'evidence_items' },
  link: evidenceLink,
  demo: evidenceDemo,
};
