import {
  DummyDriver,
  Kysely,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type CompiledQuery,
  type Transaction,
} from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../db/schema';
import type { AssetsTable } from './tables';
import { compileAssetInserts, runAssetInserts } from './repository';

// Compiles only: no database behind it.
const db = new Kysely<Database>({
  dialect: {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (k) => new SqliteIntrospector(k),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  },
});

function asset(i: number): Omit<AssetsTable, 'number'> {
  return {
    id: `id-${i}`,
    org_id: 'org',
    kind: 'server',
    name: `Asset ${i}`,
    description: '',
    owner_id: null,
    location: '',
    vendor: '',
    ephi_roles: '[]',
    holds_ephi: i % 2,
    record_count: i,
    criticality: 'moderate',
    encryption_at_rest: 'unknown',
    encryption_in_transit: 'unknown',
    mfa: 'unknown',
    backup: 'unknown',
    lifecycle: 'active',
    created_at: '2026-01-01T00:00:00.000Z',
    updated_at: '2026-01-01T00:00:00.000Z',
  };
}

describe('compiled asset inserts', () => {
  it('compile in batches, giving the event loop a turn between them', async () => {
    let turns = 0;
    let compiling = true;
    const tick = () => {
      if (!compiling) return;
      turns++;
      setImmediate(tick);
    };
    setImmediate(tick);
    const inserts = await compileAssetInserts(
      db,
      Array.from({ length: 1200 }, (_, i) => asset(i)),
    );
    compiling = false;
    expect(inserts.batches).toHaveLength(3);
    expect(turns).toBeGreaterThanOrEqual(2);
  });

  it('number the rows from the first reserved number, touching no other value', async () => {
    const rows = Array.from({ length: 1200 }, (_, i) => asset(i));
    const inserts = await compileAssetInserts(db, rows);
    const run: CompiledQuery[] = [];
    const trx = {
      executeQuery: (query: CompiledQuery) => {
        run.push(query);
        return Promise.resolve({ rows: [] });
      },
    } as unknown as Transaction<Database>;
    await runAssetInserts(trx, inserts, 41);
    expect(run.map((q) => q.sql)).toEqual(inserts.batches.map((q) => q.sql));
    const columns = /\(([^)]*)\) values/.exec(run[0]?.sql ?? '')?.[1]?.split(', ') ?? [];
    const stored = run.flatMap((q) => {
      const values = q.parameters;
      const perRow = columns.length;
      return Array.from({ length: values.length / perRow }, (_, r) =>
        Object.fromEntries(columns.map((c, k) => [c.replace(/"/g, ''), values[r * perRow + k]])),
      );
    });
    expect(stored).toHaveLength(1200);
    expect(stored.map((s) => s.number)).toEqual(rows.map((_, i) => 41 + i));
    expect(stored.map((s) => s.record_count)).toEqual(rows.map((r) => r.record_count));
    expect(stored[7]).toMatchObject({ id: 'id-7', name: 'Asset 7', holds_ephi: 1 });
  });
});
