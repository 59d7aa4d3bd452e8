import { Transform, type TransformCallback } from 'node:stream';
import { fileTypeFromBuffer } from 'file-type';
import { AppError } from '../errors';
import { CfbStreams } from './cfb-streams';
import { ZIP_TAIL_BYTES, zipBoundsProblem } from './zip-bounds';

/** The kinds of file evidence may be, with the type each is served as. */
export const FILE_KINDS = {
  pdf: { mime: 'application/pdf', extensions: ['pdf'] },
  png: { mime: 'image/png', extensions: ['png'] },
  jpeg: { mime: 'image/jpeg', extensions: ['jpg', 'jpeg'] },
  gif: { mime: 'image/gif', extensions: ['gif'] },
  webp: { mime: 'image/webp', extensions: ['webp'] },
  heic: { mime: 'image/heic', extensions: ['heic', 'heif'] },
  docx: {
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['docx'],
  },
  xlsx: {
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extensions: ['xlsx'],
  },
  pptx: {
    mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    extensions: ['pptx'],
  },
  doc: { mime: 'application/msword', extensions: ['doc'] },
  xls: { mime: 'application/vnd.ms-excel', extensions: ['xls'] },
  csv: { mime: 'text/csv', extensions: ['csv'] },
  text: { mime: 'text/plain', extensions: ['txt', 'text', 'log', 'md'] },
} as const;
export type FileKind = keyof typeof FILE_KINDS;

const KIND_OF_FILE_TYPE: Readonly<Record<string, FileKind>> = {
  pdf: 'pdf',
  png: 'png',
  jpg: 'jpeg',
  gif: 'gif',
  webp: 'webp',
  heic: 'heic',
  docx: 'docx',
  xlsx: 'xlsx',
  pptx: 'pptx',
};

// Enough for file-type to read an office document's [Content_Types].xml and the first entries.
const HEAD_BYTES = 256 * 1024;

const extensionOf = (name: string): string =>
  /\.([A-Za-z0-9]{1,8})$/.exec(name)?.[1]?.toLowerCase() ?? '';
const kindsWithExtension = (ext: string): FileKind[] =>
  (Object.keys(FILE_KINDS) as FileKind[]).filter((k) =>
    (FILE_KINDS[k].extensions as readonly string[]).includes(ext),
  );

/** What the upload says about itself: its name and, unless application/octet-stream, its type. */
export interface Declared {
  filename: string;
  /** The request's Content-Type without parameters; null when none or application/octet-stream. */
  type: string | null;
}

// Executables and libraries of the common systems, named "a program" to the person uploading.
const PROGRAM =
  /msdownload|x-elf|x-mach-binary|x-executable|x-sharedlib|java-archive|x-msi|x-dosexec/;

// What each kind is called in a sentence a person reads (the details keep the media types).
const KIND_WORDS: Readonly<Record<FileKind, string>> = {
  pdf: 'a PDF',
  png: 'a PNG image',
  jpeg: 'a JPEG image',
  gif: 'a GIF image',
  webp: 'a WebP image',
  heic: 'a HEIC image',
  docx: 'a Word document',
  xlsx: 'an Excel workbook',
  pptx: 'a PowerPoint presentation',
  doc: 'a Word 97-2003 document',
  xls: 'an Excel 97-2003 workbook',
  csv: 'CSV',
  text: 'plain text',
};
const SUBJECTS: Readonly<Record<string, string>> = {
  body: 'The file',
  'query.filename': 'The file name',
  'headers.content-type': 'The type sent with the file',
};

/**
 * 415 with the field in its details (for API clients) and a sentence for people as its message:
 * "The file name ends in .pdf but the content is plain text."
 */
function refuse(path: string, message: string): AppError {
  let words = message;
  for (const kind of Object.keys(FILE_KINDS) as FileKind[]) {
    words = words.replaceAll(FILE_KINDS[kind].mime, KIND_WORDS[kind]);
  }
  return new AppError('unsupported_media_type', `${SUBJECTS[path] ?? path} ${words}.`, [
    { path, message },
  ]);
}

