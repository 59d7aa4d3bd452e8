import type { Assessment } from '../../../../contracts/risk-assessments';
import type { Gaps } from '../../../../contracts/risk-assessment-gaps';
import { MARGIN, ensureSpace, heading, paragraph, pdfText, table, type Doc } from './drawing';

const INK = '#1a1b1e';
const MUTED = '#5c5f66';

/** One line to sign on: a rule with its caption below, and what is already known above it. */
function signatureLine(doc: Doc, x: number, y: number, width: number, caption: string, value = '') {
  if (value) {
    doc
      .font('Helvetica')
      .fontSize(9.5)
      .fillColor(INK)
      .text(pdfText(value), x, y - 13, { width, lineBreak: false, ellipsis: true });
  }
  doc
    .moveTo(x, y)
    .lineTo(x + width, y)
    .lineWidth(0.7)
    .strokeColor(INK)
    .stroke();
  doc
    .font('Helvetica')
    .fontSize(7.5)
    .fillColor(MUTED)
    .text(pdfText(caption), x, y + 3, { width, lineBreak: false });
}

/**
 * The approvals: who started, submitted and approved, when (in the organization's time zone),
 * what was acknowledged, and lines for the approver to sign the printed report.
 */
export async function approvals(
  doc: Doc,
  a: Assessment,
  at: (iso: string | null | undefined) => string,
): Promise<void> {
  // The steps, the note and the signature block stay on one page.
  ensureSpace(doc, 200);
  heading(doc, '8. Approvals');
  await table(
    doc,
    [
      { header: 'Step', width: 0.25, value: (s) => s.step },
      { header: 'By', width: 0.35, value: (s) => s.by },
      { header: 'When', width: 0.4, value: (s) => s.at },
    ],
    [
      { step: 'Started', by: a.createdBy?.name ?? 'Not recorded', at: at(a.createdAt) },
      {
        step: 'Submitted for review',
        by: a.submitted ? (a.submitted.by?.name ?? 'Not recorded') : '',
        at: a.submitted ? at(a.submitted.at) : 'Not submitted',
      },
      {
        step: 'Approved',
        by: a.approved?.by.name ?? 'Not approved',
        at: a.approved ? at(a.approved.at) : '',
      },
    ],
  );
  if (a.approved?.note) paragraph(doc, `Approval note: ${a.approved.note}`);
  if (a.approved) {
    paragraph(
      doc,
      `Approved in Custos by ${a.approved.by.name}, signed in as themselves (the approval is their own act). Sign below when the printed report is kept on paper.`,
      { muted: true },
    );
  }
  const width = doc.page.width - 2 * MARGIN;
  const y = doc.y + 34;
  const gap = 18;
  const name = (width - 2 * gap) * 0.38;
  const sign = (width - 2 * gap) * 0.4;
  const date = width - 2 * gap - name - sign;
  signatureLine(doc, MARGIN, y, name, 'Approver (name and title)', a.approved?.by.name ?? '');
  signatureLine(doc, MARGIN + name + gap, y, sign, 'Signature');
  signatureLine(doc, MARGIN + name + sign + 2 * gap, y, date, 'Date');
  doc.x = MARGIN;
  doc.y = y + 20;
}

/**
 * The guided pairs (asset × threat) neither covered by a risk nor judged negligible, named one by
 * one so a reader can see which were left (164.308(a)(1)(ii)(A): a thorough assessment).
 */
export async function uncoveredPairs(doc: Doc, gaps: Gaps): Promise<void> {
  if (gaps.uncoveredPairs.length === 0) return;
  heading(doc, 'Guided pairs neither covered nor judged negligible', 2);
  await table(
    doc,
    [
      { header: 'Asset', width: 0.45, value: (p) => `${p.asset.reference} ${p.asset.name}` },
      { header: 'Threat', width: 0.55, value: (p) => p.threat.title },
    ],
    gaps.uncoveredPairs,
  );
}
