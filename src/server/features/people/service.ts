import type { Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type {
  Person,
  PersonBody,
  PersonQuery,
  PersonUpdateBody,
} from '../../../contracts/people-schemas';
import type { Database } from '../../db/schema';
import { appendAuditEvent, type AuditContext } from '../../platform/audit/append';
import { changesOf, type AuditFields } from '../../platform/audit/changes';
import type { AppDeps } from '../../platform/deps';
import type { Db } from '../../platform/db/types';
import { AppError } from '../../platform/errors';
import { countOf } from '../../../contracts/words';
import { organizationToday } from '../../platform/org-calendar';
import { uuidsOnly } from '../../platform/links-registry';
import { nextReferenceNumber } from '../../platform/references-repository';
import { askTrainingOfPersonIn } from '../training/at-hire';
import { accountByEmail, checkPersonValues } from './person-rules';
import { presentPerson, reference } from './presenter';
import {
  countReports,
  deletePerson,
  findPerson,
  findRosterNames,
  insertPerson,
  listAwaitingClearance,
  listPeople,
  listReachablePeople,
  updatePerson,
} from './repository';
import { allPeopleRows } from './import-repository';
import type { PeopleTable } from './tables';

// API field → column: how a change appears in the audit trail (164.312(b)).
export const PERSON_AUDITED: AuditFields<PeopleTable> = {
  kind: 'kind',
  name: 'name',
  email: 'email',
  emailKey: 'email_key',
  employeeId: 'employee_id',
  jobRole: 'job_role',
  departmentId: 'department_id',
  managerId: 'manager_id',
  location: 'location',
  startDate: 'start_date',
  endDate: 'end_date',
  clearanceOutcome: 'clearance_outcome',
  clearanceDate: 'clearance_date',
  clearanceNote: 'clearance_note',
  authorizationNote: 'authorization_note',
  supervisionNote: 'supervision_note',
  userId: 'user_id',
};

/** The audit changes of a person, the clearance note's text withheld (164.308(a)(3)(ii)(B)). */
export function personChanges(before: PeopleTable, values: Partial<PeopleTable>) {
  const changes = changesOf(before, values, PERSON_AUDITED);
  // The lower-cased email repeats the email; auditors read the trail, not background checks.
  delete changes.emailKey;
  if (changes.clearanceNote) changes.clearanceNote = { after: '[changed, not recorded here]' };
  return changes;
}

/** A body's values as columns; only the fields it sets. */
export function personColumns(body: PersonUpdateBody): Partial<PeopleTable> {
  const v: Partial<PeopleTable> = {};
  if (body.kind !== undefined) v.kind = body.kind;
  if (body.name !== undefined) v.name = body.name;
  if (body.email !== undefined) {
    v.email = body.email;
    v.email_key = body.email === null ? null : body.email.toLowerCase();
  }
  if (body.employeeId !== undefined)
    v.employee_id = body.employeeId === '' ? null : body.employeeId;
  if (body.jobRole !== undefined) v.job_role = body.jobRole;
  if (body.departmentId !== undefined) v.department_id = body.departmentId;
  if (body.managerId !== undefined) v.manager_id = body.managerId;
  if (body.location !== undefined) v.location = body.location;
  if (body.startDate !== undefined) v.start_date = body.startDate;
  if (body.endDate !== undefined) v.end_date = body.endDate;
  if (body.clearanceOutcome !== undefined) v.clearance_outcome = body.clearanceOutcome;
  if (body.clearanceDate !== undefined) v.clearance_date = body.clearanceDate;
  if (body.clearanceNote !== undefined) v.clearance_note = body.clearanceNote;
  if (body.authorizationNote !== undefined) v.authorization_note = body.authorizationNote;
  if (body.supervisionNote !== undefined) v.supervision_note = body.supervisionNote;
  if (body.userId !== undefined) v.user_id = body.userId;
  return v;
}

async function found(db: Db, orgId: string, id: string) {
  const row = await findPerson(db, orgId, id);
  if (!row) throw new AppError('not_found', 'No such person on the roster.');
  return row;
}

export async function listPeoplePage(
  deps: AppDeps,
  orgId: string,
  query: PersonQuery,
  seesNotes: boolean,
) {
  const db = deps.database.db;
  const today = await organizationToday(db, deps.clock, orgId);
  const rows = await listPeople(db, orgId, {
    q: query.q,
    kind: query.kind,
    status: query.status,
    departmentId: query.departmentId === 'none' ? null : query.departmentId,
    today,
    afterNumber: query.cursor,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    data: page.map((row) => presentPerson(row, today, seesNotes)),
    nextCursor: rows.length > query.limit && last ? String(last.number) : null,
  };
}

export async function getPerson(
  deps: AppDeps,
  orgId: string,
  id: string,
  seesNotes: boolean,
): Promise<Person> {
  const db = deps.database.db;
  const row = await found(db, orgId, id);
  return presentPerson(row, await organizationToday(db, deps.clock, orgId), seesNotes);
}

/** Adds a person in a caller's transaction (the demo adds several); returns the id. */
export async function createPersonIn(
  trx: Transaction<Database>,
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  body: PersonBody,
): Promise<string> {
  const now = deps.clock.now().toISOString();
  const values = personColumns(body);
  const id = uuidv7();
  await checkPersonValues(trx, orgId, id, values);
  const row: PeopleTable = {
    id,
    org_id: orgId,
    number: await nextReferenceNumber(trx, orgId, 'person'),
    kind: body.kind,
    name: body.name,
    email: values.email ?? null,
    email_key: values.email_key ?? null,
    employee_id: values.employee_id ?? null,
    job_role: values.job_role ?? '',
    department_id: values.department_id ?? null,
    manager_id: values.manager_id ?? null,
    location: values.location ?? '',
    start_date: values.start_date ?? null,
    end_date: values.end_date ?? null,
    clearance_outcome: values.clearance_outcome ?? null,
    clearance_date: values.clearance_date ?? null,
    clearance_note: values.clearance_note ?? '',
    authorization_note: values.authorization_note ?? '',
    supervision_note: values.supervision_note ?? '',
    user_id:
      body.userId !== undefined
        ? body.userId
        : await accountByEmail(trx, orgId, values.email_key ?? null),
    created_at: now,
    updated_at: now,
  };
  await insertPerson(trx, row);
  await appendAuditEvent(trx, deps, context, {
    orgId,
    action: 'person.created',
    entity: { type: 'person', id },
    changes: {
      reference: { after: reference(row.number) },
      name: { after: row.name },
      kind: { after: row.kind },
      ...(row.user_id ? { userId: { after: row.user_id } } : {}),
    },
  });
  return id;
}

export async function createPerson(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  body: PersonBody,
  seesNotes: boolean,
): Promise<Person> {
  const id = await deps.database.db.transaction().execute(async (trx) => {
    const created = await createPersonIn(trx, deps, context, orgId, body);
    await askTrainingOfPersonIn(trx, deps, context, orgId, created);
    return created;
  });
  return getPerson(deps, orgId, id, seesNotes);
}

export async function changePerson(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  id: string,
  body: PersonUpdateBody,
  seesNotes: boolean,
): Promise<Person> {
  await deps.database.db.transaction().execute(async (trx) => {
    const before = await found(trx, orgId, id);
    const values = personColumns(body);
    // A new email links the member who has it, when nobody is linked yet and none is named.
    if (body.userId === undefined && before.user_id === null && values.email_key) {
      const account = await accountByEmail(trx, orgId, values.email_key);
      if (account !== null) values.user_id = account;
    }
    await checkPersonValues(trx, orgId, id, values, before);
    const changes = personChanges(before, values);
    if (Object.keys(changes).length === 0) return;
    await updatePerson(trx, orgId, id, { ...values, updated_at: deps.clock.now().toISOString() });
    await appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'person.changed',
      entity: { type: 'person', id },
      changes,
    });
    // A new department, start date or account can put them in a training audience.
    await askTrainingOfPersonIn(trx, deps, context, orgId, id);
  });
  return getPerson(deps, orgId, id, seesNotes);
}

