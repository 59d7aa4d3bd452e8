import { v7 as uuidv7 } from 'uuid';
import type { Link, LinkEnd, LinkType } from '../../../contracts/links';
import type { Database } from '../../db/schema';
import { appendAuditEvent, type AuditContext } from '../../platform/audit/append';
import type { AppDeps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import {
  deleteLink,
  findLink,
  findLinkBetween,
  insertLink,
  listLinksAmong,
  listIdsLinkedTo,
  listLinksOf,
} from './repository';
import type { Transaction } from 'kysely';
import type { Db } from '../../platform/db/types';

/**
 * Refuses a link end that names no record of this organization, naming the field. A web address
 * is no record: since issue 14 it is an evidence item of kind link (recorded through the evidence
 * routes), which is then linked like any record.
 */
async function checkEnd(
  db: Db,
  deps: Pick<AppDeps, 'links'>,
  orgId: string,
  end: LinkEnd,
  field: string,
): Promise<void> {
  if (end.type === 'url') {
    throw AppError.field(
      `${field}.type`,
      'must be a record, not a web address: record the address as evidence (POST /api/orgs/{orgId}/evidence), then link that evidence item',
    );
  }
  // Each record type is checked by the feature that owns it (its manifest's `link`).
  const target = deps.links.target(end.type);
  if (!target || !(await target.exists(db, orgId, [end.id])).has(end.id)) {
    throw AppError.field(`${field}.id`, `names no ${end.type} of this organization`);
  }
}

/**
 * A link end as the audit trail records it: its type, its id and its name as it was then
 * ("RISK-3 Laptop theft", "RA-1 report (PDF…)"), so the trail and its exports read without ids.
 */
async function namedEnd(
  db: Db,
  deps: Pick<AppDeps, 'links'>,
  orgId: string,
  end: LinkEnd,
): Promise<{ type: LinkType; id: string; name: string }> {
  const target = end.type === 'url' ? undefined : deps.links.target(end.type);
  const name = target ? (await target.labels(db, orgId, [end.id])).get(end.id) : undefined;
  return { type: end.type, id: end.id, name: name ?? end.id };
}

/** Links two records (in the caller's transaction); an existing link between them is kept. */
export async function createLinkIn(
  trx: Transaction<Database>,
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  link: { from: LinkEnd; to: LinkEnd; label?: string | undefined },
  fields = { from: 'body.from', to: 'body.to' },
): Promise<string> {
  if (link.from.type === link.to.type && link.from.id === link.to.id) {
    throw AppError.field(fields.to, 'must be another record: a record does not support itself');
  }
  await checkEnd(trx, deps, orgId, link.from, fields.from);
  await checkEnd(trx, deps, orgId, link.to, fields.to);
  const existing = await findLinkBetween(trx, orgId, link.from, link.to);
  if (existing) {
    return existing.id;
  }
  const id = uuidv7();
  await insertLink(trx, {
    id,
    org_id: orgId,
    from_type: link.from.type,
    from_id: link.from.id,
    to_type: link.to.type,
    to_id: link.to.id,
    label: link.label ?? null,
    created_at: deps.clock.now().toISOString(),
    created_by: context.actor.type === 'user' ? context.actor.id : null,
  });
  await appendAuditEvent(trx, deps, context, {
    orgId,
    action: 'link.created',
    entity: { type: 'link', id },
    changes: {
      from: { after: await namedEnd(trx, deps, orgId, link.from) },
      to: { after: await namedEnd(trx, deps, orgId, link.to) },
    },
  });
  return id;
}

export async function createLink(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  link: { from: LinkEnd; to: LinkEnd; label?: string | undefined },
): Promise<{ id: string }> {
  const id = await deps.database.db
    .transaction()
    .execute((trx) => createLinkIn(trx, deps, context, orgId, link));
  return { id };
}

export async function removeLink(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  linkId: string,
): Promise<void> {
  await deps.database.db.transaction().execute(async (trx) => {
    const link = await findLink(trx, orgId, linkId);
    if (!link) {
      throw new AppError('not_found', 'No such link.');
    }
    await deleteLink(trx, orgId, linkId);
    await appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'link.removed',
      entity: { type: 'link', id: linkId },
      changes: {
        from: {
          before: await namedEnd(trx, deps, orgId, { type: link.from_type, id: link.from_id }),
        },
        to: { before: await namedEnd(trx, deps, orgId, { type: link.to_type, id: link.to_id }) },
      },
    });
  });
}

