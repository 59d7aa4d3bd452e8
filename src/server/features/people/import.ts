import { setImmediate } from 'node:timers/promises';
import { ROSTER_IMPORT_TYPES } from '../../../contracts/people';
import type { RosterImportResult } from '../../../contracts/people-schemas';
import { countOf } from '../../../contracts/words';
import { appendAuditEvent, type AuditContext } from '../../platform/audit/append';
import type { AppDeps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { XLSX_TYPE } from '../../platform/http/spreadsheet';
import { readTable } from '../../platform/import/table';
import { reserveReferenceNumbers } from '../../platform/references-repository';
import { insertDepartments } from './department-repository';
import {
  allDepartmentRows,
  allPeopleRows,
  compilePersonInserts,
  rosterFingerprint,
  runPersonInserts,
  runPersonUpdates,
} from './import-repository';
import { readHeader, readRow, type ReadRow, type RosterProblem } from './import-rows';
import { planRosterImport, type RosterPlan } from './import-plan';
import { membersByEmail } from './repository';

const MAX_PROBLEMS = 100;
const YIELD_EVERY = 1000;
/** Imports of at least this many rows are followed by database upkeep. */
const LARGE_IMPORT = 1000;

/** The uploaded file: its content type and the body as the route's parsers left it. */
export interface RosterUpload {
  contentType: string;
  body: unknown;
}

/**
 * Reads and checks every row and plans the writes, without writing. The platform's table reader
 * (platform/import) applies the import limits; the plan is what a commit writes, so a preview's
 * counts are the commit's.
 */
async function checkRosterImport(deps: AppDeps, orgId: string, contentType: string, body: Buffer) {
  const table = await readTable(contentType, body);
  const problems: RosterProblem[] = [];
  const add = (problem: RosterProblem) => {
    if (problems.length < MAX_PROBLEMS) problems.push(problem);
  };
  const header = readHeader(table, add);
  const db = deps.database.db;
  // Read before the roster, so a change made meanwhile shows as a different fingerprint.
  const fingerprint = await rosterFingerprint(db, orgId);
  const [existing, departments, members] = await Promise.all([
    allPeopleRows(db, orgId),
    allDepartmentRows(db, orgId),
    membersByEmail(db, orgId),
  ]);
  const rows: ReadRow[] = [];
  if (problems.length === 0) {
    for (const [index, source] of table.rows.entries()) {
      // Checking 20,000 rows is CPU work: let other requests in now and then.
      if (index > 0 && index % YIELD_EVERY === 0) await setImmediate();
      const read = readRow(header, index, source, add);
      if (read) rows.push(read);
    }
  }
  const now = deps.clock.now().toISOString();
  const plan = planRosterImport(orgId, rows, existing, departments, members, now, add);
  // Rows are checked alone, then together (managers): the answer lists problems in file order.
  problems.sort((a, b) => a.row - b.row);
  return { rows: table.rows.length, problems, plan, fingerprint };
}

function refusal(problems: RosterProblem[]): AppError {
  const first = problems[0];
  const count =
    problems.length === MAX_PROBLEMS
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

/** Previews an import, or applies every row or none (`mode`). */
export async function importRoster(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  upload: RosterUpload,
  mode: 'preview' | 'commit',
): Promise<RosterImportResult> {
  const { contentType, body } = upload;
  // Only CSV and XLSX arrive as bytes (the route's own parsers); anything else is refused here.
  if (!ROSTER_IMPORT_TYPES.some((type) => contentType.startsWith(type)) || !Buffer.isBuffer(body)) {
    throw AppError.field('headers.content-type', `must be ${ROSTER_IMPORT_TYPES.join(' or ')}`);
  }
  const checked = await checkRosterImport(deps, orgId, contentType, body);
  const result: RosterImportResult = {
    rows: checked.rows,
    valid: checked.problems.length === 0,
    problems: checked.problems,
    ...checked.plan.summary,
    applied: false,
  };
  if (mode === 'preview') return result;
  if (checked.problems.length > 0) throw refusal(checked.problems);
  if (checked.rows === 0) throw AppError.field('body', 'has no rows to import');
  await applyPlan(deps, context, orgId, checked.plan, {
    fingerprint: checked.fingerprint,
    format: contentType.startsWith(XLSX_TYPE) ? 'xlsx' : 'csv',
    rows: checked.rows,
  });
  return { ...result, applied: true };
}

async function applyPlan(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  plan: RosterPlan,
  file: { fingerprint: string; format: 'csv' | 'xlsx'; rows: number },
): Promise<void> {
  // Compiled before the transaction, which then holds only the writes.
  const inserts = await compilePersonInserts(deps.database.db, plan.creates);
  await deps.database.db.transaction().execute(async (trx) => {
    if ((await rosterFingerprint(trx, orgId)) !== file.fingerprint) {
      throw new AppError(
        'conflict',
        'The roster changed while the file was being checked; nothing was imported. Import it again.',
      );
    }
    await insertDepartments(trx, plan.departments);
    for (const department of plan.departments) {
      await appendAuditEvent(trx, deps, context, {
        orgId,
        action: 'department.created',
        entity: { type: 'department', id: department.id },
        changes: { name: { after: department.name } },
      });
    }
    const count = plan.creates.length;
    const first = count > 0 ? await reserveReferenceNumbers(trx, orgId, 'person', count) : 0;
    await runPersonInserts(trx, inserts, first);
    await runPersonUpdates(trx, orgId, plan.updates);
    if (count + plan.updates.length >= LARGE_IMPORT) {
      // Planner statistics after a bulk write (issue 13); once per import, after it commits.
      await deps.jobs.enqueueIn(trx, 'platform.database-upkeep', { reason: 'roster import' });
    }
    // One event for the import: how many were added (which references) and changed.
    await appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'people.imported',
      changes: {
        rows: { after: file.rows },
        created: { after: count },
        changed: { after: plan.updates.length },
        unchanged: { after: plan.summary.unchanged },
        ...(count > 0
          ? { references: { after: `PERSON-${first}–PERSON-${first + count - 1}` } }
          : {}),
        format: { after: file.format },
      },
    });
  });
}
