// Data generator for the compliance-program benchmark: an organization with many tasks and a
// safeguard record for every requirement, written straight into the database.
import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { catalog } from '../src/server/features/catalog/content';
import { loadConfig } from '../src/server/platform/config';
import { openDatabase } from '../src/server/platform/db/connection';

const STATUSES = ['open', 'in_progress', 'done', 'cancelled'] as const;
const PRIORITIES = ['low', 'medium', 'high', 'critical'] as const;
const SAFEGUARD_STATUSES = ['not_started', 'in_progress', 'implemented'] as const;

export async function seedProgram(
  env: NodeJS.ProcessEnv,
  orgId: string,
  tasks: number,
): Promise<void> {
  const database = openDatabase(loadConfig(env).database);
  const db = database.db;
  try {
    const owner = await db
      .selectFrom('memberships')
      .select('user_id')
      .where('org_id', '=', orgId)
      .executeTakeFirstOrThrow();
    const now = new Date().toISOString();
    const base = Date.UTC(2026, 0, 1);
    for (let start = 0; start < tasks; start += 500) {
      const rows = Array.from({ length: Math.min(500, tasks - start) }, (_, k) => {
        const i = start + k;
        const due =
          i % 10 === 9 ? null : new Date(base + (i % 730) * 86_400_000).toISOString().slice(0, 10);
        return {
          id: uuidv7(),
          org_id: orgId,
          number: i + 1,
          title: `Generated task ${i + 1}`,
          description: '',
          owner_id: i % 5 === 0 ? owner.user_id : null,
          due_on: due,
          due_key: due ?? '9999-12-31',
          status: STATUSES[i % 4] ?? 'open',
          priority: PRIORITIES[i % 4] ?? 'medium',
          recurrence: i % 50 === 0 ? 'FREQ=MONTHLY;INTERVAL=1' : null,
          completion_note: null,
          evidence_url: null,
          completed_at: null,
          completed_by: null,
          created_at: now,
          created_by: owner.user_id,
          updated_at: now,
        };
      });
      await db.insertInto('tasks').values(rows).execute();
    }
    await db
      .insertInto('reference_counters')
      .values({ org_id: orgId, kind: 'task', last: tasks })
      .execute();
    await db
      .insertInto('safeguards')
      .values(
        catalog().requirements.map((r, i) => ({
          id: uuidv7(),
          org_id: orgId,
          requirement_id: r.id,
          status: SAFEGUARD_STATUSES[i % 3] ?? 'not_started',
          owner_id: i % 2 === 0 ? owner.user_id : null,
          statement: `Generated statement for ${r.id}. `.repeat(5),
          review_interval_months: 12,
          next_review_on: new Date(base + i * 7 * 86_400_000).toISOString().slice(0, 10),
          decision: null,
          decision_rationale: null,
          decision_alternative: null,
          decision_approved_by: null,
          decision_approved_on: null,
          decision_basis: null,
          updated_at: now,
        })),
      )
      .execute();
    // Steady state: what autovacuum keeps up to date on PostgreSQL. SQLite runs without statistics,
    // as Custos's own databases do (openDatabase clears any, but only at open): an ANALYZE here
    // would bench a state users never have on servers opened before it.
    if (database.kind === 'postgres') await sql`vacuum analyze`.execute(db);
  } finally {
    await database.destroy();
  }
}
