import { describe, expect, it } from 'vitest';
import { cli } from '../../test/support/cli';

describe('custos catalog export', () => {
  it('prints every standard and specification as JSON with citation, kind, parent and designation', async () => {
    const run = await cli(['catalog', 'export', '--format', 'json'], {});
    expect(run.result).toBe(0);
    const items = JSON.parse(run.out.join('\n')) as {
      id: string;
      kind: string;
      parent: string | null;
      title: string;
      safeguard: string;
      designation: string | null;
      selfSpecified?: boolean;
    }[];
    expect(items.filter((i) => i.kind === 'standard')).toHaveLength(22);
    expect(items.filter((i) => i.kind === 'implementation_specification')).toHaveLength(46);
    expect(items.find((i) => i.id === '164.312(a)(2)(iv)')).toMatchObject({
      kind: 'implementation_specification',
      parent: '164.312(a)(1)',
      title: 'Encryption and decryption',
      safeguard: 'technical',
      designation: 'addressable',
    });
    // A standard with specifications has no designation of its own; a self-specified one is required.
    const standards = items.filter((i) => i.kind === 'standard');
    expect(standards.filter((i) => i.designation === null)).toHaveLength(15);
    expect(standards.filter((i) => i.designation === 'required').map((i) => i.id)).toEqual([
      '164.308(a)(2)',
      '164.308(a)(8)',
      '164.310(b)',
      '164.310(c)',
      '164.312(b)',
      '164.312(d)',
      '164.316(a)',
    ]);
    expect(
      standards.every((i) => (i.designation === 'required') === (i.selfSpecified === true)),
    ).toBe(true);
  });

  it('prints CSV with a header line', async () => {
    const run = await cli(['catalog', 'export', '--format', 'csv'], {});
    expect(run.result).toBe(0);
    const lines = run.out.join('\n').split('\r\n');
    expect(lines[0]).toBe('id,kind,parent,title,safeguard,designation,summary');
    expect(lines).toHaveLength(69);
    expect(lines.find((l) => l.startsWith('164.312(a)(1),'))).toMatch(
      /^164\.312\(a\)\(1\),standard,,Access control,technical,,/,
    );
    expect(lines.find((l) => l.startsWith('164.312(b),'))).toMatch(/,technical,required,/);
  });

  it('refuses an unknown format naming the option', async () => {
    const run = await cli(['catalog', 'export', '--format', 'xml'], {});
    expect(run.result).toBe(2);
    expect(run.err).toEqual(['custos: --format must be one of json, csv, got "xml"']);
  });
});
