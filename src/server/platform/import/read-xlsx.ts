import path from 'node:path';
import { SaxesParser } from 'saxes';
import { AppError } from '../errors';
import { TABLE_LIMITS, tableLimitError, type TableLimits } from './limits';
import type { Table } from './table';
import { ZipFormatError, readZipEntry, zipDirectory, type ZipEntry } from './zip';

/** What a read got through; tests use it to see that reading stopped at a limit. */
export interface ReadProbe {
  inflatedBytes: number;
}

interface XmlHandler {
  open: (name: string, attributes: Record<string, string>) => void;
  text?: (text: string) => void;
  close?: (name: string) => void;
}

const localName = (name: string) => name.slice(name.indexOf(':') + 1);

const cellTooLong = (limits: TableLimits) =>
  tableLimitError(
    'cellCharacters',
    limits.cellCharacters,
    (n) => `has a cell longer than ${n} characters`,
  );

/**
 * Reads the first worksheet of an XLSX as text cells, streaming each part through a SAX parser
 * and stopping at the first limit passed (design.md §6.11). Formats are not applied: a number
 * reads as its value, a date as its serial number (the asset import has no date column).
 */
export async function readXlsxTable(
  body: Buffer,
  limits: TableLimits = TABLE_LIMITS,
  probe: ReadProbe = { inflatedBytes: 0 },
): Promise<Table> {
  try {
    return await readWorkbook(body, limits, probe);
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (error instanceof ZipFormatError || error instanceof XmlError) {
      throw AppError.field('body', 'is not a readable XLSX workbook');
    }
    throw error;
  }
}

class XmlError extends Error {
  override name = 'XmlError';
}

async function readWorkbook(body: Buffer, limits: TableLimits, probe: ReadProbe): Promise<Table> {
  const entries = zipDirectory(body, limits.zipEntries, () =>
    tableLimitError('zipEntries', limits.zipEntries, (n) => `holds more than ${n} files`),
  );
  const tooBig = () =>
    tableLimitError(
      'uncompressedBytes',
      limits.uncompressedBytes,
      (n) => `unpacks to more than ${n}`,
    );

  /** Streams one part through a SAX parser, counting every byte inflated against the limit. */
  const parse = async (name: string, handler: XmlHandler): Promise<void> => {
    const entry: ZipEntry | undefined = entries.get(name);
    if (!entry) throw new ZipFormatError(`no ${name}`);
    // A declared size over the limit is refused before inflating; a lying one is caught below.
    if (probe.inflatedBytes + entry.declaredSize > limits.uncompressedBytes) throw tooBig();
    const parser = new SaxesParser<{ xmlns: false; position: false }>({
      xmlns: false,
      position: false,
    });
    parser.on('opentag', (tag) => {
      handler.open(localName(tag.name), tag.attributes);
    });
    parser.on('text', (text) => handler.text?.(text));
    parser.on('cdata', (text) => handler.text?.(text));
    parser.on('closetag', (tag) => handler.close?.(localName(tag.name)));
    const decoder = new TextDecoder('utf-8', { fatal: true });
    // saxes holds a whole text node or tag until it ends: no run without "<" may outgrow a cell
    // (each character escaped as "&quot;" at worst, plus room for a long tag).
    const longestRun = limits.cellCharacters * 6 + 65_536;
    let run = 0;
    const feed = (text: string) => {
      for (let from = 0; ;) {
        const lt = text.indexOf('<', from);
        run += (lt === -1 ? text.length : lt) - from;
        if (run > longestRun) {
          throw cellTooLong(limits);
        }
        if (lt === -1) break;
        run = 0;
        from = lt + 1;
      }
      try {
        parser.write(text);
      } catch (error) {
        if (error instanceof AppError) throw error;
        throw new XmlError(`${name}: ${String(error)}`);
      }
    };
    const decode = (chunk?: Buffer) => {
      try {
        return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
      } catch {
        throw new XmlError(`${name}: not UTF-8`);
      }
    };
    for await (const chunk of readZipEntry(body, entry)) {
      probe.inflatedBytes += chunk.length;
      if (probe.inflatedBytes > limits.uncompressedBytes) throw tooBig();
      feed(decode(chunk));
    }
    feed(decode());
    try {
      parser.close();
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw new XmlError(`${name}: ${String(error)}`);
    }
  };

  const workbookPath = await relationshipTarget(parse, '', '/officeDocument');
  if (!workbookPath) throw new ZipFormatError('no workbook');
  let firstSheetId: string | undefined;
  await parse(workbookPath, {
    open(name, attributes) {
      if (name === 'sheet' && firstSheetId === undefined) {
        const id = Object.keys(attributes).find((a) => localName(a) === 'id' && a.includes(':'));
        firstSheetId = id ? attributes[id] : undefined;
      }
    },
  });
  const relations = await readRelationships(parse, workbookPath);
  const sheet = relations.find((r) => r.id === firstSheetId && r.type.endsWith('/worksheet'));
  if (!sheet) throw new ZipFormatError('no worksheet');
  const strings = relations.find((r) => r.type.endsWith('/sharedStrings'));
  const shared = strings ? await readSharedStrings(parse, strings.target, limits) : [];
  return readSheet(parse, sheet.target, shared, limits);
}

