import { setImmediate } from 'node:timers/promises';
import PDFDocument from 'pdfkit';
import type { RiskMatrix } from '../../../../contracts/risk-library';

export type Doc = PDFKit.PDFDocument;
export const MARGIN = 48;
const INK = '#1a1b1e';
const MUTED = '#5c5f66';
const RULE = '#ced4da';

/** The standard PDF fonts speak WinAnsi only: map what they cannot draw to what they can. */
export function pdfText(value: string): string {
  return value
    .replace(/→/g, '->')
    .replace(/[≤]/g, '<=')
    .replace(/[≥]/g, '>=')
    .replace(/[^\t\n\r\u0020-\u007e\u00a0-\u00ff–—‘’“”•…€]/g, '?');
}

export function newDocument(info: { title: string; author: string; createdAt: Date }): Doc {
  return new PDFDocument({
    size: 'LETTER',
    margin: MARGIN,
    bufferPages: true,
    info: {
      Title: pdfText(info.title),
      Author: pdfText(info.author),
      Creator: 'Custos',
      CreationDate: info.createdAt,
    },
  });
}

/** Starts a new page unless `height` points are left above the bottom margin. */
export function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > doc.page.height - MARGIN - 20) doc.addPage();
}

export function heading(doc: Doc, text: string, level: 1 | 2 = 1): void {
  // A heading keeps room for the start of what it heads (a table's header and first rows).
  ensureSpace(doc, level === 1 ? 120 : 90);
  doc.moveDown(level === 1 ? 0.8 : 0.5);
  doc
    .font('Helvetica-Bold')
    .fontSize(level === 1 ? 15 : 11.5)
    .fillColor(INK)
    .text(pdfText(text), MARGIN, doc.y);
  doc.moveDown(0.3);
}

export function paragraph(doc: Doc, text: string, options: { muted?: boolean } = {}): void {
  doc
    .font('Helvetica')
    .fontSize(9.5)
    .fillColor(options.muted ? MUTED : INK)
    .text(pdfText(text || '—'), MARGIN, doc.y, { width: doc.page.width - 2 * MARGIN });
  doc.moveDown(0.4);
}

export interface Column<T> {
  header: string;
  width: number;
  value: (row: T) => string;
  /** A fill colour behind the cell (levels of risk). */
  fill?: (row: T) => string | null;
}

/** Rows drawn between two turns of the event loop (see table). */
const ROWS_PER_TURN = 25;

/**
 * A table that breaks across pages and repeats its header; column widths are fractions. Laying
 * out text is CPU work (seconds for thousands of risks): every few rows the event loop gets a
 * turn, so other requests are served while a report is drawn.
 */
