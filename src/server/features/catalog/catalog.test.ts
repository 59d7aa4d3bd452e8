import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  HIPAA_SOURCES,
  hasHipaaSources,
  readEcfrItems,
  readNistKeyActivities,
  readNistMappings,
} from '../../../../test/support/hipaa-sources';
import { packageRoot } from '../../platform/package-info';
import { catalog, loadCatalog, searchRequirements } from './content';

const { requirements, byId } = catalog();
const standards = requirements.filter((r) => r.kind === 'standard');
const specifications = requirements.filter((r) => r.kind === 'implementation_specification');

describe('the Security Rule catalog', () => {
  it('holds 22 standards and 46 implementation specifications, 24 required and 22 addressable', () => {
    expect(standards).toHaveLength(22);
    expect(specifications).toHaveLength(46);
    expect(specifications.filter((r) => r.designation === 'required')).toHaveLength(24);
    expect(specifications.filter((r) => r.designation === 'addressable')).toHaveLength(22);
    expect(standards.filter((r) => r.selfSpecified).map((r) => r.id)).toEqual([
      '164.308(a)(2)',
      '164.308(a)(8)',
      '164.310(b)',
      '164.310(c)',
      '164.312(b)',
      '164.312(d)',
      '164.316(a)',
    ]);
  });

  it('avoids the known traps: (b)(3) not (b)(4), no sub-letters under (a)(6)(ii) and (c)(2)', () => {
    expect(byId.get('164.308(b)(3)')?.aliases).toEqual(['164.308(b)(4)']);
    expect(byId.has('164.308(b)(4)')).toBe(false);
    expect(byId.get('164.308(b)(1)')?.kind).toBe('standard');
    expect(byId.has('164.308(a)(6)(ii)(A)')).toBe(false);
    expect(byId.has('164.312(c)(2)(A)')).toBe(false);
    expect(byId.get('164.308(a)(3)(ii)(B)')?.designation).toBe('addressable');
    for (const id of [
      '164.314(b)(2)(i)',
      '164.314(b)(2)(ii)',
      '164.314(b)(2)(iii)',
      '164.314(b)(2)(iv)',
    ]) {
      expect(byId.get(id)?.title).not.toBe('');
    }
  });

  it('gives every standard its key activities and mappings, and every specification a standard', () => {
    for (const standard of standards) {
      expect(standard.keyActivities?.length, standard.id).toBeGreaterThan(0);
      expect(standard.mappings?.nistSp80053r5.length, standard.id).toBeGreaterThan(0);
    }
    expect(standards.reduce((n, s) => n + (s.keyActivities?.length ?? 0), 0)).toBe(104);
    for (const spec of specifications) {
      expect(byId.get(spec.parent ?? '')?.kind, spec.id).toBe('standard');
    }
  });

  it('lets the rule mark as not applicable only the clearinghouse and group health plan items', () => {
    expect(
      requirements.filter((r) => r.notApplicableWhen).map((r) => [r.id, r.notApplicableWhen]),
    ).toEqual([
      ['164.308(a)(4)(ii)(A)', 'no_clearinghouse'],
      ['164.314(b)(1)', 'no_group_health_plan'],
      ['164.314(b)(2)(i)', 'no_group_health_plan'],
      ['164.314(b)(2)(ii)', 'no_group_health_plan'],
      ['164.314(b)(2)(iii)', 'no_group_health_plan'],
      ['164.314(b)(2)(iv)', 'no_group_health_plan'],
    ]);
  });

  it('finds requirements by words across citation, title, text and mappings', () => {
    expect(
      searchRequirements(requirements, {
        q: 'automatic logoff',
        kind: 'implementation_specification',
      }).map((r) => r.id),
    ).toEqual(['164.312(a)(2)(iii)']);
    expect(searchRequirements(requirements, { q: '164.308(b)(4)' }).map((r) => r.id)).toEqual([
      '164.308(b)(3)',
    ]);
    const physicalAddressable = searchRequirements(requirements, {
      safeguard: 'physical',
      designation: 'addressable',
    });
    expect(physicalAddressable).toHaveLength(6);
  });

  it('refuses content with a broken field, naming the file and the field', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'custos-catalog-'));
    const source = path.join(packageRoot(), 'content', 'catalog');
    const broken = JSON.parse(readFileSync(path.join(source, 'security-rule.json'), 'utf8')) as {
      requirements: { designation: string }[];
    };
    (broken.requirements[3] as { designation: string }).designation = 'optional';
    writeFileSync(path.join(folder, 'security-rule.json'), JSON.stringify(broken));
    writeFileSync(
      path.join(folder, 'rule-profiles.json'),
      readFileSync(path.join(source, 'rule-profiles.json')),
    );
    expect(() => loadCatalog(folder)).toThrow(/security-rule\.json: requirements\.3\.designation/);
  });
});

// Checked against the official sources when this machine has ../shared/hipaa-sources.
describe.skipIf(!hasHipaaSources)(`the catalog against ${HIPAA_SOURCES}`, () => {
  it('matches the eCFR text: citations, kinds, titles and designations', () => {
    const ecfr = readEcfrItems();
    // The eCFR prints 164.308(b)(1) without a "Standard:" label, yet it is a standard (trap).
    ecfr.push({
      id: '164.308(b)(1)',
      kind: 'standard',
      title: 'Business associate contracts and other arrangements',
      // (b)(3) is its specification: no designation of its own.
      designation: null,
    });
    expect(new Set(ecfr.map((i) => i.id))).toEqual(new Set(requirements.map((r) => r.id)));
    for (const item of ecfr) {
      const ours = byId.get(item.id);
      expect(ours?.kind, item.id).toBe(item.kind);
      expect(ours?.designation, item.id).toBe(item.designation);
      if (item.title !== null) {
        expect(ours?.title.toLowerCase(), item.id).toBe(item.title.toLowerCase());
      }
    }
  });

  it('carries NIST SP 800-66r2 key activities and mappings for each standard', () => {
    const activities = readNistKeyActivities();
    const mappings = readNistMappings();
    for (const standard of standards) {
      const key = [standard.id, ...(standard.aliases ?? [])].find((id) => activities.has(id));
      expect(key, standard.id).toBeDefined();
      expect(
        standard.keyActivities?.map((k) => k.title),
        standard.id,
      ).toEqual(activities.get(key ?? ''));
      expect(standard.mappings?.nistSp80053r5, standard.id).toEqual(mappings[key ?? '']?.sp80053r5);
      expect(standard.mappings?.nistCsf11, standard.id).toEqual(mappings[key ?? '']?.csf11);
    }
  });
});

if (!hasHipaaSources) {
  console.warn(`Catalog source checks skipped: ${HIPAA_SOURCES} is not on this machine.`);
}