type Parse = (name: string, handler: XmlHandler) => Promise<void>;
interface Relationship {
  id: string;
  type: string;
  target: string;
}

/** The relationships of a part (`xl/workbook.xml` → `xl/_rels/workbook.xml.rels`), resolved. */
async function readRelationships(parse: Parse, part: string): Promise<Relationship[]> {
  const dir = path.posix.dirname(part);
  const relations: Relationship[] = [];
  await parse(path.posix.join(dir, '_rels', `${path.posix.basename(part)}.rels`), {
    open(name, a) {
      if (name !== 'Relationship' || a.TargetMode === 'External') return;
      const target = a.Target ?? '';
      relations.push({
        id: a.Id ?? '',
        type: a.Type ?? '',
        target: target.startsWith('/')
          ? target.slice(1)
          : path.posix.normalize(path.posix.join(dir === '.' ? '' : dir, target)),
      });
    },
  });
  return relations;
}

async function relationshipTarget(parse: Parse, part: string, type: string) {
  return (await readRelationships(parse, part)).find((r) => r.type.endsWith(type))?.target;
}

/** The shared-string table: each `<si>`'s text runs, without phonetic guides (`<rPh>`). */
async function readSharedStrings(parse: Parse, part: string, limits: TableLimits) {
  const strings: string[] = [];
  let current = '';
  let inText = false;
  let phonetic = 0;
  await parse(part, {
    open(name) {
      if (name === 'si') current = '';
      else if (name === 'rPh') phonetic++;
      else if (name === 't' && phonetic === 0) inText = true;
    },
    text(text) {
      if (!inText) return;
      current += text;
      if (current.length > limits.cellCharacters) {
        throw cellTooLong(limits);
      }
    },
    close(name) {
      if (name === 't') inText = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'si') {
        if (strings.length === limits.sharedStrings) {
          throw tableLimitError(
            'sharedStrings',
            limits.sharedStrings,
            (n) => `has more than ${n} shared strings`,
          );
        }
        strings.push(current);
      }
    },
  });
  return strings;
}

/** Column number of a cell reference: "B7" → 2 (Infinity when absurdly far right). */
function columnOf(reference: string): number {
  let column = 0;
  for (const char of reference) {
    const code = char.charCodeAt(0);
    if (code < 65 || code > 90) break;
    column = column * 26 + code - 64;
    if (column > 16_384) return Infinity;
  }
  return column;
}

/** Rows with at least one value; the first is the header. */
async function readSheet(
  parse: Parse,
  part: string,
  shared: readonly string[],
  limits: TableLimits,
): Promise<Table> {
  const table: Table = { header: [], rows: [] };
  let started = false;
  let rowNumber = 0;
  let cells: string[] | null = null;
  let column = 0;
  let type = '';
  let value = '';
  let collecting = false;
  let phonetic = 0;
  await parse(part, {
    open(name, a) {
      if (name === 'row') {
        const r = Number(a.r);
        rowNumber = Number.isSafeInteger(r) && r > rowNumber ? r : rowNumber + 1;
        cells = [];
        column = 0;
      } else if (name === 'c' && cells) {
        column = (a.r ? columnOf(a.r) : 0) || column + 1;
        type = a.t ?? 'n';
        value = '';
      } else if (name === 'rPh') phonetic++;
      else if (cells && (name === 'v' || (name === 't' && type === 'inlineStr' && !phonetic))) {
        collecting = true;
      }
    },
    text(text) {
      if (!collecting) return;
      value += text;
      if (value.length > limits.cellCharacters) throw cellTooLong(limits);
    },
    close(name) {
      if (name === 'v' || name === 't') collecting = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'c' && cells) {
        const text = cellText(type, value, shared);
        if (text === '') return;
        if (column > limits.columns) {
          throw tableLimitError(
            'columns',
            limits.columns,
            (n) => `has a value beyond column ${n} (row ${rowNumber})`,
          );
        }
        if (text.length > limits.cellCharacters) throw cellTooLong(limits);
        while (cells.length < column - 1) cells.push('');
        cells[column - 1] = text;
      } else if (name === 'row' && cells) {
        const row = cells;
        cells = null;
        if (!row.some((c) => c !== '')) return;
        if (!started) {
          started = true;
          table.header = row;
          return;
        }
        if (table.rows.length === limits.rows) {
          throw tableLimitError('rows', limits.rows, (n) => `has more than ${n} rows`);
        }
        table.rows.push({ line: rowNumber, cells: row });
      }
    },
  });
  return table;
}

function cellText(type: string, value: string, shared: readonly string[]): string {
  switch (type) {
    case 's':
      return value.trim() === '' ? '' : (shared[Number(value)] ?? '');
    case 'b':
      return value === '1' ? 'true' : value === '0' ? 'false' : '';
    case 'e':
      return '';
    case 'n': {
      const number = Number(value);
      return value.trim() !== '' && Number.isFinite(number) ? String(number) : value;
    }
    default:
      // inlineStr, str (a formula's text), d (an ISO date)
      return value;
  }
}
