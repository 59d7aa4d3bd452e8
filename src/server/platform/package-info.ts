import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/**
 * The folder holding Custos's package.json, found by walking up from this module. Works from
 * the sources (tests, tsx) and from the bundle in dist/node alike.
 */
export function packageRoot(): string {
  if (root) {
    return root;
  }
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(dir, 'package.json');
    if (existsSync(candidate) && readName(candidate) === 'custos') {
      root = dir;
      return dir;
    }
    const parent = path.dirname(dir);
    if (parent === dir) {
      throw new Error('Cannot find the custos package.json above ' + import.meta.url);
    }
    dir = parent;
  }
}

function readName(file: string): unknown {
  const json = JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown };
  return json.name;
}

let version: string | undefined;

/** Custos's version, from package.json. */
export function productVersion(): string {
  version ??= String(
    (
      JSON.parse(readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as {
        version?: unknown;
      }
    ).version,
  );
  return version;
}
