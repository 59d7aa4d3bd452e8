import { sql, type Kysely } from 'kysely';
import { columnTypes } from '../../platform/db/dialect';

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(',');
const PROTECTION = list(['yes', 'partial', 'no', 'unknown', 'not_applicable']);

// The asset inventory: where ePHI lives (164.308(a)(1)(ii)(A)), with criticality (164.308(a)(7)(ii)(E)).
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);
  const kinds = list([
    'application',
    'server',
    'workstation',
    'mobile_device',
    'medical_device',
    'network_device',
    'cloud_service',
    'removable_media',
    'facility',
    'workflow',
  ]);
  await db.schema
    .createTable('assets')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('org_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql.raw(`kind in (${kinds})`)))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('owner_id', t.id, (c) => c.references('users.id'))
    .addColumn('location', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('vendor', 'text', (c) => c.notNull().defaultTo(''))
    // JSON array of creates/receives/maintains/transmits; holds_ephi = 1 when it is not empty.
    .addColumn('ephi_roles', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('holds_ephi', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('record_count', 'integer')
    .addColumn('criticality', 'text', (c) =>
      c
        .notNull()
        .check(sql.raw(`criticality in (${list(['low', 'moderate', 'high', 'critical'])})`)),
    )
    .addColumn('encryption_at_rest', 'text', (c) =>
      c.notNull().check(sql.raw(`encryption_at_rest in (${PROTECTION})`)),
    )
    .addColumn('encryption_in_transit', 'text', (c) =>
      c.notNull().check(sql.raw(`encryption_in_transit in (${PROTECTION})`)),
    )
    .addColumn('mfa', 'text', (c) => c.notNull().check(sql.raw(`mfa in (${PROTECTION})`)))
    .addColumn('backup', 'text', (c) => c.notNull().check(sql.raw(`backup in (${PROTECTION})`)))
    .addColumn('lifecycle', 'text', (c) =>
      c
        .notNull()
        .check(sql.raw(`lifecycle in (${list(['planned', 'active', 'retired', 'disposed'])})`)),
    )
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addUniqueConstraint('assets_org_number_unique', ['org_id', 'number'])
    .execute();
  await db.schema
    .createIndex('assets_org_kind_idx')
    .on('assets')
    .columns(['org_id', 'kind', 'number'])
    .execute();
  await db.schema
    .createIndex('assets_org_ephi_idx')
    .on('assets')
    .columns(['org_id', 'holds_ephi', 'number'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('assets').execute();
}
