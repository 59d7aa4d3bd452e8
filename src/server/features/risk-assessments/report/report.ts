import { ASSET_KIND_LABELS } from '../../../../contracts/assets';
import type { Assessment, Snapshot } from '../../../../contracts/risk-assessments';
import type { Risk } from '../../../../contracts/risks';
import type { RiskMatrix } from '../../../../contracts/risk-library';
import { TREATMENT_LABELS, acceptancePending } from '../../../../contracts/risks';
import { gapPhrases, type Gaps } from '../../../../contracts/risk-assessment-gaps';
import {
  MARGIN,
  ensureSpace,
  finish,
  footers,
  heading,
  matrixGrid,
  newDocument,
  paragraph,
  pdfText,
  table,
  type Column,
} from './drawing';
import { approvals, uncoveredPairs } from './approvals';
import { drawFlowMap, mapHeight, reportMap } from './flow-map';
import {
  STATUS,
  criticalityWord,
  dateWord,
  flowEncryptionWord,
  instantIn,
  periodWords,
  protectionWord,
  taskStatusWord,
} from './words';

export interface ReportInput {
  organization: string;
  /** The organization's IANA time zone: every time printed is in it, and says so. */
  timeZone: string;
  assessment: Assessment;
  snapshot: Snapshot;
  matrix: RiskMatrix;
  generatedAt: string;
  /** What is incomplete now (a draft), or was when approved. */
  gaps: Gaps;
}

/** Open risks counted per cell of the matrix, inherent or residual. */
export function cellCounts(
  matrix: RiskMatrix,
  risks: readonly Risk[],
  residual: boolean,
): number[][] {
  const counts = matrix.likelihood.map(() => matrix.impact.map(() => 0));
  for (const risk of risks) {
    if (risk.status !== 'open') continue;
    const l = residual ? risk.residualLikelihood : risk.likelihood;
    const i = residual ? risk.residualImpact : risk.impact;
    const row = l ? counts[l.index] : undefined;
    if (row && i && row[i.index] !== undefined) row[i.index] = (row[i.index] ?? 0) + 1;
  }
  return counts;
}

/**
 * The risk analysis report (164.308(a)(1)(ii)(A), documented per 164.316(b)(1)): scope and method,
 * assets, the data-flow map, the rated risks, the treatment plan, the pairs judged negligible, what
 * was left incomplete, and the approvals with lines to sign. Sections follow one another and start
 * a page only when the one before is full (no near-empty pages).
 */
