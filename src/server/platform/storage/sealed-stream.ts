import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';

/**
 * The stored form of a file (design.md §6.6; 164.312(a)(2)(iv), 164.312(c)(1)): AES-256-GCM under
 * the file's own random key, in segments, so a file is encrypted and checked as it streams and
 * no plaintext leaves before its segment's tag verified (GCM alone authenticates only at the end).
 *
 *   header  = "CSTF" | version 1 | 7-byte random nonce prefix | segment size (u32 BE)   16 bytes
 *   segment = ciphertext (segment size bytes; the last 0..segment size) | tag (16 bytes)
 *   nonce   = prefix | segment number (u32 BE) | 1 for the last segment, else 0
 *
 * The header is every segment's associated data. The number in the nonce detects reordering and
 * dropped segments; the last flag detects truncation at a segment boundary and appended segments
 * (a file always ends with exactly one last segment, empty for an empty file or an exact multiple).
 */
export const SEGMENT_BYTES = 64 * 1024;
const TAG_BYTES = 16;
const HEADER_BYTES = 16;
const MAGIC = Buffer.from('CSTF', 'latin1');
const VERSION = 1;

/** A stored file failed its check: a tag, its framing, or the SHA-256 of its plaintext. */
export class IntegrityError extends Error {
  constructor(reason: string) {
    super(`stored file failed its integrity check: ${reason}`);
    this.name = 'IntegrityError';
  }
}

const asError = (error: unknown): Error =>
  error instanceof Error ? error : new IntegrityError(String(error));

function nonceOf(prefix: Buffer, index: number, last: boolean): Buffer {
  const nonce = Buffer.alloc(12);
  prefix.copy(nonce, 0, 0, 7);
  nonce.writeUInt32BE(index, 7);
  nonce[11] = last ? 1 : 0;
  return nonce;
}

/** Collects chunks and hands out fixed-size pieces, copying only the chunks a piece spans. */
class Pending {
  private chunks: Buffer[] = [];
  length = 0;
  add(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.length += chunk.length;
  }
  take(bytes: number): Buffer {
    const first = this.chunks[0];
    if (first && first.length >= bytes) {
      // The common case: the piece lies in one chunk, and a view of it costs nothing.
      const piece = first.subarray(0, bytes);
      if (first.length === bytes) this.chunks.shift();
      else this.chunks[0] = first.subarray(bytes);
      this.length -= bytes;
      return piece;
    }
    const parts: Buffer[] = [];
    let need = Math.min(bytes, this.length);
    while (need > 0) {
      const chunk = this.chunks[0];
      if (!chunk) break;
      if (chunk.length <= need) {
        parts.push(chunk);
        this.chunks.shift();
        need -= chunk.length;
      } else {
        parts.push(chunk.subarray(0, need));
        this.chunks[0] = chunk.subarray(need);
        need = 0;
      }
    }
    const piece = Buffer.concat(parts);
    this.length -= piece.length;
    return piece;
  }
}

/** Encrypts a plaintext stream into the stored form; `sha256` and `size` are set once it ends. */
export class SealingStream extends Transform {
  sha256 = '';
  size = 0;
  private readonly hash = createHash('sha256');
  private readonly header: Buffer;
  private readonly prefix = randomBytes(7);
  private readonly pending = new Pending();
  private index = 0;

  constructor(private readonly key: Buffer) {
    super({ highWaterMark: SEGMENT_BYTES * 2 });
    this.header = Buffer.alloc(HEADER_BYTES);
    MAGIC.copy(this.header, 0);
    this.header[4] = VERSION;
    this.prefix.copy(this.header, 5);
    this.header.writeUInt32BE(SEGMENT_BYTES, 12);
    this.push(this.header);
  }

  private seal(plain: Buffer, last: boolean): void {
    const cipher = createCipheriv('aes-256-gcm', this.key, nonceOf(this.prefix, this.index, last));
    cipher.setAAD(this.header);
    this.index += 1;
    // Pushed as pieces, not concatenated: one copy less of every byte (the blob store's deep
    // write buffer writes them together).
    this.push(cipher.update(plain));
    const rest = cipher.final();
    if (rest.length > 0) this.push(rest);
    this.push(cipher.getAuthTag());
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.hash.update(chunk);
    this.size += chunk.length;
    this.pending.add(chunk);
    // Strictly more than a segment: the last segment is only known at the end.
    while (this.pending.length > SEGMENT_BYTES) {
      this.seal(this.pending.take(SEGMENT_BYTES), false);
    }
    done();
  }

  override _flush(done: TransformCallback): void {
    this.seal(this.pending.take(this.pending.length), true);
    this.sha256 = this.hash.digest('hex');
    done();
  }
}

/**
 * Decrypts the stored form, emitting each segment's plaintext only after its tag verified, and
 * withholding the last segment until the SHA-256 of the whole plaintext equals `expectedSha256`:
 * a damaged file errors with `IntegrityError` and never ends as if complete.
 */
export class OpeningStream extends Transform {
  private header: Buffer | null = null;
  private readonly pending = new Pending();
  private readonly hash = createHash('sha256');
  private index = 0;

  constructor(
    private readonly key: Buffer,
    private readonly expectedSha256: string,
  ) {
    super({ highWaterMark: SEGMENT_BYTES * 2 });
  }

  private open(sealed: Buffer, last: boolean): Buffer {
    const header = this.header;
    if (!header || sealed.length < TAG_BYTES) {
      throw new IntegrityError('a segment is cut short');
    }
    const decipher = createDecipheriv(
      'aes-256-gcm',
      this.key,
      nonceOf(header.subarray(5, 12), this.index, last),
    );
    decipher.setAAD(header);
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
    this.index += 1;
    try {
      const plain = decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES));
      // GCM has no padding: final() only checks the tag (throwing when it fails), adding no bytes.
      const rest = decipher.final();
      return rest.length > 0 ? Buffer.concat([plain, rest]) : plain;
    } catch {
      throw new IntegrityError(`segment ${this.index} does not authenticate`);
    }
  }

  private readHeader(): void {
    const header = this.pending.take(HEADER_BYTES);
    if (
      !header.subarray(0, 4).equals(MAGIC) ||
      header[4] !== VERSION ||
      header.readUInt32BE(12) !== SEGMENT_BYTES
    ) {
      throw new IntegrityError('unknown header');
    }
    this.header = header;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    try {
      this.pending.add(chunk);
      if (!this.header && this.pending.length >= HEADER_BYTES) this.readHeader();
      const whole = SEGMENT_BYTES + TAG_BYTES;
      while (this.header && this.pending.length > whole) {
        const plain = this.open(this.pending.take(whole), false);
        this.hash.update(plain);
        this.push(plain);
      }
      done();
    } catch (error) {
      done(asError(error));
    }
  }

  override _flush(done: TransformCallback): void {
    try {
      if (!this.header) throw new IntegrityError('no header');
      const plain = this.open(this.pending.take(this.pending.length), true);
      this.hash.update(plain);
      if (this.hash.digest('hex') !== this.expectedSha256) {
        throw new IntegrityError('the SHA-256 of the content differs from the one recorded');
      }
      this.push(plain);
      done();
    } catch (error) {
      done(asError(error));
    }
  }
}
