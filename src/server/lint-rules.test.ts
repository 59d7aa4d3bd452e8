import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

// The architectural rules of eslint.config.js, checked on planted code: a rule that cannot fail
// protects nothing. Type-aware rules are switched off here; these rules are syntactic.
const eslint = new ESLint({
  overrideConfig: [tseslint.configs.disableTypeChecked],
  ruleFilter: ({ ruleId }) =>
    ruleId === 'no-restricted-syntax' || ruleId === '@typescript-eslint/no-restricted-imports',
});

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`);
}

const QUERY = `import type { Db } from '../../platform/db/types';
export async function openTasks(db: Db, orgId: string) {
  return db.selectFrom('tasks').select('id').where('org_id', '=', orgId).execute();
}
`;

const RAW = `import { sql } from 'kysely';
import type { Db } from '../../platform/db/types';
export async function count(db: Db) {
  return sql<{ n: number }>\`select count(*) as n from tasks\`.execute(db);
}
`;

const THROUGH_TRANSACTION = `import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema';
export async function closeIn(trx: Transaction<Database>, id: string) {
  await trx.updateTable('tasks').set({ status: 'done' }).where('id', '=', id).execute();
}
`;

describe('SQL only in repository files', () => {
  it.each([
    'src/server/features/tasks/service.ts',
    'src/server/features/risks/acceptance.ts',
    'src/server/platform/org-calendar.ts',
    'src/cli/commands/demo.ts',
  ])('refuses a query in %s', async (file) => {
    expect(await problems(file, QUERY)).toEqual([
      expect.stringMatching(/^no-restricted-syntax: SQL belongs in a repository file/),
    ]);
    expect(await problems(file, THROUGH_TRANSACTION)).toEqual([
      expect.stringMatching(/^no-restricted-syntax: SQL belongs in a repository file/),
    ]);
  });

  it('refuses raw sql outside repository files', async () => {
    const found = await problems('src/server/platform/references.ts', RAW);
    expect(found).toEqual([expect.stringMatching(/^no-restricted-syntax: raw SQL belongs/)]);
  });

  it.each([
    'src/server/features/tasks/repository.ts',
    'src/server/features/risks/repository/risks.ts',
    'src/server/platform/references-repository.ts',
    'src/server/platform/db/connection.ts',
    'src/server/db/migrations/0099_add_thing.ts',
    'src/server/features/tasks/tasks.int.test.ts',
    'test/support/factories.ts',
  ])('allows queries in %s', async (file) => {
    expect(await problems(file, QUERY)).toEqual([]);
    expect(await problems(file, THROUGH_TRANSACTION)).toEqual([]);
  });

  it('allows raw sql in a repository file', async () => {
    expect(await problems('src/server/features/tasks/repository.ts', RAW)).toEqual([]);
  });
});

describe('routes never import repositories', () => {
  const ROUTE = (from: string) => `import { findTask } from '${from}';
export const handler = findTask;
`;

  it.each([
    ['src/server/features/tasks/routes.ts', './repository'],
    ['src/server/features/risks/register-routes.ts', './repository/risks'],
    ['src/server/features/tasks/routes.ts', '../../platform/references-repository'],
    ['src/server/features/tasks/routes.ts', '../../platform/mail/repository'],
  ])('refuses %s importing %s', async (file, from) => {
    expect(await problems(file, ROUTE(from))).toEqual([
      expect.stringMatching(/^@typescript-eslint\/no-restricted-imports: .*only services call/),
    ]);
  });

  it('lets a route import its service, and a service its repository', async () => {
    expect(await problems('src/server/features/tasks/routes.ts', ROUTE('./service'))).toEqual([]);
    expect(await problems('src/server/features/tasks/service.ts', ROUTE('./repository'))).toEqual(
      [],
    );
  });

  it('still refuses what every feature file is refused', async () => {
    const found = await problems('src/server/features/tasks/routes.ts', ROUTE('../risks/service'));
    expect(found).toEqual([]);
    expect(
      await problems('src/server/features/tasks/routes.ts', ROUTE('../../../web/api/client')),
    ).toEqual([expect.stringMatching(/never imports the web app/)]);
    expect(
      await problems('src/server/features/tasks/service.ts', ROUTE('../../../web/api/client')),
    ).toEqual([expect.stringMatching(/never imports the web app/)]);
  });
});
