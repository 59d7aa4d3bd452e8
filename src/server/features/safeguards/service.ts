import { v7 as uuidv7 } from 'uuid';
import type { AuditChanges } from '../../../contracts/audit';
import type { Requirement } from '../../../contracts/catalog';
import type { Safeguard, SafeguardQuery, SafeguardUpdateBody } from '../../../contracts/safeguards';
import type { Database } from '../../db/schema';
import type { SafeguardsTable } from './tables';
import { appendAuditEvent, type AuditContext } from '../../platform/audit/append';
import { changesOf, type AuditFields } from '../../platform/audit/changes';
import { requireNewlyNamedMember } from '../../platform/auth/members';
import type { AppDeps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { notifyNewOwnerIn } from '../notifications/notify';
import { addMonths, todayIn } from '../../platform/time';
import { catalog } from '../catalog/content';
import { linksOf } from '../links/service';
import { assessmentRefs } from '../risk-assessments/link';
import { notApplicableAllowed, notApplicableReason, presentSafeguard } from './presenter';
import {
  findApplicability,
  findNames,
  findSafeguardRow,
  insertSafeguard,
  listEntityEvents,
  listSafeguardRows,
  updateSafeguard,
  type SafeguardRow,
} from './repository';
import type { Transaction } from 'kysely';
import type { Db } from '../../platform/db/types';
import { readJson } from '../../platform/db/json-columns';

export async function orgFacts(db: Db, deps: AppDeps, orgId: string) {
  const org = await findApplicability(db, orgId);
  if (!org) {
    throw new AppError('not_found', 'No such organization.');
  }
  return { org, today: todayIn(org.time_zone, deps.clock.now()) };
}

export function requirementOf(requirementId: string): Requirement {
  const requirement = catalog().byId.get(requirementId);
  if (!requirement) {
    throw new AppError('not_found', `No requirement ${requirementId} in the catalog.`);
  }
  return requirement;
}

/** Every requirement with the organization's record, in catalog order. */
export async function allSafeguards(deps: AppDeps, orgId: string): Promise<Safeguard[]> {
  const db = deps.database.db;
  const { org, today } = await orgFacts(db, deps, orgId);
  const stored = await listSafeguardRows(db, orgId);
  const rows = new Map(stored.map((r) => [r.requirement_id, r]));
  const assessments = await basisAssessments(db, orgId, stored);
  return catalog().requirements.map((r) =>
    presentSafeguard(r, rows.get(r.id), org, today, assessments),
  );
}

/** The approved assessments the decisions of `rows` rest on (one query). */
function basisAssessments(db: Db, orgId: string, rows: readonly SafeguardRow[]) {
  return assessmentRefs(
    db,
    orgId,
    rows.flatMap((r) => r.decision_basis_assessment_id ?? []),
  );
}

/** The register filtered by a query, as one page (it holds 68 records at most). */
export async function listSafeguards(
  deps: AppDeps,
  orgId: string,
  userId: string,
  query: SafeguardQuery,
): Promise<{ data: Safeguard[]; nextCursor: null }> {
  const words = (query.q ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const owner = query.ownerId === 'me' ? userId : query.ownerId;
  const data = (await allSafeguards(deps, orgId)).filter((s) => {
    if (query.safeguard && s.safeguard !== query.safeguard) return false;
    if (query.status && s.status !== query.status) return false;
    if (owner === 'none' ? s.owner !== null : owner && s.owner?.id !== owner) return false;
    if (query.attention === 'decision_missing' && !s.decisionMissing) return false;
    if (query.attention === 'review_overdue' && !s.reviewOverdue) return false;
    if (query.attention === 'unowned' && (s.owner !== null || s.status === 'not_applicable'))
      return false;
    const text =
      `${s.requirementId} ${s.title} ${s.statement} ${s.owner?.name ?? ''}`.toLowerCase();
    return words.every((w) => text.includes(w));
  });
  return { data, nextCursor: null };
}

export async function getSafeguard(deps: AppDeps, orgId: string, requirementId: string) {
  const requirement = requirementOf(requirementId);
  const db = deps.database.db;
  const { org, today } = await orgFacts(db, deps, orgId);
  const row = await findSafeguardRow(db, orgId, requirementId);
  const events = row ? await listEntityEvents(db, orgId, 'safeguard', row.id) : [];
  const history = events.map((e) => ({
    at: e.occurred_at,
    actor: e.actor_label,
    action: e.action,
    changes: e.changes ? readJson('audit_events.changes', e.changes) : null,
  }));
  return {
    ...presentSafeguard(
      requirement,
      row,
      org,
      today,
      await basisAssessments(db, orgId, row ? [row] : []),
    ),
    requirement,
    links: await linksOf(db, deps, orgId, 'safeguard', requirementId),
    history: await withPersonNames(db, history),
  };
}

const PERSON_FIELDS = ['ownerId', 'approvedBy'];

/** History entries with member ids (owner, approver) shown as names; the trail keeps the ids. */
async function withPersonNames<T extends { changes: AuditChanges | null }>(
  db: Db,
  history: T[],
): Promise<T[]> {
  const ids = new Set<string>();
  for (const entry of history) {
    for (const field of PERSON_FIELDS) {
      for (const value of [entry.changes?.[field]?.before, entry.changes?.[field]?.after]) {
        if (typeof value === 'string') ids.add(value);
      }
    }
  }
  const names = new Map((await findNames(db, [...ids])).map((u) => [u.id, u.name]));
  const name = (value: unknown) =>
    typeof value === 'string' ? (names.get(value) ?? value) : value;
  return history.map((entry) => {
    if (!entry.changes) return entry;
    const changes: AuditChanges = { ...entry.changes };
    for (const field of PERSON_FIELDS) {
      const change = changes[field];
      if (change) {
        changes[field] = { before: name(change.before), after: name(change.after) };
      }
    }
    return { ...entry, changes };
  });
}

/** The stored row of a requirement, created (not started) on first write. */
export async function rowFor(
  trx: Transaction<Database>,
  deps: AppDeps,
  orgId: string,
  requirementId: string,
): Promise<SafeguardRow> {
  const existing = await findSafeguardRow(trx, orgId, requirementId);
  if (existing) {
    return existing;
  }
  const row: SafeguardsTable = {
    id: uuidv7(),
    org_id: orgId,
    requirement_id: requirementId,
    status: 'not_started',
    owner_id: null,
    statement: '',
    review_interval_months: null,
    next_review_on: null,
    decision: null,
    decision_rationale: null,
    decision_alternative: null,
    decision_approved_by: null,
    decision_approved_on: null,
    decision_basis: null,
    decision_basis_assessment_id: null,
    updated_at: deps.clock.now().toISOString(),
  };
  await insertSafeguard(trx, row);
  return { ...row, owner_name: null, approver_name: null };
}

const FIELDS: [keyof SafeguardUpdateBody, keyof SafeguardsTable][] = [
  ['status', 'status'],
  ['ownerId', 'owner_id'],
  ['statement', 'statement'],
  ['reviewIntervalMonths', 'review_interval_months'],
  ['nextReviewOn', 'next_review_on'],
];
const AUDITED: AuditFields<SafeguardsTable> = Object.fromEntries(FIELDS);

/** Changes a safeguard record inside a caller's transaction; every changed field is audited. */
export async function changeSafeguardIn(
  trx: Transaction<Database>,
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  requirementId: string,
  body: SafeguardUpdateBody,
): Promise<void> {
  const requirement = requirementOf(requirementId);
  const { org, today } = await orgFacts(trx, deps, orgId);
  if (body.status === 'not_applicable' && !notApplicableAllowed(requirement, org)) {
    throw AppError.field(
      'body.status',
      requirement.notApplicableWhen
        ? org.entity_type === null
          ? 'can be "not_applicable" only once the organization profile says what kind of entity this is'
          : 'cannot be "not_applicable": the organization profile says this requirement applies'
        : 'cannot be "not_applicable": the Security Rule requires this of every covered entity and business associate',
    );
  }
  const profileSays = notApplicableReason(requirement, org);
  if (profileSays && body.status !== undefined && body.status !== 'not_applicable') {
    throw AppError.field(
      'body.status',
      `stays "not_applicable" while the organization profile says so: ${profileSays}`,
    );
  }
  const before = await rowFor(trx, deps, orgId, requirementId);
  const now = deps.clock.now().toISOString();
  await requireNewlyNamedMember(
    trx,
    orgId,
    { userId: body.ownerId, previous: before.owner_id },
    'body.ownerId',
    now,
    { permission: 'safeguards.update', act: 'edit safeguard records' },
  );
  const values: Partial<SafeguardsTable> = {};
  for (const [field, column] of FIELDS) {
    if (body[field] !== undefined) Object.assign(values, { [column]: body[field] });
  }
  // A review interval without a date schedules the first review from today.
  const interval = values.review_interval_months ?? before.review_interval_months;
  if (interval && body.nextReviewOn === undefined && !before.next_review_on) {
    values.next_review_on = addMonths(today, interval);
  }
  const changes = changesOf(before, values, AUDITED);
  if (Object.keys(changes).length === 0) {
    return;
  }
  await updateSafeguard(trx, orgId, before.id, {
    ...values,
    updated_at: deps.clock.now().toISOString(),
  });
  await appendAuditEvent(trx, deps, context, {
    orgId,
    action: 'safeguard.changed',
    entity: { type: 'safeguard', id: before.id },
    changes: { requirement: { after: requirementId }, ...changes },
  });
  await notifyNewOwnerIn(trx, deps, context, {
    orgId,
    ownerId: values.owner_id,
    previousOwnerId: before.owner_id,
    record: { type: 'safeguard', id: requirementId },
    title: `${requirementId} ${requirement.title}`,
  });
}

export async function changeSafeguard(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  requirementId: string,
  body: SafeguardUpdateBody,
) {
  await deps.database.db
    .transaction()
    .execute((trx) => changeSafeguardIn(trx, deps, context, orgId, requirementId, body));
  return getSafeguard(deps, orgId, requirementId);
}

/** Current status of one requirement inside a transaction (for features that act on it). */
export async function safeguardStatusIn(
  trx: Transaction<Database>,
  orgId: string,
  requirementId: string,
): Promise<string> {
  return (await findSafeguardRow(trx, orgId, requirementId))?.status ?? 'not_started';
}
