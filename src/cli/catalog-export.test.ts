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
      designation: string;
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
  });

  it('prints CSV with a header line', async () => {
    const run = await cli(['catalog', 'export', '--format', 'csv'], {});
    expect(run.result).toBe(0);
    const lines = run.out.join('\n').split('\r\n');
    expect(lines[0]).toBe('id,kind,parent,title,safeguard,designation,summary');
    expect(lines).toHaveLength(69);
  });

  it('refuses an unknown format naming the option', async () => {
    const run = await cli(['catalog', 'export', '--format', 'xml'], {});
    expect(run.result).toBe(2);
    expect(run.err).toEqual(['custos: --format must be one of json, csv, got "xml"']);
  });
});
