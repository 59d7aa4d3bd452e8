import type { Feature } from '../../platform/feature';
import { registerLinkRoutes } from './routes';

/** Links between records (a safeguard and a task, a record and a web address). */
export const feature: Feature = {
  name: 'links',
  tables: ['record_links'],
  routes: registerLinkRoutes,
  records: { linkId: 'record_links' },
};
