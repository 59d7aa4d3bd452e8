import type { Asset } from '../../../contracts/assets';
import type { Candidate } from '../../../contracts/risk-assessments';
import type { OrganizationLibrary } from '../../../contracts/risk-library';
import type { AppDeps } from '../../platform/deps';
import { allAssets } from '../assets/service';
import { riskCoverage } from '../risks/service';
import { organizationLibrary } from '../risks/settings';
import { getAssessment } from './service';

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

/**
 * The guided path of an assessment: every active asset that handles ePHI × every threat that
 * applies to its kind, with the register risks already covering the pair, so nothing in scope is
 * forgotten (164.308(a)(1)(ii)(A): all ePHI; SP 800-66r2 §3.2).
 */
export async function candidates(deps: AppDeps, orgId: string, assessmentId: string) {
  await getAssessment(deps, orgId, assessmentId);
  const db = deps.database.db;
  const library = await organizationLibrary(db, orgId);
  const cover = await riskCoverage(db, orgId);
  const assets = (await allAssets(db, orgId)).filter(
    (a) => a.holdsEphi && a.lifecycle !== 'disposed',
  );
  const data: Candidate[] = [];
  for (const asset of assets) {
    for (const threat of library.threats) {
      if (threat.assetKinds && !threat.assetKinds.includes(asset.kind)) continue;
      data.push({
        asset: { id: asset.id, reference: asset.reference, name: asset.name },
        threat: { id: threat.id, title: threat.title },
        vulnerabilities: vulnerabilitiesFor(asset, threat.vulnerabilities, library),
        coveredBy: cover.get(`${asset.id} ${threat.id}`) ?? [],
      });
    }
  }
  return { data, covered: data.filter((c) => c.coveredBy.length > 0).length, total: data.length };
}
