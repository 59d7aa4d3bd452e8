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
  /** The blob's stamp when its bytes were last known whole (written, or checked end to end). */
  checkedStamp: string;
}

/** What `open` needs of a stored file; `checkedStamp` null when never recorded. */
export interface FileToOpen {
  blobKey: string;
  sealedKey: string;
  sha256: string;
  checkedStamp: string | null;
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
   * The plaintext as a stream. A file whose blob changed since it was last known whole (its stamp
   * differs from `checkedStamp`) is first checked end to end, so a damaged file rejects here with
   * `IntegrityError` before any answer is sent; `checkedStamp` in the answer is then the new one
   * to record. Every segment's tag and the SHA-256 are checked again as it streams: damage that
   * leaves the stamp alone (bit rot) errors the stream, never ending as whole.
   */
  open(file: FileToOpen): Promise<{ stream: Readable; checkedStamp: string }>;
  /** Reads the whole file and checks it (every tag, then the SHA-256); its stamp when whole. */
  verify(file: Omit<FileToOpen, 'checkedStamp'>): Promise<string>;
  remove(blobKey: string): Promise<void>;
}

export function fileVault(blobs: BlobStore, secrets: SecretBox, maxBytes: number): FileVault {
  const stampOf = async (blobKey: string): Promise<string> => {
    try {
      return await blobs.stamp(blobKey);
    } catch (error) {
      if (error instanceof BlobNotFoundError) throw new IntegrityError('its bytes are missing');
      throw error;
    }
  };
  /** A function giving a new stream of the plaintext, checked segment by segment as it flows. */
  const openerOf = (file: Omit<FileToOpen, 'checkedStamp'>) => {
    let key: Buffer;
    try {
      key = Buffer.from(secrets.open(file.sealedKey, FILE_KEY_PURPOSE), 'base64');
    } catch {
      throw new IntegrityError('its key does not open under the master key');
    }
    return async (): Promise<Readable> => {
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
  };
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
        // Whole as written: the SHA-256 was taken of the very bytes sealed into it.
        checkedStamp: await blobs.stamp(stored.key),
      };
    },
    async open(file) {
      const opener = openerOf(file);
      const checkedStamp = await stampOf(file.blobKey);
      if (checkedStamp !== file.checkedStamp) {
        // 164.312(c)(1): a file changed since it was last known whole is checked end to end
        // before a byte is served, so a damaged one is refused outright, never partly sent with
        // a 200. The pass reads and discards: memory stays bounded, at the cost of a second read.
        // The stamp is taken before the pass: a change during it shows at the next download.
        await drain(await opener());
      }
      const stream = await opener();
      await firstReadable(stream);
      return { stream, checkedStamp };
    },
    async verify(file) {
      const stamp = await stampOf(file.blobKey);
      await drain(await openerOf(file)());
      return stamp;
    },
    remove: (blobKey) => blobs.delete(blobKey),
  };
}

/** Reads a stream to its end, keeping nothing; rejects with its first error. */
const drain = (stream: Readable): Promise<void> =>
  pipeline(stream, new Writable({ write: (_chunk, _enc, done) => done() }));

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
