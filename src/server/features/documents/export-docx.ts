import {
  AlignmentType,
  BorderStyle,
  Document as DocxDocument,
  Footer,
  HeadingLevel,
  type IRunOptions,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { ExportInput } from './export-pdf';
import { markdownBlocks, type Block, type Run } from './markdown';

const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
] as const;

// Options typed as IRunOptions: TextRun also takes a string, whose deprecated String#bold eslint
// would otherwise see in `bold`.
function runOf(options: IRunOptions): TextRun {
  return new TextRun(options);
}

function textRuns(runs: readonly Run[]): TextRun[] {
  return runs.map((run) =>
    runOf({
      text: run.text,
      bold: run.bold,
      italics: run.italic,
      ...(run.code ? { font: 'Courier New' } : {}),
    }),
  );
}

function cell(runs: readonly Run[], header: boolean): TableCell {
  return new TableCell({
    children: [
      new Paragraph({
        children: textRuns(header ? runs.map((r) => ({ ...r, bold: true })) : runs),
      }),
    ],
  });
}

function element(block: Block): Paragraph | Table {
  switch (block.type) {
    case 'heading':
      return new Paragraph({
        heading: HEADINGS[block.level - 1] ?? HeadingLevel.HEADING_6,
        children: textRuns(block.runs),
      });
    case 'paragraph':
      return new Paragraph({
        children: textRuns(block.runs),
        ...(block.quote ? { indent: { left: 400 } } : {}),
      });
    case 'item':
      return new Paragraph({
        children: [
          new TextRun({
            text: block.marker === null ? '• ' : block.marker ? `${block.marker} ` : '',
          }),
          ...textRuns(block.runs),
        ],
        indent: { left: 360 * (block.depth + 1), hanging: 240 },
      });
    case 'code':
      return new Paragraph({
        children: block.text
          .split('\n')
          .map((line, i) => new TextRun({ text: line, font: 'Courier New', break: i > 0 ? 1 : 0 })),
      });
    case 'rule':
      return new Paragraph({
        children: [],
        border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: 'CED4DA', space: 1 } },
      });
    case 'table':
      return new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: [
          new TableRow({ tableHeader: true, children: block.header.map((c) => cell(c, true)) }),
          ...block.rows.map((row) => new TableRow({ children: row.map((c) => cell(c, false)) })),
        ],
      });
  }
}

/** A policy version as DOCX: the same content as the PDF, editable by people who need Word. */
export async function renderVersionDocx(input: ExportInput): Promise<Buffer> {
  const v = input.version;
  const document = new DocxDocument({
    creator: 'Custos',
    title: `${v.reference} ${v.title}`,
    description: `${v.reference} version ${v.number}`,
    sections: [
      {
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({ text: `${input.footer} · page `, size: 16 }),
                  new TextRun({ children: [PageNumber.CURRENT], size: 16 }),
                  new TextRun({ text: ' of ', size: 16 }),
                  new TextRun({ children: [PageNumber.TOTAL_PAGES], size: 16 }),
                ],
              }),
            ],
          }),
        },
        children: [
          new Paragraph({ children: [new TextRun({ text: input.organization, color: '5C5F66' })] }),
          new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(v.title)] }),
          new Paragraph({
            children: [
              new TextRun({
                text: input.subtitle,
                color: '5C5F66',
              }),
            ],
          }),
          ...input.facts.map(
            ([label, value]) =>
              new Paragraph({
                children: [runOf({ text: `${label}: `, bold: true }), new TextRun(value)],
              }),
          ),
          new Paragraph({
            children: [],
            border: { bottom: { style: BorderStyle.SINGLE, size: 8, color: '868E96', space: 1 } },
          }),
          ...markdownBlocks(v.body).map(element),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
