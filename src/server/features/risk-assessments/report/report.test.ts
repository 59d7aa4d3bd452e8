import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { Asset } from '../../../../contracts/assets';
import type { Assessment, Snapshot } from '../../../../contracts/risk-assessments';
import type { Gaps } from '../../../../contracts/risk-assessment-gaps';
import type { Risk } from '../../../../contracts/risks';
import { riskContent } from '../../risks/content';
import { renderReport, type ReportInput } from './report';

const matrix = riskContent().matrices[0]!;
const level = (index: number) => ({ index, ...matrix.levels[index]! });
const point = (index: number) => ({ index, label: matrix.likelihood[index]! });
const person = { id: 'u1', name: 'Priya Raman' };
const at = '2026-11-22T15:00:00.000Z';
const ehr = { id: 'a1', reference: 'ASSET-1', name: 'Hosted EHR' };

function risk(n: number, rated: boolean): Risk {
  return {
    id: `r${n}`,
    reference: `RISK-${n}`,
    title: `Risk number ${n}`,
    description: '',
    status: 'open',
    owner: rated ? person : null,
    assets: [ehr],
    threat: { id: 'T-RANSOMWARE', title: 'Ransomware' },
    vulnerability: null,
    controls: [],
    likelihood: rated ? point(2) : null,
    impact: rated ? point(3) : null,
    inherentLevel: rated ? level(2) : null,
    ratingRationale: '',
    treatment: rated ? 'mitigate' : null,
    treatmentPlan: 'Backups',
    planTasks: [{ id: 't', reference: 'TASK-1', title: 'Restore test', status: 'in_progress' }],
    residualLikelihood: null,
    residualImpact: null,
    residualLevel: null,
    residualRationale: '',
    acceptance: null,
    identifiedOn: '2026-11-01',
    lastReviewedOn: null,
    nextReviewOn: '2027-11-01',
    createdAt: at,
    updatedAt: at,
  };
}

const asset = (n: number): Snapshot['assets'][number] => ({
  reference: `ASSET-${n}`,
  name: `Asset ${n}`,
  kind: 'server' satisfies Asset['kind'],
  holdsEphi: true,
  criticality: 'high',
  encryptionAtRest: 'not_applicable',
  encryptionInTransit: 'partial',
  mfa: 'unknown',
  backup: 'yes',
});

const gaps: Gaps = {
  unratedRisks: [{ reference: 'RISK-2', title: 'Risk number 2' }],
  untreatedRisks: [{ reference: 'RISK-2', title: 'Risk number 2' }],
  unownedRisks: [{ reference: 'RISK-2', title: 'Risk number 2' }],
  uncoveredPairs: [{ asset: ehr, threat: { id: 'T-PHISHING', title: 'Phishing' } }],
  assetsWithoutRisks: [],
};

function input(status: Assessment['status']): ReportInput {
  const approved = status === 'approved';
  return {
    organization: 'Riverside Family Clinic',
    timeZone: 'America/Chicago',
    assessment: {
      id: 'ra',
      reference: 'RA-1',
      title: 'Risk analysis 2026',
      scope: 'Everything',
      method: 'SP 800-30',
      participants: ['Priya Raman', 'Marcus Lee', 'Tom Alvarez', 'Dana Whitfield'].map((name) => ({
        name,
        role: 'Member',
      })),
      startsOn: '2026-11-01',
      endsOn: null,
      status,
      basedOn: null,
      matrix,
      submitted: { by: person, at, incomplete: gaps },
      approved: approved ? { by: person, at, note: 'Reviewed', incomplete: gaps } : null,
      report: null,
      createdBy: person,
      createdAt: at,
      updatedAt: at,
    },
    snapshot: {
      takenAt: at,
      risks: [risk(1, true), risk(2, false)],
      assets: [1, 2, 3, 4].map(asset),
      flows: [],
      mapPositions: [],
      negligiblePairs: [
        {
          id: 'n1',
          asset: ehr,
          threat: { id: 'T-FLOOD-FIRE', title: 'Flood or fire' },
          reason: 'Hosted by the vendor in two regions',
          decidedBy: person,
          decidedAt: at,
        },
      ],
    },
    matrix,
    generatedAt: at,
    gaps,
  };
}

/**
 * The text of each page, read back from the PDF's content streams (pdfkit writes WinAnsi text as
 * hex strings in TJ arrays), in page order, and how far down each page's content reaches (the
 * footer aside), as a fraction of the page.
 */
function pagesOf(pdf: Buffer) {
  const raw = pdf.toString('latin1');
  const pages: { number: number; text: string; filled: number }[] = [];
  for (const match of raw.matchAll(/stream\r?\n/g)) {
    const start = match.index + match[0].length;
    let content: string;
    try {
      content = inflateSync(pdf.subarray(start, raw.indexOf('endstream', start))).toString(
        'latin1',
      );
    } catch {
      continue;
    }
    if (!content.includes(' TJ')) continue;
    const lines: string[] = [];
    let lowest = 792;
    for (const block of content.matchAll(/1 0 0 1 [\d.]+ ([\d.]+) Tm\n[^\n]*\n\[(.*?)\] TJ/g)) {
      const y = Number(block[1]);
      const line = [...(block[2] ?? '').matchAll(/<([0-9a-f]*)>/g)]
        .map((hex) => Buffer.from(hex[1] ?? '', 'hex').toString('latin1'))
        .join('');
      lines.push(line);
      // The footer sits 30 points from the bottom.
      if (y > 40) lowest = Math.min(lowest, y);
    }
    const text = lines.join('\n');
    const number = Number(/page (\d+) of \d+/.exec(text)?.[1] ?? 0);
    pages.push({ number, text, filled: (792 - lowest) / 792 });
  }
  return pages.sort((x, y) => x.number - y.number);
}

