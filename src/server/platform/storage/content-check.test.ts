import JSZip from 'jszip';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';
import { ContentCheck } from './content-check';

/** Streams `bytes` through the check in 64 KiB chunks; the kind it found, or its refusal. */
async function check(bytes: Buffer, filename: string): Promise<string> {
  const content = new ContentCheck({ filename, type: null }, 50 * 1024 * 1024);
  const chunks = Array.from({ length: Math.ceil(bytes.length / 65536) }, (_, i) =>
    bytes.subarray(i * 65536, (i + 1) * 65536),
  );
  try {
    await pipeline(
      Readable.from(chunks),
      content,
      new Writable({ write: (_chunk, _encoding, done) => done() }),
    );
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  return content.kind ?? 'none';
}

async function officeFile(
  part: string,
  extra: Record<string, string | Buffer> = {},
): Promise<Buffer> {
  const zip = new JSZip();
  const main = part.startsWith('xl/')
    ? 'spreadsheetml.sheet.main+xml'
    : 'wordprocessingml.document.main+xml';
  zip.file(
    '[Content_Types].xml',
    `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/${part}" ContentType="application/vnd.openxmlformats-officedocument.${main}"/></Types>`,
  );
  zip.file(part, '<w:document xmlns:w="x"><w:body><w:p/></w:body></w:document>');
  for (const [name, data] of Object.entries(extra)) zip.file(name, data);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/**
 * A minimal OLE compound file with one stream named `stream`: the header, the allocation table
 * (sector 0), `filler` sectors of data, then the directory (4096-byte sectors, version 4).
 */
function oleFile(stream: string, filler = 0): Buffer {
  const size = 4096;
  const header = Buffer.alloc(size);
  Buffer.from('d0cf11e0a1b11ae1', 'hex').copy(header, 0);
  header.writeUInt16LE(0x3e, 0x18);
  header.writeUInt16LE(4, 0x1a);
  header.writeUInt16LE(0xfffe, 0x1c);
  header.writeUInt16LE(12, 0x1e);
  header.writeUInt16LE(6, 0x20);
  header.writeUInt32LE(1, 0x2c);
  header.writeUInt32LE(filler + 1, 0x30);
  header.writeUInt32LE(4096, 0x38);
  header.writeUInt32LE(0xfffffffe, 0x3c);
  header.writeUInt32LE(0xfffffffe, 0x44);
  for (let i = 0; i < 109; i += 1) header.writeUInt32LE(i === 0 ? 0 : 0xffffffff, 0x4c + 4 * i);
  const fat = Buffer.alloc(size, 0xff);
  fat.writeUInt32LE(0xfffffffd, 0);
  fat.writeUInt32LE(0xfffffffe, 4 * (filler + 1));
  const directory = Buffer.alloc(size);
  const entry = (at: number, name: string, type: number, child: number) => {
    directory.write(`${name}\0`, at, 'utf16le');
    directory.writeUInt16LE((name.length + 1) * 2, at + 0x40);
    directory[at + 0x42] = type;
    directory[at + 0x43] = 1;
    directory.writeUInt32LE(0xffffffff, at + 0x44);
    directory.writeUInt32LE(0xffffffff, at + 0x48);
    directory.writeUInt32LE(child, at + 0x4c);
    directory.writeUInt32LE(0xfffffffe, at + 0x74);
  };
  entry(0, 'Root Entry', 5, 1);
  entry(128, stream, 2, 0xffffffff);
  return Buffer.concat([header, fat, Buffer.alloc(size * filler, 0xab), directory]);
}

describe('the structure of office files, checked as they stream (issue 14)', () => {
  it('takes a real office document, and refuses one that expands past its bounds', async () => {
    expect(await check(await officeFile('word/document.xml'), 'policy.docx')).toBe('docx');
    // 4 MB of one letter deflates to a few KB: over 100 times, a zip bomb.
    const bomb = await officeFile('word/document.xml', {
      'word/media/filler.xml': Buffer.alloc(4 * 1024 * 1024, 'a'),
    });
    expect(bomb.length).toBeLessThan(64 * 1024);
    expect(await check(bomb, 'policy.docx')).toMatch(/expands more than 100 times/);
    // Varied content of the same size compresses as documents do, and is taken.
    const varied = Buffer.from(
      Array.from({ length: 150_000 }, (_, i) => `<c r="A${String(i)}"/>`).join(''),
    );
    expect(await check(await officeFile('xl/workbook.xml', { 'xl/s.xml': varied }), 'a.xlsx')).toBe(
      'xlsx',
    );
  });

  it('refuses an office document cut before its central directory', async () => {
    const whole = await officeFile('word/document.xml');
    expect(await check(whole.subarray(0, whole.length - 30), 'policy.docx')).toMatch(
      /central directory/,
    );
  });

  it('takes an OLE file as .doc or .xls only with its Word or Excel stream', async () => {
    expect(await check(oleFile('WordDocument'), 'letter.doc')).toBe('doc');
    expect(await check(oleFile('Workbook'), 'sheet.xls')).toBe('xls');
    // The directory after 400 KB of data: past the head the type is judged from.
    expect(await check(oleFile('WordDocument', 100), 'letter.doc')).toBe('doc');
    expect(await check(oleFile('Workbook', 100), 'letter.doc')).toMatch(/not a Word document/);
    expect(await check(oleFile('__substg1.0_0037001F'), 'mail.xls')).toMatch(
      /not an Excel workbook/,
    );
    expect(await check(oleFile('Book'), 'old.xls')).toBe('xls');
  });

  it('refuses macros and programs carried inside an office document (attacker)', async () => {
    const macro = await officeFile('word/document.xml', { 'word/vbaProject.bin': 'macro' });
    expect(await check(macro, 'policy.docx')).toMatch(/holds macros \(vbaProject\.bin\)/);
    const program = await officeFile('xl/workbook.xml', { 'xl/media/evil.EXE': 'MZ' });
    expect(await check(program, 'sheet.xlsx')).toMatch(/holds a program \(xl\/media\/evil\.EXE\)/);
    // Pictures and embedded objects a document carries are taken.
    const pictured = await officeFile('word/document.xml', { 'word/media/image1.png': 'png' });
    expect(await check(pictured, 'policy.docx')).toBe('docx');
    // An empty file is nothing to keep.
    expect(await check(Buffer.alloc(0), 'empty.txt')).toBe(
      'The file is empty: choose a file with content.',
    );
  });
});
