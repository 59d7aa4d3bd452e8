import { describe, expect, it } from 'vitest';
import { readJson } from './json-columns';

describe('readJson', () => {
  it('reads a column through its shape', () => {
    expect(readJson('assets.ephi_roles', '["creates","transmits"]')).toEqual([
      'creates',
      'transmits',
    ]);
    expect(readJson('audit_events.changes', '{"title":{"before":"a","after":"b"}}')).toEqual({
      title: { before: 'a', after: 'b' },
    });
  });

  it('refuses text of another shape, naming the column and path but never the stored value', () => {
    expect(() => readJson('assets.ephi_roles', '["creates","Jane Doe, MRN 12345"]')).toThrow(
      'assets.ephi_roles does not hold its shape (at 1)',
    );
    expect(() => readJson('risk_assessments.participants', '[{"name":"Jane Doe"}]')).toThrow(
      /^risk_assessments\.participants does not hold its shape \(at 0\.role\)$/,
    );
    expect(() => readJson('organizations.locations', '{"Jane Doe"')).toThrow(
      /^organizations\.locations holds text that is not JSON$/,
    );
  });
});
