import type { Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import {
  INCIDENT_CATEGORY_LABELS,
  type Incident,
  type IncidentBody,
  type IncidentCategory,
  type IncidentSource,
  type IncidentStatus,
  type IncidentUpdateBody,
} from '../../../contracts/incidents-schemas';
import type { Database } from '../../db/schema';
import { appendAuditEvent, type AuditContext } from '../../platform/audit/append';
import { changesOf, type AuditFields } from '../../platform/audit/changes';
import { requireNewlyNamedMember } from '../../platform/auth/members';
import type { AppDeps } from '../../platform/deps';
import type { Db } from '../../platform/db/types';
import { AppError } from '../../platform/errors';
import { findTimeZone } from '../../platform/org-calendar-repository';
import { nextReferenceNumber } from '../../platform/references-repository';
import { todayIn } from '../../platform/time';
import { rosterNames } from '../people/service';
import { foundIncident, recordTimelineIn, severityScale } from './common';
import { raiseSignificantChangeIn } from './significant';
import { presentIncident, presentIncidentSummary, reference } from './presenter';
import {
  findInvolved,
  insertIncident,
  listIncidents,
  replaceInvolved,
  updateIncident,
} from './repository';
import type { IncidentsTable } from './tables';

// API field → column: how a change appears in the audit trail (164.312(b)).
const AUDITED: AuditFields<IncidentsTable> = {
  title: 'title',
  description: 'description',
  category: 'category',
  severity: 'severity',
  occurredAt: 'occurred_at',
  discoveredAt: 'discovered_at',
  discoveredTimeZone: 'discovered_time_zone',
  businessAssociate: 'business_associate',
  system: 'system',
  ownerId: 'owner_id',
};

const MANAGES = { permission: 'incidents.manage', act: 'manage incidents' } as const;

function columnsOf(body: IncidentUpdateBody): Partial<IncidentsTable> {
  const values: Partial<IncidentsTable> = {};
  if (body.title !== undefined) values.title = body.title;
  if (body.description !== undefined) values.description = body.description;
  if (body.category !== undefined) values.category = body.category;
  if (body.severity !== undefined) values.severity = body.severity;
  if (body.occurredAt !== undefined) values.occurred_at = toUtc(body.occurredAt);
  if (body.discoveredAt !== undefined) values.discovered_at = toUtc(body.discoveredAt);
  if (body.discoveredTimeZone !== undefined) values.discovered_time_zone = body.discoveredTimeZone;
  if (body.businessAssociate !== undefined) values.business_associate = body.businessAssociate;
  if (body.system !== undefined) values.system = body.system;
  if (body.ownerId !== undefined) values.owner_id = body.ownerId;
  return values;
}

/** Instants are stored as UTC ISO strings (design.md §6.7), whatever offset they came with. */
function toUtc(value: string | null): string | null {
  return value === null ? null : new Date(value).toISOString();
}

/** Assets (through the inventory's link target) and roster people named in a body: same org only. */
async function checkInvolved(
  trx: Db,
  deps: AppDeps,
  orgId: string,
  body: Pick<IncidentUpdateBody, 'assetIds' | 'personIds'>,
): Promise<void> {
  if (body.assetIds && body.assetIds.length > 0) {
    const assets = deps.links.target('asset');
    const known = assets ? await assets.exists(trx, orgId, body.assetIds) : new Set<string>();
    const index = body.assetIds.findIndex((id) => !known.has(id));
    if (index >= 0)
      throw AppError.field(`body.assetIds.${index}`, 'names no asset of the inventory');
  }
  if (body.personIds && body.personIds.length > 0) {
    const known = await rosterNames(trx, orgId, body.personIds);
    const index = body.personIds.findIndex((id) => !known.has(id));
    if (index >= 0) throw AppError.field(`body.personIds.${index}`, 'names nobody of the roster');
  }
}

async function checkSeverity(db: Db, orgId: string, severity: number | null | undefined) {
  if (severity === undefined || severity === null) return;
  const { levels } = await severityScale(db, orgId);
  if (!levels.some((l) => l.level === severity)) {
    throw AppError.field('body.severity', `must be a level of the scale (1 to ${levels.length})`);
  }
}

export async function getIncident(deps: AppDeps, orgId: string, id: string): Promise<Incident> {
  const db = deps.database.db;
  const row = await foundIncident(db, orgId, id);
  const [{ levels }, involved] = await Promise.all([
    severityScale(db, orgId),
    findInvolved(db, orgId, id),
  ]);
  const assetTarget = deps.links.target('asset');
  const [assetNames, personNames] = await Promise.all([
    assetTarget ? assetTarget.labels(db, orgId, involved.assetIds) : new Map<string, string>(),
    rosterNames(db, orgId, involved.personIds),
  ]);
  return presentIncident(row, levels, {
    assets: involved.assetIds.map((a) => ({ id: a, name: assetNames.get(a) ?? 'Removed asset' })),
    people: involved.personIds.map((p) => ({
      id: p,
      name: personNames.get(p) ?? 'Removed from the roster',
    })),
  });
}

export async function listIncidentsPage(
  deps: AppDeps,
  orgId: string,
  query: { status: 'open' | 'closed' | 'all' },
) {
  const db = deps.database.db;
  const open = query.status === 'all' ? undefined : query.status === 'open';
  const [rows, { levels }] = await Promise.all([
    listIncidents(db, orgId, open === undefined ? {} : { open }),
    severityScale(db, orgId),
  ]);
  return { data: rows.map((row) => presentIncidentSummary(row, levels)) };
}

/** What a new incident needs beyond its body: how it came in, and who said so. */
export interface IncidentOrigin {
  readonly source: IncidentSource;
  readonly reportedBy: string | null;
  readonly reporterContact?: string | null;
  readonly status?: IncidentStatus;
}

/** Adds an incident in a caller's transaction; returns its id and reference. */
export async function createIncidentIn(
  trx: Transaction<Database>,
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  body: IncidentBody,
  origin: IncidentOrigin,
): Promise<{ id: string; reference: string }> {
  const now = deps.clock.now();
  const zone = (await findTimeZone(trx, orgId)) ?? 'UTC';
  await checkInvolved(trx, deps, orgId, body);
  await checkSeverity(trx, orgId, body.severity);
  await requireNewlyNamedMember(
    trx,
    orgId,
    { userId: body.ownerId, previous: null },
    'body.ownerId',
    now.toISOString(),
    MANAGES,
  );
  // INC-2026-007: numbered per organization and year of the report, in its time zone, from a
  // counter taken in this transaction: a failed create rolls its number back (no gaps).
  const year = Number(todayIn(zone, now).slice(0, 4));
  const number = await nextReferenceNumber(trx, orgId, `incident-${year}`);
  const row: IncidentsTable = {
    id: uuidv7(),
    org_id: orgId,
    year,
    number,
    title: body.title,
    description: body.description ?? '',
    category: body.category,
    severity: body.severity ?? null,
    status: origin.status ?? 'reported',
    source: origin.source,
    reported_by: origin.reportedBy,
    reporter_contact: origin.reporterContact ?? null,
    reported_at: now.toISOString(),
    occurred_at: toUtc(body.occurredAt ?? null),
    discovered_at: toUtc(body.discoveredAt ?? null),
    discovered_time_zone: body.discoveredTimeZone ?? zone,
    business_associate: body.businessAssociate ?? '',
    system: body.system ?? '',
    owner_id: body.ownerId ?? null,
    review_root_cause: null,
    review_what_worked: null,
    review_lessons: null,
    reviewed_at: null,
    reviewed_by: null,
    checklist_applied_at: null,
    closed_at: null,
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
  };
  await insertIncident(trx, row);
  await replaceInvolved(trx, orgId, row.id, 'assets', [...new Set(body.assetIds ?? [])]);
  await replaceInvolved(trx, orgId, row.id, 'people', [...new Set(body.personIds ?? [])]);
  const ref = reference(row);
  await recordTimelineIn(trx, deps, context, {
    orgId,
    incidentId: row.id,
    kind: 'change',
    text: `${origin.source === 'recorded' ? 'Recorded' : 'Reported'}: ${INCIDENT_CATEGORY_LABELS[row.category]}.`,
  });
  await appendAuditEvent(trx, deps, context, {
    orgId,
    action: origin.source === 'recorded' ? 'incident.created' : 'incident.reported',
    entity: { type: 'incident', id: row.id },
    changes: {
      reference: { after: ref },
      title: { after: row.title },
      category: { after: row.category },
      source: { after: row.source },
    },
  });
  await raiseSignificantChangeIn(trx, deps, context, orgId, { ...row, reference: ref });
  return { id: row.id, reference: ref };
}

export async function createIncident(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  body: IncidentBody,
  reportedBy: string | null,
): Promise<Incident> {
  const { id } = await deps.database.db
    .transaction()
    .execute((trx) =>
      createIncidentIn(trx, deps, context, orgId, body, { source: 'recorded', reportedBy }),
    );
  return getIncident(deps, orgId, id);
}

function describeChange(field: string, category: IncidentCategory | undefined): string {
  if (field === 'category' && category)
    return `Category set to ${INCIDENT_CATEGORY_LABELS[category]}.`;
  return '';
}

export async function changeIncident(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  id: string,
  body: IncidentUpdateBody,
): Promise<Incident> {
  await deps.database.db.transaction().execute(async (trx) => {
    const before = await foundIncident(trx, orgId, id);
    await checkInvolved(trx, deps, orgId, body);
    await checkSeverity(trx, orgId, body.severity);
    const now = deps.clock.now().toISOString();
    await requireNewlyNamedMember(
      trx,
      orgId,
      { userId: body.ownerId, previous: before.owner_id },
      'body.ownerId',
      now,
      MANAGES,
    );
    const values = columnsOf(body);
    const changes = changesOf(before, values, AUDITED);
    const involved = await findInvolved(trx, orgId, id);
    const same = (a: readonly string[], b: readonly string[]) =>
      a.length === b.length && [...a].sort().join() === [...b].sort().join();
    if (body.assetIds && !same(body.assetIds, involved.assetIds)) {
      changes.assetIds = { before: involved.assetIds, after: body.assetIds };
      await replaceInvolved(trx, orgId, id, 'assets', [...new Set(body.assetIds)]);
    }
    if (body.personIds && !same(body.personIds, involved.personIds)) {
      changes.personIds = { before: involved.personIds, after: body.personIds };
      await replaceInvolved(trx, orgId, id, 'people', [...new Set(body.personIds)]);
    }
    if (Object.keys(changes).length === 0) return;
    await updateIncident(trx, orgId, id, { ...values, updated_at: now });
    const scale = 'severity' in changes ? (await severityScale(trx, orgId)).levels : [];
    const words = Object.keys(changes).map((field) => {
      if (field === 'severity') {
        const level = scale.find((l) => l.level === values.severity);
        return level ? `Severity set to ${level.name}.` : 'Severity cleared.';
      }
      return describeChange(field, values.category);
    });
    const named = words.filter((w) => w !== '').join(' ');
    const others = Object.keys(changes).filter((f) => f !== 'severity' && f !== 'category');
    await recordTimelineIn(trx, deps, context, {
      orgId,
      incidentId: id,
      kind: 'change',
      text: [named, others.length > 0 ? `Changed: ${others.map(fieldWords).join(', ')}.` : '']
        .filter((w) => w !== '')
        .join(' '),
    });
    await appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'incident.changed',
      entity: { type: 'incident', id },
      changes,
    });
    if ('severity' in changes) {
      await raiseSignificantChangeIn(trx, deps, context, orgId, {
        id,
        reference: reference(before),
        severity: values.severity,
      });
    }
  });
  return getIncident(deps, orgId, id);
}

const FIELD_WORDS: Record<string, string> = {
  title: 'title',
  description: 'description',
  occurredAt: 'when it occurred',
  discoveredAt: 'when it was discovered',
  discoveredTimeZone: 'time zone of discovery',
  businessAssociate: 'business associate',
  system: 'device or system',
  ownerId: 'owner',
  assetIds: 'assets involved',
  personIds: 'people involved',
};

function fieldWords(field: string): string {
  return FIELD_WORDS[field] ?? field;
}
