import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, type CompiledQuery } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './support/database';
import { buildOrganization, buildUser } from './support/factories';
import type { Database } from '../src/server/db/schema';
import { listAssets } from '../src/server/features/assets/repository';
import { listLinksAmong } from '../src/server/features/links/repository';
import { assetsOfRisks, listRisks } from '../src/server/features/risks/repository/risks';
import { findTaskSummaries, listTasks } from '../src/server/features/tasks/repository';
import { openDatabase } from '../src/server/platform/db/connection';

// SQLite only: the statistics and plans of PostgreSQL are its own.
let t: TestDatabase;
let raw: SQLite.Database;
let org = '';
let owner = '';
beforeAll(async () => {
  t = await createTestDatabase({ kind: 'sqlite' });
  if (t.target.kind !== 'sqlite') throw new Error('SQLite expected');
  const db = t.handle.db;
  const [big, small] = [await buildOrganization(db), await buildOrganization(db)];
  org = big.id;
  owner = (await buildUser(db)).id;
  raw = new SQLite(t.target.file);
  // A skewed tenant mix, as in production: one large register beside a small one.
  const seed = (orgId: string, n: number) => {
    raw.exec(`
      with recursive i(n) as (select 1 union all select n + 1 from i where n < ${n})
      insert into risks (id, org_id, number, title, status, owner_id, inherent_level,
        residual_level, treatment, identified_on, created_at, updated_at)
      select '${orgId}-r' || n, '${orgId}', n, 'Risk ' || n,
        case when n % 5 = 0 then 'closed' else 'open' end,
        case when n % 3 = 0 then '${owner}' end, n % 5, n % 4,
        case n % 4 when 0 then 'accept' when 1 then 'mitigate' end,
        '2026-01-01', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z' from i;
      with recursive i(n) as (select 1 union all select n + 1 from i where n < ${n})
      insert into tasks (id, org_id, number, title, description, owner_id, due_on, due_key,
        status, priority, created_at, updated_at)
      select '${orgId}-t' || n, '${orgId}', n, 'Task ' || n, '',
        case when n % 3 = 0 then '${owner}' end,
        case when n % 2 = 0 then date('2026-01-01', '+' || (n % 400) || ' days') end,
        coalesce(case when n % 2 = 0 then date('2026-01-01', '+' || (n % 400) || ' days') end, '9999-12-31'),
        case n % 4 when 0 then 'open' when 1 then 'in_progress' when 2 then 'done' else 'cancelled' end,
        case n % 4 when 0 then 'low' when 1 then 'medium' when 2 then 'high' else 'critical' end,
        '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z' from i;
      with recursive i(n) as (select 1 union all select n + 1 from i where n < ${Math.ceil(n / 10)})
      insert into assets (id, org_id, number, kind, name, description, owner_id, location, vendor,
        ephi_roles, holds_ephi, criticality, encryption_at_rest, encryption_in_transit, mfa, backup,
        lifecycle, created_at, updated_at)
      select '${orgId}-a' || n, '${orgId}', n, case when n % 2 = 0 then 'server' else 'application' end,
        'Asset ' || n, '', null, '', '', '[]', n % 2, 'moderate', 'unknown', 'unknown', 'unknown',
        'unknown', 'active', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z' from i;
      insert into risk_assets (org_id, risk_id, asset_id)
      select '${orgId}', r.id, '${orgId}-a' || (1 + r.number % ${Math.ceil(n / 10)})
      from risks r where r.org_id = '${orgId}';
      -- Skewed as in production: every risk cites one of a few safeguards; few links reach a risk.
      insert into record_links (id, org_id, from_type, from_id, to_type, to_id, created_at)
      select r.id || '-l', '${orgId}', 'risk', r.id, 'safeguard',
        case r.number % 3 when 0 then '164.308(a)(1)(ii)(B)' when 1 then '164.312(a)(2)(iv)'
        else '164.308(a)(7)(ii)(A)' end, '2026-01-01T00:00:00.000Z'
      from risks r where r.org_id = '${orgId}';
      insert into record_links (id, org_id, from_type, from_id, to_type, to_id, created_at)
      select t.id || '-l', '${orgId}', 'task', t.id, 'risk', '${orgId}-r' || t.number,
        '2026-01-01T00:00:00.000Z'
      from tasks t where t.org_id = '${orgId}' and t.number % 100 = 0;
    `);
  };
  seed(big.id, 6000);
  seed(small.id, 60);
});
afterAll(async () => {
  raw.close();
  await t.drop();
});

