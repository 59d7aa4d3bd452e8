import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RiskMatrixSchema, THREAT_SOURCE_TYPES } from '../../../contracts/risk-library';
import { packageRoot } from '../../platform/package-info';
import { levelOf, loadRiskContent, riskContent } from './content';

// NIST SP 800-30 Rev. 1, Appendix I, Table I-2, as printed: rows are likelihood (Very High first),
// columns impact (Very Low … Very High). Written out here independently of content/risk.
const TABLE_I_2: Record<string, string[]> = {
  'Very High': ['Very Low', 'Low', 'Moderate', 'High', 'Very High'],
  High: ['Very Low', 'Low', 'Moderate', 'High', 'Very High'],
  Moderate: ['Very Low', 'Low', 'Moderate', 'Moderate', 'High'],
  Low: ['Very Low', 'Low', 'Low', 'Low', 'Moderate'],
  'Very Low': ['Very Low', 'Very Low', 'Very Low', 'Low', 'Low'],
};
const SCALE = ['Very Low', 'Low', 'Moderate', 'High', 'Very High'];

describe('risk matrices', () => {
  const { defaultMatrix, matrices } = riskContent();

  it('the default 5×5 gives SP 800-30 Table I-2 in all 25 cells', () => {
    expect(defaultMatrix.likelihood).toEqual(SCALE);
    expect(defaultMatrix.impact).toEqual(SCALE);
    let checked = 0;
    for (const [likelihood, row] of Object.entries(TABLE_I_2)) {
      row.forEach((expected, impact) => {
        expect(
          levelOf(defaultMatrix, SCALE.indexOf(likelihood), impact).label,
          `${likelihood} × ${SCALE[impact] ?? ''}`,
        ).toBe(expected);
        checked += 1;
      });
    }
    expect(checked).toBe(25);
  });

  it('a configured 3×3 matrix works', () => {
    const threeByThree = matrices.find((m) => m.id === '3x3');
    expect(threeByThree).toBeDefined();
    const m = threeByThree!;
    expect(levelOf(m, 0, 0).label).toBe('Low');
    expect(levelOf(m, 1, 1).label).toBe('Moderate');
    expect(levelOf(m, 2, 2).label).toBe('High');
    expect(() => levelOf(m, 3, 0)).toThrow(/outside the 3×3 matrix/);
  });

  it('refuses matrices of the wrong shape, unknown levels, or a level that drops as risk grows', () => {
    const base = matrices.find((m) => m.id === '3x3')!;
    const problem = (cells: number[][]) =>
      RiskMatrixSchema.safeParse({ ...base, cells }).error?.issues[0];
    expect(
      problem([
        [0, 0, 1],
        [0, 1, 2],
      ])?.path,
    ).toEqual(['cells']);
    expect(
      problem([
        [0, 0],
        [0, 1, 2],
        [1, 2, 2],
      ])?.path,
    ).toEqual(['cells', 0]);
    expect(
      problem([
        [0, 0, 1],
        [0, 1, 5],
        [1, 2, 2],
      ])?.message,
    ).toMatch(/names no level/);
    expect(
      problem([
        [0, 0, 1],
        [0, 1, 2],
        [1, 0, 2],
      ])?.message,
    ).toMatch(/must not be lower/);
  });
});

describe('threat and vulnerability library', () => {
  const { library } = riskContent();

  it('covers the four SP 800-30 threat source types, with healthcare examples', () => {
    expect(new Set(library.threats.map((t) => t.sourceType))).toEqual(new Set(THREAT_SOURCE_TYPES));
    for (const threat of library.threats) {
      expect(threat.examples.length, threat.id).toBeGreaterThan(0);
      expect(threat.vulnerabilities.length, threat.id).toBeGreaterThan(0);
    }
    const titles = library.threats.map((t) => t.title.toLowerCase()).join(' | ');
    for (const needle of [
      'ransomware',
      'phishing',
      'insider',
      'lost device',
      'device theft',
      'record alteration',
      'insider exfiltration',
      'business associate',
      'power',
      'flood',
      'misconfiguration',
    ]) {
      expect(titles).toContain(needle);
    }
  });

  it('refuses a vulnerability that suggests a requirement not in the catalog', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'custos-risk-'));
    const source = path.join(packageRoot(), 'content', 'risk');
    const broken = JSON.parse(readFileSync(path.join(source, 'threat-library.json'), 'utf8')) as {
      vulnerabilities: { requirements: string[] }[];
    };
    broken.vulnerabilities[0]?.requirements.push('164.308(a)(6)(ii)(A)');
    writeFileSync(path.join(folder, 'threat-library.json'), JSON.stringify(broken));
    writeFileSync(
      path.join(folder, 'matrices.json'),
      readFileSync(path.join(source, 'matrices.json')),
    );
    expect(() => loadRiskContent(folder)).toThrow(
      /unknown requirement 164\.308\(a\)\(6\)\(ii\)\(A\)/,
    );
  });
});
