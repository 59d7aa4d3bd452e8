import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import ts from 'typescript';

/** What a column holds, as far as both databases and schema.ts can agree. */
export type ColumnKind = 'text' | 'number' | 'bytes';

export interface ColumnShape {
  name: string;
  kind: ColumnKind;
  nullable: boolean;
  /** The column's JSDoc, if any (JSON columns say so). */
  doc: string;
  /** The values of a column typed by a union of string literals (an enum column), sorted. */
  values: string[] | null;
}

function literalValues(type: ts.Type): string[] | null {
  const parts = (type.isUnion() ? type.types : [type]).filter(
    (t) => !(t.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined)),
  );
  const values = parts.map((t) => (t.isStringLiteral() ? t.value : null));
  return values.every((v) => v !== null) ? values.toSorted() : null;
}

const SCHEMA_FILE = path.join(import.meta.dirname, '../../src/server/db/schema.ts');
const FEATURES_DIR = path.join(import.meta.dirname, '../../src/server/features');

/** schema.ts and every feature's tables.ts, which adds its tables to `Database` by augmentation. */
function schemaFiles(): string[] {
  const tables = readdirSync(FEATURES_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(FEATURES_DIR, d.name, 'tables.ts')))
    .map((d) => path.join(FEATURES_DIR, d.name, 'tables.ts'));
  return [SCHEMA_FILE, ...tables];
}

function kindOf(type: ts.Type, where: string): ColumnKind {
  const parts = type.isUnion() ? type.types : [type];
  const kinds = new Set(
    parts
      .filter((t) => !(t.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined)))
      .map((t): ColumnKind | 'other' =>
        t.flags & ts.TypeFlags.StringLike
          ? 'text'
          : t.flags & ts.TypeFlags.NumberLike
            ? 'number'
            : t.getSymbol()?.getName() === 'Buffer'
              ? 'bytes'
              : 'other',
      ),
  );
  const [kind] = kinds;
  if (kinds.size !== 1 || kind === undefined || kind === 'other') {
    throw new Error(`${where}: a column is text, a number or bytes`);
  }
  return kind;
}

/**
 * The tables and columns `Database` declares (schema.ts and the features' tables.ts), read with the
 * TypeScript compiler (so enum columns typed by their contract union count as text), for the test
 * that compares them with the database.
 */
export function declaredSchema(): Map<string, ColumnShape[]> {
  const configFile = path.join(import.meta.dirname, '../../tsconfig.json');
  const config = ts.getParsedCommandLineOfConfigFile(
    configFile,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  );
  if (!config) throw new Error('tsconfig.json does not parse');
  const roots = schemaFiles();
  const program = ts.createProgram(roots, { ...config.options, noEmit: true });
  const problems = roots.flatMap((root) =>
    ts.getPreEmitDiagnostics(program, program.getSourceFile(root)),
  );
  if (problems.length > 0) {
    throw new Error(ts.flattenDiagnosticMessageText(problems[0]?.messageText, '\n'));
  }
  const checker = program.getTypeChecker();
  const file = program.getSourceFile(SCHEMA_FILE);
  const database = file?.statements.find(
    (s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === 'Database',
  );
  if (!database) throw new Error('schema.ts declares no Database interface');
  const tables = new Map<string, ColumnShape[]>();
  for (const table of checker.getTypeAtLocation(database).getProperties()) {
    const tableType = checker.getTypeOfSymbol(table);
    tables.set(
      table.getName(),
      tableType.getProperties().map((column) => {
        const type = checker.getTypeOfSymbol(column);
        const where = `${table.getName()}.${column.getName()}`;
        return {
          name: column.getName(),
          kind: kindOf(type, where),
          nullable: type.isUnion() && type.types.some((t) => t.flags & ts.TypeFlags.Null),
          doc: ts.displayPartsToString(column.getDocumentationComment(checker)),
          values: literalValues(type),
        };
      }),
    );
  }
  return tables;
}

/** The kind of a column type as Kysely's introspection names it (SQLite or PostgreSQL). */
export function kindOfDataType(dataType: string): ColumnKind | undefined {
  const type = dataType.toLowerCase();
  if (['text', 'uuid', 'timestamptz', 'date', 'varchar'].includes(type)) return 'text';
  if (['integer', 'int4', 'int8', 'bigint', 'real', 'float8', 'numeric'].includes(type)) {
    return 'number';
  }
  if (['blob', 'bytea'].includes(type)) return 'bytes';
  return undefined;
}

/**
 * The values each `CHECK (column IN (…))` constraint allows, by `table.column`, as SQLite stores
 * the constraint (`check (role in ('owner', …))`) or PostgreSQL shows it
 * (`CHECK ((role = ANY (ARRAY['owner'::text, …])))`).
 */
export async function checkedValues<DB>(
  db: Kysely<DB>,
  kind: 'sqlite' | 'postgres',
): Promise<Map<string, string[]>> {
  const found = new Map<string, string[]>();
  const literals = (text: string) => [...text.matchAll(/'([^']*)'/g)].map((m) => m[1] ?? '');
  if (kind === 'sqlite') {
    const { rows } = await sql<{ name: string; sql: string }>`
      select name, sql from sqlite_master where type = 'table' and sql is not null`.execute(db);
    for (const row of rows) {
      for (const m of row.sql.matchAll(/check \(\(?"?(\w+)"? in \(([^)]*)\)/gi)) {
        const values = literals(m[2] ?? '');
        // Flags (`in (0, 1)`) are numbers, not enums.
        if (values.length > 0) found.set(`${row.name}.${m[1] ?? ''}`, values.toSorted());
      }
    }
  } else {
    const { rows } = await sql<{ name: string; definition: string }>`
      select rel.relname as name, pg_get_constraintdef(con.oid) as definition
      from pg_constraint con join pg_class rel on rel.oid = con.conrelid
      join pg_namespace ns on ns.oid = rel.relnamespace
      where ns.nspname = current_schema() and con.contype = 'c'`.execute(db);
    for (const row of rows) {
      const m = /^CHECK \(\((\w+) = ANY \(ARRAY\[(.*)\]\)\)\)$/.exec(row.definition);
      const values = literals(m?.[2] ?? '');
      if (m && values.length > 0) found.set(`${row.name}.${m[1] ?? ''}`, values.toSorted());
    }
  }
  return found;
}
