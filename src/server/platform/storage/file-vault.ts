import { randomBytes } from 'node:crypto';
import { Writable, type Readable, type Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { SecretBox } from '../crypto/secret-box';
import { BlobNotFoundError, type BlobStore } from './blob-store';
import { IntegrityError, OpeningStream, SealingStream } from './sealed-stream';

// The secret box's purpose for file keys: each file key is sealed under a key derived from the
// master key, so `custos keys rotate` re-seals keys without rewriting files (design.md §6.6).
export const FILE_KEY_PURPOSE = 'file-key';

/** What the database keeps of a stored file: where, how big, its plaintext hash and sealed key. */
export interface StoredFile {
  blobKey: string;
  size: number;
  sha256: string;
  sealedKey: string;
}

/** Encrypted files at rest: streamed in and out, never whole in memory. */
export interface FileVault {
  /** The largest file accepted, in bytes (CUSTOS_MAX_UPLOAD_MB). */
  readonly maxBytes: number;
  readonly blobs: BlobStore;
  /**
   * Encrypts `source` (after `checks`, which may refuse it by erroring) and stores it; nothing is
   * stored unless every byte went through.
   */
  store(source: Readable, checks: readonly Transform[]): Promise<StoredFile>;
  /**
   * The plaintext as a stream, once its first segment verified: a damaged file rejects here with
   * `IntegrityError` (before any answer is sent) or errors the stream later, never ending as whole.
   */
  open(file: Omit<StoredFile, 'size'>): Promise<Readable>;
  remove(blobKey: string): Promise<void>;
}

export function fileVault(blobs: BlobStore, secrets: SecretBox, maxBytes: number): FileVault {
  return {
    maxBytes,
    blobs,
    async store(source, checks) {
      const key = randomBytes(32);
      const sealing = new SealingStream(key);
      let chain: Readable = source;
      for (const stage of [...checks, sealing]) {
        // Any stage failing fails the put, which then removes its partial file.
        chain.on('error', (error) => sealing.destroy(error));
        chain = chain.pipe(stage);
      }
      // The put reports a failure, even one that comes before it starts reading (a refused head).
      sealing.on('error', () => undefined);
      const stored = await blobs.put(sealing);
      return {
        blobKey: stored.key,
        size: sealing.size,
        sha256: sealing.sha256,
        sealedKey: secrets.seal(key.toString('base64'), FILE_KEY_PURPOSE),
      };
    },
    async open(file) {
      let key: Buffer;
      try {
        key = Buffer.from(secrets.open(file.sealedKey, FILE_KEY_PURPOSE), 'base64');
      } catch {
        throw new IntegrityError('its key does not open under the master key');
      }
      const opened = async (): Promise<Readable> => {
        let source: Readable;
        try {
          source = await blobs.get(file.blobKey);
        } catch (error) {
          if (error instanceof BlobNotFoundError) throw new IntegrityError('its bytes are missing');
          throw error;
        }
        const opening = new OpeningStream(key, file.sha256);
        pipeline(source, opening).catch(() => undefined);
        return opening;
      };
      // 164.312(c)(1): the whole file is verified (every segment's tag, then the SHA-256) before a
      // byte is served, so a damaged file is refused outright, never partly sent with a 200. The
      // pass reads and discards: memory stays bounded, at the cost of decrypting twice.
      await pipeline(await opened(), new Writable({ write: (_chunk, _enc, done) => done() }));
      // Served from a second read, checked again as it streams: a change between the two reads
      // cuts the connection rather than ending as if whole.
      const serving = await opened();
      await firstReadable(serving);
      return serving;
    },
    remove: (blobKey) => blobs.delete(blobKey),
  };
}

/** Resolves when the stream has data or has ended; rejects with its first error. */
function firstReadable(stream: Readable): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (error?: Error) => {
      stream.off('readable', ok);
      stream.off('error', done);
      if (error) reject(error);
      else resolve();
    };
    const ok = () => done();
    stream.once('readable', ok);
    stream.once('error', done);
  });
}
