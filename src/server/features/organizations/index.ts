import type { Feature } from '../../platform/feature';
import { organizationsDemo } from './demo';
import { organizationsDashboard } from './dashboard';
import { registerOrganizationRoutes } from './routes';
import * as addOverdueEscalation from './migrations/0015_add_overdue_escalation';

/** Organizations: their profile and security settings, members, invitations and the outbox. */
export const feature: Feature = {
  name: 'organizations',
  tables: ['organizations', 'memberships', 'invitations'],
  migrations: { '0015_add_overdue_escalation': addOverdueEscalation },
  routes: registerOrganizationRoutes,
  records: { memberId: 'memberships', invitationId: 'invitations' },
  dashboard: organizationsDashboard,
  demo: organizationsDemo,
};
