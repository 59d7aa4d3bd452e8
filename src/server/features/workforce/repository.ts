import type { ChecklistKind } from '../../../contracts/workforce';
import type { Db } from '../../platform/db/types';
import type {
  ChecklistTemplateItemsTable,
  PersonChecklistItemsTable,
  PersonChecklistsTable,
  WorkforceSettingsTable,
} from './tables';

// The only place that reads and writes the onboarding and termination tables (issue 11).

export async function findSettings(
  db: Db,
  orgId: string,
): Promise<WorkforceSettingsTable | undefined> {
  return db
    .selectFrom('workforce_settings')
    .selectAll()
    .where('org_id', '=', orgId)
    .executeTakeFirst();
}

export async function upsertSettings(trx: Db, row: WorkforceSettingsTable): Promise<void> {
  await trx
    .insertInto('workforce_settings')
    .values(row)
    .onConflict((oc) =>
      oc.column('org_id').doUpdateSet({
        termination_deadline_hours: row.termination_deadline_hours,
        onboarding_template_written: row.onboarding_template_written,
        termination_template_written: row.termination_template_written,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}

export async function listTemplateItems(
  db: Db,
  orgId: string,
): Promise<ChecklistTemplateItemsTable[]> {
  return db
    .selectFrom('checklist_template_items')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('kind')
    .orderBy('position')
    .execute();
}

export async function replaceTemplateItems(
  trx: Db,
  orgId: string,
  kind: ChecklistKind,
  rows: readonly ChecklistTemplateItemsTable[],
): Promise<void> {
  await trx
    .deleteFrom('checklist_template_items')
    .where('org_id', '=', orgId)
    .where('kind', '=', kind)
    .execute();
  if (rows.length > 0)
    await trx
      .insertInto('checklist_template_items')
      .values([...rows])
      .execute();
}

export async function findChecklist(
  db: Db,
  orgId: string,
  personId: string,
  kind: ChecklistKind,
): Promise<PersonChecklistsTable | undefined> {
  return db
    .selectFrom('person_checklists')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('person_id', '=', personId)
    .where('kind', '=', kind)
    .executeTakeFirst();
}

export async function insertChecklist(trx: Db, row: PersonChecklistsTable): Promise<void> {
  await trx.insertInto('person_checklists').values(row).execute();
}

export async function updateChecklist(
  trx: Db,
  orgId: string,
  id: string,
  values: Partial<PersonChecklistsTable>,
): Promise<void> {
  await trx
    .updateTable('person_checklists')
    .set(values)
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

export async function listChecklistItems(
  db: Db,
  orgId: string,
  checklistIds: readonly string[],
): Promise<PersonChecklistItemsTable[]> {
  if (checklistIds.length === 0) return [];
  return db
    .selectFrom('person_checklist_items')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('checklist_id', 'in', [...checklistIds])
    .orderBy('due_at')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function insertChecklistItem(trx: Db, row: PersonChecklistItemsTable): Promise<void> {
  await trx.insertInto('person_checklist_items').values(row).execute();
}

/** Termination items due before `before` of open checklists (the open ones among them: the caller asks the tasks). */
export async function listTerminationItemsDueBefore(db: Db, orgId: string, before: string) {
  return db
    .selectFrom('person_checklist_items')
    .innerJoin('person_checklists', (join) =>
      join
        .onRef('person_checklists.id', '=', 'person_checklist_items.checklist_id')
        .onRef('person_checklists.org_id', '=', 'person_checklist_items.org_id'),
    )
    .select([
      'person_checklist_items.id',
      'person_checklist_items.task_id',
      'person_checklist_items.title',
      'person_checklist_items.due_at',
      'person_checklists.person_id',
    ])
    .where('person_checklist_items.org_id', '=', orgId)
    .where('person_checklists.kind', '=', 'termination')
    .where('person_checklists.status', '=', 'open')
    .where('person_checklist_items.due_at', '<', before)
    .orderBy('person_checklist_items.due_at')
    .execute();
}

export async function findChecklistById(
  db: Db,
  orgId: string,
  id: string,
): Promise<PersonChecklistsTable | undefined> {
  return db
    .selectFrom('person_checklists')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function deleteChecklistItems(trx: Db, orgId: string, checklistId: string) {
  await trx
    .deleteFrom('person_checklist_items')
    .where('org_id', '=', orgId)
    .where('checklist_id', '=', checklistId)
    .execute();
}

export async function listChecklistsOf(db: Db, orgId: string, personId: string) {
  return db
    .selectFrom('person_checklists')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('person_id', '=', personId)
    .execute();
}

/** The termination item a task was raised for, if any, with its checklist's status. */
export async function findTerminationItemOfTask(db: Db, orgId: string, taskId: string) {
  return db
    .selectFrom('person_checklist_items')
    .innerJoin('person_checklists', (join) =>
      join
        .onRef('person_checklists.id', '=', 'person_checklist_items.checklist_id')
        .onRef('person_checklists.org_id', '=', 'person_checklist_items.org_id'),
    )
    .select(['person_checklist_items.item_key', 'person_checklists.status'])
    .where('person_checklist_items.org_id', '=', orgId)
    .where('person_checklist_items.task_id', '=', taskId)
    .where('person_checklists.kind', '=', 'termination')
    .executeTakeFirst();
}
