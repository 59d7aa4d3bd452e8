import { describe, expect, it } from 'vitest';
import { canonicalContent, normalizeBody, versionHash } from './canonical';

const v1 = { number: 1, title: 'Access control', kind: 'policy', body: '# Access\n\nUnique IDs.' };

describe('a version hash', () => {
  it('is the SHA-256 of the documented canonical JSON', () => {
    expect(canonicalContent(v1)).toBe(
      '{"version":1,"title":"Access control","kind":"policy","body":"# Access\\n\\nUnique IDs."}',
    );
    // Fixed here so that a change of canonical form cannot pass unnoticed (acknowledgements name it).
    expect(versionHash(v1)).toBe(
      '6b7c4789df4c3f88051a5d7918c4080d83f5732a4958c2a4e052b1b12ab7c5a9',
    );
  });

  it('is stable across line ends and Unicode forms', () => {
    expect(versionHash({ ...v1, body: '# Access\r\n\r\nUnique IDs.' })).toBe(versionHash(v1));
    expect(versionHash({ ...v1, body: '# Access\r\rUnique IDs.' })).toBe(versionHash(v1));
    expect(normalizeBody('Cafe\u0301')).toBe('Caf\u00e9');
  });

  it('changes with the body, title, kind and version number', () => {
    const hash = versionHash(v1);
    expect(versionHash({ ...v1, body: '# Access\n\nUnique IDs!' })).not.toBe(hash);
    expect(versionHash({ ...v1, body: `${v1.body} ` })).not.toBe(hash);
    expect(versionHash({ ...v1, title: 'Access' })).not.toBe(hash);
    expect(versionHash({ ...v1, kind: 'procedure' })).not.toBe(hash);
    expect(versionHash({ ...v1, number: 2 })).not.toBe(hash);
  });
});
