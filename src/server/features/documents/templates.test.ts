import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { HIPAA_SOURCES, hasHipaaSources } from '../../../../test/support/hipaa-sources';
import { catalog } from '../catalog/content';
import {
  TEMPLATE_PLACEHOLDERS,
  choicesIn,
  escapeMarkdownText,
  fillPolicyTemplate,
  loadPolicyTemplates,
  loadPolicyTemplatesFrom,
  parseTemplateFile,
  placeholdersOf,
  type PolicyTemplate,
} from './templates';

const templates = loadPolicyTemplates();
const catalogIds = new Set(catalog().requirements.map((r) => r.id));

const GOOD = `---
id: sample
title: Sample
kind: policy
category: technical
summary: A sample template.
requirements:
  - 164.312(b)
---

# Sample

{{organizationName}} keeps logs.
`;

function folderWith(files: Record<string, string>): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'custos-templates-'));
  for (const [name, text] of Object.entries(files)) {
    writeFileSync(path.join(folder, name), text);
  }
  return folder;
}

function loadOne(text: string, name = 'sample.md') {
  return () => loadPolicyTemplatesFrom(folderWith({ [name]: text }), catalogIds);
}

describe('the policy template library', () => {
  it('cites only requirements of the catalog, with unique ids and known placeholders', () => {
    for (const template of templates) {
      for (const id of template.requirements) {
        expect(catalogIds.has(id), `${template.id}: ${id}`).toBe(true);
      }
      for (const name of placeholdersOf(template.body)) {
        expect(TEMPLATE_PLACEHOLDERS).toContain(name);
      }
    }
    const ids = templates.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    const titles = templates.map((t) => t.title);
    expect(new Set(titles).size).toBe(titles.length);
  });

  it('gives every template the sections of the house layout, in order', () => {
    const sections = [
      'Purpose',
      'Scope',
      'Who is responsible',
      'What we do',
      'How we know it works',
      'Review',
      'Related policies',
    ];
    for (const template of templates) {
      const headings = [...template.body.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
      expect(headings, template.id).toEqual(sections);
      // Concrete, numbered steps (sub-headings such as "Training:" may group them).
      const steps = template.body.split('## What we do')[1]?.split('\n## ')[0] ?? '';
      expect(steps, template.id).toMatch(/^1\. /m);
      expect(steps, template.id).toMatch(/^3\. /m);
    }
  });

  it('addresses every requirement of the catalog, standards and specifications alike', () => {
    const addressed = new Set(templates.flatMap((t) => t.requirements));
    const missing = catalog()
      .requirements.map((r) => r.id)
      .filter((id) => !addressed.has(id));
    expect(catalog().requirements).toHaveLength(68);
    expect(missing).toEqual([]);
  });

  it('relates templates only to templates of the library, by title', () => {
    const titles = new Set(templates.map((t) => t.title));
    for (const template of templates) {
      const related = template.body.split('## Related policies')[1] ?? '';
      const items = [...related.matchAll(/^- (.+)$/gm)].map((m) => m[1] ?? '');
      expect(items.length, template.id).toBeGreaterThan(0);
      for (const title of items) {
        expect(titles.has(title), `${template.id} relates to "${title}"`).toBe(true);
        expect(title, template.id).not.toBe(template.title);
      }
    }
  });

  it('marks every choice well: closed, not nested, not empty', () => {
    for (const template of templates) {
      const opened = template.body.split('[choose:').length - 1;
      expect(choicesIn(template.body), template.id).toHaveLength(opened);
      for (const choice of choicesIn(template.body)) {
        expect(choice, template.id).not.toBe('');
      }
    }
    expect(choicesIn('a [choose: 12\n months] b [choose: x]')).toEqual(['12 months', 'x']);
  });

  it('cites the law only where the rule says it: catalog items, their paragraphs, or the sections the rule names', () => {
    const ids = [...catalogIds];
    // Sections outside the catalog that Subpart C's own text defines or refers to, with the words
    // of the rule that show it.
    const named: Record<string, string> = {
      '164.304': 'Security incident means',
      '164.306(d)(3)': 'Implement an equivalent alternative measure',
      '164.504(e)(3)': 'arrangement in place that meets the requirements of § 164.504(e)(3)',
      '164.504(f)(2)(iii)': 'adequate separation required by § 164.504(f)(2)(iii)',
    };
    for (const template of templates) {
      for (const [cited] of template.body.matchAll(/164\.\d+(\([a-zA-Z0-9]+\))*/g)) {
        const known =
          cited in named || ids.some((id) => id.startsWith(cited) || cited.startsWith(id));
        expect(known, `${template.id} cites ${cited}`).toBe(true);
      }
    }
    if (hasHipaaSources) {
      const ecfr = readFileSync(
        path.join(HIPAA_SOURCES, 'ecfr-title45-part164-subpartC-2026-03-13.xml'),
        'utf8',
      )
        .replace(/<[^>]+>/g, '')
        .replace(/&#xA7;/g, '§')
        .replace(/\s+/g, ' ');
      for (const [section, words] of Object.entries(named)) {
        expect(ecfr, section).toContain(words);
      }
    }
  });

  it('lists the templates by id and title', () => {
    expect(templates.map((t) => `${t.id}: ${t.title} (${t.kind})`)).toMatchInlineSnapshot(`
      [
        "access-control: Access control (policy)",
        "assigned-security-responsibility: Assigned security responsibility (policy)",
        "audit-controls: Audit controls (policy)",
        "breach-notification: Breach notification (procedure)",
        "business-associates: Business associates (policy)",
        "contingency-plan: Contingency plan (plan)",
        "data-backup: Data backup (procedure)",
        "device-media-controls: Device and media controls (procedure)",
        "documentation-retention: Documentation and retention (policy)",
        "evaluation: Evaluation (procedure)",
        "facility-access: Facility access and security (plan)",
        "group-health-plan: Group health plan documents (policy)",
        "information-access-management: Information access management (policy)",
        "information-system-activity-review: Information system activity review (procedure)",
        "integrity: Integrity (policy)",
        "person-entity-authentication: Person or entity authentication (policy)",
        "sanctions: Sanctions (policy)",
        "security-awareness-training: Security awareness and training (policy)",
        "security-incident-response: Security incident response and reporting (procedure)",
        "security-management: Security management and risk management (policy)",
        "transmission-security: Transmission security (policy)",
        "workforce-security: Workforce security (procedure)",
        "workstation-use-security: Workstation use and security (policy)",
      ]
    `);
  });
});

describe('loading templates', () => {
  it('reads a good file', () => {
    const [sample] = loadOne(GOOD)();
    expect(sample).toEqual({
      id: 'sample',
      title: 'Sample',
      kind: 'policy',
      category: 'technical',
      summary: 'A sample template.',
      requirements: ['164.312(b)'],
      body: '# Sample\n\n{{organizationName}} keeps logs.',
    });
  });

  it('fails loudly, naming the file, on a bad template', () => {
    expect(loadOne(GOOD.replace('164.312(b)', '164.312(z)'))).toThrow(
      'content/policies/sample.md: requirements: 164.312(z) is not in the catalog',
    );
    expect(loadOne(GOOD.replace('keeps logs', 'keeps {{clinicName}}'))).toThrow(
      /sample\.md: unknown placeholder \{\{clinicName\}\}/,
    );
    expect(loadOne(GOOD.replace('keeps logs', 'keeps {{timeZone}'))).toThrow(
      /sample\.md: malformed placeholder/,
    );
    expect(loadOne(GOOD, 'other.md')).toThrow('other.md: id sample must match the file name');
    expect(loadOne(GOOD.replace('kind: policy', 'kind: memo'))).toThrow(/sample\.md: kind /);
    expect(loadOne(GOOD.replace('id: sample', 'id: Sample_1'))).toThrow(/id must be kebab-case/);
    expect(loadOne(GOOD.replace('A sample template.', 'Two. Sentences.'))).toThrow(
      /summary must be one sentence/,
    );
    expect(loadOne(GOOD.replace('title: Sample', 'title: {{organizationName}}'))).toThrow(
      /title may not hold a placeholder/,
    );
    expect(loadOne(GOOD.replace('  - 164.312(b)', '  - 164.312(b)\n  - 164.312(b)'))).toThrow(
      /names a requirement twice/,
    );
    expect(loadOne(GOOD.replace(/\n\n# Sample[\s\S]*/, '\n'))).toThrow(/sample\.md: body is empty/);
  });

  it('refuses a folder with no template', () => {
    expect(() => loadPolicyTemplatesFrom(folderWith({ 'README.md': '# x' }), catalogIds)).toThrow(
      /no template/,
    );
  });
});

describe('the front matter parser', () => {
  it('names the line of each mistake', () => {
    expect(() => parseTemplateFile('# no front matter')).toThrow('line 1: must be ---');
    expect(() => parseTemplateFile(GOOD.replace('title: Sample', 'title Sample'))).toThrow(
      'line 3: expected one of',
    );
    expect(() => parseTemplateFile(GOOD.replace('title: Sample', 'owner: Sam'))).toThrow('line 3');
    expect(() => parseTemplateFile(GOOD.replace('kind: policy', 'id: again'))).toThrow(
      'line 4: id appears twice',
    );
    expect(() => parseTemplateFile(GOOD.replace('title: Sample', 'title:'))).toThrow(
      'line 3: title has no value',
    );
    expect(() =>
      parseTemplateFile(GOOD.replace('requirements:', 'requirements: 164.312(b)')),
    ).toThrow('line 7: requirements is a list');
    expect(() => parseTemplateFile(GOOD.replace('kind: policy', '  - stray'))).toThrow(
      'line 4: a list item belongs under requirements',
    );
    expect(() => parseTemplateFile(GOOD.replace('summary: A sample template.\n', ''))).toThrow(
      'the front matter has no summary',
    );
    expect(() => parseTemplateFile(GOOD.replace(/\n---\n\n# Sample/, '\n\n# Sample'))).toThrow(
      /line \d+: expected one of/,
    );
    expect(() => parseTemplateFile(GOOD.split('\n').slice(0, 8).join('\n'))).toThrow(
      'no closing ---',
    );
  });

  it('reads CRLF files and a byte order mark alike', () => {
    const crlf = '\uFEFF' + GOOD.replaceAll('\n', '\r\n');
    expect(parseTemplateFile(crlf)).toEqual(parseTemplateFile(GOOD));
  });

  it('reads back any single-line value it is given', () => {
    const value = fc
      .string({ minLength: 1, maxLength: 60 })
      .map((s) => s.replace(/[\r\n]/g, ' ').trim())
      .filter((s) => s.length > 0);
    fc.assert(
      fc.property(value, fc.array(value, { minLength: 1, maxLength: 4 }), (title, reqs) => {
        // Function replacers: a value may hold `$`, which a replacement string would interpret.
        const text = GOOD.replace('title: Sample', () => `title: ${title}`).replace(
          '  - 164.312(b)',
          () => reqs.map((r) => `  - ${r}`).join('\n'),
        );
        const parsed = parseTemplateFile(text);
        expect(parsed.title).toBe(title);
        expect(parsed.requirements).toEqual(reqs);
      }),
    );
  });
});

const sample: PolicyTemplate = {
  id: 'sample',
  title: 'Sample',
  kind: 'policy',
  category: 'technical',
  summary: 'A sample.',
  requirements: ['164.312(b)'],
  body: '{{organizationName}} ({{timeZone}}), from {{effectiveDate}}: {{securityOfficial}} and {{privacyOfficial}}.',
};

describe('filling a template', () => {
  it('puts the profile in place', () => {
    expect(
      fillPolicyTemplate(sample, {
        organizationName: 'Riverside Family Clinic',
        securityOfficial: 'Dana Whitfield',
        privacyOfficial: 'Marcus Lee',
        timeZone: 'America/Chicago',
        effectiveDate: '2027-01-01',
      }),
    ).toBe(
      'Riverside Family Clinic (America/Chicago), from 2027-01-01: Dana Whitfield and Marcus Lee.',
    );
  });

  it('marks officials not designated and a date not chosen for the editor', () => {
    expect(
      fillPolicyTemplate(sample, {
        organizationName: 'Clinic',
        securityOfficial: null,
        privacyOfficial: null,
        timeZone: 'UTC',
      }),
    ).toBe(
      'Clinic (UTC), from [choose: effective date]: [choose: the Security Official, not yet designated in the organization profile] and [choose: the Privacy Official, not yet designated in the organization profile].',
    );
  });

  it('inserts values as plain text: Markdown and HTML in a name stay literal', () => {
    const filled = fillPolicyTemplate(sample, {
      organizationName: '*Acme* <script>alert(1)</script> [x](javascript:y) & `z`',
      securityOfficial: '# Dana_Whit | field ~~',
      privacyOfficial: '1. Lee\n\n---',
      timeZone: 'America/Los_Angeles',
      effectiveDate: null,
    });
    expect(filled).toBe(
      '\\*Acme\\* \\<script\\>alert(1)\\</script\\> \\[x\\](javascript:y) \\& \\`z\\` ' +
        '(America/Los\\_Angeles), from [choose: effective date]: ' +
        '\\# Dana\\_Whit \\| field \\~\\~ and 1\\. Lee ---.',
    );
  });

  it('escapes so that removing the escapes gives back the value, on one line', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (value) => {
        const escaped = escapeMarkdownText(value);
        expect(escaped).not.toMatch(/[\r\n]/);
        // Every significant character is preceded by a backslash that is not itself escaped.
        expect(escaped.replace(/\\[\\`*_[\]<>&~|!#+\-=.)]/g, '')).not.toMatch(/[\\`*_[\]<>&~|]/);
        expect(escaped.replace(/\\(.)/g, '$1')).toBe(value.replace(/\s+/g, ' ').trim());
      }),
    );
  });
});
