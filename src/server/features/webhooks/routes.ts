import { webhooksRoutes } from '../../../contracts/webhooks';
import { auditContextOf } from '../../platform/auth/context';
import type { AppDeps } from '../../platform/deps';
import type { App } from '../../platform/http/app';
import { registerRoutes } from '../../platform/http/contract-routes';
import { listDeliveriesPage, sendTestEvent } from './deliveries';
import {
  changeWebhook,
  createWebhook,
  getWebhook,
  listWebhooksPage,
  removeWebhook,
  rotateWebhookSecret,
} from './service';

export function registerWebhooksRoutes(app: App, deps: AppDeps): void {
  registerRoutes(app, webhooksRoutes, {
    list: (request) => listWebhooksPage(deps, request.params.orgId),
    create: (request) =>
      createWebhook(deps, auditContextOf(request), request.params.orgId, request.body),
    get: (request) => getWebhook(deps, request.params.orgId, request.params.webhookId),
    update: (request) =>
      changeWebhook(
        deps,
        auditContextOf(request),
        request.params.orgId,
        request.params.webhookId,
        request.body,
      ),
    remove: (request) =>
      removeWebhook(deps, auditContextOf(request), request.params.orgId, request.params.webhookId),
    rotateSecret: (request) =>
      rotateWebhookSecret(
        deps,
        auditContextOf(request),
        request.params.orgId,
        request.params.webhookId,
      ),
    sendTest: (request) =>
      sendTestEvent(deps, auditContextOf(request), request.params.orgId, request.params.webhookId),
    deliveries: (request) =>
      listDeliveriesPage(deps, request.params.orgId, request.params.webhookId, request.query),
  });
}