/** The SQL each list runs for these filters, compiled by the app's own repositories. */
async function listQueries(): Promise<CompiledQuery[]> {
  const queries: CompiledQuery[] = [];
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: raw }),
    log: (event) => {
      queries.push(event.query);
    },
  });
  const risk = [
    {},
    { afterNumber: 100 },
    { status: 'open' as const },
    { level: 2 },
    { residualLevel: 1 },
    { treatment: 'accept' as const },
    { treatment: null },
    { ownerId: owner },
    { ownerId: null },
    { q: 'risk 12' },
  ];
  for (const filter of risk) await listRisks(db, org, { ...filter, limit: 51 });
  const active = ['open', 'in_progress'] as const;
  const task = [
    {},
    { ownerId: owner },
    { ownerId: null },
    { priority: 'high' as const },
    { overdueBefore: { today: '2026-06-01', overdue: true } },
    { after: { dueKey: '2026-03-01', number: 10 } },
  ];
  for (const filter of task) await listTasks(db, org, { statuses: active, ...filter, limit: 51 });
  for (const filter of [{}, { kind: 'server' as const }, { holdsEphi: true }, { afterNumber: 9 }]) {
    await listAssets(db, org, { ...filter, limit: 51 });
  }
  const page = (await listRisks(db, org, { limit: 50 })).map((r) => r.id);
  await listLinksAmong(db, org, 'risk', page, ['safeguard', 'task']);
  return queries;
}

function plan(query: CompiledQuery): string {
  const rows = raw.prepare(`explain query plan ${query.sql}`).all(query.parameters) as {
    detail: string;
  }[];
  return rows.map((r) => r.detail).join('\n');
}

async function expectIndexOrder(state: string) {
  const queries = await listQueries();
  expect(queries.length).toBe(23);
  const shown = queries.slice(0, 20).map((query) => `${state}: ${query.sql}\n${plan(query)}`);
  // A page never sorts all of a tenant's rows: it is read in the order of an index of the
  // organization, or sorts only rows an index has narrowed further (one owner's, overdue ones).
  const sortsTenant = (s: string) => s.includes('TEMP B-TREE') && !s.includes('(org_id=? AND ');
  expect(shown.filter(sortsTenant)).toEqual([]);
  const risks = shown.filter((s) => s.includes('from "risks"'));
  expect(risks.length).toBe(10);
  // The risk register reads in index order whatever the filter.
  expect(risks.filter((s) => s.includes('TEMP B-TREE'))).toEqual([]);
  expect(
    shown.filter(
      (s) => !/SEARCH (risks|tasks|assets) USING (COVERING )?INDEX \S+ \(org_id=\?/.test(s),
    ),
  ).toEqual([]);
  return queries.slice(21).map((query) => `${state}: ${query.sql}\n${plan(query)}`);
}

/** The page's two link lookups probe the links' indexes, never scan every link. */
function expectIndexedLinks(links: string[]) {
  expect(links).toHaveLength(2);
  expect(links.filter((s) => !/SEARCH record_links USING (COVERING )?INDEX/.test(s))).toEqual([]);
}

/** The plans of a page's lookups by ids: its assets and its plan tasks. */
async function lookupPlans(): Promise<string[]> {
  const queries: CompiledQuery[] = [];
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: raw }),
    log: (event) => {
      queries.push(event.query);
    },
  });
  const risks = (await listRisks(db, org, { limit: 50 })).map((r) => r.id);
  const tasks = Array.from({ length: 50 }, (_, i) => `${org}-t${i * 7 + 1}`);
  queries.length = 0;
  expect(await assetsOfRisks(db, org, risks)).toHaveLength(50);
  expect(await findTaskSummaries(db, org, tasks)).toHaveLength(50);
  return queries.map(plan);
}

describe('list plans on SQLite, with and without statistics', () => {
  it('follow an index of the organization without statistics', async () => {
    expectIndexedLinks(await expectIndexOrder('no statistics'));
  });

  it('probe the ids of a page, never read the whole tenant', async () => {
    const [assets, tasks] = await lookupPlans();
    expect(assets).toMatch(/^SEARCH risk_assets USING INDEX \S+ \(risk_id=\?\)/);
    expect(tasks).toMatch(/^SEARCH tasks USING INDEX \S+ \(id=\?\)/);
  });

  it('follow it after a full ANALYZE (stat1 and stat4 samples)', async () => {
    raw.exec('analyze');
    expect(raw.prepare('select count(*) as n from sqlite_stat4').get()).not.toEqual({ n: 0 });
    expectIndexedLinks(await expectIndexOrder('stat1 + stat4'));
  });

  it('keep the lists in index order with stat1 alone', async () => {
    raw.exec('analyze; delete from sqlite_stat4; analyze sqlite_schema');
    await expectIndexOrder('stat1 only');
  });

  it('are made without statistics once the app has opened the database', async () => {
    raw.exec('analyze');
    const file = t.target.kind === 'sqlite' ? t.target.file : '';
    const opened = openDatabase({ kind: 'sqlite', file });
    await opened.destroy();
    raw.close();
    raw = new SQLite(file);
    for (const table of ['sqlite_stat1', 'sqlite_stat4']) {
      expect(raw.prepare(`select count(*) as n from ${table}`).get()).toEqual({ n: 0 });
    }
    expectIndexedLinks(await expectIndexOrder('opened by the app'));
  });
});
