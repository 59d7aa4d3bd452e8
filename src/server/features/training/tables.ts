import type { CourseKind, TrainingFrequency } from '../../../contracts/training';

// The training tables' rows, added to the database type (Kysely's `Database`) from here, so that a
// feature brings its own tables without editing src/server/db/schema.ts.
declare module '../../db/schema' {
  interface Database {
    training_courses: TrainingCoursesTable;
    training_assignments: TrainingAssignmentsTable;
    training_audience: TrainingAudienceTable;
    training_person_assignments: TrainingPersonAssignmentsTable;
    training_attempts: TrainingAttemptsTable;
  }
}

/** An organization's external course (built-in modules live in content/training). */
export interface TrainingCoursesTable {
  id: string;
  org_id: string;
  title: string;
  summary: string;
  url: string | null;
  evidence_id: string | null;
  created_at: string;
  created_by: string | null;
}

/** A rule: this course, for this audience, this often, due so many days after it is asked. */
export interface TrainingAssignmentsTable {
  id: string;
  org_id: string;
  course_kind: CourseKind;
  /** The module's id (kebab-case) or the external course's id. */
  course_key: string;
  course_title: string;
  frequency: TrainingFrequency;
  due_days: number;
  created_on: string;
  created_at: string;
  created_by: string | null;
  ended_at: string | null;
}

/** One row per role, department or roster person of an assignment's audience. */
export interface TrainingAudienceTable {
  id: string;
  org_id: string;
  assignment_id: string;
  role: string | null;
  department_id: string | null;
  person_id: string | null;
}

/** One person's training for one assignment and cycle (cycle 1, 2… for yearly training). */
export interface TrainingPersonAssignmentsTable {
  id: string;
  org_id: string;
  assignment_id: string;
  person_id: string;
  course_key: string;
  cycle: number;
  /** 1 for the newest cycle of its assignment and person: the one the completion rates count. */
  is_current: number;
  assigned_on: string;
  due_on: string;
  started_at: string | null;
  failed_attempts: number;
  completed_at: string | null;
  completed_on: string | null;
  score: number | null;
  completed_by: string | null;
  certificate_evidence_id: string | null;
  created_at: string;
}

/** One quiz drawn for a person: its seed and the questions drawn, then the answers' score. */
export interface TrainingAttemptsTable {
  id: string;
  org_id: string;
  person_assignment_id: string;
  module_id: string;
  seed: string;
  /** JSON array of the drawn question ids, in order. */
  question_ids: string;
  started_at: string;
  submitted_at: string | null;
  score: number | null;
  passed: number | null;
}
