import type { Asset } from '../../../contracts/assets';
import type { Candidate } from '../../../contracts/risk-assessments';
import {
  gapPhrases,
  type Gaps,
  type NegligiblePair,
} from '../../../contracts/risk-assessment-gaps';
import type { OrganizationLibrary } from '../../../contracts/risk-library';
import type { Risk } from '../../../contracts/risks';
import type { AppDeps } from '../../platform/deps';
import type { Db } from '../../platform/db/types';
import { AppError } from '../../platform/errors';
import { allAssets } from '../assets/service';
import { allRisks, riskCoverage } from '../risks/service';
import { organizationLibrary } from '../risks/settings';
import { listNegligiblePairs } from './pairs-repository';
import { findAssessment } from './repository';

const PROTECTED = new Set(['yes', 'not_applicable']);

/** The vulnerabilities of a threat that may apply to this asset, judged by its protections. */
function vulnerabilitiesFor(
  asset: Asset,
  threatVulnerabilities: readonly string[],
  library: OrganizationLibrary,
) {
  return threatVulnerabilities.flatMap((id) => {
    const v = library.vulnerabilities.find((x) => x.id === id);
    if (!v) return [];
    if (v.unlessProtected && PROTECTED.has(asset[v.unlessProtected])) return [];
    return [{ id: v.id, title: v.title }];
  });
}

/** The negligible judgements of an assessment, with asset and threat named. */
export async function negligiblePairsOf(
  db: Db,
  orgId: string,
  assessmentId: string,
  assets?: readonly Asset[],
  library?: OrganizationLibrary,
): Promise<NegligiblePair[]> {
  const rows = await listNegligiblePairs(db, orgId, assessmentId);
  if (rows.length === 0) return [];
  const byId = new Map((assets ?? (await allAssets(db, orgId))).map((a) => [a.id, a]));
  const threats = (library ?? (await organizationLibrary(db, orgId))).threats;
  return rows.map((row) => {
    const asset = byId.get(row.asset_id);
    return {
      id: row.id,
      asset: { id: row.asset_id, reference: asset?.reference ?? '', name: asset?.name ?? '' },
      threat: {
        id: row.threat_id,
        title: threats.find((t) => t.id === row.threat_id)?.title ?? row.threat_id,
      },
      reason: row.reason,
      decidedBy: row.decided_by ? { id: row.decided_by, name: row.decided_by_name ?? '' } : null,
      decidedAt: row.decided_at,
    };
  });
}

/**
 * The guided path of an assessment: every active asset that handles ePHI × every threat that
 * applies to its kind, with the register risks already covering the pair and the judgement that
 * it is negligible, so nothing in scope is forgotten (164.308(a)(1)(ii)(A): all ePHI; SP 800-66r2
 * §3.2). `db` is a transaction when an approval re-checks what it read.
 */
export async function guidedPairs(db: Db, orgId: string, assessmentId: string) {
  const row = await findAssessment(db, orgId, assessmentId);
  if (!row) throw new AppError('not_found', 'No such risk assessment.');
  const library = await organizationLibrary(db, orgId);
  const cover = await riskCoverage(db, orgId);
  const all = await allAssets(db, orgId);
  const negligible = await negligiblePairsOf(db, orgId, assessmentId, all, library);
  const judged = new Map(negligible.map((p) => [`${p.asset.id} ${p.threat.id}`, p]));
  const assets = all.filter(inScope);
  const pairs: Candidate[] = [];
  for (const asset of assets) {
    for (const threat of library.threats) {
      if (!threatApplies(threat, asset)) continue;
      const key = `${asset.id} ${threat.id}`;
      pairs.push({
        asset: { id: asset.id, reference: asset.reference, name: asset.name },
        threat: { id: threat.id, title: threat.title },
        vulnerabilities: vulnerabilitiesFor(asset, threat.vulnerabilities, library),
        coveredBy: cover.get(key) ?? [],
        negligible: judged.get(key) ?? null,
      });
    }
  }
  return { pairs, assets, negligible };
}

/** An asset the guided path covers: it holds ePHI and has not been disposed of. */
export function inScope(asset: Asset): boolean {
  return asset.holdsEphi && asset.lifecycle !== 'disposed';
}

/** A threat the guided path pairs with this asset: one that applies to its kind. */
export function threatApplies(
  threat: OrganizationLibrary['threats'][number],
  asset: Asset,
): boolean {
  return !threat.assetKinds || threat.assetKinds.includes(asset.kind);
}

/** Pairs a risk covers or a judgement calls negligible. */
export function isCovered(pair: Candidate): boolean {
  return pair.coveredBy.length > 0 || pair.negligible !== null;
}

/** The guided path as the page shows it. */
export async function candidates(deps: AppDeps, orgId: string, assessmentId: string) {
  const { pairs } = await guidedPairs(deps.database.db, orgId, assessmentId);
  return { data: pairs, covered: pairs.filter(isCovered).length, total: pairs.length };
}

/** What is incomplete, from the register, the guided pairs and the ePHI assets. */
export function gapsOf(
  risks: readonly Risk[],
  pairs: readonly Candidate[],
  ephiAssets: readonly Asset[],
): Gaps {
  const named = new Set(risks.flatMap((r) => r.assets.map((a) => a.id)));
  for (const pair of pairs) if (pair.negligible) named.add(pair.asset.id);
  const open = risks.filter((r) => r.status === 'open');
  const ref = (r: Risk) => ({ reference: r.reference, title: r.title });
  return {
    unratedRisks: open.filter((r) => !r.inherentLevel).map(ref),
    untreatedRisks: open.filter((r) => !r.treatment).map(ref),
    unownedRisks: open.filter((r) => !r.owner).map(ref),
    uncoveredPairs: pairs
      .filter((p) => !isCovered(p))
      .map((p) => ({
        asset: { reference: p.asset.reference, name: p.asset.name },
        threat: p.threat,
      })),
    assetsWithoutRisks: ephiAssets
      .filter((a) => !named.has(a.id))
      .map((a) => ({ reference: a.reference, name: a.name })),
  };
}

/**
 * The gaps of an assessment. `risks` are those the step freezes (an approval's snapshot), else
 * the live register.
 */
export async function gapsOfAssessment(
  db: Db,
  orgId: string,
  assessmentId: string,
  risks?: readonly Risk[],
): Promise<Gaps> {
  const { pairs, assets } = await guidedPairs(db, orgId, assessmentId);
  return gapsOf(risks ?? (await allRisks(db, orgId)), pairs, assets);
}

/** Refuses a step that leaves gaps unless they are acknowledged: 409 naming them. */
export function requireAcknowledged(
  reference: string,
  step: 'submit' | 'approve',
  gaps: Gaps,
  acknowledged: boolean | undefined,
): void {
  const phrases = gapPhrases(gaps);
  if (phrases.length === 0 || acknowledged === true) return;
  throw new AppError(
    'conflict',
    `${reference} is incomplete: ${phrases.join('; ')}. To ${step} it anyway, acknowledge what is incomplete (acknowledgeIncomplete).`,
    [{ path: 'body.acknowledgeIncomplete', message: `must be true to ${step} with gaps` }],
  );
}