/**
 * Removes every link touching a record, in the transaction that removes the record (call it before
 * the record goes, so each `link.removed` event still names both ends; 164.312(b)).
 */
export async function removeLinksOfIn(
  trx: Transaction<Database>,
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  record: { type: LinkType; id: string },
): Promise<void> {
  for (const link of await listLinksOf(trx, orgId, record.type, record.id)) {
    const from = await namedEnd(trx, deps, orgId, { type: link.from_type, id: link.from_id });
    const to = await namedEnd(trx, deps, orgId, { type: link.to_type, id: link.to_id });
    await deleteLink(trx, orgId, link.id);
    await appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'link.removed',
      entity: { type: 'link', id: link.id },
      changes: { from: { before: from }, to: { before: to } },
    });
  }
}

/** The records linked to one record, each with a readable label. */
export async function linksOf(
  db: Db,
  deps: Pick<AppDeps, 'links'>,
  orgId: string,
  type: LinkType,
  id: string,
): Promise<Link[]> {
  const rows = await listLinksOf(db, orgId, type, id);
  const others = rows.map((row) =>
    row.from_type === type && row.from_id === id
      ? { row, type: row.to_type, id: row.to_id }
      : { row, type: row.from_type, id: row.from_id },
  );
  const labels = new Map<string, string>();
  for (const otherType of new Set(others.map((o) => o.type))) {
    const target = deps.links.target(otherType);
    if (!target) continue;
    const ids = others.filter((o) => o.type === otherType).map((o) => o.id);
    for (const [otherId, label] of await target.labels(db, orgId, ids)) {
      labels.set(`${otherType}:${otherId}`, label);
    }
  }
  return others.map(({ row, type: otherType, id: otherId }) => ({
    id: row.id,
    type: otherType,
    targetId: otherId,
    label: row.label ?? labels.get(`${otherType}:${otherId}`) ?? otherId,
    createdAt: row.created_at,
  }));
}

/** For each record of `type`, the ids of the `otherType` records linked to it (either direction). */
export async function linkedIds(
  db: Db,
  orgId: string,
  type: LinkType,
  ids: readonly string[],
  otherType: LinkType,
): Promise<Map<string, string[]>> {
  return (await linkedIdsByType(db, orgId, type, ids, [otherType])).get(otherType) ?? new Map();
}

/**
 * For each of `otherTypes`, what linkedIds gives for it: two queries in all, where linkedIds
 * called once per type would run two for each (a page of the risk register reads its controls
 * and its plan tasks).
 */
export async function linkedIdsByType(
  db: Db,
  orgId: string,
  type: LinkType,
  ids: readonly string[],
  otherTypes: readonly LinkType[],
): Promise<Map<LinkType, Map<string, string[]>>> {
  const result = new Map<LinkType, Map<string, string[]>>(
    otherTypes.map((other) => [other, new Map<string, string[]>()]),
  );
  for (const row of await listLinksAmong(db, orgId, type, ids, otherTypes)) {
    const [own, other, otherType] =
      row.from_type === type && otherTypes.includes(row.to_type)
        ? [row.from_id, row.to_id, row.to_type]
        : [row.to_id, row.from_id, row.from_type];
    const byOwn = result.get(otherType);
    if (byOwn) {
      byOwn.set(own, [...(byOwn.get(own) ?? []), other]);
    }
  }
  return result;
}

/** Removes the link between two records, if there is one (in the caller's transaction). */
export async function removeLinkBetweenIn(
  trx: Transaction<Database>,
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  a: LinkEnd,
  b: LinkEnd,
): Promise<void> {
  const link = await findLinkBetween(trx, orgId, a, b);
  if (!link) return;
  await deleteLink(trx, orgId, link.id);
  await appendAuditEvent(trx, deps, context, {
    orgId,
    action: 'link.removed',
    entity: { type: 'link', id: link.id },
    changes: {
      from: { before: await namedEnd(trx, deps, orgId, a) },
      to: { before: await namedEnd(trx, deps, orgId, b) },
    },
  });
}

/** The ids of records of type `a` linked, either way, to any record of type `b`. */
export const idsLinkedTo = (db: Db, orgId: string, a: LinkType, b: LinkType): Promise<string[]> =>
  listIdsLinkedTo(db, orgId, a, b);
