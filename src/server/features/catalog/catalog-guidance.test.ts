import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as features from '../../../contracts/features';
import { RECORDS_KEPT } from '../../../contracts/records-kept';
import { HIPAA_SOURCES, hasHipaaSources } from '../../../../test/support/hipaa-sources';
import { packageRoot } from '../../platform/package-info';
import { catalog, loadCatalog } from './content';

// Issue 12, "content that says more than is true": the catalog's own words say what the rule says
// and what Custos does, no more.

const { requirements, byId } = catalog();
const textOf = (id: string) => {
  const r = byId.get(id);
  if (!r) throw new Error(`no ${id}`);
  return { summary: r.summary, guidance: r.guidance, both: `${r.summary} ${r.guidance}` };
};

/** A copy of content/catalog with one requirement's fields changed. */
function catalogWith(id: string, change: Record<string, unknown>): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'custos-catalog-'));
  const source = path.join(packageRoot(), 'content', 'catalog');
  const file = JSON.parse(readFileSync(path.join(source, 'security-rule.json'), 'utf8')) as {
    requirements: Record<string, unknown>[];
  };
  file.requirements = file.requirements.map((r) => (r.id === id ? { ...r, ...change } : r));
  writeFileSync(path.join(folder, 'security-rule.json'), JSON.stringify(file));
  writeFileSync(
    path.join(folder, 'rule-profiles.json'),
    readFileSync(path.join(source, 'rule-profiles.json')),
  );
  return folder;
}

describe('164.316(b)(1): what Custos keeps', () => {
  it('names exactly the records the features declare, each feature once', () => {
    const declared = Object.values(features).flatMap((m) =>
      'recordsKept' in m ? [...m.recordsKept] : [],
    );
    expect(RECORDS_KEPT).toEqual(declared);
    expect(RECORDS_KEPT.length).toBeGreaterThanOrEqual(8);
    const { guidance } = textOf('164.316(b)(1)');
    for (const record of RECORDS_KEPT) expect(guidance).toContain(record);
    expect(guidance).toMatch(/^Custos keeps part of this record today/);
    // It no longer claims to keep everything, and leaves the policies to the organization.
    expect(guidance).not.toMatch(/keeps this record for you/);
    expect(guidance).toMatch(/written policies and procedures/);
  });

  it('declares records only features that keep them: assessments, decisions, policies, the trail', () => {
    const kept = RECORDS_KEPT.join(' ');
    expect(kept).toMatch(/risk analyses/);
    expect(kept).toMatch(/addressable decision/);
    expect(kept).toMatch(/audit trail/);
    expect(kept).toMatch(/policies and procedures/);
    expect(kept).toMatch(/acknowledgements of policies/);
    // Training is kept (issue 15); no business associate feature exists yet: not named.
    expect(kept).toMatch(/security awareness training/);
    expect(kept).not.toMatch(/business associate agreement/i);
  });

  it('refuses guidance with a placeholder nobody fills', () => {
    const folder = catalogWith('164.316(b)(1)', { guidance: 'Custos keeps {recordsKep}.' });
    expect(() => loadCatalog(folder)).toThrow(/164\.316\(b\)\(1\) guidance has no value for/);
  });
});

describe('corrections against the rule text', () => {
  it('164.314(a)(2)(ii): any arrangement meeting 164.504(e)(3), not only between governments', () => {
    const { summary, guidance } = textOf('164.314(a)(2)(ii)');
    expect(summary).toContain('164.504(e)(3)');
    expect(summary).not.toMatch(/government/i);
    expect(guidance).toMatch(/required by law|law requires/);
  });

  it('164.308(a)(4): the applicable requirements of subpart E, broader than minimum necessary', () => {
    const { summary } = textOf('164.308(a)(4)');
    expect(summary).toMatch(/applicable requirements of the Privacy Rule \(subpart E\)/);
  });

  it('164.308(a)(8): periodic; a yearly cadence only as our recommendation', () => {
    const { summary, guidance } = textOf('164.308(a)(8)');
    expect(summary).toMatch(/periodically/);
    expect(guidance).toMatch(/sets no interval/);
    expect(guidance).toMatch(/recommend a yearly/);
    expect(guidance).not.toMatch(/at least yearly/);
  });

  it('164.308(a)(3)(ii)(A): workforce members, not visitors', () => {
    expect(textOf('164.308(a)(3)(ii)(A)').both).not.toMatch(/visitor/i);
  });

  it('164.308(a)(7)(ii)(C): critical processes that protect ePHI in emergency mode', () => {
    const { summary, guidance } = textOf('164.308(a)(7)(ii)(C)');
    expect(summary).toMatch(/critical business processes for protecting ePHI/);
    expect(summary).toMatch(/emergency mode/);
    expect(summary).not.toMatch(/keep critical business processes running/);
    expect(guidance).toMatch(
      /only the critical business processes that must go on to protect ePHI/,
    );
  });

  it('states a cadence the rule does not set only as a recommendation', () => {
    const cadence = /\b(yearly|annual(ly)?|monthly|quarterly|every (year|month|quarter))\b/i;
    for (const r of requirements) {
      expect(r.summary, r.id).not.toMatch(cadence);
      if (cadence.test(r.guidance)) expect(r.guidance, r.id).toMatch(/recommend/);
    }
  });

  it('speaks of visitors only where the rule does: facility access (164.310)', () => {
    for (const r of requirements.filter((r) => /visitor/i.test(`${r.summary} ${r.guidance}`))) {
      expect(r.id, r.id).toMatch(/^164\.310\(a\)/);
    }
  });
});

// The words above, checked against the eCFR text when this machine has the sources.
describe.skipIf(!hasHipaaSources)(`the corrections against ${HIPAA_SOURCES}`, () => {
  const xml = hasHipaaSources
    ? readFileSync(path.join(HIPAA_SOURCES, 'ecfr-title45-part164-subpartC-2026-03-13.xml'), 'utf8')
    : '';
  const text = xml
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#xA7;/g, '§')
    .replace(/\s+/g, ' ');

  it('the rule says what the summaries say', () => {
    expect(text).toContain(
      'another arrangement in place that meets the requirements of § 164.504(e)(3)',
    );
    expect(text).toContain('consistent with the applicable requirements of subpart E of this part');
    expect(text).toContain('Perform a periodic technical and nontechnical evaluation');
    expect(text).toContain(
      'authorization and/or supervision of workforce members who work with electronic protected health information',
    );
    expect(text).toContain(
      'continuation of critical business processes for protection of the security of electronic protected health information while operating in emergency mode',
    );
  });

  it('the rule sets no yearly cadence and speaks of visitors only in 164.310', () => {
    expect(text).not.toMatch(/\b(yearly|annual(ly)?)\b/i);
    const start = xml.indexOf('<DIV8 N="164.310"');
    const physical = xml.slice(start, xml.indexOf('</DIV8>', start));
    const visitors = (within: string) => within.match(/visitor/gi)?.length ?? 0;
    expect(visitors(physical)).toBeGreaterThan(0);
    expect(visitors(xml)).toBe(visitors(physical));
  });
});
