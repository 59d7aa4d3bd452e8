import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { access, mkdir, open, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { BlobNotFoundError, type BlobStore } from './blob-store';

const WRITE_BUFFER = 1024 * 1024;
const KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function checked(key: string): string {
  if (!KEY.test(key)) {
    throw new BlobNotFoundError(key);
  }
  return key;
}

/** Flushes a file's bytes, or a directory's entries (a new or renamed file), to disk. */
async function flush(target: string): Promise<void> {
  const handle = await open(target, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Blobs as files under `root` (`<CUSTOS_DATA_DIR>/blobs/`), fanned out by the key's first two
 * characters. A put writes `<key>.partial` and renames it when the stream ended well, so a failed
 * or refused upload leaves no file (the partial is removed) and a reader never sees half a blob.
 * The file and its directory are flushed to disk before `put` answers.
 */
export function localBlobStore(root: string): BlobStore {
  const fileOf = (key: string) => path.join(root, checked(key).slice(0, 2), key);
  return {
    async put(source: Readable) {
      const key = randomUUID();
      const file = fileOf(key);
      const partial = `${file}.partial`;
      await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
      let size = 0;
      const counter = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          size += chunk.length;
          done(null, chunk);
        },
      });
      // Opened (and so created) before the pipeline starts: a stream that opens the file itself
      // may create it after a refused upload's clean-up ran, leaving an orphan behind.
      const handle = await open(partial, 'wx', 0o600);
      try {
        // A deep write buffer lets the disk write while the next segments are encrypted.
        await pipeline(source, counter, handle.createWriteStream({ highWaterMark: WRITE_BUFFER }));
        // On disk before its name, and its name before the caller records it: a power cut
        // never leaves a row whose file is empty or missing (164.316(b)(2)(i), kept six years).
        await flush(partial);
        await rename(partial, file);
        await flush(path.dirname(file));
      } catch (error) {
        await unlink(partial).catch(() => undefined);
        throw error;
      }
      return { key, size };
    },
    async get(key) {
      const file = fileOf(key);
      try {
        await access(file);
      } catch {
        throw new BlobNotFoundError(key);
      }
      return createReadStream(file, { highWaterMark: 256 * 1024 });
    },
    async delete(key) {
      await unlink(fileOf(key)).catch((error: unknown) => {
        if (!(error instanceof Error && 'code' in error && error.code === 'ENOENT')) throw error;
      });
    },
    async stamp(key) {
      try {
        const info = await stat(fileOf(key), { bigint: true });
        return `${info.ino}:${info.size}:${info.ctimeNs}`;
      } catch {
        throw new BlobNotFoundError(key);
      }
    },
    async exists(key) {
      try {
        await access(fileOf(key));
        return true;
      } catch {
        return false;
      }
    },
  };
}

/** The path of a blob's file, for tests that damage one on purpose. */
export function localBlobPath(root: string, key: string): string {
  return path.join(root, checked(key).slice(0, 2), key);
}
