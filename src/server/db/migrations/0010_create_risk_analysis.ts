import { sql, type Kysely } from 'kysely';
import { columnTypes } from '../../platform/db/dialect';

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(',');

// The risk analysis and risk management of 164.308(a)(1)(ii)(A)–(B): data flows between assets,
// the organization's own threats, assessments, the living risk register and stored reports.
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);

  // JSON risk matrix the organization chose; null means the default (SP 800-30 5×5).
  await db.schema.alterTable('organizations').addColumn('risk_matrix', 'text').execute();

  await db.schema
    .createTable('data_flows')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('org_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('from_asset_id', t.id, (c) => c.notNull().references('assets.id'))
    .addColumn('to_asset_id', t.id, (c) => c.notNull().references('assets.id'))
    .addColumn('ephi', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('protocol', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('encrypted', 'text', (c) =>
      c.notNull().check(sql.raw(`encrypted in (${list(['yes', 'no', 'unknown'])})`)),
    )
    .addColumn('external', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addUniqueConstraint('data_flows_org_number_unique', ['org_id', 'number'])
    .execute();

  await db.schema
    .createTable('risk_library_items')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('org_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql.raw(`kind in (${list(['threat', 'vulnerability'])})`)),
    )
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    // Threats: adversarial/accidental/structural/environmental. Vulnerabilities: null.
    .addColumn('source_type', 'text')
    // JSON arrays: citations a vulnerability suggests; vulnerabilities a threat exploits.
    .addColumn('requirements', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('vulnerabilities', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addUniqueConstraint('risk_library_items_org_key_unique', ['org_id', 'key'])
    .execute();

  await db.schema
    .createTable('risk_assessments')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('org_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('method', 'text', (c) => c.notNull().defaultTo(''))
    // JSON array of { name, role }.
    .addColumn('participants', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('starts_on', t.date)
    .addColumn('ends_on', t.date)
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql.raw(`status in (${list(['draft', 'in_review', 'approved'])})`)),
    )
    .addColumn('based_on_id', t.id, (c) => c.references('risk_assessments.id'))
    .addColumn('submitted_at', t.instant)
    .addColumn('submitted_by', t.id, (c) => c.references('users.id'))
    .addColumn('approved_at', t.instant)
    .addColumn('approved_by', t.id, (c) => c.references('users.id'))
    .addColumn('approval_note', 'text')
    // Frozen on approval: the matrix used and the register as it stood (JSON).
    .addColumn('matrix', 'text')
    .addColumn('snapshot', 'text')
    // Open risks per level at approval (JSON), so the trend never parses snapshots.
    .addColumn('level_counts', 'text')
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('created_by', t.id, (c) => c.references('users.id'))
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addUniqueConstraint('risk_assessments_org_number_unique', ['org_id', 'number'])
    .execute();

  await db.schema
    .createTable('risks')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('org_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql.raw(`status in (${list(['open', 'closed'])})`)),
    )
    .addColumn('owner_id', t.id, (c) => c.references('users.id'))
    .addColumn('threat_id', 'text')
    .addColumn('vulnerability_id', 'text')
    // Indexes into the organization's matrix scales (lowest = 0); level = matrix cell.
    .addColumn('likelihood', 'integer')
    .addColumn('impact', 'integer')
    .addColumn('inherent_level', 'integer')
    .addColumn('rating_rationale', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('treatment', 'text', (c) =>
      c.check(sql.raw(`treatment in (${list(['mitigate', 'accept', 'transfer', 'avoid'])})`)),
    )
    .addColumn('treatment_plan', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('residual_likelihood', 'integer')
    .addColumn('residual_impact', 'integer')
    .addColumn('residual_level', 'integer')
    .addColumn('residual_rationale', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('accepted_by', t.id, (c) => c.references('users.id'))
    .addColumn('accepted_on', t.date)
    .addColumn('acceptance_expires_on', t.date)
    .addColumn('identified_on', t.date, (c) => c.notNull())
    .addColumn('last_reviewed_on', t.date)
    .addColumn('next_review_on', t.date)
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addUniqueConstraint('risks_org_number_unique', ['org_id', 'number'])
    .execute();
  await db.schema
    .createIndex('risks_org_status_idx')
    .on('risks')
    .columns(['org_id', 'status', 'number'])
    .execute();
  // Covering indexes for the heat maps (open risks counted per likelihood × impact).
  await db.schema
    .createIndex('risks_org_rating_idx')
    .on('risks')
    .columns(['org_id', 'status', 'likelihood', 'impact'])
    .execute();
  await db.schema
    .createIndex('risks_org_residual_idx')
    .on('risks')
    .columns(['org_id', 'status', 'residual_likelihood', 'residual_impact'])
    .execute();
  await db.schema
    .createIndex('risks_org_level_idx')
    .on('risks')
    .columns(['org_id', 'inherent_level', 'number'])
    .execute();

  await db.schema
    .createTable('risk_assets')
    .addColumn('org_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('risk_id', t.id, (c) => c.notNull().references('risks.id'))
    .addColumn('asset_id', t.id, (c) => c.notNull().references('assets.id'))
    .addPrimaryKeyConstraint('risk_assets_pk', ['risk_id', 'asset_id'])
    .execute();
  await db.schema
    .createIndex('risk_assets_asset_idx')
    .on('risk_assets')
    .columns(['asset_id'])
    .execute();

  // The report of an approved assessment: immutable, with its SHA-256 (164.316(b)(1)).
  await db.schema
    .createTable('risk_reports')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('org_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('assessment_id', t.id, (c) => c.notNull().unique().references('risk_assessments.id'))
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('content', t.bytes, (c) => c.notNull())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'risk_reports',
    'risk_assets',
    'risks',
    'risk_assessments',
    'risk_library_items',
    'data_flows',
  ]) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.alterTable('organizations').dropColumn('risk_matrix').execute();
}
