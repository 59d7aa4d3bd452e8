import { describe, expect, it } from 'vitest';
import { diffVersions } from './diff';

describe('the diff of two versions', () => {
  it('gives the lines kept, removed and added, in order', () => {
    const diff = diffVersions(
      { title: 'Access policy', body: '# Access\n\nLock after 10 minutes.\nBadges.\n' },
      { title: 'Access control policy', body: '# Access\n\nLock after 5 minutes.\nBadges.\n' },
    );
    expect(diff.body).toEqual([
      { change: 'same', text: '# Access\n\n' },
      { change: 'removed', text: 'Lock after 10 minutes.\n' },
      { change: 'added', text: 'Lock after 5 minutes.\n' },
      { change: 'same', text: 'Badges.\n' },
    ]);
    expect(diff.title.filter((p) => p.change === 'added').map((p) => p.text.trim())).toEqual([
      'control',
    ]);
  });

  it('is all "same" between identical texts', () => {
    const diff = diffVersions({ title: 'A', body: 'x\ny' }, { title: 'A', body: 'x\ny' });
    expect(diff.body.every((p) => p.change === 'same')).toBe(true);
  });
});
