import type { Kysely } from 'kysely';

// The completion report (164.308(a)(5)) counts the current cycles of an organization per course and
// per person: 160,000 rows at 20,000 people × 8 courses. Both counts read only these indexes, never
// the table (completed_at and due_on decide completed and overdue). A released migration never
// changes: add another.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('training_person_assignments_report_idx').execute();
  await db.schema
    .createIndex('training_person_assignments_course_rates_idx')
    .on('training_person_assignments')
    .columns(['org_id', 'is_current', 'course_key', 'person_id', 'completed_at', 'due_on'])
    .execute();
  await db.schema
    .createIndex('training_person_assignments_person_rates_idx')
    .on('training_person_assignments')
    .columns(['org_id', 'is_current', 'person_id', 'completed_at', 'due_on'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('training_person_assignments_person_rates_idx').execute();
  await db.schema.dropIndex('training_person_assignments_course_rates_idx').execute();
  await db.schema
    .createIndex('training_person_assignments_report_idx')
    .on('training_person_assignments')
    .columns(['org_id', 'is_current', 'course_key', 'person_id'])
    .execute();
}
