import { v7 as uuidv7 } from 'uuid';
import type {
  TaskCompleteBody,
  TaskCreateBody,
  TaskQuery,
  TaskUpdateBody,
} from '../../../contracts/tasks';
import type { Database } from '../../db/schema';
import type { TasksTable } from './tables';
import { appendAuditEvent, type AuditContext } from '../../platform/audit/append';
import { changesOf, type AuditFields } from '../../platform/audit/changes';
import { requireActiveMember } from '../../platform/auth/members';
import type { AppDeps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { organizationToday } from '../../platform/org-calendar';
import { nextReferenceNumber } from '../../platform/references-repository';
import { createLinkIn, linksOf } from '../links/service';
import { notifyNewOwnerIn } from '../notifications/notify';
import { recordCompletionEvidenceIn } from './completion-evidence';
import { presentTask } from './presenter';
import { fromRrule, nextDueOn, toRrule } from './recurrence';
import { systemTaskOwnerIn } from './task-owner';
import {
  countActiveTasks,
  countUnownedActiveTasks,
  findOpenTaskTitled,
  findTask,
  insertTask,
  listTasks,
  updateTask,
  type TaskRow,
} from './repository';
import type { Kysely, Transaction } from 'kysely';

/** Who is asking: their user id, and whether they may see every task or only their own. */
export interface TaskViewer {
  userId: string;
  /** Workforce members see and complete their own tasks only. */
  seesAll: boolean;
}

function decodeCursor(cursor: string): { dueKey: string; number: number } {
  const [dueKey = '', number = ''] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const parsed = { dueKey, number: Number(number) };
  if (!/^\d{1,9}$/.test(number) || !/^\d{4}-\d\d-\d\d$/.test(parsed.dueKey)) {
    throw AppError.field('querystring.cursor', 'is not a cursor from a previous page');
  }
  return parsed;
}

function encodeCursor(row: TaskRow): string {
  return Buffer.from(`${row.due_key}|${row.number}`).toString('base64url');
}

export async function listTaskPage(
  deps: AppDeps,
  orgId: string,
  viewer: TaskViewer,
  query: TaskQuery,
) {
  const db = deps.database.db;
  const today = await organizationToday(db, deps.clock, orgId);
  const ownerId =
    !viewer.seesAll || query.ownerId === 'me'
      ? viewer.userId
      : query.ownerId === 'none'
        ? null
        : query.ownerId;
  const statuses: TasksTable['status'][] =
    query.status === undefined || query.status === 'active'
      ? ['open', 'in_progress']
      : [query.status];
  const rows = await listTasks(db, orgId, {
    statuses,
    ownerId,
    priority: query.priority,
    overdueBefore: query.overdue ? { today, overdue: query.overdue === 'true' } : undefined,
    linked:
      query.linkedType && query.linkedId
        ? { type: query.linkedType, id: query.linkedId }
        : undefined,
    q: query.q,
    after: query.cursor ? decodeCursor(query.cursor) : undefined,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    data: page.map((row) => presentTask(row, today)),
    nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null,
  };
}

async function visibleTask(deps: AppDeps, orgId: string, viewer: TaskViewer, taskId: string) {
  const row = await findTask(deps.database.db, orgId, taskId);
  if (!row || (!viewer.seesAll && row.owner_id !== viewer.userId)) {
    throw new AppError('not_found', 'No such task.');
  }
  return row;
}

export async function getTask(deps: AppDeps, orgId: string, viewer: TaskViewer, taskId: string) {
  const row = await visibleTask(deps, orgId, viewer, taskId);
  const today = await organizationToday(deps.database.db, deps.clock, orgId);
  return {
    ...presentTask(row, today),
    links: await linksOf(deps.database.db, deps, orgId, 'task', taskId),
  };
}

/** A task's owner must be able to complete it. */
const COMPLETES = { permission: 'tasks.complete', act: 'complete tasks' } as const;

/** Creates a task inside a caller's transaction (other features create tasks this way). */
export async function createTaskIn(
  trx: Transaction<Database>,
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  body: TaskCreateBody,
): Promise<string> {
  const now = deps.clock.now().toISOString();
  if (body.ownerId) {
    await requireActiveMember(trx, orgId, body.ownerId, 'body.ownerId', now, COMPLETES);
  }
  if (body.recurrence && !body.dueOn) {
    throw AppError.field('body.dueOn', 'is required for a recurring task');
  }
  const id = uuidv7();
  const row: Omit<TasksTable, 'due_key'> = {
    id,
    org_id: orgId,
    number: await nextReferenceNumber(trx, orgId, 'task'),
    title: body.title,
    description: body.description ?? '',
    owner_id: body.ownerId ?? null,
    due_on: body.dueOn ?? null,
    status: 'open',
    priority: body.priority ?? 'medium',
    recurrence: body.recurrence ? toRrule(body.recurrence) : null,
    completion_note: null,
    completed_at: null,
    completed_by: null,
    created_at: now,
    created_by: context.actor.type === 'user' ? context.actor.id : null,
    updated_at: now,
  };
  await insertTask(trx, row);
  await appendAuditEvent(trx, deps, context, {
    orgId,
    action: 'task.created',
    entity: { type: 'task', id },
    changes: {
      reference: { after: `TASK-${row.number}` },
      title: { after: row.title },
      ownerId: { after: row.owner_id },
      dueOn: { after: row.due_on },
      priority: { after: row.priority },
      recurrence: { after: row.recurrence },
    },
  });
  await notifyNewOwnerIn(trx, deps, context, {
    orgId,
    ownerId: row.owner_id,
    previousOwnerId: null,
    record: { type: 'task', id },
    title: `TASK-${row.number} ${row.title}`,
    dueOn: row.due_on,
  });
  for (const [index, link] of (body.links ?? []).entries()) {
    await createLinkIn(
      trx,
      deps,
      context,
      orgId,
      { from: { type: 'task', id }, to: link },
      {
        from: 'body',
        to: `body.links.${index}`,
      },
    );
  }
  return id;
}

export async function createTask(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  viewer: TaskViewer,
  body: TaskCreateBody,
) {
  const id = await deps.database.db
    .transaction()
    .execute((trx) => createTaskIn(trx, deps, context, orgId, body));
  return getTask(deps, orgId, viewer, id);
}

const FIELDS: [keyof TaskUpdateBody, keyof TasksTable][] = [
  ['title', 'title'],
  ['description', 'description'],
  ['ownerId', 'owner_id'],
  ['dueOn', 'due_on'],
  ['priority', 'priority'],
  ['status', 'status'],
];
const AUDITED: AuditFields<TasksTable> = {
  ...Object.fromEntries(FIELDS),
  recurrence: 'recurrence',
};

export async function changeTask(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  viewer: TaskViewer,
  taskId: string,
  body: TaskUpdateBody,
) {
  await deps.database.db.transaction().execute(async (trx) => {
    const before = await findTask(trx, orgId, taskId);
    if (!before) {
      throw new AppError('not_found', 'No such task.');
    }
    if (before.status === 'done') {
      throw new AppError('conflict', 'A completed task is a record: it cannot be changed.');
    }
    // Reassigning hands the work to someone who can still sign in (164.308(a)(3)(ii)(C)).
    if (body.ownerId && body.ownerId !== before.owner_id) {
      await requireActiveMember(
        trx,
        orgId,
        body.ownerId,
        'body.ownerId',
        deps.clock.now().toISOString(),
        COMPLETES,
      );
    }
    const values: Partial<TasksTable> = {};
    for (const [field, column] of FIELDS) {
      if (body[field] !== undefined) Object.assign(values, { [column]: body[field] });
    }
    if (body.recurrence !== undefined) {
      values.recurrence = body.recurrence ? toRrule(body.recurrence) : null;
    }
    if ((values.recurrence ?? before.recurrence) && !(values.due_on ?? before.due_on)) {
      throw AppError.field('body.dueOn', 'is required for a recurring task');
    }
    const changes = changesOf(before, values, AUDITED);
    if (Object.keys(changes).length === 0) {
      return;
    }
    await updateTask(trx, orgId, taskId, { ...values, updated_at: deps.clock.now().toISOString() });
    await appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'task.changed',
      entity: { type: 'task', id: taskId },
      changes,
    });
    await notifyNewOwnerIn(trx, deps, context, {
      orgId,
      ownerId: values.owner_id,
      previousOwnerId: before.owner_id,
      record: { type: 'task', id: taskId },
      title: `TASK-${before.number} ${values.title ?? before.title}`,
      dueOn: values.due_on === undefined ? before.due_on : values.due_on,
    });
  });
  return getTask(deps, orgId, viewer, taskId);
}

