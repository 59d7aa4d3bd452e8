import PDFDocument from 'pdfkit';
import { finish, pdfText } from '../risk-assessments/report/drawing';

/** What a certificate says: who completed what, when, with which score, for which organization. */
export interface CertificateFacts {
  readonly organization: string;
  readonly person: string;
  readonly course: string;
  readonly courseKind: 'module' | 'external';
  readonly completedOn: string;
  /** A date as the organization reads it ("2 December 2026"). */
  readonly completedOnWords: string;
  readonly score: number | null;
  readonly passMark: number | null;
  readonly reference: string;
  readonly recordedBy: string | null;
}

const INK = '#1a1b1e';
const MUTED = '#5c5f66';
const ACCENT = '#1c7ed6';

/**
 * The certificate of one completion (164.308(a)(5)): one landscape page of our own layout, drawn
 * with the standard fonts (a few milliseconds), kept in the evidence vault as the record.
 */
export function renderCertificate(facts: CertificateFacts, createdAt: Date): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'LETTER',
    layout: 'landscape',
    margin: 0,
    info: {
      Title: pdfText(`Certificate of completion: ${facts.course}`),
      Author: pdfText(facts.organization),
      Creator: 'Custos',
      CreationDate: createdAt,
    },
  });
  const { width, height } = doc.page;
  doc
    .lineWidth(3)
    .strokeColor(ACCENT)
    .rect(28, 28, width - 56, height - 56)
    .stroke();
  doc
    .lineWidth(0.75)
    .strokeColor('#adb5bd')
    .rect(38, 38, width - 76, height - 76)
    .stroke();
  const center = (text: string, y: number, font: string, size: number, color = INK) => {
    doc
      .font(font)
      .fontSize(size)
      .fillColor(color)
      .text(pdfText(text), 60, y, { width: width - 120, align: 'center' });
  };
  center(facts.organization, 78, 'Helvetica', 13, MUTED);
  center('Certificate of completion', 112, 'Helvetica-Bold', 30, INK);
  center('Security awareness training', 152, 'Helvetica', 13, ACCENT);
  center('This certifies that', 205, 'Helvetica', 12, MUTED);
  center(facts.person, 228, 'Helvetica-Bold', 26, INK);
  center('completed the course', 272, 'Helvetica', 12, MUTED);
  center(facts.course, 295, 'Helvetica-Bold', 18, INK);
  const result =
    facts.score === null
      ? `on ${facts.completedOnWords}`
      : facts.passMark === null
        ? `on ${facts.completedOnWords}, with a score of ${facts.score}%`
        : `on ${facts.completedOnWords}, with a score of ${facts.score}% (pass mark ${facts.passMark}%)`;
  center(result, 336, 'Helvetica', 13, INK);
  const how =
    facts.courseKind === 'module'
      ? 'The quiz was drawn and scored by Custos; the learner never saw the answers before submitting.'
      : `Completion of this external course was recorded by ${facts.recordedBy ?? 'an official of the organization'}.`;
  center(how, 372, 'Helvetica', 10, MUTED);
  doc
    .moveTo(90, height - 120)
    .lineTo(width - 90, height - 120)
    .lineWidth(0.5)
    .strokeColor('#ced4da')
    .stroke();
  doc
    .font('Helvetica')
    .fontSize(9)
    .fillColor(MUTED)
    .text(
      pdfText(
        `45 CFR 164.308(a)(5): security awareness and training program · Certificate ${facts.reference} · Completed ${facts.completedOn}`,
      ),
      60,
      height - 108,
      { width: width - 120, align: 'center' },
    );
  doc
    .font('Helvetica')
    .fontSize(9)
    .fillColor(MUTED)
    .text(
      'Kept as evidence in Custos, encrypted, its SHA-256 checked on every download.',
      60,
      height - 94,
      {
        width: width - 120,
        align: 'center',
      },
    );
  return finish(doc);
}
