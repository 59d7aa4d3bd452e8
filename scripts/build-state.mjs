// What the build is made from, and whether dist/ was built from exactly that.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const stampFile = path.join(root, 'dist', '.build-stamp');
const INPUTS = [
  'src',
  'content',
  'package.json',
  'package-lock.json',
  'vite.config.ts',
  'scripts/build.mjs',
];

function* files(entry) {
  const full = path.join(root, entry);
  if (!existsSync(full)) return;
  if (statSync(full).isDirectory()) {
    for (const name of readdirSync(full).sort()) {
      if (name.endsWith('.test.ts')) continue;
      yield* files(path.join(entry, name));
    }
  } else {
    yield entry;
  }
}

/** A hash of every build input's path and content. */
export function sourceHash() {
  const hash = createHash('sha256');
  for (const input of INPUTS) {
    for (const file of files(input)) {
      hash
        .update(file)
        .update('\0')
        .update(readFileSync(path.join(root, file)))
        .update('\0');
    }
  }
  return hash.digest('hex');
}

/** True when dist/ holds a complete build of the current sources. */
export function buildIsCurrent() {
  if (!existsSync(stampFile)) return false;
  return readFileSync(stampFile, 'utf8').trim() === sourceHash();
}
