import type { Readable } from 'node:stream';

/**
 * Where stored files' bytes live (design.md §3), behind one interface so that an S3-compatible
 * backend fits later without changing callers. The store chooses each key (a random id): no
 * caller input ever becomes a path or an object name, two uploads never collide, and a key says
 * nothing about its content. Bytes are stored as given: callers encrypt (storage/sealed-file.ts).
 */
export interface BlobStore {
  /** Stores the stream under a new key; the blob exists only if this resolves (a failed put leaves nothing). */
  put(source: Readable): Promise<{ key: string; size: number }>;
  /** The stored bytes as a stream; `BlobNotFoundError` when the key holds nothing. */
  get(key: string): Promise<Readable>;
  /** Removes the blob; removing a missing key is not an error. */
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
  /**
   * A fingerprint of the stored object that changes whenever its bytes may have changed (local
   * files: inode, size and change time, which no one can set back; an object store would use its
   * ETag and version). `BlobNotFoundError` when the key holds nothing.
   */
  stamp(key: string): Promise<string>;
}

/** The key names no stored blob. */
export class BlobNotFoundError extends Error {
  constructor(key: string) {
    super(`no blob ${key}`);
    this.name = 'BlobNotFoundError';
  }
}
