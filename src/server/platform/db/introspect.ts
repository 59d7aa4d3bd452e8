import { sql, type Kysely } from 'kysely';
import { isPostgres } from './dialect';

/**
 * A plain-text description of the database schema (tables, columns, constraints, indexes,
 * triggers), stable across runs, for the committed schema snapshots.
 */
export async function describeSchema<DB>(db: Kysely<DB>): Promise<string> {
  return isPostgres(db) ? describePostgres(db) : describeSqlite(db);
}

async function describeSqlite<DB>(db: Kysely<DB>): Promise<string> {
  const { rows } = await sql<{ type: string; name: string; sql: string | null }>`
    select type, name, sql from sqlite_master
    where name not like 'sqlite_%' order by tbl_name, type desc, name`.execute(db);
  return rows
    .filter((r) => r.sql !== null)
    .map((r) => `-- ${r.type} ${r.name}\n${r.sql ?? ''};\n`)
    .join('\n');
}

async function describePostgres<DB>(db: Kysely<DB>): Promise<string> {
  const columns = await sql<{
    table_name: string;
    column_name: string;
    data_type: string;
    is_nullable: string;
    column_default: string | null;
  }>`
    select table_name, column_name, data_type, is_nullable, column_default
    from information_schema.columns where table_schema = current_schema()
    order by table_name, ordinal_position`.execute(db);
  const constraints = await sql<{ table_name: string; name: string; definition: string }>`
    select rel.relname as table_name, con.conname as name, pg_get_constraintdef(con.oid) as definition
    from pg_constraint con join pg_class rel on rel.oid = con.conrelid
    join pg_namespace ns on ns.oid = rel.relnamespace
    where ns.nspname = current_schema() order by rel.relname, con.conname`.execute(db);
  const indexes = await sql<{ table_name: string; definition: string }>`
    select tablename as table_name, indexdef as definition from pg_indexes
    where schemaname = current_schema() order by tablename, indexname`.execute(db);
  const triggers = await sql<{ table_name: string; definition: string }>`
    select rel.relname as table_name, pg_get_triggerdef(t.oid) as definition
    from pg_trigger t join pg_class rel on rel.oid = t.tgrelid
    join pg_namespace ns on ns.oid = rel.relnamespace
    where ns.nspname = current_schema() and not t.tgisinternal order by rel.relname, t.tgname`.execute(
    db,
  );

  const tables = [...new Set(columns.rows.map((c) => c.table_name))];
  return tables
    .map((table) => {
      const lines = [`table ${table}`];
      for (const c of columns.rows.filter((r) => r.table_name === table)) {
        const nullable = c.is_nullable === 'YES' ? 'null' : 'not null';
        const dflt = c.column_default === null ? '' : ` default ${c.column_default}`;
        lines.push(`  column ${c.column_name} ${c.data_type} ${nullable}${dflt}`);
      }
      for (const c of constraints.rows.filter((r) => r.table_name === table)) {
        lines.push(`  constraint ${c.name} ${c.definition}`);
      }
      for (const i of indexes.rows.filter((r) => r.table_name === table)) {
        lines.push(`  ${i.definition}`);
      }
      for (const t of triggers.rows.filter((r) => r.table_name === table)) {
        lines.push(`  ${t.definition}`);
      }
      return lines.join('\n') + '\n';
    })
    .join('\n');
}
