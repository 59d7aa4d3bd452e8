import { sql, type Kysely } from 'kysely';
import { columnTypes } from '../../../platform/db/dialect';

// Access reviews (164.308(a)(4)(ii)(C)): one per system and period, with its reviewer, and one item
// per account reviewed. A completed review is a record: its report is kept in the evidence vault
// (`report_evidence_id`, no foreign key: the vault removes items after retention on its own).
// A released migration never changes: add another.
const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(',');

export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('access_reviews')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('org_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('asset_id', t.id, (c) => c.notNull())
    .addColumn('reviewer_id', t.id, (c) => c.notNull().references('users.id'))
    .addColumn('period_start', t.date, (c) => c.notNull())
    .addColumn('period_end', t.date, (c) => c.notNull())
    .addColumn('due_on', t.date, (c) => c.notNull())
    .addColumn('recurrence', 'text', (c) =>
      c
        .notNull()
        .check(sql.raw(`recurrence in (${list(['none', 'quarterly', 'half_yearly', 'yearly'])})`)),
    )
    .addColumn('source', 'text', (c) =>
      c.notNull().check(sql.raw(`source in (${list(['csv', 'grants'])})`)),
    )
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql.raw(`status in (${list(['open', 'completed'])})`)),
    )
    .addColumn('previous_id', t.id)
    .addColumn('completed_at', t.instant)
    .addColumn('completed_by', t.id, (c) => c.references('users.id'))
    .addColumn('report_evidence_id', t.id)
    .addColumn('created_by', t.id, (c) => c.references('users.id'))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addUniqueConstraint('access_reviews_org_number_unique', ['org_id', 'number'])
    // A recurring review is repeated once, whoever runs the scheduler (two processes).
    .addUniqueConstraint('access_reviews_previous_unique', ['org_id', 'previous_id'])
    .addCheckConstraint('access_reviews_period', sql`period_end >= period_start`)
    .execute();
  await db.schema
    .createIndex('access_reviews_org_status_due')
    .on('access_reviews')
    .columns(['org_id', 'status', 'due_on'])
    .execute();
  await db.schema
    .createTable('access_review_items')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('org_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('review_id', t.id, (c) => c.notNull().references('access_reviews.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('account', 'text', (c) => c.notNull())
    .addColumn('person_text', 'text', (c) => c.notNull())
    .addColumn('access_level', 'text', (c) => c.notNull())
    .addColumn('person_id', t.id)
    .addColumn('matched_by', 'text', (c) =>
      c.check(sql.raw(`matched_by in (${list(['email', 'employee_id', 'name', 'grant'])})`)),
    )
    .addColumn('left_before_period', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('grant_id', t.id)
    .addColumn('decision', 'text', (c) =>
      c.check(sql.raw(`decision in (${list(['keep', 'modify', 'revoke'])})`)),
    )
    .addColumn('comment', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('decided_by', t.id, (c) => c.references('users.id'))
    .addColumn('decided_at', t.instant)
    .addColumn('task_id', t.id)
    .addUniqueConstraint('access_review_items_position_unique', ['review_id', 'position'])
    .execute();
  await db.schema
    .createIndex('access_review_items_org_review')
    .on('access_review_items')
    .columns(['org_id', 'review_id', 'position'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('access_review_items').execute();
  await db.schema.dropTable('access_reviews').execute();
}
