import { describe, expect, it } from 'vitest';
import { openChoices } from './open-choices';

describe('open choices of a policy text', () => {
  it('finds each [choose: …] mark, in order, and nothing else', () => {
    const body = 'Reviewed every [choose: 12] months.\n\n[Link](https://x.example) [choose: who]\n';
    expect(openChoices(body)).toEqual(['[choose: 12]', '[choose: who]']);
    expect(openChoices('No marks here [not a choice].')).toEqual([]);
    // Wrapped over two lines, as the templates do with long marks (found by a newcomer).
    expect(openChoices('named after them [choose: first initial and\n  last name].')).toEqual([
      '[choose: first initial and last name]',
    ]);
  });
});