/**
 * Judges the kind from the content itself (magic bytes, file-type), then checks that the declared
 * type and the name's extension agree with it. CFB (legacy Word and Excel) has no kind of its
 * own in file-type: the name or declared type says which. Text has no magic: only UTF-8 without
 * NUL is taken, checked to the last byte.
 */
export async function kindOfHead(
  head: Buffer,
  declared: Declared,
  whole: boolean,
): Promise<FileKind> {
  const found = await fileTypeFromBuffer(head);
  const ext = extensionOf(declared.filename);
  let kind: FileKind;
  if (found) {
    const known = KIND_OF_FILE_TYPE[found.ext];
    if (known) {
      kind = known;
    } else if (found.ext === 'cfb') {
      const named = [
        ...kindsWithExtension(ext),
        ...(declared.type === FILE_KINDS.xls.mime ? ['xls' as const] : []),
        ...(declared.type === FILE_KINDS.doc.mime ? ['doc' as const] : []),
      ];
      const legacy = named.find((k) => k === 'doc' || k === 'xls');
      if (!legacy)
        throw refuse('body', 'is an Office 97-2003 file, taken only when named .doc or .xls');
      kind = legacy;
    } else if (found.ext === 'zip') {
      throw refuse('body', 'is a ZIP archive that is not a Word, Excel or PowerPoint document');
    } else {
      throw refuse(
        'body',
        `is ${PROGRAM.test(found.mime) ? 'a program' : 'of a type evidence cannot be'} (${found.mime}); evidence may be PDF, images, office documents, CSV or text`,
      );
    }
  } else {
    if (!isUtf8Text(head, !whole)) {
      throw refuse(
        'body',
        'is not a file type evidence can be (PDF, images, office documents, CSV or UTF-8 text)',
      );
    }
    kind = ext === 'csv' || declared.type === 'text/csv' ? 'csv' : 'text';
  }
  const expected: string = FILE_KINDS[kind].mime;
  if (
    declared.type !== null &&
    declared.type !== expected &&
    !(kind === 'text' && declared.type === 'text/csv')
  ) {
    throw refuse('headers.content-type', `says ${declared.type} but the content is ${expected}`);
  }
  // The name's extension is one of the kind's own (or none): a text file named .hta or .bat, or a
  // PDF named .exe, would open as a program on a colleague's computer (outside attacker, issue 14).
  const allowed: readonly string[] = [
    ...FILE_KINDS[kind].extensions,
    ...(kind === 'csv' ? FILE_KINDS.text.extensions : []),
    ...(kind === 'text' ? FILE_KINDS.csv.extensions : []),
  ];
  if (ext !== '' && !allowed.includes(ext)) {
    throw refuse('query.filename', `ends in .${ext} but the content is ${expected}`);
  }
  if (ext === '' && /\.[^.]*$/.test(declared.filename)) {
    throw refuse(
      'query.filename',
      `has an extension evidence cannot have (the content is ${expected})`,
    );
  }
  return kind;
}

const decoderOf = () => new TextDecoder('utf-8', { fatal: true });

/** True when `bytes` is UTF-8 without NUL; `partial` allows a character cut at the end. */
function isUtf8Text(bytes: Buffer, partial: boolean): boolean {
  if (bytes.includes(0)) return false;
  try {
    decoderOf().decode(bytes, { stream: partial });
    return true;
  } catch {
    return false;
  }
}

/**
 * The check an upload streams through before encryption: refuses it past `maxBytes` (413, as soon
 * as the count passes, never buffering the rest) and refuses a kind evidence cannot be (415, from
 * the first 256 KiB); text is checked as it streams. `kind` is set once the head was judged.
 */
export class ContentCheck extends Transform {
  kind: FileKind | null = null;
  private seen = 0;
  private head: Buffer[] = [];
  private headBytes = 0;
  private text: ReturnType<typeof decoderOf> | null = null;
  // An office document's last bytes, where its central directory is (zip-bounds.ts).
  private zipTail: Buffer[] | null = null;
  private zipTailBytes = 0;
  // A legacy Word or Excel file's directory, gathered as it streams (cfb-streams.ts).
  private cfb: CfbStreams | null = null;

