import type { Feature } from '../../platform/feature';
import { registerAuditLogRoutes } from './routes';

/** The audit trail's reader: search, export and verification (164.312(b)). */
export const feature: Feature = {
  name: 'audit-log',
  routes: registerAuditLogRoutes,
};