/**
 * Completes a task with its note and evidence; a recurring task gets its next occurrence, due
 * on the rule's next date after this one, carrying over its links.
 */
export async function completeTask(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  viewer: TaskViewer,
  taskId: string,
  body: TaskCompleteBody,
) {
  const nextId = await deps.database.db.transaction().execute(async (trx) => {
    const task = await findTask(trx, orgId, taskId);
    if (!task || (!viewer.seesAll && task.owner_id !== viewer.userId)) {
      throw new AppError('not_found', 'No such task.');
    }
    if (task.status === 'done' || task.status === 'cancelled') {
      throw new AppError(
        'conflict',
        `This task is already ${task.status === 'done' ? 'done' : 'cancelled'}.`,
      );
    }
    const now = deps.clock.now().toISOString();
    await updateTask(trx, orgId, taskId, {
      status: 'done',
      completion_note: body.note ?? null,
      completed_at: now,
      completed_by: viewer.userId,
      updated_at: now,
    });
    await appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'task.completed',
      entity: { type: 'task', id: taskId },
      changes: {
        status: { before: task.status, after: 'done' },
        completionNote: { after: body.note ?? null },
        evidenceUrl: { after: body.evidenceUrl ?? null },
      },
    });
    // The next occurrence carries the task's links, not this occurrence's evidence.
    const links = await linksOf(trx, deps, orgId, 'task', taskId);
    if (body.evidenceUrl !== undefined) {
      await recordCompletionEvidenceIn(trx, deps, context, orgId, task, body.evidenceUrl);
    }
    if (!task.recurrence || !task.due_on) {
      return null;
    }
    // The next occurrence stays with its owner while their access lasts (issue 12).
    const ownerId = await systemTaskOwnerIn(trx, deps, context, orgId, {
      recordOwnerId: task.owner_id,
    });
    return createTaskIn(trx, deps, context, orgId, {
      title: task.title,
      description: task.description,
      ownerId,
      dueOn: nextDueOn(task.recurrence, task.due_on),
      priority: task.priority,
      recurrence: fromRrule(task.recurrence),
      links: links.map((link) => ({ type: link.type, id: link.targetId })),
    });
  });
  return {
    task: await getTask(deps, orgId, viewer, taskId),
    next: nextId ? await getTask(deps, orgId, { ...viewer, seesAll: true }, nextId) : null,
  };
}

