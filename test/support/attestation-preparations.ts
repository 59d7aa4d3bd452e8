import { publishedPolicies } from '../../src/server/features/attestations/obligations';
import { versionsInEffect } from '../../src/server/features/documents/in-effect';
import { sessionHeaders } from './factories';
import type { Preparation } from './preparations';

/**
 * Publishing needs a policy with a version in effect (the demo's newest documents are drafts and a
 * retired form); acknowledging needs someone asked to read a version they have not acknowledged.
 */
export const ATTESTATION_PREPARATIONS: Record<string, Preparation> = {
  'PUT /api/orgs/:orgId/documents/:documentId/audience': async (t, clinic, contract, clock) => {
    const db = t.database.handle.db;
    const [inEffect] = await versionsInEffect(db, clinic.orgId);
    if (!inEffect) throw new Error('the demo clinic has no policy in effect');
    const person = clinic.personFor(contract);
    return {
      headers: await sessionHeaders(db, clock, person.userId, clinic.orgId),
      id: (param, nth) => (param === 'documentId' ? inEffect.documentId : clinic.id(param, nth)),
    };
  },
  'POST /api/orgs/:orgId/my-policies/:versionId/acknowledge': async (t, clinic, _c, clock) => {
    const db = t.database.handle.db;
    const waiting = (await publishedPolicies(db, clinic.orgId, clock.now()))
      .flatMap((p) => p.obligations)
      .find((o) => o.status !== 'acknowledged');
    if (!waiting) throw new Error('the demo clinic has no acknowledgement waiting');
    return {
      headers: await sessionHeaders(db, clock, waiting.userId, clinic.orgId),
      id: (param, nth) =>
        param === 'versionId' ? waiting.version.versionId : clinic.id(param, nth),
      body: { sha256: waiting.version.sha256 },
    };
  },
};
