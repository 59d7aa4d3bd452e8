// Hand-built XLSX files for the import tests: ordinary ones, and "bombs" that are small on the
// wire but huge once inflated, with ZIP headers that may lie about their sizes.
import { crc32, createDeflateRaw } from 'node:zlib';

export interface ZipPart {
  name: string;
  /** The deflated bytes. */
  data: Buffer;
  /** The real inflated size and CRC-32. */
  size: number;
  crc: number;
  /** What the headers claim instead of `size` (a lie, for the tests). */
  declaredSize?: number;
}

/**
 * Deflates content given as pieces, each repeated `times`, without ever holding it whole: a
 * 300 MB part costs the test 300 KB.
 */
export async function deflatePart(
  name: string,
  pieces: readonly (string | { repeat: string; times: number })[],
): Promise<ZipPart> {
  const deflater = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflater.on('data', (chunk: Buffer) => out.push(chunk));
  const done = new Promise((resolve, reject) => {
    deflater.on('end', resolve);
    deflater.on('error', reject);
  });
  let size = 0;
  let crc = 0;
  const write = async (text: string) => {
    const bytes = Buffer.from(text, 'utf8');
    size += bytes.length;
    crc = crc32(bytes, crc);
    if (!deflater.write(bytes)) await new Promise((resolve) => deflater.once('drain', resolve));
  };
  for (const piece of pieces) {
    if (typeof piece === 'string') {
      await write(piece);
      continue;
    }
    // Batches of about 1 MB keep this fast without holding the whole part.
    const perBatch = Math.max(1, Math.floor(1_048_576 / Math.max(1, piece.repeat.length)));
    for (let left = piece.times; left > 0; left -= perBatch) {
      await write(piece.repeat.repeat(Math.min(left, perBatch)));
    }
  }
  deflater.end();
  await done;
  return { name, data: Buffer.concat(out), size, crc };
}

/** A ZIP of deflated parts, with the sizes each part declares in both headers. */
export function buildZip(parts: readonly ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, 'utf8');
    const declared = part.declaredSize ?? part.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(part.crc, 14);
    local.writeUInt32LE(part.data.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(part.crc, 16);
    central.writeUInt32LE(part.data.length, 20);
    central.writeUInt32LE(declared, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, part.data);
    centrals.push(central, name);
    offset += 30 + name.length + part.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

export type Pieces = readonly (string | { repeat: string; times: number })[];

/**
 * A one-sheet workbook whose sheet data and shared strings are given as pieces. `lie` makes the
 * named part declare that size instead of its real one.
 */
export async function buildWorkbook(options: {
  sheetData: Pieces;
  sharedStrings?: Pieces;
  lie?: { part: 'sheet' | 'sharedStrings'; declaredSize: number };
}): Promise<Buffer> {
  const relationships = [
    `<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>`,
    ...(options.sharedStrings
      ? [`<Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`]
      : []),
  ];
  const sheet = await deflatePart('xl/worksheets/sheet1.xml', [
    `${XML}<worksheet xmlns="${MAIN}"><sheetData>`,
    ...options.sheetData,
    '</sheetData></worksheet>',
  ]);
  const strings = options.sharedStrings
    ? await deflatePart('xl/sharedStrings.xml', [
        `${XML}<sst xmlns="${MAIN}">`,
        ...options.sharedStrings,
        '</sst>',
      ])
    : undefined;
  if (options.lie?.part === 'sheet') sheet.declaredSize = options.lie.declaredSize;
  if (options.lie?.part === 'sharedStrings' && strings) {
    strings.declaredSize = options.lie.declaredSize;
  }
  return buildZip([
    await deflatePart('[Content_Types].xml', [
      `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`,
    ]),
    await deflatePart('_rels/.rels', [
      `${XML}<Relationships xmlns="${PACKAGE_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ]),
    await deflatePart('xl/workbook.xml', [
      `${XML}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="Assets" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ]),
    await deflatePart('xl/_rels/workbook.xml.rels', [
      `${XML}<Relationships xmlns="${PACKAGE_REL}">${relationships.join('')}</Relationships>`,
    ]),
    sheet,
    ...(strings ? [strings] : []),
  ]);
}

/** Escapes text for an XML element. */
export const xmlText = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A row of inline-string cells, A, B, C… */
export function inlineRow(cells: readonly string[], row?: number): string {
  const r = row === undefined ? '' : ` r="${row}"`;
  return `<row${r}>${cells
    .map(
      (text, i) =>
        `<c r="${String.fromCharCode(65 + i)}${row ?? ''}" t="inlineStr"><is><t>${xmlText(text)}</t></is></c>`,
    )
    .join('')}</row>`;
}
