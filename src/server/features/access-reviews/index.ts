import type { Feature } from '../../platform/feature';
import { accessReviewsDashboard } from './dashboard';
import { accessReviewsDemo } from './demo';
import * as createAccessGrants from './migrations/0033_create_access_grants';
import * as createAccessReviews from './migrations/0034_create_access_reviews';
import { recurKind, recurSchedule } from './recur';
import { registerAccessReviewsRoutes } from './routes';

/** Access authorization and reviews (164.308(a)(4)(ii)(B)–(C)): the manifest (platform/feature.ts). */
export const feature: Feature = {
  name: 'access-reviews',
  tables: ['access_grants', 'access_reviews', 'access_review_items'],
  migrations: {
    '0033_create_access_grants': createAccessGrants,
    '0034_create_access_reviews': createAccessReviews,
  },
  routes: registerAccessReviewsRoutes,
  records: {
    accessGrantId: 'access_grants',
    accessReviewId: 'access_reviews',
    accessItemId: 'access_review_items',
  },
  dashboard: accessReviewsDashboard,
  jobs: (deps) => [recurKind(deps)],
  schedules: [recurSchedule],
  demo: accessReviewsDemo,
};
