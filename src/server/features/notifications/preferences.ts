import {
  DEFAULT_DELIVERY,
  DEFAULT_DIGEST_HOUR,
  NOTIFICATION_KINDS,
  type Delivery,
  type NotificationKind,
  type NotificationPreferences,
  type NotificationPreferencesBody,
} from '../../../contracts/notifications';
import type { AuditChanges } from '../../../contracts/audit';
import { appendAuditEvent, type AuditContext } from '../../platform/audit/append';
import type { Db } from '../../platform/db/types';
import type { AppDeps } from '../../platform/deps';
import { findTimeZone } from '../../platform/org-calendar-repository';
import { findSettings, listPreferenceRows, upsertPreference, upsertSettings } from './repository';

/** The person's delivery for every kind (their choice, else the default) and digest hour. */
export async function effectivePreferences(
  db: Db,
  orgId: string,
  userId: string,
): Promise<{
  digestHour: number;
  deliveries: Map<NotificationKind, { delivery: Delivery; isDefault: boolean }>;
}> {
  const chosen = new Map(
    (await listPreferenceRows(db, orgId, userId)).map((r) => [r.kind, r.delivery]),
  );
  const deliveries = new Map(
    NOTIFICATION_KINDS.map((kind) => {
      const delivery = chosen.get(kind);
      return [
        kind,
        delivery === undefined
          ? { delivery: DEFAULT_DELIVERY[kind], isDefault: true }
          : { delivery, isDefault: false },
      ] as const;
    }),
  );
  const settings = await findSettings(db, orgId, userId);
  return { digestHour: settings?.digest_hour ?? DEFAULT_DIGEST_HOUR, deliveries };
}

export async function getMyPreferences(
  deps: AppDeps,
  orgId: string,
  userId: string,
  db: Db = deps.database.db,
): Promise<NotificationPreferences> {
  const { digestHour, deliveries } = await effectivePreferences(db, orgId, userId);
  return {
    digestHour,
    kinds: [...deliveries].map(([kind, d]) => ({
      kind,
      delivery: d.delivery,
      isDefault: d.isDefault,
    })),
    timeZone: (await findTimeZone(db, orgId)) ?? 'UTC',
    email: deps.mailer.smtp,
  };
}

/** Saves the person's choices; the changes (kind → delivery, digest hour) go to the trail. */
export async function setMyPreferences(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  userId: string,
  body: NotificationPreferencesBody,
): Promise<NotificationPreferences> {
  return deps.database.db.transaction().execute(async (trx) => {
    const before = await effectivePreferences(trx, orgId, userId);
    const now = deps.clock.now().toISOString();
    const changes: AuditChanges = {};
    if (body.digestHour !== undefined && body.digestHour !== before.digestHour) {
      changes.digestHour = { before: before.digestHour, after: body.digestHour };
    }
    if (body.digestHour !== undefined && changes.digestHour) {
      await upsertSettings(trx, {
        org_id: orgId,
        user_id: userId,
        digest_hour: body.digestHour,
        updated_at: now,
      });
    }
    for (const { kind, delivery } of body.kinds ?? []) {
      const was = before.deliveries.get(kind)?.delivery;
      // A default chosen explicitly is stored too: it stays when the defaults change.
      if (was !== delivery) changes[kind] = { before: was ?? null, after: delivery };
      await upsertPreference(trx, {
        org_id: orgId,
        user_id: userId,
        kind,
        delivery,
        updated_at: now,
      });
    }
    if (Object.keys(changes).length === 0) return getMyPreferences(deps, orgId, userId, trx);
    // 164.312(b): a person's choice of what reaches them is a write like any other.
    await appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'notification_preferences.changed',
      entity: { type: 'user', id: userId },
      changes,
    });
    return getMyPreferences(deps, orgId, userId, trx);
  });
}
