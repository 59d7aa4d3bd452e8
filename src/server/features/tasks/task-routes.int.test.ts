import { taskRoutes } from '../../../contracts/tasks';
import { describeTenantPasses } from '../../../../test/support/tenant-passes';

// The cross-tenant and audit passes (issue 11) over the task routes: editing a task included.
describeTenantPasses([taskRoutes]);