  constructor(
    private readonly declared: Declared,
    private readonly maxBytes: number,
  ) {
    super();
  }

  private judge(whole: boolean, done: TransformCallback): void {
    const head = Buffer.concat(this.head);
    this.head = [];
    kindOfHead(head, this.declared, whole).then(
      (kind) => {
        this.kind = kind;
        if (kind === 'text' || kind === 'csv') {
          this.text = decoderOf();
          this.text.decode(head, { stream: true });
        }
        if (kind === 'docx' || kind === 'xlsx' || kind === 'pptx') this.zipTail = [];
        if (kind === 'doc' || kind === 'xls') this.cfb = new CfbStreams();
        this.follow(head);
        done(null, head);
      },
      (error: unknown) => done(error instanceof Error ? error : new Error(String(error))),
    );
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.seen += chunk.length;
    if (this.seen > this.maxBytes) {
      const megabytes = Math.round(this.maxBytes / (1024 * 1024));
      done(
        new AppError('payload_too_large', `body is larger than the ${megabytes} MB limit.`, [
          { path: 'body', message: `is larger than the ${megabytes} MB limit` },
        ]),
      );
      return;
    }
    if (this.kind === null) {
      this.head.push(chunk);
      this.headBytes += chunk.length;
      if (this.headBytes >= HEAD_BYTES) this.judge(false, done);
      else done();
      return;
    }
    this.follow(chunk);
    if (this.text) {
      try {
        if (chunk.includes(0)) throw new Error('NUL');
        this.text.decode(chunk, { stream: true });
      } catch {
        done(refuse('body', 'is not UTF-8 text without NUL characters'));
        return;
      }
    }
    done(null, chunk);
  }

  override _flush(done: TransformCallback): void {
    if (this.seen === 0) {
      // Nothing to keep as evidence, and nothing to judge a kind from.
      done(
        new AppError('validation_failed', 'The file is empty: choose a file with content.', [
          { path: 'body', message: 'is empty' },
        ]),
      );
      return;
    }
    if (this.kind === null) {
      this.judge(true, (error, head?: Buffer) => {
        if (error) {
          done(error);
          return;
        }
        this.push(head);
        this.finishText(done);
      });
      return;
    }
    this.finishText(done);
  }

  /** Feeds the structure checks of the kind (an office archive's end, an OLE directory). */
  private follow(chunk: Buffer): void {
    this.cfb?.push(chunk);
    if (this.zipTail === null) return;
    this.zipTail.push(chunk);
    this.zipTailBytes += chunk.length;
    let first = this.zipTail[0];
    while (first && this.zipTailBytes - first.length >= ZIP_TAIL_BYTES) {
      this.zipTail.shift();
      this.zipTailBytes -= first.length;
      first = this.zipTail[0];
    }
  }

  private finishText(done: TransformCallback): void {
    try {
      this.text?.decode();
    } catch {
      done(refuse('body', 'is not UTF-8 text: it ends inside a character'));
      return;
    }
    done(this.structureProblem());
  }

  /** Refuses a zip bomb, and an OLE file without the stream of the kind it is named as. */
  private structureProblem(): AppError | null {
    if (this.zipTail !== null) {
      const problem = zipBoundsProblem(Buffer.concat(this.zipTail), this.seen);
      if (problem) return refuse('body', problem);
    }
    if (this.cfb !== null) {
      const names = this.cfb.streamNames();
      const needed = this.kind === 'doc' ? ['WordDocument'] : ['Workbook', 'Book'];
      if (!names.some((n) => needed.includes(n))) {
        const what =
          this.kind === 'doc'
            ? 'a Word document (no WordDocument stream)'
            : 'an Excel workbook (no Workbook stream)';
        return refuse('body', this.cfb.problem ?? `is an OLE compound file but not ${what}`);
      }
    }
    return null;
  }
}
