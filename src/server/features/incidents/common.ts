import type { Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import {
  DEFAULT_SEVERITY_SCALE,
  type SeverityLevel,
  type TimelineKind,
} from '../../../contracts/incidents-schemas';
import type { Database } from '../../db/schema';
import type { AuditContext } from '../../platform/audit/append';
import { actingPersonIn } from '../../platform/auth/members';
import type { AppDeps } from '../../platform/deps';
import type { Db } from '../../platform/db/types';
import { AppError } from '../../platform/errors';
import { findPeopleNames } from '../../platform/people-repository';
import {
  findIncident,
  insertTimelineEntry,
  listSeverityLevels,
  type IncidentRow,
} from './repository';

// What the incidents' operations share: finding a record, the scale, the timeline's author.

export async function foundIncident(db: Db, orgId: string, id: string): Promise<IncidentRow> {
  const row = await findIncident(db, orgId, id);
  if (!row) throw new AppError('not_found', 'No such incident.');
  return row;
}

/** The organization's severity scale: its own, or Custos's default of four levels. */
export async function severityScale(
  db: Db,
  orgId: string,
): Promise<{ levels: SeverityLevel[]; isDefault: boolean }> {
  const rows = await listSeverityLevels(db, orgId);
  if (rows.length > 0) {
    return {
      levels: rows.map((r) => ({ level: r.level, name: r.name, definition: r.definition })),
      isDefault: false,
    };
  }
  return {
    levels: DEFAULT_SEVERITY_SCALE.map((s, i) => ({ level: i + 1, ...s })),
    isDefault: true,
  };
}

/** Who an entry of the timeline names: the acting member's name, else how they came. */
export async function actorOf(
  trx: Db,
  orgId: string,
  context: AuditContext,
): Promise<{ id: string | null; label: string }> {
  if (context.actor.type === 'anonymous') return { id: null, label: 'Anonymous reporter' };
  const userId = await actingPersonIn(trx, orgId, context.actor);
  if (userId === null) return { id: null, label: 'Custos' };
  const name = (await findPeopleNames(trx, orgId, [userId])).get(userId);
  return { id: userId, label: name ?? 'Former member' };
}

/** Appends an entry to an incident's timeline (164.308(a)(6)(ii): document incidents). */
export async function recordTimelineIn(
  trx: Transaction<Database>,
  deps: AppDeps,
  context: AuditContext,
  entry: {
    orgId: string;
    incidentId: string;
    kind: TimelineKind;
    text: string;
    at?: string | undefined;
    evidenceId?: string | null | undefined;
  },
): Promise<string> {
  const now = deps.clock.now().toISOString();
  const actor = await actorOf(trx, entry.orgId, context);
  const id = uuidv7();
  await insertTimelineEntry(trx, {
    id,
    org_id: entry.orgId,
    incident_id: entry.incidentId,
    kind: entry.kind,
    text: entry.text,
    at: entry.at ?? now,
    recorded_at: now,
    actor_id: actor.id,
    actor_label: actor.label,
    evidence_id: entry.evidenceId ?? null,
  });
  return id;
}
