import type { Kysely } from 'kysely';
import { columnTypes } from '../../../platform/db/dialect';

// Security awareness training (164.308(a)(5)): external courses, assignments and their audience,
// each person's training per cycle, and each quiz attempt. A released migration never changes.
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('training_courses')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('org_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('url', 'text')
    // Evidence ids without a foreign key: the evidence feature deletes its items (after their
    // retention) without knowing who names them; a removed file reads as no file.
    .addColumn('evidence_id', t.id)
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('created_by', t.id, (c) => c.references('users.id'))
    .execute();
  await db.schema
    .createIndex('training_courses_org_idx')
    .on('training_courses')
    .column('org_id')
    .execute();
  await db.schema
    .createTable('training_assignments')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('org_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('course_kind', 'text', (c) => c.notNull())
    .addColumn('course_key', 'text', (c) => c.notNull())
    .addColumn('course_title', 'text', (c) => c.notNull())
    .addColumn('frequency', 'text', (c) => c.notNull())
    .addColumn('due_days', 'integer', (c) => c.notNull())
    .addColumn('created_on', 'text', (c) => c.notNull())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('created_by', t.id, (c) => c.references('users.id'))
    .addColumn('ended_at', t.instant)
    .execute();
  await db.schema
    .createIndex('training_assignments_org_idx')
    .on('training_assignments')
    .column('org_id')
    .execute();
  await db.schema
    .createTable('training_audience')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('org_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('assignment_id', t.id, (c) => c.notNull().references('training_assignments.id'))
    .addColumn('role', 'text')
    .addColumn('department_id', t.id, (c) => c.references('departments.id'))
    .addColumn('person_id', t.id, (c) => c.references('people.id'))
    .execute();
  await db.schema
    .createIndex('training_audience_org_assignment_idx')
    .on('training_audience')
    .columns(['org_id', 'assignment_id'])
    .execute();
  await db.schema
    .createTable('training_person_assignments')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('org_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('assignment_id', t.id, (c) => c.notNull().references('training_assignments.id'))
    .addColumn('person_id', t.id, (c) => c.notNull().references('people.id'))
    .addColumn('course_key', 'text', (c) => c.notNull())
    .addColumn('cycle', 'integer', (c) => c.notNull())
    .addColumn('is_current', 'integer', (c) => c.notNull())
    .addColumn('assigned_on', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('started_at', t.instant)
    .addColumn('failed_attempts', 'integer', (c) => c.notNull())
    .addColumn('completed_at', t.instant)
    .addColumn('completed_on', 'text')
    .addColumn('score', 'integer')
    .addColumn('completed_by', t.id, (c) => c.references('users.id'))
    .addColumn('certificate_evidence_id', t.id)
    .addColumn('created_at', t.instant, (c) => c.notNull())
    // One row per assignment, person and cycle, however many sweeps run at once.
    .addUniqueConstraint('training_person_assignments_cycle_unique', [
      'assignment_id',
      'person_id',
      'cycle',
    ])
    .execute();
  // The completion report groups the current cycles of an organization (20,000 people × 8 courses).
  await db.schema
    .createIndex('training_person_assignments_report_idx')
    .on('training_person_assignments')
    .columns(['org_id', 'is_current', 'course_key', 'person_id'])
    .execute();
  await db.schema
    .createIndex('training_person_assignments_person_idx')
    .on('training_person_assignments')
    .columns(['org_id', 'person_id'])
    .execute();
  await db.schema
    .createTable('training_attempts')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('org_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('person_assignment_id', t.id, (c) =>
      c.notNull().references('training_person_assignments.id'),
    )
    .addColumn('module_id', 'text', (c) => c.notNull())
    .addColumn('seed', 'text', (c) => c.notNull())
    .addColumn('question_ids', 'text', (c) => c.notNull())
    .addColumn('started_at', t.instant, (c) => c.notNull())
    .addColumn('submitted_at', t.instant)
    .addColumn('score', 'integer')
    .addColumn('passed', 'integer')
    .execute();
  await db.schema
    .createIndex('training_attempts_org_assignment_idx')
    .on('training_attempts')
    .columns(['org_id', 'person_assignment_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('training_attempts').execute();
  await db.schema.dropTable('training_person_assignments').execute();
  await db.schema.dropTable('training_audience').execute();
  await db.schema.dropTable('training_assignments').execute();
  await db.schema.dropTable('training_courses').execute();
}
