import type { ChecklistItemSource, ChecklistKind, EndReason } from '../../../contracts/workforce';

// Onboarding and termination (164.308(a)(3)(ii)(C)), added to Kysely's `Database` from here.
declare module '../../db/schema' {
  interface Database {
    checklist_template_items: ChecklistTemplateItemsTable;
    workforce_settings: WorkforceSettingsTable;
    person_checklists: PersonChecklistsTable;
    person_checklist_items: PersonChecklistItemsTable;
  }
}

export interface ChecklistTemplateItemsTable {
  id: string;
  org_id: string;
  kind: ChecklistKind;
  position: number;
  title: string;
  department_id: string | null;
  /** Lower-cased job role the item is for; null for every role. */
  job_role: string | null;
  created_at: string;
}

/** One row per organization that wrote its own templates or deadline. */
export interface WorkforceSettingsTable {
  org_id: string;
  termination_deadline_hours: number;
  /** 1 once the organization wrote its onboarding template (then the built-in set no longer applies). */
  onboarding_template_written: number;
  termination_template_written: number;
  updated_at: string;
}

export interface PersonChecklistsTable {
  id: string;
  org_id: string;
  person_id: string;
  kind: ChecklistKind;
  status: 'open' | 'undone';
  end_date: string | null;
  reason: EndReason | null;
  note: string;
  /** The person's end date before this checklist set it (restored by an undo). */
  previous_end_date: string | null;
  /** The membership's access_expires_at before the end of employment (restored by an undo). */
  previous_access_expires_at: string | null;
  membership_id: string | null;
  access_ends_at: string | null;
  started_at: string;
  started_by: string | null;
  updated_at: string;
}

export interface PersonChecklistItemsTable {
  id: string;
  org_id: string;
  checklist_id: string;
  /** What makes the item unique within its checklist: `account:<assetId>`, `devices`, `template:<title>`. */
  item_key: string;
  source: ChecklistItemSource;
  title: string;
  asset_id: string | null;
  task_id: string;
  due_at: string;
  created_at: string;
}
