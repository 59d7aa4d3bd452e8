import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { afterEach, describe, expect, it } from 'vitest';
import { secretBox } from '../crypto/secret-box';
import { fileVault } from './file-vault';
import { localBlobPath, localBlobStore } from './local-blob-store';
import { IntegrityError, SEGMENT_BYTES } from './sealed-stream';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

function vault(master = randomBytes(32)) {
  const root = mkdtempSync(path.join(tmpdir(), 'custos-blobs-'));
  roots.push(root);
  return { root, vault: fileVault(localBlobStore(root), secretBox(master), 1024 * 1024) };
}

const filesUnder = (root: string): string[] =>
  readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => e.name);

// In chunks of odd sizes, as a socket would deliver them (smaller or larger than a segment).
const streamOf = (data: Buffer, chunk = 7001) =>
  Readable.from(
    (function* () {
      for (let at = 0; at < data.length; at += chunk) yield data.subarray(at, at + chunk);
    })(),
  );

describe('file vault', () => {
  it('stores encrypted and reads back every size around the segment boundaries', async () => {
    const { root, vault: v } = vault();
    for (const size of [
      0,
      1,
      SEGMENT_BYTES - 1,
      SEGMENT_BYTES,
      SEGMENT_BYTES + 1,
      3 * SEGMENT_BYTES,
    ]) {
      for (const chunk of [7001, 200_003]) {
        const data = randomBytes(size);
        const stored = await v.store(streamOf(data, chunk), []);
        expect(stored.size).toBe(size);
        const onDisk = readFileSync(localBlobPath(root, stored.blobKey));
        if (size > 32) expect(onDisk.includes(data.subarray(0, 32))).toBe(false);
        expect((await buffer((await v.open(stored)).stream)).equals(data)).toBe(true);
      }
    }
    expect(filesUnder(root).some((name) => name.endsWith('.partial'))).toBe(false);
  });

  it('refuses a flipped byte, a cut, a dropped or swapped segment, and a wrong hash', async () => {
    const { root, vault: v } = vault();
    const data = randomBytes(3 * SEGMENT_BYTES + 10);
    const stored = await v.store(streamOf(data), []);
    const file = localBlobPath(root, stored.blobKey);
    const original = readFileSync(file);
    const whole = SEGMENT_BYTES + 16;
    const seg = (n: number) => original.subarray(16 + n * whole, 16 + (n + 1) * whole);
    const damaged = [
      Buffer.from(original).fill(original[100]! ^ 1, 100, 101),
      Buffer.from(original).fill(
        original[original.length - 3]! ^ 1,
        original.length - 3,
        original.length - 2,
      ),
      original.subarray(0, 16 + 2 * whole),
      Buffer.concat([original.subarray(0, 16), seg(1), seg(0), original.subarray(16 + 2 * whole)]),
      Buffer.concat([original.subarray(0, 16 + whole), original.subarray(16 + 2 * whole)]),
    ];
    for (const bytes of damaged) {
      writeFileSync(file, bytes);
      await expect(v.open(stored).then((s) => buffer(s.stream))).rejects.toBeInstanceOf(
        IntegrityError,
      );
    }
    writeFileSync(file, original);
    await expect(
      v.open({ ...stored, sha256: '0'.repeat(64) }).then((s) => buffer(s.stream)),
    ).rejects.toBeInstanceOf(IntegrityError);
  });

  it('refuses a small damaged file before giving a single byte', async () => {
    const { root, vault: v } = vault();
    const stored = await v.store(Readable.from([Buffer.from('%PDF-1.7 hello')]), []);
    const file = localBlobPath(root, stored.blobKey);
    const bytes = readFileSync(file);
    bytes[20] = bytes[20]! ^ 1;
    writeFileSync(file, bytes);
    await expect(v.open(stored)).rejects.toBeInstanceOf(IntegrityError);
  });

  it('checks a changed file end to end before the first byte, and an unchanged one as it streams', async () => {
    const { root, vault: v } = vault();
    const data = randomBytes(4 * SEGMENT_BYTES);
    const stored = await v.store(streamOf(data), []);
    expect(stored.checkedStamp).toBe(await v.blobs.stamp(stored.blobKey));
    // Unchanged since stored: served at once, with the same stamp.
    const first = await v.open(stored);
    expect(first.checkedStamp).toBe(stored.checkedStamp);
    expect((await buffer(first.stream)).equals(data)).toBe(true);

    // Damaged near its end: the stamp changed, so the whole file is checked before answering.
    const file = localBlobPath(root, stored.blobKey);
    const bytes = readFileSync(file);
    bytes[bytes.length - 40] = bytes[bytes.length - 40]! ^ 1;
    writeFileSync(file, bytes);
    await expect(v.open(stored)).rejects.toBeInstanceOf(IntegrityError);

    // Damage that leaves the stamp as recorded (bit rot): the open starts, and the stream errors
    // at the damaged segment rather than ending as if whole.
    const rotten = await v.open({ ...stored, checkedStamp: await v.blobs.stamp(stored.blobKey) });
    await expect(buffer(rotten.stream)).rejects.toBeInstanceOf(IntegrityError);

    // Repaired: checked end to end again, and the new stamp is the one to record.
    bytes[bytes.length - 40] = bytes[bytes.length - 40]! ^ 1;
    writeFileSync(file, bytes);
    const repaired = await v.open(stored);
    expect(repaired.checkedStamp).toBe(await v.blobs.stamp(stored.blobKey));
    expect(repaired.checkedStamp).not.toBe(stored.checkedStamp);
    expect((await buffer(repaired.stream)).equals(data)).toBe(true);
    expect(await v.verify(stored)).toBe(repaired.checkedStamp);
  });

  it('leaves no file when a check refuses the stream midway', async () => {
    const { root, vault: v } = vault();
    let seen = 0;
    const limit = new Transform({
      transform(chunk: Buffer, _e, done) {
        seen += chunk.length;
        done(seen > 100_000 ? new Error('too big') : null, chunk);
      },
    });
    await expect(v.store(streamOf(randomBytes(300_000)), [limit])).rejects.toThrow('too big');
    expect(filesUnder(root)).toEqual([]);
  });

  it('leaves no file when a check refuses the first chunk, before the put opened its file', async () => {
    const { root, vault: v } = vault();
    for (let i = 0; i < 20; i++) {
      const refuse = new Transform({ transform: (_chunk, _e, done) => done(new Error('refused')) });
      await expect(v.store(streamOf(randomBytes(10)), [refuse])).rejects.toThrow('refused');
    }
    // Any file opened late would show by now.
    await new Promise((r) => setTimeout(r, 100));
    expect(filesUnder(root)).toEqual([]);
  });

  it('does not open under another master key', async () => {
    const { vault: v, root } = vault();
    const stored = await v.store(streamOf(randomBytes(10)), []);
    const other = fileVault(localBlobStore(root), secretBox(randomBytes(32)), 1);
    await expect(other.open(stored)).rejects.toBeInstanceOf(IntegrityError);
  });
});