async function draw(report: ReportInput) {
  const pdf = await renderReport(report);
  const pages = pagesOf(pdf);
  // Lines wrapped by the layout read as one text, as a reader reads them.
  const all = pages.map((p) => p.text).join('\n');
  return { pdf, pages, all, flat: all.replace(/\s+/g, ' ') };
}

describe('the risk analysis report', () => {
  it('prints labels, never stored values, and no "DRAFT (draft)"', async () => {
    for (const status of ['draft', 'in_review', 'approved'] as const) {
      const { all, flat } = await draw(input(status));
      expect(all).not.toMatch(/\b[a-z]+_[a-z_]+\b/);
      expect(all).not.toMatch(/\((draft|in review)\)/i);
      expect(all).toContain('N/A');
      expect(all).toContain('Partly');
      expect(flat).toContain('TASK-1 Restore test (in progress)');
      expect(all).toContain('Not rated');
    }
    expect((await draw(input('in_review'))).flat).toContain(
      'DRAFT, not approved (status: in review).',
    );
  });

  it("prints every time in the organization's time zone, naming it", async () => {
    const { flat } = await draw(input('approved'));
    expect(flat).not.toContain('UTC');
    expect(flat).toContain("Dates and times are in the organization's time zone, America/Chicago.");
    const times = flat.match(/\d{1,2} \w{3} \d{4}, \d{2}:\d{2}.{16}/g) ?? [];
    expect(times.length).toBeGreaterThan(4);
    // 15:00 UTC is 09:00 in Chicago in November.
    for (const time of times) expect(time).toMatch(/^22 Nov 2026, 09:00 America\/Chicago/);
  });

  it('lists the pairs judged negligible and the gaps the approver acknowledged, with lines to sign', async () => {
    const { flat, all } = await draw(input('approved'));
    expect(flat).toContain('Hosted by the vendor in two regions');
    expect(flat).toContain('Approved with these gaps, acknowledged by the approver (Priya Raman):');
    expect(flat).toContain('1 unrated risk (RISK-2)');
    expect(flat).toContain('1 open risk without a treatment (RISK-2)');
    expect(flat).toContain('1 open risk without an owner (RISK-2)');
    for (const caption of ['Approver (name and title)', 'Signature', 'Date']) {
      expect(all.split('\n')).toContain(caption);
    }
  });

  it('names the uncovered pairs, ends the period at approval and names who started it', async () => {
    const approved = await draw(input('approved'));
    expect(approved.flat).toContain(
      'Guided pairs neither covered nor judged negligible Asset Threat ASSET-1 Hosted EHR Phishing',
    );
    expect(approved.flat).toContain('Period: 1 Nov 2026 to 22 Nov 2026 (approval).');
    expect(approved.flat).toContain('Started Priya Raman 22 Nov 2026, 09:00 America/Chicago');
    expect(approved.all).not.toMatch(/^—$/m);
    // In Chicago, 03:00 UTC on the 23rd is still the 22nd.
    const late = input('approved');
    const approval = late.assessment.approved;
    if (approval) late.assessment.approved = { ...approval, at: '2026-11-23T03:00:00.000Z' };
    expect((await draw(late)).flat).toContain('Period: 1 Nov 2026 to 22 Nov 2026 (approval).');
    const draft = (await draw(input('draft'))).flat;
    expect(draft).toContain('Period: from 1 Nov 2026, open until approval.');
    const unknown = input('approved');
    unknown.assessment.createdBy = null;
    expect((await draw(unknown)).flat).toContain('Started Not recorded');
  });

  it('labels each arrow of the map with its FLOW-n, as the table names it', async () => {
    const report = input('draft');
    report.snapshot.flows = [
      {
        id: 'f1',
        reference: 'FLOW-1',
        from: { id: 'a1', reference: 'ASSET-1', name: 'Asset 1' },
        to: { id: 'a2', reference: 'ASSET-2', name: 'Asset 2' },
        ephi: 'Charts',
        protocol: 'HTTPS',
        encrypted: 'yes',
        external: false,
        exposed: false,
        createdAt: at,
        updatedAt: at,
      },
    ];
    const lines = (await draw(report)).all.split('\n');
    // Once on the map, once in the table.
    expect(lines.filter((line) => line === 'FLOW-1')).toHaveLength(2);
    expect(lines).toContain('ASSET-1 Asset 1');
  });

  it('leaves no near-empty page: a short report takes three pages at most, each well filled', async () => {
    const { pages, pdf } = await draw(input('approved'));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pages.map((p) => p.number)).toEqual(pages.map((_, i) => i + 1));
    // Sections used to start pages of their own: six pages, two of them nearly blank.
    expect(pages.length).toBeLessThanOrEqual(3);
    for (const page of pages) expect(page.filled).toBeGreaterThan(0.4);
  });
});
