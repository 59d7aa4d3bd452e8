import PDFDocument from 'pdfkit';
import { afterEach, describe, expect, it, vi } from 'vitest';
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
    owner: person,
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
      createdAt: at,
      updatedAt: at,
    },
    snapshot: {
      takenAt: at,
      risks: [risk(1, true), risk(2, false)],
      assets: [1, 2, 3, 4].map(asset),
      flows: [],
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

/** Renders, collecting every string drawn and how far down each page was filled. */
async function draw(report: ReportInput) {
  const texts: string[] = [];
  const filled: number[] = [];
  const proto = PDFDocument.prototype;
  const text = proto.text;
  const addPage = proto.addPage;
  const switchToPage = proto.switchToPage;
  vi.spyOn(proto, 'text').mockImplementation(function (this: PDFKit.PDFDocument, ...args) {
    if (typeof args[0] === 'string') texts.push(args[0]);
    return text.apply(this, args);
  });
  vi.spyOn(proto, 'addPage').mockImplementation(function (this: PDFKit.PDFDocument, ...args) {
    // The constructor adds the first page before anything is drawn.
    if (texts.length > 0) filled.push(this.y / this.page.height);
    return addPage.apply(this, args);
  });
  // Footers switch back to each page once everything is drawn: the last page ends there.
  vi.spyOn(proto, 'switchToPage').mockImplementation(function (this: PDFKit.PDFDocument, n) {
    if (filled.length < this.bufferedPageRange().count) filled.push(this.y / this.page.height);
    return switchToPage.call(this, n);
  });
  const pdf = await renderReport(report).finally(() => vi.restoreAllMocks());
  return { pdf, texts, filled, all: texts.join('\n') };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the risk analysis report', () => {
  it('prints labels, never stored values, and no "DRAFT (draft)"', async () => {
    for (const status of ['draft', 'in_review', 'approved'] as const) {
      const { all } = await draw(input(status));
      expect(all).not.toMatch(/\b[a-z]+_[a-z_]+\b/);
      expect(all).not.toMatch(/\((draft|in review)\)/i);
      expect(all).toContain('N/A');
      expect(all).toContain('Partly');
      expect(all).toContain('TASK-1 Restore test (in progress)');
      expect(all).toContain('Not rated');
    }
    expect((await draw(input('in_review'))).all).toContain(
      'DRAFT, not approved (status: in review).',
    );
  });

  it("prints every time in the organization's time zone, naming it", async () => {
    const { all, texts } = await draw(input('approved'));
    expect(all).not.toContain('UTC');
    expect(all).toContain("Dates and times are in the organization's time zone, America/Chicago.");
    const times = texts.flatMap((t) => t.match(/\d{1,2} \w{3} \d{4}, \d{2}:\d{2}[^\n]*/g) ?? []);
    expect(times.length).toBeGreaterThan(4);
    // 15:00 UTC is 09:00 in Chicago in November.
    for (const time of times) expect(time).toMatch(/^22 Nov 2026, 09:00 America\/Chicago/);
  });

  it('lists the pairs judged negligible and the gaps the approver acknowledged, with lines to sign', async () => {
    const { all } = await draw(input('approved'));
    expect(all).toContain('Hosted by the vendor in two regions');
    expect(all).toContain('Approved with these gaps, acknowledged by the approver (Priya Raman):');
    expect(all).toContain('1 unrated risk (RISK-2)');
    for (const caption of ['Approver (name and title)', 'Signature', 'Date']) {
      expect(all).toContain(caption);
    }
  });

  it('leaves no near-empty page: a short report takes three pages at most, each well filled', async () => {
    const { filled, pdf } = await draw(input('approved'));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // Sections used to start pages of their own: six pages, two of them nearly blank.
    expect(filled.length).toBeLessThanOrEqual(3);
    for (const fill of filled) expect(fill).toBeGreaterThan(0.4);
  });
});
