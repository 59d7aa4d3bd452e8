import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { inList, prepared, tenantFilter } from '../../platform/db/prepared';
import type { RecordLinksTable } from '../links/tables';
import type { TasksTable } from './tables';
import type { Db } from '../../platform/db/types';

export interface TaskRow extends TasksTable {
  owner_name: string | null;
  completed_by_name: string | null;
}

/** Tasks with the names of their owner and of who completed them. */
function withOwner(db: Db) {
  return db
    .selectFrom('tasks')
    .leftJoin('users', 'users.id', 'tasks.owner_id')
    .leftJoin('users as completer', 'completer.id', 'tasks.completed_by')
    .selectAll('tasks')
    .select(['users.name as owner_name', 'completer.name as completed_by_name']);
}

const UNDATED = '9999-12-31';

export async function insertTask(trx: Db, row: Omit<TasksTable, 'due_key'>): Promise<void> {
  await trx
    .insertInto('tasks')
    .values({ ...row, due_key: row.due_on ?? UNDATED })
    .execute();
}

export async function updateTask(
  trx: Db,
  orgId: string,
  id: string,
  values: Partial<Omit<TasksTable, 'due_key'>>,
): Promise<void> {
  const dueKey = values.due_on === undefined ? {} : { due_key: values.due_on ?? UNDATED };
  await trx
    .updateTable('tasks')
    .set({ ...values, ...dueKey })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

export async function findTask(db: Db, orgId: string, id: string): Promise<TaskRow | undefined> {
  return withOwner(db)
    .where('tasks.org_id', '=', orgId)
    .where('tasks.id', '=', id)
    .executeTakeFirst();
}

export interface TaskFilter {
  statuses: readonly TasksTable['status'][];
  ownerId?: string | null | undefined;
  priority?: TasksTable['priority'] | undefined;
  /** Only tasks due before this date (overdue) or not (false). */
  overdueBefore?: { today: string; overdue: boolean } | undefined;
  linked?: { type: RecordLinksTable['to_type']; id: string } | undefined;
  q?: string | undefined;
  after?: { dueKey: string; number: number } | undefined;
  limit: number;
}

/** One page of tasks ordered by due date (undated last, via due_key), then reference number. */
export async function listTasks(db: Db, orgId: string, filter: TaskFilter): Promise<TaskRow[]> {
  let query = withOwner(db)
    .where('tasks.org_id', '=', orgId)
    .where('tasks.status', 'in', filter.statuses);
  if (filter.ownerId !== undefined) {
    query =
      filter.ownerId === null
        ? query.where('tasks.owner_id', 'is', null)
        : query.where('tasks.owner_id', '=', filter.ownerId);
  }
  if (filter.priority) {
    query = query.where('tasks.priority', '=', filter.priority);
  }
  if (filter.overdueBefore) {
    const { today, overdue } = filter.overdueBefore;
    query = overdue
      ? query.where('tasks.due_on', '<', today)
      : query.where((eb) =>
          eb.or([eb('tasks.due_on', 'is', null), eb('tasks.due_on', '>=', today)]),
        );
  }
  if (filter.q) {
    const pattern = `%${filter.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([
        eb(sql`lower(tasks.title)`, 'like', sql`${pattern} escape '\\'`),
        eb(sql`lower(tasks.description)`, 'like', sql`${pattern} escape '\\'`),
      ]),
    );
  }
  if (filter.linked) {
    const { type, id } = filter.linked;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('record_links')
          .select('record_links.id')
          .where('record_links.org_id', '=', orgId)
          .where((inner) =>
            inner.or([
              inner.and([
                inner('record_links.from_type', '=', 'task'),
                inner('record_links.from_id', '=', eb.cast<string>(eb.ref('tasks.id'), 'text')),
                inner('record_links.to_type', '=', type),
                inner('record_links.to_id', '=', id),
              ]),
              inner.and([
                inner('record_links.to_type', '=', 'task'),
                inner('record_links.to_id', '=', eb.cast<string>(eb.ref('tasks.id'), 'text')),
                inner('record_links.from_type', '=', type),
                inner('record_links.from_id', '=', id),
              ]),
            ]),
          ),
      ),
    );
  }
  if (filter.after) {
    const { dueKey, number } = filter.after;
    // A row-value comparison: one range of the (org_id, due_key, number) index.
    query = query.where((eb) =>
      eb(eb.refTuple('tasks.due_key', 'tasks.number'), '>', eb.tuple(dueKey, number)),
    );
  }
  // As the (org_id, due_key, number) index: SQLite reads the page in its order whatever its statistics.
  return query
    .orderBy('tasks.org_id')
    .orderBy('tasks.due_key')
    .orderBy('tasks.number')
    .limit(filter.limit)
    .execute();
}
/** Counts of active tasks: all, overdue, and those of one owner (each an index-only count). */
export async function countActiveTasks(db: Db, orgId: string, today: string, ownerId: string) {
  const count = async (owner: string | undefined, overdue: boolean) => {
    let query = db
      .selectFrom('tasks')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('org_id', '=', orgId);
    if (owner !== undefined) query = query.where('owner_id', '=', owner);
    query = query.where('status', 'in', ['open', 'in_progress']);
    if (overdue) query = query.where('due_on', '<', today);
    return Number((await query.executeTakeFirstOrThrow()).n);
  };
  return {
    open: await count(undefined, false),
    overdue: await count(undefined, true),
    mineOpen: await count(ownerId, false),
    mineOverdue: await count(ownerId, true),
  };
}

/** Active tasks without an owner: all of them, and those of high or critical priority. */
export async function countUnownedActiveTasks(db: Db, orgId: string) {
  const rows = await db
    .selectFrom('tasks')
    .select(['priority', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('org_id', '=', orgId)
    .where('owner_id', 'is', null)
    .where('status', 'in', ['open', 'in_progress'])
    .groupBy('priority')
    .execute();
  const count = (priorities: readonly TasksTable['priority'][]) =>
    rows.filter((r) => priorities.includes(r.priority)).reduce((n, r) => n + Number(r.n), 0);
  return { all: count(['low', 'medium', 'high', 'critical']), urgent: count(['high', 'critical']) };
}

/** The id of an open task with exactly this title, if there is one. */
export async function findOpenTaskTitled(db: Db, orgId: string, title: string) {
  const row = await db
    .selectFrom('tasks')
    .select(['id', 'created_at'])
    .where('org_id', '=', orgId)
    .where('title', '=', title)
    .where('status', 'in', ['open', 'in_progress'])
    .limit(1)
    .executeTakeFirst();
  return row ? { id: row.id, createdAt: row.created_at } : undefined;
}

// Compiled once, the ids bound as one list.
const summariesOf = prepared((db: Kysely<Database>, slot: (name: 'orgId' | 'ids') => string) =>
  db
    .selectFrom('tasks')
    .select(['id', 'number', 'title', 'status'])
    .where(tenantFilter(db, 'org_id', slot('orgId')))
    .where(inList(db, 'id', slot('ids'))),
);

/** Reference, title and status of the organization's tasks among `ids` (labels, plans). */
export async function findTaskSummaries(db: Db, orgId: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return summariesOf(db, { orgId, ids });
}

/** Status, owner and due date of the organization's tasks among `ids` (checklists made of tasks). */
export async function findTaskStates(db: Db, orgId: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('tasks')
    .leftJoin('users', 'users.id', 'tasks.owner_id')
    .select([
      'tasks.id',
      'tasks.number',
      'tasks.status',
      'tasks.owner_id',
      'users.name as owner_name',
      'tasks.due_on',
    ])
    .where('tasks.org_id', '=', orgId)
    .where('tasks.id', 'in', [...ids])
    .execute();
}
