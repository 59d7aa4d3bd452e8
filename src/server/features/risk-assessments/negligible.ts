import { v7 as uuidv7 } from 'uuid';
import type { NegligiblePair, NegligiblePairBody } from '../../../contracts/risk-assessment-gaps';
import { appendAuditEvent, type AuditContext } from '../../platform/audit/append';
import type { AppDeps } from '../../platform/deps';
import type { Db } from '../../platform/db/types';
import { AppError } from '../../platform/errors';
import { allAssets } from '../assets/service';
import { organizationLibrary } from '../risks/settings';
import { inScope, negligiblePairsOf, threatApplies } from './guided';
import {
  deleteNegligiblePair,
  findNegligiblePair,
  insertNegligiblePairs,
  listNegligiblePairs,
  updateNegligibleReason,
} from './pairs-repository';
import { findAssessment } from './repository';
import { requireEditable } from './editable';

async function editableAssessment(db: Db, orgId: string, id: string) {
  const row = await findAssessment(db, orgId, id);
  if (!row) throw new AppError('not_found', 'No such risk assessment.');
  requireEditable(row);
  return row;
}

/**
 * Records that the assessment considered a guided pair (an asset × a threat) and judged its risk
 * negligible, with the reason; the report lists it, so an auditor sees the pair was considered
 * (164.308(a)(1)(ii)(A), 164.316(b)(1)). Judging a pair again changes the reason.
 */
export async function judgeNegligible(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  assessmentId: string,
  body: NegligiblePairBody,
): Promise<NegligiblePair> {
  const db = deps.database.db;
  // The assessment first: another organization's answers 404 whatever the body names.
  await editableAssessment(db, orgId, assessmentId);
  const assets = await allAssets(db, orgId);
  const asset = assets.find((a) => a.id === body.assetId);
  if (!asset) throw AppError.field('body.assetId', 'names no asset of this organization');
  const library = await organizationLibrary(db, orgId);
  const threat = library.threats.find((t) => t.id === body.threatId);
  if (!threat) throw AppError.field('body.threatId', 'names no threat of the library');
  // Only a pair the guided path offers: a judgement nobody can see on the page must not reach the report.
  if (!inScope(asset)) {
    throw AppError.field(
      'body.assetId',
      'names an asset outside the analysis (no ePHI, or disposed of)',
    );
  }
  if (!threatApplies(threat, asset)) {
    throw AppError.field(
      'body.threatId',
      `names a threat that does not apply to ${asset.reference}`,
    );
  }
  const decidedBy = context.actor.type === 'user' ? context.actor.id : null;
  const id = await db.transaction().execute(async (trx) => {
    const row = await editableAssessment(trx, orgId, assessmentId);
    const now = deps.clock.now().toISOString();
    const before = await findNegligiblePair(trx, orgId, assessmentId, {
      assetId: asset.id,
      threatId: threat.id,
    });
    const pairId = before?.id ?? uuidv7();
    if (before) {
      if (before.reason === body.reason) return pairId;
      await updateNegligibleReason(trx, orgId, pairId, {
        reason: body.reason,
        decided_by: decidedBy,
        decided_at: now,
      });
    } else {
      await insertNegligiblePairs(trx, [
        {
          id: pairId,
          org_id: orgId,
          assessment_id: assessmentId,
          asset_id: asset.id,
          threat_id: threat.id,
          reason: body.reason,
          decided_by: decidedBy,
          decided_at: now,
        },
      ]);
    }
    await appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'risk_assessment.pair_judged_negligible',
      entity: { type: 'risk_assessment', id: assessmentId },
      changes: {
        assessment: { after: `RA-${row.number}` },
        pair: { after: `${asset.reference} ${asset.name} × ${threat.title}` },
        reason: { ...(before ? { before: before.reason } : {}), after: body.reason },
      },
    });
    return pairId;
  });
  const pairs = await negligiblePairsOf(db, orgId, assessmentId, assets, library);
  const pair = pairs.find((p) => p.id === id);
  if (!pair) throw new AppError('conflict', 'The judgement was withdrawn meanwhile.');
  return pair;
}

/** Withdraws a negligible judgement: the pair is open again on the guided path. */
export async function reopenPair(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  assessmentId: string,
  pairId: string,
): Promise<void> {
  const db = deps.database.db;
  const [pair] = (await negligiblePairsOf(db, orgId, assessmentId)).filter((p) => p.id === pairId);
  if (!pair) throw new AppError('not_found', 'No such negligible pair in this assessment.');
  await db.transaction().execute(async (trx) => {
    const row = await editableAssessment(trx, orgId, assessmentId);
    if (!(await findNegligiblePair(trx, orgId, assessmentId, { id: pairId }))) {
      throw new AppError('not_found', 'No such negligible pair in this assessment.');
    }
    await deleteNegligiblePair(trx, orgId, pairId);
    await appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'risk_assessment.pair_reopened',
      entity: { type: 'risk_assessment', id: assessmentId },
      changes: {
        assessment: { after: `RA-${row.number}` },
        pair: { before: `${pair.asset.reference} ${pair.asset.name} × ${pair.threat.title}` },
        reason: { before: pair.reason },
      },
    });
  });
}

/** A new draft carries the judgements of the assessment it starts from (who and when kept). */
export async function copyNegligiblePairsIn(
  trx: Db,
  orgId: string,
  fromId: string,
  toId: string,
): Promise<number> {
  const rows = await listNegligiblePairs(trx, orgId, fromId);
  await insertNegligiblePairs(
    trx,
    rows.map((row) => ({
      id: uuidv7(),
      org_id: row.org_id,
      assessment_id: toId,
      asset_id: row.asset_id,
      threat_id: row.threat_id,
      reason: row.reason,
      decided_by: row.decided_by,
      decided_at: row.decided_at,
    })),
  );
  return rows.length;
}
