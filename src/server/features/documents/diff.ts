import { diffLines, diffWords } from 'diff';
import type { Diff } from '../../../contracts/documents';
import type { AppDeps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { findPeopleNames } from '../../platform/people-repository';
import { peopleOf, presentVersionSummary } from './presenter';
import { findVersion, listVersions } from './repository';
import { requireDocument } from './service';

type Part = Diff['body'][number];

/** jsdiff's changes as the contract's parts: same, added or removed text, in order. */
function partsOf(changes: readonly { added: boolean; removed: boolean; value: string }[]): Part[] {
  return changes.map((c) => ({
    change: c.added ? 'added' : c.removed ? 'removed' : 'same',
    text: c.value,
  }));
}

/** What changed in title (by word) and body (by line) from one version to another. */
export function diffVersions(
  from: { title: string; body: string },
  to: { title: string; body: string },
): Pick<Diff, 'title' | 'body'> {
  return {
    title: partsOf(diffWords(from.title, to.title)),
    body: partsOf(diffLines(from.body, to.body)),
  };
}

/** The diff from `againstId` to `versionId`, two versions of one document. */
export async function versionDiff(
  deps: AppDeps,
  orgId: string,
  documentId: string,
  versionId: string,
  againstId: string | undefined,
): Promise<Diff> {
  const db = deps.database.db;
  await requireDocument(db, orgId, documentId);
  const to = await findVersion(db, orgId, documentId, versionId);
  if (!to) throw new AppError('not_found', 'No such version.');
  const from = againstId
    ? await findVersion(db, orgId, documentId, againstId)
    : (await listVersions(db, orgId, documentId)).find(
        (v) => v.number === (to.based_on_number ?? to.number - 1),
      );
  if (!from) {
    throw AppError.field(
      'querystring.against',
      againstId ? 'names no version of this document' : 'is needed: this is the first version',
    );
  }
  const names = await findPeopleNames(db, orgId, peopleOf([from, to]));
  return {
    from: presentVersionSummary(from, names),
    to: presentVersionSummary(to, names),
    ...diffVersions(from, to),
  };
}