export async function table<T>(
  doc: Doc,
  columns: readonly Column<T>[],
  rows: readonly T[],
): Promise<void> {
  const width = doc.page.width - 2 * MARGIN;
  const widths = columns.map((c) => c.width * width);
  const pad = 3;
  const bottom = doc.page.height - MARGIN - 20;
  // Headers wrap within their column; the header row is as tall as the tallest.
  doc.font('Helvetica-Bold').fontSize(7.5);
  const headerHeight =
    Math.max(
      ...columns.map((c, i) =>
        doc.heightOfString(pdfText(c.header), { width: (widths[i] ?? 0) - 2 * pad }),
      ),
    ) + 7;
  const drawHeader = () => {
    let x = MARGIN;
    const y = doc.y;
    doc.rect(MARGIN, y, width, headerHeight).fill('#e9ecef');
    doc.font('Helvetica-Bold').fontSize(7.5).fillColor(INK);
    columns.forEach((c, i) => {
      doc.text(pdfText(c.header), x + pad, y + 4, { width: (widths[i] ?? 0) - 2 * pad });
      x += widths[i] ?? 0;
    });
    doc.y = y + headerHeight;
  };
  // A header never stands alone at the foot of a page: it and a first row fit, or both move.
  if (doc.y + headerHeight + 24 > bottom) doc.addPage();
  drawHeader();
  doc.font('Helvetica').fontSize(8);
  for (const [index, row] of rows.entries()) {
    if (index > 0 && index % ROWS_PER_TURN === 0) await setImmediate();
    const texts = columns.map((c) => pdfText(c.value(row)));
    const height =
      Math.max(
        ...texts.map((t, i) => doc.heightOfString(t || ' ', { width: (widths[i] ?? 0) - 2 * pad })),
      ) +
      2 * pad;
    if (doc.y + height > bottom) {
      doc.addPage();
      drawHeader();
      doc.font('Helvetica').fontSize(8);
    }
    const y = doc.y;
    let x = MARGIN;
    columns.forEach((c, i) => {
      const fill = c.fill?.(row);
      if (fill) doc.rect(x, y, widths[i] ?? 0, height).fill(fill);
      doc
        .fillColor(INK)
        .text(texts[i] ?? '', x + pad, y + pad, { width: (widths[i] ?? 0) - 2 * pad });
      x += widths[i] ?? 0;
    });
    doc
      .moveTo(MARGIN, y + height)
      .lineTo(MARGIN + width, y + height)
      .lineWidth(0.5)
      .strokeColor(RULE)
      .stroke();
    doc.y = y + height;
  }
  doc.x = MARGIN;
  doc.moveDown(0.5);
}

/** A likelihood × impact grid: cells coloured by level, each showing a count or its level. */
export function matrixGrid(
  doc: Doc,
  matrix: RiskMatrix,
  x: number,
  y: number,
  caption: string,
  counts?: readonly (readonly number[])[],
): void {
  const cell = Math.min(34, 170 / matrix.impact.length);
  const labelWidth = 62;
  doc.font('Helvetica-Bold').fontSize(9).fillColor(INK).text(pdfText(caption), x, y);
  const top = y + 16;
  for (let l = matrix.likelihood.length - 1; l >= 0; l -= 1) {
    const rowY = top + (matrix.likelihood.length - 1 - l) * cell;
    doc
      .font('Helvetica')
      .fontSize(7)
      .fillColor(MUTED)
      .text(pdfText(matrix.likelihood[l] ?? ''), x, rowY + cell / 2 - 4, {
        width: labelWidth - 4,
        align: 'right',
      });
    for (let i = 0; i < matrix.impact.length; i += 1) {
      const level = matrix.levels[matrix.cells[l]?.[i] ?? 0];
      const cx = x + labelWidth + i * cell;
      doc.rect(cx, rowY, cell, cell).fillAndStroke(level?.color ?? '#ffffff', '#ffffff');
      const text = counts ? String(counts[l]?.[i] ?? 0) : '';
      if (text && text !== '0') {
        doc
          .font('Helvetica-Bold')
          .fontSize(9)
          .fillColor(INK)
          .text(text, cx, rowY + cell / 2 - 4, { width: cell, align: 'center' });
      }
    }
  }
  const base = top + matrix.likelihood.length * cell + 2;
  matrix.impact.forEach((label, i) => {
    doc
      .font('Helvetica')
      .fontSize(6.5)
      .fillColor(MUTED)
      .text(pdfText(label), x + labelWidth + i * cell, base, { width: cell, align: 'center' });
  });
  doc.fontSize(7).text('Likelihood (rows) x impact (columns)', x + labelWidth, base + 12);
  doc.y = base + 26;
}

/** Page footers on every page: the report's name and "page n of m". */
export function footers(doc: Doc, text: string): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('Helvetica')
      .fontSize(7.5)
      .fillColor(MUTED)
      .text(pdfText(`${text} · page ${i + 1} of ${range.count}`), MARGIN, doc.page.height - 30, {
        width: doc.page.width - 2 * MARGIN,
        align: 'center',
        lineBreak: false,
      });
    doc.page.margins.bottom = bottom;
  }
}

/** The finished document as one buffer. */
export function finish(doc: Doc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}
