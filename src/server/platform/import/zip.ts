import { crc32, createInflateRaw } from 'node:zlib';

/**
 * Just enough ZIP (PKWARE APPNOTE 6.3: 4.3.7 local header, 4.3.12 central directory, 4.3.16 end
 * record) to read the parts of an XLSX held in memory, with every amount bounded. The libraries
 * at hand do not bound it: JSZip (ExcelJS's `xlsx.load`) builds an object for every entry before
 * anything can be checked (a 17 MB file of 200,000 empty entries took 6.6 s and 120 MB), and
 * unzipper (ExcelJS's streaming reader) finds the end of an entry by scanning for a signature.
 * Here the central directory gives each entry's place; its data is inflated with node:zlib as a
 * stream, so decompression goes no further than the reader asks and stops when it stops.
 */

/** A ZIP that cannot be read: the caller turns it into "is not a readable XLSX workbook". */
export class ZipFormatError extends Error {
  override name = 'ZipFormatError';
}

export interface ZipEntry {
  name: string;
  flags: number;
  method: number;
  crc32: number;
  compressedSize: number;
  /** The size the directory claims; it can lie, so inflation counts what it really produces. */
  declaredSize: number;
  localHeaderOffset: number;
}

const END_RECORD = 0x06054b50;
const CENTRAL_HEADER = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

function findEndRecord(zip: Buffer): number {
  // The end record is 22 bytes plus a comment of at most 65,535.
  const lowest = Math.max(0, zip.length - 22 - 0xffff);
  for (let at = zip.length - 22; at >= lowest; at--) {
    if (zip.readUInt32LE(at) === END_RECORD && at + 22 + zip.readUInt16LE(at + 20) === zip.length) {
      return at;
    }
  }
  throw new ZipFormatError('no end of central directory');
}

/**
 * The entries of a ZIP by name, from its central directory. More than `maxEntries` entries is
 * refused by `onTooMany` before any is read.
 */
export function zipDirectory(
  zip: Buffer,
  maxEntries: number,
  onTooMany: () => Error,
): Map<string, ZipEntry> {
  if (zip.length < 22) throw new ZipFormatError('too short');
  const end = findEndRecord(zip);
  const count = zip.readUInt16LE(end + 10);
  const size = zip.readUInt32LE(end + 12);
  const offset = zip.readUInt32LE(end + 16);
  if (zip.readUInt16LE(end + 4) !== 0 || zip.readUInt16LE(end + 8) !== count) {
    throw new ZipFormatError('multi-disk archive');
  }
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    throw new ZipFormatError('ZIP64 archive');
  }
  if (count > maxEntries) throw onTooMany();
  if (offset + size > end) throw new ZipFormatError('central directory out of bounds');
  const entries = new Map<string, ZipEntry>();
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > offset + size || zip.readUInt32LE(at) !== CENTRAL_HEADER) {
      throw new ZipFormatError('bad central directory');
    }
    const nameLength = zip.readUInt16LE(at + 28);
    const next = at + 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    if (next > offset + size) throw new ZipFormatError('bad central directory');
    const entry: ZipEntry = {
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
      flags: zip.readUInt16LE(at + 8),
      method: zip.readUInt16LE(at + 10),
      crc32: zip.readUInt32LE(at + 16),
      compressedSize: zip.readUInt32LE(at + 20),
      declaredSize: zip.readUInt32LE(at + 24),
      localHeaderOffset: zip.readUInt32LE(at + 42),
    };
    if (entries.has(entry.name)) throw new ZipFormatError('duplicate entry');
    entries.set(entry.name, entry);
    at = next;
  }
  return entries;
}

/** The stored (still compressed) bytes of an entry. */
function entryData(zip: Buffer, entry: ZipEntry): Buffer {
  const at = entry.localHeaderOffset;
  if (at + 30 > zip.length || zip.readUInt32LE(at) !== LOCAL_HEADER) {
    throw new ZipFormatError('bad local header');
  }
  const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
  const end = start + entry.compressedSize;
  if (end > zip.length) throw new ZipFormatError('entry out of bounds');
  return zip.subarray(start, end);
}

/**
 * The content of an entry, chunk by chunk, as inflated, its CRC-32 checked at the end. Nothing is
 * inflated ahead of the reader beyond zlib's own buffer (16 KiB): stop iterating and inflation
 * stops.
 */
export async function* readZipEntry(zip: Buffer, entry: ZipEntry): AsyncGenerator<Buffer> {
  if (entry.flags & 0x1) throw new ZipFormatError('encrypted entry');
  const data = entryData(zip, entry);
  let crc = 0;
  if (entry.method === STORED) {
    crc = crc32(data);
    yield data;
  } else if (entry.method === DEFLATED) {
    const inflater = createInflateRaw();
    inflater.end(data);
    try {
      for await (const chunk of inflater) {
        crc = crc32(chunk as Buffer, crc);
        yield chunk as Buffer;
      }
    } catch (error) {
      if (error instanceof Error && 'errno' in error) throw new ZipFormatError('corrupt data');
      throw error;
    } finally {
      inflater.destroy();
    }
  } else {
    throw new ZipFormatError('unsupported compression');
  }
  if (crc !== entry.crc32) throw new ZipFormatError('CRC-32 mismatch');
}
