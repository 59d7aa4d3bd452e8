import type { Feature } from '../../platform/feature';
import { retentionDemo } from './demo';
import * as createRetention from './migrations/0020_create_retention';
import * as addRetainedInEffect from './migrations/0032_add_retained_in_effect';
import { registerRetentionRoutes } from './routes';

/**
 * Retention and legal holds (164.316(b)(2)(i)): the register of what is kept until when, and the
 * holds that keep a record past that. Features that keep records call `keepRecordIn` and
 * `assertMayDeleteIn` (service.ts).
 */
export const feature: Feature = {
  name: 'retention',
  tables: ['retained_records', 'legal_holds', 'retention_settings'],
  migrations: {
    '0020_create_retention': createRetention,
    '0032_add_retained_in_effect': addRetainedInEffect,
  },
  routes: registerRetentionRoutes,
  records: { holdId: 'legal_holds' },
  demo: retentionDemo,
};