export async function removePerson(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  id: string,
): Promise<void> {
  await deps.database.db.transaction().execute(async (trx) => {
    const before = await found(trx, orgId, id);
    const reports = await countReports(trx, orgId, id);
    if (reports > 0) {
      throw new AppError(
        'conflict',
        `${before.name} manages ${countOf(reports, 'person', 'people')}: give them another manager first.`,
      );
    }
    await deletePerson(trx, orgId, id);
    await appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'person.removed',
      entity: { type: 'person', id },
      changes: { reference: { before: reference(before.number) }, name: { before: before.name } },
    });
  });
}

/** A person's row for work other features do in their transaction (checklists); null when none. */
export async function personRowIn(db: Db, orgId: string, id: string) {
  return (await findPerson(db, orgId, id)) ?? null;
}

/**
 * Sets a person's end date in the caller's transaction (the end of their employment, or its undo),
 * audited as any change of the roster.
 */
export async function setEndDateIn(
  trx: Transaction<Database>,
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  id: string,
  endDate: string | null,
): Promise<void> {
  const before = await found(trx, orgId, id);
  const values: Partial<PeopleTable> = { end_date: endDate };
  await checkPersonValues(trx, orgId, id, values, before);
  const changes = personChanges(before, values);
  if (Object.keys(changes).length === 0) return;
  await updatePerson(trx, orgId, id, { ...values, updated_at: deps.clock.now().toISOString() });
  await appendAuditEvent(trx, deps, context, {
    orgId,
    action: 'person.changed',
    entity: { type: 'person', id },
    changes,
  });
}

/** People of the roster by id, as other records name them: name and PERSON-n. */
export async function peopleNames(db: Db, orgId: string, ids: readonly string[]) {
  const rows = await findRosterNames(db, orgId, uuidsOnly([...new Set(ids)]));
  return new Map(rows.map((p) => [p.id, { name: p.name, reference: reference(p.number) }]));
}

/**
 * Names of the roster's people among `ids`, by id (other features name people by roster id: the
 * incidents' people involved); an id of another organization, or of nobody, is left out.
 */
export async function rosterNames(
  db: Db,
  orgId: string,
  ids: readonly string[],
): Promise<Map<string, string>> {
  const rows = await findRosterNames(db, orgId, uuidsOnly([...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * The roster as other features match names against it (access reviews match an account export's
 * people): every person with what identifies them and their end date, read page by page.
 */
export async function rosterIdentities(db: Db, orgId: string) {
  const rows = await allPeopleRows(db, orgId);
  return rows.map((p) => ({
    id: p.id,
    reference: reference(p.number),
    name: p.name,
    emailKey: p.email_key,
    employeeId: p.employee_id,
    endDate: p.end_date,
  }));
}

/** Whom a message to the roster reaches today (people/repository.ts#listReachablePeople). */
export async function reachablePeople(db: Db, orgId: string, today: string, now: string) {
  return listReachablePeople(db, orgId, today, now);
}

/** 164.308(a)(3)(ii)(B): people still working whose background check is pending or failed. */
export async function peopleAwaitingClearance(db: Db, orgId: string, today: string) {
  return listAwaitingClearance(db, orgId, today);
}
