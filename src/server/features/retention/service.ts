import { dateWord } from '../../platform/words';
import type { Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import {
  MINIMUM_RETENTION_YEARS,
  RETAINED_RECORD_TYPE_LABELS,
  type LegalHold,
  type LegalHoldBody,
  type RetainedRecord,
  type RetainedRecordType,
  type RetentionSettings,
} from '../../../contracts/retention';
import type { Database } from '../../db/schema';
import { appendAuditEvent, type AuditContext } from '../../platform/audit/append';
import type { AppDeps } from '../../platform/deps';
import type { Db } from '../../platform/db/types';
import { AppError } from '../../platform/errors';
import { findTimeZone } from '../../platform/org-calendar-repository';
import { nextReferenceNumber } from '../../platform/references-repository';
import { addMonths, todayIn } from '../../platform/time';
import { holdReference, presentHold, presentRetained } from './presenter';
import {
  deleteRetained,
  findHold,
  findHoldInForce,
  findRetained,
  findSettings,
  insertHold,
  listHolds,
  listRetained,
  releaseHoldRow,
  saveRetained,
  updateRetainedLabel,
  saveSettings,
} from './repository';

// 164.316(b)(2)(i): documentation is kept six years from creation or from when it was last in
// effect, whichever is later; an organization may keep it longer, never shorter.

/** How many years the organization keeps its records (six unless it chose more). */
export async function retentionYearsIn(db: Db, orgId: string): Promise<number> {
  return (await findSettings(db, orgId))?.years ?? MINIMUM_RETENTION_YEARS;
}

/** The calendar date (org's zone) of an instant or date: retention counts calendar days. */
async function calendarDate(db: Db, orgId: string, value: string): Promise<string> {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  return todayIn((await findTimeZone(db, orgId)) ?? 'UTC', new Date(value));
}

async function keptFromOf(
  db: Db,
  orgId: string,
  dates: { createdAt: string; lastInEffectAt?: string | null },
): Promise<string> {
  const created = await calendarDate(db, orgId, dates.createdAt);
  const inEffect = dates.lastInEffectAt
    ? await calendarDate(db, orgId, dates.lastInEffectAt)
    : created;
  return created > inEffect ? created : inEffect;
}

/**
 * The date until which a record must be kept: the later of its creation and the last day it was in
 * effect, plus the organization's retention years (YYYY-MM-DD).
 */
export async function retainUntilIn(
  db: Db,
  orgId: string,
  dates: { createdAt: string; lastInEffectAt?: string | null },
): Promise<string> {
  return addMonths(await keptFromOf(db, orgId, dates), 12 * (await retentionYearsIn(db, orgId)));
}

/**
 * Enters a record in the retention register, or moves its start later (a version that stays in
 * effect keeps pushing it); returns the date it must be kept until. Call it in the transaction that
 * creates the record and again whenever it leaves effect.
 */
export async function keepRecordIn(
  trx: Transaction<Database>,
  deps: AppDeps,
  orgId: string,
  record: {
    type: RetainedRecordType;
    id: string;
    opensId?: string;
    label: string;
    createdAt: string;
    lastInEffectAt?: string | null;
    /** True while the record is in effect: kept while in effect, then the years. */
    inEffect?: boolean;
  },
): Promise<string> {
  const existing = await findRetained(trx, orgId, record.type, record.id);
  const computed = await keptFromOf(trx, orgId, record);
  const keptFrom = existing && existing.kept_from > computed ? existing.kept_from : computed;
  await saveRetained(trx, {
    org_id: orgId,
    record_type: record.type,
    record_id: record.id,
    opens_id: record.opensId ?? record.id,
    label: record.label,
    kept_from: keptFrom,
    in_effect: record.inEffect ? 1 : 0,
    updated_at: deps.clock.now().toISOString(),
  });
  return addMonths(keptFrom, 12 * (await retentionYearsIn(trx, orgId)));
}

/**
 * Renames a record in the register when its owner renames it (an evidence file's title), so the
 * register names what people call it; the dates it is kept by do not change.
 */
export async function relabelRecordIn(
  trx: Transaction<Database>,
  deps: AppDeps,
  orgId: string,
  record: { type: RetainedRecordType; id: string; label: string },
): Promise<void> {
  await updateRetainedLabel(trx, {
    org_id: orgId,
    record_type: record.type,
    record_id: record.id,
    label: record.label,
    updated_at: deps.clock.now().toISOString(),
  });
}

/**
 * Refuses (409) to delete a record under a legal hold, or before the date it must be kept until;
 * otherwise takes it out of the register. Call it in the deleting transaction, before deleting.
 */
export async function assertMayDeleteIn(
  trx: Transaction<Database>,
  deps: AppDeps,
  orgId: string,
  record: {
    type: RetainedRecordType;
    id: string;
    label: string;
    retainUntil?: string;
    /** Added by mistake moments ago (the caller judges): no record yet, a hold still binds. */
    mistake?: boolean;
  },
): Promise<void> {
  const hold = await findHoldInForce(trx, orgId, record.type, record.id);
  if (hold) {
    throw new AppError(
      'conflict',
      `${record.label} is under legal hold ${holdReference(hold.number)} (${hold.reason}): it cannot be deleted until the hold is released.`,
    );
  }
  const kept = await findRetained(trx, orgId, record.type, record.id);
  const years = await retentionYearsIn(trx, orgId);
  const registered = kept ? addMonths(kept.kept_from, 12 * years) : undefined;
  const until = [record.retainUntil, registered]
    .filter((d): d is string => d !== undefined)
    .sort()
    .at(-1);
  const today = todayIn((await findTimeZone(trx, orgId)) ?? 'UTC', deps.clock.now());
  if (until !== undefined && today <= until && !record.mistake) {
    throw new AppError(
      'conflict',
      `${record.label} must be kept until ${dateWord(until)} (${years} years from when it was created or last in effect, 164.316(b)(2)(i)): it cannot be deleted before then.`,
    );
  }
  await deleteRetained(trx, orgId, record.type, record.id);
}

/** The legal hold in force on one record, if any (the record's page shows it). */
export async function holdInForce(
  db: Db,
  orgId: string,
  record: { type: RetainedRecordType; id: string },
): Promise<LegalHold | null> {
  const row = await findHoldInForce(db, orgId, record.type, record.id);
  return row ? presentHold(row) : null;
}

export async function getRetentionSettings(
  deps: AppDeps,
  orgId: string,
): Promise<RetentionSettings> {
  return {
    years: await retentionYearsIn(deps.database.db, orgId),
    minimumYears: MINIMUM_RETENTION_YEARS,
  };
}

export async function changeRetentionSettings(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  years: number,
): Promise<RetentionSettings> {
  await deps.database.db.transaction().execute(async (trx) => {
    const before = await retentionYearsIn(trx, orgId);
    if (before === years) return;
    await saveSettings(trx, {
      org_id: orgId,
      years,
      updated_at: deps.clock.now().toISOString(),
      updated_by: context.actor.type === 'user' ? context.actor.id : null,
    });
    await appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'retention.settings_changed',
      entity: { type: 'organization', id: orgId },
      changes: { retentionYears: { before, after: years } },
    });
  });
  return getRetentionSettings(deps, orgId);
}

