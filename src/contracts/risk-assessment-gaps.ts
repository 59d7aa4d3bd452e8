import { countOf } from './words';
import { z } from 'zod';
import { AssetRef } from './assets';
import { PersonRef, Required } from './common';

const RiskRef = z.object({ reference: z.string(), title: z.string() });

/**
 * What an assessment leaves incomplete: open risks without a rating, a treatment or an owner,
 * guided pairs (an ePHI asset × a threat that applies to it) that no risk covers and nobody judged
 * negligible, and ePHI assets that no risk names. Submitting or approving with any of these needs an explicit acknowledgement,
 * recorded with the step (164.308(a)(1)(ii)(A): an accurate and thorough assessment).
 */
export const GapsSchema = z.object({
  unratedRisks: z.array(RiskRef),
  // 164.308(a)(1)(ii)(B): each risk is managed; gaps recorded before these existed have none.
  untreatedRisks: z.array(RiskRef).default([]),
  unownedRisks: z.array(RiskRef).default([]),
  uncoveredPairs: z.array(
    z.object({
      asset: z.object({ reference: z.string(), name: z.string() }),
      threat: z.object({ id: z.string(), title: z.string() }),
    }),
  ),
  assetsWithoutRisks: z.array(z.object({ reference: z.string(), name: z.string() })),
});
export type Gaps = z.infer<typeof GapsSchema>;

/** Whether nothing is left incomplete. */
export function isComplete(gaps: Gaps): boolean {
  return (
    gaps.unratedRisks.length === 0 &&
    gaps.untreatedRisks.length === 0 &&
    gaps.unownedRisks.length === 0 &&
    gaps.uncoveredPairs.length === 0 &&
    gaps.assetsWithoutRisks.length === 0
  );
}

/** The gaps in words, one phrase per kind present: "2 unrated risks (RISK-3, RISK-4)". */
export function gapPhrases(gaps: Gaps): string[] {
  const refs = (items: readonly { reference: string }[]) => {
    const shown = items.slice(0, 10).map((i) => i.reference);
    return `(${shown.join(', ')}${items.length > shown.length ? ', …' : ''})`;
  };
  const phrases: string[] = [];
  if (gaps.unratedRisks.length > 0) {
    phrases.push(
      `${countOf(gaps.unratedRisks.length, 'unrated risk', 'unrated risks')} ${refs(gaps.unratedRisks)}`,
    );
  }
  if (gaps.untreatedRisks.length > 0) {
    phrases.push(
      `${countOf(gaps.untreatedRisks.length, 'open risk', 'open risks')} without a treatment ${refs(gaps.untreatedRisks)}`,
    );
  }
  if (gaps.unownedRisks.length > 0) {
    phrases.push(
      `${countOf(gaps.unownedRisks.length, 'open risk', 'open risks')} without an owner ${refs(gaps.unownedRisks)}`,
    );
  }
  if (gaps.uncoveredPairs.length > 0) {
    phrases.push(
      countOf(
        gaps.uncoveredPairs.length,
        'guided pair (asset × threat) neither covered by a risk nor judged negligible',
        'guided pairs (asset × threat) neither covered by a risk nor judged negligible',
      ),
    );
  }
  if (gaps.assetsWithoutRisks.length > 0) {
    phrases.push(
      `${countOf(gaps.assetsWithoutRisks.length, 'ePHI asset', 'ePHI assets')} without any risk ${refs(gaps.assetsWithoutRisks)}`,
    );
  }
  return phrases;
}

/** A guided pair an assessment considered and judged negligible, with the reason. */
export const NegligiblePairSchema = z.object({
  id: z.string(),
  asset: AssetRef,
  threat: z.object({ id: z.string(), title: z.string() }),
  reason: z.string(),
  decidedBy: PersonRef.nullable(),
  decidedAt: z.string(),
});
export type NegligiblePair = z.infer<typeof NegligiblePairSchema>;

export const NegligiblePairBodySchema = z.object({
  assetId: z.uuid({ error: 'must be an asset id' }),
  threatId: Required(40),
  reason: Required(1000).describe('Why the pair carries negligible risk (printed in the report)'),
});
export type NegligiblePairBody = z.infer<typeof NegligiblePairBodySchema>;

/** Submitting or approving: an acknowledgement of what is left incomplete, if anything. */
export const AcknowledgeBodySchema = z.object({
  acknowledgeIncomplete: z
    .boolean()
    .optional()
    .describe(
      'Required (true) when the assessment has gaps (GET …/gaps): they are recorded with the step',
    ),
});
export type AcknowledgeBody = z.infer<typeof AcknowledgeBodySchema>;
