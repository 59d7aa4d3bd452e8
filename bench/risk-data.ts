// Data generator for the risk benchmarks: assets, rated risks with their asset and control links,
// written straight into the database; and a second organization for the report benchmark.
import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { RisksTable } from '../src/server/features/risks/tables';
import { levelOf, riskContent } from '../src/server/features/risks/content';
import { loadConfig } from '../src/server/platform/config';
import { openDatabase } from '../src/server/platform/db/connection';

const TREATMENTS = ['mitigate', 'accept', 'transfer', 'avoid', null] as const;
const CONTROLS = ['164.308(a)(1)(ii)(B)', '164.312(a)(2)(iv)', '164.308(a)(7)(ii)(A)'] as const;

/** A new organization the first member of `memberOf` also belongs to (as owner). */
export async function seedOrganization(env: NodeJS.ProcessEnv, memberOf: string): Promise<string> {
  const database = openDatabase(loadConfig(env).database);
  try {
    const owner = await database.db
      .selectFrom('memberships')
      .select('user_id')
      .where('org_id', '=', memberOf)
      .executeTakeFirstOrThrow();
    const orgId = uuidv7();
    const now = new Date().toISOString();
    await database.db
      .insertInto('organizations')
      .values({
        id: orgId,
        name: 'Report Bench Clinic',
        time_zone: 'America/Chicago',
        idle_timeout_minutes: 15,
        escalate_overdue_after_days: 7,
        mfa_required: 0,
        includes_group_health_plan: 0,
        includes_clearinghouse: 0,
        locations: '[]',
        created_at: now,
      })
      .execute();
    await database.db
      .insertInto('memberships')
      .values({
        id: uuidv7(),
        org_id: orgId,
        user_id: owner.user_id,
        role: 'owner',
        created_at: now,
      })
      .execute();
    return orgId;
  } finally {
    await database.destroy();
  }
}

export async function seedRisks(
  env: NodeJS.ProcessEnv,
  orgId: string,
  risks: number,
): Promise<void> {
  const database = openDatabase(loadConfig(env).database);
  const db = database.db;
  const { defaultMatrix: matrix, library } = riskContent();
  try {
    const owner = await db
      .selectFrom('memberships')
      .select('user_id')
      .where('org_id', '=', orgId)
      .executeTakeFirstOrThrow();
    const now = new Date().toISOString();
    const assetCount = Math.max(10, Math.min(200, Math.ceil(risks / 10)));
    const assetIds = Array.from({ length: assetCount }, () => uuidv7());
    await db
      .insertInto('assets')
      .values(
        assetIds.map((id, i) => ({
          id,
          org_id: orgId,
          number: i + 1,
          kind: i % 2 === 0 ? 'application' : 'workstation',
          name: `Generated asset ${i + 1}`,
          description: '',
          owner_id: owner.user_id,
          location: 'Main clinic',
          vendor: '',
          ephi_roles: '["maintains"]',
          holds_ephi: 1,
          record_count: 1000,
          criticality: 'high',
          encryption_at_rest: i % 3 === 0 ? 'no' : 'yes',
          encryption_in_transit: 'yes',
          mfa: 'partial',
          backup: 'yes',
          lifecycle: 'active',
          created_at: now,
          updated_at: now,
        })),
      )
      .execute();
    for (let start = 0; start < risks; start += 500) {
      const batch = Array.from({ length: Math.min(500, risks - start) }, (_, k): RisksTable => {
        const i = start + k;
        const [l, im, rl, ri] = [i % 5, (i * 3) % 5, Math.max(0, (i % 5) - 2), (i * 3) % 5];
        const threat = library.threats[i % library.threats.length];
        const treatment = TREATMENTS[i % TREATMENTS.length] ?? null;
        // Half the accepted risks as their approver (the owner) accepted them with PUT
        // …/acceptance; the other half still pending approval, as an editor's "accept" leaves them.
        const accepted = treatment === 'accept' && Math.floor(i / TREATMENTS.length) % 2 === 0;
        return {
          id: uuidv7(),
          org_id: orgId,
          number: i + 1,
          title: `Generated risk ${i + 1}: ${threat?.title ?? ''}`,
          description: 'A generated risk with a description of moderate length for realistic rows.',
          status: i % 10 === 9 ? 'closed' : 'open',
          owner_id: i % 3 === 0 ? owner.user_id : null,
          threat_id: threat?.id ?? null,
          vulnerability_id: threat?.vulnerabilities[0] ?? null,
          likelihood: l,
          impact: im,
          inherent_level: levelOf(matrix, l, im).index,
          rating_rationale: 'Generated rationale.',
          treatment,
          treatment_plan: treatment ? 'Generated plan.' : '',
          residual_likelihood: rl,
          residual_impact: ri,
          residual_level: levelOf(matrix, rl, ri).index,
          residual_rationale: '',
          accepted_by: accepted ? owner.user_id : null,
          accepted_on: accepted ? '2026-01-15' : null,
          acceptance_expires_on: accepted ? '2027-01-15' : null,
          identified_on: '2026-01-15',
          last_reviewed_on: null,
          next_review_on: '2027-01-15',
          created_at: now,
          updated_at: now,
        };
      });
      await db.insertInto('risks').values(batch).execute();
      await db
        .insertInto('risk_assets')
        .values(
          batch.map((r, k) => ({
            org_id: orgId,
            risk_id: r.id,
            asset_id: assetIds[(start + k) % assetCount] ?? '',
          })),
        )
        .execute();
      await db
        .insertInto('record_links')
        .values(
          batch.map((r, k) => ({
            id: uuidv7(),
            org_id: orgId,
            from_type: 'risk',
            from_id: r.id,
            to_type: 'safeguard',
            to_id: CONTROLS[(start + k) % CONTROLS.length] ?? '164.308(a)(1)(ii)(B)',
            label: null,
            created_at: now,
            created_by: owner.user_id,
          })),
        )
        .execute();
    }
    await db
      .insertInto('reference_counters')
      .values({ org_id: orgId, kind: 'risk', last: risks })
      .execute();
    await db
      .insertInto('reference_counters')
      .values({ org_id: orgId, kind: 'asset', last: assetCount })
      .execute();
    // Steady state: what autovacuum keeps up to date on PostgreSQL. SQLite runs without statistics,
    // as Custos's own databases do (openDatabase clears any, but only at open): an ANALYZE here
    // would bench a state users never have on servers opened before it.
    if (database.kind === 'postgres') await sql`vacuum analyze`.execute(db);
  } finally {
    await database.destroy();
  }
}
