import type { Feature } from '../../platform/feature';
import { webhooksDemo } from './demo';
import { deliverJob } from './jobs';
import { webhookAuditListener } from './listener';
import * as createWebhooks from './migrations/0013_create_webhooks';
import { registerWebhooksRoutes } from './routes';

/** Webhooks: the manifest the platform assembles the app from (platform/feature.ts). */
export const feature: Feature = {
  name: 'webhooks',
  tables: ['webhook_endpoints', 'webhook_deliveries', 'webhook_attempts'],
  migrations: { '0013_create_webhooks': createWebhooks },
  routes: registerWebhooksRoutes,
  records: { webhookId: 'webhook_endpoints' },
  auditListener: webhookAuditListener,
  jobs: (deps) => [deliverJob(deps)],
  demo: webhooksDemo,
};
