import type { Feature } from '../../platform/feature';
import { peopleDemo } from './demo';
import * as createPeople from './migrations/0023_create_people';
import { registerPeopleRoutes } from './routes';

/** The workforce roster: the manifest the platform assembles the app from (platform/feature.ts). */
export const feature: Feature = {
  name: 'people',
  tables: ['people', 'departments'],
  migrations: { '0023_create_people': createPeople },
  routes: registerPeopleRoutes,
  records: { personId: 'people', departmentId: 'departments' },
  demo: peopleDemo,
};
