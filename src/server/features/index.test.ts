import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as contracts from '../../contracts/features';

const here = path.dirname(fileURLToPath(import.meta.url));

describe('the server features', () => {
  // esbuild bundles every features/*/index.ts, but only the listed ones load: a folder left out of
  // contracts/features.ts would silently serve nothing (the web refuses such a folder at load).
  it('are exactly the folders with an index.ts, each listed in contracts/features.ts', () => {
    const folders = readdirSync(here, { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(path.join(here, d.name, 'index.ts')))
      .map((d) => d.name)
      .sort();
    expect(folders).toEqual(
      Object.values(contracts)
        .map((c) => c.feature)
        .sort(),
    );
  });
});
