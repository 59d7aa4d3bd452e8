import { describe, expect, it } from 'vitest';
import { LINK_TYPES } from '../../contracts/links';
import { FEATURES } from '../features';
import type { Feature, LinkTarget } from './feature';
import { linkRegistry, uuidsOnly } from './links-registry';

describe('link registry', () => {
  it('has a target, declared by its feature, for every link type that names a record', () => {
    const registry = linkRegistry(FEATURES);
    const declared = LINK_TYPES.filter((type) => registry.target(type) !== undefined);
    expect(declared.toSorted()).toEqual(LINK_TYPES.filter((type) => type !== 'url').toSorted());
    expect(registry.target('url')).toBeUndefined();
  });

  it('refuses two features declaring one type', () => {
    const target: LinkTarget = {
      type: 'task',
      exists: () => Promise.resolve(new Set()),
      labels: () => Promise.resolve(new Map()),
    };
    const features: Feature[] = [
      { name: 'a', link: target },
      { name: 'b', link: target },
    ];
    expect(() => linkRegistry(features)).toThrow('Two features declare the link type "task"');
  });

  it('passes only UUID-shaped ids to uuid columns', () => {
    expect(uuidsOnly(['0190a6f2-0000-7000-8000-000000000001', 'TASK-1', "1' or 1=1", ''])).toEqual([
      '0190a6f2-0000-7000-8000-000000000001',
    ]);
  });
});
