import type { Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Webhook, WebhookBody, WebhookUpdateBody } from '../../../contracts/webhooks';
import type { Database } from '../../db/schema';
import { appendAuditEvent, type AuditContext } from '../../platform/audit/append';
import type { AppDeps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { checkDestination } from '../../platform/net/outbound';
import { eventTypesOf, presentWebhook } from './presenter';
import {
  deleteEndpoint,
  findEndpoint,
  insertEndpoint,
  listEndpoints,
  updateEndpoint,
} from './repository/endpoints';
import { newSigningSecret, ROTATION_GRACE_MS, sealSecret } from './secrets';
import type { WebhookEndpointsTable } from './tables';

async function found(db: Parameters<typeof findEndpoint>[0], orgId: string, id: string) {
  const row = await findEndpoint(db, orgId, id);
  if (!row) throw new AppError('not_found', 'No such webhook endpoint.');
  return row;
}

/**
 * Refuses an address a webhook may not be sent to: not https (unless allowed), with a user name,
 * or resolving to a private, loopback or link-local address (SSRF; 164.312(e)(1)). Checked again
 * at each send, since what a name resolves to changes. Done before any transaction opens.
 */
async function checkedUrl(deps: Pick<AppDeps, 'outbound'>, url: string): Promise<string> {
  const parsed = new URL(url);
  const destination = await checkDestination(parsed, deps.outbound);
  if (!destination.ok) throw AppError.field('body.url', destination.problem);
  return parsed.toString();
}

export async function listWebhooksPage(deps: AppDeps, orgId: string) {
  const now = deps.clock.now();
  return {
    data: (await listEndpoints(deps.database.db, orgId)).map((r) => presentWebhook(r, now)),
  };
}

export async function getWebhook(deps: AppDeps, orgId: string, id: string): Promise<Webhook> {
  return presentWebhook(await found(deps.database.db, orgId, id), deps.clock.now());
}

/** Endpoints one organization may have. */
export const MAX_ENDPOINTS = 20;

/** Adds an endpoint in a caller's transaction (the demo's may reach a local address). */
export async function createWebhookIn(
  trx: Transaction<Database>,
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  body: WebhookBody & { url: string },
  options: { demoLocal?: boolean } = {},
): Promise<{ id: string; secret: string }> {
  // Deliveries share the installation's job runner: one organization keeps a bounded share.
  if ((await listEndpoints(trx, orgId)).length >= MAX_ENDPOINTS) {
    throw new AppError(
      'conflict',
      `An organization has at most ${MAX_ENDPOINTS} webhook endpoints: remove one you no longer use first.`,
    );
  }
  const now = deps.clock.now().toISOString();
  const secret = newSigningSecret();
  const row: WebhookEndpointsTable = {
    id: uuidv7(),
    org_id: orgId,
    url: body.url,
    description: body.description ?? '',
    event_types: JSON.stringify([...new Set(body.eventTypes)]),
    active: body.active === false ? 0 : 1,
    disabled_reason: null,
    secret_sealed: sealSecret(deps.secrets, secret),
    previous_secret_sealed: null,
    previous_secret_expires_at: null,
    demo_local: options.demoLocal === true ? 1 : 0,
    created_at: now,
    updated_at: now,
  };
  await insertEndpoint(trx, row);
  await appendAuditEvent(trx, deps, context, {
    orgId,
    action: 'webhook.created',
    entity: { type: 'webhook', id: row.id },
    changes: {
      url: { after: row.url },
      eventTypes: { after: eventTypesOf(row) },
      active: { after: row.active === 1 },
    },
  });
  return { id: row.id, secret };
}

export async function createWebhook(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  body: WebhookBody,
): Promise<Webhook & { secret: string }> {
  const url = await checkedUrl(deps, body.url);
  const { id, secret } = await deps.database.db
    .transaction()
    .execute((trx) => createWebhookIn(trx, deps, context, orgId, { ...body, url }));
  return { ...(await getWebhook(deps, orgId, id)), secret };
}

export async function changeWebhook(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  id: string,
  body: WebhookUpdateBody,
): Promise<Webhook> {
  // The address as it stands is not checked again here (sending checks it): the form sends it
  // back unchanged, and the demo's local endpoint must stay editable.
  const stored = (await found(deps.database.db, orgId, id)).url;
  const url =
    body.url === undefined || body.url === stored ? undefined : await checkedUrl(deps, body.url);
  await deps.database.db.transaction().execute(async (trx) => {
    const before = await found(trx, orgId, id);
    const values: Partial<WebhookEndpointsTable> = {};
    const changes: Record<string, { before: unknown; after: unknown }> = {};
    if (url !== undefined && url !== before.url) {
      // A new address is no longer the demo's own.
      Object.assign(values, { url, demo_local: 0 });
      changes.url = { before: before.url, after: url };
    }
    if (body.description !== undefined && body.description !== before.description) {
      values.description = body.description;
      changes.description = { before: before.description, after: body.description };
    }
    if (body.eventTypes !== undefined) {
      const after = [...new Set(body.eventTypes)];
      const was = eventTypesOf(before);
      if (after.join() !== was.join()) {
        values.event_types = JSON.stringify(after);
        changes.eventTypes = { before: was, after };
      }
    }
    if (body.active !== undefined && body.active !== (before.active === 1)) {
      Object.assign(values, { active: body.active ? 1 : 0, disabled_reason: null });
      changes.active = { before: before.active === 1, after: body.active };
    }
    if (Object.keys(changes).length === 0) return;
    await updateEndpoint(trx, orgId, id, { ...values, updated_at: deps.clock.now().toISOString() });
    await appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'webhook.changed',
      entity: { type: 'webhook', id },
      changes,
    });
  });
  return getWebhook(deps, orgId, id);
}

export async function removeWebhook(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  id: string,
): Promise<void> {
  await deps.database.db.transaction().execute(async (trx) => {
    const before = await found(trx, orgId, id);
    await deleteEndpoint(trx, orgId, id);
    await appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'webhook.removed',
      entity: { type: 'webhook', id },
      changes: { url: { before: before.url } },
    });
  });
}

/**
 * A new signing secret, returned this once. The previous one keeps signing beside it for
 * ROTATION_GRACE_MS, so receivers can switch without losing deliveries; a second rotation within
 * that time drops the oldest.
 */
export async function rotateWebhookSecret(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  id: string,
): Promise<Webhook & { secret: string }> {
  const secret = newSigningSecret();
  await deps.database.db.transaction().execute(async (trx) => {
    const before = await found(trx, orgId, id);
    const now = deps.clock.now();
    const until = new Date(now.getTime() + ROTATION_GRACE_MS).toISOString();
    await updateEndpoint(trx, orgId, id, {
      secret_sealed: sealSecret(deps.secrets, secret),
      previous_secret_sealed: before.secret_sealed,
      previous_secret_expires_at: until,
      updated_at: now.toISOString(),
    });
    await appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'webhook.secret_rotated',
      entity: { type: 'webhook', id },
      changes: { graceUntil: { after: until } },
    });
  });
  return { ...(await getWebhook(deps, orgId, id)), secret };
}
