import { describe, expect, it } from 'vitest';
import { openChoices } from './open-choices';

describe('open choices of a policy text', () => {
  it('finds each [choose: …] mark, in order, and nothing else', () => {
    const body = 'Reviewed every [choose: 12] months.\n\n[Link](https://x.example) [choose: who]\n';
    expect(openChoices(body)).toEqual(['[choose: 12]', '[choose: who]']);
    expect(openChoices('No marks here [not a choice].')).toEqual([]);
  });
});
