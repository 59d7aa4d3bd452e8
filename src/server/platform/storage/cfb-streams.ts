/**
 * The stream names of an OLE compound file (CFB: legacy .doc and .xls), read as the file streams
 * past, so a file named .doc or .xls is taken only when its directory holds the stream its kind
 * needs: WordDocument for Word, Workbook (or Book, Excel 5/95) for Excel. Any other OLE file (an
 * installer, an Outlook message, a Visio drawing) is refused (outside attacker, issue 14).
 *
 * The directory's sectors can be anywhere in the file and their chain is known only from the
 * allocation table, which can come after them. So every sector shaped like directory entries is
 * kept (they are few: 128 bytes per stream), with the allocation table's sectors the header names;
 * at the end the directory's chain is followed through them. A file whose table needs more than the
 * header's 109 sectors (over 7 MB with 512-byte sectors) has its directory found among the kept
 * sectors without following the chain.
 */
const ENTRY = 128;
const FREE_OR_END = 0xfffffffa;
// Directory-shaped sectors kept at most (a real directory of 8 MB would hold 65,536 streams).
const MAX_KEPT = 8 * 1024 * 1024;

export class CfbStreams {
  private header: Buffer | null = null;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private sectorSize = 512;
  private nextSector = -1;
  private fatSectors = new Set<number>();
  private readonly fat = new Map<number, Buffer>();
  private readonly directory = new Map<number, Buffer>();
  private keptBytes = 0;
  problem: string | null = null;

  /** Takes the next bytes of the file. */
  push(chunk: Buffer): void {
    if (this.problem) return;
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    if (this.header === null) {
      if (this.pendingBytes < 512) return;
      const all = Buffer.concat(this.pending);
      this.header = all.subarray(0, 512);
      const shift = this.header.readUInt16LE(0x1e);
      if (shift !== 9 && shift !== 12) {
        this.problem = 'is an OLE compound file with an unknown sector size';
        return;
      }
      this.sectorSize = 1 << shift;
      for (let i = 0; i < 109; i += 1) {
        const sid = this.header.readUInt32LE(0x4c + 4 * i);
        if (sid < FREE_OR_END) this.fatSectors.add(sid);
      }
      // The header takes a whole sector: sector 0 starts at sectorSize.
      if (all.length < this.sectorSize) {
        this.pending = [all];
        this.pendingBytes = all.length;
        return;
      }
      this.pending = [all.subarray(this.sectorSize)];
      this.pendingBytes = all.length - this.sectorSize;
      this.nextSector = 0;
    }
    if (this.nextSector < 0) {
      if (this.pendingBytes < this.sectorSize) return;
      const all = Buffer.concat(this.pending);
      this.pending = [all.subarray(this.sectorSize)];
      this.pendingBytes = all.length - this.sectorSize;
      this.nextSector = 0;
    }
    if (this.pendingBytes < this.sectorSize) return;
    const all = Buffer.concat(this.pending);
    let at = 0;
    for (; at + this.sectorSize <= all.length; at += this.sectorSize) {
      this.take(this.nextSector, all.subarray(at, at + this.sectorSize));
      this.nextSector += 1;
    }
    this.pending = at < all.length ? [all.subarray(at)] : [];
    this.pendingBytes = all.length - at;
  }

  private take(sid: number, sector: Buffer): void {
    if (this.fatSectors.has(sid)) this.keep(this.fat, sid, sector);
    else if (looksLikeDirectory(sector)) this.keep(this.directory, sid, sector);
  }

  private keep(into: Map<number, Buffer>, sid: number, sector: Buffer): void {
    this.keptBytes += sector.length;
    if (this.keptBytes > MAX_KEPT) {
      this.problem = 'is an OLE compound file too unusual to check';
      return;
    }
    into.set(sid, Buffer.from(sector));
  }

  /** The names of the streams in the file's directory, once every byte was pushed. */
  streamNames(): string[] {
    const header = this.header;
    if (this.problem || header === null) return [];
    const chained = header.readUInt32LE(0x48) === 0;
    const sectors: Buffer[] = [];
    if (chained) {
      const perFat = this.sectorSize / 4;
      const fatOrder = Array.from({ length: 109 }, (_, i) => header.readUInt32LE(0x4c + 4 * i));
      const seen = new Set<number>();
      for (let sid = header.readUInt32LE(0x30); sid < FREE_OR_END;) {
        const sector = this.directory.get(sid);
        if (!sector || seen.has(sid)) return [];
        seen.add(sid);
        sectors.push(sector);
        const fatSid = fatOrder[Math.floor(sid / perFat)];
        const fat = fatSid === undefined ? undefined : this.fat.get(fatSid);
        if (!fat) return [];
        sid = fat.readUInt32LE((sid % perFat) * 4);
      }
    } else {
      sectors.push(...this.directory.values());
    }
    const names: string[] = [];
    for (const sector of sectors) {
      for (let at = 0; at + ENTRY <= sector.length; at += ENTRY) {
        const length = sector.readUInt16LE(at + 0x40);
        // Type 2: a stream; the name is UTF-16LE with its terminating NUL counted.
        if (sector[at + 0x42] === 2 && length >= 2) {
          names.push(sector.toString('utf16le', at, at + length - 2));
        }
      }
    }
    return names;
  }
}

/** True when every 128-byte entry of `sector` is a plausible directory entry, and one is used. */
function looksLikeDirectory(sector: Buffer): boolean {
  let used = 0;
  for (let at = 0; at + ENTRY <= sector.length; at += ENTRY) {
    const length = sector.readUInt16LE(at + 0x40);
    const type = sector[at + 0x42] ?? 255;
    const color = sector[at + 0x43] ?? 255;
    if (type === 0 && length === 0) continue;
    if (![1, 2, 5].includes(type) || length < 2 || length > 64 || length % 2 !== 0 || color > 1) {
      return false;
    }
    used += 1;
  }
  return used > 0;
}
