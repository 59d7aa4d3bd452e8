import { isUtf8 } from 'node:buffer';
import { AppError } from '../errors';

const SAVE_AS = 'save the file as CSV UTF-8';

/**
 * The offset of the first byte that does not start a well-formed UTF-8 sequence (Unicode 15,
 * table 3-7: no overlongs, no surrogates, nothing above U+10FFFF), or -1 when all of it is UTF-8.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  const continues = (at: number, low = 0x80, high = 0xbf) => {
    const b = bytes[at];
    return b !== undefined && b >= low && b <= high;
  };
  let i = 0;
  while (i < n) {
    const b = bytes[i] ?? 0;
    let length: number;
    if (b < 0x80) length = 1;
    else if (b >= 0xc2 && b <= 0xdf) length = continues(i + 1) ? 2 : 0;
    else if (b >= 0xe0 && b <= 0xef) {
      const [low, high] = b === 0xe0 ? [0xa0, 0xbf] : b === 0xed ? [0x80, 0x9f] : [0x80, 0xbf];
      length = continues(i + 1, low, high) && continues(i + 2) ? 3 : 0;
    } else if (b >= 0xf0 && b <= 0xf4) {
      const [low, high] = b === 0xf0 ? [0x90, 0xbf] : b === 0xf4 ? [0x80, 0x8f] : [0x80, 0xbf];
      length = continues(i + 1, low, high) && continues(i + 2) && continues(i + 3) ? 4 : 0;
    } else length = 0;
    if (length === 0) return i;
    i += length;
  }
  return -1;
}

/** 1-based line of a position, counting line feeds before it (`unit` = 2 for UTF-16). */
function lineOf(bytes: Uint8Array, offset: number, unit: 1 | 2 = 1, bigEndian = false): number {
  let line = 1;
  for (let i = 0; i + unit <= offset; i += unit) {
    const code = unit === 1 ? bytes[i] : bigEndian ? bytes[i + 1] : bytes[i];
    const high = unit === 1 ? 0 : bigEndian ? bytes[i] : bytes[i + 1];
    if (code === 0x0a && high === 0) line++;
  }
  return line;
}

/** The offset of the first unpaired surrogate or dangling byte of UTF-16, or -1. */
function firstInvalidUtf16(bytes: Uint8Array, bigEndian: boolean): number {
  const unit = (at: number) =>
    bigEndian
      ? ((bytes[at] ?? 0) << 8) | (bytes[at + 1] ?? 0)
      : ((bytes[at + 1] ?? 0) << 8) | (bytes[at] ?? 0);
  for (let i = 2; i < bytes.length; i += 2) {
    if (i + 1 >= bytes.length) return i;
    const u = unit(i);
    if (u >= 0xdc00 && u <= 0xdfff) return i;
    if (u >= 0xd800 && u <= 0xdbff) {
      const next = i + 3 < bytes.length ? unit(i + 2) : -1;
      if (next < 0xdc00 || next > 0xdfff) return i;
      i += 2;
    }
  }
  return -1;
}

/**
 * The text of an uploaded CSV (design.md §6.9: bad input is refused, naming the line). UTF-8 with
 * or without a byte-order mark; UTF-16 with its byte-order mark (Excel's "Unicode Text", and
 * other Windows tools) is decoded too, since the mark leaves no doubt about the encoding.
 * Anything else (Windows-1252, Latin-1…) fails as UTF-8 and is refused naming the first line
 * that does not decode, rather than stored as U+FFFD.
 */
export function decodeText(bytes: Buffer): string {
  const [b0, b1, b2, b3] = bytes;
  let text: string;
  if (
    (b0 === 0xff && b1 === 0xfe && b2 === 0 && b3 === 0) ||
    (b0 === 0 && b1 === 0 && b2 === 0xfe && b3 === 0xff)
  ) {
    throw AppError.field('body', `is UTF-32: ${SAVE_AS}`);
  } else if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) {
    const bigEndian = b0 === 0xfe;
    const bad = firstInvalidUtf16(bytes, bigEndian);
    if (bad !== -1) {
      throw AppError.field(
        'body',
        `is not valid UTF-16 (line ${lineOf(bytes, bad, 2, bigEndian)}): ${SAVE_AS}`,
      );
    }
    // TextDecoder drops the byte-order mark.
    text = new TextDecoder(bigEndian ? 'utf-16be' : 'utf-16le').decode(bytes);
  } else {
    if (!isUtf8(bytes)) {
      const bad = firstInvalidUtf8(bytes);
      throw AppError.field('body', `is not UTF-8 (line ${lineOf(bytes, bad)}): ${SAVE_AS}`);
    }
    text = new TextDecoder('utf-8').decode(bytes);
  }
  const nul = text.indexOf('\0');
  if (nul !== -1) {
    const line = text.slice(0, nul).split('\n').length;
    throw AppError.field(
      'body',
      `contains a NUL character (line ${line}), as UTF-16 without a byte-order mark would: ${SAVE_AS}`,
    );
  }
  return text;
}
