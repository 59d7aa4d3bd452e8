import { setImmediate } from 'node:timers/promises';
import { breakLongWords } from './long-words';
import type { Version } from '../../../contracts/documents';
import {
  MARGIN,
  ensureSpace,
  finish,
  footers,
  newDocument,
  pdfText,
  table,
  type Doc,
} from '../risk-assessments/report/drawing';
import { markdownBlocks, plainText, type Block, type Run } from './markdown';

/** What an export prints besides the version itself. */
export interface ExportInput {
  readonly organization: string;
  readonly version: Pick<Version, 'reference' | 'title' | 'number' | 'body'>;
  /** The line under the title: reference, kind, version and status (or a letter's own). */
  readonly subtitle: string;
  /** The footer's line: version, approver, effective date (exports.ts). */
  readonly footer: string;
  /** Label → value lines under the title. */
  readonly facts: readonly (readonly [string, string])[];
  readonly generatedAt: string;
}

const INK = '#1a1b1e';
const MUTED = '#5c5f66';
const HEADING_SIZES = [17, 14, 12, 11, 10.5, 10];

function fontOf(run: Run): string {
  if (run.code) return 'Courier';
  if (run.bold && run.italic) return 'Helvetica-BoldOblique';
  if (run.bold) return 'Helvetica-Bold';
  if (run.italic) return 'Helvetica-Oblique';
  return 'Helvetica';
}

/** Styled runs as one flowing paragraph (pdfkit's `continued` joins them). */
function runs(doc: Doc, list: readonly Run[], x: number, size: number, color = INK): void {
  const width = doc.page.width - MARGIN - x;
  const shown = list.length > 0 ? list : [{ text: ' ', bold: false, italic: false, code: false }];
  shown.forEach((run, index) => {
    const continued = index < shown.length - 1;
    doc.font(fontOf(run)).fontSize(size).fillColor(color);
    // Only the first piece places and sizes the paragraph; the rest flow on its line.
    if (index === 0) doc.text(breakLongWords(pdfText(run.text)), x, doc.y, { width, continued });
    else doc.text(breakLongWords(pdfText(run.text)), { continued });
  });
}

async function block(doc: Doc, item: Block): Promise<void> {
  switch (item.type) {
    case 'heading': {
      const size = HEADING_SIZES[item.level - 1] ?? 10;
      ensureSpace(doc, size * 4);
      doc.moveDown(item.level <= 2 ? 0.7 : 0.4);
      runs(
        doc,
        item.runs.map((r) => ({ ...r, bold: true })),
        MARGIN,
        size,
      );
      doc.moveDown(0.3);
      return;
    }
    case 'paragraph':
      ensureSpace(doc, 30);
      runs(doc, item.runs, item.quote ? MARGIN + 14 : MARGIN, 10, item.quote ? MUTED : INK);
      doc.moveDown(0.5);
      return;
    case 'item': {
      ensureSpace(doc, 20);
      const x = MARGIN + 22 + item.depth * 16;
      const y = doc.y;
      if (item.marker !== '') {
        // Right-aligned in its own box: "10." keeps its space before the text, like "1.".
        doc
          .font('Helvetica')
          .fontSize(10)
          .fillColor(INK)
          .text(item.marker ?? '•', x - 24, y, { width: 20, align: 'right', lineBreak: false });
      }
      doc.y = y;
      runs(doc, item.runs, x, 10);
      doc.moveDown(0.25);
      return;
    }
    case 'code':
      ensureSpace(doc, 30);
      doc
        .font('Courier')
        .fontSize(8.5)
        .fillColor(INK)
        .text(breakLongWords(pdfText(item.text)), MARGIN + 8, doc.y, {
          width: doc.page.width - 2 * MARGIN - 16,
        });
      doc.moveDown(0.5);
      return;
    case 'rule':
      ensureSpace(doc, 16);
      doc
        .moveTo(MARGIN, doc.y + 4)
        .lineTo(doc.page.width - MARGIN, doc.y + 4)
        .lineWidth(0.5)
        .strokeColor('#ced4da')
        .stroke();
      doc.moveDown(0.8);
      return;
    case 'table': {
      const count = Math.max(item.header.length, 1);
      await table(
        doc,
        item.header.map((cell, index) => ({
          header: plainText(cell),
          width: 1 / count,
          value: (row: readonly (readonly Run[])[]) => plainText(row[index] ?? []),
        })),
        item.rows,
      );
      return;
    }
  }
}

/**
 * A policy version as PDF, in our own layout: the organization, title, reference, version and
 * status, the facts (approver, effective date, hash), then the body from its Markdown; a footer on
 * every page with the version, approver, effective date and "page n of m".
 */
export async function renderVersionPdf(input: ExportInput): Promise<Buffer> {
  const v = input.version;
  const doc = newDocument({
    title: `${v.reference} ${v.title}`,
    author: input.organization,
    createdAt: new Date(input.generatedAt),
  });
  doc
    .font('Helvetica')
    .fontSize(9)
    .fillColor(MUTED)
    .text(pdfText(input.organization), MARGIN, MARGIN);
  doc.moveDown(0.4);
  doc
    .font('Helvetica-Bold')
    .fontSize(20)
    .fillColor(INK)
    .text(breakLongWords(pdfText(v.title)));
  doc.font('Helvetica').fontSize(10.5).fillColor(MUTED).text(pdfText(input.subtitle));
  doc.moveDown(0.6);
  for (const [label, value] of input.facts) {
    doc
      .font('Helvetica-Bold')
      .fontSize(8.5)
      .fillColor(INK)
      .text(`${pdfText(label)}: `, { continued: true });
    doc.font('Helvetica').text(pdfText(value));
  }
  doc
    .moveTo(MARGIN, doc.y + 8)
    .lineTo(doc.page.width - MARGIN, doc.y + 8)
    .lineWidth(1)
    .strokeColor('#868e96')
    .stroke();
  doc.y += 16;
  for (const [index, item] of markdownBlocks(v.body).entries()) {
    // Laying text out is synchronous CPU work: give other requests a turn now and then.
    if (index > 0 && index % 50 === 0) await setImmediate();
    await block(doc, item);
  }
  footers(doc, input.footer);
  return finish(doc);
}