/**
 * Closes an open task in a caller's transaction when what it asked for happened (or became moot)
 * elsewhere: the acceptance of a risk, approved or withdrawn, closes the task that asked for it.
 */
export async function closeTaskIn(
  trx: Transaction<Database>,
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  taskId: string,
  outcome: { status: 'done'; note: string } | { status: 'cancelled' },
): Promise<void> {
  const task = await findTask(trx, orgId, taskId);
  if (!task || task.status === 'done' || task.status === 'cancelled') return;
  const now = deps.clock.now().toISOString();
  if (outcome.status === 'cancelled') {
    await updateTask(trx, orgId, taskId, { status: 'cancelled', updated_at: now });
    await appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'task.changed',
      entity: { type: 'task', id: taskId },
      changes: { status: { before: task.status, after: 'cancelled' } },
    });
    return;
  }
  await updateTask(trx, orgId, taskId, {
    status: 'done',
    completion_note: outcome.note,
    completed_at: now,
    completed_by: context.actor.type === 'user' ? context.actor.id : null,
    updated_at: now,
  });
  await appendAuditEvent(trx, deps, context, {
    orgId,
    action: 'task.completed',
    entity: { type: 'task', id: taskId },
    changes: {
      status: { before: task.status, after: 'done' },
      completionNote: { after: outcome.note },
    },
  });
}

/** Task counts and my next five, for the dashboard. */
export async function taskSummary(deps: AppDeps, orgId: string, userId: string) {
  const db = deps.database.db;
  const today = await organizationToday(db, deps.clock, orgId);
  const counts = await countActiveTasks(db, orgId, today, userId);
  const mine = await listTasks(db, orgId, {
    statuses: ['open', 'in_progress'],
    ownerId: userId,
    limit: 5,
  });
  return { ...counts, mine: mine.map((row) => presentTask(row, today)) };
}

/** Active tasks nobody owns (all, and high or critical), for those who assign them. */
export async function unownedTaskCounts(deps: AppDeps, orgId: string) {
  return countUnownedActiveTasks(deps.database.db, orgId);
}

/** The open task with exactly this title, its id and when it was raised (a reminder is not raised twice). */
export async function openTaskTitled(
  db: Kysely<Database> | Transaction<Database>,
  orgId: string,
  title: string,
) {
  return findOpenTaskTitled(db, orgId, title);
}
