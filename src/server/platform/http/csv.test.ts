import { describe, expect, it } from 'vitest';
import { csvCell } from './csv';

describe('CSV cells', () => {
  it('neutralise what a spreadsheet would run, and quote per RFC 4180', () => {
    for (const start of ['=', '+', '-', '@', '|', '\t', '\r']) {
      expect(csvCell(`${start}calc`).replace(/^"/, '')).toMatch(/^'/);
    }
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell('a "b", c')).toBe('"a ""b"", c"');
  });
});
