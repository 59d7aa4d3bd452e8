import type { Feature } from '../../platform/feature';
import { evidenceDemo } from './demo';
import * as createEvidence from './migrations/0019_create_evidence';
import { registerEvidenceRoutes } from './routes';

/** Evidence: the manifest the platform assembles the app from (platform/feature.ts). */
export const feature: Feature = {
  name: 'evidence',
  tables: ['evidence'],
  migrations: { '0019_create_evidence': createEvidence },
  routes: registerEvidenceRoutes,
  records: { evidenceItemId: 'evidence' },
  demo: evidenceDemo,
};