async function heldOrNotFound(db: Db, orgId: string, id: string) {
  const row = await findHold(db, orgId, id);
  if (!row) throw new AppError('not_found', 'No such legal hold.');
  return row;
}

export async function placeLegalHold(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  body: LegalHoldBody,
): Promise<LegalHold> {
  const id = await deps.database.db.transaction().execute(async (trx) => {
    const record = await findRetained(trx, orgId, body.recordType, body.recordId);
    if (!record) {
      throw new AppError(
        'not_found',
        `No such ${RETAINED_RECORD_TYPE_LABELS[body.recordType].toLowerCase()} is kept.`,
      );
    }
    const existing = await findHoldInForce(trx, orgId, body.recordType, body.recordId);
    if (existing) {
      throw new AppError(
        'conflict',
        `${record.label} is already under legal hold ${holdReference(existing.number)}.`,
      );
    }
    const row = {
      id: uuidv7(),
      org_id: orgId,
      number: await nextReferenceNumber(trx, orgId, 'legal_hold'),
      record_type: body.recordType,
      record_id: body.recordId,
      record_label: record.label,
      reason: body.reason,
      placed_by: context.actor.type === 'user' ? context.actor.id : null,
      placed_at: deps.clock.now().toISOString(),
      released_by: null,
      released_at: null,
      release_reason: null,
    };
    await insertHold(trx, row);
    await appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'legal_hold.placed',
      entity: { type: 'legal_hold', id: row.id },
      changes: {
        reference: { after: holdReference(row.number) },
        record: { after: record.label },
        reason: { after: body.reason },
      },
    });
    return row.id;
  });
  return presentHold(await heldOrNotFound(deps.database.db, orgId, id));
}

export async function releaseLegalHold(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  id: string,
  reason: string,
): Promise<LegalHold> {
  await deps.database.db.transaction().execute(async (trx) => {
    const hold = await heldOrNotFound(trx, orgId, id);
    if (hold.released_at !== null) {
      throw new AppError(
        'conflict',
        `Legal hold ${holdReference(hold.number)} is already released.`,
      );
    }
    await releaseHoldRow(trx, orgId, id, {
      released_by: context.actor.type === 'user' ? context.actor.id : null,
      released_at: deps.clock.now().toISOString(),
      release_reason: reason,
    });
    await appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'legal_hold.released',
      entity: { type: 'legal_hold', id },
      changes: { released: { before: false, after: true }, releaseReason: { after: reason } },
    });
  });
  return presentHold(await heldOrNotFound(deps.database.db, orgId, id));
}

const PAGE = 100;

/** One page of the register: each record, until when it is kept, and the hold in force on it. */
export async function listRegister(
  deps: AppDeps,
  orgId: string,
  query: { held?: 'true' | 'false' | undefined; cursor?: string | undefined },
): Promise<{ data: RetainedRecord[]; nextCursor: string | null }> {
  const db = deps.database.db;
  const [keptFrom = '', id = ''] = query.cursor ? query.cursor.split(/_(.*)/s) : [];
  const rows = await listRetained(db, orgId, {
    heldOnly: query.held === 'true',
    after: query.cursor ? { keptFrom, id } : null,
    limit: PAGE + 1,
  });
  const page = rows.slice(0, PAGE);
  const holdIds = page.flatMap((row) => (row.hold_id ? [row.hold_id] : []));
  const holds = new Map((await listHolds(db, orgId, holdIds)).map((h) => [h.id, presentHold(h)]));
  const years = await retentionYearsIn(db, orgId);
  const last = page.at(-1);
  return {
    data: page.map((row) =>
      presentRetained(row, years, row.hold_id ? (holds.get(row.hold_id) ?? null) : null),
    ),
    nextCursor: rows.length > PAGE && last ? `${last.kept_from}_${last.record_id}` : null,
  };
}

export async function listLegalHolds(deps: AppDeps, orgId: string): Promise<{ data: LegalHold[] }> {
  return { data: (await listHolds(deps.database.db, orgId)).map(presentHold) };
}
