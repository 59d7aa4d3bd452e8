import { ASSET_KIND_LABELS } from '../../../../contracts/assets';
import type { Assessment, Snapshot } from '../../../../contracts/risk-assessments';
import type { Risk } from '../../../../contracts/risks';
import type { RiskMatrix } from '../../../../contracts/risk-library';
import { TREATMENT_LABELS, acceptancePending } from '../../../../contracts/risks';
import {
  MARGIN,
  finish,
  flowMap,
  footers,
  heading,
  matrixGrid,
  newDocument,
  paragraph,
  pdfText,
  table,
  type Column,
} from './drawing';

export interface ReportInput {
  organization: string;
  assessment: Assessment;
  snapshot: Snapshot;
  matrix: RiskMatrix;
  generatedAt: string;
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

const date = (iso: string | null | undefined) => (iso ? iso.slice(0, 10) : '—');
const stamp = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

/**
 * The risk analysis report (164.308(a)(1)(ii)(A), documented per 164.316(b)(1)): scope and method,
 * assets, the data-flow map, the rated risks, the treatment plan and the approvals.
 */
export async function renderReport(input: ReportInput): Promise<Buffer> {
  const { assessment: a, snapshot, matrix } = input;
  const approved = a.status === 'approved';
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
      ? `Approved by ${a.approved?.by.name ?? ''} on ${stamp(a.approved?.at ?? '')}. This report is the record of the approved assessment; its SHA-256 is kept with it in Custos.`
      : `DRAFT (${a.status.replace('_', ' ')}): not approved. Generated ${stamp(input.generatedAt)} from the live register.`,
  );
  paragraph(
    doc,
    `Period: ${date(a.startsOn)} to ${date(a.endsOn)}. Register as of ${stamp(snapshot.takenAt)}: ${snapshot.risks.length} risks (${open.length} open), ${snapshot.assets.length} assets (${snapshot.assets.filter((x) => x.holdsEphi).length} with ePHI), ${snapshot.flows.length} data flows.`,
  );
  paragraph(
    doc,
    'Required by 45 CFR 164.308(a)(1)(ii)(A) (risk analysis) and (B) (risk management); method per NIST SP 800-30 Rev. 1 as applied by NIST SP 800-66 Rev. 2, section 3.',
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
  if (doc.y > doc.page.height - 260) doc.addPage();
  matrixGrid(doc, matrix, MARGIN, doc.y + 6, 'Level of risk by likelihood and impact');
  doc.y += 30;
  doc.x = MARGIN;
  heading(doc, 'Participants', 2);
  await table(
    doc,
    [
      { header: 'Name', width: 0.5, value: (p) => p.name },
      { header: 'Role', width: 0.5, value: (p) => p.role },
    ],
    a.participants,
  );

  doc.addPage();
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
      { header: 'ePHI', width: 0.06, value: (x) => (x.holdsEphi ? 'yes' : 'no') },
      { header: 'Criticality', width: 0.1, value: (x) => x.criticality },
      { header: 'At rest', width: 0.09, value: (x) => x.encryptionAtRest },
      { header: 'In transit', width: 0.09, value: (x) => x.encryptionInTransit },
      { header: 'MFA', width: 0.08, value: (x) => x.mfa },
      { header: 'Backup', width: 0.09, value: (x) => x.backup },
    ],
    snapshot.assets,
  );

  doc.addPage();
  heading(doc, '3. Data-flow map');
  if (snapshot.flows.length === 0) paragraph(doc, 'No data flows are recorded.');
  else {
    flowMap(doc, snapshot, doc.y + 10, 300);
    await table(
      doc,
      [
        { header: 'Ref', width: 0.09, value: (f) => f.reference },
        { header: 'From', width: 0.2, value: (f) => `${f.from.reference} ${f.from.name}` },
        { header: 'To', width: 0.2, value: (f) => `${f.to.reference} ${f.to.name}` },
        { header: 'ePHI', width: 0.21, value: (f) => f.ephi },
        { header: 'Protocol', width: 0.1, value: (f) => f.protocol },
        { header: 'Encrypted', width: 0.09, value: (f) => f.encrypted },
        {
          header: 'External',
          width: 0.11,
          value: (f) => (f.exposed ? 'yes: EXPOSED' : f.external ? 'yes' : 'no'),
          fill: (f) => (f.exposed ? '#ffc9c9' : null),
        },
      ],
      snapshot.flows,
    );
  }

  doc.addPage();
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
      value: (r) => r.inherentLevel?.label ?? 'unrated',
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

  doc.addPage();
  heading(doc, '5. Treatment plan');
  await table(
    doc,
    [
      { header: 'Ref', width: 0.08, value: (r) => r.reference },
      {
        header: 'Treatment',
        width: 0.1,
        value: (r) => (r.treatment ? TREATMENT_LABELS[r.treatment] : 'none yet'),
      },
      {
        header: 'Plan and tasks',
        width: 0.37,
        value: (r) =>
          [r.treatmentPlan, ...r.planTasks.map((t) => `${t.reference} ${t.title} (${t.status})`)]
            .filter(Boolean)
            .join('\n'),
      },
      {
        header: 'Existing controls',
        width: 0.17,
        value: (r) => r.controls.map((c) => c.citation).join(', '),
      },
      { header: 'Owner', width: 0.11, value: (r) => r.owner?.name ?? '—' },
      {
        header: 'Acceptance / review',
        width: 0.17,
        value: (r) =>
          [
            r.acceptance
              ? `Accepted by ${r.acceptance.approver.name} on ${r.acceptance.acceptedOn}, expires ${r.acceptance.expiresOn}`
              : acceptancePending(r)
                ? 'Acceptance pending approval'
                : '',
            `Next review ${date(r.nextReviewOn)}`,
          ]
            .filter(Boolean)
            .join('\n'),
      },
    ],
    open,
  );

  heading(doc, '6. Approvals');
  await table(
    doc,
    [
      { header: 'Step', width: 0.25, value: (s) => s.step },
      { header: 'By', width: 0.35, value: (s) => s.by },
      { header: 'When', width: 0.4, value: (s) => s.at },
    ],
    [
      { step: 'Started', by: '—', at: stamp(a.createdAt) },
      {
        step: 'Submitted for review',
        by: a.submitted?.by?.name ?? '—',
        at: a.submitted ? stamp(a.submitted.at) : '—',
      },
      {
        step: 'Approved',
        by: a.approved?.by.name ?? 'not approved',
        at: a.approved ? stamp(a.approved.at) : '—',
      },
    ],
  );
  if (a.approved?.note) paragraph(doc, `Approval note: ${a.approved.note}`);

  footers(doc, `${input.organization} · Risk analysis ${a.reference}${approved ? '' : ' · DRAFT'}`);
  return finish(doc);
}
