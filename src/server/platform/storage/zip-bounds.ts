/**
 * Bounds on what an office document (DOCX, XLSX, PPTX: a ZIP archive) says it expands to, and the
 * names of its entries (no macros, no programs), read from its central directory at the end of the file, so a zip bomb is refused before it is stored
 * (outside attacker, issue 14). Nothing is inflated: the sizes the archive declares are what an
 * office application trusts when it opens it.
 *
 * The limits follow Apache POI's ZipSecureFile, which office readers in Java rely on: an entry may
 * expand at most 100 times (POI's minimum inflate ratio of 0.01), above a grace size where tiny
 * entries compress far better; and the whole archive at most 1 GiB, far above any document a
 * clinic writes (a 50 MB spreadsheet of plain numbers expands about 5 to 10 times).
 */
export const ZIP_LIMITS = {
  maxTotal: 1024 * 1024 * 1024,
  maxRatio: 100,
  ratioGrace: 1024 * 1024,
  // About 50,000 entries: far more than any office document holds.
  maxDirectory: 4 * 1024 * 1024,
} as const;

// The end-of-central-directory record (22 bytes) and its comment (at most 65,535 bytes).
const MAX_END = 22 + 0xffff;
/** How much of a file's end the check needs to keep. */
export const ZIP_TAIL_BYTES = ZIP_LIMITS.maxDirectory + MAX_END + 76;

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const MAX16 = 0xffff;
const MAX32 = 0xffffffff;

/** Why the archive is refused, or null when it is within bounds. */
export function zipBoundsProblem(tail: Buffer, fileSize: number): string | null {
  const end = findEnd(tail);
  if (end === -1) return 'is not a complete ZIP archive (no central directory at its end)';
  let entries = tail.readUInt16LE(end + 10);
  let directorySize = tail.readUInt32LE(end + 12);
  let directoryEnd = end;
  if (entries === MAX16 || directorySize === MAX32 || tail.readUInt32LE(end + 16) === MAX32) {
    const locator = end - 20;
    if (locator < 0 || tail.readUInt32LE(locator) !== ZIP64_LOCATOR) {
      return 'declares ZIP64 sizes without their record';
    }
    // The ZIP64 end record sits just before its locator (56 bytes without extensible data).
    const record = locator - 56;
    if (record < 0 || tail.readUInt32LE(record) !== ZIP64_EOCD) {
      return 'declares ZIP64 sizes without their record';
    }
    entries = Number(tail.readBigUInt64LE(record + 32));
    directorySize = Number(tail.readBigUInt64LE(record + 40));
    directoryEnd = record;
  }
  if (directorySize > ZIP_LIMITS.maxDirectory) {
    return `has a central directory of more than ${String(ZIP_LIMITS.maxDirectory / 1024 / 1024)} MB (too many entries for an office document)`;
  }
  let at = directoryEnd - directorySize;
  if (at < 0) return 'is not a complete ZIP archive (its central directory is cut)';
  let total = 0;
  for (let i = 0; i < entries; i += 1) {
    if (at + 46 > directoryEnd || tail.readUInt32LE(at) !== CENTRAL) {
      return 'has a damaged central directory';
    }
    let compressed = tail.readUInt32LE(at + 20);
    let size = tail.readUInt32LE(at + 24);
    const nameLength = tail.readUInt16LE(at + 28);
    const extraLength = tail.readUInt16LE(at + 30);
    const commentLength = tail.readUInt16LE(at + 32);
    if (size === MAX32 || compressed === MAX32) {
      const wide = zip64Sizes(tail, at + 46 + nameLength, extraLength, size, compressed);
      if (!wide) return 'has a damaged central directory';
      ({ size, compressed } = wide);
    }
    const carried = carriedProgram(tail.toString('utf8', at + 46, at + 46 + nameLength));
    if (carried) return carried;
    total += size;
    if (size > ZIP_LIMITS.ratioGrace && size > ZIP_LIMITS.maxRatio * Math.max(compressed, 1)) {
      return `holds an entry that expands more than ${String(ZIP_LIMITS.maxRatio)} times (a zip bomb)`;
    }
    at += 46 + nameLength + extraLength + commentLength;
  }
  if (total > ZIP_LIMITS.maxTotal) {
    return `expands to more than ${String(ZIP_LIMITS.maxTotal / 1024 / 1024 / 1024)} GB (a zip bomb)`;
  }
  if (fileSize > 0 && total > ZIP_LIMITS.ratioGrace && total > ZIP_LIMITS.maxRatio * fileSize) {
    return `expands more than ${String(ZIP_LIMITS.maxRatio)} times its size (a zip bomb)`;
  }
  return null;
}

// Parts no document needs and that run code when opened: macros (a macro-enabled file is .docm,
// .xlsm or .pptm, not a kind the vault takes) and programs carried as entries (design.md §6.3).
const MACROS = /(^|\/)vbaProject\.bin$/i;
const PROGRAMS =
  /\.(exe|dll|com|scr|msi|bat|cmd|ps1|vbs|vbe|js|jse|wsf|hta|jar|sh|elf|so|dylib|app)$/i;

/** Why an entry named `name` is refused, or null. */
function carriedProgram(name: string): string | null {
  if (MACROS.test(name)) return 'holds macros (vbaProject.bin): save it without macros first';
  if (PROGRAMS.test(name)) return `holds a program (${name.slice(-80)}), which no document needs`;
  return null;
}

/** The offset of the end record in `tail`: the last whose comment reaches exactly to the end. */
function findEnd(tail: Buffer): number {
  const lowest = Math.max(0, tail.length - MAX_END);
  for (let at = tail.length - 22; at >= lowest; at -= 1) {
    if (tail.readUInt32LE(at) === EOCD && at + 22 + tail.readUInt16LE(at + 20) === tail.length) {
      return at;
    }
  }
  return -1;
}

/** The sizes a ZIP64 extra field (id 1) gives, in its order: uncompressed, then compressed. */
function zip64Sizes(
  tail: Buffer,
  from: number,
  length: number,
  size: number,
  compressed: number,
): { size: number; compressed: number } | null {
  for (let at = from; at + 4 <= from + length && at + 4 <= tail.length;) {
    const id = tail.readUInt16LE(at);
    const dataLength = tail.readUInt16LE(at + 2);
    if (id === 1) {
      let field = at + 4;
      const read = (): number | null => {
        if (field + 8 > at + 4 + dataLength || field + 8 > tail.length) return null;
        const value = Number(tail.readBigUInt64LE(field));
        field += 8;
        return value;
      };
      const wideSize = size === MAX32 ? read() : size;
      const wideCompressed = compressed === MAX32 ? read() : compressed;
      if (wideSize === null || wideCompressed === null) return null;
      return { size: wideSize, compressed: wideCompressed };
    }
    at += 4 + dataLength;
  }
  return null;
}
