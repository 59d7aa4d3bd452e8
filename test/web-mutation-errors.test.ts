import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const WEB = join(import.meta.dirname, '..', 'src', 'web');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sources(join(dir, entry.name))
      : entry.name.endsWith('.tsx')
        ? [join(dir, entry.name)]
        : [],
  );
}

// A refused change (a 409, a 403) is said beside its button by MutationError; ErrorNotice titles
// its box "Could not load this page", which is wrong for a page that loaded.
describe('mutation errors', () => {
  it('never show through ErrorNotice', () => {
    const wrong: string[] = [];
    for (const file of sources(WEB)) {
      const text = readFileSync(file, 'utf8');
      const mutations = [...text.matchAll(/const (\w+) = useApiMutation\(/g)].map((m) => m[1]);
      for (const name of mutations) {
        if (text.includes(`<ErrorNotice error={${name ?? ''}.error}`)) {
          wrong.push(`${file.slice(WEB.length + 1)}: ${name ?? ''}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});
