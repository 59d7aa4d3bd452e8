import {
  computeBreachDeadlines,
  parseBreachDeadlinesInput,
} from '../../contracts/breach-deadlines';
import { oneLine, type Io } from '../io';

/** The most standard input read: an incident's facts take well under 2 KiB. */
export const MAX_INPUT_BYTES = 64 * 1024;

/** Reads standard input as UTF-8, refusing it as soon as it grows past `maxBytes`. */
async function readBounded(stdin: NodeJS.ReadableStream, maxBytes: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stdin) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    size += buffer.length;
    if (size > maxBytes) {
      throw new Error(`standard input is larger than ${maxBytes / 1024} KiB`);
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parseJson(text: string): unknown {
  if (text.trim() === '') {
    throw new Error(
      'standard input is empty: pipe one JSON object in (custos breach deadlines < facts.json)',
    );
  }
  try {
    // A file saved by Windows tools may start with a byte-order mark: not part of the JSON.
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch (error) {
    // The parser's message quotes the input across lines; the operator needs only this.
    throw new Error('standard input is not JSON: pipe one JSON object in', { cause: error });
  }
}

/**
 * `custos breach deadlines`: reads one JSON object of an incident's facts on standard input and
 * prints its notification deadlines as one JSON object (issue 16). Bad input: exit 1, one line
 * naming the field.
 */
export async function runBreachDeadlines(io: Io, stdin: NodeJS.ReadableStream): Promise<number> {
  try {
    const parsed = parseBreachDeadlinesInput(parseJson(await readBounded(stdin, MAX_INPUT_BYTES)));
    if (!parsed.ok) {
      io.err(
        `custos: ${parsed.field === null ? `standard input ${parsed.message}` : `${parsed.field} ${parsed.message}`}`,
      );
      return 1;
    }
    io.out(JSON.stringify(computeBreachDeadlines(parsed.input), null, 2));
    return 0;
  } catch (error) {
    io.err(`custos: ${oneLine(error)}`);
    return 1;
  }
}
