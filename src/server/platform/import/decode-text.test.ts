import { isUtf8 } from 'node:buffer';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { decodeText, firstInvalidUtf8 } from './decode-text';

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

const utf16 = (text: string, bigEndian: boolean) => {
  const le = Buffer.from(`\uFEFF${text}`, 'utf16le');
  return bigEndian ? Buffer.from(le).swap16() : le;
};

describe('firstInvalidUtf8', () => {
  it('finds nothing in UTF-8 and the first bad byte elsewhere, as the WHATWG decoder judges', () => {
    // Bytes biased towards the tricky ranges: lead bytes, continuations, overlongs, surrogates.
    const byte = fc.oneof(
      fc.integer({ min: 0, max: 0x7f }),
      fc.integer({ min: 0x80, max: 0xbf }),
      fc.integer({ min: 0xc0, max: 0xff }),
    );
    fc.assert(
      fc.property(fc.array(byte, { maxLength: 24 }), (bytes) => {
        const buffer = Buffer.from(bytes);
        const bad = firstInvalidUtf8(buffer);
        expect(bad === -1).toBe(isUtf8(buffer));
        if (bad !== -1) {
          expect(isUtf8(buffer.subarray(0, bad))).toBe(true);
        }
      }),
      { numRuns: 5000 },
    );
    expect(firstInvalidUtf8(Buffer.from('Zürich 東京 🩺'))).toBe(-1);
    expect(firstInvalidUtf8(Buffer.from([0x41, 0xed, 0xa0, 0x80]))).toBe(1); // a surrogate
    expect(firstInvalidUtf8(Buffer.from([0x41, 0xc0, 0xaf]))).toBe(1); // an overlong "/"
  });
});

describe('decodeText', () => {
  it('reads UTF-8 with or without its byte-order mark', () => {
    expect(decodeText(Buffer.from('kind,name\nserver,Zürich\n'))).toBe(
      'kind,name\nserver,Zürich\n',
    );
    expect(decodeText(Buffer.from('\uFEFFkind,name\n'))).toBe('kind,name\n');
  });

  it('refuses Windows-1252 naming the first line that is not UTF-8', () => {
    const latin = Buffer.concat([
      Buffer.from('kind,name\nserver,ok\nserver,Caf'),
      Buffer.from([0xe9]), // "é" in Windows-1252
      Buffer.from('\n'),
    ]);
    const error = refusal(() => decodeText(latin));
    expect(error.status).toBe(400);
    expect(error.message).toBe('body is not UTF-8 (line 3): save the file as CSV UTF-8.');
    expect(error.details).toEqual([
      { path: 'body', message: 'is not UTF-8 (line 3): save the file as CSV UTF-8' },
    ]);
  });

  it('decodes UTF-16 with a byte-order mark, little- or big-endian', () => {
    for (const bigEndian of [false, true]) {
      expect(decodeText(utf16('kind\tname\r\nserver\tZürich 🩺\r\n', bigEndian))).toBe(
        'kind\tname\r\nserver\tZürich 🩺\r\n',
      );
    }
  });

  it('refuses broken UTF-16, UTF-32 and NUL characters with the line', () => {
    const lone = Buffer.concat([
      utf16('kind\nname\n', false),
      Buffer.from([0x00, 0xd8, 0x41, 0x00]),
    ]);
    expect(refusal(() => decodeText(lone)).message).toBe(
      'body is not valid UTF-16 (line 3): save the file as CSV UTF-8.',
    );
    const odd = Buffer.concat([utf16('kind', false), Buffer.from([0x41])]);
    expect(refusal(() => decodeText(odd)).message).toMatch(/not valid UTF-16 \(line 1\)/);
    expect(refusal(() => decodeText(Buffer.from([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0]))).message).toBe(
      'body is UTF-32: save the file as CSV UTF-8.',
    );
    // UTF-16 without its mark is valid UTF-8 full of NULs.
    const unmarked = Buffer.from('kind,name\nserver,a\n', 'utf16le');
    expect(refusal(() => decodeText(unmarked)).message).toMatch(
      /^body contains a NUL character \(line 1\), as UTF-16 without a byte-order mark would/,
    );
  });
});
