import type { ClearanceOutcome, PersonKind } from '../../../contracts/people-schemas';

// The roster's tables, added to the database type (Kysely's `Database`) from here, so that a
// feature brings its own tables without editing src/server/db/schema.ts.
declare module '../../db/schema' {
  interface Database {
    people: PeopleTable;
    departments: DepartmentsTable;
  }
}

export interface DepartmentsTable {
  id: string;
  org_id: string;
  name: string;
  name_key: string;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface PeopleTable {
  id: string;
  org_id: string;
  number: number;
  kind: PersonKind;
  name: string;
  email: string | null;
  email_key: string | null;
  employee_id: string | null;
  job_role: string;
  department_id: string | null;
  manager_id: string | null;
  location: string;
  start_date: string | null;
  end_date: string | null;
  clearance_outcome: ClearanceOutcome | null;
  clearance_date: string | null;
  clearance_note: string;
  authorization_note: string;
  supervision_note: string;
  user_id: string | null;
  created_at: string;
  updated_at: string;
}
