import { describe, expect, it } from 'vitest';
import * as contracts from '../../contracts/features';
import { FEATURES } from '../features';
import { featureManifest, isFeature } from './feature';

describe('feature manifests', () => {
  it('loads one per module of contracts/features.ts, in its order', () => {
    expect(FEATURES.map((f) => f.name)).toEqual(Object.values(contracts).map((c) => c.feature));
  });

  it('takes the `feature` a folder exports when its name is the folder', () => {
    const feature = { name: 'vendors', tables: ['tasks'], routes: () => undefined };
    expect(featureManifest('vendors', { feature })).toBe(feature);
  });

  it('refuses a folder exporting no manifest, a wrong shape or another name', () => {
    expect(() => featureManifest('vendors', {})).toThrow(
      'src/server/features/vendors/index.ts exports no feature manifest',
    );
    expect(() => featureManifest('vendors', { vendorsFeature: { name: 'vendors' } })).toThrow(
      'exports no feature manifest',
    );
    expect(() => featureManifest('vendors', { feature: { name: 'vendor' } })).toThrow(
      'declares the feature "vendor", not "vendors"',
    );
    expect(isFeature({ name: 'vendors', routes: 'no' })).toBe(false);
    expect(isFeature({ name: 'vendors', tables: 'tasks' })).toBe(false);
    expect(isFeature({ name: 'vendors', demo: undefined })).toBe(true);
    expect(isFeature(null)).toBe(false);
  });
});
