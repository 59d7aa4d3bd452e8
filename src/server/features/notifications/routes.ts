import { notificationsRoutes } from '../../../contracts/notifications';
import { auditContextOf } from '../../platform/auth/context';
import { principalOf } from '../../platform/auth/principal';
import type { AppDeps } from '../../platform/deps';
import type { App } from '../../platform/http/app';
import { registerRoutes } from '../../platform/http/contract-routes';
import { getMyPreferences, setMyPreferences } from './preferences';
import { listMyNotifications, markAllNotificationsRead, markNotificationRead } from './service';

// Every route acts on the caller's own notifications and choices: the user id comes from the
// session, never from the request.
export function registerNotificationsRoutes(app: App, deps: AppDeps): void {
  registerRoutes(app, notificationsRoutes, {
    list: (request) =>
      listMyNotifications(deps, request.params.orgId, principalOf(request).userId, request.query),
    markRead: (request) =>
      markNotificationRead(
        deps,
        auditContextOf(request),
        request.params.orgId,
        principalOf(request).userId,
        request.params.notificationId,
      ),
    markAllRead: (request) =>
      markAllNotificationsRead(
        deps,
        auditContextOf(request),
        request.params.orgId,
        principalOf(request).userId,
      ),
    preferences: (request) =>
      getMyPreferences(deps, request.params.orgId, principalOf(request).userId),
    setPreferences: (request) =>
      setMyPreferences(
        deps,
        auditContextOf(request),
        request.params.orgId,
        principalOf(request).userId,
        request.body,
      ),
  });
}
