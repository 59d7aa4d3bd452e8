import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { freshDatabases, testDatabaseKind } from '../../../test/support/database';
import {
  checkedValues,
  declaredSchema,
  kindOfDataType,
  type ColumnShape,
} from '../../../test/support/schema-shape';
import { JSON_COLUMNS } from '../platform/db/json-columns';
import { SQLITE_ONLY_TABLES, TABLE_OWNERS } from './table-owners';

const kind = testDatabaseKind();
const freshDatabase = freshDatabases();

interface Migrated {
  tables: Map<string, { name: string; dataType: string; isNullable: boolean }[]>;
  /** `table.column` → the values its CHECK (… IN …) constraint allows. */
  checked: Map<string, string[]>;
  /** SQLite lets a non-integer primary key hold NULL unless declared NOT NULL; the app never does. */
  primaryKeys: Set<string>;
}

async function migratedSchema(): Promise<Migrated> {
  const database = await freshDatabase();
  const db = database.handle.db;
  const tables = new Map(
    (await db.introspection.getTables()).map((t) => [t.name, t.columns] as const),
  );
  const primaryKeys = new Set<string>();
  if (kind === 'sqlite') {
    for (const table of tables.keys()) {
      const info = await sql<{ name: string; pk: number }>`
        select name, pk from pragma_table_info(${table})`.execute(db);
      for (const row of info.rows) if (row.pk > 0) primaryKeys.add(`${table}.${row.name}`);
    }
  }
  return { tables, primaryKeys, checked: await checkedValues(db, kind) };
}

// Enum columns the database constrains but schema.ts still types as string.
const UNTYPED_ENUMS: readonly string[] = [];

const line = (c: Pick<ColumnShape, 'name' | 'kind' | 'nullable'>) =>
  `${c.name} ${c.kind}${c.nullable ? ' null' : ''}`;

describe(`schema.ts against the migrated ${kind} database`, () => {
  let migrated: Migrated;
  let declared: Map<string, ColumnShape[]>;
  beforeAll(async () => {
    migrated = await migratedSchema();
    declared = declaredSchema();
    if (kind === 'postgres') {
      for (const table of SQLITE_ONLY_TABLES) declared.delete(table);
    }
  }, 60_000);

  it('declares every table, and only those', () => {
    expect([...declared.keys()].toSorted()).toEqual([...migrated.tables.keys()].toSorted());
    const owned = Object.keys(TABLE_OWNERS).filter(
      (table) => kind === 'sqlite' || !SQLITE_ONLY_TABLES.some((t) => t === table),
    );
    expect(owned.toSorted()).toEqual([...migrated.tables.keys()].toSorted());
  });

  it('declares each column with its kind and nullability', () => {
    const actual = Object.fromEntries(
      [...migrated.tables].map(([table, columns]) => [
        table,
        columns
          .map((c) => {
            const dataKind = kindOfDataType(c.dataType);
            if (!dataKind) throw new Error(`${table}.${c.name}: unknown type ${c.dataType}`);
            const nullable = c.isNullable && !migrated.primaryKeys.has(`${table}.${c.name}`);
            return line({ name: c.name, kind: dataKind, nullable });
          })
          .toSorted(),
      ]),
    );
    const expected = Object.fromEntries(
      [...declared].map(([table, columns]) => [table, columns.map(line).toSorted()]),
    );
    expect(actual).toEqual(expected);
  });

  it('reads every JSON column, documented as JSON in schema.ts, through json-columns.ts', () => {
    const documented = [...declared].flatMap(([table, columns]) =>
      columns.filter((c) => /^JSON\b/.test(c.doc)).map((c) => `${table}.${c.name}`),
    );
    const here = JSON_COLUMNS.filter(
      (column) => kind === 'sqlite' || !SQLITE_ONLY_TABLES.some((t) => column.startsWith(`${t}.`)),
    );
    expect(documented.toSorted()).toEqual(here.toSorted());
    for (const column of here) {
      const [table = '', name] = column.split('.');
      const stored = migrated.tables.get(table)?.find((c) => c.name === name);
      expect(stored && kindOfDataType(stored.dataType), column).toBe('text');
    }
  });

  it('types each constrained enum column by a union of exactly the values the database allows', () => {
    const typed = new Map<string, readonly string[]>(
      [...declared].flatMap(([table, columns]) =>
        columns.flatMap((c) => (c.values ? [[`${table}.${c.name}`, c.values] as const] : [])),
      ),
    );
    expect(migrated.checked.size).toBeGreaterThan(20);
    for (const [column, allowed] of migrated.checked) {
      if (UNTYPED_ENUMS.includes(column)) {
        expect(typed.get(column), `${column} is typed now: drop it from UNTYPED_ENUMS`).toBe(
          undefined,
        );
        continue;
      }
      expect(typed.get(column), column).toEqual(allowed);
    }
  });
});
