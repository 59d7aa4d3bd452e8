import type { Kysely } from 'kysely';
import { columnTypes } from '../../../platform/db/dialect';

// The data-flow map's layout, one per organization: an asset's row holds where it was placed.
// A released migration never changes: add another.
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('data_flow_map_positions')
    .addColumn('org_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('asset_id', t.id, (c) => c.notNull().references('assets.id'))
    .addColumn('x', 'integer', (c) => c.notNull())
    .addColumn('y', 'integer', (c) => c.notNull())
    .addColumn('saved_at', t.instant, (c) => c.notNull())
    .addColumn('saved_by', t.id, (c) => c.references('users.id'))
    .addPrimaryKeyConstraint('data_flow_map_positions_pk', ['org_id', 'asset_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('data_flow_map_positions').execute();
}
