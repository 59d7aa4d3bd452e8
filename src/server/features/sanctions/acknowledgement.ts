import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { ACKNOWLEDGEMENT_WAY_LABELS } from '../../../contracts/sanctions';
import { appendAuditEvent, type AuditContext } from '../../platform/audit/append';
import type { AppDeps } from '../../platform/deps';
import type { Db } from '../../platform/db/types';
import { AppError } from '../../platform/errors';
import { organizationToday } from '../../platform/org-calendar';
import { policyVersionLabels } from '../documents/version-labels';
import { presentOwnSanction, reference } from './presenter';
import { findSanction, listSanctionsAbout, updateSanction, type SanctionRow } from './repository';
import { found, getSanction, refuseOwnSanction } from './service';

// 164.308(a)(1)(ii)(C): the person is told of the sanction and acknowledges it. One actor, one
// role: a person with a Custos account acknowledges it themselves; for anyone else an official
// records the signed paper, as its recorder, never in the person's name.

function userOf(context: AuditContext, what: string): string {
  if (context.actor.type !== 'user' || !context.actor.id) {
    throw new AppError('forbidden', `${what} is a person's own act.`);
  }
  return context.actor.id;
}

async function ownPresented(db: Db, orgId: string, rows: readonly SanctionRow[]) {
  const versions = await policyVersionLabels(
    db,
    orgId,
    rows.flatMap((r) => (r.document_version_id ? [r.document_version_id] : [])),
  );
  return rows.map((r) =>
    presentOwnSanction(
      r,
      r.document_version_id ? (versions.get(r.document_version_id)?.label ?? null) : null,
    ),
  );
}

/** The caller's own records (as a roster person linked to their account), newest first. */
export async function listOwnSanctions(deps: AppDeps, context: AuditContext, orgId: string) {
  const userId = userOf(context, 'Reading your sanctions');
  const db = deps.database.db;
  return { data: await ownPresented(db, orgId, await listSanctionsAbout(db, orgId, userId)) };
}

function refuseAcknowledged(row: SanctionRow): void {
  if (row.acknowledged_on !== null) {
    throw new AppError('conflict', `${reference(row.number)} is acknowledged already.`);
  }
}

/** The person acknowledges a record about themselves, today; anyone else's answers 404. */
export async function acknowledgeOwnSanction(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  id: string,
) {
  const userId = userOf(context, 'Acknowledging a sanction');
  const db = deps.database.db;
  await db.transaction().execute(async (trx) => {
    const row = await findSanction(trx, orgId, id);
    if (row?.person_user_id !== userId) {
      throw new AppError('not_found', 'No such sanction record.');
    }
    refuseAcknowledged(row);
    const today = await organizationToday(trx, deps.clock, orgId);
    if (today < row.decided_on) {
      throw new AppError('conflict', 'This sanction takes effect later: acknowledge it from then.');
    }
    await acknowledgeIn(trx, deps, context, orgId, row, today, 'in_app', userId);
  });
  const [own] = await ownPresented(db, orgId, [await found(db, orgId, id)]);
  if (!own) throw new Error('a found record presents');
  return own;
}

/** An official records the signed paper of a person without a Custos account, as its recorder. */
export async function recordPaperAcknowledgement(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  id: string,
  signedOn: string,
) {
  const recorder = userOf(context, 'Recording an acknowledgement');
  await deps.database.db.transaction().execute(async (trx) => {
    const row = await found(trx, orgId, id);
    await refuseOwnSanction(trx, orgId, row.person_id, context, 'records its acknowledgement');
    if (row.person_user_id !== null) {
      throw new AppError(
        'conflict',
        'This person has a Custos account: they acknowledge the sanction themselves in Custos.',
      );
    }
    refuseAcknowledged(row);
    if (signedOn < row.decided_on) {
      throw AppError.field('body.signedOn', 'must be on or after the decision');
    }
    if (signedOn > (await organizationToday(trx, deps.clock, orgId))) {
      throw AppError.field('body.signedOn', 'must not be in the future');
    }
    await acknowledgeIn(trx, deps, context, orgId, row, signedOn, 'paper', recorder);
  });
  return getSanction(deps, orgId, id);
}

async function acknowledgeIn(
  trx: Transaction<Database>,
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  row: SanctionRow,
  on: string,
  way: 'in_app' | 'paper',
  by: string,
): Promise<void> {
  const now = deps.clock.now().toISOString();
  await updateSanction(trx, orgId, row.id, {
    acknowledged_on: on,
    acknowledged_way: way,
    acknowledged_by: by,
    acknowledged_at: now,
    updated_at: now,
  });
  await appendAuditEvent(trx, deps, context, {
    orgId,
    action: 'sanction.acknowledged',
    entity: { type: 'sanction', id: row.id },
    changes: {
      reference: { after: reference(row.number) },
      acknowledged: { after: `on ${on}, ${ACKNOWLEDGEMENT_WAY_LABELS[way]}` },
    },
  });
}
