import type { Task } from '../../../contracts/tasks';

/** The feature's tables, added to Kysely's `Database` (db/schema.ts) by augmentation. */
declare module '../../db/schema' {
  interface Database {
    tasks: TasksTable;
  }
}

export interface TasksTable {
  id: string;
  org_id: string;
  number: number;
  title: string;
  description: string;
  owner_id: string | null;
  due_on: string | null;
  /** due_on, or 9999-12-31 when undated (the list's sort key). */
  due_key: string;
  status: Task['status'];
  priority: Task['priority'];
  recurrence: string | null;
  completion_note: string | null;
  completed_at: string | null;
  completed_by: string | null;
  created_at: string;
  created_by: string | null;
  updated_at: string;
}
