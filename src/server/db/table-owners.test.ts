import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { FEATURES } from '../features';
import {
  ALLOWED_READS,
  ALLOWED_WRITES,
  TABLE_OWNERS,
  tableOwners,
  type AllowedAccess,
} from './table-owners';

const FEATURES_DIR = path.resolve(import.meta.dirname, '../features');

const WRITES = new Set(['insertInto', 'replaceInto', 'updateTable', 'deleteFrom', 'mergeInto']);
const READS = new Set([
  'selectFrom',
  'innerJoin',
  'leftJoin',
  'rightJoin',
  'fullJoin',
  'crossJoin',
  'innerJoinLateral',
  'leftJoinLateral',
]);

interface Access {
  table: string;
  write: boolean;
  line: number;
  at: number;
}

/** Every table a source file names in a query (`selectFrom('tasks')`, `leftJoin('users as o')`…). */
function tableAccesses(source: string): Access[] {
  const file = ts.createSourceFile('repository.ts', source, ts.ScriptTarget.Latest, true);
  const found: Access[] = [];
  const visit = (node: ts.Node): void => {
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      (WRITES.has(node.expression.name.text) || READS.has(node.expression.name.text))
    ) {
      const method = node.expression.name.text;
      const [first] = node.arguments;
      const at = (first ?? node).getStart();
      const line = file.getLineAndCharacterOfPosition(at).line + 1;
      const names = !first
        ? []
        : ts.isStringLiteralLike(first)
          ? [first.text]
          : ts.isArrayLiteralExpression(first)
            ? first.elements.map((e) => (ts.isStringLiteralLike(e) ? e.text : '?'))
            : // A join on a subquery: the subquery's own selectFrom is visited below.
              READS.has(method) && method !== 'selectFrom' && ts.isArrowFunction(first)
              ? []
              : ['?'];
      for (const name of names) {
        found.push({
          table: name.split(/\s+as\s+/)[0] ?? name,
          write: WRITES.has(method),
          line,
          at,
        });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found.sort((a, b) => a.at - b.at);
}

/** Repository files of each feature folder. */
function repositoryFiles(): { feature: string; file: string }[] {
  return readdirSync(FEATURES_DIR, { recursive: true, encoding: 'utf8' })
    .filter(
      (f) =>
        !f.endsWith('.test.ts') &&
        (/(^|\/)repository\.ts$/.test(f) ||
          /(^|\/)repository\/[^/]+\.ts$/.test(f) ||
          f.endsWith('-repository.ts')),
    )
    .map((f) => ({ feature: f.split('/')[0] ?? f, file: f }));
}

function allowed(list: readonly AllowedAccess[], owners: readonly string[], table: string) {
  return list.some((a) => a.table === table && a.by.some((by) => owners.includes(by)));
}

/** What a feature's repository may not do: each problem as `file:line verb table`. */
function ownershipProblems(feature: string, file: string, source: string): string[] {
  const owners = [feature];
  const problems: string[] = [];
  for (const { table, write, line } of tableAccesses(source)) {
    const where = `${file}:${line}`;
    const owner = TABLE_OWNERS[table];
    if (owner === undefined) {
      problems.push(`${where} names "${table}", which is no table of table-owners.ts`);
      continue;
    }
    if (owners.includes(owner)) continue;
    // A feature allowed to write a table may read it too.
    if (
      allowed(ALLOWED_WRITES, owners, table) ||
      (!write && allowed(ALLOWED_READS, owners, table))
    ) {
      continue;
    }
    problems.push(`${where} ${write ? 'writes' : 'reads'} ${table}, owned by ${owner}`);
  }
  return problems;
}

describe('each table has one owning feature', () => {
  const files = repositoryFiles();

  it('finds the repositories and the tables they name', () => {
    const features = new Set(files.map((f) => f.feature));
    expect([...features].toSorted()).toEqual(
      expect.arrayContaining(['assets', 'links', 'risks', 'safeguards', 'tasks']),
    );
    const tasks = files.find((f) => f.file === 'tasks/repository.ts');
    const source = readFileSync(path.join(FEATURES_DIR, 'tasks/repository.ts'), 'utf8');
    expect(tasks).toBeDefined();
    expect(tableAccesses(source).map((a) => a.table)).toEqual(
      expect.arrayContaining(['tasks', 'users', 'record_links']),
    );
  });

  it("lets no feature's repository touch another feature's table, beyond the allowed list", () => {
    const problems = files.flatMap(({ feature, file }) =>
      ownershipProblems(feature, file, readFileSync(path.join(FEATURES_DIR, file), 'utf8')),
    );
    expect(problems).toEqual([]);
  });

  it('owners are feature folders or the platform', () => {
    const folders = readdirSync(FEATURES_DIR, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name);
    const known = new Set(['platform', ...folders]);
    for (const owner of Object.values(TABLE_OWNERS)) {
      expect(known, owner).toContain(owner);
    }
    for (const access of [...ALLOWED_READS, ...ALLOWED_WRITES]) {
      expect(access.reason.length, access.table).toBeGreaterThan(20);
      for (const by of access.by) {
        expect(known, `${access.table} by ${by}`).toContain(by);
        expect(TABLE_OWNERS[access.table], `${by} owns ${access.table}`).not.toBe(by);
      }
    }
  });

  it("claims in each feature's manifest the tables its tables.ts adds to Database", () => {
    for (const feature of FEATURES) {
      const file = path.join(FEATURES_DIR, feature.name, 'tables.ts');
      const source = existsSync(file) ? readFileSync(file, 'utf8') : '';
      const block = /interface Database \{([^}]*)\}/.exec(source)?.[1] ?? '';
      const declared = [...block.matchAll(/^\s*(\w+):/gm)].map((m) => m[1]);
      expect(declared.toSorted(), feature.name).toEqual([...(feature.tables ?? [])].toSorted());
    }
  });

  it('refuses a table two owners claim', () => {
    expect(() => tableOwners([...FEATURES, { name: 'vendors', tables: ['tasks'] }])).toThrow(
      'Table "tasks" is claimed by tasks and vendors',
    );
    expect(() => tableOwners([{ name: 'vendors', tables: ['outbox'] }])).toThrow(
      'Table "outbox" is claimed by platform and vendors',
    );
  });

  it('fails a repository that reads or writes what another feature owns', () => {
    const planted = `
      export async function openTasks(db: Db, orgId: string) {
        return db.selectFrom('tasks as t').innerJoin('risks', 'risks.id', 't.id').selectAll().execute();
      }
      export async function touch(db: Db) {
        await db.updateTable('safeguards').set({ statement: '' }).execute();
        await db.deleteFrom('users').execute();
        await db.selectFrom('no_such_table').selectAll().execute();
      }`;
    expect(ownershipProblems('links', 'links/repository.ts', planted)).toEqual([
      'links/repository.ts:3 reads tasks, owned by tasks',
      'links/repository.ts:3 reads risks, owned by risks',
      'links/repository.ts:6 writes safeguards, owned by safeguards',
      'links/repository.ts:7 writes users, owned by auth',
      'links/repository.ts:8 names "no_such_table", which is no table of table-owners.ts',
    ]);
    expect(ownershipProblems('tasks', 'tasks/repository.ts', planted)).toEqual([
      'tasks/repository.ts:3 reads risks, owned by risks',
      'tasks/repository.ts:6 writes safeguards, owned by safeguards',
      'tasks/repository.ts:7 writes users, owned by auth',
      'tasks/repository.ts:8 names "no_such_table", which is no table of table-owners.ts',
    ]);
  });
});
