import type { Feature } from '../../platform/feature';
import { organizationsDemo } from './demo';
import { organizationsDashboard } from './dashboard';
import { registerOrganizationRoutes } from './routes';

/** Organizations: their profile and security settings, members, invitations and the outbox. */
export const feature: Feature = {
  name: 'organizations',
  tables: ['organizations', 'memberships', 'invitations'],
  routes: registerOrganizationRoutes,
  records: { memberId: 'memberships', invitationId: 'invitations' },
  dashboard: organizationsDashboard,
  demo: organizationsDemo,
};