export async function renderReport(input: ReportInput): Promise<Buffer> {
  const { assessment: a, snapshot, matrix } = input;
  const approved = a.status === 'approved';
  const at = instantIn(input.timeZone);
  const title = `${a.reference} ${a.title}`;
  const doc = newDocument({
    title: `Risk analysis ${title}`,
    author: input.organization,
    createdAt: new Date(input.generatedAt),
  });
  const open = snapshot.risks.filter((r) => r.status === 'open');

  // Cover.
  doc
    .font('Helvetica')
    .fontSize(10)
    .fillColor('#5c5f66')
    .text(pdfText(input.organization), MARGIN, 90);
  doc
    .font('Helvetica-Bold')
    .fontSize(22)
    .fillColor('#1a1b1e')
    .text('Security risk analysis', MARGIN, 110);
  doc
    .font('Helvetica')
    .fontSize(13)
    .text(pdfText(title), MARGIN, doc.y + 4);
  doc.moveDown(1);
  paragraph(
    doc,
    approved
      ? `Approved by ${a.approved?.by.name ?? ''} on ${at(a.approved?.at)}. This report is the record of the approved assessment; its SHA-256 is kept with it in Custos.`
      : `DRAFT, not approved (status: ${STATUS[a.status].toLowerCase()}). Generated ${at(input.generatedAt)} from the live register.`,
  );
  paragraph(
    doc,
    `Period: ${periodWords(a, input.timeZone)}. Register as of ${at(snapshot.takenAt)}: ${snapshot.risks.length} risks (${open.length} open), ${snapshot.assets.length} assets (${snapshot.assets.filter((x) => x.holdsEphi).length} with ePHI), ${snapshot.flows.length} data flows.`,
  );
  paragraph(
    doc,
    `Dates and times are in the organization's time zone, ${input.timeZone}. Required by 45 CFR 164.308(a)(1)(ii)(A) (risk analysis) and (B) (risk management); method per NIST SP 800-30 Rev. 1 as applied by NIST SP 800-66 Rev. 2, section 3.`,
    { muted: true },
  );

  heading(doc, '1. Scope and method');
  heading(doc, 'Scope', 2);
  paragraph(doc, a.scope);
  heading(doc, 'Method', 2);
  paragraph(doc, a.method);
  paragraph(
    doc,
    `Risk matrix: ${matrix.name}. Likelihood: ${matrix.likelihood.join(', ')}. Impact: ${matrix.impact.join(', ')}. Levels: ${matrix.levels.map((l) => l.label).join(', ')}.`,
  );
  ensureSpace(doc, 230);
  matrixGrid(doc, matrix, MARGIN, doc.y + 6, 'Level of risk by likelihood and impact');
  doc.x = MARGIN;
  // A short list of participants stays on one page with its heading.
  ensureSpace(doc, 60 + 16 * Math.min(a.participants.length, 12));
  heading(doc, 'Participants', 2);
  if (a.participants.length === 0) paragraph(doc, 'No participants are recorded.');
  else {
    await table(
      doc,
      [
        { header: 'Name', width: 0.5, value: (p) => p.name },
        { header: 'Role', width: 0.5, value: (p) => p.role },
      ],
      a.participants,
    );
  }

  heading(doc, '2. Asset inventory');
  await table(
    doc,
    [
      { header: 'Ref', width: 0.09, value: (x) => x.reference },
      { header: 'Asset', width: 0.25, value: (x) => x.name },
      {
        header: 'Kind',
        width: 0.15,
        value: (x) => (ASSET_KIND_LABELS as Record<string, string | undefined>)[x.kind] ?? x.kind,
      },
      { header: 'ePHI', width: 0.06, value: (x) => (x.holdsEphi ? 'Yes' : 'No') },
      { header: 'Criticality', width: 0.1, value: (x) => criticalityWord(x.criticality) },
      {
        header: 'Encrypted at rest',
        width: 0.09,
        value: (x) => protectionWord(x.encryptionAtRest),
      },
      {
        header: 'Encrypted in transit',
        width: 0.09,
        value: (x) => protectionWord(x.encryptionInTransit),
      },
      { header: 'MFA', width: 0.08, value: (x) => protectionWord(x.mfa) },
      { header: 'Backup', width: 0.09, value: (x) => protectionWord(x.backup) },
    ],
    snapshot.assets,
  );

  if (snapshot.flows.length === 0) {
    heading(doc, '3. Data-flow map');
    paragraph(doc, 'No data flows are recorded.');
  } else {
    // The map as the app lays it out, across the page's width and at most most of a page tall.
    const map = reportMap(snapshot);
    const height = mapHeight(doc, map, 560);
    ensureSpace(doc, height + 70);
    heading(doc, '3. Data-flow map');
    drawFlowMap(doc, map, doc.y + 10, height);
    await table(
      doc,
      [
        { header: 'Ref', width: 0.09, value: (f) => f.reference },
        { header: 'From', width: 0.2, value: (f) => `${f.from.reference} ${f.from.name}` },
        { header: 'To', width: 0.2, value: (f) => `${f.to.reference} ${f.to.name}` },
        { header: 'ePHI', width: 0.21, value: (f) => f.ephi },
        { header: 'Protocol', width: 0.1, value: (f) => f.protocol },
        { header: 'Encrypted', width: 0.09, value: (f) => flowEncryptionWord(f.encrypted) },
        {
          header: 'External',
          width: 0.11,
          value: (f) => (f.exposed ? 'Yes: EXPOSED' : f.external ? 'Yes' : 'No'),
          fill: (f) => (f.exposed ? '#ffc9c9' : null),
        },
      ],
      snapshot.flows,
    );
  }

  ensureSpace(doc, 300);
  heading(doc, '4. Risks and their ratings');
  const top = doc.y + 4;
  matrixGrid(
    doc,
    matrix,
    MARGIN,
    top,
    `Inherent risk (${open.length} open)`,
    cellCounts(matrix, open, false),
  );
  matrixGrid(doc, matrix, MARGIN + 260, top, 'Residual risk', cellCounts(matrix, open, true));
  doc.x = MARGIN;
  doc.moveDown(0.5);
  const level = (l: Risk['inherentLevel']) => (l ? l.color : null);
  const riskColumns: Column<Risk>[] = [
    { header: 'Ref', width: 0.07, value: (r) => r.reference },
    {
      header: 'Risk',
      width: 0.19,
      value: (r) => `${r.title}${r.status === 'closed' ? ' (closed)' : ''}`,
    },
    { header: 'Assets', width: 0.13, value: (r) => r.assets.map((x) => x.name).join(', ') },
    {
      header: 'Threat / vulnerability',
      width: 0.17,
      value: (r) => [r.threat?.title, r.vulnerability?.title].filter(Boolean).join(' / '),
    },
    { header: 'Likelihood', width: 0.09, value: (r) => r.likelihood?.label ?? '—' },
    { header: 'Impact', width: 0.09, value: (r) => r.impact?.label ?? '—' },
    {
      header: 'Level',
      width: 0.09,
      value: (r) => r.inherentLevel?.label ?? 'Not rated',
      fill: (r) => level(r.inherentLevel),
    },
    {
      header: 'Treatment',
      width: 0.09,
      value: (r) => (r.treatment ? TREATMENT_LABELS[r.treatment] : '—'),
    },
    {
      header: 'Residual',
      width: 0.08,
      value: (r) => r.residualLevel?.label ?? '—',
      fill: (r) => level(r.residualLevel),
    },
  ];
  await table(doc, riskColumns, snapshot.risks);

  heading(doc, '5. Treatment plan');
  await table(
    doc,
    [
      { header: 'Ref', width: 0.08, value: (r) => r.reference },
      {
        header: 'Treatment',
        width: 0.1,
        value: (r) => (r.treatment ? TREATMENT_LABELS[r.treatment] : 'None chosen'),
      },
      {
        header: 'Plan and tasks',
        width: 0.37,
        value: (r) =>
          [
            r.treatmentPlan,
            ...r.planTasks.map((t) => `${t.reference} ${t.title} (${taskStatusWord(t.status)})`),
          ]
            .filter(Boolean)
            .join('\n'),
      },
      {
        header: 'Existing controls',
        width: 0.17,
        value: (r) => r.controls.map((c) => c.citation).join(', '),
      },
      { header: 'Owner', width: 0.11, value: (r) => r.owner?.name ?? 'No owner' },
      {
        header: 'Acceptance / review',
        width: 0.17,
        value: (r) =>
          [
            r.acceptance
              ? `Accepted by ${r.acceptance.approver.name} on ${dateWord(r.acceptance.acceptedOn)}, expires ${dateWord(r.acceptance.expiresOn)}`
              : acceptancePending(r)
                ? 'Acceptance pending approval'
                : '',
            `Next review ${dateWord(r.nextReviewOn)}`,
          ]
            .filter(Boolean)
            .join('\n'),
      },
    ],
    open,
  );

  heading(doc, '6. Pairs considered and judged negligible');
  if (snapshot.negligiblePairs.length === 0) {
    paragraph(doc, 'No asset and threat pair was judged negligible.');
  } else {
    paragraph(
      doc,
      'Each asset with ePHI was weighed against every threat that applies to its kind. These pairs were considered and judged to carry negligible risk, for the reason given; no risk was entered for them.',
      { muted: true },
    );
    await table(
      doc,
      [
        { header: 'Asset', width: 0.22, value: (p) => `${p.asset.reference} ${p.asset.name}` },
        { header: 'Threat', width: 0.2, value: (p) => p.threat.title },
        { header: 'Reason', width: 0.38, value: (p) => p.reason },
        {
          header: 'Judged by',
          width: 0.2,
          value: (p) => `${p.decidedBy?.name ?? '—'}\n${at(p.decidedAt)}`,
        },
      ],
      snapshot.negligiblePairs,
    );
  }

  // Completeness and the approvals (with the lines to sign) close the report on one page.
  ensureSpace(doc, 280 + 16 * gapPhrases(input.gaps).length);
  heading(doc, '7. Completeness');
  const phrases = gapPhrases(input.gaps);
  if (phrases.length === 0) {
    paragraph(
      doc,
      'Every open risk is rated and has a treatment and an owner, every asset and threat pair of the guided path is covered by a risk or judged negligible, and every asset with ePHI is named by a risk.',
    );
  } else {
    paragraph(
      doc,
      approved
        ? `Approved with these gaps, acknowledged by the approver (${a.approved?.by.name ?? ''}):`
        : 'Incomplete so far; submitting and approving will ask to acknowledge:',
    );
    for (const phrase of phrases) paragraph(doc, `•  ${phrase}`);
    await uncoveredPairs(doc, input.gaps);
  }

  await approvals(doc, a, at);
  footers(doc, `${input.organization} · Risk analysis ${a.reference}${approved ? '' : ' · DRAFT'}`);
  return finish(doc);
}
