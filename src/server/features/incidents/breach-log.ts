import type { BreachLog } from '../../../contracts/incidents-breach-log';
import { appendAuditEvent, type AuditContext } from '../../platform/audit/append';
import { actingPersonIn } from '../../platform/auth/members';
import type { AppDeps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import type { Columns } from '../../platform/http/spreadsheet';
import { organizationToday } from '../../platform/org-calendar';
import { findPeopleNames } from '../../platform/people-repository';
import { daysBetween } from '../notifications/sweep';
import { findSubmission, upsertSubmission } from './breach-log-repository';
import { approvedBreaches, logYears } from './breach-register';

// The yearly log of breaches under 500 (164.408(c), as issue 16 states it; to be checked): what
// it holds, its deadline from the engine, and when it was submitted to HHS.

/** The log of one year of discovery (the newest year with breaches when none is asked). */
export async function getBreachLog(
  deps: AppDeps,
  orgId: string,
  year: number | undefined,
): Promise<BreachLog> {
  const db = deps.database.db;
  const [breaches, today] = await Promise.all([
    approvedBreaches(db, orgId),
    organizationToday(db, deps.clock, orgId),
  ]);
  const years = logYears(breaches);
  const listed = [...years.keys()].toSorted((a, b) => b - a);
  const chosen = year ?? listed[0] ?? Number(today.slice(0, 4));
  const log = years.get(chosen);
  const submission = await findSubmission(db, orgId, chosen);
  const names = submission?.recorded_by
    ? await findPeopleNames(db, orgId, [submission.recorded_by])
    : new Map<string, string>();
  return {
    year: chosen,
    years: listed,
    today,
    deadline: log?.deadline ?? null,
    daysLeft: log ? daysBetween(today, log.deadline) : null,
    breaches: log?.entries ?? [],
    submission: submission
      ? {
          submittedOn: submission.submitted_on,
          note: submission.note,
          recordedAt: submission.recorded_at,
          recordedBy: submission.recorded_by
            ? {
                id: submission.recorded_by,
                name: names.get(submission.recorded_by) ?? 'Former member',
              }
            : null,
        }
      : null,
  };
}

/**
 * Records that a year's log went to HHS (164.408(c)), replacing the year's record: who recorded
 * it is the acting person (a token's creator), audited with what changed.
 */
export async function recordBreachLogSubmission(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  body: { year: number; submittedOn: string; note?: string | undefined },
): Promise<BreachLog> {
  const db = deps.database.db;
  const { year, submittedOn } = body;
  const note = body.note ?? '';
  const today = await organizationToday(db, deps.clock, orgId);
  if (submittedOn > today) throw AppError.field('body.submittedOn', 'cannot be in the future');
  if (submittedOn < `${year}-01-01`) {
    throw AppError.field('body.submittedOn', `cannot be before the year it reports (${year})`);
  }
  if (!logYears(await approvedBreaches(db, orgId)).has(year)) {
    throw new AppError(
      'conflict',
      `No breach under 500 discovered in ${year} is on the log: there is nothing to submit for it.`,
    );
  }
  await db.transaction().execute(async (trx) => {
    const before = await findSubmission(trx, orgId, year);
    await upsertSubmission(trx, {
      org_id: orgId,
      year,
      submitted_on: submittedOn,
      note,
      recorded_at: deps.clock.now().toISOString(),
      recorded_by: await actingPersonIn(trx, orgId, context.actor),
    });
    await appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'incident.breach_log_submitted',
      changes: {
        year: { after: year },
        submittedOn: { before: before?.submitted_on ?? null, after: submittedOn },
        note: { before: before?.note ?? null, after: note },
      },
    });
  });
  return getBreachLog(deps, orgId, year);
}

const COLUMNS: Columns = [
  ['Incident', 14],
  ['Title', 40],
  ['Breach occurred', 14],
  ['Discovered', 14],
  ['People affected', 10],
  ['Kinds of PHI', 50],
  ['What was done', 50],
  ['HHS deadline', 14],
];

/** The year's log as a table for a CSV download; the export is audited (164.312(b)). */
export async function exportBreachLog(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  year: number | undefined,
) {
  const log = await getBreachLog(deps, orgId, year);
  const rows = log.breaches.map((b) => [
    b.reference,
    b.title,
    b.breachOccurredOn,
    b.discoveredOn,
    b.affected,
    b.phiKinds,
    b.actionsTaken,
    b.noticeBy,
  ]);
  await deps.database.db.transaction().execute((trx) =>
    appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'incident.breach_log_exported',
      changes: { year: { after: log.year }, rows: { after: rows.length } },
    }),
  );
  const createdAt = deps.clock.now().toISOString();
  const title = `Breaches under 500 discovered in ${log.year}`;
  return {
    file: { name: `breach-log-${log.year}`, sheet: String(log.year), title, createdAt },
    columns: COLUMNS,
    rows,
  };
}
