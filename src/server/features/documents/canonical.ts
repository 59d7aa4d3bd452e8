import { createHash } from 'node:crypto';

/** What a version's hash covers: the words a reader sees and which version they are. */
export interface VersionContent {
  readonly number: number;
  readonly title: string;
  readonly kind: string;
  readonly body: string;
}

/**
 * A body as stored and hashed: line ends as `\n` (a Windows editor's `\r\n` or an old Mac's `\r`
 * change nothing a reader sees) and Unicode in NFC (an "é" typed as one or two code points is the
 * same word). Nothing else changes: trailing spaces and blank lines are the author's.
 */
export function normalizeBody(body: string): string {
  return body.replace(/\r\n?/g, '\n').normalize('NFC');
}

/**
 * The canonical content of a version: JSON of exactly these members in this order, with title and
 * body normalized — `{"version":n,"title":…,"kind":…,"body":…}` — UTF-8 encoded. The hash of a
 * version is the SHA-256 of these bytes, hex; an acknowledgement names the version and this hash
 * (issue 14, part 3), and anyone can recompute it from an export.
 */
export function canonicalContent(content: VersionContent): string {
  return JSON.stringify({
    version: content.number,
    title: content.title.normalize('NFC'),
    kind: content.kind,
    body: normalizeBody(content.body),
  });
}

/** The SHA-256 of a version's canonical content, hex. */
export function versionHash(content: VersionContent): string {
  return createHash('sha256').update(canonicalContent(content), 'utf8').digest('hex');
}
