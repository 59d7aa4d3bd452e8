import * as contracts from '../../contracts/features';
import { webFeaturesOf, type WebFeature } from './web-feature';

/**
 * Every web feature: the `manifest` of each `features/<feature>/index.tsx`, checked at load (a
 * folder whose index exports none fails loudly). Adding a feature adds no line here.
 */
export const WEB_FEATURES: readonly WebFeature[] = webFeaturesOf(
  import.meta.glob('../features/*/index.tsx', { eager: true }),
  Object.values(contracts).map((c) => c.feature),
);
