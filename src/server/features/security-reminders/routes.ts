import { securityRemindersRoutes } from '../../../contracts/security-reminders';
import { auditContextOf } from '../../platform/auth/context';
import type { AppDeps } from '../../platform/deps';
import type { App } from '../../platform/http/app';
import { registerRoutes } from '../../platform/http/contract-routes';
import {
  createReminder,
  getReminder,
  listMyReminders,
  listReminderPage,
  listSendingPage,
  stopReminder,
} from './service';

export function registerSecurityRemindersRoutes(app: App, deps: AppDeps): void {
  registerRoutes(app, securityRemindersRoutes, {
    list: (request) => listReminderPage(deps, request.params.orgId),
    create: (request) =>
      createReminder(deps, auditContextOf(request), request.params.orgId, request.body),
    get: (request) => getReminder(deps, request.params.orgId, request.params.securityReminderId),
    stop: (request) =>
      stopReminder(
        deps,
        auditContextOf(request),
        request.params.orgId,
        request.params.securityReminderId,
      ),
    sendings: (request) => listSendingPage(deps, request.params.orgId, request.query.reminderId),
    mine: (request) => listMyReminders(deps, auditContextOf(request), request.params.orgId),
  });
}
