import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { breakLongWords, PIECE } from './long-words';

describe('breakLongWords', () => {
  it('leaves ordinary text alone and splits long words into short pieces', () => {
    expect(breakLongWords('Lock the screen.')).toBe('Lock the screen.');
    const word = 'x'.repeat(200_000);
    const pieces = breakLongWords(word).split('\u00ad');
    expect(pieces.every((p) => p.length <= PIECE)).toBe(true);
    expect(pieces.join('')).toBe(word);
  });

  it('never leaves a piece longer than PIECE, and only adds soft hyphens', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 500 }), (text) => {
        const broken = breakLongWords(text);
        expect(broken.replace(/\u00ad/g, '')).toBe(text.replace(/\u00ad/g, ''));
        for (const piece of broken.split(/[\s\u00ad]/))
          expect(piece.length).toBeLessThanOrEqual(PIECE);
      }),
    );
  });
});
