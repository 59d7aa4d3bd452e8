import type { AssessmentChanges, Snapshot } from '../../../contracts/risk-assessments';
import type { Risk } from '../../../contracts/risks';
import { gapPhrases, type Gaps } from '../../../contracts/risk-assessment-gaps';
import { allAssets } from '../assets/service';
import { allFlows } from '../assets/flows';
import { flowMapPositions } from '../assets/flow-map';
import { allRisks } from '../risks/service';
import { negligiblePairsOf } from './guided';
import type { Db } from '../../platform/db/types';

/**
 * The register, the inventory, the flows and the assessment's negligible pairs as they stand: what
 * an approval freezes.
 */
export async function takeSnapshot(
  db: Db,
  orgId: string,
  assessmentId: string,
  takenAt: string,
): Promise<Snapshot> {
  const assets = await allAssets(db, orgId);
  const references = new Map(assets.map((a) => [a.id, a.reference]));
  const placed = await flowMapPositions(db, orgId);
  return {
    takenAt,
    risks: await allRisks(db, orgId),
    assets: assets.map((a) => ({
      reference: a.reference,
      name: a.name,
      kind: a.kind,
      holdsEphi: a.holdsEphi,
      criticality: a.criticality,
      encryptionAtRest: a.encryptionAtRest,
      encryptionInTransit: a.encryptionInTransit,
      mfa: a.mfa,
      backup: a.backup,
    })),
    flows: await allFlows(db, orgId),
    negligiblePairs: await negligiblePairsOf(db, orgId, assessmentId, assets),
    mapPositions: placed.flatMap((p) => {
      const reference = references.get(p.assetId);
      return reference ? [{ reference, x: p.x, y: p.y }] : [];
    }),
  };
}

/** What changed in the register since an approved snapshot: the reviewer's reading list. */
export function changesBetween(
  base: Snapshot,
  current: readonly Risk[],
  since: AssessmentChanges['since'],
): AssessmentChanges {
  const before = new Map(base.risks.map((r) => [r.reference, r]));
  const now = new Map(current.map((r) => [r.reference, r]));
  const ref = (r: Risk) => ({ reference: r.reference, title: r.title });
  const changes: AssessmentChanges = {
    since,
    added: [],
    closed: [],
    removed: [],
    rerated: [],
    retreated: [],
  };
  for (const risk of current) {
    const old = before.get(risk.reference);
    if (!old) {
      changes.added.push(ref(risk));
      continue;
    }
    if (old.status === 'open' && risk.status === 'closed') changes.closed.push(ref(risk));
    const [a, b] = [old.inherentLevel?.label ?? null, risk.inherentLevel?.label ?? null];
    const [ra, rb] = [old.residualLevel?.label ?? null, risk.residualLevel?.label ?? null];
    if (a !== b || ra !== rb) {
      changes.rerated.push({
        ...ref(risk),
        before: `${a ?? 'unrated'} → residual ${ra ?? 'unrated'}`,
        after: `${b ?? 'unrated'} → residual ${rb ?? 'unrated'}`,
      });
    }
    if (old.treatment !== risk.treatment) {
      changes.retreated.push({ ...ref(risk), before: old.treatment, after: risk.treatment });
    }
  }
  for (const old of base.risks) {
    if (!now.has(old.reference)) changes.removed.push(ref(old));
  }
  return changes;
}

/** Open risks per level, for the trend across assessments. */
export function levelCounts(
  snapshot: Snapshot,
  levels: readonly { label: string; color: string }[],
) {
  return levels.map((level) => ({
    label: level.label,
    color: level.color,
    count: snapshot.risks.filter(
      (r) => r.status === 'open' && r.inherentLevel?.label === level.label,
    ).length,
  }));
}

/** Acknowledged gaps in words, for the audit trail: "2 unrated risks (RISK-3, RISK-4); …". */
export function gapsInWords(gaps: Gaps): string {
  return gapPhrases(gaps).join('; ');
}
