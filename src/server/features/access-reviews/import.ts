import { v7 as uuidv7 } from 'uuid';
import type { AccountImportResult } from '../../../contracts/access-reviews';
import { isDisguising } from '../../../contracts/common';
import { countOf } from '../../../contracts/words';
import { appendAuditEvent, type AuditContext } from '../../platform/audit/append';
import type { AppDeps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { readCsvTable } from '../../platform/import/table';
import { rosterIdentities } from '../people/service';
import { accountMatcher } from './match';
import { flagsOf, reviewReference } from './presenter';
import { listItems, lockReview, replaceItems } from './repository';
import { foundReview, requireOpen } from './reviews';
import type { AccessReviewItemsTable } from './tables';

/** The file type the account import reads, sent as the request body. */
export const ACCOUNT_IMPORT_TYPE = 'text/csv';

const MAX_PROBLEMS = 100;
const REQUIRED = ['account', 'person', 'access_level'] as const;
const LIMITS: Record<(typeof REQUIRED)[number], number> = {
  account: 200,
  person: 254,
  access_level: 120,
};

interface Problem {
  row: number;
  line: number;
  column: string;
  message: string;
}

/** The header as columns: lower-case, words joined by `_` ("Access level" → access_level). */
const columnOf = (h: string) =>
  h
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

function refusal(problems: readonly Problem[]): AppError {
  const first = problems[0];
  const count =
    problems.length >= MAX_PROBLEMS
      ? `${MAX_PROBLEMS} or more problems`
      : countOf(problems.length, 'problem');
  return new AppError(
    'validation_failed',
    `The file has ${count}; nothing was imported.${first ? ` First: row ${first.row} (line ${first.line}), ${first.column} ${first.message}.` : ''}`,
    problems.map((p) => ({
      path: `file.rows.${p.row}.${p.column}`,
      message: `row ${p.row} (line ${p.line}): ${p.column} ${p.message}`,
    })),
  );
}

/**
 * Previews or applies (`mode`) a CSV export of a system's accounts as the review's items: every
 * row or none (design.md §6.9), each problem with its row, line and column. Other columns of the
 * export are ignored. Reading and matching happen before the write transaction opens.
 */
export async function importAccounts(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  reviewId: string,
  upload: { contentType: string; body: unknown },
  mode: 'preview' | 'commit',
): Promise<AccountImportResult> {
  const db = deps.database.db;
  const review = await foundReview(db, orgId, reviewId);
  requireOpen(review);
  if (!upload.contentType.startsWith(ACCOUNT_IMPORT_TYPE) || !Buffer.isBuffer(upload.body)) {
    throw AppError.field('headers.content-type', `must be ${ACCOUNT_IMPORT_TYPE}`);
  }
  const table = await readCsvTable(upload.body);
  const problems: Problem[] = [];
  const add = (p: Problem) => {
    if (problems.length < MAX_PROBLEMS) problems.push(p);
  };
  const header = table.header.map(columnOf);
  for (const column of REQUIRED) {
    const first = header.indexOf(column);
    const again = header.slice(first + 1).indexOf(column);
    if (first === -1) add({ row: 0, line: 1, column, message: 'column is missing' });
    else if (again !== -1) {
      add({
        row: 0,
        line: 1,
        column,
        message: `appears more than once (columns ${first + 1} and ${first + again + 2})`,
      });
    }
  }
  const match = accountMatcher(await rosterIdentities(db, orgId), review.period_start);
  const rows: Omit<AccessReviewItemsTable, 'id' | 'org_id' | 'review_id'>[] = [];
  const seen = new Map<string, number>();
  if (problems.length === 0) {
    for (const [index, source] of table.rows.entries()) {
      const row = index + 1;
      const { line } = source;
      // An export prefixes formula-like text with ' (design.md §6.9); the import takes it off.
      const cell = (column: string) =>
        (source.cells[header.indexOf(column)] ?? '').trim().replace(/^'(?=[=+\-@\t\r|])/, '');
      const failures = REQUIRED.flatMap((column) => {
        const value = cell(column);
        const message =
          value.length > LIMITS[column]
            ? `must be at most ${LIMITS[column]} characters`
            : isDisguising(value)
              ? 'must not hold control characters or direction marks'
              : value === '' && column !== 'person'
                ? 'is required'
                : null;
        return message === null ? [] : [{ row, line, column, message }];
      });
      failures.forEach(add);
      if (failures.length > 0) continue;
      const account = cell('account');
      const key = account.toLowerCase();
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        add({
          row,
          line,
          column: 'account',
          message: `appears twice (rows ${earlier} and ${row})`,
        });
        continue;
      }
      seen.set(key, row);
      const found = match(account, cell('person'));
      rows.push({
        position: row,
        account,
        person_text: cell('person'),
        access_level: cell('access_level'),
        person_id: found.person?.id ?? null,
        matched_by: found.matchedBy,
        left_before_period: found.leftBeforePeriod ? 1 : 0,
        grant_id: null,
        decision: null,
        comment: '',
        decided_by: null,
        decided_at: null,
        task_id: null,
      });
    }
  }
  problems.sort((a, b) => a.row - b.row);
  const people = new Map(
    (await rosterIdentities(db, orgId)).map((p) => [
      p.id,
      { name: p.name, reference: p.reference },
    ]),
  );
  const result: AccountImportResult = {
    rows: table.rows.length,
    valid: problems.length === 0,
    problems,
    items: rows.map((r) => ({
      row: r.position,
      account: r.account,
      personText: r.person_text,
      accessLevel: r.access_level,
      person: r.person_id
        ? { id: r.person_id, ...(people.get(r.person_id) ?? { name: '', reference: '' }) }
        : null,
      matchedBy: r.matched_by,
      flags: flagsOf(r),
    })),
    applied: false,
  };
  if (mode === 'preview') return result;
  if (problems.length > 0) throw refusal(problems);
  if (rows.length === 0) throw AppError.field('body', 'has no accounts to import');
  const items = rows.map((r) => ({ ...r, id: uuidv7(), org_id: orgId, review_id: reviewId }));
  await db.transaction().execute(async (trx) => {
    const locked = await lockReview(trx, orgId, reviewId);
    if (!locked) throw new AppError('not_found', 'No such access review.');
    requireOpen(locked);
    if ((await listItems(trx, orgId, reviewId)).some((i) => i.decision !== null)) {
      throw new AppError(
        'conflict',
        `Decisions are recorded in ${reviewReference(locked.number)}: importing again would discard them. Start a new review instead.`,
      );
    }
    await replaceItems(trx, orgId, reviewId, items);
    await appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'access_review.accounts_imported',
      entity: { type: 'access_review', id: reviewId },
      changes: {
        reference: { after: reviewReference(locked.number) },
        accounts: { after: items.length },
        leftBeforePeriod: { after: items.filter((i) => i.left_before_period === 1).length },
        matchingNobody: { after: items.filter((i) => i.person_id === null).length },
      },
    });
  });
  return { ...result, applied: true };
}
