import { describe, expect, it } from 'vitest';
import { peopleInLoops } from './import-plan';

describe('reporting lines that loop', () => {
  it('finds the people on a loop, not those who merely report into one', () => {
    const managerOf = new Map<string, string | null>([
      ['a', 'b'],
      ['b', 'c'],
      ['c', 'a'],
      ['d', 'a'],
      ['e', null],
      ['f', 'f'],
      ['g', 'unknown'],
    ]);
    expect([...peopleInLoops(managerOf)].sort()).toEqual(['a', 'b', 'c', 'f']);
  });

  it('walks a 200,000-long line once, not once per person on it', () => {
    // Walked from every person, this line takes 2·10^10 steps: the test would never end.
    const managerOf = new Map<string, string | null>();
    for (let i = 0; i < 200_000; i++) managerOf.set(`p${i}`, i === 0 ? null : `p${i - 1}`);
    expect(peopleInLoops(managerOf).size).toBe(0);
    managerOf.set('p0', 'p199999');
    expect(peopleInLoops(managerOf).size).toBe(200_000);
  });
});
