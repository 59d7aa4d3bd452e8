import * as contracts from '../../contracts/features';
import { featureManifest, type Feature } from '../platform/feature';

/**
 * Every feature of Custos, in the alphabetical order of src/contracts/features.ts (the one list a
 * new feature adds a line to, issue 11): for each contract module, the manifest `feature` of
 * `./<its feature>/index.ts`, checked at load. esbuild bundles the folders this import can name.
 */
async function loadFeatures(): Promise<Feature[]> {
  return Promise.all(
    Object.values(contracts).map(async ({ feature: folder }) => {
      const module: unknown = await import(`./${folder}/index.ts`);
      return featureManifest(folder, module);
    }),
  );
}

export const FEATURES: readonly Feature[] = await loadFeatures();
